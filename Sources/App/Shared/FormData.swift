import Foundation
import Vapor

/// The fields of a submitted HTML form, each name with all its values in order (checkbox groups and
/// multi-selects repeat a name). Parsed by hand rather than through `Codable` so that a wrong value
/// in one field becomes a message next to that field instead of a failed decode of the whole form.
struct FormData: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(_ values: [String: [String]] = [:]) { self.values = values }

    /// Parses an `application/x-www-form-urlencoded` body.
    init(urlEncoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The first value, trimmed; "" when absent.
    subscript(_ name: String) -> String { values[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    /// The value exactly as sent, spaces included (passwords).
    func untrimmed(_ name: String) -> String { values[name]?.first ?? "" }

    /// Every value of a repeated field, trimmed, empty ones dropped.
    func all(_ name: String) -> [String] {
        (values[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    func has(_ name: String) -> Bool { values[name] != nil }

    /// A checkbox: present and not "false"/"0".
    func isChecked(_ name: String) -> Bool {
        guard let value = values[name]?.last else { return false }
        return !["", "false", "0", "off"].contains(value.lowercased())
    }

    /// The raw values, for re-filling a form after an error.
    var raw: [String: [String]] { values }
}

extension Request {
    /// The submitted form. Only url-encoded bodies are forms; anything else is refused with 415.
    func formData() throws -> FormData {
        guard let type = headers.contentType, type == .urlEncodedForm else {
            throw Abort(.unsupportedMediaType)
        }
        guard let buffer = body.data else { return FormData() }
        return FormData(urlEncoded: String(buffer: buffer))
    }
}
