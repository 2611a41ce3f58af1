import Foundation
import Testing

@testable import StyrbordCore

@Suite("Compliance: open incidents past their deadlines (T9)")
struct IncidentDeadlineRuleTests {
    func at(_ iso: String) -> Date { IncidentTime.parse(iso)! }

    @Test("T9: a personal data breach not reported to IMY within 72 hours, and without a reason, is a finding")
    func breach() throws {
        var w = ComplianceTestWorld()
        let system = w.system("Procapita")
        let owner = w.staff(system)
        // Discovered Thursday 26 February 09:00: due Sunday 1 March 09:00, judged on Monday 2 March.
        w.snapshot.incidents = [
            .init(
                id: UUID(), title: "Fel mottagare", kind: .personalDataBreach,
                discoveredAt: at("2026-02-26T09:00:00+01:00"), reportedOn: CalendarDay(iso: "2026-02-26")!,
                systemIDs: [system])
        ]
        let finding = try #require(w.findings(ComplianceRules.incidentDeadline).first)
        #expect(finding.detail == "imy" && finding.dueOn == CalendarDay(iso: "2026-03-01"))
        #expect(finding.responsible?.personID == owner && finding.requirement == "T9")
        #expect(finding.object.kind == .incident && finding.object.systemID == system)
        // A reason recorded, or the notification, settles it.
        w.snapshot.incidents[0].imy = .notNotified
        #expect(w.findings(ComplianceRules.incidentDeadline).isEmpty)
        w.snapshot.incidents[0].imy = .notified
        #expect(w.findings(ComplianceRules.incidentDeadline).isEmpty)
        // Still within the day the 72 hours run out: not yet (the page shows it to the minute).
        w.snapshot.incidents[0].imy = .pending
        w.snapshot.incidents[0].discoveredAt = at("2026-02-27T09:00:00+01:00")
        #expect(w.findings(ComplianceRules.incidentDeadline).isEmpty)
        // Any other kind has no IMY deadline.
        w.snapshot.incidents[0].discoveredAt = at("2026-02-20T09:00:00+01:00")
        w.snapshot.incidents[0].kind = .access
        #expect(w.findings(ComplianceRules.incidentDeadline).isEmpty)
    }

    @Test("T9: actions past their day and incidents open longer than the profile allows are findings")
    func actionsAndAge() throws {
        var w = ComplianceTestWorld()
        w.snapshot.incidents = [
            .init(
                id: UUID(), title: "Driftstopp", kind: .operations, discoveredAt: at("2026-02-20T09:00:00+01:00"),
                reportedOn: CalendarDay(iso: "2026-02-20")!,
                openActions: [
                    .init(dueOn: CalendarDay(iso: "2026-03-01")), .init(dueOn: CalendarDay(iso: "2026-02-25")),
                    .init(dueOn: CalendarDay(iso: "2026-03-02")), .init(dueOn: nil),
                ])
        ]
        let action = try #require(w.findings(ComplianceRules.incidentDeadline).first)
        #expect(action.detail == "action" && action.dueOn == CalendarDay(iso: "2026-02-25"))
        #expect(action.message.en.hasPrefix("2 actions are overdue"))
        // With no systems, the IT-chef under the chain acts.
        #expect(action.responsible == nil || action.responsible?.basis == .tenant)

        w.snapshot.incidents[0].openActions = []
        #expect(w.findings(ComplianceRules.incidentDeadline).isEmpty)
        w.configuration.incidentOpenDays = 7
        let open = try #require(w.findings(ComplianceRules.incidentDeadline).first)
        #expect(open.detail == "open" && open.dueOn == CalendarDay(iso: "2026-02-27"))
        // The score counts every open incident.
        let score = w.evaluate().rules.first { $0.descriptor.id == ComplianceRules.incidentDeadline }?.score
        #expect(score == ComplianceScore(checked: 1, compliant: 0))
    }

    @Test("The profile's incidents section sets how long an incident may stay open; 90 days without one")
    func fromProfile() throws {
        let yaml =
            ProfileValidatorTests.base + """
                incidents:
                  open_at_most: {days: 30}
                  handlers: [it-chef]
                  access_notify: [systemagare]
                  breach_notify: []
                  source: T9
                """
        #expect(ProfileValidator.validate(yaml: yaml).isEmpty)
        let profile = try #require(ProfileValidator.check(yaml: yaml).profile)
        #expect(profile.incidents.handlers == ["it-chef"] && profile.incidents.breachNotify.isEmpty)
        #expect(ComplianceConfiguration(profile: profile).incidentOpenDays == 30)
        #expect(ComplianceConfiguration(profile: profile).incidentSource == "T9")
        let plain = try #require(ProfileValidator.check(yaml: ProfileValidatorTests.base).profile)
        #expect(ComplianceConfiguration(profile: plain).incidentOpenDays == 90)
        #expect(plain.incidents.accessNotify == [RoleCatalogue.systemOwner, RoleCatalogue.systemManager])
    }

    @Test("The incidents section names roles that exist; access incidents go to system roles (F5)")
    func invalidSection() {
        let problems = ProfileValidator.validate(
            yaml: ProfileValidatorTests.base + """
                incidents:
                  open_at_most: {days: 0}
                  handlers: [dpo]
                  access_notify: [it-chef]
                """
        ).map(\.description)
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.contains { $0.contains("\"dpo\"") })
        #expect(problems.contains { $0.contains("access_notify names system roles") })
    }
}
