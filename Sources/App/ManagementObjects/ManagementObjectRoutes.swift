import Foundation
import Vapor

/// URLs of the förvaltningsobjekt pages.
enum ManagementObjectRoutes {
    static func index(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "management-objects"), query: query)
    }
    static func new(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "management-objects", "new") }
    static func show(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "management-objects", id.uuidString)
    }
    static func edit(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "management-objects", id.uuidString, "edit")
    }
    static func delete(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "management-objects", id.uuidString, "delete")
    }
    static func apiIndex(_ tenant: String) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "management-objects")
    }
    static func apiShow(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "management-objects", id.uuidString)
    }

    /// - Parameters:
    ///   - html: routes under `/t/:tenant`
    ///   - api: routes under `/api/v1/tenants/:tenant`
    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = ManagementObjectsController()
        let group = html.grouped("management-objects")
        group.get(use: pages.index).access(.tenant(.read))
        group.get("new", use: pages.new).access(.tenant(.administer))
        group.post(use: pages.create).access(.tenant(.administer))
        group.get(":managementObjectID", use: pages.show).access(.tenant(.read))
        group.get(":managementObjectID", "edit", use: pages.edit).access(.tenant(.administer))
        group.post(":managementObjectID", "edit", use: pages.update).access(.tenant(.administer))
        group.get(":managementObjectID", "delete", use: pages.confirmDelete).access(.tenant(.administer))
        group.post(":managementObjectID", "delete", use: pages.delete).access(.tenant(.administer))

        let json = ManagementObjectsAPIController()
        let apiGroup = api.grouped("management-objects")
        apiGroup.get(use: json.index).access(.tenant(.read))
        apiGroup.post(use: json.create).access(.tenant(.administer))
        apiGroup.get(":managementObjectID", use: json.show).access(.tenant(.read))
        apiGroup.put(":managementObjectID", use: json.update).access(.tenant(.administer))
        apiGroup.delete(":managementObjectID", use: json.delete).access(.tenant(.administer))
    }
}
