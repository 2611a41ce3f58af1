import Foundation
import Vapor

/// URLs of the plan pages and API. Everyone in the municipality reads the plans; a systemförvaltningsplan
/// is written by whoever may change its system and adopted by its systemägare (D2); the municipality's
/// plans are written and adopted by the administrator; benefits are followed up by their owners.
enum PlanRoutes {
    static func index(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "plans"), query: query)
    }
    static func new(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "plans", "new"), query: query)
    }
    static func show(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "plans", id.uuidString)
    }
    static func edit(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "plans", id.uuidString, "edit")
    }
    static func adopt(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "plans", id.uuidString, "adopt")
    }
    static func activities(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "plans", id.uuidString, "activities")
    }
    static func initiatives(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "plans", id.uuidString, "initiatives")
    }
    static func newInitiative(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "plans", id.uuidString, "initiatives", "new")
    }
    static func editInitiative(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "initiatives", id.uuidString, "edit")
    }
    static func followUp(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "initiatives", id.uuidString, "follow-up")
    }
    static func apiIndex(_ tenant: String) -> String { URLBuilder.segments("api", "v1", "tenants", tenant, "plans") }
    static func apiShow(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "plans", id.uuidString)
    }
    static func apiInitiative(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "initiatives", id.uuidString)
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = PlansController()
        let edit = RouteAccess.tenant(.editPlan(param: "planID"))
        let adopt = RouteAccess.tenant(.adoptPlan(param: "planID"))
        let editInitiative = RouteAccess.tenant(.editInitiative(param: "initiativeID"))
        let followUp = RouteAccess.tenant(.followUpInitiative(param: "initiativeID"))
        let group = html.grouped("plans")
        group.get(use: pages.index).access(.tenant(.read))
        // The kind and system are chosen in the form; the rules then check the choice.
        group.get("new", use: pages.new).access(.tenant(.editSomeSystem))
        group.post(use: pages.create).access(.tenant(.editSomeSystem))
        group.get(":planID", use: pages.show).access(.tenant(.read))
        group.get(":planID", "edit", use: pages.edit).access(edit)
        group.post(":planID", "edit", use: pages.update).access(edit)
        group.post(":planID", "adopt", use: pages.adopt).access(adopt)
        group.post(":planID", "activities", use: pages.addActivity).access(edit)
        group.get(":planID", "initiatives", "new", use: pages.newInitiative).access(edit)
        group.post(":planID", "initiatives", use: pages.addInitiative).access(edit)
        let initiatives = html.grouped("initiatives")
        initiatives.get(":initiativeID", "edit", use: pages.editInitiative).access(editInitiative)
        initiatives.post(":initiativeID", "edit", use: pages.updateInitiative).access(editInitiative)
        initiatives.get(":initiativeID", "follow-up", use: pages.followUpForm).access(followUp)
        initiatives.post(":initiativeID", "follow-up", use: pages.saveFollowUp).access(followUp)

        let json = PlansAPIController()
        let apiGroup = api.grouped("plans")
        apiGroup.get(use: json.index).access(.tenant(.read))
        apiGroup.post(use: json.create).access(.tenant(.editSomeSystem))
        apiGroup.get(":planID", use: json.show).access(.tenant(.read))
        apiGroup.put(":planID", use: json.update).access(edit)
        apiGroup.post(":planID", "adoption", use: json.adopt).access(adopt)
        apiGroup.post(":planID", "activities", use: json.addActivity).access(edit)
        apiGroup.post(":planID", "initiatives", use: json.addInitiative).access(edit)
        let apiInitiatives = api.grouped("initiatives")
        apiInitiatives.get(":initiativeID", use: json.showInitiative).access(.tenant(.read))
        apiInitiatives.put(":initiativeID", use: json.updateInitiative).access(editInitiative)
        apiInitiatives.put(":initiativeID", "follow-up", use: json.followUp).access(followUp)
    }
}
