import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Efterlevnad API")
struct ComplianceAPITests {
    struct Finding: Decodable {
        struct Object: Decodable {
            var type: String
            var id: UUID
            var label: String
            var systemId: UUID?
            var administrationId: UUID?
        }
        struct Responsible: Decodable {
            var personId: UUID
            var name: String
            var roleKey: String
            var basis: String
        }
        struct Message: Decodable { var sv: String; var en: String }
        var key: String
        var rule: String
        var requirement: String
        var severity: String
        var object: Object
        var responsible: Responsible?
        var dueOn: String
        var overdue: Bool
        var message: Message
    }

    struct FindingList: Decodable {
        var date: String
        var items: [Finding]
        var page: Int
        var perPage: Int
        var total: Int
    }

    struct Score: Decodable, Equatable {
        var checked: Int
        var compliant: Int
        var share: Double?
    }

    struct Scores: Decodable {
        struct Rule: Decodable {
            var id: String
            var requirement: String
            var severity: String
            var objectType: String
            var score: Score
            var findings: Int
        }
        struct Administration: Decodable {
            var id: UUID?
            var name: String
            var score: Score
            var findings: Int
        }
        struct Counts: Decodable { var error: Int; var warning: Int; var info: Int }
        var date: String
        var overall: Score
        var findings: Counts
        var rules: [Rule]
        var administrations: [Administration]
    }

    struct History: Decodable {
        struct Day: Decodable { var date: String; var score: Score }
        var items: [Day]
    }

    let base = "/api/v1/tenants/testby/compliance"

