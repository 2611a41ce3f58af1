import Fluent
import Foundation
import StyrbordCore
import Vapor

@testable import App

/// Records for tests, written through the same rules the app uses.
enum Fixtures {
    /// Fixtures write a moment before the test's own requests, so histories read in order.
    static let actor = AuditActor(
        name: "fixtures", requestID: "fixtures", now: { testNow.addingTimeInterval(-60) }, uuid: { UUID() })

    /// A municipality with an administrator, whose session the test helpers use by default for its paths.
    static func tenant(_ slug: String = "testby", name: String? = nil, on app: Application) async throws -> Tenant {
        let tenant = try await TenantSetup.create(
            slug: slug, name: name ?? "\(slug.capitalized) kommun", dependencies: app.dependencies, on: app.db)
        let admin = try await account("admin@\(slug).se", name: "Admin \(slug)", admin: true, in: tenant, on: app)
        app.testSessions.adminCookies[slug] = try await session(for: admin, on: app)
        return tenant
    }

    /// The password every fixture account has.
    static let password = "correct horse battery staple"

    /// An account of `tenant` (or a platform operator when `tenant` is nil and `operator` is true).
    static func account(
        _ email: String, name: String? = nil, admin: Bool = false, person: Person? = nil, isOperator: Bool = false,
        in tenant: Tenant?, on app: Application
    ) async throws -> Account {
        let account = Account(
            id: UUID(), tenantID: try tenant?.requireID(),
            draft: AccountDraft(email: email, name: name ?? email, isTenantAdmin: admin, personId: person?.id),
            passwordHash: try Bcrypt.hash(password, cost: 4), isPlatformOperator: isOperator, now: testNow)
        try await account.create(on: app.db)
        return account
    }

    /// The platform operator, signed in.
    static func platformOperator(on app: Application) async throws -> TestUser {
        let account = try await account("drift@styrbord.test", name: "Drift", isOperator: true, in: nil, on: app)
        return .session(try await session(for: account, on: app))
    }

    /// A signed-in user of `tenant`: an employee, or whatever `person`'s roles make them.
    static func user(
        _ email: String, admin: Bool = false, person: Person? = nil, in tenant: Tenant, on app: Application
    ) async throws -> TestUser {
        let account = try await account(email, admin: admin, person: person, in: tenant, on: app)
        return .session(try await session(for: account, on: app))
    }

    /// A signed-in session for `account`; returns the cookie's secret.
    static func session(for account: Account, on app: Application) async throws -> String {
        let secret = Secrets.make()
        try await UserSession(
            id: UUID(), tokenHash: Secrets.hash(secret), accountID: account.requireID(), now: app.dependencies.now(),
            lifetime: SessionPolicy.absoluteLifetime
        ).create(on: app.db)
        return secret
    }

    /// An API token for `account`; returns the secret.
    static func token(
        for account: Account, access: TokenAccess = .readWrite, days: Int = 30, on app: Application
    ) async throws -> (APIToken, String) {
        try await TokenRules.create(
            TokenDraft(name: "test \(access.rawValue)", access: access, validDays: days), for: account,
            actor: Fixtures.actor, on: app.db)
    }

    static func orgUnit(
        _ name: String, kind: OrgUnitKind = .administration, parent: OrgUnit? = nil, in tenant: Tenant,
        on db: any Database
    ) async throws -> OrgUnit {
        let unit = OrgUnit(
            id: UUID(), tenantID: try tenant.requireID(),
            draft: OrgUnitDraft(name: name, kind: kind, parentId: parent?.id), now: testNow)
        try await unit.create(on: db)
        return unit
    }

    static func person(
        _ name: String, active: Bool = true, in tenant: Tenant, on db: any Database
    ) async throws -> Person {
        let person = Person(
            id: UUID(), tenantID: try tenant.requireID(),
            draft: PersonDraft(name: name, email: "", isActive: active, leftOn: active ? nil : testToday), now: testNow)
        try await person.create(on: db)
        return person
    }

    static func supplier(_ name: String, in tenant: Tenant, on db: any Database) async throws -> Supplier {
        let supplier = Supplier(
            id: UUID(), tenantID: try tenant.requireID(), draft: SupplierDraft(name: name), now: testNow)
        try await supplier.create(on: db)
        return supplier
    }

    static func system(
        _ name: String, category: SystemCategory = .business, owner: OrgUnit? = nil,
        configure: (inout ITSystemDraft) -> Void = { _ in }, in tenant: Tenant, on db: any Database
    ) async throws -> ITSystem {
        var draft = ITSystemDraft(name: name, category: category, ownerOrgUnitId: owner?.id)
        configure(&draft)
        return try await SystemRules.create(draft, tenant: tenant, actor: actor, on: db)
    }

    static func roleType(_ key: String, in tenant: Tenant, on db: any Database) async throws -> RoleType {
        guard let role = try await RoleType.scoped(to: tenant, on: db).filter(\.$key == key).first() else {
            throw TestSetupError("no role type \(key)")
        }
        return role
    }

    /// Gives `person` the role `key` on `system`.
    @discardableResult
    static func assign(
        _ key: String, to person: Person, on system: ITSystem, holding: RoleHolding = .primary,
        from: CalendarDay = CalendarDay(year: 2024, month: 1, day: 1)!, to: CalendarDay? = nil,
        in tenant: Tenant, db: any Database
    ) async throws -> RoleAssignment {
        let role = try await roleType(key, in: tenant, on: db)
        let draft = RoleAssignmentDraft(
            roleTypeId: try role.requireID(), personId: try person.requireID(), scope: .system,
            scopeId: try system.requireID(), holding: holding, validFrom: from, validTo: to)
        let assignment = RoleAssignment(id: UUID(), tenantID: try tenant.requireID(), draft: draft, now: testNow)
        try await assignment.create(on: db)
        return assignment
    }

    static func integration(
        from source: ITSystem, to target: ITSystem, kind: IntegrationKind = .api, in tenant: Tenant, on db: any Database
    ) async throws -> Integration {
        let integration = Integration(
            id: UUID(), tenantID: try tenant.requireID(),
            draft: IntegrationDraft(
                sourceSystemId: try source.requireID(), targetSystemId: try target.requireID(), kind: kind,
                information: "Uppgifter"),
            now: testNow)
        try await integration.create(on: db)
        return integration
    }
}
