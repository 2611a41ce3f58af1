import Foundation
import StyrbordCore
import Vapor

/// A person sitting in a forum today, and in which seat.
struct ForumMemberResponse: Content {
    var personId: UUID
    var name: String
    var seat: String
    var roleKey: String
    var roleName: String

    init(_ m: ForumDirectory.Member) {
        personId = m.personID
        name = m.name
        seat = m.seat.rawValue
        roleKey = m.roleKey
        roleName = m.roleName.sv
    }
}

/// One forum's sitting (for a per-förvaltning forum, one förvaltning's) with its members and meetings.
struct ForumSittingResponse: Content {
    var orgUnitId: UUID?
    var orgUnitName: String?
    var members: [ForumMemberResponse]
    /// Meetings held this calendar year, up to today.
    var meetingsHeldThisYear: Int
}

/// A forum of the governance profile with the people who sit in it today (D4/E2/F3).
struct ForumResponse: Content {
    struct Cadence: Content {
        var minPerYear: Int?
        var maxPerYear: Int?
    }
    struct Mandate: Content {
        var action: String
        var what: String
    }

    var key: String
    var name: String
    var purpose: String?
    var isPerOrgUnit: Bool
    var chairRole: String?
    var convenerRole: String?
    var memberRoles: [String]
    var adjunctRoles: [String]
    var cadence: Cadence?
    var mandate: [Mandate]
    var source: String?
    var sittings: [ForumSittingResponse]

    init(_ forum: GovernanceProfile.Forum, sittings: [ForumSittingResponse]) {
        key = forum.key
        name = forum.name.sv
        purpose = forum.purpose?.sv
        isPerOrgUnit = forum.isPerOrgUnit
        chairRole = forum.chair
        convenerRole = forum.convener
        memberRoles = forum.members
        adjunctRoles = forum.adjunctMembers
        cadence = forum.cadence.map { Cadence(minPerYear: $0.minPerYear, maxPerYear: $0.maxPerYear) }
        mandate = forum.mandate.map { Mandate(action: $0.action.rawValue, what: $0.what.sv) }
        source = forum.source
        self.sittings = sittings
    }
}

struct ForumListResponse: Content {
    var items: [ForumResponse]
}

/// An agenda item with its minutes.
struct MeetingItemResponse: Content {
    var id: UUID
    var position: Int
    var proposalId: UUID?
    var stepKey: String?
    var title: String
    var description: String
    var outcome: StepOutcome?
    var assessments: [String: String]
    var minutes: String
    /// The proposal's decision, when the forum took it at this item.
    var decisionId: UUID?
    var recordedAt: Date?
    var recordedBy: String?

    init(_ i: MeetingItem) throws {
        id = try i.requireID()
        position = i.position
        proposalId = i.proposalID
        stepKey = i.stepKey.isEmpty ? nil : i.stepKey
        title = i.title
        description = i.description
        outcome = i.outcome
        assessments = i.assessments
        minutes = i.minutes
        decisionId = i.decisionID
        recordedAt = i.recordedAt
        recordedBy = i.hasMinutes ? i.recordedByName : nil
    }
}

/// A proposal whose next step is the forum's.
struct WaitingProposalResponse: Content {
    var proposalId: UUID
    var diarienummer: String
    var title: String
    var stepKey: String
    var step: String

    init?(_ s: ProposalState, forum: String) {
        guard let id = s.proposal.id, let next = s.workflow.step(awaiting: forum) else { return nil }
        proposalId = id
        diarienummer = s.proposal.diarienummer
        title = s.proposal.title
        stepKey = next.step.key
        step = s.workflow.describe(next.step).sv
    }
}

struct AttendanceResponse: Content {
    struct Member: Content {
        var personId: UUID
        var name: String
        var present: Bool?
    }
    var members: [Member]
    var guests: [String]
}

