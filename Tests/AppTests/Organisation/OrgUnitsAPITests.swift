import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Organisation API")
struct OrgUnitsAPITests {
    let base = "/api/v1/tenants/testby/org-units"

    @Test("A unit can be created, read, listed, replaced and deleted")
    func roundTrip() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let manager = try await Fixtures.person("Maria Chef", in: t, on: app.db)
            let ks = try await Fixtures.orgUnit("Kommunstyrelsen", kind: .board, in: t, on: app.db)
            let created = try await app.sendJSON(
                .POST, base,
                OrgUnitDraft(
                    name: "  Kommunledningskontoret ", kind: .administration, parentId: ks.id, shortName: "KLK",
                    managerPersonId: manager.id))
            #expect(created.status == .created)
            let body = try created.decode(OrgUnitResponse.self)
            #expect(created.location == "\(base)/\(body.id.uuidString)")
            #expect(
                body.draft
                    == OrgUnitDraft(
                        name: "Kommunledningskontoret", kind: .administration, parentId: ks.id, shortName: "KLK",
                        managerPersonId: manager.id))
            // The draft's fields sit beside id at the top level.
            let json = try JSONSerialization.jsonObject(with: Data(buffer: created.body)) as? [String: Any]
            #expect(json?["name"] as? String == "Kommunledningskontoret")
            #expect(json?["kind"] as? String == "forvaltning")
            #expect(json?["id"] as? String == body.id.uuidString)

            let read = try await app.get("\(base)/\(body.id.uuidString)")
            #expect(try read.decode(OrgUnitResponse.self).draft.shortName == "KLK")

            let list = try await app.get("\(base)?q=klk").decode(ListResponse<OrgUnitResponse>.self)
            #expect(list.items.map(\.draft.name) == ["Kommunledningskontoret"])
            #expect(list.total == 1)
            let all = try await app.get(base).decode(ListResponse<OrgUnitResponse>.self)
            #expect(all.items.map(\.draft.name) == ["Kommunstyrelsen", "Kommunledningskontoret"])  // parents first

            // PUT replaces everything: what the body leaves out is cleared.
            let replaced = try await app.sendJSON(
                .PUT, "\(base)/\(body.id.uuidString)", ["name": "KLK", "kind": "avdelning"])
            #expect(replaced.status == .ok)
            #expect(try replaced.decode(OrgUnitResponse.self).draft == OrgUnitDraft(name: "KLK", kind: .department))

            let deleted = try await app.delete("\(base)/\(body.id.uuidString)")
            #expect(deleted.status == .noContent)
            #expect(try await app.get("\(base)/\(body.id.uuidString)").status == .notFound)
            #expect(try await OrgUnit.scoped(to: t, on: app.db).count() == 1)
        }
    }

    @Test("Every problem is reported at once with its field; paging values are checked")
    func validation() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let res = try await app.sendJSON(
                .POST, base,
                OrgUnitDraft(
                    name: " ", kind: .unit, parentId: UUID(), shortName: String(repeating: "X", count: 21),
                    managerPersonId: UUID()))
            #expect(res.status == .unprocessableEntity)
            let error = try res.decode(AppErrorMiddleware.APIErrorBody.self)
            #expect(error.code == "validation.failed")
            #expect(Set(error.errors?.map(\.field) ?? []) == ["name", "shortName", "parentId", "managerPersonId"])
            let kind = try await app.sendJSON(.POST, base, ["name": "X", "kind": "kontor"])
            #expect(kind.status == .unprocessableEntity)
            #expect(try kind.decode(AppErrorMiddleware.APIErrorBody.self).errors?.first?.field == "kind")
            #expect(try await app.get("\(base)?perPage=0").status == .badRequest)
            #expect(try await OrgUnit.scoped(to: t, on: app.db).count() == 0)
        }
    }

    @Test("A unit can't become its own ancestor: B under A, then A under B, is refused on parentId")
    func cycle() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let a = try await Fixtures.orgUnit("A-förvaltningen", in: t, on: app.db)
            let b = try await Fixtures.orgUnit("B-avdelningen", kind: .department, in: t, on: app.db)
            let c = try await Fixtures.orgUnit("C-enheten", kind: .unit, parent: b, in: t, on: app.db)
            let aUnderB = try await app.sendJSON(
                .PUT, "\(base)/\(b.id!.uuidString)",
                OrgUnitDraft(name: "B-avdelningen", kind: .department, parentId: a.id))
            #expect(aUnderB.status == .ok)
            for newParent in [b, c, a] {  // its child, its grandchild, itself
                let res = try await app.sendJSON(
                    .PUT, "\(base)/\(a.id!.uuidString)",
                    OrgUnitDraft(name: "A-förvaltningen", kind: .administration, parentId: newParent.id))
                #expect(res.status == .unprocessableEntity, "\(newParent.name)")
                let error = try res.decode(AppErrorMiddleware.APIErrorBody.self)
                #expect(error.errors?.map(\.field) == ["parentId"])
                #expect(error.errors?.first?.message.en.contains("under itself") == true)
            }
            #expect(try await OrgUnit.find(a.id, in: t, on: app.db, what: OrgUnit.what).parentID == nil)
        }
    }

    @Test("Names are unique among siblings, regardless of case, but may repeat elsewhere in the tree")
    func siblingNames() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let social = try await Fixtures.orgUnit("Socialförvaltningen", in: t, on: app.db)
            let school = try await Fixtures.orgUnit("Barn- och utbildningsförvaltningen", in: t, on: app.db)
            _ = try await Fixtures.orgUnit("Administration", kind: .department, parent: social, in: t, on: app.db)
            let clash = try await app.sendJSON(
                .POST, base, OrgUnitDraft(name: "ADMINISTRATION", kind: .department, parentId: social.id))
            #expect(clash.status == .unprocessableEntity)
            #expect(try clash.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["name"])
            let elsewhere = try await app.sendJSON(
                .POST, base, OrgUnitDraft(name: "Administration", kind: .department, parentId: school.id))
            #expect(elsewhere.status == .created)
            let root = try await app.sendJSON(
                .POST, base, OrgUnitDraft(name: "socialförvaltningen", kind: .administration))
            #expect(root.status == .unprocessableEntity)
        }
    }

    @Test("Another municipality's units and people are invisible: 404 to read or write, 422 to reference")
    func tenantIsolation() async throws {
        try await withTestApp { app in
            let a = try await Fixtures.tenant("a-kommun", on: app)
            let b = try await Fixtures.tenant("b-kommun", on: app)
            let secret = try await Fixtures.orgUnit("B-förvaltningen", in: b, on: app.db)
            let bPerson = try await Fixtures.person("Bertil B", in: b, on: app.db)
            let aBase = "/api/v1/tenants/a-kommun/org-units"
            #expect(try await app.get("\(aBase)/\(secret.id!.uuidString)").status == .notFound)
            #expect(try await app.get("/t/a-kommun/org/\(secret.id!.uuidString)").status == .notFound)
            let write = try await app.sendJSON(
                .PUT, "\(aBase)/\(secret.id!.uuidString)", OrgUnitDraft(name: "Mitt", kind: .unit))
            #expect(write.status == .notFound)
            #expect(try await app.delete("\(aBase)/\(secret.id!.uuidString)").status == .notFound)
            let ref = try await app.sendJSON(
                .POST, aBase, OrgUnitDraft(name: "Ny", kind: .unit, parentId: secret.id, managerPersonId: bPerson.id))
            #expect(ref.status == .unprocessableEntity)
            let error = try ref.decode(AppErrorMiddleware.APIErrorBody.self)
            #expect(Set(error.errors?.map(\.field) ?? []) == ["parentId", "managerPersonId"])
            // Reported exactly like an id that exists nowhere.
            let unknown = try await app.sendJSON(
                .POST, aBase, OrgUnitDraft(name: "Ny", kind: .unit, parentId: UUID(), managerPersonId: UUID()))
            #expect(
                try unknown.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.message)
                    == error.errors?.map(\.message))
            #expect(try await OrgUnit.scoped(to: a, on: app.db).count() == 0)
            #expect(try await OrgUnit.find(secret.id, in: b, on: app.db, what: OrgUnit.what).name == "B-förvaltningen")
            #expect(try await app.get(aBase).decode(ListResponse<OrgUnitResponse>.self).total == 0)
        }
    }

    @Test("Deleting is refused with 409 while anything refers to the unit, and nothing is deleted")
    func deleteInUse() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let parent = try await Fixtures.orgUnit("Socialförvaltningen", in: t, on: app.db)
            _ = try await Fixtures.orgUnit("IFO", kind: .department, parent: parent, in: t, on: app.db)
            let owner = try await Fixtures.orgUnit("Tekniska förvaltningen", in: t, on: app.db)
            _ = try await Fixtures.system("Infrasystemet", owner: owner, in: t, on: app.db)
            let user = try await Fixtures.orgUnit("Kulturförvaltningen", in: t, on: app.db)
            _ = try await Fixtures.system("Bokning", configure: { $0.userOrgUnitIds = [user.id!] }, in: t, on: app.db)
            let home = try await Fixtures.orgUnit("Miljöförvaltningen", in: t, on: app.db)
            let person = try await Fixtures.person("Per Person", in: t, on: app.db)
            person.orgUnitID = home.id
            try await person.update(on: app.db)
            let roleHolder = try await Fixtures.orgUnit("Barn- och utbildningsförvaltningen", in: t, on: app.db)
            let coordinator = try await Fixtures.roleType(RoleCatalogue.itCoordinator, in: t, on: app.db)
            try await Fixtures.assign(
                coordinator, to: person, scope: .orgUnit, scopeID: roleHolder.id, to: testToday.adding(days: -10),
                in: t, db: app.db)
            for (unit, expected) in [
                (parent, "(1 sub-unit)"), (owner, "(1 system it owns)"), (user, "(1 system it uses)"),
                (home, "(1 person)"), (roleHolder, "(1 role assignment)"),
            ] {
                let res = try await app.delete("\(base)/\(unit.id!.uuidString)")
                #expect(res.status == .conflict, "\(unit.name)")
                let error = try res.decode(AppErrorMiddleware.APIErrorBody.self)
                #expect(error.code == "record.in-use")
                #expect(error.message.contains(expected), "\(error.message)")
                #expect(!error.requestId.isEmpty)
            }
            #expect(try await OrgUnit.scoped(to: t, on: app.db).count() == 6)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == .delete).count() == 0)
        }
    }

    @Test("Creating, changing and deleting are recorded with the actor; an unchanged save records nothing")
    func history() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let user = try await signedInAdmin("Eva IT-chef", of: t, on: app)
            let created = try await app.sendJSON(
                .POST, base, OrgUnitDraft(name: "Servicekontoret", kind: .administration), as: user)
            let id = try created.decode(OrgUnitResponse.self).id
            let changed = OrgUnitDraft(name: "Servicekontoret", kind: .administration, shortName: "SK")
            _ = try await app.sendJSON(.PUT, "\(base)/\(id.uuidString)", changed, as: user)
            _ = try await app.sendJSON(.PUT, "\(base)/\(id.uuidString)", changed, as: user)
            #expect(try await app.delete("\(base)/\(id.uuidString)").status == .noContent)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$objectID == id).sort(\.$at).all()
            #expect(entries.map(\.action) == [.create, .update, .delete])
            #expect(
                entries.allSatisfy {
                    $0.objectType == OrgUnit.objectType && $0.tenantID == t.id && $0.objectLabel == "Servicekontoret"
                })
            #expect(
                entries.map(\.actor) == [
                    "Eva IT-chef <eva.it-chef@testby.se>", "Eva IT-chef <eva.it-chef@testby.se>",
                    "Admin testby <admin@testby.se>",
                ])
            #expect(
                AuditChange.diff(before: entries[1].before, after: entries[1].after) == [
                    AuditChange(field: "shortName", before: nil, after: "SK")
                ])
        }
    }
}
