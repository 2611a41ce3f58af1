import Fluent
import Foundation
import SQLKit
import StyrbordCore

// Plain rows for the register's bulk reads. Decoding Fluent models costs tens of microseconds a row
// (and every property read goes through a generic wrapper); the register page reads hundreds of rows
// per request, so these reads go through SQLKit's builder into small structs instead. The builder
// writes the same statements for SQLite and PostgreSQL. Writes still go through the Fluent models.

/// A role assignment as the register needs it.
struct AssignmentRow: Sendable {
    var id: UUID
    var roleTypeID: UUID
    var personID: UUID
    var systemID: UUID?
    var holding: RoleHolding
    var validFrom: String
    var validTo: String?

    /// Held on `day` (`validTo` is the last day).
    func isCurrent(on day: CalendarDay) -> Bool {
        validFrom <= day.iso && (validTo.map { day.iso <= $0 } ?? true)
    }
}

/// A person as lists need them.
struct PersonRow: Sendable {
    var id: UUID
    var name: String
    var isActive: Bool
}

/// A system as the register's table needs it.
struct SystemListRow: Sendable {
    var id: UUID
    var name: String
    var aliases: [String]
    var category: SystemCategory
    var ownerOrgUnitID: UUID?
    var lifecycleStatus: LifecycleStatus
    var criticality: Criticality
}

enum RegisterRows {
    static func sql(_ db: any Database) -> any SQLDatabase {
        // Both drivers in use (SQLite and PostgreSQL) are SQL databases.
        db as! any SQLDatabase
    }

    /// SQLite keeps UUIDs as text, and Foundation parses text UUIDs with `sscanf`, which showed up in
    /// the register's profile; PostgreSQL sends them as 16 bytes. Read text ourselves.
    /// `text`: the database keeps UUIDs as text (SQLite); decided once per query by the caller.
    static func uuid(_ r: any SQLRow, _ column: String, text: Bool) throws -> UUID {
        if text, let id = UUID.parsing(try r.decode(column: column, as: String.self)) { return id }
        return try r.decode(column: column, as: UUID.self)
    }

    static func optionalUUID(_ r: any SQLRow, _ column: String, text: Bool) throws -> UUID? {
        if try r.decodeNil(column: column) { return nil }
        return try uuid(r, column, text: text)
    }

    /// Role assignments held on the given systems, with their holders, in one query.
    static func assignments(
        tenant: UUID, systems: [UUID], on db: any Database
    ) async throws -> (assignments: [AssignmentRow], people: [UUID: PersonRow]) {
        let text = DatabaseTuning.isSQLite(db)
        guard !systems.isEmpty else { return ([], [:]) }
        let rows = try await sql(db).select()
            .column(SQLColumn("id", table: "role_assignments"), as: "id")
            .columns(
                SQLColumn("role_type_id"), SQLColumn("person_id"), SQLColumn("system_id"), SQLColumn("holding"),
                SQLColumn("valid_from"), SQLColumn("valid_to"), SQLColumn("name", table: "people"),
                SQLColumn("is_active", table: "people")
            )
            .from("role_assignments")
            .join(
                "people", on: SQLColumn("person_id", table: "role_assignments"), .equal,
                SQLColumn("id", table: "people")
            )
            .where(SQLColumn("tenant_id", table: "role_assignments"), .equal, SQLBind(tenant))
            .where(SQLColumn("system_id", table: "role_assignments"), .in, SQLBind.group(systems))
            .all()
        var assignments: [AssignmentRow] = []
        var people: [UUID: PersonRow] = [:]
        assignments.reserveCapacity(rows.count)
        for r in rows {
            let personID = try uuid(r, "person_id", text: text)
            assignments.append(
                AssignmentRow(
                    id: try uuid(r, "id", text: text),
                    roleTypeID: try uuid(r, "role_type_id", text: text),
                    personID: personID,
                    systemID: try optionalUUID(r, "system_id", text: text),
                    holding: RoleHolding(rawValue: try r.decode(column: "holding", as: String.self)) ?? .primary,
                    validFrom: try r.decode(column: "valid_from", as: String.self),
                    validTo: try r.decode(column: "valid_to", as: String?.self)))
            if people[personID] == nil {
                people[personID] = PersonRow(
                    id: personID, name: try r.decode(column: "name", as: String.self),
                    isActive: try r.decode(column: "is_active", as: Bool.self))
            }
        }
        return (assignments, people)
    }

    /// The tenant's org units, for `OrgTree`.
    static func orgUnits(tenant: UUID, on db: any Database) async throws -> [OrgTree.Unit] {
        let text = DatabaseTuning.isSQLite(db)
        let rows = try await sql(db).select()
            .columns("id", "parent_id", "name", "sort_key", "short_name", "kind")
            .from("org_units")
            .where("tenant_id", .equal, SQLBind(tenant))
            .all()
        return try rows.map { r in
            OrgTree.Unit(
                id: try uuid(r, "id", text: text), parentID: try optionalUUID(r, "parent_id", text: text),
                name: try r.decode(column: "name", as: String.self),
                sortKey: try r.decode(column: "sort_key", as: String.self),
                shortName: try r.decode(column: "short_name", as: String.self),
                kind: OrgUnitKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .unit)
        }
    }

    /// The columns of the register's table, qualified so they can be selected beside a join.
    static let systemListColumns: [any SQLExpression] = [
        "id", "name", "aliases", "category", "owner_org_unit_id", "lifecycle_status", "criticality",
    ]
    .map { SQLAlias(SQLColumn($0, table: "it_systems"), as: SQLIdentifier($0)) }

    static func systemListRow(_ r: any SQLRow, text: Bool) throws -> SystemListRow {
        SystemListRow(
            id: try uuid(r, "id", text: text), name: try r.decode(column: "name", as: String.self),
            aliases: JSONText.decode(try r.decode(column: "aliases", as: String.self), as: [String].self) ?? [],
            category: SystemCategory(rawValue: try r.decode(column: "category", as: String.self)) ?? .business,
            ownerOrgUnitID: try optionalUUID(r, "owner_org_unit_id", text: text),
            lifecycleStatus: LifecycleStatus(rawValue: try r.decode(column: "lifecycle_status", as: String.self))
                ?? .inProduction,
            criticality: Criticality(rawValue: try r.decode(column: "criticality", as: String.self)) ?? .medium)
    }

    /// Category and lifecycle of every system of the tenant: what the role requirements depend on.
    static func requirementKeys(
        tenant: UUID, on db: any Database
    ) async throws -> [(id: UUID, category: SystemCategory, lifecycle: LifecycleStatus)] {
        let text = DatabaseTuning.isSQLite(db)
        let rows = try await sql(db).select()
            .columns("id", "category", "lifecycle_status")
            .from("it_systems")
            .where("tenant_id", .equal, SQLBind(tenant))
            .all()
        return try rows.map { r in
            (
                try uuid(r, "id", text: text),
                SystemCategory(rawValue: try r.decode(column: "category", as: String.self)) ?? .business,
                LifecycleStatus(rawValue: try r.decode(column: "lifecycle_status", as: String.self)) ?? .inProduction
            )
        }
    }
}
