import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML forms to appoint, change, end and remove role holders, for any scope.
struct RoleAssignmentsController {
    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let scope = RoleScopeKind(rawValue: req.query["scope"] ?? "") ?? .system
        let scopeID = (req.query["scopeId"] as String?).flatMap(UUID.init(uuidString:))
        guard
            let target = try await RoleAssignmentRules.scopeTarget(kind: scope, id: scopeID, tenant: tenant, on: req.db)
        else {
            throw CommonError.notFound(what: Localized(sv: "Det rollen ska gälla för", en: "What the role is for"))
        }
        let values = FormData([
            "scope": [scope.rawValue], "scopeId": [scopeID?.uuidString ?? ""],
            "holding": [RoleHolding.primary.rawValue],
            "validFrom": [req.dependencies.today.iso], "roleTypeId": [req.query["role"] ?? ""],
        ])
        return try await form(
            req: req, tenant: tenant, target: target, assignment: nil, values: values, errors: FormErrors(), status: .ok
        )
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        let scope = RoleScopeKind(rawValue: values["scope"]) ?? .system
        guard
            let target = try await RoleAssignmentRules.scopeTarget(
                kind: scope, id: UUID(uuidString: values["scopeId"]), tenant: tenant, on: req.db)
        else {
            throw CommonError.notFound(what: Localized(sv: "Det rollen ska gälla för", en: "What the role is for"))
        }
        return try await FormSubmission.handle {
            let draft = try Self.draft(from: values, scope: target)
            let assignment = try await RoleAssignmentRules.create(draft, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(
                to: RoleAssignmentRules.returnURL(
                    tenant: tenant.slug, scope: assignment.scope, scopeID: assignment.scopeID), flash: .roleAssigned)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, target: target, assignment: nil, values: values, errors: errors,
                status: .unprocessableEntity)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let assignment = try await load(req, tenant)
        let target = try await target(of: assignment, tenant: tenant, on: req.db)
        return try await form(
            req: req, tenant: tenant, target: target, assignment: assignment,
            values: Self.values(from: assignment.draft),
            errors: FormErrors(), status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let assignment = try await load(req, tenant)
        let target = try await target(of: assignment, tenant: tenant, on: req.db)
        let values = try req.formData()
        return try await FormSubmission.handle {
            let draft = try Self.draft(from: values, scope: target)
            _ = try await RoleAssignmentRules.update(
                assignment, with: draft, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(
                to: RoleAssignmentRules.returnURL(tenant: tenant.slug, scope: target.kind, scopeID: target.id),
                flash: .saved)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, target: target, assignment: assignment, values: values, errors: errors,
                status: .unprocessableEntity)
        }
    }

    /// Asks for the last day the role is held (default today).
    @Sendable func confirmEnd(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let assignment = try await load(req, tenant)
        let values = FormData(["validTo": [req.dependencies.today.iso]])
        return try await endForm(
            req: req, tenant: tenant, assignment: assignment, values: values, errors: FormErrors(), status: .ok)
    }

    @Sendable func end(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let assignment = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            var parser = FormParser(values)
            let day = parser.day("validTo", required: true)
            try RecordStore.check(parser.issues)
            try await RoleAssignmentRules.end(
                assignment, lastDay: day!, tenant: tenant, actor: .from(req), message: values["message"], on: req.db)
            return req.redirect(
                to: RoleAssignmentRules.returnURL(
                    tenant: tenant.slug, scope: assignment.scope, scopeID: assignment.scopeID), flash: .roleEnded)
        } showErrors: { errors in
            try await endForm(
                req: req, tenant: tenant, assignment: assignment, values: values, errors: errors,
                status: .unprocessableEntity)
        }
    }

