import Fluent
import Foundation
import StyrbordCore
import Vapor

/// JSON endpoints for forums, their meetings and the calendar feeds.
struct ForumsAPIController {
    @Sendable func forums(req: Request) async throws -> ForumListResponse {
        let tenant = try await req.tenant()
        let overview = try await ForumOverview.load(tenant: tenant, today: req.dependencies.today, on: req.db)
        return ForumListResponse(items: overview.profile.forums.map { overview.response($0) })
    }

    @Sendable func forum(req: Request) async throws -> ForumResponse {
        let tenant = try await req.tenant()
        let overview = try await ForumOverview.load(tenant: tenant, today: req.dependencies.today, on: req.db)
        return overview.response(try overview.forum(req.parameters.get("forumKey") ?? ""))
    }

    @Sendable func meetings(req: Request) async throws -> ListResponse<MeetingResponse> {
        let tenant = try await req.tenant()
        let query = try ListQuery.strict(req.queryItems)
        let filter = try MeetingFilter(req.queryItems)
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        var q = try Meeting.scoped(to: tenant, on: req.db)
        if let key = filter.forumKey { q = q.filter(\.$forumKey == key) }
        if let unit = filter.orgUnitId { q = q.filter(\.$orgUnitID == unit) }
        if let from = filter.from { q = q.filter(\.$startsAt >= from.startDate) }
        if let to = filter.to { q = q.filter(\.$startsAt < to.adding(days: 1).startDate) }
        let all = try await q.sort(\.$startsAt, .descending).all()
        let page = all.dropFirst(query.offset).prefix(query.perPage)
        return ListResponse(
            items: try page.map {
                try MeetingResponse($0, forumName: profile.forum($0.forumKey)?.name.sv ?? $0.forumKey)
            },
            page: query.page, perPage: query.perPage, total: all.count)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let meeting = try await MeetingRules.create(
            try req.jsonBody(MeetingDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let res = try await response(meeting, req).encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(name: .location, value: ForumRoutes.apiMeeting(tenant.slug, try meeting.requireID()))
        return res
    }

    @Sendable func show(req: Request) async throws -> MeetingResponse {
        try await response(try await load(req), req)
    }

    @Sendable func update(req: Request) async throws -> MeetingResponse {
        let meeting = try await load(req)
        let draft = try req.jsonBody(MeetingDraft.self)
        try await MeetingRules.update(
            meeting, with: draft, tenant: try await req.tenant(), actor: .from(req), on: req.db)
        return try await response(meeting, req)
    }

    @Sendable func addItem(req: Request) async throws -> Response {
        let state = try await loadState(req)
        let draft = try req.jsonBody(AgendaItemDraft.self)
        _ = try await MeetingRules.addItem(
            draft, to: state, tenant: try await req.tenant(), today: req.dependencies.today, actor: .from(req),
            on: req.db)
        return try await response(state.meeting, req).encodeResponse(status: .created, for: req)
    }

    @Sendable func removeItem(req: Request) async throws -> MeetingResponse {
        let state = try await loadState(req)
        try await MeetingRules.removeItem(try item(req, state), from: state, actor: .from(req), on: req.db)
        return try await response(state.meeting, req)
    }

    @Sendable func recordMinutes(req: Request) async throws -> MeetingResponse {
        let state = try await loadState(req)
        let item = try item(req, state)
        let draft = try req.jsonBody(MinutesDraft.self)
        try await MeetingRules.recordMinutes(
            draft, for: item, in: state, tenant: try await req.tenant(), today: req.dependencies.today,
            actor: .from(req), on: req.db)
        return try await response(state.meeting, req)
    }

    @Sendable func recordDecision(req: Request) async throws -> MeetingResponse {
        let state = try await loadState(req)
        let item = try item(req, state)
        let draft = try req.jsonBody(MeetingDecisionDraft.self)
        try await MeetingRules.recordDecision(draft, for: item, in: state, actor: .from(req), on: req.db)
        return try await response(state.meeting, req)
    }

    @Sendable func cancel(req: Request) async throws -> MeetingResponse {
        struct Body: Decodable { var reason: String? }
        let state = try await loadState(req)
        let body = try req.jsonBody(Body.self)
        try await MeetingRules.cancel(state, reason: body.reason ?? "", actor: .from(req), on: req.db)
        return try await response(state.meeting, req)
    }

    @Sendable func saveAttendance(req: Request) async throws -> MeetingResponse {
        let state = try await loadState(req)
        let draft = try req.jsonBody(AttendanceDraft.self)
        try await MeetingRules.saveAttendance(
            draft, for: state, tenant: try await req.tenant(), actor: .from(req), on: req.db)
        return try await response(state.meeting, req)
    }

    @Sendable func approve(req: Request) async throws -> MeetingResponse {
        let state = try await loadState(req)
        try await MeetingRules.approve(state, actor: .from(req), on: req.db)
        return try await response(state.meeting, req)
    }

    @Sendable func renewForumFeed(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        guard let forum = profile.forum(req.parameters.get("forumKey") ?? "") else {
            throw CommonError.notFound(what: ForumRoutes.what)
        }
        let secret = try await CalendarFeeds.renew(
            .forum, subject: forum.key, label: forum.name.sv, tenant: tenant, actor: .from(req), on: req.db)
        return try await CalendarFeedResponse(url: ForumRoutes.feed(tenant.slug, secret: secret))
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func renewPersonalFeed(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        guard let personID = req.signedIn?.account.personID,
            let person = try await Person.scoped(to: tenant, on: req.db).filter(\.$id == personID).first()
        else { throw CalendarFeeds.FeedError.noPerson }
        let secret = try await CalendarFeeds.renew(
            .person, subject: personID.uuidString, label: person.name, tenant: tenant, actor: .from(req), on: req.db)
        return try await CalendarFeedResponse(url: ForumRoutes.feed(tenant.slug, secret: secret))
            .encodeResponse(status: .created, for: req)
    }

    private func response(_ meeting: Meeting, _ req: Request) async throws -> MeetingResponse {
        try MeetingResponse(
            try await MeetingState.load(
                meeting, tenant: try await req.tenant(), today: req.dependencies.today, on: req.db))
    }

    private func load(_ req: Request) async throws -> Meeting {
        try await Meeting.find(
            try req.parameters.require("meetingID", as: UUID.self), in: try await req.tenant(), on: req.db,
            what: Meeting.what)
    }

    private func loadState(_ req: Request) async throws -> MeetingState {
        try await MeetingState.load(
            try await load(req), tenant: try await req.tenant(), today: req.dependencies.today, on: req.db)
    }

    private func item(_ req: Request, _ state: MeetingState) throws -> MeetingItem {
        guard let id = req.parameters.get("itemID").flatMap(UUID.parsing),
            let item = state.items.first(where: { $0.id == id })
        else { throw CommonError.notFound(what: MeetingItem.what) }
        return item
    }
}

/// The forums page's and list's data: the profile's forums, who sits in them, and how many meetings
/// each sitting has held this year.
struct ForumOverview: Sendable {
    var profile: GovernanceProfile
    var directory: ForumDirectory
    /// Meetings held this calendar year up to today, by forum key and förvaltning.
    var heldThisYear: [String: [UUID?: Int]]

    static func load(tenant: Tenant, today: CalendarDay, on db: any Database) async throws -> ForumOverview {
        let profile = try await ProfileRules.current(tenant, on: db).1
        let directory = try await ForumDirectory.load(tenant: tenant, profile: profile, today: today, on: db)
        let yearStart = CalendarDay(year: today.year, month: 1, day: 1)!.startDate
        let held = try await Meeting.scoped(to: tenant, on: db).filter(\.$cancelledAt == nil)
            .filter(\.$startsAt >= yearStart)
            .filter(\.$startsAt < today.adding(days: 1).startDate).all()
        var counts: [String: [UUID?: Int]] = [:]
        for m in held { counts[m.forumKey, default: [:]][m.orgUnitID, default: 0] += 1 }
        return ForumOverview(profile: profile, directory: directory, heldThisYear: counts)
    }

    func forum(_ key: String) throws -> GovernanceProfile.Forum {
        guard let forum = profile.forum(key) else { throw CommonError.notFound(what: ForumRoutes.what) }
        return forum
    }

    func held(_ forum: GovernanceProfile.Forum, _ unit: UUID?) -> Int { heldThisYear[forum.key]?[unit] ?? 0 }

    func response(_ forum: GovernanceProfile.Forum) -> ForumResponse {
        ForumResponse(
            forum,
            sittings: directory.sittings(forum).map {
                ForumSittingResponse(
                    orgUnitId: $0.orgUnitID, orgUnitName: $0.orgUnitName,
                    members: $0.members.map(ForumMemberResponse.init), meetingsHeldThisYear: held(forum, $0.orgUnitID))
            })
    }
}
