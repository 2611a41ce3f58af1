import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Everything that can go wrong with a plan beyond its fields.
enum PlanError: AppError {
    /// Adopted plans keep their goals and period; a revision is a new plan.
    case adopted
    /// The plan's kind holds no such items (activities belong to systemförvaltningsplaner, initiatives to
    /// one-year plans such as the IT-verksamhetsplan).
    case notForKind(field: String, Localized)
    /// Benefits are followed up once the initiative is done (T6/F4).
    case notDone
    /// Only an initiative from a proposal with a nyttokalkyl has benefits to follow up.
    case noCalculation

    var status: HTTPResponseStatus {
        switch self {
        case .adopted, .notDone, .noCalculation: .conflict
        case .notForKind: .unprocessableEntity
        }
    }

    var code: String {
        switch self {
        case .adopted: "plan.adopted"
        case .notForKind: "validation.failed"
        case .notDone: "initiative.not-done"
        case .noCalculation: "initiative.no-calculation"
        }
    }

    var userMessage: Localized {
        switch self {
        case .adopted:
            Localized(
                sv: "Planen är fastställd och kan inte ändras. Gör en ny plan för revisionen.",
                en: "The plan is adopted and can't be changed. Make a new plan for the revision.")
        case .notForKind(_, let message): message
        case .notDone:
            Localized(
                sv: "Nyttorna följs upp när insatsen är klar. Ange status Klar först.",
                en: "Benefits are followed up once the initiative is done. Set its status to Done first.")
        case .noCalculation:
            Localized(
                sv: "Insatsen kommer inte från ett förslag med nyttokalkyl, så det finns inga nyttor att följa upp.",
                en: "The initiative does not come from a proposal with a benefit calculation: no benefits to follow up."
            )
        }
    }

    var issues: [ValidationIssue] {
        if case .notForKind(let field, let message) = self { return [ValidationIssue(field: field, message: message)] }
        return []
    }
}

/// Checks and writes for plans, their activities and initiatives. Pages, the API and tests all come here.
enum PlanRules {
    /// The profile's kind of `plan`, or a stand-in when the profile no longer has it (kept readable).
    static func kind(_ key: String, in profile: GovernanceProfile) -> GovernanceProfile.PlanKind {
        profile.planKind(key) ?? GovernanceProfile.PlanKind(standIn: key)
    }

    /// Every problem with the draft: its own, against the profile's kind, and its system in the register.
    static func problems(
        _ draft: PlanDraft, tenant: Tenant, profile: GovernanceProfile, on db: any Database
    ) async throws -> [ValidationIssue] {
        let (d, checked) = draft.checked()
        var issues = checked
        if !issues.contains(where: { $0.field == "kind" }) { issues += d.validate(against: profile.planKind(d.kind)) }
        if let systemID = d.systemId, !issues.contains(where: { $0.field == "systemId" }),
            try await ITSystem.scoped(to: tenant, on: db).filter(\.$id == systemID).count() == 0
        {
            issues.append(
                ValidationIssue(
                    field: "systemId",
                    message: Localized(sv: "Systemet finns inte i registret.", en: "The system is not in the register.")
                ))
        }
        return issues
    }

    /// The draft tidied and checked against the profile and the register.
    static func validated(
        _ draft: PlanDraft, tenant: Tenant, profile: GovernanceProfile, on db: any Database
    ) async throws -> (PlanDraft, GovernanceProfile.PlanKind) {
        try RecordStore.check(try await problems(draft, tenant: tenant, profile: profile, on: db))
        let d = draft.normalized()
        guard let kind = profile.planKind(d.kind) else { throw ValidationFailure(issues: []) }
        return (d, kind)
    }

    static func defaultTitle(_ d: PlanDraft, kind: GovernanceProfile.PlanKind, systemName: String?) -> String {
        let end = d.lastYear(for: kind)
        let years = end == d.startYear ? "\(d.startYear)" : "\(d.startYear)–\(end)"
        return [kind.name.sv, systemName, years].compactMap { $0 }.joined(separator: " ")
    }

