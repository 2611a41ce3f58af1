import Fluent
import Foundation
import StyrbordCore

/// One notice in a person's inbox (issue 6): a document they must read, an access incident their
/// system has had, a deadline coming. Each area posts through `Notifier`; the e-mail copy, when the
/// person has an address and SMTP is configured, is sent after the write commits (the outbox state).
final class Notice: Model, @unchecked Sendable {
    static let objectType = "notice"
    static let schema = "notices"

    /// Whether the e-mail copy still has to go, went, or is not wanted.
    enum EmailState: String, Codable, Sendable, CaseIterable {
        case pending, sent, failed, none
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "person_id") var personID: UUID
    /// What the notice is about, a dotted key such as `document.changed` or `incident.access`.
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    /// A path inside the tenant, e.g. `/t/ale/documents/…`, or "".
    @Field(key: "link") var link: String
    /// The record the notice concerns, so an area can find (and count) its own notices.
    @Field(key: "subject_type") var subjectType: String
    @OptionalField(key: "subject_id") var subjectID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?
    @Field(key: "email_state") var emailState: EmailState
    @Field(key: "email_attempts") var emailAttempts: Int
    @OptionalField(key: "emailed_at") var emailedAt: Date?
    /// After a failed attempt: not before this instant (backoff). Nil: as soon as the delivery runs.
    @OptionalField(key: "email_next_attempt_at") var emailNextAttemptAt: Date?
    /// The last failure, as the SMTP server or the network said it; "" when none.
    @OptionalField(key: "email_error") var emailError: String?

    /// Listed by hand, as every model here; `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $personID, $kind, $title, $body, $link, $subjectType, $subjectID, $createdAt, $readAt,
            $emailState, $emailAttempts, $emailedAt, $emailNextAttemptAt, $emailError,
        ]
    }

    init() {}

    var isRead: Bool { readAt != nil }
}

extension Notice: TenantScoped {}
