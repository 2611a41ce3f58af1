import Foundation

/// A proposal's nyttokalkyl in the manner of the PENG model (D5): benefits valued in kronor per year
/// with how likely they are and who brings them home (hemtagningsansvar), the costs of the whole life
/// including the operations phase (T6), and the risks. Amounts are whole kronor; years are calendar
/// years within `firstYear ..< firstYear + years`.
public struct BenefitCalculation: Sendable, Hashable, Codable {
    /// The first year of the calculation, discounted by nothing (year 0).
    public var firstYear: Int
    /// How many years it covers.
    public var years: Int
    /// Per cent a year; the profile sets it (a kalkylränta such as 4 %).
    public var discountRatePercent: Double
    public var benefits: [BenefitLine]
    /// Benefits nobody can put a price on (better service, less risk), each with its owner.
    public var qualitativeBenefits: [QualitativeBenefit]
    public var costs: [CostLine]
    public var risks: [RiskLine]

    public init(
        firstYear: Int, years: Int = 5, discountRatePercent: Double = 4, benefits: [BenefitLine] = [],
        qualitativeBenefits: [QualitativeBenefit] = [], costs: [CostLine] = [], risks: [RiskLine] = []
    ) {
        self.firstYear = firstYear
        self.years = years
        self.discountRatePercent = discountRatePercent
        self.benefits = benefits
        self.qualitativeBenefits = qualitativeBenefits
        self.costs = costs
        self.risks = risks
    }

    /// The last year covered (of at most `maxYears`, so that absurd input can't trap).
    public var lastYear: Int {
        let (last, overflow) = firstYear.addingReportingOverflow(min(max(years, 1), Self.maxYears) - 1)
        return overflow ? firstYear : last
    }

    public enum BenefitKind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Money actually saved or earned (direkt nytta).
        case direct
        /// Time or effort freed that is worth money but not a budget line (indirekt nytta).
        case indirect

        public var label: Localized {
            switch self {
            case .direct: Localized(sv: "Direkt nytta", en: "Direct benefit")
            case .indirect: Localized(sv: "Indirekt nytta", en: "Indirect benefit")
            }
        }
    }

    /// A benefit worth `annualAmount` kronor in each year from `fromYear` through `untilYear`.
    public struct BenefitLine: Sendable, Hashable, Codable {
        public var description: String
        public var kind: BenefitKind
        public var annualAmount: Int
        /// How likely the benefit is to be realised, 0–100 %; the calculation counts the expected value.
        public var probabilityPercent: Int
        public var fromYear: Int
        /// The last year; nil runs to the end of the calculation.
        public var untilYear: Int?
        /// Who answers for realising it (hemtagningsansvarig).
        public var owner: String

        public init(
            description: String, kind: BenefitKind = .direct, annualAmount: Int, probabilityPercent: Int = 100,
            fromYear: Int, untilYear: Int? = nil, owner: String
        ) {
            self.description = description
            self.kind = kind
            self.annualAmount = annualAmount
            self.probabilityPercent = probabilityPercent
            self.fromYear = fromYear
            self.untilYear = untilYear
            self.owner = owner
        }
    }

    public struct QualitativeBenefit: Sendable, Hashable, Codable {
        public var description: String
        public var owner: String

        public init(description: String, owner: String) {
            self.description = description
            self.owner = owner
        }
    }

    /// What a cost is for: T6 names the operations phase's parts, F4 the total system cost's.
    public enum CostCategory: String, Sendable, Hashable, Codable, CaseIterable {
        case software, hardware, serverCapacity, communications, training, operations, support
        case development, management, depreciation, other

        public var label: Localized {
            switch self {
            case .software: Localized(sv: "Programvara och licenser", en: "Software and licences")
            case .hardware: Localized(sv: "Datorer och utrustning", en: "Computers and equipment")
            case .serverCapacity: Localized(sv: "Serverkapacitet", en: "Server capacity")
            case .communications: Localized(sv: "Kommunikation", en: "Communications")
            case .training: Localized(sv: "Utbildning", en: "Training")
            case .operations: Localized(sv: "Drift", en: "Operations")
            case .support: Localized(sv: "Support", en: "Support")
            case .development: Localized(sv: "Utveckling", en: "Development")
            case .management: Localized(sv: "Förvaltning", en: "Management")
            case .depreciation: Localized(sv: "Investering och avskrivning", en: "Investment and depreciation")
            case .other: Localized(sv: "Övrigt", en: "Other")
            }
        }

        /// T6: the parts of the operations phase every project's calculation must cover.
        public static let operationsPhase: [CostCategory] = [
            .software, .hardware, .serverCapacity, .communications, .training, .operations, .support,
        ]
    }

    /// A cost paid once in `year`, or each year from `year` through `untilYear`.
    public struct CostLine: Sendable, Hashable, Codable {
        public var description: String
        public var category: CostCategory
        public var isRecurring: Bool
        public var amount: Int
        public var year: Int
        /// For a recurring cost, its last year; nil runs to the end of the calculation.
        public var untilYear: Int?

        public init(
            description: String, category: CostCategory, isRecurring: Bool = false, amount: Int, year: Int,
            untilYear: Int? = nil
        ) {
            self.description = description
            self.category = category
            self.isRecurring = isRecurring
            self.amount = amount
            self.year = year
            self.untilYear = untilYear
        }
    }

    /// A risk with probability and consequence on a 1–5 scale, and what is done about it.
    public struct RiskLine: Sendable, Hashable, Codable {
        public var description: String
        public var probability: Int
        public var consequence: Int
        public var action: String

        public init(description: String, probability: Int, consequence: Int, action: String = "") {
            self.description = description
            self.probability = probability
            self.consequence = consequence
            self.action = action
        }

        /// Probability × consequence, 1–25.
        public var value: Int { probability * consequence }
    }
}

