import Foundation
import Vapor

/// URLs of contract forms.
enum ContractRoutes {
    static func new(_ tenant: String, system: UUID) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "contracts", "new"), query: [("system", system.uuidString)])
    }
    static func create(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "contracts") }
    static func edit(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "contracts", id.uuidString, "edit")
    }
    static func delete(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "contracts", id.uuidString, "delete")
    }
}

extension ContractRoutes {
    static func apiShow(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "contracts", id.uuidString)
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = ContractsController()
        let group = html.grouped("contracts")
        group.get("new", use: pages.new).access(.tenant(.editSomeSystem))
        group.post(use: pages.create).access(.tenant(.editSomeSystem))
        group.get(":contractID", "edit", use: pages.edit).access(.tenant(.editContract(param: "contractID")))
        group.post(":contractID", "edit", use: pages.update).access(.tenant(.editContract(param: "contractID")))
        group.get(":contractID", "delete", use: pages.confirmDelete).access(.tenant(.editContract(param: "contractID")))
        group.post(":contractID", "delete", use: pages.delete).access(.tenant(.editContract(param: "contractID")))

        let json = ContractsAPIController()
        let apiGroup = api.grouped("contracts")
        apiGroup.get(use: json.index).access(.tenant(.read))
        apiGroup.post(use: json.create).access(.tenant(.editSomeSystem))
        apiGroup.get(":contractID", use: json.show).access(.tenant(.read))
        apiGroup.put(":contractID", use: json.update).access(.tenant(.editContract(param: "contractID")))
        apiGroup.delete(":contractID", use: json.delete).access(.tenant(.editContract(param: "contractID")))
    }
}
