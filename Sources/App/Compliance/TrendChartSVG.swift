import Foundation
import StyrbordCore

/// Draws the efterlevnad score over time as inline SVG: a line through each day's share of compliant
/// objects on a 0–100 % scale. No script and no inline style (the CSP allows neither): the classes are
/// styled in styrbord.css. The picture is `role="img"` with a title and a description that says what it
/// shows in words; the page puts the same figures in a table beside it.
enum TrendChartSVG {
    struct Point: Sendable, Equatable {
        var day: CalendarDay
        /// 0…100.
        var percent: Double
    }

    static let width = 720
    static let height = 260
    private static let left = 56.0, right = 704.0, top = 16.0, bottom = 216.0

    static func render(_ points: [Point], lang: UILanguage) -> TrustedHTML {
        let sv = lang == .sv
        let title = sv ? "Efterlevnad över tid" : "Compliance over time"
        var svg = """
            <svg class="trend" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" role="img" aria-labelledby="trend-title trend-desc">\
            <title id="trend-title">\(HTMLEscape.text(title))</title>\
            <desc id="trend-desc">\(HTMLEscape.text(description(points, lang: lang)))</desc>
            """
        for percent in stride(from: 0, through: 100, by: 25) {
            let y = yPosition(Double(percent))
            svg += "<line class=\"grid\" x1=\"\(left)\" y1=\"\(y)\" x2=\"\(right)\" y2=\"\(y)\"/>"
            svg +=
                "<text class=\"axis\" x=\"\(left - 8)\" y=\"\(y + 4)\" text-anchor=\"end\">\(percent) %</text>"
        }
        guard let first = points.first, let last = points.last else {
            svg +=
                "<text class=\"axis\" x=\"\((left + right) / 2)\" y=\"\((top + bottom) / 2)\" text-anchor=\"middle\">"
                + HTMLEscape.text(sv ? "Inga mätningar än" : "No measurements yet") + "</text></svg>"
            return TrustedHTML(value: svg)
        }
        let start = first.day.ordinal, span = max(1, last.day.ordinal - start)
        func x(_ day: CalendarDay) -> Double {
            points.count == 1 ? (left + right) / 2 : left + (right - left) * Double(day.ordinal - start) / Double(span)
        }
        let coordinates = points.map { (x($0.day), yPosition($0.percent)) }
        if coordinates.count > 1 {
            let list = coordinates.map { "\(format($0.0)),\(format($0.1))" }.joined(separator: " ")
            svg += "<polyline class=\"trend-line\" points=\"\(list)\"/>"
        }
        if points.count <= 62 {
            for (cx, cy) in coordinates {
                svg += "<circle class=\"trend-point\" cx=\"\(format(cx))\" cy=\"\(format(cy))\" r=\"3.5\"/>"
            }
        }
        // Dates under the first and last points (and the middle one when there is room).
        var labelled = [first, last]
        if points.count >= 3 { labelled.insert(points[points.count / 2], at: 1) }
        var seen = Set<CalendarDay>()
        for point in labelled where seen.insert(point.day).inserted {
            let anchor =
                point == first && points.count > 1 ? "start" : point == last && points.count > 1 ? "end" : "middle"
            svg +=
                "<text class=\"axis\" x=\"\(format(x(point.day)))\" y=\"\(bottom + 24)\" text-anchor=\"\(anchor)\">\(point.day.iso)</text>"
        }
        svg += "</svg>"
        return TrustedHTML(value: svg)
    }

    /// The chart in words, for the `<desc>`: from where to where, and the lowest and highest.
    static func description(_ points: [Point], lang: UILanguage) -> String {
        let sv = lang == .sv
        guard let first = points.first, let last = points.last else {
            return sv ? "Inga dagliga mätningar finns ännu." : "There are no daily measurements yet."
        }
        let p = { (value: Double) in "\(Int(value.rounded(.down))) %" }
        if points.count == 1 {
            return sv
                ? "En mätning: \(p(first.percent)) den \(first.day.iso)."
                : "One measurement: \(p(first.percent)) on \(first.day.iso)."
        }
        let low = points.min { $0.percent < $1.percent }!, high = points.max { $0.percent < $1.percent }!
        return sv
            ? "\(points.count) mätningar från \(first.day.iso) till \(last.day.iso): från \(p(first.percent)) till \(p(last.percent)), lägst \(p(low.percent)) den \(low.day.iso), högst \(p(high.percent)) den \(high.day.iso)."
            : "\(points.count) measurements from \(first.day.iso) to \(last.day.iso): from \(p(first.percent)) to \(p(last.percent)), lowest \(p(low.percent)) on \(low.day.iso), highest \(p(high.percent)) on \(high.day.iso)."
    }

    private static func yPosition(_ percent: Double) -> Double {
        bottom - (bottom - top) * min(100, max(0, percent)) / 100
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
