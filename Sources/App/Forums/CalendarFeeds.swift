import Fluent
import Foundation
import StyrbordCore
import Vapor

/// The calendar feeds (RFC 5545) of a forum's meetings and of a person's (as a member of the forums):
/// each at a secret address whose secret is stored only as its SHA-256, like API tokens. Renewing makes
/// a new secret and ends the old one.
enum CalendarFeeds {
    /// `cal_` and 43 URL-safe characters.
    static let prefix = "cal_"

    enum FeedError: AppError {
        /// The signed-in account is not linked to a person, so it has no meetings of its own.
        case noPerson

        var status: HTTPResponseStatus { .conflict }
        var code: String { "calendar.no-person" }
        var userMessage: Localized {
            Localized(
                sv: "Ditt konto är inte kopplat till en person i registret och har därför inga egna möten.",
                en: "Your account is not linked to a person in the register, so it has no meetings of its own.")
        }
    }

    /// Makes a new secret for the feed, ending any earlier one. Returns the secret, shown once.
    static func renew(
        _ kind: CalendarFeedToken.Kind, subject: String, label: String, tenant: Tenant, actor: AuditActor,
        on db: any Database
    ) async throws -> String {
        let tenantID = try tenant.requireID()
        let secret = prefix + Secrets.make()
        struct Feed: Encodable {
            var kind: String
            var subject: String
            var createdAt: Date
        }
        try await db.writeTransaction { tx in
            let existing = try await CalendarFeedToken.scoped(to: tenant, on: tx).filter(\.$kind == kind)
                .filter(\.$subject == subject).first()
            let token = existing ?? CalendarFeedToken()
            let before = existing.map { Feed(kind: kind.rawValue, subject: subject, createdAt: $0.createdAt) }
            if existing == nil {
                token.id = actor.uuid()
                token.tenantID = tenantID
                token.kind = kind
                token.subject = subject
            }
            token.tokenHash = Secrets.hash(secret)
            token.createdAt = actor.now()
            try await token.save(on: tx)
            try await AuditLog.record(
                existing == nil ? .create : .update, objectType: CalendarFeedToken.objectType,
                objectID: try token.requireID(), label: "Kalenderflöde: \(label)", tenantID: tenantID,
                before: before, after: Feed(kind: kind.rawValue, subject: subject, createdAt: token.createdAt),
                message: existing == nil
                    ? "Kalenderflöde skapat" : "Kalenderflöde förnyat; den gamla adressen slutar gälla",
                actor: actor, on: tx)
        }
        return secret
    }

    /// The feed a secret opens in this tenant; nil for a wrong, renewed or another tenant's secret.
    static func find(secret: String, tenant: Tenant, on db: any Database) async throws -> CalendarFeedToken? {
        let bare = secret.hasSuffix(".ics") ? String(secret.dropLast(4)) : secret
        guard bare.hasPrefix(prefix), bare.utf8.count == prefix.utf8.count + 43 else { return nil }
        return try await CalendarFeedToken.scoped(to: tenant, on: db).filter(\.$tokenHash == Secrets.hash(bare))
            .first()
    }

    /// The feed's calendar: the forum's meetings, or those of the forums (and förvaltningar) the person
    /// sits in today and the person's deadlines (`PersonalDeadlines`) as whole-day events. `baseURL`
    /// (scheme and host) makes the deadlines' links absolute.
    static func calendar(
        for token: CalendarFeedToken, tenant: Tenant, today: CalendarDay, now: Date, baseURL: String? = nil,
        on db: any Database
    ) async throws -> CalendarFeed? {
        let profile = try await ProfileRules.current(tenant, on: db).1
        let tree = OrgTree(units: try await RegisterRows.orgUnits(tenant: try tenant.requireID(), on: db))
        var meetings: [Meeting]
        var deadlines: [PersonalDeadline] = []
        let name: String
        switch token.kind {
        case .forum:
            guard let forum = profile.forum(token.subject) else { return nil }
            name = "\(forum.name.sv) – \(tenant.name)"
            meetings = try await Meeting.scoped(to: tenant, on: db).filter(\.$forumKey == forum.key)
                .sort(\.$startsAt).all()
        case .person:
            guard let personID = UUID(uuidString: token.subject),
                let person = try await Person.scoped(to: tenant, on: db).filter(\.$id == personID).first()
            else { return nil }
            name = "Möten och tidsfrister för \(person.name) – \(tenant.name)"
            deadlines = try await PersonalDeadlines.all(personID: personID, tenant: tenant, today: today, on: db)
            let directory = try await ForumDirectory.load(tenant: tenant, profile: profile, today: today, on: db)
            let sittings = directory.sittings(of: personID)
            let keys = Set(sittings.map(\.forum.key))
            meetings = try await Meeting.scoped(to: tenant, on: db).filter(\.$forumKey ~~ keys).sort(\.$startsAt)
                .all()
            meetings = meetings.filter { m in
                sittings.contains {
                    $0.forum.key == m.forumKey && (!$0.forum.isPerOrgUnit || $0.orgUnitID == m.orgUnitID)
                }
            }
        }
        var items: [UUID: [MeetingItem]] = [:]
        let ids = Set(meetings.compactMap(\.id))
        if !ids.isEmpty {
            for item in try await MeetingItem.scoped(to: tenant, on: db).filter(\.$meetingID ~~ ids).sort(\.$position)
                .all()
            {
                items[item.meetingID, default: []].append(item)
            }
        }
        let events = meetings.map { m in
            let forumName = profile.forum(m.forumKey)?.name.sv ?? m.forumKey
            let unit = tree.name(m.orgUnitID).map { " (\($0))" } ?? ""
            let agenda = (items[m.id!] ?? []).enumerated().map { "\($0.offset + 1). \($0.element.title)" }
            let description = ([m.description] + (agenda.isEmpty ? [] : ["Dagordning:"] + agenda))
                .filter { !$0.isEmpty }.joined(separator: "\n")
            return CalendarFeed.Event(
                uid: "meeting-\(m.id!.uuidString.lowercased())@styrbord", summary: forumName + unit, start: m.startsAt,
                end: m.endsAt, location: m.place, description: description, sequence: m.sequence,
                isCancelled: m.isCancelled)
        }
        return CalendarFeed(
            name: name, events: events + deadlines.map { $0.event(baseURL: baseURL) }, generatedAt: now)
    }
}

/// Serves a calendar feed at its secret address, without sign-in.
struct CalendarFeedController {
    @Sendable func feed(req: Request) async throws -> Response {
        // Wrong, renewed and unknown secrets, and unknown municipalities, all look alike: not found.
        let notFound = CommonError.notFound(what: Localized(sv: "Kalenderflödet", en: "The calendar feed"))
        let slug = req.parameters.get("tenant") ?? ""
        guard let tenant = try await Tenant.query(on: req.db).filter(\.$slug == slug).first(),
            let token = try await CalendarFeeds.find(
                secret: req.parameters.get("feedSecret") ?? "", tenant: tenant, on: req.db),
            let calendar = try await CalendarFeeds.calendar(
                for: token, tenant: tenant, today: req.dependencies.today, now: req.dependencies.now(),
                baseURL: req.headers.first(name: .host).map {
                    "http\(req.application.http.server.configuration.tlsConfiguration == nil ? "" : "s")://\($0)"
                }, on: req.db)
        else { throw notFound }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: calendar.text))
    }
}
