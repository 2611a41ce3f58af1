import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// A municipality for incident tests: the system Procapita with Olle as its systemägare, Frida its
/// systemförvaltare and Dan her ersättare; Sara säkerhetschef for the municipality; Emil an employee
/// without roles; Åsa, who runs another system.
struct IncidentWorld {
    var tenant: Tenant
    var slug: String { tenant.slug }
    var system: ITSystem
    var other: ITSystem
    var olle: Person
    var frida: Person
    var dan: Person
    var sara: Person
    var asa: Person
    var emil: TestUser
    var olleUser: TestUser

    static func make(_ slug: String = "incidentby", on app: Application) async throws -> IncidentWorld {
        let db = app.db
        let tenant = try await Fixtures.tenant(slug, on: app)
        let unit = try await Fixtures.orgUnit("Socialförvaltningen", in: tenant, on: db)
        let system = try await Fixtures.system("Procapita", owner: unit, in: tenant, on: db)
        let other = try await Fixtures.system("Ekonomisystem", owner: unit, in: tenant, on: db)
        let olle = try await Fixtures.person("Olle Ägare", in: tenant, on: db)
        let frida = try await Fixtures.person("Frida Förvaltare", in: tenant, on: db)
        let dan = try await Fixtures.person("Dan Ersättare", in: tenant, on: db)
        let sara = try await Fixtures.person("Sara Säkerhet", in: tenant, on: db)
        let asa = try await Fixtures.person("Åsa Annan", in: tenant, on: db)
        let emil = try await Fixtures.person("Emil Medarbetare", in: tenant, on: db)
        try await Fixtures.assign(RoleCatalogue.systemOwner, to: olle, on: system, in: tenant, db: db)
        try await Fixtures.assign(RoleCatalogue.systemManager, to: frida, on: system, in: tenant, db: db)
        try await Fixtures.assign(
            RoleCatalogue.systemManager, to: dan, on: system, holding: .deputy, in: tenant, db: db)
        try await Fixtures.assign(RoleCatalogue.systemOwner, to: asa, on: other, in: tenant, db: db)
        let security = try await Fixtures.roleType(RoleCatalogue.securityManager, in: tenant, on: db)
        try await RoleAssignment(
            id: UUID(), tenantID: tenant.requireID(),
            draft: RoleAssignmentDraft(
                roleTypeId: security.requireID(), personId: sara.requireID(), scope: .tenant, scopeId: nil,
                holding: .primary, validFrom: CalendarDay(year: 2024, month: 1, day: 1)!),
            now: testNow
        ).create(on: db)
        return IncidentWorld(
            tenant: tenant, system: system, other: other, olle: olle, frida: frida, dan: dan, sara: sara, asa: asa,
            emil: try await Fixtures.user("emil@\(slug).se", person: emil, in: tenant, on: app),
            olleUser: try await Fixtures.user("olle@\(slug).se", person: olle, in: tenant, on: app))
    }

    var api: String { "/api/v1/tenants/\(slug)" }

    func notices(_ person: Person, on app: Application) async throws -> [Notice] {
        try await Notifier.inbox(personID: try person.requireID(), tenantID: try tenant.requireID(), on: app.db)
    }

    /// An incident reported through the API by `user`; its id.
    func report(
        _ kind: IncidentKind, discoveredHoursAgo: Double = 1, systems: [ITSystem]? = nil, on app: Application,
        as user: TestUser = .automatic
    ) async throws -> UUID {
        let res = try await app.sendJSON(
            .POST, "\(api)/incidents",
            IncidentDraft(
                kind: kind, severity: .high, title: "Incident \(kind.rawValue)", description: "Något hände.",
                occurredAt: testNow.addingTimeInterval(-discoveredHoursAgo * 3_600 - 600),
                discoveredAt: testNow.addingTimeInterval(-discoveredHoursAgo * 3_600),
                systemIds: try (systems ?? [system]).map { try $0.requireID() }), as: user)
        #expect(res.status == .created, "\(res.text.prefix(600))")
        return try res.decode(IncidentResponse.self).id
    }
}

