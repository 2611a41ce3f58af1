import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Everything that can go wrong with a meeting beyond its fields.
enum MeetingError: AppError {
    /// The minutes are approved (justerade): the meeting and its items are locked.
    case locked
    /// Minutes can't be approved before the meeting has begun.
    case notHeld
    /// The profile has no such forum.
    case unknownForum(String)
    /// The proposal's next step is not this forum's.
    case notWaiting(String)
    /// The proposal is on the agenda already, at this step, without minutes.
    case alreadyOnAgenda(String)
    /// An item whose minutes are recorded stays on the agenda.
    case itemHasMinutes
    /// The meeting is cancelled: nothing more is recorded at it.
    case cancelled
    /// A meeting where something was recorded has been held; it can't be cancelled.
    case heldCannotCancel
    /// A decision is recorded only at an item where the forum takes the proposal's decision.
    case notADecision

    var status: HTTPResponseStatus {
        switch self {
        case .locked, .itemHasMinutes, .cancelled, .heldCannotCancel: .conflict
        case .notHeld, .unknownForum, .notWaiting, .alreadyOnAgenda, .notADecision: .unprocessableEntity
        }
    }

    var code: String {
        switch self {
        case .locked: "meeting.locked"
        case .itemHasMinutes: "meeting.item-has-minutes"
        case .notHeld: "meeting.not-held"
        case .cancelled: "meeting.cancelled"
        case .heldCannotCancel: "meeting.held"
        case .unknownForum, .notWaiting, .alreadyOnAgenda, .notADecision: "validation.failed"
        }
    }

    var userMessage: Localized {
        switch self {
        case .locked:
            Localized(
                sv: "Mötets protokoll är justerat och kan inte ändras längre.",
                en: "The meeting's minutes are approved and can no longer be changed.")
        case .notHeld:
            Localized(
                sv: "Protokollet kan justeras först när mötet har börjat.",
                en: "The minutes can be approved only once the meeting has begun.")
        case .unknownForum(let key):
            Localized(
                sv: "Styrningsprofilen har inget forum \"\(key)\".",
                en: "The governance profile has no forum \"\(key)\".")
        case .notWaiting(let number):
            Localized(
                sv: "Förslag \(number) väntar inte på det här forumet: dess nästa steg tas av någon annan.",
                en: "Proposal \(number) is not waiting for this forum: its next step is someone else's.")
        case .alreadyOnAgenda(let number):
            Localized(
                sv: "Förslag \(number) står redan på dagordningen.", en: "Proposal \(number) is on the agenda already.")
        case .itemHasMinutes:
            Localized(
                sv: "Punkten har protokollförts och kan inte tas bort.",
                en: "The item has minutes recorded and can't be removed.")
        case .cancelled:
            Localized(sv: "Mötet är inställt.", en: "The meeting is cancelled.")
        case .heldCannotCancel:
            Localized(
                sv: "Mötet har protokoll eller närvaro och kan inte ställas in.",
                en: "The meeting has minutes or attendance and can't be cancelled.")
        case .notADecision:
            Localized(
                sv: "Forumet fattar inte beslutet om förslaget vid den här punkten; protokollför punkten i stället.",
                en: "The forum does not take the proposal's decision at this item; record its minutes instead.")
        }
    }

    var issues: [ValidationIssue] {
        switch self {
        case .unknownForum: [ValidationIssue(field: "forumKey", message: userMessage)]
        case .notWaiting, .alreadyOnAgenda: [ValidationIssue(field: "proposalId", message: userMessage)]
        case .notADecision: [ValidationIssue(field: "outcome", message: userMessage)]
        default: []
        }
    }
}

/// A meeting with everything the pages and the API show: its forum, who sits in it, the agenda with
/// each proposal's state, attendance, and the proposals waiting for the forum.
struct MeetingState: Sendable {
    var meeting: Meeting
    var forum: GovernanceProfile.Forum
    var profile: GovernanceProfile
    var sitting: ForumDirectory.Sitting
    var items: [MeetingItem]
    var attendance: [MeetingAttendance]
    /// The proposals of the items, by id, with their state now.
    var proposals: [UUID: ProposalState]
    /// Proposals whose next step is this forum's (for a per-förvaltning forum, of its förvaltning) and
    /// that are not yet on the agenda at that step.
    var waiting: [ProposalState]

