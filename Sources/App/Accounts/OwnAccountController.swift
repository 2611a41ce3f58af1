import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// The signed-in user's own account: profile, password and API tokens.
struct OwnAccountController {
    @Sendable func show(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        return try await page(req: req, signedIn: signedIn, values: FormData(), errors: FormErrors(), created: nil)
    }

    @Sendable func passwordForm(req: Request) async throws -> Response {
        _ = try req.requireSignedIn()
        return PasswordPage(errors: FormErrors(), ctx: try await ctx(req)).render()
    }

    @Sendable func changePassword(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let form = try req.formData()
        let ctx = try await ctx(req)
        return try await FormSubmission.handle {
            let account = signedIn.account
            guard try await req.passwordHasher.verify(form.untrimmed("currentPassword"), against: account.passwordHash)
            else {
                throw ValidationFailure(issues: [
                    ValidationIssue(
                        field: "currentPassword",
                        message: Localized(sv: "Nuvarande lösenord stämmer inte.", en: "The current password is wrong.")
                    )
                ])
            }
            let new = form.untrimmed("newPassword")
            var issues = PasswordPolicy.check(new, field: "newPassword", email: account.email)
            if issues.isEmpty && new != form.untrimmed("repeatPassword") {
                issues.append(
                    ValidationIssue(
                        field: "repeatPassword",
                        message: Localized(sv: "Lösenorden är inte lika.", en: "The passwords do not match.")))
            }
            try RecordStore.check(issues)
            var keep: UUID?
            if case .session(let id) = signedIn.credential { keep = id }
            try await AccountRules.setPassword(
                account, to: new, keepSession: keep, passwords: req.passwordHasher, actor: .from(req),
                message: "changed by the account holder", on: req.db)
            return req.redirect(to: AccountRoutes.account, flash: .passwordChanged)
        } showErrors: { errors in
            PasswordPage(errors: errors, ctx: ctx).render(status: .unprocessableEntity)
        }
    }

    @Sendable func createToken(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let form = try req.formData()
        return try await FormSubmission.handle {
            let draft = TokenDraft(
                name: form["name"], access: TokenAccess(rawValue: form["access"]) ?? .read,
                validDays: Int(form["validDays"].trimmed) ?? 0)
            let (_, secret) = try await TokenRules.create(draft, for: signedIn.account, actor: .from(req), on: req.db)
            // Shown in this response only: not in a redirect, a cookie or the log.
            return try await page(
                req: req, signedIn: signedIn, values: FormData(), errors: FormErrors(), created: secret)
        } showErrors: { errors in
            try await page(req: req, signedIn: signedIn, values: form, errors: errors, created: nil)
                .withStatus(.unprocessableEntity)
        }
    }

    @Sendable func revokeToken(req: Request) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let id = try req.parameters.require("tokenID", as: UUID.self)
        // Only one's own tokens: anyone else's answers as if it did not exist.
        guard
            let token = try await APIToken.query(on: req.db).filter(\.$id == id)
                .filter(\.$accountID == signedIn.account.requireID()).first()
        else { throw CommonError.notFound(what: Localized(sv: "API-token", en: "The API token")) }
        try await TokenRules.revoke(token, account: signedIn.account, actor: .from(req), on: req.db)
        return req.redirect(to: AccountRoutes.account, flash: .tokenRevoked)
    }

    /// `GET /api/v1/me`: who the caller is and what they may do in general.
    @Sendable func me(req: Request) async throws -> MeResponse {
        let signedIn = try req.requireSignedIn()
        let account = signedIn.account
        let tenant = try await account.tenantID.asyncMap { try await Tenant.find($0, on: req.db) } ?? nil
        let principal = try await req.principal()
        var access: String?
        if case .token(_, _, let a) = signedIn.credential { access = a.rawValue }
        return MeResponse(
            id: try account.requireID(), email: account.email, name: account.name, tenant: tenant?.slug,
            isTenantAdmin: account.isTenantAdmin, isPlatformOperator: account.isPlatformOperator,
            personId: account.personID, tokenAccess: access,
            editableSystemIds: (principal?.systemRoles.filter { _, roles in
                roles.contains { AccessPolicy.systemEditingRoles.contains($0.roleKey) }
            }.keys.map { $0 } ?? []).sorted { $0.uuidString < $1.uuidString },
            coordinatedOrgUnitIds: (principal?.coordinatedOrgUnits.map { $0 } ?? []).sorted {
                $0.uuidString < $1.uuidString
            })
    }

    private func ctx(_ req: Request) async throws -> PageContext {
        let tenant = try await req.signedIn?.account.tenantID.asyncMap { try await Tenant.find($0, on: req.db) } ?? nil
        return PageContext(request: req, tenant: tenant)
    }

    private func page(
        req: Request, signedIn: SignedIn, values: FormData, errors: FormErrors, created: String?
    ) async throws -> Response {
        let account = signedIn.account
        let tokens = try await APIToken.query(on: req.db).filter(\.$accountID == account.requireID())
            .sort(\.$createdAt, .descending).all()
        let tenant = try await account.tenantID.asyncMap { try await Tenant.find($0, on: req.db) } ?? nil
        let model = OwnAccountPage.Model(
            name: account.name, email: account.email, tenantName: tenant?.name,
            isTenantAdmin: account.isTenantAdmin, isPlatformOperator: account.isPlatformOperator,
            tokens: tokens.map {
                OwnAccountPage.TokenRow(
                    id: $0.id!, name: $0.name, prefix: $0.prefix, access: $0.access, createdAt: $0.createdAt,
                    expiresAt: $0.expiresAt, lastUsedAt: $0.lastUsedAt, revokedAt: $0.revokedAt)
            },
            now: req.dependencies.now(), createdSecret: created, values: values, errors: errors)
        return OwnAccountPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }
}

