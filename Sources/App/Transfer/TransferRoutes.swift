import Foundation
import Vapor

/// URLs of import and export.
enum TransferRoutes {
    enum Dataset: String, CaseIterable, Sendable { case systems, roles, integrations }
    enum Format: String, CaseIterable, Sendable { case csv, json }

    static func index(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "transfer") }
    static func importSystems(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "transfer", "import") }
    static func importForm(_ tenant: String) -> String { index(tenant) + "#import" }
    static func export(_ tenant: String, _ dataset: Dataset, _ format: Format, query: [(String, String)] = []) -> String
    {
        URLBuilder.path(
            URLBuilder.segments("t", tenant, "transfer", "export", "\(dataset.rawValue).\(format.rawValue)"),
            query: query)
    }
}
