import Foundation

/// Everything a user or an integration submits about an IT system: the body of the API's create and
/// update requests, the result of parsing the web form and of importing a row. Checked by `validate()`
/// before anything is stored; references to other records are checked by the app, which has the data.
public struct ITSystemDraft: RecordDraft, Hashable, Codable {
    public struct Classification: Sendable, Hashable, Codable {
        public var confidentiality: ClassificationLevel?
        public var integrity: ClassificationLevel?
        public var availability: ClassificationLevel?
        /// F5: spårbarhet.
        public var traceability: ClassificationLevel?
        public var classifiedByPersonId: UUID?
        public var classifiedOn: CalendarDay?
        public var validUntil: CalendarDay?

        public init(
            confidentiality: ClassificationLevel? = nil, integrity: ClassificationLevel? = nil,
            availability: ClassificationLevel? = nil, traceability: ClassificationLevel? = nil,
            classifiedByPersonId: UUID? = nil, classifiedOn: CalendarDay? = nil, validUntil: CalendarDay? = nil
        ) {
            self.confidentiality = confidentiality
            self.integrity = integrity
            self.availability = availability
            self.traceability = traceability
            self.classifiedByPersonId = classifiedByPersonId
            self.classifiedOn = classifiedOn
            self.validUntil = validUntil
        }

        /// Classified when all three KLASSA aspects have a level (spårbarhet is optional in KLASSA).
        public var isComplete: Bool { confidentiality != nil && integrity != nil && availability != nil }

        /// The highest level among the aspects: access review intervals and protection follow it (T9).
        public var highestLevel: ClassificationLevel? {
            [confidentiality, integrity, availability, traceability].compactMap { $0 }.max()
        }
    }

    /// The GDPR art. 30 record for the system (T4/L7).
    public struct PersonalData: Sendable, Hashable, Codable {
        public var level: PersonalDataLevel
        public var purpose: String
        public var legalBasis: LegalBasis?
        public var dataSubjectCategories: [String]
        public var processorAgreement: ProcessorAgreementStatus?
        public var processorAgreementRef: String
        public var retention: String

        public init(
            level: PersonalDataLevel = .none, purpose: String = "", legalBasis: LegalBasis? = nil,
            dataSubjectCategories: [String] = [], processorAgreement: ProcessorAgreementStatus? = nil,
            processorAgreementRef: String = "", retention: String = ""
        ) {
            self.level = level
            self.purpose = purpose
            self.legalBasis = legalBasis
            self.dataSubjectCategories = dataSubjectCategories
            self.processorAgreement = processorAgreement
            self.processorAgreementRef = processorAgreementRef
            self.retention = retention
        }