    @Test("T11: the findings name rule, requirement, object, who acts and by when")
    func findings() async throws {
        try await withTestApp { app in
            let s = try await ComplianceScenario.make(on: app)
            let res = try await app.get("\(base)/findings")
            #expect(res.status == .ok)
            let list = try res.decode(FindingList.self)
            #expect(list.date == "2026-03-02" && list.total == 8 && list.items.count == 8)
            #expect(list.page == 1 && list.perPage == 50)
            // Errors first.
            #expect(list.items.prefix(5).allSatisfy { $0.severity == "error" })
            let deputy = try #require(list.items.first { $0.rule == "roles.deputy" && $0.object.id == s.procapita.id })
            #expect(deputy.requirement == "T11")
            #expect(deputy.object.type == "system" && deputy.object.label == "Procapita")
            #expect(deputy.object.administrationId == s.soc.id)
            #expect(deputy.responsible?.personId == s.helena.id && deputy.responsible?.roleKey == "systemagare")
            #expect(deputy.responsible?.basis == "system")
            #expect(deputy.dueOn == "2026-04-01" && !deputy.overdue)
            #expect(deputy.message.sv == "Systemförvaltare saknar ersättare.")
            #expect(deputy.key == "roles.deputy:system:\(s.procapita.id!.uuidString):systemforvaltare/ersattare")
            let expired = try #require(
                list.items.first { $0.rule == "classification.current" && $0.object.id == s.ekonomi.id })
            #expect(expired.overdue && expired.dueOn == "2026-01-31")
            let contract = try #require(list.items.first { $0.rule == "contracts.notice" })
            #expect(contract.object.type == "contract" && contract.object.id == s.contract.id)
            #expect(contract.object.systemId == s.ekonomi.id && contract.dueOn == "2026-04-30")
            let unowned = list.items.filter { $0.object.id == s.unknown.id }
            #expect(unowned.count == 5)
            #expect(
                unowned.allSatisfy { $0.object.administrationId == nil && $0.responsible?.name == "Johan Bergström" })
            #expect(unowned.allSatisfy { $0.responsible?.basis == "tenant" })
        }
    }

    @Test("Findings filter by rule, severity, förvaltning and person, and page")
    func filters() async throws {
        try await withTestApp { app in
            let s = try await ComplianceScenario.make(on: app)
            func total(_ query: String, as user: TestUser = .automatic) async throws -> Int {
                let res = try await app.get("\(base)/findings?\(query)", as: user)
                #expect(res.status == .ok, "\(query)")
                return try res.decode(FindingList.self).total
            }
            #expect(try await total("rule=roles.deputy") == 2)
            #expect(try await total("severity=warning") == 3)
            #expect(try await total("severity=info") == 0)
            #expect(try await total("administration=\(s.klk.id!.uuidString)") == 2)
            #expect(try await total("administration=none") == 5)
            #expect(try await total("person=\(s.johan.id!.uuidString)") == 5)
            #expect(try await total("person=me", as: s.helenaUser) == 1)
            #expect(try await total("person=me") == 0)  // the administrator's account has no person
            #expect(try await total("rule=gdpr.record") == 0)
            let page = try await app.get("\(base)/findings?perPage=3&page=3").decode(FindingList.self)
            #expect(page.items.count == 2 && page.total == 8 && page.page == 3)
        }
    }

    @Test("A filter the API can't read is refused, naming the parameter")
    func invalid() async throws {
        try await withTestApp { app in
            _ = try await ComplianceScenario.make(on: app)
            // An empty value is refused too, as by every other list in the API (schemathesis sent person=).
            for query in [
                "rule=okand", "severity=fatal", "administration=x", "person=du", "perPage=0", "rule=", "person=",
            ] {
                let res = try await app.get("\(base)/findings?\(query)")
                #expect(res.status == .badRequest, "\(query)")
                #expect(res.text.contains("query.invalid"), "\(query)")
            }
            #expect(try await app.get("\(base)/history?from=2026-13-01").status == .badRequest)
        }
    }

    @Test("Scores: overall, per rule with requirement ids, per förvaltning with the unowned last")
    func scores() async throws {
        try await withTestApp { app in
            let s = try await ComplianceScenario.make(on: app)
            let scores = try await app.get("\(base)/scores").decode(Scores.self)
            #expect(scores.overall == Score(checked: 7, compliant: 3, share: 3.0 / 7))
            #expect(scores.findings.error == 5 && scores.findings.warning == 3 && scores.findings.info == 0)
            #expect(
                scores.rules.map(\.id) == [
                    "roles.required", "roles.deputy", "systems.owner", "classification.current", "gdpr.record",
                    "gdpr.processor-agreement", "contracts.notice", "forums.cadence", "plans.revision",
                    "documents.review", "documents.unread", "services.availability", "services.agreement",
                ])
            #expect(
                scores.rules.map(\.requirement) == [
                    "D2", "T11", "E3", "T9", "T4", "T4", "D7", "D4", "D3", "D10", "L8", "T8", "D7",
                ])
            let plans = try #require(scores.rules.first { $0.id == "plans.revision" })
            #expect(plans.score == Score(checked: 2, compliant: 2, share: 1))
            #expect(plans.objectType == "plan")
            // No agreements and no service_agreements in the standard profile: nothing to check.
            #expect(scores.rules.last?.score == Score(checked: 0, compliant: 0, share: nil))
            #expect(scores.rules.first { $0.id == "services.availability" }?.objectType == "agreement")
            let deputy = try #require(scores.rules.first { $0.id == "roles.deputy" })
            #expect(deputy.score == Score(checked: 2, compliant: 0, share: 0) && deputy.findings == 2)
            #expect(scores.rules.first { $0.id == "contracts.notice" }?.objectType == "contract")
            #expect(scores.administrations.map(\.name) == ["Kommunledningskontoret", "Socialförvaltningen", ""])
            #expect(scores.administrations[0].id == s.klk.id)
            #expect(scores.administrations[0].score == Score(checked: 3, compliant: 1, share: 1.0 / 3))
            #expect(scores.administrations[2].id == nil)
        }
    }

    @Test("History: one entry per day, today's included, filtered by period")
    func history() async throws {
        try await withTestApp { app in
            _ = try await ComplianceScenario.make(on: app)
            let history = try await app.get("\(base)/history").decode(History.self)
            #expect(history.items.map(\.date) == ["2026-03-02"])
            #expect(history.items.first?.score == Score(checked: 7, compliant: 3, share: 3.0 / 7))
            #expect(try await app.get("\(base)/history?to=2026-03-01").decode(History.self).items.isEmpty)
            #expect(try await ComplianceDailyScore.query(on: app.db).count() == 1)
        }
    }

    @Test("An empty municipality lacks only the plans its profile requires (D3); with them it has no share")
    func empty() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            // Day one: no eFörvaltningsprogram, no IT-verksamhetsplan (docs/compliance.md, plans on day one).
            let missing = try await app.get("\(base)/findings").decode(FindingList.self)
            #expect(missing.total == 2 && missing.items.allSatisfy { $0.rule == "plans.revision" })
            try await ComplianceScenario.adoptRequiredPlans(in: tenant, on: app.db)
            let scores = try await app.get("\(base)/scores").decode(Scores.self)
            #expect(scores.overall == Score(checked: 2, compliant: 2, share: 1))
            #expect(try await app.get("\(base)/findings").decode(FindingList.self).total == 0)
            let page = try await app.get(ComplianceRoutes.overview("testby"))
            #expect(page.status == .ok && page.text.contains("100 %"))
        }
    }
}
