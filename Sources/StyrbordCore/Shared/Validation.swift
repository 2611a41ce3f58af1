import Foundation

/// One problem with submitted data, tied to the field it concerns so that a form can show the message
/// next to the field and the API can name it. `field` is the API's JSON path (`classification.validUntil`,
/// `documentationLinks[1].url`); HTML forms use the same string as the input's name.
public struct ValidationIssue: Sendable, Hashable, Codable {
    public var field: String
    public var message: Localized
    /// Set by `Validator.limit`: the issue concerns the submitted text's length or characters, which
    /// `RecordDraft.checked()` measures before trimming (see there). Not part of the JSON form.
    public internal(set) var concernsSubmittedText = false

    public init(field: String, message: Localized) {
        self.field = field
        self.message = message
    }

    private enum CodingKeys: String, CodingKey { case field, message }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        field = try c.decode(String.self, forKey: .field)
        message = Localized(verbatim: try c.decode(String.self, forKey: .message))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(field, forKey: .field)
        try c.encode(message.en, forKey: .message)
    }
}

/// Collects issues while a draft is checked; `throwIfAny` ends the check.
public struct Validator: Sendable {
    public private(set) var issues: [ValidationIssue] = []

    public init() {}

    public mutating func add(_ field: String, sv: String, en: String) {
        issues.append(ValidationIssue(field: field, message: Localized(sv: sv, en: en)))
    }

    /// Requires text that is non-empty once trimmed, and within `max` characters as submitted.
    public mutating func requireText(_ value: String, field: String, label: Localized, max: Int) {
        if value.trimmed.isEmpty {
            add(field, sv: "Ange \(label.sv.lowercased()).", en: "Enter the \(label.en.lowercased()).")
        } else {
            limit(value, field: field, label: label, max: max)
        }
    }

    /// At most `max` characters, and no NUL: JSON and forms can carry one, SQLite stores it, and
    /// PostgreSQL refuses the whole statement (a 500 for the user).
    ///
    /// Characters are Unicode scalars (code points), as JSON Schema's `maxLength` counts them, not
    /// Swift `Character`s: a grapheme cluster takes any number of combining marks, so a 50-character
    /// limit counted in clusters bounds nothing (schemathesis stored a megabyte-sized "phone number").
    public mutating func limit(_ value: String, field: String, label: Localized, max: Int) {
        if value.unicodeScalars.contains("\0") {
            addTextIssue(
                field, sv: "\(label.sv) får inte innehålla tecknet NUL.",
                en: "\(label.en) can't contain the NUL character.")
        }
        let length = value.unicodeScalars.count
        if length > max {
            addTextIssue(
                field, sv: "\(label.sv) får vara högst \(max) tecken (nu \(length)).",
                en: "\(label.en) can be at most \(max) characters (now \(length)).")
        }
    }

    private mutating func addTextIssue(_ field: String, sv: String, en: String) {
        var issue = ValidationIssue(field: field, message: Localized(sv: sv, en: en))
        issue.concernsSubmittedText = true
        issues.append(issue)
    }

    public mutating func merge(_ other: [ValidationIssue]) { issues += other }

    public var isValid: Bool { issues.isEmpty }

    public func throwIfAny() throws {
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
    }
}

/// A draft that tidies what people type (`normalized`) and checks itself (`validate`).
public protocol RecordDraft: Sendable {
    func normalized() -> Self
    /// The checks that need nothing but the draft itself, meant for a normalized draft.
    func validate() -> [ValidationIssue]
}

extension RecordDraft {
    /// The normalized draft and its issues, with lengths measured on the text as submitted: trimming
    /// must not let a 201-character title through a documented `maxLength: 200` (schemathesis sent
    /// one with a leading tab), and list positions then name the submitted item, not the tidied one.
    public func checked() -> (draft: Self, issues: [ValidationIssue]) {
        let tidy = normalized()
        let submitted = validate().filter(\.concernsSubmittedText)
        return (tidy, tidy.validate().filter { !$0.concernsSubmittedText } + submitted)
    }
}

/// Thrown when a draft does not pass its checks; carries every issue, not just the first.
public struct ValidationFailure: Error, Sendable {
    public var issues: [ValidationIssue]
    public init(issues: [ValidationIssue]) { self.issues = issues }
}

extension String {
    /// Whitespace-trimmed text; empty becomes nil (how optional text fields are stored).
    public var trimmedOrNil: String? {
        let t = trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    public var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }

    /// True for an absolute http(s) URL with a host, the only links the register stores.
    public var isWebURL: Bool {
        guard !unicodeScalars.contains("\0"), let url = URL(string: self), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}

extension UUID {
    /// Parses the canonical 36-character form (either case) without Foundation's `sscanf`-based
    /// parser, which is slow on Linux. Nil for anything else.
    public static func parsing(_ text: String) -> UUID? {
        var utf8 = text.utf8.makeIterator()
        var bytes = [UInt8](repeating: 0, count: 16)
        var index = 0
        var position = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x61...0x66: c - 0x61 + 10
            case 0x41...0x46: c - 0x41 + 10
            default: nil
            }
        }
        while let c = utf8.next() {
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard c == 0x2D else { return nil }
                position += 1
                continue
            }
            guard index < 16, let high = hex(c), let next = utf8.next(), let low = hex(next) else { return nil }
            bytes[index] = high << 4 | low
            index += 1
            position += 2
        }
        guard index == 16, position == 36 else { return nil }
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
