import Foundation

/// One problem found while preparing an import, tied to the place in the file the user must fix.
public struct ImportIssue: Sendable, Hashable {
    /// 1-based physical line in the file (the heading row for mapping problems).
    public var line: Int
    /// The column heading as written in the file; nil when the problem concerns the whole row or file.
    public var column: String?
    /// The `SystemImportField.code` the problem concerns, or "file" / "row" / "mapping".
    public var field: String
    public var message: Localized

    public init(line: Int, column: String?, field: String, message: Localized) {
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// The message with its place: `Rad 14, kolumn "Förvaltning": det finns ingen …`.
    public var text: Localized {
        func place(_ row: String, _ col: String) -> String {
            column.map { "\(row) \(line), \(col) \"\($0)\"" } ?? "\(row) \(line)"
        }
        return Localized(
            sv: "\(place("Rad", "kolumn")): \(Self.lowercasingFirstWord(message.sv))",
            en: "\(place("Line", "column")): \(Self.lowercasingFirstWord(message.en))")
    }

    /// "Det finns" reads "det finns" after a colon; "IT-chefen" and "NIS2" keep their capitals.
    private static func lowercasingFirstWord(_ text: String) -> String {
        let chars = Array(text)
        guard chars.count > 1, chars[0].isUppercase, chars[1].isLowercase else { return text }
        return chars[0].lowercased() + String(chars.dropFirst())
    }
}

/// Which field each column of the file fills. Columns without a field are ignored.
public struct ImportMapping: Sendable, Hashable {
    /// One column of the file.
    public struct Column: Sendable, Hashable {
        public var index: Int
        /// The heading as written (trimmed); may be empty.
        public var heading: String
        public var field: SystemImportField?

        public init(index: Int, heading: String, field: SystemImportField?) {
            self.index = index
            self.heading = heading
            self.field = field
        }

        /// The heading, or "Kolumn E" as Excel names a column without one.
        public var displayName: String {
            heading.isEmpty ? "Kolumn \(ImportMapping.columnLetters(index))" : heading
        }
    }

    public var columns: [Column]

    public init(columns: [Column]) { self.columns = columns }

    /// Words that mean "don't import this column" in a user's mapping.
    public static let ignoreCodes: Set<String> = ["", "-", "ignore", "ignorera", "skip", "hoppa over"]

    /// Guesses each column's field from its heading.
    public static func suggested(headers: [String], schema: SystemImportSchema = .standard) -> ImportMapping {
        ImportMapping(
            columns: headers.enumerated().map { i, h in
                Column(index: i, heading: h.trimmed, field: schema.field(forHeading: h))
            })
    }

    /// Applies a user's choices, heading → field code (`"Namn": "name"`, `"Kommentar": "ignore"`), over
    /// this mapping. Headings compare like field headings do. Returns the issues with the choices
    /// themselves (a heading not in the file, an unknown code); `validate` checks the result.
    public func overriding(
        with userMapping: [String: String], schema: SystemImportSchema = .standard, headerLine: Int = 1
    ) -> (mapping: ImportMapping, issues: [ImportIssue]) {
        var copy = self
        var issues: [ImportIssue] = []
        for (heading, code) in userMapping.sorted(by: { $0.key < $1.key }) {
            let key = ImportText.key(heading, stripParentheses: true)
            let indices = columns.indices.filter {
                ImportText.key(columns[$0].heading, stripParentheses: true) == key
                    || columns[$0].displayName.lowercased() == heading.trimmed.lowercased()
            }
            guard !indices.isEmpty else {
                issues.append(
                    ImportIssue(
                        line: headerLine, column: heading, field: "mapping",
                        message: Localized(
                            sv: "Filen har ingen kolumn som heter \"\(heading)\". Kolumnerna är: \(headingList).",
                            en: "The file has no column called \"\(heading)\". The columns are: \(headingList).")))
                continue
            }
            let field: SystemImportField?
            if Self.ignoreCodes.contains(ImportText.key(code)) {
                field = nil
            } else if let found = schema.field(code: code) {
                field = found
            } else {
                let codes = schema.fields.map(\.code).joined(separator: ", ")
                issues.append(
                    ImportIssue(
                        line: headerLine, column: heading, field: "mapping",
                        message: Localized(
                            sv:
                                "\"\(code)\" är inget fält som kan importeras. Använd ett av: \(codes), eller \"ignore\".",
                            en: "\"\(code)\" is not a field that can be imported. Use one of: \(codes), or \"ignore\".")
                    ))
                continue
            }
            for i in indices { copy.columns[i].field = field }
        }
        return (copy, issues)
    }

    /// The system name must come from some column, and no field may come from two.
    public func validate(headerLine: Int = 1, schema: SystemImportSchema = .standard) -> [ImportIssue] {
        var issues: [ImportIssue] = []
        if column(for: .name) == nil {
            let name = schema.field(.name)!
            let headings = name.headings.prefix(4).map { "\"\($0)\"" }.joined(separator: ", ")
            issues.append(
                ImportIssue(
                    line: headerLine, column: nil, field: "name",
                    message: Localized(
                        sv:
                            "Ingen kolumn innehåller systemets namn. Döp kolumnen till till exempel \(headings), eller koppla den till fältet name.",
                        en:
                            "No column holds the system's name. Head it for example \(headings), or map it to the field name."
                    )))
        }
        var first: [SystemImportField.Kind: Column] = [:]
        for column in columns {
            guard let field = column.field else { continue }
            if let earlier = first[field.kind] {
                issues.append(
                    ImportIssue(
                        line: headerLine, column: column.displayName, field: field.code,
                        message: Localized(
                            sv:
                                "Både \"\(earlier.displayName)\" och \"\(column.displayName)\" är kopplade till \(field.label.sv). Koppla bort en av dem.",
                            en:
                                "Both \"\(earlier.displayName)\" and \"\(column.displayName)\" are mapped to \(field.label.en). Unmap one of them."
                        )))
            } else {
                first[field.kind] = column
            }
        }
        return issues
    }

    public func column(for kind: SystemImportField.Kind) -> Column? {
        columns.first { $0.field?.kind == kind }
    }

    /// The columns that will be read, in file order.
    public var mappedColumns: [Column] { columns.filter { $0.field != nil } }

    private var headingList: String {
        columns.map { "\"\($0.displayName)\"" }.joined(separator: ", ")
    }

    /// Excel's column letters: 0 → A, 25 → Z, 26 → AA.
    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}
