import Fluent
import Foundation
import StyrbordCore
import Vapor

/// JSON endpoints for plans, activities, initiatives and benefit follow-up.
struct PlansAPIController {
    @Sendable func index(req: Request) async throws -> ListResponse<PlanSummary> {
        let tenant = try await req.tenant()
        let items = req.queryItems
        let query = try ListQuery.strict(items)
        let filter = try PlanFilter(items, strict: true)
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        let all = try await PlanQueries.list(tenant: tenant, filter: filter, on: req.db)
        let page = all.dropFirst(query.offset).prefix(query.perPage)
        return ListResponse(
            items: page.map { PlanSummary($0, kind: PlanRules.kind($0.kindKey, in: profile)) }, page: query.page,
            perPage: query.perPage, total: all.count)
    }

    @Sendable func show(req: Request) async throws -> PlanResponse {
        let tenant = try await req.tenant()
        return try await response(try await load(req, tenant), tenant, req)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let plan = try await PlanRules.create(
            try req.jsonBody(PlanDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let res = try await response(plan, tenant, req).encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(name: .location, value: PlanRoutes.apiShow(tenant.slug, try plan.requireID()))
        return res
    }

    @Sendable func update(req: Request) async throws -> PlanResponse {
        let tenant = try await req.tenant()
        let plan = try await load(req, tenant)
        try await PlanRules.update(
            plan, with: try req.jsonBody(PlanDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        return try await response(plan, tenant, req)
    }

    @Sendable func adopt(req: Request) async throws -> PlanResponse {
        let tenant = try await req.tenant()
        let plan = try await load(req, tenant)
        try await PlanRules.adopt(plan, try req.jsonBody(AdoptionDraft.self), actor: .from(req), on: req.db)
        return try await response(plan, tenant, req)
    }

    @Sendable func addActivity(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let plan = try await load(req, tenant)
        _ = try await PlanRules.addActivity(
            plan, try req.jsonBody(ActivityDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        return try await response(plan, tenant, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func addInitiative(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let plan = try await load(req, tenant)
        let initiative = try await PlanRules.addInitiative(
            plan, try req.jsonBody(InitiativeDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let calculation = try await PlanRules.calculation(of: initiative, tenant: tenant, on: req.db)?.1
        let res = try await InitiativeResponse(initiative, calculation: calculation)
            .encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(
            name: .location, value: PlanRoutes.apiInitiative(tenant.slug, try initiative.requireID()))
        return res
    }

    @Sendable func showInitiative(req: Request) async throws -> InitiativeResponse {
        let tenant = try await req.tenant()
        let initiative = try await loadInitiative(req, tenant)
        return InitiativeResponse(
            initiative, calculation: try await PlanRules.calculation(of: initiative, tenant: tenant, on: req.db)?.1)
    }

    @Sendable func updateInitiative(req: Request) async throws -> InitiativeResponse {
        let tenant = try await req.tenant()
        let initiative = try await loadInitiative(req, tenant)
        try await PlanRules.updateInitiative(
            initiative, try req.jsonBody(InitiativeUpdate.self), actor: .from(req), on: req.db)
        return InitiativeResponse(
            initiative, calculation: try await PlanRules.calculation(of: initiative, tenant: tenant, on: req.db)?.1)
    }

    @Sendable func followUp(req: Request) async throws -> InitiativeResponse {
        let tenant = try await req.tenant()
        let initiative = try await loadInitiative(req, tenant)
        try await PlanRules.followUp(
            initiative, try req.jsonBody(BenefitFollowUp.self), tenant: tenant, actor: .from(req), on: req.db)
        return InitiativeResponse(
            initiative, calculation: try await PlanRules.calculation(of: initiative, tenant: tenant, on: req.db)?.1)
    }

    private func response(_ plan: Plan, _ tenant: Tenant, _ req: Request) async throws -> PlanResponse {
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        let kind = PlanRules.kind(plan.kindKey, in: profile)
        let planID = try plan.requireID()
        let activities = try await PlanActivity.scoped(to: tenant, on: req.db).filter(\.$planID == planID)
            .sort(\.$position).all()
        let initiatives = try await PlanInitiative.scoped(to: tenant, on: req.db).filter(\.$planID == planID)
            .sort(\.$position).all()
        var rows: [InitiativeResponse] = []
        for i in initiatives {
            rows.append(
                InitiativeResponse(
                    i, calculation: try await PlanRules.calculation(of: i, tenant: tenant, on: req.db)?.1))
        }
        return PlanResponse(
            id: planID, kind: plan.kindKey, systemId: plan.systemID, title: plan.title, startYear: plan.startYear,
            endYear: plan.endYear, goals: plan.goals, budget: plan.budget, status: plan.status,
            adoptedOn: plan.adoptedDay, adoptedBy: plan.adoptedBy,
            nextRevisionOn: plan.adoptedDay.flatMap { planRevisionDeadline(adoptedOn: $0, kind: kind) },
            activities: activities.map {
                ActivityResponse(id: $0.id!, title: $0.title, description: $0.description, budget: $0.budget)
            }, initiatives: rows)
    }

    private func load(_ req: Request, _ tenant: Tenant) async throws -> Plan {
        try await Plan.find(
            try req.parameters.require("planID", as: UUID.self), in: tenant, on: req.db, what: Plan.what)
    }

    private func loadInitiative(_ req: Request, _ tenant: Tenant) async throws -> PlanInitiative {
        try await PlanInitiative.find(
            try req.parameters.require("initiativeID", as: UUID.self), in: tenant, on: req.db, what: PlanInitiative.what
        )
    }
}
