import Fluent
import Foundation
import StyrbordCore

/// One version of a municipality's governance profile (issue 4): its YAML as uploaded, never changed
/// afterwards. The tenant's `profile_version` names the one in force; a new upload becomes version n + 1.
final class ProfileVersion: Model, TenantScoped, @unchecked Sendable {
    static let schema = "governance_profiles"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// 1, 2, 3 … per tenant.
    @Field(key: "version") var version: Int
    /// The profile's own key (`standard`, `danderyd` …) and name, for lists without parsing.
    @Field(key: "profile_key") var profileKey: String
    @Field(key: "name") var name: String
    /// The YAML exactly as uploaded, comments included.
    @Field(key: "source_yaml") var sourceYAML: String
    /// Why this version was made ("Ny beslutsväg för kommungemensamma system"), when given.
    @Field(key: "message") var message: String
    @Field(key: "created_at") var createdAt: Date
    /// Who uploaded it, as the audit trail names them.
    @Field(key: "created_by") var createdBy: String
    @OptionalField(key: "created_by_account_id") var createdByAccountID: UUID?

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $version, $profileKey, $name, $sourceYAML, $message, $createdAt, $createdBy,
            $createdByAccountID,
        ]
    }

    init() {}

    init(
        id: UUID, tenantID: UUID, version: Int, profile: GovernanceProfile, yaml: String, message: String,
        createdAt: Date, createdBy: String, accountID: UUID?
    ) {
        self.id = id
        self.tenantID = tenantID
        self.version = version
        self.profileKey = profile.key
        self.name = profile.name.sv
        self.sourceYAML = yaml
        self.message = message
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.createdByAccountID = accountID
    }

    static let objectType = "governance-profile"
}
