import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Organisation pages")
struct OrgUnitsPagesTests {
    @Test("The tree nests units under their parents with kind, short name and a link to their systems")
    func tree() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let ks = try await Fixtures.orgUnit("Kommunstyrelsen", kind: .board, in: t, on: app.db)
            let klk = try await Fixtures.orgUnit(
                "Kommunledningskontoret", kind: .administration, parent: ks, in: t, on: app.db)
            klk.shortName = "KLK"
            try await klk.update(on: app.db)
            let it = try await Fixtures.orgUnit("IT-avdelningen", kind: .department, parent: klk, in: t, on: app.db)
            _ = try await Fixtures.system("Office 365", owner: it, in: t, on: app.db)
            _ = try await Fixtures.system("Ciceron", owner: klk, in: t, on: app.db)
            let res = try await app.get("/t/testby/org")
            #expect(res.status == .ok)
            let html = res.text
            #expect(html.components(separatedBy: "<h1").count == 2)
            #expect(html.contains("Ny organisationsenhet"))
            #expect(html.contains("(KLK)"))
            for kind in ["Nämnd", "Förvaltning", "Avdelning"] {
                #expect(html.contains("<span class=\"kind\">\(kind)</span>"))
            }
            // IT-avdelningen is a list item inside Kommunledningskontoret's, which is inside Kommunstyrelsen's.
            let ksAt = try #require(html.range(of: ">Kommunstyrelsen</a>"))
            let klkAt = try #require(html.range(of: ">Kommunledningskontoret</a>"))
            let itAt = try #require(html.range(of: ">IT-avdelningen</a>"))
            #expect(ksAt.upperBound < klkAt.lowerBound && klkAt.upperBound < itAt.lowerBound)
            let between = String(html[ksAt.upperBound..<itAt.lowerBound])
            #expect(between.components(separatedBy: "<ul>").count == 3)  // two levels deeper
            #expect(!between.contains("</ul>"))
            let link = SystemRoutes.index("testby", query: [("orgUnit", klk.id!.uuidString)])
            #expect(html.contains("href=\"\(link)\">1 system (2 med underenheterna)</a>"))
            #expect(
                html.contains(
                    "href=\"\(SystemRoutes.index("testby", query: [("orgUnit", it.id!.uuidString)]))\">1 system</a>"))
        }
    }

    @Test("A unit's page shows its path, manager, sub-units, systems, people and roles held for it")
    func show() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let ks = try await Fixtures.orgUnit("Kommunstyrelsen", kind: .board, in: t, on: app.db)
            let social = try await Fixtures.orgUnit("Socialförvaltningen", parent: ks, in: t, on: app.db)
            _ = try await Fixtures.orgUnit(
                "Individ- och familjeomsorg", kind: .department, parent: social, in: t, on: app.db)
            let chief = try await Fixtures.person("Sonja Socialchef", in: t, on: app.db)
            social.managerPersonID = chief.id
            try await social.update(on: app.db)
            let coordinator = try await Fixtures.person("Kalle Samordnare", in: t, on: app.db)
            coordinator.orgUnitID = social.id
            coordinator.title = "IT-samordnare"
            try await coordinator.update(on: app.db)
            let role = try await Fixtures.roleType(RoleCatalogue.itCoordinator, in: t, on: app.db)
            try await Fixtures.assign(role, to: coordinator, scope: .orgUnit, scopeID: social.id, in: t, db: app.db)
            _ = try await Fixtures.system("Procapita", owner: social, in: t, on: app.db)
            let res = try await app.get(OrgUnitRoutes.show("testby", social.id!))
            #expect(res.status == .ok)
            let html = res.text
            #expect(html.contains("<h1>Socialförvaltningen</h1>"))
            #expect(html.contains("href=\"\(OrgUnitRoutes.show("testby", ks.id!))\">Kommunstyrelsen</a>"))  // breadcrumb and "part of"
            #expect(html.contains("href=\"\(PersonRoutes.show("testby", chief.id!))\">Sonja Socialchef</a>"))
            #expect(html.contains("Individ- och familjeomsorg"))
            #expect(html.contains("href=\"\(OrgUnitRoutes.new("testby", parent: social.id!))\""))
            #expect(html.contains(">Procapita</a>"))
            #expect(html.contains("Kalle Samordnare</a>, IT-samordnare"))
            #expect(html.contains("<th scope=\"row\">IT-samordnare</th>"))
            let assign = HTMLEscape.attribute(RoleRoutes.newAssignment("testby", scope: .orgUnit, scopeID: social.id!))
            #expect(html.contains("href=\"\(assign)\""))
            #expect(html.contains("Tilldela roll"))
        }
    }

    @Test("The new-unit form preselects the parent from ?parent=, and the edit form can't pick the unit's own subtree")
    func parentPicker() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let a = try await Fixtures.orgUnit("A-förvaltningen", in: t, on: app.db)
            let b = try await Fixtures.orgUnit("B-avdelningen", kind: .department, parent: a, in: t, on: app.db)
            let other = try await Fixtures.orgUnit("C-förvaltningen", in: t, on: app.db)
            let new = try await app.get(OrgUnitRoutes.new("testby", parent: b.id!)).text
            #expect(new.contains("<option value=\"\(b.id!.uuidString)\" selected>"))
            let edit = try await app.get(OrgUnitRoutes.edit("testby", a.id!)).text
            #expect(!edit.contains("<option value=\"\(a.id!.uuidString)\""))
            #expect(!edit.contains("<option value=\"\(b.id!.uuidString)\""))
            #expect(edit.contains("<option value=\"\(other.id!.uuidString)\""))
        }
    }

    @Test("A form with errors comes back with 422, the input kept and each message next to its field")
    func validationError() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let a = try await Fixtures.orgUnit("A-förvaltningen", in: t, on: app.db)
            let b = try await Fixtures.orgUnit("B-avdelningen", kind: .department, parent: a, in: t, on: app.db)
            let res = try await app.sendForm("/t/testby/org", ["name": "", "kind": "", "shortName": "Kept"])
            #expect(res.status == .unprocessableEntity)
            let html = res.text
            #expect(html.contains("value=\"Kept\""))
            #expect(html.contains("id=\"f-name-error\""))
            #expect(html.contains("Ange namn."))
            #expect(html.contains("id=\"f-kind-error\""))
            #expect(html.contains("href=\"#f-kind\""))
            #expect(try await OrgUnit.scoped(to: t, on: app.db).count() == 2)
            // Moving A under its own child is explained next to the parent field.
            let cycle = try await app.sendForm(
                OrgUnitRoutes.edit("testby", a.id!),
                [
                    "name": "A-förvaltningen", "kind": "forvaltning", "parentId": b.id!.uuidString,
                ])
            #expect(cycle.status == .unprocessableEntity)
            #expect(cycle.text.contains("id=\"f-parentId-error\""))
            #expect(cycle.text.contains("En enhet kan inte ligga under sig själv"))
            #expect(try await OrgUnit.find(a.id, in: t, on: app.db, what: OrgUnit.what).parentID == nil)
        }
    }

    @Test("Creating through the form stores the unit under its parent and redirects to it")
    func createThroughForm() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let parent = try await Fixtures.orgUnit("Kommunstyrelsen", kind: .board, in: t, on: app.db)
            let res = try await app.sendForm(
                "/t/testby/org",
                [
                    "name": "Samhällsbyggnadsförvaltningen", "kind": "forvaltning", "parentId": parent.id!.uuidString,
                    "shortName": "SBF",
                ])
            #expect(res.status == .seeOther)
            let unit = try #require(
                try await OrgUnit.scoped(to: t, on: app.db).filter(\.$name == "Samhällsbyggnadsförvaltningen").first())
            #expect(res.location == OrgUnitRoutes.show("testby", unit.id!))
            #expect(unit.parentID == parent.id)
            #expect(unit.kind == .administration)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$objectID == unit.id!).count() == 1)
        }
    }

    @Test("A form post without the CSRF token is refused and nothing is stored")
    func csrf() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let res = try await app.sendForm("/t/testby/org", ["name": "X", "kind": "enhet"], csrf: false)
            #expect(res.status == .forbidden)
            #expect(try await OrgUnit.scoped(to: t, on: app.db).count() == 0)
        }
    }

    @Test("The delete page says what blocks deleting; the post is refused with 409 and the unit stays")
    func deleteBlocked() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let parent = try await Fixtures.orgUnit("Socialförvaltningen", in: t, on: app.db)
            _ = try await Fixtures.orgUnit("IFO", kind: .department, parent: parent, in: t, on: app.db)
            _ = try await Fixtures.system("Procapita", owner: parent, in: t, on: app.db)
            let page = try await app.get(OrgUnitRoutes.delete("testby", parent.id!))
            #expect(page.status == .ok)
            #expect(page.text.contains("1 underenhet, 1 system som enheten äger"))
            let res = try await app.sendForm(OrgUnitRoutes.delete("testby", parent.id!), ["message": ""])
            #expect(res.status == .conflict)
            #expect(res.text.contains("Organisationsenheten används fortfarande"))
            #expect(try await OrgUnit.scoped(to: t, on: app.db).count() == 2)
            // With nothing referring to it, a leaf unit goes.
            let leaf = try await Fixtures.orgUnit("Tomma enheten", kind: .unit, in: t, on: app.db)
            let ok = try await app.sendForm(OrgUnitRoutes.delete("testby", leaf.id!), ["message": "Omorganisation"])
            #expect(ok.status == .seeOther)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$objectID == leaf.id!).first()?.message
                    == "Omorganisation")
        }
    }
}
