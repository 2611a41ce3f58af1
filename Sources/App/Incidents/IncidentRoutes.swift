import Foundation
import Vapor

/// URLs of the incident pages and API. Every employee reports incidents and reads them (T9); an incident is
/// handled by the people who run its systems, their förvaltning's IT-samordnare, the profile's incident
/// handlers (the säkerhetschef) and the administrator.
enum IncidentRoutes {
    static func index(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "incidents"), query: query)
    }
    static func new(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "incidents", "new") }
    static func statistics(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "incidents", "statistics") }
    static func show(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "incidents", id.uuidString)
    }
    static func imy(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "incidents", id.uuidString, "imy")
    }
    static func actions(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "incidents", id.uuidString, "actions")
    }
    static func actionDone(_ tenant: String, _ id: UUID, _ actionID: UUID) -> String {
        URLBuilder.segments("t", tenant, "incidents", id.uuidString, "actions", actionID.uuidString, "done")
    }
    static func notes(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "incidents", id.uuidString, "notes")
    }
    static func status(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "incidents", id.uuidString, "status")
    }
    static func apiIndex(_ tenant: String) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "incidents")
    }
    static func apiShow(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "incidents", id.uuidString)
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = IncidentsController()
        let handle = RouteAccess.tenant(.handleIncident(param: "incidentID"))
        let group = html.grouped("incidents")
        group.get(use: pages.index).access(.tenant(.read))
        group.get("new", use: pages.new).access(.tenant(.submit))
        group.post(use: pages.create).access(.tenant(.submit))
        group.get("statistics", use: pages.statistics).access(.tenant(.read))
        group.get(":incidentID", use: pages.show).access(.tenant(.read))
        group.post(":incidentID", "imy", use: pages.recordImy).access(handle)
        group.post(":incidentID", "actions", use: pages.addAction).access(handle)
        group.post(":incidentID", "actions", ":actionID", "done", use: pages.actionDone).access(handle)
        group.post(":incidentID", "notes", use: pages.addNote).access(handle)
        group.post(":incidentID", "status", use: pages.changeStatus).access(handle)

        let json = IncidentsAPIController()
        let apiGroup = api.grouped("incidents")
        apiGroup.get(use: json.index).access(.tenant(.read))
        apiGroup.post(use: json.create).access(.tenant(.submit))
        apiGroup.get("statistics", use: json.statistics).access(.tenant(.read))
        apiGroup.get(":incidentID", use: json.show).access(.tenant(.read))
        apiGroup.put(":incidentID", "imy", use: json.recordImy).access(handle)
        apiGroup.post(":incidentID", "actions", use: json.addAction).access(handle)
        apiGroup.put(":incidentID", "actions", ":actionID", use: json.updateAction).access(handle)
        apiGroup.post(":incidentID", "notes", use: json.addNote).access(handle)
        apiGroup.post(":incidentID", "status", use: json.changeStatus).access(handle)
    }
}
