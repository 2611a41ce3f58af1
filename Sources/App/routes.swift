import Fluent
import Vapor

/// Mounts every domain's routes. Pages live under `/t/:tenant`, the JSON API under
/// `/api/v1/tenants/:tenant`.
func routes(_ app: Application) throws {
    let health = HealthController()
    app.get("healthz", use: health.health).access(.open)
    app.get("metrics", use: health.metrics).access(.open)
    StaticAssets.register(on: app)
    TenantRoutes.register(app: app)

    let html = app.grouped("t", ":tenant")
    let api = app.grouped("api", "v1", "tenants", ":tenant")
    SystemRoutes.register(html: html, api: api)
    SupplierRoutes.register(html: html, api: api)
    OrgUnitRoutes.register(html: html, api: api)
    PersonRoutes.register(html: html, api: api)
    ManagementObjectRoutes.register(html: html, api: api)
    RoleRoutes.register(html: html, api: api)
    IntegrationRoutes.register(html: html, api: api)
    ContractRoutes.register(html: html, api: api)
    ReportRoutes.register(html: html, api: api)
    ComplianceRoutes.register(html: html, api: api)
    TransferRoutes.register(html: html, api: api)
    AccountRoutes.register(app: app, html: html, api: api)
    AuditRoutes.register(html: html, api: api)
    ProfileRoutes.register(html: html, api: api)
    ProposalRoutes.register(html: html, api: api)
    ForumRoutes.register(html: html, api: api)
    PlanRoutes.register(html: html, api: api)
    DocumentRoutes.register(html: html, api: api)
    ServiceRoutes.register(html: html, api: api)
    IncidentRoutes.register(html: html, api: api)
    AccessRoutes.register(html: html, api: api)
    NoticeRoutes.register(html: html, api: api)

    // Fail closed: a route nobody declared access for would otherwise be refused only at request time.
    let undeclared = app.routes.all.filter { $0.declaredAccess == nil }
    if !undeclared.isEmpty {
        throw ConfigurationError.routesWithoutAccess(undeclared.map(\.description))
    }
}
