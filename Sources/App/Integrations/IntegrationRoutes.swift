import Foundation
import Vapor

/// URLs of integration forms.
enum IntegrationRoutes {
    static func new(_ tenant: String, source: UUID?) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "integrations", "new"), query: [("source", source?.uuidString ?? "")])
    }
    static func create(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "integrations") }
    static func edit(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "integrations", id.uuidString, "edit") }
    static func delete(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "integrations", id.uuidString, "delete") }
}

enum IntegrationRules {
    static let objectType = "integration"
}
