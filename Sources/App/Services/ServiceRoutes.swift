import Foundation
import Vapor

/// URLs of the tjänstekatalog, the agreements on service level and the outages. Everyone reads; the
/// administrator keeps the catalogue; whoever may change a system records its agreement and outages.
enum ServiceRoutes {
    static func catalogue(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "services") }
    static func newService(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "services", "new") }
    static func editService(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "services", id.uuidString, "edit")
    }
    static func newLevel(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "services", id.uuidString, "levels", "new")
    }
    static func levels(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "services", id.uuidString, "levels")
    }
    static func agreements(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "agreements") }
    static func newAgreement(_ tenant: String, system: UUID? = nil) -> String {
        URLBuilder.path(
            URLBuilder.segments("t", tenant, "agreements", "new"),
            query: system.map { [("system", $0.uuidString)] } ?? [])
    }
    static func editAgreement(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "agreements", id.uuidString, "edit")
    }
    static func outages(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "outages") }
    static func newOutage(_ tenant: String, system: UUID) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "outages", "new"), query: [("system", system.uuidString)])
    }
    static func editOutage(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "outages", id.uuidString, "edit")
    }

    static func apiService(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "services", id.uuidString)
    }
    static func apiLevel(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "service-levels", id.uuidString)
    }
    static func apiAgreement(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "agreements", id.uuidString)
    }
    static func apiOutage(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "outages", id.uuidString)
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = ServicesController()
        let admin = RouteAccess.tenant(.administer)
        let editAgreement = RouteAccess.tenant(.editAgreement(param: "agreementID"))
        let editOutage = RouteAccess.tenant(.editOutage(param: "outageID"))
        let services = html.grouped("services")
        services.get(use: pages.catalogue).access(.tenant(.read))
        services.get("new", use: pages.newService).access(admin)
        services.post(use: pages.createService).access(admin)
        services.get(":serviceID", "edit", use: pages.editService).access(admin)
        services.post(":serviceID", "edit", use: pages.updateService).access(admin)
        services.get(":serviceID", "levels", "new", use: pages.newLevel).access(admin)
        services.post(":serviceID", "levels", use: pages.createLevel).access(admin)
        let agreements = html.grouped("agreements")
        agreements.get(use: pages.agreements).access(.tenant(.read))
        // The system is chosen in the form; the rules then check the right to change it.
        agreements.get("new", use: pages.newAgreement).access(.tenant(.editSomeSystem))
        agreements.post(use: pages.createAgreement).access(.tenant(.editSomeSystem))
        agreements.get(":agreementID", "edit", use: pages.editAgreement).access(editAgreement)
        agreements.post(":agreementID", "edit", use: pages.updateAgreement).access(editAgreement)
        let outages = html.grouped("outages")
        outages.get("new", use: pages.newOutage).access(.tenant(.editSomeSystem))
        outages.post(use: pages.createOutage).access(.tenant(.editSomeSystem))
        outages.get(":outageID", "edit", use: pages.editOutage).access(editOutage)
        outages.post(":outageID", "edit", use: pages.updateOutage).access(editOutage)

        let json = ServicesAPIController()
        let apiServices = api.grouped("services")
        apiServices.get(use: json.services).access(.tenant(.read))
        apiServices.post(use: json.createService).access(admin)
        apiServices.get(":serviceID", use: json.service).access(.tenant(.read))
        apiServices.put(":serviceID", use: json.updateService).access(admin)
        apiServices.delete(":serviceID", use: json.deleteService).access(admin)
        apiServices.post(":serviceID", "levels", use: json.createLevel).access(admin)
        let apiLevels = api.grouped("service-levels")
        apiLevels.put(":levelID", use: json.updateLevel).access(admin)
        apiLevels.delete(":levelID", use: json.deleteLevel).access(admin)
        let apiAgreements = api.grouped("agreements")
        apiAgreements.get(use: json.agreements).access(.tenant(.read))
        apiAgreements.post(use: json.createAgreement).access(.tenant(.editSomeSystem))
        apiAgreements.get(":agreementID", use: json.agreement).access(.tenant(.read))
        apiAgreements.put(":agreementID", use: json.updateAgreement).access(editAgreement)
        apiAgreements.delete(":agreementID", use: json.deleteAgreement).access(editAgreement)
        apiAgreements.get(":agreementID", "availability", use: json.availability).access(.tenant(.read))
        let apiOutages = api.grouped("outages")
        apiOutages.get(use: json.outages).access(.tenant(.read))
        apiOutages.post(use: json.createOutage).access(.tenant(.editSomeSystem))
        apiOutages.get(":outageID", use: json.outage).access(.tenant(.read))
        apiOutages.put(":outageID", use: json.updateOutage).access(editOutage)
        apiOutages.delete(":outageID", use: json.deleteOutage).access(editOutage)
    }
}
