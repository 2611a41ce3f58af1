import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Förvaltningsobjekt pages")
struct ManagementObjectsPagesTests {
    @Test("The list shows each object with its owning unit and number of systems")
    func list() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let owner = try await Fixtures.orgUnit("Kommunledningskontoret", in: t, on: app.db)
            let economy = try await Fixtures.managementObject("Ekonomi", owner: owner, in: t, on: app.db)
            _ = try await Fixtures.managementObject("Skola", in: t, on: app.db)
            for name in ["Raindance", "Hypergene"] {
                _ = try await Fixtures.system(
                    name, configure: { $0.managementObjectId = economy.id }, in: t, on: app.db)
            }
            let res = try await app.get("/t/testby/management-objects")
            #expect(res.status == .ok)
            let html = res.text
            #expect(html.contains("<h1>Förvaltningsobjekt</h1>"))
            #expect(
                html.contains(
                    "href=\"\(ManagementObjectRoutes.show("testby", economy.id!))\">Ekonomi</a></th><td><a href=\"\(OrgUnitRoutes.show("testby", owner.id!))\">Kommunledningskontoret</a></td><td class=\"number\">2</td>"
                ))
            #expect(html.contains(">Skola</a></th><td></td><td class=\"number\">0</td>"))
            #expect(html.contains("2 träffar"))
            let search = try await app.get("/t/testby/management-objects?q=skol").text
            #expect(search.contains(">Skola</a>") && !search.contains(">Ekonomi</a>"))
        }
    }

    @Test("An object's page shows its description, owner, systems and roles, with a link to assign one")
    func show() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let owner = try await Fixtures.orgUnit("Barn- och utbildningsförvaltningen", in: t, on: app.db)
            let object = try await ManagementObjectRules.create(
                ManagementObjectDraft(
                    name: "Skoladministration", description: "Elevregister och schemaläggning.",
                    ownerOrgUnitId: owner.id),
                tenant: t, actor: Fixtures.actor, on: app.db)
            let system = try await Fixtures.system(
                "Skola24", configure: { $0.managementObjectId = object.id }, in: t, on: app.db)
            let role = try await Fixtures.customRoleType(
                "objektagare", name: "Objektägare", scope: .managementObject, in: t, on: app.db)
            let person = try await Fixtures.person("Olle Objekt", in: t, on: app.db)
            try await Fixtures.assign(role, to: person, scope: .managementObject, scopeID: object.id, in: t, db: app.db)
            let res = try await app.get(ManagementObjectRoutes.show("testby", object.id!))
            #expect(res.status == .ok)
            let html = res.text
            #expect(html.contains("<h1>Skoladministration</h1>"))
            #expect(html.contains("<p>Elevregister och schemaläggning.</p>"))
            #expect(html.contains(">Barn- och utbildningsförvaltningen</a>"))
            #expect(html.contains("href=\"\(SystemRoutes.show("testby", system.id!))\">Skola24</a>"))
            #expect(html.contains("<th scope=\"row\">Objektägare</th>"))
            #expect(html.contains(">Olle Objekt</a>"))
            let assign = HTMLEscape.attribute(
                RoleRoutes.newAssignment("testby", scope: .managementObject, scopeID: object.id!))
            #expect(html.contains("href=\"\(assign)\""))
        }
    }

    @Test("A form with errors comes back with 422, the input kept and the message next to its field")
    func validationError() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let res = try await app.sendForm(
                "/t/testby/management-objects", ["name": "", "description": "Kept description"])
            #expect(res.status == .unprocessableEntity)
            let html = res.text
            #expect(html.contains(">Kept description</textarea>"))
            #expect(html.contains("id=\"f-name-error\""))
            #expect(html.contains("aria-describedby=\"f-name-hint f-name-error\""))
            #expect(html.contains("Ange namn."))
            #expect(try await ManagementObject.scoped(to: t, on: app.db).count() == 0)
        }
    }

    @Test("Creating through the form stores the object and redirects to it")
    func createThroughForm() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let owner = try await Fixtures.orgUnit("Samhällsbyggnadsförvaltningen", in: t, on: app.db)
            let res = try await app.sendForm(
                "/t/testby/management-objects",
                [
                    "name": "GIS", "description": "Kartor och geodata.", "ownerOrgUnitId": owner.id!.uuidString,
                ])
            #expect(res.status == .seeOther)
            let object = try #require(try await ManagementObject.scoped(to: t, on: app.db).first())
            #expect(res.location == ManagementObjectRoutes.show("testby", object.id!))
            #expect(
                object.draft
                    == ManagementObjectDraft(name: "GIS", description: "Kartor och geodata.", ownerOrgUnitId: owner.id))
        }
    }

    @Test("A form post without the CSRF token is refused and nothing is stored")
    func csrf() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let res = try await app.sendForm("/t/testby/management-objects", ["name": "GIS"], csrf: false)
            #expect(res.status == .forbidden)
            #expect(try await ManagementObject.scoped(to: t, on: app.db).count() == 0)
        }
    }

    @Test("The delete page says systems block it; the post is refused with 409")
    func deleteBlocked() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let object = try await Fixtures.managementObject("Ekonomi", in: t, on: app.db)
            _ = try await Fixtures.system(
                "Raindance", configure: { $0.managementObjectId = object.id }, in: t, on: app.db)
            let page = try await app.get(ManagementObjectRoutes.delete("testby", object.id!)).text
            #expect(page.contains("kan inte tas bort eftersom det har 1 system"))
            let res = try await app.sendForm(ManagementObjectRoutes.delete("testby", object.id!), ["message": ""])
            #expect(res.status == .conflict)
            #expect(try await ManagementObject.scoped(to: t, on: app.db).count() == 1)
        }
    }
}
