import Fluent

/// Accounts: local sign-in for employees and the platform operator.
struct CreateAccounts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("accounts")
            .id()
            .field("tenant_id", .uuid, .references("tenants", "id", onDelete: .restrict))
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("is_tenant_admin", .bool, .required)
            .field("is_platform_operator", .bool, .required)
            .field("person_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("is_active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("password_changed_at", .datetime, .required)
            .field("last_sign_in_at", .datetime)
            .unique(on: "email")
            .create()
        try await Indexes.create("accounts_tenant", on: "accounts", columns: ["tenant_id"], db: db)
        try await Indexes.create("accounts_person", on: "accounts", columns: ["person_id"], db: db)
    }

    func revert(on db: any Database) async throws { try await db.schema("accounts").delete() }
}

/// Browser sessions, in the database so they survive restarts and are shared by every app instance.
struct CreateUserSessions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("user_sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await Indexes.create("user_sessions_account", on: "user_sessions", columns: ["account_id"], db: db)
    }

    func revert(on db: any Database) async throws { try await db.schema("user_sessions").delete() }
}

/// API tokens per account.
struct CreateAPITokens: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("api_tokens")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("access", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await Indexes.create("api_tokens_account", on: "api_tokens", columns: ["account_id"], db: db)
    }

    func revert(on db: any Database) async throws { try await db.schema("api_tokens").delete() }
}

/// Failed sign-ins for the throttle.
struct CreateSignInFailures: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("sign_in_failures")
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await Indexes.create("sign_in_failures_email", on: "sign_in_failures", columns: ["email", "at"], db: db)
        try await Indexes.create(
            "sign_in_failures_address", on: "sign_in_failures", columns: ["address", "at"], db: db)
    }

    func revert(on db: any Database) async throws { try await db.schema("sign_in_failures").delete() }
}
