import Vapor
// Temporary until the demo and import modules are merged.
public enum DemoLoader {
    public static let showcaseSlug = "sjovik"
    public static func loadShowcase(app: Application) async throws -> String { throw CommandFailure("pending") }
    public static func loadGenerated(app: Application, count: Int, seed: UInt64, progress: (String) -> Void) async throws -> String { throw CommandFailure("pending") }
}
