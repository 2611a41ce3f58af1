import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// Each seed municipality's register judged by its own governance profile, through the app's real paths:
/// the profile installed as a new version, the register written by the fixtures, the findings read from
/// the API the efterlevnad pages share. Each test sets up what that municipality's text requires and what
/// it leaves out, and expects exactly the findings the text calls for.
@Suite("Efterlevnad by the seed municipalities' own rules")
struct SeedProfileScenarioTests {
    @Test("T11: in Tanum a verksamhetssystem's systemförvaltare needs an ersättare; a common system's does not")
    func tanumDeputy() async throws {
        try await withTestApp { app in
            let k = try await Kommun.make("tanum", on: app)
            let procapita = try await k.system(
                "Procapita", owner: k.soc,
                roles: [(RoleCatalogue.systemOwner, k.helena), (RoleCatalogue.systemManager, k.fredrik)])
            _ = try await k.system(
                "Ekonomisystem", category: .common, owner: k.klf,
                roles: [(RoleCatalogue.systemOwner, k.helena), (RoleCatalogue.systemManager, k.fredrik)])
            let staffed = try await k.system("Skolsystem", owner: k.soc, roles: k.staff, deputy: k.dan)

            let findings = try await k.findings()
            #expect(
                findings == [
                    Seen("roles.deputy", "T11", procapita, "systemforvaltare/ersattare", acts: k.helena)
                ])
            #expect(!findings.contains { $0.object == staffed.id })
        }
    }

    @Test("T11: the same register needs an ersättare in Tanum, but not in Danderyd, whose D2 names none")
    func tanumAgainstDanderyd() async throws {
        try await withTestApp { app in
            var missing: [String: [String]] = [:]
            var findings: [String: [Seen]] = [:]
            var systems: [String: ITSystem] = [:]
            var owners: [String: Person] = [:]
            for key in ["tanum", "danderyd"] {
                let tenant = try await TenantSetup.create(
                    slug: key, name: key.capitalized, profile: key, dependencies: app.dependencies, on: app.db)
                let unit = try await Fixtures.orgUnit("Socialförvaltningen", in: tenant, on: app.db)
                let system = try await Fixtures.system(
                    "Procapita", owner: unit, configure: Kommun.classified, in: tenant, on: app.db)
                let owner = try await Fixtures.person("Helena Dahl", in: tenant, on: app.db)
                let manager = try await Fixtures.person("Sara Förvaltare", in: tenant, on: app.db)
                try await Fixtures.assign(RoleCatalogue.systemOwner, to: owner, on: system, in: tenant, db: app.db)
                try await Fixtures.assign(RoleCatalogue.systemManager, to: manager, on: system, in: tenant, db: app.db)
                let admin = try await Fixtures.user("admin@\(key).se", admin: true, in: tenant, on: app)
                // The register's "Saknar obligatorisk roll" and the efterlevnad engine read the same profile.
                let res = try await app.get(SystemRoutes.apiShow(key, try system.requireID()), as: admin)
                missing[key] = try res.decode(SystemResponse.self).missingRoles.map {
                    "\($0.roleKey)/\($0.missing.rawValue)"
                }
                findings[key] = try await Kommun.findings(slug: key, as: admin, on: app)
                systems[key] = system
                owners[key] = owner
            }
            #expect(missing["tanum"] == ["\(RoleCatalogue.systemManager)/ersattare"])
            #expect(missing["danderyd"] == [])
            let tanum = try #require(systems["tanum"])
            #expect(
                findings["tanum"]
                    == [
                        Seen(
                            "roles.deputy", "T11", tanum, "systemforvaltare/ersattare",
                            acts: try #require(owners["tanum"]))
                    ])
            #expect(findings["danderyd"] == [])
        }
    }

    @Test("D2: Danderyd requires a systemägare and a systemförvaltare of every system; the IT-samordnare acts")
    func danderydRequiredRoles() async throws {
        try await withTestApp { app in
            let k = try await Kommun.make("danderyd", on: app)
            try await Kommun.assign(RoleCatalogue.itCoordinator, k.ulrika, unit: k.soc, in: k.tenant, on: app.db)
            let unstaffed = try await k.system("Trygghetslarm", owner: k.soc)
            let common = try await k.system("GIS", category: .common, owner: k.klf)
            let managed = try await k.system(
                "Procapita", owner: k.soc,
                roles: [(RoleCatalogue.systemOwner, k.helena), (RoleCatalogue.systemManager, k.fredrik)])

            let findings = try await k.findings()
            #expect(
                findings
                    == [
                        Seen("roles.required", "D2", common, "systemagare/ordinarie", acts: k.johan),
                        Seen("roles.required", "D2", common, "systemforvaltare/ordinarie", acts: k.johan),
                        Seen("roles.required", "D2", unstaffed, "systemagare/ordinarie", acts: k.ulrika),
                        Seen("roles.required", "D2", unstaffed, "systemforvaltare/ordinarie", acts: k.ulrika),
                    ].sorted())
            // D2 asks no ersättare of Procapita's systemförvaltare.
            #expect(!findings.contains { $0.object == managed.id })
        }
    }

    @Test(
        "D2: Danderyd's guidelines name no owning unit, so a common system of a förvaltning or one without owner complies"
    )
    func danderydNoOwner() async throws {
        try await withTestApp { app in
            let k = try await Kommun.make("danderyd", on: app)
            let staff: [(String, Person)] = [
                (RoleCatalogue.systemOwner, k.helena), (RoleCatalogue.systemManager, k.fredrik),
            ]
            _ = try await k.system("GIS", category: .common, owner: k.soc, roles: staff)
            _ = try await k.system("Okänt system", owner: nil, roles: staff)
            #expect(try await k.findings() == [])

            // Tanum's kommunstyrelse owns the common systems, and each nämnd its own (E3): the same two are findings there.
            let tanum = try await Kommun.make("tanum", slug: "tanum", on: app)
            let gis = try await tanum.system("GIS", category: .common, owner: tanum.soc, roles: tanum.staff)
            let unowned = try await tanum.system("Okänt system", owner: nil, roles: tanum.staff, deputy: tanum.dan)
            #expect(
                try await tanum.findings()
                    == [
                        Seen("systems.owner", "E3", gis, "common-owner", acts: tanum.helena),
                        Seen("systems.owner", "E3", unowned, "missing", acts: tanum.helena),
                    ].sorted())
        }
    }

    @Test("L1: Lilla Edet requires a driftsansvarig of every system, without ersättare")
    func lillaEdetOperations() async throws {
        try await withTestApp { app in
            let k = try await Kommun.make("lilla-edet", on: app)
            let procapita = try await k.system("Procapita", owner: k.soc, roles: k.staff)
            let complete = try await k.system(
                "Skolsystem", owner: k.soc, roles: k.staff + [(RoleCatalogue.operationsResponsible, k.dora)])

            let findings = try await k.findings()
            #expect(
                findings == [Seen("roles.required", "L1", procapita, "driftsansvarig/ordinarie", acts: k.helena)])
            #expect(!findings.contains { $0.object == complete.id })
        }
    }

    @Test("L1: Lilla Edet's common solutions are owned by IT-enheten, not elsewhere in Kommunledningsförvaltningen")
    func lillaEdetCommonOwner() async throws {
        try await withTestApp { app in
            let k = try await Kommun.make("lilla-edet", on: app)
            let staff = k.staff + [(RoleCatalogue.operationsResponsible, k.dora)]
            let epost = try await k.system("E-post", category: .common, owner: k.itEnheten, roles: staff)
            let diarium = try await k.system("Diarium", category: .common, owner: k.klf, roles: staff)
            let procapita = try await k.system("Procapita", owner: k.soc, roles: staff)

            let findings = try await k.findings()
            #expect(findings == [Seen("systems.owner", "E3", diarium, "common-owner", acts: k.helena)])
            #expect(!findings.contains { [epost.id, procapita.id].contains($0.object) })
            let message = try await k.list().items.first?.message.sv
            #expect(
                message
                    == "Kommungemensamt system som ägs av Kommunledningsförvaltningen; kommungemensamma system ägs av IT-enheten."
            )
        }
    }

    @Test("F2: Fagersta's kommunstyrelse owns the common systems; each förvaltning owns its verksamhetssystem")
    func fagerstaOwner() async throws {
        try await withTestApp { app in
            let k = try await Kommun.make("fagersta", on: app)
            let ekonomi = try await k.system("Ekonomisystem", category: .common, owner: k.soc, roles: k.staff)
            let lon = try await k.system("Lönesystem", category: .common, owner: k.itEnheten, roles: k.staff)
            let procapita = try await k.system("Procapita", owner: k.soc, roles: k.staff)

            let findings = try await k.findings()
            #expect(findings == [Seen("systems.owner", "E3", ekonomi, "common-owner", acts: k.helena)])
            #expect(!findings.contains { [lon.id, procapita.id].contains($0.object) })
        }
    }

    @Test("F2: Fagersta's förvaltning appoints a systemförvaltare of each verksamhetssystem, with no ersättare")
    func fagerstaManager() async throws {
        try await withTestApp { app in
            let k = try await Kommun.make("fagersta", on: app)
            let skola = try await k.system("Skolsystem", owner: k.soc, roles: [(RoleCatalogue.systemOwner, k.helena)])
            let procapita = try await k.system("Procapita", owner: k.soc, roles: k.staff)

            let findings = try await k.findings()
            #expect(findings == [Seen("roles.required", "F2", skola, "systemforvaltare/ordinarie", acts: k.helena)])
            #expect(!findings.contains { $0.object == procapita.id })
        }
    }

    @Test(
        "E3: seed 003's common systems belong to the kommunstyrelse: Ekonomisystem owned by a förvaltning is a finding")
    func eForvaltningCommonOwner() async throws {
        try await withTestApp { app in
            let k = try await Kommun.make("e-forvaltning", on: app)
            let ekonomi = try await k.system("Ekonomisystem", category: .common, owner: k.soc, roles: k.staff)
            // Anywhere below the kommunstyrelse will do, unlike Lilla Edet's IT-enheten.
            let diarium = try await k.system("Diariesystem", category: .common, owner: k.klf, roles: k.staff)

            let findings = try await k.findings()
            #expect(findings == [Seen("systems.owner", "E3", ekonomi, "common-owner", acts: k.helena)])
            #expect(!findings.contains { $0.object == diarium.id })
        }
    }

    @Test("E3: in seed 003 each verksamhet owns its verksamhetssystem and staffs it, with no ersättare required")
    func eForvaltningBusinessOwner() async throws {
        try await withTestApp { app in
            let k = try await Kommun.make("e-forvaltning", on: app)
            let unowned = try await k.system("Bygglovssystem", owner: nil, roles: k.staff)
            let unmanaged = try await k.system(
                "Procapita", owner: k.soc, roles: [(RoleCatalogue.systemOwner, k.helena)])

            #expect(
                try await k.findings()
                    == [
                        Seen("roles.required", "E3", unmanaged, "systemforvaltare/ordinarie", acts: k.helena),
                        Seen("systems.owner", "E3", unowned, "missing", acts: k.helena),
                    ].sorted())
        }
    }
}

