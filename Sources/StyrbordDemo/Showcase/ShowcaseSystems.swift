import StyrbordCore

extension Showcase {
    /// Who runs a system (D7); the associated value is the driftpartner's supplier key.
    enum Operation {
        case inHouse
        case external(String)
        case cloud(String)
    }

    /// The GDPR art. 30 essentials of a system: purpose, legal basis and whose data.
    enum DataUse {
        case none
        case personal(String, LegalBasis, [String])
        case sensitive(String, LegalBasis, [String])

        var level: PersonalDataLevel {
            switch self {
            case .none: .none
            case .personal: .personal
            case .sensitive: .sensitive
            }
        }
    }

    /// The contract for a system: yearly costs in kronor, notice period and, for the ones a newcomer
    /// should notice, how many months from today it ends.
    struct Terms {
        var licence: Int
        var operation: Int = 0
        var notice: Int = 6
        var renews: Bool = false
        var endsInMonths: Int? = nil
        /// Bought through another supplier than the product's (a reseller).
        var via: String? = nil
        var note: String = ""
    }

    /// One system of the register. What is not here (classification, backup, NIS2, documentation
    /// links, dates) follows from these values in `ShowcaseBuilder`, apart from the exceptions in
    /// the story tables below.
    struct SystemRow {
        var key: String
        var name: String
        var aliases: [String] = []
        var product: String
        var version: String
        var supplier: String?
        var category: SystemCategory
        var type: SystemType = .support
        var owner: String
        /// Org unit keys; "*" is every förvaltning.
        var users: [String]
        var object: String? = nil
        /// Year of production start as seen from 2026; shifted with `today`.
        var since: Int
        var criticality: Criticality
        var operation: Operation
        var userCount: Int
        var data: DataUse
        /// Systemförvaltare and ersättare; nil where the story is that the role is vacant.
        var manager: String?
        var deputy: String? = nil
        var technician: String
        /// Defaults to the systemägare.
        var informationOwner: String? = nil
        var terms: Terms? = nil
        var tags: [String]
        var description: String
    }

    static let staffData = DataUse.personal(
        "Administration av användare och behörigheter", .legitimateInterests, ["Anställda", "Förtroendevalda"])

    static let systems: [SystemRow] = common + education + socialServices + communityDevelopment + cultureAndCompanies

