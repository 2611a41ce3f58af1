import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML pages for förvaltningsobjekt.
struct ManagementObjectsController {
    /// The list: name, owning unit and how many systems each object groups.
    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let query = ListQuery(req.queryItems)
        let ctx = PageContext(request: req, tenant: tenant)
        let all = try await Self.matching(query.text, tenant: tenant, on: req.db)
        let tree = OrgTree(units: try await OrgUnit.scoped(to: tenant, on: req.db).all())
        let systems = try await ITSystem.scoped(to: tenant, on: req.db).field(\.$managementObjectID).all()
        var counts: [UUID: Int] = [:]
        for s in systems { if let id = s.managementObjectID { counts[id, default: 0] += 1 } }
        let rows = all.dropFirst(query.offset).prefix(query.perPage).map { o in
            RecordListPage.Row(
                url: ManagementObjectRoutes.show(tenant.slug, o.id!), name: o.name,
                cells: [
                    tree.entry(o.ownerOrgUnitID).map {
                        .a(.link(OrgUnitRoutes.show(tenant.slug, $0.id)), .safe($0.name))
                    } ?? .empty,
                    .text("\(counts[o.id!] ?? 0)"),
                ])
        }
        let model = RecordListPage.Model(
            heading: ctx.t("Förvaltningsobjekt", "Management objects"), section: .managementObjects,
            tenantName: tenant.name,
            newURL: ctx.mayAdminister ? ManagementObjectRoutes.new(tenant.slug) : nil,
            newLabel: ctx.t("Nytt förvaltningsobjekt", "New management object"),
            searchURL: ManagementObjectRoutes.index(tenant.slug), searchText: query.text,
            columns: [
                .init(title: ctx.t("Namn", "Name")),
                .init(title: ctx.t("Ägande organisationsenhet", "Owning org unit")),
                .init(title: ctx.t("System", "Systems"), isNumeric: true),
            ],
            rows: Array(rows), total: all.count, page: query.page, pageCount: query.pageCount(total: all.count),
            pageURL: { ManagementObjectRoutes.index(tenant.slug, query: [("q", query.text), ("page", String($0))]) },
            emptyText: ctx.t("Inga förvaltningsobjekt.", "No management objects."))
        return RecordListPage(model: model, ctx: ctx).render()
    }

    /// The tenant's objects whose name contains `text` (any case), by name.
    static func matching(_ text: String, tenant: Tenant, on db: any Database) async throws -> [ManagementObject] {
        let needle = text.lowercased()
        return try await ManagementObject.scoped(to: tenant, on: db).sort(\.$sortKey).all()
            .filter { needle.isEmpty || $0.name.lowercased().contains(needle) }
    }

    /// One object: description, owner, its systems and the roles held for it.
    @Sendable func show(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let object = try await load(req, tenant)
        let model = try await ManagementObjectShowPage.Model.load(
            object: object, tenant: tenant, today: req.dependencies.today, lang: req.uiLanguage, on: req.db)
        return ManagementObjectShowPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }

    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        return try await form(
            req: req, tenant: tenant, object: nil, values: FormData(), errors: FormErrors(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        let (draft, formIssues) = Self.draft(from: values)
        return try await FormSubmission.handle {
            let object = try await ManagementObjectRules.create(
                draft, tenant: tenant, actor: .from(req), formIssues: formIssues, on: req.db)
            return req.redirect(to: ManagementObjectRoutes.show(tenant.slug, try object.requireID()), flash: .created)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, object: nil, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let object = try await load(req, tenant)
        return try await form(
            req: req, tenant: tenant, object: object, values: Self.values(from: object.draft), errors: FormErrors(),
            status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let object = try await load(req, tenant)
        let values = try req.formData()
        let (draft, formIssues) = Self.draft(from: values)
        return try await FormSubmission.handle {
            _ = try await ManagementObjectRules.update(
                object, with: draft, tenant: tenant, actor: .from(req), formIssues: formIssues, on: req.db)
            return req.redirect(to: ManagementObjectRoutes.show(tenant.slug, try object.requireID()), flash: .saved)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, object: object, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    /// Asks before deleting, and says which systems or roles still belong to the object.
    @Sendable func confirmDelete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let object = try await load(req, tenant)
        let ctx = PageContext(request: req, tenant: tenant)
        let uses = try await ManagementObjectRules.uses(of: object, lang: ctx.lang, on: req.db)
        let id = try object.requireID()
        let model = DeleteConfirmPage.Model(
            heading: ctx.t("Ta bort \(object.name)", "Delete \(object.name)"),
            breadcrumbs: [
                Breadcrumb(
                    title: ctx.t("Förvaltningsobjekt", "Management objects"),
                    url: ManagementObjectRoutes.index(tenant.slug)),
                Breadcrumb(title: object.name, url: ManagementObjectRoutes.show(tenant.slug, id)),
                Breadcrumb(title: ctx.t("Ta bort", "Delete")),
            ],
            section: .managementObjects,
            explanation: uses.isEmpty
                ? [
                    ctx.t(
                        "Förvaltningsobjektet tas bort. Historiken finns kvar.",
                        "The management object is deleted. Its history is kept.")
                ]
                : [
                    ctx.t(
                        "Förvaltningsobjektet kan inte tas bort eftersom det har \(uses.joined(separator: " och ")). Flytta systemen till ett annat objekt och ta bort rolltilldelningarna först.",
                        "The management object can't be deleted because it has \(uses.joined(separator: " and ")). Move the systems to another object and remove the role assignments first."
                    )
                ],
            action: ManagementObjectRoutes.delete(tenant.slug, id),
            cancelURL: ManagementObjectRoutes.show(tenant.slug, id),
            buttonLabel: ctx.t("Ta bort förvaltningsobjektet", "Delete the management object"))
        return DeleteConfirmPage(model: model, ctx: ctx).render()
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let object = try await load(req, tenant)
        try await ManagementObjectRules.delete(
            object, actor: .from(req), message: try req.formData()["message"], lang: req.uiLanguage, on: req.db)
        return req.redirect(to: ManagementObjectRoutes.index(tenant.slug), flash: .deleted)
    }

    private func load(_ req: Request, _ tenant: Tenant) async throws -> ManagementObject {
        try await ManagementObject.find(
            try req.parameters.require("managementObjectID", as: UUID.self), in: tenant, on: req.db,
            what: ManagementObject.what)
    }

    static func values(from d: ManagementObjectDraft) -> FormData {
        FormData([
            "name": [d.name], "description": [d.description], "ownerOrgUnitId": [d.ownerOrgUnitId?.uuidString ?? ""],
        ])
    }

    /// Reads the form; values it can't read become issues on their field, reported with the rest.
    static func draft(from f: FormData) -> (ManagementObjectDraft, [ValidationIssue]) {
        var p = FormParser(f)
        let draft = ManagementObjectDraft(
            name: f["name"], description: f.raw["description"]?.first ?? "", ownerOrgUnitId: p.uuid("ownerOrgUnitId"))
        return (draft, p.issues)
    }

    private func form(
        req: Request, tenant: Tenant, object: ManagementObject?, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let units = OrgTree(units: try await OrgUnit.scoped(to: tenant, on: req.db).all()).options()
        let heading =
            object.map { ctx.t("Redigera \($0.name)", "Edit \($0.name)") }
            ?? ctx.t("Nytt förvaltningsobjekt", "New management object")
        var crumbs = [
            Breadcrumb(
                title: ctx.t("Förvaltningsobjekt", "Management objects"), url: ManagementObjectRoutes.index(tenant.slug)
            )
        ]
        if let object {
            crumbs.append(Breadcrumb(title: object.name, url: ManagementObjectRoutes.show(tenant.slug, object.id!)))
        }
        crumbs.append(Breadcrumb(title: object == nil ? ctx.t("Nytt", "New") : ctx.t("Redigera", "Edit")))
        let labels = [
            "name": ctx.t("Namn", "Name"), "description": ctx.t("Beskrivning", "Description"),
            "ownerOrgUnitId": ctx.t("Ägande organisationsenhet", "Owning org unit"),
        ]
        let model = RecordFormPage.Model(
            heading: heading, breadcrumbs: crumbs, section: .managementObjects,
            action: object.map { ManagementObjectRoutes.edit(tenant.slug, $0.id!) }
                ?? ManagementObjectRoutes.index(tenant.slug),
            cancelURL: object.map { ManagementObjectRoutes.show(tenant.slug, $0.id!) }
                ?? ManagementObjectRoutes.index(tenant.slug),
            submitLabel: object == nil
                ? ctx.t("Skapa förvaltningsobjekt", "Create management object")
                : ctx.t("Spara ändringar", "Save changes"),
            values: values, errors: errors, labels: labels)
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.input(
                    "name", label: labels["name"]!,
                    hint: ctx.t("Som Ekonomi eller Skoladministration.", "As Finance or School administration."),
                    required: true),
                f.textarea("description", label: labels["description"]!, rows: 4),
                f.select(
                    "ownerOrgUnitId", label: labels["ownerOrgUnitId"]!, options: units,
                    emptyLabel: ctx.t("Ingen angiven", "None given")))
        }.render(status: status)
    }
}
