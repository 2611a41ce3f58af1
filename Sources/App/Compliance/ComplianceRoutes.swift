import Foundation
import Vapor

/// URLs of efterlevnad: the overview, the findings, one's own "Att göra", and the API. Everyone in the
/// municipality reads them: governance is followed in the open.
enum ComplianceRoutes {
    static func overview(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "efterlevnad") }
    static func findings(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "efterlevnad", "avvikelser"), query: query)
    }
    static func todo(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "att-gora"), query: query)
    }

    static func apiFindings(_ tenant: String) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "compliance", "findings")
    }
    static func apiScores(_ tenant: String) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "compliance", "scores")
    }
    static func apiHistory(_ tenant: String) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "compliance", "history")
    }

    /// - Parameters:
    ///   - html: routes under `/t/:tenant`
    ///   - api: routes under `/api/v1/tenants/:tenant`
    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = ComplianceController()
        html.get("efterlevnad", use: pages.overview).access(.tenant(.read))
        html.get("efterlevnad", "avvikelser", use: pages.findings).access(.tenant(.read))
        html.get("att-gora", use: pages.todo).access(.tenant(.read))
        let json = ComplianceAPIController()
        let compliance = api.grouped("compliance")
        compliance.get("findings", use: json.findings).access(.tenant(.read))
        compliance.get("scores", use: json.scores).access(.tenant(.read))
        compliance.get("history", use: json.history).access(.tenant(.read))
    }
}
