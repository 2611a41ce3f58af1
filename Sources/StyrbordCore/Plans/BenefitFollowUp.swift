import Foundation

/// T6/F4: once an initiative from a proposal is done, each benefit of the proposal's nyttokalkyl is
/// followed up by its owner (hemtagningsansvarig): what it realised per year, and why it differs.
public struct BenefitFollowUp: Sendable, Hashable, Codable {
    /// One benefit line's follow-up, by its position in the calculation's `benefits`.
    public struct Line: Sendable, Hashable, Codable {
        public var benefitIndex: Int
        /// Kronor per year actually realised; nil while not yet known.
        public var realisedAmount: Int?
        public var comment: String

        public init(benefitIndex: Int, realisedAmount: Int?, comment: String = "") {
            self.benefitIndex = benefitIndex
            self.realisedAmount = realisedAmount
            self.comment = comment
        }

        enum CodingKeys: String, CodingKey { case benefitIndex, realisedAmount, comment }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            benefitIndex = try c.decode(Int.self, forKey: .benefitIndex)
            realisedAmount = try c.decodeIfPresent(Int.self, forKey: .realisedAmount)
            comment = try c.decodeIfPresent(String.self, forKey: .comment) ?? ""
        }
    }

    public var lines: [Line]

    public init(lines: [Line] = []) { self.lines = lines }

    enum CodingKeys: String, CodingKey { case lines }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lines = try c.decodeIfPresent([Line].self, forKey: .lines) ?? []
    }

    public func line(_ index: Int) -> Line? { lines.first { $0.benefitIndex == index } }

    /// Comments trimmed, lines in the calculation's order.
    public func normalized() -> BenefitFollowUp {
        BenefitFollowUp(
            lines: lines.map {
                Line(benefitIndex: $0.benefitIndex, realisedAmount: $0.realisedAmount, comment: $0.comment.trimmed)
            }
            .sorted { $0.benefitIndex < $1.benefitIndex })
    }

    /// Each line names a benefit of `calculation` once, with a realised amount in range and a short comment.
    public func validate(against calculation: BenefitCalculation) -> [ValidationIssue] {
        var v = Validator()
        if lines.count > calculation.benefits.count {
            v.add(
                "lines", sv: "Kalkylen har bara \(calculation.benefits.count) nyttor.",
                en: "The calculation has only \(calculation.benefits.count) benefits.")
        }
        var seen = Set<Int>()
        for (i, line) in lines.enumerated() {
            let path = "lines[\(i)]"
            if !calculation.benefits.indices.contains(line.benefitIndex) {
                v.add(
                    "\(path).benefitIndex", sv: "Kalkylen har ingen sådan nytta.",
                    en: "The calculation has no such benefit.")
            } else if !seen.insert(line.benefitIndex).inserted {
                v.add("\(path).benefitIndex", sv: "Nyttan är redan uppföljd ovan.", en: "The benefit is already above.")
            }
            if let amount = line.realisedAmount,
                !(-BenefitCalculation.maxAmount...BenefitCalculation.maxAmount).contains(amount)
            {
                v.add(
                    "\(path).realisedAmount",
                    sv: "Beloppet ska vara högst \(BenefitCalculation.maxAmount) kronor (plus eller minus).",
                    en: "The amount must be at most \(BenefitCalculation.maxAmount) kronor (plus or minus).")
            }
            v.limit(
                line.comment, field: "\(path).comment", label: Localized(sv: "Kommentar", en: "Comment"), max: 2_000)
        }
        return v.issues
    }

    /// Planned against realised, per benefit line, in kronor per year.
    public struct Comparison: Sendable, Hashable {
        public struct Row: Sendable, Hashable {
            public var benefitIndex: Int
            public var description: String
            public var kind: BenefitCalculation.BenefitKind
            public var owner: String
            /// The calculation's amount per year.
            public var planned: Int
            /// `planned` times its probability: what the calculation counted on.
            public var expected: Int
            public var realised: Int?
            public var comment: String
            /// Realised minus expected; nil until realised is known.
            public var difference: Int? { realised.map { $0 - expected } }
        }

        public var rows: [Row]
        public var plannedTotal: Int { rows.reduce(0) { $0 + $1.planned } }
        public var expectedTotal: Int { rows.reduce(0) { $0 + $1.expected } }
        /// The sum of the realised amounts known so far.
        public var realisedTotal: Int { rows.reduce(0) { $0 + ($1.realised ?? 0) } }
        /// Whether every benefit has a realised amount.
        public var isComplete: Bool { rows.allSatisfy { $0.realised != nil } }
    }

    public func comparison(with calculation: BenefitCalculation) -> Comparison {
        Comparison(
            rows: calculation.benefits.enumerated().map { i, b in
                let bounded = min(max(b.annualAmount, 0), BenefitCalculation.maxAmount)
                let probability = min(max(b.probabilityPercent, 0), 100)
                let found = line(i)
                return Comparison.Row(
                    benefitIndex: i, description: b.description, kind: b.kind, owner: b.owner, planned: bounded,
                    expected: bounded * probability / 100, realised: found?.realisedAmount,
                    comment: found?.comment ?? "")
            })
    }
}
