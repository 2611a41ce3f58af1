import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Tenants API")
struct TenantsAPITests {
    @Test("The platform operator creates a municipality with its first administrator, who can then sign in")
    func create() async throws {
        try await withTestApp { app in
            let operatorUser = try await Fixtures.platformOperator(on: app)
            let res = try await app.sendJSON(
                .POST, "/api/v1/tenants",
                CreateTenantRequest(
                    slug: "upplands-vasby", name: " Upplands Väsby kommun ",
                    admin: .init(email: "IT-chef@upplandsvasby.se", name: "Ida IT-chef")),
                as: operatorUser)
            #expect(res.status == .created)
            #expect(res.location == "/api/v1/tenants/upplands-vasby")
            let body = try res.decode(CreatedTenantResponse.self)
            #expect(body.tenant.name == "Upplands Väsby kommun")
            #expect(body.admin?.email == "it-chef@upplandsvasby.se")
            #expect(body.admin?.isTenantAdmin == true)
            let password = try #require(body.initialAdminPassword)
            let tenant = try #require(try await Tenant.query(on: app.db).filter(\.$slug == "upplands-vasby").first())
            #expect(
                try await RoleType.scoped(to: tenant, on: app.db).count()
                    == ProfileRules.roleDefinitions(for: .standard).count)
            #expect(tenant.profileVersion == 1)
            // The operator made it but may not read what is in it.
            #expect(
                try await app.get("/api/v1/tenants/upplands-vasby/role-types", as: operatorUser).status == .notFound)
            let signIn = try await app.sendForm(
                "/login", ["email": "it-chef@upplandsvasby.se", "password": password], as: .anonymous)
            #expect(signIn.status == .seeOther)
            #expect(signIn.headers.setCookie?[SessionPolicy.cookieName] != nil)
        }
    }

    @Test("Only the platform operator creates municipalities")
    func createRefused() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let admin = try await Fixtures.user("chef@testby.se", admin: true, in: t, on: app)
            let body = ["slug": "ny-kommun", "name": "Ny kommun"]
            #expect(try await app.sendJSON(.POST, "/api/v1/tenants", body, as: .anonymous).status == .unauthorized)
            #expect(try await app.sendJSON(.POST, "/api/v1/tenants", body, as: admin).status == .forbidden)
            #expect(try await Tenant.query(on: app.db).count() == 1)
        }
    }

    @Test(
        "A slug is plain ASCII: a letter with a combining mark is refused even though Swift sorts it among a–z",
        arguments: ["b\u{308}b", "sjo\u{308}vik", "x\u{301}"])
    func asciiSlug(slug: String) async throws {
        try await withTestApp { app in
            let res = try await app.sendJSON(
                .POST, "/api/v1/tenants", ["slug": slug, "name": "Kommun"],
                as: try await Fixtures.platformOperator(on: app))
            #expect(res.status == .unprocessableEntity)
            #expect(try res.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["slug"])
        }
    }

    @Test("A role key is plain ASCII too", arguments: ["b\u{308}b", "ra\u{301}d"])
    func asciiRoleKey(key: String) async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let res = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/role-types", ["key": key, "nameSv": "Roll", "scope": "system"])
            #expect(res.status == .unprocessableEntity)
            #expect(try res.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["key"])
        }
    }
}
