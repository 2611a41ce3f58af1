import StyrbordCore

/// The building blocks of generated municipalities: förvaltningar with their departments, business
/// areas and products, the kommungemensamma systems every municipality has, and what integrations carry.
enum GeneratorCatalogue {
    struct Department {
        var name: String
        var units: [String]
    }

    struct Administration {
        var key: String
        var name: String
        var board: String
        var boardShort: String
        var chiefTitle: String
        var departments: [Department]
        /// Business areas: the first half of a generated system's name ("Hemtjänst – Planering").
        var areas: [String]
        var products: [(product: String, supplier: String)]
        var dataSubjects: [String]
        var legalBasis: LegalBasis
        /// Share of its systems holding sensitive personal data (GDPR art. 9).
        var sensitivePercent: Int
        /// Relative share of the municipality's business systems.
        var weight: Int
        var managementObjects: [String]
    }

    /// Förvaltningar every generated municipality has, the kommunledningskontor first.
    static let coreAdministrations: [Administration] = [
        Administration(
            key: "KLK", name: "Kommunledningskontoret", board: "Kommunstyrelsen", boardShort: "KS",
            chiefTitle: "Kommundirektör",
            departments: [
                .init(name: "IT-avdelningen", units: ["Drift och infrastruktur", "Servicedesk", "Digitalisering"]),
                .init(name: "Ekonomiavdelningen", units: ["Redovisning", "Upphandling"]),
                .init(name: "HR-avdelningen", units: ["Lönecenter"]),
                .init(name: "Kansliavdelningen", units: ["Arkiv och registratur"]),
                .init(name: "Kommunikationsavdelningen", units: ["Kontaktcenter"]),
            ],
            areas: [
                "Ekonomi", "Personal", "Kansli", "Kommunikation", "Säkerhet", "Upphandling", "Näringsliv", "Folkhälsa",
            ],
            products: [
                ("Stratsys", "stratsys"), ("Power BI", "microsoft"), ("Visma Addo", "visma"),
                ("Hypergene", "hypergene"),
                ("Adato", "adato"), ("Visma Timecare Pool", "visma"), ("Netpublicator", "netpublicator"),
                ("UiPath", "uipath"), ("Siteimprove", "siteimprove"), ("SharePoint Online", "microsoft"),
            ],
            dataSubjects: ["Anställda", "Förtroendevalda", "Invånare", "Leverantörers kontaktpersoner"],
            legalBasis: .legalObligation, sensitivePercent: 10, weight: 10,
            managementObjects: ["Ekonomi och inköp", "HR och lön", "Digital arbetsplats", "Infrastruktur och drift"]),
        Administration(
            key: "BUF", name: "Barn- och utbildningsförvaltningen", board: "Barn- och utbildningsnämnden",
            boardShort: "BUN", chiefTitle: "Förvaltningschef barn och utbildning",
            departments: [
                .init(
                    name: "Förskoleavdelningen",
                    units: ["Förskoleområde Norr", "Förskoleområde Söder", "Förskoleområde Centrum"]),
                .init(
                    name: "Grundskoleavdelningen", units: ["Skolområde Norr", "Skolområde Söder", "Skolområde Centrum"]),
                .init(name: "Gymnasie- och vuxenutbildning", units: ["Gymnasieskolan", "Vuxenutbildningen"]),
                .init(name: "Elevhälsan", units: []),
                .init(name: "Måltidsservice", units: []),
            ],
            areas: [
                "Förskola", "Grundskola", "Fritidshem", "Gymnasieskola", "Anpassad skola", "Elevhälsa", "Skolskjuts",
                "Modersmål", "Måltid", "Vuxenutbildning",
            ],
            products: [
                ("IST Administration", "ist"), ("Unikum", "unikum"), ("Schoolsoft", "schoolsoft"), ("Skola24", "nova"),
                ("Infomentor", "ist"), ("Vklass", "vklass"), ("Skolon", "skolon"), ("PMO", "cgm"), ("Mashie", "mashie"),
                ("Tieto Edlevo", "tietoevry"),
            ],
            dataSubjects: ["Barn och elever", "Vårdnadshavare", "Anställda"], legalBasis: .publicTask,
            sensitivePercent: 15, weight: 30, managementObjects: ["Skoladministration", "Lärande och pedagogik"]),
        Administration(
            key: "SOC", name: "Socialförvaltningen", board: "Socialnämnden", boardShort: "SN", chiefTitle: "Socialchef",
            departments: [
                .init(name: "Individ- och familjeomsorg", units: ["Barn och familj", "Ekonomiskt bistånd", "Vuxen"]),
                .init(
                    name: "Vård och omsorg",
                    units: ["Hemtjänst Norr", "Hemtjänst Söder", "Särskilt boende", "Hälso- och sjukvård"]),
                .init(name: "Funktionsstöd", units: ["Boende LSS", "Daglig verksamhet"]),
                .init(name: "Myndighet och kvalitet", units: []),
            ],
            areas: [
                "Hemtjänst", "Särskilt boende", "LSS", "Socialpsykiatri", "Barn och unga", "Ekonomiskt bistånd",
                "Missbruk och beroende", "Hemsjukvård", "Familjerätt", "Bostadsanpassning", "Färdtjänst",
                "Trygghetslarm",
            ],
            products: [
                ("Lifecare", "tietoevry"), ("Procapita", "tietoevry"), ("Pulsen Combine", "pulsen"),
                ("Phoniro TES", "phoniro"),
                ("Phoniro Lås", "phoniro"), ("Tunstall Connect", "tunstall"), ("Appva MCSS", "appva"),
                ("Visma Timecare Planering", "visma"),
            ],
            dataSubjects: ["Klienter och brukare", "Anhöriga", "Patienter", "Vårdnadshavare"],
            legalBasis: .publicAuthority,
            sensitivePercent: 80, weight: 30,
            managementObjects: ["Socialtjänstens verksamhetssystem", "Välfärdsteknik"]),
        Administration(
            key: "SBF", name: "Samhällsbyggnadsförvaltningen", board: "Samhällsbyggnadsnämnden", boardShort: "SBN",
            chiefTitle: "Samhällsbyggnadschef",
            departments: [
                .init(name: "Plan och bygg", units: ["Bygglov", "Mät och GIS"]),
                .init(name: "Miljö och hälsoskydd", units: []),
                .init(name: "Gata och park", units: []),
                .init(name: "Fastighetsavdelningen", units: ["Lokalförsörjning", "Fastighetsskötsel"]),
            ],
            areas: [
                "Bygglov", "Detaljplan", "Miljötillsyn", "Livsmedelskontroll", "Gata och park", "VA", "Avfall",
                "Fastighetsförvaltning", "Mät och kart", "Trafik", "Naturvård",
            ],
            products: [
                ("ByggR", "sokigo"), ("Ecos 2", "sokigo"), ("ArcGIS Pro", "esri"),
                ("Infracontrol Online", "infracontrol"),
                ("EDP Future", "edp"), ("Trimble Novapoint", "trimble"), ("Metria FastighetSök", "metria"),
                ("Schneider EcoStruxure", "schneider"), ("ABB Ability", "abb"),
            ],
            dataSubjects: ["Sökande", "Fastighetsägare", "Verksamhetsutövare", "Anmälare"],
            legalBasis: .publicAuthority,
            sensitivePercent: 3, weight: 18, managementObjects: ["Geodata och samhällsbyggnad", "Teknisk försörjning"]),
        Administration(
            key: "KFF", name: "Kultur- och fritidsförvaltningen", board: "Kultur- och fritidsnämnden",
            boardShort: "KFN",
            chiefTitle: "Kultur- och fritidschef",
            departments: [
                .init(name: "Biblioteken", units: []),
                .init(name: "Kulturskolan", units: []),
                .init(name: "Fritid", units: ["Fritidsgårdar", "Anläggningar"]),
            ],
            areas: [
                "Bibliotek", "Kulturskola", "Fritidsgårdar", "Idrottsanläggningar", "Föreningsliv", "Kulturarv",
                "Evenemang",
            ],
            products: [
                ("Axiell Quria", "axiell"), ("Interbook Go", "interbook"), ("Speedadmin", "speedadmin"),
                ("Sitevision", "sitevision"),
            ],
            dataSubjects: ["Låntagare", "Föreningars företrädare", "Elever", "Besökare"], legalBasis: .publicTask,
            sensitivePercent: 0, weight: 7, managementObjects: ["Kultur och fritid"]),
    ]

