import Foundation
import Testing
import VaporTesting

@testable import App

/// Found by schemathesis's `ignored_auth` check: routes that name a record answered an anonymous
/// request with 404 when the record did not exist, 401 when it did.
@Suite("Access order")
struct AccessOrderTests {
    @Test("Without credentials every tenant route answers 401, whether the municipality and record exist or not")
    func anonymousLearnsNothing() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let a = try await Fixtures.system("Alfa", in: t, on: app.db)
            let b = try await Fixtures.system("Beta", in: t, on: app.db)
            let integration = try await Fixtures.integration(from: a, to: b, in: t, on: app.db)
            let base = "/api/v1/tenants/testby"
            for (method, path) in [
                (HTTPMethod.DELETE, "\(base)/systems/\(try a.requireID())"),
                (.DELETE, "\(base)/systems/\(UUID())"),
                (.DELETE, "\(base)/integrations/\(try integration.requireID())"),
                (.DELETE, "\(base)/integrations/\(UUID())"),
                (.DELETE, "\(base)/contracts/\(UUID())"),
                (.DELETE, "\(base)/role-assignments/\(UUID())"),
                (.GET, "\(base)/systems"),
                (.GET, "/api/v1/tenants/no-such-kommun/systems"),
            ] {
                let res = try await app.send(method, path, as: .anonymous)
                #expect(res.status == .unauthorized, "\(method) \(path)")
                #expect(res.text.contains("auth.required"), "\(method) \(path)")
            }
            // A page still sends the browser to sign in, also for a municipality that does not exist.
            #expect(try await app.get("/t/no-such-kommun/systems", as: .anonymous).status == .seeOther)
        }
    }

    @Test("Another municipality's record and a record that does not exist answer alike")
    func outsiderLearnsNothing() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let other = try await Fixtures.tenant("annanby", on: app)
            let outsider = try await Fixtures.user("anna@annanby.se", admin: true, in: other, on: app)
            let a = try await Fixtures.system("Alfa", in: t, on: app.db)
            let real = try await app.delete("/api/v1/tenants/testby/systems/\(try a.requireID())", as: outsider)
            let made = try await app.delete("/api/v1/tenants/testby/systems/\(UUID())", as: outsider)
            #expect(real.status == .notFound && made.status == .notFound)
            #expect(real.text.contains("tenant.not-found") && made.text.contains("tenant.not-found"))
        }
    }
}