    // E3: the kommungemensamma systems, owned by the kommunstyrelse through its avdelningar.
    private static let common: [SystemRow] = [
        .init(
            key: "ekonomi", name: "Unit4 ERP", aliases: ["Agresso", "Ekonomisystemet"], product: "Unit4 ERP",
            version: "7.9", supplier: "unit4", category: .common, owner: "EKO", users: ["*"], object: "ekonomi",
            since: 2015, criticality: .critical, operation: .cloud("unit4"), userCount: 850,
            data: .personal(
                "Redovisning, reskontra, fakturering och attest", .legalObligation,
                ["Anställda", "Leverantörer som är enskilda firmor", "Kunder och avgiftsbetalare"]),
            manager: "lena.engstrom", deputy: "fredrik.soderberg", technician: "maria.eklund",
            terms: .init(licence: 1_450_000, operation: 380_000, notice: 12),
            tags: ["ekonomi", "e3"],
            description:
                "Kommunens ekonomisystem: huvudbok, leverantörs- och kundreskontra, attestflöden och anläggningsregister."
        ),
        .init(
            key: "proceedo", name: "Visma Proceedo", aliases: ["E-handeln"], product: "Proceedo", version: "2025.3",
            supplier: "visma", category: .common, owner: "EKO", users: ["*"], object: "ekonomi", since: 2018,
            criticality: .medium, operation: .cloud("visma"), userCount: 610,
            data: .personal(
                "Beställningar och fakturamatchning", .legalObligation, ["Anställda", "Leverantörers kontaktpersoner"]),
            manager: "lena.engstrom", deputy: "fredrik.soderberg", technician: "maria.eklund",
            terms: .init(licence: 420_000, notice: 6, renews: true), tags: ["ekonomi", "inköp"],
            description:
                "E-handel mot avtalade leverantörer med beställning, godsmottagning och automatisk fakturamatchning."),
        .init(
            key: "tendsign", name: "Visma TendSign", product: "TendSign", version: "2025", supplier: "visma",
            category: .common, owner: "EKO", users: ["KLK"], object: "ekonomi", since: 2016, criticality: .low,
            operation: .cloud("visma"), userCount: 25,
            data: .personal("Upphandlingar och anbud", .legalObligation, ["Anbudsgivares kontaktpersoner"]),
            manager: "lena.engstrom", technician: "maria.eklund",
            terms: .init(licence: 95_000, notice: 3, renews: true), tags: ["upphandling"],
            description: "Upphandlingsverktyg för annonsering, anbudsinlämning och utvärdering enligt LOU."),
        .init(
            key: "hypergene", name: "Hypergene", aliases: ["Beslutsstödet"], product: "Hypergene", version: "5.12",
            supplier: "hypergene", category: .common, owner: "EKO", users: ["*"], object: "ekonomi", since: 2017,
            criticality: .medium, operation: .cloud("hypergene"), userCount: 420,
            data: .personal("Uppföljning av personalkostnader per ansvar", .publicTask, ["Anställda"]),
            manager: "fredrik.soderberg", deputy: "lena.engstrom", technician: "niklas.hedlund",
            terms: .init(licence: 310_000, notice: 6, renews: true), tags: ["rapport", "uppföljning", "e3"],
            description: "Rapport- och uppföljningssystem: budget, prognos och nyckeltal för chefer på alla nivåer."),
        .init(
            key: "stratsys", name: "Stratsys", product: "Stratsys", version: "2025", supplier: "stratsys",
            category: .common, owner: "KLK", users: ["*"], since: 2019, criticality: .medium,
            operation: .cloud("stratsys"), userCount: 300, data: staffData,
            manager: "ulrika.persson", deputy: "fredrik.soderberg", technician: "maria.eklund",
            terms: .init(licence: 260_000, notice: 6, renews: true), tags: ["styrning", "uppföljning"],
            description: "Mål- och verksamhetsplanering, internkontroll och årsredovisningens verksamhetsberättelser."),
        .init(
            key: "heroma", name: "Heroma", aliases: ["Lönesystemet", "Heroma Självservice"], product: "Heroma",
            version: "24.1", supplier: "cgi", category: .common, owner: "HR", users: ["*"], object: "hr", since: 2023,
            criticality: .critical, operation: .external("cgi"), userCount: 3_400,
            data: .sensitive(
                "Löneutbetalning, personaladministration och sjukfrånvaro", .legalObligation,
                ["Anställda", "Förtroendevalda", "Timavlönade"]),
            manager: "therese.strom", deputy: "patrik.berglund", technician: "maria.eklund",
            terms: .init(licence: 1_650_000, operation: 720_000, notice: 12),
            tags: ["lön", "hr", "e3"],
            description:
                "Lön och personaladministration med självservice för ledighet, tid och reseräkningar. Ersatte Personec P."
        ),
        .init(
            key: "personec", name: "Personec P", aliases: ["Gamla lönesystemet"], product: "Personec P",
            version: "13.4", supplier: "visma", category: .common, owner: "HR", users: ["*"], object: "hr", since: 2008,
            criticality: .high, operation: .inHouse, userCount: 0,
            data: .sensitive("Löneutbetalning och personaladministration (historik)", .legalObligation, ["Anställda"]),
            manager: "therese.strom", technician: "erik.johansson",
            terms: .init(licence: 540_000, notice: 12, note: "Avslutat i samband med övergången till Heroma."),
            tags: ["lön", "avvecklat"], description: "Tidigare lönesystem. Lönehistoriken är överförd till e-arkivet."),
        .init(
            key: "adato", name: "Adato", product: "Adato", version: "4.8", supplier: "adato", category: .common,
            owner: "HR", users: ["*"], object: "hr", since: 2020, criticality: .medium, operation: .cloud("adato"),
            userCount: 450,
            data: .sensitive("Rehabilitering och arbetsanpassning", .legalObligation, ["Anställda"]),
            manager: "sofie.linden", technician: "maria.eklund",
            terms: .init(licence: 140_000, notice: 3, renews: true), tags: ["hr", "rehabilitering"],
            description: "Stöd för chefer i rehabiliteringsprocessen: sjukfrånvaro, rehabplaner och uppföljning."),
        .init(
            key: "recruit", name: "Visma Recruit", product: "Visma Recruit", version: "2025", supplier: "visma",
            category: .common, owner: "HR", users: ["*"], object: "hr", since: 2016, criticality: .low,
            operation: .cloud("visma"), userCount: 320,
            data: .personal("Rekrytering", .consent, ["Arbetssökande"]),
            manager: "sofie.linden", technician: "maria.eklund",
            terms: .init(licence: 180_000, notice: 3, renews: true), tags: ["hr", "rekrytering"],
            description: "Annonsering av lediga tjänster och hantering av ansökningar."),
        .init(
            key: "timecare", name: "Visma Timecare Pool", aliases: ["Vikariebanken"], product: "Timecare Pool",
            version: "9.3", supplier: "visma", category: .common, owner: "HR", users: ["SOC", "BUF"], object: "hr",
            since: 2014, criticality: .medium, operation: .cloud("visma"), userCount: 720,
            data: .personal("Bokning av vikarier", .contract, ["Timavlönade", "Anställda"]),
            manager: "patrik.berglund", deputy: "therese.strom", technician: "maria.eklund",
            terms: .init(licence: 390_000, notice: 6, renews: true), tags: ["hr", "bemanning"],
            description: "Bokning av timavlönade vikarier till förskola, skola och vård och omsorg."),
        .init(
            key: "m365", name: "Microsoft 365", aliases: ["Office 365", "Teams", "SharePoint"],
            product: "Microsoft 365 E3/A3",
            version: "Molntjänst", supplier: "microsoft", category: .common, type: .platform, owner: "IT", users: ["*"],
            object: "arbetsplats", since: 2019, criticality: .critical, operation: .cloud("microsoft"),
            userCount: 6_400,
            data: .personal("Samarbete, dokument och möten", .publicTask, ["Anställda", "Elever", "Förtroendevalda"]),
            manager: "maria.eklund", deputy: "linnea.forsberg", technician: "erik.johansson",
            terms: .init(
                licence: 5_900_000, notice: 3, via: "atea",
                note: "Omfattar Exchange Online, Entra ID och Intune. Licenser via Atea (Adda-avtal)."),
            tags: ["samarbete", "molntjänst"],
            description: "Teams, SharePoint, OneDrive och Office-programmen för medarbetare och elever."),
        .init(
            key: "exchange", name: "Exchange Online", aliases: ["E-posten"], product: "Exchange Online",
            version: "Molntjänst", supplier: "microsoft", category: .common, type: .infrastructure, owner: "IT",
            users: ["*"], object: "arbetsplats", since: 2019, criticality: .critical, operation: .cloud("microsoft"),
            userCount: 3_600,
            data: .personal(
                "E-post och kalender", .publicTask, ["Anställda", "Förtroendevalda", "Avsändare av e-post"]),
            manager: "maria.eklund", deputy: "erik.johansson", technician: "erik.johansson",
            tags: ["e-post", "e3"],
            description: "Kommunens e-post och kalender. Inkommande e-post är allmän handling och diarieförs vid behov."
        ),
        .init(
            key: "entra", name: "Microsoft Entra ID", aliases: ["Azure AD", "Kontot"], product: "Entra ID P1",
            version: "Molntjänst", supplier: "microsoft", category: .common, type: .infrastructure, owner: "IT",
            users: ["*"], object: "arbetsplats", since: 2019, criticality: .critical, operation: .cloud("microsoft"),
            userCount: 6_400, data: staffData,
            manager: "erik.johansson", deputy: "ali.hassan", technician: "ali.hassan",
            tags: ["identitet", "it-plattform", "e3"],
            description:
                "Identiteter, inloggning med MFA och behörighetsgrupper för alla system som stöder enkel inloggning."),
        .init(
            key: "intune", name: "Microsoft Intune", product: "Intune", version: "Molntjänst", supplier: "microsoft",
            category: .common, type: .infrastructure, owner: "IT", users: ["*"], object: "arbetsplats", since: 2021,
            criticality: .high, operation: .cloud("microsoft"), userCount: 6_100, data: staffData,
            manager: "ali.hassan", deputy: "erik.johansson", technician: "ali.hassan",
            tags: ["klient", "it-plattform"],
            description: "Hantering av datorer, surfplattor och mobiler för personal och elever."),
        .init(
            key: "vmware", name: "Servermiljö (VMware vSphere)", aliases: ["Virtualiseringen"],
            product: "VMware vSphere",
            version: "8.0 U3", supplier: "atea", category: .common, type: .infrastructure, owner: "IT", users: ["*"],
            since: 2012, criticality: .critical, operation: .inHouse, userCount: 12, data: .none,
            manager: "erik.johansson", deputy: "ali.hassan", technician: "ali.hassan",
            terms: .init(
                licence: 780_000, notice: 3, endsInMonths: 5,
                note: "Licenskostnaden har mer än fördubblats efter Broadcoms köp av VMware. Alternativ utreds."),
            tags: ["it-plattform", "server", "e3"],
            description: "Virtualiseringsplattform för kommunens cirka 180 servrar i de egna serverhallarna."),
        .init(
            key: "natverk", name: "Kommunnätet", aliases: ["Sjöviksnätet", "Stadsnätet"],
            product: "Cisco Catalyst och Meraki",
            version: "IOS XE 17.12", supplier: "atea", category: .common, type: .infrastructure, owner: "IT",
            users: ["*"], since: 2010, criticality: .critical, operation: .inHouse, userCount: 8, data: .none,
            manager: "jonas.lundgren", deputy: "ali.hassan", technician: "jonas.lundgren",
            terms: .init(licence: 240_000, operation: 650_000, notice: 6, renews: true),
            tags: ["it-plattform", "nätverk", "e3"],
            description: "Fibernät, switchar och trådlöst nät i kommunens 140 verksamhetslokaler."),
        .init(
            key: "backup", name: "Säkerhetskopiering (Veeam)", product: "Veeam Backup & Replication", version: "12.3",
            supplier: "atea", category: .common, type: .infrastructure, owner: "IT", users: ["*"], since: 2018,
            criticality: .critical, operation: .inHouse, userCount: 6, data: .none,
            manager: "ali.hassan", deputy: "erik.johansson", technician: "ali.hassan",
            terms: .init(licence: 210_000, notice: 3, renews: true), tags: ["it-plattform", "backup"],
            description: "Säkerhetskopiering av servrar och Microsoft 365 med oföränderlig kopia på annan ort."),
        .init(
            key: "integration", name: "Integrationsplattformen", aliases: ["Azure Integration Services"],
            product: "Azure Integration Services", version: "Molntjänst", supplier: "microsoft", category: .common,
            type: .platform, owner: "IT", users: ["*"], since: 2022, criticality: .critical,
            operation: .cloud("microsoft"), userCount: 5,
            data: .personal("Överföring av uppgifter mellan system", .publicTask, ["Invånare", "Anställda", "Elever"]),
            manager: "niklas.hedlund", deputy: "maria.eklund", technician: "niklas.hedlund",
            terms: .init(licence: 0, operation: 480_000, notice: 3, renews: true, via: "atea"),
            tags: ["integration", "it-plattform"],
            description:
                "F2: kommunens gemensamma integrationsplattform. Information från externa parter (Navet, Lantmäteriet, Peppol) tas emot här och skickas vidare."
        ),
        .init(
            key: "sentinel", name: "Microsoft Sentinel", aliases: ["SIEM"], product: "Microsoft Sentinel",
            version: "Molntjänst", supplier: "microsoft", category: .common, type: .infrastructure, owner: "IT",
            users: ["IT"], since: 2024, criticality: .high, operation: .cloud("microsoft"), userCount: 6,
            data: .personal("Säkerhetsloggning och incidentutredning", .legalObligation, ["Anställda", "Elever"]),
            manager: "ali.hassan", deputy: "erik.johansson", technician: "ali.hassan",
            terms: .init(licence: 0, operation: 260_000, notice: 3, renews: true, via: "atea"),
            tags: ["säkerhet", "nis2", "loggning"],
            description: "Central loggning och larm vid misstänkta intrång (F5 spårbarhet, cybersäkerhetslagen)."),
        .init(
            key: "easit", name: "Easit GO", aliases: ["IT-ärenden", "Självservice"], product: "Easit GO",
            version: "2025.1",
            supplier: "easit", category: .common, owner: "IT", users: ["*"], since: 2017, criticality: .medium,
            operation: .cloud("easit"), userCount: 3_600,
            data: .personal("Ärenden till servicedesk och kontaktcenter", .publicTask, ["Anställda", "Invånare"]),
            manager: "linnea.forsberg", deputy: "rebecka.hakansson", technician: "maria.eklund",
            terms: .init(licence: 290_000, notice: 6, renews: true), tags: ["servicedesk", "beställningar"],
            description: "Ärendehantering och beställningar (E7): datorer, telefoner, skrivare och behörigheter."),
        .init(
            key: "public360", name: "Public 360°", aliases: ["Diariet", "P360"], product: "Public 360°",
            version: "23.1",
            supplier: "tietoevry", category: .common, owner: "KANS", users: ["*"], since: 2012, criticality: .high,
            operation: .external("tietoevry"), userCount: 460,
            data: .personal(
                "Registrering av allmänna handlingar och ärenden", .legalObligation,
                ["Invånare", "Anställda", "Företrädare för organisationer"]),
            manager: "jenny.sjoberg", deputy: "eva.sandberg", technician: "niklas.hedlund",
            terms: .init(
                licence: 520_000, operation: 340_000, notice: 6, endsInMonths: 9,
                note: "Förlängs inte. Ersätts av Platina enligt beslut i IT-styrgruppen."),
            tags: ["diarium", "ärendehantering", "e3"], description: "Diarium och ärendehantering för alla nämnder."),
        .init(
            key: "platina", name: "Platina", product: "Platina", version: "7.0", supplier: "formpipe",
            category: .common, owner: "KANS", users: ["*"], since: 2026, criticality: .high,
            operation: .cloud("formpipe"), userCount: 480,
            data: .personal(
                "Registrering av allmänna handlingar och ärenden", .legalObligation,
                ["Invånare", "Anställda", "Företrädare för organisationer"]),
            manager: "jenny.sjoberg", technician: "niklas.hedlund",
            terms: .init(licence: 610_000, notice: 12), tags: ["diarium", "ärendehantering"],
            description:
                "Nytt diarie- och ärendehanteringssystem som ersätter Public 360°. Upphandlat, införandet planeras."),
        .init(
            key: "earkiv", name: "E-arkiv", aliases: ["FLA"], product: "Formpipe Long-Term Archive", version: "5.3",
            supplier: "formpipe", category: .common, owner: "ARKIV", users: ["*"], since: 2021, criticality: .high,
            operation: .external("formpipe"), userCount: 40,
            data: .sensitive(
                "Bevarande av arkiverade handlingar", .legalObligation,
                ["Invånare", "Anställda", "Klienter i socialtjänsten", "Elever"]),
            manager: "eva.sandberg", deputy: "jenny.sjoberg", technician: "niklas.hedlund",
            terms: .init(licence: 450_000, operation: 150_000, notice: 12), tags: ["arkiv", "bevarande"],
            description: "Kommunens e-arkiv för slutarkivering enligt FGS:er. Tar emot uttag från system som avvecklas."
        ),
        .init(
            key: "ciceron", name: "Ciceron", aliases: ["Politikerportalen"], product: "Ciceron Assistans",
            version: "6.4", supplier: "tietoevry", category: .common, owner: "KANS", users: ["KLK"], since: 2017,
            criticality: .low, operation: .cloud("tietoevry"), userCount: 190,
            data: .personal("Kallelser, handlingar och protokoll", .publicTask, ["Förtroendevalda", "Anställda"]),
            manager: "jenny.sjoberg", deputy: "eva.sandberg", technician: "maria.eklund",
            terms: .init(licence: 160_000, notice: 3, renews: true), tags: ["nämndadministration"],
            description: "Nämndadministration: kallelser, handlingar och protokoll, med app för förtroendevalda."),
        .init(
            key: "webb", name: "sjovik.se", aliases: ["Webbplatsen"], product: "Sitevision", version: "2025.04",
            supplier: "sitevision", category: .common, type: .platform, owner: "KOMM", users: ["*"], since: 2016,
            criticality: .high, operation: .cloud("sitevision"), userCount: 65,
            data: .personal("Publicering och kontaktformulär", .publicTask, ["Invånare", "Anställda"]),
            manager: "david.lindberg", deputy: "annika.blom", technician: "maria.eklund",
            terms: .init(licence: 240_000, notice: 6, renews: true), tags: ["webb", "wcag", "e3"],
            description:
                "Kommunens externa webbplats. Ska uppfylla WCAG 2.1 AA enligt lagen om tillgänglighet till digital offentlig service."
        ),
        .init(
            key: "intranat", name: "Insidan", aliases: ["Intranätet"], product: "Sitevision", version: "2025.04",
            supplier: "sitevision", category: .common, type: .platform, owner: "KOMM", users: ["*"],
            object: "arbetsplats", since: 2018, criticality: .medium, operation: .cloud("sitevision"), userCount: 3_600,
            data: .personal("Personalkatalog och interna nyheter", .publicTask, ["Anställda"]),
            manager: "david.lindberg", deputy: "annika.blom", technician: "maria.eklund",
            terms: .init(licence: 190_000, notice: 6, renews: true), tags: ["intranät", "webb"],
            description: "Intranätet med nyheter, styrdokument, personalkatalog och genvägar till systemen."),
        .init(
            key: "chatbot", name: "Kommunbot", aliases: ["Fråga Sjövik"], product: "Ebbot", version: "Molntjänst",
            supplier: "ebbot", category: .common, type: .eService, owner: "KOMM", users: ["KC"], since: 2025,
            criticality: .low, operation: .cloud("ebbot"), userCount: 12,
            data: .personal("Besvara invånares frågor i chatt", .publicTask, ["Invånare"]),
            manager: "rebecka.hakansson", deputy: "david.lindberg", technician: "maria.eklund",
            terms: .init(
                licence: 85_000, notice: 1, endsInMonths: 7, note: "Pilotavtal. Utvärdering före beslut om förlängning."
            ),
            tags: ["ai", "chatt", "e-tjänst"],
            description:
                "AI-chattbot på sjovik.se som svarar på vanliga frågor utifrån webbplatsens innehåll och lämnar över till kontaktcenter."
        ),
        .init(
            key: "oep", name: "E-tjänsteplattformen", aliases: ["Open ePlatform", "Mina sidor"],
            product: "Open ePlatform",
            version: "6.3", supplier: "nordicpeak", category: .common, type: .platform, owner: "KC", users: ["*"],
            since: 2019, criticality: .high, operation: .inHouse, userCount: 140,
            data: .personal(
                "Ansökningar och anmälningar från invånare", .publicAuthority,
                ["Invånare", "Vårdnadshavare", "Företagare"]),
            manager: "rebecka.hakansson", deputy: "niklas.hedlund", technician: "niklas.hedlund",
            terms: .init(
                licence: 0, operation: 120_000, notice: 3, renews: true,
                note: "Supportavtal; plattformen är öppen källkod."),
            tags: ["e-tjänst", "öppen-källkod"],
            description: "Plattform för kommunens cirka 160 e-tjänster med inloggning via BankID och Mina sidor."),
        .init(
            key: "telefoni", name: "Växel och telefoni", aliases: ["Touchpoint"], product: "Telia Touchpoint Plus",
            version: "Molntjänst", supplier: "telia", category: .common, type: .infrastructure, owner: "IT",
            users: ["*"], since: 2020, criticality: .high, operation: .cloud("telia"), userCount: 3_300,
            data: .personal("Telefoni och samtalsloggar", .publicTask, ["Anställda", "Uppringande"]),
            manager: "linnea.forsberg", deputy: "jonas.lundgren", technician: "jonas.lundgren",
            terms: .init(licence: 1_100_000, notice: 6, renews: true, endsInMonths: 11),
            tags: ["telefoni"], description: "Molnväxel, mobiltelefoni och kontaktcenterfunktioner."),
        .init(
            key: "gis", name: "ArcGIS Enterprise", aliases: ["Kommunens GIS"], product: "ArcGIS Enterprise",
            version: "11.4",
            supplier: "esri", category: .common, type: .platform, owner: "SBF", users: ["*"], object: "geodata",
            since: 2014, criticality: .high, operation: .inHouse, userCount: 260, data: .none,
            manager: "nina.wahlberg", deputy: "sven.westerlund", technician: "erik.johansson",
            terms: .init(licence: 380_000, notice: 3, renews: true), tags: ["gis", "geodata", "e3"],
            description:
                "Kommungemensamt GIS. Förvaltas av samhällsbyggnadsförvaltningen på uppdrag av kommunstyrelsen."),
        .init(
            key: "fir", name: "FIR", aliases: ["Fastighetsregistret"], product: "Sokigo FIR", version: "4.2",
            supplier: "sokigo", category: .common, owner: "SBF", users: ["SBF", "KLK"], object: "geodata", since: 2011,
            criticality: .high, operation: .external("sokigo"), userCount: 130,
            data: .personal(
                "Fastighetsinformation och lagfarna ägare", .publicTask, ["Fastighetsägare", "Tomträttshavare"]),
            manager: "nina.wahlberg", deputy: "sven.westerlund", technician: "niklas.hedlund",
            terms: .init(licence: 210_000, operation: 60_000, notice: 6, renews: true),
            tags: ["fastighet", "geodata", "e3"],
            description: "Fastighetsinformationsregister med dagliga uppdateringar från Lantmäteriet."),
        .init(
            key: "befolkning", name: "Befolkningsregistret", aliases: ["Navetkopian"],
            product: "Tietoevry Befolkningsregister",
            version: "3.6", supplier: "tietoevry", category: .common, owner: "KANS", users: ["*"], since: 2009,
            criticality: .critical, operation: .inHouse, userCount: 35,
            data: .personal(
                "Aktuella folkbokföringsuppgifter till kommunens system", .publicAuthority,
                ["Folkbokförda i kommunen", "Personer med skyddade personuppgifter"]),
            manager: "niklas.hedlund", deputy: "jenny.sjoberg", technician: "niklas.hedlund",
            informationOwner: "gustav.falk", terms: .init(licence: 95_000, notice: 6, renews: true),
            tags: ["folkbokföring", "e3"],
            description:
                "Lokal kopia av folkbokföringen från Skatteverkets Navet. Personer med skyddade personuppgifter visas bara för behöriga."
        ),
        .init(
            key: "copilot", name: "Microsoft 365 Copilot", product: "Microsoft 365 Copilot", version: "Molntjänst",
            supplier: "microsoft", category: .common, owner: "IT", users: ["KLK"], object: "arbetsplats", since: 2026,
            criticality: .low, operation: .cloud("microsoft"), userCount: 50,
            data: .personal(
                "AI-stöd i dokument, e-post och möten", .publicTask, ["Anställda", "Personer som nämns i dokument"]),
            manager: "maria.eklund", technician: "erik.johansson",
            tags: ["ai", "pilot"],
            description: "Pilot med 50 licenser på kommunledningskontoret. Riskbedömning och DPIA återstår."),
        .init(
            key: "siths", name: "SITHS-kort och e-legitimation", aliases: ["Smart ID"], product: "Nexus Smart ID",
            version: "23.10", supplier: "nexus", category: .common, type: .infrastructure, owner: "IT",
            users: ["SOC", "BUF"], since: 2016, criticality: .high, operation: .cloud("nexus"), userCount: 620,
            data: .personal("Utfärdande av e-tjänstekort", .legalObligation, ["Anställda"]),
            manager: "erik.johansson", deputy: "linnea.forsberg", technician: "erik.johansson",
            terms: .init(licence: 130_000, notice: 3, renews: true), tags: ["identitet", "siths"],
            description: "Utfärdande av SITHS-kort för stark inloggning i vård och omsorg och elevhälsan."),
        .init(
            key: "addo", name: "Visma Addo", aliases: ["E-underskrift"], product: "Visma Addo Sign",
            version: "Molntjänst",
            supplier: "visma", category: .common, owner: "KANS", users: ["*"], since: 2022, criticality: .low,
            operation: .cloud("visma"), userCount: 260,
            data: .personal("Elektroniska underskrifter", .publicTask, ["Anställda", "Avtalsparter"]),
            manager: "jenny.sjoberg", technician: "maria.eklund",
            terms: .init(licence: 70_000, notice: 3, renews: true), tags: ["e-underskrift"],
            description: "Elektronisk underskrift av avtal, protokoll och delegationsbeslut med BankID."),
        .init(
            key: "powerbi", name: "Power BI", product: "Microsoft Power BI Pro", version: "Molntjänst",
            supplier: "microsoft", category: .common, owner: "EKO", users: ["KLK", "SOC", "BUF"], object: "ekonomi",
            since: 2023, criticality: .low, operation: .cloud("microsoft"), userCount: 140,
            data: .personal("Verksamhetsstatistik", .publicTask, ["Anställda", "Brukare (avidentifierat)"]),
            manager: "fredrik.soderberg", technician: "niklas.hedlund",
            tags: ["rapport", "statistik"],
            description:
                "Rapporter och instrumentpaneler över verksamhetsstatistik. Licenser ingår i Microsoft 365-avtalet."),
        .init(
            key: "matomo", name: "Webbstatistik (Matomo)", product: "Matomo", version: "5.2", supplier: nil,
            category: .common, owner: "KOMM", users: ["KOMM"], since: 2021, criticality: .low, operation: .inHouse,
            userCount: 10, data: .none,
            manager: "david.lindberg", technician: "erik.johansson",
            tags: ["webb", "öppen-källkod"],
            description:
                "Besöksstatistik för webbplatserna utan kakor, i egen drift (L6: öppen källkod efter granskning)."),
    ]

