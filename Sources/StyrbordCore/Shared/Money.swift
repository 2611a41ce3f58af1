/// An amount of money in minor units (öre for SEK), so that sums never pick up floating-point error.
public struct Money: Sendable, Hashable, Codable, Comparable {
    public var amountMinor: Int64
    public var currency: String

    public init(amountMinor: Int64, currency: String = "SEK") {
        self.amountMinor = amountMinor
        self.currency = currency
    }

    /// Whole kronor, the unit municipal budgets are written in.
    public init(kronor: Int64, currency: String = "SEK") {
        self.init(amountMinor: kronor * 100, currency: currency)
    }

    public var kronor: Int64 { amountMinor / 100 }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.amountMinor < rhs.amountMinor }

    /// "12 500 kr" with a narrow no-break space as the Swedish thousands separator; öre only when present.
    public func formatted(_ lang: UILanguage = .sv) -> String {
        let negative = amountMinor < 0
        let absolute = amountMinor.magnitude
        let whole = absolute / 100
        let ore = absolute % 100
        let digits = String(whole)
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(lang == .sv ? "\u{202F}" : ",") }
            grouped.append(ch)
        }
        let fraction = ore == 0 ? "" : (lang == .sv ? "," : ".") + (ore < 10 ? "0" : "") + String(ore)
        let sign = negative ? "−" : ""
        return currency == "SEK" ? "\(sign)\(grouped)\(fraction) kr" : "\(sign)\(grouped)\(fraction) \(currency)"
    }

    /// Parses what people type into an amount field: "12 500", "12500,50", "12 500 kr".
    public static func parseKronor(_ text: String, currency: String = "SEK") -> Money? {
        var cleaned = text.lowercased()
            .replacingOccurrences(of: "kr", with: "")
            .replacingOccurrences(of: "sek", with: "")
            .filter { !$0.isWhitespace && $0 != "\u{202F}" && $0 != "\u{00A0}" }
        cleaned = cleaned.replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty else { return nil }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])) else { return nil }
        var minor = whole.multipliedReportingOverflow(by: 100)
        guard !minor.overflow else { return nil }
        if parts.count == 2 {
            let fraction = String(parts[1])
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isNumber), let f = Int64(fraction) else {
                return nil
            }
            let öre = fraction.count == 1 ? f * 10 : f
            minor = minor.partialValue.addingReportingOverflow(whole < 0 ? -öre : öre)
            guard !minor.overflow else { return nil }
        }
        return Money(amountMinor: minor.partialValue, currency: currency)
    }
}
