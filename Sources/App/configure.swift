import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// Where the data lives.
public enum DatabaseChoice: Sendable, Equatable {
    /// The embedded default: one SQLite file, created and migrated on first start.
    case sqliteFile(String)
    /// For tests: a private in-memory SQLite database.
    case sqliteMemory
    /// PostgreSQL from a `postgres://user:pass@host:port/db` URL; `searchPath` puts tables in a schema.
    case postgres(url: String, searchPath: String? = nil)

    /// `DATABASE_URL` (postgres) wins; otherwise the SQLite file from `STYRBORD_DATABASE` or the default.
    public static func fromEnvironment(defaultPath: String = "styrbord.sqlite") -> DatabaseChoice {
        if let url = Environment.get("DATABASE_URL"), !url.isEmpty {
            return .postgres(url: url)
        }
        return .sqliteFile(Environment.get("STYRBORD_DATABASE") ?? defaultPath)
    }

    /// A description without the password, for logs.
    public var redacted: String {
        switch self {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres(let url, _):
            URLComponents(string: url).map { c in "PostgreSQL \(c.host ?? "?"):\(c.port ?? 5432)\(c.path)" }
                ?? "PostgreSQL"
        }
    }
}

/// Everything that differs between a production start, a test and a command.
public struct AppConfiguration: Sendable {
    public var database: DatabaseChoice
    /// Run pending migrations during configure.
    public var autoMigrate: Bool
    /// PostgreSQL connections per event loop (`DATABASE_POOL_SIZE`); tests use 1 because many apps
    /// share one server.
    public var postgresConnectionsPerEventLoop: Int
    /// bcrypt's cost (`STYRBORD_BCRYPT_COST`, default 12: about a quarter second per sign-in). Tests use 4.
    public var passwordCost: Int

    public init(
        database: DatabaseChoice, autoMigrate: Bool = true,
        postgresConnectionsPerEventLoop: Int = Int(Environment.get("DATABASE_POOL_SIZE") ?? "") ?? 4,
        passwordCost: Int = Int(Environment.get("STYRBORD_BCRYPT_COST") ?? "") ?? 12
    ) {
        self.database = database
        self.autoMigrate = autoMigrate
        self.postgresConnectionsPerEventLoop = max(1, postgresConnectionsPerEventLoop)
        self.passwordCost = min(max(4, passwordCost), 31)
    }
}

public enum ConfigurationError: Error, CustomStringConvertible {
    case invalidDatabaseURL(String)
    case routesWithoutAccess([String])

    public var description: String {
        switch self {
        case .invalidDatabaseURL(let reason): "DATABASE_URL is not a usable PostgreSQL URL: \(reason)"
        case .routesWithoutAccess(let routes):
            "Every route must declare who may use it (Route.access); these do not: "
                + routes.joined(separator: ", ")
        }
    }
}

/// Builds the app: database → migrations → middleware → routes. The same function serves production,
/// tests and the command line, so tests exercise exactly what runs.
public func configure(_ app: Application, _ config: AppConfiguration) async throws {
    AppMetrics.bootstrap()
    // Stable, readable JSON: sorted keys (diffs and tests), unescaped slashes in URLs, ISO 8601 dates.
    ContentConfiguration.global.use(
        encoder: JSONEncoder.custom(dates: .iso8601, format: [.sortedKeys, .withoutEscapingSlashes]), for: .json)
    switch config.database {
    case .sqliteFile(let path):
        // SQLite runs one writer at a time and a burst of writes queues for the few connections: on a
        // busy machine twenty concurrent writers waited past the pool's default 10 s and got a 500.
        // (The same for the in-memory database below, which the tests use.)
        app.databases.use(
            .sqlite(.file(path), maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(30)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, connectionPoolTimeout: .seconds(30)), as: .sqlite)
    case .postgres(let url, let searchPath):
        var pg: SQLPostgresConfiguration
        do {
            pg = try SQLPostgresConfiguration(url: url)
        } catch {
            throw ConfigurationError.invalidDatabaseURL(String(describing: error))
        }
        pg.searchPath = searchPath.map { [$0] }
        app.databases.use(
            .postgres(configuration: pg, maxConnectionsPerEventLoop: config.postgresConnectionsPerEventLoop), as: .psql)
    }
    app.registerCache = RegisterCache()
    app.pageCache = PageCache()
    app.complianceCache = ComplianceCache()
    app.passwordCost = config.passwordCost
    AppMigrations.register(on: app)
    try await DatabaseTuning.prepare(app.db)
    if config.autoMigrate {
        try await app.autoMigrate()
    }

    app.routes.defaultMaxBodySize = "1mb"
    app.middleware = Middlewares()
    app.middleware.use(RequestIDLoggingMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(MethodNotAllowedMiddleware())  // inside the error middleware: it sees Vapor's RouteNotFound
    app.middleware.use(LanguageMiddleware())
    app.middleware.use(FlashMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(AuthorizationMiddleware())  // after routing: it reads the route's declared access
    app.middleware.use(UnreadNoticesMiddleware())  // the header's inbox count, once the account is known

    try routes(app)
}

/// Headers every response carries: a strict Content-Security-Policy (no inline script or style),
/// no framing, no MIME sniffing.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
        + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let h = response.headers
        if !h.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        return response
    }
}

/// Echoes the request id so a user can quote it, and logs one line per request.
struct RequestIDLoggingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Request-Id", value: request.id)
        request.logger.debug("\(request.method) \(request.url.path) → \(response.status.code)")
        return response
    }
}
