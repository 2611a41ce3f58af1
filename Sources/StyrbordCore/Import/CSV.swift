import Foundation

/// The field separators spreadsheets use: Swedish Excel writes `;` (the comma is the decimal sign),
/// English Excel `,`, and "Unicode text" a tab.
public enum CSVDelimiter: String, LabelledValue {
    case semicolon = ";"
    case comma = ","
    case tab = "\t"

    public var label: Localized {
        switch self {
        case .semicolon: Localized(sv: "semikolon (;)", en: "semicolon (;)")
        case .comma: Localized(sv: "komma (,)", en: "comma (,)")
        case .tab: Localized(sv: "tabb", en: "tab")
        }
    }

    var scalar: Unicode.Scalar { rawValue.unicodeScalars.first! }
}

/// One record of a CSV file and the 1-based physical line it starts on, so that problems can be
/// reported where the user sees them in a text editor (a quoted field may span several lines).
public struct CSVRow: Sendable, Hashable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// Empty when every field is blank: Excel writes `;;;` for rows that were merely formatted.
    public var isBlank: Bool { fields.allSatisfy { $0.trimmed.isEmpty } }
}

/// A parsed CSV file: the heading row and the data rows below it.
public struct CSVTable: Sendable, Hashable {
    public var delimiter: CSVDelimiter
    /// The headings with trailing empty ones (from trailing delimiters) removed.
    public var headers: [String]
    public var headerLine: Int
    /// Data rows, padded to the heading count. A row keeps extra fields only when they hold text,
    /// so that the importer can report a value without a heading instead of dropping it.
    public var rows: [CSVRow]

    public init(delimiter: CSVDelimiter, headers: [String], headerLine: Int, rows: [CSVRow]) {
        self.delimiter = delimiter
        self.headers = headers
        self.headerLine = headerLine
        self.rows = rows
    }
}

/// A file that cannot be read as CSV at all; `line` is where the problem starts.
public struct CSVError: Error, Sendable, Hashable {
    public var line: Int
    public var message: Localized

    public init(line: Int, message: Localized) {
        self.line = line
        self.message = message
    }
}

/// An RFC 4180 reader, tolerant of what spreadsheets actually write.
///
/// Accepted beyond the RFC: LF and CR line ends as well as CRLF, a `sep=;` first line (Excel's hint),
/// a leading BOM, blank rows and a missing final line end, spaces after a closing quote, and a quote
/// inside an unquoted field (`24" skärm`), which Excel also keeps as text. Line ends inside quoted
/// fields become `\n`, which is what Excel uses for a line break within a cell.
public enum CSV {
    private static let quote: Unicode.Scalar = "\""
    private static let cr: Unicode.Scalar = "\r"
    private static let lf: Unicode.Scalar = "\n"

    /// Parses `text` into a heading row and data rows; the delimiter is detected unless given.
    public static func table(_ text: String, delimiter: CSVDelimiter? = nil) throws(CSVError) -> CSVTable {
        let scalars = Array(text.unicodeScalars)
        var start = scalars.first == "\u{FEFF}" ? 1 : 0
        var line = 1
        var chosen = delimiter
        if let hinted = separatorHint(scalars, from: start) {
            chosen = chosen ?? hinted.delimiter
            start = hinted.next
            line = 2
        }
        let used = chosen ?? detectDelimiter(scalars, from: start)
        let records = try parse(scalars, from: start, line: line, delimiter: used).filter { !$0.isBlank }
        guard let header = records.first else {
            throw CSVError(
                line: 1,
                message: Localized(
                    sv: "Filen innehåller inga rader. Spara listan från Excel som CSV och försök igen.",
                    en: "The file has no rows. Save the list from Excel as CSV and try again."))
        }
        var headers = header.fields.map(\.trimmed)
        while headers.last?.isEmpty == true { headers.removeLast() }
        let width = headers.count
        let rows = records.dropFirst().map { record -> CSVRow in
            var fields = record.fields
            if fields.count < width {
                fields += Array(repeating: "", count: width - fields.count)
            } else if fields.count > width, fields[width...].allSatisfy({ $0.trimmed.isEmpty }) {
                fields.removeLast(fields.count - width)
            }
            return CSVRow(line: record.line, fields: fields)
        }
        return CSVTable(delimiter: used, headers: headers, headerLine: header.line, rows: rows)
    }

    /// The delimiter that occurs most often outside quotes on the first line; `;` wins ties because a
    /// Swedish heading row rarely contains one by accident, and it is also the answer for one column.
    public static func detectDelimiter(in text: String) -> CSVDelimiter {
        let scalars = Array(text.unicodeScalars)
        return detectDelimiter(scalars, from: scalars.first == "\u{FEFF}" ? 1 : 0)
    }

    private static func detectDelimiter(_ s: [Unicode.Scalar], from start: Int) -> CSVDelimiter {
        var counts: [CSVDelimiter: Int] = [:]
        var inQuotes = false
        var seenText = false
        for c in s[start...] {
            if c == quote {
                inQuotes.toggle()
            } else if !inQuotes, c == cr || c == lf {
                if seenText { break }  // blank lines before the headings don't count
            } else if !inQuotes, let d = CSVDelimiter(rawValue: String(c)) {
                counts[d, default: 0] += 1
                seenText = true
            } else {
                seenText = true
            }
        }
        var best = CSVDelimiter.semicolon
        for candidate in [CSVDelimiter.tab, .comma] where counts[candidate, default: 0] > counts[best, default: 0] {
            best = candidate
        }
        return best
    }

