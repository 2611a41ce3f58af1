import Foundation

/// A reference by name to another record (an org unit, a supplier …) as written in a cell.
public struct NameReference: Sendable, Hashable {
    public var name: String
    /// The heading of the column it came from, for messages.
    public var column: String

    public init(name: String, column: String) {
        self.name = name
        self.column = column
    }
}

/// A role holder as written in a role cell: "Anna Berg", "anna.berg@kommun.se" or
/// "Anna Berg <anna.berg@kommun.se>".
public struct RoleHolderReference: Sendable, Hashable {
    public var roleKey: String
    public var holding: RoleHolding
    /// The person's name, when the cell gave one.
    public var name: String?
    /// The person's e-mail, when the cell gave one.
    public var email: String?
    public var column: String

    public init(roleKey: String, holding: RoleHolding, name: String?, email: String?, column: String) {
        self.roleKey = roleKey
        self.holding = holding
        self.name = name
        self.email = email
        self.column = column
    }

    /// What the cell said, for messages and for the name of a person to be created.
    public var displayName: String {
        switch (name, email) {
        case (let n?, let e?): "\(n) <\(e)>"
        case (let n?, nil): n
        case (nil, let e?): e
        case (nil, nil): ""
        }
    }

    init(roleKey: String, holding: RoleHolding, cell: String, column: String) {
        self.roleKey = roleKey
        self.holding = holding
        self.column = column
        let t = cell.trimmed
        if let open = t.lastIndex(where: { $0 == "<" || $0 == "(" }),
            let close = t.lastIndex(where: { $0 == ">" || $0 == ")" }), open < close
        {
            let inside = String(t[t.index(after: open)..<close]).trimmed
            if Self.looksLikeEmail(inside) {
                email = inside
                name = String(t[..<open]).trimmed.trimmedOrNil
                return
            }
        }
        if Self.looksLikeEmail(t) {
            email = t
            name = nil
        } else {
            name = t
            email = nil
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(where: \.isWhitespace)
    }
}

/// One data row of a system list, parsed and checked but not yet tied to the database: the draft has
/// no UUID references yet; the names it refers to are kept beside it for `resolve(using:)`.
public struct SystemImportRow: Sendable, Hashable {
    public var line: Int
    /// Normalized; `ownerOrgUnitId`, `userOrgUnitIds`, `managementObjectId`, `supplierId` and
    /// `operatorSupplierId` are empty until resolved.
    public var draft: ITSystemDraft
    public var ownerOrgUnit: NameReference?
    public var userOrgUnits: [NameReference]
    /// The cell the user org units came from, unsplit: "Gata, park och VA" may be one unit's name.
    public var userOrgUnitsCell: String?
    public var managementObject: NameReference?
    public var supplier: NameReference?
    public var operatorSupplier: NameReference?
    public var roleHolders: [RoleHolderReference]

    public init(
        line: Int, draft: ITSystemDraft, ownerOrgUnit: NameReference? = nil, userOrgUnits: [NameReference] = [],
        managementObject: NameReference? = nil, supplier: NameReference? = nil,
        operatorSupplier: NameReference? = nil, roleHolders: [RoleHolderReference] = []
    ) {
        self.line = line
        self.draft = draft
        self.ownerOrgUnit = ownerOrgUnit
        self.userOrgUnits = userOrgUnits
        self.managementObject = managementObject
        self.supplier = supplier
        self.operatorSupplier = operatorSupplier
        self.roleHolders = roleHolders
    }
}

/// What the user sees before anything is written: how the file was read, how its columns are mapped,
/// every row as it would be imported and every problem found. Nothing here touches the database.
public struct SystemImportPreview: Sendable {
    public var encoding: TextEncoding
    /// Nil when the file could not be read as CSV at all.
    public var delimiter: CSVDelimiter?
    public var headerLine: Int
    public var mapping: ImportMapping
    /// Rows that parsed, in file order; rows with issues are included so the preview can show them.
    public var rows: [SystemImportRow]
    /// Lines with text only in ignored columns, left out. Blank lines are not listed.
    public var skippedLines: [Int]
    /// Every problem, sorted by line. Any issue stops the whole import.
    public var issues: [ImportIssue]

