import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML pages of the organisation tree.
struct OrgUnitsController {
    /// The whole tree, indented, with each unit's kind and systems.
    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let model = try await OrgTreePage.Model.load(tenant: tenant, on: req.db)
        return OrgTreePage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }

    /// One unit: where it sits, who leads it, what it owns, who works there and the roles held for it.
    @Sendable func show(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let unit = try await load(req, tenant)
        let model = try await OrgUnitShowPage.Model.load(
            unit: unit, tenant: tenant, today: req.dependencies.today, lang: req.uiLanguage, on: req.db)
        return OrgUnitShowPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }

    /// The empty form; `?parent=` preselects the parent ("add a sub-unit").
    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let parent = req.queryItems.first { $0.0 == "parent" }.flatMap { UUID(uuidString: $0.1) }
        let values = FormData(["parentId": [parent?.uuidString ?? ""]])
        return try await form(req: req, tenant: tenant, unit: nil, values: values, errors: FormErrors(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        let (draft, formIssues) = Self.draft(from: values)
        return try await FormSubmission.handle {
            let unit = try await OrgUnitRules.create(
                draft, tenant: tenant, actor: .from(req), formIssues: formIssues, on: req.db)
            return req.redirect(to: OrgUnitRoutes.show(tenant.slug, try unit.requireID()), flash: .created)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, unit: nil, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let unit = try await load(req, tenant)
        return try await form(
            req: req, tenant: tenant, unit: unit, values: Self.values(from: unit.draft), errors: FormErrors(),
            status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let unit = try await load(req, tenant)
        let values = try req.formData()
        let (draft, formIssues) = Self.draft(from: values)
        return try await FormSubmission.handle {
            _ = try await OrgUnitRules.update(
                unit, with: draft, tenant: tenant, actor: .from(req), formIssues: formIssues, on: req.db)
            return req.redirect(to: OrgUnitRoutes.show(tenant.slug, try unit.requireID()), flash: .saved)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, unit: unit, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    /// Asks before deleting, and says what still refers to the unit.
    @Sendable func confirmDelete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let unit = try await load(req, tenant)
        let ctx = PageContext(request: req, tenant: tenant)
        let uses = try await OrgUnitRules.uses(of: unit, lang: ctx.lang, on: req.db)
        let id = try unit.requireID()
        let model = DeleteConfirmPage.Model(
            heading: ctx.t("Ta bort \(unit.name)", "Delete \(unit.name)"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Organisation", "Organisation"), url: OrgUnitRoutes.index(tenant.slug)),
                Breadcrumb(title: unit.name, url: OrgUnitRoutes.show(tenant.slug, id)),
                Breadcrumb(title: ctx.t("Ta bort", "Delete")),
            ],
            section: .organisation,
            explanation: uses.isEmpty
                ? [
                    ctx.t(
                        "Enheten tas bort ur organisationen. Historiken finns kvar.",
                        "The unit is removed from the organisation. Its history is kept.")
                ]
                : [
                    ctx.t(
                        "Enheten kan inte tas bort eftersom den har \(uses.joined(separator: ", ")). Flytta eller ta bort dem först.",
                        "The unit can't be deleted because it has \(uses.joined(separator: ", ")). Move or remove them first."
                    )
                ],
            action: OrgUnitRoutes.delete(tenant.slug, id), cancelURL: OrgUnitRoutes.show(tenant.slug, id),
            buttonLabel: ctx.t("Ta bort enheten", "Delete the unit"))
        return DeleteConfirmPage(model: model, ctx: ctx).render()
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let unit = try await load(req, tenant)
        try await OrgUnitRules.delete(
            unit, actor: .from(req), message: try req.formData()["message"], lang: req.uiLanguage, on: req.db)
        return req.redirect(to: OrgUnitRoutes.index(tenant.slug), flash: .deleted)
    }

    private func load(_ req: Request, _ tenant: Tenant) async throws -> OrgUnit {
        try await OrgUnit.find(
            try req.parameters.require("orgUnitID", as: UUID.self), in: tenant, on: req.db, what: OrgUnit.what)
    }

    static func values(from d: OrgUnitDraft) -> FormData {
        FormData([
            "name": [d.name], "kind": [d.kind.rawValue], "parentId": [d.parentId?.uuidString ?? ""],
            "shortName": [d.shortName], "managerPersonId": [d.managerPersonId?.uuidString ?? ""],
        ])
    }

    /// Reads the form; values it can't read become issues on their field, reported with the rest.
    static func draft(from f: FormData) -> (OrgUnitDraft, [ValidationIssue]) {
        var p = FormParser(f)
        let kind = p.choice("kind", OrgUnitKind.self, required: true)
        let draft = OrgUnitDraft(
            name: f["name"], kind: kind ?? .unit, parentId: p.uuid("parentId"), shortName: f["shortName"],
            managerPersonId: p.uuid("managerPersonId"))
        return (draft, p.issues)
    }

    private func form(
        req: Request, tenant: Tenant, unit: OrgUnit?, values: FormData, errors: FormErrors, status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let tree = OrgTree(units: try await OrgUnit.scoped(to: tenant, on: req.db).all())
        let people = try await PickerOptions.load(tenant: tenant, on: req.db).people
        // A unit can't move below itself: leave it and everything under it out of the parent picker.
        let excluded = unit?.id.map { tree.subtree(of: $0) } ?? []
        let parentOptions = tree.options().filter { UUID(uuidString: $0.value).map { !excluded.contains($0) } ?? true }
        let heading =
            unit.map { ctx.t("Redigera \($0.name)", "Edit \($0.name)") }
            ?? ctx.t("Ny organisationsenhet", "New org unit")
        var crumbs = [Breadcrumb(title: ctx.t("Organisation", "Organisation"), url: OrgUnitRoutes.index(tenant.slug))]
        if let unit { crumbs.append(Breadcrumb(title: unit.name, url: OrgUnitRoutes.show(tenant.slug, unit.id!))) }
        crumbs.append(Breadcrumb(title: unit == nil ? ctx.t("Ny", "New") : ctx.t("Redigera", "Edit")))
        let labels = [
            "name": ctx.t("Namn", "Name"), "kind": ctx.t("Typ av enhet", "Kind of unit"),
            "parentId": ctx.t("Överordnad enhet", "Parent unit"), "shortName": ctx.t("Förkortning", "Short name"),
            "managerPersonId": ctx.t("Chef", "Manager"),
        ]
        let model = RecordFormPage.Model(
            heading: heading, breadcrumbs: crumbs, section: .organisation,
            action: unit.map { OrgUnitRoutes.edit(tenant.slug, $0.id!) } ?? OrgUnitRoutes.index(tenant.slug),
            cancelURL: unit.map { OrgUnitRoutes.show(tenant.slug, $0.id!) } ?? OrgUnitRoutes.index(tenant.slug),
            submitLabel: unit == nil ? ctx.t("Skapa enhet", "Create unit") : ctx.t("Spara ändringar", "Save changes"),
            values: values, errors: errors, labels: labels)
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.input("name", label: labels["name"]!, required: true, autocomplete: "organization"),
                f.select(
                    "kind", label: labels["kind"]!, options: f.options(OrgUnitKind.self),
                    emptyLabel: ctx.t("— Välj —", "— Choose —"),
                    required: true),
                f.select(
                    "parentId", label: labels["parentId"]!, options: parentOptions,
                    emptyLabel: ctx.t("Ingen (högsta nivån)", "None (top level)"),
                    hint: ctx.t("Där enheten ligger i organisationen.", "Where the unit sits in the organisation.")),
                f.input("shortName", label: labels["shortName"]!, hint: ctx.t("Som BUF eller SBF.", "As BUF or SBF.")),
                f.select(
                    "managerPersonId", label: labels["managerPersonId"]!, options: people,
                    emptyLabel: ctx.t("Ingen angiven", "None given"),
                    hint: ctx.t(
                        "Får rapporter om incidenter i behörighetshanteringen (F5).",
                        "Receives reports of incidents in access management (F5).")))
        }.render(status: status)
    }
}
