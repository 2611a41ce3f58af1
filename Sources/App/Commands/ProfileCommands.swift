import Foundation
import StyrbordCore

/// What a `profile` command prints, and whether it succeeded (exit status 0) or not (1).
public struct ProfileCommandOutcome: Sendable {
    public var report: String
    public var succeeded: Bool
}

/// `styrbord profile validate|list`: no database needed.
public enum ProfileCommands {
    /// `FILE:line:column: reason` per problem (exit 1), or one line saying the profile is valid (exit 0).
    public static func validate(path: String) -> ProfileCommandOutcome {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                return ProfileCommandOutcome(report: "\(path):1:1: The file is not UTF-8 text.", succeeded: false)
            }
            text = decoded
        } catch {
            return ProfileCommandOutcome(
                report: "\(path): could not be read: \(error.localizedDescription)", succeeded: false)
        }
        return validate(yaml: text, name: path)
    }

    public static func validate(yaml: String, name: String) -> ProfileCommandOutcome {
        let (profile, problems) = ProfileValidator.check(yaml: yaml)
        guard problems.isEmpty, let profile else {
            let lines = problems.map { "\(name):\($0.position.line):\($0.position.column): \($0.message.en)" }
            return ProfileCommandOutcome(report: lines.joined(separator: "\n"), succeeded: false)
        }
        return ProfileCommandOutcome(
            report:
                "\(name): OK – \(profile.name.sv) (\(profile.roles.count) roles, \(profile.forums.count) forums, "
                + "\(profile.routes.count) routes)",
            succeeded: true)
    }

    /// The shipped profiles, one per line: key and name.
    public static func list() -> [String] {
        ShippedProfiles.all.compactMap { entry in
            (try? GovernanceProfile.load(yaml: entry.yaml)).map { "\(entry.key)\t\($0.name.sv)" }
        }
    }

    /// A shipped profile's YAML, to start one's own from.
    public static func show(key: String) -> String? { ShippedProfiles.yaml(key) }
}
