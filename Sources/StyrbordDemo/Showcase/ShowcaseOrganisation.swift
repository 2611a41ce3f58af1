import StyrbordCore

// Sjöviks kommun: a fictional municipality of about 45 000 inhabitants with five nämnder and two
// municipal companies. Keys are short codes for org units and the e-mail name for people, so that
// the tables below read like the organisation chart they describe.

enum Showcase {
    static let name = "Sjöviks kommun"
    static let slug = "sjovik"
    static let emailDomain = "sjovik.se"
    /// Municipalities' organisation numbers start 212000; this one is made up.
    static let organisationNumber = "212000-9994"

    struct OrgUnitRow {
        var key: String
        var name: String
        var kind: OrgUnitKind
        var parent: String?
        var manager: String?
    }

    /// Parents before children. Nämnder have no manager: their ordförande is a politician, not staff.
    static let orgUnits: [OrgUnitRow] = [
        .init(key: "KS", name: "Kommunstyrelsen", kind: .board, parent: nil, manager: nil),
        .init(
            key: "KLK", name: "Kommunledningskontoret", kind: .administration, parent: "KS", manager: "anna.lindqvist"),
        .init(key: "IT", name: "IT-avdelningen", kind: .department, parent: "KLK", manager: "johan.bergstrom"),
        .init(key: "ITDRIFT", name: "Drift och infrastruktur", kind: .unit, parent: "IT", manager: "per.sundqvist"),
        .init(key: "ITSUP", name: "Servicedesk", kind: .unit, parent: "IT", manager: "linnea.forsberg"),
        .init(
            key: "ITDIG", name: "Systemförvaltning och digitalisering", kind: .unit, parent: "IT",
            manager: "emma.wikstrom"),
        .init(key: "EKO", name: "Ekonomiavdelningen", kind: .department, parent: "KLK", manager: "helena.dahl"),
        .init(key: "HR", name: "HR-avdelningen", kind: .department, parent: "KLK", manager: "camilla.bjork"),
        .init(key: "LON", name: "Lönecenter", kind: .unit, parent: "HR", manager: "marie.holmberg"),
        .init(key: "KANS", name: "Kansliavdelningen", kind: .department, parent: "KLK", manager: "gustav.falk"),
        .init(key: "ARKIV", name: "Arkiv och registratur", kind: .unit, parent: "KANS", manager: "eva.sandberg"),
        .init(key: "KOMM", name: "Kommunikationsavdelningen", kind: .department, parent: "KLK", manager: "annika.blom"),
        .init(key: "KC", name: "Kontaktcenter", kind: .unit, parent: "KOMM", manager: "rebecka.hakansson"),
        .init(key: "BOST", name: "Sjöviksbostäder AB", kind: .company, parent: "KS", manager: "christer.ahlberg"),
        .init(key: "ENERGI", name: "Sjövik Energi AB", kind: .company, parent: "KS", manager: "leif.danielsson"),
        .init(key: "BUN", name: "Barn- och utbildningsnämnden", kind: .board, parent: nil, manager: nil),
        .init(
            key: "BUF", name: "Barn- och utbildningsförvaltningen", kind: .administration, parent: "BUN",
            manager: "peter.astrom"),
        .init(key: "FSK", name: "Förskoleavdelningen", kind: .department, parent: "BUF", manager: "hanna.lindahl"),
        .init(key: "GSK", name: "Grundskoleavdelningen", kind: .department, parent: "BUF", manager: "magnus.eriksson"),
        .init(
            key: "GYM", name: "Sjöviks gymnasium och vuxenutbildning", kind: .department, parent: "BUF",
            manager: "cecilia.strand"),
        .init(key: "EH", name: "Elevhälsan", kind: .department, parent: "BUF", manager: "sanna.mattsson"),
        .init(key: "MAT", name: "Måltidsservice", kind: .department, parent: "BUF", manager: "tobias.wallin"),
        .init(key: "SN", name: "Socialnämnden", kind: .board, parent: nil, manager: nil),
        .init(
            key: "SOC", name: "Socialförvaltningen", kind: .administration, parent: "SN", manager: "margareta.lundqvist"
        ),
        .init(
            key: "IFO", name: "Individ- och familjeomsorg", kind: .department, parent: "SOC",
            manager: "henrik.jakobsson"),
        .init(key: "BOF", name: "Barn och familj", kind: .unit, parent: "IFO", manager: "ida.svensson"),
        .init(key: "EKB", name: "Ekonomiskt bistånd", kind: .unit, parent: "IFO", manager: "ahmed.yusuf"),
        .init(key: "VO", name: "Vård och omsorg", kind: .department, parent: "SOC", manager: "birgitta.nordin"),
        .init(key: "HT", name: "Hemtjänsten", kind: .unit, parent: "VO", manager: "louise.gustafsson"),
        .init(key: "SABO", name: "Särskilt boende", kind: .unit, parent: "VO", manager: "karl.sjostrom"),
        .init(key: "HSL", name: "Hälso- och sjukvård", kind: .unit, parent: "VO", manager: "asa.oberg"),
        .init(key: "FS", name: "Funktionsstöd", kind: .department, parent: "SOC", manager: "lars-goran.berg"),
        .init(key: "SBN", name: "Samhällsbyggnadsnämnden", kind: .board, parent: nil, manager: nil),
        .init(
            key: "SBF", name: "Samhällsbyggnadsförvaltningen", kind: .administration, parent: "SBN",
            manager: "thomas.nystrom"),
        .init(key: "PB", name: "Plan och bygg", kind: .department, parent: "SBF", manager: "jessica.larsson"),
        .init(key: "BYGG", name: "Bygglovsenheten", kind: .unit, parent: "PB", manager: "robert.pettersson"),
        .init(key: "GIS", name: "Mät och GIS", kind: .unit, parent: "PB", manager: "sven.westerlund"),
        .init(key: "MHS", name: "Miljö och hälsoskydd", kind: .department, parent: "SBF", manager: "anneli.borg"),
        .init(key: "TEK", name: "Gata, park och VA", kind: .department, parent: "SBF", manager: "stefan.mard"),
        .init(key: "VA", name: "VA-enheten", kind: .unit, parent: "TEK", manager: "daniel.kvist"),
        .init(
            key: "FAST", name: "Fastighetsavdelningen", kind: .department, parent: "SBF", manager: "katarina.lofgren"),
        .init(key: "KFN", name: "Kultur- och fritidsnämnden", kind: .board, parent: nil, manager: nil),
        .init(
            key: "KFF", name: "Kultur- och fritidsförvaltningen", kind: .administration, parent: "KFN",
            manager: "ake.lindgren"),
        .init(key: "BIB", name: "Biblioteken", kind: .department, parent: "KFF", manager: "marianne.sten"),
        .init(key: "FRI", name: "Fritid och anläggningar", kind: .department, parent: "KFF", manager: "simon.edlund"),
        .init(key: "KSK", name: "Kulturskolan", kind: .department, parent: "KFF", manager: "julia.bergqvist"),
    ]

