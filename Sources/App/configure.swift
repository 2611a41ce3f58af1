import Vapor
import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver
import Plot
import Prometheus
import Yams
import StyrbordCore
public func configure(_ app: Application) async throws {}