    /// Excel's `sep=;` first line, which names the delimiter and is not part of the table.
    private static func separatorHint(_ s: [Unicode.Scalar], from start: Int) -> (delimiter: CSVDelimiter, next: Int)? {
        guard s.count >= start + 5,
            String(String.UnicodeScalarView(s[start..<start + 4])).lowercased() == "sep=",
            let d = CSVDelimiter(rawValue: String(s[start + 4]))
        else { return nil }
        var next = start + 5
        guard next == s.count || s[next] == cr || s[next] == lf else { return nil }
        if next < s.count, s[next] == cr { next += 1 }
        if next < s.count, s[next] == lf { next += 1 }
        return (d, next)
    }

    /// Every record, blank ones included, each with the line it starts on.
    private static func parse(
        _ s: [Unicode.Scalar], from start: Int, line firstLine: Int, delimiter: CSVDelimiter
    )
        throws(CSVError) -> [CSVRow]
    {
        let delim = delimiter.scalar
        var records: [CSVRow] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = firstLine
        var recordLine = firstLine
        var atFieldStart = true
        var i = start
        let n = s.count

        func endRecord() {
            fields.append(String(field))
            records.append(CSVRow(line: recordLine, fields: fields))
            fields = []
            field = String.UnicodeScalarView()
            atFieldStart = true
        }

        while i < n {
            let c = s[i]
            if atFieldStart && c == quote {
                let openedOn = line
                i += 1
                while true {
                    guard i < n else {
                        throw CSVError(
                            line: openedOn,
                            message: Localized(
                                sv:
                                    "Ett fält som börjar med citattecken (\") på rad \(openedOn) avslutas aldrig. Kontrollera att det har ett avslutande citattecken.",
                                en:
                                    "A field that starts with a quote (\") on line \(openedOn) is never closed. Check that it has a closing quote."
                            ))
                    }
                    let q = s[i]
                    if q == quote {
                        if i + 1 < n && s[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    } else if q == cr || q == lf {
                        field.append(lf)
                        line += 1
                        i += (q == cr && i + 1 < n && s[i + 1] == lf) ? 2 : 1
                    } else {
                        field.append(q)
                        i += 1
                    }
                }
                while i < n && (s[i] == " " || (s[i] == "\t" && delim != "\t")) { i += 1 }
                if i < n && s[i] != delim && s[i] != cr && s[i] != lf {
                    throw CSVError(
                        line: line,
                        message: Localized(
                            sv:
                                "På rad \(line) följer text (\"\(s[i])\") direkt efter ett avslutande citattecken. Ett citattecken inuti ett citerat fält skrivs som två (\"\").",
                            en:
                                "On line \(line) text (\"\(s[i])\") follows a closing quote. A quote inside a quoted field is written as two (\"\")."
                        ))
                }
                atFieldStart = false
            } else if c == delim {
                fields.append(String(field))
                field = String.UnicodeScalarView()
                atFieldStart = true
                i += 1
            } else if c == cr || c == lf {
                endRecord()
                line += 1
                recordLine = line
                i += (c == cr && i + 1 < n && s[i + 1] == lf) ? 2 : 1
            } else {
                field.append(c)
                atFieldStart = false
                i += 1
            }
        }
        if !(fields.isEmpty && field.isEmpty && atFieldStart) { endRecord() }
        return records
    }

    /// The characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
    static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n"]

    /// Undoes `CSVWriter`'s formula guard: a `'` before a formula trigger is ours, not the user's,
    /// so an exported register imports back unchanged.
    public static func removingFormulaGuard(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.first == "'", scalars.count > 1,
            formulaTriggers.contains(scalars[scalars.index(after: scalars.startIndex)])
        else { return cell }
        return String(cell.unicodeScalars.dropFirst())
    }
}

/// Writes CSV that Swedish Excel opens correctly on a double click: UTF-8 with a BOM (without it Excel
/// assumes Windows-1252 and shows "Ã¤" for "ä"), `;` between fields (Swedish Excel's list separator)
/// and CRLF line ends.
///
/// Cells that start with `=`, `+`, `-`, `@`, tab or a line break get a leading `'`. A register is
/// edited by many people and an exported file is opened by others: without the guard a system named
/// `=HYPERLINK("http://…")` or `@SUM(…)` would run as a formula on the reader's machine (CSV injection,
/// OWASP). Excel shows the apostrophe, which is the price of safety; `CSV.removingFormulaGuard`
/// strips it again on import.
public struct CSVWriter: Sendable {
    public let delimiter: CSVDelimiter
    public private(set) var text: String = ""

    public init(delimiter: CSVDelimiter = .semicolon) {
        self.delimiter = delimiter
    }

    public mutating func appendRow(_ fields: [String]) {
        text += fields.map { Self.cell($0, delimiter: delimiter) }.joined(separator: delimiter.rawValue)
        text += "\r\n"
    }

    /// The file's bytes: BOM, then UTF-8.
    public var bytes: [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.utf8) }

    public var data: Data { Data(bytes) }

    /// One cell as it appears in the file: guarded against formulas, then quoted when needed.
    public static func cell(_ value: String, delimiter: CSVDelimiter = .semicolon) -> String {
        // Excel breaks lines within a cell with LF; a CR would show as a stray character.
        var v = value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if let first = v.unicodeScalars.first, CSV.formulaTriggers.contains(first) { v = "'" + v }
        let needsQuotes =
            v.unicodeScalars.contains { $0 == delimiter.scalar || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || v.unicodeScalars.first.map(\.properties.isWhitespace) == true
            || v.unicodeScalars.last.map(\.properties.isWhitespace) == true
        guard needsQuotes else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
