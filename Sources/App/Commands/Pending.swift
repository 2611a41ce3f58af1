import Vapor
// Temporary until the demo and import modules are merged.
public enum DemoLoader {
    public static let showcaseSlug = "sjovik"
    public static func loadShowcase(app: Application) async throws -> String { throw CommandFailure("pending") }
    public static func loadGenerated(app: Application, count: Int, seed: UInt64, progress: (String) -> Void) async throws -> String { throw CommandFailure("pending") }
}
public struct ImportOutcome: Sendable { public var report: String; public var succeeded: Bool }
public enum SystemImportCommand {
    public static func run(app: Application, tenantSlug: String, bytes: [UInt8], mappingArguments: [String], dryRun: Bool, actor: String) async throws -> ImportOutcome { throw CommandFailure("pending") }
}
public enum ExportCommand {
    public static func run(app: Application, tenantSlug: String, dataset: String, format: String) async throws -> [UInt8] { throw CommandFailure("pending") }
}
