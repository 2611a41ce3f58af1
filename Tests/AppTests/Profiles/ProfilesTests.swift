import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting
import Yams

@testable import App

/// Governance profiles in the app: every tenant has one, its pages, uploading versions (validated,
/// versioned, audited), comparing them, the API, the command line and the JSON Schema.
@Suite("Governance profiles in the app")
struct ProfilesTests {
    static let brokenDanderyd: String = {
        // The forum's member "webbstrateg" becomes an unknown role on line/column found below.
        ShippedProfiles.yaml("danderyd")!.replacingOccurrences(
            of: "members: [it-samordnare, sakerhetschef, chefsarkivarie, it-arkitekt, webbstrateg]",
            with: "members: [it-samordnare, sakerhetschef, chefsarkivarie, it-arkitekt, webbstrateg-x]")
    }()

    /// Where "webbstrateg-x" stands in the broken profile.
    static var brokenPosition: (line: Int, column: Int) {
        let lines = brokenDanderyd.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.contains("webbstrateg-x") }!
        let column = lines[index].distance(
            from: lines[index].startIndex, to: lines[index].range(of: "webbstrateg-x")!.lowerBound)
        return (index + 1, column + 1)
    }

    @Test("A new municipality is governed by the standard profile, and everyone reads it as pages")
    func standardByDefault() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            #expect(tenant.profileVersion == 1)
            let employee = try await Fixtures.user("anna@testby.se", in: tenant, on: app)
            let page = try await app.get("/t/testby/profile", as: employee)
            #expect(page.status == .ok)
            let html = page.text
            for text in [
                "Styrningsprofil", "Systemförvaltare", "med ersättare", "IT-styrgrupp", "Centralt IT-forum",
                "Beslutsvägar", "Intervall och tidsfrister", "Företrädesordning", "Finansiering",
                "Kalkylränta 4 % och 5 år", "före beslut",
            ] {
                #expect(html.contains(text), "\(text)")
            }
            #expect(html.components(separatedBy: "<h1").count == 2)
            // The upload form is the administrator's: the employee sees the versions without it.
            let versions = try await app.get("/t/testby/profile/versions", as: employee)
            #expect(versions.status == .ok)
            #expect(!versions.text.contains("type=\"file\""))
            #expect(try await app.get("/t/testby/profile/versions").text.contains("type=\"file\""))
            let source = try await app.get("/t/testby/profile/source?version=1", as: employee)
            #expect(source.headers.contentType?.subType == "yaml")
            #expect(source.text == ShippedProfiles.yaml("standard"))
            #expect(try await app.get("/t/testby/profile?version=9").status == .notFound)
            #expect(try await app.get("/t/testby/profile?version=x").status == .badRequest)
        }
    }

    @Test("Uploading a valid profile stores version 2, adds its roles and records it in the audit trail")
    func uploadValid() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let res = try await app.sendForm(
                "/t/testby/profile/versions",
                [("yaml", ShippedProfiles.yaml("danderyd")!), ("message", "Danderyds riktlinjer")])
            #expect(res.status == .seeOther)
            #expect(res.location == "/t/testby/profile/versions")
            let fresh = try #require(try await Tenant.find(tenant.requireID(), on: app.db))
            #expect(fresh.profileVersion == 2)
            let versions = try await ProfileRules.versions(of: fresh, on: app.db)
            #expect(versions.map(\.version) == [2, 1])
            #expect(versions.first?.profileKey == "danderyd")
            #expect(versions.first?.message == "Danderyds riktlinjer")
            #expect(versions.first?.createdBy == "Admin testby <admin@testby.se>")
            // Danderyd names roles the standard catalogue lacks: they join the register.
            let keys = try await RoleType.scoped(to: fresh, on: app.db).all().map(\.key)
            #expect(keys.contains("webbstrateg") && keys.contains("beslutsfattare"))
            let entries = try await AuditEntry.query(on: app.db).filter(\.$objectType == ProfileVersion.objectType)
                .all()
            #expect(entries.count == 1)
            #expect(entries.first?.objectLabel == "Styrningsprofil version 2: Danderyds kommun – Riktlinjer för IT")
            #expect(entries.first?.action == .update)
            let page = try await app.get("/t/testby/profile")
            #expect(page.text.contains("Centralt strategiskt IT-forum"))
            #expect(page.text.contains("Under extraordinära omständigheter") == false)  // a YAML comment, not shown
            // A file upload (multipart) works the same way.
            let boundary = "----styrbord"
            let body =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(testCSRF)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tanum.yaml\"\r\n"
                + "Content-Type: application/yaml\r\n\r\n\(ShippedProfiles.yaml("tanum")!)\r\n--\(boundary)--\r\n"
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            headers.replaceOrAdd(name: .cookie, value: "\(CSRFMiddleware.cookieName)=\(testCSRF)")
            let multipart = try await app.send(
                .POST, "/t/testby/profile/versions", headers: headers, body: ByteBuffer(string: body))
            #expect(multipart.status == .seeOther)
            #expect(try await Tenant.find(tenant.requireID(), on: app.db)?.profileVersion == 3)
        }
    }

    @Test("A profile with problems is refused with each problem's line and column, and nothing is stored")
    func uploadInvalid() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let before = try await Fingerprint.take(app, tenant: tenant)
            let res = try await app.sendForm("/t/testby/profile/versions", [("yaml", Self.brokenDanderyd)])
            #expect(res.status == .unprocessableEntity)
            let (line, column) = Self.brokenPosition
            #expect(res.text.contains("Rad \(line), kolumn \(column): "))
            #expect(
                res.text.contains("Okänd roll &quot;webbstrateg-x&quot;")
                    || res.text.contains("Okänd roll \"webbstrateg-x\""))
            // The text comes back in the form, to be corrected.
            #expect(res.text.contains("webbstrateg-x]"))
            #expect(try await Fingerprint.take(app, tenant: tenant) == before)
            #expect(try await Tenant.find(tenant.requireID(), on: app.db)?.profileVersion == 1)
            let empty = try await app.sendForm("/t/testby/profile/versions", [("yaml", "  ")])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("Välj en YAML-fil eller klistra in profilen."))
        }
    }

    @Test("Two versions compare per section and per line")
    func compare() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let changed = ShippedProfiles.yaml("standard")!.replacingOccurrences(
                of: "cadence: {min_per_year: 4, max_per_year: 12}", with: "cadence: {min_per_year: 6, max_per_year: 12}"
            )
            try await ProfileRules.install(
                yaml: changed, message: "Oftare möten", tenant: tenant, actor: Fixtures.actor, on: app.db)
            let res = try await app.get("/t/testby/profile/compare?from=1&to=2")
            #expect(res.status == .ok)
            #expect(res.text.contains("<code>forums</code>"))
            #expect(res.text.contains("it-styrgrupp"))
            #expect(res.text.contains("min_per_year: 6"))
            #expect(res.text.contains("min_per_year: 4"))
            #expect(!res.text.contains("<code>roles</code>"))
            // Without a query: the version before the current one against the current one.
            #expect(try await app.get("/t/testby/profile/compare").text.contains("Jämför version 1 och 2"))
            let versions = try await app.get("/t/testby/profile/versions")
            #expect(versions.text.contains("Oftare möten"))
            #expect(versions.text.contains("Jämför två versioner"))
        }
    }

    @Test("The API: the profile in force as JSON, its versions, uploads as YAML or JSON, problems with positions")
    func api() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let document = try ContractDocument.load()
            let current = try await app.get("/api/v1/tenants/testby/profile")
            #expect(current.status == .ok)
            try document.expectConforms(current, method: .GET, path: "/api/v1/tenants/testby/profile")
            guard case .object(let body) = try JSONValue.decode(current.body),
                case .object(let profile)? = body["profile"]
            else {
                Issue.record("not an object")
                return
            }
            #expect(profile["key"] == .string("standard"))
            #expect(body["version"] == .integer(1))

            var yamlHeaders = HTTPHeaders()
            yamlHeaders.contentType = HTTPMediaType(type: "application", subType: "yaml")
            let created = try await app.send(
                .POST, "/api/v1/tenants/testby/profile/versions?message=Tanum", headers: yamlHeaders,
                body: ByteBuffer(string: ShippedProfiles.yaml("tanum")!))
            #expect(created.status == .created)
            #expect(created.location == "/api/v1/tenants/testby/profile")
            try document.expectConforms(created, method: .POST, path: "/api/v1/tenants/testby/profile/versions")
            let refused = try await app.send(
                .POST, "/api/v1/tenants/testby/profile/versions", headers: yamlHeaders,
                body: ByteBuffer(string: Self.brokenDanderyd))
            #expect(refused.status == .unprocessableEntity)
            try document.expectConforms(refused, method: .POST, path: "/api/v1/tenants/testby/profile/versions")
            let error = try refused.decode(AppErrorMiddleware.APIErrorBody.self)
            #expect(error.code == "profile.invalid")
            let (line, column) = Self.brokenPosition
            #expect(error.errors?.map(\.field) == ["\(line):\(column)"])
            #expect(error.errors?.first?.message.en.hasPrefix("Unknown role \"webbstrateg-x\".") == true)
            let wrapped = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/profile/versions",
                ["yaml": ShippedProfiles.yaml("fagersta")!, "message": "Fagersta"])
            #expect(wrapped.status == .created)
            let longNote = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/profile/versions",
                ["yaml": ShippedProfiles.yaml("lilla-edet")!, "message": String(repeating: "x", count: 501)])
            #expect(longNote.status == .unprocessableEntity)  // refused, not cut to 500
            #expect(try longNote.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["message"])
            let versions = try await app.get("/api/v1/tenants/testby/profile/versions")
            try document.expectConforms(versions, method: .GET, path: "/api/v1/tenants/testby/profile/versions")
            let list = try versions.decode([ProfileVersionResponse].self)
            #expect(list.map(\.version) == [3, 2, 1])
            #expect(list.map(\.isCurrent) == [true, false, false])
            #expect(list.first?.key == "fagersta")
            #expect(try await Tenant.find(tenant.requireID(), on: app.db)?.profileVersion == 3)
            let text = try await app.sendRaw(
                .POST, "/api/v1/tenants/testby/profile/versions", "x", contentType: .plainText)
            #expect(text.status == .unsupportedMediaType)
        }
    }

    @Test("Every shipped profile, as the API returns it, validates against the checked-in JSON Schema")
    func schema() async throws {
        try await withTestApp { app in
            let served = try await app.get("/api/profile.schema.json", as: .anonymous)
            #expect(served.status == .ok)
            let root = try #require(try JSONSerialization.jsonObject(with: Data(buffer: served.body)) as? [String: Any])
            #expect(root["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
            let checker = ContractDocument(root: root, operations: [])
            for entry in ShippedProfiles.all {
                let tree = try #require(ProfileParser.parse(entry.yaml).tree)
                let value = try JSONDecoder().decode(JSONValue.self, from: tree.jsonData())
                let problems = checker.problems(value, schema: root)
                #expect(problems.isEmpty, "\(entry.key): \(problems)")
            }
            // And the schema does say no: an unknown field and a wrong type.
            var broken = try #require(
                try JSONSerialization.jsonObject(
                    with: ProfileParser.parse(ShippedProfiles.yaml("standard")!).tree!.jsonData())
                    as? [String: Any])
            broken["colour"] = "blå"
            broken["roles"] = "alla"
            let value = try JSONDecoder().decode(JSONValue.self, from: JSONSerialization.data(withJSONObject: broken))
            let problems = checker.problems(value, schema: root)
            #expect(problems.contains { $0.contains("colour") }, "\(problems)")
            #expect(problems.contains { $0.hasPrefix("$.roles") }, "\(problems)")
        }
    }

    @Test("styrbord profile validate prints FILE:line:column: reason, or one line OK")
    func commandLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("styrbord-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("danderyd.yaml")
        try Self.brokenDanderyd.write(to: bad, atomically: true, encoding: .utf8)
        let refused = ProfileCommands.validate(path: bad.path)
        #expect(!refused.succeeded)
        let (line, column) = Self.brokenPosition
        #expect(
            refused.report
                == "\(bad.path):\(line):\(column): Unknown role \"webbstrateg-x\". Did you mean \"webbstrateg\"?")
        let good = directory.appendingPathComponent("tanum.yaml")
        try ShippedProfiles.yaml("tanum")!.write(to: good, atomically: true, encoding: .utf8)
        let accepted = ProfileCommands.validate(path: good.path)
        #expect(accepted.succeeded)
        #expect(accepted.report.hasPrefix("\(good.path): OK – Tanums kommun"))
        #expect(!ProfileCommands.validate(path: directory.appendingPathComponent("none.yaml").path).succeeded)
        #expect(
            ProfileCommands.list().map { $0.split(separator: "\t").first.map(String.init) ?? "" }
                == ShippedProfiles.keys)
    }

    @Test("tenant create --profile governs the new municipality by that profile; an unknown one is refused")
    func tenantWithProfile() async throws {
        try await withTestApp { app in
            try await TenantCommandSupport.create(
                app: app, slug: "tanum", name: "Tanums kommun", organisationNumber: "", profile: "tanum")
            let tenant = try #require(try await Tenant.query(on: app.db).filter(\.$slug == "tanum").first())
            let (version, profile) = try await ProfileRules.current(tenant, on: app.db)
            #expect(version.version == 1 && profile.key == "tanum")
            let keys = try await RoleType.scoped(to: tenant, on: app.db).all().map(\.key)
            #expect(keys.contains("stabschef"))
            await #expect(throws: CommandFailure.self) {
                try await TenantCommandSupport.create(
                    app: app, slug: "annan", name: "Annan kommun", organisationNumber: "", profile: "okand")
            }
        }
    }

    @Test("The migration gives municipalities without a profile the standard one")
    func backfill() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            try await ProfileVersion.query(on: app.db).delete()
            tenant.profileVersion = nil
            try await tenant.update(on: app.db)
            try await BackfillStandardProfile().prepare(on: app.db)
            let fresh = try #require(try await Tenant.find(tenant.requireID(), on: app.db))
            #expect(fresh.profileVersion == 1)
            #expect(try await ProfileRules.current(fresh, on: app.db).1.key == "standard")
        }
    }

    @Test("The demo municipality Sjövik is governed by its profile")
    func demo() async throws {
        try await withTestApp { app in
            _ = try await DemoLoader.loadShowcase(app: app)
            let tenant = try #require(try await Tenant.query(on: app.db).filter(\.$slug == "sjovik").first())
            #expect(try await ProfileRules.current(tenant, on: app.db).1.key == DemoLoader.showcaseProfile)
        }
    }
}
