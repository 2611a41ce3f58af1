import Fluent
import Foundation
import StyrbordCore
import Vapor

/// The efterlevnad pages: the overview, the findings and "Att göra".
struct ComplianceController {
    /// How many days of daily scores the overview's trend shows.
    static let trendDays = 365

    @Sendable func overview(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let report = try await req.complianceReport(for: tenant)
        let history = try await ComplianceReports.history(
            tenant: tenant, from: report.day.advanced(byDays: -Self.trendDays), on: req.db)
        let me = req.signedIn?.account.personID
        let model = ComplianceOverviewPage.Model(
            tenantSlug: tenant.slug, day: report.day, overall: report.overall, errors: report.count(.error),
            warnings: report.count(.warning), overdue: report.findings.filter { $0.isOverdue(on: report.day) }.count,
            rules: report.rules.map {
                ComplianceOverviewPage.RuleRow(
                    id: $0.descriptor.id, title: $0.descriptor.title[req.uiLanguage],
                    summary: $0.descriptor.summary[req.uiLanguage], requirement: $0.settings.requirement,
                    severity: $0.settings.severity, score: $0.score, findingCount: $0.findingCount)
            },
            administrations: report.administrations.map {
                ComplianceOverviewPage.AdministrationRow(
                    id: $0.id, name: $0.name, score: $0.score, findingCount: $0.findingCount)
            },
            trend: history.compactMap { row in
                row.calendarDay.map {
                    ComplianceOverviewPage.TrendRow(
                        day: $0, score: row.score, errors: row.errors, warnings: row.warnings)
                }
            },
            ownFindings: me.map { id in report.findings.filter { $0.responsible?.personID == id }.count })
        return ComplianceOverviewPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }

    @Sendable func findings(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let query = try FindingQuery(req.queryItems, strict: false)
        let report = try await req.complianceReport(for: tenant)
        let context = try await req.registerContext(for: tenant)
        let lang = req.uiLanguage
        let matching = query.apply(report.findings, me: req.signedIn?.account.personID)
        let start = min(matching.count, (query.page - 1) * query.perPage)
        let end = min(matching.count, start + query.perPage)
        let rows = matching[start..<end].map {
            FindingRow($0, tenantSlug: tenant.slug, today: report.day, lang: lang)
        }
        // Who can be chosen: everyone who should act on some finding today.
        var people: [UUID: String] = [:]
        for f in report.findings { if let r = f.responsible { people[r.personID] = r.name } }
        let administrationID: UUID? = if case .unit(let id) = query.administration { id } else { nil }
        let rule = query.rule.flatMap { id in report.rules.first { $0.descriptor.id == id } }
        let model = ComplianceFindingsPage.Model(
            tenantSlug: tenant.slug, day: report.day, query: query,
            rule: rule.map { ($0.descriptor.title[lang], $0.descriptor.summary[lang], $0.settings.requirement) },
            administrationName: query.administration == FindingQuery.Administration.none
                ? (lang == .sv ? "utan ägande förvaltning" : "without an owning administration")
                : administrationID.flatMap { context.orgTree.name($0) },
            rows: rows, total: matching.count, pageCount: max(1, (matching.count + query.perPage - 1) / query.perPage),
            ruleOptions: report.rules.map { ($0.descriptor.id.rawValue, $0.descriptor.title[lang]) },
            administrationOptions: report.administrations.map {
                (
                    $0.id?.uuidString ?? "none",
                    $0.id == nil
                        ? (lang == .sv ? "Utan ägande förvaltning" : "Without an owning administration") : $0.name
                )
            },
            personOptions: people.sorted { SortKey.swedish($0.value) < SortKey.swedish($1.value) }.map {
                ($0.key.uuidString, $0.value)
            })
        return ComplianceFindingsPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }

    @Sendable func todo(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let lang = req.uiLanguage
        var model = ComplianceTodoPage.Model(
            tenantSlug: tenant.slug, day: req.dependencies.today, personName: nil, rows: [])
        if let personID = req.signedIn?.account.personID,
            let person = try await Person.scoped(to: tenant, on: req.db).filter(\.$id == personID).first()
        {
            let report = try await req.complianceReport(for: tenant)
            model.day = report.day
            model.personName = person.name
            model.rows = report.findings.filter { $0.responsible?.personID == personID }.map {
                FindingRow($0, tenantSlug: tenant.slug, today: report.day, lang: lang)
            }
        }
        return ComplianceTodoPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }
}