/// One finding as the tests compare it: rule, requirement, object, which gap, who should act.
private struct Seen: Hashable, Comparable, CustomStringConvertible {
    var rule: String
    var requirement: String
    var object: UUID
    var label: String
    var gap: String
    var responsible: String?

    init(_ rule: String, _ requirement: String, _ system: ITSystem, _ gap: String, acts person: Person) {
        self.rule = rule
        self.requirement = requirement
        object = system.id!
        label = system.name
        self.gap = gap
        responsible = person.name
    }

    init(_ f: FindingResponse) {
        rule = f.rule
        requirement = f.requirement
        object = f.object.id
        label = f.object.label
        gap = f.key.split(separator: ":").last.map(String.init) ?? ""
        responsible = f.responsible?.name
    }

    static func < (a: Seen, b: Seen) -> Bool { a.description < b.description }

    var description: String { "\(rule) \(requirement) \(label) \(gap) → \(responsible ?? "nobody")" }
}

/// A municipality governed by one seed profile: Kommunstyrelsen with Kommunledningsförvaltningen and its
/// IT-enheten, Socialnämnden with Socialförvaltningen; Johan the IT-chef, and people to appoint.
private struct Kommun {
    let app: Application
    let tenant: Tenant
    let klf: OrgUnit
    let itEnheten: OrgUnit
    let soc: OrgUnit
    let johan: Person
    let helena: Person
    let fredrik: Person
    let dan: Person
    let dora: Person
    let ulrika: Person

