import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Proposal pages")
struct ProposalsPagesTests {
    @Test("A form with errors comes back with 422, the input kept and each message next to its field")
    func formErrors() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "standard", on: app)
            let form = try await app.get(ProposalRoutes.new(w.slug))
            #expect(form.status == .ok)
            #expect(form.text.contains("name=\"_csrf\""))
            #expect(form.text.contains("<label for=\"f-title\""))
            let res = try await app.sendForm(
                ProposalRoutes.index(w.slug),
                [("title", "Min rubrik"), ("need", ""), ("expectedCost", "många"), ("isUrgent", "true")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("value=\"Min rubrik\""))
            #expect(res.text.contains("id=\"f-need-error\""))
            #expect(res.text.contains("id=\"f-expectedCost-error\""))
            #expect(res.text.contains("id=\"f-urgencyReason-error\""))
            #expect(try await Proposal.query(on: app.db).count() == 0)
            // Without the CSRF token nothing is stored either.
            let forged = try await app.sendForm(ProposalRoutes.index(w.slug), [("title", "X")], csrf: false)
            #expect(forged.status == .forbidden)
        }
    }

    @Test("The show page gives the impact and the overlap (D4, T3) and the list filters by status")
    func showAndList() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "standard", on: app)
            // Another förvaltning already proposes something similar.
            let social = try await ProposalRules.create(
                ProposalDraft(
                    title: "Digital skolskjuts", need: "Planering av skolskjuts för elever med särskilda behov",
                    orgUnitId: w.otherUnit.id, category: .business), tenant: w.tenant, actor: Fixtures.actor,
                on: app.db)
            let id = try await w.submitForm("Planering av skolskjuts", on: app)
            let page = try await app.get(w.show(id))
            #expect(page.status == .ok)
            #expect(page.text.contains("IT 2026/0002"))
            #expect(page.text.contains(">Skolskjuts</a> – beror på Elevregister (1 steg)"))
            #expect(page.text.contains("<li>Socialförvaltningen</li>"))
            #expect(page.text.contains(ProposalRoutes.show(w.slug, social.id!)))
            #expect(page.text.contains("gemensamma ord: elever, planering, skolskjuts"))
            #expect(page.text.contains("action=\"\(ProposalRoutes.decision(w.slug, id))\""))

            // The API gives the same impact and overlap.
            struct Insight: Decodable {
                struct Impact: Decodable {
                    struct Dependent: Decodable {
                        var name: String
                        var distance: Int
                        var viaSystemId: UUID
                    }
                    struct Administration: Decodable { var name: String }
                    var dependents: [Dependent]
                    var otherAdministrations: [Administration]
                }
                struct Overlap: Decodable {
                    var kind: String
                    var id: UUID
                    var sharedWords: [String]
                }
                var impact: Impact
                var overlaps: [Overlap]
            }
            let insight = try (try await app.get("\(w.api)/\(id)")).decode(Insight.self)
            #expect(insight.impact.dependents.map(\.name) == ["Skolskjuts"])
            #expect(insight.impact.dependents.first?.distance == 1)
            #expect(insight.impact.dependents.first?.viaSystemId == w.system.id)
            #expect(insight.impact.otherAdministrations.map(\.name) == ["Socialförvaltningen"])
            let overlap = try #require(insight.overlaps.first { $0.id == social.id })
            #expect(overlap.kind == "proposal")
            #expect(overlap.sharedWords == ["elever", "planering", "skolskjuts"])

            let list = try await app.get(ProposalRoutes.index(w.slug, query: [("status", "approved")]))
            #expect(list.status == .ok)
            #expect(list.text.contains("Inga förslag."))
            let all = try await app.get(ProposalRoutes.index(w.slug))
            #expect(all.text.contains("Planering av skolskjuts"))
            #expect(all.text.contains("aria-current=\"page\">Förslag"))
        }
    }

    @Test("A step's assessment form keeps what was typed when it is refused")
    func stepFormErrors() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "danderyd", on: app)
            let id = try await w.submitForm(on: app)
            let answered = try await app.sendForm(
                ProposalRoutes.checklist(w.slug, id), danderydAnswers(strategic: false))
            #expect(answered.status == .seeOther)
            let res = try await app.sendForm(
                ProposalRoutes.steps(w.slug, id),
                [
                    ("stepKey", "centralt-strategiskt-it-forum-assess"), ("outcome", "approved"),
                    ("assessments.overlapp", "Ingen överlappning mot Socialförvaltningen"),
                ])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Ingen överlappning mot Socialförvaltningen"))
            #expect(res.text.contains("<details open"))
            #expect(try await ProposalStepRecord.query(on: app.db).count() == 0)
        }
    }
}
