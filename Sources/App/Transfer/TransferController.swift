import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// The import and export page, the import preview and confirmation, and the downloads.
struct TransferController {
    static let maxUploadBytes = 5 * 1024 * 1024
    static let allowedExtensions: Set<String> = ["csv", "txt", "tsv"]

    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        return TransferIndexPage(
            model: .init(tenantSlug: tenant.slug, error: nil), ctx: PageContext(request: req, tenant: tenant)
        ).render()
    }

    /// Reads an uploaded file and shows what importing it would do.
    @Sendable func upload(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        struct Upload: Content { var file: File? }
        let upload = try? req.content.decode(Upload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            return TransferIndexPage(
                model: .init(tenantSlug: tenant.slug, error: ImportError.fileMissing.userMessage[ctx.lang]), ctx: ctx
            )
            .render(status: .badRequest)
        }
        let name = Self.safeFilename(file.filename)
        let ext = (name as NSString).pathExtension.lowercased()
        guard Self.allowedExtensions.contains(ext) else {
            let message = ctx.t(
                "Filen \"\(name)\" är inte en CSV-fil. Spara listan i Excel som \"CSV (semikolonavgränsad)\" och försök igen.",
                "The file \"\(name)\" is not a CSV file. Save the list in Excel as \"CSV (semicolon delimited)\" and try again."
            )
            return TransferIndexPage(model: .init(tenantSlug: tenant.slug, error: message), ctx: ctx).render(
                status: .unsupportedMediaType)
        }
        guard file.data.readableBytes <= Self.maxUploadBytes else {
            return TransferIndexPage(
                model: .init(
                    tenantSlug: tenant.slug, error: ImportError.fileTooLarge(limitMB: 5).userMessage[ctx.lang]),
                ctx: ctx
            )
            .render(status: .payloadTooLarge)
        }
        let bytes = Array(file.data.readableBytesView)
        return try await preview(req: req, tenant: tenant, bytes: bytes, filename: name, mapping: [:], status: .ok)
    }

    /// Shows the preview again with the user's own mapping of columns to fields.
    @Sendable func remap(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let (bytes, name, mapping) = try Self.carried(try req.formData())
        return try await preview(req: req, tenant: tenant, bytes: bytes, filename: name, mapping: mapping, status: .ok)
    }

    /// Imports the file as previewed: all rows or, if anything is wrong, none.
    @Sendable func confirm(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let (bytes, name, mapping) = try Self.carried(try req.formData())
        let actor = AuditActor.from(req)
        let prepared = try await SystemImportService.prepare(
            bytes: bytes, mapping: mapping, tenant: tenant, today: req.dependencies.today,
            makeID: actor.uuid, on: req.db)
        guard prepared.canImport else {
            return try await preview(
                req: req, tenant: tenant, bytes: bytes, filename: name, mapping: mapping, status: .unprocessableEntity)
        }
        _ = try await SystemImportService.execute(prepared, tenant: tenant, actor: actor, source: name, on: req.db)
        return req.redirect(to: SystemRoutes.index(tenant.slug), flash: .imported)
    }

    private func preview(
        req: Request, tenant: Tenant, bytes: [UInt8], filename: String, mapping: [String: String],
        status: HTTPResponseStatus
    ) async throws -> Response {
        let prepared = try await SystemImportService.prepare(
            bytes: bytes, mapping: mapping, tenant: tenant, today: req.dependencies.today,
            makeID: { UUID() }, on: req.db)
        let model = ImportPreviewPage.Model(
            tenantSlug: tenant.slug, filename: filename, content: Data(bytes).base64EncodedString(), prepared: prepared)
        return ImportPreviewPage(model: model, ctx: PageContext(request: req, tenant: tenant))
            .render(status: prepared.canImport || status != .ok ? status : .unprocessableEntity)
    }

    /// The file and mapping carried through the preview form.
    static func carried(_ form: FormData) throws -> ([UInt8], String, [String: String]) {
        guard let data = Data(base64Encoded: form["content"]), !data.isEmpty, data.count <= maxUploadBytes else {
            throw ImportError.fileMissing
        }
        var mapping: [String: String] = [:]
        for (key, values) in form.raw where key.hasPrefix("map.") {
            let index = key.dropFirst(4)
            if let heading = form.raw["heading.\(index)"]?.first, let code = values.first, !code.isEmpty {
                mapping[heading] = code
            }
        }
        return (Array(data), safeFilename(form["filename"]), mapping)
    }

    /// Only the last path component, without control characters, at most 100 characters: the name is
    /// shown and kept in history, never used to touch the file system.
    static func safeFilename(_ raw: String) -> String {
        let last = raw.replacingOccurrences(of: "\\", with: "/").split(separator: "/").last.map(String.init) ?? ""
        let clean = String(
            last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init)
        ).trimmed
        return clean.isEmpty ? "fil.csv" : String(clean.prefix(100))
    }

    /// A download of the register: `/transfer/export/systems.csv` and so on. Systems honour the register's filters.
    @Sendable func export(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let file = try req.parameters.require("file")
        let parts = file.split(separator: ".")
        guard parts.count == 2, let dataset = TransferRoutes.Dataset(rawValue: String(parts[0])),
            let format = TransferRoutes.Format(rawValue: String(parts[1]))
        else { throw Abort(.notFound) }
        let today = req.dependencies.today
        let bytes = try await RegisterExporter.export(
            dataset, format, tenant: tenant, query: SystemQuery(query: req.queryItems),
            lang: req.uiLanguage, today: today, on: req.db)
        let filename = RegisterExporter.filename(dataset, format, tenant: tenant, today: today)
        return format == .csv ? Downloads.csv(bytes, filename: filename) : Downloads.json(bytes, filename: filename)
    }
}

