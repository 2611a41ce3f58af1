import Foundation
import Plot
import StyrbordCore

/// The signed-in person's notices: unread first, newest first, each with a link to what it concerns and a
/// button to mark it read; or, for an account without a person, why there is no inbox.
struct InboxPage: Page {
    struct Row {
        var id: UUID
        var title: String
        var body: String
        var link: String
        var createdAt: Date
        var isRead: Bool
    }

    struct Model {
        var tenantSlug: String
        var hasPerson: Bool
        var rows: [Row] = []
        var unread: Int = 0
        var page: Int = 1
        var pageCount: Int = 1
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Inkorg", "Inbox") }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: title)] }

    var content: Node<HTML.BodyContext> {
        guard model.hasPerson else {
            return .group(
                .h1(.text(title)),
                .p(
                    .class("notice-empty"),
                    .text(
                        ctx.t(
                            "Ditt konto är inte kopplat till en person i registret och har därför ingen inkorg. Be administratören koppla kontot till dig under Konton.",
                            "Your account is not linked to a person in the register, so it has no inbox. Ask the administrator to link the account to you under Accounts."
                        ))))
        }
        let f = FormBuilder(ctx: ctx, values: FormData())
        return .group(
            .div(
                .class("page-heading"),
                .h1(.text(title)),
                .div(
                    .class("actions"), .if(model.unread == 0, .attribute(named: "hidden")),
                    f.form(
                        action: NoticeRoutes.readAll(model.tenantSlug),
                        f.submit(ctx.t("Markera alla som lästa", "Mark all as read"), secondary: true)))),
            .p(
                .attribute(named: "role", value: "status"), .class("inbox-summary"),
                .text(
                    model.unread == 0
                        ? ctx.t("Du har inga olästa notiser.", "You have no unread notices.")
                        : model.unread == 1
                            ? ctx.t("Du har 1 oläst notis.", "You have 1 unread notice.")
                            : ctx.t(
                                "Du har \(model.unread) olästa notiser.", "You have \(model.unread) unread notices."))),
            model.rows.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inkorgen är tom.", "The inbox is empty.")))
                : .el("ul", .class("notices"), .forEach(model.rows) { row($0, f) }),
            Components.pagination(page: model.page, pageCount: model.pageCount, ctx: ctx) {
                NoticeRoutes.inbox(model.tenantSlug, query: [("page", "\($0)")])
            })
    }

    private func row(_ r: Row, _ f: FormBuilder) -> Node<HTML.BodyContext> {
        let headingID = "notice-\(r.id.uuidString.lowercased())"
        return .el(
            "li",
            .class(r.isRead ? "notice notice-read" : "notice notice-unread"),
            .el(
                "article",
                .attribute(named: "aria-labelledby", value: headingID),
                .h2(
                    .id(headingID),
                    .if(!r.isRead, .group(Components.badge(ctx.t("Oläst", "Unread"), kind: "warning"), .text(" "))),
                    .if(r.link.isEmpty, .safe(r.title), else: .a(.link(r.link), .safe(r.title)))),
                .p(
                    .class("muted"),
                    .el(
                        "time", .attr("datetime", ISO8601DateFormatter().string(from: r.createdAt)),
                        .safe(Components.dateTime(r.createdAt)))),
                .if(!r.body.isEmpty, .p(.safe(r.body))),
                .if(
                    !r.isRead,
                    f.form(
                        action: NoticeRoutes.markRead(model.tenantSlug, r.id),
                        f.submit(ctx.t("Markera som läst", "Mark as read"), secondary: true, hiddenContext: r.title)))))
    }
}
