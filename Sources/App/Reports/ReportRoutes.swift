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
}
