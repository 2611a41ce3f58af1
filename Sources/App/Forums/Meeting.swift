import Fluent
import Foundation
import StyrbordCore

/// A meeting of one of the profile's forums (for a per-förvaltning forum, of one förvaltning's): when
/// and where, its agenda items, attendance and minutes. Approving (justera) the minutes locks it.
final class Meeting: Model, @unchecked Sendable {
    static let objectType = "meeting"
    static let schema = "meetings"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "forum_key") var forumKey: String
    @OptionalField(key: "org_unit_id") var orgUnitID: UUID?
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "place") var place: String
    @Field(key: "description") var description: String
    /// Adjungerade and other guests, by name, as a JSON array.
    @Field(key: "guests") var guestsJSON: String
    /// Bumped on every change, for the calendar feeds' SEQUENCE.
    @Field(key: "sequence") var sequence: Int
    @OptionalField(key: "approved_at") var approvedAt: Date?
    /// A cancelled meeting stays, so that calendar feeds can tell subscribers (STATUS:CANCELLED).
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @Field(key: "cancellation_reason") var cancellationReason: String
    @Field(key: "approved_by_name") var approvedByName: String
    @OptionalField(key: "approved_by_account_id") var approvedByAccountID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    /// Listed by hand, as every model here; `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $forumKey, $orgUnitID, $startsAt, $endsAt, $place, $description, $guestsJSON, $sequence,
            $approvedAt, $cancelledAt, $cancellationReason, $approvedByName, $approvedByAccountID, $createdAt,
            $updatedAt,
        ]
    }

    init() {}

    var isApproved: Bool { approvedAt != nil }
    var isCancelled: Bool { cancelledAt != nil }
    var guests: [String] { JSONText.decode(guestsJSON, as: [String].self) ?? [] }
    var day: CalendarDay { CalendarDay(startsAt) }

    /// The draft as it was scheduled, for the history and the edit form.
    var draft: MeetingDraft {
        let calendar = Self.calendar
        func time(_ date: Date) -> TimeOfDay? {
            let c = calendar.dateComponents([.hour, .minute], from: date)
            return TimeOfDay(hour: c.hour ?? 0, minute: c.minute ?? 0)
        }
        return MeetingDraft(
            forumKey: forumKey, orgUnitId: orgUnitID, date: day, startTime: time(startsAt), endTime: time(endsAt),
            place: place, description: description)
    }

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = CalendarDay.timeZone
        return c
    }()

    static let what = Localized(sv: "Mötet", en: "The meeting")
}

extension Meeting: TenantScoped {}

/// One item on a meeting's agenda: a proposal at the step it waits for the forum to take, or a free
/// item. Its minutes are the outcome (for a proposal, recorded on the proposal as that step) and a note.
final class MeetingItem: Model, @unchecked Sendable {
    static let objectType = "meeting-item"
    static let schema = "meeting_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "position") var position: Int
    @OptionalField(key: "proposal_id") var proposalID: UUID?
    /// The route step the forum takes for the proposal ("" for a free item).
    @Field(key: "step_key") var stepKey: String
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @OptionalField(key: "outcome") var outcome: StepOutcome?
    @Field(key: "assessments") var assessmentsJSON: String
    @Field(key: "minutes") var minutes: String
    /// The proposal's step record the minutes wrote.
    @OptionalField(key: "step_record_id") var stepRecordID: UUID?
    /// The proposal's decision, when the forum decided it at this item.
    @OptionalField(key: "decision_id") var decisionID: UUID?
    @OptionalField(key: "recorded_at") var recordedAt: Date?
    @Field(key: "recorded_by_name") var recordedByName: String
    @Field(key: "created_at") var createdAt: Date

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $meetingID, $position, $proposalID, $stepKey, $title, $description, $outcome,
            $assessmentsJSON, $minutes, $stepRecordID, $decisionID, $recordedAt, $recordedByName, $createdAt,
        ]
    }

    init() {}

    var assessments: [String: String] { JSONText.decode(assessmentsJSON, as: [String: String].self) ?? [:] }
    var hasMinutes: Bool { recordedAt != nil }

    static let what = Localized(sv: "Punkten", en: "The agenda item")
}

extension MeetingItem: TenantScoped {}

/// Whether a member of the forum attended a meeting.
final class MeetingAttendance: Model, @unchecked Sendable {
    static let schema = "meeting_attendance"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "present") var present: Bool

    var properties: [any AnyProperty] { [$id, $tenantID, $meetingID, $personID, $present] }

    init() {}
}

extension MeetingAttendance: TenantScoped {}

/// The secret of a calendar feed (a forum's meetings, or a person's): only its SHA-256 is stored, so
/// the address is shown once, when it is made; making a new one ends the old.
final class CalendarFeedToken: Model, @unchecked Sendable {
    static let objectType = "calendar-feed"
    static let schema = "calendar_feed_tokens"

    enum Kind: String, Codable, Sendable {
        case forum, person
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "kind") var kind: Kind
    /// The forum's key, or the person's id.
    @Field(key: "subject") var subject: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date

    var properties: [any AnyProperty] { [$id, $tenantID, $kind, $subject, $tokenHash, $createdAt] }

    init() {}
}

extension CalendarFeedToken: TenantScoped {}
