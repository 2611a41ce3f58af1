import Foundation
import Vapor

/// URLs of the people pages.
enum PersonRoutes {
    static func index(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "people"), query: query)
    }
    static func new(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "people", "new") }
    static func show(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "people", id.uuidString)
    }
    static func edit(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "people", id.uuidString, "edit")
    }
    static func delete(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "people", id.uuidString, "delete")
    }
    static func apiIndex(_ tenant: String) -> String { URLBuilder.segments("api", "v1", "tenants", tenant, "people") }
    static func apiShow(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "people", id.uuidString)
    }

    /// - Parameters:
    ///   - html: routes under `/t/:tenant`
    ///   - api: routes under `/api/v1/tenants/:tenant`
    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = PeopleController()
        let group = html.grouped("people")
        group.get(use: pages.index).access(.tenant(.read))
        group.get("new", use: pages.new).access(.tenant(.administer))
        group.post(use: pages.create).access(.tenant(.administer))
        group.get(":personID", use: pages.show).access(.tenant(.read))
        group.get(":personID", "edit", use: pages.edit).access(.tenant(.administer))
        group.post(":personID", "edit", use: pages.update).access(.tenant(.administer))
        group.get(":personID", "delete", use: pages.confirmDelete).access(.tenant(.administer))
        group.post(":personID", "delete", use: pages.delete).access(.tenant(.administer))

        let json = PeopleAPIController()
        let apiGroup = api.grouped("people")
        apiGroup.get(use: json.index).access(.tenant(.read))
        apiGroup.post(use: json.create).access(.tenant(.administer))
        apiGroup.get(":personID", use: json.show).access(.tenant(.read))
        apiGroup.put(":personID", use: json.update).access(.tenant(.administer))
        apiGroup.delete(":personID", use: json.delete).access(.tenant(.administer))
    }
}
