import Foundation
import Testing

@testable import StyrbordCore

@Suite("Compliance: forums meeting as often as the profile says (D4/E2/F3)")
struct ForumCadenceRuleTests {
    /// The IT-styrgrupp (at least 4 a year, convened by the IT-chef) and each förvaltning's lokalt
    /// IT-forum (at least 4 a year, convened by its IT-samordnare); meetings counted from `countFrom`.
    func world(countFrom: CalendarDay?, meetings: [ComplianceSnapshot.Meeting]) -> ComplianceTestWorld {
        var w = ComplianceTestWorld()
        w.configuration.forumCadences = [
            .init(
                key: "it-styrgrupp", name: Localized(sv: "IT-styrgrupp", en: "IT steering group"), minPerYear: 4,
                leaderRoleKeys: [RoleCatalogue.itManager], source: "E2"),
            .init(
                key: "lokalt-it-forum", name: Localized(sv: "Lokalt IT-forum", en: "Local IT forum"), minPerYear: 4,
                isPerOrgUnit: true, leaderRoleKeys: [RoleCatalogue.itCoordinator], source: "D4"),
        ]
        w.configuration.meetingsCountFrom = countFrom
        w.snapshot.meetings = meetings
        return w
    }

    func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    @Test("A municipality that has just started counting has no findings on day one")
    func dayOne() {
        let w = world(countFrom: ComplianceTestWorld.today, meetings: [])
        #expect(w.findings(ComplianceRules.forumCadence).isEmpty)
        // Not judged before a whole interval has been counted: no forum pads the score.
        var score = w.evaluate().rules.first { $0.descriptor.id == ComplianceRules.forumCadence }?.score
        #expect(score == ComplianceScore(checked: 0, compliant: 0))
        // A year on, every forum, and the lokalt IT-forum once per förvaltning, is checked.
        var later = world(countFrom: day("2025-01-01"), meetings: [])
        later.snapshot.meetings = (1...4).flatMap { q in
            [later.klk, later.soc].map {
                ComplianceSnapshot.Meeting(
                    forumKey: "lokalt-it-forum", orgUnitID: $0, day: day("2025-0\(q * 2 + 1)-15"))
            }
                + [ComplianceSnapshot.Meeting(forumKey: "it-styrgrupp", day: day("2025-0\(q * 2 + 1)-15"))]
        }
        score = later.evaluate().rules.first { $0.descriptor.id == ComplianceRules.forumCadence }?.score
        #expect(score == ComplianceScore(checked: 3, compliant: 3))
    }

