import Foundation
import StyrbordCore
import Vapor

/// A proposal in a list.
struct ProposalSummary: Content {
    var id: UUID
    var diarienummer: String
    var title: String
    var status: Proposal.Status
    var orgUnitId: UUID?
    var category: SystemCategory?
    var isUrgent: Bool
    var createdAt: Date
    var updatedAt: Date

    init(_ p: Proposal) throws {
        id = try p.requireID()
        diarienummer = p.diarienummer
        title = p.title
        status = p.status
        orgUnitId = p.orgUnitID
        category = p.category
        isUrgent = p.isUrgent
        createdAt = p.createdAt
        updatedAt = p.updatedAt
    }
}

/// A proposal with its classification, route and decision as the API returns it.
struct ProposalResponse: Content {
    struct Step: Content {
        var key: String
        var actor: String
        var actorName: String
        var action: ProfileAction
        var description: String
        var isRequiredBeforeDecision: Bool
        var isDecision: Bool
        /// done, lacking (recorded but not enough), pending.
        var state: String
        var against: [String]
        var lacking: [String]
        var outcome: StepOutcome?
        var assessments: [String: String]?
        var note: String?
        var recordedBy: String?
        var recordedAt: Date?
    }

    struct Figures: Content {
        var grossBenefit: Int
        var directBenefit: Int
        var indirectBenefit: Int
        var costs: Int
        var netBenefit: Int
        var paybackYear: Int?
        var netPresentValue: Int
        var discountRatePercent: Double
    }

    struct Decision: Content {
        var outcome: DecisionOutcome
        var decidedByBody: String
        var decidedByPerson: String
        var delegation: String
        var reasons: String
        var conditions: String
        var decidedOn: String
        var isUrgentPath: Bool
        var recordedBy: String
        var recordedAt: Date
    }

    /// D4's "konsekvenser för andra förvaltningar, system": what depends on the touched systems.
    struct Impact: Content {
        struct Dependent: Content {
            var systemId: UUID
            var name: String
            var distance: Int
            var viaSystemId: UUID
        }
        struct Administration: Content {
            var orgUnitId: UUID
            var name: String
        }
        struct RoleHolder: Content {
            var systemId: UUID
            var personId: UUID
            var name: String
            var roleName: String
        }
        var dependents: [Dependent]
        var otherAdministrations: [Administration]
        var roleHolders: [RoleHolder]
    }

    /// T3, D4's "risk för överlappning": a similar system or open proposal in another förvaltning.
    struct Overlap: Content {
        var kind: String
        var id: UUID
        var name: String
        var sharedWords: [String]
        var score: Double
    }

    var id: UUID
    var diarienummer: String
    var status: Proposal.Status
    var proposedBy: String
    var createdAt: Date
    var updatedAt: Date
    var title: String
    var need: String
    var needsAnalysis: String
    var orgUnitId: UUID?
    var systemIds: [UUID]
    var category: SystemCategory?
    var expectedCost: Int?
    var expectedStartOn: CalendarDay?
    var expectedDoneOn: CalendarDay?
    var isUrgent: Bool
    var urgencyReason: String
    var checklist: [String: ChecklistValue]
    var classification: String?
    var route: String?
    var steps: [Step]
    var decider: String?
    var mayBeDecided: Bool
    var reasonsNotDecidable: [String]
    var calculation: CalculationRequest?
    var figures: Figures?
    var decision: Decision?
    var impact: Impact
    var overlaps: [Overlap]

