import Foundation
import StyrbordCore
import Vapor

/// Turns every error into an answer the reader can act on: an HTML page for people, JSON
/// `{code, message, requestId}` for `/api`. Unexpected errors say only "something went wrong (ref …)"
/// to the user; the details go to the log under the request id.
struct AppErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.response(for: error, request: request)
        }
    }

    struct APIErrorBody: Content {
        var code: String
        var message: String
        var requestId: String
        var errors: [ValidationIssue]?
    }

    static func response(for error: any Error, request: Request) -> Response {
        let described = describe(error, request: request)
        if request.url.path.hasPrefix("/api/") {
            let body = APIErrorBody(
                code: described.code, message: described.message.en, requestId: request.id,
                errors: described.issues.isEmpty ? nil : described.issues)
            let response = Response(status: described.status)
            try? response.content.encode(body, as: .json)
            return response
        }
        let ctx = PageContext(request: request, tenant: nil)
        let page = ErrorPage(
            model: .init(
                status: described.status, message: described.message[ctx.lang],
                issues: described.issues.map { $0.message[ctx.lang] }, requestId: request.id),
            ctx: ctx)
        return page.render(status: described.status)
    }

    private struct Described {
        var status: HTTPResponseStatus
        var code: String
        var message: Localized
        var issues: [ValidationIssue] = []
    }

    private static func describe(_ error: any Error, request: Request) -> Described {
        switch error {
        case let app as any AppError:
            return Described(status: app.status, code: app.code, message: app.userMessage, issues: app.issues)
        case let failure as ValidationFailure:
            return Described(
                status: .unprocessableEntity, code: "validation.failed",
                message: Localized(
                    sv: "Uppgifterna kunde inte sparas. Rätta felen och försök igen.",
                    en: "The data could not be saved. Correct the errors and try again."),
                issues: failure.issues)
        case let decoding as DecodingError:
            let (field, reason) = DecodingErrorText.describe(decoding)
            return Described(
                status: .unprocessableEntity, code: "request.invalid",
                message: Localized(
                    sv: "Fel i begäran: \(field.isEmpty ? "" : "fältet \(field): ")\(reason.sv)",
                    en: "Invalid request: \(field.isEmpty ? "" : "field \(field): ")\(reason.en)"),
                issues: [ValidationIssue(field: field, message: reason)])
        case let abort as any AbortError
        where abort.status == .payloadTooLarge && DocumentRoutes.isUpload(request.url.path):
            return Described(
                status: .payloadTooLarge, code: "document.file-too-large", message: DocumentRoutes.tooLarge.message,
                issues: [DocumentRoutes.tooLarge])
        case let abort as any AbortError:
            let status = abort.status
            let message: Localized =
                switch status {
                case .notFound:
                    Localized(sv: "Sidan finns inte.", en: "The page does not exist.")
                case .payloadTooLarge:
                    Localized(sv: "Det du skickade är för stort.", en: "What you sent is too large.")
                case .unsupportedMediaType:
                    Localized(sv: "Innehållstypen stöds inte: skicka JSON.", en: "Unsupported content type: send JSON.")
                case .methodNotAllowed:
                    Localized(sv: "Metoden stöds inte här.", en: "Method not allowed here.")
                default:
                    status.code < 500
                        ? Localized(verbatim: abort.reason)
                        : unexpected(request: request, error: error)
                }
            if status.code >= 500 { request.logger.report(error: error) }
            return Described(
                status: status, code: status.code < 500 ? "http.\(status.code)" : "internal", message: message)
        default:
            request.logger.error("Unexpected error: \(String(reflecting: error))")
            return Described(
                status: .internalServerError, code: "internal", message: unexpected(request: request, error: error))
        }
    }

    private static func unexpected(request: Request, error: any Error) -> Localized {
        Localized(
            sv: "Något gick fel hos oss (ref \(request.id)). Försök igen om en stund.",
            en: "Something went wrong on our side (ref \(request.id)). Please try again shortly.")
    }
}

/// Explains a JSON decoding failure in terms of the field the client got wrong.
enum DecodingErrorText {
    static func describe(_ error: DecodingError) -> (field: String, reason: Localized) {
        switch error {
        case .keyNotFound(let key, let context):
            return (
                path(context.codingPath + [key]),
                Localized(sv: "saknas men är obligatoriskt.", en: "is required but missing.")
            )
        case .typeMismatch(let type, let context):
            return (
                path(context.codingPath),
                Localized(
                    sv: "har fel typ (väntade \(typeName(type))).",
                    en: "has the wrong type (expected \(typeName(type))).")
            )
        case .valueNotFound(let type, let context):
            return (
                path(context.codingPath),
                Localized(
                    sv: "får inte vara null (väntade \(typeName(type))).",
                    en: "must not be null (expected \(typeName(type))).")
            )
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if field.isEmpty {
                return ("", Localized(sv: "kroppen är inte giltig JSON.", en: "the body is not valid JSON."))
            }
            if let allowed = allowedValues(in: context.debugDescription) {
                let list = allowed.joined(separator: ", ")
                return (
                    field,
                    Localized(
                        sv: "okänt värde; tillåtna värden är \(list).", en: "unknown value; allowed values are \(list)."
                    )
                )
            }
            return (
                field,
                Localized(
                    sv: "ogiltigt värde: \(context.debugDescription)", en: "invalid value: \(context.debugDescription)")
            )
        @unknown default:
            return ("", Localized(sv: "ogiltig begäran.", en: "invalid request."))
        }
    }

    /// Swift says "Cannot initialize SystemCategory from invalid String value x"; the client needs the choices.
    private static func allowedValues(in description: String) -> [String]? {
        guard description.hasPrefix("Cannot initialize ") else { return nil }
        let typeName = description.dropFirst("Cannot initialize ".count).prefix { $0 != " " }
        let vocabularies: [any LabelledValue.Type] = [
            SystemCategory.self, SystemType.self, LifecycleStatus.self, Criticality.self, OperationMode.self,
            PersonalDataLevel.self, LegalBasis.self, ProcessorAgreementStatus.self, Nis2Applicability.self,
            AIRiskClass.self,
            IntegrationKind.self, IntegrationFrequency.self, OrgUnitKind.self, RoleScopeKind.self, RoleHolding.self,
        ]
        if typeName == "ClassificationLevel" { return ["0", "1", "2", "3", "4"] }
        return vocabularies.first { String(describing: $0) == typeName }.map { allValues(of: $0) }
    }

    private static func allValues<T: LabelledValue>(of type: T.Type) -> [String] { T.allCases.map(\.rawValue) }

    static func path(_ keys: [any CodingKey]) -> String {
        var result = ""
        for key in keys {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Int.Type, is Int64.Type: "integer"
        case is Bool.Type: "boolean"
        case is UUID.Type: "uuid"
        default: "\(type)".lowercased()
        }
    }
}
