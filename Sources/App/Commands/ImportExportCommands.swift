import Fluent
import Foundation
import StyrbordCore
import Vapor

/// The result of `styrbord import systems`, as text for the terminal.
public struct ImportOutcome: Sendable {
    public var report: String
    public var succeeded: Bool
}

/// `styrbord import systems FILE --tenant T [--map "Heading=field"] [--dry-run]`.
public enum SystemImportCommand {
    public static func run(
        app: Application, tenantSlug: String, bytes: [UInt8], mappingArguments: [String], dryRun: Bool, actor: String,
        source: String = "fil"
    ) async throws -> ImportOutcome {
        guard let tenant = try await Tenant.query(on: app.db).filter(\.$slug == tenantSlug).first() else {
            throw CommandFailure("There is no municipality \"\(tenantSlug)\". `styrbord tenant list` shows them.")
        }
        var mapping: [String: String] = [:]
        for argument in mappingArguments {
            guard let eq = argument.firstIndex(of: "=") else {
                throw CommandFailure(
                    "--map needs heading=field, for example --map \"Namn=name\" (got \"\(argument)\").")
            }
            mapping[String(argument[..<eq]).trimmed] = String(argument[argument.index(after: eq)...]).trimmed
        }
        let who = AuditActor.command(actor, dependencies: app.dependencies)
        let prepared = try await SystemImportService.prepare(
            bytes: bytes, mapping: mapping, tenant: tenant, today: app.dependencies.today,
            makeID: who.uuid, on: app.db)
        var lines: [String] = []
        let p = prepared.preview
        lines.append(
            "File: \(p.rows.count) rows with systems, \(p.encoding.label.en), \(p.delimiter.map { $0.label.en } ?? "no delimiter")."
        )
        lines.append("Columns:")
        for column in p.mapping.columns {
            lines.append(
                "  \(column.displayName) → \(column.field.map { "\($0.code) (\($0.label.sv))" } ?? "not imported")")
        }
        if !prepared.issues.isEmpty {
            lines.append("\(prepared.issues.count) problems; nothing was imported:")
            lines += prepared.issues.map { "  " + $0.text.sv }
            return ImportOutcome(report: lines.joined(separator: "\n"), succeeded: false)
        }
        let s = prepared.summary
        lines.append("New systems: \(s.created.count); updated: \(s.updated.count); unchanged: \(s.unchanged.count).")
        lines.append("New suppliers: \(s.newSuppliers.count); new people: \(s.newPersons.count).")
        lines.append("Role appointments: \(s.appointments.count), of which \(s.replacements.count) replace a holder.")
        for r in s.replacements { lines.append("  \(r)") }
        if dryRun {
            lines.append("Dry run: nothing was written.")
        } else {
            _ = try await SystemImportService.execute(prepared, tenant: tenant, actor: who, source: source, on: app.db)
            lines.append("Imported into \(tenant.name).")
        }
        return ImportOutcome(report: lines.joined(separator: "\n"), succeeded: true)
    }
}

/// `styrbord export systems|roles|integrations --tenant T --format csv|json`.
public enum ExportCommand {
    public static func run(
        app: Application, tenantSlug: String, dataset: String, format: String
    ) async throws -> [UInt8] {
        guard let tenant = try await Tenant.query(on: app.db).filter(\.$slug == tenantSlug).first() else {
            throw CommandFailure("There is no municipality \"\(tenantSlug)\". `styrbord tenant list` shows them.")
        }
        guard let d = TransferRoutes.Dataset(rawValue: dataset), let f = TransferRoutes.Format(rawValue: format) else {
            throw CommandFailure("Export systems, roles or integrations as csv or json.")
        }
        return try await RegisterExporter.export(d, f, tenant: tenant, today: app.dependencies.today, on: app.db)
    }
}
