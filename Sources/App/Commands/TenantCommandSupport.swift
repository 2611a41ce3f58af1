import Fluent
import Foundation
import StyrbordCore
import Vapor

/// `styrbord tenant create|list`.
public enum TenantCommandSupport {
    public static func create(
        app: Application, slug: String, name: String, organisationNumber: String,
        profile: String = ShippedProfiles.standardKey
    ) async throws {
        do {
            _ = try await TenantSetup.create(
                slug: slug, name: name, organisationNumber: organisationNumber, profile: profile,
                actor: .command(
                    "cli (\(ProcessInfo.processInfo.environment["USER"] ?? "cli"))", dependencies: app.dependencies),
                dependencies: app.dependencies, on: app.db)
        } catch let failure as ValidationFailure {
            throw CommandFailure(failure.issues.map { "\($0.field): \($0.message.en)" }.joined(separator: "\n"))
        } catch let error as ProfileError {
            throw CommandFailure(error.userMessage.en)
        }
    }

    public static func list(app: Application) async throws -> [String] {
        try await Tenant.query(on: app.db).sort(\.$slug).all().map { "\($0.slug)\t\($0.name)" }
    }
}

/// A command-line failure with a message for the person at the terminal.
public struct CommandFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}
