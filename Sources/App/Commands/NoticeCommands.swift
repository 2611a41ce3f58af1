import Fluent
import Foundation
import Logging
import Vapor

/// `styrbord notices deliver`: one delivery pass of the notices' e-mail copies, for a cron job or a test,
/// with the same settings the server's loop reads.
public enum NoticeCommands {
    public struct DeliveryOutcome: Sendable, CustomStringConvertible {
        public var sent: Int
        public var failed: Int
        public var retrying: Int
        public var skipped: Int

        public var description: String {
            "\(sent) sent, \(failed) failed (given up), \(retrying) to retry, \(skipped) inbox only"
        }
    }

    public static func deliver(app: Application, environment: [String: String]) async throws -> DeliveryOutcome {
        guard let settings = try SMTPSettings.fromEnvironment(environment) else {
            throw CommandFailure("STYRBORD_SMTP_HOST is not set: there is no SMTP server to deliver to.")
        }
        let logger = Logger(label: "styrbord.mail")
        let result = try await NoticeMail.deliverPending(
            on: app.db, transport: SMTPClient(settings: settings, group: app.eventLoopGroup, logger: logger),
            settings: settings, now: app.dependencies.now, logger: logger, limit: 10_000)
        return DeliveryOutcome(
            sent: result.sent, failed: result.failed, retrying: result.retrying, skipped: result.skipped)
    }
}
