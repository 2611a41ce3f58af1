import Foundation
import Vapor

/// URLs of the organisation tree.
enum OrgUnitRoutes {
    static func index(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "org") }
    static func new(_ tenant: String, parent: UUID? = nil) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "org", "new"), query: [("parent", parent?.uuidString ?? "")])
    }
    static func show(_ tenant: String, _ id: UUID) -> String { URLBuilder.segments("t", tenant, "org", id.uuidString) }
    static func edit(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "org", id.uuidString, "edit")
    }
    static func delete(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "org", id.uuidString, "delete")
    }
    static func apiIndex(_ tenant: String) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "org-units")
    }
    static func apiShow(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "org-units", id.uuidString)
    }

    /// - Parameters:
    ///   - html: routes under `/t/:tenant`
    ///   - api: routes under `/api/v1/tenants/:tenant`
    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = OrgUnitsController()
        let group = html.grouped("org")
        group.get(use: pages.index)
        group.get("new", use: pages.new)
        group.post(use: pages.create)
        group.get(":orgUnitID", use: pages.show)
        group.get(":orgUnitID", "edit", use: pages.edit)
        group.post(":orgUnitID", "edit", use: pages.update)
        group.get(":orgUnitID", "delete", use: pages.confirmDelete)
        group.post(":orgUnitID", "delete", use: pages.delete)

        let json = OrgUnitsAPIController()
        let apiGroup = api.grouped("org-units")
        apiGroup.get(use: json.index)
        apiGroup.post(use: json.create)
        apiGroup.get(":orgUnitID", use: json.show)
        apiGroup.put(":orgUnitID", use: json.update)
        apiGroup.delete(":orgUnitID", use: json.delete)
    }
}
