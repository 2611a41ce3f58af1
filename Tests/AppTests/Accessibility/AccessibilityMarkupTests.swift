import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// Markup problems the browser tests (Tests/browser, axe-core) found, pinned here so they come back
/// as a failing `swift test` rather than only in the slower browser run.
@Suite("Accessibility of the markup")
struct AccessibilityMarkupTests {
    /// A small register: two systems joined by an integration, one role holder, one org unit.
    private func register(_ app: Application) async throws -> (a: ITSystem, person: Person) {
        let t = try await Fixtures.tenant(on: app)
        let unit = try await Fixtures.orgUnit("Kommunledningsförvaltningen", in: t, on: app.db)
        let a = try await Fixtures.system("A-systemet", owner: unit, in: t, on: app.db)
        let b = try await Fixtures.system("B-systemet med ett mycket långt namn som kortas", in: t, on: app.db)
        _ = try await Fixtures.integration(from: a, to: b, in: t, on: app.db)
        let person = try await Fixtures.person("Sara Ström", in: t, on: app.db)
        try await Fixtures.assign(RoleCatalogue.systemOwner, to: person, on: a, in: t, db: app.db)
        return (a, person)
    }

    private func pages(_ a: ITSystem, _ person: Person) -> [String] {
        [
            "/t/testby/systems", "/t/testby/systems/new", "/t/testby/roles", "/t/testby/people", "/t/testby/org",
            "/t/testby/reports/role-distribution", "/t/testby/transfer", PersonRoutes.show("testby", person.id!),
            "/t/testby/efterlevnad", "/t/testby/efterlevnad/avvikelser", "/t/testby/att-gora",
        ]
            + SystemTab.allCases.map { SystemRoutes.tab("testby", a.id!, $0) }
    }

    private func matches(_ pattern: String, in html: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    @Test("The neighbourhood picture is a labelled group, and each of its links is named (axe nested-interactive)")
    func neighbourhoodPicture() async throws {
        try await withTestApp { app in
            let (a, _) = try await register(app)
            let html = try await app.get(SystemRoutes.tab("testby", a.id!, .integrations)).text
            let svg = try #require(try matches(#"(<svg class="graph"[\s\S]*?</svg>)"#, in: html).first)
            // An image's content is hidden from assistive technology: links inside one can't be used.
            #expect(!svg.contains(#"role="img""#))
            #expect(svg.contains(#"role="group" aria-labelledby="graph-title""#))
            let links = try matches(#"(<a [^>]*>)"#, in: svg)
            let named = try matches(#"(<a [^>]*><title>[^<]+</title>)"#, in: svg)
            #expect(links.count == 2)
            #expect(named.count == links.count)
            // The full name, not the shortened one drawn in the box.
            #expect(svg.contains("<title>B-systemet med ett mycket långt namn som kortas</title>"))
        }
    }

    @Test("Tables scroll in a named region that takes keyboard focus (axe scrollable-region-focusable)")
    func scrollableTables() async throws {
        try await withTestApp { app in
            let (a, person) = try await register(app)
            var seen = 0
            for path in pages(a, person) {
                let html = try await app.get(path).text
                let wrappers = try matches(#"(<div class="table-wrap[^"]*"[^>]*>)"#, in: html)
                for wrapper in wrappers {
                    #expect(wrapper.contains(#"role="region""#), "\(path): \(wrapper)")
                    #expect(wrapper.contains(#"tabindex="0""#), "\(path): \(wrapper)")
                    #expect(try !matches(#"aria-label="([^"]+)""#, in: wrapper).isEmpty, "\(path): \(wrapper)")
                }
                seen += wrappers.count
            }
            #expect(seen >= 6)
        }
    }

    @Test("No page uses an id twice, including a form sent back with errors")
    func uniqueIDs() async throws {
        try await withTestApp { app in
            let (a, person) = try await register(app)
            var documents: [(String, String)] = []
            for path in pages(a, person) {
                documents.append((path, try await app.get(path).text))
            }
            let failed = try await app.sendForm(
                "/t/testby/systems",
                ["name": "", "decommissionPlannedOn": "2020-01-01", "productionStartOn": "2024-01-01"])
            #expect(failed.status == .unprocessableEntity)
            documents.append(("POST /t/testby/systems", failed.text))
            for (path, html) in documents {
                let ids = try matches(#"\sid="([^"]*)""#, in: html)
                let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
                #expect(repeated.isEmpty, "\(path) repeats \(repeated)")
                #expect(!ids.isEmpty, "\(path)")
            }
        }
    }
}