    public init(
        encoding: TextEncoding, delimiter: CSVDelimiter?, headerLine: Int, mapping: ImportMapping,
        rows: [SystemImportRow], skippedLines: [Int], issues: [ImportIssue]
    ) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.headerLine = headerLine
        self.mapping = mapping
        self.rows = rows
        self.skippedLines = skippedLines
        self.issues = issues
    }

    public var hasErrors: Bool { !issues.isEmpty }
}

/// Reads a municipality's system list (CSV from Excel) into checked drafts. All or nothing: the
/// preview collects every issue; the app stores nothing unless there are none after `resolve`.
public struct SystemImporter: Sendable {
    public var schema: SystemImportSchema

    public init(schema: SystemImportSchema = .standard) {
        self.schema = schema
    }

    public func prepare(_ data: Data, userMapping: [String: String] = [:]) -> SystemImportPreview {
        prepare([UInt8](data), userMapping: userMapping)
    }

    /// Decodes, parses, maps (suggested, then the user's choices on top) and checks every row.
    /// Rows are read only when the mapping is valid: with a wrong mapping their messages would mislead.
    public func prepare(_ bytes: [UInt8], userMapping: [String: String] = [:]) -> SystemImportPreview {
        let decoded = TextDecoding.decode(bytes)
        let table: CSVTable
        do {
            table = try CSV.table(decoded.text)
        } catch {
            return SystemImportPreview(
                encoding: decoded.encoding, delimiter: nil, headerLine: 1, mapping: ImportMapping(columns: []),
                rows: [], skippedLines: [],
                issues: [ImportIssue(line: error.line, column: nil, field: "file", message: error.message)])
        }
        let suggested = ImportMapping.suggested(headers: table.headers, schema: schema)
        let (mapping, choiceIssues) = suggested.overriding(
            with: userMapping, schema: schema, headerLine: table.headerLine)
        let mappingIssues = choiceIssues + mapping.validate(headerLine: table.headerLine, schema: schema)
        guard mappingIssues.isEmpty else {
            return SystemImportPreview(
                encoding: decoded.encoding, delimiter: table.delimiter, headerLine: table.headerLine, mapping: mapping,
                rows: [], skippedLines: [], issues: mappingIssues)
        }
        let result = rows(of: table, mapping: mapping)
        return SystemImportPreview(
            encoding: decoded.encoding, delimiter: table.delimiter, headerLine: table.headerLine, mapping: mapping,
            rows: result.rows, skippedLines: result.skippedLines, issues: result.issues)
    }

    /// Parses and checks the data rows of `table` with a mapping that has passed `validate`.
    public func rows(
        of table: CSVTable, mapping: ImportMapping
    )
        -> (rows: [SystemImportRow], skippedLines: [Int], issues: [ImportIssue])
    {
        var rows: [SystemImportRow] = []
        var skipped: [Int] = []
        var issues: [ImportIssue] = []
        var firstLineByName: [String: Int] = [:]
        let mapped = mapping.mappedColumns
        let nameColumn = mapping.column(for: .name)?.displayName

        for csvRow in table.rows {
            let cells = mapped.map { column -> (ImportMapping.Column, String) in
                let raw = column.index < csvRow.fields.count ? csvRow.fields[column.index] : ""
                let value = CSV.removingFormulaGuard(raw.trimmed).trimmed
                return (column, ImportText.isPlaceholder(value) ? "" : value)
            }
            guard cells.contains(where: { !$0.1.isEmpty }) else {
                skipped.append(csvRow.line)
                continue
            }
            var rowIssues: [ImportIssue] = []
            for i in table.headers.count..<max(csvRow.fields.count, table.headers.count)
            where !csvRow.fields[i].trimmed.isEmpty {
                rowIssues.append(
                    ImportIssue(
                        line: csvRow.line, column: "Kolumn \(ImportMapping.columnLetters(i))", field: "row",
                        message: Localized(
                            sv:
                                "Raden har ett värde (\"\(csvRow.fields[i].trimmed)\") i en kolumn utan rubrik. Ofta betyder det att en cell innehåller avgränsaren utan citattecken runt.",
                            en:
                                "The row has a value (\"\(csvRow.fields[i].trimmed)\") in a column without a heading. This usually means a cell contains the delimiter without quotes around it."
                        )))
            }
            var parser = RowParser(line: csvRow.line)
            for (column, value) in cells where !value.isEmpty {
                parser.read(value, column: column)
            }
            let row = parser.finish()
            rowIssues += parser.issues

            // Checks that need the references as set, so placeholders stand in for the unresolved ids.
            var probe = row.draft
            let placeholder = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
            if row.ownerOrgUnit != nil { probe.ownerOrgUnitId = placeholder }
            if row.managementObject != nil { probe.managementObjectId = placeholder }
            if row.supplier != nil { probe.supplierId = placeholder }
            if row.operatorSupplier != nil { probe.operatorSupplierId = placeholder }
            for issue in probe.validate() {
                let path = String(issue.field.prefix { $0 != "[" })
                let column = mapping.columns.first { $0.field?.draftPath == path }
                rowIssues.append(
                    ImportIssue(
                        line: csvRow.line, column: column?.displayName, field: column?.field?.code ?? issue.field,
                        message: issue.message))
            }

            let nameKey = row.draft.name.lowercased()
            if !nameKey.isEmpty {
                if let earlier = firstLineByName[nameKey] {
                    rowIssues.append(
                        ImportIssue(
                            line: csvRow.line, column: nameColumn, field: "name",
                            message: Localized(
                                sv:
                                    "Systemet \"\(row.draft.name)\" finns redan på rad \(earlier) i filen. Varje system får bara stå på en rad.",
                                en:
                                    "The system \"\(row.draft.name)\" is already on line \(earlier) of the file. Each system may appear on one line only."
                            )))
                } else {
                    firstLineByName[nameKey] = csvRow.line
                }
            }
            rows.append(row)
            issues += rowIssues
        }
        return (rows, skipped, issues)
    }
}

