import Fluent
import Foundation
import StyrbordCore
import Vapor

/// An org unit as the API returns it.
typealias OrgUnitResponse = RecordResponse<OrgUnitDraft>

/// Checks and writes for the organisation tree.
enum OrgUnitRules {
    /// Normalizes and checks a draft against the tenant's tree; throws `ValidationFailure` with every
    /// issue, including `formIssues` (values the form could not read).
    static func validated(
        _ draft: OrgUnitDraft, tenant: Tenant, excluding id: UUID? = nil, formIssues: [ValidationIssue] = [],
        on db: any Database
    ) async throws -> OrgUnitDraft {
        var (d, issues) = draft.checked()
        issues = formIssues + issues
        let units = try await OrgUnit.scoped(to: tenant, on: db).all()
        let byID = Dictionary(uniqueKeysWithValues: units.compactMap { u in u.id.map { ($0, u) } })
        if let parent = d.parentId {
            if byID[parent] == nil {
                // Another tenant's unit reads exactly like an unknown one.
                issues.append(
                    issue("parentId", sv: "Den överordnade enheten finns inte.", en: "The parent unit does not exist."))
            } else if let id, isAncestorOrSelf(id, of: parent, in: byID) {
                issues.append(
                    issue(
                        "parentId",
                        sv:
                            "En enhet kan inte ligga under sig själv eller någon av sina egna underenheter. Välj en annan överordnad enhet.",
                        en:
                            "A unit can't be placed under itself or one of its own sub-units. Choose another parent unit."
                    ))
            }
        }
        if let manager = d.managerPersonId,
            try await SystemRules.existing(Person.self, [manager], tenant: tenant, db: db).isEmpty
        {
            issues.append(
                issue(
                    "managerPersonId", sv: "Chefen finns inte bland personerna.",
                    en: "The manager is not among the people."))
        }
        if !d.name.isEmpty,
            units.contains(where: {
                $0.id != id && $0.parentID == d.parentId && $0.name.lowercased() == d.name.lowercased()
            })
        {
            issues.append(
                issue(
                    "name", sv: "Det finns redan en enhet som heter \"\(d.name)\" på samma plats i organisationen.",
                    en: "There is already a unit called \"\(d.name)\" at the same place in the organisation."))
        }
        try RecordStore.check(issues)
        return d
    }

    /// True when `candidate` is `unit` or lies above it: walking up from `unit` reaches it.
    static func isAncestorOrSelf(_ candidate: UUID, of unit: UUID, in byID: [UUID: OrgUnit]) -> Bool {
        var current: UUID? = unit
        var seen = Set<UUID>()
        while let id = current, seen.insert(id).inserted {
            if id == candidate { return true }
            current = byID[id]?.parentID
        }
        return false
    }

    private static func issue(_ field: String, sv: String, en: String) -> ValidationIssue {
        ValidationIssue(field: field, message: Localized(sv: sv, en: en))
    }

    static func create(
        _ draft: OrgUnitDraft, tenant: Tenant, actor: AuditActor, formIssues: [ValidationIssue] = [],
        on db: any Database
    ) async throws -> OrgUnit {
        let d = try await validated(draft, tenant: tenant, formIssues: formIssues, on: db)
        return try await RecordStore.create(OrgUnit.self, d, tenant: tenant, actor: actor, on: db)
    }

    static func update(
        _ unit: OrgUnit, with draft: OrgUnitDraft, tenant: Tenant, actor: AuditActor,
        formIssues: [ValidationIssue] = [],
        on db: any Database
    ) async throws -> OrgUnit {
        let d = try await validated(draft, tenant: tenant, excluding: unit.id, formIssues: formIssues, on: db)
        return try await RecordStore.update(unit, with: d, actor: actor, on: db)
    }

    /// What refers to the unit: sub-units, systems it owns or uses, its people, roles held for it and
    /// the förvaltningsobjekt it owns.
    static func uses(of unit: OrgUnit, lang: UILanguage, on db: any Database) async throws -> [String] {
        let id = try unit.requireID()
        async let children = OrgUnit.query(on: db).filter(\.$parentID == id).count()
        async let owned = ITSystem.query(on: db).filter(\.$ownerOrgUnitID == id).count()
        async let used = SystemUserOrgUnit.query(on: db).filter(\.$orgUnitID == id).count()
        async let people = Person.query(on: db).filter(\.$orgUnitID == id).count()
        async let roles = RoleAssignment.query(on: db).filter(\.$orgUnitID == id).count()
        async let objects = ManagementObject.query(on: db).filter(\.$ownerOrgUnitID == id).count()
        async let documents = DocumentAudienceUnit.query(on: db).filter(\.$orgUnitID == id).count()
        return UseCount.describe(
            try await [
                UseCount(
                    children, one: Localized(sv: "underenhet", en: "sub-unit"),
                    many: Localized(sv: "underenheter", en: "sub-units")),
                UseCount(
                    owned, one: Localized(sv: "system som enheten äger", en: "system it owns"),
                    many: Localized(sv: "system som enheten äger", en: "systems it owns")),
                UseCount(
                    used, one: Localized(sv: "system som enheten använder", en: "system it uses"),
                    many: Localized(sv: "system som enheten använder", en: "systems it uses")),
                UseCount(
                    people, one: Localized(sv: "person", en: "person"), many: Localized(sv: "personer", en: "people")),
                UseCount(
                    roles, one: Localized(sv: "rolltilldelning", en: "role assignment"),
                    many: Localized(sv: "rolltilldelningar", en: "role assignments")),
                UseCount(
                    objects, one: Localized(sv: "förvaltningsobjekt", en: "management object"),
                    many: Localized(sv: "förvaltningsobjekt", en: "management objects")),
                UseCount(
                    documents,
                    one: Localized(sv: "styrdokument som berör enheten", en: "governing document concerning it"),
                    many: Localized(sv: "styrdokument som berör enheten", en: "governing documents concerning it")),
            ], lang: lang)
    }

    /// Refused while anything refers to the unit: deleting would cascade away role history or
    /// silently blank the owner of systems and people's unit.
    static func delete(
        _ unit: OrgUnit, actor: AuditActor, message: String?, lang: UILanguage, on db: any Database
    ) async throws {
        let uses = try await uses(of: unit, lang: lang, on: db)
        guard uses.isEmpty else { throw RegisterError.inUse(what: OrgUnit.what, uses: uses) }
        try await RecordStore.delete(unit, actor: actor, message: message, on: db)
    }
}
