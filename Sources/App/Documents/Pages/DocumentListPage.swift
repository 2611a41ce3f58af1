import Foundation
import Plot
import StyrbordCore

/// The governing documents the viewer may see, in precedence order, and the question "which of two
/// prevails" (D1).
struct DocumentListPage: Page {
    struct Row {
        var id: UUID
        var title: String
        var typeName: String
        /// "1.2": precedence group and rank, 1-based; empty when the profile doesn't order the type.
        var rank: String
        var status: String
        var reviewDueOn: String
        var isPublished: Bool
        var fileURL: String?
        var fileName: String?
        /// For the administrator: the document can be published (it is adopted) or withdrawn.
        var canPublish: Bool
        var canWithdraw: Bool
    }

    /// A document the viewer is asked to read and confirm (L8).
    struct ToRead {
        var id: UUID
        var title: String
        var requestedOn: String
    }

    struct Answer {
        var text: String
    }

    struct Model {
        var tenantSlug: String
        var rows: [Row]
        var a: String
        var b: String
        var answer: Answer?
        /// The administrator sees the publication column (D1: the IT-chef publishes).
        var mayPublish: Bool
        var toRead: [ToRead] = []
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Styrdokument", "Governing documents") }
    var section: NavSection? { .documents }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: title)] }

    var content: Node<HTML.BodyContext> {
        .group(
            .div(
                .class("page-heading"),
                .h1(.text(title)),
                .div(
                    .class("actions"), .if(!model.mayPublish, .attribute(named: "hidden")),
                    Components.buttonLink(
                        ctx.t("Nytt styrdokument", "New governing document"), url: DocumentRoutes.new(model.tenantSlug))
                )),
            toRead(),
            model.rows.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga styrdokument.", "No governing documents.")))
                : table(),
            precedenceForm())
    }

    /// The documents the viewer still has to confirm reading (L8).
    private func toRead() -> Node<HTML.BodyContext> {
        guard !model.toRead.isEmpty else { return .empty }
        return .section(
            .class("notice"), .attr("aria-labelledby", "to-read-heading"),
            .h2(.id("to-read-heading"), .text(ctx.t("Att läsa och bekräfta", "To read and confirm"))),
            .ul(
                .forEach(model.toRead) { d in
                    .li(
                        .a(.href(DocumentRoutes.show(model.tenantSlug, d.id)), .text(d.title)),
                        .text(ctx.t(" (sedan \(d.requestedOn))", " (since \(d.requestedOn))")))
                }))
    }

    private func table() -> Node<HTML.BodyContext> {
        Components.tableWrap(
            title,
            .table(
                .caption(.text(ctx.t("I företrädesordning", "In order of precedence"))),
                .thead(
                    .tr(
                        Components.header(ctx.t("Rang", "Rank")), Components.header(ctx.t("Rubrik", "Title")),
                        Components.header(ctx.t("Typ", "Type")), Components.header(ctx.t("Status", "Status")),
                        Components.header(ctx.t("Revideras senast", "Review due")),
                        Components.header(ctx.t("Publicerat", "Published")),
                        Components.header(ctx.t("Senaste version", "Latest version")),
                        .if(model.mayPublish, Components.header(ctx.t("Publicering", "Publication"))))),
                .tbody(
                    .forEach(model.rows) { r in
                        .tr(
                            .td(.text(r.rank)),
                            .td(.a(.href(DocumentRoutes.show(model.tenantSlug, r.id)), .text(r.title))),
                            .td(.text(r.typeName)), .td(.text(r.status)),
                            .td(.text(r.reviewDueOn)),
                            .td(.text(r.isPublished ? ctx.t("Ja", "Yes") : ctx.t("Nej", "No"))),
                            .td(
                                .unwrap(r.fileURL) { url in
                                    .a(.href(url), .text(r.fileName ?? ctx.t("Ladda ned", "Download")))
                                }),
                            .if(model.mayPublish, .td(publicationForm(r))))
                    })))
    }

    /// Publish an adopted document, or withdraw a published one; nothing for a draft or a repealed one.
    private func publicationForm(_ r: Row) -> Node<HTML.BodyContext> {
        guard r.canPublish || r.canWithdraw else { return .empty }
        let f = FormBuilder(ctx: ctx, values: FormData([:]))
        let label = r.canPublish ? ctx.t("Publicera", "Publish") : ctx.t("Avpublicera", "Withdraw")
        return f.form(
            action: DocumentRoutes.publication(model.tenantSlug, r.id),
            .selfClosedElement(
                named: "input",
                attributes: [
                    .attr("type", "hidden"), .attr("name", "published"),
                    .attr("value", r.canPublish ? "true" : "false"),
                ]),
            .el(
                "button", .attr("type", "submit"), .attr("class", "button secondary"),
                .attr("aria-label", "\(label): \(r.title)"), .text(label)))
    }

    private func precedenceForm() -> Node<HTML.BodyContext> {
        let f = FormBuilder(ctx: ctx, values: FormData(["a": [model.a], "b": [model.b]]))
        let options = model.rows.map { (value: $0.id.uuidString, label: $0.title) }
        return .section(
            .attr("aria-labelledby", "precedence-heading"),
            .h2(.id("precedence-heading"), .text(ctx.t("Vilket dokument gäller?", "Which document prevails?"))),
            .p(
                .text(
                    ctx.t(
                        "Välj två dokument som strider mot varandra. Svaret följer styrningsprofilens företrädesordning (D1).",
                        "Choose two documents that conflict. The answer follows the governance profile's precedence order (D1)."
                    ))),
            .el(
                "form", .attr("method", "get"), .attr("action", DocumentRoutes.index(model.tenantSlug)),
                f.select("a", label: ctx.t("Första dokumentet", "First document"), options: options),
                f.select("b", label: ctx.t("Andra dokumentet", "Second document"), options: options),
                f.submit(ctx.t("Jämför", "Compare"), secondary: true)),
            .unwrap(model.answer) { answer in
                .p(.class("precedence-answer"), .attr("role", "status"), .text(answer.text))
            })
    }
}
