import Foundation
import Testing

@testable import StyrbordCore

@Suite("Incidents: reports, the status flow and the statistics")
struct IncidentDraftTests {
    static let now = IncidentTime.parse("2026-03-02T10:00:00+01:00")!

    func draft(_ kind: IncidentKind = .operations, systems: [UUID] = []) -> IncidentDraft {
        IncidentDraft(
            kind: kind, severity: .medium, title: " Driftstopp ", description: "Servern stannade.",
            occurredAt: Self.now.addingTimeInterval(-3_600), discoveredAt: Self.now, systemIds: systems)
    }

    @Test("T9: a report needs a title and what happened; discovery comes after the incident")
    func reportChecks() {
        #expect(draft().checked().issues.isEmpty)
        #expect(draft().normalized().title == "Driftstopp")
        var d = draft()
        d.title = " "
        d.description = ""
        d.discoveredAt = d.occurredAt.addingTimeInterval(-60)
        #expect(Set(d.checked().issues.map(\.field)) == ["title", "description", "discoveredAt"])
        d = draft()
        d.occurredAt = IncidentTime.unreadable
        #expect(d.checked().issues.map(\.field) == ["occurredAt"])
    }

    @Test("F5: an access incident names the system whose managers are told")
    func accessNeedsSystem() {
        #expect(draft(.access).checked().issues.map(\.field) == ["systemIds"])
        #expect(draft(.access, systems: [UUID()]).checked().issues.isEmpty)
        let id = UUID()
        #expect(draft(.access, systems: [id, id]).normalized().systemIds == [id])
    }

    @Test("GDPR art. 33: IMY notified needs its time; not notified needs the reason")
    func imy() {
        #expect(ImyNotificationDraft(notified: true).checked().issues.map(\.field) == ["notifiedAt"])
        #expect(
            ImyNotificationDraft(notified: true, notifiedAt: Self.now, reference: "DI-2026-1").checked().issues.isEmpty)
        #expect(ImyNotificationDraft(notified: false).checked().issues.map(\.field) == ["reasonNotNotified"])
        let reason = ImyNotificationDraft(notified: false, notifiedAt: Self.now, reasonNotNotified: "Ingen risk")
        #expect(reason.checked().issues.isEmpty && reason.normalized().notifiedAt == nil)
    }

    @Test("T9: the flow goes forward; closing needs a lesson learned, reopening a reason")
    func flow() {
        #expect(IncidentStatusDraft(status: .investigating).problems(from: .reported).isEmpty)
        #expect(IncidentStatusDraft(status: .resolved).problems(from: .reported).isEmpty)
        #expect(IncidentStatusDraft(status: .reported).problems(from: .reported).map(\.field) == ["status"])
        #expect(IncidentStatusDraft(status: .closed).problems(from: .resolved).map(\.field) == ["lesson"])
        #expect(IncidentStatusDraft(status: .closed, lesson: "Rutin för utskick").problems(from: .resolved).isEmpty)
        #expect(IncidentStatusDraft(status: .investigating).problems(from: .closed).map(\.field) == ["reason"])
        #expect(IncidentStatusDraft(status: .investigating, reason: "Hände igen").problems(from: .closed).isEmpty)
        #expect(IncidentStatusDraft(status: .reported, reason: "x").problems(from: .closed).map(\.field) == ["status"])
        #expect(
            IncidentStatusDraft(status: .reported, reason: "x").problems(from: .investigating).map(\.field) == [
                "status"
            ])
    }

    @Test("T9: the statistics count each incident in the month it happened, per kind and per system")
    func statistics() {
        let a = UUID(), b = UUID()
        func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }
        let s = IncidentStatistics(
            entries: [
                .init(occurredOn: day("2026-03-01"), kind: .access, systemIDs: [a, b]),
                .init(occurredOn: day("2026-02-28"), kind: .access, systemIDs: [a]),
                .init(occurredOn: day("2025-04-01"), kind: .operations, systemIDs: []),
                // Thirteen months back: outside the twelve.
                .init(occurredOn: day("2025-03-31"), kind: .operations, systemIDs: [b]),
            ], today: day("2026-03-02"))
        #expect(s.months.first == YearMonth(year: 2025, month: 4) && s.months.last == YearMonth(year: 2026, month: 3))
        #expect(s.totals.reduce(0, +) == 3 && s.totals.last == 1 && s.totals.first == 1)
        #expect(s.byKind.first { $0.kind == .access }?.counts.suffix(2) == [1, 1])
        #expect(s.byKind.first { $0.kind == .operations }?.counts.reduce(0, +) == 1)
        #expect(s.bySystem.map(\.systemID) == [a, b])
        #expect(s.bySystem.map { $0.counts.reduce(0, +) } == [2, 1])
        #expect(YearMonth(year: 2026, month: 1).adding(months: -1) == YearMonth(year: 2025, month: 12))
    }
}
