/// What a role is held for: one system, a pm3 förvaltningsobjekt, an org unit, or the whole tenant.
public enum RoleScopeKind: String, LabelledValue {
    case system
    case managementObject = "forvaltningsobjekt"
    case orgUnit = "organisationsenhet"
    case tenant = "kommun"

    public var label: Localized {
        switch self {
        case .system: Localized(sv: "System", en: "System")
        case .managementObject: Localized(sv: "Förvaltningsobjekt", en: "Management object")
        case .orgUnit: Localized(sv: "Organisationsenhet", en: "Org unit")
        case .tenant: Localized(sv: "Hela kommunen", en: "Whole municipality")
        }
    }
}

/// T11: a role is held by a primary holder and, where required, a deputy (ersättare).
public enum RoleHolding: String, LabelledValue {
    case primary = "ordinarie"
    case deputy = "ersattare"

    public var label: Localized {
        switch self {
        case .primary: Localized(sv: "Ordinarie", en: "Primary")
        case .deputy: Localized(sv: "Ersättare", en: "Deputy")
        }
    }
}

/// A role as a municipality defines it: stable key, names, what it is held for and its duties.
public struct RoleDefinition: Sendable, Hashable {
    public var key: String
    public var name: Localized
    public var scope: RoleScopeKind
    public var duties: Localized
    /// Glossary reference to the requirement the role comes from (D2, L1 …).
    public var source: String

    public init(key: String, name: Localized, scope: RoleScopeKind, duties: Localized, source: String) {
        self.key = key
        self.name = name
        self.scope = scope
        self.duties = duties
        self.source = source
    }
}

/// The roles every new tenant starts with. Governance profiles (issue 4) will replace this list per
/// municipality; until then it is the union of D2 and L1 plus the central roles of D2/D4.
public enum RoleCatalogue {
    public static let systemOwner = "systemagare"
    public static let systemOwnerIT = "systemagare-it"
    public static let systemManager = "systemforvaltare"
    public static let technicalManager = "teknisk-systemforvaltare"
    public static let informationOwner = "informationsagare"
    public static let operationsResponsible = "driftsansvarig"
    public static let itCoordinator = "it-samordnare"
    public static let itManager = "it-chef"
    public static let securityManager = "sakerhetschef"
    public static let chiefArchivist = "chefsarkivarie"
    public static let itArchitect = "it-arkitekt"

    public static let standard: [RoleDefinition] = [
        RoleDefinition(
            key: systemOwner, name: Localized(sv: "Systemägare", en: "System owner"), scope: .system,
            duties: Localized(
                sv:
                    "Beslutar om utveckling och avveckling, mål och budget via systemförvaltningsplanen, utser systemförvaltare och tecknar SLA med systemägare IT.",
                en:
                    "Decides development and decommissioning, goals and budget through the system management plan, appoints the system manager and signs the SLA with the IT system owner."
            ),
            source: "D2"),
        RoleDefinition(
            key: systemOwnerIT, name: Localized(sv: "Systemägare IT", en: "IT system owner"), scope: .system,
            duties: Localized(
                sv:
                    "Tillgodoser behov av infrastruktur och teknisk plattform, deltar i systemförvaltningsplanen och utser teknisk systemförvaltare. Är IT-chefen.",
                en:
                    "Provides infrastructure and technical platform, takes part in the system management plan and appoints the technical system manager. Is the IT manager."
            ),
            source: "D2"),
        RoleDefinition(
            key: systemManager, name: Localized(sv: "Systemförvaltare", en: "System manager"), scope: .system,
            duties: Localized(
                sv:
                    "Tar inom givna ramar funktionellt ansvar för förvaltningsobjektet, driver utveckling enligt systemförvaltningsplanen och följer upp avtal.",
                en:
                    "Takes functional responsibility within the given budget, drives development according to the plan and follows up agreements."
            ),
            source: "D2, T11"),
        RoleDefinition(
            key: technicalManager, name: Localized(sv: "Teknisk systemförvaltare", en: "Technical system manager"),
            scope: .system,
            duties: Localized(
                sv: "Tar i samråd med systemförvaltaren tekniskt ansvar för förvaltningsobjektet.",
                en: "Takes technical responsibility for the system together with the system manager."),
            source: "D2"),
        RoleDefinition(
            key: informationOwner, name: Localized(sv: "Informationsägare", en: "Information owner"), scope: .system,
            duties: Localized(
                sv: "Har det yttersta ansvaret för informationen som används av ett eller flera system.",
                en: "Holds the ultimate responsibility for the information used by one or more systems."),
            source: "D2"),
        RoleDefinition(
            key: operationsResponsible, name: Localized(sv: "Driftsansvarig", en: "Operations responsible"),
            scope: .system,
            duties: Localized(
                sv: "Ansvarar för att systemet driftas enligt överenskommen nivå.",
                en: "Responsible for running the system at the agreed service level."),
            source: "L1"),
        RoleDefinition(
            key: itCoordinator, name: Localized(sv: "IT-samordnare", en: "IT coordinator"), scope: .orgUnit,
            duties: Localized(
                sv: "Förvaltningens kontaktperson i IT-frågor, bereder förvaltningens IT-insatser i lokalt IT-forum.",
                en: "The administration's contact for IT, prepares its IT initiatives in the local IT forum."),
            source: "D4"),
        RoleDefinition(
            key: itManager, name: Localized(sv: "IT-chef", en: "IT manager"), scope: .tenant,
            duties: Localized(
                sv:
                    "Kommunens IT-strateg: ansvarar för eFörvaltningsprogram och IT-verksamhetsplan och godkänner styrdokument före publicering.",
                en:
                    "The municipality's IT strategist: owns the e-government programme and IT business plan and approves governing documents before publication."
            ),
            source: "D1, D3"),
        RoleDefinition(
            key: securityManager, name: Localized(sv: "Säkerhetschef", en: "Security manager"), scope: .tenant,
            duties: Localized(
                sv: "Ställer krav på informationssäkerhet och följer upp incidenter.",
                en: "Sets information security requirements and follows up incidents."),
            source: "D2"),
        RoleDefinition(
            key: chiefArchivist, name: Localized(sv: "Chefsarkivarie", en: "Chief archivist"), scope: .tenant,
            duties: Localized(
                sv: "Ställer krav på arkivering och bevarande av information i IT-systemen.",
                en: "Sets requirements on archiving and preservation of information in IT systems."),
            source: "D2"),
        RoleDefinition(
            key: itArchitect, name: Localized(sv: "IT-arkitekt", en: "IT architect"), scope: .tenant,
            duties: Localized(
                sv: "Ansvarar för kommunens IT-arkitektur och bedömer förslag mot den.",
                en: "Owns the municipality's IT architecture and assesses proposals against it."),
            source: "D4"),
    ]
}
