import Plot
import StyrbordCore
import Vapor

/// A link in the breadcrumb trail.
struct Breadcrumb: Sendable {
    var title: String
    var url: String?
}

/// A server-rendered page: a plain model in, HTML out. `Layout` adds the document, header, navigation,
/// breadcrumbs and flash message around `content`.
protocol Page {
    var ctx: PageContext { get }
    var title: String { get }
    var breadcrumbs: [Breadcrumb] { get }
    /// Which main navigation entry to mark as current.
    var section: NavSection? { get }
    var content: Node<HTML.BodyContext> { get }
}

extension Page {
    var breadcrumbs: [Breadcrumb] { [] }
    var section: NavSection? { nil }

    func render(status: HTTPResponseStatus = .ok) -> Response {
        Layout.response(html, status: status)
    }

    /// The whole document.
    var html: String { Layout.document(for: self) }
}

extension Layout {
    /// An HTML response that no shared cache keeps (pages can show personal data).
    static func response(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}

/// A page whose content was rendered earlier (the register's page cache); only the layout is per request.
struct PrerenderedPage: Page {
    let ctx: PageContext
    let title: String
    let section: NavSection?
    let breadcrumbs: [Breadcrumb]
    /// HTML we rendered ourselves from escaped nodes.
    let contentHTML: String

    var content: Node<HTML.BodyContext> { .raw(contentHTML) }
}

/// The main navigation of a tenant's pages.
enum NavSection: String, CaseIterable, Sendable {
    case systems, proposals, forums, plans, documents, access, services, incidents, compliance, todo, organisation,
        people, suppliers, managementObjects, roles, profile, reports
    case importExport, accounts, audit

    func title(_ lang: UILanguage) -> String {
        switch self {
        case .systems: lang == .sv ? "Systemregister" : "System register"
        case .proposals: lang == .sv ? "Förslag" : "Proposals"
        case .forums: lang == .sv ? "Forum och möten" : "Forums and meetings"
        case .plans: lang == .sv ? "Planer" : "Plans"
        case .documents: lang == .sv ? "Styrdokument" : "Governing documents"
        case .services: lang == .sv ? "Tjänster och driftavtal" : "Services and agreements"
        case .incidents: lang == .sv ? "Incidenter" : "Incidents"
        case .access: lang == .sv ? "Behörigheter" : "Access rights"
        case .compliance: lang == .sv ? "Efterlevnad" : "Compliance"
        case .todo: lang == .sv ? "Att göra" : "To do"
        case .organisation: lang == .sv ? "Organisation" : "Organisation"
        case .people: lang == .sv ? "Personer" : "People"
        case .suppliers: lang == .sv ? "Leverantörer" : "Suppliers"
        case .managementObjects: lang == .sv ? "Förvaltningsobjekt" : "Management objects"
        case .roles: lang == .sv ? "Roller" : "Roles"
        case .profile: lang == .sv ? "Styrningsprofil" : "Governance profile"
        case .reports: lang == .sv ? "Rapporter" : "Reports"
        case .importExport: lang == .sv ? "Import och export" : "Import and export"
        case .accounts: lang == .sv ? "Konton" : "Accounts"
        case .audit: lang == .sv ? "Granskningslogg" : "Audit trail"
        }
    }

    func url(tenant slug: String) -> String {
        switch self {
        case .systems: SystemRoutes.index(slug)
        case .proposals: ProposalRoutes.index(slug)
        case .forums: ForumRoutes.index(slug)
        case .plans: PlanRoutes.index(slug)
        case .documents: DocumentRoutes.index(slug)
        case .services: ServiceRoutes.agreements(slug)
        case .incidents: IncidentRoutes.index(slug)
        case .access: AccessRoutes.index(slug)
        case .compliance: ComplianceRoutes.overview(slug)
        case .todo: ComplianceRoutes.todo(slug)
        case .organisation: OrgUnitRoutes.index(slug)
        case .people: PersonRoutes.index(slug)
        case .suppliers: SupplierRoutes.index(slug)
        case .managementObjects: ManagementObjectRoutes.index(slug)
        case .roles: RoleRoutes.index(slug)
        case .profile: ProfileRoutes.show(slug)
        case .reports: ReportRoutes.roleDistribution(slug)
        case .importExport: TransferRoutes.index(slug)
        case .accounts: AccountRoutes.index(slug)
        case .audit: AuditRoutes.index(slug)
        }
    }

    /// Sections only the administrator has any use for.
    var isAdministrative: Bool { self == .accounts || self == .audit }
}

/// The HTML document around every page.
enum Layout {
    static let stylesheetURL = "/static/styrbord.css?v=\(StaticAssets.version)"
    static let scriptURL = "/static/styrbord.js?v=\(StaticAssets.version)"