    init(_ state: ProposalState) throws {
        let p = state.proposal
        let d = p.draft
        id = try p.requireID()
        diarienummer = p.diarienummer
        status = p.status
        proposedBy = p.proposedByName
        createdAt = p.createdAt
        updatedAt = p.updatedAt
        title = d.title
        need = d.need
        needsAnalysis = d.needsAnalysis
        orgUnitId = d.orgUnitId
        systemIds = d.systemIds
        category = d.category
        expectedCost = d.expectedCost
        expectedStartOn = d.expectedStartOn
        expectedDoneOn = d.expectedDoneOn
        isUrgent = d.isUrgent
        urgencyReason = d.urgencyReason
        checklist = p.checklist.answers
        let w = state.workflow
        classification = w.classification
        route = w.route?.key
        let latest = state.latestStepRecords
        steps = w.steps.map { s in
            let record = latest[s.step.key]
            return Step(
                key: s.step.key, actor: s.step.actor.key,
                actorName: w.describe(s.step).en
                    .replacingOccurrences(of: " " + s.step.action.label.en, with: ""),
                action: s.step.action, description: w.describe(s.step).sv,
                isRequiredBeforeDecision: s.step.isRequiredBeforeDecision, isDecision: s.isDecision,
                state: s.isDone ? "done" : (s.record != nil ? "lacking" : "pending"), against: s.step.against,
                lacking: s.lacking.map(\.en), outcome: s.record?.outcome, assessments: s.record?.assessments,
                note: record.flatMap { $0.note.isEmpty ? nil : $0.note }, recordedBy: record?.recordedByName,
                recordedAt: record?.recordedAt)
        }
        decider = w.decider
        mayBeDecided = w.mayBeDecided && !p.status.isSettled
        reasonsNotDecidable = w.reasonsNotDecidable.map(\.en)
        if let c = w.calculation {
            calculation = CalculationRequest(
                firstYear: c.firstYear, years: c.years, benefits: c.benefits,
                qualitativeBenefits: c.qualitativeBenefits,
                costs: c.costs, risks: c.risks)
            let f = c.figures
            figures = Figures(
                grossBenefit: f.grossBenefit, directBenefit: f.directBenefit, indirectBenefit: f.indirectBenefit,
                costs: f.costs, netBenefit: f.netBenefit, paybackYear: f.paybackYear,
                netPresentValue: f.netPresentValue, discountRatePercent: c.discountRatePercent)
        }
        let i = state.impact
        impact = Impact(
            dependents: i.dependents.map {
                Impact.Dependent(
                    systemId: $0.system.id, name: $0.system.name, distance: $0.distance, viaSystemId: $0.via)
            },
            otherAdministrations: i.otherAdministrations.map {
                Impact.Administration(orgUnitId: $0, name: state.register.tree.name($0) ?? "")
            },
            roleHolders: i.roleHolders.map {
                Impact.RoleHolder(
                    systemId: $0.systemId, personId: $0.personId, name: $0.personName, roleName: $0.roleName)
            })
        overlaps = state.overlaps.map {
            Overlap(
                kind: $0.candidate.kind.rawValue, id: $0.candidate.id, name: $0.candidate.name,
                sharedWords: $0.sharedWords, score: ($0.score * 1000).rounded() / 1000)
        }
        decision = state.latestDecision.map {
            Decision(
                outcome: $0.outcome, decidedByBody: $0.decidedByBody, decidedByPerson: $0.decidedByPerson,
                delegation: $0.delegation, reasons: $0.reasons, conditions: $0.conditions, decidedOn: $0.decidedOn,
                isUrgentPath: $0.isUrgentPath, recordedBy: $0.recordedByName, recordedAt: $0.recordedAt)
        }
    }
}

/// The list's filters: status and förvaltning, strictly read for the API.
struct ProposalFilter: Sendable {
    var status: Proposal.Status?
    var orgUnitId: UUID?

    init(_ items: [(String, String)], strict: Bool) throws {
        var issues = strict ? ListQuery.emptyParameters(items, among: ["status", "orgUnitId"]) : []
        let dict = Dictionary(items, uniquingKeysWith: { a, _ in a })
        if let raw = dict["status"], !raw.isEmpty {
            status = Proposal.Status(rawValue: raw)
            if status == nil {
                issues.append(
                    ValidationIssue(
                        field: "status",
                        message: Localized(
                            sv: "Okänd status \"\(raw)\".", en: "Unknown status \"\(raw)\".")))
            }
        }
        if let raw = dict["orgUnitId"], !raw.isEmpty {
            orgUnitId = UUID.parsing(raw)
            if orgUnitId == nil {
                issues.append(
                    ValidationIssue(
                        field: "orgUnitId", message: Localized(sv: "Ange ett UUID.", en: "Give a UUID.")))
            }
        }
        if strict && !issues.isEmpty { throw InvalidQuery(issues: issues) }
    }
}
