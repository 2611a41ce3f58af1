import Fluent
import Foundation
import SQLKit
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Platform: migrations, health, metrics, tenants")
struct PlatformTests {
    @Test("Every migration reverts and applies again, leaving a working register")
    func migrateRevertMigrate() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            _ = try await Fixtures.system("Före", in: t, on: app.db)
            try await app.autoRevert()
            let sql = try #require(app.db as? any SQLDatabase)
            // With everything reverted, the register's tables are gone.
            await #expect(throws: (any Error).self) {
                _ = try await sql.raw("SELECT COUNT(*) AS n FROM it_systems").all()
            }
            try await app.autoMigrate()
            let again = try await Fixtures.tenant(on: app)
            _ = try await Fixtures.system("Efter", in: again, on: app.db)
            #expect(try await ITSystem.query(on: app.db).all().map(\.name) == ["Efter"])
        }
    }

    @Test("/healthz answers 200 with the database checked")
    func health() async throws {
        try await withTestApp { app in
            let res = try await app.get("/healthz")
            #expect(res.status == .ok)
            let body = try res.decode(HealthController.HealthResponse.self)
            #expect(body.status == "ok")
            #expect(body.database == "ok")
        }
    }

    @Test("/metrics is Prometheus text and counts requests by route")
    func metrics() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            _ = try await app.get("/t/testby/systems")
            let res = try await app.get("/metrics")
            #expect(res.status == .ok)
            #expect(res.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(res.text.contains("# TYPE http_requests_total counter"))
            #expect(res.text.contains("path=\"/t/:tenant/systems\""))
        }
    }

    @Test("Every response carries the security headers and a request id")
    func securityHeaders() async throws {
        try await withTestApp { app in
            let res = try await app.get("/healthz")
            #expect(res.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
            #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(res.headers.first(name: "X-Request-Id")?.isEmpty == false)
        }
    }

    @Test("A municipality is created with the standard profile's roles; bad slugs and duplicates are refused")
    func tenants() async throws {
        try await withTestApp { app in
            let op = try await Fixtures.platformOperator(on: app)
            let created = try await app.sendJSON(
                .POST, "/api/v1/tenants", ["slug": "upplands-vasby", "name": "Upplands Väsby kommun"], as: op)
            #expect(created.status == .created)
            #expect(created.location == "/api/v1/tenants/upplands-vasby")
            let tenant = try #require(try await Tenant.query(on: app.db).first())
            let roles = try await RoleType.scoped(to: tenant, on: app.db).sort(\.$sortOrder).all()
            // The register's catalogue first, then the roles the standard profile adds (kommundirektör …).
            #expect(roles.map(\.key) == ProfileRules.roleDefinitions(for: .standard).map(\.key))
            #expect(Array(roles.map(\.key).prefix(RoleCatalogue.standard.count)) == RoleCatalogue.standard.map(\.key))
            let bad = try await app.sendJSON(.POST, "/api/v1/tenants", ["slug": "Upplands Väsby", "name": ""], as: op)
            #expect(bad.status == .unprocessableEntity)
            #expect(
                Set(try bad.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) ?? []) == [
                    "slug", "name",
                ])
            let twice = try await app.sendJSON(
                .POST, "/api/v1/tenants", ["slug": "upplands-vasby", "name": "Igen"], as: op)
            #expect(twice.status == .unprocessableEntity)
            #expect(try await Tenant.query(on: app.db).count() == 1)
        }
    }

    @Test("The start page asks for sign-in, then goes to one's own municipality or the platform page")
    func home() async throws {
        try await withTestApp { app in
            let ale = try await Fixtures.tenant("ale", name: "Ale kommun", on: app)
            _ = try await Fixtures.tenant("alingsas", name: "Alingsås kommun", on: app)
            #expect(try await app.get("/", as: .anonymous).location == "/login")
            let employee = try await Fixtures.user("anna@ale.se", in: ale, on: app)
            #expect(try await app.get("/", as: employee).location == "/t/ale/systems")
            let op = try await Fixtures.platformOperator(on: app)
            #expect(try await app.get("/", as: op).location == "/platform")
            let platform = try await app.get("/platform", as: op)
            #expect(platform.status == .ok)
            #expect(platform.text.contains("Alingsås kommun"))
            #expect(try await app.get("/platform", as: employee).status == .forbidden)
        }
    }

    @Test("The stylesheet and script are served with a long cache and the OpenAPI document as YAML")
    func assets() async throws {
        try await withTestApp { app in
            let css = try await app.get(Layout.stylesheetURL)
            #expect(css.status == .ok)
            #expect(css.headers.first(name: .cacheControl)?.contains("immutable") == true)
            #expect(css.text.contains(":root"))
            let spec = try await app.get("/api/openapi.yaml")
            #expect(spec.headers.first(name: .contentType)?.hasPrefix("application/yaml") == true)
            #expect(spec.text.hasPrefix("openapi: 3.1"))
        }
    }
}