    /// Short names for reports and the diarienummer prefix of each nämnd's decisions.
    static let shortNames: [String: String] = [
        "KS": "KS", "KLK": "KLK", "IT": "IT", "EKO": "EKO", "HR": "HR", "KANS": "KANS", "KOMM": "KOMM",
        "BUN": "BUN", "BUF": "BUF", "SN": "SN", "SOC": "SOC", "SBN": "SBN", "SBF": "SBF", "KFN": "KFN", "KFF": "KFF",
        "BOST": "SBAB", "ENERGI": "SEAB",
    ]

    /// The förvaltningar "all users" means, and the IT-samordnare each one has (D4).
    static let administrations = ["KLK", "BUF", "SOC", "SBF", "KFF"]
    static let itCoordinators: [(orgUnit: String, person: String)] = [
        ("KLK", "ulrika.persson"), ("BUF", "anders.hellstrom"), ("SOC", "caroline.ek"), ("SBF", "mats.holmstrom"),
        ("KFF", "hampus.nordstrom"),
    ]

    /// The roles held for the whole municipality (D2/D4), with who appointed them.
    static let tenantRoles: [(role: String, person: String)] = [
        (RoleCatalogue.itManager, "johan.bergstrom"), (RoleCatalogue.securityManager, "karin.holm"),
        (RoleCatalogue.chiefArchivist, "eva.sandberg"), (RoleCatalogue.itArchitect, "mikael.ekstrom"),
    ]
    static let executive = "anna.lindqvist"
    static let itManager = "johan.bergstrom"
    /// Runs the in-house platform; driftsansvarig for what runs in our own server rooms.
    static let operationsManager = "per.sundqvist"
    /// Follows up the suppliers that run our external and cloud services.
    static let externalOperations = "sara.olofsson"
    /// Signs information classifications (KLASSA) together with each system owner.
    static let classifier = "mattias.aberg"

