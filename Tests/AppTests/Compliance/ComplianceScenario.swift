import Fluent
import Foundation
import StyrbordCore
import Vapor

@testable import App

/// A municipality with something for every rule to find, on the test day 2026-03-02:
///
/// - Procapita, a verksamhetssystem of Socialförvaltningen: Helena is systemägare, Fredrik
///   systemförvaltare, nobody his ersättare (T11, error, Helena acts). Sensitive personal data with a
///   complete GDPR record and processor agreement.
/// - Ekonomisystem, kommungemensamt, owned by Kommunledningskontoret under Kommunstyrelsen: complete
///   roles, a classification that expired 2026-01-31 (T9, warning, overdue) and a licence contract whose
///   last day to give notice is 2026-04-30 (D7, warning).
/// - Okänt system, a verksamhetssystem without owner or roles: systemägare, systemförvaltare and his
///   ersättare missing (D2, T11), no owner (E3), unclassified (T9); the IT-chef Johan acts.
///
/// - Växel, kommungemensamt, owned by Kommunledningskontoret: in order.
///
/// - The eFörvaltningsprogram and the IT-verksamhetsplan, adopted and within their revision (D3): in order.
///
/// So 3 of 7 objects (4 systems, the contract and the two plans) comply: 5 errors, 3 warnings.
/// Ulrika is Socialförvaltningen's IT-samordnare; Helena has an account linked to her person.
struct ComplianceScenario {
    var tenant: Tenant
    var klk: OrgUnit
    var soc: OrgUnit
    var helena: Person
    var johan: Person
    var procapita: ITSystem
    var ekonomi: ITSystem
    var unknown: ITSystem
    var contract: Contract
    /// Helena's signed-in session.
    var helenaUser: TestUser
    /// An employee whose account is linked to no person.
    var unlinkedUser: TestUser

    static func make(on app: Application) async throws -> ComplianceScenario {
        let db = app.db
        let tenant = try await Fixtures.tenant(on: app)
        let ks = try await Fixtures.orgUnit("Kommunstyrelsen", kind: .board, in: tenant, on: db)
        let klk = try await Fixtures.orgUnit("Kommunledningskontoret", parent: ks, in: tenant, on: db)
        let sn = try await Fixtures.orgUnit("Socialnämnden", kind: .board, in: tenant, on: db)
        let soc = try await Fixtures.orgUnit("Socialförvaltningen", parent: sn, in: tenant, on: db)
        let helena = try await Fixtures.person("Helena Dahl", in: tenant, on: db)
        let fredrik = try await Fixtures.person("Fredrik Söderberg", in: tenant, on: db)
        let ulrika = try await Fixtures.person("Ulrika Persson", in: tenant, on: db)
        let johan = try await Fixtures.person("Johan Bergström", in: tenant, on: db)
        let anna = try await Fixtures.person("Anna Lindqvist", in: tenant, on: db)
        let per = try await Fixtures.person("Per Ek", in: tenant, on: db)
        try await assign(RoleCatalogue.itManager, johan, scope: .tenant, id: nil, in: tenant, on: db)
        try await assign(RoleCatalogue.itCoordinator, ulrika, scope: .orgUnit, id: soc.id, in: tenant, on: db)

        let classified: (inout ITSystemDraft) -> Void = { d in
            d.classification = .init(
                confidentiality: .l2, integrity: .l2, availability: .l2, classifiedOn: CalendarDay(iso: "2025-02-01")!,
                validUntil: CalendarDay(iso: "2028-02-01")!)
        }
        let procapita = try await Fixtures.system(
            "Procapita", owner: soc,
            configure: { d in
                classified(&d)
                d.personalData = .init(
                    level: .sensitive, purpose: "Handläggning av bistånd", legalBasis: .publicAuthority,
                    dataSubjectCategories: ["Brukare"], processorAgreement: .inPlace)
            }, in: tenant, on: db)
        try await Fixtures.assign(RoleCatalogue.systemOwner, to: helena, on: procapita, in: tenant, db: db)
        try await Fixtures.assign(RoleCatalogue.systemManager, to: fredrik, on: procapita, in: tenant, db: db)

        let ekonomi = try await Fixtures.system(
            "Ekonomisystem", category: .common, owner: klk,
            configure: { d in
                classified(&d)
                d.classification.classifiedOn = CalendarDay(iso: "2023-01-31")!
                d.classification.validUntil = CalendarDay(iso: "2026-01-31")!
            }, in: tenant, on: db)
        try await Fixtures.assign(RoleCatalogue.systemOwner, to: anna, on: ekonomi, in: tenant, db: db)
        try await Fixtures.assign(RoleCatalogue.systemManager, to: per, on: ekonomi, in: tenant, db: db)
        let contract = try await ContractRules.create(
            ContractDraft(
                systemId: try ekonomi.requireID(), title: "Licensavtal", endsOn: CalendarDay(iso: "2026-10-31")!,
                noticePeriodMonths: 6),
            tenant: tenant, actor: Fixtures.actor, on: db)

        let vaxel = try await Fixtures.system(
            "Växel", category: .common, owner: klk, configure: classified, in: tenant, on: db)
        try await Fixtures.assign(RoleCatalogue.systemOwner, to: anna, on: vaxel, in: tenant, db: db)
        try await Fixtures.assign(RoleCatalogue.systemManager, to: per, on: vaxel, in: tenant, db: db)

        let unknown = try await Fixtures.system("Okänt system", in: tenant, on: db)
        try await adoptRequiredPlans(in: tenant, on: db)

        let helenaUser = try await Fixtures.user("helena@testby.se", person: helena, in: tenant, on: app)
        let unlinkedUser = try await Fixtures.user("mattias@testby.se", in: tenant, on: app)
        return ComplianceScenario(
            tenant: tenant, klk: klk, soc: soc, helena: helena, johan: johan, procapita: procapita, ekonomi: ekonomi,
            unknown: unknown, contract: contract, helenaUser: helenaUser, unlinkedUser: unlinkedUser)
    }

    /// The standard profile's municipal plans, adopted and within their revision (D3), so that only the
    /// register's rules have something to say: eFörvaltningsprogram 2025–2027 adopted 2025-01-20 and
    /// IT-verksamhetsplan 2026 adopted 2026-01-15. Two objects that comply.
    static func adoptRequiredPlans(in tenant: Tenant, on db: any Database) async throws {
        for (kind, year, day) in [
            ("eforvaltningsprogram", 2025, "2025-01-20"), ("it-verksamhetsplan", 2026, "2026-01-15"),
        ] {
            let plan = try await PlanRules.create(
                PlanDraft(kind: kind, startYear: year), tenant: tenant, actor: Fixtures.actor, on: db)
            try await PlanRules.adopt(
                plan, AdoptionDraft(adoptedOn: CalendarDay(iso: day), adoptedBy: "Kommunstyrelsen"),
                actor: Fixtures.actor, on: db)
        }
    }

    /// A role held for an org unit or the whole municipality.
    static func assign(
        _ key: String, _ person: Person, scope: RoleScopeKind, id: UUID?, in tenant: Tenant, on db: any Database
    ) async throws {
        let role = try await Fixtures.roleType(key, in: tenant, on: db)
        try await RoleAssignment(
            id: UUID(), tenantID: tenant.requireID(),
            draft: RoleAssignmentDraft(
                roleTypeId: role.requireID(), personId: person.requireID(), scope: scope, scopeId: id,
                holding: .primary, validFrom: CalendarDay(year: 2024, month: 1, day: 1)!),
            now: testNow
        ).create(on: db)
    }
}
