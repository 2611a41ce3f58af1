import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Everything that can go wrong with a proposal beyond its fields.
enum ProposalError: AppError {
    /// Approved or rejected: the decision stands, nothing more is recorded.
    case settled(Proposal.Status)
    /// Mandatory steps or the calculation are missing (D4, L2, E4/E5, F4); each reason is an issue.
    case notDecidable([Localized])
    /// The checklist has no such step on the proposal's current route.
    case unknownStep(String)

    var status: HTTPResponseStatus {
        switch self {
        case .settled: .conflict
        case .notDecidable, .unknownStep: .unprocessableEntity
        }
    }

    var code: String {
        switch self {
        case .settled: "proposal.settled"
        case .notDecidable: "proposal.not-decidable"
        case .unknownStep: "validation.failed"
        }
    }

    var userMessage: Localized {
        switch self {
        case .settled(let status):
            Localized(
                sv: "Förslaget är redan avgjort (\(status.label.sv.lowercased())) och kan inte ändras.",
                en: "The proposal is already settled (\(status.label.en.lowercased())) and can't be changed.")
        case .notDecidable(let reasons):
            Localized(
                sv: "Förslaget kan inte beslutas ännu: " + reasons.map(\.sv).joined(separator: " "),
                en: "The proposal can't be decided yet: " + reasons.map(\.en).joined(separator: " "))
        case .unknownStep(let key):
            Localized(
                sv: "Förslagets väg har inget steg \"\(key)\" att registrera.",
                en: "The proposal's route has no step \"\(key)\" to record.")
        }
    }

    var issues: [ValidationIssue] {
        switch self {
        case .settled: []
        case .notDecidable(let reasons): reasons.map { ValidationIssue(field: "decision", message: $0) }
        case .unknownStep: [ValidationIssue(field: "stepKey", message: userMessage)]
        }
    }
}

/// A nyttokalkyl as the API and the form send it: the discount rate is the profile's, not the sender's.
struct CalculationRequest: Codable, Sendable, Hashable {
    var firstYear: Int
    var years: Int?
    var benefits: [BenefitCalculation.BenefitLine]
    var qualitativeBenefits: [BenefitCalculation.QualitativeBenefit]
    var costs: [BenefitCalculation.CostLine]
    var risks: [BenefitCalculation.RiskLine]

    static let maxLines = 100

    init(
        firstYear: Int, years: Int? = nil, benefits: [BenefitCalculation.BenefitLine] = [],
        qualitativeBenefits: [BenefitCalculation.QualitativeBenefit] = [], costs: [BenefitCalculation.CostLine] = [],
        risks: [BenefitCalculation.RiskLine] = []
    ) {
        self.firstYear = firstYear
        self.years = years
        self.benefits = benefits
        self.qualitativeBenefits = qualitativeBenefits
        self.costs = costs
        self.risks = risks
    }

    enum CodingKeys: String, CodingKey { case firstYear, years, benefits, qualitativeBenefits, costs, risks }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        firstYear = try c.decode(Int.self, forKey: .firstYear)
        years = try c.decodeIfPresent(Int.self, forKey: .years)
        benefits = try c.decodeIfPresent([BenefitCalculation.BenefitLine].self, forKey: .benefits) ?? []
        qualitativeBenefits =
            try c.decodeIfPresent([BenefitCalculation.QualitativeBenefit].self, forKey: .qualitativeBenefits) ?? []
        costs = try c.decodeIfPresent([BenefitCalculation.CostLine].self, forKey: .costs) ?? []
        risks = try c.decodeIfPresent([BenefitCalculation.RiskLine].self, forKey: .risks) ?? []
    }

    /// The calculation at the profile's rate, with text trimmed.
    func calculation(rules: GovernanceProfile.CalculationRules) -> BenefitCalculation {
        BenefitCalculation(
            firstYear: firstYear, years: years ?? rules.years, discountRatePercent: rules.discountRatePercent,
            benefits: benefits.map {
                var l = $0
                l.description = l.description.trimmed
                l.owner = l.owner.trimmed
                return l
            },
            qualitativeBenefits: qualitativeBenefits.map {
                BenefitCalculation.QualitativeBenefit(description: $0.description.trimmed, owner: $0.owner.trimmed)
            },
            costs: costs.map {
                var l = $0
                l.description = l.description.trimmed
                return l
            },
            risks: risks.map {
                var l = $0
                l.description = l.description.trimmed
                l.action = l.action.trimmed
                return l
            })
    }

    /// Every problem: too many lines, then the calculation's own checks; lengths as sent.
    func issues(rules: GovernanceProfile.CalculationRules) -> [ValidationIssue] {
        var v = Validator()
        for (field, count) in [
            ("benefits", benefits.count), ("qualitativeBenefits", qualitativeBenefits.count), ("costs", costs.count),
            ("risks", risks.count),
        ] where count > Self.maxLines {
            v.add(field, sv: "Högst \(Self.maxLines) rader.", en: "At most \(Self.maxLines) lines.")
        }
        let submitted = BenefitCalculation(
            firstYear: firstYear, years: years ?? rules.years, discountRatePercent: rules.discountRatePercent,
            benefits: benefits, qualitativeBenefits: qualitativeBenefits, costs: costs, risks: risks)
        // Lengths on the text as sent, everything else on the trimmed text (as `RecordDraft.checked`).
        let asSent = submitted.validate().filter(\.concernsSubmittedText)
        let tidy = calculation(rules: rules).validate().filter { !$0.concernsSubmittedText }
        v.merge(tidy + asSent)
        return v.issues
    }
}