@Suite("Incidents: reporting, the IMY deadline, actions, follow-up and closing (T9, F5)")
struct IncidentsTests {
    @Test("F5: an access incident reported by an employee notifies the responsible managers of its system")
    func accessIncidentNotifiesManagers() async throws {
        try await withTestApp { app in
            let w = try await IncidentWorld.make(on: app)
            // Emil, an employee without roles, reports through the form.
            let res = try await app.sendForm(
                IncidentRoutes.index(w.slug),
                [
                    ("kind", "behorighet"), ("severity", "hog"), ("title", "Delat inloggningskonto"),
                    ("description", "Flera på enheten använder samma konto."), ("occurredAt", "2026-03-02"),
                    ("occurredAtTime", "08:00"), ("discoveredAt", "2026-03-02"), ("discoveredAtTime", "09:15"),
                    ("systemIds", w.system.id!.uuidString),
                ], as: w.emil)
            #expect(res.status == .seeOther, "\(res.text.prefix(800))")
            let incident = try #require(try await Incident.query(on: app.db).first())
            #expect(incident.reportedByName.contains("emil") || !incident.reportedByName.isEmpty)
            #expect(try await IncidentRules.systemIDs(of: incident.requireID(), on: app.db) == [w.system.id!])
            // The systemägare, the systemförvaltare and her ersättare, and the säkerhetschef are told.
            for person in [w.olle, w.frida, w.dan, w.sara] {
                let notices = try await w.notices(person, on: app)
                #expect(notices.count == 1, "\(person.name)")
                #expect(notices.first?.kind == (person.id == w.sara.id ? "incident.access" : "incident.access"))
                #expect(notices.first?.subjectID == incident.id)
                #expect(notices.first?.link == IncidentRoutes.show(w.slug, incident.id!))
            }
            // The owner of another system is not.
            #expect(try await w.notices(w.asa, on: app).isEmpty)
            // An operations incident on the same system reaches the säkerhetschef only.
            _ = try await w.report(.operations, on: app)
            #expect(try await w.notices(w.olle, on: app).count == 1)
            #expect(try await w.notices(w.sara, on: app).count == 2)
        }
    }

    @Test("GDPR art. 33: a personal data breach shows the 72 hours from discovery, on the page and in the API")
    func breachDeadline() async throws {
        try await withTestApp { app in
            let w = try await IncidentWorld.make(on: app)
            let id = try await w.report(.personalDataBreach, discoveredHoursAgo: 2, on: app, as: w.emil)
            let shown = try await app.get("\(w.api)/incidents/\(id)").decode(IncidentResponse.self)
            let imy = try #require(shown.imy)
            #expect(imy.deadline.state == "running")
            #expect(imy.deadline.deadlineAt == testNow.addingTimeInterval(70 * 3_600))
            // 70 hours less the milliseconds the pinned clock moved.
            #expect(abs((imy.deadline.secondsLeft ?? 0) - 70 * 3_600) <= 1)
            #expect(imy.notified == nil)
            let page = try await app.get(IncidentRoutes.show(w.slug, id), as: w.emil)
            #expect(page.status == .ok)
            #expect(page.text.contains("69 h 59 min kvar") || page.text.contains("70 h 0 min kvar"))
            #expect(page.text.contains("senast 2026-03-05 08:00"))
            // The employee sees the deadline but no handler's forms.
            #expect(!page.text.contains(IncidentRoutes.imy(w.slug, id)))

            // Discovered four days ago: overdue, and the list says so.
            let late = try await w.report(.personalDataBreach, discoveredHoursAgo: 96, on: app)
            let lateShown = try await app.get("\(w.api)/incidents/\(late)").decode(IncidentResponse.self)
            #expect(lateShown.imy?.deadline.state == "overdue")
            #expect((lateShown.imy?.deadline.secondsLeft ?? 0) <= -24 * 3_600)
            let list = try await app.get(IncidentRoutes.index(w.slug), as: w.emil)
            #expect(list.text.contains("Försenad med 24 h"))
        }
    }

    @Test("GDPR art. 33: the handler records the IMY notification; an overdue breach is a finding until then")
    func recordImy() async throws {
        try await withTestApp { app in
            let w = try await IncidentWorld.make(on: app)
            let id = try await w.report(.personalDataBreach, discoveredHoursAgo: 96, on: app)
            func findings() async throws -> [String] {
                let res = try await app.get("\(w.api)/compliance/findings?rule=incidents.deadline")
                #expect(res.status == .ok, "\(res.text.prefix(300))")
                struct List: Decodable { struct Item: Decodable { var key: String }; var items: [Item] }
                // A finding's key ends in its detail: rule:kind:id:detail.
                return try res.decode(List.self).items.map { String($0.key.split(separator: ":").last ?? "") }
            }
            #expect(try await findings() == ["imy"])
            // The employee may not record it; the systemägare may. Bad input names the field and stores nothing.
            let body = ImyNotificationDraft(
                notified: true, notifiedAt: testNow.addingTimeInterval(-3_600), reference: "IMY-2026-123")
            #expect(try await app.sendJSON(.PUT, "\(w.api)/incidents/\(id)/imy", body, as: w.emil).status == .forbidden)
            let bad = try await app.sendJSON(
                .PUT, "\(w.api)/incidents/\(id)/imy", ImyNotificationDraft(notified: true), as: w.olleUser)
            #expect(bad.status == .unprocessableEntity && bad.text.contains("notifiedAt"))
            let early = try await app.sendJSON(
                .PUT, "\(w.api)/incidents/\(id)/imy",
                ImyNotificationDraft(notified: true, notifiedAt: testNow.addingTimeInterval(-200 * 3_600)),
                as: w.olleUser)
            #expect(early.status == .unprocessableEntity && early.text.contains("notifiedAt"))
            #expect(try await Incident.find(id, on: app.db)?.imyNotified == nil)

            let res = try await app.sendJSON(.PUT, "\(w.api)/incidents/\(id)/imy", body, as: w.olleUser)
            #expect(res.status == .ok, "\(res.text.prefix(500))")
            let stored = try res.decode(IncidentResponse.self)
            #expect(stored.imy?.notified == true && stored.imy?.reference == "IMY-2026-123")
            #expect(stored.imy?.deadline.state == "notified-late")
            #expect(try await findings().isEmpty)
            let history = try await AuditEntry.query(on: app.db).filter(\.$objectID == id).all()
            #expect(history.contains { $0.message == "Anmäld till IMY" })

            // Not a breach: nothing to report to IMY.
            let access = try await w.report(.access, on: app)
            let refused = try await app.sendJSON(.PUT, "\(w.api)/incidents/\(access)/imy", body)
            #expect(refused.status == .conflict && refused.text.contains("incident.not-a-breach"))
        }
    }

