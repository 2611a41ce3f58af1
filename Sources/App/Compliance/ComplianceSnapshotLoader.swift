import Fluent
import Foundation
import SQLKit
import StyrbordCore

/// Reads what the compliance rules look at into `ComplianceSnapshot`s: six SQLKit queries for one tenant
/// or for all of them at once (then grouped by tenant in memory), never a Fluent model. Like the
/// register's bulk reads (`RegisterRows`), the statements are the same on SQLite and PostgreSQL.
enum ComplianceSnapshotLoader {
    /// One tenant's snapshot for `day`.
    static func load(
        tenant: UUID, day: CalendarDay, configuration: ComplianceConfiguration, on db: any Database
    ) async throws -> ComplianceSnapshot {
        try await load(tenants: [tenant], day: day, roleKeys: roleKeys(for: [configuration]), on: db)[tenant]
            ?? ComplianceSnapshot(day: day)
    }

    /// The role keys the rules of these configurations ask about: the required roles and those of the
    /// chain of who acts. Assignments of other roles are not read.
    static func roleKeys(for configurations: [ComplianceConfiguration]) -> Set<String> {
        var keys = Set<String>()
        for c in configurations {
            keys.formUnion(c.roleRequirements.requirements.map(\.roleKey))
            keys.formUnion(
                [c.responsible.systemRoleKey, c.responsible.orgUnitRoleKey, c.responsible.tenantRoleKey].compactMap {
                    $0
                })
        }
        return keys
    }

