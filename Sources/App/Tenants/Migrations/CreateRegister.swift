import Fluent
import SQLKit

// The register's first schema, one migration per table so that each can be reverted on its own.
// Table and column names are literals: a migration records the schema as it shipped.

/// Tenants: one row per municipality.
struct CreateTenants: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("tenants")
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("organisation_number", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "slug")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("tenants").delete() }
}

/// The organisation tree. `manager_person_id` has no foreign key: people are created after units
/// (they belong to one) and SQLite cannot add the constraint later.
struct CreateOrgUnits: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("org_units")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("parent_id", .uuid, .references("org_units", "id", onDelete: .restrict))
            .field("name", .string, .required)
            .field("sort_key", .string, .required)
            .field("short_name", .string, .required)
            .field("kind", .string, .required)
            .field("manager_person_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await Indexes.create("org_units_tenant", on: "org_units", columns: ["tenant_id", "sort_key"], db: db)
    }
    func revert(on db: any Database) async throws { try await db.schema("org_units").delete() }
}

/// People who hold roles.
struct CreatePeople: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("people")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("sort_key", .string, .required)
            .field("email", .string, .required)
            .field("title", .string, .required)
            .field("phone", .string, .required)
            .field("org_unit_id", .uuid, .references("org_units", "id", onDelete: .setNull))
            .field("is_active", .bool, .required)
            .field("left_on", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await Indexes.create("people_tenant", on: "people", columns: ["tenant_id", "sort_key"], db: db)
    }
    func revert(on db: any Database) async throws { try await db.schema("people").delete() }
}

/// Suppliers and operations partners.
struct CreateSuppliers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("suppliers")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("sort_key", .string, .required)
            .field("organisation_number", .string, .required)
            .field("contact_name", .string, .required)
            .field("email", .string, .required)
            .field("phone", .string, .required)
            .field("website", .string, .required)
            .field("notes", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await Indexes.create("suppliers_tenant", on: "suppliers", columns: ["tenant_id", "sort_key"], db: db)
    }
    func revert(on db: any Database) async throws { try await db.schema("suppliers").delete() }
}

/// pm3 förvaltningsobjekt.
struct CreateManagementObjects: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("management_objects")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("sort_key", .string, .required)
            .field("description", .string, .required)
            .field("owner_org_unit_id", .uuid, .references("org_units", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await Indexes.create(
            "management_objects_tenant", on: "management_objects", columns: ["tenant_id", "sort_key"], db: db)
    }
    func revert(on db: any Database) async throws { try await db.schema("management_objects").delete() }
}

/// The tenant's role catalogue.
struct CreateRoleTypes: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("role_types")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("name_sv", .string, .required)
            .field("name_en", .string, .required)
            .field("scope", .string, .required)
            .field("duties_sv", .string, .required)
            .field("duties_en", .string, .required)
            .field("source", .string, .required)
            .field("sort_order", .int64, .required)
            .unique(on: "tenant_id", "key")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("role_types").delete() }
}

/// The IT systems.
struct CreateITSystems: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("it_systems")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("sort_key", .string, .required)
            .field("search_text", .string, .required)
            .field("aliases", .string, .required)
            .field("description", .string, .required)
            .field("category", .string, .required)
            .field("system_type", .string, .required)
            .field("owner_org_unit_id", .uuid, .references("org_units", "id", onDelete: .setNull))
            .field("management_object_id", .uuid, .references("management_objects", "id", onDelete: .setNull))
            .field("lifecycle_status", .string, .required)
            .field("lifecycle_rank", .int64, .required)
            .field("planned_start_on", .string)
            .field("production_start_on", .string)
            .field("decommission_planned_on", .string)
            .field("decommissioned_on", .string)
            .field("criticality", .string, .required)
            .field("criticality_rank", .int64, .required)
            .field("operation_mode", .string, .required)
            .field("operator_supplier_id", .uuid, .references("suppliers", "id", onDelete: .setNull))
            .field("product", .string, .required)
            .field("version", .string, .required)
            .field("supplier_id", .uuid, .references("suppliers", "id", onDelete: .setNull))
            .field("user_count", .int64)
            .field("confidentiality", .int64)
            .field("integrity", .int64)
            .field("availability", .int64)
            .field("traceability", .int64)
            .field("classified_by_person_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("classified_on", .string)
            .field("classification_valid_until", .string)
            .field("personal_data_level", .string, .required)
            .field("pd_purpose", .string, .required)
            .field("pd_legal_basis", .string)
            .field("pd_subject_categories", .string, .required)
            .field("pd_processor_agreement", .string)
            .field("pd_processor_agreement_ref", .string, .required)
            .field("pd_retention", .string, .required)
            .field("nis2", .string, .required)
            .field("ai_used", .bool, .required)
            .field("ai_risk_class", .string)
            .field("ai_description", .string, .required)
            .field("backup_enabled", .bool)
            .field("rpo_hours", .int64)
            .field("rto_hours", .int64)
            .field("documentation_links", .string, .required)
            .field("tags", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await Indexes.create(
            "it_systems_tenant_sort", on: "it_systems", columns: ["tenant_id", "sort_key"], db: db)
        try await Indexes.create(
            "it_systems_tenant_owner", on: "it_systems", columns: ["tenant_id", "owner_org_unit_id"], db: db)
    }
    func revert(on db: any Database) async throws { try await db.schema("it_systems").delete() }
}

