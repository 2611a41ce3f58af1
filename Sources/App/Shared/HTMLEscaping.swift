import Plot

// Plot escapes text nodes but writes attribute values exactly as given (`name="\(value)"`), so a
// value containing a quote would end the attribute. Every attribute built from data goes through
// these helpers; `XSSTests` renders hostile values through every form helper to prove it.

enum HTMLEscape {
    /// Escapes for use inside a double-quoted attribute value.
    static func attribute(_ value: String) -> String {
        if !value.utf8.contains(where: { $0 == 0x26 || $0 == 0x22 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E }) {
            return value
        }
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for ch in value.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Escapes text content. Plot's own text escaping keeps entities such as `&amp;` that a user typed,
    /// which would show `&` where the user wrote `&amp;`; this one escapes every `&`.
    static func text(_ value: String) -> String {
        if !value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for ch in value.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

extension Node {
    /// Text exactly as the user wrote it, escaped. Use this rather than `.text` for data.
    static func safe(_ value: String) -> Node { .raw(HTMLEscape.text(value)) }

    /// An attribute whose value comes from data, escaped.
    static func attr(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: HTMLEscape.attribute(value), ignoreIfValueIsEmpty: false)
    }

    /// A valueless attribute (`checked`, `selected`, `required`) present only when `isOn`.
    static func flag(_ name: String, _ isOn: Bool = true) -> Node {
        isOn ? .attribute(named: name) : .empty
    }

    /// Any element with children of the body context: Plot types each element's children by context,
    /// which makes form controls awkward to compose; this keeps page code in one context.
    static func el(_ name: String, _ nodes: Node...) -> Node { .element(named: name, nodes: nodes) }

    static func el(_ name: String, _ nodes: [Node]) -> Node { .element(named: name, nodes: nodes) }

    /// A link target, escaped (hrefs carry `&` between query items).
    static func link(_ url: String) -> Node { .attr("href", url) }
}

extension Attribute {
    /// An attribute whose value comes from data, escaped (for attribute-only contexts such as `<input>`).
    static func attr(_ name: String, _ value: String) -> Attribute {
        Attribute(name: name, value: HTMLEscape.attribute(value), ignoreIfValueIsEmpty: false)
    }

}
