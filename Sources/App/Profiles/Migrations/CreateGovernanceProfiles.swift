import Fluent
import Foundation
import SQLKit
import StyrbordCore

/// Governance profiles as data (issue 4): every uploaded version of a tenant's profile.
struct CreateGovernanceProfiles: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("governance_profiles")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("version", .int64, .required)
            .field("profile_key", .string, .required)
            .field("name", .string, .required)
            .field("source_yaml", .string, .required)
            .field("message", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .field("created_by_account_id", .uuid)  // nil for the command line and migrations
            .unique(on: "tenant_id", "version")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("governance_profiles").delete()
    }
}

/// The version of its profile a tenant is governed by.
struct AddProfileVersionToTenants: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("tenants").field("profile_version", .int64).update()  // nil only before the backfill
    }

    func revert(on db: any Database) async throws {
        try await db.schema("tenants").deleteField("profile_version").update()
    }
}

/// Tenants created before profiles existed are governed by the standard profile from now on: what
/// the register already assumed (`RoleRequirementPolicy.standard`), now written down as version 1.
struct BackfillStandardProfile: AsyncMigration {
    func prepare(on db: any Database) async throws {
        guard let yaml = ShippedProfiles.yaml(ShippedProfiles.standardKey) else { return }
        let profile = try GovernanceProfile.load(yaml: yaml)
        let sql = db as! any SQLDatabase
        struct Row: Decodable { var id: UUID }
        let tenants = try await sql.select().column("id").from("tenants").where("profile_version", .is, SQLLiteral.null)
            .all(decoding: Row.self)
        for tenant in tenants {
            try await ProfileVersion(
                id: UUID(), tenantID: tenant.id, version: 1, profile: profile, yaml: yaml,
                message: "Standardprofilen (migrering)", createdAt: Date(), createdBy: "migration", accountID: nil
            ).create(on: db)
            try await sql.update("tenants").set("profile_version", to: SQLBind(1)).where(
                "id", .equal, SQLBind(tenant.id)
            )
            .run()
        }
    }

    func revert(on db: any Database) async throws {
        // The versions go with the table and the column; nothing else to undo.
    }
}
