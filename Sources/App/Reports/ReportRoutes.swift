import Foundation
import Vapor

/// URLs of reports.
enum ReportRoutes {
    static func roleDistribution(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "reports", "role-distribution"), query: query)
    }
    static func roleDistributionCSV(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "reports", "role-distribution.csv"), query: query)
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let reports = ReportsController()
        html.get("reports", "role-distribution", use: reports.page).access(.tenant(.read))
        html.get("reports", "role-distribution.csv", use: reports.csv).access(.tenant(.read))
        api.get("reports", "role-distribution", use: reports.api).access(.tenant(.read))
    }
}