    static func create(_ draft: PlanDraft, tenant: Tenant, actor: AuditActor, on db: any Database) async throws -> Plan
    {
        let profile = try await ProfileRules.current(tenant, on: db).1
        let (d, kind) = try await validated(draft, tenant: tenant, profile: profile, on: db)
        try await actor.access?.editPlan(systemID: d.systemId, tenant: tenant)
        let systemName = try await d.systemId.asyncMap {
            try await ITSystem.scoped(to: tenant, on: db).filter(\.$id == $0).first()?.name
        }
        let tenantID = try tenant.requireID()
        return try await db.writeTransaction { tx in
            let now = actor.now()
            let plan = Plan()
            plan.id = actor.uuid()
            plan.tenantID = tenantID
            plan.kindKey = d.kind
            plan.systemID = d.systemId
            plan.title = d.title.isEmpty ? defaultTitle(d, kind: kind, systemName: systemName ?? nil) : d.title
            plan.startYear = d.startYear
            plan.endYear = d.lastYear(for: kind)
            plan.goals = d.goals
            plan.budget = d.budget
            plan.status = .draft
            plan.adoptedOn = nil
            plan.adoptedBy = ""
            plan.createdAt = now
            plan.updatedAt = now
            try await plan.create(on: tx)
            try await AuditLog.record(
                .create, objectType: Plan.objectType, objectID: try plan.requireID(), label: plan.title,
                tenantID: tenantID, before: PlanDraft?.none, after: plan.draft, systemID: plan.systemID, actor: actor,
                on: tx)
            return plan
        }
    }

    /// Changes a draft plan. Its kind and system stay: a plan for another kind or system is another plan.
    static func update(
        _ plan: Plan, with draft: PlanDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    )
        async throws
    {
        if plan.status == .adopted { throw PlanError.adopted }
        let profile = try await ProfileRules.current(tenant, on: db).1
        var issues: [ValidationIssue] = []
        if draft.kind.trimmed != plan.kindKey {
            issues.append(
                ValidationIssue(
                    field: "kind",
                    message: Localized(sv: "Planens slag kan inte ändras.", en: "The plan's kind can't be changed.")))
        }
        if draft.systemId != plan.systemID {
            issues.append(
                ValidationIssue(
                    field: "systemId",
                    message: Localized(sv: "Planens system kan inte ändras.", en: "The plan's system can't be changed.")
                ))
        }
        try RecordStore.check(issues)
        let (d, kind) = try await validated(draft, tenant: tenant, profile: profile, on: db)
        let before = plan.draft
        try await db.writeTransaction { tx in
            if !d.title.isEmpty { plan.title = d.title }
            plan.startYear = d.startYear
            plan.endYear = d.lastYear(for: kind)
            plan.goals = d.goals
            plan.budget = d.budget
            plan.updatedAt = actor.now()
            guard before != plan.draft else { return }
            try await plan.update(on: tx)
            try await AuditLog.record(
                .update, objectType: Plan.objectType, objectID: try plan.requireID(), label: plan.title,
                tenantID: plan.tenantID, before: before, after: plan.draft, systemID: plan.systemID, actor: actor,
                on: tx)
        }
    }

    /// Records the plan's adoption (fastställelse); the revision deadline runs from its day (D3).
    static func adopt(_ plan: Plan, _ draft: AdoptionDraft, actor: AuditActor, on db: any Database) async throws {
        if plan.status == .adopted { throw PlanError.adopted }
        let (d, issues) = draft.checked()
        try RecordStore.check(issues)
        try await db.writeTransaction { tx in
            plan.status = .adopted
            plan.adoptedOn = d.adoptedOn?.iso
            plan.adoptedBy = d.adoptedBy
            plan.adoptedByAccountID = actor.accountID
            plan.updatedAt = actor.now()
            try await plan.update(on: tx)
            try await AuditLog.record(
                .update, objectType: Plan.objectType, objectID: try plan.requireID(), label: "\(plan.title) fastställd",
                tenantID: plan.tenantID, before: AdoptionDraft?.none, after: d, systemID: plan.systemID,
                message: "Fastställd", actor: actor, on: tx)
        }
    }

