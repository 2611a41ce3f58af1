import Foundation
import Testing

@testable import StyrbordCore

@Suite("Compliance: contracts approaching their notice date (D7)")
struct ContractNoticeRuleTests {
    func world(_ contracts: (UUID) -> [ComplianceSnapshot.Contract]) -> ComplianceTestWorld {
        var w = ComplianceTestWorld()
        let system = w.system("Ekonomisystem", category: .common, owner: w.klk)
        w.staff(system)
        w.snapshot.contracts = contracts(system)
        return w
    }

    @Test("D7: a contract whose last day to give notice is within 90 days is a finding due on that day")
    func withinWindow() {
        let w = world { system in
            [
                .init(
                    id: UUID(), systemID: system, title: "Licensavtal", endsOn: CalendarDay(iso: "2026-10-31")!,
                    noticePeriodMonths: 6),
                .init(
                    id: UUID(), systemID: system, title: "Senare", endsOn: CalendarDay(iso: "2027-10-31")!,
                    noticePeriodMonths: 6),
            ]
        }
        let findings = w.findings(ComplianceRules.contractNotice)
        #expect(findings.count == 1)
        let finding = try! #require(findings.first)
        #expect(finding.object.kind == .contract && finding.object.label == "Licensavtal (Ekonomisystem)")
        #expect(finding.dueOn == CalendarDay(iso: "2026-04-30")!)
        #expect(finding.requirement == "D7" && finding.severity == .warning)
        #expect(finding.responsible?.name == "Olle Ägare")
        #expect(
            finding.message.sv
                == "Sista dag att säga upp avtalet är 2026-04-30 (6 månaders uppsägningstid före 2026-10-31).")
        let score = w.evaluate().rules.first { $0.descriptor.id == ComplianceRules.contractNotice }?.score
        #expect(score == ComplianceScore(checked: 2, compliant: 1))
    }

    @Test("D7: an automatically renewing contract is judged by its current period's notice date")
    func renewing() {
        // First period ended 2025-06-30; it renews yearly with 3 months' notice, so the current period
        // ends 2026-06-30 and notice must be given by 2026-03-30, within the window.
        var w = world { system in
            [
                .init(
                    id: UUID(), systemID: system, title: "Drift", endsOn: CalendarDay(iso: "2025-06-30")!,
                    noticePeriodMonths: 3, autoRenews: true, renewalPeriodMonths: 12)
            ]
        }
        let finding = try! #require(w.findings(ComplianceRules.contractNotice).first)
        #expect(finding.dueOn == CalendarDay(iso: "2026-03-30")!)
        #expect(
            finding.message.sv
                == "Sista dag att säga upp avtalet är 2026-03-30; annars förlängs det efter 2026-06-30 (3 månaders uppsägningstid)."
        )
        // With six months' notice this period's date has passed; the next is a year away: nothing to report.
        w.snapshot.contracts[0].noticePeriodMonths = 6
        #expect(w.findings(ComplianceRules.contractNotice).isEmpty)
    }

    @Test("D7: a contract that does not renew and ends within the window is a finding; an ended one is not")
    func ending() {
        let w = world { system in
            [
                .init(id: UUID(), systemID: system, title: "Projekt", endsOn: CalendarDay(iso: "2026-04-15")!),
                .init(id: UUID(), systemID: system, title: "Slut", endsOn: CalendarDay(iso: "2026-01-15")!),
                .init(id: UUID(), systemID: system, title: "Tillsvidare", endsOn: nil, noticePeriodMonths: 3),
            ]
        }
        let findings = w.findings(ComplianceRules.contractNotice)
        #expect(findings.map(\.detail) == ["ends"])
        #expect(findings.first?.dueOn == CalendarDay(iso: "2026-04-15")!)
        let score = w.evaluate().rules.first { $0.descriptor.id == ComplianceRules.contractNotice }?.score
        #expect(score?.checked == 1)
    }

    @Test("The next milestone rolls an automatically renewing contract forward period by period")
    func milestones() {
        let day = CalendarDay(iso: "2026-03-02")!
        let renewing = ComplianceSnapshot.Contract(
            id: UUID(), systemID: UUID(), title: "A", endsOn: CalendarDay(iso: "2020-06-30")!, noticePeriodMonths: 3,
            autoRenews: true, renewalPeriodMonths: 12)
        #expect(
            ContractNoticeRule.nextMilestone(renewing, on: day)
                == .notice(deadline: CalendarDay(iso: "2026-03-30")!, periodEnd: CalendarDay(iso: "2026-06-30")!))
        var lateNotice = renewing
        lateNotice.noticePeriodMonths = 6  // 2026-06-30 needed notice by 2025-12-30: the next period counts
        #expect(
            ContractNoticeRule.nextMilestone(lateNotice, on: day)
                == .notice(deadline: CalendarDay(iso: "2026-12-30")!, periodEnd: CalendarDay(iso: "2027-06-30")!))
    }
}