    @Test("D4/E2: no meeting for a whole interval after counting began is a finding for the convener, due that day")
    func behind() throws {
        // Counting since 2025-11-01: 121 days by 2026-03-02, so one meeting of four a year was owed on
        // 2025-11-01 + 92 days = 2026-02-01. KLK's lokalt IT-forum met; Socialförvaltningen's did not.
        var w = world(countFrom: day("2025-11-01"), meetings: [.init(forumKey: "it-styrgrupp", day: day("2026-01-20"))])
        w.snapshot.meetings.append(.init(forumKey: "lokalt-it-forum", orgUnitID: w.klk, day: day("2026-02-10")))
        let findings = w.findings(ComplianceRules.forumCadence)
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.object.kind == .forum)
        #expect(f.object.label == "Lokalt IT-forum (Socialförvaltningen)")
        #expect(f.requirement == "D4")
        #expect(f.responsible?.name == "Sara Samordnare")
        #expect(f.responsible?.roleKey == RoleCatalogue.itCoordinator)
        #expect(f.dueOn == day("2026-02-01"))
        #expect(f.message.sv.contains("har hållit 0 möten sedan 2025-11-01"))
    }

    @Test("Over a full year the count is the last twelve months: three meetings of four is a finding")
    func rollingYear() throws {
        let meetings = ["2025-04-10", "2025-08-20", "2025-12-01"].map {
            ComplianceSnapshot.Meeting(forumKey: "it-styrgrupp", day: day($0))
        }
        // An old meeting outside the twelve months does not count.
        let w = world(
            countFrom: day("2020-01-01"), meetings: meetings + [.init(forumKey: "it-styrgrupp", day: day("2025-02-01"))]
        )
        let styrgrupp = w.findings(ComplianceRules.forumCadence).filter { $0.object.label == "IT-styrgrupp" }
        let f = try #require(styrgrupp.first)
        #expect(f.requirement == "E2")
        #expect(f.responsible?.name == "Ivar IT-chef")
        // The fourth meeting was owed 365 days after the window's start.
        #expect(f.dueOn == day("2026-03-02"))
        // Four in the twelve months satisfies it.
        var w2 = w
        w2.snapshot.meetings.append(.init(forumKey: "it-styrgrupp", day: day("2026-02-15")))
        #expect(w2.findings(ComplianceRules.forumCadence).allSatisfy { $0.object.label != "IT-styrgrupp" })
    }

    @Test("Planned meetings after today do not count; a forum without a least cadence is not checked")
    func plannedAndUnset() {
        var w = world(
            countFrom: day("2025-01-01"),
            meetings: (1...6).map {
                ComplianceSnapshot.Meeting(forumKey: "it-styrgrupp", day: day("2026-0\($0 + 3)-01"))
            })
        #expect(w.findings(ComplianceRules.forumCadence).contains { $0.object.label == "IT-styrgrupp" })
        w.configuration.forumCadences = []
        #expect(w.findings(ComplianceRules.forumCadence).isEmpty)
    }

    @Test("E2: more meetings in twelve months than the profile's max_per_year is reported, at once and as information")
    func tooOften() throws {
        var w = world(
            countFrom: day("2025-01-01"),
            meetings: (1...5).map { ComplianceSnapshot.Meeting(forumKey: "it-styrgrupp", day: day("2025-12-0\($0)")) })
        w.configuration.forumCadences[0].maxPerYear = 5
        #expect(w.findings(ComplianceRules.forumCadence).allSatisfy { $0.object.label != "IT-styrgrupp" })
        w.snapshot.meetings.append(.init(forumKey: "it-styrgrupp", day: day("2026-01-10")))
        let f = try #require(w.findings(ComplianceRules.forumCadence).first { $0.object.label == "IT-styrgrupp" })
        #expect(f.detail == "cadence-max")
        #expect(f.severity == .info)
        #expect(f.message.sv.contains("högst 5 gånger om året men har hållit 6 möten"))
        // Checked once, though it is judged on both bounds.
        let score = w.evaluate().rules.first { $0.descriptor.id == ComplianceRules.forumCadence }?.score
        #expect(score?.checked == 3)
    }

    @Test("The standing is pro-rated and rounds down")
    func standing() {
        let s = ForumCadenceRule.standing(
            minPerYear: 12, meetingDays: [day("2026-01-15")], countFrom: day("2026-01-01"), on: day("2026-03-02"))
        // 60 days of 365 at twelve a year: 1.97, so one was due, and one was held.
        #expect(s == .init(from: day("2026-01-01"), held: 1, expected: 1, behindSince: nil))
        let behind = ForumCadenceRule.standing(
            minPerYear: 12, meetingDays: [], countFrom: day("2026-01-01"), on: day("2026-03-02"))
        #expect(behind.behindSince == day("2026-02-01"))
    }

    @Test("The profile's forums with a least cadence become the configuration's")
    func fromProfile() throws {
        let profile = try ShippedProfiles.profile("standard")
        let c = ComplianceConfiguration(profile: profile)
        #expect(c.forumCadences.map(\.key) == ["it-styrgrupp", "it-forum", "lokalt-it-forum"])
        #expect(c.forumCadences.first?.leaderRoleKeys == ["it-chef", "kommundirektor"])
        #expect(c.forumCadences.last?.isPerOrgUnit == true)
    }
}