struct MeResponse: Content {
    var id: UUID
    var email: String
    var name: String
    var tenant: String?
    var isTenantAdmin: Bool
    var isPlatformOperator: Bool
    var personId: UUID?
    /// `read` or `read-write` when the request used an API token.
    var tokenAccess: String?
    /// Systems whose owner or manager (or deputy) the account's person is today.
    var editableSystemIds: [UUID]
    /// Org units where the account's person is IT-samordnare today.
    var coordinatedOrgUnitIds: [UUID]
}

extension Request {
    /// The signed-in account; routes declared `.signedIn` always have one.
    func requireSignedIn() throws -> SignedIn {
        guard let signedIn else { throw AuthError.signInRequired }
        return signedIn
    }
}

extension Response {
    func withStatus(_ status: HTTPResponseStatus) -> Response {
        self.status = status
        return self
    }
}

/// "My account": who I am, my password and my API tokens.
struct OwnAccountPage: Page {
    struct TokenRow {
        var id: UUID
        var name: String
        var prefix: String
        var access: TokenAccess
        var createdAt: Date
        var expiresAt: Date
        var lastUsedAt: Date?
        var revokedAt: Date?
    }

    struct Model {
        var name: String
        var email: String
        var tenantName: String?
        var isTenantAdmin: Bool
        var isPlatformOperator: Bool
        var tokens: [TokenRow]
        var now: Date
        /// A token just made: its secret, shown this once.
        var createdSecret: String?
        var values: FormData
        var errors: FormErrors
    }

    let model: Model
    let ctx: PageContext
    var title: String { ctx.t("Mitt konto", "My account") }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            Components.facts([
                (ctx.t("Namn", "Name"), .safe(model.name)),
                (ctx.t("E-postadress", "Email address"), .safe(model.email)),
                (ctx.t("Kommun", "Municipality"), Components.textOrDash(model.tenantName, ctx)),
                (
                    ctx.t("Behörighet", "Rights"),
                    .text(
                        model.isPlatformOperator
                            ? ctx.t("Driftsadministratör för tjänsten", "Platform operator")
                            : model.isTenantAdmin
                                ? ctx.t("Administratör", "Administrator")
                                : ctx.t(
                                    "Medarbetare (dina roller i registret avgör vad du får ändra)",
                                    "Employee (your roles in the register decide what you may change)"))
                ),
            ]),
            .p(Components.buttonLink(ctx.t("Byt lösenord", "Change password"), url: AccountRoutes.password)),
            .h2(.text(ctx.t("API-token", "API tokens"))),
            .p(
                .text(
                    ctx.t(
                        "En API-token låter ett skript eller en integration använda API:t i ditt namn. Den visas bara en gång.",
                        "An API token lets a script or integration use the API in your name. It is shown only once."))),
            createdNotice,
            tokenTable,
            newTokenForm
        )
    }

    private var createdNotice: Node<HTML.BodyContext> {
        guard let secret = model.createdSecret else { return .empty }
        return .div(
            .class("flash token-secret"), .attribute(named: "role", value: "status"),
            .p(
                .strong(
                    .text(
                        ctx.t(
                            "Kopiera din nya token nu. Den visas inte igen:",
                            "Copy your new token now. It will not be shown again:")))),
            .p(.code(.id("new-token"), .safe(secret))))
    }

    private var tokenTable: Node<HTML.BodyContext> {
        guard !model.tokens.isEmpty else {
            return .p(.class("empty-state"), .text(ctx.t("Du har inga API-token.", "You have no API tokens.")))
        }
        let f = FormBuilder(ctx: ctx, values: FormData())
        return Components.tableWrap(
            ctx.t("API-token", "API tokens"),
            .table(
                .thead(
                    .tr(
                        Components.header(ctx.t("Namn", "Name")), Components.header(ctx.t("Början", "Starts with")),
                        Components.header(ctx.t("Får", "May")), Components.header(ctx.t("Skapad", "Created")),
                        Components.header(ctx.t("Går ut", "Expires")),
                        Components.header(ctx.t("Senast använd", "Last used")),
                        Components.header(ctx.t("Status", "Status")))),
                .tbody(
                    .forEach(model.tokens) { token in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .safe(token.name)),
                            .td(.code(.safe(token.prefix + "…"))),
                            .td(.text(ctx.t(token.access.label))),
                            .td(.text(Components.dateTime(token.createdAt))),
                            .td(.text(Components.dateTime(token.expiresAt))),
                            .td(.text(token.lastUsedAt.map(Components.dateTime) ?? "–")),
                            .td(status(token, f)))
                    })))
    }

    private func status(_ token: TokenRow, _ f: FormBuilder) -> Node<HTML.BodyContext> {
        if token.revokedAt != nil { return Components.badge(ctx.t("Återkallad", "Revoked")) }
        if token.expiresAt <= model.now { return Components.badge(ctx.t("Utgången", "Expired")) }
        return .group(
            Components.badge(ctx.t("Giltig", "Valid"), kind: "ok"),
            f.form(
                action: AccountRoutes.revokeToken(token.id),
                f.submit(ctx.t("Återkalla", "Revoke"), secondary: true, hiddenContext: token.name)))
    }

    private var newTokenForm: Node<HTML.BodyContext> {
        var values = model.values
        if !values.has("validDays") { values = FormData(["validDays": ["90"], "access": ["read"]]) }
        let f = FormBuilder(ctx: ctx, values: values, errors: model.errors)
        return .group(
            .h3(.text(ctx.t("Ny API-token", "New API token"))),
            f.errorSummary(labels: [
                "name": ctx.t("Namn", "Name"), "validDays": ctx.t("Giltig i dagar", "Valid for days"),
            ]),
            .p(.class("hint"), .text(ctx.t("Fält markerade med * är obligatoriska.", "Fields marked * are required."))),
            f.form(
                action: AccountRoutes.tokens,
                f.input(
                    "name", label: ctx.t("Namn", "Name"),
                    hint: ctx.t("Vad token används till, som \"Export till BI\".", "What it is for, as \"BI export\"."),
                    required: true),
                f.select(
                    "access", label: ctx.t("Får", "May"),
                    options: TokenAccess.allCases.map { ($0.rawValue, ctx.t($0.label)) }),
                f.input(
                    "validDays", label: ctx.t("Giltig i dagar", "Valid for days"), type: "number",
                    hint: ctx.t("Högst \(TokenDraft.maximumDays).", "At most \(TokenDraft.maximumDays)."),
                    required: true, inputMode: "numeric"),
                .div(.class("form-actions"), f.submit(ctx.t("Skapa token", "Create token")))))
    }
}

