import Foundation

/// A column of a system list that the importer understands: a field of `ITSystemDraft`, a reference
/// by name to another record, or the holder of a system role.
public struct SystemImportField: Sendable, Hashable {
    /// What the column fills in.
    public enum Kind: Sendable, Hashable {
        case name, aliases, description, category, systemType
        case ownerOrgUnit, userOrgUnits, managementObject
        case lifecycleStatus, plannedStartOn, productionStartOn, decommissionPlannedOn, decommissionedOn
        case criticality, operationMode, operatorSupplier, product, version, supplier, userCount
        case confidentiality, integrity, availability, traceability, classifiedOn, classificationValidUntil
        case personalData, purpose, legalBasis, dataSubjectCategories, processorAgreement, processorAgreementRef
        case retention, nis2, usesAI, aiRiskClass, rpoHours, rtoHours, tags, documentationLink
        /// A person holding a system-scoped role (`RoleDefinition.key`), as primary or deputy.
        case role(key: String, holding: RoleHolding)

        /// The stable code used in saved mappings and on the command line (`--map "Namn=name"`).
        public var code: String {
            switch self {
            case .role(let key, .primary): "role.\(key)"
            case .role(let key, let holding): "role.\(key).\(holding.rawValue)"
            default: SystemImportField.codes[self]!
            }
        }
    }

    public var kind: Kind
    public var label: Localized
    /// Headings that select this field, labels included. Compared ignoring case, diacritics,
    /// punctuation, a trailing ":" and parenthesised parts.
    public var headings: [String]

    public init(kind: Kind, label: Localized, headings: [String]) {
        self.kind = kind
        self.label = label
        var all = [label.sv, label.en]
        for h in headings where !all.contains(h) { all.append(h) }
        self.headings = all
    }

    /// The stable code used in saved mappings and on the command line (`--map "Namn=name"`).
    public var code: String { kind.code }

    /// The `ValidationIssue.field` of `ITSystemDraft.validate()` this column fills, so that a draft's
    /// issue can be shown at the cell it came from. Nil for role columns, which are not in the draft.
    public var draftPath: String? {
        switch kind {
        case .role: nil
        default: Self.draftPaths[kind] ?? Self.codes[kind]
        }
    }

    fileprivate static let codes: [Kind: String] = [
        .name: "name", .aliases: "aliases", .description: "description", .category: "category",
        .systemType: "systemType", .ownerOrgUnit: "ownerOrgUnit", .userOrgUnits: "userOrgUnits",
        .managementObject: "managementObject", .lifecycleStatus: "lifecycleStatus", .plannedStartOn: "plannedStartOn",
        .productionStartOn: "productionStartOn", .decommissionPlannedOn: "decommissionPlannedOn",
        .decommissionedOn: "decommissionedOn", .criticality: "criticality", .operationMode: "operationMode",
        .operatorSupplier: "operator", .product: "product", .version: "version", .supplier: "supplier",
        .userCount: "userCount", .confidentiality: "confidentiality", .integrity: "integrity",
        .availability: "availability", .traceability: "traceability", .classifiedOn: "classifiedOn",
        .classificationValidUntil: "classificationValidUntil", .personalData: "personalData", .purpose: "purpose",
        .legalBasis: "legalBasis", .dataSubjectCategories: "dataSubjectCategories",
        .processorAgreement: "processorAgreement", .processorAgreementRef: "processorAgreementRef",
        .retention: "retention", .nis2: "nis2", .usesAI: "usesAI", .aiRiskClass: "aiRiskClass",
        .rpoHours: "rpoHours", .rtoHours: "rtoHours", .tags: "tags", .documentationLink: "documentationLink",
    ]

    private static let draftPaths: [Kind: String] = [
        .ownerOrgUnit: "ownerOrgUnitId", .userOrgUnits: "userOrgUnitIds", .managementObject: "managementObjectId",
        .operatorSupplier: "operatorSupplierId", .supplier: "supplierId",
        .confidentiality: "classification.confidentiality", .integrity: "classification.integrity",
        .availability: "classification.availability", .traceability: "classification.traceability",
        .classifiedOn: "classification.classifiedOn", .classificationValidUntil: "classification.validUntil",
        .personalData: "personalData.level", .purpose: "personalData.purpose", .legalBasis: "personalData.legalBasis",
        .dataSubjectCategories: "personalData.dataSubjectCategories",
        .processorAgreement: "personalData.processorAgreement",
        .processorAgreementRef: "personalData.processorAgreementRef", .retention: "personalData.retention",
        .usesAI: "ai.usesAI", .aiRiskClass: "ai.riskClass", .rpoHours: "backup.rpoHours",
        .rtoHours: "backup.rtoHours", .documentationLink: "documentationLinks",
    ]

