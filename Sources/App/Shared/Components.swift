import Foundation
import Plot
import StyrbordCore

/// Small pieces of markup several pages share.
enum Components {
    /// A label with a text, never colour alone (WCAG 1.4.1): the word is always there.
    static func badge(_ text: String, kind: String = "neutral") -> Node<HTML.BodyContext> {
        .span(.class("badge badge-\(kind)"), .safe(text))
    }

    /// A link styled as a button.
    static func buttonLink(_ text: String, url: String, secondary: Bool = false) -> Node<HTML.BodyContext> {
        .a(.class(secondary ? "button secondary" : "button"), .link(url), .safe(text))
    }

    /// A definition list of label/value pairs; empty values show a dash.
    static func facts(_ rows: [(String, Node<HTML.BodyContext>)]) -> Node<HTML.BodyContext> {
        .dl(
            .class("facts"),
            .forEach(rows) { row in
                .group(.dt(.safe(row.0)), .dd(row.1))
            })
    }

    static func textOrDash(_ text: String?, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard let text, !text.isEmpty else {
            return .span(.class("muted"), .text(ctx.t("Ej angivet", "Not given")))
        }
        return .safe(text)
    }

    /// Pagination for a list: previous, a window of pages, next.
    static func pagination(page: Int, pageCount: Int, ctx: PageContext, url: (Int) -> String) -> Node<HTML.BodyContext>
    {
        guard pageCount > 1 else { return .empty }
        let window = Set([1, pageCount] + Array(max(1, page - 2)...min(pageCount, page + 2)))
        var items: [Node<HTML.ListContext>] = []
        if page > 1 {
            items.append(
                .li(
                    .a(
                        .link(url(page - 1)), .attribute(named: "rel", value: "prev"),
                        .text(ctx.t("Föregående", "Previous")))))
        }
        var last = 0
        for n in window.sorted() {
            if n > last + 1 {
                items.append(.li(.class("gap"), .attribute(named: "aria-hidden", value: "true"), .text("…")))
            }
            if n == page {
                items.append(.li(.span(.attribute(named: "aria-current", value: "page"), .text("\(n)"))))
            } else {
                items.append(.li(.a(.link(url(n)), .ariaLabel(ctx.t("Sida \(n)", "Page \(n)")), .text("\(n)"))))
            }
            last = n
        }
        if page < pageCount {
            items.append(
                .li(.a(.link(url(page + 1)), .attribute(named: "rel", value: "next"), .text(ctx.t("Nästa", "Next")))))
        }
        return .nav(.class("pagination"), .ariaLabel(ctx.t("Sidnumrering", "Pagination")), .ul(.group(items)))
    }

    /// A column header that sorts the table by its column; `aria-sort` tells screen readers the order.
    static func sortableHeader(
        _ title: String, isCurrent: Bool, descending: Bool, url: String, ctx: PageContext
    ) -> Node<HTML.TableRowContext> {
        .th(
            .attribute(named: "scope", value: "col"),
            .if(isCurrent, .attribute(named: "aria-sort", value: descending ? "descending" : "ascending")),
            .a(
                .link(url), .safe(title),
                .if(
                    isCurrent,
                    .span(
                        .class("sort-indicator"), .attribute(named: "aria-hidden", value: "true"),
                        .text(descending ? " ▼" : " ▲"))))
        )
    }

    /// The box a table scrolls sideways in on a narrow screen. It is a named, focusable region so that
    /// keyboard users can scroll it too, also when the table has no links (WCAG 2.1.1, axe
    /// scrollable-region-focusable); the label says which table the region holds.
    static func tableWrap(
        _ label: String, extraClass: String? = nil, _ table: Node<HTML.BodyContext>
    ) -> Node<HTML.BodyContext> {
        .div(
            .class(["table-wrap", extraClass].compactMap { $0 }.joined(separator: " ")),
            .attr("role", "region"), .attr("aria-label", label), .attr("tabindex", "0"),
            table)
    }

    static func header(_ title: String) -> Node<HTML.TableRowContext> {
        .th(.attribute(named: "scope", value: "col"), .safe(title))
    }

    /// A date as the Swedish ISO form everyone in a municipality reads.
    static func date(_ day: CalendarDay?) -> String { day?.iso ?? "" }

    static func dateTime(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "sv_SE")
        f.timeZone = CalendarDay.timeZone
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }

    /// Markup we generated ourselves with every data value escaped (SVG pictures).
    static func trusted(_ html: TrustedHTML) -> Node<HTML.BodyContext> { .raw(html.value) }
}

/// HTML produced by our own code with escaping applied, the only kind allowed as raw markup.
struct TrustedHTML: Sendable {
    let value: String
}
