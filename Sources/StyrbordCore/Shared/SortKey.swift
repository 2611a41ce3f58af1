/// Sort keys that order names the Swedish way (… x, y, z, å, ä, ö) identically in SQLite and in
/// PostgreSQL whatever collation its database was created with: each character becomes a two-digit
/// weight, and strings of digits compare the same under every collation.
public enum SortKey {
    private static let alphabet: [Character: Int] = {
        var table: [Character: Int] = [:]
        for (i, ch) in "0123456789abcdefghijklmnopqrstuvwxyzåäö".enumerated() { table[ch] = 20 + i }
        // Letters Swedish sorts as their base letter.
        for (ch, base) in [
            ("é", "e"), ("è", "e"), ("ê", "e"), ("ë", "e"), ("á", "a"), ("à", "a"), ("â", "a"),
            ("ü", "y"), ("ø", "ö"), ("æ", "ä"), ("í", "i"), ("ó", "o"), ("ú", "u"), ("ç", "c"), ("ñ", "n"),
        ] {
            table[Character(ch)] = table[Character(base)]
        }
        return table
    }()

    /// The key for `text`; spaces and punctuation sort before letters, unknown letters after ö.
    public static func swedish(_ text: String) -> String {
        var key = ""
        key.reserveCapacity(text.count * 2)
        for ch in text.lowercased() {
            let weight: Int
            if let w = alphabet[ch] {
                weight = w
            } else if ch.isWhitespace {
                weight = 10
            } else if ch.isLetter {
                weight = 90
            } else {
                weight = 11
            }
            key += String(weight)
        }
        return String(key.prefix(200))
    }
}
