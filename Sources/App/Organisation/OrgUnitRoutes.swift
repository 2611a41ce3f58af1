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
        group.get(use: pages.index).access(.tenant(.read))
        group.get("new", use: pages.new).access(.tenant(.administer))
        group.post(use: pages.create).access(.tenant(.administer))
        group.get(":orgUnitID", use: pages.show).access(.tenant(.read))
        group.get(":orgUnitID", "edit", use: pages.edit).access(.tenant(.administer))
        group.post(":orgUnitID", "edit", use: pages.update).access(.tenant(.administer))
        group.get(":orgUnitID", "delete", use: pages.confirmDelete).access(.tenant(.administer))
        group.post(":orgUnitID", "delete", use: pages.delete).access(.tenant(.administer))

        let json = OrgUnitsAPIController()
        let apiGroup = api.grouped("org-units")
        apiGroup.get(use: json.index).access(.tenant(.read))
        apiGroup.post(use: json.create).access(.tenant(.administer))
        apiGroup.get(":orgUnitID", use: json.show).access(.tenant(.read))
        apiGroup.put(":orgUnitID", use: json.update).access(.tenant(.administer))
        apiGroup.delete(":orgUnitID", use: json.delete).access(.tenant(.administer))
    }
}
