import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("System register API")
struct SystemsAPITests {
    @Test("Creating a system answers 201 with its location, tidied values and the roles it lacks (D2, T11)")
    func create() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let res = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/systems",
                [
                    "name": "  Procapita ", "category": "verksamhetssystem",
                ] as [String: String])
            #expect(res.status == .created)
            let body = try res.decode(SystemResponse.self)
            #expect(body.draft.name == "Procapita")
            #expect(res.location == "/api/v1/tenants/testby/systems/\(body.id.uuidString)")
            let missing = body.missingRoles.map { "\($0.roleKey)/\($0.missing.rawValue)/\($0.source)" }.sorted()
            #expect(
                missing == [
                    "systemagare/ordinarie/D2", "systemforvaltare/ersattare/T11", "systemforvaltare/ordinarie/T11",
                ])
        }
    }

    @Test("An unknown category is refused with 422 naming the field, and nothing is stored")
    func unknownCategory() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let res = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/systems", ["name": "X", "category": "gemensam"])
            #expect(res.status == .unprocessableEntity)
            let error = try res.decode(AppErrorMiddleware.APIErrorBody.self)
            #expect(error.errors?.first?.field == "category")
            #expect(error.message.contains("kommungemensamt"))
            #expect(try await ITSystem.scoped(to: tenant, on: app.db).count() == 0)
        }
    }

    @Test("Names are unique per municipality regardless of case, but two municipalities may share one")
    func uniqueNames() async throws {
        try await withTestApp { app in
            let a = try await Fixtures.tenant("a-kommun", on: app)
            _ = try await Fixtures.tenant("b-kommun", on: app)
            _ = try await Fixtures.system("Visma Lön", in: a, on: app.db)
            let clash = try await app.sendJSON(
                .POST, "/api/v1/tenants/a-kommun/systems", ["name": "visma lön", "category": "kommungemensamt"])
            #expect(clash.status == .unprocessableEntity)
            #expect(try clash.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["name"])
            let other = try await app.sendJSON(
                .POST, "/api/v1/tenants/b-kommun/systems", ["name": "Visma Lön", "category": "kommungemensamt"])
            #expect(other.status == .created)
        }
    }

    @Test("Every validation problem is reported at once, each with its field")
    func allIssues() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let body = """
                {"name": "", "category": "verksamhetssystem", "userCount": -5,
                 "documentationLinks": [{"title": "Manual", "url": "ftp://files"}],
                 "ai": {"usesAI": false, "riskClass": "hog"}, "backup": {"rpoHours": 9000}}
                """
            let res = try await app.sendRaw(.POST, "/api/v1/tenants/testby/systems", body)
            #expect(res.status == .unprocessableEntity)
            let fields = Set(try res.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) ?? [])
            #expect(fields == ["name", "userCount", "documentationLinks[0].url", "ai.riskClass", "backup.rpoHours"])
        }
    }

    @Test("Malformed JSON is a 422 that says so, not a server error")
    func malformed() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let res = try await app.sendRaw(.POST, "/api/v1/tenants/testby/systems", "{\"name\": ")
            #expect(res.status == .unprocessableEntity || res.status == .badRequest)
            #expect(try res.decode(AppErrorMiddleware.APIErrorBody.self).code == "request.invalid")
        }
    }

    @Test("Another municipality's system or org unit is invisible: 404 to read, 422 to reference")
    func tenantIsolation() async throws {
        try await withTestApp { app in
            let a = try await Fixtures.tenant("a-kommun", on: app)
            let b = try await Fixtures.tenant("b-kommun", on: app)
            let secret = try await Fixtures.system("Hemligt", in: b, on: app.db)
            let bUnit = try await Fixtures.orgUnit("B-förvaltningen", in: b, on: app.db)
            let read = try await app.get("/api/v1/tenants/a-kommun/systems/\(secret.id!.uuidString)")
            #expect(read.status == .notFound)
            let page = try await app.get("/t/a-kommun/systems/\(secret.id!.uuidString)")
            #expect(page.status == .notFound)
            let write = try await app.sendJSON(
                .PUT, "/api/v1/tenants/a-kommun/systems/\(secret.id!.uuidString)",
                ["name": "Mitt", "category": "verksamhetssystem"])
            #expect(write.status == .notFound)
            let ref = try await app.sendJSON(
                .POST, "/api/v1/tenants/a-kommun/systems",
                ["name": "Nytt", "category": "verksamhetssystem", "ownerOrgUnitId": bUnit.id!.uuidString])
            #expect(ref.status == .unprocessableEntity)
            #expect(try ref.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["ownerOrgUnitId"])
            #expect(try await ITSystem.scoped(to: a, on: app.db).count() == 0)
            #expect(try await ITSystem.find(secret.id, in: b, on: app.db, what: ITSystem.what).name == "Hemligt")
        }
    }

    @Test("The list searches every term, filters by org subtree and missing role, sorts and pages")
    func list() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let social = try await Fixtures.orgUnit("Socialförvaltningen", in: t, on: app.db)
            let unit = try await Fixtures.orgUnit(
                "Individ- och familjeomsorg", kind: .department, parent: social, in: t, on: app.db)
            let school = try await Fixtures.orgUnit("Barn- och utbildningsförvaltningen", in: t, on: app.db)
            let procapita = try await Fixtures.system(
                "Procapita", owner: unit, configure: { $0.product = "Lifecare verksamhet" }, in: t, on: app.db)
            _ = try await Fixtures.system(
                "Lifecare", owner: social, configure: { $0.product = "Lifecare" }, in: t, on: app.db)
            _ = try await Fixtures.system("Skola24", owner: school, in: t, on: app.db)
            _ = try await Fixtures.system("Ärendehantering", category: .common, in: t, on: app.db)
            let owner = try await Fixtures.person("Sara Ström", in: t, on: app.db)
            let manager = try await Fixtures.person("Mats Malm", in: t, on: app.db)
            let deputy = try await Fixtures.person("Dana Dahl", in: t, on: app.db)
            try await Fixtures.assign(RoleCatalogue.systemOwner, to: owner, on: procapita, in: t, db: app.db)
            try await Fixtures.assign(RoleCatalogue.systemManager, to: manager, on: procapita, in: t, db: app.db)
            try await Fixtures.assign(
                RoleCatalogue.systemManager, to: deputy, on: procapita, holding: .deputy, in: t, db: app.db)

            func names(_ query: String) async throws -> [String] {
                let res = try await app.get("/api/v1/tenants/testby/systems?\(query)")
                #expect(res.status == .ok, "\(query): \(res.text)")
                return try res.decode(ListResponse<SystemResponse>.self).items.map(\.draft.name)
            }
            #expect(try await names("q=lifecare%20verksamhet") == ["Procapita"])
            #expect(try await names("orgUnit=\(social.id!.uuidString)") == ["Lifecare", "Procapita"])
            #expect(try await names("category=kommungemensamt") == ["Ärendehantering"])
            #expect(try await names("missingRole=any") == ["Lifecare", "Skola24", "Ärendehantering"])
            #expect(try await names("sort=name&order=desc") == ["Ärendehantering", "Skola24", "Procapita", "Lifecare"])
            let page2 = try await app.get("/api/v1/tenants/testby/systems?perPage=3&page=2")
            let body = try page2.decode(ListResponse<SystemResponse>.self)
            #expect(body.total == 4)
            #expect(body.items.map(\.draft.name) == ["Ärendehantering"])
        }
    }

    @Test("Updating records who changed what; saving unchanged data writes no history")
    func updateHistory() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system("Platina", in: t, on: app.db)
            let path = "/api/v1/tenants/testby/systems/\(system.id!.uuidString)"
            let user = try await signedInAdmin("Eva IT-chef", of: t, on: app)
            let changed = try await app.sendJSON(
                .PUT, path, ["name": "Platina", "category": "kommungemensamt", "version": "7.2"], as: user)
            #expect(changed.status == .ok)
            let same = try await app.sendJSON(
                .PUT, path, ["name": "Platina", "category": "kommungemensamt", "version": "7.2"], as: user)
            #expect(same.status == .ok)
            let history = try await app.get(path + "/history").decode([HistoryEntryResponse].self)
            #expect(history.map(\.action) == ["update", "create"])
            let update = try #require(history.first)
            #expect(update.actor == "Eva IT-chef <eva.it-chef@testby.se>")
            let changes = Dictionary(uniqueKeysWithValues: update.changes.map { ($0.field, ($0.before, $0.after)) })
            #expect(changes["category"]?.0 == "verksamhetssystem")
            #expect(changes["category"]?.1 == "kommungemensamt")
            #expect(changes["version"]?.1 == "7.2")
            #expect(changes.count == 2)
        }
    }

    @Test("Deleting a system removes its roles and integrations and keeps its history")
    func delete() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let a = try await Fixtures.system("A", in: t, on: app.db)
            let b = try await Fixtures.system("B", in: t, on: app.db)
            let p = try await Fixtures.person("P", in: t, on: app.db)
            try await Fixtures.assign(RoleCatalogue.systemOwner, to: p, on: a, in: t, db: app.db)
            _ = try await Fixtures.integration(from: a, to: b, in: t, on: app.db)
            let res = try await app.delete("/api/v1/tenants/testby/systems/\(a.id!.uuidString)")
            #expect(res.status == .noContent)
            #expect(try await RoleAssignment.query(on: app.db).count() == 0)
            #expect(try await Integration.query(on: app.db).count() == 0)
            let deletions = try await AuditEntry.query(on: app.db).filter(\.$action == .delete).all()
            #expect(Set(deletions.map(\.objectType)) == [SystemRules.objectType, RoleAssignmentRules.objectType])
            #expect(try await app.get("/api/v1/tenants/testby/systems/\(a.id!.uuidString)").status == .notFound)
        }
    }

    @Test("Dependencies are followed transitively in both directions, and a cycle ends")
    func dependencies() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let navet = try await Fixtures.system("Navet-koppling", in: t, on: app.db)
            let folk = try await Fixtures.system("Befolkningsregister", in: t, on: app.db)
            let skola = try await Fixtures.system("Skoladmin", in: t, on: app.db)
            let lar = try await Fixtures.system("Lärplattform", in: t, on: app.db)
            _ = try await Fixtures.integration(from: navet, to: folk, in: t, on: app.db)
            _ = try await Fixtures.integration(from: folk, to: skola, in: t, on: app.db)
            _ = try await Fixtures.integration(from: skola, to: lar, in: t, on: app.db)
            _ = try await Fixtures.integration(from: lar, to: skola, in: t, on: app.db)  // a cycle
            let res = try await app.get("/api/v1/tenants/testby/systems/\(skola.id!.uuidString)/dependencies")
            let body = try res.decode(DependenciesResponse.self)
            #expect(
                body.dependsOn.map { "\($0.name)@\($0.distance)" } == [
                    "Befolkningsregister@1", "Lärplattform@1", "Navet-koppling@2",
                ])
            #expect(body.dependedOnBy.map { "\($0.name)@\($0.distance)" } == ["Lärplattform@1"])
        }
    }
}
