import Fluent
import Foundation
import SQLKit
import StyrbordCore

/// Reads what the compliance rules look at into `ComplianceSnapshot`s: ten SQLKit queries for one tenant
/// or for all of them at once (then grouped by tenant in memory), never a Fluent model. Like the
/// register's bulk reads (`RegisterRows`), the statements are the same on SQLite and PostgreSQL. The
/// queries run side by side, each decoding its own rows, and ask the database for facts rather than
/// values where the rules need no more (whether a system is classified, not its three levels).
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
            // Who acts on a plan: its kind's owner (tenant-wide) or the role that adopts it (per system).
            keys.formUnion(c.planKinds.flatMap { [$0.owner, $0.adoptedBy].compactMap { $0 } })
            keys.formUnion(
                [c.responsible.systemRoleKey, c.responsible.orgUnitRoleKey, c.responsible.tenantRoleKey].compactMap {
                    $0
                })
            // D4/E2: who should call a forum that meets too rarely.
            keys.formUnion(c.forumCadences.flatMap(\.leaderRoleKeys))
        }
        return keys
    }

    /// Snapshots of the given tenants, or of every tenant when `tenants` is nil, keyed by tenant id; every
    /// tenant asked for by id gets one, empty or not. `roleKeys`: see `roleKeys(for:)`.
    static func load(
        tenants: [UUID]?, day: CalendarDay, roleKeys keys: Set<String>, on db: any Database
    ) async throws -> [UUID: ComplianceSnapshot] {
        let reader = Reader(
            text: DatabaseTuning.isSQLite(db), tenants: tenants, only: tenants?.count == 1 ? tenants?.first : nil)
        func read<T: Sendable>(
            _ query: @escaping @Sendable (Reader, any SQLDatabase) async throws -> T
        ) async throws -> T {
            try await DatabaseTuning.withBulkReader(db) { try await query(reader, $0) }
        }
        async let units = read { try await $0.orgUnits(on: $1) }
        async let people = read { try await $0.people(on: $1) }
        async let names = read { try await $0.roleNames(on: $1) }
        async let assignments = read { try await $0.assignments(keys: keys, on: $1) }
        async let systems = read { try await $0.systems(on: $1) }
        async let contracts = read { try await $0.contracts(on: $1) }
        async let meetings = read { try await $0.meetings(on: $1) }
        async let plans = read { try await $0.plans(on: $1) }
        async let documents = read { try await $0.documents(on: $1) }
        async let readings = read { try await $0.pendingReadings(on: $1) }
        async let agreements = read { try await $0.agreements(on: $1) }
        async let outages = read { try await $0.outages(on: $1) }

        var result: [UUID: ComplianceSnapshot] = [:]
        for id in tenants ?? [] { result[id] = ComplianceSnapshot(day: day) }
        func add(_ tenant: UUID, _ change: (inout ComplianceSnapshot) -> Void) {
            change(&result[tenant, default: ComplianceSnapshot(day: day)])
        }
        for (tenant, unit) in try await units { add(tenant) { $0.orgUnits.append(unit) } }
        for (tenant, person) in try await people { add(tenant) { $0.people.append(person) } }
        for (tenant, key, name) in try await names { add(tenant) { $0.roleNames[key] = name } }
        for (tenant, assignment) in try await assignments { add(tenant) { $0.roleAssignments.append(assignment) } }
        var registered = RegisteredDay()
        for (tenant, system, createdAt) in try await systems {
            var system = system
            system.registeredOn = registered.day(of: createdAt)
            add(tenant) { $0.systems.append(system) }
        }
        for (tenant, contract) in try await contracts { add(tenant) { $0.contracts.append(contract) } }
        var meetingDay = RegisteredDay()
        for (tenant, forumKey, unit, startsAt) in try await meetings {
            let day = meetingDay.day(of: startsAt)
            add(tenant) {
                $0.meetings.append(ComplianceSnapshot.Meeting(forumKey: forumKey, orgUnitID: unit, day: day))
            }
        }
        for (tenant, plan) in try await plans { add(tenant) { $0.plans.append(plan) } }
        for (tenant, document) in try await documents { add(tenant) { $0.documents.append(document) } }
        for (tenant, reading) in try await readings { add(tenant) { $0.pendingReadings.append(reading) } }
        for (tenant, agreement) in try await agreements { add(tenant) { $0.agreements.append(agreement) } }
        for (tenant, system, outage) in try await outages {
            add(tenant) { $0.outages[system, default: []].append(outage) }
        }
        return result
    }

    /// The twelve queries, each returning its rows with their tenant.
    private struct Reader: Sendable {
        /// The database keeps UUIDs as text (SQLite).
        var text: Bool
        var tenants: [UUID]?
        /// The one tenant asked for: its rows need no `tenant_id` read back.
        var only: UUID?

        private func scoped(_ select: SQLSelectBuilder, table: String) -> SQLSelectBuilder {
            guard let tenants else { return select }
            let column = SQLColumn("tenant_id", table: table)
            return tenants.count == 1
                ? select.where(column, .equal, SQLBind(tenants[0]))
                : select.where(column, .in, SQLBind.group(tenants))
        }

        private func tenant(_ r: any SQLRow) throws -> UUID {
            if let only { return only }
            return try RegisterRows.uuid(r, "tenant_id", text: text)
        }

        private func day(_ r: any SQLRow, _ column: String) throws -> CalendarDay? {
            try r.decode(column: column, as: String?.self).flatMap(CalendarDay.init(iso:))
        }

        func orgUnits(on sql: any SQLDatabase) async throws -> [(UUID, ComplianceSnapshot.OrgUnit)] {
            let select = sql.select().columns("id", "tenant_id", "parent_id", "name", "short_name", "kind")
                .from("org_units")
            return try await scoped(select, table: "org_units").all().map { r in
                (
                    try tenant(r),
                    ComplianceSnapshot.OrgUnit(
                        id: try RegisterRows.uuid(r, "id", text: text),
                        parentID: try RegisterRows.optionalUUID(r, "parent_id", text: text),
                        name: try r.decode(column: "name", as: String.self),
                        shortName: try r.decode(column: "short_name", as: String.self),
                        kind: OrgUnitKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .unit)
                )
            }
        }

        func people(on sql: any SQLDatabase) async throws -> [(UUID, ComplianceSnapshot.Person)] {
            let select = sql.select().columns("id", "tenant_id", "name", "is_active", "left_on").from("people")
            return try await scoped(select, table: "people").all().map { r in
                (
                    try tenant(r),
                    ComplianceSnapshot.Person(
                        id: try RegisterRows.uuid(r, "id", text: text),
                        name: try r.decode(column: "name", as: String.self),
                        isActive: try r.decode(column: "is_active", as: Bool.self), leftOn: try day(r, "left_on"))
                )
            }
        }

        /// The tenant's names for its roles where they differ from the standard catalogue's, for messages.
        func roleNames(on sql: any SQLDatabase) async throws -> [(UUID, String, Localized)] {
            let standard = Dictionary(uniqueKeysWithValues: RoleCatalogue.standard.map { ($0.key, $0.name) })
            let select = sql.select().columns("tenant_id", "key", "name_sv", "name_en").from("role_types")
            return try await scoped(select, table: "role_types").all().compactMap { r in
                let key = try r.decode(column: "key", as: String.self)
                let name = Localized(
                    sv: try r.decode(column: "name_sv", as: String.self),
                    en: try r.decode(column: "name_en", as: String.self))
                return standard[key] == name ? nil : (try tenant(r), key, name)
            }
        }

        /// Assignments of the roles the rules ask about, with their role's key.
        func assignments(
            keys: Set<String>, on sql: any SQLDatabase
        ) async throws -> [(UUID, ComplianceSnapshot.RoleAssignment)] {
            guard !keys.isEmpty else { return [] }
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
            return try await scoped(select, table: ra).all().compactMap { r in
                guard let scope = RoleScopeKind(rawValue: try r.decode(column: "scope", as: String.self)),
                    let from = CalendarDay(iso: try r.decode(column: "valid_from", as: String.self))
                else { return nil }
                let scopeID: UUID? =
                    switch scope {
                    case .system: try RegisterRows.optionalUUID(r, "system_id", text: text)
                    case .orgUnit: try RegisterRows.optionalUUID(r, "org_unit_id", text: text)
                    case .tenant, .managementObject: nil
                    }
                return (
                    try tenant(r),
                    ComplianceSnapshot.RoleAssignment(
                        roleKey: try r.decode(column: "role_key", as: String.self),
                        personID: try RegisterRows.uuid(r, "person_id", text: text), scope: scope, scopeID: scopeID,
                        holding: RoleHolding(rawValue: try r.decode(column: "holding", as: String.self)) ?? .primary,
                        validFrom: from, validTo: try day(r, "valid_to"))
                )
            }
        }

        /// The systems, with the instant each was registered (made a day by the caller).
        func systems(on sql: any SQLDatabase) async throws -> [(UUID, ComplianceSnapshot.System, Date)] {
            func isNotNull(_ column: String) -> any SQLExpression {
                SQLBinaryExpression(left: SQLColumn(column), op: SQLBinaryOperator.isNot, right: SQLLiteral.null)
            }
            func and(_ a: any SQLExpression, _ b: any SQLExpression) -> any SQLExpression {
                SQLBinaryExpression(left: a, op: SQLBinaryOperator.and, right: b)
            }
            func notEqual(_ column: String, _ value: String) -> any SQLExpression {
                SQLBinaryExpression(
                    left: SQLColumn(column), op: SQLBinaryOperator.notEqual, right: SQLLiteral.string(value))
            }
            let select = sql.select()
                .columns(
                    "id", "tenant_id", "name", "category", "lifecycle_status", "owner_org_unit_id", "created_at",
                    "classified_on", "classification_valid_until", "personal_data_level", "pd_legal_basis",
                    "pd_processor_agreement", "availability"
                )
                // T9: classified when the three KLASSA aspects have levels.
                .column(
                    and(and(isNotNull("confidentiality"), isNotNull("integrity")), isNotNull("availability")),
                    as: "is_classified"
                )
                .column(notEqual("pd_purpose", ""), as: "has_purpose")
                // A JSON list: "[]" when empty.
                .column(notEqual("pd_subject_categories", "[]"), as: "has_subjects")
                .from("it_systems")
            return try await scoped(select, table: "it_systems").all().map { r in
                (
                    try tenant(r),
                    ComplianceSnapshot.System(
                        id: try RegisterRows.uuid(r, "id", text: text),
                        name: try r.decode(column: "name", as: String.self),
                        category: SystemCategory(rawValue: try r.decode(column: "category", as: String.self))
                            ?? .business,
                        lifecycle: LifecycleStatus(rawValue: try r.decode(column: "lifecycle_status", as: String.self))
                            ?? .inProduction,
                        ownerOrgUnitID: try RegisterRows.optionalUUID(r, "owner_org_unit_id", text: text),
                        registeredOn: CalendarDay(ordinal: 0),
                        isClassified: try r.decode(column: "is_classified", as: Bool.self),
                        classifiedOn: try day(r, "classified_on"),
                        classificationValidUntil: try day(r, "classification_valid_until"),
                        personalData: PersonalDataLevel(
                            rawValue: try r.decode(column: "personal_data_level", as: String.self)) ?? .none,
                        hasProcessingPurpose: try r.decode(column: "has_purpose", as: Bool.self),
                        legalBasis: try r.decode(column: "pd_legal_basis", as: String?.self).flatMap(LegalBasis.init),
                        hasDataSubjectCategories: try r.decode(column: "has_subjects", as: Bool.self),
                        processorAgreement: try r.decode(column: "pd_processor_agreement", as: String?.self).flatMap(
                            ProcessorAgreementStatus.init),
                        availabilityLevel: try r.decode(column: "availability", as: Int?.self)),
                    try r.decode(column: "created_at", as: Date.self)
                )
            }
        }

        /// The plans (D2, D3): adopted or not, with the years they cover.
        func plans(on sql: any SQLDatabase) async throws -> [(UUID, ComplianceSnapshot.Plan)] {
            let select = sql.select()
                .columns("id", "tenant_id", "kind_key", "system_id", "title", "start_year", "end_year", "adopted_on")
                .from("plans")
            return try await scoped(select, table: "plans").all().map { r in
                (
                    try tenant(r),
                    ComplianceSnapshot.Plan(
                        id: try RegisterRows.uuid(r, "id", text: text),
                        kindKey: try r.decode(column: "kind_key", as: String.self),
                        systemID: try RegisterRows.optionalUUID(r, "system_id", text: text),
                        title: try r.decode(column: "title", as: String.self),
                        startYear: try r.decode(column: "start_year", as: Int.self),
                        endYear: try r.decode(column: "end_year", as: Int.self), adoptedOn: try day(r, "adopted_on"))
                )
            }
        }

        /// Adopted governing documents: only they are due for review (D10).
        func documents(on sql: any SQLDatabase) async throws -> [(UUID, ComplianceSnapshot.Document)] {
            let select = sql.select()
                .columns(
                    "id", "tenant_id", "title", "type_key", "status", "owner_person_id", "decided_on", "valid_from",
                    "review_every_months", "next_review_on", "is_published"
                )
                .from("governing_documents")
                .where(SQLColumn("status"), .equal, SQLBind(DocumentStatus.adopted.rawValue))
            return try await scoped(select, table: "governing_documents").all().map { r in
                (
                    try tenant(r),
                    ComplianceSnapshot.Document(
                        id: try RegisterRows.uuid(r, "id", text: text),
                        title: try r.decode(column: "title", as: String.self),
                        typeKey: try r.decode(column: "type_key", as: String.self),
                        status: DocumentStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .draft,
                        ownerPersonID: try RegisterRows.uuid(r, "owner_person_id", text: text),
                        decidedOn: try day(r, "decided_on"), validFrom: try day(r, "valid_from"),
                        reviewEveryMonths: try r.decode(column: "review_every_months", as: Int?.self),
                        nextReviewOn: try day(r, "next_review_on"),
                        isPublished: try r.decode(column: "is_published", as: Bool.self))
                )
            }
        }

        /// Read confirmations not yet given (L8), counted per document and the day they were asked for.
        func pendingReadings(on sql: any SQLDatabase) async throws -> [(UUID, ComplianceSnapshot.PendingReading)] {
            let select = sql.select()
                .column("tenant_id").column("document_id").column("requested_on")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "pending")
                .from("document_read_requests")
                .where(SQLColumn("confirmed_at"), .is, SQLLiteral.null)
                .groupBy("tenant_id").groupBy("document_id").groupBy("requested_on")
            return try await scoped(select, table: "document_read_requests").all().compactMap { r in
                guard let requestedOn = try day(r, "requested_on") else { return nil }
                return (
                    try tenant(r),
                    ComplianceSnapshot.PendingReading(
                        documentID: try RegisterRows.uuid(r, "document_id", text: text), requestedOn: requestedOn,
                        count: try r.decode(column: "pending", as: Int.self))
                )
            }
        }

        /// Agreements on service level: what their availability is measured against (T8), and in force or not (D7).
        func agreements(on sql: any SQLDatabase) async throws -> [(UUID, ComplianceSnapshot.Agreement)] {
            let select = sql.select()
                .columns(
                    "id", "tenant_id", "system_id", "owner_person_id", "availability_hundredths", "service_hours",
                    "planned_maintenance_counts", "valid_from", "valid_to"
                )
                .from("service_agreements")
            return try await scoped(select, table: "service_agreements").all().compactMap { r in
                guard let from = try day(r, "valid_from") else { return nil }
                return (
                    try tenant(r),
                    ComplianceSnapshot.Agreement(
                        id: try RegisterRows.uuid(r, "id", text: text),
                        systemID: try RegisterRows.uuid(r, "system_id", text: text),
                        ownerPersonID: try RegisterRows.optionalUUID(r, "owner_person_id", text: text),
                        terms: AgreementTerms(
                            agreedPercent: AvailabilityTarget.percent(
                                try r.decode(column: "availability_hundredths", as: Int.self)),
                            serviceHours: ServiceHours(code: try r.decode(column: "service_hours", as: String.self))
                                ?? .always,
                            plannedMaintenanceCounts: try r.decode(column: "planned_maintenance_counts", as: Bool.self),
                            validFrom: from, validTo: try day(r, "valid_to")))
                )
            }
        }

        /// Outages by system, for measured availability (T8).
        func outages(on sql: any SQLDatabase) async throws -> [(UUID, UUID, Outage)] {
            let select = sql.select().columns("tenant_id", "system_id", "starts_at", "ends_at", "is_planned")
                .from("outages")
            return try await scoped(select, table: "outages").all().map { r in
                (
                    try tenant(r), try RegisterRows.uuid(r, "system_id", text: text),
                    Outage(
                        start: try r.decode(column: "starts_at", as: Date.self),
                        end: try r.decode(column: "ends_at", as: Date?.self),
                        isPlanned: try r.decode(column: "is_planned", as: Bool.self))
                )
            }
        }

        /// Contracts with an end date: only they can approach a notice date.
        func contracts(on sql: any SQLDatabase) async throws -> [(UUID, ComplianceSnapshot.Contract)] {
            let select = sql.select()
                .columns(
                    "id", "tenant_id", "system_id", "title", "ends_on", "notice_period_months", "auto_renews",
                    "renewal_period_months"
                )
                .from("contracts").where(SQLColumn("ends_on"), .isNot, SQLLiteral.null)
            return try await scoped(select, table: "contracts").all().map { r in
                (
                    try tenant(r),
                    ComplianceSnapshot.Contract(
                        id: try RegisterRows.uuid(r, "id", text: text),
                        systemID: try RegisterRows.uuid(r, "system_id", text: text),
                        title: try r.decode(column: "title", as: String.self), endsOn: try day(r, "ends_on"),
                        noticePeriodMonths: try r.decode(column: "notice_period_months", as: Int?.self),
                        autoRenews: try r.decode(column: "auto_renews", as: Bool.self),
                        renewalPeriodMonths: try r.decode(column: "renewal_period_months", as: Int?.self))
                )
            }
        }

        /// Every forum's meetings not cancelled (D4/E2/F3: the cadence rule counts them).
        func meetings(on sql: any SQLDatabase) async throws -> [(UUID, String, UUID?, Date)] {
            let select = sql.select().columns("tenant_id", "forum_key", "org_unit_id", "starts_at").from("meetings")
                .where(SQLColumn("cancelled_at"), .is, SQLLiteral.null)
            return try await scoped(select, table: "meetings").all().map { r in
                (
                    try tenant(r), try r.decode(column: "forum_key", as: String.self),
                    try RegisterRows.optionalUUID(r, "org_unit_id", text: text),
                    try r.decode(column: "starts_at", as: Date.self)
                )
            }
        }
    }

    /// The Swedish calendar day of a registration instant. Systems are mostly registered in batches
    /// (an import, the demo), so the last answer is kept: Foundation's calendar is slow.
    private struct RegisteredDay {
        var lastDate: Date?
        var lastDay = CalendarDay(ordinal: 0)

        mutating func day(of date: Date) -> CalendarDay {
            if date == lastDate { return lastDay }
            lastDate = date
            lastDay = CalendarDay(date)
            return lastDay
        }
    }
}
