import Foundation

/// Where an access request stands (T9: access is granted formally, on need, and the decision documented).
public enum AccessRequestStatus: String, LabelledValue {
    case pending = "vantar"
    case approved = "beviljad"
    case rejected = "avslagen"

    public var label: Localized {
        switch self {
        case .pending: Localized(sv: "Väntar på beslut", en: "Awaiting decision")
        case .approved: Localized(sv: "Beviljad", en: "Approved")
        case .rejected: Localized(sv: "Avslagen", en: "Rejected")
        }
    }
}

/// What a reviewer did with one grant in an access review.
public enum AccessReviewOutcome: String, LabelledValue {
    case pending = "ej-granskad"
    case confirmed = "bekraftad"
    case removed = "borttagen"

    public var label: Localized {
        switch self {
        case .pending: Localized(sv: "Ej granskad", en: "Not reviewed")
        case .confirmed: Localized(sv: "Bekräftad", en: "Confirmed")
        case .removed: Localized(sv: "Borttagen", en: "Removed")
        }
    }
}

/// Limits shared by the drafts, the forms and the OpenAPI document.
public enum AccessLimits {
    public static let accessLevel = 200
    public static let need = 2_000
    public static let username = 100
    public static let reference = 200
    public static let reason = 2_000
    /// An uploaded account list: at most this many bytes, characters (the API's `maxLength`) and data rows.
    public static let csvBytes = 1_000_000
    public static let csvCharacters = 300_000
    public static let csvRows = 10_000
}

/// A request for access to a system: for whom, which access level (free text or one of the system's
/// levels), and the need (T9: access only on need). Made by the person or by their manager.
public struct AccessRequestDraft: RecordDraft, Hashable, Codable {
    public var personId: UUID?
    public var accessLevel: String
    public var need: String
    /// The account name the person has or will have in the system, for the review against its export.
    public var usernameInSystem: String

    public init(personId: UUID?, accessLevel: String, need: String, usernameInSystem: String = "") {
        self.personId = personId
        self.accessLevel = accessLevel
        self.need = need
        self.usernameInSystem = usernameInSystem
    }

    enum CodingKeys: String, CodingKey { case personId, accessLevel, need, usernameInSystem }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        personId = try c.decodeIfPresent(UUID.self, forKey: .personId)
        accessLevel = try c.decode(String.self, forKey: .accessLevel)
        need = try c.decode(String.self, forKey: .need)
        usernameInSystem = try c.decodeIfPresent(String.self, forKey: .usernameInSystem) ?? ""
    }

    public func normalized() -> AccessRequestDraft {
        AccessRequestDraft(
            personId: personId, accessLevel: accessLevel.trimmed, need: need.trimmed,
            usernameInSystem: usernameInSystem.trimmed)
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        if personId == nil { v.add("personId", sv: "Välj personen som ska få behörigheten.", en: "Choose the person.") }
        v.requireText(
            accessLevel, field: "accessLevel", label: Localized(sv: "Behörighetsnivå", en: "Access level"),
            max: AccessLimits.accessLevel)
        v.requireText(need, field: "need", label: Localized(sv: "Behov", en: "Need"), max: AccessLimits.need)
        v.limit(
            usernameInSystem, field: "usernameInSystem",
            label: Localized(sv: "Användarnamn i systemet", en: "User name in the system"), max: AccessLimits.username)
        return v.issues
    }
}

/// The decision on a request: approved or rejected, and why (T9: the decision is documented).
public struct AccessDecisionDraft: RecordDraft, Hashable, Codable {
    public var approve: Bool
    public var reason: String

    public init(approve: Bool, reason: String) {
        self.approve = approve
        self.reason = reason
    }

    public func normalized() -> AccessDecisionDraft { AccessDecisionDraft(approve: approve, reason: reason.trimmed) }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(
            reason, field: "reason", label: Localized(sv: "Motivering", en: "Reason"), max: AccessLimits.reason)
        return v.issues
    }
}

/// A grant registered directly, without a request in Styrbord: it names the decision it rests on
/// (diarienummer, e-mail, ticket). Only one registered as `withoutDecision` (an import of what exists)
/// may lack it, and the compliance rule `access.decision` then reports it (T9).
public struct AccessGrantDraft: RecordDraft, Hashable, Codable {
    public var personId: UUID?
    public var accessLevel: String
    public var usernameInSystem: String
    public var decisionReference: String
    public var withoutDecision: Bool
    public var grantedOn: CalendarDay?