    /// A systemägare and a systemförvaltare.
    var staff: [(String, Person)] { [(RoleCatalogue.systemOwner, helena), (RoleCatalogue.systemManager, fredrik)] }

    /// The municipality `slug`, created under the standard profile, then given `profile` as its version 2
    /// as an administrator would upload it.
    static func make(_ profile: String, slug: String = "testby", on app: Application) async throws -> Kommun {
        let db = app.db
        let tenant = try await Fixtures.tenant(slug, on: app)
        let yaml = try #require(ShippedProfiles.yaml(profile))
        try await ProfileRules.install(
            yaml: yaml, message: "Vår styrning", tenant: tenant, actor: Fixtures.actor, on: db)
        let ks = try await Fixtures.orgUnit("Kommunstyrelsen", kind: .board, in: tenant, on: db)
        let klf = try await Fixtures.orgUnit("Kommunledningsförvaltningen", parent: ks, in: tenant, on: db)
        let it = try await Fixtures.orgUnit("IT-enheten", kind: .unit, parent: klf, in: tenant, on: db)
        let sn = try await Fixtures.orgUnit("Socialnämnden", kind: .board, in: tenant, on: db)
        let soc = try await Fixtures.orgUnit("Socialförvaltningen", parent: sn, in: tenant, on: db)
        let johan = try await Fixtures.person("Johan Bergström", in: tenant, on: db)
        try await assign(RoleCatalogue.itManager, johan, unit: nil, in: tenant, on: db)
        return Kommun(
            app: app, tenant: tenant, klf: klf, itEnheten: it, soc: soc, johan: johan,
            helena: try await Fixtures.person("Helena Dahl", in: tenant, on: db),
            fredrik: try await Fixtures.person("Fredrik Söderberg", in: tenant, on: db),
            dan: try await Fixtures.person("Dan Ek", in: tenant, on: db),
            dora: try await Fixtures.person("Dora Lind", in: tenant, on: db),
            ulrika: try await Fixtures.person("Ulrika Persson", in: tenant, on: db))
    }