    // Barn och utbildning.
    private static let education: [SystemRow] = [
        .init(
            key: "ist", name: "IST Administration", aliases: ["Elevregistret", "Extens"], product: "IST Administration",
            version: "2025.2", supplier: "ist", category: .business, owner: "BUF", users: ["FSK", "GSK", "GYM"],
            object: "skola", since: 2013, criticality: .high, operation: .cloud("ist"), userCount: 430,
            data: .personal(
                "Placering i förskola och fritidshem, elevregister, skolval och betyg", .publicAuthority,
                ["Barn och elever", "Vårdnadshavare"]),
            manager: "josefin.sandstrom", deputy: "amanda.fransson", technician: "niklas.hedlund",
            terms: .init(licence: 690_000, notice: 12), tags: ["skola", "förskola", "elevregister"],
            description:
                "Elevregister och administration av förskola, fritidshem och skola, med e-tjänster för vårdnadshavare."),
        .init(
            key: "unikum", name: "Unikum", product: "Unikum", version: "2025", supplier: "unikum", category: .business,
            owner: "BUF", users: ["FSK", "GSK"], object: "skola", since: 2021, criticality: .medium,
            operation: .cloud("unikum"), userCount: 2_600,
            data: .personal(
                "Dokumentation av lärande och kommunikation med vårdnadshavare", .publicTask,
                ["Barn och elever", "Vårdnadshavare", "Anställda"]),
            manager: "kristoffer.lindholm", deputy: "josefin.sandstrom", technician: "maria.eklund",
            terms: .init(licence: 540_000, notice: 6, renews: true), tags: ["skola", "lärplattform"],
            description: "Lärplattform för förskola och grundskola: planering, bedömning, IUP och kontakt med hemmen."),
        .init(
            key: "infomentor", name: "Infomentor", product: "Infomentor", version: "Molntjänst", supplier: "ist",
            category: .business, owner: "BUF", users: ["GSK"], object: "skola", since: 2014, criticality: .medium,
            operation: .cloud("ist"), userCount: 180,
            data: .personal("Dokumentation av lärande (historik)", .publicTask, ["Elever", "Vårdnadshavare"]),
            manager: "kristoffer.lindholm", technician: "maria.eklund",
            terms: .init(licence: 210_000, notice: 3, endsInMonths: 3, note: "Uppsagt. Ersätts av Unikum."),
            tags: ["skola", "lärplattform"],
            description: "Tidigare lärplattform för grundskolan. Dokumentationen flyttas till Unikum och e-arkivet."),
        .init(
            key: "schoolsoft", name: "Schoolsoft", product: "Schoolsoft", version: "Molntjänst", supplier: "schoolsoft",
            category: .business, owner: "BUF", users: ["GYM"], object: "skola", since: 2017, criticality: .medium,
            operation: .cloud("schoolsoft"), userCount: 950,
            data: .personal(
                "Närvaro, omdömen och kommunikation på gymnasiet", .publicTask, ["Elever", "Vårdnadshavare"]),
            manager: "leila.haddad", technician: "maria.eklund",
            terms: .init(licence: 260_000, notice: 6, endsInMonths: 12), tags: ["skola", "gymnasium", "lärplattform"],
            description: "Lärplattform och skoladministration för gymnasiet och vuxenutbildningen."),
        .init(
            key: "skola24", name: "Skola24", product: "Skola24 Schema och Frånvaro", version: "Molntjänst",
            supplier: "nova", category: .business, owner: "BUF", users: ["GSK", "GYM"], object: "skola", since: 2015,
            criticality: .high, operation: .cloud("nova"), userCount: 820,
            data: .personal("Schema och frånvarorapportering", .publicTask, ["Elever", "Vårdnadshavare", "Lärare"]),
            manager: "josefin.sandstrom", deputy: "leila.haddad", technician: "niklas.hedlund",
            terms: .init(licence: 310_000, notice: 6, endsInMonths: 8), tags: ["skola", "schema"],
            description: "Schemaläggning, frånvaroanmälan och sms till vårdnadshavare vid ogiltig frånvaro."),
        .init(
            key: "skolon", name: "Skolon", product: "Skolon", version: "Molntjänst", supplier: "skolon",
            category: .business, owner: "BUF", users: ["GSK", "GYM"], object: "skola", since: 2020, criticality: .low,
            operation: .cloud("skolon"), userCount: 3_200,
            data: .personal("Tillgång till digitala läromedel", .publicTask, ["Elever", "Lärare"]),
            manager: "anders.hellstrom", deputy: "josefin.sandstrom", technician: "maria.eklund",
            terms: .init(licence: 180_000, notice: 3, renews: true), tags: ["skola", "läromedel"],
            description: "Samlar elevernas digitala läromedel och licenser med enkel inloggning."),
        .init(
            key: "pmo", name: "PMO Elevhälsa", aliases: ["Elevhälsojournalen"], product: "PMO", version: "5.19",
            supplier: "cgm", category: .business, owner: "BUF", users: ["EH"], object: "skola", since: 2016,
            criticality: .high, operation: .cloud("cgm"), userCount: 48,
            data: .sensitive(
                "Journalföring inom elevhälsans medicinska och psykologiska insatser", .legalObligation,
                ["Elever", "Vårdnadshavare"]),
            manager: "elin.norberg", deputy: "sanna.mattsson", technician: "maria.eklund",
            terms: .init(licence: 180_000, notice: 6, renews: true),
            tags: ["elevhälsa", "journal", "patientdatalagen"],
            description: "Elevhälsojournal för skolsköterskor, skolläkare och skolpsykologer. Inloggning med SITHS."),
        .init(
            key: "mashie", name: "Mashie", product: "Mashie FoodTech", version: "Molntjänst", supplier: "mashie",
            category: .business, owner: "BUF", users: ["MAT", "SABO"], since: 2018, criticality: .medium,
            operation: .cloud("mashie"), userCount: 65,
            data: .sensitive(
                "Specialkost och beställningar", .publicTask, ["Elever med specialkost", "Boende i särskilt boende"]),
            manager: "tobias.wallin", deputy: "hanna.lindahl", technician: "maria.eklund",
            terms: .init(licence: 240_000, notice: 6, renews: true), tags: ["måltid", "kost"],
            description:
                "Menyplanering, recept, näringsberäkning, specialkost och beställningar för skolor och äldreboenden."),
    ]

