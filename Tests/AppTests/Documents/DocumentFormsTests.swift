import Fluent
import Foundation
import NIOCore
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// The page's forms: registering and changing a document, uploading a version's file with the API's checks,
/// and downloads that reveal nothing to those who may not see the document.
@Suite("Governing documents: forms and files")
struct DocumentFormsTests {
    static let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)

    func stored(_ app: Application) async throws -> (versions: Int, files: Int) {
        (try await DocumentVersion.query(on: app.db).count(), try await DocumentFile.query(on: app.db).count())
    }

    func document(
        _ app: Application, _ tenant: Tenant, owner: Person, adopted: Bool = true
    ) async throws
        -> GoverningDocument
    {
        try await DocumentRules.create(
            GoverningDocumentDraft(
                title: "Informationssäkerhetspolicy", typeKey: "informationssakerhetspolicy",
                ownerPersonId: try owner.requireID(), decidedOn: CalendarDay(year: 2026, month: 1, day: 1),
                status: adopted ? .adopted : .draft),
            tenant: tenant, actor: Fixtures.actor, on: app.db)
    }

    @Test("The administrator registers a document with every field; bad input comes back by field, nothing stored")
    func createAndRefuse() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let rut = try await Fixtures.person("Rut Riktlinje", in: tenant, on: app.db)
            let form = try await app.get(DocumentRoutes.new("testby"))
            #expect(form.status == .ok)
            // The type's rank in the precedence order is shown with it.
            #expect(form.text.contains("Riktlinje") && form.text.contains("name=\"ownerPersonId\""))
            let bad = try await app.sendForm(
                DocumentRoutes.index("testby"),
                [
                    ("title", ""), ("typeKey", "riktlinje"), ("ownerPersonId", try rut.requireID().uuidString),
                    ("decidedOn", "2026-13-40"), ("reviewEveryMonths", "tolv"), ("status", "faststalld"),
                    ("validFrom", "2026-02-01"), ("validTo", "2026-01-01"),
                ])
            #expect(bad.status == .unprocessableEntity)
            let html = bad.text
            #expect(html.contains("id=\"f-title-error\"") && html.contains("id=\"f-decidedOn-error\""))
            #expect(html.contains("id=\"f-reviewEveryMonths-error\"") && html.contains("id=\"f-validTo-error\""))
            #expect(html.contains("value=\"tolv\""))  // the input is kept
            #expect(try await GoverningDocument.query(on: app.db).count() == 0)

            let created = try await app.sendForm(
                DocumentRoutes.index("testby"),
                [
                    ("title", "Riktlinje för lösenord"), ("typeKey", "riktlinje"),
                    ("ownerPersonId", try rut.requireID().uuidString), ("decidedBy", "kommundirektor"),
                    ("decidedOn", "2026-01-15"), ("decisionReference", "KS 2026/3"), ("validFrom", "2026-02-01"),
                    ("validTo", ""), ("reviewEveryMonths", "24"), ("nextReviewOn", ""), ("status", "faststalld"),
                ])
            #expect(created.status == .seeOther)
            let doc = try #require(try await GoverningDocument.query(on: app.db).first())
            #expect(created.location == DocumentRoutes.show("testby", try doc.requireID()))
            #expect(doc.draft.reviewEveryMonths == 24 && doc.draft.decisionReference == "KS 2026/3")
            #expect(doc.draft.status == .adopted && !doc.isPublished)
            // Edited through its form: the owner may, an employee may not.
            let owner = try await Fixtures.user("rut@testby.se", person: rut, in: tenant, on: app)
            let edited = try await app.sendForm(
                DocumentRoutes.edit("testby", try doc.requireID()),
                Self.fields(doc.draft, title: "Riktlinje för lösenord och nycklar"), as: owner)
            #expect(edited.status == .seeOther)
            #expect(try await GoverningDocument.find(doc.id, on: app.db)?.title == "Riktlinje för lösenord och nycklar")
            let employee = try await Fixtures.user("anna@testby.se", in: tenant, on: app)
            let refused = try await app.sendForm(
                DocumentRoutes.edit("testby", try doc.requireID()), Self.fields(doc.draft, title: "X"), as: employee)
            #expect(refused.status == .forbidden)
            #expect(try await GoverningDocument.find(doc.id, on: app.db)?.title == "Riktlinje för lösenord och nycklar")
        }
    }

    static func fields(_ d: GoverningDocumentDraft, title: String) -> [(String, String)] {
        DocumentsController.values(d).raw.map { ($0.key, $0.key == "title" ? title : $0.value.first ?? "") }
    }

    @Test(
        "Uploading through the form stores the version; too large, wrong type and hostile names are refused at the field"
    )
    func uploadForm() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let rut = try await Fixtures.person("Rut Riktlinje", in: tenant, on: app.db)
            let doc = try await document(app, tenant, owner: rut)
            let url = DocumentRoutes.versions("testby", try doc.requireID())
            let ok = try await app.sendUpload(url, fileName: "policy.pdf", Self.pdf)
            #expect(ok.status == .seeOther, "\(ok.text)")
            #expect(try await stored(app) == (1, 1))
            let page = try await app.get(DocumentRoutes.show("testby", try doc.requireID())).text
            let version = try #require(try await DocumentVersion.query(on: app.db).first())
            #expect(page.contains(DocumentRoutes.file("testby", try doc.requireID(), try version.requireID())))
            #expect(page.contains(">policy.pdf<"))

            // Each refusal: 422, the page again with the message at the file field, nothing more stored.
            let cases: [(String, [UInt8], String)] = [
                ("policy.docx", Self.pdf, "som namnet säger"),
                ("program.md", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00], "file"),
                ("../../etc/passwd.pdf", Self.pdf, "f-file-error"),
                ("stor.md", Array(repeating: UInt8(ascii: "a"), count: DocumentFileCheck.maxBytes + 1), "för stor"),
                ("tom.pdf", [], "f-file-error"),
            ]
            for (name, bytes, expected) in cases {
                let res = try await app.sendUpload(url, fileName: name, bytes)
                #expect(res.status == .unprocessableEntity, "\(name)")
                #expect(res.text.contains("id=\"f-file-error\""), "\(name)")
                #expect(res.text.contains(expected), "\(name)")
                #expect(try await stored(app) == (1, 1), "\(name)")
            }
            // Far over the limit through the API: refused naming the file, nothing stored. (The body limit's 413
            // is the server's; in memory the file check answers. `tooLargeBody` covers the 413's own answer.)
            let hugeAPI = try await app.send(
                .POST, "/api/v1/tenants/testby/documents/\(try doc.requireID())/versions?fileName=huge.pdf",
                headers: ["Content-Type": "application/pdf"],
                body: ByteBuffer(bytes: Array(repeating: 0x25, count: 12 * 1024 * 1024)))
            #expect([.payloadTooLarge, .unprocessableEntity].contains(hugeAPI.status))
            #expect(hugeAPI.text.contains("\"field\":\"file\""))
            #expect(try await stored(app) == (1, 1))
        }
    }

    @Test("A body over the upload limit gets 413 naming the file field, as a page and as JSON")
    func tooLargeBody() async throws {
        try await withTestApp { app in
            for path in [
                "/t/testby/documents/\(UUID())/versions", "/api/v1/tenants/testby/documents/\(UUID())/versions",
            ] {
                let req = Request(application: app, method: .POST, url: URI(path: path), on: app.eventLoopGroup.next())
                let res = AppErrorMiddleware.response(for: Abort(.payloadTooLarge), request: req)
                #expect(res.status == .payloadTooLarge)
                let body = res.body.string ?? ""
                if path.hasPrefix("/api/") {
                    #expect(body.contains("document.file-too-large") && body.contains("\"field\":\"file\""))
                } else {
                    #expect(body.contains("Filen är för stor: högst 10485760 byte (10 MB)."))
                }
            }
            // Elsewhere a 413 stays the general answer.
            let other = Request(
                application: app, method: .POST, url: URI(path: "/api/v1/tenants/testby/systems"),
                on: app.eventLoopGroup.next())
            #expect(
                !(AppErrorMiddleware.response(for: Abort(.payloadTooLarge), request: other).body.string ?? "")
                    .contains("document.file-too-large"))
        }
    }

    @Test("An unpublished document's file is 404 to an employee and across tenants; a published one downloads")
    func downloads() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let other = try await Fixtures.tenant("annanby", on: app)
            let rut = try await Fixtures.person("Rut Riktlinje", in: tenant, on: app.db)
            let doc = try await document(app, tenant, owner: rut)
            let version = try await DocumentRules.addVersion(
                to: doc, fileName: "policy.pdf", bytes: Self.pdf, mediaType: nil, actor: Fixtures.actor, on: app.db)
            let file = DocumentRoutes.file("testby", try doc.requireID(), try version.requireID())
            let employee = try await Fixtures.user("anna@testby.se", in: tenant, on: app)
            // Not published: the employee is told it does not exist (404, not 403), as for a made-up id.
            #expect(try await app.get(file, as: employee).status == .notFound)
            #expect(
                try await app.get(DocumentRoutes.show("testby", try doc.requireID()), as: employee).status == .notFound)
            let made = DocumentRoutes.file("testby", UUID(), UUID())
            #expect(try await app.get(made, as: employee).status == .notFound)
            // Another municipality's administrator gets 404 under either slug.
            let stranger = try await Fixtures.user("chef@annanby.se", admin: true, in: other, on: app)
            let foreign = DocumentRoutes.file("annanby", try doc.requireID(), try version.requireID())
            #expect(try await app.get(foreign, as: stranger).status == .notFound)
            #expect(try await app.get(file, as: stranger).status != .ok)
            // The owner downloads it; once published, so does the employee.
            let owner = try await Fixtures.user("rut@testby.se", person: rut, in: tenant, on: app)
            let own = try await app.get(file, as: owner)
            #expect(own.status == .ok && Array(own.body.readableBytesView) == Self.pdf)
            _ = try await DocumentRules.setPublished(doc, true, actor: Fixtures.actor, on: app.db)
            let res = try await app.get(file, as: employee)
            #expect(res.status == .ok)
            #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(res.headers.first(name: .contentDisposition)?.contains("policy.pdf") == true)
        }
    }
}