    @Test("T9: actions, follow-up, closing with a lesson learned and reopening with a reason, all audited")
    func flow() async throws {
        try await withTestApp { app in
            let w = try await IncidentWorld.make(on: app)
            let id = try await w.report(.operations, on: app)
            let show = IncidentRoutes.show(w.slug, id)
            // An action, past due: a finding of its own.
            var res = try await app.sendForm(
                IncidentRoutes.actions(w.slug, id),
                [
                    ("description", "Byt nätverkskort"), ("responsiblePersonId", w.frida.id!.uuidString),
                    ("dueOn", "2026-03-01"),
                ])
            #expect(res.status == .seeOther, "\(res.text.prefix(800))")
            let action = try #require(try await IncidentAction.query(on: app.db).first())
            #expect(action.responsiblePersonID == w.frida.id && action.dueOn == "2026-03-01")
            let findings = try await app.get("\(w.api)/compliance/findings?rule=incidents.deadline")
            #expect(findings.text.contains(":action\""))
            // A bad action comes back with its message next to the field.
            res = try await app.sendForm(
                IncidentRoutes.actions(w.slug, id), [("description", " "), ("dueOn", "i morgon")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("f-dueOn") && res.text.contains("aria-invalid"))
            #expect(try await IncidentAction.query(on: app.db).count() == 1)
            res = try await app.sendForm(IncidentRoutes.actionDone(w.slug, id, action.id!), [(String, String)]())
            #expect(res.status == .seeOther)
            #expect(try await IncidentAction.find(action.id, on: app.db)?.done == true)

            res = try await app.sendForm(IncidentRoutes.notes(w.slug, id), [("text", "Leverantören kontaktad.")])
            #expect(res.status == .seeOther)
            // Closing without a lesson is refused and explained.
            res = try await app.sendForm(IncidentRoutes.status(w.slug, id), [("status", "avslutad"), ("lesson", "")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("lärdom"))
            #expect(try await Incident.find(id, on: app.db)?.status == .reported)
            res = try await app.sendForm(
                IncidentRoutes.status(w.slug, id),
                [("status", "avslutad"), ("lesson", "Reservkort i lager.")])
            #expect(res.status == .seeOther)
            var incident = try #require(try await Incident.find(id, on: app.db))
            #expect(incident.status == .closed && incident.lesson == "Reservkort i lager.")
            #expect(try await app.get(show).text.contains("Reservkort i lager."))
            // A closed incident takes no more actions; it is reopened with a reason.
            let closed = try await app.sendJSON(
                .POST, "\(w.api)/incidents/\(id)/actions", IncidentActionDraft(description: "Mer"))
            #expect(closed.status == .conflict)
            let noReason = try await app.sendJSON(
                .POST, "\(w.api)/incidents/\(id)/status", IncidentStatusDraft(status: .investigating))
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("reason"))
            let reopened = try await app.sendJSON(
                .POST, "\(w.api)/incidents/\(id)/status",
                IncidentStatusDraft(status: .investigating, reason: "Felet kom tillbaka."))
            #expect(reopened.status == .ok)
            incident = try #require(try await Incident.find(id, on: app.db))
            #expect(incident.status == .investigating && incident.closedAt == nil)
            let notes = try reopened.decode(IncidentResponse.self).notes
            #expect(notes.map(\.text) == ["Leverantören kontaktad.", "Reservkort i lager.", "Felet kom tillbaka."])
            // Every change is in the history.
            let types = try await AuditEntry.query(on: app.db).filter(\.$tenantID == w.tenant.id).all()
                .map(\.objectType)
            #expect(types.filter { $0 == Incident.objectType }.count == 3)  // reported, closed, reopened
            #expect(types.filter { $0 == IncidentAction.objectType }.count == 2)  // added, done
            #expect(types.filter { $0 == IncidentNote.objectType }.count == 1)
        }
    }

    @Test("A report with bad input is refused with the fields named, and nothing is stored")
    func badInput() async throws {
        try await withTestApp { app in
            let w = try await IncidentWorld.make(on: app)
            let raw = """
                {"kind":"behorighet","severity":"hog","title":"","description":"x",\
                "occurredAt":"2026-03-02T09:00:00+01:00","discoveredAt":"2026-03-01T09:00:00+01:00"}
                """
            let res = try await app.sendRaw(.POST, "\(w.api)/incidents", raw)
            #expect(res.status == .unprocessableEntity)
            for field in ["title", "discoveredAt", "systemIds"] {
                #expect(res.text.contains("\"\(field)\""), "\(field)")
            }
            let future = try await app.sendRaw(
                .POST, "\(w.api)/incidents",
                """
                {"kind":"drift","severity":"lag","title":"T","description":"x",\
                "occurredAt":"2030-01-01T00:00:00Z","discoveredAt":"2030-01-01T00:00:00Z",\
                "systemIds":["\(UUID().uuidString)"]}
                """)
            #expect(future.status == .unprocessableEntity)
            for field in ["occurredAt", "discoveredAt", "systemIds"] { #expect(future.text.contains("\"\(field)\"")) }
            let unreadable = try await app.sendRaw(
                .POST, "\(w.api)/incidents",
                """
                {"kind":"drift","severity":"lag","title":"T","description":"x",\
                "occurredAt":"igår","discoveredAt":"2026-03-02T09:00:00Z"}
                """)
            #expect(unreadable.status == .unprocessableEntity && unreadable.text.contains("\"occurredAt\""))
            // The form comes back with the input kept and the messages next to the fields.
            let form = try await app.sendForm(
                IncidentRoutes.index(w.slug),
                [("kind", "drift"), ("severity", "lag"), ("title", "Bevarad rubrik"), ("occurredAt", "2026-02-30")],
                as: w.emil)
            #expect(form.status == .unprocessableEntity)
            #expect(form.text.contains("Bevarad rubrik") && form.text.contains("f-occurredAt-error"))
            #expect(try await Incident.query(on: app.db).count() == 0)
            #expect(try await Notice.query(on: app.db).count() == 0)
        }
    }

    @Test("T9: a system with incidents can't be deleted silently, and its page links to its incidents")
    func systemGuard() async throws {
        try await withTestApp { app in
            let w = try await IncidentWorld.make(on: app)
            _ = try await w.report(.operations, on: app)
            let res = try await app.delete("\(w.api)/systems/\(w.system.id!)")
            #expect(res.status == .conflict && res.text.contains("system.referenced"))
            #expect(try await ITSystem.find(w.system.id, on: app.db) != nil)
            // The other system, without incidents, goes as before.
            #expect(try await app.delete("\(w.api)/systems/\(w.other.id!)").status == .noContent)
            let page = try await app.get(SystemRoutes.show(w.slug, w.system.id!))
            #expect(page.text.contains("incidents?systemId=\(w.system.id!.uuidString)"))
            let listed = try await app.get(IncidentRoutes.index(w.slug, query: [("systemId", w.system.id!.uuidString)]))
            #expect(listed.text.contains("Incident drift"))
        }
    }

    @Test("T9: statistics per kind and per system over the last twelve months, as a page and in the API")
    func statistics() async throws {
        try await withTestApp { app in
            let w = try await IncidentWorld.make(on: app)
            _ = try await w.report(.access, on: app)
            _ = try await w.report(.access, systems: [w.system, w.other], on: app)
            _ = try await w.report(.operations, systems: [], on: app)
            let res = try await app.get("\(w.api)/incidents/statistics", as: w.emil)
            #expect(res.status == .ok)
            let s = try res.decode(IncidentStatisticsResponse.self)
            #expect(s.months.count == 12 && s.months.last == "2026-03")
            #expect(s.totals.last == 3)
            #expect(s.byKind.first { $0.kind == .access }?.total == 2)
            #expect(s.bySystem.map(\.name) == ["Procapita", "Ekonomisystem"])
            #expect(s.bySystem.map(\.total) == [2, 1])
            let page = try await app.get(IncidentRoutes.statistics(w.slug), as: w.emil)
            #expect(page.status == .ok && page.text.contains("Procapita"))
            let filtered = try await app.get("\(w.api)/incidents?kind=behorighet&open=true")
            #expect(try filtered.decode(ListResponse<IncidentSummary>.self).total == 2)
            #expect(try await app.get("\(w.api)/incidents?kind=okand").status == .badRequest)
        }
    }
}