/// A meeting as the API shows it.
struct MeetingResponse: Content {
    var id: UUID
    var forumKey: String
    var forumName: String
    var orgUnitId: UUID?
    var date: CalendarDay
    var startTime: String
    var endTime: String
    var startsAt: Date
    var endsAt: Date
    var place: String
    var description: String
    var approved: Bool
    var approvedAt: Date?
    var approvedBy: String?
    var cancelled: Bool
    var cancelledAt: Date?
    var cancellationReason: String?
    var items: [MeetingItemResponse]?
    var attendance: AttendanceResponse?
    var members: [ForumMemberResponse]?
    var waitingProposals: [WaitingProposalResponse]?

    /// The summary of a list.
    init(_ m: Meeting, forumName: String) throws {
        let d = m.draft
        id = try m.requireID()
        forumKey = m.forumKey
        self.forumName = forumName
        orgUnitId = m.orgUnitID
        date = m.day
        startTime = d.startTime?.description ?? ""
        endTime = d.endTime?.description ?? ""
        startsAt = m.startsAt
        endsAt = m.endsAt
        place = m.place
        description = m.description
        approved = m.isApproved
        approvedAt = m.approvedAt
        approvedBy = m.isApproved ? m.approvedByName : nil
        cancelled = m.isCancelled
        cancelledAt = m.cancelledAt
        cancellationReason = m.isCancelled ? m.cancellationReason : nil
    }

    /// The whole meeting.
    init(_ s: MeetingState) throws {
        try self.init(s.meeting, forumName: s.forum.name.sv)
        items = try s.items.map(MeetingItemResponse.init)
        let present = Dictionary(s.attendance.map { ($0.personID, $0.present) }, uniquingKeysWith: { a, _ in a })
        var names = Dictionary(s.sitting.people.map { ($0.personID, $0.name) }, uniquingKeysWith: { a, _ in a })
        for a in s.attendance where names[a.personID] == nil { names[a.personID] = "" }
        let ids =
            s.sitting.people.map(\.personID)
            + s.attendance.map(\.personID).filter { id in
                !s.sitting.people.contains { $0.personID == id }
            }
        attendance = AttendanceResponse(
            members: ids.map { AttendanceResponse.Member(personId: $0, name: names[$0] ?? "", present: present[$0]) },
            guests: s.meeting.guests)
        members = s.sitting.members.map(ForumMemberResponse.init)
        waitingProposals =
            s.meeting.isApproved || s.meeting.isCancelled
            ? [] : s.waiting.compactMap { WaitingProposalResponse($0, forum: s.forum.key) }
    }
}

/// A calendar feed's new secret address, shown once.
struct CalendarFeedResponse: Content {
    var url: String
}

/// The filters of the meeting list.
struct MeetingFilter: Sendable {
    var forumKey: String?
    var orgUnitId: UUID?
    var from: CalendarDay?
    var to: CalendarDay?

    init(_ items: [(String, String)]) throws {
        var issues = ListQuery.emptyParameters(items, among: ["forumKey", "orgUnitId", "from", "to"])
        let dict = Dictionary(items, uniquingKeysWith: { a, _ in a })
        if let raw = dict["forumKey"], !raw.isEmpty { forumKey = raw }
        if let raw = dict["orgUnitId"], !raw.isEmpty {
            orgUnitId = UUID.parsing(raw)
            if orgUnitId == nil {
                issues.append(
                    ValidationIssue(field: "orgUnitId", message: Localized(sv: "Ange ett UUID.", en: "Give a UUID.")))
            }
        }
        for key in ["from", "to"] {
            guard let raw = dict[key], !raw.isEmpty else { continue }
            let day = CalendarDay(iso: raw)
            if day == nil {
                issues.append(
                    ValidationIssue(
                        field: key,
                        message: Localized(sv: "Ange ett datum som 2026-03-31.", en: "Give a date as 2026-03-31.")))
            }
            if key == "from" { from = day } else { to = day }
        }
        if !issues.isEmpty { throw InvalidQuery(issues: issues) }
    }
}
