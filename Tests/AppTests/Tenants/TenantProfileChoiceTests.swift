import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting
import Yams

@testable import App

@Suite("A tenant is created with a profile: the platform page, the API and the command line")
struct TenantProfileChoiceTests {
    /// What a municipality created with `key` must have: version 1 of that profile in force, its own
    /// roles in the register, and version 1 in its audit trail as made by `actor`.
    func expectGoverned(_ slug: String, by key: String, actor: String, on app: Application) async throws {
        let tenant = try #require(try await Tenant.query(on: app.db).filter(\.$slug == slug).first())
        let (version, profile) = try await ProfileRules.current(tenant, on: app.db)
        #expect(version.version == 1)
        #expect(version.profileKey == key && profile.key == key)
        #expect(version.sourceYAML == ShippedProfiles.yaml(key))
        #expect(version.createdBy.hasPrefix(actor))
        let roles = try await RoleType.scoped(to: tenant, on: app.db).sort(\.$sortOrder).all().map(\.key)
        #expect(roles == ProfileRules.roleDefinitions(for: profile).map(\.key))
        let trail = try await AuditEntry.query(on: app.db).filter(\.$tenantID == tenant.requireID())
            .filter(\.$objectType == ProfileVersion.objectType).all()
        #expect(trail.count == 1)
        #expect(trail.first?.objectID == version.id)
        #expect(trail.first?.action == .create)
        #expect(trail.first?.actor.hasPrefix(actor) == true)
        #expect(trail.first?.after?.contains("\"key\":\"\(key)\"") == true)
    }

    /// Danderyd names roles the standard profile lacks, so its register shows which profile was used.
    static let danderydOnlyRole = "webbstrateg"