    /// Förvaltningar larger municipalities add.
    static let optionalAdministrations: [Administration] = [
        Administration(
            key: "AVF", name: "Arbetsmarknads- och vuxenutbildningsförvaltningen", board: "Arbetsmarknadsnämnden",
            boardShort: "AMN", chiefTitle: "Förvaltningschef arbetsmarknad",
            departments: [
                .init(name: "Arbetsmarknadsenheten", units: []), .init(name: "Vuxenutbildningen", units: ["SFI"]),
            ],
            areas: ["Arbetsmarknad", "Vuxenutbildning", "SFI", "Integration", "Feriearbete"],
            products: [("Procapita", "tietoevry"), ("Schoolsoft", "schoolsoft"), ("Vklass", "vklass")],
            dataSubjects: ["Deltagare", "Elever"], legalBasis: .publicTask, sensitivePercent: 20, weight: 5,
            managementObjects: ["Arbetsmarknad och vuxenutbildning"]),
        Administration(
            key: "TF", name: "Tekniska förvaltningen", board: "Tekniska nämnden", boardShort: "TN",
            chiefTitle: "Teknisk chef",
            departments: [
                .init(name: "Vatten och avlopp", units: ["Vattenverk", "Reningsverk"]),
                .init(name: "Renhållning", units: []), .init(name: "Gator och vägar", units: []),
            ],
            areas: ["Vatten och avlopp", "Renhållning", "Gator och vägar", "Fordon", "Lokalvård"],
            products: [
                ("Infracontrol Online", "infracontrol"), ("EDP Future", "edp"), ("Schneider EcoStruxure", "schneider"),
                ("Trimble Novapoint", "trimble"),
            ],
            dataSubjects: ["Abonnenter", "Anmälare"], legalBasis: .contract, sensitivePercent: 0, weight: 6,
            managementObjects: ["Vatten och avfall"]),
    ]