    @Sendable func confirmDelete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let assignment = try await load(req, tenant)
        let ctx = PageContext(request: req, tenant: tenant)
        let label = try await RoleAssignmentRules.describe(assignment, tenant: tenant, on: req.db)
        let back = RoleAssignmentRules.returnURL(
            tenant: tenant.slug, scope: assignment.scope, scopeID: assignment.scopeID)
        let model = DeleteConfirmPage.Model(
            heading: ctx.t("Ta bort rolltilldelning", "Delete role assignment"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Roller", "Roles"), url: RoleRoutes.index(tenant.slug)),
                Breadcrumb(title: ctx.t("Ta bort", "Delete")),
            ],
            section: .roles,
            explanation: [
                label,
                ctx.t(
                    "Ta bara bort en tilldelning som blev fel. En roll som upphör avslutas i stället, så att det syns vem som hade den.",
                    "Only delete an assignment made by mistake. A role that ends should be ended instead, so it stays visible who held it."
                ),
            ],
            action: RoleRoutes.deleteAssignment(tenant.slug, try assignment.requireID()), cancelURL: back,
            buttonLabel: ctx.t("Ta bort", "Delete"))
        return DeleteConfirmPage(model: model, ctx: ctx).render()
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let assignment = try await load(req, tenant)
        let back = RoleAssignmentRules.returnURL(
            tenant: tenant.slug, scope: assignment.scope, scopeID: assignment.scopeID)
        try await RoleAssignmentRules.delete(
            assignment, tenant: tenant, actor: .from(req), message: try req.formData()["message"], on: req.db)
        return req.redirect(to: back, flash: .deleted)
    }

    private func load(_ req: Request, _ tenant: Tenant) async throws -> RoleAssignment {
        try await RoleAssignment.find(
            try req.parameters.require("assignmentID", as: UUID.self), in: tenant, on: req.db, what: RoleAssignment.what
        )
    }

    private func target(
        of a: RoleAssignment, tenant: Tenant, on db: any Database
    ) async throws -> RoleAssignmentRules.ScopeTarget {
        try await RoleAssignmentRules.scopeTarget(kind: a.scope, id: a.scopeID, tenant: tenant, on: db)
            ?? RoleAssignmentRules.ScopeTarget(kind: a.scope, id: a.scopeID, name: "?")
    }

    static func values(from d: RoleAssignmentDraft) -> FormData {
        FormData([
            "roleTypeId": [d.roleTypeId.uuidString], "personId": [d.personId.uuidString], "scope": [d.scope.rawValue],
            "scopeId": [d.scopeId?.uuidString ?? ""], "holding": [d.holding.rawValue], "validFrom": [d.validFrom.iso],
            "validTo": [d.validTo?.iso ?? ""], "appointedByPersonId": [d.appointedByPersonId?.uuidString ?? ""],
            "decisionReference": [d.decisionReference],
        ])
    }

    /// Reads the form; unreadable values and missing required choices become field issues.
    static func draft(from f: FormData, scope: RoleAssignmentRules.ScopeTarget) throws -> RoleAssignmentDraft {
        var p = FormParser(f)
        let role = p.uuid("roleTypeId")
        let person = p.uuid("personId")
        let from = p.day("validFrom", required: true)
        let to = p.day("validTo")
        let appointer = p.uuid("appointedByPersonId")
        let holding = p.choice("holding", RoleHolding.self) ?? .primary
        var issues = p.issues
        if role == nil && f["roleTypeId"].isEmpty {
            issues.append(
                ValidationIssue(field: "roleTypeId", message: Localized(sv: "Välj en roll.", en: "Choose a role.")))
        }
        if person == nil && f["personId"].isEmpty {
            issues.append(
                ValidationIssue(field: "personId", message: Localized(sv: "Välj en person.", en: "Choose a person.")))
        }
        try RecordStore.check(issues)
        return RoleAssignmentDraft(
            roleTypeId: role!, personId: person!, scope: scope.kind, scopeId: scope.id, holding: holding,
            validFrom: from!, validTo: to, appointedByPersonId: appointer, decisionReference: f["decisionReference"])
    }

    private func form(
        req: Request, tenant: Tenant, target: RoleAssignmentRules.ScopeTarget, assignment: RoleAssignment?,
        values: FormData, errors: FormErrors, status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let roles = try await RoleType.scoped(to: tenant, on: req.db).filter(\.$scope == target.kind).sort(\.$sortOrder)
            .all()
        let people = try await Person.scoped(to: tenant, on: req.db).sort(\.$sortKey).all()
        let active = people.filter(\.isActive)
        let back = RoleAssignmentRules.returnURL(tenant: tenant.slug, scope: target.kind, scopeID: target.id)
        let heading =
            assignment == nil
            ? ctx.t("Tilldela roll – \(target.name)", "Assign role – \(target.name)")
            : ctx.t("Ändra rolltilldelning – \(target.name)", "Edit role assignment – \(target.name)")
        let labels = [
            "roleTypeId": ctx.t("Roll", "Role"), "personId": ctx.t("Person", "Person"),
            "holding": ctx.t("Ordinarie eller ersättare", "Primary or deputy"),
            "validFrom": ctx.t("Från och med", "From"), "validTo": ctx.t("Till och med", "Until"),
            "appointedByPersonId": ctx.t("Utsedd av", "Appointed by"),
            "decisionReference": ctx.t("Beslut (diarienummer eller protokoll)", "Decision (reference or minutes)"),
            "scope": ctx.t("Omfattning", "Scope"), "scopeId": ctx.t("Gäller för", "Held for"),
        ]
        let model = RecordFormPage.Model(
            heading: heading,
            breadcrumbs: [
                Breadcrumb(title: target.name, url: back),
                Breadcrumb(title: assignment == nil ? ctx.t("Tilldela roll", "Assign role") : ctx.t("Ändra", "Edit")),
            ],
            section: target.kind == .system ? .systems : .roles,
            action: assignment.map { RoleRoutes.editAssignment(tenant.slug, $0.id!) }
                ?? RoleRoutes.assignments(tenant.slug),
            cancelURL: back,
            submitLabel: assignment == nil ? ctx.t("Tilldela", "Assign") : ctx.t("Spara ändringar", "Save changes"),
            values: values, errors: errors, labels: labels,
            intro: ctx.t(
                "Den som tilldelas en roll bör ha utsetts av den som har rätt att utse rollen (D2).",
                "Whoever gets a role should have been appointed by whoever may appoint it (D2)."))
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                .selfClosedElement(
                    named: "input",
                    attributes: [.attr("type", "hidden"), .attr("name", "scope"), .attr("value", target.kind.rawValue)]),
                .selfClosedElement(
                    named: "input",
                    attributes: [
                        .attr("type", "hidden"), .attr("name", "scopeId"), .attr("value", target.id?.uuidString ?? ""),
                    ]),
                f.select(
                    "roleTypeId", label: labels["roleTypeId"]!,
                    options: roles.map { ($0.id!.uuidString, $0.name[ctx.lang]) },
                    emptyLabel: ctx.t("— Välj roll —", "— Choose role —"), required: true),
                f.select(
                    "personId", label: labels["personId"]!,
                    options: active.map { ($0.id!.uuidString, $0.title.isEmpty ? $0.name : "\($0.name), \($0.title)") },
                    emptyLabel: ctx.t("— Välj person —", "— Choose person —"), required: true),
                f.select(
                    "holding", label: labels["holding"]!, options: f.options(RoleHolding.self),
                    hint: ctx.t(
                        "Ersättaren går in när den ordinarie är borta (T11).",
                        "The deputy steps in when the primary holder is away (T11).")),
                f.input("validFrom", label: labels["validFrom"]!, type: "date", required: true),
                f.input(
                    "validTo", label: labels["validTo"]!, type: "date",
                    hint: ctx.t(
                        "Lämna tomt om rollen gäller tills vidare.",
                        "Leave empty if the role runs until further notice.")),
                f.select(
                    "appointedByPersonId", label: labels["appointedByPersonId"]!,
                    options: people.map { ($0.id!.uuidString, $0.name) },
                    emptyLabel: ctx.t("— Ej angivet —", "— Not given —")),
                f.input("decisionReference", label: labels["decisionReference"]!))
        }.render(status: status)
    }

    private func endForm(
        req: Request, tenant: Tenant, assignment: RoleAssignment, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let label = try await RoleAssignmentRules.describe(assignment, tenant: tenant, on: req.db)
        let back = RoleAssignmentRules.returnURL(
            tenant: tenant.slug, scope: assignment.scope, scopeID: assignment.scopeID)
        let labels = [
            "validTo": ctx.t("Sista dag med rollen", "Last day in the role"), "message": ctx.t("Anledning", "Reason"),
        ]
        let model = RecordFormPage.Model(
            heading: ctx.t("Avsluta rollinnehav", "End role assignment"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Roller", "Roles"), url: back), Breadcrumb(title: ctx.t("Avsluta", "End")),
            ],
            section: assignment.scope == .system ? .systems : .roles,
            action: RoleRoutes.endAssignment(tenant.slug, try assignment.requireID()), cancelURL: back,
            submitLabel: ctx.t("Avsluta", "End"), values: values, errors: errors, labels: labels, intro: label)
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.input("validTo", label: labels["validTo"]!, type: "date", required: true),
                f.textarea(
                    "message", label: labels["message"]!, hint: ctx.t("Sparas i historiken.", "Kept in the history."),
                    rows: 2))
        }.render(status: status)
    }
}
