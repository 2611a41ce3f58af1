import Foundation
import Vapor

/// URLs of the supplier pages.
enum SupplierRoutes {
    static func index(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "suppliers"), query: query)
    }
    static func new(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "suppliers", "new") }
    static func show(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "suppliers", id.uuidString)
    }
    static func edit(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "suppliers", id.uuidString, "edit")
    }
    static func delete(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "suppliers", id.uuidString, "delete")
    }
    static func apiShow(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "suppliers", id.uuidString)
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = SuppliersController()
        let group = html.grouped("suppliers")
        group.get(use: pages.index).access(.tenant(.read))
        group.get("new", use: pages.new).access(.tenant(.administer))
        group.post(use: pages.create).access(.tenant(.administer))
        group.get(":supplierID", use: pages.show).access(.tenant(.read))
        group.get(":supplierID", "edit", use: pages.edit).access(.tenant(.administer))
        group.post(":supplierID", "edit", use: pages.update).access(.tenant(.administer))
        group.get(":supplierID", "delete", use: pages.confirmDelete).access(.tenant(.administer))
        group.post(":supplierID", "delete", use: pages.delete).access(.tenant(.administer))

        let json = SuppliersAPIController()
        let apiGroup = api.grouped("suppliers")
        apiGroup.get(use: json.index).access(.tenant(.read))
        apiGroup.post(use: json.create).access(.tenant(.administer))
        apiGroup.get(":supplierID", use: json.show).access(.tenant(.read))
        apiGroup.put(":supplierID", use: json.update).access(.tenant(.administer))
        apiGroup.delete(":supplierID", use: json.delete).access(.tenant(.administer))
    }
}