        enum CodingKeys: String, CodingKey {
            case level, purpose, legalBasis, dataSubjectCategories, processorAgreement, processorAgreementRef, retention
        }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            level = try c.decodeIfPresent(PersonalDataLevel.self, forKey: .level) ?? .none
            purpose = try c.decodeIfPresent(String.self, forKey: .purpose) ?? ""
            legalBasis = try c.decodeIfPresent(LegalBasis.self, forKey: .legalBasis)
            dataSubjectCategories = try c.decodeIfPresent([String].self, forKey: .dataSubjectCategories) ?? []
            processorAgreement = try c.decodeIfPresent(ProcessorAgreementStatus.self, forKey: .processorAgreement)
            processorAgreementRef = try c.decodeIfPresent(String.self, forKey: .processorAgreementRef) ?? ""
            retention = try c.decodeIfPresent(String.self, forKey: .retention) ?? ""
        }
    }

    /// AI use and the EU AI Act risk class.
    public struct AIUse: Sendable, Hashable, Codable {
        public var usesAI: Bool
        public var riskClass: AIRiskClass?
        public var description: String

        public init(usesAI: Bool = false, riskClass: AIRiskClass? = nil, description: String = "") {
            self.usesAI = usesAI
            self.riskClass = riskClass
            self.description = description
        }

        enum CodingKeys: String, CodingKey { case usesAI, riskClass, description }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            usesAI = try c.decodeIfPresent(Bool.self, forKey: .usesAI) ?? false
            riskClass = try c.decodeIfPresent(AIRiskClass.self, forKey: .riskClass)
            description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        }
    }

    /// Backup and the recovery objectives agreed for it.
    public struct Backup: Sendable, Hashable, Codable {
        public var isBackedUp: Bool?
        /// Recovery point objective: how many hours of data may be lost.
        public var rpoHours: Int?
        /// Recovery time objective: how many hours until the system is back.
        public var rtoHours: Int?

        public init(isBackedUp: Bool? = nil, rpoHours: Int? = nil, rtoHours: Int? = nil) {
            self.isBackedUp = isBackedUp
            self.rpoHours = rpoHours
            self.rtoHours = rtoHours
        }
    }

    public struct Link: Sendable, Hashable, Codable {
        public var title: String
        public var url: String
        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    public var name: String
    public var aliases: [String]
    public var description: String
    public var category: SystemCategory
    public var systemType: SystemType
    public var ownerOrgUnitId: UUID?
    public var userOrgUnitIds: [UUID]
    /// pm3 förvaltningsobjekt the system belongs to.
    public var managementObjectId: UUID?
    public var lifecycleStatus: LifecycleStatus
    public var plannedStartOn: CalendarDay?
    /// D7: production start is documented.
    public var productionStartOn: CalendarDay?
    public var decommissionPlannedOn: CalendarDay?
    public var decommissionedOn: CalendarDay?
    public var criticality: Criticality
    public var operationMode: OperationMode
    /// The driftpartner when someone other than the IT unit runs the system (D7).
    public var operatorSupplierId: UUID?
    public var product: String
    public var version: String
    public var supplierId: UUID?
    public var userCount: Int?
    public var classification: Classification
    public var personalData: PersonalData
    public var nis2: Nis2Applicability
    public var ai: AIUse
    public var backup: Backup
    public var documentationLinks: [Link]
    public var tags: [String]

    public init(
        name: String, aliases: [String] = [], description: String = "", category: SystemCategory,
        systemType: SystemType = .support, ownerOrgUnitId: UUID? = nil, userOrgUnitIds: [UUID] = [],
        managementObjectId: UUID? = nil, lifecycleStatus: LifecycleStatus = .inProduction,
        plannedStartOn: CalendarDay? = nil, productionStartOn: CalendarDay? = nil,
        decommissionPlannedOn: CalendarDay? = nil, decommissionedOn: CalendarDay? = nil,
        criticality: Criticality = .medium, operationMode: OperationMode = .inHouse, operatorSupplierId: UUID? = nil,
        product: String = "", version: String = "", supplierId: UUID? = nil, userCount: Int? = nil,
        classification: Classification = .init(), personalData: PersonalData = .init(),
        nis2: Nis2Applicability = .notAssessed, ai: AIUse = .init(), backup: Backup = .init(),
        documentationLinks: [Link] = [], tags: [String] = []
    ) {
        self.name = name
        self.aliases = aliases
        self.description = description
        self.category = category
        self.systemType = systemType
        self.ownerOrgUnitId = ownerOrgUnitId
        self.userOrgUnitIds = userOrgUnitIds
        self.managementObjectId = managementObjectId
        self.lifecycleStatus = lifecycleStatus
        self.plannedStartOn = plannedStartOn
        self.productionStartOn = productionStartOn
        self.decommissionPlannedOn = decommissionPlannedOn
        self.decommissionedOn = decommissionedOn
        self.criticality = criticality
        self.operationMode = operationMode
        self.operatorSupplierId = operatorSupplierId
        self.product = product
        self.version = version
        self.supplierId = supplierId
        self.userCount = userCount
        self.classification = classification
        self.personalData = personalData
        self.nis2 = nis2
        self.ai = ai
        self.backup = backup
        self.documentationLinks = documentationLinks
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case name, aliases, description, category, systemType, ownerOrgUnitId, userOrgUnitIds, managementObjectId
        case lifecycleStatus, plannedStartOn, productionStartOn, decommissionPlannedOn, decommissionedOn
        case criticality, operationMode, operatorSupplierId, product, version, supplierId, userCount
        case classification, personalData, nis2, ai, backup, documentationLinks, tags
    }

    /// Only `name` and `category` are required; everything else has the default a new system gets.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        category = try c.decode(SystemCategory.self, forKey: .category)
        systemType = try c.decodeIfPresent(SystemType.self, forKey: .systemType) ?? .support
        ownerOrgUnitId = try c.decodeIfPresent(UUID.self, forKey: .ownerOrgUnitId)
        userOrgUnitIds = try c.decodeIfPresent([UUID].self, forKey: .userOrgUnitIds) ?? []
        managementObjectId = try c.decodeIfPresent(UUID.self, forKey: .managementObjectId)
        lifecycleStatus = try c.decodeIfPresent(LifecycleStatus.self, forKey: .lifecycleStatus) ?? .inProduction
        plannedStartOn = try c.decodeIfPresent(CalendarDay.self, forKey: .plannedStartOn)
        productionStartOn = try c.decodeIfPresent(CalendarDay.self, forKey: .productionStartOn)
        decommissionPlannedOn = try c.decodeIfPresent(CalendarDay.self, forKey: .decommissionPlannedOn)
        decommissionedOn = try c.decodeIfPresent(CalendarDay.self, forKey: .decommissionedOn)
        criticality = try c.decodeIfPresent(Criticality.self, forKey: .criticality) ?? .medium
        operationMode = try c.decodeIfPresent(OperationMode.self, forKey: .operationMode) ?? .inHouse
        operatorSupplierId = try c.decodeIfPresent(UUID.self, forKey: .operatorSupplierId)
        product = try c.decodeIfPresent(String.self, forKey: .product) ?? ""
        version = try c.decodeIfPresent(String.self, forKey: .version) ?? ""
        supplierId = try c.decodeIfPresent(UUID.self, forKey: .supplierId)
        userCount = try c.decodeIfPresent(Int.self, forKey: .userCount)
        classification = try c.decodeIfPresent(Classification.self, forKey: .classification) ?? .init()
        personalData = try c.decodeIfPresent(PersonalData.self, forKey: .personalData) ?? .init()
        nis2 = try c.decodeIfPresent(Nis2Applicability.self, forKey: .nis2) ?? .notAssessed
        ai = try c.decodeIfPresent(AIUse.self, forKey: .ai) ?? .init()
        backup = try c.decodeIfPresent(Backup.self, forKey: .backup) ?? .init()
        documentationLinks = try c.decodeIfPresent([Link].self, forKey: .documentationLinks) ?? []
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
    }

    /// Tidies what people type (trims text, drops empty and repeated aliases and tags, lower-cases tags)
    /// so that the stored record and its history show what was meant.
    public func normalized() -> ITSystemDraft {
        var copy = self
        copy.name = name.trimmed
        copy.aliases = Self.uniqueNonEmpty(aliases.map(\.trimmed))
        copy.description = description.trimmed
        copy.product = product.trimmed
        copy.version = version.trimmed
        copy.tags = Self.uniqueNonEmpty(tags.map { $0.trimmed.lowercased() })
        copy.userOrgUnitIds = Self.unique(userOrgUnitIds)
        copy.personalData.purpose = personalData.purpose.trimmed
        copy.personalData.dataSubjectCategories = Self.uniqueNonEmpty(personalData.dataSubjectCategories.map(\.trimmed))
        copy.personalData.processorAgreementRef = personalData.processorAgreementRef.trimmed
        copy.personalData.retention = personalData.retention.trimmed
        copy.ai.description = ai.description.trimmed
        copy.documentationLinks = documentationLinks.map { Link(title: $0.title.trimmed, url: $0.url.trimmed) }
            .filter { !($0.title.isEmpty && $0.url.isEmpty) }
        return copy
    }

    private static func uniqueNonEmpty(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    private static func unique(_ values: [UUID]) -> [UUID] {
        var seen = Set<UUID>()
        return values.filter { seen.insert($0).inserted }
    }

    /// The checks that need nothing but the draft itself. Call on a normalized draft.
    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(name, field: "name", label: Localized(sv: "Namn", en: "Name"), max: 200)
        for (i, alias) in aliases.enumerated() {
            v.limit(alias, field: "aliases[\(i)]", label: Localized(sv: "Alias", en: "Alias"), max: 200)
        }
        v.limit(description, field: "description", label: Localized(sv: "Beskrivning", en: "Description"), max: 10_000)
        v.limit(product, field: "product", label: Localized(sv: "Produkt", en: "Product"), max: 200)
        v.limit(version, field: "version", label: Localized(sv: "Version", en: "Version"), max: 100)
        if let count = userCount, count < 0 || count > 10_000_000 {
            v.add(
                "userCount", sv: "Antal användare måste vara mellan 0 och 10 000 000.",
                en: "Number of users must be between 0 and 10,000,000.")
        }
        if let start = productionStartOn, let end = decommissionedOn, end < start {
            v.add(
                "decommissionedOn", sv: "Avvecklingsdatum kan inte ligga före driftstart (\(start)).",
                en: "The decommissioning date can't be before production start (\(start)).")
        }
        if let planned = decommissionPlannedOn, let start = productionStartOn, planned < start {
            v.add(
                "decommissionPlannedOn", sv: "Planerad avveckling kan inte ligga före driftstart (\(start)).",
                en: "Planned decommissioning can't be before production start (\(start)).")
        }
        if lifecycleStatus != .decommissioned, decommissionedOn != nil {
            v.add(
                "decommissionedOn",
                sv: "Ange avvecklingsdatum bara för ett avvecklat system, eller ändra livscykelstatus till Avvecklad.",
                en:
                    "Only a decommissioned system has a decommissioning date: clear it or set the lifecycle to Decommissioned."
            )
        }
        if operationMode == .inHouse, operatorSupplierId != nil {
            v.add(
                "operatorSupplierId",
                sv:
                    "Vid egen drift finns ingen extern driftpartner: välj Extern drift eller Molntjänst, eller ta bort driftpartnern.",
                en:
                    "An in-house system has no external operator: choose external or cloud operation, or remove the operator."
            )
        }
        if let from = classification.classifiedOn, let until = classification.validUntil, until <= from {
            v.add(
                "classification.validUntil",
                sv: "Klassningen måste gälla till ett datum efter klassningsdatumet (\(from)).",
                en: "The classification must be valid until a date after it was made (\(from)).")
        }
        for (i, category) in personalData.dataSubjectCategories.enumerated() {
            v.limit(
                category, field: "personalData.dataSubjectCategories[\(i)]",
                label: Localized(sv: "Kategori av registrerade", en: "Data subject category"), max: 200)
        }
        v.limit(
            personalData.purpose, field: "personalData.purpose", label: Localized(sv: "Ändamål", en: "Purpose"),
            max: 2_000)
        v.limit(
            personalData.retention, field: "personalData.retention", label: Localized(sv: "Gallring", en: "Retention"),
            max: 500)
        v.limit(
            personalData.processorAgreementRef, field: "personalData.processorAgreementRef",
            label: Localized(sv: "Avtalsreferens", en: "Agreement reference"), max: 200)
        if !ai.usesAI, let risk = ai.riskClass, risk != .notAssessed {
            v.add(
                "ai.riskClass", sv: "Ange att systemet använder AI innan du anger riskklass enligt AI-förordningen.",
                en: "Mark the system as using AI before giving its AI Act risk class.")
        }
        v.limit(
            ai.description, field: "ai.description", label: Localized(sv: "Beskrivning av AI", en: "AI description"),
            max: 2_000)
        for (field, value) in [("backup.rpoHours", backup.rpoHours), ("backup.rtoHours", backup.rtoHours)] {
            if let hours = value, hours < 0 || hours > 8_760 {
                v.add(
                    field, sv: "Ange ett antal timmar mellan 0 och 8 760 (ett år).",
                    en: "Enter a number of hours between 0 and 8,760 (one year).")
            }
        }
        for (i, link) in documentationLinks.enumerated() {
            if link.title.isEmpty {
                v.add("documentationLinks[\(i)].title", sv: "Ge länken en rubrik.", en: "Give the link a title.")
            }
            v.limit(
                link.title, field: "documentationLinks[\(i)].title", label: Localized(sv: "Rubrik", en: "Title"),
                max: 200)
            if !link.url.isWebURL || link.url.unicodeScalars.count > 2_000 {
                v.add(
                    "documentationLinks[\(i)].url", sv: "Ange en fullständig webbadress som börjar med https://.",
                    en: "Enter a full web address starting with https://.")
            }
        }
        for (i, tag) in tags.enumerated() {
            v.limit(tag, field: "tags[\(i)]", label: Localized(sv: "Etikett", en: "Tag"), max: 50)
        }
        return v.issues
    }
}
