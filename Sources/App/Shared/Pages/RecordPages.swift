import Foundation
import Plot
import StyrbordCore

/// A create or edit form for one record. The fields come from the domain; the heading, error summary,
/// CSRF token and buttons are the same everywhere.
struct RecordFormPage: Page {
    struct Model {
        var heading: String
        var breadcrumbs: [Breadcrumb]
        var section: NavSection?
        var action: String
        var cancelURL: String
        var submitLabel: String
        var values: FormData
        var errors: FormErrors
        /// Field name → label, for the error summary.
        var labels: [String: String]
        var intro: String?
    }

    let model: Model
    let ctx: PageContext
    let fields: (FormBuilder) -> Node<HTML.BodyContext>

    var title: String { (model.errors.isEmpty ? "" : ctx.t("Fel: ", "Error: ")) + model.heading }
    var breadcrumbs: [Breadcrumb] { model.breadcrumbs }
    var section: NavSection? { model.section }

    var content: Node<HTML.BodyContext> {
        let f = FormBuilder(ctx: ctx, values: model.values, errors: model.errors)
        return .group(
            .h1(.safe(model.heading)),
            .unwrap(model.intro) { .p(.safe($0)) },
            .p(.class("hint"), .text(ctx.t("Fält markerade med * är obligatoriska.", "Fields marked * are required."))),
            f.errorSummary(labels: model.labels),
            f.form(
                action: model.action,
                fields(f),
                .div(
                    .class("form-actions"),
                    f.submit(model.submitLabel),
                    .a(.class("button secondary"), .link(model.cancelURL), .text(ctx.t("Avbryt", "Cancel")))))
        )
    }
}

/// Asks before deleting a record and says what happens.
struct DeleteConfirmPage: Page {
    struct Model {
        var heading: String
        var breadcrumbs: [Breadcrumb]
        var section: NavSection?
        var explanation: [String]
        var action: String
        var cancelURL: String
        var buttonLabel: String
    }

    let model: Model
    let ctx: PageContext

    var title: String { model.heading }
    var breadcrumbs: [Breadcrumb] { model.breadcrumbs }
    var section: NavSection? { model.section }

    var content: Node<HTML.BodyContext> {
        let f = FormBuilder(ctx: ctx, values: FormData())
        return .group(
            .h1(.safe(model.heading)),
            .forEach(model.explanation) { .p(.safe($0)) },
            f.form(
                action: model.action,
                f.textarea(
                    "message", label: ctx.t("Anledning (sparas i historiken)", "Reason (kept in the history)"), rows: 2),
                .div(
                    .class("form-actions"),
                    f.submit(model.buttonLabel),
                    .a(.class("button secondary"), .link(model.cancelURL), .text(ctx.t("Avbryt", "Cancel")))))
        )
    }
}

/// A simple list of records with a search box and paging, for the register's smaller domains.
struct RecordListPage: Page {
    struct Column {
        var title: String
        var isNumeric = false
    }

    struct Row {
        var url: String
        var name: String
        var cells: [Node<HTML.BodyContext>]
    }

    /// A drop-down beside the search box (people's active/left/all).
    struct Filter {
        var name: String
        var label: String
        var options: [(value: String, label: String)]
        var selected: String
    }

    struct Model {
        var heading: String
        var section: NavSection
        var tenantName: String
        var newURL: String?
        var newLabel: String
        var searchURL: String
        var searchText: String
        var columns: [Column]
        var rows: [Row]
        var total: Int
        var page: Int
        var pageCount: Int
        var pageURL: (Int) -> String
        var emptyText: String
        /// Drop-downs submitted with the search; none unless the domain has some.
        var filters: [Filter] = []
    }

    let model: Model
    let ctx: PageContext

    var title: String { model.heading }
    var section: NavSection? { model.section }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: model.tenantName), Breadcrumb(title: model.heading)] }

    var content: Node<HTML.BodyContext> {
        var values = ["q": [model.searchText]]
        for filter in model.filters { values[filter.name] = [filter.selected] }
        let f = FormBuilder(ctx: ctx, values: FormData(values))
        return .group(
            .div(
                .class("page-heading"),
                .h1(.safe(model.heading)),
                .unwrap(model.newURL) { .div(.class("actions"), Components.buttonLink(model.newLabel, url: $0)) }),
            .el(
                "form", .attr("method", "get"), .attr("action", model.searchURL), .attr("class", "filters"),
                .attr("role", "search"),
                f.input("q", label: ctx.t("Sök", "Search"), type: "search"),
                .forEach(model.filters) { f.select($0.name, label: $0.label, options: $0.options) },
                .div(.class("filter-actions"), f.submit(ctx.t("Sök", "Search")))),
            .p(
                .class("result-count"), .attribute(named: "role", value: "status"),
                .text(ctx.t("\(model.total) träffar", "\(model.total) results"))),
            model.rows.isEmpty
                ? .p(.class("empty-state"), .safe(model.emptyText))
                : Components.tableWrap(
                    model.heading,
                    .table(
                        .thead(.tr(.forEach(model.columns) { column in Components.header(column.title) })),
                        .tbody(
                            .forEach(model.rows) { row in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .a(.link(row.url), .safe(row.name))),
                                    .forEach(Array(row.cells.enumerated())) { index, cell in
                                        .td(
                                            .if(model.columns[safe: index + 1]?.isNumeric ?? false, .class("number")),
                                            cell)
                                    })
                            }))),
            Components.pagination(page: model.page, pageCount: model.pageCount, ctx: ctx, url: model.pageURL)
        )
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// Search text and paging read from a list page's query string.
struct ListQuery: Sendable {
    var text: String
    var page: Int
    var perPage: Int

    init(_ items: [(String, String)], perPage defaultPerPage: Int = 50) {
        let dict = Dictionary(items, uniquingKeysWith: { a, _ in a })
        text = String((dict["q"] ?? "").trimmed.prefix(200))
        page = max(1, min(Int(dict["page"] ?? "") ?? 1, 100_000))
        perPage = max(1, min(Int(dict["perPage"] ?? "") ?? defaultPerPage, 200))
    }

    /// The API's convention for filters: a parameter given empty is refused, only free text may be empty.
    static func emptyParameters(_ items: [(String, String)], among keys: [String]) -> [ValidationIssue] {
        let given = Set(items.filter { $0.1.isEmpty }.map(\.0))
        return keys.filter(given.contains).map {
            ValidationIssue(
                field: $0,
                message: Localized(
                    sv: "Ange ett värde eller utelämna parametern.", en: "Give a value or leave the parameter out."))
        }
    }

    /// The API's reading: bad paging values are refused rather than corrected.
    static func strict(_ items: [(String, String)]) throws -> ListQuery {
        var issues: [ValidationIssue] = []
        for (key, value) in items where ["page", "perPage"].contains(key) {
            let limit = key == "page" ? 100_000 : 200
            if Int(value).map({ !(1...limit).contains($0) }) ?? true {
                issues.append(
                    ValidationIssue(
                        field: key,
                        message: Localized(sv: "Ange ett heltal 1–\(limit).", en: "Enter a whole number 1–\(limit).")))
            }
        }
        if !issues.isEmpty { throw InvalidQuery(issues: issues) }
        return ListQuery(items)
    }

    var offset: Int { (page - 1) * perPage }
    func pageCount(total: Int) -> Int { max(1, (total + perPage - 1) / perPage) }
}
