import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Imports a system list (the web upload, `styrbord import systems` and the API share this):
/// prepare a preview with every issue, then write everything in one transaction, or nothing.
enum SystemImportService {
    /// What the import would do, for the preview and the command's report.
    struct Summary: Sendable, Equatable {
        var created: [String] = []
        var updated: [String] = []
        var unchanged: [String] = []
        var newSuppliers: [String] = []
        var newPersons: [String] = []
        /// "Procapita: systemförvaltare Mats Malm"
        var appointments: [String] = []
        /// Holders the file replaces: "Procapita: systemförvaltare Eva Ek ersätts"
        var replacements: [String] = []
    }

    /// A prepared import: the preview, and when it has no issues, the resolved plan and its summary.
    struct Prepared: Sendable {
        var preview: SystemImportPreview
        var plan: SystemImportPlan?
        var issues: [ImportIssue]
        var summary: Summary
        fileprivate var writes: [Write]

        var canImport: Bool { issues.isEmpty && plan != nil }
    }

    fileprivate struct Write: Sendable {
        var line: Int
        var existing: UUID?
        var draft: ITSystemDraft
        var roles: [SystemImportPlan.Role]
    }

    static func prepare(
        bytes: [UInt8], mapping: [String: String], tenant: Tenant, today: CalendarDay,
        makeID: @escaping @Sendable () -> UUID,
        on db: any Database
    ) async throws -> Prepared {
        let preview = SystemImporter().prepare(bytes, userMapping: mapping)
        let directory = try await directory(for: tenant, on: db)
        // Resolve names even when rows have other errors, so the user sees every problem at once.
        let plan = preview.resolve(using: directory, makeID: makeID)
        guard plan.canImport, !preview.hasErrors else {
            var seen = Set<String>()
            let all = (preview.issues + plan.issues).filter {
                seen.insert("\($0.line)|\($0.column ?? "")|\($0.message.sv)").inserted
            }
            .sorted { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
            return Prepared(preview: preview, plan: nil, issues: all, summary: Summary(), writes: [])
        }
        // The name finds the system; an import never renames one (that happens in the register).
        let mapped = Set(preview.mapping.columns.compactMap { $0.field?.kind }).subtracting([.name])
        let existingIDs = plan.systems.compactMap(\.existingSystemId)
        let existing =
            existingIDs.isEmpty ? [] : try await ITSystem.scoped(to: tenant, on: db).filter(\.$id ~~ existingIDs).all()
        let byID = Dictionary(uniqueKeysWithValues: existing.map { ($0.id!, $0) })
        let links =
            existingIDs.isEmpty
            ? [] : try await SystemUserOrgUnit.query(on: db).filter(\.$systemID ~~ existingIDs).all()
        let usersByID = Dictionary(grouping: links, by: \.systemID).mapValues { $0.map(\.orgUnitID) }
        let context = try await RegisterContext.load(tenant: tenant, today: today, on: db)
        let holders = try await currentHolders(of: existingIDs, tenant: tenant, context: context, on: db)
        let newPeople = Dictionary(uniqueKeysWithValues: plan.newPersons.map { ($0.id, $0.name) })
        let holderIDs = holders.values.flatMap { $0.values.flatMap { $0.map(\.personID) } }
        let knownPeople = try await names(
            of: Set(plan.systems.flatMap { $0.roles.map(\.personId) } + holderIDs), tenant: tenant, on: db)

        var summary = Summary(newSuppliers: plan.newSuppliers.map(\.name), newPersons: plan.newPersons.map(\.name))
        var replaced = Set<String>()
        var writes: [Write] = []
        var issues: [ImportIssue] = []
        for row in plan.systems {
            var draft = row.draft
            if let id = row.existingSystemId, let system = byID[id] {
                let stored = system.draft(
                    userOrgUnitIds: (usersByID[id] ?? []).sorted { $0.uuidString < $1.uuidString })
                draft = stored.merging(row.draft, fields: mapped).normalized()
                draft.userOrgUnitIds.sort { $0.uuidString < $1.uuidString }
                for issue in draft.validate() {
                    issues.append(ImportIssue(line: row.line, column: nil, field: issue.field, message: issue.message))
                }
                draft == stored ? summary.unchanged.append(draft.name) : summary.updated.append(draft.name)
            } else {
                summary.created.append(draft.name)
            }
            for role in row.roles {
                let person = knownPeople[role.personId] ?? newPeople[role.personId] ?? "?"
                let current =
                    row.existingSystemId.flatMap { holders[$0]?[RoleKeyHolding(role.roleKey, role.holding)] } ?? []
                if current.contains(where: { $0.personID == role.personId }) { continue }
                summary.appointments.append(
                    "\(draft.name): \(context.roleName(role.roleKey, .sv).lowercased()) \(person)")
                for other in current
                where !row.roles.contains(where: {
                    $0.roleKey == role.roleKey && $0.holding == role.holding && $0.personId == other.personID
                })
                    && replaced.insert("\(row.line)|\(role.roleKey)|\(other.personID)").inserted
                {
                    summary.replacements.append(
                        "\(draft.name): \(context.roleName(role.roleKey, .sv).lowercased()) \(knownPeople[other.personID] ?? other.name) ersätts"
                    )
                }
            }
            writes.append(Write(line: row.line, existing: row.existingSystemId, draft: draft, roles: row.roles))
        }
        return Prepared(preview: preview, plan: plan, issues: issues, summary: summary, writes: writes)
    }

    /// Writes a prepared import. Everything happens in one transaction: any failure leaves the
    /// register exactly as it was.
    static func execute(
        _ prepared: Prepared, tenant: Tenant, actor: AuditActor, source: String, on db: any Database
    ) async throws -> Summary {
        guard let plan = prepared.plan, prepared.canImport else {
            throw ImportError.notImportable(count: prepared.issues.count)
        }
        let tenantID = try tenant.requireID()
        let message = "Import från \(source)"
        let today = CalendarDay(actor.now())
        try await db.writeTransaction { tx in
            for s in plan.newSuppliers {
                let supplier = Supplier(
                    id: s.id, tenantID: tenantID, draft: SupplierDraft(name: s.name), now: actor.now())
                try await supplier.create(on: tx)
                try await AuditLog.record(
                    .import, objectType: Supplier.objectType, objectID: s.id, label: s.name, tenantID: tenantID,
                    before: SupplierDraft?.none, after: supplier.draft, message: message, actor: actor, on: tx)
            }
            for p in plan.newPersons {
                let person = Person(
                    id: p.id, tenantID: tenantID, draft: PersonDraft(name: p.name, email: p.email).normalized(),
                    now: actor.now())
                try await person.create(on: tx)
                try await AuditLog.record(
                    .import, objectType: Person.objectType, objectID: p.id, label: p.name, tenantID: tenantID,
                    before: PersonDraft?.none, after: person.draft, message: message, actor: actor, on: tx)
            }
            let roleTypes = try await RoleType.scoped(to: tenant, on: tx).all()
            for write in prepared.writes {
                let system: ITSystem
                if let id = write.existing, let stored = try await ITSystem.find(id, on: tx) {
                    system = try await SystemRules.overwrite(
                        stored, with: write.draft, tenant: tenant, actor: actor, message: message, action: .import,
                        on: tx)
                } else {
                    system = try await SystemRules.insert(
                        write.draft, id: actor.uuid(), tenant: tenant, actor: actor, message: message, action: .import,
                        on: tx)
                }
                try await appoint(
                    write.roles, on: system, roleTypes: roleTypes, tenant: tenant, today: today, actor: actor,
                    message: message, db: tx)
            }
        }
        return prepared.summary
    }

    /// Appoints the file's role holders from today; holders the file replaces end yesterday.
    private static func appoint(
        _ roles: [SystemImportPlan.Role], on system: ITSystem, roleTypes: [RoleType], tenant: Tenant,
        today: CalendarDay,
        actor: AuditActor, message: String, db: any Database
    ) async throws {
        let systemID = try system.requireID()
        let current = try await RoleAssignment.query(on: db).filter(\.$systemID == systemID).all().filter {
            $0.isCurrent(on: today)
        }
        for group in Dictionary(grouping: roles, by: { RoleKeyHolding($0.roleKey, $0.holding) }) {
            guard let type = roleTypes.first(where: { $0.key == group.key.key }) else { continue }
            let wanted = Set(group.value.map(\.personId))
            let holding = current.filter { $0.roleTypeID == type.id && $0.holding == group.key.holding }
            for old in holding where !wanted.contains(old.personID) {
                var ended = old.draft
                ended.validTo = max(ended.validFrom, today.adding(days: -1))
                _ = try await RecordStore.update(old, with: ended, actor: actor, message: message, on: db)
            }
            for personID in wanted where !holding.contains(where: { $0.personID == personID }) {
                let draft = RoleAssignmentDraft(
                    roleTypeId: try type.requireID(), personId: personID, scope: .system, scopeId: systemID,
                    holding: group.key.holding, validFrom: today, decisionReference: "")
                _ = try await RecordStore.create(
                    RoleAssignment.self, draft, tenant: tenant, actor: actor, label: "\(type.nameSv) – \(system.name)",
                    on: db)
            }
        }
    }

    /// The tenant's records as the importer looks names up.
    static func directory(for tenant: Tenant, on db: any Database) async throws -> ImportDirectory {
        async let units = OrgUnit.scoped(to: tenant, on: db).all()
        async let objects = ManagementObject.scoped(to: tenant, on: db).all()
        async let suppliers = Supplier.scoped(to: tenant, on: db).all()
        async let people = Person.scoped(to: tenant, on: db).all()
        async let systems = ITSystem.scoped(to: tenant, on: db).field(\.$id).field(\.$name).all()
        return ImportDirectory(
            orgUnits: try await units.map { .orgUnit(id: $0.id!, name: $0.name, shortName: $0.shortName) },
            managementObjects: try await objects.map { .init(id: $0.id!, name: $0.name) },
            suppliers: try await suppliers.map { .init(id: $0.id!, name: $0.name) },
            persons: try await people.map { .person(id: $0.id!, name: $0.name, email: $0.email) },
            systems: try await systems.map { .init(id: $0.id!, name: $0.name) })
    }

    private struct Holder: Sendable {
        var personID: UUID
        var name: String
    }

    private static func currentHolders(
        of systemIDs: [UUID], tenant: Tenant, context: RegisterContext, on db: any Database
    ) async throws -> [UUID: [RoleKeyHolding: [Holder]]] {
        guard !systemIDs.isEmpty else { return [:] }
        let assignments = try await RoleAssignment.scoped(to: tenant, on: db).filter(\.$systemID ~~ systemIDs).all()
            .filter { $0.isCurrent(on: context.today) }
        let keys = context.roleTypesByID.mapValues(\.key)
        var result: [UUID: [RoleKeyHolding: [Holder]]] = [:]
        for a in assignments {
            guard let systemID = a.systemID, let key = keys[a.roleTypeID] else { continue }
            result[systemID, default: [:]][RoleKeyHolding(key, a.holding), default: []].append(
                Holder(personID: a.personID, name: ""))
        }
        return result
    }
}

/// A role key with primary/deputy, as a dictionary key.
struct RoleKeyHolding: Hashable, Sendable {
    var key: String
    var holding: RoleHolding
    init(_ key: String, _ holding: RoleHolding) {
        self.key = key
        self.holding = holding
    }
}

enum ImportError: AppError {
    case notImportable(count: Int)
    case fileMissing
    case fileTooLarge(limitMB: Int)
    /// The API takes the file as `text/csv` only, so that no web form can post one (forms can't send that type).
    case notCSV

    var status: HTTPResponseStatus {
        switch self {
        case .notImportable: .unprocessableEntity
        case .fileMissing: .badRequest
        case .fileTooLarge: .payloadTooLarge
        case .notCSV: .unsupportedMediaType
        }
    }

    var code: String {
        switch self {
        case .notImportable: "import.has-errors"
        case .fileMissing: "import.file-missing"
        case .fileTooLarge: "import.file-too-large"
        case .notCSV: "import.not-csv"
        }
    }

    var userMessage: Localized {
        switch self {
        case .notImportable(let n):
            Localized(
                sv: "Filen har \(n) fel och inget har importerats. Rätta felen och försök igen.",
                en: "The file has \(n) errors and nothing was imported. Correct them and try again.")
        case .fileMissing: Localized(sv: "Välj en fil att importera.", en: "Choose a file to import.")
        case .fileTooLarge(let mb):
            Localized(sv: "Filen är för stor (högst \(mb) MB).", en: "The file is too large (at most \(mb) MB).")
        case .notCSV:
            Localized(sv: "Skicka filen med Content-Type: text/csv.", en: "Send the file with Content-Type: text/csv.")
        }
    }
}
