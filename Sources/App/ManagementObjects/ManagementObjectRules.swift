import Fluent
import Foundation
import StyrbordCore
import Vapor

/// A förvaltningsobjekt as the API returns it.
typealias ManagementObjectResponse = RecordResponse<ManagementObjectDraft>

/// Checks and writes for förvaltningsobjekt.
enum ManagementObjectRules {
    /// Normalizes and checks a draft; throws `ValidationFailure` with every issue, including
    /// `formIssues` (values the form could not read).
    static func validated(
        _ draft: ManagementObjectDraft, tenant: Tenant, excluding id: UUID? = nil, formIssues: [ValidationIssue] = [],
        on db: any Database
    ) async throws -> ManagementObjectDraft {
        var (d, issues) = draft.checked()
        issues = formIssues + issues
        if let owner = d.ownerOrgUnitId,
            try await SystemRules.existing(OrgUnit.self, [owner], tenant: tenant, db: db).isEmpty
        {
            // Another tenant's unit reads exactly like an unknown one.
            issues.append(
                ValidationIssue(
                    field: "ownerOrgUnitId",
                    message: Localized(
                        sv: "Den ägande organisationsenheten finns inte.", en: "The owning org unit does not exist.")))
        }
        // Unique per tenant regardless of case, so that systems, reports and imports can name the object.
        if !d.name.isEmpty {
            let clash = try await ManagementObject.scoped(to: tenant, on: db).filter(
                \.$sortKey == SortKey.swedish(d.name)
            ).all()
                .contains { $0.id != id && $0.name.lowercased() == d.name.lowercased() }
            if clash {
                issues.append(
                    ValidationIssue(
                        field: "name",
                        message: Localized(
                            sv: "Det finns redan ett förvaltningsobjekt som heter \"\(d.name)\".",
                            en: "There is already a management object called \"\(d.name)\".")))
            }
        }
        try RecordStore.check(issues)
        return d
    }

    static func create(
        _ draft: ManagementObjectDraft, tenant: Tenant, actor: AuditActor, formIssues: [ValidationIssue] = [],
        on db: any Database
    ) async throws -> ManagementObject {
        let d = try await validated(draft, tenant: tenant, formIssues: formIssues, on: db)
        return try await RecordStore.create(ManagementObject.self, d, tenant: tenant, actor: actor, on: db)
    }

    static func update(
        _ object: ManagementObject, with draft: ManagementObjectDraft, tenant: Tenant, actor: AuditActor,
        formIssues: [ValidationIssue] = [], on db: any Database
    ) async throws -> ManagementObject {
        let d = try await validated(draft, tenant: tenant, excluding: object.id, formIssues: formIssues, on: db)
        return try await RecordStore.update(object, with: d, actor: actor, on: db)
    }

    /// What refers to the object: its systems, and the roles held for it (which the database would
    /// otherwise delete with it, history and all).
    static func uses(of object: ManagementObject, lang: UILanguage, on db: any Database) async throws -> [String] {
        let id = try object.requireID()
        async let systems = ITSystem.query(on: db).filter(\.$managementObjectID == id).count()
        async let roles = RoleAssignment.query(on: db).filter(\.$managementObjectID == id).count()
        return UseCount.describe(
            try await [
                UseCount(
                    systems, one: Localized(sv: "system", en: "system"), many: Localized(sv: "system", en: "systems")),
                UseCount(
                    roles, one: Localized(sv: "rolltilldelning", en: "role assignment"),
                    many: Localized(sv: "rolltilldelningar", en: "role assignments")),
            ], lang: lang)
    }

    /// Refused while systems belong to the object or roles are held for it.
    static func delete(
        _ object: ManagementObject, actor: AuditActor, message: String?, lang: UILanguage, on db: any Database
    ) async throws {
        let uses = try await uses(of: object, lang: lang, on: db)
        guard uses.isEmpty else { throw RegisterError.inUse(what: ManagementObject.what, uses: uses) }
        try await RecordStore.delete(object, actor: actor, message: message, on: db)
    }
}
