import Foundation

/// How a step of a proposal's route ended, as the forum or role that took it records it.
public enum StepOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Reported, consulted, prepared, assessed or contacted.
    case done
    case approved
    /// An approval refused: no decision may follow until the step is taken again (L2).
    case refused
    case recommended
    case notRecommended

    /// Whether the outcome fits the step's action (an approval is approved or refused, and so on).
    public func fits(_ action: ProfileAction) -> Bool {
        switch action {
        case .approve: self == .approved || self == .refused
        case .recommend: self == .recommended || self == .notRecommended
        case .decide: false  // a decision is recorded as a decision, not as a step outcome
        default: self == .done
        }
    }

    public var label: Localized {
        switch self {
        case .done: Localized(sv: "Genomfört", en: "Done")
        case .approved: Localized(sv: "Godkänt", en: "Approved")
        case .refused: Localized(sv: "Inte godkänt", en: "Not approved")
        case .recommended: Localized(sv: "Tillstyrkt", en: "Recommended")
        case .notRecommended: Localized(sv: "Avstyrkt", en: "Not recommended")
        }
    }
}

/// What has been recorded for one step: its outcome and, for an assessment, the answer to each point.
public struct StepRecord: Sendable, Hashable, Codable {
    public var stepKey: String
    public var outcome: StepOutcome
    /// Assessment point key → what the forum wrote (D4's eleven points).
    public var assessments: [String: String]

    public init(stepKey: String, outcome: StepOutcome, assessments: [String: String] = [:]) {
        self.stepKey = stepKey
        self.outcome = outcome
        self.assessments = assessments
    }
}

/// A proposal's route as the profile gives it and how far it has come: which steps are done, which
/// is next, and whether it may be decided (D4, L2, E4/E5: some steps must come before the decision).
public struct ProposalWorkflow: Sendable {
    public struct StepState: Sendable, Hashable {
        public var step: GovernanceProfile.Step
        public var record: StepRecord?
        /// What is still lacking for the step to count as done; empty when it is.
        public var lacking: [Localized]
        public var isDone: Bool { record != nil && lacking.isEmpty }
        public var isDecision: Bool { step.action == .decide }
    }

    public let profile: GovernanceProfile
    public let facts: ProposalFacts
    /// The classification the checklist's answers give (or the one set by hand).
    public let classification: String?
    public let route: GovernanceProfile.Route?
    public let steps: [StepState]
    /// The proposal's nyttokalkyl, if it has one, figured at the profile's discount rate.
    public let calculation: BenefitCalculation?

    /// `records` are matched to the route's steps by key; records of steps no longer on the route (the
    /// answers changed the classification) are ignored.
    public init(
        profile: GovernanceProfile, facts: ProposalFacts, records: [StepRecord],
        calculation: BenefitCalculation? = nil
    ) {
        self.profile = profile
        self.calculation = calculation.map {
            var c = $0
            c.discountRatePercent = profile.calculation.discountRatePercent
            return c
        }
        var facts = facts
        facts.classification = facts.classification ?? profile.classify(facts)
        self.facts = facts
        classification = facts.classification
        route = classification.flatMap { c in facts.category.flatMap { profile.route(classification: c, category: $0) }
        }
        let byKey = Dictionary(records.map { ($0.stepKey, $0) }, uniquingKeysWith: { _, last in last })
        steps = profile.steps(for: facts).map { step in
            let record = byKey[step.key]
            return StepState(step: step, record: record, lacking: Self.lacking(step, record, profile))
        }
    }

    private static func lacking(
        _ step: GovernanceProfile.Step, _ record: StepRecord?, _ profile: GovernanceProfile
    ) -> [Localized] {
        guard let record else { return [] }
        var lacking: [Localized] = []
        if step.action == .approve && record.outcome == .refused {
            lacking.append(Localized(sv: "godkännandet nekades", en: "approval was refused"))
        }
        for point in step.against where (record.assessments[point] ?? "").trimmed.isEmpty {
            let text = profile.assessmentPoint(point)?.text ?? Localized(verbatim: point)
            lacking.append(Localized(sv: "punkten \"\(text.sv)\" är inte bedömd", en: "\"\(text.en)\" is not assessed"))
        }
        return lacking
    }

    /// The decision step, if the route has one.
    public var decisionStep: StepState? { steps.first(where: \.isDecision) }

    /// The first step not yet done before the decision; nil when only the decision remains.
    public var nextStep: StepState? { steps.first { !$0.isDone && !$0.isDecision } }