    public init(
        personId: UUID?, accessLevel: String, usernameInSystem: String = "", decisionReference: String = "",
        withoutDecision: Bool = false, grantedOn: CalendarDay? = nil
    ) {
        self.personId = personId
        self.accessLevel = accessLevel
        self.usernameInSystem = usernameInSystem
        self.decisionReference = decisionReference
        self.withoutDecision = withoutDecision
        self.grantedOn = grantedOn
    }

    enum CodingKeys: String, CodingKey {
        case personId, accessLevel, usernameInSystem, decisionReference, withoutDecision, grantedOn
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        personId = try c.decodeIfPresent(UUID.self, forKey: .personId)
        accessLevel = try c.decode(String.self, forKey: .accessLevel)
        usernameInSystem = try c.decodeIfPresent(String.self, forKey: .usernameInSystem) ?? ""
        decisionReference = try c.decodeIfPresent(String.self, forKey: .decisionReference) ?? ""
        withoutDecision = try c.decodeIfPresent(Bool.self, forKey: .withoutDecision) ?? false
        grantedOn = try c.decodeIfPresent(CalendarDay.self, forKey: .grantedOn)
    }

    public func normalized() -> AccessGrantDraft {
        var copy = self
        copy.accessLevel = accessLevel.trimmed
        copy.usernameInSystem = usernameInSystem.trimmed
        copy.decisionReference = decisionReference.trimmed
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        if personId == nil { v.add("personId", sv: "Välj personen som har behörigheten.", en: "Choose the person.") }
        v.requireText(
            accessLevel, field: "accessLevel", label: Localized(sv: "Behörighetsnivå", en: "Access level"),
            max: AccessLimits.accessLevel)
        v.limit(
            usernameInSystem, field: "usernameInSystem",
            label: Localized(sv: "Användarnamn i systemet", en: "User name in the system"), max: AccessLimits.username)
        v.limit(
            decisionReference, field: "decisionReference",
            label: Localized(sv: "Beslutsreferens", en: "Decision reference"), max: AccessLimits.reference)
        if decisionReference.trimmed.isEmpty && !withoutDecision {
            v.add(
                "decisionReference",
                sv:
                    "Ange beslutet behörigheten bygger på (till exempel diarienummer), eller markera att den registreras utan dokumenterat beslut.",
                en:
                    "Give the decision the grant rests on (for example a reference number), or mark it as registered without a documented decision."
            )
        }
        if withoutDecision && !decisionReference.trimmed.isEmpty {
            v.add(
                "withoutDecision", sv: "En behörighet med beslutsreferens har ett dokumenterat beslut.",
                en: "A grant with a decision reference has a documented decision.")
        }
        return v.issues
    }
}

/// Why a grant ends, or why a reviewer removes it.
public struct AccessRemovalDraft: RecordDraft, Hashable, Codable {
    public var reason: String

    public init(reason: String) { self.reason = reason }

    public func normalized() -> AccessRemovalDraft { AccessRemovalDraft(reason: reason.trimmed) }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(
            reason, field: "reason", label: Localized(sv: "Skäl", en: "Reason"), max: AccessLimits.reason)
        return v.issues
    }
}

/// The reviewer's answer for one grant in a review: keep it, or remove it (with why).
public struct AccessReviewItemDraft: RecordDraft, Hashable, Codable {
    public var outcome: AccessReviewOutcome
    public var reason: String

    public init(outcome: AccessReviewOutcome, reason: String = "") {
        self.outcome = outcome
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey { case outcome, reason }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        outcome = try c.decode(AccessReviewOutcome.self, forKey: .outcome)
        reason = try c.decodeIfPresent(String.self, forKey: .reason) ?? ""
    }

    public func normalized() -> AccessReviewItemDraft {
        AccessReviewItemDraft(outcome: outcome, reason: reason.trimmed)
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        if outcome == .pending {
            v.add("outcome", sv: "Välj om behörigheten ska vara kvar eller tas bort.", en: "Choose keep or remove.")
        }
        if outcome == .removed {
            v.requireText(
                reason, field: "reason", label: Localized(sv: "Skäl", en: "Reason"), max: AccessLimits.reason)
        } else {
            v.limit(reason, field: "reason", label: Localized(sv: "Kommentar", en: "Comment"), max: AccessLimits.reason)
        }
        return v.issues
    }
}

/// A system's own list of accounts (a CSV export), read for an access review. The heading row names the
/// columns: a user name column (`användarnamn`, `username`, `login`, `konto`, `account`) and/or an e-mail
/// column (`e-post`, `email`, `mail`), and optionally a name column (`namn`, `name`).
public enum AccessAccountList {
    static let usernameHeadings: Set<String> = [
        "användarnamn", "anvandarnamn", "username", "user", "login", "konto", "account", "userid", "user id",
        "användar-id",
    ]
    static let emailHeadings: Set<String> = ["e-post", "epost", "email", "e-mail", "mail"]
    static let nameHeadings: Set<String> = ["namn", "name", "fullständigt namn", "full name", "display name"]