    struct PersonRow {
        var first: String
        var last: String
        var title: String
        var orgUnit: String
        /// Months since the person left; nil while employed.
        var leftMonthsAgo: Int? = nil
        var key: String { first.asciiFolded + "." + last.asciiFolded }
    }

    static let people: [PersonRow] = [
        // Kommunledningskontoret
        .init(first: "Anna", last: "Lindqvist", title: "Kommundirektör", orgUnit: "KLK"),
        .init(first: "Karin", last: "Holm", title: "Säkerhetschef", orgUnit: "KLK"),
        .init(first: "Mattias", last: "Åberg", title: "Informationssäkerhetssamordnare", orgUnit: "KLK"),
        .init(first: "Ulrika", last: "Persson", title: "Verksamhetsutvecklare", orgUnit: "KLK"),
        .init(first: "Johan", last: "Bergström", title: "IT-chef", orgUnit: "IT"),
        .init(first: "Per", last: "Sundqvist", title: "Enhetschef drift och infrastruktur", orgUnit: "ITDRIFT"),
        .init(first: "Erik", last: "Johansson", title: "Systemtekniker", orgUnit: "ITDRIFT"),
        .init(first: "Ali", last: "Hassan", title: "Systemtekniker", orgUnit: "ITDRIFT"),
        .init(first: "Jonas", last: "Lundgren", title: "Nätverkstekniker", orgUnit: "ITDRIFT"),
        .init(first: "Sara", last: "Olofsson", title: "Driftsamordnare externa tjänster", orgUnit: "ITDRIFT"),
        .init(first: "Linnéa", last: "Forsberg", title: "Enhetschef servicedesk", orgUnit: "ITSUP"),
        .init(
            first: "Emma", last: "Wikström", title: "Enhetschef systemförvaltning och digitalisering", orgUnit: "ITDIG"),
        .init(first: "Mikael", last: "Ekström", title: "IT-arkitekt", orgUnit: "ITDIG"),
        .init(first: "Niklas", last: "Hedlund", title: "Integrationsutvecklare", orgUnit: "ITDIG"),
        .init(first: "Maria", last: "Eklund", title: "Applikationsspecialist", orgUnit: "ITDIG"),
        .init(first: "Helena", last: "Dahl", title: "Ekonomichef", orgUnit: "EKO"),
        .init(first: "Fredrik", last: "Söderberg", title: "Controller", orgUnit: "EKO"),
        .init(first: "Lena", last: "Engström", title: "Redovisningsekonom", orgUnit: "EKO"),
        .init(first: "Camilla", last: "Björk", title: "HR-chef", orgUnit: "HR"),
        .init(first: "Sofie", last: "Lindén", title: "HR-specialist", orgUnit: "HR"),
        .init(first: "Marie", last: "Holmberg", title: "Lönechef", orgUnit: "LON"),
        .init(first: "Therese", last: "Ström", title: "Systemförvaltare lön", orgUnit: "LON"),
        .init(first: "Patrik", last: "Berglund", title: "Lönespecialist", orgUnit: "LON"),
        .init(first: "Gustav", last: "Falk", title: "Kanslichef", orgUnit: "KANS"),
        .init(first: "Eva", last: "Sandberg", title: "Chefsarkivarie", orgUnit: "ARKIV"),
        .init(first: "Jenny", last: "Sjöberg", title: "Registrator", orgUnit: "ARKIV"),
        .init(first: "Annika", last: "Blom", title: "Kommunikationschef", orgUnit: "KOMM"),
        .init(first: "David", last: "Lindberg", title: "Webbredaktör", orgUnit: "KOMM"),
        .init(first: "Rebecka", last: "Håkansson", title: "Kontaktcenterchef", orgUnit: "KC"),
        // Barn- och utbildningsförvaltningen
        .init(first: "Peter", last: "Åström", title: "Förvaltningschef barn och utbildning", orgUnit: "BUF"),
        .init(first: "Anders", last: "Hellström", title: "IT-samordnare", orgUnit: "BUF"),
        .init(first: "Josefin", last: "Sandström", title: "Systemförvaltare skoladministration", orgUnit: "BUF"),
        .init(first: "Hanna", last: "Lindahl", title: "Förskolechef", orgUnit: "FSK"),
        .init(first: "Amanda", last: "Fransson", title: "Förskoleadministratör", orgUnit: "FSK"),
        .init(first: "Magnus", last: "Eriksson", title: "Grundskolechef", orgUnit: "GSK"),
        .init(first: "Kristoffer", last: "Lindholm", title: "IKT-pedagog", orgUnit: "GSK", leftMonthsAgo: 5),
        .init(first: "Cecilia", last: "Strand", title: "Rektor", orgUnit: "GYM"),
        .init(first: "Leila", last: "Haddad", title: "Skoladministratör", orgUnit: "GYM"),
        .init(first: "Sanna", last: "Mattsson", title: "Verksamhetschef elevhälsa", orgUnit: "EH"),
        .init(first: "Elin", last: "Norberg", title: "Skolsköterska", orgUnit: "EH"),
        .init(first: "Tobias", last: "Wallin", title: "Kostchef", orgUnit: "MAT"),
        // Socialförvaltningen
        .init(first: "Margareta", last: "Lundqvist", title: "Socialchef", orgUnit: "SOC"),
        .init(first: "Caroline", last: "Ek", title: "IT-samordnare", orgUnit: "SOC"),
        .init(first: "Petra", last: "Lindström", title: "Systemförvaltare verksamhetssystem", orgUnit: "SOC"),
        .init(first: "Mohammed", last: "Karimi", title: "Systemförvaltare", orgUnit: "SOC"),
        .init(first: "Henrik", last: "Jakobsson", title: "Avdelningschef individ- och familjeomsorg", orgUnit: "IFO"),
        .init(first: "Ida", last: "Svensson", title: "Enhetschef barn och familj", orgUnit: "BOF"),
        .init(first: "Ahmed", last: "Yusuf", title: "Enhetschef ekonomiskt bistånd", orgUnit: "EKB"),
        .init(first: "Birgitta", last: "Nordin", title: "Avdelningschef vård och omsorg", orgUnit: "VO"),
        .init(first: "Göran", last: "Isaksson", title: "Larmsamordnare", orgUnit: "VO", leftMonthsAgo: 8),
        .init(first: "Louise", last: "Gustafsson", title: "Enhetschef hemtjänst", orgUnit: "HT"),
        .init(first: "Johanna", last: "Hermansson", title: "Planerare hemtjänst", orgUnit: "HT"),
        .init(first: "Karl", last: "Sjöström", title: "Enhetschef särskilt boende", orgUnit: "SABO"),
        .init(first: "Åsa", last: "Öberg", title: "Medicinskt ansvarig sjuksköterska", orgUnit: "HSL"),
        .init(first: "Anna-Karin", last: "Mäkinen", title: "Sjuksköterska, systemansvarig", orgUnit: "HSL"),
        .init(first: "Lars-Göran", last: "Berg", title: "Avdelningschef funktionsstöd", orgUnit: "FS"),
        // Samhällsbyggnadsförvaltningen
        .init(first: "Thomas", last: "Nyström", title: "Samhällsbyggnadschef", orgUnit: "SBF"),
        .init(first: "Mats", last: "Holmström", title: "IT-samordnare", orgUnit: "SBF"),
        .init(first: "Jessica", last: "Larsson", title: "Plan- och byggchef", orgUnit: "PB"),
        .init(first: "Robert", last: "Pettersson", title: "Bygglovschef", orgUnit: "BYGG"),
        .init(first: "Martin", last: "Åkesson", title: "Bygglovshandläggare", orgUnit: "BYGG"),
        .init(first: "Sven", last: "Westerlund", title: "Stadsingenjör", orgUnit: "GIS"),
        .init(first: "Nina", last: "Wahlberg", title: "GIS-ingenjör", orgUnit: "GIS"),
        .init(first: "Anneli", last: "Borg", title: "Miljöchef", orgUnit: "MHS"),
        .init(first: "Lisa", last: "Sundberg", title: "Miljöinspektör", orgUnit: "MHS"),
        .init(first: "Stefan", last: "Mård", title: "Teknisk chef", orgUnit: "TEK"),
        .init(first: "Daniel", last: "Kvist", title: "VA-chef", orgUnit: "VA"),
        .init(first: "Håkan", last: "Jönsson", title: "Drifttekniker VA", orgUnit: "VA"),
        .init(first: "Katarina", last: "Löfgren", title: "Fastighetschef", orgUnit: "FAST"),
        // Kultur- och fritidsförvaltningen
        .init(first: "Åke", last: "Lindgren", title: "Kultur- och fritidschef", orgUnit: "KFF"),
        .init(first: "Marianne", last: "Sten", title: "Bibliotekschef", orgUnit: "BIB"),
        .init(first: "Hampus", last: "Nordström", title: "Bibliotekarie", orgUnit: "BIB"),
        .init(first: "Simon", last: "Edlund", title: "Fritidschef", orgUnit: "FRI"),
        .init(first: "Julia", last: "Bergqvist", title: "Kulturskolechef", orgUnit: "KSK"),
        // The companies have their own e-mail domains (see `emailDomains`).
        .init(first: "Christer", last: "Ahlberg", title: "VD", orgUnit: "BOST"),
        .init(first: "Pernilla", last: "Wester", title: "IT-ansvarig", orgUnit: "BOST"),
        .init(first: "Leif", last: "Danielsson", title: "VD", orgUnit: "ENERGI"),
        .init(first: "Roger", last: "Holmqvist", title: "Driftingenjör", orgUnit: "ENERGI"),
        .init(first: "Viktoria", last: "Hedberg", title: "Drifttekniker fjärrvärme", orgUnit: "ENERGI"),
    ]