    /// Steps that must be done before the decision and are not, with what each lacks.
    /// The step the forum is to take now, if any: the proposal's next step when it is the forum's, or
    /// the decision once nothing the profile puts before it is missing and the forum is the one the
    /// route (or, under a delegation, the level the amount falls in) names to decide (E4/E5).
    public func step(awaiting forum: String) -> StepState? {
        if let nextStep, nextStep.step.actor == .forum(forum) { return nextStep }
        guard mayBeDecided, let decisionStep, decider == forum, profile.forum(forum) != nil else { return nil }
        return decisionStep
    }

    public var missingBeforeDecision: [StepState] {
        steps.prefix { !$0.isDecision }.filter { $0.step.isRequiredBeforeDecision && !$0.isDone }
    }

    public var mayBeDecided: Bool {
        decisionStep != nil && missingBeforeDecision.isEmpty && calculationShortcomings.isEmpty
    }

    /// Whether the profile asks for a calculation before this proposal's decision (T6, F4).
    public var needsCalculation: Bool {
        let rules = profile.calculation
        return rules.requiredWhen?.holds(for: facts) == true || rules.fullProfitabilityWhen?.holds(for: facts) == true
    }

    /// What the profile asks of the nyttokalkyl that it lacks; empty when nothing is asked or all is there.
    public var calculationShortcomings: [Localized] {
        let rules = profile.calculation
        guard let calculation else {
            return needsCalculation
                ? [
                    Localized(
                        sv: "Förslaget behöver en nyttokalkyl före beslut.",
                        en: "The proposal needs a benefit/cost calculation before its decision.")
                ]
                : []
        }
        var result: [Localized] = []
        if !calculation.validate().isEmpty {
            result.append(
                Localized(sv: "Nyttokalkylen är ofullständig.", en: "The benefit/cost calculation is incomplete."))
        }
        if rules.coversOperations, !calculation.uncoveredOperationsCosts.isEmpty {
            let sv = calculation.uncoveredOperationsCosts.map { $0.label.sv.lowercased() }.joined(separator: ", ")
            let en = calculation.uncoveredOperationsCosts.map { $0.label.en.lowercased() }.joined(separator: ", ")
            result.append(
                Localized(
                    sv: "Kostnaderna täcker inte hela driftskedet: \(sv) saknas.",
                    en: "The costs don't cover the whole operations phase: \(en) missing."))
        }
        if rules.fullProfitabilityWhen?.holds(for: facts) == true {
            let value = calculation.figures.netPresentValue
            if value < 0 {
                result.append(
                    Localized(
                        sv: "Fullt lönsamhetskrav: nyttan väger inte upp den totala kostnaden (nuvärde \(value) kr).",
                        en:
                            "Full profitability required: the benefits don't outweigh the total cost (net present value \(value) kr)."
                    ))
            }
        }
        return result
    }

    /// Who decides: the decision step's forum, role or body, or under a delegation the level the
    /// proposal's amount falls in.
    public var decider: String? {
        guard let step = decisionStep?.step else { return nil }
        if case .delegation(let key) = step.actor {
            return facts.amount.flatMap { profile.decider(for: $0, delegation: key) }
        }
        return step.actor.key
    }

    /// Why the proposal can't be decided yet, one sentence per missing step; empty when it can.
    public var reasonsNotDecidable: [Localized] {
        if route == nil {
            return [
                Localized(
                    sv: "Förslaget har ingen väg i styrmodellen: ange kategori och besvara checklistan.",
                    en:
                        "The proposal has no route in the governance profile: give its category and answer the checklist."
                )
            ]
        }
        if decisionStep == nil {
            return [Localized(sv: "Vägen har inget beslutssteg.", en: "The route has no decision step.")]
        }
        if case .delegation = decisionStep?.step.actor, decider == nil {
            return [
                Localized(
                    sv: "Ange förslagets kostnad: delegationen avgör vem som beslutar.",
                    en: "Give the proposal's cost: the delegation decides who decides.")
            ]
        }
        return calculationShortcomings
            + missingBeforeDecision.map { state in
                let who = describe(state.step)
                if state.lacking.isEmpty {
                    return Localized(sv: "\(who.sv) – inte gjort.", en: "\(who.en) – not done.")
                }
                let sv = state.lacking.map(\.sv).joined(separator: ", ")
                let en = state.lacking.map(\.en).joined(separator: ", ")
                return Localized(sv: "\(who.sv): \(sv).", en: "\(who.en): \(en).")
            }
    }

    /// "IT-enheten godkänner", "Centralt strategiskt IT-forum bedömer".
    public func describe(_ step: GovernanceProfile.Step) -> Localized {
        let name =
            if case .delegation(let key) = step.actor {
                profile.delegation(key)?.name ?? Localized(verbatim: key)
            } else {
                profile.actorName(step.actor.key)
            }
        return Localized(sv: "\(name.sv) \(step.action.label.sv)", en: "\(name.en) \(step.action.label.en)")
    }
}
