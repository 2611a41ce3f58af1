import Foundation
import StyrbordCore
import Vapor

/// What every page needs from the request, as plain values so pages can be rendered (and snapshot
/// tested) without a `Request`.
struct PageContext: Sendable {
    struct TenantInfo: Sendable {
        var slug: String
        var name: String
    }

    /// The signed-in account, for the header and for hiding what it may not use.
    struct Viewer: Sendable {
        var name: String
        var isTenantAdmin: Bool
        var isPlatformOperator: Bool
    }

    var lang: UILanguage
    var csrfToken: String
    var tenant: TenantInfo?
    /// Path and query of the current page, for the language switch.
    var currentPath: String
    var currentQuery: [(String, String)]
    var flash: Flash?
    var requestId: String
    var viewer: Viewer?
    /// The signed-in person's unread notices (the header's inbox link); nil without a person.
    var unreadNotices: Int?

    init(
        lang: UILanguage = .sv, csrfToken: String = "test-csrf", tenant: TenantInfo? = nil, currentPath: String = "/",
        currentQuery: [(String, String)] = [], flash: Flash? = nil, requestId: String = "test", viewer: Viewer? = nil,
        unreadNotices: Int? = nil
    ) {
        self.viewer = viewer
        self.unreadNotices = unreadNotices
        self.lang = lang
        self.csrfToken = csrfToken
        self.tenant = tenant
        self.currentPath = currentPath
        self.currentQuery = currentQuery
        self.flash = flash
        self.requestId = requestId
    }

    init(request: Request, tenant: Tenant?) {
        self.init(
            lang: request.uiLanguage, csrfToken: request.csrfToken,
            tenant: tenant.map { TenantInfo(slug: $0.slug, name: $0.name) }, currentPath: request.url.path,
            currentQuery: request.queryItems, flash: request.flash, requestId: request.id,
            viewer: request.signedIn.map {
                Viewer(
                    name: $0.account.name, isTenantAdmin: $0.account.isTenantAdmin,
                    isPlatformOperator: $0.account.isPlatformOperator)
            }, unreadNotices: tenant == nil ? nil : request.unreadNotices)
    }

    func t(_ sv: String, _ en: String) -> String { lang == .sv ? sv : en }

    /// Whether to offer changes to the shared registers (organisation, people, suppliers,
    /// förvaltningsobjekt): `AccessPolicy` gives them to the administrator only. The routes check it
    /// again; this only keeps buttons away from people who would be refused.
    var mayAdminister: Bool { viewer?.isTenantAdmin == true }
    func t(_ text: Localized) -> String { text[lang] }

    /// The current URL with the language switched.
    func languageSwitchURL(to other: UILanguage) -> String {
        var query = currentQuery.filter { $0.0 != "lang" }
        query.append(("lang", other.rawValue))
        return URLBuilder.path(currentPath, query: query)
    }
}

extension Request {
    /// The query string as ordered pairs (repeated keys kept).
    var queryItems: [(String, String)] {
        guard let query = url.query else { return [] }
        return FormData(urlEncoded: query).raw.sorted { $0.key < $1.key }.flatMap { key, values in
            values.map { (key, $0) }
        }
    }
}

/// Builds URLs with every path segment and query value percent-encoded, so that names and search
/// text can never change the structure of a link.
enum URLBuilder {
    private static let allowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
        set.insert(charactersIn: "-._~")
        return set
    }()

    static func encode(_ component: String) -> String {
        // Slugs and ids, the usual components, need no encoding; skip Foundation's slow path for them.
        if component.utf8.allSatisfy({ isUnreserved($0) }) { return component }
        return component.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// RFC 3986 unreserved: ASCII letters, digits, `-._~`.
    private static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E
            || b == 0x5F || b == 0x7E
    }

    /// Joins segments into an absolute path: `segments("t", slug, "systems")` → `/t/sjovik/systems`.
    static func segments(_ parts: String...) -> String {
        "/" + parts.map(encode).joined(separator: "/")
    }

    static func path(_ path: String, query: [(String, String)]) -> String {
        let nonEmpty = query.filter { !$0.1.isEmpty }
        guard !nonEmpty.isEmpty else { return path }
        return path + "?" + nonEmpty.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }
}
