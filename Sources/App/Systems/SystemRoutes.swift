import Foundation
import StyrbordCore
import Vapor

/// The tabs of a system's page; each is its own URL so they work without JavaScript.
enum SystemTab: String, CaseIterable, Sendable {
    case overview, roles, integrations, contracts, service, classification, history

    func title(_ lang: UILanguage) -> String {
        switch self {
        case .overview: lang == .sv ? "Översikt" : "Overview"
        case .roles: lang == .sv ? "Roller" : "Roles"
        case .integrations: lang == .sv ? "Integrationer" : "Integrations"
        case .contracts: lang == .sv ? "Avtal" : "Contracts"
        case .service: lang == .sv ? "Drift och tillgänglighet" : "Operations and availability"
        case .classification: lang == .sv ? "Klassning och GDPR" : "Classification and GDPR"
        case .history: lang == .sv ? "Historik" : "History"
        }
    }
}

/// Every URL of the system register, and where each is registered.
enum SystemRoutes {
    static func index(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "systems"), query: query)
    }
    static func new(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "systems", "new") }
    static func show(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "systems", id.uuidString)
    }
    static func tab(_ tenant: String, _ id: UUID, _ tab: SystemTab) -> String {
        tab == .overview ? show(tenant, id) : URLBuilder.segments("t", tenant, "systems", id.uuidString, tab.rawValue)
    }
    static func edit(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "systems", id.uuidString, "edit")
    }
    static func delete(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "systems", id.uuidString, "delete")
    }
    static func neighbourhoodSVG(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "systems", id.uuidString, "neighbourhood.svg")
    }

    static func apiIndex(_ tenant: String) -> String { URLBuilder.segments("api", "v1", "tenants", tenant, "systems") }
    static func apiShow(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "systems", id.uuidString)
    }

    /// - Parameters:
    ///   - html: routes under `/t/:tenant`
    ///   - api: routes under `/api/v1/tenants/:tenant`
    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = SystemsController()
        let systems = html.grouped("systems")
        systems.get(use: pages.index).access(.tenant(.read))
        systems.get("new", use: pages.new).access(.tenant(.createSystem))
        systems.post(use: pages.create).access(.tenant(.createSystem))
        systems.get(":systemID", use: pages.show).access(.tenant(.read))
        for tab in SystemTab.allCases where tab != .overview {
            systems.get(":systemID", .constant(tab.rawValue)) { req in try await pages.show(req: req, tab: tab) }
                .access(.tenant(.read))
        }
        systems.get(":systemID", "neighbourhood.svg", use: pages.neighbourhoodSVG).access(.tenant(.read))
        systems.get(":systemID", "edit", use: pages.edit).access(.tenant(.editSystem(param: "systemID")))
        systems.post(":systemID", "edit", use: pages.update).access(.tenant(.editSystem(param: "systemID")))
        systems.get(":systemID", "delete", use: pages.confirmDelete).access(.tenant(.deleteSystem(param: "systemID")))
        systems.post(":systemID", "delete", use: pages.delete).access(.tenant(.deleteSystem(param: "systemID")))

        let json = SystemsAPIController()
        let apiSystems = api.grouped("systems")
        apiSystems.get(use: json.index).access(.tenant(.read))
        apiSystems.post(use: json.create).access(.tenant(.createSystem))
        apiSystems.get(":systemID", use: json.show).access(.tenant(.read))
        apiSystems.put(":systemID", use: json.update).access(.tenant(.editSystem(param: "systemID")))
        apiSystems.delete(":systemID", use: json.delete).access(.tenant(.deleteSystem(param: "systemID")))
        apiSystems.get(":systemID", "dependencies", use: json.dependencies).access(.tenant(.read))
        apiSystems.get(":systemID", "history", use: json.history).access(.tenant(.read))
    }
}
