import Foundation

/// The profiles that come with Styrbord: `standard` (a sound default for a municipality that has
/// written nothing down yet) and one per municipal document in DOMAIN.md's seeds. They are YAML files
/// in `Profiles/Shipped/`, resources of this module; tests check that every one is valid.
public enum ShippedProfiles {
    /// One shipped profile: its key (the file name) and its YAML.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var yaml: String
    }

    /// The default for a new municipality.
    public static let standardKey = "standard"

    /// The keys in the order they are offered: standard first, then by name.
    public static let keys: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let found = names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        return [standardKey] + found.filter { $0 != standardKey }
    }()

    private static var directory: URL { Bundle.module.resourceURL!.appendingPathComponent("Shipped") }

    /// A shipped profile's YAML; nil for an unknown key.
    public static func yaml(_ key: String) -> String? {
        guard keys.contains(key) else { return nil }
        return try? String(contentsOf: directory.appendingPathComponent("\(key).yaml"), encoding: .utf8)
    }

    /// Each shipped profile's key and name, in the order of `keys`: what a new municipality can be given.
    public static let names: [(key: String, name: Localized)] = keys.compactMap { key in
        (try? profile(key)).map { (key, $0.name) }
    }

    public static var all: [Entry] { keys.compactMap { key in yaml(key).map { Entry(key: key, yaml: $0) } } }

    /// A shipped profile, read and validated. Shipped profiles are checked by the tests, so a failure
    /// here is a packaging error.
    public static func profile(_ key: String) throws -> GovernanceProfile {
        guard let yaml = yaml(key) else { throw ProfileInvalid(problems: []) }
        return try GovernanceProfile.load(yaml: yaml)
    }
}

extension GovernanceProfile {
    /// The `standard` profile.
    public static let standard: GovernanceProfile = {
        do {
            return try ShippedProfiles.profile(ShippedProfiles.standardKey)
        } catch {
            fatalError("The shipped standard profile is invalid: \(error)")
        }
    }()
}
