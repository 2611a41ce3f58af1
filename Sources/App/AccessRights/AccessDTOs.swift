import Foundation
import StyrbordCore
import Vapor

/// An access request as the API returns it.
struct AccessRequestResponse: Content {
    var id: UUID
    var systemId: UUID
    var personId: UUID
    var personName: String
    var accessLevel: String
    var need: String
    var usernameInSystem: String
    var status: AccessRequestStatus
    var requestedBy: String
    var requestedAt: Date
    var decidedBy: String?
    var decidedAt: Date?
    var decisionReason: String?

    init(_ r: AccessRequest, personName: String) {
        id = r.id!
        systemId = r.systemID
        personId = r.personID
        self.personName = personName
        accessLevel = r.accessLevel
        need = r.need
        usernameInSystem = r.usernameInSystem
        status = r.status
        requestedBy = r.requestedByName
        requestedAt = r.requestedAt
        decidedBy = r.decidedAt == nil ? nil : r.decidedByName
        decidedAt = r.decidedAt
        decisionReason = r.decidedAt == nil ? nil : r.decisionReason
    }
}

/// An access right as the API returns it; `awaitingConfirmation` while its holder has not confirmed the
/// security rules (L8).
struct AccessGrantResponse: Content {
    var id: UUID
    var systemId: UUID
    var personId: UUID
    var personName: String
    var accessLevel: String
    var usernameInSystem: String
    var decisionReference: String
    var hasDecision: Bool
    var requestId: UUID?
    var grantedOn: CalendarDay
    var grantedBy: String
    var isActive: Bool
    var awaitingConfirmation: Bool
    var removedAt: Date?
    var removedBy: String?
    var removalReason: String?

    init(_ g: AccessGrant, personName: String, confirmed: Bool) {
        id = g.id!
        systemId = g.systemID
        personId = g.personID
        self.personName = personName
        accessLevel = g.accessLevel
        usernameInSystem = g.usernameInSystem
        decisionReference = g.decisionReference
        hasDecision = g.hasDecision
        requestId = g.requestID
        grantedOn = g.grantedDay
        grantedBy = g.grantedByName
        isActive = g.isActive
        awaitingConfirmation = !confirmed
        removedAt = g.removedAt
        removedBy = g.removedAt == nil ? nil : g.removedByName
        removalReason = g.removedAt == nil ? nil : g.removalReason
    }
}

/// An access review with its items and, when it started from the system's account list, the accounts
/// without a grant and the grants without an account.
struct AccessReviewResponse: Content {
    struct Item: Content {
        var id: UUID
        var grantId: UUID
        var personName: String
        var accessLevel: String
        /// Nil when the review has no account list.
        var hasAccount: Bool?
        var matchedAccount: String
        var outcome: AccessReviewOutcome
        var reason: String
        var decidedBy: String?
    }

    struct Account: Content {
        var line: Int
        var username: String
        var email: String
        var name: String
    }

    var id: UUID
    var systemId: UUID
    var startedBy: String
    var startedAt: Date
    var fromAccountList: Bool
    var accountCount: Int
    var completedOn: CalendarDay?
    var completedBy: String?
    var nextDueOn: CalendarDay?
    var items: [Item]
    var accountsWithoutGrant: [Account]
    var grantsWithoutAccount: [UUID]
}

/// What starting a review takes: optionally the system's account list as CSV text.
struct StartAccessReviewRequest: Content {
    var accountsCsv: String?
}

/// A grant in force held by someone who has left: to be removed.
struct LeaverGrantResponse: Content {
    var grant: AccessGrantResponse
    var systemName: String
    var leftOn: CalendarDay?
}

struct ItemsResponse<Item: Content>: Content {
    var items: [Item]
}

/// A person's confirmation of the security rules (L8).
struct SecurityRulesConfirmationResponse: Content {
    var personId: UUID
    var confirmedAt: Date
}