    /// Snapshots of the given tenants, or of every tenant when `tenants` is nil, keyed by tenant id; every
    /// tenant asked for by id gets one, empty or not. `roleKeys`: see `roleKeys(for:)`.
    static func load(
        tenants: [UUID]?, day: CalendarDay, roleKeys keys: Set<String>, on db: any Database
    ) async throws -> [UUID: ComplianceSnapshot] {
        let sql = RegisterRows.sql(db)
        let text = DatabaseTuning.isSQLite(db)
        var result: [UUID: ComplianceSnapshot] = [:]
        for id in tenants ?? [] { result[id] = ComplianceSnapshot(day: day) }
        func scoped(_ select: SQLSelectBuilder, table: String) -> SQLSelectBuilder {
            guard let tenants else { return select }
            let column = SQLColumn("tenant_id", table: table)
            return tenants.count == 1
                ? select.where(column, .equal, SQLBind(tenants[0]))
                : select.where(column, .in, SQLBind.group(tenants))
        }
        func add(_ tenant: UUID, _ change: (inout ComplianceSnapshot) -> Void) {
            change(&result[tenant, default: ComplianceSnapshot(day: day)])
        }

        for r in try await scoped(
            sql.select().columns("id", "tenant_id", "parent_id", "name", "short_name", "kind").from("org_units"),
            table: "org_units"
        ).all() {
            let unit = ComplianceSnapshot.OrgUnit(
                id: try RegisterRows.uuid(r, "id", text: text),
                parentID: try RegisterRows.optionalUUID(r, "parent_id", text: text),
                name: try r.decode(column: "name", as: String.self),
                shortName: try r.decode(column: "short_name", as: String.self),
                kind: OrgUnitKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .unit)
            add(try RegisterRows.uuid(r, "tenant_id", text: text)) { $0.orgUnits.append(unit) }
        }

        for r in try await scoped(
            sql.select().columns("id", "tenant_id", "name", "is_active", "left_on").from("people"), table: "people"
        ).all() {
            let person = ComplianceSnapshot.Person(
                id: try RegisterRows.uuid(r, "id", text: text), name: try r.decode(column: "name", as: String.self),
                isActive: try r.decode(column: "is_active", as: Bool.self),
                leftOn: try r.decode(column: "left_on", as: String?.self).flatMap(CalendarDay.init(iso:)))
            add(try RegisterRows.uuid(r, "tenant_id", text: text)) { $0.people.append(person) }
        }

        // The tenant's names for its roles, for messages.
        let standardNames = Dictionary(uniqueKeysWithValues: RoleCatalogue.standard.map { ($0.key, $0.name) })
        for r in try await scoped(
            sql.select().columns("tenant_id", "key", "name_sv", "name_en").from("role_types"), table: "role_types"
        ).all() {
            let key = try r.decode(column: "key", as: String.self)
            let name = Localized(
                sv: try r.decode(column: "name_sv", as: String.self),
                en: try r.decode(column: "name_en", as: String.self))
            if standardNames[key] != name {
                add(try RegisterRows.uuid(r, "tenant_id", text: text)) { $0.roleNames[key] = name }
            }
        }

        // Only the roles the rules ask about.
        if !keys.isEmpty {
            let ra = "role_assignments"
            let select = sql.select()
                .column(SQLColumn("tenant_id", table: ra), as: "tenant_id")
                .column(SQLColumn("key", table: "role_types"), as: "role_key")
                .columns(
                    SQLColumn("person_id", table: ra), SQLColumn("scope", table: ra), SQLColumn("system_id", table: ra),
                    SQLColumn("org_unit_id", table: ra), SQLColumn("holding", table: ra),
                    SQLColumn("valid_from", table: ra), SQLColumn("valid_to", table: ra)
                )
                .from(ra)
                .join(
                    "role_types", on: SQLColumn("role_type_id", table: ra), .equal, SQLColumn("id", table: "role_types")
                )
                .where(SQLColumn("key", table: "role_types"), .in, SQLBind.group(keys.sorted()))
            for r in try await scoped(select, table: ra).all() {
                guard let scope = RoleScopeKind(rawValue: try r.decode(column: "scope", as: String.self)),
                    let from = CalendarDay(iso: try r.decode(column: "valid_from", as: String.self))
                else { continue }
                let scopeID: UUID? =
                    switch scope {
                    case .system: try RegisterRows.optionalUUID(r, "system_id", text: text)
                    case .orgUnit: try RegisterRows.optionalUUID(r, "org_unit_id", text: text)
                    case .tenant, .managementObject: nil
                    }
                let assignment = ComplianceSnapshot.RoleAssignment(
                    roleKey: try r.decode(column: "role_key", as: String.self),
                    personID: try RegisterRows.uuid(r, "person_id", text: text), scope: scope, scopeID: scopeID,
                    holding: RoleHolding(rawValue: try r.decode(column: "holding", as: String.self)) ?? .primary,
                    validFrom: from,
                    validTo: try r.decode(column: "valid_to", as: String?.self).flatMap(CalendarDay.init(iso:)))
                add(try RegisterRows.uuid(r, "tenant_id", text: text)) { $0.roleAssignments.append(assignment) }
            }
        }

        let systemColumns = [
            "id", "tenant_id", "name", "category", "lifecycle_status", "owner_org_unit_id", "created_at",
            "confidentiality", "integrity", "availability", "classified_on", "classification_valid_until",
            "personal_data_level", "pd_purpose", "pd_legal_basis", "pd_subject_categories", "pd_processor_agreement",
        ]
        var registered = RegisteredDay()
        for r in try await scoped(
            sql.select().columns(systemColumns.map { SQLColumn($0) }).from("it_systems"), table: "it_systems"
        ).all() {
            let levels = try ["confidentiality", "integrity", "availability"].map {
                try r.decode(column: $0, as: Int?.self)
            }
            let categories = try r.decode(column: "pd_subject_categories", as: String.self)
            let system = ComplianceSnapshot.System(
                id: try RegisterRows.uuid(r, "id", text: text), name: try r.decode(column: "name", as: String.self),
                category: SystemCategory(rawValue: try r.decode(column: "category", as: String.self)) ?? .business,
                lifecycle: LifecycleStatus(rawValue: try r.decode(column: "lifecycle_status", as: String.self))
                    ?? .inProduction,
                ownerOrgUnitID: try RegisterRows.optionalUUID(r, "owner_org_unit_id", text: text),
                registeredOn: registered.day(of: try r.decode(column: "created_at", as: Date.self)),
                isClassified: levels.allSatisfy { $0 != nil },
                classifiedOn: try r.decode(column: "classified_on", as: String?.self).flatMap(CalendarDay.init(iso:)),
                classificationValidUntil: try r.decode(column: "classification_valid_until", as: String?.self)
                    .flatMap(CalendarDay.init(iso:)),
                personalData: PersonalDataLevel(
                    rawValue: try r.decode(column: "personal_data_level", as: String.self)) ?? .none,
                hasProcessingPurpose: !(try r.decode(column: "pd_purpose", as: String.self)).isEmpty,
                legalBasis: try r.decode(column: "pd_legal_basis", as: String?.self).flatMap(LegalBasis.init),
                dataSubjectCategoryCount: categories == "[]" || categories.isEmpty
                    ? 0 : JSONText.decode(categories, as: [String].self)?.count ?? 0,
                processorAgreement: try r.decode(column: "pd_processor_agreement", as: String?.self).flatMap(
                    ProcessorAgreementStatus.init))
            add(try RegisterRows.uuid(r, "tenant_id", text: text)) { $0.systems.append(system) }
        }

        // Only contracts with an end date can approach a notice date.
        for r in try await scoped(
            sql.select()
                .columns(
                    "id", "tenant_id", "system_id", "title", "ends_on", "notice_period_months", "auto_renews",
                    "renewal_period_months"
                )
                .from("contracts").where(SQLColumn("ends_on"), .isNot, SQLLiteral.null),
            table: "contracts"
        ).all() {
            let contract = ComplianceSnapshot.Contract(
                id: try RegisterRows.uuid(r, "id", text: text),
                systemID: try RegisterRows.uuid(r, "system_id", text: text),
                title: try r.decode(column: "title", as: String.self),
                endsOn: try r.decode(column: "ends_on", as: String?.self).flatMap(CalendarDay.init(iso:)),
                noticePeriodMonths: try r.decode(column: "notice_period_months", as: Int?.self),
                autoRenews: try r.decode(column: "auto_renews", as: Bool.self),
                renewalPeriodMonths: try r.decode(column: "renewal_period_months", as: Int?.self))
            add(try RegisterRows.uuid(r, "tenant_id", text: text)) { $0.contracts.append(contract) }
        }
        return result
    }

    /// The Swedish calendar day of a registration instant. Systems are mostly registered in batches
    /// (an import, the demo), so the last answer is kept: Foundation's calendar is slow.
    private struct RegisteredDay {
        var lastDate: Date?
        var lastDay = CalendarDay(year: 2000, month: 1, day: 1)!

        mutating func day(of date: Date) -> CalendarDay {
            if date == lastDate { return lastDay }
            lastDate = date
            lastDay = CalendarDay(date)
            return lastDay
        }
    }
}