    /// Classified until 2028, so only the rules under test have anything to say.
    static func classified(_ d: inout ITSystemDraft) {
        d.classification = .init(
            confidentiality: .l2, integrity: .l2, availability: .l2, classifiedOn: CalendarDay(iso: "2025-02-01")!,
            validUntil: CalendarDay(iso: "2028-02-01")!)
    }

    /// A system in production, classified, with these roles held as ordinarie, and an ersättare for its
    /// systemförvaltare when `deputy` is given.
    func system(
        _ name: String, category: SystemCategory = .business, owner: OrgUnit?, roles: [(String, Person)] = [],
        deputy: Person? = nil
    ) async throws -> ITSystem {
        let system = try await Fixtures.system(
            name, category: category, owner: owner, configure: Self.classified, in: tenant, on: app.db)
        for (key, person) in roles {
            try await Fixtures.assign(key, to: person, on: system, in: tenant, db: app.db)
        }
        if let deputy {
            try await Fixtures.assign(
                RoleCatalogue.systemManager, to: deputy, on: system, holding: .deputy, in: tenant, db: app.db)
        }
        return system
    }

    /// A role held for an org unit, or for the whole municipality when `unit` is nil.
    static func assign(
        _ key: String, _ person: Person, unit: OrgUnit?, in tenant: Tenant, on db: any Database
    ) async throws {
        try await ComplianceScenario.assign(
            key, person, scope: unit == nil ? .tenant : .orgUnit, id: unit?.id, in: tenant, on: db)
    }

    /// Today's findings as the API gives them to the municipality's administrator.
    func list() async throws -> FindingList {
        try await app.get("/api/v1/tenants/\(tenant.slug)/compliance/findings?perPage=200").decode(FindingList.self)
    }

    /// The register's findings in a fixed order, to compare with a list. The plans' rule is left out: these
    /// municipalities have no plans yet, and plans have scenarios of their own (PlansTests).
    func findings() async throws -> [Seen] {
        try await list().items.filter { $0.rule != "plans.revision" }.map(Seen.init).sorted()
    }

    static func findings(slug: String, as user: TestUser, on app: Application) async throws -> [Seen] {
        try await app.get("/api/v1/tenants/\(slug)/compliance/findings?perPage=200", as: user)
            .decode(FindingList.self).items.filter { $0.rule != "plans.revision" }.map(Seen.init).sorted()
    }
}
