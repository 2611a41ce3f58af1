import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// A proposal world with people in the forums: Kim is IT-samordnare of the proposal's förvaltning (so
/// convenes its lokalt IT-forum), Ivar is the IT-chef (convenes the central forum), Emil has no roles.
struct ForumWorld {
    var w: ProposalWorld
    var kim: Person
    var kimUser: TestUser
    var emilUser: TestUser
    var ivar: Person
    var ivarUser: TestUser

    var slug: String { w.slug }
    var api: String { "/api/v1/tenants/\(w.slug)" }

    static func make(
        profile: String, slug: String = "testby", category: SystemCategory = .business, on app: Application
    ) async throws -> ForumWorld {
        let w = try await ProposalWorld.make(profile: profile, slug: slug, category: category, on: app)
        let db = app.db
        let kim = try await Fixtures.person("Kim Samordnare", in: w.tenant, on: db)
        try await Self.assign(RoleCatalogue.itCoordinator, to: kim, unit: w.unit, in: w.tenant, on: db)
        let ivar = try await Fixtures.person("Ivar IT-chef", in: w.tenant, on: db)
        try await Self.assign(RoleCatalogue.itManager, to: ivar, unit: nil, in: w.tenant, on: db)
        let emil = try await Fixtures.person("Emil Medarbetare", in: w.tenant, on: db)
        func user(_ p: Person, _ email: String) async throws -> TestUser {
            .session(
                try await Fixtures.session(
                    for: try await Fixtures.account(email, person: p, in: w.tenant, on: app), on: app))
        }
        return ForumWorld(
            w: w, kim: kim, kimUser: try await user(kim, "kim@\(slug).se"),
            emilUser: try await user(emil, "emil@\(slug).se"), ivar: ivar,
            ivarUser: try await user(ivar, "ivar@\(slug).se"))
    }

    /// A role held for an org unit, or for the whole municipality when `unit` is nil.
    static func assign(
        _ key: String, to person: Person, unit: OrgUnit?, in tenant: Tenant, on db: any Database
    )
        async throws
    {
        let role = try await Fixtures.roleType(key, in: tenant, on: db)
        try await RoleAssignment(
            id: UUID(), tenantID: tenant.requireID(),
            draft: RoleAssignmentDraft(
                roleTypeId: role.requireID(), personId: person.requireID(), scope: unit == nil ? .tenant : .orgUnit,
                scopeId: unit?.id, holding: .primary, validFrom: CalendarDay(year: 2024, month: 1, day: 1)!),
            now: testNow
        ).create(on: db)
    }

    /// Schedules a meeting through the API; returns its id.
    func meeting(
        _ forum: String, unit: OrgUnit? = nil, date: String = "2026-03-01", as user: TestUser = .automatic,
        on app: Application
    ) async throws -> UUID {
        let res = try await app.sendJSON(
            .POST, "\(api)/meetings",
            MeetingDraft(
                forumKey: forum, orgUnitId: unit?.id, date: CalendarDay(iso: date), startTime: TimeOfDay("09:00"),
                endTime: TimeOfDay("11:00"), place: "Sessionssalen"), as: user)
        #expect(res.status == .created, "\(res.text.prefix(400))")
        return try res.decode(MeetingResponse.Snapshot.self).id
    }

    func show(_ meeting: UUID, on app: Application) async throws -> MeetingResponse.Snapshot {
        let res = try await app.get("\(api)/meetings/\(meeting)")
        #expect(res.status == .ok)
        return try res.decode(MeetingResponse.Snapshot.self)
    }
}

extension MeetingResponse {
    /// The parts of the API's answer the tests read.
    struct Snapshot: Decodable {
        struct Item: Decodable {
            var id: UUID
            var proposalId: UUID?
            var stepKey: String?
            var title: String
            var outcome: String?
            var minutes: String
            var assessments: [String: String]
            var decisionId: UUID?
        }
        struct Waiting: Decodable {
            var proposalId: UUID
            var stepKey: String
        }
        struct Member: Decodable {
            var personId: UUID
            var name: String
            var seat: String
        }
        var id: UUID
        var forumKey: String
        var approved: Bool
        var cancelled: Bool
        var cancellationReason: String?
        var items: [Item]?
        var members: [Member]?
        var waitingProposals: [Waiting]?
    }
}

/// The error body of the API.
struct APIErrorSnapshot: Decodable {
    var code: String
}

/// An iCalendar text's events as property maps, lines unfolded (RFC 5545 3.1).
func calendarEvents(_ text: String) -> (calendar: [String: String], events: [[String: String]]) {
    let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
    var calendar: [String: String] = [:]
    var events: [[String: String]] = []
    var current: [String: String]?
    for line in unfolded.components(separatedBy: "\r\n") where !line.isEmpty {
        if line == "BEGIN:VEVENT" { current = [:]; continue }
        if line == "END:VEVENT" {
            if let c = current { events.append(c) }
            current = nil
            continue
        }
        guard let colon = line.firstIndex(of: ":") else { continue }
        let name = String(line[..<colon]), value = String(line[line.index(after: colon)...])
        if current != nil { current?[name] = value } else { calendar[name] = value }
    }
    return (calendar, events)
}
