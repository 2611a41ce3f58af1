import Foundation
import StyrbordCore
import Testing

/// D1, D10: governing documents' reviews, precedence and the checks on their files.
@Suite("Governing documents")
struct GoverningDocumentTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 24)!
    static let owner = UUID()
    let configuration = ComplianceConfiguration(profile: GovernanceProfile.standard)

    func report(_ documents: [ComplianceSnapshot.Document]) -> [ComplianceFinding] {
        let snapshot = ComplianceSnapshot(
            day: Self.today, people: [ComplianceSnapshot.Person(id: Self.owner, name: "Rut Riktlinje")])
        var s = snapshot
        s.documents = documents
        return ComplianceEngine(configuration: configuration).evaluate(s).findings.filter {
            $0.ruleID == ComplianceRules.documentReview
        }
    }

    func guideline(decidedOn: CalendarDay, status: DocumentStatus = .adopted) -> ComplianceSnapshot.Document {
        ComplianceSnapshot.Document(
            id: UUID(), title: "Riktlinje för lösenord", typeKey: "riktlinje", status: status,
            ownerPersonID: Self.owner, decidedOn: decidedOn)
    }

    @Test("D10: a guideline unrevised for three years is a finding for its owner, due three years after the decision")
    func guidelineUnrevised() {
        let decided = CalendarDay(year: 2023, month: 6, day: 1)!
        let findings = report([guideline(decidedOn: decided)])
        #expect(findings.count == 1)
        let f = findings.first
        #expect(f?.dueOn == CalendarDay(year: 2026, month: 6, day: 1))
        #expect(f?.responsible?.personID == Self.owner)
        #expect(f?.responsible?.basis == .owner)
        #expect(f?.requirement == "D1, D10")
        #expect(f?.object.label == "Riktlinje för lösenord")
    }

    @Test("A guideline decided two years ago, a draft and a repealed one are not findings")
    func notDue() {
        let findings = report([
            guideline(decidedOn: CalendarDay(year: 2024, month: 12, day: 1)!),
            guideline(decidedOn: CalendarDay(year: 2020, month: 1, day: 1)!, status: .draft),
            guideline(decidedOn: CalendarDay(year: 2020, month: 1, day: 1)!, status: .repealed),
        ])
        #expect(findings.isEmpty)
    }

    @Test("The document's own interval and an explicit next review override the type's")
    func ownInterval() {
        var doc = guideline(decidedOn: CalendarDay(year: 2025, month: 1, day: 1)!)
        doc.reviewEveryMonths = 12
        #expect(report([doc]).first?.dueOn == CalendarDay(year: 2026, month: 1, day: 1))
        doc.nextReviewOn = CalendarDay(year: 2027, month: 1, day: 1)
        #expect(report([doc]).isEmpty)
    }

    @Test(
        "Dates outside 1900–2199, a validity that ends before it starts and an adopted document without decision date are refused"
    )
    func draftChecks() {
        var draft = GoverningDocumentDraft(
            title: "Rutin", typeKey: "rutin", ownerPersonId: Self.owner,
            decidedOn: CalendarDay(year: 9999, month: 12, day: 31), reviewEveryMonths: 120, status: .adopted)
        #expect(draft.checked().issues.map(\.field) == ["decidedOn"])
        draft.decidedOn = nil
        draft.validFrom = CalendarDay(year: 2026, month: 1, day: 1)
        draft.validTo = CalendarDay(year: 2025, month: 1, day: 1)
        #expect(draft.checked().issues.map(\.field) == ["validTo", "decidedOn"])
    }

    @Test("D1: the security policy prevails over a guideline; the reason names the order")
    func precedence() {
        let profile = GovernanceProfile.standard
        let policy = PrecedenceCandidate(
            title: "Informationssäkerhetspolicy", typeKey: "informationssakerhetspolicy", status: .adopted)
        let guideline = PrecedenceCandidate(title: "Riktlinje för lösenord", typeKey: "riktlinje", status: .adopted)
        let answer = profile.prevailing(guideline, policy)
        #expect(answer.prevailing == 1)
        #expect(answer.reason.en.contains("Informationssäkerhetspolicy prevails over Riktlinje för lösenord"))
        var repealed = policy
        repealed.status = .repealed
        #expect(profile.prevailing(guideline, repealed).prevailing == 0)
        #expect(profile.prevailing(guideline, guideline).prevailing == nil)
        let sla = PrecedenceCandidate(title: "SLA", typeKey: "sla", status: .adopted)
        #expect(profile.prevailing(guideline, sla).prevailing == nil)
    }

    @Test("A PDF named .pdf passes; a PDF named .docx, a script named .md and hostile names are refused by field")
    func fileChecks() {
        let pdf = Array("%PDF-1.7\n...".utf8)
        #expect((try? DocumentFileCheck.check(fileName: "Policy 2026.pdf", bytes: pdf).get()) == .pdf)
        #expect((try? DocumentFileCheck.check(fileName: "rutin.md", bytes: Array("# Rutin\n".utf8)).get()) == .markdown)
        func fields(_ name: String, _ bytes: [UInt8], max: Int = DocumentFileCheck.maxBytes) -> [String] {
            if case .failure(let f) = DocumentFileCheck.check(fileName: name, bytes: bytes, maxBytes: max) {
                return f.issues.map(\.field)
            }
            return []
        }
        #expect(fields("policy.docx", pdf) == ["file"])
        #expect(fields("x.md", [0x7F, 0x45, 0x4C, 0x46, 0x00]) == ["file"])
        #expect(fields("x.exe", pdf) == ["fileName"])
        #expect(fields("../../etc/passwd.pdf", pdf) == ["fileName"])
        #expect(fields("a\u{07}b.pdf", pdf) == ["fileName"])
        #expect(fields("big.pdf", pdf, max: 4) == ["file"])
        #expect(fields("tom.pdf", []) == ["file"])
    }

    @Test("Content-Disposition carries an ASCII fallback and the UTF-8 name")
    func disposition() {
        let value = DocumentFileCheck.contentDisposition(for: "Säkerhet \"v2\".pdf")
        #expect(value == "attachment; filename=\"S_kerhet _v2_.pdf\"; filename*=UTF-8''S%C3%A4kerhet%20%22v2%22.pdf")
    }
}
