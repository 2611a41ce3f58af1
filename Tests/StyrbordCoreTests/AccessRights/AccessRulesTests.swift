import Foundation
import Testing

@testable import StyrbordCore

@Suite("Compliance: access rights decided, reviewed and ended (T9)")
struct AccessRulesTests {
    func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    @Test("T9: a grant without a documented decision is a finding for the systemägare; one with a decision is not")
    func decision() throws {
        var w = ComplianceTestWorld()
        let system = w.system("Procapita")
        let owner = w.staff(system)
        let anna = w.person("Anna Användare")
        let per = w.person("Per Användare")
        let documented = UUID(), undocumented = UUID()
        w.snapshot.accessGrants = [
            .init(id: documented, systemID: system, personID: anna, hasDecision: true, grantedOn: day("2026-02-01")),
            .init(
                id: undocumented, systemID: system, personID: per, accessLevel: "Handläggare", hasDecision: false,
                grantedOn: day("2026-02-01")),
        ]
        w.snapshot.accessReviews = [.init(systemID: system, completedOn: day("2026-02-15"))]
        let findings = w.findings(ComplianceRules.accessDecision)
        #expect(findings.map(\.object.id) == [undocumented])
        let f = try #require(findings.first)
        #expect(f.requirement == "T9")
        #expect(f.object.kind == .accessGrant)
        #expect(f.object.label == "Per Användare (Procapita, Handläggare)")
        #expect(f.responsible?.personID == owner)
        #expect(f.dueOn == day("2026-03-03"))
        let score = w.evaluate().rules.first { $0.descriptor.id == ComplianceRules.accessDecision }?.score
        #expect(score == ComplianceScore(checked: 2, compliant: 1))
    }

    @Test("T9: a review overdue by the profile's interval for the classification level is a finding")
    func reviewOverdue() throws {
        var w = ComplianceTestWorld()
        // Level 3 (six months) and level 1 (a year), both last reviewed on 2025-08-01.
        let sensitive = w.system("Procapita") { $0.highestLevel = 3 }
        let plain = w.system("Bokningen") { $0.highestLevel = 1 }
        let owner = w.staff(sensitive)
        w.staff(plain)
        let anna = w.person("Anna Användare")
        w.snapshot.accessGrants = [sensitive, plain].map {
            .init(id: UUID(), systemID: $0, personID: anna, hasDecision: true, grantedOn: day("2025-01-10"))
        }
        w.snapshot.accessReviews = [sensitive, plain].map { .init(systemID: $0, completedOn: day("2025-08-01")) }
        let findings = w.findings(ComplianceRules.accessReview)
        #expect(findings.map(\.object.id) == [sensitive])
        let f = try #require(findings.first)
        #expect(f.requirement == "T9")
        #expect(f.detail == "overdue")
        #expect(f.dueOn == day("2026-02-01"))
        #expect(f.responsible?.personID == owner)
        // The reviewer named by the profile acts instead of the systemägare.
        w.configuration.access = GovernanceProfile.AccessRules(reviewedBy: RoleCatalogue.systemManager)
        #expect(w.findings(ComplianceRules.accessReview).first?.responsible?.name == "Frida Förvaltare")
    }

    @Test("T9: a system never reviewed is due the interval after its earliest grant; the profile's intervals apply")
    func neverReviewed() {
        var w = ComplianceTestWorld()
        let system = w.system("Procapita")  // unclassified level: counts as level 0
        let anna = w.person("Anna Användare")
        w.snapshot.accessGrants = [
            .init(id: UUID(), systemID: system, personID: anna, hasDecision: true, grantedOn: day("2025-03-01"))
        ]
        #expect(w.findings(ComplianceRules.accessReview).map(\.detail) == ["never"])
        w.configuration.accessReviewIntervals = [
            GovernanceProfile.AccessReview(levelAtLeast: 0, every: ProfileDuration(2, .years), source: nil)
        ]
        #expect(w.findings(ComplianceRules.accessReview).isEmpty)
        // A system without grants has nothing to review.
        w.snapshot.accessGrants = []
        let score = w.evaluate().rules.first { $0.descriptor.id == ComplianceRules.accessReview }?.score
        #expect(score == ComplianceScore(checked: 0, compliant: 0))
    }

    @Test("T9: a grant held by someone who has left is a finding; a last day still ahead is not")
    func leavers() {
        var w = ComplianceTestWorld()
        let system = w.system("Procapita")
        let gone = w.person("Greta Gått", active: false, leftOn: day("2026-01-31"))
        let leaving = w.person("Lena Lämnar", leftOn: day("2026-03-31"))
        let grants = [gone, leaving].map {
            ComplianceSnapshot.AccessGrant(
                id: UUID(), systemID: system, personID: $0, hasDecision: true, grantedOn: day("2025-06-01"))
        }
        w.snapshot.accessGrants = grants
        let findings = w.findings(ComplianceRules.accessLeavers)
        #expect(findings.map(\.object.id) == [grants[0].id])
        #expect(findings.first?.dueOn == day("2026-02-01"))
    }

    @Test("The review is due by the highest matching level's interval, from the last review or the first grant")
    func due() {
        let intervals = [
            GovernanceProfile.AccessReview(levelAtLeast: 0, every: ProfileDuration(1, .years), source: nil),
            GovernanceProfile.AccessReview(levelAtLeast: 3, every: ProfileDuration(6, .months), source: nil),
        ]
        #expect(
            accessReviewDue(lastReviewedOn: nil, earliestGrantOn: day("2026-01-15"), level: 4, intervals: intervals)
                == day("2026-07-15"))
        #expect(
            accessReviewDue(
                lastReviewedOn: day("2026-02-01"), earliestGrantOn: day("2020-01-01"), level: nil, intervals: intervals)
                == day("2027-02-01"))
        #expect(accessReviewDue(lastReviewedOn: nil, earliestGrantOn: nil, level: 2, intervals: intervals) == nil)
        #expect(
            accessReviewDue(lastReviewedOn: nil, earliestGrantOn: day("2026-01-01"), level: 2, intervals: []) == nil)
    }
}
