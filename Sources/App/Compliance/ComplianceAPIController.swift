import Foundation
import StyrbordCore
import Vapor

/// Efterlevnad as JSON: today's findings (filtered), today's scores, and the daily scores over time.
struct ComplianceAPIController {
    @Sendable func findings(req: Request) async throws -> FindingList {
        let tenant = try await req.tenant()
        let query = try FindingQuery(req.queryItems, strict: true)
        let report = try await req.complianceReport(for: tenant)
        let matching = query.apply(report.findings, me: req.signedIn?.account.personID)
        let start = min(matching.count, (query.page - 1) * query.perPage)
        let end = min(matching.count, start + query.perPage)
        return FindingList(
            date: report.day, items: matching[start..<end].map { FindingResponse($0, today: report.day) },
            page: query.page, perPage: query.perPage, total: matching.count)
    }

    @Sendable func scores(req: Request) async throws -> ComplianceScoresResponse {
        let tenant = try await req.tenant()
        return ComplianceScoresResponse(try await req.complianceReport(for: tenant))
    }

    @Sendable func history(req: Request) async throws -> ComplianceHistoryResponse {
        let tenant = try await req.tenant()
        var issues = Validator()
        func day(_ key: String) -> CalendarDay? {
            guard let raw: String = req.query[key] else { return nil }
            guard let day = CalendarDay(iso: raw) else {
                issues.add(key, sv: "Ange datumet som ÅÅÅÅ-MM-DD.", en: "Give the date as YYYY-MM-DD.")
                return nil
            }
            return day
        }
        let from = day("from")
        let to = day("to")
        if !issues.isValid { throw InvalidQuery(issues: issues.issues) }
        // Today's score is written on the first report of the day; make sure the history includes it.
        _ = try await req.complianceReport(for: tenant)
        return ComplianceHistoryResponse(
            try await ComplianceReports.history(tenant: tenant, from: from, to: to, on: req.db))
    }
}
