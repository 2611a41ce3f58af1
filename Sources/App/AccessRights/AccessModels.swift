import Fluent
import Foundation
import StyrbordCore

/// A request for access to a system (T9): for a person, an access level and the need; made by the person
/// or their manager, decided (approved or rejected, with a reason) by whoever the profile names.
final class AccessRequest: Model, @unchecked Sendable {
    static let objectType = "access-request"
    static let schema = "access_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "system_id") var systemID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "access_level") var accessLevel: String
    @Field(key: "need") var need: String
    @Field(key: "username_in_system") var usernameInSystem: String
    @Field(key: "status") var status: AccessRequestStatus
    @OptionalField(key: "requested_by_account_id") var requestedByAccountID: UUID?
    @Field(key: "requested_by_name") var requestedByName: String
    @Field(key: "requested_at") var requestedAt: Date
    @OptionalField(key: "decided_by_account_id") var decidedByAccountID: UUID?
    @Field(key: "decided_by_name") var decidedByName: String
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Field(key: "decision_reason") var decisionReason: String

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $systemID, $personID, $accessLevel, $need, $usernameInSystem, $status,
            $requestedByAccountID, $requestedByName, $requestedAt, $decidedByAccountID, $decidedByName, $decidedAt,
            $decisionReason,
        ]
    }

    init() {}

    var draft: AccessRequestDraft {
        AccessRequestDraft(personId: personID, accessLevel: accessLevel, need: need, usernameInSystem: usernameInSystem)
    }

    static let what = Localized(sv: "Ansökan", en: "The request")
}

extension AccessRequest: TenantScoped {}

/// An access right (behörighet) a person holds in a system: from an approved request, or registered
/// directly with the decision it rests on (or, imported as such, without one: `access.decision` reports
/// it). Ended by removal: who, when, why. Removed grants stay as history.
final class AccessGrant: Model, @unchecked Sendable {
    static let objectType = "access-grant"
    static let schema = "access_grants"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "system_id") var systemID: UUID
    @Field(key: "person_id") var personID: UUID
    @OptionalField(key: "request_id") var requestID: UUID?
    @Field(key: "access_level") var accessLevel: String
    @Field(key: "username_in_system") var usernameInSystem: String
    @Field(key: "decision_reference") var decisionReference: String
    /// T9: false only for a grant registered or imported without a documented decision.
    @Field(key: "has_decision") var hasDecision: Bool
    @Field(key: "granted_on") var grantedOn: String
    @Field(key: "granted_by_name") var grantedByName: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "removed_at") var removedAt: Date?
    @Field(key: "removed_by_name") var removedByName: String
    @Field(key: "removal_reason") var removalReason: String

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $systemID, $personID, $requestID, $accessLevel, $usernameInSystem, $decisionReference,
            $hasDecision, $grantedOn, $grantedByName, $createdAt, $removedAt, $removedByName, $removalReason,
        ]
    }

    init() {}

    var isActive: Bool { removedAt == nil }
    var grantedDay: CalendarDay { CalendarDay(iso: grantedOn) ?? CalendarDay(createdAt) }

    /// What the history records of a grant.
    struct Snapshot: Codable, Sendable, Equatable {
        var personId: UUID
        var accessLevel: String
        var usernameInSystem: String
        var decisionReference: String
        var hasDecision: Bool
        var grantedOn: String
        var requestId: UUID?
    }

    var snapshot: Snapshot {
        Snapshot(
            personId: personID, accessLevel: accessLevel, usernameInSystem: usernameInSystem,
            decisionReference: decisionReference, hasDecision: hasDecision, grantedOn: grantedOn, requestId: requestID)
    }

    static let what = Localized(sv: "Behörigheten", en: "The access right")
}

extension AccessGrant: TenantScoped {}

/// A person's confirmation that they have read the security rules (L8), asked for with their first grant.
final class SecurityRulesConfirmation: Model, @unchecked Sendable {
    static let objectType = "security-rules-confirmation"
    static let schema = "security_rules_confirmations"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "confirmed_at") var confirmedAt: Date
    @OptionalField(key: "account_id") var accountID: UUID?

    var properties: [any AnyProperty] { [$id, $tenantID, $personID, $confirmedAt, $accountID] }

    init() {}
}

extension SecurityRulesConfirmation: TenantScoped {}

/// An access review (behörighetsgranskning, T9) of one system: the grants in force when it started, each
/// confirmed or removed by the reviewer; optionally started from the system's own account list, whose
/// accounts without a grant are kept with the review. Completing it records the day and the next due day.
final class AccessReview: Model, @unchecked Sendable {
    static let objectType = "access-review"
    static let schema = "access_reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "system_id") var systemID: UUID
    @Field(key: "started_by_name") var startedByName: String
    @Field(key: "started_at") var startedAt: Date
    /// Whether the system's account list was uploaded, and how many accounts it had.
    @Field(key: "from_account_list") var fromAccountList: Bool
    @Field(key: "account_count") var accountCount: Int
    /// JSON list of the accounts without a grant (`UnmatchedAccount`); "[]" when none or no list.
    @Field(key: "unmatched_accounts") var unmatchedAccountsJSON: String
    @OptionalField(key: "completed_on") var completedOn: String?
    @Field(key: "completed_by_name") var completedByName: String
    @OptionalField(key: "next_due_on") var nextDueOn: String?

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $systemID, $startedByName, $startedAt, $fromAccountList, $accountCount,
            $unmatchedAccountsJSON, $completedOn, $completedByName, $nextDueOn,
        ]
    }

    init() {}

    /// An account of the system's list that no grant matched.
    struct UnmatchedAccount: Codable, Sendable, Hashable {
        var line: Int
        var username: String
        var email: String
        var name: String
    }

    var unmatchedAccounts: [UnmatchedAccount] {
        JSONText.decode(unmatchedAccountsJSON, as: [UnmatchedAccount].self) ?? []
    }
    var isCompleted: Bool { completedOn != nil }
    var completedDay: CalendarDay? { completedOn.flatMap(CalendarDay.init(iso:)) }

    static let what = Localized(sv: "Granskningen", en: "The review")
}

extension AccessReview: TenantScoped {}

/// One grant in a review: confirmed, removed or not yet reviewed; `hasAccount` is false when the review
/// started from an account list in which the grant's holder had no account.
final class AccessReviewItem: Model, @unchecked Sendable {
    static let objectType = "access-review-item"
    static let schema = "access_review_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "review_id") var reviewID: UUID
    @Field(key: "grant_id") var grantID: UUID
    @OptionalField(key: "has_account") var hasAccount: Bool?
    @Field(key: "matched_account") var matchedAccount: String
    @Field(key: "outcome") var outcome: AccessReviewOutcome
    @Field(key: "reason") var reason: String
    @Field(key: "decided_by_name") var decidedByName: String
    @OptionalField(key: "decided_at") var decidedAt: Date?

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $reviewID, $grantID, $hasAccount, $matchedAccount, $outcome, $reason, $decidedByName,
            $decidedAt,
        ]
    }

    init() {}

    static let what = Localized(sv: "Granskningsraden", en: "The review item")
}

extension AccessReviewItem: TenantScoped {}