    /// The accounts of the list, or an error naming the line that is wrong. Nothing is partly read.
    public static func parse(_ text: String) throws(CSVError) -> [AccessReconciliation.Account] {
        if text.utf8.count > AccessLimits.csvBytes || text.unicodeScalars.count > AccessLimits.csvCharacters {
            throw CSVError(
                line: 1,
                message: Localized(
                    sv:
                        "Filen är för stor (högst \(AccessLimits.csvBytes / 1_000_000) MB och \(AccessLimits.csvCharacters) tecken).",
                    en:
                        "The file is too large (at most \(AccessLimits.csvBytes / 1_000_000) MB and \(AccessLimits.csvCharacters) characters)."
                ))
        }
        if text.unicodeScalars.contains("\0") {
            throw CSVError(
                line: 1,
                message: Localized(
                    sv: "Filen är inte en textfil. Spara kontolistan som CSV och försök igen.",
                    en: "The file is not a text file. Save the account list as CSV and try again."))
        }
        let table = try CSV.table(text)
        func column(_ names: Set<String>) -> Int? {
            table.headers.firstIndex { names.contains($0.trimmed.lowercased()) }
        }
        let username = column(usernameHeadings)
        let email = column(emailHeadings)
        let name = column(nameHeadings)
        guard username != nil || email != nil else {
            throw CSVError(
                line: table.headerLine,
                message: Localized(
                    sv:
                        "Rad \(table.headerLine): rubrikraden saknar en kolumn för användarnamn (till exempel \"användarnamn\") eller e-post (\"e-post\").",
                    en:
                        "Line \(table.headerLine): the heading row has no column for user name (for example \"username\") or e-mail (\"email\")."
                ))
        }
        if table.rows.count > AccessLimits.csvRows {
            throw CSVError(
                line: table.rows[AccessLimits.csvRows].line,
                message: Localized(
                    sv: "Filen har fler än \(AccessLimits.csvRows) konton.",
                    en: "The file has more than \(AccessLimits.csvRows) accounts."))
        }
        var accounts: [AccessReconciliation.Account] = []
        for row in table.rows {
            func field(_ index: Int?) -> String {
                guard let index, index < row.fields.count else { return "" }
                return row.fields[index].trimmed
            }
            if row.fields.count > table.headers.count {
                throw CSVError(
                    line: row.line,
                    message: Localized(
                        sv:
                            "Rad \(row.line): raden har \(row.fields.count) fält men rubrikraden \(table.headers.count). Kontrollera avgränsare och citattecken.",
                        en:
                            "Line \(row.line): the row has \(row.fields.count) fields but the heading row \(table.headers.count). Check the delimiter and quotes."
                    ))
            }
            let account = AccessReconciliation.Account(
                username: field(username), email: field(email), name: field(name), line: row.line)
            if account.username.isEmpty && account.email.isEmpty {
                throw CSVError(
                    line: row.line,
                    message: Localized(
                        sv: "Rad \(row.line): kontot saknar både användarnamn och e-post.",
                        en: "Line \(row.line): the account has neither user name nor e-mail."))
            }
            if account.username.unicodeScalars.count > AccessLimits.username
                || account.email.unicodeScalars.count > 320 || account.name.unicodeScalars.count > 200
            {
                throw CSVError(
                    line: row.line,
                    message: Localized(
                        sv: "Rad \(row.line): ett fält är för långt.", en: "Line \(row.line): a field is too long."))
            }
            accounts.append(account)
        }
        return accounts
    }
}

/// When a system's access review is next due (T9): the interval the profile sets for the system's
/// highest KLASSA level (an unclassified system counts as level 0) after the last completed review, or,
/// before any review, after the earliest grant still in force. Nil when the profile sets no interval or
/// nothing has been granted.
public func accessReviewDue(
    lastReviewedOn: CalendarDay?, earliestGrantOn: CalendarDay?, level: Int?,
    intervals: [GovernanceProfile.AccessReview]
) -> CalendarDay? {
    let chosen = intervals.filter { $0.levelAtLeast <= (level ?? 0) }.max { $0.levelAtLeast < $1.levelAtLeast }
    guard let every = chosen?.every, let start = lastReviewedOn ?? earliestGrantOn else { return nil }
    return every.after(start)
}
