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
                (HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "x"]),
                 "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nEvil AB\r\n--x--\r\n"),
            ] {
                let res = try await app.sendRaw(.POST, "/api/v1/tenants/testby/suppliers", body, contentType: type)
                #expect(res.status == .unsupportedMediaType, "\(type)")
                #expect(try res.decode(AppErrorMiddleware.APIErrorBody.self).code == "http.415")
            }
            #expect(try await Supplier.scoped(to: tenant, on: app.db).count() == 0)
            let json = try await app.sendRaw(.POST, "/api/v1/tenants/testby/suppliers", #"{"name": "Ett AB"}"#,
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
            let res = try await app.sendRaw(.POST, "/api/v1/tenants/testby/imports/systems", csv, contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(res.status == .created)
        }
    }
}
