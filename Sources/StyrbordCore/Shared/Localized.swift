/// The languages the user interface is written in. Swedish is the default (the users are Swedish
/// municipalities); English is available for everyone else.
public enum UILanguage: String, Sendable, CaseIterable, Codable {
    case sv, en

    /// Picks a language from an explicit choice (cookie or query), falling back to Swedish.
    public init(code: String?) {
        self = code.flatMap { UILanguage(rawValue: $0.lowercased().prefix(2).description) } ?? .sv
    }
}

/// A piece of user-facing text in every UI language. Kept as a value so that labels can live beside
/// the domain enums they describe and the compiler checks that no translation is missing.
public struct Localized: Sendable, Hashable {
    public let sv: String
    public let en: String

    public init(sv: String, en: String) {
        self.sv = sv
        self.en = en
    }

    /// Text that is the same in every language (names, codes).
    public init(verbatim: String) {
        self.sv = verbatim
        self.en = verbatim
    }

    public subscript(_ lang: UILanguage) -> String {
        switch lang {
        case .sv: sv
        case .en: en
        }
    }
}

/// A closed set of values with a stable code (stored and sent over the API) and a label per language.
public protocol LabelledValue: RawRepresentable<String>, CaseIterable, Sendable, Hashable, Codable {
    var label: Localized { get }
}
