import Crypto
import Foundation
import StyrbordCore
import Vapor

/// Double-submit CSRF protection for every HTML form that changes anything: a random token lives in
/// an HttpOnly, SameSite=Strict cookie and must come back in the form's `_csrf` field. A cross-site
/// page can make the browser send the cookie but cannot read it to fill the field.
/// The JSON API is exempt: it is not reachable by a form post (it requires a JSON body).
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "styrbord_csrf"
    static let fieldName = "_csrf"
    /// The largest form we accept (the import upload is the largest).
    /// The largest form: a governing document's file of up to 10 MB with room for the multipart envelope,
    /// so that the upload's own check can name the field (bodies over it are refused with 413).
    static let maxFormBytes = 11 * 1024 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = request.cookies[Self.cookieName]?.string
        let token = existing.flatMap { $0.count == 43 ? $0 : nil } ?? Secrets.make()
        request.storage[TokenKey.self] = token

        if request.method == .POST && !request.url.path.hasPrefix("/api/") {
            // Routes collect their body after middleware runs; the token is in the body, so collect it here.
            let body = try await request.body.collect(max: Self.maxFormBytes).get()
            let submitted: String? =
                if request.headers.contentType == .urlEncodedForm {
                    // Our own parser: Vapor's decoder rejects names like `documentationLinks[0].title`.
                    body.map { FormData(urlEncoded: String(buffer: $0)).raw[Self.fieldName]?.first } ?? nil
                } else {
                    try? request.content.get(String.self, at: Self.fieldName)
                }
            guard let existing, let submitted, Self.constantTimeEquals(existing, submitted) else {
                request.logger.notice("CSRF token missing or wrong on \(request.url.path)")
                throw CSRFError.tokenMismatch
            }
        }
        let response = try await next.respond(to: request)
        if existing != token {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: token, path: "/", isSecure: request.isSecureTransport, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    private struct TokenKey: StorageKey { typealias Value = String }
    static func token(of request: Request) -> String { request.storage[TokenKey.self] ?? "" }
}

enum CSRFError: AppError {
    case tokenMismatch
    var status: HTTPResponseStatus { .forbidden }
    var code: String { "csrf.invalid" }
    var userMessage: Localized {
        Localized(
            sv:
                "Formuläret hade gått ut eller kom från en annan webbplats. Gå tillbaka, ladda om sidan och försök igen.",
            en: "The form had expired or came from another site. Go back, reload the page and try again.")
    }
}

extension Request {
    var csrfToken: String { CSRFMiddleware.token(of: self) }

    /// True when the client reached us over TLS, directly or through a proxy that says so.
    var isSecureTransport: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }
}
