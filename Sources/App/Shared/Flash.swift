import StyrbordCore
import Vapor

/// A one-time message shown after a redirect ("Systemet sparades"). Only the code travels in the
/// cookie, never text, so nothing a user typed can be echoed through it.
enum Flash: String, Sendable, CaseIterable {
    case created, saved, deleted, imported, roleAssigned, roleEnded, signedOut, passwordChanged, tokenRevoked,
        profileInstalled, noticeRead, noticesRead

    var message: Localized {
        switch self {
        case .created: Localized(sv: "Uppgifterna har sparats.", en: "The record has been created.")
        case .saved: Localized(sv: "Ändringarna har sparats.", en: "Your changes have been saved.")
        case .deleted: Localized(sv: "Posten har tagits bort.", en: "The record has been deleted.")
        case .imported: Localized(sv: "Importen är klar.", en: "The import is complete.")
        case .roleAssigned: Localized(sv: "Rollen har tilldelats.", en: "The role has been assigned.")
        case .roleEnded: Localized(sv: "Rollinnehavet har avslutats.", en: "The role assignment has been ended.")
        case .signedOut: Localized(sv: "Du är utloggad.", en: "You have signed out.")
        case .passwordChanged: Localized(sv: "Lösenordet är bytt.", en: "Your password has been changed.")
        case .tokenRevoked: Localized(sv: "API-token är återkallad.", en: "The API token has been revoked.")
        case .profileInstalled:
            Localized(
                sv: "Den nya versionen av styrningsprofilen gäller från nu.",
                en: "The new version of the governance profile is in force from now.")
        case .noticeRead: Localized(sv: "Notisen är markerad som läst.", en: "The notice is marked as read.")
        case .noticesRead: Localized(sv: "Alla notiser är markerade som lästa.", en: "All notices are marked as read.")
        }
    }

    static let cookieName = "styrbord_flash"
}

extension Request {
    /// The flash message left by the previous response, if any.
    var flash: Flash? { cookies[Flash.cookieName].flatMap { Flash(rawValue: $0.string) } }

    /// A 303 redirect that shows `flash` on the next page.
    func redirect(to location: String, flash: Flash) -> Response {
        let response = redirect(to: location, redirectType: .normal)
        response.cookies[Flash.cookieName] = HTTPCookies.Value(
            string: flash.rawValue, maxAge: 60, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }
}

/// Clears the flash cookie once a page has shown it.
struct FlashMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if request.cookies[Flash.cookieName] != nil, request.method == .GET, response.status == .ok,
            response.cookies[Flash.cookieName] == nil
        {
            response.cookies[Flash.cookieName] = HTTPCookies.Value(
                string: "", expires: Date(timeIntervalSince1970: 0), path: "/")
        }
        return response
    }
}
