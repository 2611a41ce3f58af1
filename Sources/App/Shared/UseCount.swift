import StyrbordCore

/// How many records of one kind still refer to a record, for the "can't be deleted" messages:
/// "1 underenhet", "3 underenheter".
struct UseCount: Sendable {
    var count: Int
    var one: Localized
    var many: Localized

    init(_ count: Int, one: Localized, many: Localized) {
        self.count = count
        self.one = one
        self.many = many
    }

    /// The non-zero counts as text in `lang`.
    static func describe(_ counts: [UseCount], lang: UILanguage) -> [String] {
        counts.filter { $0.count > 0 }.map { "\($0.count) \(($0.count == 1 ? $0.one : $0.many)[lang])" }
    }
}
