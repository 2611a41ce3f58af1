import StyrbordCore

extension Showcase {
    struct IntegrationRow {
        var from: String
        /// nil when the information leaves the municipality.
        var to: String?
        var kind: IntegrationKind
        var frequency: IntegrationFrequency
        var information: String
        var externalParty: String = ""
        var description: String = ""
    }

    // An integration draft has no external source, so information arriving from outside enters through
    // the integration platform (F2) and names the party it comes from. Chains to follow in the
    // dependency views: Navet → befolkningsregister → IST → Skola24 → Unikum; Heroma → Unit4 ERP →
    // Hypergene → Stratsys; Lifecare → TES; Lantmäteriet → FIR → ByggR.
    static let integrations: [IntegrationRow] = [
        // Folkbokföring and school.
        .init(
            from: "integration", to: "befolkning", kind: .file, frequency: .daily,
            information: "Personuppgifter från folkbokföringen", externalParty: "Skatteverket (Navet)",
            description: "Aviseringar om förändringar för folkbokförda i kommunen."),
        .init(
            from: "befolkning", to: "ist", kind: .api, frequency: .daily,
            information: "Folkbokföringsuppgifter för barn, elever och vårdnadshavare"),
        .init(
            from: "befolkning", to: "lifecare", kind: .api, frequency: .daily,
            information: "Folkbokföringsuppgifter för klienter och brukare"),
        .init(
            from: "befolkning", to: "quria", kind: .file, frequency: .weekly,
            information: "Adressuppdatering för låntagare"),
        .init(
            from: "befolkning", to: "oep", kind: .api, frequency: .realtime,
            information: "Personuppgifter för förifyllda e-tjänster"),
        .init(
            from: "ist", to: "skola24", kind: .api, frequency: .daily,
            information: "Elever, grupper och lärare för schemaläggning"),
        .init(from: "skola24", to: "unikum", kind: .api, frequency: .hourly, information: "Schema och frånvaro"),
        .init(
            from: "ist", to: "unikum", kind: .api, frequency: .daily, information: "Elevuppgifter, grupper och klasser"),
        .init(
            from: "ist", to: "schoolsoft", kind: .file, frequency: .daily,
            information: "Elevuppgifter för gymnasiet och vuxenutbildningen"),
        .init(
            from: "ist", to: "infomentor", kind: .file, frequency: .daily, information: "Elevuppgifter",
            description: "Stängs när Infomentor avvecklas."),
        .init(
            from: "ist", to: "skolon", kind: .api, frequency: .daily,
            information: "Elever och klasser för läromedelslicenser"),
        .init(
            from: "ist", to: "pmo", kind: .api, frequency: .daily, information: "Elevuppgifter till elevhälsojournalen"),
        .init(
            from: "ist", to: "speedadmin", kind: .file, frequency: .weekly,
            information: "Elevuppgifter för kulturskolan"),
        .init(from: "ist", to: "entra", kind: .api, frequency: .daily, information: "Elevkonton (provisionering)"),
        .init(
            from: "ist", to: nil, kind: .file, frequency: .yearly, information: "Elev- och betygsstatistik",
            externalParty: "SCB"),
        // HR, lön, ekonomi, rapport.
        .init(
            from: "heroma", to: "entra", kind: .api, frequency: .hourly,
            information: "Anställningar för kontoprovisionering"),
        .init(
            from: "heroma", to: "ekonomi", kind: .file, frequency: .monthly,
            information: "Löneunderlag och lönekostnader per konto"),
        .init(
            from: "heroma", to: "hypergene", kind: .file, frequency: .monthly,
            information: "Personalstatistik (sjukfrånvaro, årsarbetare)"),
        .init(
            from: "heroma", to: "adato", kind: .api, frequency: .daily,
            information: "Anställda, chefer och sjukfrånvaro"),
        .init(
            from: "heroma", to: "intranat", kind: .api, frequency: .daily,
            information: "Personalkatalog (namn, titel, enhet)"),
        .init(
            from: "heroma", to: nil, kind: .file, frequency: .monthly,
            information: "Arbetsgivardeklaration på individnivå", externalParty: "Skatteverket"),
        .init(
            from: "heroma", to: nil, kind: .file, frequency: .monthly, information: "Löneutbetalningar",
            externalParty: "Bank (Swedbank)"),
        .init(
            from: "heroma", to: nil, kind: .file, frequency: .monthly, information: "Pensionsunderlag",
            externalParty: "KPA Pension"),
        .init(
            from: "timecare", to: "heroma", kind: .file, frequency: .weekly,
            information: "Arbetad tid för vikarier (löneunderlag)"),
        .init(
            from: "proceedo", to: "ekonomi", kind: .api, frequency: .daily,
            information: "Beställningar och leverantörsfakturor för matchning"),
        .init(
            from: "integration", to: "ekonomi", kind: .api, frequency: .daily, information: "Leverantörsfakturor",
            externalParty: "Peppol (e-faktura)"),
        .init(
            from: "integration", to: "ekonomi", kind: .file, frequency: .monthly,
            information: "Lån, räntor och förfallodagar",
            externalParty: "Kommuninvest"),
        .init(
            from: "ekonomi", to: nil, kind: .file, frequency: .daily,
            information: "Betalningsfiler för leverantörsbetalningar",
            externalParty: "Bank (Swedbank/Bankgirot)"),
        .init(
            from: "ekonomi", to: "hypergene", kind: .database, frequency: .daily,
            information: "Redovisningsdata (utfall per konto och ansvar)"),
        .init(
            from: "hypergene", to: "stratsys", kind: .api, frequency: .monthly,
            information: "Nyckeltal för måluppföljning"),
        .init(
            from: "ekonomi", to: "powerbi", kind: .database, frequency: .daily,
            information: "Ekonomiskt utfall för instrumentpaneler"),
        // Identity and the workplace.
        .init(
            from: "entra", to: "exchange", kind: .event, frequency: .realtime,
            information: "Användarkonton och brevlådor"),
        .init(
            from: "entra", to: "easit", kind: .api, frequency: .daily,
            information: "Användare och organisationstillhörighet"),
        .init(
            from: "entra", to: "sentinel", kind: .event, frequency: .realtime,
            information: "Inloggnings- och granskningsloggar"),
        .init(
            from: "vmware", to: "backup", kind: .database, frequency: .daily,
            information: "Säkerhetskopior av virtuella servrar"),
        // Socialtjänst.
        .init(
            from: "lifecare", to: "tes", kind: .api, frequency: .daily, information: "Beviljade insatser i hemtjänsten"),
        .init(from: "tes", to: "lifecare", kind: .api, frequency: .daily, information: "Utförd tid per brukare"),
        .init(
            from: "las", to: "tes", kind: .api, frequency: .realtime, information: "Besöksregistrering via digitala lås"
        ),
        .init(
            from: "tes", to: "ekonomi", kind: .file, frequency: .monthly, information: "Underlag för hemtjänstavgifter"),
        .init(
            from: "tunstall", to: "lifecare", kind: .api, frequency: .daily,
            information: "Larmhändelser till social dokumentation"),
        .init(
            from: "mcss", to: "lifecare", kind: .api, frequency: .daily,
            information: "Signerade läkemedelslistor och avvikelser"),
        .init(
            from: "integration", to: "mcss", kind: .api, frequency: .daily, information: "Läkemedelsordinationer",
            externalParty: "E-hälsomyndigheten (Nationella läkemedelslistan)"),
        .init(
            from: "lifecare", to: "robot", kind: .api, frequency: .daily,
            information: "Ansökningar om ekonomiskt bistånd"),
        .init(
            from: "robot", to: nil, kind: .api, frequency: .onDemand,
            information: "Förfrågan om inkomster och ersättningar för sökande",
            externalParty: "Försäkringskassan, CSN m.fl. (SSBTEK)"),
        .init(
            from: "robot", to: "lifecare", kind: .api, frequency: .daily,
            information: "Beräkning och beslutsförslag om försörjningsstöd"),
        .init(
            from: "lifecare", to: "ekonomi", kind: .file, frequency: .daily,
            information: "Utbetalningar av ekonomiskt bistånd"),
        .init(
            from: "lifecare", to: nil, kind: .file, frequency: .monthly,
            information: "Individstatistik om socialtjänstens insatser",
            externalParty: "Socialstyrelsen"),
        .init(
            from: "tal", to: "lifecare", kind: .api, frequency: .onDemand, information: "Transkriberade anteckningar"),
        .init(
            from: "procapita", to: "earkiv", kind: .file, frequency: .onDemand,
            information: "Avslutade akter för slutarkivering",
            description: "Uttag enligt FGS innan Procapita stängs."),
        // Ärenden, e-tjänster och arkiv.
        .init(
            from: "public360", to: "earkiv", kind: .file, frequency: .yearly,
            information: "Avslutade ärenden och handlingar"),
        .init(
            from: "oep", to: "public360", kind: .api, frequency: .realtime,
            information: "Inkomna ansökningar och ärenden"),
        .init(from: "oep", to: "byggr", kind: .api, frequency: .realtime, information: "Ansökningar om bygglov"),
        .init(
            from: "oep", to: "ist", kind: .api, frequency: .realtime,
            information: "Ansökningar om förskoleplats och skolval"),
        .init(
            from: "oep", to: "lifecare", kind: .api, frequency: .realtime,
            information: "Ansökningar om ekonomiskt bistånd"),
        .init(from: "oep", to: "mashie", kind: .api, frequency: .realtime, information: "Anmälan om specialkost"),
        .init(
            from: "oep", to: "infracontrol", kind: .api, frequency: .realtime,
            information: "Felanmälningar från invånare"),
        .init(
            from: "webb", to: "chatbot", kind: .api, frequency: .daily,
            information: "Webbinnehåll till chattbotens kunskapsbas"),
        // Geodata och samhällsbyggnad.
        .init(
            from: "integration", to: "fir", kind: .api, frequency: .daily, information: "Fastighetsinformation",
            externalParty: "Lantmäteriet"),
        .init(
            from: "fir", to: "gis", kind: .database, frequency: .daily,
            information: "Fastighetsgränser och ägaruppgifter"),
        .init(from: "fir", to: "byggr", kind: .api, frequency: .daily, information: "Fastighets- och ägaruppgifter"),
        .init(
            from: "fir", to: "ecos", kind: .api, frequency: .daily,
            information: "Fastighetsuppgifter för tillsynsobjekt"),
        .init(from: "gis", to: "origo", kind: .api, frequency: .realtime, information: "Kartlager (WMS/WFS)"),
        .init(from: "gis", to: "byggr", kind: .api, frequency: .realtime, information: "Detaljplaner och kartunderlag"),
        .init(
            from: "byggr", to: "ekonomi", kind: .file, frequency: .weekly,
            information: "Fakturaunderlag för bygglovsavgifter"),
        .init(
            from: "byggr", to: nil, kind: .file, frequency: .yearly,
            information: "Statistik om bygglov och startbesked",
            externalParty: "Boverket"),
        .init(
            from: "ecos", to: "ekonomi", kind: .file, frequency: .monthly,
            information: "Fakturaunderlag för tillsynsavgifter"),
        .init(
            from: "edp", to: "ekonomi", kind: .file, frequency: .monthly,
            information: "Kundreskontra för VA- och avfallsavgifter"),
        // Kultur, fritid och bolag.
        .init(
            from: "integration", to: "quria", kind: .api, frequency: .daily, information: "Bibliografiska poster",
            externalParty: "Kungliga biblioteket (Libris)"),
        .init(
            from: "interbook", to: "ekonomi", kind: .file, frequency: .monthly,
            information: "Fakturaunderlag för bokningar"),
        .init(
            from: "vitec", to: "ekonomi", kind: .file, frequency: .monthly,
            information: "Internhyror för kommunens lokaler"),
        .init(
            from: "fjvscada", to: "dms", kind: .api, frequency: .realtime,
            information: "Driftlägen och larm från värmeverket"),
    ]
}
