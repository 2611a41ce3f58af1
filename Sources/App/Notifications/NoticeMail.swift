import Fluent
import Foundation
import Logging
import Metrics
import NIOConcurrencyHelpers
import StyrbordCore
import Vapor

/// The e-mail copies of notices: after the write that posted a notice commits, a delivery pass picks the
/// pending ones, sends each through the `MailTransport` and marks it sent, or failed with the attempt
/// counted and the next attempt put off (`MailDeliveryPolicy`); after the last attempt it stays failed.
/// Without SMTP configured nothing runs and notices stay `pending`; a notice older than the policy's
/// `maxAge` when a pass first reaches it is set to `none` (inbox only) rather than sent late.
enum NoticeMail {
    struct PassResult: Sendable, Equatable {
        var sent = 0
        var failed = 0
        var retrying = 0
        /// Too old, or the person has no address any more: inbox only.
        var skipped = 0
    }

    /// One pass over the notices due now, at most `limit` of them, oldest first.
    @discardableResult
    static func deliverPending(
        on db: any Database, transport: any MailTransport, settings: SMTPSettings,
        policy: MailDeliveryPolicy = .standard, now: @Sendable () -> Date, logger: Logger, limit: Int = 100
    ) async throws -> PassResult {
        let started = now()
        let due = try await Notice.query(on: db).filter(\.$emailState == .pending)
            .group(.or) { $0.filter(\.$emailNextAttemptAt == nil).filter(\.$emailNextAttemptAt <= started) }
            .sort(\.$createdAt).limit(limit).all()
        guard !due.isEmpty else { return PassResult() }
        let people = Dictionary(
            uniqueKeysWithValues: try await Person.query(on: db).filter(\.$id ~~ Set(due.map(\.personID))).all()
                .compactMap { p in p.id.map { ($0, p) } })
        let tenants = Dictionary(
            uniqueKeysWithValues: try await Tenant.query(on: db).filter(\.$id ~~ Set(due.map(\.tenantID))).all()
                .compactMap { t in t.id.map { ($0, t) } })
        var result = PassResult()
        for notice in due {
            guard let person = people[notice.personID], person.email.contains("@"),
                let tenant = tenants[notice.tenantID],
                policy.isFresh(createdAt: notice.createdAt, now: started)
            else {
                notice.emailState = .none
                try await notice.save(on: db)
                result.skipped += 1
                continue
            }
            let message = Self.message(notice, to: person, tenant: tenant, settings: settings, date: now())
            do {
                try await transport.send(message)
                notice.emailState = .sent
                notice.emailAttempts += 1
                notice.emailedAt = now()
                notice.emailNextAttemptAt = nil
                notice.emailError = nil
                try await notice.save(on: db)
                result.sent += 1
                Counter(label: "styrbord_notice_emails_total", dimensions: [("result", "sent")]).increment()
                logger.info(
                    "E-mail sent", metadata: ["notice": "\(notice.id!)", "kind": "\(notice.kind)"])
            } catch {
                notice.emailAttempts += 1
                notice.emailError = String(String(describing: error).prefix(500))
                switch policy.afterFailure(attempts: notice.emailAttempts) {
                case .retry(let delay):
                    notice.emailNextAttemptAt = now().addingTimeInterval(delay)
                    result.retrying += 1
                case .giveUp:
                    notice.emailState = .failed
                    notice.emailNextAttemptAt = nil
                    result.failed += 1
                }
                try await notice.save(on: db)
                Counter(label: "styrbord_notice_emails_total", dimensions: [("result", "failed")]).increment()
                logger.warning(
                    "E-mail failed",
                    metadata: [
                        "notice": "\(notice.id!)", "attempts": "\(notice.emailAttempts)",
                        "error": "\(notice.emailError ?? "")",
                    ])
            }
        }
        return result
    }

    /// The e-mail for a notice: its title as the subject, its text, the link to what it concerns and to
    /// the inbox, in Swedish (the municipality's language).
    static func message(
        _ notice: Notice, to person: Person, tenant: Tenant, settings: SMTPSettings, date: Date
    ) -> MailMessage {
        var lines = ["Hej \(person.name)!", ""]
        if !notice.body.isEmpty { lines += [notice.body, ""] }
        if !notice.link.isEmpty { lines.append("Öppna: \(settings.publicURL)\(notice.link)") }
        lines.append("Din inkorg i Styrbord: \(settings.publicURL)\(NoticeRoutes.inbox(tenant.slug))")
        lines += ["", "Meddelandet skickades av Styrbord för \(tenant.name). Det går inte att svara på det."]
        return MailMessage(
            from: settings.from, to: .init(email: person.email, name: person.name), subject: notice.title,
            body: lines.joined(separator: "\n"),
            messageID:
                "notice-\(notice.id?.uuidString.lowercased() ?? UUID().uuidString.lowercased())@\(settings.domain)",
            date: date)
    }
}

/// Runs a delivery pass every `interval` while the server runs, in a task of its own: requests never wait
/// for mail. Registered by `serve` when SMTP is configured.
final class NoticeDeliveryLoop: LifecycleHandler, @unchecked Sendable {
    private let settings: SMTPSettings
    private let interval: Duration
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(settings: SMTPSettings, interval: Duration = .seconds(15)) {
        self.settings = settings
        self.interval = interval
    }

    /// Adds the loop to the app when the environment configures SMTP; says so in the log either way.
    static func register(
        on app: Application, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws
    {
        guard let settings = try SMTPSettings.fromEnvironment(environment) else {
            app.logger.info("STYRBORD_SMTP_HOST is not set: notices stay in the inbox, no e-mail is sent")
            return
        }
        let seconds = Int(environment["STYRBORD_SMTP_POLL_SECONDS"] ?? "") ?? 15
        app.logger.info(
            "E-mail for notices through \(settings.host):\(settings.port) (\(settings.security.rawValue)), every \(seconds) s"
        )
        app.lifecycle.use(NoticeDeliveryLoop(settings: settings, interval: .seconds(max(1, seconds))))
    }

    func didBootAsync(_ application: Application) async throws {
        let settings = self.settings
        let interval = self.interval
        let logger = Logger(label: "styrbord.mail")
        let transport = SMTPClient(settings: settings, group: application.eventLoopGroup, logger: logger)
        let db = application.db
        let clock = application.dependencies
        task.withLockedValue {
            $0 = Task {
                while !Task.isCancelled {
                    do {
                        try await NoticeMail.deliverPending(
                            on: db, transport: transport, settings: settings, now: clock.now, logger: logger)
                    } catch {
                        logger.error("Notice delivery pass failed: \(String(reflecting: error))")
                    }
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        let running = task.withLockedValue { t in
            defer { t = nil }
            return t
        }
        running?.cancel()
        await running?.value
    }
}
