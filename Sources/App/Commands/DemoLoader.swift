import Fluent
import Foundation
import StyrbordCore
import StyrbordDemo
import Vapor

/// Loads demo municipalities: the showcase a newcomer explores, or Sweden-scale load data.
public enum DemoLoader {
    public static let showcaseSlug = "sjovik"
    /// Sjövik's governance profile. The standard one fits it: the demo register uses all eleven roles of
    /// the register's catalogue and is built to show T11 gaps (a verksamhetssystem without ersättare),
    /// which no single seed profile has both of (Danderyd has no driftsansvarig and no T11).
    public static let showcaseProfile = ShippedProfiles.standardKey

    /// Sjöviks kommun, with a history line per record so its pages look like a register in use.
    public static func loadShowcase(app: Application) async throws -> String {
        let today = app.dependencies.today
        let demo = DemoData.showcase(today: today)
        if try await Tenant.query(on: app.db).filter(\.$slug == demo.slug).first() != nil {
            throw CommandFailure("\(demo.name) is already loaded (/t/\(demo.slug)/).")
        }
        let actor = AuditActor.command("demo", dependencies: app.dependencies)
        try await insert(demo, recordHistory: true, profile: showcaseProfile, actor: actor, on: app.db)
        let logins = try await createDemoAccounts(demo, app: app, actor: actor)
        let process = try await loadShowcaseProcess(slug: demo.slug, app: app, actor: actor)
        try await postWelcomeNotices(demo, app: app, actor: actor)
        return "\(demo.name): \(demo.systems.count) systems, \(demo.roleAssignments.count) role assignments, "
            + "\(demo.integrations.count) integrations, \(demo.contracts.count) contracts.\n"
            + (process.isEmpty ? "" : process + "\n")
            + "Demo sign-ins (password \"\(demoPassword)\" for all; for trying out only):\n"
            + logins.map { "  \($0.email)  \($0.what)" }.joined(separator: "\n")
    }

    /// A first notice in the inbox of every demo account's person, so that the inbox has something to show.
    static func postWelcomeNotices(_ demo: DemoMunicipality, app: Application, actor: AuditActor) async throws {
        guard let tenant = try await Tenant.query(on: app.db).filter(\.$slug == demo.slug).first() else { return }
        let tenantID = try tenant.requireID()
        let people = try await Account.query(on: app.db).filter(\.$tenantID == tenantID).all().compactMap(\.personID)
        _ = try await app.db.writeTransaction { tx in
            try await Notifier.post(
                .init(
                    kind: "demo.welcome", title: "Välkommen till inkorgen i Styrbord",
                    body:
                        "Här samlas det som rör dig: ändrade styrdokument att läsa, incidenter i dina system och tidsfrister. Dina tidsfrister finns också i din kalenderprenumeration under Forum och möten.",
                    link: ForumRoutes.index(demo.slug)), to: people, tenantID: tenantID, actor: actor, on: tx)
        }
    }

    /// Every demo account has this password. The demo database is for trying Styrbord, never for real data.
    public static let demoPassword = "styrbord-demo"

