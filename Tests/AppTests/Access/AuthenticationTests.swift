import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// Sign-in, sessions, throttling and cookies.
@Suite("Authentication")
struct AuthenticationTests {
    /// Moves the app's clock to `date` (ids stay unique).
    static func setClock(_ app: Application, to date: Date) {
        app.dependencies = AppDependencies(now: { date }, uuid: { UUID() })
    }

    /// The session secret a successful sign-in set.
    static func sessionSecret(_ res: TestingHTTPResponse) -> String? {
        res.headers.setCookie?[SessionPolicy.cookieName]?.string
    }

    @Test("Signing in sets an HttpOnly, SameSite session cookie, records the sign-in and goes where asked")
    func signIn() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            _ = try await Fixtures.account("Anna@Testby.se", in: t, on: app)
            let form = try await app.get("/login?next=/t/testby/suppliers", as: .anonymous)
            #expect(form.status == .ok)
            #expect(form.text.contains("name=\"next\" value=\"/t/testby/suppliers\""))
            let res = try await app.sendForm(
                "/login",
                [("email", " anna@testby.se "), ("password", Fixtures.password), ("next", "/t/testby/suppliers")],
                as: .anonymous)
            #expect(res.status == .seeOther)
            #expect(res.location == "/t/testby/suppliers")
            let cookie = try #require(res.headers.setCookie?[SessionPolicy.cookieName])
            #expect(cookie.isHTTPOnly)
            #expect(cookie.sameSite == .lax)
            #expect(!cookie.isSecure)  // plain HTTP in the test; see the TLS test below
            let secret = try #require(Self.sessionSecret(res))
            // The database keeps a hash, never the secret itself.
            let stored = try #require(
                try await UserSession.query(on: app.db).filter(\.$tokenHash == Secrets.hash(secret)).first())
            #expect(stored.tokenHash != secret)
            let page = try await app.get("/t/testby/suppliers", as: .session(secret))
            #expect(page.status == .ok)
            #expect(page.text.contains(">Logga ut<"))
            let events = try await AuditEntry.query(on: app.db).filter(\.$action == .signIn).all()
            #expect(events.count == 1)
            #expect(events.first?.actor.contains("anna@testby.se") == true)
            #expect(events.first?.tenantID == t.id)
        }
    }

    @Test("Behind TLS the session cookie is Secure")
    func secureCookie() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            _ = try await Fixtures.account("anna@testby.se", in: t, on: app)
            var headers = HTTPHeaders()
            headers.add(name: "X-Forwarded-Proto", value: "https")
            headers.contentType = .urlEncodedForm
            headers.add(name: .cookie, value: "\(CSRFMiddleware.cookieName)=\(testCSRF)")
            let body = "email=anna%40testby.se&password=correct+horse+battery+staple&_csrf=\(testCSRF)"
            let res = try await app.send(
                .POST, "/login", headers: headers, body: ByteBuffer(string: body), as: .anonymous)
            #expect(res.status == .seeOther)
            #expect(res.headers.setCookie?[SessionPolicy.cookieName]?.isSecure == true)
        }
    }

    @Test("A wrong password or unknown email is refused alike, and recorded")
    func wrongPassword() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            _ = try await Fixtures.account("anna@testby.se", in: t, on: app)
            let wrong = try await app.sendForm(
                "/login", [("email", "anna@testby.se"), ("password", "fel lösenord!")], as: .anonymous)
            let unknown = try await app.sendForm(
                "/login", [("email", "ingen@testby.se"), ("password", "fel lösenord!")], as: .anonymous)
            for res in [wrong, unknown] {
                #expect(res.status == .unauthorized)
                #expect(res.text.contains("Fel e-postadress eller lösenord"))
                #expect(Self.sessionSecret(res) == nil)
            }
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == .signInFailed).count() == 2)
            #expect(try await SignInFailure.query(on: app.db).count() == 2)
        }
    }

    @Test("After five failures the email is locked for the window, even with the right password; then it opens")
    func throttle() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            _ = try await Fixtures.account("anna@testby.se", in: t, on: app)
            for _ in 0..<SignInThrottle.standard.perAccount {
                let res = try await app.sendForm(
                    "/login", [("email", "anna@testby.se"), ("password", "gissning nummer x")], as: .anonymous)
                #expect(res.status == .unauthorized)
            }
            let locked = try await app.sendForm(
                "/login", [("email", "anna@testby.se"), ("password", Fixtures.password)], as: .anonymous)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("För många misslyckade inloggningar"))
            #expect(Int(locked.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
            #expect(Self.sessionSecret(locked) == nil)
            // Another account is not locked by Anna's failures.
            _ = try await Fixtures.account("bo@testby.se", in: t, on: app)
            let other = try await app.sendForm(
                "/login", [("email", "bo@testby.se"), ("password", Fixtures.password)], as: .anonymous)
            #expect(other.status == .seeOther)
            // When the window has passed, the right password works again.
            Self.setClock(app, to: testNow.addingTimeInterval(SignInThrottle.standard.window + 60))
            let later = try await app.sendForm(
                "/login", [("email", "anna@testby.se"), ("password", Fixtures.password)], as: .anonymous)
            #expect(later.status == .seeOther)
            #expect(try await SignInFailure.query(on: app.db).filter(\.$email == "anna@testby.se").count() == 0)
        }
    }

    @Test("Sign-in and sign-out forms without their CSRF token are refused")
    func csrf() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let account = try await Fixtures.account("anna@testby.se", in: t, on: app)
            let session = try await Fixtures.session(for: account, on: app)
            let signIn = try await app.sendForm(
                "/login", [("email", "anna@testby.se"), ("password", Fixtures.password)], csrf: false, as: .anonymous)
            #expect(signIn.status == .forbidden)
            #expect(Self.sessionSecret(signIn) == nil)
            let signOut = try await app.sendForm("/logout", [], csrf: false, as: .session(session))
            #expect(signOut.status == .forbidden)
            #expect(try await UserSession.query(on: app.db).count() >= 2)  // the admin's and Anna's, still there
            let edit = try await app.sendForm("/t/testby/suppliers", ["name": "Ny"], csrf: false)
            #expect(edit.status == .forbidden)
            #expect(try await Supplier.query(on: app.db).count() == 0)
        }
    }

    @Test("Signing out ends the session in the database; the old cookie no longer works")
    func signOut() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let account = try await Fixtures.account("anna@testby.se", in: t, on: app)
            let session = try await Fixtures.session(for: account, on: app)
            let res = try await app.sendForm("/logout", [], as: .session(session))
            #expect(res.status == .seeOther)
            #expect(res.location == "/login")
            #expect(try await UserSession.query(on: app.db).filter(\.$accountID == account.requireID()).count() == 0)
            let after = try await app.get("/t/testby/systems", as: .session(session))
            #expect(after.status == .seeOther)
            #expect(after.location?.hasPrefix("/login?next=") == true)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == .signOut).count() == 1)
        }
    }

    @Test("A session ends after two idle hours and after ten hours in all")
    func expiry() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let account = try await Fixtures.account("anna@testby.se", in: t, on: app)
            let idle = try await Fixtures.session(for: account, on: app)
            Self.setClock(app, to: testNow.addingTimeInterval(SessionPolicy.idleLimit - 60))
            #expect(try await app.get("/t/testby/systems", as: .session(idle)).status == .ok)  // touched now
            Self.setClock(app, to: testNow.addingTimeInterval(2 * SessionPolicy.idleLimit - 120))
            #expect(try await app.get("/t/testby/systems", as: .session(idle)).status == .ok)
            Self.setClock(app, to: testNow.addingTimeInterval(4 * SessionPolicy.idleLimit))
            let expired = try await app.get("/t/testby/systems", as: .session(idle))
            #expect(expired.status == .seeOther)
            // The browser is told to forget the dead cookie.
            #expect(expired.headers.setCookie?[SessionPolicy.cookieName]?.string == "")
        }
    }

    @Test("Sessions live in the database: a restarted server still knows them")
    func survivesRestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("styrbord-\(UUID().uuidString).sqlite")
            .path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var secret = ""
        for round in 0..<2 {
            let app = try await Application.make(.testing)
            do {
                try await configure(app, AppConfiguration(database: .sqliteFile(path), passwordCost: 4))
                if round == 0 {
                    let t = try await Fixtures.tenant(on: app)
                    _ = try await Fixtures.account("anna@testby.se", in: t, on: app)
                    let res = try await app.sendForm(
                        "/login", [("email", "anna@testby.se"), ("password", Fixtures.password)], as: .anonymous)
                    secret = try #require(Self.sessionSecret(res))
                } else {
                    let page = try await app.get("/t/testby/systems", as: .session(secret))
                    #expect(page.status == .ok)
                }
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        }
    }

    @Test("After sign-in only a path on this site is followed, never another host")
    func openRedirect() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            _ = try await Fixtures.account("anna@testby.se", in: t, on: app)
            for next in ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"] {
                let res = try await app.sendForm(
                    "/login", [("email", "anna@testby.se"), ("password", Fixtures.password), ("next", next)],
                    as: .anonymous)
                #expect(res.location == "/", "next=\(next)")
            }
        }
    }

    @Test("An inactive account can't sign in; deactivating one signs it out everywhere")
    func inactive() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let account = try await Fixtures.account("anna@testby.se", in: t, on: app)
            let session = try await Fixtures.session(for: account, on: app)
            let path = AccountRoutes.apiShow("testby", try account.requireID())
            let res = try await app.sendJSON(
                .PUT, path, AccountDraft(email: "anna@testby.se", name: "Anna", isActive: false))
            #expect(res.status == .ok)
            #expect(try await app.get("/t/testby/systems", as: .session(session)).status == .seeOther)
            let signIn = try await app.sendForm(
                "/login", [("email", "anna@testby.se"), ("password", Fixtures.password)], as: .anonymous)
            #expect(signIn.status == .unauthorized)
        }
    }

    @Test("Changing one's password needs the current one, keeps this session and ends the others")
    func changePassword() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let account = try await Fixtures.account("anna@testby.se", in: t, on: app)
            let here = try await Fixtures.session(for: account, on: app)
            let elsewhere = try await Fixtures.session(for: account, on: app)
            let wrong = try await app.sendForm(
                "/account/password",
                [
                    ("currentPassword", "inte rätt alls"), ("newPassword", "ett nytt långt lösenord"),
                    ("repeatPassword", "ett nytt långt lösenord"),
                ], as: .session(here))
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("Nuvarande lösenord stämmer inte"))
            let short = try await app.sendForm(
                "/account/password",
                [("currentPassword", Fixtures.password), ("newPassword", "kort"), ("repeatPassword", "kort")],
                as: .session(here))
            #expect(short.status == .unprocessableEntity)
            #expect(short.text.contains("minst 12 tecken"))
            let ok = try await app.sendForm(
                "/account/password",
                [
                    ("currentPassword", Fixtures.password), ("newPassword", "ett nytt långt lösenord"),
                    ("repeatPassword", "ett nytt långt lösenord"),
                ], as: .session(here))
            #expect(ok.status == .seeOther)
            #expect(try await app.get("/account", as: .session(here)).status == .ok)
            #expect(try await app.get("/account", as: .session(elsewhere)).status == .seeOther)
            let signIn = try await app.sendForm(
                "/login", [("email", "anna@testby.se"), ("password", "ett nytt långt lösenord")], as: .anonymous)
            #expect(signIn.status == .seeOther)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == .passwordChanged).count() == 1)
        }
    }

    @Test("Pages ask anonymous visitors to sign in; the API answers 401 with a code")
    func anonymous() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let page = try await app.get("/t/testby/systems?q=x", as: .anonymous)
            #expect(page.status == .seeOther)
            #expect(page.location == "/login?next=%2Ft%2Ftestby%2Fsystems%3Fq%3Dx")
            let api = try await app.get("/api/v1/tenants/testby/systems", as: .anonymous)
            #expect(api.status == .unauthorized)
            #expect(try api.decode(AppErrorMiddleware.APIErrorBody.self).code == "auth.required")
        }
    }
}
