import Foundation
import Testing

@testable import StyrbordCore

@Suite("Compliance: plans adopted and revised (D3, D2)")
struct PlanRevisionRuleTests {
    /// The world with the standard profile's plan kinds: eFörvaltningsprogram every 3 years, the
    /// IT-verksamhetsplan yearly, the systemförvaltningsplan per system and yearly (D3, D2).
    func world(_ profile: String = "standard") throws -> ComplianceTestWorld {
        var w = ComplianceTestWorld()
        let parsed = ProfileParser.parse(try #require(ShippedProfiles.yaml(profile)))
        w.configuration.planKinds = try #require(parsed.profile).planKinds
        return w
    }

    func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    @Test("D3: the revision deadline is adoption plus the profile's interval: 3 years, 1 year")
    func deadlines() throws {
        let kinds = try world().configuration.planKinds
        let programme = try #require(kinds.first { $0.key == "eforvaltningsprogram" })
        let operations = try #require(kinds.first { $0.key == "it-verksamhetsplan" })
        #expect(planRevisionDeadline(adoptedOn: day("2025-02-10"), kind: programme) == day("2028-02-10"))
        #expect(planRevisionDeadline(adoptedOn: day("2025-02-10"), kind: operations) == day("2026-02-10"))
        #expect(PlanShape(programme) == .programme && PlanShape.defaultYears(programme) == 3)
        #expect(PlanShape(operations) == .yearly && PlanShape(operations).holdsInitiatives)
    }

    @Test(
        "D3: with no plans at all, each required municipal plan is missing, due a month into the year, acted on by the IT-chef"
    )
    func missing() throws {
        let w = try world()
        let findings = w.findings(ComplianceRules.planRevision)
        #expect(findings.map(\.object.label).sorted() == ["IT-verksamhetsplan", "eFörvaltningsprogram"])
        for f in findings {
            #expect(f.detail == "missing" && f.requirement == "D3" && f.severity == .error)
            #expect(f.dueOn == day("2026-01-31") && f.isOverdue(on: w.snapshot.day))
            #expect(f.responsible?.name == "Ivar IT-chef" && f.responsible?.roleKey == RoleCatalogue.itManager)
        }
        // A system without a systemförvaltningsplan is not reported (docs/compliance.md: too noisy on day one).
        var withSystem = w
        withSystem.staff(withSystem.system("Ekonomisystem"))
        #expect(withSystem.findings(ComplianceRules.planRevision).count == 2)
    }

    @Test(
        "D3: an IT-verksamhetsplan adopted 13 months ago is past its revision; a programme adopted 2 years ago is not")
    func overdue() throws {
        var w = try world()
        let plan = UUID()
        w.snapshot.plans = [
            .init(
                id: UUID(), kindKey: "eforvaltningsprogram", title: "eFörvaltningsprogram 2024–2026", startYear: 2024,
                endYear: 2026, adoptedOn: day("2024-03-01")),
            .init(
                id: plan, kindKey: "it-verksamhetsplan", title: "IT-verksamhetsplan 2026", startYear: 2026,
                adoptedOn: day("2025-02-01")),
            // A newer draft does not count until it is adopted.
            .init(id: UUID(), kindKey: "it-verksamhetsplan", title: "Utkast 2026", startYear: 2026),
        ]
        let findings = w.findings(ComplianceRules.planRevision)
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.object.id == plan && f.object.kind == .plan && f.detail == "revision")
        #expect(f.dueOn == day("2026-02-01") && f.isOverdue(on: w.snapshot.day))
        #expect(f.message.sv.contains("skulle ha reviderats senast 2026-02-01"))
        let score = w.evaluate().rules.first { $0.descriptor.id == ComplianceRules.planRevision }?.score
        #expect(score == ComplianceScore(checked: 2, compliant: 1))
    }

    @Test(
        "D3: last year's IT-verksamhetsplan, still within its year of revision, reports no plan for this year, due then"
    )
    func currentYear() throws {
        var w = try world()
        w.snapshot.plans = [
            .init(
                id: UUID(), kindKey: "eforvaltningsprogram", title: "Program", startYear: 2025, endYear: 2027,
                adoptedOn: day("2025-01-20")),
            .init(
                id: UUID(), kindKey: "it-verksamhetsplan", title: "IT-verksamhetsplan 2025", startYear: 2025,
                adoptedOn: day("2025-06-15")),
        ]
        let f = try #require(w.findings(ComplianceRules.planRevision).first)
        #expect(w.findings(ComplianceRules.planRevision).count == 1)
        #expect(f.detail == "current-year" && f.dueOn == day("2026-06-15") && !f.isOverdue(on: w.snapshot.day))
        #expect(f.message.en == "There is no adopted IT-verksamhetsplan for 2026; the latest is for 2025.")
        // Adopting this year's plan closes the gap.
        w.snapshot.plans.append(
            .init(
                id: UUID(), kindKey: "it-verksamhetsplan", title: "IT-verksamhetsplan 2026", startYear: 2026,
                adoptedOn: day("2026-01-10")))
        #expect(w.findings(ComplianceRules.planRevision).isEmpty)
    }