    @Test("The standard profile lacks the role that tells Danderyd's register apart")
    func danderydRoleIsItsOwn() throws {
        #expect(!ProfileRules.roleDefinitions(for: .standard).map(\.key).contains(Self.danderydOnlyRole))
        #expect(
            ProfileRules.roleDefinitions(for: try ShippedProfiles.profile("danderyd")).map(\.key).contains(
                Self.danderydOnlyRole))
    }

    @Test(
        "POST /api/v1/tenants with a profile governs the new municipality by version 1 of it", arguments: [false, true])
    func apiWithProfile(withAdmin: Bool) async throws {
        try await withTestApp { app in
            let op = try await Fixtures.platformOperator(on: app)
            let res = try await app.sendJSON(
                .POST, "/api/v1/tenants",
                CreateTenantRequest(
                    slug: "danderyd", name: "Danderyds kommun", profile: "danderyd",
                    admin: withAdmin ? .init(email: "it-chef@danderyd.se", name: "Ida IT-chef") : nil),
                as: op)
            #expect(res.status == .created)
            try await expectGoverned("danderyd", by: "danderyd", actor: "Drift", on: app)
        }
    }

    @Test("The platform form with a profile governs the new municipality by it, and lists it")
    func formWithProfile() async throws {
        try await withTestApp { app in
            let op = try await Fixtures.platformOperator(on: app)
            let res = try await app.sendForm(
                "/platform/tenants",
                [
                    "name": "Danderyds kommun", "slug": "danderyd", "profile": "danderyd",
                    "adminName": "Ida IT-chef", "adminEmail": "it-chef@danderyd.se",
                ], as: op)
            #expect(res.status == .created)
            try await expectGoverned("danderyd", by: "danderyd", actor: "Drift", on: app)
            let page = try await app.get("/platform", as: op)
            #expect(page.text.contains("Danderyds kommun – Riktlinjer för IT <code>danderyd</code>"))
        }
    }

    @Test("Without a profile the API and the form give the standard one, and the form preselects it")
    func standardByDefault() async throws {
        try await withTestApp { app in
            let op = try await Fixtures.platformOperator(on: app)
            let api = try await app.sendJSON(.POST, "/api/v1/tenants", ["slug": "ale", "name": "Ale kommun"], as: op)
            #expect(api.status == .created)
            try await expectGoverned("ale", by: ShippedProfiles.standardKey, actor: "Drift", on: app)
            let form = try await app.sendForm(
                "/platform/tenants",
                ["name": "Bjuvs kommun", "slug": "bjuv", "adminName": "Bo Chef", "adminEmail": "bo@bjuv.se"], as: op)
            #expect(form.status == .created)
            try await expectGoverned("bjuv", by: ShippedProfiles.standardKey, actor: "Drift", on: app)

            let page = try await app.get("/platform", as: op).text
            #expect(page.contains(#"<label for="f-profile">Styrningsprofil"#))
            #expect(page.contains(#"<option value="standard" selected>"#))
            for key in ShippedProfiles.keys where key != ShippedProfiles.standardKey {
                #expect(page.contains(#"<option value="\#(key)">"#))
            }
        }
    }

    @Test("An unknown profile is refused on the field profile, and nothing is stored", arguments: [false, true])
    func apiUnknownProfile(withAdmin: Bool) async throws {
        try await withTestApp { app in
            let op = try await Fixtures.platformOperator(on: app)
            let accounts = try await Account.query(on: app.db).count()
            let res = try await app.sendJSON(
                .POST, "/api/v1/tenants",
                CreateTenantRequest(
                    slug: "okand", name: "Okänd kommun", profile: "stockholm",
                    admin: withAdmin ? .init(email: "chef@okand.se", name: "Chef") : nil),
                as: op)
            #expect(res.status == .unprocessableEntity)
            let body = try res.decode(AppErrorMiddleware.APIErrorBody.self)
            #expect(body.code == "validation.failed")
            #expect(body.errors?.map(\.field) == ["profile"])
            #expect(try await Tenant.query(on: app.db).count() == 0)
            #expect(try await ProfileVersion.query(on: app.db).count() == 0)
            #expect(try await RoleType.query(on: app.db).count() == 0)
            #expect(try await Account.query(on: app.db).count() == accounts)
        }
    }

    @Test("The form with an unknown profile comes back with the message next to the field and the rest kept")
    func formUnknownProfile() async throws {
        try await withTestApp { app in
            let op = try await Fixtures.platformOperator(on: app)
            let res = try await app.sendForm(
                "/platform/tenants",
                [
                    "name": "Okänd kommun", "slug": "okand", "profile": "stockholm", "adminName": "Chef",
                    "adminEmail": "chef@okand.se",
                ], as: op)
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains(#"id="f-profile-error""#))
            #expect(res.text.contains(#"aria-invalid="true""#))
            #expect(res.text.contains(##"href="#f-profile""##))
            #expect(res.text.contains(#"value="okand""#))
            #expect(try await Tenant.query(on: app.db).count() == 0)
            #expect(try await ProfileVersion.query(on: app.db).count() == 0)
        }
    }

    @Test("styrbord tenant create --profile goes the same way, and records version 1 as the command's")
    func commandLine() async throws {
        try await withTestApp { app in
            try await TenantCommandSupport.create(
                app: app, slug: "danderyd", name: "Danderyds kommun", organisationNumber: "", profile: "danderyd")
            try await expectGoverned("danderyd", by: "danderyd", actor: "cli (", on: app)
            await #expect(throws: CommandFailure.self) {
                try await TenantCommandSupport.create(
                    app: app, slug: "annan", name: "Annan kommun", organisationNumber: "", profile: "okand")
            }
            #expect(try await Tenant.query(on: app.db).count() == 1)
        }
    }

    @Test("openapi.yaml offers exactly the shipped profiles' keys for a new municipality")
    func contractListsShippedKeys() throws {
        let document = try ContractDocument.load()
        let schemas = try #require((document.root["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let properties = try #require((schemas["TenantCreate"] as? [String: Any])?["properties"] as? [String: Any])
        let offered = try #require((properties["profile"] as? [String: Any])?["enum"] as? [Any])
        #expect(offered.compactMap { $0 as? String } == ShippedProfiles.keys)
        func request(_ profile: String) -> JSONValue {
            .object(["slug": .string("ale"), "name": .string("Ale kommun"), "profile": .string(profile)])
        }
        #expect(document.problems(request("danderyd"), schema: document.schema(named: "TenantCreate")).isEmpty)
        #expect(!document.problems(request("stockholm"), schema: document.schema(named: "TenantCreate")).isEmpty)
    }
}
