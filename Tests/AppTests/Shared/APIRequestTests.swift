import Fluent
import Foundation
import NIOCore
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// What the API accepts as a request: media types, query parameters and methods.
@Suite("API requests")
struct APIRequestTests {
    @Test("A form post can't write through the JSON API: every body but JSON is 415 and nothing is stored")
    func formPostsRefused() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            // A cross-site HTML form can send exactly these three types, without any CSRF token.
            for (type, body) in [
                (HTTPMediaType.urlEncodedForm, "name=Evil+AB"),
                (HTTPMediaType.plainText, #"{"name": "Evil AB"}"#),
                (
                    HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "x"]),
                    "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nEvil AB\r\n--x--\r\n"
                ),
            ] {
                let res = try await app.sendRaw(.POST, "/api/v1/tenants/testby/suppliers", body, contentType: type)
                #expect(res.status == .unsupportedMediaType, "\(type)")
                #expect(try res.decode(AppErrorMiddleware.APIErrorBody.self).code == "http.415")
            }
            #expect(try await Supplier.scoped(to: tenant, on: app.db).count() == 0)
            let json = try await app.sendRaw(
                .POST, "/api/v1/tenants/testby/suppliers", #"{"name": "Ett AB"}"#,
                contentType: HTTPMediaType(type: "application", subType: "json", parameters: ["charset": "utf-8"]))
            #expect(json.status == .created)
        }
    }

    @Test("The import takes text/csv only, so that no web form can post a system list")
    func importNeedsCSV() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let csv = "System;Kategori\r\nProcapita;Verksamhetssystem\r\n"
            for type in [HTTPMediaType.plainText, .urlEncodedForm, .json] {
                let res = try await app.sendRaw(.POST, "/api/v1/tenants/testby/imports/systems", csv, contentType: type)
                #expect(res.status == .unsupportedMediaType, "\(type)")
                #expect(try res.decode(AppErrorMiddleware.APIErrorBody.self).code == "import.not-csv")
            }
            #expect(try await ITSystem.scoped(to: tenant, on: app.db).count() == 0)
            let res = try await app.sendRaw(
                .POST, "/api/v1/tenants/testby/imports/systems", csv,
                contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(res.status == .created)
        }
    }

    @Test(
        "A query value the API can't read is 400 naming the parameter, an empty one included",
        arguments: [
            ("systems?orgUnit=", "orgUnit"), ("systems?category=", "category"), ("systems?page=", "page"),
            ("people?status=", "status"), ("integrations?systemId=", "systemId"), ("integrations?kind=", "kind"),
            ("contracts?systemId=", "systemId"), ("contracts?supplierId=", "supplierId"),
            ("role-assignments?systemId=", "systemId"), ("role-assignments?scope=", "scope"),
            ("role-assignments?current=yes", "current"), ("role-assignments?roleKey=", "roleKey"),
            ("reports/role-distribution?orgUnit=", "orgUnit"),
            ("reports/role-distribution?includeDecommissioned=ja", "includeDecommissioned"),
        ])
    func unreadableQueries(query: String, parameter: String) async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let res = try await app.get("/api/v1/tenants/testby/\(query)")
            #expect(res.status == .badRequest)
            let error = try res.decode(AppErrorMiddleware.APIErrorBody.self)
            #expect(error.code == "query.invalid")
            #expect(error.errors?.map(\.field) == [parameter])
        }
    }

    @Test("Free-text parameters may be empty")
    func emptyText() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            #expect(try await app.get("/api/v1/tenants/testby/systems?q=&missingRole=").status == .ok)
            #expect(try await app.get("/api/v1/tenants/testby/people?q=").status == .ok)
            #expect(
                try await app.get("/api/v1/tenants/testby/reports/role-distribution?includeDecommissioned=false").status
                    == .ok)
        }
    }

    @Test("The import refuses a dryRun that isn't true or false, and a map without Heading=field; nothing is imported")
    func importParameters() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let csv = "System;Kategori\r\nProcapita;Verksamhetssystem\r\n"
            for (query, field) in [
                ("dryRun=null", "dryRun"), ("dryRun=", "dryRun"), ("map=Systemnamn", "map"), ("map==name", "map"),
            ] {
                let res = try await app.sendRaw(
                    .POST, "/api/v1/tenants/testby/imports/systems?\(query)", csv,
                    contentType: HTTPMediaType(type: "text", subType: "csv"))
                #expect(res.status == .badRequest, "\(query)")
                #expect(try res.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == [field])
            }
            #expect(try await ITSystem.scoped(to: tenant, on: app.db).count() == 0)
            let dry = try await app.sendRaw(
                .POST, "/api/v1/tenants/testby/imports/systems?dryRun=true&map=Kategori=category", csv,
                contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(dry.status == .ok)
        }
    }

    @Test("A method an API path doesn't take is 405 with Allow listing the ones it does; unknown paths stay 404")
    func methodNotAllowed() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let list = try await app.send(.PATCH, "/api/v1/tenants/testby/systems")
            #expect(list.status == .methodNotAllowed)
            #expect(list.headers.first(name: .allow) == "GET, HEAD, POST")
            #expect(try list.decode(AppErrorMiddleware.APIErrorBody.self).code == "http.405")
            let record = try await app.send(.TRACE, "/api/v1/tenants/testby/systems/\(UUID())")
            #expect(record.status == .methodNotAllowed)
            #expect(record.headers.first(name: .allow) == "DELETE, GET, HEAD, PUT")
            let unknown = try await app.send(.PATCH, "/api/v1/tenants/testby/nothing-here")
            #expect(unknown.status == .notFound)
            #expect(try await app.get("/api/v1/tenants/testby/nothing-here").status == .notFound)
        }
    }

    @Test("Text with a NUL character is refused with 422 naming the field, because PostgreSQL can't store it")
    func nulRefused() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let res = try await app.sendRaw(
                .POST, "/api/v1/tenants/testby/suppliers",
                #"{"name": "CGI\u0000", "email": "a\u0000@cgi.se", "website": "https://cgi.se/\u0000", "notes": "\u0000"}"#
            )
            #expect(res.status == .unprocessableEntity)
            let error = try res.decode(AppErrorMiddleware.APIErrorBody.self)
            #expect(error.code == "validation.failed")
            #expect(Set(error.errors?.map(\.field) ?? []) == ["name", "email", "website", "notes"])
            #expect(try await Supplier.scoped(to: tenant, on: app.db).count() == 0)
        }
    }

    @Test("Length limits count code points, as the document's maxLength does: combining marks count too")
    func lengthInCodePoints() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            // 10 visible characters but 10 + 45 code points: over the phone number's 50.
            let zalgo = String(repeating: "a\u{301}\u{302}\u{303}\u{304}\u{305}", count: 10)
            let res = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/suppliers", ["name": "Zalgo AB", "phone": zalgo])
            #expect(res.status == .unprocessableEntity)
            #expect(try res.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["phone"])
            #expect(try await Supplier.scoped(to: tenant, on: app.db).count() == 0)
            let fits = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/suppliers",
                ["name": "Ok AB", "phone": String(zalgo.unicodeScalars.prefix(50))])
            #expect(fits.status == .created)
        }
    }

    @Test("Length limits apply to the text as sent: surrounding space that is trimmed still counts")
    func lengthBeforeTrimming() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            // schemathesis: a title of 201 code points, the first a tab, was stored as 200.
            let title = "\t" + String(repeating: "*", count: 200)
            let res = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/people", ["name": "Anna Ek", "title": title])
            #expect(res.status == .unprocessableEntity)
            #expect(try res.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["title"])
            let name = " " + String(repeating: "n", count: 200)
            let named = try await app.sendJSON(.POST, "/api/v1/tenants/testby/people", ["name": name])
            #expect(try named.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["name"])
            #expect(try await Person.scoped(to: tenant, on: app.db).count() == 0)
            // Within the limit as sent, the stored value is trimmed.
            let fits = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/people", ["name": "Anna Ek", "title": "\t" + String(title.dropFirst(2))])
            #expect(fits.status == .created)
            #expect(
                try await Person.scoped(to: tenant, on: app.db).first()?.title == String(repeating: "*", count: 199))
        }
    }
}