    // Socialtjänst och vård och omsorg: känsliga personuppgifter nästan överallt.
    private static let socialServices: [SystemRow] = [
        .init(
            key: "lifecare", name: "Lifecare", aliases: ["Verksamhetssystemet", "LC"], product: "Lifecare",
            version: "24.3", supplier: "tietoevry", category: .business, owner: "SOC",
            users: ["IFO", "VO", "FS", "HSL"],
            object: "socialtjanst", since: 2022, criticality: .critical, operation: .external("tietoevry"),
            userCount: 780,
            data: .sensitive(
                "Handläggning och dokumentation enligt SoL, LVU, LVM och LSS samt journal enligt HSL",
                .publicAuthority, ["Klienter och brukare", "Vårdnadshavare och anhöriga", "Patienter"]),
            manager: "petra.lindstrom", deputy: "mohammed.karimi", technician: "maria.eklund",
            terms: .init(licence: 2_400_000, operation: 950_000, notice: 12),
            tags: ["socialtjänst", "journal"],
            description:
                "Socialtjänstens verksamhetssystem för individ- och familjeomsorg, vård och omsorg och funktionsstöd, med hälso- och sjukvårdsjournal."
        ),
        .init(
            key: "procapita", name: "Procapita", product: "Procapita VoO/IFO", version: "15.2", supplier: "tietoevry",
            category: .business, owner: "SOC", users: ["IFO", "VO"], object: "socialtjanst", since: 2005,
            criticality: .medium, operation: .external("tietoevry"), userCount: 25,
            data: .sensitive("Läsåtkomst till äldre akter", .publicAuthority, ["Klienter och brukare"]),
            manager: "petra.lindstrom", technician: "maria.eklund",
            terms: .init(
                licence: 350_000, notice: 3, endsInMonths: 6,
                note: "Läslicens till dess akterna är överförda till e-arkivet."),
            tags: ["socialtjänst", "avveckling"],
            description: "Tidigare verksamhetssystem; används bara för läsning tills akterna har arkiverats."),
        .init(
            key: "tes", name: "Phoniro TES", aliases: ["Hemtjänstplaneringen"], product: "TES", version: "8.2",
            supplier: "phoniro", category: .business, owner: "SOC", users: ["HT"], object: "socialtjanst", since: 2019,
            criticality: .high, operation: .cloud("phoniro"), userCount: 360,
            data: .sensitive(
                "Planering och registrering av besök i hemtjänsten", .publicAuthority, ["Brukare", "Anställda"]),
            manager: "johanna.hermansson", deputy: "louise.gustafsson", technician: "maria.eklund",
            terms: .init(licence: 620_000, notice: 6, renews: true), tags: ["hemtjänst", "planering"],
            description: "Planering av hemtjänstens besök, mobil registrering av utförd tid och underlag för avgifter."),
        .init(
            key: "las", name: "Phoniro Lås", aliases: ["Digitala nycklar"], product: "Phoniro Care Lock",
            version: "5.0",
            supplier: "phoniro", category: .business, owner: "SOC", users: ["HT"], object: "socialtjanst", since: 2026,
            criticality: .high, operation: .cloud("phoniro"), userCount: 300,
            data: .personal("Behörighet till brukares dörrar", .publicAuthority, ["Brukare", "Anställda"]),
            manager: "johanna.hermansson", deputy: "louise.gustafsson", technician: "jonas.lundgren",
            terms: .init(licence: 410_000, notice: 6), tags: ["hemtjänst", "välfärdsteknik"],
            description:
                "Digitala lås som ersätter nyckelhanteringen i hemtjänsten; besök registreras när dörren öppnas."),
        .init(
            key: "tunstall", name: "Trygghetslarm", aliases: ["Tunstall"], product: "Tunstall Connect",
            version: "Molntjänst",
            supplier: "tunstall", category: .business, owner: "SOC", users: ["VO", "HT"], object: "socialtjanst",
            since: 2017, criticality: .critical, operation: .cloud("tunstall"), userCount: 85,
            data: .sensitive(
                "Mottagning och åtgärd av trygghetslarm", .publicAuthority, ["Brukare med trygghetslarm", "Anhöriga"]),
            manager: "goran.isaksson", deputy: "louise.gustafsson", technician: "jonas.lundgren",
            terms: .init(licence: 880_000, notice: 6, renews: true), tags: ["larm", "välfärdsteknik"],
            description: "Digitala trygghetslarm med larmmottagning dygnet runt; hemtjänsten åker på larm."),
        .init(
            key: "mcss", name: "Appva MCSS", aliases: ["Signeringslistor"], product: "Appva MCSS",
            version: "Molntjänst",
            supplier: "appva", category: .business, owner: "SOC", users: ["HSL", "SABO", "HT"], object: "socialtjanst",
            since: 2020, criticality: .critical, operation: .cloud("appva"), userCount: 540,
            data: .sensitive(
                "Signering av läkemedel och hälso- och sjukvårdsinsatser", .legalObligation, ["Patienter"]),
            manager: "anna-karin.makinen", deputy: "asa.oberg", technician: "maria.eklund",
            terms: .init(licence: 460_000, notice: 6, renews: true), tags: ["läkemedel", "hälso- och sjukvård"],
            description: "Digital signering av läkemedel och delegerade insatser i hemsjukvård och särskilt boende."),
        .init(
            key: "tal", name: "Tal till text", product: "Dikta", version: "1.4", supplier: "taltjanst",
            category: .business, owner: "SOC", users: ["IFO"], since: 2026, criticality: .low,
            operation: .cloud("taltjanst"), userCount: 40,
            data: .sensitive(
                "Transkribering av diktat och samtalsanteckningar", .publicAuthority, ["Klienter", "Anhöriga"]),
            manager: "mohammed.karimi", deputy: "petra.lindstrom", technician: "maria.eklund",
            terms: .init(licence: 75_000, notice: 1, endsInMonths: 10, note: "Pilot på individ- och familjeomsorgen."),
            tags: ["ai", "pilot", "dokumentation"],
            description:
                "Taligenkänning som gör diktat till text för journalföring. Handläggaren granskar alltid texten."),
        .init(
            key: "robot", name: "Automatiserad handläggning ekonomiskt bistånd", aliases: ["Roboten"],
            product: "Egenutvecklad", version: "2.1", supplier: nil, category: .business, owner: "SOC", users: ["EKB"],
            since: 2023, criticality: .high, operation: .inHouse, userCount: 14,
            data: .sensitive(
                "Förberedelse av beslut om ekonomiskt bistånd", .publicAuthority, ["Sökande och deras hushåll"]),
            manager: "mohammed.karimi", deputy: "petra.lindstrom", technician: "niklas.hedlund",
            informationOwner: "henrik.jakobsson",
            tags: ["ai", "automatisering", "egenutveckling"],
            description:
                "Egenutvecklad automatisering (L6-undantag, beslutat av IT-chefen) som hämtar uppgifter och föreslår beräkning av försörjningsstöd. Beslut fattas av handläggare."
        ),
        .init(
            key: "timecareplan", name: "Visma Timecare Planering", product: "Timecare Planering", version: "9.3",
            supplier: "visma", category: .business, owner: "SOC", users: ["SABO", "HT", "FS"], since: 2016,
            criticality: .medium, operation: .cloud("visma"), userCount: 210,
            data: .personal("Schemaläggning av personal", .contract, ["Anställda"]),
            manager: "patrik.berglund", deputy: "karl.sjostrom", technician: "maria.eklund",
            terms: .init(licence: 230_000, notice: 6, renews: true), tags: ["schema", "bemanning"],
            description: "Bemanningsplanering och schemaläggning med önskeschema i vård och omsorg."),
    ]

