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
        app.get(use: pages.home)
        app.get("t", ":tenant", use: pages.dashboard)
        let api = TenantsAPIController()
        app.get("api", "v1", "tenants", use: api.index)
        app.post("api", "v1", "tenants", use: api.create)
        app.get("api", "v1", "tenants", ":tenant", use: api.show)
    }
}

/// Creating a tenant: the row and its role catalogue, in one transaction.
enum TenantSetup {
    static func create(
        slug: String, name: String, organisationNumber: String = "", id: UUID? = nil,
        dependencies: AppDependencies, on db: any Database
    ) async throws -> Tenant {
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
        return try await db.writeTransaction { tx in
            let tenant = Tenant(
                id: id ?? dependencies.uuid(), slug: slug, name: name.trimmed,
                organisationNumber: organisationNumber, createdAt: dependencies.now())
            try await tenant.create(on: tx)
            for (index, definition) in RoleCatalogue.standard.enumerated() {
                try await RoleType(
                    id: dependencies.uuid(), tenantID: tenant.requireID(), definition: definition, sortOrder: index
                ).create(on: tx)
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
    var slug: String
    var name: String
    var organisationNumber: String?
}

struct TenantsAPIController {
    @Sendable func index(req: Request) async throws -> [TenantResponse] {
        try await Tenant.query(on: req.db).sort(\.$name).all().map(TenantResponse.init)
    }

    @Sendable func show(req: Request) async throws -> TenantResponse {
        try TenantResponse(try await req.tenant())
    }

    @Sendable func create(req: Request) async throws -> Response {
        let body = try req.jsonBody(CreateTenantRequest.self)
        let tenant = try await TenantSetup.create(
            slug: body.slug, name: body.name, organisationNumber: body.organisationNumber?.trimmed ?? "",
            dependencies: req.dependencies, on: req.db)
        let response = try await TenantResponse(tenant).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: TenantRoutes.apiShow(tenant.slug))
        return response
    }
}

struct TenantsController {
    /// The start page: the municipalities on this server (one of them: straight to its register).
    @Sendable func home(req: Request) async throws -> Response {
        let tenants = try await Tenant.query(on: req.db).sort(\.$name).limit(1000).all()
        if tenants.count == 1, let only = tenants.first {
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
