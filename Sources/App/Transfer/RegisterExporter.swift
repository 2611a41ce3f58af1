import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Builds the register's exports (CSV that opens in Excel, and JSON) for the web, the API and the CLI.
enum RegisterExporter {
    static func export(
        _ dataset: TransferRoutes.Dataset, _ format: TransferRoutes.Format, tenant: Tenant,
        query: SystemQuery = SystemQuery(),
        lang: UILanguage = .sv, today: CalendarDay, on db: any Database
    ) async throws -> [UInt8] {
        switch (dataset, format) {
        case (.systems, .csv):
            return RegisterExport.systemsCSV(
                try await systemRows(tenant: tenant, query: query, today: today, on: db), language: lang)
        case (.systems, .json):
            let context = try await RegisterContext.load(tenant: tenant, today: today, on: db)
            let systems = try await query.run(tenant: tenant, context: context, on: db, everything: true).models(
                tenant: tenant, on: db)
            return try encode(try await SystemsAPIController.responses(for: systems, context: context, on: db))
        case (.roles, .csv): return RegisterExport.rolesCSV(try await roleRows(tenant: tenant, on: db), language: lang)
        case (.roles, .json): return try encode(try await roleRows(tenant: tenant, on: db).map(RoleExportJSON.init))
        case (.integrations, .csv):
            return RegisterExport.integrationsCSV(try await integrationRows(tenant: tenant, on: db), language: lang)
        case (.integrations, .json):
            return try encode(try await integrationRows(tenant: tenant, on: db).map(IntegrationExportJSON.init))
        }
    }

    static func filename(
        _ dataset: TransferRoutes.Dataset, _ format: TransferRoutes.Format, tenant: Tenant, today: CalendarDay
    ) -> String {
        let name =
            switch dataset {
            case .systems: "system"
            case .roles: "roller"
            case .integrations: "integrationer"
            }
        return "\(name)-\(tenant.slug)-\(today.iso).\(format.rawValue)"
    }

