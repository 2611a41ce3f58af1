import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("System register pages")
struct SystemsPagesTests {
    @Test("The register lists systems with their holders and gaps, and filters by free text")
    func register() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system("Procapita", in: t, on: app.db)
            _ = try await Fixtures.system("Skola24", in: t, on: app.db)
            let p = try await Fixtures.person("Sara Ström", in: t, on: app.db)
            try await Fixtures.assign(RoleCatalogue.systemOwner, to: p, on: system, in: t, db: app.db)
            let all = try await app.get("/t/testby/systems")
            #expect(all.status == .ok)
            #expect(all.text.contains("2 system i registret"))
            #expect(all.text.contains("Sara Ström"))
            #expect(all.text.contains("Ersättare för systemförvaltare saknas (T11)"))
            let filtered = try await app.get("/t/testby/systems?q=skola")
            #expect(filtered.text.contains("Skola24"))
            #expect(!filtered.text.contains("Procapita"))
            #expect(filtered.text.contains("1 system matchar filtret"))
        }
    }

    @Test("A form without a name comes back with 422, the input kept and the message tied to the field")
    func validationError() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let res = try await app.sendForm(
                "/t/testby/systems",
                ["name": "", "category": "verksamhetssystem", "product": "Kept product", "userCount": "många"])
            #expect(res.status == .unprocessableEntity)
            let html = res.text
            #expect(html.contains("value=\"Kept product\""))
            #expect(html.contains("id=\"f-name-error\""))
            #expect(html.contains("aria-describedby=\"f-name-error\""))
            #expect(html.contains("Ange namn."))
            #expect(html.contains("Ange ett heltal."))
            #expect(html.contains("href=\"#f-userCount\""))  // the summary links to the field
            #expect(try await ITSystem.query(on: app.db).count() == 0)
        }
    }

    @Test("Creating through the form stores the system and redirects to it")
    func createThroughForm() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let unit = try await Fixtures.orgUnit("Kultur- och fritidsförvaltningen", in: t, on: app.db)
            let res = try await app.sendForm(
                "/t/testby/systems",
                [
                    ("name", "Bokningssystemet"), ("category", "verksamhetssystem"),
                    ("ownerOrgUnitId", unit.id!.uuidString),
                    ("userOrgUnitIds", unit.id!.uuidString), ("classification.confidentiality", "2"),
                    ("tags", "fritid, bokning"),
                    ("documentationLinks[0].title", "Manual"),
                    ("documentationLinks[0].url", "https://intranat.example/manual"),
                ])
            #expect(res.status == .seeOther)
            let system = try #require(try await ITSystem.scoped(to: t, on: app.db).first())
            #expect(res.location == "/t/testby/systems/\(system.id!.uuidString)")
            #expect(system.tags == ["fritid", "bokning"])
            #expect(system.confidentiality == 2)
            #expect(system.documentationLinks.first?.url == "https://intranat.example/manual")
            #expect(try await SystemRules.userOrgUnitIDs(of: system.id!, on: app.db) == [unit.id!])
        }
    }

    @Test("Saving the edit form unchanged keeps list items that contain commas whole")
    func editKeepsCommas() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system(
                "Felanmälan",
                configure: {
                    $0.tags = ["drift, underhåll"]
                    $0.aliases = ["Gata, park", "Felanmälan VA"]
                }, in: t, on: app.db)
            let edit = try await app.get(SystemRoutes.edit("testby", system.id!)).text
            func value(_ name: String) -> String {
                let pattern = "name=\"\(name)\" value=\"([^\"]*)\""
                let match = edit.range(of: pattern, options: .regularExpression).map { String(edit[$0]) } ?? ""
                return String(match.split(separator: "value=\"", maxSplits: 1).last?.dropLast() ?? "")
            }
            let res = try await app.sendForm(
                SystemRoutes.edit("testby", system.id!),
                [
                    "name": "Felanmälan", "category": "verksamhetssystem",
                    "tags": value("tags"), "aliases": value("aliases"),
                ])
            #expect(res.status == .seeOther)
            let stored = try #require(try await ITSystem.find(system.id, on: app.db))
            #expect(stored.tags == ["drift, underhåll"])
            #expect(stored.aliases == ["Gata, park", "Felanmälan VA"])
        }
    }

    @Test("A form post without the CSRF token is refused and nothing is stored")
    func csrf() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let res = try await app.sendForm(
                "/t/testby/systems", ["name": "X", "category": "verksamhetssystem"], csrf: false)
            #expect(res.status == .forbidden)
            #expect(res.text.contains("Formuläret hade gått ut"))
            #expect(try await ITSystem.query(on: app.db).count() == 0)
        }
    }

    @Test("Every tab of a system page renders")
    func tabs() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let a = try await Fixtures.system("A-systemet", in: t, on: app.db)
            let b = try await Fixtures.system("B-systemet", in: t, on: app.db)
            _ = try await Fixtures.integration(from: a, to: b, in: t, on: app.db)
            for tab in SystemTab.allCases {
                let res = try await app.get(SystemRoutes.tab("testby", a.id!, tab))
                #expect(res.status == .ok, "\(tab)")
                #expect(res.text.contains("<h1>A-systemet</h1>"), "\(tab)")
            }
            let integrations = try await app.get(SystemRoutes.tab("testby", a.id!, .integrations))
            #expect(integrations.text.contains("<svg"))
            #expect(integrations.text.contains("B-systemet"))
        }
    }

    @Test("Names are escaped everywhere they appear, including attributes")
    func escaping() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let hostile = "\"><script>alert(1)</script>"
            let system = try await Fixtures.system(
                hostile, configure: { $0.aliases = ["'onmouseover='x"] }, in: t, on: app.db)
            for path in [
                "/t/testby/systems", SystemRoutes.show("testby", system.id!), SystemRoutes.edit("testby", system.id!),
                SystemRoutes.tab("testby", system.id!, .history),
            ] {
                let html = try await app.get(path).text
                #expect(!html.contains("<script>alert"), "\(path)")
            }
            let edit = try await app.get(SystemRoutes.edit("testby", system.id!)).text
            #expect(edit.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
            #expect(edit.contains("value=\"&#39;onmouseover=&#39;x\""))
        }
    }

    @Test("The page is in English when asked, and remembers it")
    func english() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let res = try await app.get("/t/testby/systems?lang=en")
            #expect(res.text.contains("<html lang=\"en\">"))
            #expect(res.text.contains("System register"))
            #expect(res.headers.setCookie?[LanguageMiddleware.cookieName]?.string == "en")
        }
    }

    @Test("An unknown municipality or system is a 404 page with a way back")
    func notFound() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let res = try await app.get("/t/finns-inte/systems")
            #expect(res.status == .notFound)
            #expect(res.text.contains("Det finns ingen kommun"))
            let system = try await app.get("/t/testby/systems/\(UUID().uuidString)")
            #expect(system.status == .notFound)
            #expect(system.text.contains("Systemet finns inte"))
        }
    }
}

