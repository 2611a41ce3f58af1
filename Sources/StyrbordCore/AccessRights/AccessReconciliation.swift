import Foundation

/// An access review that starts from the system's own list of accounts (T9: access reviewed
/// regularly): which accounts have a documented grant, which have none, and which grants no longer
/// have an account.
public struct AccessReconciliation: Sendable {
    /// One account as the system's export lists it.
    public struct Account: Sendable, Hashable {
        /// The system's user name (login); may be empty when the export has only e-mail.
        public var username: String
        public var email: String
        public var name: String
        /// The line in the export, for messages.
        public var line: Int

        public init(username: String, email: String = "", name: String = "", line: Int) {
            self.username = username
            self.email = email
            self.name = name
            self.line = line
        }
    }

    /// A grant recorded in Styrbord, with what identifies its holder in the system.
    public struct Grant: Sendable, Hashable {
        public var id: UUID
        public var usernameInSystem: String
        public var email: String
        public var personName: String

        public init(id: UUID, usernameInSystem: String, email: String, personName: String) {
            self.id = id
            self.usernameInSystem = usernameInSystem
            self.email = email
            self.personName = personName
        }
    }

    public var matched: [(grant: Grant, account: Account)]
    /// Accounts in the system that nobody granted: each needs a decision or removal.
    public var accountsWithoutGrant: [Account]
    /// Grants whose account is gone: each grant should be ended.
    public var grantsWithoutAccount: [Grant]

    /// Matches by user name first, then by e-mail, both without case or surrounding space; each
    /// account and each grant is used once, in the order given.
    public init(accounts: [Account], grants: [Grant]) {
        func key(_ s: String) -> String? {
            let k = s.trimmed.lowercased()
            return k.isEmpty ? nil : k
        }
        var remaining = grants
        var matched: [(Grant, Account)] = []
        var unmatchedAccounts: [Account] = []
        for account in accounts {
            let byName = key(account.username).flatMap { name in
                remaining.firstIndex { key($0.usernameInSystem) == name }
            }
            let byMail = key(account.email).flatMap { mail in remaining.firstIndex { key($0.email) == mail } }
            if let index = byName ?? byMail {
                matched.append((remaining.remove(at: index), account))
            } else {
                unmatchedAccounts.append(account)
            }
        }
        self.matched = matched.map { (grant: $0.0, account: $0.1) }
        accountsWithoutGrant = unmatchedAccounts
        grantsWithoutAccount = remaining
    }
}
