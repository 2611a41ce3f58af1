import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// The platform operator's page: the municipalities on the service, and a form to add one with its
/// first administrator. The operator sees names, never content.
struct PlatformController {
    @Sendable func index(req: Request) async throws -> Response {
        try await page(req, values: FormData(), errors: FormErrors(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let values = try req.formData()
        return try await FormSubmission.handle {
            let (_, admin, password) = try await PlatformRules.createTenant(
                slug: values["slug"], name: values["name"], organisationNumber: values["organisationNumber"],
                admin: AccountDraft(email: values["adminEmail"], name: values["adminName"], isTenantAdmin: true),
                req: req)
            return PasswordIssuedPage(
                model: .init(tenantSlug: nil, name: admin.name, email: admin.email, password: password, isNew: true),
                ctx: PageContext(request: req, tenant: nil)
            ).render(status: .created)
        } showErrors: { errors in
            try await page(req, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    private func page(
        _ req: Request, values: FormData, errors: FormErrors, status: HTTPResponseStatus
    ) async throws
        -> Response
    {
        let tenants = try await Tenant.query(on: req.db).sort(\.$name).all()
        return PlatformPage(
            model: .init(tenants: tenants.map { ($0.slug, $0.name, $0.createdAt) }, values: values, errors: errors),
            ctx: PageContext(request: req, tenant: nil)
        ).render(status: status)
    }
}

/// Creating a municipality together with its first administrator, all or nothing.
enum PlatformRules {
    static func createTenant(
        slug: String, name: String, organisationNumber: String, admin: AccountDraft, req: Request
    ) async throws -> (Tenant, Account, String) {
        // Check the administrator before anything is written, so a bad email leaves no empty tenant.
        var issues = admin.validate().map {
            ValidationIssue(field: "admin" + $0.field.capitalizedFirst, message: $0.message)
        }
        if issues.isEmpty,
            try await Account.query(on: req.db).filter(\.$email == AccountDraft.normalise(email: admin.email)).first()
                != nil
        {
            issues.append(
                ValidationIssue(
                    field: "adminEmail",
                    message: Localized(
                        sv: "Det finns redan ett konto med den e-postadressen.",
                        en: "There is already an account with that email address.")))
        }
        do {
            try await TenantSetup.validate(slug: slug, name: name, organisationNumber: organisationNumber, on: req.db)
        } catch let failure as ValidationFailure {
            issues = failure.issues + issues
        }
        try RecordStore.check(issues)
        let tenant = try await TenantSetup.create(
            slug: slug, name: name, organisationNumber: organisationNumber, dependencies: req.dependencies, on: req.db)
        let (account, password) = try await AccountRules.create(
            admin, tenant: tenant, password: nil, passwords: req.passwordHasher, actor: .from(req), on: req.db)
        return (tenant, account, password)
    }
}

extension String {
    /// "email" → "Email", for prefixed field names ("adminEmail").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// The municipalities on the service.
struct PlatformPage: Page {
    struct Model {
        var tenants: [(slug: String, name: String, createdAt: Date)]
        var values: FormData
        var errors: FormErrors
    }

    let model: Model
    let ctx: PageContext
    var title: String { ctx.t("Kommuner på tjänsten", "Municipalities on the service") }

    var content: Node<HTML.BodyContext> {
        let f = FormBuilder(ctx: ctx, values: model.values, errors: model.errors)
        return .group(
            .h1(.text(title)),
            .p(
                .text(
                    ctx.t(
                        "Som driftsadministratör skapar du kommuner och deras första administratör. Kommunernas innehåll är inte synligt för dig.",
                        "As platform operator you create municipalities and their first administrator. Their content is not visible to you."
                    ))),
            model.tenants.isEmpty
                ? .p(.class("empty-state"), .text(ctx.t("Inga kommuner ännu.", "No municipalities yet.")))
                : Components.tableWrap(
                    title,
                    .table(
                        .thead(
                            .tr(
                                Components.header(ctx.t("Namn", "Name")), Components.header(ctx.t("Adress", "Slug")),
                                Components.header(ctx.t("Skapad", "Created")))),
                        .tbody(
                            .forEach(model.tenants) { t in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .safe(t.name)),
                                    .td(.code(.safe(t.slug))),
                                    .td(.text(Components.dateTime(t.createdAt))))
                            }))),
            .h2(.text(ctx.t("Ny kommun", "New municipality"))),
            f.errorSummary(labels: [
                "slug": ctx.t("Adressnamn", "Slug"), "name": ctx.t("Namn", "Name"),
                "organisationNumber": ctx.t("Organisationsnummer", "Organisation number"),
                "adminName": ctx.t("Administratörens namn", "Administrator's name"),
                "adminEmail": ctx.t("Administratörens e-postadress", "Administrator's email address"),
            ]),
            .p(.class("hint"), .text(ctx.t("Fält markerade med * är obligatoriska.", "Fields marked * are required."))),
            f.form(
                action: AccountRoutes.platformTenants,
                f.input(
                    "name", label: ctx.t("Namn", "Name"),
                    hint: ctx.t("Som \"Sjöviks kommun\".", "As \"Sjöviks kommun\"."), required: true),
                f.input(
                    "slug", label: ctx.t("Adressnamn", "Slug"),
                    hint: ctx.t("a–z, 0–9 och bindestreck, som \"sjovik\".", "a–z, 0–9 and hyphens, as \"sjovik\"."),
                    required: true),
                f.input("organisationNumber", label: ctx.t("Organisationsnummer", "Organisation number")),
                f.input("adminName", label: ctx.t("Administratörens namn", "Administrator's name"), required: true),
                f.input(
                    "adminEmail", label: ctx.t("Administratörens e-postadress", "Administrator's email address"),
                    type: "email", required: true),
                .div(.class("form-actions"), f.submit(ctx.t("Skapa kommunen", "Create the municipality"))))
        )
    }
}