/// The import endpoint of the API: the body is the CSV file itself.
struct ImportAPIController {
    struct IssueResponse: Content {
        var line: Int
        var column: String?
        var field: String
        var message: String
    }

    struct ImportResponse: Content {
        var imported: Bool
        var canImport: Bool
        var encoding: String
        var rows: Int
        var issues: [IssueResponse]
        var created: [String]
        var updated: [String]
        var unchanged: [String]
        var newSuppliers: [String]
        var newPersons: [String]
        var appointments: [String]
        var replacements: [String]
    }

    /// `POST …/imports/systems?dryRun=true&map=Heading=field`: 200 for a dry run, 201 when imported,
    /// 422 with every issue when nothing could be imported.
    @Sendable func systems(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        guard let media = req.headers.contentType, media.type.lowercased() == "text",
            media.subType.lowercased() == "csv"
        else { throw ImportError.notCSV }
        guard let body = req.body.data, body.readableBytes > 0 else { throw ImportError.fileMissing }
        guard body.readableBytes <= TransferController.maxUploadBytes else {
            throw ImportError.fileTooLarge(limitMB: 5)
        }
        var mapping: [String: String] = [:]
        var dryRun = false
        var issues = Validator()
        for (key, value) in req.queryItems {
            switch key {
            case "dryRun":
                guard ["true", "false"].contains(value) else {
                    issues.add(key, sv: "Ange true eller false.", en: "Give true or false.")
                    continue
                }
                dryRun = value == "true"
            case "map":
                // By scalar: as a Character, "=" followed by a combining mark is not "=" (schemathesis sent one).
                let scalars = value.unicodeScalars
                guard let eq = scalars.firstIndex(of: "="), eq != scalars.startIndex else {
                    issues.add(
                        key, sv: "Skriv map=Rubrik=fält, som map=Systemnamn=name.",
                        en: "Write map=Heading=field, as in map=Systemnamn=name.")
                    continue
                }
                mapping[String(scalars[..<eq])] = String(scalars[scalars.index(after: eq)...])
            default:
                break
            }
        }
        if !issues.isValid { throw InvalidQuery(issues: issues.issues) }
        let actor = AuditActor.from(req)
        let prepared = try await SystemImportService.prepare(
            bytes: Array(body.readableBytesView), mapping: mapping, tenant: tenant,
            today: req.dependencies.today, makeID: actor.uuid, on: req.db)
        var imported = false
        if prepared.canImport && !dryRun {
            _ = try await SystemImportService.execute(prepared, tenant: tenant, actor: actor, source: "API", on: req.db)
            imported = true
        }
        let s = prepared.summary
        let response = ImportResponse(
            imported: imported, canImport: prepared.canImport, encoding: prepared.preview.encoding.rawValue,
            rows: prepared.preview.rows.count,
            issues: prepared.issues.map {
                IssueResponse(line: $0.line, column: $0.column, field: $0.field, message: $0.message.en)
            },
            created: s.created, updated: s.updated, unchanged: s.unchanged, newSuppliers: s.newSuppliers,
            newPersons: s.newPersons,
            appointments: s.appointments, replacements: s.replacements)
        let status: HTTPResponseStatus = imported ? .created : (prepared.canImport ? .ok : .unprocessableEntity)
        return try await response.encodeResponse(status: status, for: req)
    }
}

extension TransferRoutes {
    static func importPreview(_ tenant: String) -> String {
        URLBuilder.segments("t", tenant, "transfer", "import", "preview")
    }
    static func importConfirm(_ tenant: String) -> String {
        URLBuilder.segments("t", tenant, "transfer", "import", "confirm")
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = TransferController()
        let group = html.grouped("transfer")
        group.get(use: pages.index).access(.tenant(.read))
        group.get("import") { req in req.redirect(to: TransferRoutes.index(try await req.tenant().slug)) }.access(
            .tenant(.administer))
        group.on(.POST, "import", body: .collect(maxSize: "10mb"), use: pages.upload).access(.tenant(.administer))
        group.on(.POST, "import", "preview", body: .collect(maxSize: "12mb"), use: pages.remap).access(
            .tenant(.administer))
        group.on(.POST, "import", "confirm", body: .collect(maxSize: "12mb"), use: pages.confirm).access(
            .tenant(.administer))
        group.get("export", ":file", use: pages.export).access(.tenant(.read))

        api.on(.POST, "imports", "systems", body: .collect(maxSize: "6mb"), use: ImportAPIController().systems).access(
            .tenant(.administer))
    }
}
