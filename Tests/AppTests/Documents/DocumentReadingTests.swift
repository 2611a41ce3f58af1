import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// L8 and D10 as scenarios: a changed document reaches the people it concerns, who confirm reading it, and
/// the owner counts the confirmations; unread and unrevised documents become findings.
@Suite("Governing documents: reading and review")
struct DocumentReadingTests {
    let api = "/api/v1/tenants/testby/documents"

    struct Readers: Decodable {
        var version: Int?
        var requested: Int
        var confirmed: Int
        var overdue: Int
        var readers: [Reader]
        struct Reader: Decodable { var name: String; var confirmedAt: String?; var overdue: Bool }
    }
    struct ToRead: Decodable {
        var items: [Item]
        struct Item: Decodable { var documentId: UUID; var title: String; var requestedOn: String; var dueOn: String }
    }
    struct Findings: Decodable {
        var items: [Finding]
        struct Finding: Decodable {
            var rule: String
            var requirement: String
            var object: Object
            var responsible: Responsible?
            struct Object: Decodable { var type: String; var label: String }
            struct Responsible: Decodable { var name: String; var basis: String }
        }
    }

    /// Socialförvaltningen with its unit Hemtjänsten, Kommunledningskontoret, and people in each; Rut owns
    /// the documents; Sten in Hemtjänsten and Siv in Socialförvaltningen are concerned by the social services'
    /// routine, Kalle at KLK is not.
    struct World {
        var tenant: Tenant
        var social: OrgUnit
        var rut: Person
        var rutUser: TestUser
        var sten: Person
        var stenUser: TestUser
        var siv: Person
        var kalle: Person
        var kalleUser: TestUser
    }

    static func world(_ app: Application) async throws -> World {
        let tenant = try await Fixtures.tenant(on: app)
        let social = try await Fixtures.orgUnit("Socialförvaltningen", in: tenant, on: app.db)
        let home = try await Fixtures.orgUnit("Hemtjänsten", kind: .department, parent: social, in: tenant, on: app.db)
        let klk = try await Fixtures.orgUnit("Kommunledningskontoret", in: tenant, on: app.db)
        func person(_ name: String, _ unit: OrgUnit) async throws -> Person {
            let p = try await Fixtures.person(name, in: tenant, on: app.db)
            p.orgUnitID = unit.id
            try await p.save(on: app.db)
            return p
        }
        let rut = try await person("Rut Riktlinje", klk)
        let sten = try await person("Sten Hemtjänst", home)
        let siv = try await person("Siv Social", social)
        let kalle = try await person("Kalle Klk", klk)
        return World(
            tenant: tenant, social: social, rut: rut,
            rutUser: try await Fixtures.user("rut@testby.se", person: rut, in: tenant, on: app), sten: sten,
            stenUser: try await Fixtures.user("sten@testby.se", person: sten, in: tenant, on: app), siv: siv,
            kalle: kalle, kalleUser: try await Fixtures.user("kalle@testby.se", person: kalle, in: tenant, on: app))
    }

    /// An adopted routine owned by Rut, concerning Socialförvaltningen (and so Hemtjänsten), with one version.
    static func routine(_ app: Application, _ w: World) async throws -> GoverningDocument {
        let doc = try await DocumentRules.create(
            GoverningDocumentDraft(
                title: "Rutin för dokumentation", typeKey: "rutin", ownerPersonId: try w.rut.requireID(),
                decidedOn: CalendarDay(year: 2026, month: 1, day: 15), status: .adopted),
            tenant: w.tenant, actor: Fixtures.actor, on: app.db)
        try await DocumentReading.setAudience(
            doc, DocumentAudienceDraft(everyone: false, orgUnitIds: [try w.social.requireID()]), tenant: w.tenant,
            actor: Fixtures.actor, on: app.db)
        _ = try await DocumentRules.addVersion(
            to: doc, fileName: "rutin.md", bytes: Array("# Rutin\n".utf8), mediaType: nil, actor: Fixtures.actor,
            on: app.db)
        return doc
    }

    func notices(_ app: Application, _ person: Person) async throws -> [Notice] {
        try await Notice.query(on: app.db).filter(\.$personID == person.requireID()).sort(\.$createdAt).all()
    }

