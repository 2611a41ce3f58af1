import Fluent
import Foundation
import StyrbordCore
import Vapor

/// A municipality (kommun, with its companies) and everything it registers. Every other table carries
/// `tenant_id`, and every query for tenant data starts from one.
final class Tenant: Model, @unchecked Sendable {
    static let schema = "tenants"

    @ID(key: .id) var id: UUID?
    /// The tenant's part of every URL (`/t/sjovik/…`): lower-case ASCII, digits and hyphens.
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "organisation_number") var organisationNumber: String
    @Field(key: "created_at") var createdAt: Date
    /// Bumped by every audited write to the tenant's data (see `AuditLog.record`).
    @Field(key: "data_version") var dataVersion: Int64
    /// How many years history keeps who made each change; `styrbord audit pseudonymise` then replaces
    /// them by pseudonyms. Nil: keep them until the command is given a period.
    @OptionalField(key: "audit_actor_retention_years") var auditActorRetentionYears: Int?
    /// The version of its governance profile in force (`governance_profiles.version`).
    @OptionalField(key: "profile_version") var profileVersion: Int?

    /// Listed by hand: FluentKit otherwise finds the properties by reflection on every row it decodes,
    /// which dominated the register's response time. `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [
            $id, $slug, $name, $organisationNumber, $createdAt, $dataVersion, $auditActorRetentionYears,
            $profileVersion,
        ]
    }

    init() {}

    init(id: UUID, slug: String, name: String, organisationNumber: String = "", createdAt: Date) {
        self.id = id
        self.slug = slug
        self.name = name
        self.organisationNumber = organisationNumber
        self.createdAt = createdAt
        self.dataVersion = 0
    }

    /// A valid slug: 2–63 characters of a–z, 0–9 and single hyphens, as in `upplands-vasby`.
    static func isValidSlug(_ slug: String) -> Bool {
        guard (2...63).contains(slug.unicodeScalars.count), !slug.hasPrefix("-"), !slug.hasSuffix("-"),
            !slug.contains("--")
        else {
            return false
        }
        return slug.unicodeScalars.allSatisfy(isSlugScalar)
    }

    /// a–z, 0–9 or a hyphen. Checked per Unicode scalar: as a `Character`, "b" with a combining
    /// diaeresis sorts between "a" and "z" and would pass.
    static func isSlugScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-"
    }
}

/// A record that belongs to one tenant.
protocol TenantScoped: Model where IDValue == UUID {
    var tenantID: UUID { get }
}

extension TenantScoped {
    /// Every query for tenant data goes through here.
    static func scoped(to tenant: Tenant, on db: any Database) throws -> QueryBuilder<Self> {
        // Every tenant table names the column `tenant_id` (see the migrations).
        Self.query(on: db).filter(FieldKey("tenant_id"), .equal, try tenant.requireID())
    }

    /// The record with this id in this tenant. Another tenant's id is indistinguishable from a
    /// missing one: both are "not found" (no existence leaks across tenants).
    static func find(_ id: UUID?, in tenant: Tenant, on db: any Database, what: Localized) async throws -> Self {
        guard let id, let found = try await scoped(to: tenant, on: db).filter(\._$id == id).first() else {
            throw CommonError.notFound(what: what)
        }
        return found
    }
}