    /// Every field that is not a role, in the order of the export. The first Swedish heading is the
    /// label; the rest are what municipalities' lists actually say.
    static let registerFields: [SystemImportField] = [
        .init(
            kind: .name, label: .init(sv: "Systemnamn", en: "System name"),
            headings: ["System", "Namn", "IT-system", "Systemets namn", "Benämning", "Name"]),
        .init(
            kind: .aliases, label: .init(sv: "Alias", en: "Aliases"),
            headings: ["Andra namn", "Även kallat", "Kallas även", "Kallas också", "Alias"]),
        .init(
            kind: .description, label: .init(sv: "Beskrivning", en: "Description"),
            headings: ["Systembeskrivning", "Kort beskrivning", "Funktion", "Användningsområde"]),
        .init(
            kind: .category, label: .init(sv: "Kategori", en: "Category"),
            headings: ["Systemkategori", "Kommungemensamt eller verksamhetssystem", "Gemensamt/verksamhet"]),
        .init(
            kind: .systemType, label: .init(sv: "Systemtyp", en: "System type"),
            headings: ["Typ", "Typ av system", "Type"]),
        .init(
            kind: .ownerOrgUnit, label: .init(sv: "Ägande förvaltning", en: "Owning org unit"),
            headings: [
                "Förvaltning", "Systemägande förvaltning", "Verksamhet", "Ägande verksamhet",
                "Ägande nämnd", "Nämnd", "Ansvarig förvaltning", "Ägande organisation",
                "Organisationsenhet", "Owner org unit",
            ]),
        .init(
            kind: .userOrgUnits, label: .init(sv: "Användande förvaltningar", en: "User org units"),
            headings: [
                "Används av", "Användande verksamheter", "Berörda förvaltningar", "Nyttjande förvaltningar",
                "Övriga förvaltningar", "Used by",
            ]),
        .init(
            kind: .managementObject, label: .init(sv: "Förvaltningsobjekt", en: "Management object"),
            headings: ["Objekt", "Systemförvaltningsobjekt", "pm3-objekt", "Förvaltningsobjekt (pm3)"]),
        .init(
            kind: .lifecycleStatus, label: .init(sv: "Livscykelstatus", en: "Lifecycle status"),
            headings: ["Status", "Livscykel", "Systemstatus", "Lifecycle"]),
        .init(
            kind: .plannedStartOn, label: .init(sv: "Planerad start", en: "Planned start"),
            headings: ["Planerad driftstart", "Planerat införande"]),
        .init(
            kind: .productionStartOn, label: .init(sv: "Driftstart", en: "Production start"),
            headings: [
                "Driftsättning", "Driftsatt", "I drift sedan", "I drift från", "Produktionsstart",
                "Driftstartdatum", "Driftsdatum",
            ]),
        .init(
            kind: .decommissionPlannedOn, label: .init(sv: "Planerad avveckling", en: "Planned decommissioning"),
            headings: ["Planerat avvecklingsdatum", "Avvecklas", "Ska avvecklas"]),
        .init(
            kind: .decommissionedOn, label: .init(sv: "Avvecklingsdatum", en: "Decommissioned on"),
            headings: ["Avvecklad", "Avvecklat datum", "Avvecklad datum", "Decommissioned"]),
        .init(
            kind: .criticality, label: .init(sv: "Kritikalitet", en: "Criticality"),
            headings: [
                "Verksamhetskritisk", "Verksamhetskritiskt", "Kritiskt system", "Kritisk",
                "Verksamhetskritikalitet",
            ]),
        .init(
            kind: .operationMode, label: .init(sv: "Driftform", en: "Operation mode"),
            headings: ["Drift", "Driftsform", "Driftmiljö", "Driftsmiljö", "Hosting"]),
        .init(
            kind: .operatorSupplier, label: .init(sv: "Driftpartner", en: "Operator"),
            headings: ["Driftleverantör", "Driftsleverantör", "Driftas av", "Driftpartner (leverantör)"]),
        .init(
            kind: .product, label: .init(sv: "Produkt", en: "Product"),
            headings: ["Produktnamn", "Programvara", "Mjukvara", "Applikation"]),
        .init(
            kind: .version, label: .init(sv: "Version", en: "Version"),
            headings: ["Versionsnummer", "Aktuell version"]),
        .init(
            kind: .supplier, label: .init(sv: "Leverantör", en: "Supplier"),
            headings: ["Systemleverantör", "Tillverkare", "Leverantör (system)", "Vendor"]),
        .init(
            kind: .userCount, label: .init(sv: "Antal användare", en: "Number of users"),
            headings: ["Användarantal", "Antal", "Antal licenser", "Users"]),
        .init(
            kind: .confidentiality, label: .init(sv: "Konfidentialitet (K)", en: "Confidentiality"),
            headings: ["Konfidentialitet", "Sekretess", "K", "Klassning K"]),
        .init(
            kind: .integrity, label: .init(sv: "Riktighet (R)", en: "Integrity"),
            headings: ["Riktighet", "R", "Klassning R"]),
        .init(
            kind: .availability, label: .init(sv: "Tillgänglighet (T)", en: "Availability"),
            headings: ["Tillgänglighet", "T", "Klassning T"]),
        .init(
            kind: .traceability, label: .init(sv: "Spårbarhet (S)", en: "Traceability"),
            headings: ["Spårbarhet", "S", "Klassning S"]),
        .init(
            kind: .classifiedOn, label: .init(sv: "Klassningsdatum", en: "Classified on"),
            headings: [
                "Klassad", "Klassad datum", "Informationsklassad", "Datum för klassning",
                "Senast klassad",
            ]),
        .init(
            kind: .classificationValidUntil,
            label: .init(sv: "Klassning gäller till", en: "Classification valid until"),
            headings: ["Klassning giltig till", "Giltig till", "Ny klassning senast", "Omklassning senast"]),
        .init(
            kind: .personalData, label: .init(sv: "Personuppgifter", en: "Personal data"),
            headings: ["Behandlar personuppgifter", "Innehåller personuppgifter", "GDPR", "PuL"]),
        .init(
            kind: .purpose, label: .init(sv: "Ändamål (personuppgifter)", en: "Purpose of processing"),
            headings: ["Ändamål", "Ändamål med behandlingen", "Syfte med behandlingen", "Purpose"]),
        .init(
            kind: .legalBasis, label: .init(sv: "Rättslig grund", en: "Legal basis"),
            headings: ["Laglig grund", "Rättslig grund för behandlingen", "Rättslig grund (GDPR art. 6)"]),
        .init(
            kind: .dataSubjectCategories, label: .init(sv: "Kategorier av registrerade", en: "Data subject categories"),
            headings: ["Registrerade", "De registrerade", "Kategorier registrerade", "Registrerade personer"]),
        .init(
            kind: .processorAgreement, label: .init(sv: "Personuppgiftsbiträdesavtal", en: "Processor agreement"),
            headings: ["PUB-avtal", "PUB", "Biträdesavtal", "PUB-avtal finns", "DPA"]),
        .init(
            kind: .processorAgreementRef,
            label: .init(sv: "Referens till biträdesavtal", en: "Processor agreement reference"),
            headings: ["PUB-avtal referens", "Referens PUB-avtal", "Diarienummer PUB-avtal", "Biträdesavtal referens"]),
        .init(
            kind: .retention, label: .init(sv: "Gallring", en: "Retention"),
            headings: ["Gallringsfrist", "Bevarande och gallring", "Lagringstid", "Gallringsregler"]),
        .init(
            kind: .nis2, label: .init(sv: "NIS2", en: "NIS2"),
            headings: ["NIS 2", "Omfattas av NIS2", "Cybersäkerhetslagen"]),
        .init(
            kind: .usesAI, label: .init(sv: "Använder AI", en: "Uses AI"),
            headings: ["AI", "AI-användning", "Innehåller AI"]),
        .init(
            kind: .aiRiskClass, label: .init(sv: "Riskklass AI", en: "AI risk class"),
            headings: ["AI-riskklass", "Riskklass enligt AI-förordningen", "AI-förordningen"]),
        .init(
            kind: .rpoHours, label: .init(sv: "RPO (timmar)", en: "RPO (hours)"),
            headings: ["RPO", "Återställningspunkt", "Max dataförlust"]),
        .init(
            kind: .rtoHours, label: .init(sv: "RTO (timmar)", en: "RTO (hours)"),
            headings: ["RTO", "Återställningstid", "Max avbrottstid"]),
        .init(
            kind: .tags, label: .init(sv: "Etiketter", en: "Tags"),
            headings: ["Taggar", "Nyckelord"]),
        .init(
            kind: .documentationLink, label: .init(sv: "Dokumentation", en: "Documentation link"),
            headings: ["Länk", "Länk till dokumentation", "Dokumentationslänk", "URL", "Webbadress"]),
    ]

