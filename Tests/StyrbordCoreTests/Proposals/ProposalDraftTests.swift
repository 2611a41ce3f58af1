import Foundation
import Testing

@testable import StyrbordCore

@Suite("Proposal draft, impact and overlap")
struct ProposalDraftTests {
    let unit = UUID()

    @Test("A valid draft passes; missing fields are named; an urgent proposal says why (D4)")
    func validation() {
        let ok = ProposalDraft(
            title: " E-tjänst för bygglov ", need: "Ansökningar på papper", orgUnitId: unit, category: .business)
        let (tidy, issues) = ok.checked()
        #expect(issues.isEmpty)
        #expect(tidy.title == "E-tjänst för bygglov")

        let bad = ProposalDraft(
            title: " ", need: "", expectedCost: -1, expectedStartOn: CalendarDay(year: 2026, month: 5, day: 1),
            expectedDoneOn: CalendarDay(year: 2026, month: 4, day: 1), isUrgent: true)
        let fields = Set(bad.checked().issues.map(\.field))
        #expect(
            fields == ["title", "need", "orgUnitId", "category", "expectedCost", "expectedDoneOn", "urgencyReason"])
    }

    @Test("Lengths count Unicode scalars as sent, and a repeated system is refused")
    func lengths() {
        let long = String(repeating: "e\u{301}", count: 101)  // 101 characters, 202 scalars
        var draft = ProposalDraft(title: long, need: "x", orgUnitId: unit, category: .common)
        #expect(draft.checked().issues.map(\.field) == ["title"])
        draft.title = "\t" + String(repeating: "a", count: 200)
        #expect(draft.checked().issues.map(\.field) == ["title"])
        let system = UUID()
        draft.title = "Ok"
        draft.systemIds = [system, system]
        #expect(draft.checked().issues.map(\.field) == ["systemIds"])
    }

    @Test("D4: impact reaches dependents transitively and names other förvaltningar and role holders")
    func impact() {
        let (a, b, c, d) = (UUID(), UUID(), UUID(), UUID())
        let (own, other, third) = (UUID(), UUID(), UUID())
        let ownSub = UUID()
        let systems: [UUID: ProposalImpact.SystemInfo] = [
            a: .init(id: a, name: "Ekonomi", ownerOrgUnitId: ownSub),
            b: .init(id: b, name: "Lön", ownerOrgUnitId: other),
            c: .init(id: c, name: "Rapporter", ownerOrgUnitId: own, userOrgUnitIds: [third]),
            d: .init(id: d, name: "Fristående", ownerOrgUnitId: third),
        ]
        // a → b → c: b depends on a, c on b; d is not connected.
        let graph = IntegrationGraph(edges: [
            .init(id: UUID(), source: a, target: b), .init(id: UUID(), source: b, target: c),
        ])
        let holders = [
            ProposalImpact.RoleHolder(systemId: c, personId: UUID(), personName: "Åsa", roleName: "Systemägare"),
            ProposalImpact.RoleHolder(systemId: d, personId: UUID(), personName: "Bo", roleName: "Systemägare"),
        ]
        let impact = ProposalImpact(
            touched: [a], graph: graph, systems: systems, holders: holders, ownAdministration: own,
            administration: { $0 == ownSub ? own : $0 })
        #expect(impact.dependents.map(\.system.name) == ["Lön", "Rapporter"])
        #expect(impact.dependents.map(\.distance) == [1, 2])
        #expect(impact.otherAdministrations == [other, third])
        #expect(impact.roleHolders.map(\.personName) == ["Åsa"])
        #expect(impact.affectedAdministrationCount == 3)
    }

    @Test("T3: overlap finds other förvaltningars' systems with shared words, says which, and skips stop words")
    func overlap() {
        let (mine, theirs) = (UUID(), UUID())
        let candidates = [
            ProposalOverlap.Candidate(
                kind: .system, id: UUID(), name: "Lokalbokning", text: "Bokning av lokaler och bokningsbara resurser",
                administration: theirs),
            ProposalOverlap.Candidate(
                kind: .system, id: UUID(), name: "Mötesbokning", text: "Bokning av lokaler för förvaltningen",
                administration: mine),
            ProposalOverlap.Candidate(
                kind: .proposal, id: UUID(), name: "IT 2026/0002 Nytt system för ekonomi",
                text: "Behov av system för att",
                administration: theirs),
        ]
        let matches = ProposalOverlap.matches(
            for: "Bokningen av lokaler i skolorna", ownAdministration: mine, candidates: candidates)
        #expect(matches.count == 1)
        #expect(matches.first?.candidate.name == "Lokalbokning")
        #expect(matches.first?.sharedWords == ["bokning", "lokaler"])
        #expect(ProposalOverlap.words("och att för system behov").isEmpty)
        #expect(ProposalOverlap.stem("bokningen") == ProposalOverlap.stem("bokning"))
    }

    @Test("D5: checklist answers are checked against the profile's questions and give the classification")
    func checklist() throws {
        let profile = try ShippedProfiles.profile("danderyd")
        let good = ChecklistAnswers(answers: [
            "kostnad": .integer(800_000), "centralt": .bool(true), "strategisk-betydelse": .bool(false),
            "avvikelse": .bool(false), "nyttokalkyl": .text("Se bifogad kalkyl"),
        ])
        #expect(good.validate(against: profile).isEmpty)
        let facts = ProposalFacts(answers: good.facts(for: profile), category: .business)
        #expect(profile.classify(facts) == "storre")

        let bad = ChecklistAnswers(answers: [
            "kostnad": .integer(-5), "centralt": .text("ja"), "okand": .bool(true),
            "nyttokalkyl": .text(String(repeating: "x", count: ChecklistAnswers.maxTextLength + 1)),
        ])
        #expect(
            Set(bad.validate(against: profile).map(\.field)) == [
                "answers.kostnad", "answers.centralt", "answers.okand", "answers.nyttokalkyl",
                // Required questions left unanswered are named too.
                "answers.strategisk-betydelse", "answers.avvikelse",
            ])
    }

    @Test("A step's outcome must fit its action and only its points may be assessed")
    func stepRecord() throws {
        let profile = try ShippedProfiles.profile("lilla-edet")
        let steps = profile.steps(for: ProposalFacts(category: .business, classification: "inforande"))
        let approve = try #require(steps.first)
        #expect(StepRecordDraft(stepKey: approve.key, outcome: .approved).validate(against: approve).isEmpty)
        let wrong = StepRecordDraft(stepKey: approve.key, outcome: .done, assessments: ["okand": "x"])
        #expect(Set(wrong.validate(against: approve).map(\.field)) == ["outcome", "assessments.okand"])
    }

    @Test("A decision needs its body, person, reasons and date")
    func decision() {
        let missing = DecisionDraft(
            outcome: .approved, decidedByBody: "", decidedByPerson: " ", reasons: "", decidedOn: nil)
        #expect(
            Set(missing.checked().issues.map(\.field)) == ["decidedByBody", "decidedByPerson", "reasons", "decidedOn"])
    }
}