    static func load(
        _ meeting: Meeting, tenant: Tenant, today: CalendarDay, on db: any Database
    ) async throws
        -> MeetingState
    {
        let profile = try await ProfileRules.current(tenant, on: db).1
        guard let forum = profile.forum(meeting.forumKey) else { throw MeetingError.unknownForum(meeting.forumKey) }
        let directory = try await ForumDirectory.load(tenant: tenant, profile: profile, today: today, on: db)
        let meetingID = try meeting.requireID()
        let items = try await MeetingItem.scoped(to: tenant, on: db).filter(\.$meetingID == meetingID)
            .sort(\.$position).all()
        let attendance = try await MeetingAttendance.scoped(to: tenant, on: db).filter(\.$meetingID == meetingID)
            .all()
        var proposals: [UUID: ProposalState] = [:]
        for id in Set(items.compactMap(\.proposalID)) {
            if let p = try await Proposal.scoped(to: tenant, on: db).filter(\.$id == id).first() {
                proposals[id] = try await ProposalState.load(p, tenant: tenant, today: today, on: db)
            }
        }
        let open = Set(items.filter { !$0.hasMinutes }.compactMap { i in i.proposalID.map { "\($0)|\(i.stepKey)" } })
        let waiting = try await MeetingRules.waiting(
            for: forum, orgUnit: meeting.orgUnitID, tenant: tenant, today: today, on: db
        ).filter { !open.contains("\($0.proposal.id!)|\($0.workflow.step(awaiting: forum.key)?.step.key ?? "")") }
        return MeetingState(
            meeting: meeting, forum: forum, profile: profile,
            sitting: directory.sitting(forum, orgUnit: meeting.orgUnitID), items: items, attendance: attendance,
            proposals: proposals, waiting: waiting)
    }
}

/// Checks and writes for meetings. The pages, the API and the tests all come through here; a proposal
/// item's minutes go through `ProposalRules.recordStep`, as a step recorded on the proposal's page does.
enum MeetingRules {
    /// The open proposals with a step for the forum to take now (their next step, or the decision when
    /// the forum decides and nothing before it is missing): for a per-förvaltning
    /// forum, only those of its förvaltning.
    static func waiting(
        for forum: GovernanceProfile.Forum, orgUnit: UUID?, tenant: Tenant, today: CalendarDay, on db: any Database
    ) async throws -> [ProposalState] {
        let open = try await Proposal.scoped(to: tenant, on: db)
            .filter(\.$status ~~ [.open, .deferred, .feasibilityStudy]).sort(\.$numberYear).sort(\.$number).all()
        var result: [ProposalState] = []
        for p in open {
            let state = try await ProposalState.load(p, tenant: tenant, today: today, on: db)
            guard state.workflow.step(awaiting: forum.key) != nil else { continue }
            if forum.isPerOrgUnit {
                guard let unit = p.orgUnitID, state.register.administration(of: unit) == orgUnit else { continue }
            }
            result.append(state)
        }
        return result
    }

    /// The draft checked against the profile: a known forum, and a förvaltning exactly when the forum is
    /// one each förvaltning has.
    static func validated(
        _ draft: MeetingDraft, tenant: Tenant, profile: GovernanceProfile, on db: any Database
    ) async throws -> (MeetingDraft, GovernanceProfile.Forum) {
        let (d, issues) = draft.checked()
        try RecordStore.check(issues)
        guard let forum = profile.forum(d.forumKey) else { throw MeetingError.unknownForum(d.forumKey) }
        if forum.isPerOrgUnit {
            let tree = OrgTree(units: try await RegisterRows.orgUnits(tenant: try tenant.requireID(), on: db))
            guard let unit = d.orgUnitId, tree.entry(unit)?.kind == .administration else {
                throw ValidationFailure(issues: [
                    ValidationIssue(
                        field: "orgUnitId",
                        message: Localized(
                            sv: "Välj förvaltningen vars \(forum.name.sv.lowercased()) möts.",
                            en: "Choose the administration whose \(forum.name.en.lowercased()) meets."))
                ])
            }
        } else if d.orgUnitId != nil {
            throw ValidationFailure(issues: [
                ValidationIssue(
                    field: "orgUnitId",
                    message: Localized(
                        sv: "\(forum.name.sv) är gemensamt för hela kommunen och har ingen förvaltning.",
                        en: "\(forum.name.en) is common to the whole municipality and has no administration."))
            ])
        }
        return (d, forum)
    }

