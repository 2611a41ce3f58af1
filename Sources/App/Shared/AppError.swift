import StyrbordCore
import Vapor

/// An error we expect and can explain: an HTTP status, a stable code that API clients may rely on,
/// and a message that tells the user what happened and what to do next.
protocol AppError: Error {
    var status: HTTPResponseStatus { get }
    /// Never changes once published: API clients branch on it.
    var code: String { get }
    var userMessage: Localized { get }
    /// Field-level details, when the error is about particular fields or parameters.
    var issues: [ValidationIssue] { get }
}

extension AppError {
    var issues: [ValidationIssue] { [] }
}

/// A query parameter the API doesn't understand.
struct InvalidQuery: AppError {
    var issues: [ValidationIssue]
    var status: HTTPResponseStatus { .badRequest }
    var code: String { "query.invalid" }
    var userMessage: Localized {
        Localized(
            sv: "Ogiltiga parametrar: " + issues.map(\.field).joined(separator: ", "),
            en: "Invalid parameters: " + issues.map(\.field).joined(separator: ", "))
    }
}

/// Errors every domain can raise.
enum CommonError: AppError {
    case notFound(what: Localized)
    case tenantNotFound(slug: String)
    case conflict(message: Localized)
    case badRequest(message: Localized)
    case payloadTooLarge(limit: String)

    var status: HTTPResponseStatus {
        switch self {
        case .notFound, .tenantNotFound: .notFound
        case .conflict: .conflict
        case .badRequest: .badRequest
        case .payloadTooLarge: .payloadTooLarge
        }
    }

    var code: String {
        switch self {
        case .notFound: "not-found"
        case .tenantNotFound: "tenant.not-found"
        case .conflict: "conflict"
        case .badRequest: "bad-request"
        case .payloadTooLarge: "payload-too-large"
        }
    }

    var userMessage: Localized {
        switch self {
        case .notFound(let what):
            Localized(
                sv: "\(what.sv) finns inte, eller så har du inte tillgång till det.",
                en: "\(what.en) does not exist, or you have no access to it.")
        case .tenantNotFound(let slug):
            Localized(
                sv: "Det finns ingen kommun med adressen \"\(slug)\" i Styrbord.",
                en: "There is no municipality at \"\(slug)\" in Styrbord.")
        case .conflict(let message), .badRequest(let message):
            message
        case .payloadTooLarge(let limit):
            Localized(
                sv: "Det du skickade är för stort (högst \(limit)).",
                en: "What you sent is too large (at most \(limit)).")
        }
    }
}