/// Checks and writes for proposals. Every change goes through here, from the pages, the API and the demo.
enum ProposalRules {
    /// The draft tidied and checked, with its org unit and systems found in the tenant.
    static func validated(_ draft: ProposalDraft, tenant: Tenant, on db: any Database) async throws -> ProposalDraft {
        var (d, issues) = draft.checked()
        if let unit = d.orgUnitId,
            try await OrgUnit.scoped(to: tenant, on: db).filter(\.$id == unit).count() == 0
        {
            issues.append(
                ValidationIssue(
                    field: "orgUnitId",
                    message: Localized(
                        sv: "Förvaltningen finns inte i registret.", en: "The administration is not in the register.")))
        }
        if !d.systemIds.isEmpty {
            let found = Set(
                try await ITSystem.scoped(to: tenant, on: db).filter(\.$id ~~ d.systemIds).field(\.$id).all()
                    .compactMap(\.id))
            for (i, id) in d.systemIds.enumerated() where !found.contains(id) {
                issues.append(
                    ValidationIssue(
                        field: "systemIds[\(i)]",
                        message: Localized(
                            sv: "Systemet finns inte i registret.", en: "The system is not in the register.")))
            }
        }
        try RecordStore.check(issues)
        return d
    }

    /// Creates the proposal with the tenant's next diarienummer for the year. Two proposals created at
    /// once may pick the same number; the unique index refuses the second, which then tries again.
    static func create(
        _ draft: ProposalDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws
        -> Proposal
    {
        let d = try await validated(draft, tenant: tenant, on: db)
        let tenantID = try tenant.requireID()
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await db.writeTransaction { tx in
                    let now = actor.now()
                    let year = CalendarDay(now).year
                    let last = try await Proposal.scoped(to: tenant, on: tx).filter(\.$numberYear == year)
                        .sort(\.$number, .descending).first()
                    let proposal = Proposal(
                        id: actor.uuid(), tenantID: tenantID, year: year, number: (last?.number ?? 0) + 1, draft: d,
                        proposedBy: (actor.accountID, actor.name), now: now)
                    try await proposal.create(on: tx)
                    try await AuditLog.record(
                        .create, objectType: Proposal.objectType, objectID: try proposal.requireID(),
                        label: "\(proposal.diarienummer) \(proposal.title)", tenantID: tenantID,
                        before: ProposalDraft?.none, after: d, actor: actor, on: tx)
                    return proposal
                }
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 10 {
                continue
            }
        }
    }

