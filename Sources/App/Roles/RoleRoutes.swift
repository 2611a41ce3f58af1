import Foundation
import StyrbordCore
import Vapor

/// URLs of role types, role assignments and the tenant-wide roles page.
enum RoleRoutes {
    static func index(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "roles") }
    static func newAssignment(_ tenant: String, scope: RoleScopeKind, scopeID: UUID?) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "role-assignments", "new"),
                        query: [("scope", scope.rawValue), ("scopeId", scopeID?.uuidString ?? "")])
    }
    static func assignments(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "role-assignments") }
    static func editAssignment(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "role-assignments", id.uuidString, "edit") }
    static func endAssignment(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "role-assignments", id.uuidString, "end") }
    static func deleteAssignment(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "role-assignments", id.uuidString, "delete") }
}

/// Role assignment writes (placeholder until the roles domain lands).
enum RoleAssignmentRules {
    static let objectType = "role-assignment"
}
