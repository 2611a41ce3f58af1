import Foundation

/// A system as the export needs it: the draft plus the names of the records it refers to, which the
/// app looks up. Role holders are written as given; pass the e-mail when names are not unique.
public struct SystemExportRow: Sendable, Hashable {
    /// A holder of a system role.
    public struct RoleHolder: Sendable, Hashable {
        public var roleKey: String
        public var holding: RoleHolding
        public var person: String

        public init(roleKey: String, holding: RoleHolding = .primary, person: String) {
            self.roleKey = roleKey
            self.holding = holding
            self.person = person
        }
    }

    public var draft: ITSystemDraft
    public var ownerOrgUnit: String
    public var userOrgUnits: [String]
    public var managementObject: String
    public var supplier: String
    public var operatorSupplier: String
    public var roleHolders: [RoleHolder]

    public init(
        draft: ITSystemDraft, ownerOrgUnit: String = "", userOrgUnits: [String] = [], managementObject: String = "",
        supplier: String = "", operatorSupplier: String = "", roleHolders: [RoleHolder] = []
    ) {
        self.draft = draft
        self.ownerOrgUnit = ownerOrgUnit
        self.userOrgUnits = userOrgUnits
        self.managementObject = managementObject
        self.supplier = supplier
        self.operatorSupplier = operatorSupplier
        self.roleHolders = roleHolders
    }
}

/// One role assignment in the L1 report "Rollfördelning över IT-system".
public struct RoleExportRow: Sendable, Hashable {
    /// What the role is held for: a system's, förvaltningsobjekt's or org unit's name; empty for the tenant.
    public var scopeName: String
    public var scope: RoleScopeKind
    public var roleName: Localized
    public var holding: RoleHolding
    public var personName: String
    public var personEmail: String
    public var validFrom: CalendarDay
    public var validTo: CalendarDay?
    public var decisionReference: String

    public init(
        scopeName: String, scope: RoleScopeKind, roleName: Localized, holding: RoleHolding, personName: String,
        personEmail: String = "", validFrom: CalendarDay, validTo: CalendarDay? = nil, decisionReference: String = ""
    ) {
        self.scopeName = scopeName
        self.scope = scope
        self.roleName = roleName
        self.holding = holding
        self.personName = personName
        self.personEmail = personEmail
        self.validFrom = validFrom
        self.validTo = validTo
        self.decisionReference = decisionReference
    }
}

/// One integration, with the systems' names looked up by the app.
public struct IntegrationExportRow: Sendable, Hashable {
    public var draft: IntegrationDraft
    public var sourceSystem: String
    /// Empty when the integration goes to an external party only.
    public var targetSystem: String

    public init(draft: IntegrationDraft, sourceSystem: String, targetSystem: String = "") {
        self.draft = draft
        self.sourceSystem = sourceSystem
        self.targetSystem = targetSystem
    }
}

/// The register as CSV files for Excel (see `CSVWriter` for the format). The systems export uses the
/// importer's own field labels as headings and its vocabulary's labels as values, so a file exported,
/// edited in Excel and imported again changes only what the user changed.
public enum RegisterExport {
    /// The headings of the systems export: each field's label, which the importer recognises.
    public static func systemHeadings(schema: SystemImportSchema = .standard, language: UILanguage = .sv) -> [String] {
        schema.fields.map { $0.label[language] }
    }

    public static func systemsCSV(
        _ rows: [SystemExportRow], schema: SystemImportSchema = .standard, language: UILanguage = .sv
    ) -> [UInt8] {
        var writer = CSVWriter()
        writer.appendRow(systemHeadings(schema: schema, language: language))
        for row in rows {
            writer.appendRow(schema.fields.map { cell(row, $0.kind, language) })
        }
        return writer.bytes
    }

    /// The L1 report: who holds which role for every system (and every other scope).
    public static func rolesCSV(_ rows: [RoleExportRow], language: UILanguage = .sv) -> [UInt8] {
        var writer = CSVWriter()
        let sv = [
            "Gäller för", "Typ", "Roll", "Ordinarie/ersättare", "Person", "E-post", "Från", "Till",
            "Beslutsreferens",
        ]
        let en = [
            "Held for", "Scope", "Role", "Primary/deputy", "Person", "E-mail", "From", "To",
            "Decision reference",
        ]
        writer.appendRow(language == .sv ? sv : en)
        for r in rows {
            writer.appendRow([
                r.scopeName, r.scope.label[language], r.roleName[language], r.holding.label[language], r.personName,
                r.personEmail, r.validFrom.iso, r.validTo?.iso ?? "", r.decisionReference,
            ])
        }
        return writer.bytes
    }

