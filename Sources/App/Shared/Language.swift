import StyrbordCore
import Vapor

/// Chooses the UI language: `?lang=` (remembered in a cookie), else the cookie, else Swedish.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookieName = "styrbord_lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let fromQuery: String? = request.query["lang"]
        let chosen = UILanguage(code: fromQuery ?? request.cookies[Self.cookieName]?.string)
        request.storage[LanguageKey.self] = chosen
        let response = try await next.respond(to: request)
        if let fromQuery, UILanguage(rawValue: fromQuery) != nil {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: chosen.rawValue, maxAge: 365 * 24 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    private struct LanguageKey: StorageKey { typealias Value = UILanguage }

    static func language(of request: Request) -> UILanguage { request.storage[LanguageKey.self] ?? .sv }
}

extension Request {
    var uiLanguage: UILanguage { LanguageMiddleware.language(of: self) }
}