    static func update(
        _ proposal: Proposal, with draft: ProposalDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> Proposal {
        try refuseIfSettled(proposal)
        let d = try await validated(draft, tenant: tenant, on: db)
        let before = proposal.draft
        guard before != d else { return proposal }
        return try await db.writeTransaction { tx in
            proposal.apply(d, now: actor.now())
            try await proposal.update(on: tx)
            try await AuditLog.record(
                .update, objectType: Proposal.objectType, objectID: try proposal.requireID(),
                label: "\(proposal.diarienummer) \(proposal.title)", tenantID: proposal.tenantID, before: before,
                after: d, actor: actor, on: tx)
            return proposal
        }
    }

    /// Stores the checklist's answers (D5), checked against the profile's questions.
    static func saveChecklist(
        _ proposal: Proposal, answers: ChecklistAnswers, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws {
        try refuseIfSettled(proposal)
        let profile = try await ProfileRules.current(tenant, on: db).1
        let asSent = answers.validate(against: profile).filter(\.concernsSubmittedText)
        let tidy = answers.normalized()
        try RecordStore.check(tidy.validate(against: profile).filter { !$0.concernsSubmittedText } + asSent)
        let before = proposal.checklist
        guard before != tidy else { return }
        try await db.writeTransaction { tx in
            proposal.checklistJSON = JSONText.encode(tidy)
            proposal.updatedAt = actor.now()
            try await proposal.update(on: tx)
            try await AuditLog.record(
                .update, objectType: Proposal.objectType, objectID: try proposal.requireID(),
                label: "\(proposal.diarienummer) checklista", tenantID: proposal.tenantID, before: before,
                after: tidy, message: "Checklistan", actor: actor, on: tx)
        }
    }

    /// Stores the nyttokalkyl (T6, F4) at the profile's discount rate.
    static func saveCalculation(
        _ proposal: Proposal, _ request: CalculationRequest, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws {
        try refuseIfSettled(proposal)
        let rules = try await ProfileRules.current(tenant, on: db).1.calculation
        try RecordStore.check(request.issues(rules: rules))
        let calculation = request.calculation(rules: rules)
        let before = proposal.calculation
        guard before != calculation else { return }
        try await db.writeTransaction { tx in
            proposal.calculationJSON = JSONText.encode(calculation)
            proposal.updatedAt = actor.now()
            try await proposal.update(on: tx)
            try await AuditLog.record(
                .update, objectType: Proposal.objectType, objectID: try proposal.requireID(),
                label: "\(proposal.diarienummer) nyttokalkyl", tenantID: proposal.tenantID, before: before,
                after: calculation, message: "Nyttokalkylen", actor: actor, on: tx)
        }
    }

    /// Records a step of the proposal's current route (not its decision).
    static func recordStep(
        _ draft: StepRecordDraft, for state: ProposalState, actor: AuditActor, on db: any Database
    ) async throws {
        let proposal = state.proposal
        try refuseIfSettled(proposal)
        var (d, issues) = draft.checked()
        guard
            let step = state.workflow.steps.first(where: { $0.step.key == d.stepKey && !$0.isDecision })?.step
        else {
            if issues.isEmpty { throw ProposalError.unknownStep(d.stepKey) }
            throw ValidationFailure(issues: issues)
        }
        issues += d.validate(against: step)
        try RecordStore.check(issues)
        d.assessments = d.assessments.filter { step.against.contains($0.key) }
        let draft = d
        let position = (state.steps.map(\.position).max() ?? 0) + 1
        try await db.writeTransaction { tx in
            let record = ProposalStepRecord()
            record.id = actor.uuid()
            record.tenantID = proposal.tenantID
            record.proposalID = try proposal.requireID()
            record.position = position
            record.stepKey = draft.stepKey
            record.outcome = draft.outcome
            record.assessmentsJSON = JSONText.encode(draft.assessments)
            record.note = draft.note
            record.recordedByAccountID = actor.accountID
            record.recordedByName = actor.name
            record.recordedAt = actor.now()
            try await record.create(on: tx)
            proposal.updatedAt = actor.now()
            try await proposal.update(on: tx)
            try await AuditLog.record(
                .create, objectType: ProposalStepRecord.objectType, objectID: try record.requireID(),
                label: "\(proposal.diarienummer) \(state.workflow.describe(step).sv)", tenantID: proposal.tenantID,
                before: StepRecordDraft?.none, after: draft, actor: actor, on: tx)
        }
    }

    /// Records the decision; refused while the route's mandatory steps or the calculation are missing.
    static func decide(
        _ draft: DecisionDraft, for state: ProposalState, actor: AuditActor, on db: any Database
    ) async throws {
        let proposal = state.proposal
        try refuseIfSettled(proposal)
        // D4/L2/E4/E5/F4: no decision before the steps the profile puts before it.
        guard state.workflow.mayBeDecided else { throw ProposalError.notDecidable(state.workflow.reasonsNotDecidable) }
        let (d, issues) = draft.checked()
        try RecordStore.check(issues)
        let position = (state.decisions.map(\.position).max() ?? 0) + 1
        try await db.writeTransaction { tx in
            let decision = ProposalDecision()
            decision.id = actor.uuid()
            decision.tenantID = proposal.tenantID
            decision.proposalID = try proposal.requireID()
            decision.position = position
            decision.outcome = d.outcome
            decision.decidedByBody = d.decidedByBody
            decision.decidedByPerson = d.decidedByPerson
            decision.delegation = d.delegation
            decision.reasons = d.reasons
            decision.conditions = d.conditions
            decision.decidedOn = d.decidedOn?.iso ?? ""
            decision.isUrgentPath = proposal.isUrgent && !(state.workflow.route?.urgentSteps.isEmpty ?? true)
            decision.recordedByAccountID = actor.accountID
            decision.recordedByName = actor.name
            decision.recordedAt = actor.now()
            try await decision.create(on: tx)
            proposal.status = Proposal.Status(rawValue: d.outcome.rawValue) ?? .open
            proposal.updatedAt = actor.now()
            try await proposal.update(on: tx)
            try await AuditLog.record(
                .create, objectType: ProposalDecision.objectType, objectID: try decision.requireID(),
                label: "\(proposal.diarienummer) beslut: \(d.outcome.label.sv)", tenantID: proposal.tenantID,
                before: DecisionDraft?.none, after: d, actor: actor, on: tx)
        }
    }

    static func refuseIfSettled(_ proposal: Proposal) throws {
        if proposal.status.isSettled { throw ProposalError.settled(proposal.status) }
    }
}