    // Samhällsbyggnad.
    private static let communityDevelopment: [SystemRow] = [
        .init(
            key: "byggr", name: "ByggR", product: "ByggR", version: "2024.2", supplier: "sokigo", category: .business,
            owner: "SBF", users: ["BYGG", "PB"], object: "geodata", since: 2016, criticality: .high,
            operation: .external("sokigo"), userCount: 38,
            data: .personal(
                "Handläggning av bygglov och anmälningar", .publicAuthority, ["Sökande", "Fastighetsägare", "Grannar"]),
            manager: "martin.akesson", deputy: "robert.pettersson", technician: "niklas.hedlund",
            terms: .init(licence: 330_000, operation: 90_000, notice: 6, renews: true),
            tags: ["bygglov", "ärendehantering"],
            description: "Ärendehantering för bygglov, förhandsbesked och anmälningar enligt PBL."),
        .init(
            key: "ecos", name: "Ecos 2", aliases: ["Miljöreda"], product: "Ecos 2", version: "2.9", supplier: "sokigo",
            category: .business, owner: "SBF", users: ["MHS"], object: "geodata", since: 2015, criticality: .high,
            operation: .cloud("sokigo"), userCount: 32,
            data: .personal(
                "Tillsyn och prövning enligt miljöbalken och livsmedelslagen", .publicAuthority,
                ["Verksamhetsutövare", "Klagande", "Fastighetsägare"]),
            manager: "lisa.sundberg", deputy: "anneli.borg", technician: "niklas.hedlund",
            terms: .init(licence: 290_000, notice: 6, renews: true), tags: ["miljö", "tillsyn"],
            description: "Miljö- och hälsoskyddets ärendehantering: tillsyn, klagomål, avlopp och livsmedelskontroll."),
        .init(
            key: "origo", name: "Kommunkartan", aliases: ["Origo"], product: "Origo", version: "2.9",
            supplier: nil, category: .business, type: .eService, owner: "SBF", users: ["GIS"], object: "geodata",
            since: 2020, criticality: .low, operation: .inHouse, userCount: 15, data: .none,
            manager: "nina.wahlberg", deputy: "sven.westerlund", technician: "erik.johansson",
            tags: ["gis", "webbkarta", "öppen-källkod"],
            description:
                "Webbkarta för invånare byggd på öppen källkod (Origo), som flera kommuner utvecklar tillsammans."),
        .init(
            key: "infracontrol", name: "Infracontrol Online", aliases: ["Felanmälan"], product: "Infracontrol Online",
            version: "Molntjänst", supplier: "infracontrol", category: .business, owner: "SBF", users: ["TEK"],
            since: 2018, criticality: .medium, operation: .cloud("infracontrol"), userCount: 45,
            data: .personal("Felanmälningar och drift av gator och parker", .publicTask, ["Anmälare"]),
            manager: nil, technician: "maria.eklund",
            terms: .init(licence: 150_000, notice: 3, renews: true), tags: ["gata", "park", "felanmälan"],
            description: "Felanmälan från invånare, arbetsordrar och skötselplaner för gata och park."),
        .init(
            key: "vascada", name: "VA-styrsystemet", aliases: ["VA-SCADA"], product: "ABB Ability Symphony Plus",
            version: "3.3", supplier: "abb", category: .business, type: .infrastructure, owner: "SBF", users: ["VA"],
            since: 2012, criticality: .critical, operation: .inHouse, userCount: 15, data: .none,
            manager: "hakan.jonsson", deputy: "daniel.kvist", technician: "jonas.lundgren",
            terms: .init(licence: 410_000, notice: 6, renews: true), tags: ["va", "scada", "nis2"],
            description: "Styr och övervakar vattenverk, reningsverk och pumpstationer. Eget segmenterat nät."),
        .init(
            key: "edp", name: "EDP Future", aliases: ["VA-debiteringen"], product: "EDP Future", version: "9.1",
            supplier: "edp", category: .business, owner: "SBF", users: ["VA"], since: 2010, criticality: .high,
            operation: .external("edp"), userCount: 12,
            data: .personal("Debitering av VA- och avfallsavgifter", .contract, ["Abonnenter"]),
            manager: "daniel.kvist", deputy: "lena.engstrom", technician: "niklas.hedlund",
            terms: .init(licence: 170_000, operation: 55_000, notice: 6, renews: true), tags: ["va", "debitering"],
            description: "Abonnentregister, mätaravläsning och fakturering av vatten, avlopp och avfall."),
    ]