    private static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Array(try encoder.encode(value))
    }

    /// Systems with every reference spelled out as a name, as an Excel user reads them.
    static func systemRows(
        tenant: Tenant, query: SystemQuery, today: CalendarDay, on db: any Database
    ) async throws -> [SystemExportRow] {
        let context = try await RegisterContext.load(tenant: tenant, today: today, on: db)
        let systems = try await query.run(tenant: tenant, context: context, on: db, everything: true).models(
            tenant: tenant, on: db)
        let ids = systems.compactMap(\.id)
        async let linksQuery = SystemUserOrgUnit.query(on: db).filter(\.$tenantID == tenant.requireID()).all()
        async let suppliersQuery = Supplier.scoped(to: tenant, on: db).all()
        async let objectsQuery = ManagementObject.scoped(to: tenant, on: db).all()
        async let assignmentsQuery = RoleAssignment.scoped(to: tenant, on: db).filter(\.$scope == .system).all()
        async let peopleQuery = Person.scoped(to: tenant, on: db).all()
        let idSet = Set(ids)
        let users = Dictionary(grouping: try await linksQuery.filter { idSet.contains($0.systemID) }, by: \.systemID)
        let suppliers = Dictionary(uniqueKeysWithValues: try await suppliersQuery.map { ($0.id!, $0.name) })
        let objects = Dictionary(uniqueKeysWithValues: try await objectsQuery.map { ($0.id!, $0.name) })
        let people = Dictionary(uniqueKeysWithValues: try await peopleQuery.map { ($0.id!, $0) })
        let keys = context.roleTypesByID.mapValues(\.key)
        let holders = Dictionary(
            grouping: try await assignmentsQuery.filter {
                $0.isCurrent(on: today) && ($0.systemID.map(idSet.contains) ?? false)
            }, by: { $0.systemID! })
        return systems.map { s in
            let userIDs = (users[s.id!] ?? []).map(\.orgUnitID).sorted { $0.uuidString < $1.uuidString }
            return SystemExportRow(
                draft: s.draft(userOrgUnitIds: userIDs), ownerOrgUnit: context.orgTree.name(s.ownerOrgUnitID) ?? "",
                userOrgUnits: userIDs.compactMap { context.orgTree.name($0) },
                managementObject: s.managementObjectID.flatMap { objects[$0] } ?? "",
                supplier: s.supplierID.flatMap { suppliers[$0] } ?? "",
                operatorSupplier: s.operatorSupplierID.flatMap { suppliers[$0] } ?? "",
                roleHolders: (holders[s.id!] ?? []).sorted { $0.validFrom < $1.validFrom }.compactMap { a in
                    guard let key = keys[a.roleTypeID], let person = people[a.personID] else { return nil }
                    return SystemExportRow.RoleHolder(
                        roleKey: key, holding: a.holding,
                        person: person.email.isEmpty ? person.name : "\(person.name) <\(person.email)>")
                })
        }
    }

    /// Every role assignment, current and past, with names.
    static func roleRows(tenant: Tenant, on db: any Database) async throws -> [RoleExportRow] {
        async let assignmentsQuery = RoleAssignment.scoped(to: tenant, on: db).sort(\.$validFrom).all()
        async let rolesQuery = RoleType.scoped(to: tenant, on: db).all()
        async let peopleQuery = Person.scoped(to: tenant, on: db).all()
        async let systemsQuery = ITSystem.scoped(to: tenant, on: db).field(\.$id).field(\.$name).all()
        async let unitsQuery = OrgUnit.scoped(to: tenant, on: db).all()
        async let objectsQuery = ManagementObject.scoped(to: tenant, on: db).all()
        let roles = Dictionary(uniqueKeysWithValues: try await rolesQuery.map { ($0.id!, $0) })
        let people = Dictionary(uniqueKeysWithValues: try await peopleQuery.map { ($0.id!, $0) })
        var scopeNames: [UUID: String] = [:]
        for s in try await systemsQuery { scopeNames[s.id!] = s.name }
        for u in try await unitsQuery { scopeNames[u.id!] = u.name }
        for m in try await objectsQuery { scopeNames[m.id!] = m.name }
        return try await assignmentsQuery.compactMap { a in
            guard let role = roles[a.roleTypeID], let person = people[a.personID],
                let from = CalendarDay(iso: a.validFrom)
            else { return nil }
            return RoleExportRow(
                scopeName: a.scopeID.flatMap { scopeNames[$0] } ?? tenant.name, scope: a.scope, roleName: role.name,
                holding: a.holding,
                personName: person.name, personEmail: person.email, validFrom: from,
                validTo: a.validTo.flatMap(CalendarDay.init(iso:)),
                decisionReference: a.decisionReference)
        }.sorted { ($0.scopeName, $0.roleName.sv) < ($1.scopeName, $1.roleName.sv) }
    }

    static func integrationRows(tenant: Tenant, on db: any Database) async throws -> [IntegrationExportRow] {
        let integrations = try await Integration.scoped(to: tenant, on: db).all()
        let systems = try await ITSystem.scoped(to: tenant, on: db).field(\.$id).field(\.$name).all()
        let names = Dictionary(uniqueKeysWithValues: systems.map { ($0.id!, $0.name) })
        return integrations.map {
            IntegrationExportRow(
                draft: $0.draft, sourceSystem: names[$0.sourceSystemID] ?? "",
                targetSystem: $0.targetSystemID.flatMap { names[$0] } ?? "")
        }.sorted { ($0.sourceSystem, $0.targetSystem) < ($1.sourceSystem, $1.targetSystem) }
    }
}

/// A role assignment in the JSON export.
struct RoleExportJSON: Encodable {
    var scope: RoleScopeKind
    var scopeName: String
    var role: String
    var holding: RoleHolding
    var person: String
    var email: String
    var validFrom: CalendarDay
    var validTo: CalendarDay?
    var decisionReference: String

    init(_ r: RoleExportRow) {
        scope = r.scope
        scopeName = r.scopeName
        role = r.roleName.sv
        holding = r.holding
        person = r.personName
        email = r.personEmail
        validFrom = r.validFrom
        validTo = r.validTo
        decisionReference = r.decisionReference
    }
}

/// An integration in the JSON export, with system names beside the ids.
struct IntegrationExportJSON: Encodable {
    var sourceSystem: String
    var targetSystem: String
    var draft: IntegrationDraft

    init(_ r: IntegrationExportRow) {
        sourceSystem = r.sourceSystem
        targetSystem = r.targetSystem
        draft = r.draft
    }

    enum CodingKeys: String, CodingKey { case sourceSystem, targetSystem }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sourceSystem, forKey: .sourceSystem)
        try c.encode(targetSystem, forKey: .targetSystem)
        try draft.encode(to: encoder)
    }
}
