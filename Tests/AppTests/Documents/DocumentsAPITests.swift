import Fluent
import Foundation
import NIOCore
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// Governing documents through the API (D1, D10): the register, publication, versions and their files.
@Suite("Governing documents API")
struct DocumentsAPITests {
    let base = "/api/v1/tenants/testby/documents"

    struct DocumentBody: Decodable {
        var id: UUID
        var status: String
        var isPublished: Bool
        var precedenceGroup: Int?
        var precedenceRank: Int?
        var reviewDueOn: String?
        var versions: [Version]?
        struct Version: Decodable { var id: UUID; var number: Int; var fileName: String; var downloadUrl: String }
    }
    struct ListBody: Decodable { var items: [DocumentBody]; var total: Int }
    struct ErrorBody: Decodable {
        var code: String
        var errors: [Issue]?
        struct Issue: Decodable { var field: String; var message: String }
    }

    /// A tenant with Rut, who owns documents and has an account, and Emil, an employee without documents.
    struct World {
        var tenant: Tenant
        var rut: Person
        var rutUser: TestUser
        var emilUser: TestUser
    }

    static func world(_ app: Application) async throws -> World {
        let tenant = try await Fixtures.tenant(on: app)
        let rut = try await Fixtures.person("Rut Riktlinje", in: tenant, on: app.db)
        let emil = try await Fixtures.person("Emil Medarbetare", in: tenant, on: app.db)
        return World(
            tenant: tenant, rut: rut,
            rutUser: try await Fixtures.user("rut@testby.se", person: rut, in: tenant, on: app),
            emilUser: try await Fixtures.user("emil@testby.se", person: emil, in: tenant, on: app))
    }

    func create(
        _ app: Application, _ w: World, title: String = "Riktlinje för lösenord", type: String = "riktlinje",
        status: DocumentStatus = .adopted, decidedOn: CalendarDay? = CalendarDay(year: 2025, month: 6, day: 1)
    ) async throws -> DocumentBody {
        let res = try await app.sendJSON(
            .POST, base,
            GoverningDocumentDraft(
                title: title, typeKey: type, ownerPersonId: try w.rut.requireID(), decidedBy: "kommundirektor",
                decidedOn: decidedOn, status: status))
        #expect(res.status == .created, "\(res.text)")
        return try res.decode(DocumentBody.self)
    }