    // Kultur och fritid, and the companies' own systems.
    private static let cultureAndCompanies: [SystemRow] = [
        .init(
            key: "quria", name: "Quria", aliases: ["Bibliotekssystemet"], product: "Axiell Quria",
            version: "Molntjänst",
            supplier: "axiell", category: .business, owner: "KFF", users: ["BIB"], since: 2022, criticality: .medium,
            operation: .cloud("axiell"), userCount: 36,
            data: .personal("Lån, reservationer och låntagarregister", .publicTask, ["Låntagare"]),
            manager: "hampus.nordstrom", deputy: "marianne.sten", technician: "maria.eklund",
            terms: .init(licence: 370_000, notice: 6, renews: true), tags: ["bibliotek"],
            description: "Bibliotekssystem med katalog, cirkulation och webbgränssnitt för låntagare."),
        .init(
            key: "interbook", name: "Interbook Go", aliases: ["Lokalbokningen"], product: "Interbook Go",
            version: "Molntjänst",
            supplier: "interbook", category: .business, owner: "KFF", users: ["FRI", "FAST"], since: 2015,
            criticality: .medium, operation: .cloud("interbook"), userCount: 42,
            data: .personal(
                "Bokning av lokaler och anläggningar, föreningsbidrag", .contract,
                ["Föreningars företrädare", "Privatpersoner som bokar"]),
            manager: "simon.edlund", deputy: "julia.bergqvist", technician: "maria.eklund",
            terms: .init(licence: 140_000, notice: 3, renews: true), tags: ["fritid", "bokning"],
            description: "Bokning av idrottshallar, lokaler och anläggningar samt föreningsregister och bidrag."),
        .init(
            key: "speedadmin", name: "Speedadmin", product: "Speedadmin", version: "Molntjänst", supplier: "speedadmin",
            category: .business, owner: "KFF", users: ["KSK"], since: 2019, criticality: .low,
            operation: .cloud("speedadmin"), userCount: 28,
            data: .personal("Anmälan, kö och avgifter i kulturskolan", .contract, ["Elever", "Vårdnadshavare"]),
            manager: nil, technician: "maria.eklund",
            terms: .init(licence: 95_000, notice: 3, renews: true), tags: ["kulturskola"],
            description: "Elevadministration för kulturskolan: kö, antagning, schema och avgifter."),
        .init(
            key: "vitec", name: "Vitec Fastighetssystem", product: "Vitec Fastighet", version: "2025.1",
            supplier: "vitec",
            category: .business, owner: "BOST", users: ["BOST", "FAST"], since: 2014, criticality: .high,
            operation: .cloud("vitec"), userCount: 75,
            data: .personal("Hyresavtal, avier och felanmälan", .contract, ["Hyresgäster", "Bostadssökande"]),
            manager: "pernilla.wester", technician: "maria.eklund",
            terms: .init(licence: 890_000, notice: 12), tags: ["fastighet", "hyra", "bolag"],
            description:
                "Fastighetssystem för bostadsbolaget; kommunens fastighetsavdelning använder det för internhyror enligt skriftlig överenskommelse."
        ),
        .init(
            key: "bostwebb", name: "sjoviksbostader.se", product: "Optimizely CMS", version: "12",
            supplier: "optimizely",
            category: .business, type: .platform, owner: "BOST", users: ["BOST"], since: 2019, criticality: .low,
            operation: .cloud("optimizely"), userCount: 8,
            data: .personal("Bostadskö och intresseanmälningar", .contract, ["Bostadssökande"]),
            manager: "pernilla.wester", deputy: "christer.ahlberg", technician: "maria.eklund",
            terms: .init(licence: 220_000, notice: 6, renews: true), tags: ["webb", "bolag"],
            description: "Bostadsbolagets webbplats med bostadskö och Mina sidor för hyresgäster."),
        .init(
            key: "fjvscada", name: "Fjärrvärmens styrsystem", aliases: ["FJV-SCADA"], product: "ABB Ability 800xA",
            version: "6.1", supplier: "abb", category: .business, type: .infrastructure, owner: "ENERGI",
            users: ["ENERGI"], since: 2013, criticality: .critical, operation: .inHouse, userCount: 12, data: .none,
            manager: "roger.holmqvist", deputy: "viktoria.hedberg", technician: "roger.holmqvist",
            terms: .init(licence: 560_000, notice: 6, renews: true), tags: ["energi", "scada", "nis2", "bolag"],
            description: "Styr och övervakar värmeverket och fjärrvärmenätet."),
        .init(
            key: "dms", name: "Elnätets driftsystem", aliases: ["DMS"], product: "ABB Network Manager", version: "11.2",
            supplier: "abb", category: .business, type: .infrastructure, owner: "ENERGI", users: ["ENERGI"],
            since: 2016, criticality: .critical, operation: .inHouse, userCount: 10, data: .none,
            manager: "viktoria.hedberg", deputy: "roger.holmqvist", technician: "roger.holmqvist",
            terms: .init(licence: 740_000, notice: 12), tags: ["energi", "elnät", "nis2", "bolag"],
            description: "Övervakning och styrning av elnätet med avbrottshantering."),
    ]

