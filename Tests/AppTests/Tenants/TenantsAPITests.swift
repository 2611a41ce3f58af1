import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Tenants API")
struct TenantsAPITests {
    @Test("Creating a municipality answers 201 with its location and the standard role catalogue")
    func create() async throws {
        try await withTestApp { app in
            let res = try await app.sendJSON(
                .POST, "/api/v1/tenants", ["slug": "upplands-vasby", "name": " Upplands Väsby kommun "])
            #expect(res.status == .created)
            #expect(res.location == "/api/v1/tenants/upplands-vasby")
            let roles = try await app.get("/api/v1/tenants/upplands-vasby/role-types").decode([RoleTypeResponse].self)
            #expect(roles.count == RoleCatalogue.standard.count)
        }
    }

    @Test(
        "A slug is plain ASCII: a letter with a combining mark is refused even though Swift sorts it among a–z",
        arguments: ["b\u{308}b", "sjo\u{308}vik", "x\u{301}"])
    func asciiSlug(slug: String) async throws {
        try await withTestApp { app in
            let res = try await app.sendJSON(.POST, "/api/v1/tenants", ["slug": slug, "name": "Kommun"])
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
