import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// Every question of Danderyd's checklist answered (they are all required).
func danderydAnswers(strategic: Bool) -> [(String, String)] {
    [
        ("answers.kostnad", "900000"), ("answers.strategisk-betydelse", strategic ? "yes" : "no"),
        ("answers.centralt", "yes"), ("answers.avvikelse", "no"), ("answers.nyttokalkyl", "Se nyttokalkylen."),
    ]
}

/// The change process end to end in each seed municipality, through the web forms (issue 5).
@Suite("Proposal scenarios")
struct ProposalScenarioTests {
    @Test("D4: Danderyd – lokalt IT-forum, the central forum's eleven points, central ledningsgrupp, then the decision")
    func danderyd() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "danderyd", on: app)
            let id = try await w.submitForm("Gemensam lärplattform", cost: "900000", on: app)
            var res = try await app.sendForm(
                ProposalRoutes.checklist(w.slug, id),
                danderydAnswers(strategic: true))
            #expect(res.status == .seeOther, "\(res.text.prefix(300))")
            var p = try await w.proposal(id, on: app)
            #expect(p.classification == "strategisk")
            #expect(p.steps.map(\.key).first == "lokalt-it-forum-prepare")
            #expect(p.decider == "beslutsfattare")

            // Deciding now is refused, and the page says what is missing.
            res = try await app.sendForm(ProposalRoutes.decision(w.slug, id), decisionFields())
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Centralt strategiskt IT-forum bedömer"))
            #expect(res.text.contains("nyttokalkyl"))

            res = try await app.sendForm(ProposalRoutes.calculation(w.slug, id), paying())
            #expect(res.status == .seeOther, "\(res.text.prefix(300))")
            let assess = try #require(p.steps.first { $0.against.count == 11 })
            let ordered = p.steps.filter { !$0.isDecision }.map(\.key)
            for key in ordered {
                var fields: [(String, String)] = [("stepKey", key)]
                let step = try #require(p.steps.first { $0.key == key })
                fields.append(
                    ("outcome", key.hasSuffix("recommend") || key == "central-rekommendation" ? "recommended" : "done"))
                if key == assess.key {
                    fields += step.against.map { ("assessments.\($0)", "Bedömt: \($0)") }
                }
                res = try await app.sendForm(ProposalRoutes.steps(w.slug, id), fields)
                #expect(res.status == .seeOther, "\(key): \(res.text.prefix(300))")
            }
            p = try await w.proposal(id, on: app)
            #expect(p.mayBeDecided, "\(p.reasonsNotDecidable)")
            // The eleven points are stored with the central forum's step.
            let stored = try await ProposalStepRecord.query(on: app.db).filter(\.$stepKey == assess.key).first()
            #expect(stored?.assessments.count == 11)
            #expect(stored?.assessments["overlapp"] == "Bedömt: overlapp")

            res = try await app.sendForm(ProposalRoutes.decision(w.slug, id), decisionFields())
            #expect(res.status == .seeOther)
            p = try await w.proposal(id, on: app)
            #expect(p.status == "approved")
            #expect(p.decision?.isUrgentPath == false)
            let page = try await app.get(w.show(id))
            #expect(page.text.contains("Delegationsordningen 4.2"))
        }
    }

    @Test("D4: an urgent proposal in Danderyd goes through the IT-chef, and the decision records the urgent path")
    func danderydUrgent() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "danderyd", on: app)
            let id = try await w.submitForm(urgent: true, on: app)
            var res = try await app.sendForm(ProposalRoutes.checklist(w.slug, id), danderydAnswers(strategic: false))
            #expect(res.status == .seeOther)
            _ = try await app.sendForm(ProposalRoutes.calculation(w.slug, id), paying())
            var p = try await w.proposal(id, on: app)
            #expect(p.steps.map(\.key) == ["it-chef-assess", "beslutsfattare-decide"])
            _ = try await app.sendForm(
                ProposalRoutes.steps(w.slug, id), [("stepKey", "it-chef-assess"), ("outcome", "done")])
            res = try await app.sendForm(ProposalRoutes.decision(w.slug, id), decisionFields())
            #expect(res.status == .seeOther)
            p = try await w.proposal(id, on: app)
            #expect(p.decision?.isUrgentPath == true)
            #expect(try await app.get(w.show(id)).text.contains("Brådskande: IT-chefen bedömde"))
        }
    }

    @Test("L2: in Lilla Edet no decision until the IT unit has approved; a refusal blocks too")
    func lillaEdet() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "lilla-edet", on: app)
            let id = try await w.submitForm(on: app)
            var res = try await app.sendForm(
                ProposalRoutes.checklist(w.slug, id),
                [
                    ("answers.typ", "inforande"), ("answers.egenutveckling", "no"), ("answers.oppen-kallkod", "no"),
                    ("answers.kostnad", "250000"),
                ])
            #expect(res.status == .seeOther)
            res = try await app.sendForm(ProposalRoutes.decision(w.slug, id), decisionFields(body: "Förvaltningen"))
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("IT-enheten godkänner – inte gjort."))
            res = try await app.sendForm(
                ProposalRoutes.steps(w.slug, id), [("stepKey", "it-enheten-approve"), ("outcome", "refused")])
            #expect(res.status == .seeOther)
            res = try await app.sendForm(ProposalRoutes.decision(w.slug, id), decisionFields(body: "Förvaltningen"))
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("godkännandet nekades"))
            _ = try await app.sendForm(
                ProposalRoutes.steps(w.slug, id), [("stepKey", "it-enheten-approve"), ("outcome", "approved")])
            res = try await app.sendForm(ProposalRoutes.decision(w.slug, id), decisionFields(body: "Förvaltningen"))
            #expect(res.status == .seeOther)
            #expect(try await w.proposal(id, on: app).status == "approved")
            #expect(try await ProposalDecision.query(on: app.db).count() == 1)
        }
    }

    @Test("E4/E5: for a common system the IT-styrgrupp can't decide before the beredningsgrupp is consulted")
    func seed003() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "e-forvaltning", category: .common, on: app)
            let id = try await w.submitForm("Nytt diariesystem", category: .common, on: app)
            let answered = try await app.sendForm(
                ProposalRoutes.checklist(w.slug, id),
                [("answers.typ", "nytt"), ("answers.kommundirektor-behovs", "no"), ("answers.beskrivning", "Diarium")])
            #expect(answered.status == .seeOther)
            var p = try await w.proposal(id, on: app)
            #expect(p.decider == "it-styrgrupp")
            for step in p.steps where !step.isDecision && step.key != "it-strategisk-beredningsgrupp-consult" {
                let res = try await app.sendForm(
                    ProposalRoutes.steps(w.slug, id), [("stepKey", step.key), ("outcome", "done")])
                #expect(res.status == .seeOther)
            }
            var res = try await app.sendForm(
                ProposalRoutes.decision(w.slug, id), decisionFields(body: "IT-styrgruppen"))
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("IT-strategiska beredningsgruppen"))
            res = try await app.sendForm(
                ProposalRoutes.steps(w.slug, id),
                [("stepKey", "it-strategisk-beredningsgrupp-consult"), ("outcome", "done")])
            #expect(res.status == .seeOther)
            res = try await app.sendForm(ProposalRoutes.decision(w.slug, id), decisionFields(body: "IT-styrgruppen"))
            #expect(res.status == .seeOther)
            p = try await w.proposal(id, on: app)
            #expect(p.decision?.decidedByBody == "IT-styrgruppen")
        }
    }

    @Test("F4: in Fagersta a verksamhetssystem needs a calculation whose benefits outweigh its total cost")
    func fagersta() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "fagersta", on: app)
            let id = try await w.submitForm(on: app)
            _ = try await app.sendForm(
                ProposalRoutes.steps(w.slug, id), [("stepKey", "nvk-it-consult"), ("outcome", "done")])
            var res = try await app.sendForm(ProposalRoutes.decision(w.slug, id), decisionFields(body: "Nämnden"))
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Förslaget behöver en nyttokalkyl före beslut."))

            // Benefits far below the cost: still refused, with the net present value.
            var losing = paying()
            losing = losing.map { $0.0 == "benefits[0].annualAmount" ? ($0.0, "10000") : $0 }
            res = try await app.sendForm(ProposalRoutes.calculation(w.slug, id), losing)
            #expect(res.status == .seeOther)
            res = try await app.sendForm(ProposalRoutes.decision(w.slug, id), decisionFields(body: "Nämnden"))
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Fullt lönsamhetskrav"))

            res = try await app.sendForm(ProposalRoutes.calculation(w.slug, id), paying())
            #expect(res.status == .seeOther)
            let p = try await w.proposal(id, on: app)
            #expect((p.figures?.netPresentValue ?? -1) > 0)
            res = try await app.sendForm(ProposalRoutes.decision(w.slug, id), decisionFields(body: "Nämnden"))
            #expect(res.status == .seeOther)
        }
    }
}
