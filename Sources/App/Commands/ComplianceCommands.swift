import Fluent
import Foundation
import StyrbordCore
import Vapor

/// The result of `styrbord check`: what to print, and whether to exit with status 1.
public struct CheckOutcome: Sendable {
    public var report: String
    /// False when a finding is at or above the `--fail-on` severity.
    public var passed: Bool
}

/// `styrbord check`: a municipality's findings for scripts and scheduled jobs, and the day's score.
public enum ComplianceCommands {
    /// Output formats of `check`.
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    /// Evaluates one municipality (or every one when `tenantSlug` is nil), records the day's score of
    /// each unless it already has one, and lists the findings. `failOn` nil never fails.
    public static func check(
        app: Application, tenantSlug: String?, failOn: String?, format: Format, language: String
    ) async throws -> CheckOutcome {
        let threshold = try failOn.map { raw -> ComplianceSeverity in
            guard let severity = ComplianceSeverity(rawValue: raw) else {
                throw CommandFailure("--fail-on takes info, warning or error, not \"\(raw)\".")
            }
            return severity
        }
        let lang = UILanguage(code: language)
        let tenants: [Tenant]
        if let tenantSlug {
            guard let tenant = try await Tenant.query(on: app.db).filter(\.$slug == tenantSlug).first() else {
                throw CommandFailure("There is no municipality \"\(tenantSlug)\". `styrbord tenant list` shows them.")
            }
            tenants = [tenant]
        } else {
            tenants = try await Tenant.query(on: app.db).sort(\.$slug).all()
        }
        let day = app.dependencies.today
        var configurations: [UUID: ComplianceConfiguration] = [:]
        for tenant in tenants {
            configurations[try tenant.requireID()] = await ComplianceReports.configuration(for: tenant, on: app.db)
        }
        // Every municipality's data in ten queries, not ten per municipality.
        let snapshots = try await ComplianceSnapshotLoader.load(
            tenants: tenants.count == 1 ? [try tenants[0].requireID()] : nil, day: day,
            roleKeys: ComplianceSnapshotLoader.roleKeys(for: Array(configurations.values)), on: app.db)
        var lines: [String] = []
        var documents: [CheckDocument] = []
        var passed = true
        for tenant in tenants {
            let configuration = configurations[try tenant.requireID()] ?? .standard
            let report = ComplianceEngine(configuration: configuration).evaluate(
                snapshots[try tenant.requireID()] ?? ComplianceSnapshot(day: day))
            try await ComplianceReports.recordDailyScore(
                report, tenant: tenant, dependencies: app.dependencies, on: app.db)
            if let threshold, report.hasFindings(atLeast: threshold) { passed = false }
            switch format {
            case .json:
                documents.append(CheckDocument(tenant: tenant.slug, report: report))
            case .text:
                lines.append(summary(report, tenant: tenant, lang: lang))
                // With every municipality, one line each; with one, every finding.
                if tenantSlug != nil {
                    lines += report.findings.map { line($0, day: report.day, lang: lang) }
                }
            }
        }
        let text: String
        switch format {
        case .text: text = lines.joined(separator: "\n")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try tenantSlug == nil ? encoder.encode(documents) : encoder.encode(documents[0])
            text = String(decoding: data, as: UTF8.self)
        }
        return CheckOutcome(report: text, passed: passed)
    }

    /// `Sjöviks kommun (sjovik) 2026-11-23: 84 % of 412 objects comply; 23 errors, 41 warnings.`
    static func summary(_ report: ComplianceReport, tenant: Tenant, lang: UILanguage) -> String {
        let percent = report.overall.percent.map { "\($0) %" } ?? "–"
        let (errors, warnings) = (report.count(.error), report.count(.warning))
        return lang == .sv
            ? "\(tenant.name) (\(tenant.slug)) \(report.day): \(percent) av \(report.overall.checked.grouped) objekt följer reglerna; \(errors.grouped) brister, \(warnings.grouped) varningar."
            : "\(tenant.name) (\(tenant.slug)) \(report.day): \(percent) of \(report.overall.checked.grouped) objects comply; \(errors.grouped) errors, \(warnings.grouped) warnings."
    }

    /// One finding on one line: severity, requirement, rule, object, message, who and when.
    static func line(_ f: ComplianceFinding, day: CalendarDay, lang: UILanguage) -> String {
        let severity = f.severity.rawValue.uppercased().padding(toLength: 7, withPad: " ", startingAt: 0)
        let who =
            f.responsible.map { "\($0.name), \($0.roleName[lang].lowercased())" }
            ?? (lang == .sv ? "ingen utsedd" : "nobody appointed")
        let due =
            f.isOverdue(on: day)
            ? (lang == .sv ? "försenad sedan \(f.dueOn)" : "overdue since \(f.dueOn)")
            : (lang == .sv ? "senast \(f.dueOn)" : "by \(f.dueOn)")
        return "\(severity) \(f.requirement) \(f.ruleID) \(f.object.kind.label[lang]) \"\(f.object.label)\": "
            + "\(f.message[lang]) – \(who), \(due)"
    }

    /// One municipality in `--format json`.
    struct CheckDocument: Encodable {
        var tenant: String
        var scores: ComplianceScoresResponse
        var findings: [FindingResponse]

        init(tenant: String, report: ComplianceReport) {
            self.tenant = tenant
            scores = ComplianceScoresResponse(report)
            findings = report.findings.map { FindingResponse($0, today: report.day) }
        }
    }
}
