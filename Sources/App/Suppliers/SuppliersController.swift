import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML pages for suppliers.
struct SuppliersController {
    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let query = ListQuery(req.queryItems)
        let ctx = PageContext(request: req, tenant: tenant)
        let all = try await Supplier.scoped(to: tenant, on: req.db).sort(\.$sortKey).all()
            .filter { query.text.isEmpty || $0.name.lowercased().contains(query.text.lowercased()) }
        let counts = try await systemCounts(tenant: tenant, on: req.db)
        let rows = all.dropFirst(query.offset).prefix(query.perPage).map { s in
            RecordListPage.Row(
                url: SupplierRoutes.show(tenant.slug, s.id!), name: s.name,
                cells: [
                    .safe(s.organisationNumber), .safe(s.contactName), .text("\(counts[s.id!] ?? 0)"),
                ])
        }
        let model = RecordListPage.Model(
            heading: ctx.t("Leverantörer", "Suppliers"), section: .suppliers, tenantName: tenant.name,
            newURL: ctx.mayAdminister ? SupplierRoutes.new(tenant.slug) : nil,
            newLabel: ctx.t("Ny leverantör", "New supplier"),
            searchURL: SupplierRoutes.index(tenant.slug), searchText: query.text,
            columns: [
                .init(title: ctx.t("Namn", "Name")), .init(title: ctx.t("Organisationsnummer", "Organisation number")),
                .init(title: ctx.t("Kontaktperson", "Contact")),
                .init(title: ctx.t("System", "Systems"), isNumeric: true),
            ],
            rows: Array(rows), total: all.count, page: query.page, pageCount: query.pageCount(total: all.count),
            pageURL: { SupplierRoutes.index(tenant.slug, query: [("q", query.text), ("page", String($0))]) },
            emptyText: ctx.t("Inga leverantörer.", "No suppliers."))
        return RecordListPage(model: model, ctx: ctx).render()
    }

    /// How many systems each supplier supplies or runs.
    private func systemCounts(tenant: Tenant, on db: any Database) async throws -> [UUID: Int] {
        let systems = try await ITSystem.scoped(to: tenant, on: db).field(\.$supplierID).field(\.$operatorSupplierID)
            .all()
        var counts: [UUID: Int] = [:]
        for s in systems {
            for id in Set([s.supplierID, s.operatorSupplierID].compactMap { $0 }) { counts[id, default: 0] += 1 }
        }
        return counts
    }

    @Sendable func show(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let supplier = try await load(req, tenant)
        let id = try supplier.requireID()
        let systems = try await ITSystem.scoped(to: tenant, on: req.db)
            .group(.or) { $0.filter(\.$supplierID == id).filter(\.$operatorSupplierID == id) }.sort(\.$sortKey).all()
        let contracts = try await Contract.scoped(to: tenant, on: req.db).filter(\.$supplierID == id).sort(\.$endsOn)
            .all()
        let contractSystems = try await ITSystem.scoped(to: tenant, on: req.db).filter(
            \.$id ~~ contracts.map(\.systemID)
        ).all()
        let names = Dictionary(uniqueKeysWithValues: contractSystems.map { ($0.id!, $0.name) })
        let model = SupplierShowPage.Model(
            tenantSlug: tenant.slug, id: id, draft: supplier.draft,
            systems: systems.map {
                (
                    id: $0.id!, name: $0.name,
                    role: $0.supplierID == id ? ($0.operatorSupplierID == id ? "both" : "supplier") : "operator"
                )
            },
            contracts: contracts.map {
                (id: $0.systemID, system: names[$0.systemID] ?? "", title: $0.title, endsOn: $0.endsOn ?? "")
            })
        return SupplierShowPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }

    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        return form(req: req, tenant: tenant, supplier: nil, values: FormData(), errors: FormErrors(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        return try await FormSubmission.handle {
            let supplier = try await SupplierRules.create(
                Self.draft(from: values), tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: SupplierRoutes.show(tenant.slug, try supplier.requireID()), flash: .created)
        } showErrors: { errors in
            form(req: req, tenant: tenant, supplier: nil, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let supplier = try await load(req, tenant)
        return form(
            req: req, tenant: tenant, supplier: supplier, values: Self.values(from: supplier.draft),
            errors: FormErrors(), status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let supplier = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            _ = try await SupplierRules.update(
                supplier, with: Self.draft(from: values), tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: SupplierRoutes.show(tenant.slug, try supplier.requireID()), flash: .saved)
        } showErrors: { errors in
            form(
                req: req, tenant: tenant, supplier: supplier, values: values, errors: errors,
                status: .unprocessableEntity)
        }
    }

    @Sendable func confirmDelete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let supplier = try await load(req, tenant)
        let ctx = PageContext(request: req, tenant: tenant)
        let uses = try await SupplierRules.uses(of: supplier, lang: ctx.lang, on: req.db)
        let id = try supplier.requireID()
        let model = DeleteConfirmPage.Model(
            heading: ctx.t("Ta bort \(supplier.name)", "Delete \(supplier.name)"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Leverantörer", "Suppliers"), url: SupplierRoutes.index(tenant.slug)),
                Breadcrumb(title: supplier.name, url: SupplierRoutes.show(tenant.slug, id)),
                Breadcrumb(title: ctx.t("Ta bort", "Delete")),
            ],
            section: .suppliers,
            explanation: uses.isEmpty
                ? [
                    ctx.t(
                        "Leverantören tas bort. Historiken finns kvar.", "The supplier is deleted. Its history is kept."
                    )
                ]
                : [
                    ctx.t(
                        "Leverantören används av \(uses.joined(separator: " och ")) och kan inte tas bort förrän de hänvisar till en annan leverantör.",
                        "The supplier is used by \(uses.joined(separator: " and ")) and can't be deleted until they refer to another supplier."
                    )
                ],
            action: SupplierRoutes.delete(tenant.slug, id), cancelURL: SupplierRoutes.show(tenant.slug, id),
            buttonLabel: ctx.t("Ta bort leverantören", "Delete the supplier"))
        return DeleteConfirmPage(model: model, ctx: ctx).render()
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let supplier = try await load(req, tenant)
        try await SupplierRules.delete(
            supplier, actor: .from(req), message: try req.formData()["message"], lang: req.uiLanguage, on: req.db)
        return req.redirect(to: SupplierRoutes.index(tenant.slug), flash: .deleted)
    }

    private func load(_ req: Request, _ tenant: Tenant) async throws -> Supplier {
        try await Supplier.find(
            try req.parameters.require("supplierID", as: UUID.self), in: tenant, on: req.db, what: Supplier.what)
    }

    static func values(from d: SupplierDraft) -> FormData {
        FormData([
            "name": [d.name], "organisationNumber": [d.organisationNumber], "contactName": [d.contactName],
            "email": [d.email], "phone": [d.phone], "website": [d.website], "notes": [d.notes],
        ])
    }

    static func draft(from f: FormData) -> SupplierDraft {
        SupplierDraft(
            name: f["name"], organisationNumber: f["organisationNumber"], contactName: f["contactName"],
            email: f["email"], phone: f["phone"], website: f["website"], notes: f.raw["notes"]?.first ?? "")
    }

    private func form(
        req: Request, tenant: Tenant, supplier: Supplier?, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let heading =
            supplier.map { ctx.t("Redigera \($0.name)", "Edit \($0.name)") } ?? ctx.t("Ny leverantör", "New supplier")
        var crumbs = [Breadcrumb(title: ctx.t("Leverantörer", "Suppliers"), url: SupplierRoutes.index(tenant.slug))]
        if let supplier {
            crumbs.append(Breadcrumb(title: supplier.name, url: SupplierRoutes.show(tenant.slug, supplier.id!)))
        }
        crumbs.append(Breadcrumb(title: supplier == nil ? ctx.t("Ny", "New") : ctx.t("Redigera", "Edit")))
        let labels = [
            "name": ctx.t("Namn", "Name"), "organisationNumber": ctx.t("Organisationsnummer", "Organisation number"),
            "contactName": ctx.t("Kontaktperson", "Contact"), "email": ctx.t("E-post", "E-mail"),
            "phone": ctx.t("Telefon", "Phone"),
            "website": ctx.t("Webbplats", "Website"), "notes": ctx.t("Anteckningar", "Notes"),
        ]
        let model = RecordFormPage.Model(
            heading: heading, breadcrumbs: crumbs, section: .suppliers,
            action: supplier.map { SupplierRoutes.edit(tenant.slug, $0.id!) } ?? SupplierRoutes.index(tenant.slug),
            cancelURL: supplier.map { SupplierRoutes.show(tenant.slug, $0.id!) } ?? SupplierRoutes.index(tenant.slug),
            submitLabel: supplier == nil
                ? ctx.t("Skapa leverantör", "Create supplier") : ctx.t("Spara ändringar", "Save changes"),
            values: values, errors: errors, labels: labels)
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.input("name", label: labels["name"]!, required: true, autocomplete: "organization"),
                f.input(
                    "organisationNumber", label: labels["organisationNumber"]!,
                    hint: ctx.t("Som 556677-8899.", "As 556677-8899.")),
                f.input("contactName", label: labels["contactName"]!),
                f.input("email", label: labels["email"]!, type: "email", autocomplete: "email"),
                f.input("phone", label: labels["phone"]!, type: "tel"),
                f.input("website", label: labels["website"]!, type: "url"),
                f.textarea("notes", label: labels["notes"]!, rows: 3))
        }.render(status: status)
    }
}
