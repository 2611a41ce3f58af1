import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor

/// Starting the app outside of tests: logging, the Application, configuration.
public enum Runtime {
    private static let loggingBootstrapped = NIOLockedValueBox(false)

    /// Log to stderr at `LOG_LEVEL` (default info). Safe to call more than once.
    public static func bootstrapLogging() {
        loggingBootstrapped.withLockedValue { done in
            guard !done else { return }
            let level = Environment.get("LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            done = true
        }
    }

    /// A configured application. Vapor's own argument parsing is bypassed: the `styrbord` command has
    /// already parsed the command line.
    public static func makeApplication(_ config: AppConfiguration) async throws -> Application {
        bootstrapLogging()
        let env = Environment(name: Environment.get("STYRBORD_ENV") ?? "production", arguments: ["styrbord"])
        let app = try await Application.make(env)
        do {
            try await configure(app, config)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    /// Runs `body` with an application and shuts it down afterwards, also on error.
    public static func withApplication<T>(
        _ config: AppConfiguration, _ body: (Application) async throws -> T
    ) async throws -> T {
        let app = try await makeApplication(config)
        do {
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Serves HTTP until interrupted (SIGINT/SIGTERM).
    public static func serve(_ app: Application, host: String, port: Int) async throws {
        app.http.server.configuration.hostname = host
        app.http.server.configuration.port = port
        app.environment.arguments = ["styrbord", "serve"]
        // E-mail for notices runs beside the server, never inside a request.
        try NoticeDeliveryLoop.register(on: app)
        try await app.execute()
    }

    /// Reverts every migration (for `styrbord migrate --revert`).
    public static func revertAll(_ app: Application) async throws {
        try await app.autoRevert()
    }

    /// Number of tenants, to decide whether the demo should load.
    public static func tenantCount(_ app: Application) async throws -> Int {
        try await Tenant.query(on: app.db).count()
    }
}
