import Fluent
import Foundation
import StyrbordCore
import Vapor

/// A person as the API returns it.
typealias PersonResponse = RecordResponse<PersonDraft>

/// Which people a list shows: those still here (the default), those who have left, or everyone.
enum PersonStatusFilter: String, CaseIterable, Sendable {
    case active, left, all

    func matches(_ person: Person) -> Bool {
        switch self {
        case .active: person.isActive
        case .left: !person.isActive
        case .all: true
        }
    }

    func label(_ ctx: PageContext) -> String {
        switch self {
        case .active: ctx.t("Aktiva", "Active")
        case .left: ctx.t("Har slutat", "Have left")
        case .all: ctx.t("Alla", "All")
        }
    }
}

/// Checks and writes for people.
enum PersonRules {
    /// Normalizes and checks a draft; throws `ValidationFailure` with every issue, including
    /// `formIssues` (values the form could not read). Someone marked as having left without a date
    /// left `today`.
    static func validated(
        _ draft: PersonDraft, tenant: Tenant, today: CalendarDay, excluding id: UUID? = nil,
        formIssues: [ValidationIssue] = [], on db: any Database
    ) async throws -> PersonDraft {
        var (d, issues) = draft.checked()
        issues = formIssues + issues
        if !d.isActive && d.leftOn == nil { d.leftOn = today }
        if let unit = d.orgUnitId, try await SystemRules.existing(OrgUnit.self, [unit], tenant: tenant, db: db).isEmpty
        {
            // Another tenant's unit reads exactly like an unknown one.
            issues.append(
                ValidationIssue(
                    field: "orgUnitId",
                    message: Localized(
                        sv: "Organisationsenheten finns inte.", en: "The org unit does not exist.")))
        }
        if !d.email.isEmpty {
            // Normalized e-mail is lower-case, and so is every stored one; compare lower() anyway for rows written before.
            let clash = try await Person.scoped(to: tenant, on: db).all()
                .first { $0.id != id && $0.email.lowercased() == d.email }
            if let clash {
                issues.append(
                    ValidationIssue(
                        field: "email",
                        message: Localized(
                            sv: "E-postadressen används redan av \(clash.name).",
                            en: "The e-mail address is already used by \(clash.name).")))
            }
        }
        try RecordStore.check(issues)
        return d
    }

    static func create(
        _ draft: PersonDraft, tenant: Tenant, actor: AuditActor, formIssues: [ValidationIssue] = [],
        on db: any Database
    ) async throws -> Person {
        let d = try await validated(
            draft, tenant: tenant, today: CalendarDay(actor.now()), formIssues: formIssues, on: db)
        return try await RecordStore.create(Person.self, d, tenant: tenant, actor: actor, on: db)
    }

    static func update(
        _ person: Person, with draft: PersonDraft, tenant: Tenant, actor: AuditActor,
        formIssues: [ValidationIssue] = [],
        on db: any Database
    ) async throws -> Person {
        let d = try await validated(
            draft, tenant: tenant, today: CalendarDay(actor.now()), excluding: person.id,
            formIssues: formIssues, on: db)
        return try await RecordStore.update(person, with: d, actor: actor, on: db)
    }

    /// What refers to the person: roles held now or before, appointments made, units led and
    /// classifications made. All of it is history that must stay readable.
    static func uses(of person: Person, lang: UILanguage, on db: any Database) async throws -> [String] {
        let id = try person.requireID()
        async let held = RoleAssignment.query(on: db).filter(\.$personID == id).count()
        async let appointed = RoleAssignment.query(on: db).filter(\.$appointedByPersonID == id).count()
        async let manages = OrgUnit.query(on: db).filter(\.$managerPersonID == id).count()
        async let classified = ITSystem.query(on: db).filter(\.$classifiedByPersonID == id).count()
        async let owns = GoverningDocument.query(on: db).filter(\.$ownerPersonID == id).count()
        async let reads = DocumentReadRequest.query(on: db).filter(\.$personID == id).count()
        async let agreements = ServiceAgreement.query(on: db).filter(\.$ownerPersonID == id).count()
        return UseCount.describe(
            try await [
                UseCount(
                    held,
                    one: Localized(
                        sv: "rolltilldelning (nuvarande eller tidigare)", en: "role assignment (current or past)"),
                    many: Localized(
                        sv: "rolltilldelningar (nuvarande eller tidigare)", en: "role assignments (current or past)")),
                UseCount(
                    appointed, one: Localized(sv: "utnämning av någon annan", en: "appointment of someone else"),
                    many: Localized(sv: "utnämningar av andra", en: "appointments of others")),
                UseCount(
                    manages, one: Localized(sv: "enhet där personen är chef", en: "unit the person manages"),
                    many: Localized(sv: "enheter där personen är chef", en: "units the person manages")),
                UseCount(
                    classified, one: Localized(sv: "informationsklassning", en: "information classification"),
                    many: Localized(sv: "informationsklassningar", en: "information classifications")),
                UseCount(
                    owns,
                    one: Localized(sv: "styrdokument som personen äger", en: "governing document the person owns"),
                    many: Localized(sv: "styrdokument som personen äger", en: "governing documents the person owns")),
                UseCount(
                    reads, one: Localized(sv: "läsbekräftelse av styrdokument", en: "read confirmation of a document"),
                    many: Localized(sv: "läsbekräftelser av styrdokument", en: "read confirmations of documents")),
                UseCount(
                    agreements,
                    one: Localized(sv: "driftavtal som systemägare", en: "service agreement as system owner"),
                    many: Localized(sv: "driftavtal som systemägare", en: "service agreements as system owner")),
            ], lang: lang)
    }

    /// Refused while anything refers to the person: the municipality marks them as having left instead,
    /// so that who held which role stays readable.
    static func delete(
        _ person: Person, actor: AuditActor, message: String?, lang: UILanguage, on db: any Database
    ) async throws {
        let uses = try await uses(of: person, lang: lang, on: db)
        guard uses.isEmpty else { throw PersonError.referenced(uses: uses) }
        try await RecordStore.delete(person, actor: actor, message: message, on: db)
    }
}

/// Why a person can't be deleted.
enum PersonError: AppError {
    /// The person is part of the role history; mark them as having left instead.
    case referenced(uses: [String])

    var status: HTTPResponseStatus { .conflict }
    /// The same code as every other record that is still in use, so clients handle one case.
    var code: String { "record.in-use" }
    var userMessage: Localized {
        switch self {
        case .referenced(let uses):
            Localized(
                sv:
                    "Personen finns i historiken (\(uses.joined(separator: ", "))) och kan inte tas bort. Markera i stället att personen har slutat.",
                en:
                    "The person is part of the history (\(uses.joined(separator: ", "))) and can't be deleted. Mark the person as having left instead."
            )
        }
    }
}
