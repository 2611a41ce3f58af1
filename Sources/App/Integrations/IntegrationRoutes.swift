import Foundation
import Vapor

/// URLs of integration forms.
enum IntegrationRoutes {
    static func new(_ tenant: String, source: UUID?) -> String {
        URLBuilder.path(
            URLBuilder.segments("t", tenant, "integrations", "new"), query: [("source", source?.uuidString ?? "")])
    }
    static func create(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "integrations") }
    static func edit(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "integrations", id.uuidString, "edit")
    }
    static func delete(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "integrations", id.uuidString, "delete")
    }
}

extension IntegrationRoutes {
    static func apiShow(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "integrations", id.uuidString)
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = IntegrationsController()
        let group = html.grouped("integrations")
        group.get("new", use: pages.new).access(.tenant(.editSomeSystem))
        group.post(use: pages.create).access(.tenant(.editSomeSystem))
        group.get(":integrationID", "edit", use: pages.edit).access(.tenant(.editIntegration(param: "integrationID")))
        group.post(":integrationID", "edit", use: pages.update).access(
            .tenant(.editIntegration(param: "integrationID")))
        group.get(":integrationID", "delete", use: pages.confirmDelete).access(
            .tenant(.editIntegration(param: "integrationID")))
        group.post(":integrationID", "delete", use: pages.delete).access(
            .tenant(.editIntegration(param: "integrationID")))

        let json = IntegrationsAPIController()
        let apiGroup = api.grouped("integrations")
        apiGroup.get(use: json.index).access(.tenant(.read))
        apiGroup.post(use: json.create).access(.tenant(.editSomeSystem))
        apiGroup.get(":integrationID", use: json.show).access(.tenant(.read))
        apiGroup.put(":integrationID", use: json.update).access(.tenant(.editIntegration(param: "integrationID")))
        apiGroup.delete(":integrationID", use: json.delete).access(.tenant(.editIntegration(param: "integrationID")))
    }
}