    /// Synonyms for role columns beyond the role's own names, by role key.
    static let roleHeadings: [String: [String]] = [
        RoleCatalogue.systemOwner: ["Systemägare (namn)", "Ansvarig systemägare"],
        RoleCatalogue.systemOwnerIT: ["IT-systemägare", "Systemägare, IT"],
        RoleCatalogue.systemManager: ["Systemansvarig", "Verksamhetssystemförvaltare", "Huvudsystemförvaltare"],
        RoleCatalogue.technicalManager: ["Teknisk förvaltare", "Teknisk kontakt", "IT-förvaltare"],
        RoleCatalogue.informationOwner: ["Informationsansvarig"],
        RoleCatalogue.operationsResponsible: ["Driftansvarig", "Driftsansvarig (person)"],
    ]

    static let deputyHeadings: [String: [String]] = [
        RoleCatalogue.systemManager: [
            "Ersättare", "Systemförvaltare ersättare", "Biträdande systemförvaltare",
            "Ställföreträdande systemförvaltare", "Backup systemförvaltare",
        ]
    ]

    /// The column of the given role and holding.
    static func role(_ definition: RoleDefinition, holding: RoleHolding) -> SystemImportField {
        switch holding {
        case .primary:
            return SystemImportField(
                kind: .role(key: definition.key, holding: .primary), label: definition.name,
                headings: roleHeadings[definition.key] ?? [])
        case .deputy:
            return SystemImportField(
                kind: .role(key: definition.key, holding: .deputy),
                label: Localized(
                    sv: "Ersättare \(definition.name.sv.lowercased())",
                    en: "Deputy \(definition.name.en.lowercased())"),
                headings: deputyHeadings[definition.key] ?? [])
        }
    }
}

