import Foundation
import StyrbordCore

/// Draws a `NeighbourhoodLayout` as inline SVG: each system a labelled box that links to its page,
/// arrows in the direction information flows. Text is escaped; the result is `TrustedHTML`.
///
/// The picture is a labelled group, not `role="img"`: an image's children are hidden from assistive
/// technology, so the links in it would be focusable yet nameless (axe: nested-interactive). Each
/// link's `<title>` gives its full name where the box shows a shortened one.
enum NeighbourhoodSVG {
    static func render(
        _ layout: NeighbourhoodLayout, center: UUID, names: [UUID: String], link: (UUID) -> String, lang: UILanguage
    ) -> TrustedHTML {
        let w = NeighbourhoodLayout.boxWidth, h = NeighbourhoodLayout.boxHeight
        let positions = Dictionary(uniqueKeysWithValues: layout.nodes.map { ($0.system, $0) })
        let centerName = names[center] ?? ""
        let upstream = layout.nodes.filter { $0.column < 0 }.count
        let downstream = layout.nodes.filter { $0.column > 0 }.count
        let summary =
            lang == .sv
            ? "\(centerName): hämtar information från \(upstream) och lämnar till \(downstream) system inom två steg."
            : "\(centerName): gets information from \(upstream) and gives to \(downstream) systems within two steps."
        var svg = """
            <svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(layout.width) \(layout.height)" \
            width="\(layout.width)" height="\(layout.height)" role="group" aria-labelledby="graph-title">\
            <title id="graph-title">\(HTMLEscape.text(summary))</title>\
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">\
            <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head"/></marker></defs>
            """
        for link in layout.links {
            guard let a = positions[link.from], let b = positions[link.to] else { continue }
            let (x1, y1) = (a.x + w, a.y + h / 2)
            let (x2, y2) = (b.x, b.y + h / 2)
            let mid = (x1 + x2) / 2
            svg +=
                "<path class=\"edge\" d=\"M \(x1) \(y1) C \(mid) \(y1), \(mid) \(y2), \(x2) \(y2)\" marker-end=\"url(#arrow)\"/>"
        }
        for node in layout.nodes {
            let name = names[node.system] ?? "?"
            let shown = name.count > 22 ? String(name.prefix(21)) + "…" : name
            let cls = node.system == center ? "node center" : "node"
            svg +=
                "<a href=\"\(HTMLEscape.attribute(link(node.system)))\"><title>\(HTMLEscape.text(name))</title><g class=\"\(cls)\">"
            svg += "<rect x=\"\(node.x)\" y=\"\(node.y)\" width=\"\(w)\" height=\"\(h)\" rx=\"6\"/>"
            svg +=
                "<text x=\"\(node.x + w / 2)\" y=\"\(node.y + h / 2 + 5)\" text-anchor=\"middle\" aria-hidden=\"true\">\(HTMLEscape.text(shown))</text>"
            svg += "</g></a>"
        }
        svg += "</svg>"
        return TrustedHTML(value: svg)
    }
}
