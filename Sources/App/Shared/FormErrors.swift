import StyrbordCore
import Vapor

/// Validation messages grouped by field, for showing each next to its input.
struct FormErrors: Sendable {
    private(set) var byField: [String: [Localized]] = [:]

    init(_ issues: [ValidationIssue] = []) {
        for issue in issues { byField[issue.field, default: []].append(issue.message) }
    }

    var isEmpty: Bool { byField.isEmpty }

    /// Messages for a field, including those for its elements (`tags[2]` belongs to `tags`).
    func messages(for field: String) -> [Localized] {
        byField.filter { key, _ in key == field || key.hasPrefix(field + "[") }.sorted { $0.key < $1.key }.flatMap(
            \.value)
    }

    /// Every message in field order, for the summary at the top of the form.
    var all: [(field: String, message: Localized)] {
        byField.sorted { $0.key < $1.key }.flatMap { key, messages in messages.map { (key, $0) } }
    }
}

/// The one way a form post ends: saved (usually a redirect), or the form again with every validation
/// message next to its field and status 422.
enum FormSubmission {
    static func handle(
        save: () async throws -> Response, showErrors: (FormErrors) async throws -> Response
    ) async throws -> Response {
        do {
            return try await save()
        } catch let failure as ValidationFailure {
            return try await showErrors(FormErrors(failure.issues))
        }
    }
}
