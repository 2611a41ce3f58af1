import Foundation

/// How a proposal was decided (D4: the decision maker may ask for a förstudie first).
public enum DecisionOutcome: String, LabelledValue {
    case approved
    case rejected
    case deferred
    case feasibilityStudy = "feasibility-study"

    public var label: Localized {
        switch self {
        case .approved: Localized(sv: "Beviljas", en: "Approved")
        case .rejected: Localized(sv: "Avslås", en: "Rejected")
        case .deferred: Localized(sv: "Bordläggs", en: "Deferred")
        case .feasibilityStudy: Localized(sv: "Förstudie först", en: "Feasibility study first")
        }
    }
}

/// What a forum or role records for one step of the route: the outcome, the assessment of each point
/// the step covers (D4's eleven points) and a note.
public struct StepRecordDraft: RecordDraft, Hashable, Codable {
    public var stepKey: String
    public var outcome: StepOutcome
    /// Assessment point key → what the forum wrote.
    public var assessments: [String: String]
    public var note: String

    public static let maxAssessmentLength = 4_000

    public init(stepKey: String, outcome: StepOutcome, assessments: [String: String] = [:], note: String = "") {
        self.stepKey = stepKey
        self.outcome = outcome
        self.assessments = assessments
        self.note = note
    }

    enum CodingKeys: String, CodingKey { case stepKey, outcome, assessments, note }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        stepKey = try c.decode(String.self, forKey: .stepKey)
        outcome = try c.decode(StepOutcome.self, forKey: .outcome)
        assessments = try c.decodeIfPresent([String: String].self, forKey: .assessments) ?? [:]
        note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
    }

    public func normalized() -> StepRecordDraft {
        var copy = self
        copy.stepKey = stepKey.trimmed
        copy.note = note.trimmed
        copy.assessments = assessments.mapValues(\.trimmed).filter { !$0.value.isEmpty }
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(stepKey, field: "stepKey", label: Localized(sv: "Steg", en: "Step"), max: 200)
        v.limit(note, field: "note", label: Localized(sv: "Anteckning", en: "Note"), max: 4_000)
        for key in assessments.keys.sorted() {
            v.limit(
                assessments[key] ?? "", field: "assessments.\(key)",
                label: Localized(sv: "Bedömningen", en: "The assessment"), max: Self.maxAssessmentLength)
        }
        return v.issues
    }

    /// The checks against the step the record is for: the outcome fits its action, and only its points
    /// are assessed.
    public func validate(against step: GovernanceProfile.Step) -> [ValidationIssue] {
        var v = Validator()
        if !outcome.fits(step.action) {
            let fitting = StepOutcome.allCases.filter { $0.fits(step.action) }
            v.add(
                "outcome", sv: "Steget tar ett av utfallen: \(fitting.map(\.rawValue).joined(separator: ", ")).",
                en: "The step takes one of the outcomes: \(fitting.map(\.rawValue).joined(separator: ", ")).")
        }
        for key in assessments.keys.sorted() where !step.against.contains(key) {
            v.add(
                "assessments.\(key)", sv: "Steget bedömer inte punkten \"\(key)\".",
                en: "The step does not assess the point \"\(key)\".")
        }
        return v.issues
    }
}

/// A decision as the decision maker records it.
public struct DecisionDraft: RecordDraft, Hashable, Codable {
    public var outcome: DecisionOutcome
    /// The body or role that decided (kommunstyrelsen, IT-styrgruppen, förvaltningschefen).
    public var decidedByBody: String
    /// The person who signed the decision.
    public var decidedByPerson: String
    /// The delegation it rests on (delegationsordningen, punkt 3.2).
    public var delegation: String
    public var reasons: String
    public var conditions: String
    public var decidedOn: CalendarDay?

    public init(
        outcome: DecisionOutcome, decidedByBody: String, decidedByPerson: String, delegation: String = "",
        reasons: String, conditions: String = "", decidedOn: CalendarDay?
    ) {
        self.outcome = outcome
        self.decidedByBody = decidedByBody
        self.decidedByPerson = decidedByPerson
        self.delegation = delegation
        self.reasons = reasons
        self.conditions = conditions
        self.decidedOn = decidedOn
    }

    enum CodingKeys: String, CodingKey {
        case outcome, decidedByBody, decidedByPerson, delegation, reasons, conditions, decidedOn
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        outcome = try c.decode(DecisionOutcome.self, forKey: .outcome)
        decidedByBody = try c.decode(String.self, forKey: .decidedByBody)
        decidedByPerson = try c.decode(String.self, forKey: .decidedByPerson)
        delegation = try c.decodeIfPresent(String.self, forKey: .delegation) ?? ""
        reasons = try c.decode(String.self, forKey: .reasons)
        conditions = try c.decodeIfPresent(String.self, forKey: .conditions) ?? ""
        decidedOn = try c.decode(CalendarDay.self, forKey: .decidedOn)
    }

    public func normalized() -> DecisionDraft {
        var copy = self
        copy.decidedByBody = decidedByBody.trimmed
        copy.decidedByPerson = decidedByPerson.trimmed
        copy.delegation = delegation.trimmed
        copy.reasons = reasons.trimmed
        copy.conditions = conditions.trimmed
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(
            decidedByBody, field: "decidedByBody", label: Localized(sv: "Beslutande organ", en: "Deciding body"),
            max: 200)
        v.requireText(
            decidedByPerson, field: "decidedByPerson", label: Localized(sv: "Beslutsfattare", en: "Decision maker"),
            max: 200)
        v.limit(delegation, field: "delegation", label: Localized(sv: "Delegation", en: "Delegation"), max: 500)
        v.requireText(reasons, field: "reasons", label: Localized(sv: "Motivering", en: "Reasons"), max: 5_000)
        v.limit(conditions, field: "conditions", label: Localized(sv: "Villkor", en: "Conditions"), max: 5_000)
        if decidedOn == nil {
            v.add("decidedOn", sv: "Ange beslutsdatum.", en: "Enter the date of the decision.")
        }
        return v.issues
    }
}