    func upload(
        _ app: Application, _ id: UUID, name: String, _ bytes: [UInt8], type: String = "application/pdf",
        as user: TestUser = .automatic
    ) async throws -> TestingHTTPResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._")
        let query = name.addingPercentEncoding(withAllowedCharacters: allowed)!
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        return try await app.send(
            .POST, "\(base)/\(id)/versions?fileName=\(query)", headers: headers, body: ByteBuffer(bytes: bytes),
            as: user)
    }

    static let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)

    func storedFiles(_ app: Application) async throws -> (Int, Int) {
        (try await DocumentVersion.query(on: app.db).count(), try await DocumentFile.query(on: app.db).count())
    }

    @Test("D10: a guideline unrevised for three years is a finding naming the document, D10, its owner and the day")
    func guidelineUnrevised() async throws {
        try await withTestApp { app in
            let w = try await Self.world(app)
            let doc = try await create(app, w, decidedOn: CalendarDay(year: 2023, month: 1, day: 15))
            #expect(doc.reviewDueOn == "2026-01-15")
            // A guideline decided last year is not due yet.
            _ = try await create(
                app, w, title: "Riktlinje för e-post", decidedOn: CalendarDay(year: 2025, month: 1, day: 1))
            struct Findings: Decodable {
                var items: [Finding]
                struct Finding: Decodable {
                    var rule: String
                    var requirement: String
                    var dueOn: String
                    var overdue: Bool
                    var object: Object
                    var responsible: Responsible?
                    struct Object: Decodable { var type: String; var id: UUID; var label: String }
                    struct Responsible: Decodable { var personId: UUID; var basis: String }
                }
            }
            let res = try await app.get("/api/v1/tenants/testby/compliance/findings?rule=documents.review")
            #expect(res.status == .ok, "\(res.text)")
            let items = try res.decode(Findings.self).items
            #expect(items.count == 1)
            let f = try #require(items.first)
            #expect(f.object.type == "document" && f.object.id == doc.id && f.object.label == "Riktlinje för lösenord")
            #expect(f.requirement.contains("D10"))
            #expect(f.responsible?.personId == w.rut.id && f.responsible?.basis == "owner")
            #expect(f.dueOn == "2026-01-15" && f.overdue)
        }
    }

    @Test("Uploads too large, of the wrong type or with a hostile name are refused by field; nothing is stored")
    func refusedUploads() async throws {
        try await withTestApp { app in
            let w = try await Self.world(app)
            let doc = try await create(app, w)
            let cases: [(String, [UInt8], String, String)] = [
                (
                    "stor.pdf", Self.pdf + [UInt8](repeating: 0x20, count: DocumentFileCheck.maxBytes),
                    "application/pdf", "file"
                ),
                ("policy.docx", Self.pdf, "application/octet-stream", "file"),
                ("program.exe", Self.pdf, "application/octet-stream", "fileName"),
                ("../../etc/passwd.pdf", Self.pdf, "application/pdf", "fileName"),
                ("rad\u{0A}brytning\u{07}.pdf", Self.pdf, "application/pdf", "fileName"),
                ("policy.pdf", Self.pdf, "text/markdown", "Content-Type"),
            ]
            for (name, bytes, type, field) in cases {
                let res = try await upload(app, doc.id, name: name, bytes, type: type)
                #expect(res.status == .unprocessableEntity, "\(name): \(res.status)")
                let error = try res.decode(ErrorBody.self)
                #expect(error.errors?.map(\.field).contains(field) == true, "\(name): \(res.text)")
            }
            #expect(try await storedFiles(app) == (0, 0))
        }
    }

    @Test("A stored file downloads with its bytes and a safe name, in its tenant only")
    func downloadAndTenants() async throws {
        try await withTestApp { app in
            let w = try await Self.world(app)
            let doc = try await create(app, w)
            let res = try await upload(app, doc.id, name: "Lösenord \"v1\".pdf", Self.pdf)
            #expect(res.status == .created, "\(res.text)")
            let version = try res.decode(DocumentBody.Version.self)
            #expect(version.number == 1 && version.fileName == "Lösenord \"v1\".pdf")
            let file = try await app.get(version.downloadUrl)
            #expect(file.status == .ok)
            #expect(Array(file.body.readableBytesView) == Self.pdf)
            #expect(file.headers.first(name: .contentType) == "application/pdf")
            #expect(
                file.headers.first(name: .contentDisposition)
                    == "attachment; filename=\"L_senord _v1_.pdf\"; filename*=UTF-8''L%C3%B6senord%20%22v1%22.pdf")
            #expect(try await storedFiles(app) == (1, 1))
            let shown = try await app.get("\(base)/\(doc.id)").decode(DocumentBody.self)
            #expect(shown.versions?.map(\.id) == [version.id])

            // Another municipality's administrator: under either slug, the file does not exist.
            let other = try await Fixtures.tenant("annanby", on: app)
            let otherAdmin = try await Fixtures.user("chef@annanby.se", admin: true, in: other, on: app)
            let ownPath = version.downloadUrl.replacingOccurrences(of: "/testby/", with: "/annanby/")
            #expect(try await app.get(ownPath, as: otherAdmin).status == .notFound)
            #expect(try await app.get(version.downloadUrl, as: otherAdmin).status == .notFound)
        }
    }

    @Test("A person who owns a document can't be deleted: 409 record.in-use, not a database error")
    func ownerInUse() async throws {
        try await withTestApp { app in
            let w = try await Self.world(app)
            _ = try await create(app, w)
            let res = try await app.delete("/api/v1/tenants/testby/people/\(try w.rut.requireID())")
            #expect(res.status == .conflict)
            #expect(try res.decode(ErrorBody.self).code == "record.in-use")
            #expect(res.text.contains("governing document the person owns"))
        }
    }

    @Test("D1: the precedence answer names the prevailing document and why")
    func precedence() async throws {
        try await withTestApp { app in
            let w = try await Self.world(app)
            let guideline = try await create(app, w)
            let policy = try await create(
                app, w, title: "Informationssäkerhetspolicy", type: "informationssakerhetspolicy")
            #expect(policy.precedenceGroup == 0 && policy.precedenceRank == 1)
            struct Answer: Decodable {
                var prevailingId: UUID?
                var reason: Reason
                struct Reason: Decodable { var sv: String; var en: String }
            }
            let res = try await app.get("\(base)/precedence?a=\(guideline.id)&b=\(policy.id)")
            #expect(res.status == .ok, "\(res.text)")
            let answer = try res.decode(Answer.self)
            #expect(answer.prevailingId == policy.id)
            #expect(answer.reason.en.contains("Informationssäkerhetspolicy prevails over Riktlinje för lösenord"))
            #expect(try await app.get("\(base)/precedence?a=\(guideline.id)&b=").status == .badRequest)
        }
    }

    @Test("D1: only the administrator publishes, and only an adopted document; others see only published ones")
    func publishing() async throws {
        try await withTestApp { app in
            let w = try await Self.world(app)
            let draft = try await create(
                app, w, title: "Rutin för backup", type: "rutin", status: .draft, decidedOn: nil)
            let adopted = try await create(app, w)
            let publish = ["published": true]
            let refused = try await app.sendJSON(.PUT, "\(base)/\(draft.id)/publication", publish)
            #expect(refused.status == .conflict)
            #expect(try refused.decode(ErrorBody.self).code == "document.not-adopted")
            // The owner may edit but not publish.
            #expect(
                try await app.sendJSON(.PUT, "\(base)/\(adopted.id)/publication", publish, as: w.rutUser).status
                    == .forbidden)
            // Before publication the employee sees nothing, the owner both.
            #expect(try await app.get("\(base)/\(adopted.id)", as: w.emilUser).status == .notFound)
            #expect(try await app.get(base, as: w.emilUser).decode(ListBody.self).total == 0)
            #expect(try await app.get(base, as: w.rutUser).decode(ListBody.self).total == 2)
            let res = try await app.sendJSON(.PUT, "\(base)/\(adopted.id)/publication", publish)
            #expect(res.status == .ok)
            #expect(try res.decode(DocumentBody.self).isPublished)
            #expect(try await app.get("\(base)/\(adopted.id)", as: w.emilUser).status == .ok)
            #expect(try await app.get(base, as: w.emilUser).decode(ListBody.self).items.map(\.id) == [adopted.id])
            // The employee can't change it; the owner can, and repealing it withdraws the publication.
            var body = GoverningDocumentDraft(
                title: "Riktlinje för lösenord", typeKey: "riktlinje", ownerPersonId: try w.rut.requireID(),
                decidedOn: CalendarDay(year: 2025, month: 6, day: 1), status: .repealed)
            #expect(try await app.sendJSON(.PUT, "\(base)/\(adopted.id)", body, as: w.emilUser).status == .forbidden)
            let repealed = try await app.sendJSON(.PUT, "\(base)/\(adopted.id)", body, as: w.rutUser)
            #expect(repealed.status == .ok, "\(repealed.text)")
            #expect(try repealed.decode(DocumentBody.self).isPublished == false)
            // A type the profile doesn't have is refused by field.
            body.typeKey = "okand"
            let unknown = try await app.sendJSON(.PUT, "\(base)/\(adopted.id)", body, as: w.rutUser)
            #expect(unknown.status == .unprocessableEntity)
            #expect(try unknown.decode(ErrorBody.self).errors?.map(\.field) == ["typeKey"])
        }
    }

    @Test("A literal path under the documents answers 405 for another method, not the document route's 404")
    func literalPathsAnswer405() async throws {
        try await withTestApp { app in
            let w = try await Self.world(app)
            for path in ["precedence", "to-read"] {
                for method in [HTTPMethod.PUT, .OPTIONS] {
                    let res = try await app.send(method, "\(base)/\(path)")
                    #expect(res.status == .methodNotAllowed)
                    #expect(res.headers.first(name: .allow) == "GET, HEAD")
                }
            }
            // A document's own id still reaches its route.
            let doc = try await create(app, w)
            #expect(try await app.get("\(base)/\(doc.id)").status == .ok)
            #expect(try await app.send(.DELETE, "\(base)/\(doc.id)").status == .methodNotAllowed)
        }
    }
}
