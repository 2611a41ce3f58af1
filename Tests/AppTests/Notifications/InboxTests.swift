import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// The inbox: the page, the header's unread count and the API, always the signed-in person's own notices.
@Suite struct InboxTests {
    struct Setup {
        var tenant: Tenant
        var anna: Person
        var annaUser: TestUser
        var boUser: TestUser
        var notices: [Notice]
        var api: String { "/api/v1/tenants/\(tenant.slug)/me/notices" }
    }

    /// Anna has three notices, posted in order (the oldest first); Bo has one of his own.
    static func setup(_ app: Application) async throws -> Setup {
        let tenant = try await Fixtures.tenant("notisby", on: app)
        let anna = try await Fixtures.person("Anna Andersson", in: tenant, on: app.db)
        let bo = try await Fixtures.person("Bo Berg", in: tenant, on: app.db)
        var notices: [Notice] = []
        for (minute, title) in ["Första", "Andra", "Tredje"].enumerated() {
            // A minute apart, so that "newest first" has one answer.
            let actor = AuditActor(
                name: "fixtures", requestID: "fixtures", now: { testNow.addingTimeInterval(Double(minute * 60 - 600)) },
                uuid: { UUID() })
            notices += try await Notifier.post(
                .init(
                    kind: "test", title: "\(title) notisen", body: "Text om \(title.lowercased())",
                    link: "/t/notisby/plans"), to: [anna.requireID()], tenantID: tenant.requireID(), actor: actor,
                on: app.db)
        }
        _ = try await Notifier.post(
            .init(kind: "test", title: "Bos notis", body: ""), to: [bo.requireID()], tenantID: tenant.requireID(),
            actor: Fixtures.actor, on: app.db)
        func user(_ p: Person, _ email: String) async throws -> TestUser {
            .session(
                try await Fixtures.session(
                    for: try await Fixtures.account(email, person: p, in: tenant, on: app), on: app))
        }
        return Setup(
            tenant: tenant, anna: anna, annaUser: try await user(anna, "anna@notisby.se"),
            boUser: try await user(bo, "bo@notisby.se"), notices: notices)
    }

    @Test("The inbox shows the person's notices unread first, newest first; the header counts the unread")
    func page() async throws {
        try await withTestApp { app in
            let s = try await Self.setup(app)
            try await NoticeRules.markRead(
                s.notices[2].requireID(), person: s.anna, tenant: s.tenant, actor: Fixtures.actor, on: app.db)

            let res = try await app.get(NoticeRoutes.inbox("notisby"), as: s.annaUser)
            #expect(res.status == .ok)
            let text = res.text
            // Unread (Andra, Första: newest first), then the read one; never Bo's.
            let order = ["Andra notisen", "Första notisen", "Tredje notisen"].compactMap {
                text.range(of: $0)?.lowerBound
            }
            #expect(order.count == 3 && order == order.sorted())
            #expect(!text.contains("Bos notis"))
            #expect(text.contains("Du har 2 olästa notiser."))
            #expect(text.contains("class=\"badge badge-warning unread-count\">2<"))
            #expect(text.contains("href=\"/t/notisby/plans\""))

            // Any page's header carries the count.
            #expect(try await app.get(PlanRoutes.index("notisby"), as: s.annaUser).text.contains("unread-count\">2<"))

            // Marking one read, then all: the count goes, the history records it.
            var post = try await app.sendForm(
                NoticeRoutes.markRead("notisby", s.notices[1].requireID()), [String: String](), as: s.annaUser)
            #expect(post.status == .seeOther)
            #expect(try await app.get(NoticeRoutes.inbox("notisby"), as: s.annaUser).text.contains("unread-count\">1<"))
            post = try await app.sendForm(NoticeRoutes.readAll("notisby"), [String: String](), as: s.annaUser)
            #expect(post.status == .seeOther)
            let after = try await app.get(NoticeRoutes.inbox("notisby"), as: s.annaUser).text
            #expect(!after.contains("unread-count"))
            #expect(after.contains("Du har inga olästa notiser."))
            let history = try await AuditEntry.query(on: app.db).filter(\.$objectType == Notice.objectType).count()
            #expect(history == 3)
        }
    }

    @Test("Another person's notice can't be marked read: not found, and nothing changes; nor without CSRF")
    func othersNotice() async throws {
        try await withTestApp { app in
            let s = try await Self.setup(app)
            let id = try s.notices[0].requireID()
            var res = try await app.sendForm(NoticeRoutes.markRead("notisby", id), [String: String](), as: s.boUser)
            #expect(res.status == .notFound)
            res = try await app.send(.POST, "\(s.api)/\(id)/read", as: s.boUser)
            #expect(res.status == .notFound)
            res = try await app.sendForm(
                NoticeRoutes.markRead("notisby", id), [String: String](), csrf: false, as: s.annaUser)
            #expect(res.status == .forbidden)
            #expect(try await Notice.find(id, on: app.db)?.readAt == nil)
        }
    }

    @Test("An account without a person is told it has no inbox: on the page, and 409 in the API")
    func noPerson() async throws {
        try await withTestApp { app in
            _ = try await Self.setup(app)
            let page = try await app.get(NoticeRoutes.inbox("notisby"))
            #expect(page.status == .ok)
            #expect(page.text.contains("inte kopplat till en person"))
            #expect(!page.text.contains("class=\"inbox-link\""))
            let res = try await app.get("/api/v1/tenants/notisby/me/notices")
            #expect(res.status == .conflict)
            #expect(res.text.contains("notices.no-person"))
        }
    }

    @Test("API: the inbox in pages with an unread filter; mark one read, then all; a bad filter names the field")
    func api() async throws {
        try await withTestApp { app in
            let s = try await Self.setup(app)
            var res = try await app.get("\(s.api)?perPage=2", as: s.annaUser)
            #expect(res.status == .ok)
            var list = try res.decode(NoticeListResponse.self)
            #expect(list.total == 3 && list.unread == 3)
            #expect(list.items.map(\.title) == ["Tredje notisen", "Andra notisen"])

            res = try await app.send(.POST, "\(s.api)/\(s.notices[2].requireID())/read", as: s.annaUser)
            #expect(res.status == .ok)
            #expect(try res.decode(NoticeResponse.self).isRead)

            res = try await app.get("\(s.api)?unread=true", as: s.annaUser)
            list = try res.decode(NoticeListResponse.self)
            #expect(list.items.map(\.title) == ["Andra notisen", "Första notisen"])
            #expect(list.total == 2)
            res = try await app.get("\(s.api)?page=2&perPage=2", as: s.annaUser)
            #expect(try res.decode(NoticeListResponse.self).items.map(\.title) == ["Tredje notisen"])

            res = try await app.send(.POST, "\(s.api)/read-all", as: s.annaUser)
            #expect(res.status == .ok)
            #expect(try res.decode(ReadAllResponse.self).marked == 2)
            res = try await app.get("\(s.api)?unread=true", as: s.annaUser)
            #expect(try res.decode(NoticeListResponse.self).items.isEmpty)

            res = try await app.get("\(s.api)?unread=ja", as: s.annaUser)
            #expect(res.status == .badRequest)
            #expect(res.text.contains("unread"))
            res = try await app.get("\(s.api)?perPage=0", as: s.annaUser)
            #expect(res.status == .badRequest)
        }
    }
}
