import Foundation
import Vapor

/// URLs of the organisation tree.
enum OrgUnitRoutes {
    static func index(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "org") }
    static func new(_ tenant: String, parent: UUID? = nil) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "org", "new"), query: [("parent", parent?.uuidString ?? "")])
    }
    static func show(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "org", id.uuidString) }
    static func edit(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "org", id.uuidString, "edit") }
    static func delete(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "org", id.uuidString, "delete") }
}