/// Changing one's own password.
struct PasswordPage: Page {
    let errors: FormErrors
    let ctx: PageContext
    var title: String { (errors.isEmpty ? "" : ctx.t("Fel: ", "Error: ")) + ctx.t("Byt lösenord", "Change password") }
    var breadcrumbs: [Breadcrumb] {
        [Breadcrumb(title: ctx.t("Mitt konto", "My account"), url: AccountRoutes.account), Breadcrumb(title: title)]
    }

    var content: Node<HTML.BodyContext> {
        let f = FormBuilder(ctx: ctx, values: FormData(), errors: errors)
        return .div(
            .class("narrow"),
            .h1(.text(ctx.t("Byt lösenord", "Change password"))),
            f.errorSummary(labels: [
                "currentPassword": ctx.t("Nuvarande lösenord", "Current password"),
                "newPassword": ctx.t("Nytt lösenord", "New password"),
                "repeatPassword": ctx.t("Upprepa det nya lösenordet", "Repeat the new password"),
            ]),
            .p(.class("hint"), .text(ctx.t("Fält markerade med * är obligatoriska.", "Fields marked * are required."))),
            f.form(
                action: AccountRoutes.password,
                f.input(
                    "currentPassword", label: ctx.t("Nuvarande lösenord", "Current password"), type: "password",
                    required: true, autocomplete: "current-password"),
                f.input(
                    "newPassword", label: ctx.t("Nytt lösenord", "New password"), type: "password",
                    hint: ctx.t(
                        "Minst \(PasswordPolicy.minimumLength) tecken. En mening av flera ord är lätt att minnas och svår att gissa.",
                        "At least \(PasswordPolicy.minimumLength) characters. A sentence of several words is easy to remember and hard to guess."
                    ),
                    required: true, autocomplete: "new-password"),
                f.input(
                    "repeatPassword", label: ctx.t("Upprepa det nya lösenordet", "Repeat the new password"),
                    type: "password", required: true, autocomplete: "new-password"),
                .p(
                    .class("hint"),
                    .text(
                        ctx.t(
                            "Dina andra inloggningar loggas ut när lösenordet byts.",
                            "Your other sessions are signed out when the password changes."))),
                .div(
                    .class("form-actions"), f.submit(ctx.t("Byt lösenord", "Change password")),
                    .a(.class("button secondary"), .link(AccountRoutes.account), .text(ctx.t("Avbryt", "Cancel")))))
        )
    }
}