    /// Municipal companies: the name follows the municipality's ("Ale Bostäder AB").
    static let companies:
        [(suffix: String, short: String, areas: [String], products: [(product: String, supplier: String)])] = [
            (
                " Bostäder AB", "BOST", ["Fastighetsförvaltning", "Kundservice", "Uthyrning"],
                [("Vitec Fastighet", "vitec"), ("Optimizely CMS", "optimizely")]
            ),
            (
                " Energi AB", "ENERGI", ["Drift och styrning", "Elnät", "Fjärrvärme", "Kundservice"],
                [("ABB Ability 800xA", "abb"), ("ABB Network Manager", "abb"), ("Trimble DPpower", "trimble")]
            ),
            (
                " Vatten AB", "VATTEN", ["Drift och styrning", "Ledningsnät", "Kundservice"],
                [("Schneider EcoStruxure", "schneider"), ("EDP Future", "edp")]
            ),
        ]

    /// Functions: the second half of a generated system's name.
    static let functions: [String] = [
        "Ärendehantering", "Dokumentation", "Planering", "Schemaläggning", "Statistik och uppföljning",
        "Kvalitetsledning",
        "Avvikelsehantering", "Bokning", "Fakturering", "Enkäter", "E-tjänster", "Digitala möten", "Kompetensregister",
        "Inventarier", "Tidsredovisning", "Kommunikation", "Arkivering", "Behörighetsadministration", "Rapportering",
        "Kartläggning", "Registerhantering", "Mobil åtkomst", "Resursplanering", "Avtalsuppföljning", "Beslutsstöd",
    ]

    /// A kommungemensamt system (E3) and the products municipalities choose for it.
    struct CommonSlot {
        var name: String
        var alternatives: [(product: String, supplier: String)]
        var type: SystemType
        var criticality: Criticality
        var data: PersonalDataLevel
        /// The KLK department that owns it (index into the kommunledningskontor's departments), or nil
        /// for the samhällsbyggnadsförvaltning (GIS and fastighetsregister).
        var department: Int?
        var tag: String
    }

