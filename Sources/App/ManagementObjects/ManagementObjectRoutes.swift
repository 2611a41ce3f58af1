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
        group.get(use: pages.index)
        group.get("new", use: pages.new)
        group.post(use: pages.create)
        group.get(":managementObjectID", use: pages.show)
        group.get(":managementObjectID", "edit", use: pages.edit)
        group.post(":managementObjectID", "edit", use: pages.update)
        group.get(":managementObjectID", "delete", use: pages.confirmDelete)
        group.post(":managementObjectID", "delete", use: pages.delete)

        let json = ManagementObjectsAPIController()
        let apiGroup = api.grouped("management-objects")
        apiGroup.get(use: json.index)
        apiGroup.post(use: json.create)
        apiGroup.get(":managementObjectID", use: json.show)
        apiGroup.put(":managementObjectID", use: json.update)
        apiGroup.delete(":managementObjectID", use: json.delete)
    }
}
