import Fluent
import Foundation
import Logging
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// The e-mail copies of notices, sent to a real SMTP server (aiosmtpd) and read back with Python's e-mail
/// parser: what a person's mail program would show.
@Suite(.enabled(if: SMTPSink.isAvailable, SMTPSink.unavailableReason))
struct NoticeMailTests {
    static func settings(port: Int, user: String? = nil, password: String? = nil) -> SMTPSettings {
        SMTPSettings(
            host: "127.0.0.1", port: port, from: .init(email: "styrbord@notisby.se", name: "Styrbord Notisby"),
            username: user, password: password, security: .none, publicURL: "https://styrbord.notisby.se",
            timeout: .seconds(10))
    }

    static func transport(_ settings: SMTPSettings, _ app: Application) -> SMTPClient {
        SMTPClient(settings: settings, group: app.eventLoopGroup, logger: Logger(label: "test.mail"))
    }

    /// Åsa with an address, and a notice for her (L8: a changed document reaches the people it concerns).
    static func noticeForAsa(_ app: Application) async throws -> (Tenant, Person, Notice) {
        let tenant = try await Fixtures.tenant("notisby", on: app)
        let asa = try await Fixtures.person("Åsa Öberg", in: tenant, on: app.db)
        asa.email = "asa.oberg@notisby.se"
        try await asa.save(on: app.db)
        let notice = try #require(
            try await Notifier.post(
                .init(
                    kind: "document.changed", title: "Informationssäkerhetspolicyn är ändrad – läs och bekräfta",
                    body: "Policyn gäller från 1 april.\n.En rad som börjar med punkt.",
                    link: "/t/notisby/documents/42"), to: [asa.requireID()], tenantID: tenant.requireID(),
                actor: Fixtures.actor, on: app.db
            ).first)
        return (tenant, asa, notice)
    }

    @Test("L8: a pending notice is e-mailed through SMTP with AUTH, a UTF-8 subject, the body and the link")
    func delivered() async throws {
        let sink = try await SMTPSink.start(user: "styrbord", password: "hemligt-lösen")
        defer { sink.stop() }
        try await withTestApp { app in
            let (_, _, notice) = try await Self.noticeForAsa(app)
            let settings = Self.settings(port: sink.port, user: "styrbord", password: "hemligt-lösen")

            let result = try await NoticeMail.deliverPending(
                on: app.db, transport: Self.transport(settings, app), settings: settings, now: { testNow },
                logger: app.logger)

            #expect(result == NoticeMail.PassResult(sent: 1))
            let mail = try #require(try sink.received().first)
            #expect(mail.authenticated)
            #expect(mail.mailFrom == "styrbord@notisby.se")
            #expect(mail.rcptTos == ["asa.oberg@notisby.se"])
            #expect(mail.to == "Åsa Öberg <asa.oberg@notisby.se>")
            #expect(mail.from == "Styrbord Notisby <styrbord@notisby.se>")
            #expect(mail.subject == "Informationssäkerhetspolicyn är ändrad – läs och bekräfta")
            #expect(mail.contentType == "text/plain" && mail.charset == "utf-8")
            #expect(mail.defects.isEmpty)
            #expect(mail.messageId == "<notice-\(notice.id!.uuidString.lowercased())@notisby.se>")
            #expect(mail.date == "Mon, 02 Mar 2026 09:00:00 +0000")
            let body = mail.body.replacingOccurrences(of: "\r\n", with: "\n")
            #expect(body.hasPrefix("Hej Åsa Öberg!\n\nPolicyn gäller från 1 april.\n.En rad som börjar med punkt.\n"))
            #expect(body.contains("Öppna: https://styrbord.notisby.se/t/notisby/documents/42\n"))
            #expect(body.contains("https://styrbord.notisby.se/t/notisby/inbox"))
            // The line with a leading dot went through dot-stuffed and arrived as written.
            #expect(try sink.raw(1).contains("\r\n.En rad som b=C3=B6rjar med punkt."))

            let stored = try #require(try await Notice.find(notice.id, on: app.db))
            #expect(stored.emailState == .sent)
            #expect(stored.emailAttempts == 1)
            #expect(stored.emailedAt != nil)
            // A second pass sends nothing again.
            let again = try await NoticeMail.deliverPending(
                on: app.db, transport: Self.transport(settings, app), settings: settings, now: { testNow },
                logger: app.logger)
            #expect(again == NoticeMail.PassResult())
            #expect(try sink.received().count == 1)
        }
    }

    @Test("A server that refuses is retried after the backoff, and the notice is failed after the last attempt")
    func failingServer() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        try await withTestApp { app in
            let (tenant, asa, first) = try await Self.noticeForAsa(app)
            let settings = Self.settings(port: sink.port)
            let policy = MailDeliveryPolicy(maxAttempts: 2, firstDelay: 60, maxDelay: 600)
            let transport = Self.transport(settings, app)
            func pass(at offset: TimeInterval) async throws -> NoticeMail.PassResult {
                try await NoticeMail.deliverPending(
                    on: app.db, transport: transport, settings: settings, policy: policy,
                    now: { testNow.addingTimeInterval(offset) }, logger: app.logger)
            }
            try sink.setFailing(true)

            #expect(try await pass(at: 0) == NoticeMail.PassResult(retrying: 1))
            var stored = try #require(try await Notice.find(first.id, on: app.db))
            #expect(stored.emailState == .pending)
            #expect(stored.emailAttempts == 1)
            #expect(stored.emailNextAttemptAt == testNow.addingTimeInterval(60))
            #expect(stored.emailError?.contains("451") == true)
            // Not before the backoff has passed.
            #expect(try await pass(at: 30) == NoticeMail.PassResult())
            // The second and last attempt fails too: given up, still in the inbox.
            #expect(try await pass(at: 61) == NoticeMail.PassResult(failed: 1))
            stored = try #require(try await Notice.find(first.id, on: app.db))
            #expect(stored.emailState == .failed)
            #expect(stored.emailAttempts == 2)
            #expect(
                try await Notifier.inbox(personID: asa.requireID(), tenantID: tenant.requireID(), on: app.db).count == 1
            )

            // A notice whose first attempt fails goes once the server is back.
            let second = try #require(
                try await Notifier.post(
                    .init(kind: "test", title: "Andra notisen", body: ""), to: [asa.requireID()],
                    tenantID: tenant.requireID(), actor: Fixtures.actor, on: app.db
                ).first)
            #expect(try await pass(at: 100) == NoticeMail.PassResult(retrying: 1))
            try sink.setFailing(false)
            #expect(try await pass(at: 161) == NoticeMail.PassResult(sent: 1))
            stored = try #require(try await Notice.find(second.id, on: app.db))
            #expect(stored.emailState == .sent)
            #expect(stored.emailAttempts == 2)
            #expect(try sink.received().map(\.subject) == ["Andra notisen"])
        }
    }

    @Test("No server listening: the attempt fails and is put off; a stale notice is not e-mailed at all")
    func unreachableAndStale() async throws {
        try await withTestApp { app in
            let (_, _, notice) = try await Self.noticeForAsa(app)
            // A port nobody listens on: the sink's, after it stopped.
            let sink = try await SMTPSink.start()
            let port = sink.port
            sink.stop()
            let settings = Self.settings(port: port)
            #expect(
                try await NoticeMail.deliverPending(
                    on: app.db, transport: Self.transport(settings, app), settings: settings, now: { testNow },
                    logger: app.logger) == NoticeMail.PassResult(retrying: 1))
            let stored = try #require(try await Notice.find(notice.id, on: app.db))
            #expect(stored.emailState == .pending && stored.emailAttempts == 1 && stored.emailError != nil)

            // Four days later (SMTP was down, or configured only now): inbox only.
            #expect(
                try await NoticeMail.deliverPending(
                    on: app.db, transport: Self.transport(settings, app), settings: settings,
                    now: { testNow.addingTimeInterval(4 * 86_400) }, logger: app.logger)
                    == NoticeMail.PassResult(skipped: 1))
            #expect(try await Notice.find(notice.id, on: app.db)?.emailState == Notice.EmailState.none)
        }
    }
}