    // MARK: Stories: the exceptions a newcomer is meant to find.

    enum LifecycleStory {
        case planned(startsInMonths: Int)
        case implementing(startsInMonths: Int)
        case decommissioning(inMonths: Int)
        case decommissioned(monthsAgo: Int)
    }

    static let lifecycleStories: [String: LifecycleStory] = [
        "platina": .planned(startsInMonths: 10), "copilot": .planned(startsInMonths: 4),
        "las": .implementing(startsInMonths: 2), "tal": .implementing(startsInMonths: 3),
        "infomentor": .decommissioning(inMonths: 3), "procapita": .decommissioning(inMonths: 6),
        "personec": .decommissioned(monthsAgo: 30),
    ]

    /// Still in production but with a decided end: the successor is on its way.
    static let plannedEnds: [String: Int] = ["public360": 16, "vmware": 18]

    enum ClassificationStory { case missing, expired }

    /// KLASSA gaps for the compliance views; planned systems are unclassified anyway.
    static let classificationStories: [String: ClassificationStory] = [
        "chatbot": .missing, "speedadmin": .missing, "interbook": .missing, "skolon": .missing,
        "tunstall": .expired, "ecos": .expired, "edp": .expired, "timecare": .expired,
    ]

    /// GDPR art. 28 agreements not yet signed although a supplier processes personal data for us.
    static let processorAgreementMissing: Set<String> = ["adato", "speedadmin", "skolon", "tal"]

