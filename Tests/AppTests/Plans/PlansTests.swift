import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// A municipality for plan tests under the standard profile (eFörvaltningsprogram every 3 years,
/// IT-verksamhetsplan yearly, systemförvaltningsplan per system, D3, D2): a system with Olle as its
/// systemägare and Frida as its systemförvaltare, Eva a benefit owner, Emil an employee.
struct PlanWorld {
    var tenant: Tenant
    var slug: String { tenant.slug }
    var system: ITSystem
    var unit: OrgUnit
    var olle: TestUser
    var frida: TestUser
    var eva: TestUser
    var emil: TestUser

    static func make(_ slug: String = "testby", on app: Application) async throws -> PlanWorld {
        let db = app.db
        let tenant = try await Fixtures.tenant(slug, on: app)
        let unit = try await Fixtures.orgUnit("Kommunledningskontoret", in: tenant, on: db)
        let system = try await Fixtures.system("Ekonomisystem", owner: unit, in: tenant, on: db)
        let olle = try await Fixtures.person("Olle Ägare", in: tenant, on: db)
        let frida = try await Fixtures.person("Frida Förvaltare", in: tenant, on: db)
        let eva = try await Fixtures.person("Eva Nyttoägare", in: tenant, on: db)
        try await Fixtures.assign(RoleCatalogue.systemOwner, to: olle, on: system, in: tenant, db: db)
        try await Fixtures.assign(RoleCatalogue.systemManager, to: frida, on: system, in: tenant, db: db)
        return PlanWorld(
            tenant: tenant, system: system, unit: unit,
            olle: try await Fixtures.user("olle@\(slug).se", person: olle, in: tenant, on: app),
            frida: try await Fixtures.user("frida@\(slug).se", person: frida, in: tenant, on: app),
            eva: try await Fixtures.user("eva@\(slug).se", person: eva, in: tenant, on: app),
            emil: try await Fixtures.user("emil@\(slug).se", in: tenant, on: app))
    }

    /// A proposal with a nyttokalkyl whose benefit Eva brings home, decided as approved. Its route is the
    /// proposals suite's business; here the decision is written directly.
    func approvedProposal(_ title: String = "E-arkiv", on app: Application) async throws -> Proposal {
        let proposal = try await ProposalRules.create(
            ProposalDraft(
                title: title, need: "Arkivet är på papper", orgUnitId: unit.id, category: .business,
                expectedCost: 400_000),
            tenant: tenant, actor: Fixtures.actor, on: app.db)
        proposal.calculationJSON = JSONText.encode(
            BenefitCalculation(
                firstYear: 2026,
                benefits: [
                    .init(
                        description: "Mindre arkivyta", annualAmount: 100_000, probabilityPercent: 80, fromYear: 2026,
                        owner: "Eva Nyttoägare"),
                    .init(
                        description: "Snabbare sökning", kind: .indirect, annualAmount: 40_000, fromYear: 2026,
                        owner: "Olle Ägare"),
                ]))
        proposal.status = .approved
        try await proposal.update(on: app.db)
        return proposal
    }

    func createPlan(
        _ fields: [(String, String)], on app: Application, as user: TestUser = .automatic
    ) async throws -> UUID {
        let res = try await app.sendForm(PlanRoutes.index(slug), fields, as: user)
        #expect(res.status == .seeOther, "\(res.text.prefix(800))")
        let location = try #require(res.location)
        return try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
    }

    var api: String { "/api/v1/tenants/\(slug)" }
}