@Suite struct SMTPSettingsTests {
    @Test("SMTP comes from the environment; none configured means inbox only; bad values are named")
    func environment() throws {
        #expect(try SMTPSettings.fromEnvironment([:]) == nil)
        let s = try #require(
            try SMTPSettings.fromEnvironment([
                "STYRBORD_SMTP_HOST": "smtp.sjovik.se", "STYRBORD_SMTP_TLS": "starttls",
                "STYRBORD_SMTP_FROM": "Styrbord <styrbord@sjovik.se>", "STYRBORD_SMTP_USERNAME": "sb",
                "STYRBORD_SMTP_PASSWORD": "x", "STYRBORD_PUBLIC_URL": "https://styrbord.sjovik.se/",
            ]))
        #expect(s.port == 587 && s.security == .starttls)
        #expect(s.from == MailMessage.Address(email: "styrbord@sjovik.se", name: "Styrbord"))
        #expect(s.username == "sb" && s.password == "x")
        #expect(s.publicURL == "https://styrbord.sjovik.se")
        #expect(try SMTPSettings.fromEnvironment(["STYRBORD_SMTP_HOST": "h", "STYRBORD_SMTP_TLS": "tls"])?.port == 465)
        #expect(throws: SMTPSettings.SettingsError.self) {
            try SMTPSettings.fromEnvironment(["STYRBORD_SMTP_HOST": "h", "STYRBORD_SMTP_TLS": "ssl"])
        }
        #expect(throws: SMTPSettings.SettingsError.self) {
            try SMTPSettings.fromEnvironment(["STYRBORD_SMTP_HOST": "h", "STYRBORD_SMTP_PORT": "0"])
        }
        #expect(throws: SMTPSettings.SettingsError.self) {
            try SMTPSettings.fromEnvironment(["STYRBORD_SMTP_HOST": "h", "STYRBORD_SMTP_FROM": "inte en adress"])
        }
    }
}
