import Fluent
import Foundation
import NIOCore
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// A system list as a Swedish municipality keeps it in Excel, saved as "CSV (semikolonavgränsad)":
/// Windows-1252, semicolons, CRLF, Swedish headings.
private func windows1252List(_ rows: [String]) -> [UInt8] {
    let text =
        ([
            "Systemnamn;Förvaltning;Kategori;Leverantör;Systemförvaltare;Ersättare systemförvaltare;Konfidentialitet (K);Driftstart"
        ] + rows)
        .joined(separator: "\r\n") + "\r\n"
    return text.unicodeScalars.map { scalar -> UInt8 in
        switch scalar {
        case "å": 0xE5
        case "ä": 0xE4
        case "ö": 0xF6
        case "Å": 0xC5
        case "Ä": 0xC4
        case "Ö": 0xD6
        case "é": 0xE9
        case "–": 0x96
        default: UInt8(scalar.value)
        }
    }
}

private func multipart(file bytes: [UInt8], filename: String) -> (HTTPHeaders, ByteBuffer) {
    let boundary = "----styrbordtest"
    var body = ByteBuffer()
    body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(testCSRF)\r\n")
    body.writeString(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n"
    )
    body.writeBytes(bytes)
    body.writeString("\r\n--\(boundary)--\r\n")
    var headers = HTTPHeaders()
    headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
    headers.add(name: .cookie, value: "\(CSRFMiddleware.cookieName)=\(testCSRF)")
    return (headers, body)
}

@Suite("Import and export")
struct ImportExportTests {
    @Test("Uploading an Excel list previews it, and confirming imports systems, suppliers, people and roles")
    func uploadPreviewConfirm() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            _ = try await Fixtures.orgUnit("Socialförvaltningen", in: t, on: app.db)
            _ = try await Fixtures.orgUnit("Kommunledningskontoret", in: t, on: app.db)
            let bytes = windows1252List([
                "Procapita;Socialförvaltningen;Verksamhetssystem;CGI Sverige AB;Åsa Öberg;Émile Ek;3;2012-05-01",
                "Raindance;Kommunledningskontoret;Kommungemensamt;CGI Sverige AB;Per Persson;;2;2009-01-01",
            ])
            let (headers, body) = multipart(file: bytes, filename: "../../etc/systemlista.csv")
            let preview = try await app.send(
                .POST, TransferRoutes.importSystems("testby"), headers: headers, body: body)
            #expect(preview.status == .ok, "\(preview.text.prefix(3000))")
            let html = preview.text
            #expect(html.contains("Windows-1252"))
            #expect(html.contains("systemlista.csv"))
            #expect(!html.contains("../"))
            #expect(html.contains("2 nya system"))
            #expect(try await ITSystem.query(on: app.db).count() == 0)  // a preview writes nothing