    @Test("L8: publishing reaches the people of the chosen unit and its sub-units, who confirm; the owner counts")
    func publishConfirmCount() async throws {
        try await withTestApp { app in
            let w = try await Self.world(app)
            let doc = try await Self.routine(app, w)
            let id = try doc.requireID()
            // Unpublished: nobody is told, nobody is asked.
            #expect(try await DocumentReadRequest.query(on: app.db).count() == 0)
            #expect(try await Notice.query(on: app.db).count() == 0)

            let published = try await app.sendJSON(.PUT, "\(api)/\(id)/publication", ["published": true])
            #expect(published.status == .ok)
            // Sten (Hemtjänsten, under Socialförvaltningen) and Siv are told, through the Notifier, about the
            // document; Kalle at KLK and Rut are not concerned.
            let sten = try await notices(app, w.sten)
            #expect(sten.count == 1)
            #expect(sten.first?.subjectType == "document" && sten.first?.subjectID == id)
            #expect(sten.first?.kind == "document.published")
            #expect(sten.first?.link == DocumentRoutes.show("testby", id))
            #expect(try await notices(app, w.siv).count == 1)
            #expect(try await notices(app, w.kalle).isEmpty)
            #expect(try await notices(app, w.rut).isEmpty)

            // Sten sees it in his list to read, and on the page; Kalle has nothing to confirm.
            let toRead = try await app.get("\(api)/to-read", as: w.stenUser).decode(ToRead.self)
            #expect(toRead.items.map(\.documentId) == [id])
            #expect(toRead.items.first?.dueOn == testToday.adding(days: 14).iso)
            #expect(
                try await app.get(DocumentRoutes.index("testby"), as: w.stenUser).text.contains("Att läsa och bekräfta")
            )
            let refused = try await app.send(.POST, "\(api)/\(id)/confirmation", as: w.kalleUser)
            #expect(refused.status == .conflict && refused.text.contains("document.nothing-to-confirm"))

            // The owner sees 0 of 2, then Sten confirms on the page: 1 of 2.
            var readers = try await app.get("\(api)/\(id)/readers", as: w.rutUser).decode(Readers.self)
            #expect(readers.version == 1 && readers.requested == 2 && readers.confirmed == 0)
            let confirmed = try await app.sendForm(DocumentRoutes.confirmation("testby", id), [], as: w.stenUser)
            #expect(confirmed.status == .seeOther)
            readers = try await app.get("\(api)/\(id)/readers", as: w.rutUser).decode(Readers.self)
            #expect(readers.requested == 2 && readers.confirmed == 1)
            #expect(readers.readers.first { $0.name == "Sten Hemtjänst" }?.confirmedAt != nil)
            let page = try await app.get(DocumentRoutes.show("testby", id), as: w.rutUser).text
            #expect(page.contains("1 av 2 har bekräftat att de läst version 1."))
            // Only the owner and the administrator see who has read it.
            #expect(try await app.get("\(api)/\(id)/readers", as: w.stenUser).status == .forbidden)
            #expect(!(try await app.get(DocumentRoutes.show("testby", id), as: w.stenUser).text.contains("1 av 2")))
            // Confirming twice is refused: there is nothing left to confirm.
            #expect(try await app.send(.POST, "\(api)/\(id)/confirmation", as: w.stenUser).status == .conflict)
        }
    }

    @Test("L8: a new version and a change of the published document reach everyone concerned again")
    func changeReachesAgain() async throws {
        try await withTestApp { app in
            let w = try await Self.world(app)
            let doc = try await Self.routine(app, w)
            let id = try doc.requireID()
            _ = try await DocumentRules.setPublished(doc, true, actor: Fixtures.actor, on: app.db)
            try await DocumentReading.confirm(doc, personID: try w.sten.requireID(), actor: Fixtures.actor, on: app.db)
            // A second version: both are asked again, for version 2, and told.
            _ = try await DocumentRules.addVersion(
                to: doc, fileName: "rutin-2.md", bytes: Array("# Rutin, version 2\n".utf8), mediaType: nil,
                actor: Fixtures.actor, on: app.db)
            let readers = try await app.get("\(api)/\(id)/readers", as: w.rutUser).decode(Readers.self)
            #expect(readers.version == 2 && readers.requested == 2 && readers.confirmed == 0)
            #expect(try await notices(app, w.sten).map(\.kind) == ["document.published", "document.version"])
            // A change of the register data is told to them too, without asking again for the same version.
            var draft = doc.draft
            draft.decisionReference = "KS 2026/12 § 4"
            let stored = try #require(try await GoverningDocument.find(id, on: app.db))
            _ = try await DocumentRules.update(stored, with: draft, tenant: w.tenant, actor: Fixtures.actor, on: app.db)
            #expect(try await notices(app, w.siv).map(\.kind).last == "document.changed")
            #expect(try await DocumentReadRequest.query(on: app.db).count() == 4)
            // The audience widened to everyone: only the people newly concerned are told and asked.
            let everyone = try await app.sendJSON(.PUT, "\(api)/\(id)/audience", DocumentAudienceDraft(everyone: true))
            #expect(everyone.status == .ok)
            #expect(try await notices(app, w.kalle).map(\.kind) == ["document.concerns"])
            #expect(try await notices(app, w.sten).count == 3)
            #expect(
                try await DocumentReadRequest.query(on: app.db).filter(\.$personID == w.kalle.requireID()).count() == 1)
        }
    }

    @Test("L8: read confirmations missing after 14 days are a finding of documents.unread for the owner")
    func unreadFinding() async throws {
        try await withTestApp { app in
            let w = try await Self.world(app)
            let doc = try await Self.routine(app, w)
            _ = try await DocumentRules.setPublished(doc, true, actor: Fixtures.actor, on: app.db)
            func unread() async throws -> [Findings.Finding] {
                try await app.get("/api/v1/tenants/testby/compliance/findings?rule=documents.unread")
                    .decode(Findings.self).items
            }
            // Asked today: not overdue yet.
            #expect(try await unread().isEmpty)
            // As if asked 15 days ago: both unconfirmed requests are overdue; Sten then confirms, Siv's remains.
            for request in try await DocumentReadRequest.query(on: app.db).all() {
                request.requestedOn = testToday.adding(days: -15).iso
                try await request.save(on: app.db)
            }
            try await DocumentReading.confirm(doc, personID: try w.sten.requireID(), actor: Fixtures.actor, on: app.db)
            let findings = try await unread()
            #expect(findings.count == 1)
            #expect(findings.first?.requirement == "L8" && findings.first?.object.type == "document")
            #expect(
                findings.first?.responsible?.name == "Rut Riktlinje" && findings.first?.responsible?.basis == "owner")
            // Siv confirms: nothing is overdue any more.
            try await DocumentReading.confirm(doc, personID: try w.siv.requireID(), actor: Fixtures.actor, on: app.db)
            #expect(try await unread().isEmpty)
        }
    }

    @Test("D10: a guideline unrevised for three years is a finding of documents.review in the compliance view")
    func guidelineUnrevised() async throws {
        try await withTestApp { app in
            let w = try await Self.world(app)
            func guideline(_ title: String, decidedOn: CalendarDay) async throws {
                _ = try await DocumentRules.create(
                    GoverningDocumentDraft(
                        title: title, typeKey: "riktlinje", ownerPersonId: try w.rut.requireID(), decidedOn: decidedOn,
                        status: .adopted),
                    tenant: w.tenant, actor: Fixtures.actor, on: app.db)
            }
            try await guideline("Riktlinje för lösenord", decidedOn: testToday.adding(years: -3).adding(days: -1))
            try await guideline("Riktlinje för e-post", decidedOn: testToday.adding(years: -2))
            let findings = try await app.get("/api/v1/tenants/testby/compliance/findings?rule=documents.review")
                .decode(Findings.self).items
            #expect(findings.map(\.object.label) == ["Riktlinje för lösenord"])
            #expect(findings.first?.requirement.contains("D10") == true)
            #expect(findings.first?.responsible?.name == "Rut Riktlinje")
        }
    }

    @Test("An org unit or role a document concerns, and a person asked to read one, cannot be deleted")
    func guardedDeletion() async throws {
        try await withTestApp { app in
            let w = try await Self.world(app)
            let doc = try await Self.routine(app, w)
            _ = try await DocumentRules.setPublished(doc, true, actor: Fixtures.actor, on: app.db)
            let role = try await Fixtures.roleType(RoleCatalogue.informationOwner, in: w.tenant, on: app.db)
            try await DocumentReading.setAudience(
                doc,
                DocumentAudienceDraft(
                    everyone: false, orgUnitIds: [try w.social.requireID()], roleTypeIds: [try role.requireID()]),
                tenant: w.tenant, actor: Fixtures.actor, on: app.db)
            let units = try await app.delete("/api/v1/tenants/testby/org-units/\(try w.social.requireID())")
            #expect(units.status == .conflict && units.text.contains("governing document"))
            let roles = try await app.delete("/api/v1/tenants/testby/role-types/\(try role.requireID())")
            #expect(roles.status == .conflict && roles.text.contains("styrdokument"))
            let person = try await app.delete("/api/v1/tenants/testby/people/\(try w.siv.requireID())")
            #expect(person.status == .conflict)
            #expect(try await OrgUnit.find(w.social.id, on: app.db) != nil)
        }
    }

    @Test("Choosing everyone together with units, or nothing at all, is refused by field and nothing changes")
    func audienceRefused() async throws {
        try await withTestApp { app in
            let w = try await Self.world(app)
            let doc = try await Self.routine(app, w)
            let id = try doc.requireID()
            let both = try await app.sendJSON(
                .PUT, "\(api)/\(id)/audience",
                DocumentAudienceDraft(everyone: true, orgUnitIds: [try w.social.requireID()]))
            #expect(both.status == .unprocessableEntity && both.text.contains("\"field\":\"everyone\""))
            let none = try await app.sendJSON(.PUT, "\(api)/\(id)/audience", DocumentAudienceDraft(everyone: false))
            #expect(none.status == .unprocessableEntity && none.text.contains("\"field\":\"orgUnitIds\""))
            let stranger = try await app.sendJSON(
                .PUT, "\(api)/\(id)/audience", DocumentAudienceDraft(everyone: false, orgUnitIds: [UUID()]))
            #expect(stranger.status == .unprocessableEntity && stranger.text.contains("orgUnitIds[0]"))
            let stored = try await DocumentReading.audience(of: doc, on: app.db)
            #expect(stored.orgUnitIds == [try w.social.requireID()] && !stored.everyone)
            // The page's form shows the error at its field.
            let page = try await app.sendForm(
                DocumentRoutes.audience("testby", id), [("everyone", "false")], as: w.rutUser)
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("Välj minst en enhet eller roll"))
        }
    }
}