    /// Staff of the companies use the company's domain; everyone else is @sjovik.se.
    static let emailDomains: [String: String] = ["BOST": "sjoviksbostader.se", "ENERGI": "sjovikenergi.se"]

    struct ManagementObjectRow {
        var key: String
        var name: String
        var owner: String
        var description: String
    }

    /// pm3 förvaltningsobjekt: systems managed together under one budget and one systemförvaltningsplan.
    static let managementObjects: [ManagementObjectRow] = [
        .init(
            key: "ekonomi", name: "Ekonomi och inköp", owner: "EKO",
            description: "Ekonomisystem, e-handel, upphandlingsstöd och beslutsstöd."),
        .init(
            key: "hr", name: "HR och lön", owner: "HR",
            description: "Lön och personaladministration, rekrytering, rehabilitering och vikariebokning."),
        .init(
            key: "arbetsplats", name: "Digital arbetsplats", owner: "IT",
            description: "Identitet, e-post, samarbete och klienthantering för alla medarbetare och elever."),
        .init(
            key: "skola", name: "Skolans digitala stöd", owner: "BUF",
            description: "Elevregister, schema, lärplattformar, läromedel och elevhälsa."),
        .init(
            key: "socialtjanst", name: "Socialtjänstens verksamhetssystem", owner: "SOC",
            description: "Dokumentation, planering, läkemedel och larm i socialtjänst och vård och omsorg."),
        .init(
            key: "geodata", name: "Geodata och samhällsbyggnad", owner: "SBF",
            description: "GIS, fastighetsregister, bygglov och miljötillsyn."),
    ]

    /// Contact people at the suppliers (fictional).
    static let supplierContacts: [String] = [
        "Peter Nyström", "Maria Ek", "Jonas Blom", "Helena Ström", "Mats Lund", "Eva Bergman", "Karl Nord",
        "Sofia Wallin", "Anders Berg", "Lina Falk", "Omar Hassan", "Kerstin Sjögren",
    ]
}
