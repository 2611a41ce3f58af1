import Foundation
import Testing

@testable import StyrbordCore

@Suite("Proposal workflow")
struct ProposalWorkflowTests {
    static func profile(_ key: String) throws -> GovernanceProfile {
        let (profile, problems) = ProfileValidator.check(yaml: try #require(ShippedProfiles.yaml(key)))
        #expect(problems.isEmpty)
        return try #require(profile)
    }

    @Test("L2: in Lilla Edet no decision is possible until the IT unit has approved; a refusal blocks too")
    func lillaEdetApproval() throws {
        let profile = try Self.profile("lilla-edet")
        let facts = ProposalFacts(category: .business, classification: "inforande")
        let fresh = ProposalWorkflow(profile: profile, facts: facts, records: [])
        #expect(fresh.steps.map(\.step.action) == [.approve, .decide])
        #expect(!fresh.mayBeDecided)
        #expect(
            fresh.reasonsNotDecidable.map(\.sv) == ["Kommunledningsförvaltningen, IT-enheten godkänner – inte gjort."])
        #expect(fresh.nextStep?.step.key == "it-enheten-approve")
        #expect(fresh.decider == "forvaltning")

        let refused = ProposalWorkflow(
            profile: profile, facts: facts, records: [StepRecord(stepKey: "it-enheten-approve", outcome: .refused)])
        #expect(!refused.mayBeDecided)
        #expect(
            refused.reasonsNotDecidable.map(\.en) == [
                "Kommunledningsförvaltningen, IT-enheten approves: approval was refused."
            ])

