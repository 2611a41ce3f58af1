import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Efterlevnad pages")
struct CompliancePagesTests {
    @Test("The overview shows a score per rule and per förvaltning, and writes the day's score once")
    func overview() async throws {
        try await withTestApp { app in
            let s = try await ComplianceScenario.make(on: app)
            let res = try await app.get(ComplianceRoutes.overview("testby"))
            #expect(res.status == .ok)
            let html = res.text
            #expect(html.contains("<h1>Efterlevnad</h1>"))
            #expect(html.contains("av 7 kontrollerade objekt följer reglerna (3 st)"))
            #expect(html.contains(#"<span class="score-figure">42 %</span>"#))
            #expect(html.contains("5 brister") && html.contains("3 varningar"))
            // Per rule: the deputy rule checked two verksamhetssystem and both lack an ersättare (T11).
            #expect(html.contains("Ersättare"))
            #expect(html.contains(ComplianceRoutes.findings("testby", query: [("rule", "roles.deputy")])))
            // Five rules have nothing to check: the forums' cadence (its profile took effect today), the two
            // document rules (no governing documents in the scenario) and the services rules (no agreements,
            // and the standard profile requires none).
            #expect(html.components(separatedBy: "Inget att kontrollera").count - 1 == 5)
            // Per förvaltning, linking to its findings; the unowned last.
            #expect(html.contains("Kommunledningskontoret") && html.contains("Socialförvaltningen"))
            #expect(
                html.contains(
                    ComplianceRoutes.findings("testby", query: [("administration", s.soc.id!.uuidString)])))
            #expect(html.contains("Utan ägande förvaltning"))
            #expect(html.contains(#"aria-current="page">Efterlevnad</a>"#))
            _ = try await app.get(ComplianceRoutes.overview("testby"))
            let rows = try await ComplianceDailyScore.query(on: app.db).all()
            #expect(rows.count == 1)
            let row = try #require(rows.first)
            #expect(row.day == "2026-03-02")
            #expect(row.checked == 7 && row.compliant == 3 && row.errors == 5 && row.warnings == 3)
            #expect(
                row.ruleEntries.first { $0.rule == "roles.deputy" }
                    == .init(rule: "roles.deputy", checked: 2, compliant: 0, findings: 2))
            #expect(row.administrationEntries.first { $0.id == s.klk.id }?.checked == 3)
        }
    }

    @Test("The trend is an SVG chart with a title, a description and a table of the same figures")
    func trend() async throws {
        try await withTestApp { app in
            let s = try await ComplianceScenario.make(on: app)
            for (day, compliant) in [("2026-01-15", 2), ("2026-02-01", 3)] {
                let row = ComplianceDailyScore()
                row.id = UUID()
                row.tenantID = try s.tenant.requireID()
                row.day = day
                row.checked = 5
                row.compliant = compliant
                row.errors = 4
                row.warnings = 1
                row.infos = 0
                row.rules = "[]"
                row.administrations = "[]"
                row.createdAt = testNow
                try await row.create(on: app.db)
            }
            let html = try await app.get(ComplianceRoutes.overview("testby")).text
            let svg = try #require(html.range(of: #"<svg class="trend""#).map { String(html[$0.lowerBound...]) })
            let chart = String(svg[..<svg.range(of: "</svg>")!.upperBound])
            #expect(chart.contains(#"role="img" aria-labelledby="trend-title trend-desc""#))
            #expect(chart.contains(#"<title id="trend-title">Efterlevnad över tid</title>"#))
            #expect(
                chart.contains(
                    "3 mätningar från 2026-01-15 till 2026-03-02: från 40 % till 42 %, lägst 40 % den 2026-01-15, högst 60 % den 2026-02-01."
                ))
            #expect(chart.contains("<polyline class=\"trend-line\""))
            #expect(chart.components(separatedBy: "<circle").count - 1 == 3)
            // The same figures as a table, newest first.
            #expect(html.contains("Visa mätningarna som tabell"))
            let table = html.components(separatedBy: #"<th scope="row">2026-"#).dropFirst().map { $0.prefix(5) }
            #expect(table == ["03-02", "02-01", "01-15"])
            // The strict CSP allows no inline style or script.
            #expect(!html.contains("style=") && !html.contains("<style") && !html.contains("<script>"))
        }
    }

    @Test("Drill-down: a rule's findings and a förvaltning's, each linking to where it is put right")
    func drillDown() async throws {
        try await withTestApp { app in
            let s = try await ComplianceScenario.make(on: app)
            let deputies = try await app.get(ComplianceRoutes.findings("testby", query: [("rule", "roles.deputy")]))
                .text
            #expect(deputies.contains("<h1>Avvikelser: Ersättare</h1>"))
            #expect(deputies.contains("2 avvikelser i dag, 2026-03-02"))
            #expect(deputies.contains(SystemRoutes.tab("testby", s.procapita.id!, .roles)))
            #expect(deputies.contains("Systemförvaltare saknar ersättare."))
            #expect(deputies.contains("(T11)"))
            // Helena, systemägare, should act on Procapita; Johan, IT-chef, on the unowned system.
            #expect(deputies.contains(PersonRoutes.show("testby", s.helena.id!)))
            #expect(deputies.contains(PersonRoutes.show("testby", s.johan.id!)))
            #expect(deputies.contains(#"<span class="muted small role-basis">Systemägare</span>"#))
            #expect(deputies.contains(#"<span class="muted small role-basis">IT-chef</span>"#))

            let central = try await app.get(
                ComplianceRoutes.findings("testby", query: [("administration", s.klk.id!.uuidString)])
            ).text
            #expect(central.contains("<h1>Avvikelser: Kommunledningskontoret</h1>"))
            #expect(central.contains(SystemRoutes.tab("testby", s.ekonomi.id!, .classification)))
            #expect(central.contains(SystemRoutes.tab("testby", s.ekonomi.id!, .contracts)))
            #expect(central.contains("Sista dag att säga upp avtalet är 2026-04-30"))
            #expect(central.contains("Försenad"))  // the classification expired 2026-01-31
            #expect(!central.contains("Procapita"))

            let unowned = try await app.get(ComplianceRoutes.findings("testby", query: [("administration", "none")]))
                .text
            #expect(unowned.contains("5 avvikelser"))
            #expect(unowned.contains("Systemet har ingen ägande förvaltning."))

            let errors = try await app.get(ComplianceRoutes.findings("testby", query: [("severity", "error")])).text
            #expect(errors.contains("5 avvikelser"))
            // A value the page can't read is ignored rather than refused.
            let odd = try await app.get(ComplianceRoutes.findings("testby", query: [("rule", "okand")]))
            #expect(odd.status == .ok && odd.text.contains("8 avvikelser"))
        }
    }

    @Test("Att göra lists the signed-in person's own findings; an account without a person is told why")
    func todo() async throws {
        try await withTestApp { app in
            let s = try await ComplianceScenario.make(on: app)
            let own = try await app.get(ComplianceRoutes.todo("testby"), as: s.helenaUser)
            #expect(own.status == .ok)
            #expect(own.text.contains("1 att åtgärda, varav 0 försenade."))
            #expect(own.text.contains(SystemRoutes.tab("testby", s.procapita.id!, .roles)))
            #expect(!own.text.contains("Okänt system"))
            #expect(own.text.contains(#"aria-current="page">Att göra</a>"#))
            // The overview counts them for her too.
            #expect(
                try await app.get(ComplianceRoutes.overview("testby"), as: s.helenaUser).text.contains(
                    "1 avvikelse att åtgärda för dig"))

            let unlinked = try await app.get(ComplianceRoutes.todo("testby"), as: s.unlinkedUser)
            #expect(unlinked.status == .ok)
            #expect(unlinked.text.contains("Ditt konto är inte kopplat till en person i registret"))
        }
    }

    @Test("A change to the register shows at once; the day's score stays the first of the day")
    func freshAfterChange() async throws {
        try await withTestApp { app in
            let s = try await ComplianceScenario.make(on: app)
            #expect(try await app.get(ComplianceRoutes.overview("testby")).text.contains("5 brister"))
            // Appoint Procapita's ersättare through the API, as a user would.
            let role = try await Fixtures.roleType(RoleCatalogue.systemManager, in: s.tenant, on: app.db)
            let deputy = try await Fixtures.person("Dan Ersättare", in: s.tenant, on: app.db)
            let created = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/role-assignments",
                RoleAssignmentDraft(
                    roleTypeId: role.requireID(), personId: deputy.requireID(), scope: .system,
                    scopeId: s.procapita.requireID(), holding: .deputy, validFrom: CalendarDay(iso: "2026-03-01")!))
            #expect(created.status == .created)
            let after = try await app.get(ComplianceRoutes.overview("testby")).text
            #expect(after.contains("4 brister"))
            #expect(try await app.get(ComplianceRoutes.todo("testby"), as: s.helenaUser).text.contains("0 att åtgärda"))
            let rows = try await ComplianceDailyScore.query(on: app.db).all()
            #expect(rows.map(\.errors) == [5])
        }
    }

    @Test("In English, and with hostile names escaped")
    func englishAndEscaping() async throws {
        try await withTestApp { app in
            let s = try await ComplianceScenario.make(on: app)
            _ = try await Fixtures.system("<script>alert(1)</script>", owner: s.soc, in: s.tenant, on: app.db)
            let en = try await app.get(ComplianceRoutes.overview("testby") + "?lang=en").text
            #expect(en.contains("<h1>Compliance</h1>") && en.contains("Per administration"))
            #expect(en.contains("Compliance over time"))
            let findings = try await app.get(ComplianceRoutes.findings("testby") + "?lang=en").text
            #expect(findings.contains("System manager has no deputy."))
            #expect(!findings.contains("<script>alert(1)</script>"))
            #expect(findings.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}
