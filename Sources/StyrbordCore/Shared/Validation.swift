/// One problem with submitted data, tied to the field it concerns so that a form can show the message
/// next to the field and the API can name it. `field` is the API's JSON path (`classification.validUntil`,
/// `documentationLinks[1].url`); HTML forms use the same string as the input's name.
public struct ValidationIssue: Sendable, Hashable, Codable {
    public var field: String
    public var message: Localized

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

    /// Trims, then requires non-empty text within `max` characters.
    public mutating func requireText(_ value: String, field: String, label: Localized, max: Int) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            add(field, sv: "Ange \(label.sv.lowercased()).", en: "Enter the \(label.en.lowercased()).")
        } else {
            limit(trimmed, field: field, label: label, max: max)
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
            add(field, sv: "\(label.sv) får inte innehålla tecknet NUL.", en: "\(label.en) can't contain the NUL character.")
        }
        let length = value.unicodeScalars.count
        if length > max {
            add(
                field, sv: "\(label.sv) får vara högst \(max) tecken (nu \(length)).",
                en: "\(label.en) can be at most \(max) characters (now \(length)).")
        }
    }

    public mutating func merge(_ other: [ValidationIssue]) { issues += other }

    public var isValid: Bool { issues.isEmpty }

    public func throwIfAny() throws {
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
    }
}

/// Thrown when a draft does not pass its checks; carries every issue, not just the first.
public struct ValidationFailure: Error, Sendable {
    public var issues: [ValidationIssue]
    public init(issues: [ValidationIssue]) { self.issues = issues }
}

import Foundation

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
