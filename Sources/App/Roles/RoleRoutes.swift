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
        html.get("roles", use: RolesController().index).access(.tenant(.read))
        let pages = RoleAssignmentsController()
        let assignments = html.grouped("role-assignments")
        assignments.get("new", use: pages.new).access(.tenant(.editSomeSystem))
        assignments.post(use: pages.create).access(.tenant(.editSomeSystem))
        assignments.get(":assignmentID", "edit", use: pages.edit).access(.tenant(.appointRole(param: "assignmentID")))
        assignments.post(":assignmentID", "edit", use: pages.update).access(
            .tenant(.appointRole(param: "assignmentID")))
        assignments.get(":assignmentID", "end", use: pages.confirmEnd).access(
            .tenant(.appointRole(param: "assignmentID")))
        assignments.post(":assignmentID", "end", use: pages.end).access(.tenant(.appointRole(param: "assignmentID")))
        assignments.get(":assignmentID", "delete", use: pages.confirmDelete).access(
            .tenant(.appointRole(param: "assignmentID")))
        assignments.post(":assignmentID", "delete", use: pages.delete).access(
            .tenant(.appointRole(param: "assignmentID")))

        let types = RoleTypesAPIController()
        let apiTypes = api.grouped("role-types")
        apiTypes.get(use: types.index).access(.tenant(.read))
        apiTypes.post(use: types.create).access(.tenant(.administer))
        apiTypes.get(":roleTypeID", use: types.show).access(.tenant(.read))
        apiTypes.put(":roleTypeID", use: types.update).access(.tenant(.administer))
        apiTypes.delete(":roleTypeID", use: types.delete).access(.tenant(.administer))

        let json = RoleAssignmentsAPIController()
        let apiAssignments = api.grouped("role-assignments")
        apiAssignments.get(use: json.index).access(.tenant(.read))
        apiAssignments.post(use: json.create).access(.tenant(.editSomeSystem))
        apiAssignments.get(":assignmentID", use: json.show).access(.tenant(.read))
        apiAssignments.put(":assignmentID", use: json.update).access(.tenant(.appointRole(param: "assignmentID")))
        apiAssignments.delete(":assignmentID", use: json.delete).access(.tenant(.appointRole(param: "assignmentID")))
    }
}
