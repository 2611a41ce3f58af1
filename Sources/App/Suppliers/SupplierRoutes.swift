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
        group.get(use: pages.index)
        group.get("new", use: pages.new)
        group.post(use: pages.create)
        group.get(":supplierID", use: pages.show)
        group.get(":supplierID", "edit", use: pages.edit)
        group.post(":supplierID", "edit", use: pages.update)
        group.get(":supplierID", "delete", use: pages.confirmDelete)
        group.post(":supplierID", "delete", use: pages.delete)

        let json = SuppliersAPIController()
        let apiGroup = api.grouped("suppliers")
        apiGroup.get(use: json.index)
        apiGroup.post(use: json.create)
        apiGroup.get(":supplierID", use: json.show)
        apiGroup.put(":supplierID", use: json.update)
        apiGroup.delete(":supplierID", use: json.delete)
    }
}