    @Test("D2: an overdue systemförvaltningsplan names the system's systemägare")
    func perSystem() throws {
        var w = try world()
        let system = w.system("Ekonomisystem")
        let owner = w.staff(system)
        w.snapshot.plans = [
            .init(
                id: UUID(), kindKey: "eforvaltningsprogram", title: "P", startYear: 2025, endYear: 2027,
                adoptedOn: day("2025-01-20")),
            .init(id: UUID(), kindKey: "it-verksamhetsplan", title: "V", startYear: 2026, adoptedOn: day("2026-01-20")),
            .init(
                id: UUID(), kindKey: "systemforvaltningsplan", systemID: system,
                title: "Systemförvaltningsplan Ekonomisystem 2025", startYear: 2025, adoptedOn: day("2025-01-15")),
        ]
        let f = try #require(w.findings(ComplianceRules.planRevision).first)
        #expect(w.findings(ComplianceRules.planRevision).count == 1)
        #expect(f.requirement == "D2" && f.object.systemID == system)
        #expect(f.responsible?.personID == owner && f.responsible?.roleKey == RoleCatalogue.systemOwner)
        #expect(f.object.label == "Systemförvaltningsplan Ekonomisystem 2025 (Ekonomisystem)")
    }

    @Test("A profile without plan kinds requires none")
    func noKinds() {
        let w = ComplianceTestWorld()
        #expect(w.findings(ComplianceRules.planRevision).isEmpty)
    }
}

@Suite("Plans: drafts and benefit follow-up (T6/F4)")
struct PlanDraftTests {
    let calculation = BenefitCalculation(
        firstYear: 2026,
        benefits: [
            .init(
                description: "Färre pappersblanketter", annualAmount: 100_000, probabilityPercent: 80, fromYear: 2026,
                owner: "Eva"),
            .init(
                description: "Kortare handläggning", kind: .indirect, annualAmount: 50_000, fromYear: 2026,
                owner: "Olle"),
        ])

    @Test("Planned, expected and realised per benefit line and in total")
    func comparison() {
        let followUp = BenefitFollowUp(lines: [.init(benefitIndex: 0, realisedAmount: 60_000, comment: "Senare start")])
        let c = followUp.comparison(with: calculation)
        #expect(c.rows.map(\.planned) == [100_000, 50_000])
        #expect(c.rows.map(\.expected) == [80_000, 50_000])
        #expect(c.rows[0].realised == 60_000 && c.rows[0].difference == -20_000 && c.rows[0].comment == "Senare start")
        #expect(c.rows[1].realised == nil && c.rows[1].difference == nil)
        #expect(c.plannedTotal == 150_000 && c.expectedTotal == 130_000 && c.realisedTotal == 60_000 && !c.isComplete)
    }

    @Test("A follow-up names existing benefits once, with amounts in range and lengths counted as sent")
    func followUpValidation() {
        let bad = BenefitFollowUp(lines: [
            .init(benefitIndex: 5, realisedAmount: 1),
            .init(
                benefitIndex: 0, realisedAmount: BenefitCalculation.maxAmount + 1,
                comment: String(repeating: "é", count: 2_001)),
        ])
        let fields = Set(bad.validate(against: calculation).map(\.field))
        #expect(fields == ["lines[0].benefitIndex", "lines[1].realisedAmount", "lines[1].comment"])
        let twice = BenefitFollowUp(lines: [
            .init(benefitIndex: 1, realisedAmount: 1), .init(benefitIndex: 1, realisedAmount: 2),
        ])
        #expect(twice.validate(against: calculation).map(\.field) == ["lines[1].benefitIndex"])
    }

    @Test("A plan draft: the kind decides whether a system is named and how many years it covers")
    func draftAgainstKind() throws {
        let profile = try #require(ProfileParser.parse(ShippedProfiles.yaml("standard")!).profile)
        let sfp = profile.planKind("systemforvaltningsplan")
        let verksamhetsplan = profile.planKind("it-verksamhetsplan")
        #expect(
            PlanDraft(kind: "systemforvaltningsplan", startYear: 2026).validate(against: sfp).map(\.field) == [
                "systemId"
            ])
        #expect(
            PlanDraft(kind: "it-verksamhetsplan", systemId: UUID(), startYear: 2026, endYear: 2027)
                .validate(against: verksamhetsplan).map(\.field) == ["systemId", "endYear"])
        #expect(PlanDraft(kind: "x", startYear: 2026).validate(against: nil).map(\.field) == ["kind"])
        let programme = try #require(profile.planKind("eforvaltningsprogram"))
        #expect(PlanDraft(kind: "eforvaltningsprogram", startYear: 2026).lastYear(for: programme) == 2028)
        let long = PlanDraft(kind: "k", title: " " + String(repeating: "a", count: 200), startYear: 1999, budget: -1)
        #expect(Set(long.checked().issues.map(\.field)) == ["title", "startYear", "budget"])
        // Absurd years are refused, not trapped on.
        let absurd = PlanDraft(kind: "k", startYear: Int.max, endYear: Int.min)
        #expect(Set(absurd.validate().map(\.field)) == ["startYear", "endYear"])
    }
}
