import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML pages and form posts for forums and meetings.
struct ForumsController {
    static func cadenceText(_ cadence: GovernanceProfile.Cadence?, _ ctx: PageContext) -> String {
        switch (cadence?.minPerYear, cadence?.maxPerYear) {
        case (let min?, let max?) where min == max: ctx.t("\(min) gånger om året", "\(min) times a year")
        case (let min?, let max?): ctx.t("\(min)–\(max) gånger om året", "\(min)–\(max) times a year")
        case (let min?, nil): ctx.t("minst \(min) gånger om året", "at least \(min) times a year")
        case (nil, let max?): ctx.t("högst \(max) gånger om året", "at most \(max) times a year")
        case (nil, nil): ctx.t("Anges inte", "Not set")
        }
    }

    @Sendable func index(req: Request) async throws -> Response {
        try await indexPage(req, newFeedURL: nil)
    }

    private func indexPage(_ req: Request, newFeedURL: String?) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        let overview = try await ForumOverview.load(tenant: tenant, today: req.dependencies.today, on: req.db)
        var rows: [ForumsIndexPage.Row] = []
        for forum in overview.profile.forums {
            for s in overview.directory.sittings(forum) {
                rows.append(
                    ForumsIndexPage.Row(
                        key: forum.key, name: ctx.t(forum.name), sitting: s.orgUnitName,
                        leaders: s.members.filter { $0.seat == .chair || $0.seat == .convener }.map(\.name),
                        memberCount: s.people.count, cadence: Self.cadenceText(forum.cadence, ctx),
                        heldThisYear: overview.held(forum, s.orgUnitID), minPerYear: forum.cadence?.minPerYear))
            }
        }
        let model = ForumsIndexPage.Model(
            tenantSlug: tenant.slug, rows: rows, hasPerson: req.signedIn?.account.personID != nil,
            newFeedURL: newFeedURL)
        return ForumsIndexPage(model: model, ctx: ctx).render()
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await showPage(req, newFeedURL: nil)
    }

    private func showPage(_ req: Request, newFeedURL: String?) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        let today = req.dependencies.today
        let overview = try await ForumOverview.load(tenant: tenant, today: today, on: req.db)
        let forum = try overview.forum(req.parameters.get("forumKey") ?? "")
        let tree = overview.directory.tree
        let meetings = try await Meeting.scoped(to: tenant, on: req.db).filter(\.$forumKey == forum.key)
            .sort(\.$startsAt, .descending).all()
        let rows = meetings.map { m in
            ForumShowPage.MeetingRow(
                id: m.id!, when: "\(m.day.iso) \(m.draft.startTime?.description ?? "")",
                sitting: tree.name(m.orgUnitID),
                place: m.place, isApproved: m.isApproved)
        }
        var waiting: [(String, String, UUID, String)] = []
        for s in overview.directory.sittings(forum) {
            for p in try await MeetingRules.waiting(
                for: forum, orgUnit: s.orgUnitID, tenant: tenant, today: today, on: req.db)
            {
                guard let next = p.workflow.step(awaiting: forum.key) else { continue }
                waiting.append(
                    (p.proposal.diarienummer, p.proposal.title, p.proposal.id!, ctx.t(p.workflow.describe(next.step))))
            }
        }
        let canRun = await req.can(.runMeetings(try await AccessFacts.forum(forum, orgUnit: nil, tenant, req)))
        let model = ForumShowPage.Model(
            tenantSlug: tenant.slug, forum: forum, profile: overview.profile,
            sittings: overview.directory.sittings(forum), held: overview.heldThisYear[forum.key] ?? [:],
            meetings: rows, waiting: waiting.map { (diarienummer: $0.0, title: $0.1, id: $0.2, step: $0.3) },
            canRun: canRun, newFeedURL: newFeedURL)
        return ForumShowPage(model: model, ctx: ctx).render()
    }

    @Sendable func renewForumFeed(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        guard let forum = profile.forum(req.parameters.get("forumKey") ?? "") else {
            throw CommonError.notFound(what: ForumRoutes.what)
        }
        let secret = try await CalendarFeeds.renew(
            .forum, subject: forum.key, label: forum.name.sv, tenant: tenant, actor: .from(req), on: req.db)
        return try await showPage(req, newFeedURL: absolute(req, ForumRoutes.feed(tenant.slug, secret: secret)))
    }

    @Sendable func renewPersonalFeed(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        guard let personID = req.signedIn?.account.personID,
            let person = try await Person.scoped(to: tenant, on: req.db).filter(\.$id == personID).first()
        else { throw CalendarFeeds.FeedError.noPerson }
        let secret = try await CalendarFeeds.renew(
            .person, subject: personID.uuidString, label: person.name, tenant: tenant, actor: .from(req), on: req.db)
        return try await indexPage(req, newFeedURL: absolute(req, ForumRoutes.feed(tenant.slug, secret: secret)))
    }

    /// The address as a calendar program needs it: with the host the request came to.
    private func absolute(_ req: Request, _ path: String) -> String {
        guard let host = req.headers.first(name: .host) else { return path }
        return "http\(req.application.http.server.configuration.tlsConfiguration == nil ? "" : "s")://\(host)\(path)"
    }

    // MARK: Scheduling

    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let forum = try await forum(req, tenant)
        return try await form(
            req, tenant, forum: forum, meeting: nil, values: FormData(), errors: FormErrors(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let forum = try await forum(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            let (draft, issues) = Self.meetingDraft(from: values, forumKey: forum.key)
            try RecordStore.check(issues)
            let meeting = try await MeetingRules.create(draft, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: ForumRoutes.meeting(tenant.slug, try meeting.requireID()), flash: .created)
        } showErrors: { errors in
            try await form(
                req, tenant, forum: forum, meeting: nil, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let meeting = try await load(req, tenant)
        try MeetingRules.refuseIfLocked(meeting)
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        guard let forum = profile.forum(meeting.forumKey) else { throw CommonError.notFound(what: Meeting.what) }
        return try await form(
            req, tenant, forum: forum, meeting: meeting, values: Self.values(from: meeting.draft), errors: FormErrors(),
            status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let meeting = try await load(req, tenant)
        let values = try req.formData()
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        guard let forum = profile.forum(meeting.forumKey) else { throw CommonError.notFound(what: Meeting.what) }
        return try await FormSubmission.handle {
            var (draft, issues) = Self.meetingDraft(from: values, forumKey: forum.key)
            draft.orgUnitId = meeting.orgUnitID
            try RecordStore.check(issues.filter { $0.field != "orgUnitId" })
            try await MeetingRules.update(meeting, with: draft, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: ForumRoutes.meeting(tenant.slug, try meeting.requireID()), flash: .saved)
        } showErrors: { errors in
            try await form(
                req, tenant, forum: forum, meeting: meeting, values: values, errors: errors,
                status: .unprocessableEntity)
        }
    }

    private func form(
        _ req: Request, _ tenant: Tenant, forum: GovernanceProfile.Forum, meeting: Meeting?, values: FormData,
        errors: FormErrors, status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let tree = try await req.registerContext(for: tenant).orgTree
        let heading =
            meeting == nil
            ? ctx.t("Planera möte: \(ctx.t(forum.name))", "Schedule a meeting: \(ctx.t(forum.name))")
            : ctx.t("Ändra mötet", "Change the meeting")
        var crumbs = [
            Breadcrumb(title: ctx.t("Forum", "Forums"), url: ForumRoutes.index(tenant.slug)),
            Breadcrumb(title: ctx.t(forum.name), url: ForumRoutes.show(tenant.slug, forum.key)),
        ]
        if let meeting {
            crumbs.append(Breadcrumb(title: meeting.day.iso, url: ForumRoutes.meeting(tenant.slug, meeting.id!)))
        }
        crumbs.append(Breadcrumb(title: meeting == nil ? ctx.t("Nytt möte", "New meeting") : ctx.t("Ändra", "Edit")))
        let labels = [
            "orgUnitId": ctx.t("Förvaltning", "Administration"), "date": ctx.t("Datum", "Date"),
            "startTime": ctx.t("Börjar", "Starts"), "endTime": ctx.t("Slutar", "Ends"),
            "place": ctx.t("Plats", "Place"),
            "description": ctx.t("Beskrivning", "Description"),
        ]
        let administrations = tree.entries.filter { $0.kind == .administration }.map { ($0.id.uuidString, $0.name) }
        let model = RecordFormPage.Model(
            heading: heading, breadcrumbs: crumbs, section: .forums,
            action: meeting.map { ForumRoutes.editMeeting(tenant.slug, $0.id!) }
                ?? ForumRoutes.meetings(tenant.slug, forum.key),
            cancelURL: meeting.map { ForumRoutes.meeting(tenant.slug, $0.id!) }
                ?? ForumRoutes.show(tenant.slug, forum.key),
            submitLabel: meeting == nil
                ? ctx.t("Planera mötet", "Schedule the meeting") : ctx.t("Spara ändringar", "Save changes"),
            values: values, errors: errors, labels: labels, intro: nil)
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                .if(
                    forum.isPerOrgUnit && meeting == nil,
                    f.select(
                        "orgUnitId", label: labels["orgUnitId"]!, options: administrations,
                        emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true)),
                f.input(
                    "date", label: labels["date"]!, type: "date", hint: ctx.t("Som 2026-03-31.", "As 2026-03-31."),
                    required: true),
                f.input(
                    "startTime", label: labels["startTime"]!, type: "time", hint: ctx.t("Som 09:30.", "As 09:30."),
                    required: true),
                f.input(
                    "endTime", label: labels["endTime"]!, type: "time", hint: ctx.t("Som 11:00.", "As 11:00."),
                    required: true),
                f.input("place", label: labels["place"]!),
                f.textarea("description", label: labels["description"]!, rows: 3))
        }.render(status: status)
    }

    // MARK: The meeting page

    @Sendable func meeting(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        return try await meetingPage(req, tenant, try await load(req, tenant), failed: nil, status: .ok)
    }

    @Sendable func addItem(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let meeting = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            let state = try await MeetingState.load(meeting, tenant: tenant, today: req.dependencies.today, on: req.db)
            let raw = values["proposalId"]
            let proposalID = UUID.parsing(raw)
            if !raw.isEmpty && proposalID == nil {
                throw ValidationFailure(issues: [
                    ValidationIssue(
                        field: "proposalId", message: Localized(sv: "Välj ett förslag.", en: "Choose a proposal."))
                ])
            }
            let draft = AgendaItemDraft(
                proposalId: proposalID, title: values.untrimmed("title"), description: values.untrimmed("description"))
            do {
                _ = try await MeetingRules.addItem(
                    draft, to: state, tenant: tenant, today: req.dependencies.today, actor: .from(req), on: req.db)
            } catch let error as MeetingError where !error.issues.isEmpty {
                throw ValidationFailure(issues: error.issues)
            }
            return req.redirect(
                to: ForumRoutes.meeting(tenant.slug, try meeting.requireID()) + "#agenda", flash: .saved)
        } showErrors: { errors in
            try await meetingPage(req, tenant, meeting, failed: .init(form: .addItem, values: values, errors: errors))
        }
    }

    @Sendable func removeItem(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let meeting = try await load(req, tenant)
        let state = try await MeetingState.load(meeting, tenant: tenant, today: req.dependencies.today, on: req.db)
        try await MeetingRules.removeItem(try item(req, state), from: state, actor: .from(req), on: req.db)
        return req.redirect(to: ForumRoutes.meeting(tenant.slug, try meeting.requireID()) + "#agenda", flash: .deleted)
    }

    @Sendable func recordMinutes(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let meeting = try await load(req, tenant)
        let values = try req.formData()
        let state = try await MeetingState.load(meeting, tenant: tenant, today: req.dependencies.today, on: req.db)
        let item = try item(req, state)
        let p = "item\(item.position)."
        return try await FormSubmission.handle {
            var issues: [ValidationIssue] = []
            let rawOutcome = values[p + "outcome"]
            let outcome = StepOutcome(rawValue: rawOutcome)
            if !rawOutcome.isEmpty && outcome == nil {
                issues.append(
                    ValidationIssue(field: "outcome", message: Localized(sv: "Välj utfall.", en: "Choose the outcome."))
                )
            }
            var assessments: [String: String] = [:]
            for (key, list) in values.raw where key.hasPrefix(p + "assessments.") {
                assessments[String(key.dropFirst((p + "assessments.").count))] = list.first ?? ""
            }
            let draft = MinutesDraft(outcome: outcome, assessments: assessments, note: values.untrimmed(p + "note"))
            try await Self.namingItemFields(p) {
                try RecordStore.check(issues)
                try await MeetingRules.recordMinutes(
                    draft, for: item, in: state, tenant: tenant, today: req.dependencies.today, actor: .from(req),
                    on: req.db)
            }
            return req.redirect(
                to: ForumRoutes.meeting(tenant.slug, try meeting.requireID()) + "#agenda", flash: .saved)
        } showErrors: { errors in
            try await meetingPage(
                req, tenant, meeting, failed: .init(form: .minutes(item.id!), values: values, errors: errors))
        }
    }

    /// The forum's decision on a proposal at the item (E4/E5), with the chair's name, reasons and conditions.
    @Sendable func recordDecision(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let meeting = try await load(req, tenant)
        let values = try req.formData()
        let state = try await MeetingState.load(meeting, tenant: tenant, today: req.dependencies.today, on: req.db)
        let item = try item(req, state)
        let p = "item\(item.position)."
        return try await FormSubmission.handle {
            let raw = values[p + "outcome"]
            let draft = MeetingDecisionDraft(
                outcome: DecisionOutcome(rawValue: raw), decidedByPerson: values.untrimmed(p + "decidedByPerson"),
                delegation: values.untrimmed(p + "delegation"), reasons: values.untrimmed(p + "reasons"),
                conditions: values.untrimmed(p + "conditions"))
            try await Self.namingItemFields(p) {
                try await MeetingRules.recordDecision(draft, for: item, in: state, actor: .from(req), on: req.db)
            }
            return req.redirect(
                to: ForumRoutes.meeting(tenant.slug, try meeting.requireID()) + "#agenda", flash: .saved)
        } showErrors: { errors in
            try await meetingPage(
                req, tenant, meeting, failed: .init(form: .minutes(item.id!), values: values, errors: errors))
        }
    }

    @Sendable func cancel(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let meeting = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            let state = try await MeetingState.load(meeting, tenant: tenant, today: req.dependencies.today, on: req.db)
            do {
                try await MeetingRules.cancel(state, reason: values.untrimmed("reason"), actor: .from(req), on: req.db)
            } catch MeetingError.heldCannotCancel {
                throw ValidationFailure(issues: [
                    ValidationIssue(field: "reason", message: MeetingError.heldCannotCancel.userMessage)
                ])
            }
            return req.redirect(to: ForumRoutes.meeting(tenant.slug, try meeting.requireID()), flash: .saved)
        } showErrors: { errors in
            try await meetingPage(req, tenant, meeting, failed: .init(form: .cancel, values: values, errors: errors))
        }
    }

    @Sendable func saveAttendance(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let meeting = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            let state = try await MeetingState.load(meeting, tenant: tenant, today: req.dependencies.today, on: req.db)
            let present = Set(values.all("present"))
            // Every member of the sitting is recorded, present or absent.
            let draft = AttendanceDraft(
                members: state.sitting.people.map {
                    AttendanceDraft.Entry(personId: $0.personID, present: present.contains($0.personID.uuidString))
                },
                guests: values.untrimmed("guests").split(whereSeparator: \.isNewline).map(String.init))
            try await MeetingRules.saveAttendance(draft, for: state, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(
                to: ForumRoutes.meeting(tenant.slug, try meeting.requireID()) + "#attendance", flash: .saved)
        } showErrors: { errors in
            try await meetingPage(
                req, tenant, meeting, failed: .init(form: .attendance, values: values, errors: errors))
        }
    }

    @Sendable func approve(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let meeting = try await load(req, tenant)
        return try await FormSubmission.handle {
            let state = try await MeetingState.load(meeting, tenant: tenant, today: req.dependencies.today, on: req.db)
            do {
                try await MeetingRules.approve(state, actor: .from(req), on: req.db)
            } catch MeetingError.notHeld {
                throw ValidationFailure(issues: [
                    ValidationIssue(field: "approve", message: MeetingError.notHeld.userMessage)
                ])
            }
            return req.redirect(to: ForumRoutes.meeting(tenant.slug, try meeting.requireID()), flash: .saved)
        } showErrors: { errors in
            try await meetingPage(
                req, tenant, meeting, failed: .init(form: .approve, values: FormData(), errors: errors))
        }
    }

    /// Runs an item's write and names the fields of what it refuses as the item's form names them
    /// (`item3.reasons`): a proposal's refusal (steps missing) is shown at the item's outcome.
    private static func namingItemFields(_ p: String, _ write: () async throws -> Void) async throws {
        func prefixed(_ issues: [ValidationIssue], field: String? = nil) -> ValidationFailure {
            ValidationFailure(
                issues: issues.map {
                    var i = $0
                    i.field = p + (field ?? i.field)
                    return i
                })
        }
        do {
            try await write()
        } catch let failure as ValidationFailure {
            throw prefixed(failure.issues)
        } catch let error as ProposalError where !error.issues.isEmpty {
            throw prefixed(error.issues, field: "outcome")
        } catch let error as MeetingError where !error.issues.isEmpty {
            throw prefixed(error.issues)
        }
    }

    private func meetingPage(
        _ req: Request, _ tenant: Tenant, _ meeting: Meeting, failed: MeetingShowPage.FailedForm?,
        status: HTTPResponseStatus = .unprocessableEntity
    ) async throws -> Response {
        let state = try await MeetingState.load(meeting, tenant: tenant, today: req.dependencies.today, on: req.db)
        let canRun = await req.can(
            .runMeetings(try await AccessFacts.forum(state.forum, orgUnit: meeting.orgUnitID, tenant, req)))
        let model = MeetingShowPage.Model(
            tenantSlug: tenant.slug, state: state, orgUnitName: state.sitting.orgUnitName, canRun: canRun,
            failed: failed)
        return MeetingShowPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render(status: status)
    }

    // MARK: Reading

    private func forum(_ req: Request, _ tenant: Tenant) async throws -> GovernanceProfile.Forum {
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        guard let forum = profile.forum(req.parameters.get("forumKey") ?? "") else {
            throw CommonError.notFound(what: ForumRoutes.what)
        }
        return forum
    }

    private func load(_ req: Request, _ tenant: Tenant) async throws -> Meeting {
        try await Meeting.find(
            try req.parameters.require("meetingID", as: UUID.self), in: tenant, on: req.db, what: Meeting.what)
    }

    private func item(_ req: Request, _ state: MeetingState) throws -> MeetingItem {
        guard let id = req.parameters.get("itemID").flatMap(UUID.parsing),
            let item = state.items.first(where: { $0.id == id })
        else { throw CommonError.notFound(what: MeetingItem.what) }
        return item
    }

    static func values(from d: MeetingDraft) -> FormData {
        FormData([
            "orgUnitId": [d.orgUnitId?.uuidString ?? ""], "date": [d.date?.iso ?? ""],
            "startTime": [d.startTime?.description ?? ""], "endTime": [d.endTime?.description ?? ""],
            "place": [d.place], "description": [d.description],
        ])
    }

    /// The meeting form's draft, and what could not be read (a date or time in the wrong form).
    static func meetingDraft(from f: FormData, forumKey: String) -> (MeetingDraft, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let date = FormParser.day(f, "date", &issues)
        func time(_ name: String) -> TimeOfDay? {
            let raw = f[name]
            guard !raw.isEmpty else { return nil }
            // Browsers may send seconds ("09:30:00").
            let t = TimeOfDay(raw.count == 8 && raw.hasSuffix(":00") ? String(raw.prefix(5)) : raw)
            if t == nil {
                issues.append(
                    ValidationIssue(
                        field: name, message: Localized(sv: "Ange en tid som 09:30.", en: "Enter a time such as 09:30.")
                    ))
            }
            return t
        }
        let draft = MeetingDraft(
            forumKey: forumKey, orgUnitId: UUID.parsing(f["orgUnitId"]), date: date, startTime: time("startTime"),
            endTime: time("endTime"), place: f.untrimmed("place"), description: f.untrimmed("description"))
        let checks = draft.checked().issues.filter { c in !issues.contains { $0.field == c.field } }
        return (draft, issues + checks)
    }
}