@Suite("Register cache")
struct RegisterCacheTests {
    @Test("Renaming an org unit shows at once on the register, though the org tree is cached")
    func cacheFollowsWrites() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let unit = try await Fixtures.orgUnit("Kulturförvaltningen", in: t, on: app.db)
            _ = try await Fixtures.system("Bokning", owner: unit, in: t, on: app.db)
            #expect(try await app.get("/t/testby/systems").text.contains("Kulturförvaltningen"))
            let before = try #require(try await Tenant.find(t.id, on: app.db)).dataVersion
            let res = try await app.sendJSON(
                .PUT, "/api/v1/tenants/testby/org-units/\(unit.id!.uuidString)",
                ["name": "Kultur- och fritidsförvaltningen", "kind": "forvaltning"])
            #expect(res.status == .ok)
            #expect(try #require(try await Tenant.find(t.id, on: app.db)).dataVersion > before)
            let page = try await app.get("/t/testby/systems").text
            #expect(page.contains("Kultur- och fritidsförvaltningen"))
        }
    }
}

@Suite("Register page cache")
struct PageCacheTests {
    @Test("A new system shows on the register at once, though the page was cached")
    func newSystemShows() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            _ = try await Fixtures.system("Första", in: t, on: app.db)
            #expect(try await app.get("/t/testby/systems").text.contains("1 system i registret"))
            #expect(app.pageCache.count == 1)
            #expect(
                try await app.sendJSON(
                    .POST, "/api/v1/tenants/testby/systems", ["name": "Andra", "category": "verksamhetssystem"]
                ).status == .created)
            let page = try await app.get("/t/testby/systems").text
            #expect(page.contains("2 system i registret"))
            #expect(page.contains("Andra"))
        }
    }

    @Test("A page with a flash message is never cached, so nobody else sees it")
    func flashNotCached() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "\(Flash.cookieName)=\(Flash.deleted.rawValue)")
            #expect(try await app.get("/t/testby/systems", headers: headers).text.contains("Posten har tagits bort."))
            #expect(!(try await app.get("/t/testby/systems").text.contains("Posten har tagits bort.")))
        }
    }

    @Test("The cache keeps at most its capacity, dropping the oldest page")
    func bounded() async throws {
        let cache = PageCache(capacity: 2, isEnabled: true)
        func key(_ page: String) -> PageCache.Key {
            .init(
                tenantID: UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, version: 1, day: testToday,
                lang: .sv, page: page)
        }
        var renders = 0
        for page in ["a", "b", "c", "a"] {
            _ = try await cache.html(for: key(page)) {
                renders += 1
                return page
            }
        }
        #expect(cache.count == 2)
        #expect(renders == 4)  // "a" was evicted by "c" and rendered again
        _ = try await cache.html(for: key("a")) {
            renders += 1
            return "a"
        }
        #expect(renders == 4)
    }
}