    /// One account for each kind of user the permissions tell apart, each tied to a person whose roles
    /// in the demo register make the point: the IT-chef administers, a systemägare edits their systems…
    static func createDemoAccounts(
        _ demo: DemoMunicipality, app: Application, actor: AuditActor
    ) async throws -> [(email: String, what: String)] {
        guard let tenant = try await Tenant.query(on: app.db).filter(\.$slug == demo.slug).first() else { return [] }
        let people = Dictionary(uniqueKeysWithValues: demo.people.map { ($0.id, $0.draft) })
        let holders = Set(demo.roleAssignments.map(\.personId))
        func first(_ role: String, _ holding: RoleHolding) -> UUID? {
            demo.roleAssignments.first { $0.roleKey == role && $0.holding == holding && $0.validTo == nil }?.personId
        }
        let choices: [(UUID?, String, Bool)] = [
            (first(RoleCatalogue.itManager, .primary), "IT-chef, administratör", true),
            (first(RoleCatalogue.systemOwner, .primary), "systemägare", false),
            (first(RoleCatalogue.systemManager, .deputy), "ersättare för systemförvaltare", false),
            (first(RoleCatalogue.itCoordinator, .primary), "IT-samordnare", false),
            (demo.people.first { !holders.contains($0.id) && $0.draft.isActive }?.id, "medarbetare utan roller", false),
        ]
        // One hash for all: they share the password, and bcrypt at full cost takes a while each.
        let hash = try await app.passwordHasher.hash(demoPassword)
        var logins: [(email: String, what: String)] = []
        for (personID, what, admin) in choices {
            guard let personID, let person = people[personID] else { continue }
            let email =
                person.email.isEmpty
                ? "\(personID.uuidString.prefix(8).lowercased())@\(demo.emailDomain)" : person.email
            guard
                try await Account.query(on: app.db).filter(\.$email == AccountDraft.normalise(email: email)).first()
                    == nil
            else { continue }
            try await Account(
                id: actor.uuid(), tenantID: tenant.requireID(),
                draft: AccountDraft(email: email, name: person.name, isTenantAdmin: admin, personId: personID),
                passwordHash: hash, now: actor.now()
            ).create(on: app.db)
            logins.append((AccountDraft.normalise(email: email), "\(person.name), \(what)"))
        }
        let operatorEmail = "drift@styrbord.example"
        if try await Account.query(on: app.db).filter(\.$email == operatorEmail).first() == nil {
            try await Account(
                id: actor.uuid(), tenantID: nil,
                draft: AccountDraft(email: operatorEmail, name: "Driftsadministratör"), passwordHash: hash,
                isPlatformOperator: true, now: actor.now()
            ).create(on: app.db)
            logins.append((operatorEmail, "driftsadministratör för tjänsten (ser inga kommuners innehåll)"))
        }
        return logins
    }

    /// `count` generated municipalities named after Sweden's, each in its own transaction. Existing
    /// ones are skipped, so an interrupted run can be resumed.
    public static func loadGenerated(
        app: Application, count: Int, seed: UInt64, progress: (String) -> Void
    ) async throws -> String {
        let today = app.dependencies.today
        let actor = AuditActor.command("demo", dependencies: app.dependencies)
        let existing = Set(try await Tenant.query(on: app.db).all().map(\.slug))
        var systems = 0
        var loaded = 0
        for index in 0..<count {
            let demo = DemoData.generated(index: index, seed: seed, today: today)
            guard !existing.contains(demo.slug) else { continue }
            try await insert(demo, recordHistory: false, actor: actor, on: app.db)
            systems += demo.systems.count
            loaded += 1
            if loaded % 10 == 0 || index == count - 1 { progress("  \(index + 1)/\(count) \(demo.name)") }
        }
        return "\(loaded) municipalities with \(systems) systems"
    }

