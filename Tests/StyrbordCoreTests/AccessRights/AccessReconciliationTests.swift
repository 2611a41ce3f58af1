import Foundation
import Testing

@testable import StyrbordCore

@Suite("Access review against the system's accounts")
struct AccessReconciliationTests {
    static let anna = AccessReconciliation.Grant(
        id: UUID(), usernameInSystem: "ANEK", email: "anna.ek@kommun.se", personName: "Anna Ek")
    static let per = AccessReconciliation.Grant(
        id: UUID(), usernameInSystem: "", email: "per.ek@kommun.se", personName: "Per Ek")
    static let gone = AccessReconciliation.Grant(
        id: UUID(), usernameInSystem: "slutat", email: "", personName: "Slutad Person")

    @Test("T9: accounts match grants by user name, then e-mail; the rest are named on both sides")
    func reconcile() {
        let accounts = [
            AccessReconciliation.Account(username: " anek ", email: "annan@kommun.se", line: 2),
            AccessReconciliation.Account(username: "pek", email: "Per.Ek@kommun.se", line: 3),
            AccessReconciliation.Account(username: "okand", email: "", line: 4),
            AccessReconciliation.Account(username: "", email: "", line: 5),
        ]
        let r = AccessReconciliation(accounts: accounts, grants: [Self.anna, Self.per, Self.gone])
        #expect(r.matched.map(\.grant.id) == [Self.anna.id, Self.per.id])
        #expect(r.matched.map(\.account.line) == [2, 3])
        #expect(r.accountsWithoutGrant.map(\.line) == [4, 5])
        #expect(r.grantsWithoutAccount.map(\.id) == [Self.gone.id])
    }

    @Test("Each grant is used once: two accounts with one user name leave the second without a grant")
    func once() {
        let r = AccessReconciliation(
            accounts: [.init(username: "anek", line: 2), .init(username: "ANEK", line: 3)], grants: [Self.anna])
        #expect(r.matched.map(\.account.line) == [2])
        #expect(r.accountsWithoutGrant.map(\.line) == [3])
    }
}
