import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Role assignments")
struct RoleAssignmentTests {
    @Test("T11: assigning a systemförvaltare and an ersättare through the form closes the system's gaps")
    func closeGapsThroughForm() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system("Procapita", in: t, on: app.db)
            let owner = try await Fixtures.person("Sara Ström", in: t, on: app.db)
            let manager = try await Fixtures.person("Mats Malm", in: t, on: app.db)
            let deputy = try await Fixtures.person("Dana Dahl", in: t, on: app.db)
            let ownerRole = try await Fixtures.roleType(RoleCatalogue.systemOwner, in: t, on: app.db)
            let managerRole = try await Fixtures.roleType(RoleCatalogue.systemManager, in: t, on: app.db)
            let form = RoleRoutes.newAssignment("testby", scope: .system, scopeID: system.id!)
            #expect(try await app.get(form).status == .ok)
            for (role, person, holding) in [
                (ownerRole, owner, "ordinarie"), (managerRole, manager, "ordinarie"),
                (managerRole, deputy, "ersattare"),
            ] {
                let res = try await app.sendForm(
                    RoleRoutes.assignments("testby"),
                    [
                        "scope": "system", "scopeId": system.id!.uuidString, "roleTypeId": role.id!.uuidString,
                        "personId": person.id!.uuidString, "holding": holding, "validFrom": "2026-01-01",
                        "appointedByPersonId": owner.id == person.id ? "" : owner.id!.uuidString,
                    ])
                #expect(res.status == .seeOther, "\(res.text)")
                #expect(res.location == SystemRoutes.tab("testby", system.id!, .roles))
            }
            let context = try await RegisterContext.load(tenant: t, today: testToday, on: app.db)
            #expect(try await context.roleGaps(systems: [system], on: app.db)[system.id!] == nil)
            let page = try await app.get(SystemRoutes.tab("testby", system.id!, .roles)).text
            #expect(page.contains("Dana Dahl"))
            #expect(!page.contains("Roller saknas"))
        }
    }

    @Test("A role held by someone who has left, or that has ended, counts as vacant")
    func vacantWhenLeftOrEnded() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system("Raindance", category: .common, in: t, on: app.db)
            let gone = try await Fixtures.person("Gunnar Gått", active: false, in: t, on: app.db)
            let ended = try await Fixtures.person("Eva Ex", in: t, on: app.db)
            try await Fixtures.assign(RoleCatalogue.systemOwner, to: gone, on: system, in: t, db: app.db)
            try await Fixtures.assign(
                RoleCatalogue.systemManager, to: ended, on: system, to: testToday.adding(days: -1), in: t, db: app.db)
            let context = try await RegisterContext.load(tenant: t, today: testToday, on: app.db)
            let gaps = try await context.roleGaps(systems: [system], on: app.db)[system.id!] ?? []
            #expect(Set(gaps.map(\.roleKey)) == [RoleCatalogue.systemOwner, RoleCatalogue.systemManager])
        }
    }

    @Test("A person who has left can't be appointed, and nobody holds the same role twice at once")
    func refusals() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system("Platina", in: t, on: app.db)
            let gone = try await Fixtures.person("Gunnar Gått", active: false, in: t, on: app.db)
            let anna = try await Fixtures.person("Anna Andersson", in: t, on: app.db)
            let role = try await Fixtures.roleType(RoleCatalogue.systemManager, in: t, on: app.db)
            func post(_ person: Person, from: String) async throws -> TestingHTTPResponse {
                try await app.sendJSON(
                    .POST, "/api/v1/tenants/testby/role-assignments",
                    [
                        "roleTypeId": role.id!.uuidString, "personId": person.id!.uuidString, "scope": "system",
                        "scopeId": system.id!.uuidString, "validFrom": from,
                    ])
            }
            let leftRes = try await post(gone, from: "2026-01-01")
            #expect(leftRes.status == .unprocessableEntity)
            #expect(try leftRes.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["personId"])
            #expect(try await post(anna, from: "2026-01-01").status == .created)
            let twice = try await post(anna, from: "2026-02-01")
            #expect(twice.status == .unprocessableEntity)
            #expect(try await RoleAssignment.query(on: app.db).count() == 1)
        }
    }

    @Test("A role for a system must be a system role, and must point at this municipality's system")
    func scopeChecks() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let other = try await Fixtures.tenant("annanstad", on: app)
            let foreign = try await Fixtures.system("Främmande", in: other, on: app.db)
            let anna = try await Fixtures.person("Anna Andersson", in: t, on: app.db)
            let itChef = try await Fixtures.roleType(RoleCatalogue.itManager, in: t, on: app.db)
            let manager = try await Fixtures.roleType(RoleCatalogue.systemManager, in: t, on: app.db)
            let wrongScope = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/role-assignments",
                [
                    "roleTypeId": itChef.id!.uuidString, "personId": anna.id!.uuidString, "scope": "system",
                    "scopeId": foreign.id!.uuidString, "validFrom": "2026-01-01",
                ])
            let fields = Set(try wrongScope.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) ?? [])
            #expect(fields == ["scope", "scopeId"])
            let foreignSystem = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/role-assignments",
                [
                    "roleTypeId": manager.id!.uuidString, "personId": anna.id!.uuidString, "scope": "system",
                    "scopeId": foreign.id!.uuidString, "validFrom": "2026-01-01",
                ])
            #expect(try foreignSystem.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["scopeId"])
        }
    }

    @Test("Ending a role keeps it as history on the system and in the audit trail")
    func endRole() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system("Ecos", in: t, on: app.db)
            let anna = try await Fixtures.person("Anna Andersson", in: t, on: app.db)
            let a = try await Fixtures.assign(RoleCatalogue.systemOwner, to: anna, on: system, in: t, db: app.db)
            let bad = try await app.sendForm(RoleRoutes.endAssignment("testby", a.id!), ["validTo": "2023-01-01"])
            #expect(bad.status == .unprocessableEntity)
            let res = try await app.sendForm(
                RoleRoutes.endAssignment("testby", a.id!), ["validTo": "2026-02-28", "message": "Ny tjänst"])
            #expect(res.status == .seeOther)
            let stored = try #require(try await RoleAssignment.find(a.id, on: app.db))
            #expect(stored.validTo == "2026-02-28")
            let history = try await app.get("/api/v1/tenants/testby/systems/\(system.id!.uuidString)/history").decode(
                [HistoryEntryResponse].self)
            let entry = try #require(history.first { $0.objectType == RoleAssignment.objectType })
            #expect(entry.objectLabel == "Systemägare: Anna Andersson – Ecos")
            #expect(entry.message == "Ny tjänst")
            #expect(entry.changes.map(\.field) == ["validTo"])
            let page = try await app.get(SystemRoutes.tab("testby", system.id!, .roles)).text
            #expect(page.contains("Tidigare rollinnehavare (1)"))
        }
    }

    @Test("The roles page shows municipality-wide roles as vacant until someone is appointed")
    func rolesPage() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let eva = try await Fixtures.person("Eva IT-chef", in: t, on: app.db)
            let itChef = try await Fixtures.roleType(RoleCatalogue.itManager, in: t, on: app.db)
            #expect(try await app.get(RoleRoutes.index("testby")).text.contains("Vakant"))
            let res = try await app.sendForm(
                RoleRoutes.assignments("testby"),
                [
                    "scope": "kommun", "scopeId": "", "roleTypeId": itChef.id!.uuidString,
                    "personId": eva.id!.uuidString,
                    "holding": "ordinarie", "validFrom": "2026-01-01",
                ])
            #expect(res.status == .seeOther)
            #expect(res.location == RoleRoutes.index("testby"))
            let page = try await app.get(RoleRoutes.index("testby")).text
            #expect(page.contains("Eva IT-chef"))
        }
    }

    @Test("A role type can't be deleted while it has been assigned")
    func roleTypeInUse() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system("Ecos", in: t, on: app.db)
            let anna = try await Fixtures.person("Anna Andersson", in: t, on: app.db)
            try await Fixtures.assign(RoleCatalogue.informationOwner, to: anna, on: system, in: t, db: app.db)
            let role = try await Fixtures.roleType(RoleCatalogue.informationOwner, in: t, on: app.db)
            let res = try await app.delete("/api/v1/tenants/testby/role-types/\(role.id!.uuidString)")
            #expect(res.status == .conflict)
            #expect(try res.decode(AppErrorMiddleware.APIErrorBody.self).code == "record.in-use")
            let unused = try await Fixtures.roleType(RoleCatalogue.chiefArchivist, in: t, on: app.db)
            #expect(
                try await app.delete("/api/v1/tenants/testby/role-types/\(unused.id!.uuidString)").status == .noContent)
        }
    }
}
