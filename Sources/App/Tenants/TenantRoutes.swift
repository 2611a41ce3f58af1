import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// The start page (choose a municipality) and the tenants API.
enum TenantRoutes {
    static func apiIndex() -> String { URLBuilder.segments("api", "v1", "tenants") }
    static func apiShow(_ slug: String) -> String { URLBuilder.segments("api", "v1", "tenants", slug) }

    static func register(app: Application) {
        let pages = TenantsController()
        app.get(use: pages.home).access(.open)
        app.get("t", ":tenant", use: pages.dashboard).access(.tenant(.read))
        let api = TenantsAPIController()
        app.get("api", "v1", "tenants", use: api.index).access(.signedIn)
        app.post("api", "v1", "tenants", use: api.create).access(.platform)
        app.get("api", "v1", "tenants", ":tenant", use: api.show).access(.tenant(.read))
    }
}

/// Creating a tenant: the row and its role catalogue, in one transaction.
enum TenantSetup {
    /// Every problem with a new tenant's slug, name, organisation number and profile.
    static func validate(
        slug: String, name: String, organisationNumber: String, profile: String = ShippedProfiles.standardKey,
        on db: any Database
    ) async throws {
        var v = Validator()
        if !Tenant.isValidSlug(slug) {
            v.add(
                "slug",
                sv: "Adressnamnet får innehålla a–z, 0–9 och bindestreck (2–63 tecken), som \"upplands-vasby\".",
                en: "The slug may contain a–z, 0–9 and hyphens (2–63 characters), as in \"upplands-vasby\".")
        }
        v.requireText(name, field: "name", label: Localized(sv: "Namn", en: "Name"), max: 200)
        if !organisationNumber.isEmpty && !organisationNumber.isSwedishOrganisationNumber {
            v.add(
                "organisationNumber", sv: "Ange organisationsnumret som 212000-0000.",
                en: "Enter the organisation number as 212000-0000.")
        }
        if !ShippedProfiles.keys.contains(profile) {
            let keys = ShippedProfiles.keys.joined(separator: ", ")
            v.add(
                "profile", sv: "Välj en av de medföljande styrningsprofilerna: \(keys).",
                en: "Choose one of the shipped governance profiles: \(keys).")
        }
        try v.throwIfAny()
        if try await Tenant.query(on: db).filter(\.$slug == slug).first() != nil {
            throw ValidationFailure(issues: [
                ValidationIssue(
                    field: "slug",
                    message: Localized(
                        sv: "Det finns redan en kommun med adressen \"\(slug)\".",
                        en: "There is already a municipality at \"\(slug)\"."))
            ])
        }
    }

    /// Creates the tenant governed by one of the shipped profiles (version 1 of its profile), with the
    /// role types the profile needs. Nothing is stored when any field, the profile's key included, is wrong.
    ///
    /// `actor` is whoever asked for it (the platform operator's request, the command line): version 1 is
    /// theirs and the tenant's audit trail records it. The demo loader and test fixtures pass none and name
    /// the version's author with `createdBy`.
    static func create(
        slug: String, name: String, organisationNumber: String = "", id: UUID? = nil,
        profile profileKey: String = ShippedProfiles.standardKey, createdBy: String = "system",
        actor: AuditActor? = nil, dependencies: AppDependencies, on db: any Database
    ) async throws -> Tenant {
        try await validate(
            slug: slug, name: name, organisationNumber: organisationNumber, profile: profileKey, on: db)
        guard let yaml = ShippedProfiles.yaml(profileKey) else { throw ProfileError.unknownShipped(profileKey) }
        let profile = try ShippedProfiles.profile(profileKey)
        return try await db.writeTransaction { tx in
            let tenant = Tenant(
                id: id ?? dependencies.uuid(), slug: slug, name: name.trimmed,
                organisationNumber: organisationNumber, createdAt: dependencies.now())
            tenant.profileVersion = 1
            try await tenant.create(on: tx)
            for (index, definition) in ProfileRules.roleDefinitions(for: profile).enumerated() {
                try await RoleType(
                    id: dependencies.uuid(), tenantID: tenant.requireID(), definition: definition, sortOrder: index
                ).create(on: tx)
            }
            let first = try ProfileVersion(
                id: dependencies.uuid(), tenantID: tenant.requireID(), version: 1, profile: profile, yaml: yaml,
                message: "", createdAt: dependencies.now(), createdBy: actor?.name ?? createdBy,
                accountID: actor?.accountID)
            try await first.create(on: tx)
            if let actor {
                try await AuditLog.record(
                    .create, objectType: ProfileVersion.objectType, objectID: first.requireID(),
                    label: "Styrningsprofil version 1: \(first.name)", tenantID: tenant.requireID(),
                    before: ProfileVersionSnapshot?.none, after: ProfileRules.snapshot(first),
                    message: "Ny kommun", actor: actor, on: tx)
            }
            return tenant
        }
    }
}