    static let aiUse: [String: (risk: AIRiskClass, description: String)] = [
        "chatbot": (
            .limited,
            "Språkmodell som svarar invånare utifrån webbplatsens innehåll. Invånaren informeras om att hen chattar med en AI (transparenskrav)."
        ),
        "tal": (
            .minimal,
            "Taligenkänning som transkriberar diktat. Ingen bedömning eller automatiserat beslut; handläggaren granskar all text."
        ),
        "robot": (
            .high,
            "Förbereder beräkning och beslutsförslag om försörjningsstöd, en väsentlig offentlig förmån (bilaga III). Kräver mänsklig kontroll, loggning och registrering."
        ),
        "copilot": (.notAssessed, "Generativ AI i Microsoft 365. Bedömning enligt AI-förordningen pågår inte ännu."),
        "sentinel": (.minimal, "Maskininlärning som upptäcker avvikande inloggningar och prioriterar larm."),
    ]

    /// NIS2 / cybersäkerhetslagen beyond what criticality implies.
    static let nis2Overrides: [String: Nis2Applicability] = [
        "vascada": .essential, "fjvscada": .essential, "dms": .essential, "edp": .important,
        "copilot": .notAssessed, "chatbot": .notAssessed, "tal": .notAssessed, "speedadmin": .notAssessed,
    ]
}
