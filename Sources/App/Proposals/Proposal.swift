import Fluent
import Foundation
import StyrbordCore

/// A proposal for an IT change (förslag till IT-insats, D5) with its diarienummer, its checklist answers
/// and its nyttokalkyl. The route's step records and the decisions are rows of their own.
final class Proposal: Model, @unchecked Sendable {
    static let objectType = "proposal"
    static let schema = "proposals"

    /// Where a proposal stands; every status but `open` comes from the latest decision.
    enum Status: String, Codable, CaseIterable, Sendable {
        case open
        case approved, rejected, deferred
        case feasibilityStudy = "feasibility-study"

        var label: Localized {
            switch self {
            case .open: Localized(sv: "Under beredning", en: "In preparation")
            case .approved: Localized(sv: "Beviljat", en: "Approved")
            case .rejected: Localized(sv: "Avslaget", en: "Rejected")
            case .deferred: Localized(sv: "Bordlagt", en: "Deferred")
            case .feasibilityStudy: Localized(sv: "Förstudie först", en: "Feasibility study first")
            }
        }

        /// Approved and rejected proposals are settled: no more edits, steps or decisions.
        var isSettled: Bool { self == .approved || self == .rejected }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "number_year") var numberYear: Int
    @Field(key: "number") var number: Int
    @Field(key: "diarienummer") var diarienummer: String
    @Field(key: "title") var title: String
    @Field(key: "need") var need: String
    @Field(key: "needs_analysis") var needsAnalysis: String
    @OptionalField(key: "org_unit_id") var orgUnitID: UUID?
    @Field(key: "system_ids") var systemIDsJSON: String
    @OptionalField(key: "category") var category: SystemCategory?
    @OptionalField(key: "expected_cost") var expectedCost: Int?
    @OptionalField(key: "expected_start_on") var expectedStartOn: String?
    @OptionalField(key: "expected_done_on") var expectedDoneOn: String?
    @Field(key: "is_urgent") var isUrgent: Bool
    @Field(key: "urgency_reason") var urgencyReason: String
    @Field(key: "status") var status: Status
    @Field(key: "checklist") var checklistJSON: String
    @OptionalField(key: "calculation") var calculationJSON: String?
    @OptionalField(key: "proposed_by_account_id") var proposedByAccountID: UUID?
    @Field(key: "proposed_by_name") var proposedByName: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    /// Listed by hand: FluentKit otherwise finds the properties by reflection on every row it decodes.
    /// `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $numberYear, $number, $diarienummer, $title, $need, $needsAnalysis, $orgUnitID,
            $systemIDsJSON, $category, $expectedCost, $expectedStartOn, $expectedDoneOn, $isUrgent, $urgencyReason,
            $status, $checklistJSON, $calculationJSON, $proposedByAccountID, $proposedByName, $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(
        id: UUID, tenantID: UUID, year: Int, number: Int, draft: ProposalDraft, proposedBy: (UUID?, String), now: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.numberYear = year
        self.number = number
        self.diarienummer = Self.diarienummer(year: year, number: number)
        self.status = .open
        self.checklistJSON = JSONText.encode(ChecklistAnswers())
        self.calculationJSON = nil
        self.proposedByAccountID = proposedBy.0
        self.proposedByName = proposedBy.1
        self.createdAt = now
        apply(draft, now: now)
    }

    /// "IT 2026/0007": the register's series, the year and the number within it.
    static func diarienummer(year: Int, number: Int) -> String {
        "IT \(year)/" + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
    }

    func apply(_ draft: ProposalDraft, now: Date) {
        title = draft.title
        need = draft.need
        needsAnalysis = draft.needsAnalysis
        orgUnitID = draft.orgUnitId
        systemIDsJSON = JSONText.encode(draft.systemIds)
        category = draft.category
        expectedCost = draft.expectedCost
        expectedStartOn = draft.expectedStartOn?.iso
        expectedDoneOn = draft.expectedDoneOn?.iso
        isUrgent = draft.isUrgent
        urgencyReason = draft.urgencyReason
        updatedAt = now
    }

