// The closed vocabularies of the system register. Raw values are the stable codes stored in the
// database, sent over the API and accepted in imports; labels are what people read.

/// E3/F2: a system is either common to the whole organisation or tailored to one business.
public enum SystemCategory: String, LabelledValue {
    case common = "kommungemensamt"
    case business = "verksamhetssystem"

    public var label: Localized {
        switch self {
        case .common: Localized(sv: "Kommungemensamt", en: "Common (organisation-wide)")
        case .business: Localized(sv: "Verksamhetssystem", en: "Business system")
        }
    }
}

/// The finer type within a category.
public enum SystemType: String, LabelledValue {
    case support = "stodsystem"
    case infrastructure = "infrastruktur"
    case platform = "plattform"
    case eService = "e-tjanst"

    public var label: Localized {
        switch self {
        case .support: Localized(sv: "Stödsystem", en: "Support system")
        case .infrastructure: Localized(sv: "Infrastruktur", en: "Infrastructure")
        case .platform: Localized(sv: "Plattform", en: "Platform")
        case .eService: Localized(sv: "E-tjänst", en: "E-service")
        }
    }
}

/// Where a system is in its life, from plans to decommissioning.
public enum LifecycleStatus: String, LabelledValue {
    case planned = "planerad"
    case implementing = "under-inforande"
    case inProduction = "i-drift"
    case decommissioning = "under-avveckling"
    case decommissioned = "avvecklad"

    public var label: Localized {
        switch self {
        case .planned: Localized(sv: "Planerad", en: "Planned")
        case .implementing: Localized(sv: "Under införande", en: "Being implemented")
        case .inProduction: Localized(sv: "I drift", en: "In production")
        case .decommissioning: Localized(sv: "Under avveckling", en: "Being decommissioned")
        case .decommissioned: Localized(sv: "Avvecklad", en: "Decommissioned")
        }
    }

    /// Systems that are still part of the living register (role requirements apply to them).
    public var isActive: Bool { self != .decommissioned }
}

/// How much the organisation suffers when the system is unavailable.
public enum Criticality: String, LabelledValue {
    case low = "lag"
    case medium = "medel"
    case high = "hog"
    case critical = "kritisk"

    public var label: Localized {
        switch self {
        case .low: Localized(sv: "Låg", en: "Low")
        case .medium: Localized(sv: "Medel", en: "Medium")
        case .high: Localized(sv: "Hög", en: "High")
        case .critical: Localized(sv: "Samhällskritisk", en: "Critical")
        }
    }

    /// Sorting order: most critical last.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }
}

/// D7: who runs the system.
public enum OperationMode: String, LabelledValue {
    case inHouse = "egen-drift"
    case external = "extern-drift"
    case cloud = "moln"

    public var label: Localized {
        switch self {
        case .inHouse: Localized(sv: "Egen drift", en: "Run in-house")
        case .external: Localized(sv: "Extern drift", en: "Run by a partner")
        case .cloud: Localized(sv: "Molntjänst", en: "Cloud service")
        }
    }
}

/// Whether the system processes personal data, and of which kind (GDPR art. 9 for sensitive).
public enum PersonalDataLevel: String, LabelledValue {
    case none = "inga"
    case personal = "personuppgifter"
    case sensitive = "kansliga"

    public var label: Localized {
        switch self {
        case .none: Localized(sv: "Inga personuppgifter", en: "No personal data")
        case .personal: Localized(sv: "Personuppgifter", en: "Personal data")
        case .sensitive: Localized(sv: "Känsliga personuppgifter", en: "Sensitive personal data")
        }
    }

    public var processesPersonalData: Bool { self != .none }
}

/// GDPR art. 6 legal basis for processing.
public enum LegalBasis: String, LabelledValue {
    case consent = "samtycke"
    case contract = "avtal"
    case legalObligation = "rattslig-forpliktelse"
    case vitalInterests = "grundlaggande-intresse"
    case publicTask = "allmant-intresse"
    case publicAuthority = "myndighetsutovning"
    case legitimateInterests = "berattigat-intresse"

    public var label: Localized {
        switch self {
        case .consent: Localized(sv: "Samtycke", en: "Consent")
        case .contract: Localized(sv: "Avtal", en: "Contract")
        case .legalObligation: Localized(sv: "Rättslig förpliktelse", en: "Legal obligation")
        case .vitalInterests: Localized(sv: "Grundläggande intresse", en: "Vital interests")
        case .publicTask: Localized(sv: "Allmänt intresse", en: "Task in the public interest")
        case .publicAuthority: Localized(sv: "Myndighetsutövning", en: "Exercise of official authority")
        case .legitimateInterests: Localized(sv: "Berättigat intresse", en: "Legitimate interests")
        }
    }
}

