import Foundation
import Vapor

/// URLs of the people pages.
enum PersonRoutes {
    static func index(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "people"), query: query)
    }
    static func new(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "people", "new") }
    static func show(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "people", id.uuidString) }
    static func edit(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "people", id.uuidString, "edit") }
    static func delete(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "people", id.uuidString, "delete") }
}
