import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// The administrator's pages for the municipality's accounts.
struct AccountsController {
    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        let accounts = try await Account.query(on: req.db).filter(\.$tenantID == tenant.requireID()).sort(\.$name)
            .all()
        let people = try await personNames(tenant, req)
        let model = AccountListPage.Model(
            tenantSlug: tenant.slug, tenantName: tenant.name,
            rows: accounts.map {
                .init(
                    id: $0.id!, name: $0.name, email: $0.email, person: $0.personID.flatMap { people[$0] },
                    isAdmin: $0.isTenantAdmin, isActive: $0.isActive, lastSignInAt: $0.lastSignInAt)
            })
        return AccountListPage(model: model, ctx: ctx).render()
    }

    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        return try await form(
            req, tenant, account: nil, values: FormData(["isActive": ["on"]]), errors: FormErrors(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        return try await FormSubmission.handle {
            let (account, password) = try await AccountRules.create(
                try Self.draft(from: values), tenant: tenant, password: nil, passwords: req.passwordHasher,
                actor: .from(req), on: req.db)
            return PasswordIssuedPage(
                model: .init(
                    tenantSlug: tenant.slug, name: account.name, email: account.email, password: password,
                    isNew: true), ctx: PageContext(request: req, tenant: tenant)
            ).render(status: .created)
        } showErrors: { errors in
            try await form(req, tenant, account: nil, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let account = try await AccountRules.find(req, in: tenant)
        return try await form(
            req, tenant, account: account, values: Self.values(from: account.draft), errors: FormErrors(), status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let account = try await AccountRules.find(req, in: tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            _ = try await AccountRules.update(
                account, with: try Self.draft(from: values), actor: .from(req), on: req.db)
            return req.redirect(to: AccountRoutes.index(tenant.slug), flash: .saved)
        } showErrors: { errors in
            try await form(req, tenant, account: account, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func resetPassword(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let account = try await AccountRules.find(req, in: tenant)
        let password = PasswordHasher.generate()
        try await AccountRules.setPassword(
            account, to: password, keepSession: nil, passwords: req.passwordHasher, actor: .from(req),
            message: "reset by an administrator", on: req.db)
        return PasswordIssuedPage(
            model: .init(
                tenantSlug: tenant.slug, name: account.name, email: account.email, password: password, isNew: false),
            ctx: PageContext(request: req, tenant: tenant)
        ).render()
    }

    static func draft(from values: FormData) throws -> AccountDraft {
        var parser = FormParser(values)
        let person = parser.uuid("personId")
        try RecordStore.check(parser.issues)
        return AccountDraft(
            email: values["email"], name: values["name"], isTenantAdmin: values.isChecked("isTenantAdmin"),
            personId: person, isActive: values.isChecked("isActive"))
    }

    static func values(from draft: AccountDraft) -> FormData {
        FormData([
            "email": [draft.email], "name": [draft.name], "personId": [draft.personId?.uuidString ?? ""],
            "isTenantAdmin": [draft.isTenantAdmin ? "on" : ""], "isActive": [draft.isActive ? "on" : ""],
        ])
    }

    private func personNames(_ tenant: Tenant, _ req: Request) async throws -> [UUID: String] {
        let people = try await Person.scoped(to: tenant, on: req.db).field(\.$id).field(\.$name).all()
        return Dictionary(uniqueKeysWithValues: people.compactMap { p in p.id.map { ($0, p.name) } })
    }

    private func form(
        _ req: Request, _ tenant: Tenant, account: Account?, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let people = try await Person.scoped(to: tenant, on: req.db).sort(\.$sortKey).all()
        let heading =
            account.map { ctx.t("Ändra konto för \($0.name)", "Edit account of \($0.name)") }
            ?? ctx.t("Nytt konto", "New account")
        let model = RecordFormPage.Model(
            heading: heading,
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Konton", "Accounts"), url: AccountRoutes.index(tenant.slug)),
                Breadcrumb(title: heading),
            ],
            section: .accounts,
            action: account.map { AccountRoutes.edit(tenant.slug, $0.id!) } ?? AccountRoutes.index(tenant.slug),
            cancelURL: AccountRoutes.index(tenant.slug), submitLabel: ctx.t("Spara", "Save"), values: values,
            errors: errors,
            labels: [
                "email": ctx.t("E-postadress", "Email address"), "name": ctx.t("Namn", "Name"),
                "personId": ctx.t("Person i registret", "Person in the register"),
                "isTenantAdmin": ctx.t("Administratör", "Administrator"), "isActive": ctx.t("Aktivt", "Active"),
            ],
            intro: account == nil
                ? ctx.t(
                    "Ett lösenord skapas och visas en gång när kontot sparats. Lämna det till personen på ett säkert sätt.",
                    "A password is generated and shown once when the account is saved. Hand it over securely.")
                : nil)
        let page = RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.input("name", label: ctx.t("Namn", "Name"), required: true, autocomplete: "off"),
                f.input(
                    "email", label: ctx.t("E-postadress", "Email address"), type: "email",
                    hint: ctx.t("Används för att logga in.", "Used to sign in."), required: true, autocomplete: "off"),
                f.select(
                    "personId", label: ctx.t("Person i registret", "Person in the register"),
                    options: [("", ctx.t("– Ingen –", "– None –"))]
                        + people.map { ($0.id!.uuidString, $0.name) },
                    hint: ctx.t(
                        "Personens roller (systemägare, systemförvaltare, IT-samordnare) avgör vad kontot får ändra.",
                        "The person's roles (system owner, system manager, IT coordinator) decide what the account may change."
                    )),
                f.checkbox(
                    "isTenantAdmin", label: ctx.t("Administratör", "Administrator"),
                    hint: ctx.t(
                        "Får ändra allt i kommunen, hantera konton och se hela granskningsloggen.",
                        "May change everything in the municipality, manage accounts and see the whole audit trail.")),
                f.checkbox(
                    "isActive", label: ctx.t("Aktivt", "Active"),
                    hint: ctx.t(
                        "Ett inaktivt konto kan inte logga in och dess API-token slutar fungera.",
                        "An inactive account can't sign in and its API tokens stop working.")),
                .unwrap(account) { account in
                    .p(
                        .text(
                            ctx.t(
                                "Lösenordet återställs från kontolistan.", "Reset the password from the account list.")
                        ))
                }
            )
        }
        return page.render(status: status)
    }
}

/// The municipality's accounts.
struct AccountListPage: Page {
    struct Row {
        var id: UUID
        var name: String
        var email: String
        var person: String?
        var isAdmin: Bool
        var isActive: Bool
        var lastSignInAt: Date?
    }

    struct Model {
        var tenantSlug: String
        var tenantName: String
        var rows: [Row]
    }

    let model: Model
    let ctx: PageContext
    var title: String { ctx.t("Konton", "Accounts") }
    var section: NavSection? { .accounts }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: model.tenantName), Breadcrumb(title: title)] }

    var content: Node<HTML.BodyContext> {
        let f = FormBuilder(ctx: ctx, values: FormData())
        return .group(
            .div(
                .class("page-heading"), .h1(.text(title)),
                .div(
                    .class("actions"),
                    Components.buttonLink(ctx.t("Nytt konto", "New account"), url: AccountRoutes.new(model.tenantSlug)))
            ),
            Components.tableWrap(
                title,
                .table(
                    .thead(
                        .tr(
                            Components.header(ctx.t("Namn", "Name")),
                            Components.header(ctx.t("E-postadress", "Email address")),
                            Components.header(ctx.t("Person i registret", "Person in the register")),
                            Components.header(ctx.t("Behörighet", "Rights")),
                            Components.header(ctx.t("Senast inloggad", "Last signed in")),
                            Components.header(ctx.t("Lösenord", "Password")))),
                    .tbody(
                        .forEach(model.rows) { row in
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "row"),
                                    .a(.link(AccountRoutes.edit(model.tenantSlug, row.id)), .safe(row.name))),
                                .td(.safe(row.email)),
                                .td(Components.textOrDash(row.person, ctx)),
                                .td(
                                    .text(
                                        row.isAdmin
                                            ? ctx.t("Administratör", "Administrator") : ctx.t("Medarbetare", "Employee")
                                    ),
                                    .if(
                                        !row.isActive,
                                        .group(.text(" "), Components.badge(ctx.t("Inaktivt", "Inactive"))))),
                                .td(
                                    .text(row.lastSignInAt.map(Components.dateTime) ?? "–"), .text(" "),
                                    .a(
                                        .link(AuditRoutes.forPerson(model.tenantSlug, account: row.id)),
                                        .text(ctx.t("Historik", "History")))),
                                .td(
                                    f.form(
                                        action: AccountRoutes.resetPassword(model.tenantSlug, row.id),
                                        f.submit(
                                            ctx.t("Återställ lösenord", "Reset password"), secondary: true,
                                            hiddenContext: ctx.t("för \(row.name)", "of \(row.name)")))))
                        })))
        )
    }
}

/// Shows a generated password once, after creating an account or resetting its password.
struct PasswordIssuedPage: Page {
    struct Model {
        var tenantSlug: String?
        var name: String
        var email: String
        var password: String
        var isNew: Bool
    }

    let model: Model
    let ctx: PageContext
    var title: String {
        model.isNew
            ? ctx.t("Kontot är skapat", "The account has been created")
            : ctx.t("Lösenordet är återställt", "The password has been reset")
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .div(
                .class("flash token-secret"), .attribute(named: "role", value: "status"),
                .p(
                    .text(
                        ctx.t(
                            "Lösenord för \(model.name) (\(model.email)). Det visas bara nu; lämna det på ett säkert sätt och be personen byta det:",
                            "Password for \(model.name) (\(model.email)). It is shown only now; hand it over securely and ask the person to change it:"
                        ))),
                .p(.code(.id("issued-password"), .safe(model.password)))),
            .unwrap(model.tenantSlug) { slug in
                .p(.a(.link(AccountRoutes.index(slug)), .text(ctx.t("Tillbaka till kontona", "Back to the accounts"))))
            }
        )
    }
}