/// GDPR art. 28: is there a data processing agreement with the supplier?
public enum ProcessorAgreementStatus: String, LabelledValue {
    case notNeeded = "behovs-inte"
    case missing = "saknas"
    case inPlace = "finns"

    public var label: Localized {
        switch self {
        case .notNeeded: Localized(sv: "Behövs inte", en: "Not needed")
        case .missing: Localized(sv: "Saknas", en: "Missing")
        case .inPlace: Localized(sv: "Finns", en: "In place")
        }
    }
}

/// NIS2 / cybersäkerhetslagen: does the system support a service the law covers?
public enum Nis2Applicability: String, LabelledValue {
    case notAssessed = "ej-bedomd"
    case notCovered = "omfattas-inte"
    case important = "viktig"
    case essential = "vasentlig"

    public var label: Localized {
        switch self {
        case .notAssessed: Localized(sv: "Ej bedömd", en: "Not assessed")
        case .notCovered: Localized(sv: "Omfattas inte", en: "Not covered")
        case .important: Localized(sv: "Omfattas – viktig verksamhet", en: "Covered – important entity")
        case .essential: Localized(sv: "Omfattas – väsentlig verksamhet", en: "Covered – essential entity")
        }
    }
}

/// EU AI Act risk class of the AI the system uses.
public enum AIRiskClass: String, LabelledValue {
    case notAssessed = "ej-bedomd"
    case minimal = "minimal"
    case limited = "begransad"
    case high = "hog"
    case prohibited = "oacceptabel"

    public var label: Localized {
        switch self {
        case .notAssessed: Localized(sv: "Ej bedömd", en: "Not assessed")
        case .minimal: Localized(sv: "Minimal risk", en: "Minimal risk")
        case .limited: Localized(sv: "Begränsad risk (transparenskrav)", en: "Limited risk (transparency)")
        case .high: Localized(sv: "Hög risk", en: "High risk")
        case .prohibited: Localized(sv: "Oacceptabel risk (förbjuden)", en: "Unacceptable risk (prohibited)")
        }
    }
}

/// KLASSA's consequence levels 0–4 for confidentiality, integrity, availability and traceability.
public enum ClassificationLevel: Int, Sendable, CaseIterable, Codable, Comparable {
    case l0 = 0, l1, l2, l3, l4

    public var label: Localized {
        switch self {
        case .l0: Localized(sv: "0 – Försumbar", en: "0 – Negligible")
        case .l1: Localized(sv: "1 – Låg", en: "1 – Low")
        case .l2: Localized(sv: "2 – Måttlig", en: "2 – Moderate")
        case .l3: Localized(sv: "3 – Allvarlig", en: "3 – Serious")
        case .l4: Localized(sv: "4 – Mycket allvarlig", en: "4 – Very serious")
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How an integration moves information between systems.
public enum IntegrationKind: String, LabelledValue {
    case api
    case file = "fil"
    case database = "databas"
    case event = "handelse"
    case manual = "manuell"

    public var label: Localized {
        switch self {
        case .api: Localized(sv: "API", en: "API")
        case .file: Localized(sv: "Filöverföring", en: "File transfer")
        case .database: Localized(sv: "Databaskoppling", en: "Database link")
        case .event: Localized(sv: "Händelse/meddelande", en: "Event/message")
        case .manual: Localized(sv: "Manuell", en: "Manual")
        }
    }
}

/// How often an integration runs.
public enum IntegrationFrequency: String, LabelledValue {
    case realtime = "realtid"
    case hourly = "timvis"
    case daily = "dagligen"
    case weekly = "veckovis"
    case monthly = "manadsvis"
    case yearly = "arsvis"
    case onDemand = "vid-behov"

    public var label: Localized {
        switch self {
        case .realtime: Localized(sv: "Realtid", en: "Real time")
        case .hourly: Localized(sv: "Varje timme", en: "Hourly")
        case .daily: Localized(sv: "Dagligen", en: "Daily")
        case .weekly: Localized(sv: "Veckovis", en: "Weekly")
        case .monthly: Localized(sv: "Månadsvis", en: "Monthly")
        case .yearly: Localized(sv: "Årsvis", en: "Yearly")
        case .onDemand: Localized(sv: "Vid behov", en: "On demand")
        }
    }
}

/// The levels of a municipality's organisation tree.
public enum OrgUnitKind: String, LabelledValue {
    case board = "namnd"
    case administration = "forvaltning"
    case department = "avdelning"
    case unit = "enhet"
    case company = "bolag"

    public var label: Localized {
        switch self {
        case .board: Localized(sv: "Nämnd", en: "Committee")
        case .administration: Localized(sv: "Förvaltning", en: "Administration")
        case .department: Localized(sv: "Avdelning", en: "Department")
        case .unit: Localized(sv: "Enhet", en: "Unit")
        case .company: Localized(sv: "Bolag", en: "Municipal company")
        }
    }
}
