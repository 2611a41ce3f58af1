import Foundation
import Testing

@testable import StyrbordCore

@Suite("Draft validation")
struct DraftValidationTests {
    @Test("Normalising trims text, drops empty and repeated aliases and tags, lower-cases tags")
    func normalize() {
        var d = ITSystemDraft(name: "  Procapita ", category: .business)
        d.aliases = ["Lifecare", " ", "lifecare", "IFO-systemet"]
        d.tags = [" Socialtjänst", "socialtjänst", "", "Vård"]
        let n = d.normalized()
        #expect(n.name == "Procapita")
        #expect(n.aliases == ["Lifecare", "IFO-systemet"])
        #expect(n.tags == ["socialtjänst", "vård"])
    }

    @Test("checked() measures text as submitted and names the submitted list position; other checks see tidy text")
    func checkedMeasuresSubmittedText() {
        var d = ITSystemDraft(name: "  Procapita  ", category: .business)
        d.aliases = ["", " ", "\t" + String(repeating: "a", count: 200)]
        d.documentationLinks = [ITSystemDraft.Link(title: " Manual ", url: " https://example.se/manual ")]
        let (tidy, issues) = d.checked()
        #expect(tidy.aliases == [String(repeating: "a", count: 200)])
        #expect(issues.map(\.field) == ["aliases[2]"])  // not aliases[0], and the trimmed URL passes
        #expect(tidy.normalized().validate().isEmpty)
    }

    @Test("Contradictions are named by field: dates out of order, in-house with an operator, AI class without AI")
    func contradictions() {
        var d = ITSystemDraft(name: "X", category: .common)
        d.productionStartOn = CalendarDay(iso: "2020-01-01")
        d.decommissionedOn = CalendarDay(iso: "2019-01-01")
        d.lifecycleStatus = .inProduction
        d.operatorSupplierId = UUID()
        d.ai.riskClass = .high
        d.classification.classifiedOn = CalendarDay(iso: "2024-05-01")
        d.classification.validUntil = CalendarDay(iso: "2024-05-01")
        let fields = d.validate().map(\.field)
        #expect(fields.filter { $0 == "decommissionedOn" }.count == 2)  // before start, and not decommissioned
        #expect(Set(fields) == ["decommissionedOn", "operatorSupplierId", "ai.riskClass", "classification.validUntil"])
    }

    @Test("A contract's last day to give notice is its end less the notice period")
    func noticeDeadline() {
        let c = ContractDraft(
            systemId: UUID(), title: "Licens", endsOn: CalendarDay(iso: "2027-03-31"), noticePeriodMonths: 9)
        #expect(c.noticeDeadline?.iso == "2026-06-30")
        #expect(ContractDraft(systemId: UUID(), title: "Löpande").noticeDeadline == nil)
    }

    @Test("A role for the wrong kind of scope, or ending before it starts, is refused")
    func roleAssignment() {
        let d = RoleAssignmentDraft(
            roleTypeId: UUID(), personId: UUID(), scope: .system, scopeId: nil,
            validFrom: CalendarDay(iso: "2026-01-01")!, validTo: CalendarDay(iso: "2025-12-31"))
        #expect(Set(d.validate(roleScope: .tenant).map(\.field)) == ["scope", "scopeId", "validTo"])
    }
}
