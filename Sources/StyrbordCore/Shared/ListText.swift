/// A list written as one piece of text: an import cell, an export cell, a form field. Reading and
/// writing follow one rule so that whatever is written reads back the same.
public enum ListText {
    private static let strong: Set<Character> = ["\n", "\r", "\r\n", ";", "|"]

    /// Splits the text. The strongest separator present wins: a line break, `;` or `|` splits and
    /// commas stay inside items ("Kultur, fritid och turism; Socialförvaltningen"); only text with
    /// none of those is split on commas ("Elever, vårdnadshavare, personal").
    public static func split(_ text: String, onCommas: Bool = true) -> [String] {
        let parts: [Substring]
        if text.contains(where: { strong.contains($0) }) {
            parts = text.split(whereSeparator: { strong.contains($0) })
        } else if onCommas {
            parts = text.split(separator: ",")
        } else {
            parts = [Substring(text)]
        }
        return parts.map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// Joins items so that `split` gives them back: with ", " when no item has a comma (what people
    /// type), otherwise with "; ", and a lone item with a comma gets a trailing ";".
    public static func join(_ items: [String]) -> String {
        guard items.contains(where: { $0.contains(",") }) else { return items.joined(separator: ", ") }
        if items.count == 1 { return items[0] + ";" }
        return items.joined(separator: "; ")
    }
}
