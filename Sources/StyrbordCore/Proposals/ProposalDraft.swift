import Foundation

/// A proposal for an IT change (förslag till IT-insats, D5) as its proposer writes it: the need and the
/// needs analysis behind it (F4), the förvaltning that asks, the systems it touches, its category, what
/// it is expected to cost and when it is to be done. The API body, the parsed web form and the demo's
/// input; `validate()` holds the checks that need no database.
public struct ProposalDraft: RecordDraft, Hashable, Codable {
    public var title: String
    /// What the förvaltning needs and why.
    public var need: String
    /// F4: every project starts from a documented needs analysis (kravspecifikation).
    public var needsAnalysis: String
    /// The förvaltning (or unit) behind the proposal.
    public var orgUnitId: UUID?
    public var systemIds: [UUID]
    /// Kommungemensamt or verksamhetssystem: with the classification it chooses the route (E4/E5).
    public var category: SystemCategory?
    /// Whole kronor.
    public var expectedCost: Int?
    public var expectedStartOn: CalendarDay?
    public var expectedDoneOn: CalendarDay?
    /// D4: in extraordinary urgency the IT-chef decides the assessment (the route's urgent path).
    public var isUrgent: Bool
    public var urgencyReason: String

    public static let maxSystems = 50
    public static let maxCost = BenefitCalculation.maxAmount

    public init(
        title: String, need: String, needsAnalysis: String = "", orgUnitId: UUID? = nil, systemIds: [UUID] = [],
        category: SystemCategory? = nil, expectedCost: Int? = nil, expectedStartOn: CalendarDay? = nil,
        expectedDoneOn: CalendarDay? = nil, isUrgent: Bool = false, urgencyReason: String = ""
    ) {
        self.title = title
        self.need = need
        self.needsAnalysis = needsAnalysis
        self.orgUnitId = orgUnitId
        self.systemIds = systemIds
        self.category = category
        self.expectedCost = expectedCost
        self.expectedStartOn = expectedStartOn
        self.expectedDoneOn = expectedDoneOn
        self.isUrgent = isUrgent
        self.urgencyReason = urgencyReason
    }

    enum CodingKeys: String, CodingKey {
        case title, need, needsAnalysis, orgUnitId, systemIds, category, expectedCost, expectedStartOn
        case expectedDoneOn, isUrgent, urgencyReason
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        need = try c.decode(String.self, forKey: .need)
        needsAnalysis = try c.decodeIfPresent(String.self, forKey: .needsAnalysis) ?? ""
        orgUnitId = try c.decodeIfPresent(UUID.self, forKey: .orgUnitId)
        systemIds = try c.decodeIfPresent([UUID].self, forKey: .systemIds) ?? []
        category = try c.decodeIfPresent(SystemCategory.self, forKey: .category)
        expectedCost = try c.decodeIfPresent(Int.self, forKey: .expectedCost)
        expectedStartOn = try c.decodeIfPresent(CalendarDay.self, forKey: .expectedStartOn)
        expectedDoneOn = try c.decodeIfPresent(CalendarDay.self, forKey: .expectedDoneOn)
        isUrgent = try c.decodeIfPresent(Bool.self, forKey: .isUrgent) ?? false
        urgencyReason = try c.decodeIfPresent(String.self, forKey: .urgencyReason) ?? ""
    }

    public func normalized() -> ProposalDraft {
        var copy = self
        copy.title = title.trimmed
        copy.need = need.trimmed
        copy.needsAnalysis = needsAnalysis.trimmed
        copy.urgencyReason = urgencyReason.trimmed
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(title, field: "title", label: Localized(sv: "Rubrik", en: "Title"), max: 200)
        v.requireText(need, field: "need", label: Localized(sv: "Behov", en: "Need"), max: 5_000)
        v.limit(
            needsAnalysis, field: "needsAnalysis", label: Localized(sv: "Behovsanalysen", en: "The needs analysis"),
            max: 20_000)
        if orgUnitId == nil {
            v.add(
                "orgUnitId", sv: "Välj förvaltningen som står bakom förslaget.",
                en: "Choose the administration behind the proposal.")
        }
        if category == nil {
            v.add(
                "category", sv: "Välj om förslaget gäller ett kommungemensamt system eller ett verksamhetssystem.",
                en: "Choose whether the proposal concerns a common system or a business system.")
        }
        if systemIds.count > Self.maxSystems {
            v.add(
                "systemIds", sv: "Ange högst \(Self.maxSystems) system.", en: "Give at most \(Self.maxSystems) systems."
            )
        }
        if Set(systemIds).count != systemIds.count {
            v.add("systemIds", sv: "Ange varje system en gång.", en: "Give each system once.")
        }
        if let cost = expectedCost, !(0...Self.maxCost).contains(cost) {
            v.add(
                "expectedCost", sv: "Ange en kostnad mellan 0 och 10 miljarder kronor.",
                en: "Enter a cost between 0 and 10 billion kronor.")
        }
        if let start = expectedStartOn, let done = expectedDoneOn, done < start {
            v.add(
                "expectedDoneOn", sv: "Klart-datumet kan inte ligga före startdatumet.",
                en: "The completion date can't be before the start date.")
        }
        if isUrgent {
            // D4: the urgent path is an exception, so it says why.
            v.requireText(
                urgencyReason, field: "urgencyReason",
                label: Localized(sv: "Skäl för brådska", en: "Reason for urgency"),
                max: 1_000)
        } else {
            v.limit(
                urgencyReason, field: "urgencyReason",
                label: Localized(sv: "Skäl för brådska", en: "Reason for urgency"), max: 1_000)
        }
        return v.issues
    }
}