    static let commonSlots: [CommonSlot] = [
        .init(
            name: "Ekonomisystemet",
            alternatives: [("Unit4 ERP", "unit4"), ("Raindance", "cgi"), ("Visma Förvaltning", "visma")],
            type: .support, criticality: .critical, data: .personal, department: 1, tag: "ekonomi"),
        .init(
            name: "E-handel", alternatives: [("Proceedo", "visma")], type: .support, criticality: .medium,
            data: .personal, department: 1, tag: "inköp"),
        .init(
            name: "Upphandlingsstöd", alternatives: [("TendSign", "visma")], type: .support, criticality: .low,
            data: .personal, department: 1, tag: "upphandling"),
        .init(
            name: "Beslutsstöd",
            alternatives: [("Hypergene", "hypergene"), ("Stratsys", "stratsys"), ("Power BI", "microsoft")],
            type: .support, criticality: .medium, data: .personal, department: 1, tag: "rapport"),
        .init(
            name: "Lönesystemet", alternatives: [("Heroma", "cgi"), ("Personec P", "visma")], type: .support,
            criticality: .critical, data: .sensitive, department: 2, tag: "lön"),
        .init(
            name: "Rekrytering", alternatives: [("Visma Recruit", "visma")], type: .support, criticality: .low,
            data: .personal, department: 2, tag: "hr"),
        .init(
            name: "E-post", alternatives: [("Exchange Online", "microsoft")], type: .infrastructure,
            criticality: .critical,
            data: .personal, department: 0, tag: "e-post"),
        .init(
            name: "Microsoft 365", alternatives: [("Microsoft 365 E3/A3", "microsoft")], type: .platform,
            criticality: .critical, data: .personal, department: 0, tag: "samarbete"),
        .init(
            name: "Identitet och behörighet", alternatives: [("Microsoft Entra ID", "microsoft")],
            type: .infrastructure,
            criticality: .critical, data: .personal, department: 0, tag: "identitet"),
        .init(
            name: "Klienthantering", alternatives: [("Microsoft Intune", "microsoft")], type: .infrastructure,
            criticality: .high, data: .personal, department: 0, tag: "klient"),
        .init(
            name: "Servermiljön", alternatives: [("VMware vSphere", "atea"), ("Microsoft Hyper-V", "microsoft")],
            type: .infrastructure, criticality: .critical, data: .none, department: 0, tag: "it-plattform"),
        .init(
            name: "Kommunnätet", alternatives: [("Cisco Catalyst", "atea"), ("HPE Aruba", "advania")],
            type: .infrastructure,
            criticality: .critical, data: .none, department: 0, tag: "nätverk"),
        .init(
            name: "Säkerhetskopiering", alternatives: [("Veeam Backup & Replication", "atea")], type: .infrastructure,
            criticality: .critical, data: .none, department: 0, tag: "backup"),
        .init(
            name: "Integrationsplattformen",
            alternatives: [("Frends", "frends"), ("Azure Integration Services", "microsoft")],
            type: .platform, criticality: .critical, data: .personal, department: 0, tag: "integration"),
        .init(
            name: "Servicedesk", alternatives: [("Easit GO", "easit"), ("Artvise", "artvise")], type: .support,
            criticality: .medium, data: .personal, department: 0, tag: "servicedesk"),
        .init(
            name: "Diariet",
            alternatives: [("Public 360°", "tietoevry"), ("Platina", "formpipe"), ("W3D3", "formpipe")],
            type: .support, criticality: .high, data: .personal, department: 3, tag: "diarium"),
        .init(
            name: "E-arkiv", alternatives: [("Formpipe Long-Term Archive", "formpipe")], type: .support,
            criticality: .high, data: .sensitive, department: 3, tag: "arkiv"),
        .init(
            name: "Nämndadministration", alternatives: [("Netpublicator", "netpublicator"), ("Ciceron", "tietoevry")],
            type: .support, criticality: .low, data: .personal, department: 3, tag: "nämndadministration"),
        .init(
            name: "Webbplatsen", alternatives: [("Sitevision", "sitevision"), ("Optimizely CMS", "optimizely")],
            type: .platform, criticality: .high, data: .personal, department: 4, tag: "webb"),
        .init(
            name: "Intranätet", alternatives: [("Sitevision", "sitevision")], type: .platform, criticality: .medium,
            data: .personal, department: 4, tag: "intranät"),
        .init(
            name: "E-tjänsteplattformen", alternatives: [("Open ePlatform", "nordicpeak")], type: .platform,
            criticality: .high, data: .personal, department: 4, tag: "e-tjänst"),
        .init(
            name: "Telefoni och växel", alternatives: [("Telia Touchpoint Plus", "telia"), ("Tele2 Växel", "tele2")],
            type: .infrastructure, criticality: .high, data: .personal, department: 0, tag: "telefoni"),
        .init(
            name: "GIS", alternatives: [("ArcGIS Enterprise", "esri")], type: .platform, criticality: .high,
            data: .none,
            department: nil, tag: "gis"),
        .init(
            name: "Fastighetsregistret", alternatives: [("Sokigo FIR", "sokigo")], type: .support, criticality: .high,
            data: .personal, department: nil, tag: "fastighet"),
        .init(
            name: "Befolkningsregistret", alternatives: [("Tietoevry Befolkningsregister", "tietoevry")],
            type: .support,
            criticality: .critical, data: .personal, department: 3, tag: "folkbokföring"),
        .init(
            name: "SITHS och e-legitimation", alternatives: [("Inera SITHS", "inera"), ("Nexus Smart ID", "nexus")],
            type: .infrastructure, criticality: .high, data: .personal, department: 0, tag: "identitet"),
    ]

