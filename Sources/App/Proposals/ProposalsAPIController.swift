import Fluent
import Foundation
import StyrbordCore
import Vapor

/// JSON endpoints for proposals.
struct ProposalsAPIController {
    @Sendable func index(req: Request) async throws -> ListResponse<ProposalSummary> {
        let tenant = try await req.tenant()
        let items = req.queryItems
        let query = try ListQuery.strict(items)
        let filter = try ProposalFilter(items, strict: true)
        let all = try await ProposalsController.list(tenant: tenant, query: query, filter: filter, on: req.db)
        let page = all.dropFirst(query.offset).prefix(query.perPage)
        return ListResponse(
            items: try page.map(ProposalSummary.init), page: query.page, perPage: query.perPage, total: all.count)
    }

    @Sendable func show(req: Request) async throws -> ProposalResponse {
        try await response(try await load(req), req)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let proposal = try await ProposalRules.create(
            try req.jsonBody(ProposalDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let res = try await response(proposal, req).encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(name: .location, value: ProposalRoutes.apiShow(tenant.slug, try proposal.requireID()))
        return res
    }

    @Sendable func update(req: Request) async throws -> ProposalResponse {
        let proposal = try await load(req)
        let draft = try req.jsonBody(ProposalDraft.self)
        _ = try await ProposalRules.update(
            proposal, with: draft, tenant: try await req.tenant(), actor: .from(req), on: req.db)
        return try await response(proposal, req)
    }

    @Sendable func saveChecklist(req: Request) async throws -> ProposalResponse {
        let proposal = try await load(req)
        let answers = try req.jsonBody(ChecklistAnswers.self)
        try await ProposalRules.saveChecklist(
            proposal, answers: answers, tenant: try await req.tenant(), actor: .from(req), on: req.db)
        return try await response(proposal, req)
    }

    @Sendable func saveCalculation(req: Request) async throws -> ProposalResponse {
        let proposal = try await load(req)
        let body = try req.jsonBody(CalculationRequest.self)
        try await ProposalRules.saveCalculation(
            proposal, body, tenant: try await req.tenant(), actor: .from(req), on: req.db)
        return try await response(proposal, req)
    }

    @Sendable func recordStep(req: Request) async throws -> Response {
        let proposal = try await load(req)
        let draft = try req.jsonBody(StepRecordDraft.self)
        let state = try await ProposalState.load(
            proposal, tenant: try await req.tenant(), today: req.dependencies.today, on: req.db)
        try await ProposalRules.recordStep(draft, for: state, actor: .from(req), on: req.db)
        return try await response(proposal, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let proposal = try await load(req)
        let draft = try req.jsonBody(DecisionDraft.self)
        let state = try await ProposalState.load(
            proposal, tenant: try await req.tenant(), today: req.dependencies.today, on: req.db)
        try await ProposalRules.decide(draft, for: state, actor: .from(req), on: req.db)
        return try await response(proposal, req).encodeResponse(status: .created, for: req)
    }

    private func response(_ proposal: Proposal, _ req: Request) async throws -> ProposalResponse {
        try ProposalResponse(
            try await ProposalState.load(
                proposal, tenant: try await req.tenant(), today: req.dependencies.today, on: req.db))
    }

    private func load(_ req: Request) async throws -> Proposal {
        try await Proposal.find(
            try req.parameters.require("proposalID", as: UUID.self), in: try await req.tenant(), on: req.db,
            what: Proposal.what)
    }
}
