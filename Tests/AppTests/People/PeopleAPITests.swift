import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("People API")
struct PeopleAPITests {
    let base = "/api/v1/tenants/testby/people"

    @Test("A person can be created, read, replaced and deleted; e-mail is stored lower-case")
    func roundTrip() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let unit = try await Fixtures.orgUnit("Socialförvaltningen", in: t, on: app.db)
            let created = try await app.sendJSON(
                .POST, base,
                PersonDraft(
                    name: " Anna Andersson ", email: "Anna.Andersson@Testby.se", title: "IT-samordnare",
                    phone: "0123-456", orgUnitId: unit.id))
            #expect(created.status == .created)
            let body = try created.decode(PersonResponse.self)
            #expect(created.location == "\(base)/\(body.id.uuidString)")
            #expect(
                body.draft
                    == PersonDraft(
                        name: "Anna Andersson", email: "anna.andersson@testby.se", title: "IT-samordnare",
                        phone: "0123-456", orgUnitId: unit.id, isActive: true))
            let json = try JSONSerialization.jsonObject(with: Data(buffer: created.body)) as? [String: Any]
            #expect(json?["email"] as? String == "anna.andersson@testby.se")
            #expect(json?["isActive"] as? Bool == true)
            #expect(
                try await app.get("\(base)/\(body.id.uuidString)").decode(PersonResponse.self).draft.title
                    == "IT-samordnare")

            let replaced = try await app.sendJSON(
                .PUT, "\(base)/\(body.id.uuidString)",
                PersonDraft(
                    name: "Anna Berg", isActive: false,
                    leftOn: CalendarDay(year: 2026, month: 2, day: 27)))
            #expect(replaced.status == .ok)
            #expect(
                try replaced.decode(PersonResponse.self).draft
                    == PersonDraft(
                        name: "Anna Berg", isActive: false,
                        leftOn: CalendarDay(year: 2026, month: 2, day: 27)))
            #expect(try await app.delete("\(base)/\(body.id.uuidString)").status == .noContent)
            #expect(try await app.get("\(base)/\(body.id.uuidString)").status == .notFound)
            #expect(try await Person.scoped(to: t, on: app.db).count() == 0)
        }
    }

    @Test("Every problem is reported with its field")
    func validation() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let res = try await app.sendJSON(
                .POST, base,
                PersonDraft(
                    name: "", email: "inte en adress", phone: String(repeating: "1", count: 51), orgUnitId: UUID(),
                    isActive: true,
                    leftOn: testToday))
            #expect(res.status == .unprocessableEntity)
            let fields = Set(try res.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) ?? [])
            #expect(fields == ["name", "email", "phone", "orgUnitId", "leftOn"])
            let date = try await app.sendJSON(.POST, base, ["name": "X", "leftOn": "2026-02-30"])
            #expect(date.status == .unprocessableEntity)
            #expect(try date.decode(AppErrorMiddleware.APIErrorBody.self).errors?.first?.field == "leftOn")
            #expect(try await Person.scoped(to: t, on: app.db).count() == 0)
        }
    }

    @Test("E-mail is unique within a municipality regardless of case, but another municipality may reuse it")
    func uniqueEmail() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            _ = try await Fixtures.tenant("annanby", on: app)
            let first = try await app.sendJSON(.POST, base, PersonDraft(name: "Anna A", email: "anna@testby.se"))
            #expect(first.status == .created)
            let clash = try await app.sendJSON(.POST, base, PersonDraft(name: "Anna B", email: "ANNA@testby.se"))
            #expect(clash.status == .unprocessableEntity)
            let error = try clash.decode(AppErrorMiddleware.APIErrorBody.self)
            #expect(error.errors?.map(\.field) == ["email"])
            #expect(error.message.isEmpty == false)
            let other = try await app.sendJSON(
                .POST, "/api/v1/tenants/annanby/people", PersonDraft(name: "Anna C", email: "anna@testby.se"))
            #expect(other.status == .created)
            // Saving the person with their own address is no clash; people without e-mail never clash.
            let id = try first.decode(PersonResponse.self).id
            #expect(
                try await app.sendJSON(
                    .PUT, "\(base)/\(id.uuidString)", PersonDraft(name: "Anna Andersson", email: "Anna@testby.se")
                ).status == .ok)
            #expect(try await app.sendJSON(.POST, base, PersonDraft(name: "Utan e-post 1")).status == .created)
            #expect(try await app.sendJSON(.POST, base, PersonDraft(name: "Utan e-post 2")).status == .created)
        }
    }

    @Test("Marking someone as having left without a date records today")
    func leftToday() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let res = try await app.sendRaw(.POST, base, #"{"name": "Lena Lämnat", "isActive": false}"#)
            #expect(res.status == .created)
            let body = try res.decode(PersonResponse.self)
            #expect(body.draft.isActive == false)
            #expect(body.draft.leftOn == testToday)
        }
    }

    @Test("The list searches name, e-mail and title in any case and filters active, left or all")
    func list() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            for draft in [
                PersonDraft(name: "Östen Öberg", email: "osten@testby.se", title: "Systemförvaltare"),
                PersonDraft(name: "Anna Andersson", email: "anna@testby.se", title: "IT-samordnare"),
                PersonDraft(
                    name: "Bo Berg", email: "bo.samordnare@testby.se", title: "Handläggare", isActive: false,
                    leftOn: testToday),
                PersonDraft(name: "Cecilia Ceder", title: "Rektor"),
            ] {
                _ = try await PersonRules.create(draft, tenant: t, actor: Fixtures.actor, on: app.db)
            }
            func names(_ query: String) async throws -> [String] {
                let res = try await app.get("\(base)?\(query)")
                #expect(res.status == .ok, "\(query): \(res.text)")
                return try res.decode(ListResponse<PersonResponse>.self).items.map(\.draft.name)
            }
            #expect(try await names("") == ["Anna Andersson", "Cecilia Ceder", "Östen Öberg"])
            #expect(try await names("status=left") == ["Bo Berg"])
            #expect(try await names("status=all") == ["Anna Andersson", "Bo Berg", "Cecilia Ceder", "Östen Öberg"])
            #expect(try await names("q=SAMORDNARE&status=all") == ["Anna Andersson", "Bo Berg"])  // title and e-mail
            #expect(try await names("q=%C3%96sten") == ["Östen Öberg"])
            #expect(try await names("q=rektor") == ["Cecilia Ceder"])
            let paged = try await app.get("\(base)?status=all&perPage=3&page=2").decode(
                ListResponse<PersonResponse>.self)
            #expect(paged.total == 4 && paged.items.map(\.draft.name) == ["Östen Öberg"])
            let bad = try await app.get("\(base)?status=gone")
            #expect(bad.status == .badRequest)
            #expect(try bad.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["status"])
        }
    }

    @Test("Another municipality's people are invisible: 404 to read or write, 422 to reference its units")
    func tenantIsolation() async throws {
        try await withTestApp { app in
            let a = try await Fixtures.tenant("a-kommun", on: app)
            let b = try await Fixtures.tenant("b-kommun", on: app)
            let secret = try await Fixtures.person("Hemlig Person", in: b, on: app.db)
            let bUnit = try await Fixtures.orgUnit("B-förvaltningen", in: b, on: app.db)
            let aBase = "/api/v1/tenants/a-kommun/people"
            #expect(try await app.get("\(aBase)/\(secret.id!.uuidString)").status == .notFound)
            #expect(try await app.get("/t/a-kommun/people/\(secret.id!.uuidString)").status == .notFound)
            #expect(
                try await app.sendJSON(.PUT, "\(aBase)/\(secret.id!.uuidString)", PersonDraft(name: "Min")).status
                    == .notFound)
            #expect(try await app.delete("\(aBase)/\(secret.id!.uuidString)").status == .notFound)
            let ref = try await app.sendJSON(.POST, aBase, PersonDraft(name: "Ny", orgUnitId: bUnit.id))
            #expect(ref.status == .unprocessableEntity)
            #expect(try ref.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["orgUnitId"])
            #expect(try await Person.scoped(to: a, on: app.db).count() == 0)
            #expect(try await app.get("\(aBase)?status=all").decode(ListResponse<PersonResponse>.self).total == 0)
            #expect(try await Person.find(secret.id, in: b, on: app.db, what: Person.what).name == "Hemlig Person")
        }
    }

    @Test("Someone who holds, held or appointed roles can't be deleted (409); the message says to mark them as left")
    func deleteInUse() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system("Procapita", in: t, on: app.db)
            let holder = try await Fixtures.person("Hanna Innehavare", in: t, on: app.db)
            let former = try await Fixtures.person("Fredrik Förre", in: t, on: app.db)
            let boss = try await Fixtures.person("Bodil Chef", in: t, on: app.db)
            let role = try await Fixtures.roleType(RoleCatalogue.systemManager, in: t, on: app.db)
            try await Fixtures.assign(
                role, to: holder, scope: .system, scopeID: system.id, appointedBy: boss, in: t, db: app.db)
            try await Fixtures.assign(
                role, to: former, scope: .system, scopeID: system.id, to: CalendarDay(year: 2025, month: 1, day: 1),
                in: t, db: app.db)
            for person in [holder, former, boss] {
                let res = try await app.delete("\(base)/\(person.id!.uuidString)")
                #expect(res.status == .conflict, "\(person.name)")
                let error = try res.decode(AppErrorMiddleware.APIErrorBody.self)
                #expect(error.code == "record.in-use")
                #expect(error.message.contains("Mark the person as having left instead"))
                #expect(!error.requestId.isEmpty)
            }
            #expect(try await Person.scoped(to: t, on: app.db).count() == 3)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$objectType == Person.objectType).count() == 0)
        }
    }

    @Test("Creating, changing and deleting a person are recorded with the actor")
    func history() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let user = try await signedInAdmin("Petra Personal", of: t, on: app)
            let id = try await app.sendJSON(.POST, base, PersonDraft(name: "Tillfällig"), as: user).decode(
                PersonResponse.self
            ).id
            _ = try await app.sendJSON(
                .PUT, "\(base)/\(id.uuidString)", PersonDraft(name: "Tillfällig", title: "Konsult"), as: user)
            let deleted = try await app.send(.DELETE, "\(base)/\(id.uuidString)", as: user)
            #expect(deleted.status == .noContent)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$objectID == id).sort(\.$at).all()
            #expect(entries.map(\.action) == [.create, .update, .delete])
            #expect(entries.allSatisfy { $0.actor.hasPrefix("Petra Personal <") && $0.objectType == Person.objectType })
            #expect(
                AuditChange.diff(before: entries[1].before, after: entries[1].after) == [
                    AuditChange(field: "title", before: nil, after: "Konsult")
                ])
        }
    }
}
