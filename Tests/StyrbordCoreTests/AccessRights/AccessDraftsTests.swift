import Foundation
import Testing

@testable import StyrbordCore

@Suite("Access requests, grants and the account list")
struct AccessDraftsTests {
    @Test("T9: a request names the person, the level and the need; each missing field is named")
    func request() {
        let issues = AccessRequestDraft(personId: nil, accessLevel: " ", need: "").checked().issues
        #expect(Set(issues.map(\.field)) == ["personId", "accessLevel", "need"])
        #expect(AccessRequestDraft(personId: UUID(), accessLevel: "Läs", need: "Handläggning").checked().issues.isEmpty)
        let long = AccessRequestDraft(
            personId: UUID(), accessLevel: String(repeating: "x", count: AccessLimits.accessLevel + 1), need: "n")
        #expect(long.checked().issues.map(\.field) == ["accessLevel"])
    }

    @Test("T9: a grant registered directly needs a decision reference unless registered as without one")
    func grantDecision() {
        let person = UUID()
        #expect(
            AccessGrantDraft(personId: person, accessLevel: "Läs").checked().issues.map(\.field) == [
                "decisionReference"
            ])
        #expect(
            AccessGrantDraft(personId: person, accessLevel: "Läs", decisionReference: "KS 2026/12").checked().issues
                .isEmpty)
        #expect(AccessGrantDraft(personId: person, accessLevel: "Läs", withoutDecision: true).checked().issues.isEmpty)
        #expect(
            AccessGrantDraft(personId: person, accessLevel: "Läs", decisionReference: "x", withoutDecision: true)
                .checked().issues.map(\.field) == ["withoutDecision"])
    }

    @Test("A decision and a removal give their reason; a reviewer's removal too, a confirmation need not")
    func reasons() {
        #expect(AccessDecisionDraft(approve: false, reason: "").checked().issues.map(\.field) == ["reason"])
        #expect(AccessRemovalDraft(reason: "  ").checked().issues.map(\.field) == ["reason"])
        #expect(AccessReviewItemDraft(outcome: .removed).checked().issues.map(\.field) == ["reason"])
        #expect(AccessReviewItemDraft(outcome: .confirmed).checked().issues.isEmpty)
        #expect(AccessReviewItemDraft(outcome: .pending).checked().issues.map(\.field) == ["outcome"])
    }

    @Test("T9: an account list reads user name, e-mail and name by their headings, with each account's line")
    func parse() throws {
        let accounts = try AccessAccountList.parse(
            "Användarnamn;E-post;Namn\nanek;anna.ek@kommun.se;Anna Ek\n\n;per.ek@kommun.se;Per Ek\n")
        #expect(accounts.map(\.username) == ["anek", ""])
        #expect(accounts.map(\.email) == ["anna.ek@kommun.se", "per.ek@kommun.se"])
        #expect(accounts.map(\.line) == [2, 4])
    }

    @Test("A bad account list is refused with the line named, and nothing is read")
    func badLists() {
        func error(_ text: String) -> CSVError? {
            do {
                _ = try AccessAccountList.parse(text)
                return nil
            } catch { return error }
        }
        #expect(error("namn;avdelning\nAnna;SOC\n")?.line == 1)
        #expect(error("username;email;name\nanek;a@k.se;\n;;Anna\n")?.line == 3)
        #expect(error("username;email\nanek;a@k.se\nx;y;z\n")?.message.en.contains("Line 3") == true)
        #expect(error("")?.line == 1)
        #expect(error("username\n\0")?.line == 1)
        #expect(error("username\n" + String(repeating: "a", count: 101) + "\n")?.line == 2)
    }
}
