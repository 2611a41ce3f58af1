import Fluent
import Foundation
import StyrbordCore
import Vapor

/// JSON endpoints for access requests, decisions, grants, reviews (with the account list) and the
/// security-rule confirmation.
struct AccessRightsAPIController {
    @Sendable func requests(req: Request) async throws -> ItemsResponse<AccessRequestResponse> {
        let tenant = try await req.tenant()
        let system = try await AccessRightsController.loadSystem(req, tenant)
        let rows = try await AccessRequest.scoped(to: tenant, on: req.db).filter(\.$systemID == system.requireID())
            .sort(\.$requestedAt, .descending).sort(\.$id).all()
        let people = try await AccessQueries.people(rows.map(\.personID), tenant: tenant, on: req.db)
        return ItemsResponse(items: rows.map { AccessRequestResponse($0, personName: people[$0.personID]?.name ?? "") })
    }

    @Sendable func createRequest(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system = try await AccessRightsController.loadSystem(req, tenant)
        let request = try await AccessRightsRules.createRequest(
            system: system, try req.jsonBody(AccessRequestDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let person = try await Person.find(request.personID, in: tenant, on: req.db, what: Person.what)
        let res = try await AccessRequestResponse(request, personName: person.name)
            .encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(name: .location, value: AccessRoutes.apiRequest(tenant.slug, try request.requireID()))
        return res
    }

    @Sendable func decide(req: Request) async throws -> AccessRequestResponse {
        let tenant = try await req.tenant()
        let request = try await AccessRequest.find(
            try req.parameters.require("requestID", as: UUID.self), in: tenant, on: req.db, what: AccessRequest.what)
        _ = try await AccessRightsRules.decide(
            request, try req.jsonBody(AccessDecisionDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let person = try await Person.find(request.personID, in: tenant, on: req.db, what: Person.what)
        return AccessRequestResponse(request, personName: person.name)
    }

    @Sendable func grants(req: Request) async throws -> ItemsResponse<AccessGrantResponse> {
        let tenant = try await req.tenant()
        let system = try await AccessRightsController.loadSystem(req, tenant)
        let rows = try await AccessGrant.scoped(to: tenant, on: req.db).filter(\.$systemID == system.requireID())
            .sort(\.$grantedOn).sort(\.$id).all()
        return ItemsResponse(items: try await Self.responses(rows, tenant: tenant, on: req.db))
    }

    @Sendable func registerGrant(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system = try await AccessRightsController.loadSystem(req, tenant)
        let grant = try await AccessRightsRules.registerGrant(
            system: system, try req.jsonBody(AccessGrantDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let res = try await Self.responses([grant], tenant: tenant, on: req.db)[0]
            .encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(name: .location, value: AccessRoutes.apiGrant(tenant.slug, try grant.requireID()))
        return res
    }

    @Sendable func grant(req: Request) async throws -> AccessGrantResponse {
        let tenant = try await req.tenant()
        let grant = try await Self.loadGrant(req, tenant)
        return try await Self.responses([grant], tenant: tenant, on: req.db)[0]
    }

    @Sendable func removeGrant(req: Request) async throws -> AccessGrantResponse {
        let tenant = try await req.tenant()
        let grant = try await Self.loadGrant(req, tenant)
        try await AccessRightsRules.removeGrant(
            grant, try req.jsonBody(AccessRemovalDraft.self), actor: .from(req), on: req.db)
        return try await Self.responses([grant], tenant: tenant, on: req.db)[0]
    }

    @Sendable func leavers(req: Request) async throws -> ItemsResponse<LeaverGrantResponse> {
        let tenant = try await req.tenant()
        let grants = try await AccessQueries.leaversGrants(tenant: tenant, today: req.dependencies.today, on: req.db)
        let responses = try await Self.responses(grants, tenant: tenant, on: req.db)
        let systems = try await AccessQueries.systems(grants.map(\.systemID), tenant: tenant, on: req.db)
        let people = try await AccessQueries.people(grants.map(\.personID), tenant: tenant, on: req.db)
        return ItemsResponse(
            items: zip(grants, responses).map { g, r in
                LeaverGrantResponse(
                    grant: r, systemName: systems[g.systemID]?.name ?? "",
                    leftOn: people[g.personID]?.leftOn.flatMap(CalendarDay.init(iso:)))
            })
    }

    @Sendable func reviews(req: Request) async throws -> ItemsResponse<AccessReviewResponse> {
        let tenant = try await req.tenant()
        let system = try await AccessRightsController.loadSystem(req, tenant)
        let rows = try await AccessReview.scoped(to: tenant, on: req.db).filter(\.$systemID == system.requireID())
            .sort(\.$startedAt, .descending).sort(\.$id).all()
        var items: [AccessReviewResponse] = []
        for review in rows { items.append(try await Self.response(review, tenant: tenant, on: req.db)) }
        return ItemsResponse(items: items)
    }

    @Sendable func startReview(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system = try await AccessRightsController.loadSystem(req, tenant)
        let body = try req.jsonBody(StartAccessReviewRequest.self)
        let review = try await AccessRightsRules.startReview(
            system: system, accountList: body.accountsCsv, tenant: tenant, actor: .from(req), on: req.db)
        let res = try await Self.response(review, tenant: tenant, on: req.db).encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(name: .location, value: AccessRoutes.apiReview(tenant.slug, try review.requireID()))
        return res
    }

    @Sendable func review(req: Request) async throws -> AccessReviewResponse {
        let tenant = try await req.tenant()
        return try await Self.response(
            try await AccessRightsController.loadReview(req, tenant), tenant: tenant, on: req.db)
    }

    @Sendable func reviewItem(req: Request) async throws -> AccessReviewResponse {
        let tenant = try await req.tenant()
        let review = try await AccessRightsController.loadReview(req, tenant)
        let item = try await AccessRightsController.loadItem(req, review, tenant)
        try await AccessRightsRules.reviewItem(
            review, item, try req.jsonBody(AccessReviewItemDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        return try await Self.response(review, tenant: tenant, on: req.db)
    }

    @Sendable func completeReview(req: Request) async throws -> AccessReviewResponse {
        let tenant = try await req.tenant()
        let review = try await AccessRightsController.loadReview(req, tenant)
        try await AccessRightsRules.completeReview(review, tenant: tenant, actor: .from(req), on: req.db)
        return try await Self.response(review, tenant: tenant, on: req.db)
    }

    @Sendable func confirmSecurityRules(req: Request) async throws -> SecurityRulesConfirmationResponse {
        let tenant = try await req.tenant()
        let person = try await Person.find(
            try req.parameters.require("personID", as: UUID.self), in: tenant, on: req.db, what: Person.what)
        let confirmation = try await AccessRightsRules.confirmSecurityRules(person, actor: .from(req), on: req.db)
        return SecurityRulesConfirmationResponse(personId: confirmation.personID, confirmedAt: confirmation.confirmedAt)
    }

    static func loadGrant(_ req: Request, _ tenant: Tenant) async throws -> AccessGrant {
        try await AccessGrant.find(
            try req.parameters.require("grantID", as: UUID.self), in: tenant, on: req.db, what: AccessGrant.what)
    }

    static func responses(
        _ grants: [AccessGrant], tenant: Tenant, on db: any Database
    ) async throws
        -> [AccessGrantResponse]
    {
        let ids = grants.map(\.personID)
        let people = try await AccessQueries.people(ids, tenant: tenant, on: db)
        let confirmed = try await AccessQueries.confirmations(ids, tenant: tenant, on: db)
        return grants.map {
            AccessGrantResponse(
                $0, personName: people[$0.personID]?.name ?? "", confirmed: confirmed[$0.personID] != nil)
        }
    }

    static func response(
        _ review: AccessReview, tenant: Tenant, on db: any Database
    ) async throws
        -> AccessReviewResponse
    {
        let reviewID = try review.requireID()
        let items = try await AccessReviewItem.scoped(to: tenant, on: db).filter(\.$reviewID == reviewID).all()
        let grants = try await AccessGrant.scoped(to: tenant, on: db).filter(\.$id ~~ items.map(\.grantID)).all()
        let byID = Dictionary(uniqueKeysWithValues: grants.map { ($0.id!, $0) })
        let people = try await AccessQueries.people(grants.map(\.personID), tenant: tenant, on: db)
        let rows = items.map { item -> AccessReviewResponse.Item in
            let grant = byID[item.grantID]
            return AccessReviewResponse.Item(
                id: item.id!, grantId: item.grantID, personName: grant.flatMap { people[$0.personID]?.name } ?? "",
                accessLevel: grant?.accessLevel ?? "", hasAccount: item.hasAccount, matchedAccount: item.matchedAccount,
                outcome: item.outcome, reason: item.reason,
                decidedBy: item.decidedAt == nil ? nil : item.decidedByName)
        }.sorted { ($0.personName, $0.id.uuidString) < ($1.personName, $1.id.uuidString) }
        return AccessReviewResponse(
            id: reviewID, systemId: review.systemID, startedBy: review.startedByName, startedAt: review.startedAt,
            fromAccountList: review.fromAccountList, accountCount: review.accountCount,
            completedOn: review.completedDay, completedBy: review.isCompleted ? review.completedByName : nil,
            nextDueOn: review.nextDueOn.flatMap(CalendarDay.init(iso:)), items: rows,
            accountsWithoutGrant: review.unmatchedAccounts.map {
                .init(line: $0.line, username: $0.username, email: $0.email, name: $0.name)
            },
            grantsWithoutAccount: rows.filter { $0.hasAccount == false }.map(\.grantId))
    }
}
