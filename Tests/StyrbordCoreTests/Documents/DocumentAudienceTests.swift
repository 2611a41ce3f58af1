import Foundation
import StyrbordCore
import Testing

/// L8: whom a governing document concerns, and when an unconfirmed reading becomes a finding.
@Suite("Governing documents: audience and read confirmations")
struct DocumentAudienceTests {
    let social = UUID(), home = UUID(), klk = UUID()
    let sten = UUID(), siv = UUID(), kalle = UUID(), olle = UUID()

    var active: [(person: UUID, orgUnit: UUID?)] {
        [(sten, home), (siv, social), (kalle, klk), (olle, nil)]
    }
    var parentOf: [UUID: UUID] { [home: social] }

    @Test("L8: a chosen unit reaches its own people and its sub-units'; a chosen role its holders; everyone all")
    func people() {
        let unit = DocumentAudienceDraft(everyone: false, orgUnitIds: [social])
        #expect(unit.people(active: active, parentOf: parentOf, roleHolders: []) == [sten, siv])
        let sub = DocumentAudienceDraft(everyone: false, orgUnitIds: [home])
        #expect(sub.people(active: active, parentOf: parentOf, roleHolders: []) == [sten])
        let role = DocumentAudienceDraft(everyone: false, roleTypeIds: [UUID()])
        #expect(role.people(active: active, parentOf: parentOf, roleHolders: [olle]) == [olle])
        let all = DocumentAudienceDraft(everyone: true)
        #expect(all.people(active: active, parentOf: parentOf, roleHolders: []) == [sten, siv, kalle, olle])
    }

    @Test("A cycle in the org tree does not loop forever")
    func cycle() {
        let a = UUID(), b = UUID()
        let draft = DocumentAudienceDraft(everyone: false, orgUnitIds: [social])
        #expect(draft.people(active: [(sten, a)], parentOf: [a: b, b: a], roleHolders: []).isEmpty)
    }

    @Test("Everyone with units, or nothing chosen, is refused by field; duplicates are dropped")
    func validation() {
        let both = DocumentAudienceDraft(everyone: true, orgUnitIds: [social]).checked().issues
        #expect(both.map(\.field) == ["everyone"])
        let none = DocumentAudienceDraft(everyone: false).checked().issues
        #expect(none.map(\.field) == ["orgUnitIds"])
        let twice = DocumentAudienceDraft(everyone: false, orgUnitIds: [social, social]).checked()
        #expect(twice.issues.isEmpty && twice.draft.orgUnitIds == [social])
    }

    static let today = CalendarDay(year: 2026, month: 11, day: 24)!
    static let owner = UUID()

    func unread(
        _ pending: [ComplianceSnapshot.PendingReading], published: Bool = true, days: Int? = nil
    )
        -> (findings: [ComplianceFinding], checked: Int)
    {
        var s = ComplianceSnapshot(
            day: Self.today, people: [ComplianceSnapshot.Person(id: Self.owner, name: "Rut Riktlinje")])
        s.documents = [
            ComplianceSnapshot.Document(
                id: Self.document, title: "Informationssäkerhetspolicy", typeKey: "informationssakerhetspolicy",
                status: .adopted, ownerPersonID: Self.owner, decidedOn: Self.today, isPublished: published)
        ]
        s.pendingReadings = pending
        var configuration = ComplianceConfiguration.standard
        if let days { configuration.readConfirmationDays = days }
        let report = ComplianceEngine(configuration: configuration).evaluate(s)
        return (
            report.findings.filter { $0.ruleID == ComplianceRules.documentUnread },
            report.rules.first { $0.descriptor.id == ComplianceRules.documentUnread }?.score.checked ?? -1
        )
    }
    static let document = UUID()

    @Test("L8: confirmations missing 15 days after being asked are one finding for the owner, due after 14 days")
    func overdue() {
        let asked = Self.today.adding(days: -15)
        let (findings, checked) = unread([
            .init(documentID: Self.document, requestedOn: asked, count: 3),
            .init(documentID: Self.document, requestedOn: Self.today, count: 5),
        ])
        #expect(checked == 1)
        #expect(findings.count == 1)
        #expect(findings.first?.requirement == "L8" && findings.first?.dueOn == asked.adding(days: 14))
        #expect(findings.first?.responsible?.personID == Self.owner && findings.first?.responsible?.basis == .owner)
        #expect(findings.first?.message.sv.hasPrefix("3 personer") == true)
    }

    @Test("Asked 14 days ago is not yet overdue; an unpublished document is not checked; the days are configurable")
    func notYet() {
        let asked = Self.today.adding(days: -14)
        #expect(unread([.init(documentID: Self.document, requestedOn: asked, count: 2)]).findings.isEmpty)
        let hidden = unread([.init(documentID: Self.document, requestedOn: asked, count: 2)], published: false)
        #expect(hidden.findings.isEmpty && hidden.checked == 0)
        #expect(unread([.init(documentID: Self.document, requestedOn: asked, count: 2)], days: 7).findings.count == 1)
    }
}
