import StyrbordCore

/// A supplier of the Swedish municipal market as the demo knows it. Names and websites are the real
/// companies'; the organisation numbers are made up (valid check digit, not the companies' own).
struct SupplierProfile: Sendable {
    var key: String
    var name: String
    var organisationNumber: String
    var website: String
    var notes: String

    func draft(contactName: String) -> SupplierDraft {
        SupplierDraft(
            name: name, organisationNumber: organisationNumber, contactName: contactName, website: website,
            notes: notes)
    }
}

enum SupplierCatalogue {
    private static let adda = "Avrop från Adda Inköpscentrals ramavtal."

    /// The suppliers the showcase uses, then the extra ones generated municipalities draw from.
    static let all: [SupplierProfile] = [
        SupplierProfile(
            key: "unit4", name: "Unit4 Business Software AB", organisationNumber: "556040-1068",
            website: "https://www.unit4.com", notes: "Ekonomisystemet (tidigare Agresso)."),
        SupplierProfile(
            key: "visma", name: "Visma Enterprise AB", organisationNumber: "556281-0449",
            website: "https://www.visma.se", notes: "Proceedo, TendSign, Recruit och Timecare."),
        SupplierProfile(
            key: "cgi", name: "CGI Sverige AB", organisationNumber: "556455-3450",
            website: "https://www.cgi.com/se/sv", notes: "Heroma med drift i CGI:s datacenter."),
        SupplierProfile(
            key: "tietoevry", name: "Tietoevry Sweden AB", organisationNumber: "559020-3252",
            website: "https://www.tietoevry.com", notes: "Lifecare, Procapita, Public 360° och Ciceron."),
        SupplierProfile(
            key: "formpipe", name: "Formpipe Software AB", organisationNumber: "559855-6909",
            website: "https://www.formpipe.com", notes: "E-arkiv och Platina."),
        SupplierProfile(
            key: "sokigo", name: "Sokigo AB", organisationNumber: "559096-6098",
            website: "https://www.sokigo.com", notes: "Ecos, ByggR och FIR."),
        SupplierProfile(
            key: "microsoft", name: "Microsoft AB", organisationNumber: "556657-9206",
            website: "https://www.microsoft.com/sv-se", notes: "Licenser köps via återförsäljare."),
        SupplierProfile(
            key: "atea", name: "Atea Sverige AB", organisationNumber: "559203-2519",
            website: "https://www.atea.se", notes: "Återförsäljare av licenser och hårdvara. " + adda),
        SupplierProfile(
            key: "easit", name: "Easit AB", organisationNumber: "556462-8195",
            website: "https://www.easit.com", notes: ""),
        SupplierProfile(
            key: "sitevision", name: "Sitevision AB", organisationNumber: "559816-1544",
            website: "https://www.sitevision.se", notes: "Webbplats och intranät i Sitevision Cloud."),
        SupplierProfile(
            key: "nordicpeak", name: "Nordic Peak AB", organisationNumber: "556702-8963",
            website: "https://www.oeplatform.org", notes: "Support på Open ePlatform (öppen källkod)."),
        SupplierProfile(
            key: "telia", name: "Telia Sverige AB", organisationNumber: "559753-7199",
            website: "https://www.telia.se", notes: "Telefoni och växel. " + adda),
        SupplierProfile(
            key: "esri", name: "Esri Sverige AB", organisationNumber: "559841-4034",
            website: "https://www.esri.se", notes: "ArcGIS-licenser (kommunavtal)."),
        SupplierProfile(
            key: "nexus", name: "Nexus Group AB", organisationNumber: "559925-6632",
            website: "https://www.nexusgroup.com", notes: "Smart ID för SITHS-kort."),
        SupplierProfile(
            key: "ist", name: "IST Sverige AB", organisationNumber: "556681-9511",
            website: "https://www.ist.com", notes: "IST Administration och Infomentor."),
        SupplierProfile(
            key: "unikum", name: "Unikum Datorsystem AB", organisationNumber: "559343-8343",
            website: "https://www.unikum.net", notes: ""),
        SupplierProfile(
            key: "schoolsoft", name: "Schoolsoft AB", organisationNumber: "556566-6749",
            website: "https://www.schoolsoft.se", notes: ""),
        SupplierProfile(
            key: "nova", name: "Nova Software AB", organisationNumber: "559066-9049",
            website: "https://www.skola24.se", notes: "Skola24."),
        SupplierProfile(
            key: "cgm", name: "CompuGroup Medical Sweden AB", organisationNumber: "556209-4598",
            website: "https://www.cgm.com", notes: "PMO elevhälsojournal."),
        SupplierProfile(
            key: "mashie", name: "Mashie FoodTech AB", organisationNumber: "559792-0445",
            website: "https://www.mashie.com", notes: ""),
        SupplierProfile(
            key: "phoniro", name: "Phoniro Systems AB", organisationNumber: "556061-3845",
            website: "https://www.phoniro.se", notes: "Planering och digitala lås i hemtjänsten."),
        SupplierProfile(
            key: "tunstall", name: "Tunstall AB", organisationNumber: "559490-9318",
            website: "https://www.tunstall.se", notes: "Trygghetslarm och larmmottagning."),
        SupplierProfile(
            key: "appva", name: "Appva AB", organisationNumber: "556110-0867",
            website: "https://www.appva.com", notes: ""),
        SupplierProfile(
            key: "taltjanst", name: "Nordisk Taltjänst AB", organisationNumber: "556283-5545",
            website: "", notes: "Liten leverantör; upphandlad som direktupphandling för pilot."),
        SupplierProfile(
            key: "infracontrol", name: "Infracontrol AB", organisationNumber: "556116-4384",
            website: "https://www.infracontrol.com", notes: ""),
        SupplierProfile(
            key: "axiell", name: "Axiell Sverige AB", organisationNumber: "559017-7852",
            website: "https://www.axiell.com", notes: "Quria, gemensam upphandling i länet."),
        SupplierProfile(
            key: "interbook", name: "Interbook Go AB", organisationNumber: "556194-6178",
            website: "", notes: "Lokalbokning och föreningsregister."),
        SupplierProfile(
            key: "speedadmin", name: "SpeedAdmin Sverige AB", organisationNumber: "556750-8634",
            website: "https://www.speedadmin.dk", notes: ""),
        SupplierProfile(
            key: "vitec", name: "Vitec Fastighetssystem AB", organisationNumber: "556515-7079",
            website: "https://www.vitecsoftware.com", notes: "Avtalet tecknat av bostadsbolaget."),
        SupplierProfile(
            key: "optimizely", name: "Optimizely AB", organisationNumber: "556592-1193",
            website: "https://www.optimizely.com", notes: "Tidigare Episerver."),
        SupplierProfile(
            key: "abb", name: "ABB AB", organisationNumber: "559731-5786",
            website: "https://new.abb.com/se", notes: "Styr- och övervakningssystem (SCADA)."),
        SupplierProfile(
            key: "stratsys", name: "Stratsys AB", organisationNumber: "559905-5901",
            website: "https://www.stratsys.com", notes: ""),
        SupplierProfile(
            key: "hypergene", name: "Hypergene AB", organisationNumber: "559590-4706",
            website: "https://www.hypergene.com", notes: ""),
        SupplierProfile(
            key: "adato", name: "Adato Software AB", organisationNumber: "559663-9509",
            website: "https://www.adato.se", notes: ""),
        // Only generated municipalities use the ones below.
        SupplierProfile(
            key: "pulsen", name: "Pulsen Omsorg AB", organisationNumber: "559936-9997",
            website: "https://www.pulsenomsorg.se", notes: "Combine."),
        SupplierProfile(
            key: "advania", name: "Advania Sverige AB", organisationNumber: "559830-0159",
            website: "https://www.advania.se", notes: "Driftpartner. " + adda),
        SupplierProfile(
            key: "netpublicator", name: "Netpublicator AB", organisationNumber: "556234-6766",
            website: "https://www.netpublicator.com", notes: ""),
        SupplierProfile(
            key: "artvise", name: "Artvise AB", organisationNumber: "556824-1722",
            website: "https://www.artvise.se", notes: ""),
        SupplierProfile(
            key: "frends", name: "Frends Technology AB", organisationNumber: "556436-0526",
            website: "https://frends.com", notes: "Integrationsplattform."),
        SupplierProfile(
            key: "edp", name: "EDP Consult AB", organisationNumber: "556165-9854",
            website: "https://www.edp.se", notes: "VA- och renhållningsdebitering."),
        SupplierProfile(
            key: "trimble", name: "Trimble AB", organisationNumber: "559146-7708",
            website: "https://www.trimble.com", notes: ""),
        SupplierProfile(
            key: "schneider", name: "Schneider Electric Sverige AB", organisationNumber: "556298-7098",
            website: "https://www.se.com/se/sv", notes: ""),
        SupplierProfile(
            key: "ebbot", name: "Ebbot AB", organisationNumber: "559558-4672",
            website: "https://www.ebbot.ai", notes: "Chattbot."),
        SupplierProfile(
            key: "skolon", name: "Skolon AB", organisationNumber: "556081-8220",
            website: "https://www.skolon.com", notes: "Läromedelsplattform."),
        SupplierProfile(
            key: "vklass", name: "Vklass AB", organisationNumber: "556114-5151",
            website: "https://www.vklass.se", notes: ""),
        SupplierProfile(
            key: "siteimprove", name: "Siteimprove AB", organisationNumber: "556772-4611",
            website: "https://www.siteimprove.com", notes: "Tillgänglighetsgranskning av webben."),
        SupplierProfile(
            key: "sweco", name: "Sweco Sverige AB", organisationNumber: "556168-5867",
            website: "https://www.sweco.se", notes: "GIS-konsulter."),
        SupplierProfile(
            key: "metria", name: "Metria AB", organisationNumber: "556902-3228",
            website: "https://www.metria.se", notes: ""),
        SupplierProfile(
            key: "inera", name: "Inera AB", organisationNumber: "556717-7612",
            website: "https://www.inera.se", notes: "SITHS, 1177 och Säker digital kommunikation."),
        SupplierProfile(
            key: "tele2", name: "Tele2 Sverige AB", organisationNumber: "559295-1023",
            website: "https://www.tele2.se", notes: "Mobiltelefoni. " + adda),
        SupplierProfile(
            key: "softronic", name: "Softronic AB", organisationNumber: "559799-0372",
            website: "https://www.softronic.se", notes: "Konsulter för egenutvecklade e-tjänster."),
        SupplierProfile(
            key: "knowit", name: "Knowit Sweden AB", organisationNumber: "559099-1708",
            website: "https://www.knowit.se", notes: ""),
        SupplierProfile(
            key: "uipath", name: "UiPath AB", organisationNumber: "559602-9081",
            website: "https://www.uipath.com", notes: "Robotiserad processautomation."),
    ]

    static let byKey: [String: SupplierProfile] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })
}
