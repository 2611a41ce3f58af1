import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite struct NotifierTests {
    @Test func postsOneNoticePerActivePersonInTheTenantOnly() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant("notisby", on: app)
            let other = try await Fixtures.tenant("annanby", on: app)
            let anna = try await Fixtures.person("Anna Aktiv", in: tenant, on: app.db)
            anna.email = "anna@notisby.se"
            try await anna.save(on: app.db)
            let bo = try await Fixtures.person("Bo Utan E-post", in: tenant, on: app.db)
            let gone = try await Fixtures.person("Gunnel Slutat", active: false, in: tenant, on: app.db)
            let stranger = try await Fixtures.person("Stina Annanby", in: other, on: app.db)

            let message = Notifier.Message(
                kind: "document.changed", title: "Informationssäkerhetspolicy ändrad", body: "Läs och bekräfta.",
                link: "/t/notisby/documents")
            let posted = try await Notifier.post(
                message, to: [anna.id!, anna.id!, bo.id!, gone.id!, stranger.id!], tenantID: try tenant.requireID(),
                actor: Fixtures.actor, on: app.db)

            #expect(posted.map(\.personID) == [anna.id!, bo.id!])
            #expect(posted.map(\.emailState) == [.pending, Notice.EmailState.none])
            #expect(try await Notice.query(on: app.db).count() == 2)
            let inbox = try await Notifier.inbox(personID: anna.id!, tenantID: try tenant.requireID(), on: app.db)
            #expect(inbox.map(\.title) == ["Informationssäkerhetspolicy ändrad"])
        }
    }

    @Test func onlyTheRecipientCanMarkANoticeRead() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant("notisby", on: app)
            let anna = try await Fixtures.person("Anna", in: tenant, on: app.db)
            let bo = try await Fixtures.person("Bo", in: tenant, on: app.db)
            let tenantID = try tenant.requireID()
            let notice = try #require(
                try await Notifier.post(
                    .init(kind: "test", title: "Hej", body: ""), to: [anna.id!], tenantID: tenantID,
                    actor: Fixtures.actor, on: app.db
                ).first)

            #expect(
                try await !Notifier.markRead(notice.id!, personID: bo.id!, tenantID: tenantID, now: Date(), on: app.db))
            #expect(
                try await Notifier.inbox(personID: anna.id!, tenantID: tenantID, unreadOnly: true, on: app.db).count
                    == 1)
            #expect(
                try await Notifier.markRead(notice.id!, personID: anna.id!, tenantID: tenantID, now: Date(), on: app.db)
            )
            #expect(
                try await Notifier.inbox(personID: anna.id!, tenantID: tenantID, unreadOnly: true, on: app.db).isEmpty)
        }
    }
}
