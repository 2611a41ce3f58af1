import Foundation
import Vapor

/// URLs of the proposal pages and API. Everyone in the municipality reads and submits; the proposer,
/// the förvaltning's IT-samordnare and the administrator edit; the IT-samordnare and the administrator
/// record the route's steps and the decision.
enum ProposalRoutes {
    static func index(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "proposals"), query: query)
    }
    static func new(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "proposals", "new") }
    static func show(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "proposals", id.uuidString)
    }
    static func edit(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "proposals", id.uuidString, "edit")
    }
    static func checklist(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "proposals", id.uuidString, "checklist")
    }
    static func calculation(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "proposals", id.uuidString, "calculation")
    }
    static func steps(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "proposals", id.uuidString, "steps")
    }
    static func decision(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "proposals", id.uuidString, "decision")
    }
    static func apiIndex(_ tenant: String) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "proposals")
    }
    static func apiShow(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "proposals", id.uuidString)
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = ProposalsController()
        let group = html.grouped("proposals")
        let edit = RouteAccess.tenant(.editProposal(param: "proposalID"))
        let prepare = RouteAccess.tenant(.prepareProposal(param: "proposalID"))
        group.get(use: pages.index).access(.tenant(.read))
        group.get("new", use: pages.new).access(.tenant(.submit))
        group.post(use: pages.create).access(.tenant(.submit))
        group.get(":proposalID", use: pages.show).access(.tenant(.read))
        group.get(":proposalID", "edit", use: pages.edit).access(edit)
        group.post(":proposalID", "edit", use: pages.update).access(edit)
        group.post(":proposalID", "checklist", use: pages.saveChecklist).access(edit)
        group.post(":proposalID", "calculation", use: pages.saveCalculation).access(edit)
        group.post(":proposalID", "steps", use: pages.recordStep).access(prepare)
        group.post(":proposalID", "decision", use: pages.decide).access(prepare)

        let json = ProposalsAPIController()
        let apiGroup = api.grouped("proposals")
        apiGroup.get(use: json.index).access(.tenant(.read))
        apiGroup.post(use: json.create).access(.tenant(.submit))
        apiGroup.get(":proposalID", use: json.show).access(.tenant(.read))
        apiGroup.put(":proposalID", use: json.update).access(edit)
        apiGroup.put(":proposalID", "checklist", use: json.saveChecklist).access(edit)
        apiGroup.put(":proposalID", "calculation", use: json.saveCalculation).access(edit)
        apiGroup.post(":proposalID", "steps", use: json.recordStep).access(prepare)
        apiGroup.post(":proposalID", "decision", use: json.decide).access(prepare)
    }
}