/// The importable fields for one municipality's role catalogue: every register field, then a column
/// per system-scoped role, with a deputy column where the governance asks for an ersättare (T11).
public struct SystemImportSchema: Sendable {
    public let fields: [SystemImportField]
    private let byHeading: [String: SystemImportField]
    private let byCode: [String: SystemImportField]
    /// Heading words claimed by two fields; a test keeps this empty.
    let conflicts: [String]

    public static let standard = SystemImportSchema()

    public init(
        roles: [RoleDefinition] = RoleCatalogue.standard, deputyRoleKeys: Set<String> = [RoleCatalogue.systemManager]
    ) {
        var fields = SystemImportField.registerFields
        for role in roles where role.scope == .system {
            fields.append(.role(role, holding: .primary))
            if deputyRoleKeys.contains(role.key) { fields.append(.role(role, holding: .deputy)) }
        }
        var byHeading: [String: SystemImportField] = [:]
        var byCode: [String: SystemImportField] = [:]
        var conflicts: [String] = []
        for field in fields {
            byCode[field.code.lowercased()] = field
            for heading in field.headings {
                let key = ImportText.key(heading, stripParentheses: true)
                if let other = byHeading[key], other.kind != field.kind {
                    conflicts.append("\(heading): \(other.code) / \(field.code)")
                } else {
                    byHeading[key] = field
                }
            }
        }
        self.fields = fields
        self.byHeading = byHeading
        self.byCode = byCode
        self.conflicts = conflicts
    }

    /// The field a heading in the file selects, if any.
    public func field(forHeading heading: String) -> SystemImportField? {
        byHeading[ImportText.key(heading, stripParentheses: true)]
    }

    /// The field named by a code ("ownerOrgUnit", "role.systemforvaltare.ersattare") or, for people
    /// typing a mapping by hand, by any of its headings.
    public func field(code: String) -> SystemImportField? {
        byCode[code.trimmed.lowercased()] ?? field(forHeading: code)
    }

    public func field(_ kind: SystemImportField.Kind) -> SystemImportField? {
        fields.first { $0.kind == kind }
    }
}