    static func document(for page: some Page) -> String {
        let ctx = page.ctx
        let html = HTML(
            .attribute(named: "lang", value: ctx.lang.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.safe("\(page.title) – Styrbord")]),
                .link(.rel(.stylesheet), .attr("href", stylesheetURL)),
                .script(.attr("src", scriptURL), .defer())
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text(ctx.t("Hoppa till innehållet", "Skip to content"))),
                header(ctx: ctx, section: page.section),
                breadcrumbTrail(page.breadcrumbs, ctx: ctx),
                .main(
                    .id("main"), .attribute(named: "tabindex", value: "-1"),
                    flash(ctx),
                    page.content
                ),
                .footer(
                    .class("site-footer"),
                    .p(
                        .text(
                            ctx.t(
                                "Styrbord – IT-styrning för kommuner.", "Styrbord – IT governance for municipalities.")),
                        .text(" "), .a(.href("/api/openapi.yaml"), .text("API (OpenAPI)")))
                )
            )
        )
        return html.render()
    }

    private static func header(ctx: PageContext, section: NavSection?) -> Node<HTML.BodyContext> {
        let other: UILanguage = ctx.lang == .sv ? .en : .sv
        return .header(
            .class("site-header"),
            .div(
                .class("brand"),
                .a(.href("/"), .class("brand-name"), .text("Styrbord")),
                .unwrap(ctx.tenant) { tenant in
                    .a(.class("tenant-name"), .link(SystemRoutes.index(tenant.slug)), .safe(tenant.name))
                },
                .a(
                    .class("lang-switch"), .link(ctx.languageSwitchURL(to: other)),
                    .attribute(named: "lang", value: other.rawValue),
                    .attribute(named: "hreflang", value: other.rawValue),
                    .text(other == .en ? "In English" : "På svenska")),
                viewerMenu(ctx)
            ),
            .unwrap(ctx.tenant) { tenant in
                .nav(
                    .class("main-nav"), .ariaLabel(ctx.t("Huvudmeny", "Main menu")),
                    .ul(
                        .forEach(
                            NavSection.allCases.filter { !$0.isAdministrative || ctx.viewer?.isTenantAdmin == true }
                        ) {
                            item in
                            .li(
                                .a(
                                    .link(item.url(tenant: tenant.slug)),
                                    .if(item == section, .attribute(named: "aria-current", value: "page")),
                                    .text(item.title(ctx.lang))))
                        })
                )
            }
        )
    }

    /// Who is signed in, their account and the sign-out button (a form: signing out changes state).
    private static func viewerMenu(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard let viewer = ctx.viewer else {
            // The sign-in page itself needs no link to itself.
            if ctx.currentPath == AccountRoutes.signInAction { return .empty }
            return .a(.class("sign-in"), .link(AccountRoutes.signIn()), .text(ctx.t("Logga in", "Sign in")))
        }
        let f = FormBuilder(ctx: ctx, values: FormData())
        return .div(
            .class("viewer"),
            .a(
                .link(AccountRoutes.account), .attribute(named: "title", value: ctx.t("Mitt konto", "My account")),
                .if(ctx.currentPath == AccountRoutes.account, .attribute(named: "aria-current", value: "page")),
                .safe(viewer.name)),
            inboxLink(ctx),
            .el(
                "form", .attr("method", "post"), .attr("action", AccountRoutes.signOut), .attr("class", "sign-out"),
                f.csrfField(ctx), f.submit(ctx.t("Logga ut", "Sign out"), secondary: true)))
    }

    /// *Inkorg* with the signed-in person's unread count, when the account has a person.
    private static func inboxLink(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard let tenant = ctx.tenant, let unread = ctx.unreadNotices else { return .empty }
        let url = NoticeRoutes.inbox(tenant.slug)
        return .a(
            .class("inbox-link"), .link(url),
            .if(ctx.currentPath == url, .attribute(named: "aria-current", value: "page")),
            .text(ctx.t("Inkorg", "Inbox")),
            .if(
                unread > 0,
                .group(
                    .text(" "),
                    .span(
                        .class("badge badge-warning unread-count"), .text("\(unread)"),
                        .span(.class("visually-hidden"), .text(ctx.t(" olästa", " unread")))))))
    }

    private static func breadcrumbTrail(_ crumbs: [Breadcrumb], ctx: PageContext) -> Node<HTML.BodyContext> {
        guard !crumbs.isEmpty else { return .empty }
        return .nav(
            .class("breadcrumbs"), .ariaLabel(ctx.t("Du är här", "You are here")),
            .ol(
                .forEach(crumbs.indices) { i in
                    let crumb = crumbs[i]
                    let isLast = i == crumbs.count - 1
                    return .li(
                        .if(
                            crumb.url != nil && !isLast,
                            .a(.link(crumb.url ?? ""), .safe(crumb.title)),
                            else: .span(
                                .if(isLast, .attribute(named: "aria-current", value: "page")), .safe(crumb.title)))
                    )
                })
        )
    }

    private static func flash(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard let flash = ctx.flash else { return .empty }
        return .div(.class("flash"), .attribute(named: "role", value: "status"), .text(ctx.t(flash.message)))
    }
}

/// Shown for every error that reaches the error middleware on a page request.
struct ErrorPage: Page {
    struct Model {
        var status: HTTPResponseStatus
        var message: String
        var issues: [String]
        var requestId: String
    }

    let model: Model
    let ctx: PageContext

    var title: String {
        switch model.status {
        case .notFound: ctx.t("Hittades inte", "Not found")
        case .forbidden: ctx.t("Ingen behörighet", "Forbidden")
        case .unprocessableEntity, .badRequest: ctx.t("Felaktiga uppgifter", "Invalid input")
        default:
            model.status.code >= 500
                ? ctx.t("Något gick fel", "Something went wrong") : ctx.t("Det gick inte", "Request failed")
        }
    }

    var content: Node<HTML.BodyContext> {
        .div(
            .class("error-page"),
            .h1(.text(title)),
            .p(.safe(model.message)),
            .if(!model.issues.isEmpty, .ul(.forEach(model.issues) { .li(.safe($0)) })),
            .p(.class("muted"), .text(ctx.t("Referens: ", "Reference: ")), .code(.safe(model.requestId))),
            .p(.a(.href("/"), .text(ctx.t("Till startsidan", "To the start page"))))
        )
    }
}