        let approved = ProposalWorkflow(
            profile: profile, facts: facts, records: [StepRecord(stepKey: "it-enheten-approve", outcome: .approved)])
        #expect(approved.mayBeDecided)
        #expect(approved.reasonsNotDecidable.isEmpty)
        #expect(approved.nextStep == nil)
    }

    @Test("D4: a larger proposal in Danderyd needs all eleven points assessed and the central forum's recommendation")
    func danderydElevenPoints() throws {
        let profile = try Self.profile("danderyd")
        let facts = ProposalFacts(category: .business, classification: "storre")
        let assess = try #require(
            ProposalWorkflow(profile: profile, facts: facts, records: []).steps.first { $0.step.action == .assess })
        #expect(assess.step.against.count == 11)
        var points = Dictionary(uniqueKeysWithValues: assess.step.against.map { ($0, "Bedömd") })
        points["ramavtal"] = " "
        let partial = ProposalWorkflow(
            profile: profile, facts: facts,
            records: [StepRecord(stepKey: assess.step.key, outcome: .done, assessments: points)])
        #expect(!partial.mayBeDecided)
        let reasons = partial.reasonsNotDecidable.map(\.en)
        #expect(reasons.count == 3)
        #expect(reasons.first == "The proposal needs a benefit/cost calculation before its decision.")  // D5
        #expect(reasons.dropFirst().first?.contains("is not assessed") == true)
        #expect(reasons.last?.hasSuffix("recommends – not done.") == true)
        // Steps not marked before_decision (the local forum) don't block.
        points["ramavtal"] = "Avrop på SKI:s ramavtal"
        let complete = ProposalWorkflow(
            profile: profile, facts: facts,
            records: [
                StepRecord(stepKey: assess.step.key, outcome: .done, assessments: points),
                StepRecord(stepKey: "central-rekommendation", outcome: .notRecommended),
            ], calculation: BenefitCalculationTests.eService)
        #expect(complete.mayBeDecided)
        #expect(complete.nextStep?.step.actor == .forum("lokalt-it-forum"))
    }

    @Test("D4: in extraordinary urgency the IT-chef's assessment replaces the forums")
    func danderydUrgent() throws {
        let profile = try Self.profile("danderyd")
        var facts = ProposalFacts(category: .business, classification: "storre")
        facts.isUrgent = true
        let urgent = ProposalWorkflow(profile: profile, facts: facts, records: [])
        #expect(urgent.steps.map(\.step.actor) == [.role("it-chef"), .role("beslutsfattare")])
        #expect(!urgent.mayBeDecided)
    }

    @Test("E4/E5: a common system is not decided before the IT-strategiska beredningsgruppen is consulted")
    func seed003CommonSystem() throws {
        let profile = try Self.profile("e-forvaltning")
        let facts = ProposalFacts(answers: ["typ": .choice("nytt")], category: .common)
        let workflow = ProposalWorkflow(profile: profile, facts: facts, records: [])
        #expect(workflow.classification == "storre")
        #expect(workflow.decider == "it-styrgrupp")
        let done = workflow.steps.filter { !$0.isDecision }.map {
            StepRecord(stepKey: $0.step.key, outcome: .done)
        }
        let withoutForum = done.filter { $0.stepKey != "it-strategisk-beredningsgrupp-consult" }
        let waiting = ProposalWorkflow(profile: profile, facts: facts, records: withoutForum)
        #expect(!waiting.mayBeDecided)
        #expect(waiting.missingBeforeDecision.map(\.step.key) == ["it-strategisk-beredningsgrupp-consult"])
        #expect(ProposalWorkflow(profile: profile, facts: facts, records: done).mayBeDecided)
        // The IT-styrgrupp has the proposal for decision only once the beredningsgrupp has been consulted.
        #expect(waiting.step(awaiting: "it-styrgrupp") == nil)
        #expect(waiting.step(awaiting: "it-strategisk-beredningsgrupp")?.step.action == .consult)
        let ready = ProposalWorkflow(profile: profile, facts: facts, records: done)
        #expect(ready.step(awaiting: "it-styrgrupp")?.isDecision == true)
        #expect(ready.step(awaiting: "it-strategisk-beredningsgrupp") == nil)
        // For a verksamhetssystem the route has no such step.
        let business = ProposalWorkflow(
            profile: profile, facts: ProposalFacts(answers: ["typ": .choice("nytt")], category: .business),
            records: [])
        #expect(!business.steps.contains { $0.step.key == "it-strategisk-beredningsgrupp-consult" })
    }

    @Test("Without category the proposal has no route, and the reason says what to do")
    func noRoute() throws {
        let workflow = ProposalWorkflow(profile: try Self.profile("standard"), facts: ProposalFacts(), records: [])
        #expect(workflow.route == nil)
        #expect(!workflow.mayBeDecided)
        #expect(workflow.reasonsNotDecidable.first?.en.hasPrefix("The proposal has no route") == true)
    }

    @Test("Outcomes fit their step's action")
    func outcomesFit() {
        #expect(StepOutcome.approved.fits(.approve))
        #expect(!StepOutcome.done.fits(.approve))
        #expect(StepOutcome.notRecommended.fits(.recommend))
        #expect(StepOutcome.done.fits(.assess))
        #expect(!StepOutcome.done.fits(.decide))
    }

    @Test("F4: in Fagersta a verksamhetsspecifikt system needs a calculation whose benefits outweigh its total cost")
    func fagerstaFullProfitability() throws {
        let profile = try Self.profile("fagersta")
        let facts = ProposalFacts(category: .business)
        let without = ProposalWorkflow(profile: profile, facts: facts, records: [])
        #expect(without.needsCalculation)
        #expect(without.calculationShortcomings.map(\.sv) == ["Förslaget behöver en nyttokalkyl före beslut."])
        var unprofitable = BenefitCalculationTests.eService
        unprofitable.benefits[0].annualAmount = 100_000
        let losing = ProposalWorkflow(profile: profile, facts: facts, records: [], calculation: unprofitable)
        #expect(losing.calculation?.figures.netPresentValue ?? 0 < 0)
        #expect(losing.calculationShortcomings.first?.en.hasPrefix("Full profitability required") == true)
        let paying = ProposalWorkflow(
            profile: profile, facts: facts, records: [], calculation: BenefitCalculationTests.eService)
        #expect(paying.calculationShortcomings.isEmpty)
        // A common system carries no such requirement in Fagersta.
        #expect(
            !ProposalWorkflow(profile: profile, facts: ProposalFacts(category: .common), records: []).needsCalculation)
    }

    @Test("T6: in Tanum every project's calculation covers the operations phase; the NPV uses the profile's rate")
    func tanumOperationsPhase() throws {
        let profile = try Self.profile("tanum")
        let facts = ProposalFacts(category: .business, classification: "projekt")
        var calculation = BenefitCalculationTests.eService
        calculation.discountRatePercent = 12  // the profile's 4 % rules
        let workflow = ProposalWorkflow(profile: profile, facts: facts, records: [], calculation: calculation)
        #expect(workflow.calculation?.figures.netPresentValue == 257_474)
        #expect(
            workflow.calculationShortcomings.map(\.sv) == [
                "Kostnaderna täcker inte hela driftskedet: programvara och licenser, datorer och utrustning, serverkapacitet, kommunikation, support saknas."
            ])
        #expect(
            !ProposalWorkflow(
                profile: profile, facts: ProposalFacts(category: .business, classification: "daglig-utveckling"),
                records: []
            ).needsCalculation)
    }
}
