import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// The platform operator's page: the municipalities on the service, and a form to add one with its
/// first administrator. The operator sees names, never content.
struct PlatformController {
    @Sendable func index(req: Request) async throws -> Response {
        try await page(
            req, values: FormData(["profile": [ShippedProfiles.standardKey]]), errors: FormErrors(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let values = try req.formData()
        return try await FormSubmission.handle {
            let (_, admin, password) = try await PlatformRules.createTenant(
                slug: values["slug"], name: values["name"], organisationNumber: values["organisationNumber"],
                profile: values["profile"].isEmpty ? ShippedProfiles.standardKey : values["profile"],
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
        // The profile each started with, which the operator chose; what a municipality uploads later is
        // its own content.
        let firstVersions = try await ProfileVersion.query(on: req.db).filter(\.$version == 1)
            .field(\.$id).field(\.$tenantID).field(\.$profileKey).all()
        let initialProfile = Dictionary(
            firstVersions.map { ($0.tenantID, $0.profileKey) }, uniquingKeysWith: { a, _ in a })
        return PlatformPage(
            model: .init(
                tenants: tenants.map {
                    .init(
                        slug: $0.slug, name: $0.name, createdAt: $0.createdAt,
                        initialProfile: $0.id.flatMap { initialProfile[$0] } ?? "")
                }, values: values, errors: errors),
            ctx: PageContext(request: req, tenant: nil)
        ).render(status: status)
    }
}

/// Creating a municipality together with its first administrator, all or nothing.
enum PlatformRules {
    /// `profile` is a shipped profile's key; the tenant goes the same way as `styrbord tenant create`
    /// (`TenantSetup.create`), with the operator as the one who asked.
    static func createTenant(
        slug: String, name: String, organisationNumber: String, profile: String = ShippedProfiles.standardKey,
        admin: AccountDraft, req: Request
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
            try await TenantSetup.validate(
                slug: slug, name: name, organisationNumber: organisationNumber, profile: profile, on: req.db)
        } catch let failure as ValidationFailure {
            issues = failure.issues + issues
        }
        try RecordStore.check(issues)
        let tenant = try await TenantSetup.create(
            slug: slug, name: name, organisationNumber: organisationNumber, profile: profile, actor: .from(req),
            dependencies: req.dependencies, on: req.db)
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
    struct TenantRow {
        var slug: String
        var name: String
        var createdAt: Date
        /// The key of the shipped profile it was created with.
        var initialProfile: String
    }

    struct Model {
        var tenants: [TenantRow]
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
                                Components.header(ctx.t("Startprofil", "Initial profile")),
                                Components.header(ctx.t("Skapad", "Created")))),
                        .tbody(
                            .forEach(model.tenants) { t in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .safe(t.name)),
                                    .td(.code(.safe(t.slug))),
                                    .td(profileCell(t.initialProfile)),
                                    .td(.text(Components.dateTime(t.createdAt))))
                            }))),
            .h2(.text(ctx.t("Ny kommun", "New municipality"))),
            f.errorSummary(labels: [
                "slug": ctx.t("Adressnamn", "Slug"), "name": ctx.t("Namn", "Name"),
                "organisationNumber": ctx.t("Organisationsnummer", "Organisation number"),
                "adminName": ctx.t("Administratörens namn", "Administrator's name"),
                "adminEmail": ctx.t("Administratörens e-postadress", "Administrator's email address"),
                "profile": ctx.t("Styrningsprofil", "Governance profile"),
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
                f.select(
                    "profile", label: ctx.t("Styrningsprofil", "Governance profile"),
                    options: ShippedProfiles.names.map { (value: $0.key, label: ctx.t($0.name)) },
                    hint: ctx.t(
                        "Kommunens regler för IT-styrning från start. Kommunens administratör kan senare ladda upp en egen version.",
                        "The municipality's IT governance rules to start with. Its administrator can later upload a version of their own."
                    ), required: true),
                f.input("adminName", label: ctx.t("Administratörens namn", "Administrator's name"), required: true),
                f.input(
                    "adminEmail", label: ctx.t("Administratörens e-postadress", "Administrator's email address"),
                    type: "email", required: true),
                .div(.class("form-actions"), f.submit(ctx.t("Skapa kommunen", "Create the municipality"))))
        )
    }

    /// A shipped profile's name, with its key; the bare key if it is no longer shipped.
    private func profileCell(_ key: String) -> Node<HTML.BodyContext> {
        guard let shipped = ShippedProfiles.names.first(where: { $0.key == key }) else {
            return key.isEmpty ? Components.textOrDash(nil, ctx) : .code(.safe(key))
        }
        return .group(.safe(ctx.t(shipped.name)), .text(" "), .code(.safe(key)))
    }
}