/// Org units that use a system.
struct CreateSystemUserOrgUnits: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("system_user_org_units")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("system_id", .uuid, .required, .references("it_systems", "id", onDelete: .cascade))
            .field("org_unit_id", .uuid, .required, .references("org_units", "id", onDelete: .cascade))
            .unique(on: "system_id", "org_unit_id")
            .create()
        try await Indexes.create(
            "system_user_org_units_unit", on: "system_user_org_units", columns: ["org_unit_id"], db: db)
    }
    func revert(on db: any Database) async throws { try await db.schema("system_user_org_units").delete() }
}

/// Who holds which role for what.
struct CreateRoleAssignments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("role_assignments")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("role_type_id", .uuid, .required, .references("role_types", "id", onDelete: .restrict))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .restrict))
            .field("scope", .string, .required)
            .field("system_id", .uuid, .references("it_systems", "id", onDelete: .cascade))
            .field("management_object_id", .uuid, .references("management_objects", "id", onDelete: .cascade))
            .field("org_unit_id", .uuid, .references("org_units", "id", onDelete: .cascade))
            .field("holding", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .field("appointed_by_person_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("decision_reference", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await Indexes.create(
            "role_assignments_tenant_system", on: "role_assignments", columns: ["tenant_id", "system_id"], db: db)
        try await Indexes.create("role_assignments_person", on: "role_assignments", columns: ["person_id"], db: db)
    }
    func revert(on db: any Database) async throws { try await db.schema("role_assignments").delete() }
}

/// Integrations between systems.
struct CreateIntegrations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("integrations")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("source_system_id", .uuid, .required, .references("it_systems", "id", onDelete: .cascade))
            .field("target_system_id", .uuid, .references("it_systems", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("information", .string, .required)
            .field("frequency", .string, .required)
            .field("external_party", .string, .required)
            .field("description", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await Indexes.create("integrations_tenant", on: "integrations", columns: ["tenant_id"], db: db)
    }
    func revert(on db: any Database) async throws { try await db.schema("integrations").delete() }
}

/// Contracts per system.
struct CreateContracts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("contracts")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("system_id", .uuid, .required, .references("it_systems", "id", onDelete: .cascade))
            .field("supplier_id", .uuid, .references("suppliers", "id", onDelete: .setNull))
            .field("title", .string, .required)
            .field("reference", .string, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("notice_period_months", .int64)
            .field("auto_renews", .bool, .required)
            .field("renewal_period_months", .int64)
            .field("yearly_licence_cost_minor", .int64)
            .field("yearly_operation_cost_minor", .int64)
            .field("currency", .string, .required)
            .field("notes", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await Indexes.create(
            "contracts_tenant_system", on: "contracts", columns: ["tenant_id", "system_id"], db: db)
    }
    func revert(on db: any Database) async throws { try await db.schema("contracts").delete() }
}

/// History of every change.
struct CreateAuditEntries: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_entries")
            .id()
            .field("tenant_id", .uuid, .references("tenants", "id", onDelete: .cascade))
            .field("object_type", .string, .required)
            .field("object_id", .uuid, .required)
            .field("object_label", .string, .required)
            .field("action", .string, .required)
            .field("actor", .string, .required)
            .field("request_id", .string, .required)
            .field("at", .datetime, .required)
            .field("before", .string)
            .field("after", .string)
            .field("message", .string)
            .field("system_id", .uuid)
            .create()
        try await Indexes.create(
            "audit_entries_object", on: "audit_entries", columns: ["tenant_id", "object_id"], db: db)
        try await Indexes.create(
            "audit_entries_system", on: "audit_entries", columns: ["tenant_id", "system_id"], db: db)
    }
    func revert(on db: any Database) async throws { try await db.schema("audit_entries").delete() }
}