    static func create(
        _ draft: MeetingDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws
        -> Meeting
    {
        let profile = try await ProfileRules.current(tenant, on: db).1
        let (d, forum) = try await validated(draft, tenant: tenant, profile: profile, on: db)
        try await actor.access?.runMeetings(forum: forum, orgUnit: d.orgUnitId, tenant: tenant)
        guard let interval = d.interval else { throw ValidationFailure(issues: []) }
        let tenantID = try tenant.requireID()
        return try await db.writeTransaction { tx in
            let meeting = Meeting()
            meeting.id = actor.uuid()
            meeting.tenantID = tenantID
            meeting.forumKey = d.forumKey
            meeting.orgUnitID = d.orgUnitId
            meeting.startsAt = interval.start
            meeting.endsAt = interval.end
            meeting.place = d.place
            meeting.description = d.description
            meeting.guestsJSON = "[]"
            meeting.sequence = 0
            meeting.approvedByName = ""
            meeting.cancellationReason = ""
            meeting.createdAt = actor.now()
            meeting.updatedAt = actor.now()
            try await meeting.create(on: tx)
            try await AuditLog.record(
                .create, objectType: Meeting.objectType, objectID: try meeting.requireID(),
                label: label(forum, d), tenantID: tenantID, before: MeetingDraft?.none, after: d, actor: actor,
                on: tx)
            return meeting
        }
    }

    /// Moves the meeting or changes its place and description; the forum and förvaltning stay.
    static func update(
        _ meeting: Meeting, with draft: MeetingDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws {
        try refuseIfLocked(meeting)
        let profile = try await ProfileRules.current(tenant, on: db).1
        let (d, forum) = try await validated(draft, tenant: tenant, profile: profile, on: db)
        if d.forumKey != meeting.forumKey || d.orgUnitId != meeting.orgUnitID {
            throw ValidationFailure(issues: [
                ValidationIssue(
                    field: d.forumKey != meeting.forumKey ? "forumKey" : "orgUnitId",
                    message: Localized(
                        sv: "Ett möte kan inte flyttas till ett annat forum eller en annan förvaltning.",
                        en: "A meeting can't be moved to another forum or administration."))
            ])
        }
        let before = meeting.draft
        guard before != d, let interval = d.interval else { return }
        try await db.writeTransaction { tx in
            meeting.startsAt = interval.start
            meeting.endsAt = interval.end
            meeting.place = d.place
            meeting.description = d.description
            meeting.sequence += 1
            meeting.updatedAt = actor.now()
            try await meeting.update(on: tx)
            try await AuditLog.record(
                .update, objectType: Meeting.objectType, objectID: try meeting.requireID(), label: label(forum, d),
                tenantID: meeting.tenantID, before: before, after: d, actor: actor, on: tx)
        }
    }

    /// Puts a waiting proposal (at the step it waits for) or a free item on the agenda.
    static func addItem(
        _ draft: AgendaItemDraft, to state: MeetingState, tenant: Tenant, today: CalendarDay, actor: AuditActor,
        on db: any Database
    ) async throws -> MeetingItem {
        let meeting = state.meeting
        try refuseIfLocked(meeting)
        let (d, issues) = draft.checked()
        try RecordStore.check(issues)
        var title = d.title
        var stepKey = ""
        if let proposalID = d.proposalId {
            guard let proposal = try await Proposal.scoped(to: tenant, on: db).filter(\.$id == proposalID).first()
            else {
                throw ValidationFailure(issues: [
                    ValidationIssue(
                        field: "proposalId",
                        message: Localized(sv: "Förslaget finns inte.", en: "The proposal does not exist."))
                ])
            }
            try ProposalRules.refuseIfSettled(proposal)
            let waiting = try await waiting(
                for: state.forum, orgUnit: meeting.orgUnitID, tenant: tenant, today: today, on: db)
            guard let found = waiting.first(where: { $0.proposal.id == proposalID }),
                let next = found.workflow.step(awaiting: state.forum.key)
            else { throw MeetingError.notWaiting(proposal.diarienummer) }
            stepKey = next.step.key
            if state.items.contains(where: { $0.proposalID == proposalID && $0.stepKey == stepKey && !$0.hasMinutes }) {
                throw MeetingError.alreadyOnAgenda(proposal.diarienummer)
            }
            if title.isEmpty {
                title = "\(proposal.diarienummer) \(proposal.title) – \(found.workflow.describe(next.step).sv)"
            }
        }
        let position = (state.items.map(\.position).max() ?? 0) + 1
        let item = MeetingItem()
        item.id = actor.uuid()
        item.tenantID = meeting.tenantID
        item.meetingID = try meeting.requireID()
        item.position = position
        item.proposalID = d.proposalId
        item.stepKey = stepKey
        item.title = String(title.unicodeScalars.prefix(AgendaItemDraft.maxTitle))
        item.description = d.description
        item.assessmentsJSON = "{}"
        item.minutes = ""
        item.recordedByName = ""
        item.createdAt = actor.now()
        let snapshot = d
        try await db.writeTransaction { tx in
            try await item.create(on: tx)
            try await bump(meeting, actor: actor, on: tx)
            try await AuditLog.record(
                .create, objectType: MeetingItem.objectType, objectID: try item.requireID(),
                label: "\(state.forum.name.sv) \(meeting.day): \(item.title)", tenantID: meeting.tenantID,
                before: AgendaItemDraft?.none, after: snapshot, actor: actor, on: tx)
        }
        return item
    }

    static func removeItem(
        _ item: MeetingItem, from state: MeetingState, actor: AuditActor, on db: any Database
    )
        async throws
    {
        try refuseIfLocked(state.meeting)
        if item.hasMinutes { throw MeetingError.itemHasMinutes }
        let before = AgendaItemDraft(proposalId: item.proposalID, title: item.title, description: item.description)
        try await db.writeTransaction { tx in
            try await item.delete(on: tx)
            try await bump(state.meeting, actor: actor, on: tx)
            try await AuditLog.record(
                .delete, objectType: MeetingItem.objectType, objectID: try item.requireID(),
                label: "\(state.forum.name.sv) \(state.meeting.day): \(item.title)", tenantID: item.tenantID,
                before: before, after: AgendaItemDraft?.none, actor: actor, on: tx)
        }
    }

    /// What the minutes say about an item. For a proposal the outcome and assessments are recorded as its
    /// step, through `ProposalRules.recordStep` in the same transaction, so the proposal moves on.
    static func recordMinutes(
        _ draft: MinutesDraft, for item: MeetingItem, in state: MeetingState, tenant: Tenant, today: CalendarDay,
        actor: AuditActor, on db: any Database
    ) async throws {
        try refuseIfLocked(state.meeting)
        let (d, issues) = draft.checked()
        try RecordStore.check(issues)
        var proposalState: ProposalState?
        if let proposalID = item.proposalID {
            guard let outcome = d.outcome else {
                throw ValidationFailure(issues: [
                    ValidationIssue(field: "outcome", message: Localized(sv: "Välj utfall.", en: "Choose the outcome."))
                ])
            }
            let proposal = try await Proposal.find(proposalID, in: tenant, on: db, what: Proposal.what)
            let loaded = try await ProposalState.load(proposal, tenant: tenant, today: today, on: db)
            proposalState = loaded
            // Checked here too, so that the form shows every problem at once.
            if let step = loaded.workflow.steps.first(where: { $0.step.key == item.stepKey })?.step {
                let checks = StepRecordDraft(
                    stepKey: item.stepKey, outcome: outcome, assessments: d.assessments, note: d.note
                ).validate(against: step)
                try RecordStore.check(checks)
            }
        } else if d.outcome != nil || !d.assessments.isEmpty {
            throw ValidationFailure(issues: [
                ValidationIssue(
                    field: "outcome",
                    message: Localized(
                        sv: "En fri punkt har inget utfall; skriv protokollsanteckningen.",
                        en: "A free item has no outcome; write the minutes."))
            ])
        }
        let before = MinutesDraft(outcome: item.outcome, assessments: item.assessments, note: item.minutes)
        let snapshot = d
        let loadedState = proposalState
        try await db.writeTransaction { tx in
            if let proposalState = loadedState, let outcome = snapshot.outcome {
                try await ProposalRules.recordStep(
                    StepRecordDraft(
                        stepKey: item.stepKey, outcome: outcome, assessments: snapshot.assessments,
                        note: snapshot.note),
                    for: proposalState, actor: actor, on: tx)
                item.stepRecordID = try await ProposalStepRecord.query(on: tx)
                    .filter(\.$proposalID == proposalState.proposal.requireID()).sort(\.$position, .descending)
                    .first()?.id
            }
            item.outcome = snapshot.outcome
            item.assessmentsJSON = JSONText.encode(snapshot.assessments)
            item.minutes = snapshot.note
            item.recordedAt = actor.now()
            item.recordedByName = actor.name
            try await item.update(on: tx)
            try await bump(state.meeting, actor: actor, on: tx)
            try await AuditLog.record(
                .update, objectType: MeetingItem.objectType, objectID: try item.requireID(),
                label: "\(state.forum.name.sv) \(state.meeting.day): \(item.title)", tenantID: item.tenantID,
                before: before, after: snapshot, message: "Protokoll", actor: actor, on: tx)
        }
    }

    /// Who attended: members present or absent, and guests. Replaces what was recorded.
    static func saveAttendance(
        _ draft: AttendanceDraft, for state: MeetingState, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws {
        let meeting = state.meeting
        try refuseIfLocked(meeting)
        let (d, issues) = draft.checked()
        try RecordStore.check(issues)
        let ids = Set(d.members.map(\.personId))
        let known = Set(
            try await Person.scoped(to: tenant, on: db).filter(\.$id ~~ ids).field(\.$id).all().compactMap(\.id))
        let unknown = d.members.enumerated().filter { !known.contains($0.element.personId) }
        if !unknown.isEmpty {
            throw ValidationFailure(
                issues: unknown.map {
                    ValidationIssue(
                        field: "members[\($0.offset)].personId",
                        message: Localized(sv: "Personen finns inte.", en: "The person does not exist."))
                })
        }
        let before = AttendanceDraft(
            members: state.attendance.map { AttendanceDraft.Entry(personId: $0.personID, present: $0.present) }
                .sorted { $0.personId.uuidString < $1.personId.uuidString }, guests: meeting.guests)
        let after = AttendanceDraft(
            members: d.members.sorted { $0.personId.uuidString < $1.personId.uuidString }, guests: d.guests)
        guard before != after else { return }
        let meetingID = try meeting.requireID()
        try await db.writeTransaction { tx in
            try await MeetingAttendance.query(on: tx).filter(\.$meetingID == meetingID).delete()
            for entry in after.members {
                let row = MeetingAttendance()
                row.id = actor.uuid()
                row.tenantID = meeting.tenantID
                row.meetingID = meetingID
                row.personID = entry.personId
                row.present = entry.present
                try await row.create(on: tx)
            }
            meeting.guestsJSON = JSONText.encode(after.guests)
            try await bump(meeting, actor: actor, on: tx)
            try await AuditLog.record(
                .update, objectType: Meeting.objectType, objectID: meetingID,
                label: "\(state.forum.name.sv) \(meeting.day): närvaro", tenantID: meeting.tenantID, before: before,
                after: after, message: "Närvaro", actor: actor, on: tx)
        }
    }

    /// Approves (justerar) the minutes: from then on the meeting and its items are locked.
    static func approve(_ state: MeetingState, actor: AuditActor, on db: any Database) async throws {
        let meeting = state.meeting
        try refuseIfLocked(meeting)
        if meeting.startsAt > actor.now() { throw MeetingError.notHeld }
        struct Approval: Encodable { var approvedAt: Date?; var approvedBy: String }
        try await db.writeTransaction { tx in
            meeting.approvedAt = actor.now()
            meeting.approvedByName = actor.name
            meeting.approvedByAccountID = actor.accountID
            try await bump(meeting, actor: actor, on: tx)
            try await AuditLog.record(
                .update, objectType: Meeting.objectType, objectID: try meeting.requireID(),
                label: "\(state.forum.name.sv) \(meeting.day): protokoll justerat", tenantID: meeting.tenantID,
                before: Approval(approvedAt: nil, approvedBy: ""),
                after: Approval(approvedAt: meeting.approvedAt, approvedBy: actor.name),
                message: "Protokollet justerat", actor: actor, on: tx)
        }
    }

    static func refuseIfLocked(_ meeting: Meeting) throws {
        if meeting.isApproved { throw MeetingError.locked }
        if meeting.isCancelled { throw MeetingError.cancelled }
    }

    /// Whether the item is where the forum takes its proposal's decision.
    static func isDecision(_ item: MeetingItem, in state: MeetingState) -> Bool {
        guard let id = item.proposalID, let proposal = state.proposals[id] else { return false }
        return proposal.workflow.decisionStep?.step.key == item.stepKey
    }

    /// The forum decides the proposal at its meeting (E4/E5: the IT-styrgrupp): the decision is the
    /// proposal's, recorded through `ProposalRules.decide` in the same transaction, with the forum as the
    /// deciding body and the meeting's day as the date; the item's minutes hold the reasons.
    static func recordDecision(
        _ draft: MeetingDecisionDraft, for item: MeetingItem, in state: MeetingState, actor: AuditActor,
        on db: any Database
    ) async throws {
        try refuseIfLocked(state.meeting)
        guard isDecision(item, in: state), let proposalID = item.proposalID, let proposal = state.proposals[proposalID]
        else { throw MeetingError.notADecision }
        let unit = state.sitting.orgUnitName.map { " (\($0))" } ?? ""
        let (made, issues) = draft.decision(body: state.forum.name.sv + unit, on: state.meeting.day)
        var all = issues
        if let made { all += made.checked().1 }
        try RecordStore.check(all)
        guard let decision = made else { return }
        let reasons: String = decision.normalized().reasons
        let message: String = "Beslut: " + decision.outcome.label.sv
        try await db.writeTransaction { tx in
            try await writeDecision(
                decision, proposal: proposal, item: item, state: state, reasons: reasons,
                message: message, actor: actor, on: tx)
        }
    }

    private static func writeDecision(
        _ decision: DecisionDraft, proposal: ProposalState, item: MeetingItem, state: MeetingState,
        reasons: String, message: String, actor: AuditActor, on tx: any Database
    ) async throws {
        try await ProposalRules.decide(decision, for: proposal, actor: actor, on: tx)
        let proposalID = try proposal.proposal.requireID()
        let recorded = try await ProposalDecision.query(on: tx).filter(\.$proposalID == proposalID)
            .sort(\.$position, .descending).first()
        item.decisionID = recorded?.id
        item.minutes = reasons
        item.recordedAt = actor.now()
        item.recordedByName = actor.name
        try await item.update(on: tx)
        try await bump(state.meeting, actor: actor, on: tx)
        try await AuditLog.record(
            .update, objectType: MeetingItem.objectType, objectID: try item.requireID(),
            label: "\(state.forum.name.sv) \(state.meeting.day): \(item.title)", tenantID: item.tenantID,
            before: DecisionDraft?.none, after: decision, message: message, actor: actor, on: tx)
    }

    /// Cancels a meeting nothing has been recorded at: it stays, marked cancelled, so calendar feeds tell
    /// subscribers, and it no longer counts as held.
    static func cancel(_ state: MeetingState, reason: String, actor: AuditActor, on db: any Database) async throws {
        let meeting = state.meeting
        try refuseIfLocked(meeting)
        if state.items.contains(where: \.hasMinutes) || !state.attendance.isEmpty {
            throw MeetingError.heldCannotCancel
        }
        var v = Validator()
        v.limit(reason, field: "reason", label: Localized(sv: "Anledning", en: "Reason"), max: 1_000)
        try RecordStore.check(v.issues)
        struct Cancellation: Encodable {
            var cancelledAt: Date?
            var reason: String
        }
        try await db.writeTransaction { tx in
            meeting.cancelledAt = actor.now()
            meeting.cancellationReason = reason.trimmed
            try await bump(meeting, actor: actor, on: tx)
            try await AuditLog.record(
                .update, objectType: Meeting.objectType, objectID: try meeting.requireID(),
                label: "\(state.forum.name.sv) \(meeting.day): inställt", tenantID: meeting.tenantID,
                before: Cancellation(cancelledAt: nil, reason: ""),
                after: Cancellation(cancelledAt: meeting.cancelledAt, reason: meeting.cancellationReason),
                message: "Mötet inställt", actor: actor, on: tx)
        }
    }

    private static func bump(_ meeting: Meeting, actor: AuditActor, on db: any Database) async throws {
        meeting.sequence += 1
        meeting.updatedAt = actor.now()
        try await meeting.update(on: db)
    }

    static func label(_ forum: GovernanceProfile.Forum, _ d: MeetingDraft) -> String {
        "\(forum.name.sv) \(d.date?.iso ?? "")"
    }
}