@Suite("Plans: IT-verksamhetsplan, systemförvaltningsplan, revision and benefit follow-up")
struct PlansTests {
    @Test("D3: a decided proposal becomes an initiative of the IT-verksamhetsplan, and its page links there")
    func decidedProposalInPlan() async throws {
        try await withTestApp { app in
            let w = try await PlanWorld.make(on: app)
            let proposal = try await w.approvedProposal(on: app)
            let open = try await ProposalRules.create(
                ProposalDraft(title: "Inte beslutat", need: "Behov", orgUnitId: w.unit.id, category: .business),
                tenant: w.tenant,
                actor: Fixtures.actor, on: app.db)
            let planID = try await w.createPlan([("kind", "it-verksamhetsplan"), ("startYear", "2026")], on: app)

            // The plan page offers the approved proposal, not the open one.
            var page = try await app.get(PlanRoutes.show(w.slug, planID))
            #expect(page.status == .ok)
            #expect(page.text.contains("IT-verksamhetsplan 2026"))
            #expect(page.text.contains(proposal.diarienummer) && !page.text.contains(open.diarienummer))

            // An open proposal is refused with the message by its field.
            var res = try await app.sendForm(
                PlanRoutes.initiatives(w.slug, planID), [("source", "proposal"), ("proposalId", open.id!.uuidString)])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Välj ett beviljat förslag ur listan."))
            #expect(res.text.contains("aria-invalid=\"true\""))

            res = try await app.sendForm(
                PlanRoutes.initiatives(w.slug, planID),
                [("source", "proposal"), ("proposalId", proposal.id!.uuidString)])
            #expect(res.status == .seeOther)
            page = try await app.get(PlanRoutes.show(w.slug, planID))
            #expect(page.text.contains("\(proposal.diarienummer) E-arkiv"))
            #expect(page.text.contains("400\u{a0}000 kr"))  // the budget comes from the proposal's expected cost

            // Twice is refused.
            res = try await app.sendForm(
                PlanRoutes.initiatives(w.slug, planID),
                [("source", "proposal"), ("proposalId", proposal.id!.uuidString)])
            #expect(res.status == .unprocessableEntity && res.text.contains("redan en insats"))

            let proposalPage = try await app.get(ProposalRoutes.show(w.slug, proposal.id!))
            #expect(proposalPage.text.contains(PlanRoutes.show(w.slug, planID) + "#initiatives"))

            let api = try await app.get("\(w.api)/plans/\(planID)")
            let plan = try api.decode(PlanSnapshot.self)
            #expect(plan.initiatives.map(\.proposalId) == [proposal.id])
            #expect(plan.initiatives.first?.status == "planerad")
        }
    }

