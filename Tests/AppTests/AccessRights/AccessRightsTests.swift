import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// A municipality for the access-rights tests under the standard profile (the systemägare decides and
/// reviews; the systemägare and systemförvaltare answer for access, T9, F5): Olle is the system's
/// systemägare, Frida its systemförvaltare, Emil an employee (with a person), Cilla his chef.
struct AccessWorld {
    var tenant: Tenant
    var slug: String { tenant.slug }
    var system: ITSystem
    var unit: OrgUnit
    var olle: TestUser
    var frida: TestUser
    var emil: TestUser
    var cilla: TestUser
    var emilPerson: Person
    var ollePerson: Person
    var fridaPerson: Person

    static func make(_ slug: String = "testby", on app: Application) async throws -> AccessWorld {
        let db = app.db
        let tenant = try await Fixtures.tenant(slug, on: app)
        let cillaPerson = try await Fixtures.person("Cilla Chef", in: tenant, on: db)
        let unit = try await Fixtures.orgUnit("Socialförvaltningen", in: tenant, on: db)
        unit.managerPersonID = cillaPerson.id
        try await unit.update(on: db)
        let system = try await Fixtures.system("Procapita", owner: unit, in: tenant, on: db)
        let olle = try await Fixtures.person("Olle Ägare", in: tenant, on: db)
        let frida = try await Fixtures.person("Frida Förvaltare", in: tenant, on: db)
        let emil = Person(
            id: UUID(), tenantID: try tenant.requireID(),
            draft: PersonDraft(name: "Emil Medarbetare", email: "emil@\(slug).se", orgUnitId: unit.id), now: testNow)
        try await emil.create(on: db)
        try await Fixtures.assign(RoleCatalogue.systemOwner, to: olle, on: system, in: tenant, db: db)
        try await Fixtures.assign(RoleCatalogue.systemManager, to: frida, on: system, in: tenant, db: db)
        return AccessWorld(
            tenant: tenant, system: system, unit: unit,
            olle: try await Fixtures.user("olle@\(slug).se", person: olle, in: tenant, on: app),
            frida: try await Fixtures.user("frida@\(slug).se", person: frida, in: tenant, on: app),
            emil: try await Fixtures.user("emil@\(slug).se", person: emil, in: tenant, on: app),
            cilla: try await Fixtures.user("cilla@\(slug).se", person: cillaPerson, in: tenant, on: app),
            emilPerson: emil, ollePerson: olle, fridaPerson: frida)
    }

    var api: String { "/api/v1/tenants/\(slug)" }
    var systemAPI: String { "\(api)/systems/\(system.id!.uuidString)" }

    /// Registers a grant for `person` through the API as the administrator; returns its id.
    func grant(
        _ person: Person, level: String = "Handläggare", reference: String = "SN 2026/14", username: String = "",
        withoutDecision: Bool = false, grantedOn: String? = nil, on app: Application
    ) async throws -> UUID {
        var body: [String: AnyEncodable] = [
            "personId": .init(person.id!), "accessLevel": .init(level), "usernameInSystem": .init(username),
            "withoutDecision": .init(withoutDecision),
        ]
        if !withoutDecision { body["decisionReference"] = .init(reference) }
        if let grantedOn { body["grantedOn"] = .init(grantedOn) }
        let res = try await app.sendJSON(.POST, "\(systemAPI)/access-grants", body)
        #expect(res.status == .created, "\(res.text.prefix(500))")
        return try res.decode(GrantSnapshot.self).id
    }

    func findings(_ rule: String, on app: Application) async throws -> String {
        let res = try await app.get("\(api)/compliance/findings?rule=\(rule)")
        #expect(res.status == .ok, "\(res.text.prefix(300))")
        return res.text
    }
}

struct GrantSnapshot: Decodable {
    var id: UUID
    var hasDecision: Bool
    var isActive: Bool
    var awaitingConfirmation: Bool
    var decisionReference: String
    var removedBy: String?
    var removalReason: String?
}

struct RequestSnapshot: Decodable {
    var id: UUID
    var status: String
    var decidedBy: String?
    var decidedAt: Date?
    var decisionReason: String?
}

