import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("People pages")
struct PeoplePagesTests {
    @Test("The list shows active people with title, unit, e-mail and current roles; search and status filter")
    func list() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let unit = try await Fixtures.orgUnit("Socialförvaltningen", in: t, on: app.db)
            let system = try await Fixtures.system("Procapita", in: t, on: app.db)
            let anna = try await PersonRules.create(
                PersonDraft(
                    name: "Anna Andersson", email: "anna@testby.se", title: "Systemförvaltare",
                    orgUnitId: unit.id), tenant: t, actor: Fixtures.actor, on: app.db)
            _ = try await Fixtures.person("Bo Berg", active: false, in: t, on: app.db)
            try await Fixtures.assign(RoleCatalogue.systemManager, to: anna, on: system, in: t, db: app.db)
            try await Fixtures.assign(
                RoleCatalogue.systemOwner, to: anna, on: system, to: CalendarDay(year: 2025, month: 1, day: 1), in: t,
                db: app.db)
            let res = try await app.get("/t/testby/people")
            #expect(res.status == .ok)
            let html = res.text
            #expect(html.contains("<h1>Personer</h1>"))
            #expect(html.contains(">Anna Andersson</a></th>"))
            #expect(html.contains("<td>Systemförvaltare</td>"))
            #expect(html.contains(">Socialförvaltningen</a>"))
            #expect(html.contains("href=\"mailto:anna@testby.se\""))
            #expect(html.contains("<td class=\"number\">1</td>"))  // the ended role doesn't count
            #expect(!html.contains("Bo Berg"))
            #expect(html.contains("<th scope=\"col\">Nuvarande roller</th>"))
            let left = try await app.get("/t/testby/people?status=left").text
            #expect(left.contains("Bo Berg") && !left.contains("Anna Andersson"))
            #expect(left.contains("<option value=\"left\" selected>"))
            #expect(left.contains("Har slutat \(testToday.iso)"))
            let search = try await app.get("/t/testby/people?q=ANNA%40TESTBY&status=all").text
            #expect(search.contains("Anna Andersson") && !search.contains("Bo Berg"))
        }
    }

    @Test("A person's page groups roles by what they are held for, current and past, with links")
    func show() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let unit = try await Fixtures.orgUnit("Barn- och utbildningsförvaltningen", in: t, on: app.db)
            let system = try await Fixtures.system("Skola24", in: t, on: app.db)
            let person = try await Fixtures.person("Karin Kvist", in: t, on: app.db)
            try await Fixtures.assign(
                RoleCatalogue.systemManager, to: person, on: system, holding: .deputy, in: t, db: app.db)
            try await Fixtures.assign(
                RoleCatalogue.systemOwner, to: person, on: system, to: CalendarDay(year: 2025, month: 6, day: 30),
                in: t, db: app.db)
            try await Fixtures.assign(
                try await Fixtures.roleType(RoleCatalogue.itCoordinator, in: t, on: app.db), to: person,
                scope: .orgUnit, scopeID: unit.id, in: t, db: app.db)
            try await Fixtures.assign(
                try await Fixtures.roleType(RoleCatalogue.itArchitect, in: t, on: app.db), to: person,
                scope: .tenant, scopeID: nil, in: t, db: app.db)
            let res = try await app.get(PersonRoutes.show("testby", person.id!))
            #expect(res.status == .ok)
            let html = res.text
            #expect(html.contains("<h1>Karin Kvist</h1>"))
            for heading in ["<h3>System</h3>", "<h3>Organisationsenheter</h3>", "<h3>Hela kommunen</h3>"] {
                #expect(html.contains(heading))
            }
            #expect(!html.contains("<h3>Förvaltningsobjekt</h3>"))
            #expect(html.contains("href=\"\(SystemRoutes.tab("testby", system.id!, .roles))\">Skola24</a>"))
            #expect(
                html.contains(
                    "href=\"\(OrgUnitRoutes.show("testby", unit.id!))\">Barn- och utbildningsförvaltningen</a>"))
            #expect(html.contains("<th scope=\"row\">IT-arkitekt</th>"))
            #expect(html.contains("<td>Ersättare</td>"))
            #expect(html.contains("<td>2025-06-30</td>"))
            #expect(html.contains("<td>Avslutad</td>"))
            #expect(!html.contains("Roller behöver ny innehavare"))  // still active: nothing to act on
        }
    }

    @Test("Someone who has left but still holds roles gets a notice listing each role that needs a new holder")
    func leftButHoldingRoles() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system("Visma Lön", in: t, on: app.db)
            let unit = try await Fixtures.orgUnit("Kommunledningskontoret", in: t, on: app.db)
            let person = try await Fixtures.person("Lars Lämnat", active: false, in: t, on: app.db)
            try await Fixtures.assign(RoleCatalogue.systemManager, to: person, on: system, in: t, db: app.db)
            try await Fixtures.assign(
                try await Fixtures.roleType(RoleCatalogue.itCoordinator, in: t, on: app.db), to: person,
                scope: .orgUnit, scopeID: unit.id, in: t, db: app.db)
            try await Fixtures.assign(
                RoleCatalogue.systemOwner, to: person, on: system, to: CalendarDay(year: 2025, month: 1, day: 1), in: t,
                db: app.db)
            let html = try await app.get(PersonRoutes.show("testby", person.id!)).text
            let notice = try #require(html.range(of: "Roller behöver ny innehavare"))
            let end = try #require(html.range(of: "</div>", range: notice.upperBound..<html.endIndex))
            let box = String(html[notice.lowerBound..<end.lowerBound])
            #expect(box.contains("Lars Lämnat har slutat men står fortfarande som innehavare av 2 roller"))
            #expect(box.contains("Systemförvaltare (ordinarie)"))
            #expect(box.contains(">Visma Lön</a>"))
            #expect(box.contains("IT-samordnare (ordinarie)"))
            #expect(box.contains(">Kommunledningskontoret</a>"))
            #expect(!box.contains("Systemägare"))  // ended before they left: nothing to act on
            #expect(html.contains("Har slutat \(testToday.iso)"))

            // Once the roles are ended, the notice goes.
            for a in try await RoleAssignment.query(on: app.db).filter(\.$personID == person.id!).all()
            where a.validTo == nil {
                a.validTo = testToday.adding(days: -1).iso
                try await a.update(on: app.db)
            }
            #expect(
                !(try await app.get(PersonRoutes.show("testby", person.id!)).text.contains(
                    "Roller behöver ny innehavare")))
        }
    }

    @Test("A form with errors comes back with 422, the input kept and each message next to its field")
    func validationError() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            _ = try await PersonRules.create(
                PersonDraft(name: "Anna A", email: "anna@testby.se"), tenant: t, actor: Fixtures.actor, on: app.db)
            let res = try await app.sendForm(
                "/t/testby/people",
                [
                    "name": "Anna B", "email": "ANNA@testby.se", "title": "Kept title", "isActive": "true",
                    "leftOn": "igår",
                ])
            #expect(res.status == .unprocessableEntity)
            let html = res.text
            #expect(html.contains("value=\"Kept title\""))
            #expect(html.contains("id=\"f-email-error\""))
            #expect(html.contains("E-postadressen används redan av Anna A."))
            #expect(html.contains("id=\"f-leftOn-error\""))
            #expect(html.contains("Ange ett giltigt datum"))
            #expect(try await Person.scoped(to: t, on: app.db).count() == 1)
        }
    }

    @Test("Creating through the form redirects to the person; unticking active records them as left today")
    func createThroughForm() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let unit = try await Fixtures.orgUnit("Kultur- och fritidsförvaltningen", in: t, on: app.db)
            let res = try await app.sendForm(
                "/t/testby/people",
                [
                    "name": "Frida Fritid", "email": "frida@testby.se", "orgUnitId": unit.id!.uuidString,
                    "isActive": "true",
                ])
            #expect(res.status == .seeOther)
            let frida = try #require(
                try await Person.scoped(to: t, on: app.db).filter(\.$name == "Frida Fritid").first())
            #expect(res.location == PersonRoutes.show("testby", frida.id!))
            #expect(frida.orgUnitID == unit.id && frida.isActive)
            let left = try await app.sendForm(
                PersonRoutes.edit("testby", frida.id!), ["name": "Frida Fritid", "email": "frida@testby.se"])
            #expect(left.status == .seeOther)
            let updated = try await Person.find(frida.id, in: t, on: app.db, what: Person.what)
            #expect(!updated.isActive)
            #expect(updated.leftOn == testToday.iso)
            #expect(updated.orgUnitID == nil)  // the form replaces the whole record
        }
    }

    @Test("A form post without the CSRF token is refused and nothing is stored")
    func csrf() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let res = try await app.sendForm("/t/testby/people", ["name": "X"], csrf: false)
            #expect(res.status == .forbidden)
            #expect(try await Person.scoped(to: t, on: app.db).count() == 0)
        }
    }

    @Test("The delete page tells why someone with roles can't be deleted and suggests marking them as left")
    func deleteBlocked() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system("Procapita", in: t, on: app.db)
            let person = try await Fixtures.person("Rolf Roll", in: t, on: app.db)
            try await Fixtures.assign(RoleCatalogue.systemOwner, to: person, on: system, in: t, db: app.db)
            let page = try await app.get(PersonRoutes.delete("testby", person.id!)).text
            #expect(page.contains("1 rolltilldelning (nuvarande eller tidigare)"))
            #expect(page.contains("markera att hen har slutat"))
            let res = try await app.sendForm(PersonRoutes.delete("testby", person.id!), ["message": ""])
            #expect(res.status == .conflict)
            #expect(res.text.contains("Markera i stället att personen har slutat."))
            #expect(try await Person.scoped(to: t, on: app.db).count() == 1)
        }
    }
}
