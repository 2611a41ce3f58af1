import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Creating, changing and deleting systems: the checks that need the database, the writes, and their
/// history, in one transaction. Both controllers, the importer and the demo loader go through here.
enum SystemRules {
    static let objectType = "system"

    /// Checks that every record the draft points at exists in this tenant. An id from another tenant
    /// is reported exactly like an unknown one.
    static func referenceIssues(
        _ d: ITSystemDraft, tenant: Tenant, on db: any Database
    ) async throws -> [ValidationIssue] {
        var v = Validator()
        let orgIDs = Set(([d.ownerOrgUnitId].compactMap { $0 }) + d.userOrgUnitIds)
        let knownOrgs = try await existing(OrgUnit.self, orgIDs, tenant: tenant, db: db)
        if let owner = d.ownerOrgUnitId, !knownOrgs.contains(owner) {
            v.add(
                "ownerOrgUnitId", sv: "Den ägande organisationsenheten finns inte.",
                en: "The owning org unit does not exist.")
        }
        for (i, id) in d.userOrgUnitIds.enumerated() where !knownOrgs.contains(id) {
            v.add("userOrgUnitIds[\(i)]", sv: "Organisationsenheten finns inte.", en: "The org unit does not exist.")
        }
        let supplierIDs = Set([d.supplierId, d.operatorSupplierId].compactMap { $0 })
        let knownSuppliers = try await existing(Supplier.self, supplierIDs, tenant: tenant, db: db)
        if let id = d.supplierId, !knownSuppliers.contains(id) {
            v.add("supplierId", sv: "Leverantören finns inte.", en: "The supplier does not exist.")
        }
        if let id = d.operatorSupplierId, !knownSuppliers.contains(id) {
            v.add(
                "operatorSupplierId", sv: "Driftpartnern finns inte bland leverantörerna.",
                en: "The operator is not among the suppliers.")
        }
        if let id = d.managementObjectId,
            try await existing(ManagementObject.self, [id], tenant: tenant, db: db).isEmpty
        {
            v.add(
                "managementObjectId", sv: "Förvaltningsobjektet finns inte.",
                en: "The management object does not exist.")
        }
        if let id = d.classification.classifiedByPersonId,
            try await existing(Person.self, [id], tenant: tenant, db: db).isEmpty
        {
            v.add("classification.classifiedByPersonId", sv: "Personen finns inte.", en: "The person does not exist.")
        }
        return v.issues
    }

