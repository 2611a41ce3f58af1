import Foundation
import StyrbordCore
import Vapor

/// URLs of role types, role assignments and the tenant-wide roles page.
enum RoleRoutes {
    static func index(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "roles") }
    /// The form to appoint someone; `role` preselects the role.
    static func newAssignment(_ tenant: String, scope: RoleScopeKind, scopeID: UUID?, role: UUID? = nil) -> String {
        URLBuilder.path(
            URLBuilder.segments("t", tenant, "role-assignments", "new"),
            query: [
                ("scope", scope.rawValue), ("scopeId", scopeID?.uuidString ?? ""), ("role", role?.uuidString ?? ""),
            ])
    }
    static func assignments(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "role-assignments") }
    static func editAssignment(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "role-assignments", id.uuidString, "edit")
    }
    static func endAssignment(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "role-assignments", id.uuidString, "end")
    }
    static func deleteAssignment(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "role-assignments", id.uuidString, "delete")
    }
    static func apiRoleType(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "role-types", id.uuidString)
    }
    static func apiAssignment(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "role-assignments", id.uuidString)
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        html.get("roles", use: RolesController().index)
        let pages = RoleAssignmentsController()
        let assignments = html.grouped("role-assignments")
        assignments.get("new", use: pages.new)
        assignments.post(use: pages.create)
        assignments.get(":assignmentID", "edit", use: pages.edit)
        assignments.post(":assignmentID", "edit", use: pages.update)
        assignments.get(":assignmentID", "end", use: pages.confirmEnd)
        assignments.post(":assignmentID", "end", use: pages.end)
        assignments.get(":assignmentID", "delete", use: pages.confirmDelete)
        assignments.post(":assignmentID", "delete", use: pages.delete)

        let types = RoleTypesAPIController()
        let apiTypes = api.grouped("role-types")
        apiTypes.get(use: types.index)
        apiTypes.post(use: types.create)
        apiTypes.get(":roleTypeID", use: types.show)
        apiTypes.put(":roleTypeID", use: types.update)
        apiTypes.delete(":roleTypeID", use: types.delete)

        let json = RoleAssignmentsAPIController()
        let apiAssignments = api.grouped("role-assignments")
        apiAssignments.get(use: json.index)
        apiAssignments.post(use: json.create)
        apiAssignments.get(":assignmentID", use: json.show)
        apiAssignments.put(":assignmentID", use: json.update)
        apiAssignments.delete(":assignmentID", use: json.delete)
    }
}