    var systemIDs: [UUID] { JSONText.decode(systemIDsJSON, as: [UUID].self) ?? [] }

    var draft: ProposalDraft {
        ProposalDraft(
            title: title, need: need, needsAnalysis: needsAnalysis, orgUnitId: orgUnitID, systemIds: systemIDs,
            category: category, expectedCost: expectedCost,
            expectedStartOn: expectedStartOn.flatMap(CalendarDay.init(iso:)),
            expectedDoneOn: expectedDoneOn.flatMap(CalendarDay.init(iso:)), isUrgent: isUrgent,
            urgencyReason: urgencyReason)
    }

    var checklist: ChecklistAnswers { JSONText.decode(checklistJSON, as: ChecklistAnswers.self) ?? ChecklistAnswers() }

    var calculation: BenefitCalculation? {
        calculationJSON.flatMap { JSONText.decode($0, as: BenefitCalculation.self) }
    }

    static let what = Localized(sv: "Förslaget", en: "The proposal")
}

extension Proposal: TenantScoped {}

/// What a forum or role recorded for one step of a proposal's route (D4: the eleven points' answers).
final class ProposalStepRecord: Model, @unchecked Sendable {
    static let objectType = "proposal-step"
    static let schema = "proposal_step_records"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "proposal_id") var proposalID: UUID
    /// Order of recording within the proposal: a later record of the same step replaces the earlier.
    @Field(key: "position") var position: Int
    @Field(key: "step_key") var stepKey: String
    @Field(key: "outcome") var outcome: StepOutcome
    @Field(key: "assessments") var assessmentsJSON: String
    @Field(key: "note") var note: String
    @OptionalField(key: "recorded_by_account_id") var recordedByAccountID: UUID?
    @Field(key: "recorded_by_name") var recordedByName: String
    @Field(key: "recorded_at") var recordedAt: Date

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $proposalID, $position, $stepKey, $outcome, $assessmentsJSON, $note, $recordedByAccountID,
            $recordedByName, $recordedAt,
        ]
    }

    init() {}

    var assessments: [String: String] { JSONText.decode(assessmentsJSON, as: [String: String].self) ?? [:] }

    var record: StepRecord { StepRecord(stepKey: stepKey, outcome: outcome, assessments: assessments) }
}

extension ProposalStepRecord: TenantScoped {}

/// A decision on a proposal (D4: by the decision maker under the delegationsordning, or a förstudie
/// first). The latest decision gives the proposal its status.
final class ProposalDecision: Model, @unchecked Sendable {
    static let objectType = "proposal-decision"
    static let schema = "proposal_decisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "proposal_id") var proposalID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "outcome") var outcome: DecisionOutcome
    @Field(key: "decided_by_body") var decidedByBody: String
    @Field(key: "decided_by_person") var decidedByPerson: String
    @Field(key: "delegation") var delegation: String
    @Field(key: "reasons") var reasons: String
    @Field(key: "conditions") var conditions: String
    @Field(key: "decided_on") var decidedOn: String
    /// D4: taken on the urgent path, where the IT-chef's assessment replaced the forums.
    @Field(key: "is_urgent_path") var isUrgentPath: Bool
    @OptionalField(key: "recorded_by_account_id") var recordedByAccountID: UUID?
    @Field(key: "recorded_by_name") var recordedByName: String
    @Field(key: "recorded_at") var recordedAt: Date

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $proposalID, $position, $outcome, $decidedByBody, $decidedByPerson, $delegation, $reasons,
            $conditions, $decidedOn, $isUrgentPath, $recordedByAccountID, $recordedByName, $recordedAt,
        ]
    }

    init() {}

    var draft: DecisionDraft {
        DecisionDraft(
            outcome: outcome, decidedByBody: decidedByBody, decidedByPerson: decidedByPerson, delegation: delegation,
            reasons: reasons, conditions: conditions, decidedOn: CalendarDay(iso: decidedOn))
    }
}

extension ProposalDecision: TenantScoped {}