    static func addActivity(
        _ plan: Plan, _ draft: ActivityDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> PlanActivity {
        let profile = try await ProfileRules.current(tenant, on: db).1
        guard PlanShape(kind(plan.kindKey, in: profile)).holdsActivities else {
            throw PlanError.notForKind(
                field: "title",
                Localized(
                    sv: "Aktiviteter hör till planer per system (systemförvaltningsplaner).",
                    en: "Activities belong to per-system plans (system management plans)."))
        }
        let (d, issues) = draft.checked()
        try RecordStore.check(issues)
        let planID = try plan.requireID()
        return try await db.writeTransaction { tx in
            let last = try await PlanActivity.query(on: tx).filter(\.$planID == planID).sort(\.$position, .descending)
                .first()
            let activity = PlanActivity()
            activity.id = actor.uuid()
            activity.tenantID = plan.tenantID
            activity.planID = planID
            activity.position = (last?.position ?? 0) + 1
            activity.title = d.title
            activity.description = d.description
            activity.budget = d.budget
            activity.createdAt = actor.now()
            try await activity.create(on: tx)
            try await AuditLog.record(
                .create, objectType: PlanActivity.objectType, objectID: try activity.requireID(),
                label: "\(plan.title): \(d.title)", tenantID: plan.tenantID, before: ActivityDraft?.none, after: d,
                systemID: plan.systemID, actor: actor, on: tx)
            return activity
        }
    }

    /// Adds an initiative to a one-year plan: a decided (approved) proposal, an activity of a
    /// systemförvaltningsplan of the same tenant, or a free one. A proposal or activity is in a plan once.
    static func addInitiative(
        _ plan: Plan, _ draft: InitiativeDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> PlanInitiative {
        let profile = try await ProfileRules.current(tenant, on: db).1
        guard PlanShape(kind(plan.kindKey, in: profile)).holdsInitiatives else {
            throw PlanError.notForKind(
                field: "source",
                Localized(
                    sv: "Insatser hör till ettåriga planer som IT-verksamhetsplanen.",
                    en: "Initiatives belong to one-year plans such as the IT operations plan."))
        }
        var (d, issues) = draft.checked()
        try RecordStore.check(issues)
        let planID = try plan.requireID()
        var budget = d.budget
        var title = d.title
        var description = d.description
        switch d.source {
        case .proposal:
            let id = d.proposalId!
            guard let proposal = try await Proposal.scoped(to: tenant, on: db).filter(\.$id == id).first(),
                proposal.status == .approved
            else {
                issues.append(
                    ValidationIssue(
                        field: "proposalId",
                        message: Localized(
                            sv: "Välj ett beviljat förslag ur listan.", en: "Choose an approved proposal from the list."
                        )))
                break
            }
            if try await PlanInitiative.query(on: db).filter(\.$planID == planID).filter(\.$proposalID == id).count()
                > 0
            {
                issues.append(
                    ValidationIssue(
                        field: "proposalId",
                        message: Localized(
                            sv: "Förslaget är redan en insats i planen.", en: "The proposal is already in the plan.")))
            }
            if title.isEmpty { title = "\(proposal.diarienummer) \(proposal.title)" }
            if description.isEmpty { description = proposal.need }
            if budget == nil { budget = proposal.expectedCost.map { min(max($0, 0), PlanDraft.maxBudget) } }
        case .activity:
            let id = d.activityId!
            guard let activity = try await PlanActivity.scoped(to: tenant, on: db).filter(\.$id == id).first() else {
                issues.append(
                    ValidationIssue(
                        field: "activityId",
                        message: Localized(sv: "Välj en aktivitet ur listan.", en: "Choose an activity from the list."))
                )
                break
            }
            if try await PlanInitiative.query(on: db).filter(\.$planID == planID).filter(\.$activityID == id).count()
                > 0
            {
                issues.append(
                    ValidationIssue(
                        field: "activityId",
                        message: Localized(
                            sv: "Aktiviteten är redan en insats i planen.", en: "The activity is already in the plan."))
                )
            }
            if title.isEmpty { title = activity.title }
            if description.isEmpty { description = activity.description }
            if budget == nil { budget = activity.budget }
        case .free:
            break
        }
        try RecordStore.check(issues)
        d.title = String(title.unicodeScalars.prefix(200))
        d.description = String(description.unicodeScalars.prefix(5_000))
        d.budget = budget
        let final = d
        return try await db.writeTransaction { tx in
            let last = try await PlanInitiative.query(on: tx).filter(\.$planID == planID)
                .sort(\.$position, .descending).first()
            let now = actor.now()
            let initiative = PlanInitiative()
            initiative.id = actor.uuid()
            initiative.tenantID = plan.tenantID
            initiative.planID = planID
            initiative.position = (last?.position ?? 0) + 1
            initiative.source = final.source
            initiative.proposalID = final.proposalId
            initiative.activityID = final.activityId
            initiative.title = final.title
            initiative.description = final.description
            initiative.status = .planned
            initiative.budget = final.budget
            initiative.outcome = ""
            initiative.followUpJSON = nil
            initiative.followedUpByName = ""
            initiative.createdAt = now
            initiative.updatedAt = now
            try await initiative.create(on: tx)
            try await AuditLog.record(
                .create, objectType: PlanInitiative.objectType, objectID: try initiative.requireID(),
                label: "\(plan.title): \(final.title)", tenantID: plan.tenantID, before: InitiativeDraft?.none,
                after: final, actor: actor, on: tx)
            return initiative
        }
    }

    static func updateInitiative(
        _ initiative: PlanInitiative, _ update: InitiativeUpdate, actor: AuditActor, on db: any Database
    ) async throws {
        let (d, issues) = update.checked()
        try RecordStore.check(issues)
        let before = initiative.update
        guard before != d else { return }
        try await db.writeTransaction { tx in
            initiative.title = d.title
            initiative.description = d.description
            initiative.status = d.status
            initiative.budget = d.budget
            initiative.outcome = d.outcome
            initiative.updatedAt = actor.now()
            try await initiative.update(on: tx)
            try await AuditLog.record(
                .update, objectType: PlanInitiative.objectType, objectID: try initiative.requireID(), label: d.title,
                tenantID: initiative.tenantID, before: before, after: d, actor: actor, on: tx)
        }
    }

    /// The calculation an initiative's benefits are followed up against: its proposal's.
    static func calculation(
        of initiative: PlanInitiative, tenant: Tenant, on db: any Database
    ) async throws
        -> (Proposal, BenefitCalculation)?
    {
        guard let id = initiative.proposalID,
            let proposal = try await Proposal.scoped(to: tenant, on: db).filter(\.$id == id).first(),
            let calculation = proposal.calculation
        else { return nil }
        return (proposal, calculation)
    }

    /// Stores the benefit follow-up (T6/F4): per benefit line, what was realised and a comment.
    static func followUp(
        _ initiative: PlanInitiative, _ followUp: BenefitFollowUp, tenant: Tenant, actor: AuditActor,
        on db: any Database
    ) async throws {
        guard let (_, calculation) = try await calculation(of: initiative, tenant: tenant, on: db),
            !calculation.benefits.isEmpty
        else { throw PlanError.noCalculation }
        guard initiative.status == .done else { throw PlanError.notDone }
        let asSent = followUp.validate(against: calculation).filter(\.concernsSubmittedText)
        let tidy = followUp.normalized()
        try RecordStore.check(
            followUp.validate(against: calculation).filter { !$0.concernsSubmittedText } + asSent)
        let before = initiative.followUp
        try await db.writeTransaction { tx in
            initiative.followUpJSON = JSONText.encode(tidy)
            initiative.followedUpByName = actor.name
            initiative.followedUpAt = actor.now()
            initiative.updatedAt = actor.now()
            try await initiative.update(on: tx)
            try await AuditLog.record(
                .update, objectType: PlanInitiative.objectType, objectID: try initiative.requireID(),
                label: "\(initiative.title) nyttouppföljning", tenantID: initiative.tenantID, before: before,
                after: tidy, message: "Nyttouppföljning", actor: actor, on: tx)
        }
    }
}
