import Fluent
import Foundation
import StyrbordCore
import Vapor

/// HTML pages of the system register.
struct SystemsController {
    /// The register: search, filter, sort, page.
    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let query = SystemQuery(query: req.queryItems)
        let ctx = PageContext(request: req, tenant: tenant)
        let tenantID = try tenant.requireID()
        let canCreate = await req.can(.createSystem(tenantID: tenantID, ownerOrgUnitPath: nil))
        let canImport = await req.can(.administer(tenantID: tenantID))
        // Only the content is cached: the layout around it carries the viewer's name and CSRF token.
        let renderContent = {
            let context = try await req.registerContext(for: tenant)
            let page = try await query.run(tenant: tenant, context: context, on: req.db)
            var model = try await SystemsIndexPage.Model.load(
                page: page, context: context, lang: req.uiLanguage, on: req.db)
            model.canCreate = canCreate
            model.canImport = canImport
            return SystemsIndexPage(model: model, ctx: ctx).content.render()
        }
        let key = PageCache.Key(
            tenantID: tenantID, version: tenant.dataVersion, day: req.dependencies.today, lang: ctx.lang,
            page: "\(canCreate ? "c" : "-")\(canImport ? "i" : "-") "
                + URLBuilder.path(req.url.path, query: query.parameters))
        let content = try await req.application.pageCache.html(for: key, render: renderContent)
        let title = ctx.t("Systemregister", "System register")
        return PrerenderedPage(
            ctx: ctx, title: title, section: .systems,
            breadcrumbs: [Breadcrumb(title: tenant.name, url: nil), Breadcrumb(title: title)], contentHTML: content
        ).render()
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await show(req: req, tab: .overview)
    }

    func show(req: Request, tab: SystemTab) async throws -> Response {
        let tenant = try await req.tenant()
        let system = try await ITSystem.find(
            try req.parameters.require("systemID", as: UUID.self), in: tenant, on: req.db, what: ITSystem.what)
        let context = try await req.registerContext(for: tenant)
        var model = try await SystemShowPage.Model.load(
            system: system, tab: tab, context: context, lang: req.uiLanguage, now: req.dependencies.now(), on: req.db)
        let facts = try await AccessFacts.system(system, tenant, req)
        model.canEdit = await req.can(.editSystem(facts))
        model.canDelete = await req.can(.deleteSystem(facts))
        return SystemShowPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }

    /// The neighbourhood picture on its own, for linking and printing.
    @Sendable func neighbourhoodSVG(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system = try await ITSystem.find(
            try req.parameters.require("systemID", as: UUID.self), in: tenant, on: req.db, what: ITSystem.what)
        let deps = try await SystemDependencies.load(system: system, tenant: tenant, on: req.db)
        let svg = NeighbourhoodSVG.render(
            deps.layout, center: try system.requireID(), names: deps.names,
            link: { SystemRoutes.tab(tenant.slug, $0, .integrations) }, lang: req.uiLanguage)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
        return Response(status: .ok, headers: headers, body: .init(string: svg.value))
    }

    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let blank = ITSystemDraft(name: "", category: .business)
        var values = SystemForm.values(from: blank)
        values = FormData(values.raw.merging(["category": [""]]) { _, new in new })  // make the user choose
        return try await renderForm(
            req: req, tenant: tenant, system: nil, values: values, errors: FormErrors(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let form = try req.formData()
        let (draft, parseIssues) = SystemForm.draft(from: form)
        return try await FormSubmission.handle {
            if !parseIssues.isEmpty { throw ValidationFailure(issues: parseIssues + draft.checked().issues) }
            let system = try await SystemRules.create(draft, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: SystemRoutes.show(tenant.slug, try system.requireID()), flash: .created)
        } showErrors: { errors in
            try await renderForm(
                req: req, tenant: tenant, system: nil, values: form, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system = try await ITSystem.find(
            try req.parameters.require("systemID", as: UUID.self), in: tenant, on: req.db, what: ITSystem.what)
        let draft = system.draft(
            userOrgUnitIds: try await SystemRules.userOrgUnitIDs(of: try system.requireID(), on: req.db))
        return try await renderForm(
            req: req, tenant: tenant, system: system, values: SystemForm.values(from: draft), errors: FormErrors(),
            status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system = try await ITSystem.find(
            try req.parameters.require("systemID", as: UUID.self), in: tenant, on: req.db, what: ITSystem.what)
        let form = try req.formData()
        let (draft, parseIssues) = SystemForm.draft(from: form)
        return try await FormSubmission.handle {
            if !parseIssues.isEmpty { throw ValidationFailure(issues: parseIssues + draft.checked().issues) }
            _ = try await SystemRules.update(system, with: draft, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: SystemRoutes.show(tenant.slug, try system.requireID()), flash: .saved)
        } showErrors: { errors in
            try await renderForm(
                req: req, tenant: tenant, system: system, values: form, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func confirmDelete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system = try await ITSystem.find(
            try req.parameters.require("systemID", as: UUID.self), in: tenant, on: req.db, what: ITSystem.what)
        let id = try system.requireID()
        async let roles = RoleAssignment.query(on: req.db).filter(\.$systemID == id).count()
        async let integrations = Integration.query(on: req.db).group(.or) {
            $0.filter(\.$sourceSystemID == id).filter(\.$targetSystemID == id)
        }.count()
        async let contracts = Contract.query(on: req.db).filter(\.$systemID == id).count()
        let model = SystemDeletePage.Model(
            tenantSlug: tenant.slug, systemID: id, systemName: system.name, roleCount: try await roles,
            integrationCount: try await integrations, contractCount: try await contracts)
        return SystemDeletePage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system = try await ITSystem.find(
            try req.parameters.require("systemID", as: UUID.self), in: tenant, on: req.db, what: ITSystem.what)
        let form = try req.formData()
        try await SystemRules.delete(system, tenant: tenant, actor: .from(req), message: form["message"], on: req.db)
        return req.redirect(to: SystemRoutes.index(tenant.slug), flash: .deleted)
    }

    private func renderForm(
        req: Request, tenant: Tenant, system: ITSystem?, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let context = try await req.registerContext(for: tenant)
        let options = try await PickerOptions.load(tenant: tenant, on: req.db)
        let model = SystemFormPage.Model(
            tenantSlug: tenant.slug, systemID: system?.id, systemName: system?.name, values: values, errors: errors,
            orgOptions: context.orgTree.options(), supplierOptions: options.suppliers,
            managementObjectOptions: options.managementObjects, personOptions: options.people)
        return SystemFormPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render(status: status)
    }
}

/// Choices for the register's drop-downs, sorted the Swedish way.
struct PickerOptions: Sendable {
    var suppliers: [(value: String, label: String)]
    var managementObjects: [(value: String, label: String)]
    var people: [(value: String, label: String)]

    static func load(tenant: Tenant, on db: any Database) async throws -> PickerOptions {
        async let suppliers = Supplier.scoped(to: tenant, on: db).sort(\.$sortKey).field(\.$id).field(\.$name).all()
        async let objects = ManagementObject.scoped(to: tenant, on: db).sort(\.$sortKey).field(\.$id).field(\.$name)
            .all()
        async let people = Person.scoped(to: tenant, on: db).sort(\.$sortKey).field(\.$id).field(\.$name).field(
            \.$isActive
        ).all()
        return PickerOptions(
            suppliers: try await suppliers.map { ($0.id!.uuidString, $0.name) },
            managementObjects: try await objects.map { ($0.id!.uuidString, $0.name) },
            people: try await people.map { ($0.id!.uuidString, $0.isActive ? $0.name : "\($0.name) (slutat)") })
    }
}
