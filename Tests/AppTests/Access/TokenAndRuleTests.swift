import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// API tokens: read-only or read-write, expiring, revocable, their use recorded.
@Suite("API tokens")
struct APITokenTests {
    @Test("A read-only token reads but may not change anything; a read-write token may")
    func access() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let admin = try await Fixtures.account("chef@testby.se", admin: true, in: t, on: app)
            let (_, readOnly) = try await Fixtures.token(for: admin, access: .read, on: app)
            let (_, readWrite) = try await Fixtures.token(for: admin, access: .readWrite, on: app)
            let list = try await app.get("/api/v1/tenants/testby/suppliers", as: .token(readOnly))
            #expect(list.status == .ok)
            let refused = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/suppliers", ["name": "Atea"], as: .token(readOnly))
            #expect(refused.status == .forbidden)
            #expect(try refused.decode(AppErrorMiddleware.APIErrorBody.self).code == "auth.read-only-token")
            let created = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/suppliers", ["name": "Atea"], as: .token(readWrite))
            #expect(created.status == .created)
            // History names the account and the token.
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$objectType == Supplier.objectType).first())
            #expect(entry.actor == "chef@testby.se <chef@testby.se> (token test read-write)")
            let me = try await app.get("/api/v1/me", as: .token(readOnly)).decode(MeResponse.self)
            #expect(me.tokenAccess == "read")
            #expect(me.tenant == "testby")
        }
    }

    @Test("A revoked, an expired and an unknown token are refused with 401 and their own codes")
    func refused() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let account = try await Fixtures.account("anna@testby.se", in: t, on: app)
            let session = try await Fixtures.session(for: account, on: app)
            let (revokedToken, revoked) = try await Fixtures.token(for: account, on: app)
            let (_, expiring) = try await Fixtures.token(for: account, days: 1, on: app)
            // Revoked through the page, as the user would.
            let revoke = try await app.sendForm(
                AccountRoutes.revokeToken(try revokedToken.requireID()), [], as: .session(session))
            #expect(revoke.status == .seeOther)
            AuthenticationTests.setClock(app, to: testNow.addingTimeInterval(2 * 86_400))
            let cases: [(String, String)] = [
                (revoked, "auth.token-revoked"), (expiring, "auth.token-expired"),
                ("stb_" + String(repeating: "x", count: 43), "auth.token-invalid"),
                ("not-a-token", "auth.token-invalid"),
            ]
            for (token, code) in cases {
                let res = try await app.get("/api/v1/tenants/testby/systems", as: .token(token))
                #expect(res.status == .unauthorized, "\(code)")
                #expect(try res.decode(AppErrorMiddleware.APIErrorBody.self).code == code)
            }
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == .tokenRevoked).count() == 1)
        }
    }

    @Test("Nobody revokes another person's token: it answers 404 and stays valid")
    func revokeOthers() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let anna = try await Fixtures.account("anna@testby.se", in: t, on: app)
            let bo = try await Fixtures.account("bo@testby.se", in: t, on: app)
            let (annasToken, secret) = try await Fixtures.token(for: anna, on: app)
            let res = try await app.sendForm(
                AccountRoutes.revokeToken(try annasToken.requireID()), [],
                as: .session(try await Fixtures.session(for: bo, on: app)))
            #expect(res.status == .notFound)
            #expect(try await app.get("/api/v1/me", as: .token(secret)).status == .ok)
        }
    }

    @Test("A token is shown once, stored hashed; its last use is recorded, and its use in the audit trail hourly")
    func created() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let anna = try await Fixtures.account("anna@testby.se", in: t, on: app)
            let session = try await Fixtures.session(for: anna, on: app)
            let page = try await app.sendForm(
                "/account/tokens", [("name", "Export till BI"), ("access", "read"), ("validDays", "30")],
                as: .session(session))
            #expect(page.status == .ok)
            let secret = try #require(page.text.firstMatch(of: /stb_[A-Za-z0-9_-]{43}/).map { String($0.0) })
            let stored = try #require(try await APIToken.query(on: app.db).filter(\.$name == "Export till BI").first())
            #expect(stored.tokenHash == Secrets.hash(secret))
            #expect(stored.lastUsedAt == nil)
            #expect(!(try await app.get("/account", as: .session(session)).text.contains(secret)))
            for _ in 0..<3 { #expect(try await app.get("/api/v1/me", as: .token(secret)).status == .ok) }
            let used = try #require(try await APIToken.find(stored.id, on: app.db))
            #expect(used.lastUsedAt != nil)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == .tokenUsed).count() == 1)
            AuthenticationTests.setClock(app, to: testNow.addingTimeInterval(2 * 3600))
            _ = try await app.get("/api/v1/me", as: .token(secret))
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == .tokenUsed).count() == 2)
            // Bad input is named by field and nothing is stored.
            let bad = try await app.sendForm(
                "/account/tokens", [("name", ""), ("access", "read"), ("validDays", "400")], as: .session(session))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Giltighetstiden ska vara 1–366 dagar"))
            #expect(try await APIToken.query(on: app.db).count() == 1)
        }
    }
}