/// A municipality as the API returns it.
struct TenantResponse: Content {
    var id: UUID
    var slug: String
    var name: String
    var organisationNumber: String
    var createdAt: Date

    init(_ t: Tenant) throws {
        id = try t.requireID()
        slug = t.slug
        name = t.name
        organisationNumber = t.organisationNumber
        createdAt = t.createdAt
    }
}

struct CreateTenantRequest: Content {
    struct Admin: Content {
        var email: String
        var name: String
    }

    var slug: String
    var name: String
    var organisationNumber: String?
    /// The key of the shipped governance profile the municipality starts with; `standard` when absent.
    var profile: String?
    /// The first administrator; their generated password comes back once in the response.
    var admin: Admin?
}

/// A new municipality, with its first administrator's one-time password when one was asked for.
struct CreatedTenantResponse: Content {
    var tenant: TenantResponse
    var admin: AccountResponse?
    var initialAdminPassword: String?
}

struct TenantsAPIController {
    /// The operator sees every municipality; an employee only their own.
    @Sendable func index(req: Request) async throws -> [TenantResponse] {
        let account = try req.requireSignedIn().account
        let query = Tenant.query(on: req.db).sort(\.$name)
        if !account.isPlatformOperator { query.filter(\.$id == (account.tenantID ?? UUID())) }
        return try await query.all().map(TenantResponse.init)
    }

    @Sendable func show(req: Request) async throws -> TenantResponse {
        try TenantResponse(try await req.tenant())
    }

    @Sendable func create(req: Request) async throws -> Response {
        let body = try req.jsonBody(CreateTenantRequest.self)
        let profile = body.profile ?? ShippedProfiles.standardKey
        let tenant: Tenant
        var admin: (Account, String)?
        if let first = body.admin {
            let (t, account, password) = try await PlatformRules.createTenant(
                slug: body.slug, name: body.name, organisationNumber: body.organisationNumber?.trimmed ?? "",
                profile: profile, admin: AccountDraft(email: first.email, name: first.name, isTenantAdmin: true),
                req: req)
            tenant = t
            admin = (account, password)
        } else {
            tenant = try await TenantSetup.create(
                slug: body.slug, name: body.name, organisationNumber: body.organisationNumber?.trimmed ?? "",
                profile: profile, actor: .from(req), dependencies: req.dependencies, on: req.db)
        }
        let created = CreatedTenantResponse(
            tenant: try TenantResponse(tenant), admin: try admin.map { try AccountResponse($0.0) },
            initialAdminPassword: admin?.1)
        let response = try await created.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: TenantRoutes.apiShow(tenant.slug))
        return response
    }
}

struct TenantsController {
    /// The start page: sign in; then one's own municipality (or, for the operator, the platform page).
    @Sendable func home(req: Request) async throws -> Response {
        guard let account = req.signedIn?.account else { return req.redirect(to: AccountRoutes.signIn()) }
        if account.isPlatformOperator { return req.redirect(to: AccountRoutes.platform) }
        let tenants = try await Tenant.query(on: req.db).filter(\.$id == (account.tenantID ?? UUID())).all()
        if let only = tenants.first {
            return req.redirect(to: SystemRoutes.index(only.slug))
        }
        let page = HomePage(
            model: .init(tenants: tenants.map { ($0.slug, $0.name) }), ctx: PageContext(request: req, tenant: nil))
        return page.render()
    }

    /// A tenant's own root goes to its register.
    @Sendable func dashboard(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        return req.redirect(to: SystemRoutes.index(tenant.slug))
    }
}

struct HomePage: Page {
    struct Model: Sendable {
        var tenants: [(slug: String, name: String)]
    }

    let model: Model
    let ctx: PageContext
    var title: String { ctx.t("Välj kommun", "Choose a municipality") }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            model.tenants.isEmpty
                ? .p(
                    .text(
                        ctx.t(
                            "Det finns ingen kommun ännu. Skapa en med kommandot styrbord demo eller via API:t.",
                            "There is no municipality yet. Create one with the command styrbord demo or through the API."
                        )))
                : .ul(
                    .class("tenant-list"),
                    .forEach(model.tenants) { t in .li(.a(.link(SystemRoutes.index(t.slug)), .safe(t.name))) })
        )
    }
}
