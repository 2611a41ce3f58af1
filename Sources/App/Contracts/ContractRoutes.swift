import Foundation
import Vapor

/// URLs of contract forms.
enum ContractRoutes {
    static func new(_ tenant: String, system: UUID) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "contracts", "new"), query: [("system", system.uuidString)])
    }
    static func create(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "contracts") }
    static func edit(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "contracts", id.uuidString, "edit") }
    static func delete(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "contracts", id.uuidString, "delete") }
}

enum ContractRules {
    static let objectType = "contract"
}
