import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML pages and form posts for access rights: a system's grants, requests and reviews; one review; the
/// municipality's overview (requests awaiting decision, grants of people who have left, reviews due).
struct AccessRightsController {
    // MARK: Loading

    static func loadSystem(_ req: Request, _ tenant: Tenant) async throws -> ITSystem {
        try await ITSystem.find(
            try req.parameters.require("systemID", as: UUID.self), in: tenant, on: req.db, what: ITSystem.what)
    }

    static func loadReview(_ req: Request, _ tenant: Tenant) async throws -> AccessReview {
        try await AccessReview.find(
            try req.parameters.require("reviewID", as: UUID.self), in: tenant, on: req.db, what: AccessReview.what)
    }

    static func loadItem(_ req: Request, _ review: AccessReview, _ tenant: Tenant) async throws -> AccessReviewItem {
        let item = try await AccessReviewItem.find(
            try req.parameters.require("reviewItemID", as: UUID.self), in: tenant, on: req.db,
            what: AccessReviewItem.what)
        guard item.reviewID == review.id else { throw CommonError.notFound(what: AccessReviewItem.what) }
        return item
    }

    // MARK: Pages

    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        let today = req.dependencies.today
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        let pending = try await AccessRequest.scoped(to: tenant, on: req.db).filter(\.$status == .pending)
            .sort(\.$requestedAt).all()
        let leavers = try await AccessQueries.leaversGrants(tenant: tenant, today: today, on: req.db)
        let active = try await AccessGrant.scoped(to: tenant, on: req.db).filter(\.$removedAt == nil).all()
        let completed = try await AccessReview.scoped(to: tenant, on: req.db).filter(\.$completedOn != nil).all()
        let systems = try await AccessQueries.systems(
            active.map(\.systemID) + pending.map(\.systemID), tenant: tenant, on: req.db)
        let people = try await AccessQueries.people(
            pending.map(\.personID) + leavers.map(\.personID), tenant: tenant, on: req.db)
        var lastReview: [UUID: AccessReview] = [:]
        for r in completed where (lastReview[r.systemID]?.completedOn ?? "") < (r.completedOn ?? "") {
            lastReview[r.systemID] = r
        }
        let bySystem = Dictionary(grouping: active, by: \.systemID)
        let reviewRows = bySystem.compactMap { systemID, grants -> AccessIndexPage.ReviewRow? in
            guard let system = systems[systemID] else { return nil }
            let due = AccessQueries.reviewDue(
                system: system, grants: grants, lastReview: lastReview[systemID], profile: profile)
            return AccessIndexPage.ReviewRow(
                systemID: systemID, systemName: system.name, grants: grants.count,
                lastReviewedOn: lastReview[systemID]?.completedDay, dueOn: due,
                isOverdue: due.map { $0 < today } ?? false)
        }.sorted { ($0.dueOn?.iso ?? "9999", $0.systemName) < ($1.dueOn?.iso ?? "9999", $1.systemName) }
        let model = AccessIndexPage.Model(
            tenantSlug: tenant.slug,
            pending: pending.map {
                .init(
                    systemID: $0.systemID, systemName: systems[$0.systemID]?.name ?? "",
                    personName: people[$0.personID]?.name ?? "", accessLevel: $0.accessLevel,
                    requestedAt: $0.requestedAt)
            },
            leavers: leavers.map {
                .init(
                    systemID: $0.systemID, systemName: systems[$0.systemID]?.name ?? "", personID: $0.personID,
                    personName: people[$0.personID]?.name ?? "", accessLevel: $0.accessLevel,
                    leftOn: people[$0.personID]?.leftOn.flatMap(CalendarDay.init(iso:)))
            }, reviews: reviewRows)
        return AccessIndexPage(model: model, ctx: ctx).render()
    }

    @Sendable func system(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system = try await Self.loadSystem(req, tenant)
        return try await systemPage(req, tenant, system, failed: nil)
    }

    /// The system's page; `failed` re-renders one of its forms with the user's input and the errors (422).
    private func systemPage(
        _ req: Request, _ tenant: Tenant, _ system: ITSystem, failed: AccessSystemPage.FailedForm?
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let systemID = try system.requireID()
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        let grants = try await AccessGrant.scoped(to: tenant, on: req.db).filter(\.$systemID == systemID)
            .sort(\.$grantedOn).sort(\.$id).all()
        let requests = try await AccessRequest.scoped(to: tenant, on: req.db).filter(\.$systemID == systemID)
            .sort(\.$requestedAt, .descending).sort(\.$id).all()
        let reviews = try await AccessReview.scoped(to: tenant, on: req.db).filter(\.$systemID == systemID)
            .sort(\.$startedAt, .descending).sort(\.$id).all()
        let personIDs = grants.map(\.personID) + requests.map(\.personID)
        let people = try await AccessQueries.people(personIDs, tenant: tenant, on: req.db)
        let confirmed = try await AccessQueries.confirmations(personIDs, tenant: tenant, on: req.db)
        let active = grants.filter(\.isActive)
        let lastReview = reviews.filter(\.isCompleted).max { ($0.completedOn ?? "") < ($1.completedOn ?? "") }
        let due = AccessQueries.reviewDue(system: system, grants: active, lastReview: lastReview, profile: profile)
        let tenantID = try tenant.requireID()
        let decideFacts = AccessRightsFacts(
            tenantID: tenantID, systemID: systemID, roleKey: profile.access.decidingRole)
        let reviewFacts = AccessRightsFacts(
            tenantID: tenantID, systemID: systemID, roleKey: profile.access.reviewingRole)
        let everyone = try await Person.scoped(to: tenant, on: req.db).filter(\.$isActive == true).sort(\.$sortKey)
            .field(\.$id).field(\.$name).all()
        let viewerPersonID = (try? await req.principal())??.personID
        let model = AccessSystemPage.Model(
            tenantSlug: tenant.slug, systemID: systemID, systemName: system.name,
            level: AccessQueries.level(of: system),
            decidedBy: ctx.t(profile.actorName(profile.access.decidingRole)),
            reviewedBy: ctx.t(profile.actorName(profile.access.reviewingRole)),
            grants: active.map { g in
                .init(
                    id: g.id!, personID: g.personID, personName: people[g.personID]?.name ?? "",
                    accessLevel: g.accessLevel, usernameInSystem: g.usernameInSystem,
                    decision: g.hasDecision ? g.decisionReference : nil, grantedOn: g.grantedDay,
                    awaitingConfirmation: confirmed[g.personID] == nil)
            },
            removed: grants.filter { !$0.isActive }.map { g in
                .init(
                    personName: people[g.personID]?.name ?? "", accessLevel: g.accessLevel,
                    removedAt: g.removedAt!, removedBy: g.removedByName, reason: g.removalReason)
            },
            requests: requests.map { r in
                .init(
                    id: r.id!, personName: people[r.personID]?.name ?? "", accessLevel: r.accessLevel, need: r.need,
                    requestedBy: r.requestedByName, requestedAt: r.requestedAt, status: r.status,
                    decidedBy: r.decidedByName, decidedAt: r.decidedAt, reason: r.decisionReason)
            },
            reviews: reviews.map {
                .init(
                    id: $0.id!, startedAt: $0.startedAt, startedBy: $0.startedByName, completedOn: $0.completedDay,
                    fromAccountList: $0.fromAccountList)
            },
            lastReviewedOn: lastReview?.completedDay, reviewDue: due,
            isOverdue: due.map { $0 < req.dependencies.today } ?? false,
            people: everyone.map { ($0.id!.uuidString, $0.name) }, viewerPersonID: viewerPersonID,
            canDecide: await req.can(.decideAccess(decideFacts)), canReview: await req.can(.reviewAccess(reviewFacts)),
            hasOpenReview: reviews.contains { !$0.isCompleted }, failed: failed)
        return AccessSystemPage(model: model, ctx: ctx).render(status: failed == nil ? .ok : .unprocessableEntity)
    }

    @Sendable func review(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let review = try await Self.loadReview(req, tenant)
        return try await reviewPage(req, tenant, review, failed: nil)
    }

    private func reviewPage(
        _ req: Request, _ tenant: Tenant, _ review: AccessReview, failed: AccessReviewPage.FailedItem?,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let system = try await ITSystem.find(review.systemID, in: tenant, on: req.db, what: ITSystem.what)
        let response = try await AccessRightsAPIController.response(review, tenant: tenant, on: req.db)
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        let facts = AccessRightsFacts(
            tenantID: try tenant.requireID(), systemID: review.systemID, roleKey: profile.access.reviewingRole)
        let model = AccessReviewPage.Model(
            tenantSlug: tenant.slug, reviewID: try review.requireID(), systemID: review.systemID,
            systemName: system.name, startedAt: review.startedAt, startedBy: review.startedByName,
            fromAccountList: review.fromAccountList, accountCount: review.accountCount,
            completedOn: review.completedDay, completedBy: review.completedByName,
            nextDueOn: review.nextDueOn.flatMap(CalendarDay.init(iso:)), items: response.items,
            accountsWithoutGrant: response.accountsWithoutGrant,
            canReview: await req.can(.reviewAccess(facts)) && !review.isCompleted, failed: failed)
        return AccessReviewPage(model: model, ctx: ctx).render(status: status)
    }

    // MARK: Form posts

    @Sendable func createRequest(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system = try await Self.loadSystem(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            let draft = AccessRequestDraft(
                personId: UUID.parsing(values["personId"]), accessLevel: values.untrimmed("accessLevel"),
                need: values.untrimmed("need"), usernameInSystem: values.untrimmed("usernameInSystem"))
            _ = try await AccessRightsRules.createRequest(
                system: system, draft, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: AccessRoutes.system(tenant.slug, try system.requireID()), flash: .created)
        } showErrors: { errors in
            try await systemPage(req, tenant, system, failed: .init(form: .request, values: values, errors: errors))
        }
    }

    @Sendable func registerGrant(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system = try await Self.loadSystem(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            var issues: [ValidationIssue] = []
            let day = values["grantedOn"].isEmpty ? nil : FormParser.day(values, "grantedOn", &issues)
            try RecordStore.check(issues)
            let draft = AccessGrantDraft(
                personId: UUID.parsing(values["personId"]), accessLevel: values.untrimmed("accessLevel"),
                usernameInSystem: values.untrimmed("usernameInSystem"),
                decisionReference: values.untrimmed("decisionReference"),
                withoutDecision: values.isChecked("withoutDecision"), grantedOn: day)
            _ = try await AccessRightsRules.registerGrant(
                system: system, draft, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: AccessRoutes.system(tenant.slug, try system.requireID()), flash: .created)
        } showErrors: { errors in
            try await systemPage(req, tenant, system, failed: .init(form: .grant, values: values, errors: errors))
        }
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let request = try await AccessRequest.find(
            try req.parameters.require("requestID", as: UUID.self), in: tenant, on: req.db, what: AccessRequest.what)
        let system = try await ITSystem.find(request.systemID, in: tenant, on: req.db, what: ITSystem.what)
        let values = try req.formData()
        return try await FormSubmission.handle {
            guard ["approve", "reject"].contains(values["decision"]) else {
                throw ValidationFailure(issues: [
                    ValidationIssue(
                        field: "decision", message: Localized(sv: "Bevilja eller avslå.", en: "Approve or reject."))
                ])
            }
            _ = try await AccessRightsRules.decide(
                request,
                AccessDecisionDraft(approve: values["decision"] == "approve", reason: values.untrimmed("reason")),
                tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: AccessRoutes.system(tenant.slug, system.id!), flash: .saved)
        } showErrors: { errors in
            try await systemPage(
                req, tenant, system, failed: .init(form: .decision(request.id!), values: values, errors: errors))
        }
    }

    @Sendable func removeGrant(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let grant = try await AccessRightsAPIController.loadGrant(req, tenant)
        let system = try await ITSystem.find(grant.systemID, in: tenant, on: req.db, what: ITSystem.what)
        let values = try req.formData()
        return try await FormSubmission.handle {
            try await AccessRightsRules.removeGrant(
                grant, AccessRemovalDraft(reason: values.untrimmed("reason")), actor: .from(req), on: req.db)
            return req.redirect(to: AccessRoutes.system(tenant.slug, system.id!), flash: .saved)
        } showErrors: { errors in
            try await systemPage(
                req, tenant, system, failed: .init(form: .removal(grant.id!), values: values, errors: errors))
        }
    }

    /// Starts a review, from the uploaded account list when one is given. A bad list re-renders the page
    /// with the error naming the line; nothing is stored.
    @Sendable func startReview(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system = try await Self.loadSystem(req, tenant)
        struct Upload: Content { var accounts: File? }
        let upload = try? req.content.decode(Upload.self)
        var text: String?
        if let file = upload?.accounts, file.data.readableBytes > 0 {
            let name = file.filename.lowercased()
            guard name.hasSuffix(".csv") || name.hasSuffix(".txt") else {
                return try await systemPage(
                    req, tenant, system,
                    failed: .init(
                        form: .review, values: FormData(),
                        errors: FormErrors([
                            ValidationIssue(
                                field: "accounts",
                                message: Localized(
                                    sv: "Filen är inte en CSV-fil. Spara kontolistan som CSV och försök igen.",
                                    en: "The file is not a CSV file. Save the account list as CSV and try again."))
                        ])))
            }
            text = String(decoding: file.data.readableBytesView, as: UTF8.self)
        }
        do {
            let review = try await AccessRightsRules.startReview(
                system: system, accountList: text, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: AccessRoutes.review(tenant.slug, try review.requireID()), flash: .created)
        } catch let error as AccessRightsError where !error.issues.isEmpty {
            return try await systemPage(
                req, tenant, system, failed: .init(form: .review, values: FormData(), errors: FormErrors(error.issues)))
        }
    }

    @Sendable func reviewItem(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let review = try await Self.loadReview(req, tenant)
        let item = try await Self.loadItem(req, review, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            guard let outcome = AccessReviewOutcome(rawValue: values["outcome"]), outcome != .pending else {
                throw ValidationFailure(issues: [
                    ValidationIssue(
                        field: "outcome",
                        message: Localized(
                            sv: "Bekräfta eller ta bort behörigheten.", en: "Confirm or remove the access."))
                ])
            }
            try await AccessRightsRules.reviewItem(
                review, item, AccessReviewItemDraft(outcome: outcome, reason: values.untrimmed("reason")),
                tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: AccessRoutes.review(tenant.slug, try review.requireID()), flash: .saved)
        } showErrors: { errors in
            try await reviewPage(
                req, tenant, review, failed: .init(itemID: item.id!, values: values, errors: errors),
                status: .unprocessableEntity)
        }
    }

    @Sendable func completeReview(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let review = try await Self.loadReview(req, tenant)
        try await AccessRightsRules.completeReview(review, tenant: tenant, actor: .from(req), on: req.db)
        return req.redirect(to: AccessRoutes.review(tenant.slug, try review.requireID()), flash: .saved)
    }

    @Sendable func confirmSecurityRules(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let person = try await Person.find(
            try req.parameters.require("personID", as: UUID.self), in: tenant, on: req.db, what: Person.what)
        _ = try await AccessRightsRules.confirmSecurityRules(person, actor: .from(req), on: req.db)
        return req.redirect(to: PersonRoutes.show(tenant.slug, try person.requireID()), flash: .saved)
    }
}