    /// Writes one municipality in one transaction with multi-row inserts. Load data skips history:
    /// it would double the rows without making the benchmark any truer.
    static func insert(
        _ demo: DemoMunicipality, recordHistory: Bool, profile: String = ShippedProfiles.standardKey,
        actor: AuditActor, on db: any Database
    ) async throws {
        let dependencies = AppDependencies(now: actor.now, uuid: actor.uuid)
        try await db.writeTransaction { tx in
            let tenant = try await TenantSetup.create(
                slug: demo.slug, name: demo.name, organisationNumber: demo.organisationNumber, profile: profile,
                createdBy: actor.name, dependencies: dependencies, on: tx)
            let tenantID = try tenant.requireID()
            let now = actor.now()
            // Units point at their managers and people at their units: units first without managers.
            let units = demo.orgUnits.map { seed -> OrgUnit in
                var draft = seed.draft
                draft.managerPersonId = nil
                return OrgUnit(id: seed.id, tenantID: tenantID, draft: draft, now: now)
            }
            for unit in units { try await unit.create(on: tx) }  // one by one: parents before children
            try await batch(
                demo.people.map { Person(id: $0.id, tenantID: tenantID, draft: $0.draft, now: now) }, on: tx)
            for (unit, seed) in zip(units, demo.orgUnits) where seed.draft.managerPersonId != nil {
                unit.managerPersonID = seed.draft.managerPersonId
                try await unit.update(on: tx)
            }
            try await batch(
                demo.suppliers.map { Supplier(id: $0.id, tenantID: tenantID, draft: $0.draft, now: now) }, on: tx)
            try await batch(
                demo.managementObjects.map {
                    ManagementObject(id: $0.id, tenantID: tenantID, draft: $0.draft, now: now)
                }, on: tx)
            try await batch(
                demo.systems.map { ITSystem(id: $0.id, tenantID: tenantID, draft: $0.draft, now: now) }, on: tx)
            try await batch(
                demo.systems.flatMap { seed in
                    seed.draft.userOrgUnitIds.map {
                        SystemUserOrgUnit(id: actor.uuid(), tenantID: tenantID, systemID: seed.id, orgUnitID: $0)
                    }
                }, on: tx)
            let roleTypes = Dictionary(
                uniqueKeysWithValues: try await RoleType.scoped(to: tenant, on: tx).all().map {
                    ($0.key, try $0.requireID())
                })
            try await batch(
                demo.roleAssignments.compactMap { a in
                    roleTypes[a.roleKey].map {
                        RoleAssignment(id: a.id, tenantID: tenantID, draft: a.draft(roleTypeId: $0), now: now)
                    }
                }, on: tx)
            try await batch(
                demo.integrations.map { Integration(id: $0.id, tenantID: tenantID, draft: $0.draft, now: now) }, on: tx)
            try await batch(
                demo.contracts.map { Contract(id: $0.id, tenantID: tenantID, draft: $0.draft, now: now) }, on: tx)
            if recordHistory {
                try await AuditLog.append(try history(demo, tenantID: tenantID), actor: actor, on: tx)
            }
        }
    }

    /// Multi-row inserts in chunks small enough for SQLite's limit on bound values.
    private static func batch<M: Model>(_ models: [M], on db: any Database) async throws {
        guard !models.isEmpty else { return }
        let chunk = max(1, 20_000 / max(1, M.keys.count))
        var start = 0
        while start < models.count {
            try await Array(models[start..<min(models.count, start + chunk)]).create(on: db)
            start += chunk
        }
    }

    /// A "created" history line for each record of the showcase, chained in one go by `AuditLog.append`.
    private static func history(_ demo: DemoMunicipality, tenantID: UUID) throws -> [AuditLine] {
        var lines: [AuditLine] = []
        func add<D: Encodable>(_ type: String, _ id: UUID, _ label: String, _ draft: D, systemID: UUID? = nil) throws {
            lines.append(
                AuditLine(
                    tenantID: tenantID, objectType: type, objectID: id, label: label, action: .create, before: nil,
                    after: try AuditLog.json(draft), message: "Demodata", systemID: systemID))
        }
        for s in demo.systems { try add(SystemRules.objectType, s.id, s.draft.name, s.draft, systemID: s.id) }
        for a in demo.roleAssignments {
            try add(RoleAssignment.objectType, a.id, a.roleKey, a, systemID: a.scope == .system ? a.scopeId : nil)
        }
        for p in demo.people { try add(Person.objectType, p.id, p.draft.name, p.draft) }
        for s in demo.suppliers { try add(Supplier.objectType, s.id, s.draft.name, s.draft) }
        return lines
    }
}

extension DemoRoleAssignment: Encodable {
    enum CodingKeys: String, CodingKey {
        case roleKey, personId, scope, scopeId, holding, validFrom, validTo, appointedByPersonId, decisionReference
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(roleKey, forKey: .roleKey)
        try c.encode(personId, forKey: .personId)
        try c.encode(scope, forKey: .scope)
        try c.encodeIfPresent(scopeId, forKey: .scopeId)
        try c.encode(holding, forKey: .holding)
        try c.encode(validFrom, forKey: .validFrom)
        try c.encodeIfPresent(validTo, forKey: .validTo)
        try c.encodeIfPresent(appointedByPersonId, forKey: .appointedByPersonId)
        try c.encode(decisionReference, forKey: .decisionReference)
    }
}
