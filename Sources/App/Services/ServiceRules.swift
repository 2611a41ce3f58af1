import Fluent
import Foundation
import StyrbordCore
import Vapor

private func issue(_ field: String, sv: String, en: String) -> ValidationIssue {
    ValidationIssue(field: field, message: Localized(sv: sv, en: en))
}

/// Checks and writes for the tjänstekatalog: services and their levels. The administrator keeps it.
enum CatalogueRules {
    static func validated(
        _ draft: ServiceDraft, tenant: Tenant, excluding id: UUID? = nil, on db: any Database
    ) async throws -> ServiceDraft {
        var (d, issues) = draft.checked()
        if !d.name.isEmpty {
            let clash = try await CatalogueService.scoped(to: tenant, on: db)
                .filter(\.$sortKey == SortKey.swedish(d.name)).all()
                .contains { $0.id != id && $0.name.lowercased() == d.name.lowercased() }
            if clash {
                issues.append(
                    issue(
                        "name", sv: "Det finns redan en tjänst som heter \"\(d.name)\".",
                        en: "There is already a service called \"\(d.name)\"."))
            }
        }
        try RecordStore.check(issues)
        return d
    }

    static func create(
        _ draft: ServiceDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> CatalogueService {
        try await RecordStore.create(
            CatalogueService.self, try await validated(draft, tenant: tenant, on: db), tenant: tenant, actor: actor,
            on: db)
    }

    static func update(
        _ service: CatalogueService, with draft: ServiceDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> CatalogueService {
        let d = try await validated(draft, tenant: tenant, excluding: service.id, on: db)
        return try await RecordStore.update(service, with: d, actor: actor, on: db)
    }

    /// Refused while an agreement uses one of its levels; the levels go with the service, each in history.
    static func delete(_ service: CatalogueService, actor: AuditActor, on db: any Database) async throws {
        let id = try service.requireID()
        let levels = try await ServiceLevel.query(on: db).filter(\.$serviceID == id).all()
        let used = try await ServiceAgreement.query(on: db).filter(\.$serviceLevelID ~~ levels.compactMap(\.id))
            .count()
        if used > 0 {
            throw RegisterError.inUse(what: CatalogueService.what, uses: ["\(used) driftavtal"])
        }
        try await db.writeTransaction { tx in
            try await ServiceLevel.query(on: tx).filter(\.$serviceID == id).delete()
            try await service.delete(on: tx)
            for level in levels {
                try await AuditLog.record(
                    .delete, objectType: ServiceLevel.objectType, objectID: try level.requireID(),
                    label: "\(service.name) \(level.name)", tenantID: service.tenantID, before: level.draft,
                    after: ServiceLevelDraft?.none, message: "Följer av att tjänsten togs bort", actor: actor, on: tx)
            }
            try await AuditLog.record(
                .delete, objectType: CatalogueService.objectType, objectID: id, label: service.name,
                tenantID: service.tenantID, before: service.draft, after: ServiceDraft?.none, actor: actor, on: tx)
        }
    }

    private static func checkedLevel(
        _ draft: ServiceLevelDraft, service: CatalogueService, excluding id: UUID?, on db: any Database
    ) async throws -> ServiceLevelDraft {
        var (d, issues) = draft.checked()
        let serviceID = try service.requireID()
        if !d.name.isEmpty,
            try await ServiceLevel.query(on: db).filter(\.$serviceID == serviceID).all()
                .contains(where: { $0.id != id && $0.name.lowercased() == d.name.lowercased() })
        {
            issues.append(
                issue(
                    "name", sv: "Tjänsten har redan en nivå som heter \"\(d.name)\".",
                    en: "The service already has a level called \"\(d.name)\"."))
        }
        try RecordStore.check(issues)
        return d
    }

    static func addLevel(
        _ draft: ServiceLevelDraft, to service: CatalogueService, actor: AuditActor, on db: any Database
    ) async throws -> ServiceLevel {
        let d = try await checkedLevel(draft, service: service, excluding: nil, on: db)
        let serviceID = try service.requireID()
        return try await db.writeTransaction { tx in
            let level = ServiceLevel()
            level.id = actor.uuid()
            level.tenantID = service.tenantID
            level.serviceID = serviceID
            level.createdAt = actor.now()
            level.apply(d, now: actor.now())
            try await level.create(on: tx)
            try await AuditLog.record(
                .create, objectType: ServiceLevel.objectType, objectID: try level.requireID(),
                label: "\(service.name) \(d.name)", tenantID: service.tenantID, before: ServiceLevelDraft?.none,
                after: d, actor: actor, on: tx)
            return level
        }
    }

    static func updateLevel(
        _ level: ServiceLevel, with draft: ServiceLevelDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> ServiceLevel {
        let service = try await CatalogueService.find(level.serviceID, in: tenant, on: db, what: CatalogueService.what)
        let d = try await checkedLevel(draft, service: service, excluding: level.id, on: db)
        let before = level.draft
        guard before != d else { return level }
        return try await db.writeTransaction { tx in
            level.apply(d, now: actor.now())
            try await level.update(on: tx)
            try await AuditLog.record(
                .update, objectType: ServiceLevel.objectType, objectID: try level.requireID(),
                label: "\(service.name) \(d.name)", tenantID: level.tenantID, before: before, after: d, actor: actor,
                on: tx)
            return level
        }
    }

    /// Refused while an agreement uses the level.
    static func deleteLevel(_ level: ServiceLevel, actor: AuditActor, on db: any Database) async throws {
        let id = try level.requireID()
        let used = try await ServiceAgreement.query(on: db).filter(\.$serviceLevelID == id).count()
        if used > 0 { throw RegisterError.inUse(what: ServiceLevel.what, uses: ["\(used) driftavtal"]) }
        try await db.writeTransaction { tx in
            try await level.delete(on: tx)
            try await AuditLog.record(
                .delete, objectType: ServiceLevel.objectType, objectID: id, label: level.name,
                tenantID: level.tenantID, before: level.draft, after: ServiceLevelDraft?.none, actor: actor, on: tx)
        }
    }
}

/// Checks and writes for agreements on service level (D7, T8), and what they give: measured availability
/// per month and the dates to act on.
enum AgreementRules {
    static func validated(
        _ draft: AgreementDraft, tenant: Tenant, today: CalendarDay, on db: any Database
    ) async throws -> AgreementDraft {
        var (d, issues) = draft.checked()
        if try await SystemRules.existing(ITSystem.self, [d.systemId], tenant: tenant, db: db).isEmpty {
            issues.append(issue("systemId", sv: "Systemet finns inte.", en: "The system does not exist."))
        } else if try await SystemRules.existing(Person.self, [d.ownerPersonId], tenant: tenant, db: db).isEmpty {
            issues.append(issue("ownerPersonId", sv: "Personen finns inte.", en: "The person does not exist."))
        } else if !(try await isSystemOwner(d.ownerPersonId, of: d.systemId, tenant: tenant, today: today, on: db)) {
            issues.append(
                issue(
                    "ownerPersonId", sv: "Personen är inte systemägare för systemet. Välj systemets systemägare.",
                    en: "The person is not the system's owner. Choose the system owner."))
        }
        if let supplier = d.supplierId,
            try await SystemRules.existing(Supplier.self, [supplier], tenant: tenant, db: db).isEmpty
        {
            issues.append(issue("supplierId", sv: "Leverantören finns inte.", en: "The supplier does not exist."))
        }
        if let level = d.serviceLevelId,
            try await SystemRules.existing(ServiceLevel.self, [level], tenant: tenant, db: db).isEmpty
        {
            issues.append(
                issue("serviceLevelId", sv: "Tjänstenivån finns inte.", en: "The service level does not exist."))
        }
        try RecordStore.check(issues)
        return d
    }

    /// Whether the person holds the systemägare role for the system today (D2: the systemägare signs).
    static func isSystemOwner(
        _ personID: UUID, of systemID: UUID, tenant: Tenant, today: CalendarDay, on db: any Database
    ) async throws -> Bool {
        try await systemOwners(of: systemID, tenant: tenant, today: today, on: db).contains(personID)
    }

    /// The people holding the systemägare role for the system today.
    static func systemOwners(
        of systemID: UUID, tenant: Tenant, today: CalendarDay, on db: any Database
    ) async throws -> [UUID] {
        let roleIDs = try await RoleType.scoped(to: tenant, on: db).filter(\.$key == RoleCatalogue.systemOwner).all()
            .compactMap(\.id)
        guard !roleIDs.isEmpty else { return [] }
        return try await RoleAssignment.scoped(to: tenant, on: db).filter(\.$systemID == systemID)
            .filter(\.$roleTypeID ~~ roleIDs).all()
            .filter { $0.validFrom <= today.iso && ($0.validTo.map { $0 >= today.iso } ?? true) }
            .map(\.personID)
    }

    static func create(
        _ draft: AgreementDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> ServiceAgreement {
        let d = try await validated(draft, tenant: tenant, today: CalendarDay(actor.now()), on: db)
        try await actor.access?.editSystems(anyOf: [d.systemId], tenant: tenant)
        return try await RecordStore.create(ServiceAgreement.self, d, tenant: tenant, actor: actor, on: db)
    }

    static func update(
        _ agreement: ServiceAgreement, with draft: AgreementDraft, tenant: Tenant, actor: AuditActor,
        on db: any Database
    ) async throws -> ServiceAgreement {
        let d = try await validated(draft, tenant: tenant, today: CalendarDay(actor.now()), on: db)
        if d.systemId != agreement.systemID { try await actor.access?.editSystems(anyOf: [d.systemId], tenant: tenant) }
        return try await RecordStore.update(agreement, with: d, actor: actor, on: db)
    }

    /// Measured availability against the agreement, month by month: the `count` months up to and including
    /// `today`'s (the current one so far), oldest first, only months the agreement covers.
    static func availability(
        _ agreement: ServiceAgreement, outages: [SystemOutage], now: Date, count: Int = 12
    ) -> [AvailabilityReport] {
        let terms = agreement.terms
        let list = outages.map(\.outage)
        return CalendarMonth.months(endingWith: CalendarMonth(CalendarDay(now)), count: count).filter(terms.covers)
            .map { terms.measure($0, outages: list, now: now) }
    }

    /// The agreements' notice and expiry dates from `from` on (to `until`, when given), earliest first,
    /// each with the people who should act: the agreement's systemägare. For the per-person calendar feed
    /// and the inbox (docs/services.md); `personID` keeps one person's.
    static func deadlines(
        tenant: Tenant, from: CalendarDay, until: CalendarDay? = nil, personID: UUID? = nil, on db: any Database
    ) async throws -> [AgreementDeadline] {
        var query = try ServiceAgreement.scoped(to: tenant, on: db).filter(\.$validTo != nil)
        if let personID { query = query.filter(\.$ownerPersonID == personID) }
        let agreements = try await query.all()
        let names = try await ITSystem.scoped(to: tenant, on: db).filter(\.$id ~~ agreements.map(\.systemID)).all()
        let byID = Dictionary(uniqueKeysWithValues: names.map { ($0.id!, $0.name) })
        return try agreements.flatMap { a in
            AgreementDeadline.upcoming(
                agreementID: try a.requireID(), systemName: byID[a.systemID] ?? "",
                validTo: a.validTo.flatMap(
                    CalendarDay.init(iso:)),
                noticePeriodMonths: a.noticePeriodMonths, personIDs: [a.ownerPersonID], from: from, until: until)
        }.sorted { ($0.date, $0.title.sv) < ($1.date, $1.title.sv) }
    }
}

/// Checks and writes for outages.
enum OutageRules {
    static func validated(_ draft: OutageDraft, tenant: Tenant, on db: any Database) async throws -> OutageDraft {
        var (d, issues) = draft.checked()
        if try await SystemRules.existing(ITSystem.self, [d.systemId], tenant: tenant, db: db).isEmpty {
            issues.append(issue("systemId", sv: "Systemet finns inte.", en: "The system does not exist."))
        }
        try RecordStore.check(issues)
        return d
    }

    static func create(
        _ draft: OutageDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> SystemOutage {
        let d = try await validated(draft, tenant: tenant, on: db)
        try await actor.access?.editSystems(anyOf: [d.systemId], tenant: tenant)
        return try await RecordStore.create(SystemOutage.self, d, tenant: tenant, actor: actor, on: db)
    }

    static func update(
        _ outage: SystemOutage, with draft: OutageDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> SystemOutage {
        let d = try await validated(draft, tenant: tenant, on: db)
        if d.systemId != outage.systemID { try await actor.access?.editSystems(anyOf: [d.systemId], tenant: tenant) }
        return try await RecordStore.update(outage, with: d, actor: actor, on: db)
    }
}