    @Test("D2: a systemförvaltningsplan is written by its systemförvaltare and adopted only by the systemägare")
    func onlySystemOwnerAdopts() async throws {
        try await withTestApp { app in
            let w = try await PlanWorld.make(on: app)
            let planID = try await w.createPlan(
                [
                    ("kind", "systemforvaltningsplan"), ("systemId", w.system.id!.uuidString), ("startYear", "2026"),
                    ("goals", "Stabil drift"),
                ], on: app, as: w.frida)
            var res = try await app.sendForm(
                PlanRoutes.activities(w.slug, planID), [("title", "Uppgradering"), ("budget", "120000")], as: w.frida)
            #expect(res.status == .seeOther)

            let adoption = [("adoptedOn", "2026-02-01"), ("adoptedBy", "Olle Ägare, systemägare")]
            for user in [w.frida, w.emil] {
                res = try await app.sendForm(PlanRoutes.adopt(w.slug, planID), adoption, as: user)
                #expect(res.status == .forbidden)
            }
            res = try await app.sendJSON(
                .POST, "\(w.api)/plans/\(planID)/adoption", ["adoptedOn": "2026-02-01", "adoptedBy": "Frida"],
                as: w.frida)
            #expect(res.status == .forbidden)
            // The page offers the form only to those who may adopt.
            #expect(
                !(try await app.get(PlanRoutes.show(w.slug, planID), as: w.frida)).text.contains("Fastställ planen"))
            #expect(try await app.get(PlanRoutes.show(w.slug, planID), as: w.olle).text.contains("Fastställ planen"))

            res = try await app.sendForm(PlanRoutes.adopt(w.slug, planID), adoption, as: w.olle)
            #expect(res.status == .seeOther)
            let plan = try (try await app.get("\(w.api)/plans/\(planID)")).decode(PlanSnapshot.self)
            #expect(plan.status == "faststalld" && plan.adoptedOn == "2026-02-01")
            #expect(plan.nextRevisionOn == "2027-02-01")
            #expect(plan.activities.map(\.title) == ["Uppgradering"])

            // Adopted plans keep their goals: a revision is a new plan.
            res = try await app.sendJSON(
                .PUT, "\(w.api)/plans/\(planID)",
                PlanDraft(kind: "systemforvaltningsplan", systemId: w.system.id, startYear: 2026, goals: "Annat"))
            #expect(res.status == .conflict && res.text.contains("plan.adopted"))
            // Employees without a role on the system can't write it at all.
            res = try await app.sendForm(PlanRoutes.activities(w.slug, planID), [("title", "X")], as: w.emil)
            #expect(res.status == .forbidden)
        }
    }

    @Test("D3: revision deadlines from the profile, and the compliance finding for an overdue plan")
    func revisionAndCompliance() async throws {
        try await withTestApp { app in
            let w = try await PlanWorld.make(on: app)
            var res = try await app.sendJSON(
                .POST, "\(w.api)/plans",
                PlanDraft(kind: "eforvaltningsprogram", startYear: 2025, goals: "Digitalt först"))
            #expect(res.status == .created)
            let programme = try res.decode(PlanSnapshot.self)
            #expect(programme.endYear == 2027 && programme.title == "eFörvaltningsprogram 2025–2027")
            res = try await app.sendJSON(
                .POST, "\(w.api)/plans/\(programme.id)/adoption", ["adoptedOn": "2025-01-20", "adoptedBy": "KS § 12"])
            #expect(try res.decode(PlanSnapshot.self).nextRevisionOn == "2028-01-20")

            res = try await app.sendJSON(
                .POST, "\(w.api)/plans", PlanDraft(kind: "it-verksamhetsplan", startYear: 2025))
            let yearly = try res.decode(PlanSnapshot.self)
            res = try await app.sendJSON(
                .POST, "\(w.api)/plans/\(yearly.id)/adoption",
                ["adoptedOn": "2025-01-15", "adoptedBy": "IT-styrgruppen"])
            #expect(try res.decode(PlanSnapshot.self).nextRevisionOn == "2026-01-15")

            // Today is 2026-03-02: the 2025 plan is for an earlier year and its revision fell due on 2026-01-15.
            let findings = try await app.get("\(w.api)/compliance/findings?rule=plans.revision")
            #expect(findings.status == .ok, "\(findings.text.prefix(300))")
            #expect(findings.text.contains("IT-verksamhetsplan 2025") && findings.text.contains("2026-01-15"))
            #expect(!findings.text.contains("eFörvaltningsprogram 2025–2027"))
            let list = try await app.get(PlanRoutes.index(w.slug))
            #expect(list.text.contains("Försenad"))
        }
    }

    @Test("T6/F4: once done, the benefit owner follows up realised against planned; others may not")
    func benefitFollowUp() async throws {
        try await withTestApp { app in
            let w = try await PlanWorld.make(on: app)
            let proposal = try await w.approvedProposal(on: app)
            let planID = try await w.createPlan([("kind", "it-verksamhetsplan"), ("startYear", "2026")], on: app)
            var res = try await app.sendJSON(
                .POST, "\(w.api)/plans/\(planID)/initiatives",
                InitiativeDraft(source: .proposal, proposalId: proposal.id))
            #expect(res.status == .created)
            let initiative = try res.decode(InitiativeSnapshot.self)
            let followUp = BenefitFollowUp(lines: [
                .init(benefitIndex: 0, realisedAmount: 60_000, comment: "Flytt sent")
            ])

            // Not done yet.
            res = try await app.sendJSON(.PUT, "\(w.api)/initiatives/\(initiative.id)/follow-up", followUp, as: w.eva)
            #expect(res.status == .conflict && res.text.contains("initiative.not-done"))
            res = try await app.sendJSON(
                .PUT, "\(w.api)/initiatives/\(initiative.id)",
                InitiativeUpdate(title: initiative.title, status: .done, outcome: "Infört i juni"))
            #expect(res.status == .ok)

            // Emil owns no benefit.
            res = try await app.sendJSON(.PUT, "\(w.api)/initiatives/\(initiative.id)/follow-up", followUp, as: w.emil)
            #expect(res.status == .forbidden)
            // Eva's form: a bad amount comes back with her input and the message by its field.
            res = try await app.sendForm(
                PlanRoutes.followUp(w.slug, initiative.id),
                [("lines[0].realisedAmount", "sextio"), ("lines[0].comment", "Flytt sent")], as: w.eva)
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Ange ett heltal.") && res.text.contains("value=\"sextio\""))
            res = try await app.sendForm(
                PlanRoutes.followUp(w.slug, initiative.id),
                [("lines[0].realisedAmount", "60 000"), ("lines[0].comment", "Flytt sent")], as: w.eva)
            #expect(res.status == .seeOther)

            let shown = try (try await app.get("\(w.api)/initiatives/\(initiative.id)")).decode(InitiativeSnapshot.self)
            #expect(shown.benefits.map(\.planned) == [100_000, 40_000])
            #expect(shown.benefits.map(\.expected) == [80_000, 40_000])
            #expect(shown.benefits.map(\.realised) == [60_000, nil])
            #expect(shown.benefits.first?.difference == -20_000 && shown.benefits.first?.comment == "Flytt sent")
            let page = try await app.get(PlanRoutes.followUp(w.slug, initiative.id), as: w.eva)
            #expect(page.status == .ok && page.text.contains("Planerat och realiserat"))
            #expect(page.text.contains("−20\u{a0}000"))
        }
    }

    @Test("F5: another municipality's plans and initiatives are not found, not even by its administrator")
    func tenantIsolation() async throws {
        try await withTestApp { app in
            let w = try await PlanWorld.make(on: app)
            let other = try await PlanWorld.make("annanby", on: app)
            let planID = try await other.createPlan([("kind", "it-verksamhetsplan"), ("startYear", "2026")], on: app)
            #expect(try await app.get("\(w.api)/plans/\(planID)").status == .notFound)
            #expect(try await app.get(PlanRoutes.show(w.slug, planID)).status == .notFound)
            let res = try await app.sendForm(
                PlanRoutes.initiatives(w.slug, planID), [("source", "free"), ("title", "Intrång")])
            #expect(res.status == .notFound)
            let list = try await app.get("\(w.api)/plans")
            #expect(try list.decode(ListSnapshot.self).total == 0)
        }
    }

    @Test("Validation: the form keeps input and explains by field; the API refuses what the schema forbids")
    func validation() async throws {
        try await withTestApp { app in
            let w = try await PlanWorld.make(on: app)
            var res = try await app.sendForm(
                PlanRoutes.index(w.slug),
                [("kind", "systemforvaltningsplan"), ("startYear", "1850"), ("goals", "Mål kvar")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Välj systemet planen gäller.") && res.text.contains("Mål kvar"))
            #expect(res.text.contains("Ange ett år mellan 2000 och 2100."))

            res = try await app.sendJSON(
                .POST, "\(w.api)/plans",
                PlanDraft(kind: "it-verksamhetsplan", title: "\t" + String(repeating: "x", count: 200), startYear: 2026)
            )
            #expect(res.status == .unprocessableEntity && res.text.contains("title"))
            res = try await app.sendJSON(.POST, "\(w.api)/plans", PlanDraft(kind: "okand", startYear: 2026))
            #expect(res.status == .unprocessableEntity && res.text.contains("kind"))
            res = try await app.sendRaw(.POST, "\(w.api)/plans", #"{"kind": "it-verksamhetsplan"}"#)
            #expect(res.status == .unprocessableEntity || res.status == .badRequest)
            #expect(try await app.get("\(w.api)/plans?year=").status == .badRequest)
            #expect(try await app.get("\(w.api)/plans?year=20x6").status == .badRequest)
            // Activities belong to systemförvaltningsplaner.
            let planID = try await w.createPlan([("kind", "it-verksamhetsplan"), ("startYear", "2026")], on: app)
            res = try await app.sendJSON(.POST, "\(w.api)/plans/\(planID)/activities", ActivityDraft(title: "X"))
            #expect(res.status == .unprocessableEntity)
        }
    }
}

/// The parts of the API's answers the tests read.
struct PlanSnapshot: Decodable {
    struct Activity: Decodable { var title: String }
    var id: UUID
    var title: String
    var endYear: Int
    var status: String
    var adoptedOn: String?
    var nextRevisionOn: String?
    var activities: [Activity]
    var initiatives: [InitiativeSnapshot]
}

struct InitiativeSnapshot: Decodable {
    struct Benefit: Decodable {
        var planned: Int
        var expected: Int
        var realised: Int?
        var difference: Int?
        var comment: String
    }
    var id: UUID
    var title: String
    var status: String
    var proposalId: UUID?
    var benefits: [Benefit]
}

struct ListSnapshot: Decodable { var total: Int }