struct ReviewSnapshot: Decodable {
    struct Item: Decodable {
        var id: UUID
        var grantId: UUID
        var personName: String
        var hasAccount: Bool?
        var outcome: String
    }
    struct Account: Decodable {
        var line: Int
        var username: String
    }
    var id: UUID
    var items: [Item]
    var accountsWithoutGrant: [Account]
    var grantsWithoutAccount: [UUID]
    var completedOn: String?
    var nextDueOn: String?
}

struct ErrorSnapshot: Decodable {
    struct Issue: Decodable {
        var field: String
        var message: String
    }
    var code: String
    var message: String
    var errors: [Issue]?
}

@Suite("Access rights: requests, decisions, grants, confirmations and reviews (T9, L8, F5)")
struct AccessRightsTests {
    @Test("T9: a request is decided by the systemägare, recorded with who, when and why; approval grants access")
    func requestAndDecision() async throws {
        try await withTestApp { app in
            let w = try await AccessWorld.make(on: app)
            // Emil asks for himself; his chef may ask for him; Frida (systemförvaltare) may not decide.
            var res = try await app.sendJSON(
                .POST, "\(w.systemAPI)/access-requests",
                AccessRequestDraft(personId: w.emilPerson.id, accessLevel: "Handläggare", need: "Biståndsbeslut"),
                as: w.emil)
            #expect(res.status == .created, "\(res.text.prefix(400))")
            let request = try res.decode(RequestSnapshot.self)
            #expect(request.status == "vantar")
            res = try await app.sendJSON(
                .POST, "\(w.systemAPI)/access-requests",
                AccessRequestDraft(personId: w.emilPerson.id, accessLevel: "Läs", need: "Uppföljning"), as: w.cilla)
            #expect(res.status == .created)
            // Frida asks for Olle: allowed (she manages the system); Emil may not ask for Olle.
            res = try await app.sendJSON(
                .POST, "\(w.systemAPI)/access-requests",
                AccessRequestDraft(personId: w.ollePerson.id, accessLevel: "Läs", need: "Granskning"), as: w.emil)
            #expect(res.status == .forbidden)

            let decision = "\(w.api)/access-requests/\(request.id)/decision"
            res = try await app.sendJSON(
                .POST, decision, AccessDecisionDraft(approve: true, reason: "Behövs i tjänsten"), as: w.frida)
            #expect(res.status == .forbidden)
            // Without a reason: refused, naming the field, nothing stored.
            res = try await app.sendJSON(.POST, decision, AccessDecisionDraft(approve: true, reason: " "), as: w.olle)
            #expect(res.status == .unprocessableEntity)
            #expect(try res.decode(ErrorSnapshot.self).errors?.map(\.field) == ["reason"])
            #expect(try await AccessGrant.query(on: app.db).count() == 0)

            res = try await app.sendJSON(
                .POST, decision, AccessDecisionDraft(approve: true, reason: "Behövs i tjänsten"), as: w.olle)
            #expect(res.status == .ok, "\(res.text.prefix(400))")
            let decided = try res.decode(RequestSnapshot.self)
            #expect(decided.status == "beviljad")
            #expect(
                decided.decidedBy?.contains("olle@testby.se") == true && decided.decisionReason == "Behövs i tjänsten")
            #expect(decided.decidedAt != nil)
            let grants = try await AccessGrant.query(on: app.db).all()
            #expect(grants.count == 1 && grants[0].hasDecision && grants[0].requestID == request.id)
            #expect(grants[0].decisionReference.contains("olle@testby.se"))
            // Decided once.
            res = try await app.sendJSON(
                .POST, decision, AccessDecisionDraft(approve: false, reason: "Nej"), as: w.olle)
            #expect(res.status == .conflict)
            // Every write is in the history.
            let history = try await AuditEntry.query(on: app.db).filter(
                \.$objectType ~~ ["access-request", "access-grant"]
            )
            .count()
            #expect(history == 4)
        }
    }

    @Test("L8: the first grant asks the person to confirm the security rules; only they can; until then it waits")
    func securityRules() async throws {
        try await withTestApp { app in
            let w = try await AccessWorld.make(on: app)
            let first = try await w.grant(w.emilPerson, on: app)
            let notices = try await Notice.query(on: app.db).filter(\.$personID == w.emilPerson.id!).all()
            #expect(notices.map(\.kind) == ["access.security-rules"])
            #expect(notices.first?.emailState == .pending)
            var grant = try await app.get("\(w.api)/access-grants/\(first)").decode(GrantSnapshot.self)
            #expect(grant.awaitingConfirmation)
            var page = try await app.get(AccessRoutes.system(w.slug, w.system.id!))
            #expect(page.text.contains("Väntar på bekräftelse"))
            page = try await app.get(PersonRoutes.show(w.slug, w.emilPerson.id!), as: w.emil)
            #expect(page.text.contains("Jag har läst säkerhetsreglerna"))

            // Nobody confirms for him, not even the administrator.
            let confirm = AccessRoutes.confirmSecurityRules(w.slug, w.emilPerson.id!)
            var res = try await app.sendForm(confirm, [:])
            #expect(res.status == .forbidden)
            res = try await app.sendForm(confirm, [:], as: w.emil)
            #expect(res.status == .seeOther)
            grant = try await app.get("\(w.api)/access-grants/\(first)").decode(GrantSnapshot.self)
            #expect(!grant.awaitingConfirmation)
            page = try await app.get(PersonRoutes.show(w.slug, w.emilPerson.id!))
            #expect(page.text.contains("Lästa, bekräftat"))

            // A second grant asks nothing more.
            _ = try await w.grant(w.emilPerson, level: "Läs", on: app)
            #expect(try await Notice.query(on: app.db).filter(\.$personID == w.emilPerson.id!).count() == 1)
        }
    }

    @Test("T9: a grant without a documented decision is a finding; a bad one is refused by field and not stored")
    func decisionFinding() async throws {
        try await withTestApp { app in
            let w = try await AccessWorld.make(on: app)
            var res = try await app.sendJSON(
                .POST, "\(w.systemAPI)/access-grants",
                AccessGrantDraft(personId: w.emilPerson.id, accessLevel: "Handläggare"))
            #expect(res.status == .unprocessableEntity)
            #expect(try res.decode(ErrorSnapshot.self).errors?.map(\.field) == ["decisionReference"])
            res = try await app.sendJSON(
                .POST, "\(w.systemAPI)/access-grants",
                AccessGrantDraft(personId: UUID(), accessLevel: "Handläggare", decisionReference: "X"))
            #expect(res.status == .unprocessableEntity)
            #expect(try res.decode(ErrorSnapshot.self).errors?.map(\.field) == ["personId"])
            #expect(try await AccessGrant.query(on: app.db).count() == 0)

            _ = try await w.grant(w.ollePerson, on: app)
            #expect(!(try await w.findings("access.decision", on: app)).contains("Olle Ägare"))
            _ = try await w.grant(w.emilPerson, withoutDecision: true, on: app)
            let findings = try await w.findings("access.decision", on: app)
            #expect(findings.contains("Emil Medarbetare (Procapita, Handläggare)"))
            #expect(findings.contains("\"requirement\":\"T9\""))
            #expect(!findings.contains("Olle Ägare (Procapita"))
            let page = try await app.get(AccessRoutes.system(w.slug, w.system.id!))
            #expect(page.text.contains("Saknar dokumenterat beslut"))
        }
    }

    @Test("T9: a review overdue by the profile's interval is a finding; completing one clears it and sets the next")
    func reviewOverdue() async throws {
        try await withTestApp { app in
            let w = try await AccessWorld.make(on: app)
            // Unclassified (level 0): yearly under the standard profile; granted 2025-01-15, due 2026-01-15.
            let kept = try await w.grant(w.emilPerson, grantedOn: "2025-01-15", on: app)
            let removed = try await w.grant(w.fridaPerson, grantedOn: "2025-01-15", on: app)
            var findings = try await w.findings("access.review", on: app)
            #expect(findings.contains("Procapita") && findings.contains("2026-01-15"))
            #expect(findings.contains("Olle Ägare"))  // the reviewer under the profile

            // Only the reviewer (the systemägare) starts it.
            var res = try await app.sendJSON(.POST, "\(w.systemAPI)/access-reviews", StartReview(), as: w.frida)
            #expect(res.status == .forbidden)
            res = try await app.sendJSON(.POST, "\(w.systemAPI)/access-reviews", StartReview(), as: w.olle)
            #expect(res.status == .created, "\(res.text.prefix(400))")
            var review = try res.decode(ReviewSnapshot.self)
            #expect(Set(review.items.map(\.grantId)) == [kept, removed])
            res = try await app.sendJSON(.POST, "\(w.systemAPI)/access-reviews", StartReview(), as: w.olle)
            #expect(res.status == .conflict)

            let reviewAPI = "\(w.api)/access-reviews/\(review.id)"
            res = try await app.sendJSON(.POST, "\(reviewAPI)/completion", [String: String](), as: w.olle)
            #expect(res.status == .conflict)
            let keptItem = review.items.first { $0.grantId == kept }!.id
            let removedItem = review.items.first { $0.grantId == removed }!.id
            res = try await app.sendJSON(
                .PUT, "\(reviewAPI)/items/\(keptItem)", AccessReviewItemDraft(outcome: .confirmed), as: w.olle)
            #expect(res.status == .ok)
            // Removing without a reason names the field.
            res = try await app.sendJSON(
                .PUT, "\(reviewAPI)/items/\(removedItem)", AccessReviewItemDraft(outcome: .removed), as: w.olle)
            #expect(res.status == .unprocessableEntity)
            #expect(try res.decode(ErrorSnapshot.self).errors?.map(\.field) == ["reason"])
            res = try await app.sendJSON(
                .PUT, "\(reviewAPI)/items/\(removedItem)",
                AccessReviewItemDraft(outcome: .removed, reason: "Bytt tjänst"), as: w.olle)
            #expect(res.status == .ok)
            res = try await app.sendJSON(.POST, "\(reviewAPI)/completion", [String: String](), as: w.olle)
            #expect(res.status == .ok, "\(res.text.prefix(400))")
            review = try res.decode(ReviewSnapshot.self)
            #expect(review.completedOn == "2026-03-02" && review.nextDueOn == "2027-03-02")

            let grant = try await app.get("\(w.api)/access-grants/\(removed)").decode(GrantSnapshot.self)
            #expect(!grant.isActive && grant.removedBy?.contains("olle@testby.se") == true)
            #expect(grant.removalReason == "Behörighetsgranskning: Bytt tjänst")
            findings = try await w.findings("access.review", on: app)
            #expect(!findings.contains("Procapita"))
        }
    }

    @Test("T9: a review from the system's account list shows accounts without a grant and grants without an account")
    func accountList() async throws {
        try await withTestApp { app in
            let w = try await AccessWorld.make(on: app)
            let emil = try await w.grant(w.emilPerson, username: "EMME01", on: app)
            let frida = try await w.grant(w.fridaPerson, on: app)
            // A bad list names the line, and nothing is stored.
            var res = try await app.sendJSON(
                .POST, "\(w.systemAPI)/access-reviews",
                StartReview(accountsCsv: "Användarnamn;Namn\nemme01;Emil\n;Okänd\n"), as: w.olle)
            #expect(res.status == .unprocessableEntity)
            let error = try res.decode(ErrorSnapshot.self)
            #expect(error.errors?.first?.field == "accounts")
            #expect(error.errors?.first?.message.contains("Line 3") == true)
            #expect(try await AccessReview.query(on: app.db).count() == 0)

            res = try await app.sendJSON(
                .POST, "\(w.systemAPI)/access-reviews",
                StartReview(accountsCsv: "Användarnamn;E-post;Namn\nemme01;;Emil\nokand;okand@x.se;Okänd Person\n"),
                as: w.olle)
            #expect(res.status == .created, "\(res.text.prefix(400))")
            let review = try res.decode(ReviewSnapshot.self)
            #expect(review.accountsWithoutGrant.map(\.username) == ["okand"])
            #expect(review.accountsWithoutGrant.map(\.line) == [3])
            #expect(review.grantsWithoutAccount == [frida])
            #expect(review.items.first { $0.grantId == emil }?.hasAccount == true)
            let page = try await app.get(AccessRoutes.review(w.slug, review.id))
            #expect(page.text.contains("Konton utan behörighet") && page.text.contains("okand@x.se"))
            #expect(page.text.contains("Inget konto i systemet"))
        }
    }

    @Test("When a person leaves, their grants are listed for removal, on the person and for the municipality")
    func leavers() async throws {
        try await withTestApp { app in
            let w = try await AccessWorld.make(on: app)
            _ = try await w.grant(w.emilPerson, on: app)
            #expect(!(try await w.findings("access.leavers", on: app)).contains("Emil"))
            var draft = w.emilPerson.draft
            draft.isActive = false
            draft.leftOn = CalendarDay(iso: "2026-02-27")
            _ = try await PersonRules.update(
                w.emilPerson, with: draft, tenant: w.tenant, actor: Fixtures.actor, formIssues: [], on: app.db)
            let res = try await app.get("\(w.api)/access/leavers")
            #expect(res.status == .ok)
            #expect(res.text.contains("Emil Medarbetare") && res.text.contains("2026-02-27"))
            var page = try await app.get(AccessRoutes.index(w.slug))
            #expect(page.text.contains("Emil Medarbetare"))
            page = try await app.get(PersonRoutes.show(w.slug, w.emilPerson.id!))
            #expect(page.text.contains("Behörigheterna nedan ska tas bort"))
            let findings = try await w.findings("access.leavers", on: app)
            #expect(findings.contains("Emil Medarbetare har slutat"))
            // Someone who has left is given nothing new.
            let again = try await app.sendJSON(
                .POST, "\(w.systemAPI)/access-grants",
                AccessGrantDraft(personId: w.emilPerson.id, accessLevel: "Läs", decisionReference: "X"))
            #expect(again.status == .unprocessableEntity)
        }
    }

    @Test("F5: the responsible managers for access on a system are its systemägare and systemförvaltare")
    func responsibleManagers() async throws {
        try await withTestApp { app in
            let w = try await AccessWorld.make(on: app)
            let ids = try await AccessRights.responsibleManagers(
                forSystem: w.system.id!, tenant: w.tenant, on: app.db, day: testToday)
            #expect(ids == [w.fridaPerson.id!, w.ollePerson.id!])
            let other = try await Fixtures.system("Utan roller", in: w.tenant, on: app.db)
            #expect(
                try await AccessRights.responsibleManagers(forSystem: other.id!, tenant: w.tenant, on: app.db).isEmpty)
        }
    }

    @Test("A form with errors comes back 422 with each message by its field; a system with access history stays")
    func formErrorsAndDeletion() async throws {
        try await withTestApp { app in
            let w = try await AccessWorld.make(on: app)
            var res = try await app.sendForm(
                AccessRoutes.requests(w.slug, w.system.id!), [("personId", ""), ("accessLevel", ""), ("need", "")],
                as: w.emil)
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Välj personen som ska få behörigheten."))
            #expect(res.text.contains("aria-invalid=\"true\""))
            #expect(try await AccessRequest.query(on: app.db).count() == 0)
            res = try await app.sendForm(
                AccessRoutes.requests(w.slug, w.system.id!),
                [("personId", w.emilPerson.id!.uuidString), ("accessLevel", "Läs"), ("need", "Uppföljning")],
                as: w.emil)
            #expect(res.status == .seeOther)
            res = try await app.delete("\(w.api)/systems/\(w.system.id!.uuidString)")
            #expect(res.status == .conflict)
            #expect(try await ITSystem.find(w.system.id, on: app.db) != nil)
        }
    }
}

struct StartReview: Encodable {
    var accountsCsv: String?
}
