import Crypto
import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Everything that can go wrong with a profile upload or lookup.
enum ProfileError: AppError {
    /// The YAML has problems; nothing was stored.
    case invalid([ProfileProblem])
    case unknownShipped(String)
    case versionNotFound(Int)
    case missingYAML
    case tooLarge

    var status: HTTPResponseStatus {
        switch self {
        case .invalid, .unknownShipped, .missingYAML: .unprocessableEntity
        case .versionNotFound: .notFound
        case .tooLarge: .payloadTooLarge
        }
    }

    var code: String {
        switch self {
        case .invalid: "profile.invalid"
        case .unknownShipped: "profile.unknown"
        case .versionNotFound: "profile.version-not-found"
        case .missingYAML: "profile.yaml-missing"
        case .tooLarge: "profile.too-large"
        }
    }

    var userMessage: Localized {
        switch self {
        case .invalid(let problems):
            Localized(
                sv: "Profilen har \(problems.count) fel och sparades inte. Rätta dem och ladda upp igen.",
                en:
                    "The profile has \(problems.count) problem\(problems.count == 1 ? "" : "s") and was not saved. Correct them and upload again."
            )
        case .unknownShipped(let key):
            Localized(
                sv:
                    "Det finns ingen medföljande profil \"\(key)\". Välj en av: \(ShippedProfiles.keys.joined(separator: ", ")).",
                en:
                    "There is no shipped profile \"\(key)\". Choose one of: \(ShippedProfiles.keys.joined(separator: ", "))."
            )
        case .versionNotFound(let version):
            Localized(sv: "Profilen har ingen version \(version).", en: "The profile has no version \(version).")
        case .missingYAML:
            Localized(
                sv: "Välj en YAML-fil eller klistra in profilen.", en: "Choose a YAML file or paste the profile.")
        case .tooLarge:
            Localized(sv: "Profilen är större än 1 MB.", en: "The profile is larger than 1 MB.")
        }
    }

    /// Each problem as an issue whose field is "line:column".
    var issues: [ValidationIssue] {
        guard case .invalid(let problems) = self else { return [] }
        return problems.map { ValidationIssue(field: $0.position.description, message: $0.message) }
    }
}

/// What the audit trail keeps of a profile version: enough to tell them apart, not the whole YAML.
struct ProfileVersionSnapshot: Encodable {
    var version: Int
    var key: String
    var name: String
    var sha256: String
    var message: String
}

/// Reading and installing governance profiles for a tenant.
enum ProfileRules {
    /// The profile in force for `tenant`, parsed.
    static func current(_ tenant: Tenant, on db: any Database) async throws -> (ProfileVersion, GovernanceProfile) {
        let version = try await self.version(tenant.profileVersion ?? 0, of: tenant, on: db)
        return (version, try parse(version))
    }

    /// One stored version; 404 when the tenant has no such version.
    static func version(_ number: Int, of tenant: Tenant, on db: any Database) async throws -> ProfileVersion {
        guard
            let found = try await ProfileVersion.scoped(to: tenant, on: db).filter(\.$version == number).first()
        else { throw ProfileError.versionNotFound(number) }
        return found
    }

    /// Every version, newest first.
    static func versions(of tenant: Tenant, on db: any Database) async throws -> [ProfileVersion] {
        try await ProfileVersion.scoped(to: tenant, on: db).sort(\.$version, .descending).all()
    }

    /// A stored version parsed. Stored versions passed validation when they were uploaded; if a later
    /// Styrbord reads the format more strictly, whatever it can still read is used.
    static func parse(_ version: ProfileVersion) throws -> GovernanceProfile {
        let parsed = ProfileParser.parse(version.sourceYAML)
        guard let profile = parsed.profile else { throw ProfileError.invalid(parsed.problems) }
        return profile
    }

    /// Validates `yaml` and stores it as the tenant's next version, in force at once, with the roles it
    /// names added to the register and a line in the audit trail. Nothing is stored when it has problems.
    @discardableResult
    static func install(
        yaml: String, message: String = "", tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> ProfileVersion {
        guard yaml.utf8.count <= ProfileParser.maxBytes else { throw ProfileError.tooLarge }
        var note = Validator()
        note.limit(message, field: "message", label: Localized(sv: "Kommentaren", en: "The note"), max: 500)
        try note.throwIfAny()
        let (parsed, problems) = ProfileValidator.check(yaml: yaml)
        guard problems.isEmpty, let profile = parsed else { throw ProfileError.invalid(problems) }
        let tenantID = try tenant.requireID()
        return try await db.writeTransaction { tx in
            let previous = try await ProfileVersion.scoped(to: tenant, on: tx).sort(\.$version, .descending).first()
            let record = ProfileVersion(
                id: actor.uuid(), tenantID: tenantID, version: (previous?.version ?? 0) + 1, profile: profile,
                yaml: yaml,
                message: message.trimmed, createdAt: actor.now(), createdBy: actor.name,
                accountID: actor.accountID)
            try await record.create(on: tx)
            guard let fresh = try await Tenant.find(tenantID, on: tx) else {
                throw CommonError.tenantNotFound(slug: "")
            }
            fresh.profileVersion = record.version
            try await fresh.update(on: tx)
            try await addMissingRoleTypes(profile, tenantID: tenantID, actor: actor, on: tx)
            try await AuditLog.record(
                previous == nil ? .create : .update, objectType: ProfileVersion.objectType,
                objectID: record.requireID(),
                label: "Styrningsprofil version \(record.version): \(record.name)", tenantID: tenantID,
                before: previous.map(snapshot), after: snapshot(record),
                message: record.message.isEmpty ? nil : record.message,
                actor: actor, on: tx)
            return record
        }
    }

    static func snapshot(_ v: ProfileVersion) -> ProfileVersionSnapshot {
        let digest = SHA256.hash(data: Data(v.sourceYAML.utf8)).map { String(format: "%02x", $0) }.joined()
        return ProfileVersionSnapshot(
            version: v.version, key: v.profileKey, name: v.name, sha256: digest, message: v.message)
    }

    /// The register's role types a profile needs: the register's own catalogue (its keys are what
    /// imports, exports and rules use) with the profile's wording where it defines the same role,
    /// then the profile's other roles.
    static func roleDefinitions(for profile: GovernanceProfile) -> [RoleDefinition] {
        let own = Dictionary(profile.roleDefinitions.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let base = RoleCatalogue.standard.map { own[$0.key] ?? $0 }
        let known = Set(base.map(\.key))
        return base + profile.roleDefinitions.filter { !known.contains($0.key) }
    }

    /// A new version may name roles the register doesn't have yet: they are added (never removed:
    /// people may hold the old ones).
    static func addMissingRoleTypes(
        _ profile: GovernanceProfile, tenantID: UUID, actor: AuditActor, on db: any Database
    ) async throws {
        let existing = try await RoleType.query(on: db).filter(\.$tenantID == tenantID).all()
        let keys = Set(existing.map(\.key))
        var order = (existing.map(\.sortOrder).max() ?? -1) + 1
        for definition in roleDefinitions(for: profile) where !keys.contains(definition.key) {
            let type = RoleType(id: actor.uuid(), tenantID: tenantID, definition: definition, sortOrder: order)
            try await type.create(on: db)
            order += 1
            try await AuditLog.record(
                .create, objectType: "role-type", objectID: try type.requireID(), label: definition.name.sv,
                tenantID: tenantID, before: String?.none, after: definition.key,
                message: "Ur styrningsprofilen \(profile.key)", actor: actor, on: db)
        }
    }
}
