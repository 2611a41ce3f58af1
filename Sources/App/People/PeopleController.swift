import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML pages for people.
struct PeopleController {
    /// The list: search over name, e-mail and title; active, left or everyone.
    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let items = req.queryItems
        let query = ListQuery(items)
        // A hand-edited URL with an unknown status still shows a list: the default one.
        let status = items.first { $0.0 == "status" }.flatMap { PersonStatusFilter(rawValue: $0.1) } ?? .active
        let ctx = PageContext(request: req, tenant: tenant)
        let all = try await Self.matching(query.text, status: status, tenant: tenant, on: req.db)
        let tree = OrgTree(units: try await OrgUnit.scoped(to: tenant, on: req.db).all())
        let roleCounts = try await Self.ongoingRoleCounts(tenant: tenant, today: req.dependencies.today, on: req.db)
        let rows = all.dropFirst(query.offset).prefix(query.perPage).map { p in
            var cells: [Node<HTML.BodyContext>] = [
                .safe(p.title),
                tree.entry(p.orgUnitID).map { .a(.link(OrgUnitRoutes.show(tenant.slug, $0.id)), .safe($0.name)) }
                    ?? .empty,
                p.email.isEmpty ? .empty : .a(.link("mailto:" + p.email), .safe(p.email)),
                .text("\(roleCounts[p.id!] ?? 0)"),
            ]
            if status != .active {
                cells.append(
                    .safe(
                        p.isActive
                            ? ctx.t("Aktiv", "Active")
                            : ctx.t("Har slutat", "Has left") + (p.leftOn.map { " \($0)" } ?? "")))
            }
            return RecordListPage.Row(url: PersonRoutes.show(tenant.slug, p.id!), name: p.name, cells: cells)
        }
        var columns: [RecordListPage.Column] = [
            .init(title: ctx.t("Namn", "Name")), .init(title: ctx.t("Titel", "Title")),
            .init(title: ctx.t("Organisationsenhet", "Org unit")),
            .init(title: ctx.t("E-post", "E-mail")),
            .init(title: ctx.t("Nuvarande roller", "Current roles"), isNumeric: true),
        ]
        if status != .active { columns.append(.init(title: ctx.t("Status", "Status"))) }
        let statusParam = status == .active ? "" : status.rawValue
        let model = RecordListPage.Model(
            heading: ctx.t("Personer", "People"), section: .people, tenantName: tenant.name,
            newURL: ctx.mayAdminister ? PersonRoutes.new(tenant.slug) : nil, newLabel: ctx.t("Ny person", "New person"),
            searchURL: PersonRoutes.index(tenant.slug), searchText: query.text,
            columns: columns, rows: Array(rows), total: all.count, page: query.page,
            pageCount: query.pageCount(total: all.count),
            pageURL: {
                PersonRoutes.index(
                    tenant.slug, query: [("q", query.text), ("status", statusParam), ("page", String($0))])
            },
            emptyText: ctx.t("Inga personer matchar.", "No people match."),
            filters: [
                .init(
                    name: "status", label: ctx.t("Visa", "Show"),
                    options: PersonStatusFilter.allCases.map { ($0.rawValue, $0.label(ctx)) }, selected: status.rawValue
                )
            ])
        return RecordListPage(model: model, ctx: ctx).render()
    }

    /// The tenant's people matching the search and status, by name. In memory: a municipality has at
    /// most a few thousand people, and this keeps case-insensitive search the same on both databases.
    static func matching(
        _ text: String, status: PersonStatusFilter, tenant: Tenant, on db: any Database
    ) async throws -> [Person] {
        let needle = text.lowercased()
        return try await Person.scoped(to: tenant, on: db).sort(\.$sortKey).all().filter { p in
            status.matches(p)
                && (needle.isEmpty || [p.name, p.email, p.title].contains { $0.lowercased().contains(needle) })
        }
    }

    /// How many roles each person holds that have not ended.
    static func ongoingRoleCounts(tenant: Tenant, today: CalendarDay, on db: any Database) async throws -> [UUID: Int] {
        let assignments = try await RoleAssignment.scoped(to: tenant, on: db).field(\.$personID).field(\.$validTo).all()
        var counts: [UUID: Int] = [:]
        for a in assignments where ScopedRoles.isOngoing(a, on: today) { counts[a.personID, default: 0] += 1 }
        return counts
    }

    /// A person, their roles grouped by what they are held for, and a notice when someone who has
    /// left still holds roles.
    @Sendable func show(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let person = try await load(req, tenant)
        var model = try await PersonShowPage.Model.load(
            person: person, tenant: tenant, today: req.dependencies.today, lang: req.uiLanguage, on: req.db)
        model.canConfirmSecurityRules = await req.can(
            .confirmSecurityRules(tenantID: try tenant.requireID(), personID: try person.requireID()))
        return PersonShowPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }

    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        return try await form(
            req: req, tenant: tenant, person: nil, values: FormData(["isActive": ["true"]]), errors: FormErrors(),
            status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        let (draft, formIssues) = Self.draft(from: values)
        return try await FormSubmission.handle {
            let person = try await PersonRules.create(
                draft, tenant: tenant, actor: .from(req), formIssues: formIssues, on: req.db)
            return req.redirect(to: PersonRoutes.show(tenant.slug, try person.requireID()), flash: .created)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, person: nil, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let person = try await load(req, tenant)
        return try await form(
            req: req, tenant: tenant, person: person, values: Self.values(from: person.draft), errors: FormErrors(),
            status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let person = try await load(req, tenant)
        let values = try req.formData()
        let (draft, formIssues) = Self.draft(from: values)
        return try await FormSubmission.handle {
            _ = try await PersonRules.update(
                person, with: draft, tenant: tenant, actor: .from(req), formIssues: formIssues, on: req.db)
            return req.redirect(to: PersonRoutes.show(tenant.slug, try person.requireID()), flash: .saved)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, person: person, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    /// Asks before deleting, and explains when the person must be marked as having left instead.
    @Sendable func confirmDelete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let person = try await load(req, tenant)
        let ctx = PageContext(request: req, tenant: tenant)
        let uses = try await PersonRules.uses(of: person, lang: ctx.lang, on: req.db)
        let id = try person.requireID()
        let model = DeleteConfirmPage.Model(
            heading: ctx.t("Ta bort \(person.name)", "Delete \(person.name)"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Personer", "People"), url: PersonRoutes.index(tenant.slug)),
                Breadcrumb(title: person.name, url: PersonRoutes.show(tenant.slug, id)),
                Breadcrumb(title: ctx.t("Ta bort", "Delete")),
            ],
            section: .people,
            explanation: uses.isEmpty
                ? [ctx.t("Personen tas bort. Historiken finns kvar.", "The person is deleted. Their history is kept.")]
                : [
                    ctx.t(
                        "Personen kan inte tas bort eftersom hen finns i historiken: \(uses.joined(separator: ", ")).",
                        "The person can't be deleted because they are part of the history: \(uses.joined(separator: ", "))."
                    ),
                    ctx.t(
                        "Redigera personen och markera att hen har slutat i stället.",
                        "Edit the person and mark them as having left instead."),
                ],
            action: PersonRoutes.delete(tenant.slug, id), cancelURL: PersonRoutes.show(tenant.slug, id),
            buttonLabel: ctx.t("Ta bort personen", "Delete the person"))
        return DeleteConfirmPage(model: model, ctx: ctx).render()
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let person = try await load(req, tenant)
        try await PersonRules.delete(
            person, actor: .from(req), message: try req.formData()["message"], lang: req.uiLanguage, on: req.db)
        return req.redirect(to: PersonRoutes.index(tenant.slug), flash: .deleted)
    }

    private func load(_ req: Request, _ tenant: Tenant) async throws -> Person {
        try await Person.find(
            try req.parameters.require("personID", as: UUID.self), in: tenant, on: req.db, what: Person.what)
    }

    static func values(from d: PersonDraft) -> FormData {
        FormData([
            "name": [d.name], "email": [d.email], "title": [d.title], "phone": [d.phone],
            "orgUnitId": [d.orgUnitId?.uuidString ?? ""], "isActive": [d.isActive ? "true" : ""],
            "leftOn": [d.leftOn?.iso ?? ""],
        ])
    }

    /// Reads the form; values it can't read become issues on their field, reported with the rest.
    static func draft(from f: FormData) -> (PersonDraft, [ValidationIssue]) {
        var p = FormParser(f)
        let draft = PersonDraft(
            name: f["name"], email: f["email"], title: f["title"], phone: f["phone"], orgUnitId: p.uuid("orgUnitId"),
            isActive: f.isChecked("isActive"), leftOn: p.day("leftOn"))
        return (draft, p.issues)
    }

    private func form(
        req: Request, tenant: Tenant, person: Person?, values: FormData, errors: FormErrors, status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let units = OrgTree(units: try await OrgUnit.scoped(to: tenant, on: req.db).all()).options()
        let heading = person.map { ctx.t("Redigera \($0.name)", "Edit \($0.name)") } ?? ctx.t("Ny person", "New person")
        var crumbs = [Breadcrumb(title: ctx.t("Personer", "People"), url: PersonRoutes.index(tenant.slug))]
        if let person { crumbs.append(Breadcrumb(title: person.name, url: PersonRoutes.show(tenant.slug, person.id!))) }
        crumbs.append(Breadcrumb(title: person == nil ? ctx.t("Ny", "New") : ctx.t("Redigera", "Edit")))
        let labels = [
            "name": ctx.t("Namn", "Name"), "email": ctx.t("E-post", "E-mail"), "title": ctx.t("Titel", "Title"),
            "phone": ctx.t("Telefon", "Phone"), "orgUnitId": ctx.t("Organisationsenhet", "Org unit"),
            "isActive": ctx.t("Arbetar kvar (aktiv)", "Still works here (active)"),
            "leftOn": ctx.t("Slutade", "Left on"),
        ]
        let model = RecordFormPage.Model(
            heading: heading, breadcrumbs: crumbs, section: .people,
            action: person.map { PersonRoutes.edit(tenant.slug, $0.id!) } ?? PersonRoutes.index(tenant.slug),
            cancelURL: person.map { PersonRoutes.show(tenant.slug, $0.id!) } ?? PersonRoutes.index(tenant.slug),
            submitLabel: person == nil
                ? ctx.t("Skapa person", "Create person") : ctx.t("Spara ändringar", "Save changes"),
            values: values, errors: errors, labels: labels)
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.input("name", label: labels["name"]!, required: true, autocomplete: "off"),
                f.input("email", label: labels["email"]!, type: "email", autocomplete: "off"),
                f.input(
                    "title", label: labels["title"]!,
                    hint: ctx.t(
                        "Som IT-samordnare eller förvaltningschef.", "As IT coordinator or head of administration.")),
                f.input("phone", label: labels["phone"]!, type: "tel", autocomplete: "off"),
                f.select(
                    "orgUnitId", label: labels["orgUnitId"]!, options: units,
                    emptyLabel: ctx.t("Ingen angiven", "None given")),
                f.checkbox(
                    "isActive", label: labels["isActive"]!,
                    hint: ctx.t(
                        "Ta bort markeringen när personen slutar. Rollerna hen har behöver då nya innehavare.",
                        "Untick when the person leaves. The roles they hold then need new holders.")),
                f.input(
                    "leftOn", label: labels["leftOn"]!, type: "date",
                    hint: ctx.t(
                        "ÅÅÅÅ-MM-DD. Lämnas tomt blir det dagens datum när personen markeras som slutad.",
                        "YYYY-MM-DD. Left empty, it becomes today's date when the person is marked as having left.")))
        }.render(status: status)
    }
}