/// Fills one row's draft from its cells, collecting an issue for each cell that can't be read.
struct RowParser {
    let line: Int
    private(set) var issues: [ImportIssue] = []
    private var row: SystemImportRow
    private var filled: Set<SystemImportField.Kind> = []

    init(line: Int) {
        self.line = line
        // E3/F2: a system is common only when the kommunstyrelse has decided so; without a
        // category column every system is a verksamhetssystem.
        row = SystemImportRow(line: line, draft: ITSystemDraft(name: "", category: .business))
    }

    mutating func read(_ value: String, column: ImportMapping.Column) {
        guard let field = column.field else { return }
        let heading = column.displayName
        filled.insert(field.kind)

        func fail(_ sv: String, _ en: String) {
            issues.append(
                ImportIssue(line: line, column: heading, field: field.code, message: Localized(sv: sv, en: en)))
        }
        func fail(_ failure: LocalizedFailure) {
            issues.append(ImportIssue(line: line, column: heading, field: field.code, message: failure.message))
        }
        func vocabulary<T>(_ vocabulary: ValueVocabulary<T>, _ assign: (T) -> Void) {
            if let v = vocabulary.value(for: value) {
                assign(v)
            } else {
                let valid = vocabulary.suggestions.joined(separator: ", ")
                fail(
                    "\"\(value)\" är inget giltigt värde för \(ImportText.inSentence(field.label.sv)). Giltiga värden: \(valid).",
                    "\"\(value)\" is not a valid value for \(ImportText.inSentence(field.label.en)). Valid values: \(valid)."
                )
            }
        }
        func day(_ assign: (CalendarDay) -> Void) {
            switch CellParser.day(value) {
            case .success(let d): assign(d)
            case .failure(let f): fail(f)
            }
        }
        func level(_ assign: (ClassificationLevel) -> Void) {
            switch CellParser.level(value) {
            case .success(let l): assign(l)
            case .failure(let f): fail(f)
            }
        }
        func hours(_ assign: (Int) -> Void) {
            if let n = CellParser.integer(value, units: ["timmar", "timme", "tim", "h", "t"]) {
                assign(n)
            } else {
                fail(
                    "\"\(value)\" är inget antal timmar. Ange ett heltal, till exempel 24.",
                    "\"\(value)\" is not a number of hours. Give a whole number, for example 24.")
            }
        }
        func reference() -> NameReference { NameReference(name: value, column: heading) }

        switch field.kind {
        case .name: row.draft.name = value
        case .aliases: row.draft.aliases = ImportText.list(value)
        case .description: row.draft.description = value
        case .category: vocabulary(ImportVocabulary.category) { row.draft.category = $0 }
        case .systemType: vocabulary(ImportVocabulary.systemType) { row.draft.systemType = $0 }
        case .ownerOrgUnit: row.ownerOrgUnit = reference()
        case .userOrgUnits:
            row.userOrgUnits = ImportText.list(value).map { NameReference(name: $0, column: heading) }
            row.userOrgUnitsCell = value.trimmed
        case .managementObject: row.managementObject = reference()
        case .lifecycleStatus: vocabulary(ImportVocabulary.lifecycle) { row.draft.lifecycleStatus = $0 }
        case .plannedStartOn: day { row.draft.plannedStartOn = $0 }
        case .productionStartOn: day { row.draft.productionStartOn = $0 }
        case .decommissionPlannedOn: day { row.draft.decommissionPlannedOn = $0 }
        case .decommissionedOn: day { row.draft.decommissionedOn = $0 }
        case .criticality: vocabulary(ImportVocabulary.criticality) { row.draft.criticality = $0 }
        case .operationMode: vocabulary(ImportVocabulary.operationMode) { row.draft.operationMode = $0 }
        case .operatorSupplier: row.operatorSupplier = reference()
        case .product: row.draft.product = value
        case .version: row.draft.version = value
        case .supplier: row.supplier = reference()
        case .userCount:
            if let n = CellParser.integer(value) {
                row.draft.userCount = n
            } else {
                fail(
                    "\"\(value)\" är inget antal. Ange ett heltal, till exempel 1 200.",
                    "\"\(value)\" is not a number. Give a whole number, for example 1200.")
            }
        case .confidentiality: level { row.draft.classification.confidentiality = $0 }
        case .integrity: level { row.draft.classification.integrity = $0 }
        case .availability: level { row.draft.classification.availability = $0 }
        case .traceability: level { row.draft.classification.traceability = $0 }
        case .classifiedOn: day { row.draft.classification.classifiedOn = $0 }
        case .classificationValidUntil: day { row.draft.classification.validUntil = $0 }
        case .personalData: vocabulary(ImportVocabulary.personalData) { row.draft.personalData.level = $0 }
        case .purpose: row.draft.personalData.purpose = value
        case .legalBasis: vocabulary(ImportVocabulary.legalBasis) { row.draft.personalData.legalBasis = $0 }
        case .dataSubjectCategories: row.draft.personalData.dataSubjectCategories = ImportText.list(value)
        case .processorAgreement:
            vocabulary(ImportVocabulary.processorAgreement) { row.draft.personalData.processorAgreement = $0 }
        case .processorAgreementRef: row.draft.personalData.processorAgreementRef = value
        case .retention: row.draft.personalData.retention = value
        case .nis2: vocabulary(ImportVocabulary.nis2) { row.draft.nis2 = $0 }
        case .usesAI: vocabulary(ImportVocabulary.bool) { row.draft.ai.usesAI = $0 }
        case .aiRiskClass: vocabulary(ImportVocabulary.aiRiskClass) { row.draft.ai.riskClass = $0 }
        case .rpoHours: hours { row.draft.backup.rpoHours = $0 }
        case .rtoHours: hours { row.draft.backup.rtoHours = $0 }
        case .tags: row.draft.tags = ImportText.list(value)
        case .documentationLink:
            // One column, possibly several addresses; "www.…" is how people paste a link.
            row.draft.documentationLinks = ImportText.list(value, splitOnCommas: false)
                .flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
                .map {
                    ITSystemDraft.Link(
                        title: "Dokumentation", url: $0.lowercased().hasPrefix("www.") ? "https://" + $0 : $0)
                }
        case .role(let key, let holding):
            // One person per line, `;` or `|`; never split on commas: "Berg, Anna" is one person.
            row.roleHolders += ImportText.list(value, splitOnCommas: false).map {
                RoleHolderReference(roleKey: key, holding: holding, cell: $0, column: heading)
            }
        }
    }

    /// The row with what an empty cell implies from its neighbours filled in. Only empty cells are
    /// inferred, never a value the user wrote.
    mutating func finish() -> SystemImportRow {
        if !filled.contains(.operationMode), row.operatorSupplier != nil {
            row.draft.operationMode = .external  // D7: a named driftpartner means someone else runs it
        }
        if !filled.contains(.usesAI), let risk = row.draft.ai.riskClass, risk != .notAssessed {
            row.draft.ai.usesAI = true
        }
        if !filled.contains(.lifecycleStatus), row.draft.decommissionedOn != nil {
            row.draft.lifecycleStatus = .decommissioned
        }
        row.draft = row.draft.normalized()
        return row
    }
}