    /// The ids among `ids` that belong to records of `tenant`.
    static func existing<M: TenantScoped>(
        _ type: M.Type, _ ids: Set<UUID>, tenant: Tenant, db: any Database
    ) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        let found = try await M.scoped(to: tenant, on: db).filter(\._$id ~~ Array(ids)).all()
        return Set(found.compactMap { $0.id })
    }

    /// Normalizes and checks a draft; throws `ValidationFailure` with every issue found.
    static func validated(
        _ draft: ITSystemDraft, tenant: Tenant, excluding systemID: UUID? = nil, on db: any Database
    ) async throws -> ITSystemDraft {
        var (d, issues) = draft.checked()
        d.userOrgUnitIds.sort { $0.uuidString < $1.uuidString }  // stored order, so "unchanged" compares equal
        issues += try await referenceIssues(d, tenant: tenant, on: db)
        if !d.name.isEmpty, try await nameTaken(d.name, tenant: tenant, excluding: systemID, on: db) {
            issues.append(
                ValidationIssue(
                    field: "name",
                    message: Localized(
                        sv:
                            "Det finns redan ett system som heter \"\(d.name)\". Välj ett annat namn eller ange det som alias.",
                        en: "There is already a system called \"\(d.name)\". Choose another name or use it as an alias."
                    )))
        }
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
        return d
    }

    /// Names are unique per tenant regardless of case, so reports and imports can refer to systems by name.
    static func nameTaken(_ name: String, tenant: Tenant, excluding: UUID?, on db: any Database) async throws -> Bool {
        var query = try ITSystem.scoped(to: tenant, on: db).filter(\.$sortKey == SortKey.swedish(name))
        if let excluding { query = query.filter(\.$id != excluding) }
        return try await query.all().contains { $0.name.lowercased() == name.lowercased() }
    }

    static func create(
        _ draft: ITSystemDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> ITSystem {
        let d = try await validated(draft, tenant: tenant, on: db)
        try await actor.access?.createSystem(owner: d.ownerOrgUnitId, tenant: tenant)
        return try await db.writeTransaction { tx in
            try await insert(d, id: actor.uuid(), tenant: tenant, actor: actor, on: tx)
        }
    }

    /// Writes an already validated draft (the importer validates all rows first, then inserts).
    static func insert(
        _ d: ITSystemDraft, id: UUID, tenant: Tenant, actor: AuditActor, message: String? = nil,
        action: AuditEntry.Action = .create, on db: any Database
    ) async throws -> ITSystem {
        let tenantID = try tenant.requireID()
        let system = ITSystem(id: id, tenantID: tenantID, draft: d, now: actor.now())
        try await system.create(on: db)
        try await replaceUserOrgUnits(of: id, with: d.userOrgUnitIds, tenantID: tenantID, actor: actor, on: db)
        try await AuditLog.record(
            action, objectType: objectType, objectID: id, label: d.name, tenantID: tenantID,
            before: ITSystemDraft?.none, after: d, systemID: id, message: message, actor: actor, on: db)
        return system
    }

    static func update(
        _ system: ITSystem, with draft: ITSystemDraft, tenant: Tenant, actor: AuditActor,
        message: String? = nil, on db: any Database
    ) async throws -> ITSystem {
        let id = try system.requireID()
        let d = try await validated(draft, tenant: tenant, excluding: id, on: db)
        return try await db.writeTransaction { tx in
            try await overwrite(
                system, with: d, tenant: tenant, actor: actor, message: message, action: .update, on: tx)
        }
    }

    /// Writes an already validated draft over a stored system, recording what changed.
    static func overwrite(
        _ system: ITSystem, with d: ITSystemDraft, tenant: Tenant, actor: AuditActor, message: String?,
        action: AuditEntry.Action, on db: any Database
    ) async throws -> ITSystem {
        let id = try system.requireID()
        let before = system.draft(userOrgUnitIds: try await userOrgUnitIDs(of: id, on: db))
        guard before != d else { return system }  // nothing changed: no write, no history line
        system.apply(d, now: actor.now())
        try await system.update(on: db)
        try await replaceUserOrgUnits(of: id, with: d.userOrgUnitIds, tenantID: system.tenantID, actor: actor, on: db)
        try await AuditLog.record(
            action, objectType: objectType, objectID: id, label: d.name, tenantID: system.tenantID,
            before: before, after: d, systemID: id, message: message, actor: actor, on: db)
        return system
    }

    /// Deletes the system; its role assignments, integrations and contracts go with it (the database
    /// cascades) and are recorded in the history first. Refused while service agreements or outages name it.
    static func delete(
        _ system: ITSystem, tenant: Tenant, actor: AuditActor, message: String? = nil, on db: any Database
    ) async throws {
        let id = try system.requireID()
        // Service agreements and outages are records of their own (D7, T8): refused, not silently removed.
        let agreements = try await ServiceAgreement.query(on: db).filter(\.$systemID == id).count()
        let outages = try await SystemOutage.query(on: db).filter(\.$systemID == id).count()
        if agreements + outages > 0 {
            throw RegisterError.inUse(
                what: ITSystem.what,
                uses: [agreements > 0 ? "\(agreements) driftavtal" : nil, outages > 0 ? "\(outages) avbrott" : nil]
                    .compactMap { $0 })
        }
        try await db.writeTransaction { tx in
            let before = system.draft(userOrgUnitIds: try await userOrgUnitIDs(of: id, on: tx))
            let assignments = try await RoleAssignment.query(on: tx).filter(\.$systemID == id).all()
            // Delete first and write the history after: the audit chain's lock is always taken last.
            try await system.delete(on: tx)
            for assignment in assignments {
                try await AuditLog.record(
                    .delete, objectType: RoleAssignmentRules.objectType, objectID: try assignment.requireID(),
                    label: system.name, tenantID: system.tenantID, before: assignment.draft,
                    after: RoleAssignmentDraft?.none,
                    systemID: id, message: "Följer av att systemet togs bort", actor: actor, on: tx)
            }
            try await AuditLog.record(
                .delete, objectType: objectType, objectID: id, label: system.name, tenantID: system.tenantID,
                before: before, after: ITSystemDraft?.none, systemID: id, message: message, actor: actor, on: tx)
        }
    }

    static func userOrgUnitIDs(of systemID: UUID, on db: any Database) async throws -> [UUID] {
        try await SystemUserOrgUnit.query(on: db).filter(\.$systemID == systemID).all().map(\.orgUnitID)
            .sorted { $0.uuidString < $1.uuidString }
    }

    private static func replaceUserOrgUnits(
        of systemID: UUID, with ids: [UUID], tenantID: UUID, actor: AuditActor, on db: any Database
    ) async throws {
        try await SystemUserOrgUnit.query(on: db).filter(\.$systemID == systemID).delete()
        for unitID in ids {
            try await SystemUserOrgUnit(id: actor.uuid(), tenantID: tenantID, systemID: systemID, orgUnitID: unitID)
                .create(on: db)
        }
    }
}
