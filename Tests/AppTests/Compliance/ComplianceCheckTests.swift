import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("styrbord check")
struct ComplianceCheckTests {
    @Test("Prints a summary and one line per finding, and fails only at or above --fail-on")
    func exitStatus() async throws {
        try await withTestApp { app in
            _ = try await ComplianceScenario.make(on: app)
            let plain = try await ComplianceCommands.check(
                app: app, tenantSlug: "testby", failOn: nil, format: .text, language: "sv")
            #expect(plain.passed)
            let lines = plain.report.split(separator: "\n").map(String.init)
            #expect(lines.count == 9)
            #expect(
                lines[0]
                    == "Testby kommun (testby) 2026-03-02: 42 % av 7 objekt följer reglerna; 5 brister, 3 varningar.")
            #expect(
                lines.contains(
                    "ERROR   T11 roles.deputy System \"Procapita\": Systemförvaltare saknar ersättare. – Helena Dahl, systemägare, senast 2026-04-01"
                ))
            #expect(
                lines.contains {
                    $0.hasPrefix("WARNING T9 classification.current System \"Ekonomisystem\"")
                        && $0.hasSuffix("försenad sedan 2026-01-31")
                })

            for (failOn, passes) in [("error", false), ("warning", false), ("info", false)] {
                let outcome = try await ComplianceCommands.check(
                    app: app, tenantSlug: "testby", failOn: failOn, format: .text, language: "en")
                #expect(outcome.passed == passes, "\(failOn)")
            }
            #expect(try await ComplianceDailyScore.query(on: app.db).count() == 1)
        }
    }

    @Test("--fail-on error passes when only warnings remain")
    func warningsOnly() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let unit = try await Fixtures.orgUnit("Kommunstyrelsen", kind: .board, in: t, on: app.db)
            let system = try await Fixtures.system("Växel", category: .common, owner: unit, in: t, on: app.db)
            try await Fixtures.assign(
                RoleCatalogue.systemOwner, to: try await Fixtures.person("Anna", in: t, on: app.db), on: system, in: t,
                db: app.db)
            try await Fixtures.assign(
                RoleCatalogue.systemManager, to: try await Fixtures.person("Per", in: t, on: app.db), on: system, in: t,
                db: app.db)
            try await ComplianceScenario.adoptRequiredPlans(in: t, on: app.db)
            // Unclassified: a warning (T9), nothing else.
            let error = try await ComplianceCommands.check(
                app: app, tenantSlug: "testby", failOn: "error", format: .text, language: "en")
            #expect(error.passed)
            #expect(error.report.contains("0 errors, 1 warnings"))
            let warning = try await ComplianceCommands.check(
                app: app, tenantSlug: "testby", failOn: "warning", format: .text, language: "en")
            #expect(!warning.passed)
        }
    }

    @Test("JSON output, every municipality at once, and an unknown one refused")
    func formatsAndTenants() async throws {
        try await withTestApp { app in
            _ = try await ComplianceScenario.make(on: app)
            _ = try await Fixtures.tenant("annanby", on: app)
            let json = try await ComplianceCommands.check(
                app: app, tenantSlug: "testby", failOn: nil, format: .json, language: "sv")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(json.report.utf8)) as? [String: Any])
            #expect(document["tenant"] as? String == "testby")
            #expect((document["findings"] as? [Any])?.count == 8)

            let all = try await ComplianceCommands.check(
                app: app, tenantSlug: nil, failOn: "error", format: .text, language: "en")
            #expect(!all.passed)
            #expect(
                all.report.split(separator: "\n").map { $0.prefix(20) } == [
                    "Annanby kommun (anna", "Testby kommun (testb",
                ])
            #expect(
                all.report.contains(
                    "Annanby kommun (annanby) 2026-03-02: 0 % of 2 objects comply; 2 errors, 0 warnings.")
            )
            #expect(try await ComplianceDailyScore.query(on: app.db).count() == 2)

            await #expect(throws: CommandFailure.self) {
                _ = try await ComplianceCommands.check(
                    app: app, tenantSlug: "nowhere", failOn: nil, format: .text, language: "sv")
            }
            await #expect(throws: CommandFailure.self) {
                _ = try await ComplianceCommands.check(
                    app: app, tenantSlug: "testby", failOn: "fatal", format: .text, language: "sv")
            }
        }
    }
}