// MARK: - Figures

extension BenefitCalculation {
    /// One year's figures; benefits are expected values (amount × probability).
    public struct Year: Sendable, Hashable, Codable {
        public var year: Int
        public var benefit: Int
        public var cost: Int
        public var net: Int { benefit - cost }
        public var cumulativeNet: Int
        /// The net discounted to the first year.
        public var presentValue: Int
    }

    /// The totals PENG reports.
    public struct Figures: Sendable, Hashable, Codable {
        public var years: [Year]
        /// Bruttonytta: the expected benefits over the whole period.
        public var grossBenefit: Int
        public var directBenefit: Int
        public var indirectBenefit: Int
        public var costs: Int
        /// Kostnader of the operations phase and of the total system cost, by category.
        public var costsByCategory: [CostCategory: Int]
        /// Nettonytta: gross benefit less costs.
        public var netBenefit: Int { grossBenefit - costs }
        /// The first year in which the cumulative net is no longer negative; nil if it never gets there.
        public var paybackYear: Int?
        public var netPresentValue: Int
        /// Years from the first year to payback, counting the first as 1; nil when it never pays back.
        public var paybackYears: Int?
    }

    /// The calculation's figures. Lines outside the period count only for the years inside it.
    public var figures: Figures {
        let span = firstYear...lastYear
        // Clamped so that unchecked input can't overflow; a checked calculation is within the bounds.
        func bounded(_ amount: Int) -> Int { min(max(amount, 0), Self.maxAmount) }
        var benefitByYear = [Double](repeating: 0, count: span.count)
        var direct = 0.0
        var indirect = 0.0
        for line in benefits {
            let from = max(line.fromYear, span.lowerBound)
            let until = min(line.untilYear ?? span.upperBound, span.upperBound)
            guard from <= until else { continue }
            for year in from...until {
                let expected =
                    Double(bounded(line.annualAmount)) * Double(min(max(line.probabilityPercent, 0), 100)) / 100
                benefitByYear[year - firstYear] += expected
                if line.kind == .direct { direct += expected } else { indirect += expected }
            }
        }
        var costByYear = [Int](repeating: 0, count: span.count)
        var byCategory: [CostCategory: Int] = [:]
        for line in costs {
            let from = max(line.year, span.lowerBound)
            let until = line.isRecurring ? min(line.untilYear ?? span.upperBound, span.upperBound) : line.year
            guard from <= until, span.contains(from) else { continue }
            for year in from...until {
                costByYear[year - firstYear] += bounded(line.amount)
                byCategory[line.category, default: 0] += bounded(line.amount)
            }
        }
        let rate = 1 + discountRatePercent / 100
        var cumulative = 0
        var presentTotal = 0.0
        var rows: [Year] = []
        for (offset, year) in span.enumerated() {
            let benefit = Int(benefitByYear[offset].rounded())
            let cost = costByYear[offset]
            cumulative += benefit - cost
            let present = Double(benefit - cost) / pow(rate, Double(offset))
            presentTotal += present
            rows.append(
                Year(
                    year: year, benefit: benefit, cost: cost, cumulativeNet: cumulative,
                    presentValue: Int(present.rounded())))
        }
        // Paid back from the year after the last one whose cumulative net is negative; a dip after an
        // early surplus (a renewal) moves the payback year later.
        let payback: Int? =
            if let lastNegative = rows.last(where: { $0.cumulativeNet < 0 }) {
                rows.first { $0.year > lastNegative.year }?.year
            } else {
                firstYear
            }
        let costs = costByYear.reduce(0, +)
        return Figures(
            years: rows, grossBenefit: rows.reduce(0) { $0 + $1.benefit }, directBenefit: Int(direct.rounded()),
            indirectBenefit: Int(indirect.rounded()), costs: costs, costsByCategory: byCategory, paybackYear: payback,
            netPresentValue: Int(presentTotal.rounded()), paybackYears: payback.map { $0 - firstYear + 1 })
    }