    public static func integrationsCSV(_ rows: [IntegrationExportRow], language: UILanguage = .sv) -> [UInt8] {
        var writer = CSVWriter()
        let sv = ["Från system", "Till system", "Extern part", "Typ", "Information", "Frekvens", "Beskrivning"]
        let en = ["From system", "To system", "External party", "Kind", "Information", "Frequency", "Description"]
        writer.appendRow(language == .sv ? sv : en)
        for r in rows {
            writer.appendRow([
                r.sourceSystem, r.targetSystem, r.draft.externalParty, r.draft.kind.label[language],
                r.draft.information, r.draft.frequency.label[language], r.draft.description,
            ])
        }
        return writer.bytes
    }

    /// Lists are joined by `ListText.join`, so that items keep their commas when read back.
    private static func cell(_ row: SystemExportRow, _ kind: SystemImportField.Kind, _ lang: UILanguage) -> String {
        let d = row.draft
        func list(_ items: [String]) -> String { ListText.join(items) }
        func yesNo(_ b: Bool) -> String { b ? (lang == .sv ? "Ja" : "Yes") : (lang == .sv ? "Nej" : "No") }
        switch kind {
        case .name: return d.name
        case .aliases: return list(d.aliases)
        case .description: return d.description
        case .category: return d.category.label[lang]
        case .systemType: return d.systemType.label[lang]
        case .ownerOrgUnit: return row.ownerOrgUnit
        case .userOrgUnits: return list(row.userOrgUnits)
        case .managementObject: return row.managementObject
        case .lifecycleStatus: return d.lifecycleStatus.label[lang]
        case .plannedStartOn: return d.plannedStartOn?.iso ?? ""
        case .productionStartOn: return d.productionStartOn?.iso ?? ""
        case .decommissionPlannedOn: return d.decommissionPlannedOn?.iso ?? ""
        case .decommissionedOn: return d.decommissionedOn?.iso ?? ""
        case .criticality: return d.criticality.label[lang]
        case .operationMode: return d.operationMode.label[lang]
        case .operatorSupplier: return row.operatorSupplier
        case .product: return d.product
        case .version: return d.version
        case .supplier: return row.supplier
        case .userCount: return d.userCount.map(String.init) ?? ""
        case .confidentiality: return d.classification.confidentiality?.label[lang] ?? ""
        case .integrity: return d.classification.integrity?.label[lang] ?? ""
        case .availability: return d.classification.availability?.label[lang] ?? ""
        case .traceability: return d.classification.traceability?.label[lang] ?? ""
        case .classifiedOn: return d.classification.classifiedOn?.iso ?? ""
        case .classificationValidUntil: return d.classification.validUntil?.iso ?? ""
        case .personalData: return d.personalData.level.label[lang]
        case .purpose: return d.personalData.purpose
        case .legalBasis: return d.personalData.legalBasis?.label[lang] ?? ""
        case .dataSubjectCategories: return list(d.personalData.dataSubjectCategories)
        case .processorAgreement: return d.personalData.processorAgreement?.label[lang] ?? ""
        case .processorAgreementRef: return d.personalData.processorAgreementRef
        case .retention: return d.personalData.retention
        case .nis2: return d.nis2.label[lang]
        case .usesAI: return yesNo(d.ai.usesAI)
        case .aiRiskClass: return d.ai.riskClass?.label[lang] ?? ""
        case .rpoHours: return d.backup.rpoHours.map(String.init) ?? ""
        case .rtoHours: return d.backup.rtoHours.map(String.init) ?? ""
        case .tags: return list(d.tags)
        // Link titles are not exported: the column holds addresses, which is what Excel users edit.
        case .documentationLink: return d.documentationLinks.map(\.url).joined(separator: "\n")
        case .role(let key, let holding):
            return list(row.roleHolders.filter { $0.roleKey == key && $0.holding == holding }.map(\.person))
        }
    }
}