/// The targets a body chooses are checked with the same policy as the routes.
@Suite("Permissions on chosen targets")
struct ChosenTargetTests {
    @Test("A systemägare changes their own system but not another; the refusal is explained and recorded")
    func holder() async throws {
        try await withTestApp { app in
            let w = try await World.make("hemby", on: app)
            let holder = w.users[.holder]!
            let s1 = try w.s1.requireID(), s2 = try w.s2.requireID()
            let own = try await app.sendJSON(
                .PUT, SystemRoutes.apiShow("hemby", s1), ITSystemDraft(name: "S1 ny", category: .business), as: holder)
            #expect(own.status == .ok)
            let other = try await app.sendJSON(
                .PUT, SystemRoutes.apiShow("hemby", s2), ITSystemDraft(name: "S2 ny", category: .business), as: holder)
            #expect(other.status == .forbidden)
            #expect(
                try other.decode(AppErrorMiddleware.APIErrorBody.self).message.contains("system's owner and manager"))
            let page = try await app.get(SystemRoutes.edit("hemby", s2), as: holder)
            #expect(page.status == .forbidden)
            #expect(page.text.contains("Du har inte behörighet"))
            let refusals = try await AuditEntry.query(on: app.db).filter(\.$action == .accessDenied).all()
            #expect(refusals.count == 2)
            #expect(refusals.allSatisfy { $0.actor.contains("holder@hemby.se") && $0.tenantID == w.tenant.id })
        }
    }

    @Test("An integration needs the right to change one of its ends; a contract and a role their system")
    func chosenSystems() async throws {
        try await withTestApp { app in
            let w = try await World.make("hemby", on: app)
            let s3 = try await Fixtures.system("S3", in: w.tenant, on: app.db)
            let holder = w.users[.holder]!
            let s1 = try w.s1.requireID(), s2 = try w.s2.requireID(), s3id = try s3.requireID()
            let base = "/api/v1/tenants/hemby"
            let between = try await app.sendJSON(
                .POST, "\(base)/integrations", IntegrationDraft(sourceSystemId: s2, targetSystemId: s3id, kind: .api),
                as: holder)
            #expect(between.status == .forbidden)
            let fromOwn = try await app.sendJSON(
                .POST, "\(base)/integrations", IntegrationDraft(sourceSystemId: s2, targetSystemId: s1, kind: .api),
                as: holder)
            #expect(fromOwn.status == .created)
            let contract = try await app.sendJSON(
                .POST, "\(base)/contracts", ContractDraft(systemId: s2, title: "Avtal"), as: holder)
            #expect(contract.status == .forbidden)
            let role = try await app.sendJSON(
                .POST, "\(base)/role-assignments",
                RoleAssignmentDraft(
                    roleTypeId: w.ids["roleTypeID"]!, personId: try w.emil.requireID(), scope: .system, scopeId: s2,
                    holding: .primary, validFrom: CalendarDay(year: 2026, month: 1, day: 1)!), as: holder)
            #expect(role.status == .forbidden)
            #expect(try await Integration.query(on: app.db).count() == 2)  // the fixture's and fromOwn
            #expect(try await Contract.query(on: app.db).count() == 1)
        }
    }

    @Test("An IT-samordnare registers and removes systems of their förvaltning only")
    func coordinator() async throws {
        try await withTestApp { app in
            let w = try await World.make("hemby", on: app)
            let coordinator = w.users[.coordinator]!
            let base = "/api/v1/tenants/hemby/systems"
            let mine = try await app.sendJSON(
                .POST, base, ITSystemDraft(name: "Nytt", category: .business, ownerOrgUnitId: w.unitA1.id),
                as: coordinator)
            #expect(mine.status == .created)
            let unitB = try #require(w.s2.ownerOrgUnitID)
            let theirs = try await app.sendJSON(
                .POST, base, ITSystemDraft(name: "Annat", category: .business, ownerOrgUnitId: unitB), as: coordinator)
            #expect(theirs.status == .forbidden)
            #expect(try await app.delete("\(base)/\(w.s2.id!.uuidString)", as: coordinator).status == .forbidden)
            // S1's agreement and outage are records of their own (D7, T8): removed first, not silently with S1.
            #expect(try await app.delete("\(base)/\(w.s1.id!.uuidString)", as: coordinator).status == .conflict)
            let api = "/api/v1/tenants/hemby"
            let agreement = try #require(w.ids["agreementID"]), outage = try #require(w.ids["outageID"])
            #expect(try await app.delete("\(api)/agreements/\(agreement)", as: coordinator).status == .noContent)
            #expect(try await app.delete("\(api)/outages/\(outage)", as: coordinator).status == .noContent)
            #expect(try await app.delete("\(base)/\(w.s1.id!.uuidString)", as: coordinator).status == .noContent)
            // A systemägare may change their system but not remove it.
            let holder = w.users[.holder]!
            let s1Again = try await app.sendJSON(
                .POST, base, ITSystemDraft(name: "Igen", category: .business, ownerOrgUnitId: w.unitA1.id),
                as: holder)
            #expect(s1Again.status == .forbidden)
        }
    }

    @Test("A role that has ended gives no rights; a future one none yet")
    func roleDates() async throws {
        try await withTestApp { app in
            let w = try await World.make("hemby", on: app)
            let former = try await Fixtures.person("Förra Ägaren", in: w.tenant, on: app.db)
            try await Fixtures.assign(
                RoleCatalogue.systemOwner, to: former, on: w.s2, to: CalendarDay(year: 2025, month: 12, day: 31)!,
                in: w.tenant, db: app.db)
            let future = try await Fixtures.person("Nästa Ägare", in: w.tenant, on: app.db)
            try await Fixtures.assign(
                RoleCatalogue.systemOwner, to: future, on: w.s2, from: CalendarDay(year: 2027, month: 1, day: 1)!,
                in: w.tenant, db: app.db)
            for (email, person) in [("former@hemby.se", former), ("future@hemby.se", future)] {
                let user = try await Fixtures.user(email, person: person, in: w.tenant, on: app)
                let res = try await app.get(SystemRoutes.edit("hemby", w.s2.id!), as: user)
                #expect(res.status == .forbidden, "\(email)")
            }
        }
    }

    @Test("Pages offer only the actions the viewer may use")
    func offeredActions() async throws {
        try await withTestApp { app in
            let w = try await World.make("hemby", on: app)
            let show = SystemRoutes.show("hemby", try w.s1.requireID())
            let employeeView = try await app.get(show, as: w.users[.employee]!).text
            let holderView = try await app.get(show, as: w.users[.holder]!).text
            let coordinatorView = try await app.get(show, as: w.users[.coordinator]!).text
            #expect(!employeeView.contains(">Redigera<") && !employeeView.contains(">Ta bort<"))
            #expect(holderView.contains(">Redigera<") && !holderView.contains(">Ta bort<"))
            #expect(coordinatorView.contains(">Redigera<") && coordinatorView.contains(">Ta bort<"))
            // The register's cached content differs by what is offered, never by who last asked.
            let adminRegister = try await app.get(SystemRoutes.index("hemby"), as: w.users[.admin]!).text
            let employeeRegister = try await app.get(SystemRoutes.index("hemby"), as: w.users[.employee]!).text
            #expect(adminRegister.contains(">Nytt system<"))
            #expect(!employeeRegister.contains(">Nytt system<"))
            #expect(employeeRegister.contains("employee@hemby.se") && !employeeRegister.contains("admin@hemby.se"))
            let suppliers = try await app.get("/t/hemby/suppliers", as: w.users[.employee]!).text
            #expect(!suppliers.contains(">Ny leverantör<"))
        }
    }

    @Test("An administrator can't remove their own administrator rights")
    func selfDemotion() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let admin = try await Fixtures.account("chef@testby.se", admin: true, in: t, on: app)
            let session = try await Fixtures.session(for: admin, on: app)
            let res = try await app.sendJSON(
                .PUT, AccountRoutes.apiShow("testby", try admin.requireID()),
                AccountDraft(email: "chef@testby.se", name: "Chef", isTenantAdmin: false), as: .session(session))
            #expect(res.status == .unprocessableEntity)
            #expect(try res.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["isTenantAdmin"])
            #expect(try await Account.find(admin.id, on: app.db)?.isTenantAdmin == true)
        }
    }
}