    /// T6: the parts of the operations phase the costs say nothing about (no line of that category).
    public var uncoveredOperationsCosts: [CostCategory] {
        let covered = Set(costs.map(\.category))
        return CostCategory.operationsPhase.filter { !covered.contains($0) }
    }

    /// Benefit lines whose owner is not named: a benefit nobody brings home is a hope (PENG's
    /// hemtagningsansvar).
    public var benefitsWithoutOwner: [Int] {
        benefits.indices.filter { benefits[$0].owner.trimmed.isEmpty }
    }
}

// MARK: - Checks

extension BenefitCalculation {
    public static let maxYears = 30
    /// Every year a calculation may name: from its earliest first year to its latest last year.
    public static let years = 2000...2129
    /// Ten billion kronor: far above any municipal IT project, low enough that sums can't overflow.
    public static let maxAmount = 10_000_000_000

    /// Every problem, each named by its JSON path (`benefits[1].probabilityPercent`).
    public func validate() -> [ValidationIssue] {
        var v = Validator()
        if !(2000...2100).contains(firstYear) {
            v.add("firstYear", sv: "Ange ett år mellan 2000 och 2100.", en: "Enter a year between 2000 and 2100.")
        }
        if !(1...Self.maxYears).contains(years) {
            v.add(
                "years", sv: "Kalkylen ska omfatta 1–\(Self.maxYears) år.",
                en: "The calculation must cover 1–\(Self.maxYears) years.")
        }
        if !discountRatePercent.isFinite || !(0...50).contains(discountRatePercent) {
            v.add(
                "discountRatePercent", sv: "Kalkylräntan ska vara 0–50 %.",
                en: "The discount rate must be 0–50 %.")
        }
        let period = firstYear...lastYear
        func checkYears(_ from: Int, _ until: Int?, _ path: String, _ fromField: String) {
            if !period.contains(from) {
                v.add(
                    "\(path).\(fromField)", sv: "Året ska ligga inom kalkylen (\(firstYear)–\(lastYear)).",
                    en: "The year must lie within the calculation (\(firstYear)–\(lastYear)).")
            }
            if let until, !Self.years.contains(until) {
                v.add(
                    "\(path).untilYear",
                    sv: "Ange ett år mellan \(Self.years.lowerBound) och \(Self.years.upperBound).",
                    en: "Enter a year between \(Self.years.lowerBound) and \(Self.years.upperBound).")
            } else if let until, until < from {
                v.add(
                    "\(path).untilYear", sv: "Slutåret kan inte ligga före startåret (\(from)).",
                    en: "The last year can't be before the first (\(from)).")
            }
        }
        func checkAmount(_ amount: Int, _ field: String) {
            if !(0...Self.maxAmount).contains(amount) {
                v.add(
                    field, sv: "Ange ett belopp mellan 0 och 10 miljarder kronor.",
                    en: "Enter an amount between 0 and 10 billion kronor.")
            }
        }
        func describe(_ text: String, _ path: String) {
            v.requireText(
                text, field: "\(path).description", label: Localized(sv: "Beskrivning", en: "Description"), max: 500)
        }
        // PENG: every benefit has someone who brings it home (hemtagningsansvar).
        func owner(_ name: String, _ path: String) {
            v.requireText(
                name, field: "\(path).owner", label: Localized(sv: "Hemtagningsansvarig", en: "Benefit owner"), max: 200
            )
        }
        for (i, line) in benefits.enumerated() {
            let path = "benefits[\(i)]"
            describe(line.description, path)
            checkAmount(line.annualAmount, "\(path).annualAmount")
            if !(0...100).contains(line.probabilityPercent) {
                v.add(
                    "\(path).probabilityPercent", sv: "Sannolikheten ska vara 0–100 %.",
                    en: "The probability must be 0–100 %.")
            }
            checkYears(line.fromYear, line.untilYear, path, "fromYear")
            owner(line.owner, path)
        }
        for (i, line) in qualitativeBenefits.enumerated() {
            let path = "qualitativeBenefits[\(i)]"
            describe(line.description, path)
            owner(line.owner, path)
        }
        for (i, line) in costs.enumerated() {
            let path = "costs[\(i)]"
            describe(line.description, path)
            checkAmount(line.amount, "\(path).amount")
            checkYears(line.year, line.untilYear, path, "year")
        }
        for (i, risk) in risks.enumerated() {
            let path = "risks[\(i)]"
            describe(risk.description, path)
            for (field, value) in [("probability", risk.probability), ("consequence", risk.consequence)]
            where !(1...5).contains(value) {
                v.add("\(path).\(field)", sv: "Ange 1–5.", en: "Enter 1–5.")
            }
            v.limit(risk.action, field: "\(path).action", label: Localized(sv: "Åtgärd", en: "Action"), max: 1_000)
        }
        return v.issues
    }
}