    /// Kommungemensamma systems that business systems exchange information with (by `CommonSlot.name`):
    /// what flows out to the systems that depend on them, and what flows back in.
    static let hubs: [(slot: String, out: [String], in: [String])] = [
        (
            "Ekonomisystemet", ["Kontoplan och ansvarskoder", "Budget per ansvar"],
            ["Fakturaunderlag", "Kundfakturor", "Leverantörsfakturor för attest"]
        ),
        (
            "Lönesystemet", ["Anställda och organisation", "Chefer och attesträtt"],
            ["Arbetad tid (löneunderlag)", "Frånvaro för lön"]
        ),
        (
            "Identitet och behörighet", ["Användarkonton och grupper", "Inloggning (SAML/OIDC)"],
            ["Behörighetsbeställningar"]
        ),
        ("Diariet", ["Diarienummer"], ["Handlingar för diarieföring"]),
        ("E-arkiv", [], ["Avslutade ärenden för slutarkivering", "Uttag enligt FGS"]),
        (
            "E-tjänsteplattformen", ["Ansökningar från invånare", "Anmälningar från invånare"],
            ["Status på ärenden till Mina sidor"]
        ),
        ("GIS", ["Kartunderlag (WMS/WFS)", "Adresspunkter"], ["Geografiska objekt"]),
        ("Fastighetsregistret", ["Fastighets- och ägaruppgifter"], []),
        ("Befolkningsregistret", ["Personuppgifter från folkbokföringen", "Adressändringar"], []),
    ]

    /// Where information from outside enters (F2); see the showcase's integrations for why.
    static let integrationPlatform = "Integrationsplattformen"

    /// Information between two business systems of the same förvaltning.
    static let peerInformation: [String] = [
        "Elevuppgifter", "Beslut och insatser", "Utförd tid", "Ärendestatus", "Schema", "Närvaro och frånvaro",
        "Kunduppgifter", "Bokningar", "Mätvärden och larm", "Statistikunderlag", "Avvikelser", "Dokument",
        "Personal och bemanning", "Objekt och anläggningar",
    ]

    /// External parties and what goes to them (outbound) or comes from them through the integration platform.
    static let externalOutbound: [(party: String, information: String)] = [
        ("Skatteverket", "Arbetsgivardeklaration på individnivå"), ("SCB", "Statistik"),
        ("Socialstyrelsen", "Individstatistik"),
        ("Försäkringskassan, CSN m.fl. (SSBTEK)", "Förfrågan om inkomster och ersättningar"),
        ("Skolverket", "Betyg och elevstatistik"),
        ("Bank (Bankgirot)", "Betalningsfiler"), ("KPA Pension", "Pensionsunderlag"), ("Boverket", "Bygglovsstatistik"),
        ("Lantmäteriet", "Adressändringar"), ("Kommuninvest", "Låneansökningar"),
        ("Region (vårdgivare)", "Samordnad individuell plan"),
    ]
    static let externalInbound: [(party: String, information: String)] = [
        ("Skatteverket (Navet)", "Personuppgifter från folkbokföringen"), ("Lantmäteriet", "Fastighetsinformation"),
        ("Peppol (e-faktura)", "Leverantörsfakturor"), ("Kommuninvest", "Lån och räntor"),
        ("E-hälsomyndigheten", "Läkemedelsordinationer"), ("Kungliga biblioteket (Libris)", "Bibliografiska poster"),
        ("Försäkringskassan", "Beslut om assistansersättning"), ("Trafikverket", "Vägdata (NVDB)"),
    ]

    static let aiDescriptions: [(risk: AIRiskClass, description: String)] = [
        (.limited, "Chattbot som svarar på frågor; användaren informeras om att det är en AI."),
        (.minimal, "Taligenkänning som transkriberar diktat; ingen automatiserad bedömning."),
        (.minimal, "Maskininlärning som sorterar inkommande ärenden."),
        (.high, "Stöd för bedömning av rätt till bistånd; kräver mänsklig kontroll och loggning."),
        (.notAssessed, "Generativ AI i kontorsstödet. Bedömning enligt AI-förordningen återstår."),
    ]

    static let staffTitles: [String] = [
        "Systemförvaltare", "Verksamhetsutvecklare", "Handläggare", "Administratör", "Samordnare", "Utvecklingsledare",
    ]
    static let itTitles: [String] = [
        "Systemtekniker", "Nätverkstekniker", "Applikationsspecialist", "Integrationsutvecklare", "Drifttekniker",
        "IT-supporttekniker",
    ]
}