            let content = try #require(html.firstMatch(of: /name="content" value="([^"]+)"/)?.1)
            let maps = html.matches(of: /name="map\.(\d+)" value="([^"]*)"/).map { ("map.\($0.1)", String($0.2)) }
            let headingFields = html.matches(of: /name="heading\.(\d+)" value="([^"]*)"/).map {
                ("heading.\($0.1)", String($0.2))
            }
            let confirm = try await app.sendForm(
                TransferRoutes.importConfirm("testby"),
                [("content", String(content)), ("filename", "systemlista.csv")] + maps
                    + headingFields.map { ($0.0, $0.1.replacingOccurrences(of: "&amp;", with: "&")) })
            #expect(confirm.status == .seeOther, "\(confirm.text.prefix(2000))")
            let systems = try await ITSystem.scoped(to: t, on: app.db).sort(\.$sortKey).all()
            #expect(systems.map(\.name) == ["Procapita", "Raindance"])
            #expect(systems[0].confidentiality == 3)
            #expect(systems[0].productionStartOn == "2012-05-01")
            #expect(try await Supplier.query(on: app.db).all().map(\.name) == ["CGI Sverige AB"])
            #expect(
                Set(try await Person.query(on: app.db).all().map(\.name)) == ["Åsa Öberg", "Émile Ek", "Per Persson"])
            let context = try await RegisterContext.load(tenant: t, today: testToday, on: app.db)
            let gaps = try await context.roleGaps(systems: systems, on: app.db)
            #expect(gaps[systems[0].id!]?.map(\.roleKey) == [RoleCatalogue.systemOwner])  // förvaltare and ersättare came from the file
            let history = try await AuditEntry.query(on: app.db).filter(\.$action == .import).all()
            #expect(
                history.contains {
                    $0.objectType == SystemRules.objectType && $0.message == "Import från systemlista.csv"
                })
        }
    }

    @Test("A broken row is reported with its line and column, and nothing at all is stored")
    func brokenRowRollsBack() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            _ = try await Fixtures.orgUnit("Socialförvaltningen", in: t, on: app.db)
            let bytes = windows1252List([
                "Procapita;Socialförvaltningen;Verksamhetssystem;CGI;Åsa Öberg;;3;2012-05-01",
                "Trasig;Kulturförvaltningen;Halvgemensam;CGI;;;7;01/05/2012",
            ])
            let outcome = try await SystemImportCommand.run(
                app: app, tenantSlug: "testby", bytes: bytes, mappingArguments: [], dryRun: false, actor: "test")
            #expect(!outcome.succeeded)
            #expect(outcome.report.contains("Rad 3"))
            #expect(outcome.report.contains("\"Förvaltning\""))
            #expect(outcome.report.contains("\"Kategori\""))
            #expect(outcome.report.contains("\"Driftstart\""))
            #expect(try await ITSystem.query(on: app.db).count() == 0)
            #expect(try await Supplier.query(on: app.db).count() == 0)
            #expect(try await Person.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).count() == 0)
        }
    }

    @Test("Re-importing updates only the columns in the file and replaces a changed role holder")
    func updateMerges() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system(
                "Procapita",
                configure: {
                    $0.personalData = .init(level: .sensitive, purpose: "Handläggning")
                    $0.classification.integrity = .l3
                }, in: t, on: app.db)
            let old = try await Fixtures.person("Olle Gammal", in: t, on: app.db)
            try await Fixtures.assign(RoleCatalogue.systemManager, to: old, on: system, in: t, db: app.db)
            let csv = Array("\u{FEFF}Systemnamn;Systemförvaltare;Version\r\nprocapita;Nina Ny;11.2\r\n".utf8)
            let dry = try await SystemImportCommand.run(
                app: app, tenantSlug: "testby", bytes: csv, mappingArguments: [], dryRun: true, actor: "test")
            #expect(dry.succeeded)
            #expect(dry.report.contains("updated: 1"))
            #expect(dry.report.contains("Olle Gammal ersätts"))
            #expect(try await RoleAssignment.query(on: app.db).count() == 1)
            let run = try await SystemImportCommand.run(
                app: app, tenantSlug: "testby", bytes: csv, mappingArguments: [], dryRun: false, actor: "test")
            #expect(run.succeeded, "\(run.report)")
            let stored = try #require(try await ITSystem.find(system.id, on: app.db))
            #expect(stored.version == "11.2")
            #expect(stored.name == "Procapita")  // the name finds the system; the import doesn't rename it
            #expect(stored.pdPurpose == "Handläggning")
            #expect(stored.integrity == 3)
            let assignments = try await RoleAssignment.query(on: app.db).all()
            let ended = try #require(assignments.first { $0.personID == old.id })
            #expect(ended.validTo == testToday.adding(days: -1).iso)
            #expect(assignments.count == 2)
        }
    }

    @Test("The API imports a CSV body, with a dry run that writes nothing")
    func apiImport() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let csv = "System,Kategori,Leverantör\r\n\"Skola24, schema\",verksamhetssystem,Skola24 AB\r\n"
            let dry = try await app.sendRaw(
                .POST, "/api/v1/tenants/testby/imports/systems?dryRun=true", csv,
                contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(dry.status == .ok)
            let body = try dry.decode(ImportAPIController.ImportResponse.self)
            #expect(body.created == ["Skola24, schema"])
            #expect(!body.imported)
            #expect(try await ITSystem.query(on: app.db).count() == 0)
            let real = try await app.sendRaw(
                .POST, "/api/v1/tenants/testby/imports/systems", csv,
                contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(real.status == .created)
            #expect(try await ITSystem.query(on: app.db).count() == 1)
            let bad = try await app.sendRaw(
                .POST, "/api/v1/tenants/testby/imports/systems?map=System=nonsense", csv,
                contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.decode(ImportAPIController.ImportResponse.self).issues.first?.field == "mapping")
        }
    }

    @Test("The systems export opens in Excel (BOM, semicolons) and imports into another municipality unchanged")
    func exportRoundTrip() async throws {
        try await withTestApp { app in
            let a = try await Fixtures.tenant("a-kommun", on: app)
            let b = try await Fixtures.tenant("b-kommun", on: app)
            let unit = try await Fixtures.orgUnit("Barn- och utbildningsförvaltningen", in: a, on: app.db)
            _ = try await Fixtures.orgUnit("Barn- och utbildningsförvaltningen", in: b, on: app.db)
            _ = try await Fixtures.system(
                "Skolplattform; \"IST\"", owner: unit,
                configure: {
                    $0.tags = ["skola", "=formel"]
                    $0.description = "=HYPERLINK(\"http://x\")"
                    $0.classification.confidentiality = .l2
                    $0.productionStartOn = CalendarDay(year: 2019, month: 8, day: 1)
                }, in: a, on: app.db)
            let res = try await app.get(TransferRoutes.export("a-kommun", .systems, .csv))
            #expect(res.status == .ok)
            #expect(res.headers.first(name: .contentDisposition)?.contains("system-a-kommun-2026-03-02.csv") == true)
            let bytes = Array(res.body.readableBytesView)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("Systemnamn;"))
            #expect(text.contains("\"Skolplattform; \"\"IST\"\"\""))
            #expect(text.contains(";\"'=HYPERLINK(\"\"http://x\"\")\";"))  // a formula cell is neutralised for Excel
            let outcome = try await SystemImportCommand.run(
                app: app, tenantSlug: "b-kommun", bytes: bytes, mappingArguments: [], dryRun: false, actor: "test")
            #expect(outcome.succeeded, "\(outcome.report)")
            let copy = try #require(try await ITSystem.scoped(to: b, on: app.db).first())
            #expect(copy.name == "Skolplattform; \"IST\"")
            #expect(copy.tags == ["skola", "=formel"])
            #expect(copy.description == "=HYPERLINK(\"http://x\")")
            #expect(copy.confidentiality == 2)
            #expect(copy.productionStartOn == "2019-08-01")
        }
    }

    @Test("Importing the register's own export changes nothing, link titles included")
    func reimportIsUnchanged() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            _ = try await Fixtures.system(
                "Adato",
                configure: {
                    $0.documentationLinks = [
                        .init(title: "Förvaltningsplan", url: "https://intranat.example/adato/plan"),
                        .init(title: "Driftdokumentation", url: "https://intranat.example/adato/drift"),
                    ]
                }, in: t, on: app.db)
            let bytes = Array(try await app.get(TransferRoutes.export("testby", .systems, .csv)).body.readableBytesView)
            let outcome = try await SystemImportCommand.run(
                app: app, tenantSlug: "testby", bytes: bytes, mappingArguments: [], dryRun: true, actor: "test")
            #expect(outcome.report.contains("updated: 0; unchanged: 1"), "\(outcome.report)")
        }
    }

    @Test("An org unit or tag whose name has a comma survives export and import, and a hand-written cell naming it too")
    func commasInNames() async throws {
        try await withTestApp { app in
            let a = try await Fixtures.tenant("a-kommun", on: app)
            let b = try await Fixtures.tenant("b-kommun", on: app)
            let unit = try await Fixtures.orgUnit("Gata, park och VA", kind: .department, in: a, on: app.db)
            let twin = try await Fixtures.orgUnit("Gata, park och VA", kind: .department, in: b, on: app.db)
            _ = try await Fixtures.system(
                "Felanmälan",
                configure: {
                    $0.userOrgUnitIds = [unit.id!]
                    $0.tags = ["drift, underhåll"]
                }, in: a, on: app.db)
            let bytes = Array(
                try await app.get(TransferRoutes.export("a-kommun", .systems, .csv)).body.readableBytesView)
            let outcome = try await SystemImportCommand.run(
                app: app, tenantSlug: "b-kommun", bytes: bytes, mappingArguments: [], dryRun: false, actor: "test")
            #expect(outcome.succeeded, "\(outcome.report)")
            let copy = try #require(try await ITSystem.scoped(to: b, on: app.db).first())
            #expect(try await SystemRules.userOrgUnitIDs(of: copy.id!, on: app.db) == [twin.id!])
            #expect(copy.tags == ["drift, underhåll"])

            let handWritten = Array("Systemnamn;Användande förvaltningar\r\nSkyltsystem;Gata, park och VA\r\n".utf8)
            let second = try await SystemImportCommand.run(
                app: app, tenantSlug: "b-kommun", bytes: handWritten, mappingArguments: [], dryRun: false, actor: "test"
            )
            #expect(second.succeeded, "\(second.report)")
        }
    }

    @Test("Roles and integrations export as CSV and JSON")
    func otherExports() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let a = try await Fixtures.system("Heroma", in: t, on: app.db)
            let b = try await Fixtures.system("Raindance", in: t, on: app.db)
            let p = try await Fixtures.person("Lisa Lön", in: t, on: app.db)
            try await Fixtures.assign(RoleCatalogue.systemOwner, to: p, on: a, in: t, db: app.db)
            _ = try await Fixtures.integration(from: a, to: b, in: t, on: app.db)
            let roles = try await app.get(TransferRoutes.export("testby", .roles, .csv)).text
            #expect(roles.contains("Lisa Lön"))
            #expect(roles.contains("Systemägare"))
            let json = try await app.get(TransferRoutes.export("testby", .integrations, .json))
            let items = try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [[String: Any]]
            #expect(items?.first?["sourceSystem"] as? String == "Heroma")
            #expect(items?.first?["targetSystem"] as? String == "Raindance")
        }
    }

    @Test("A file that isn't CSV is refused with a clear message, and an empty upload too")
    func wrongFiles() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let (h1, b1) = multipart(file: Array("%PDF-1.7".utf8), filename: "riktlinjer.pdf")
            let pdf = try await app.send(
                .POST, TransferRoutes.importSystems("testby"), headers: h1, body: b1)
            #expect(pdf.status == .unsupportedMediaType)
            #expect(pdf.text.contains("är inte en CSV-fil"))
            let (h2, b2) = multipart(file: [], filename: "tom.csv")
            let empty = try await app.send(
                .POST, TransferRoutes.importSystems("testby"), headers: h2, body: b2)
            #expect(empty.status == .badRequest)
        }
    }

    @Test("L1: the role distribution report shows every system against every role, as a page and as CSV")
    func roleDistribution() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let a = try await Fixtures.system("Heroma", in: t, on: app.db)
            _ = try await Fixtures.system(
                "Gammalt", configure: { $0.lifecycleStatus = .decommissioned }, in: t, on: app.db)
            let p = try await Fixtures.person("Lisa Lön", in: t, on: app.db)
            let d = try await Fixtures.person("Dan Dep", in: t, on: app.db)
            try await Fixtures.assign(RoleCatalogue.systemManager, to: p, on: a, in: t, db: app.db)
            try await Fixtures.assign(RoleCatalogue.systemManager, to: d, on: a, holding: .deputy, in: t, db: app.db)
            let page = try await app.get(ReportRoutes.roleDistribution("testby"))
            #expect(page.status == .ok)
            #expect(page.text.contains("Lisa Lön; Dan Dep (ersättare)"))
            #expect(!page.text.contains("Gammalt"))
            #expect(
                try await app.get(ReportRoutes.roleDistribution("testby", query: [("includeDecommissioned", "true")]))
                    .text.contains("Gammalt"))
            let csv = try await app.get(ReportRoutes.roleDistributionCSV("testby")).text
            let lines = csv.split(separator: "\r\n")
            #expect(lines.count == 2)
            #expect(lines[0].contains("Systemägare;Systemägare IT;Systemförvaltare"))
            #expect(lines[1].contains("Heroma"))
            #expect(lines[1].contains("systemagare/ordinarie (D2)"))
            let api = try await app.get("/api/v1/tenants/testby/reports/role-distribution").decode(
                RoleDistributionResponse.self)
            #expect(api.rows.first?.holders[RoleCatalogue.systemManager]?.map(\.name) == ["Lisa Lön", "Dan Dep"])
        }
    }
}

@Suite("Import API query")
struct ImportAPIQueryTests {
    @Test("A mapping whose field starts with a combining mark is still read as Heading=field")
    func combiningMark() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.tenant(on: app)
            let res = try await app.sendRaw(
                .POST, "/api/v1/tenants/testby/imports/systems?dryRun=true&map=Namn%3D%CC%83name",
                "Namn;Kategori\nX;Verksamhetssystem\n", contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(res.status != .badRequest, "\(res.text)")
        }
    }
}
