import Foundation
import Vapor

/// The governance profile's pages and API: everyone in the municipality reads, the administrator uploads.
enum ProfileRoutes {
    static func show(_ tenant: String, version: Int? = nil) -> String {
        URLBuilder.path(
            URLBuilder.segments("t", tenant, "profile"), query: [("version", version.map(String.init) ?? "")])
    }
    static func versions(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "profile", "versions") }
    static func compare(_ tenant: String, from: Int? = nil, to: Int? = nil) -> String {
        URLBuilder.path(
            URLBuilder.segments("t", tenant, "profile", "compare"),
            query: [("from", from.map(String.init) ?? ""), ("to", to.map(String.init) ?? "")])
    }
    static func source(_ tenant: String, version: Int) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "profile", "source"), query: [("version", String(version))])
    }
    static func apiCurrent(_ tenant: String) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "profile")
    }
    static func apiVersions(_ tenant: String) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "profile", "versions")
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = ProfilesController()
        html.get("profile", use: pages.show).access(.tenant(.read))
        html.get("profile", "versions", use: pages.versions).access(.tenant(.read))
        html.on(.POST, "profile", "versions", body: .collect(maxSize: "2mb"), use: pages.upload)
            .access(.tenant(.administer))
        html.get("profile", "compare", use: pages.compare).access(.tenant(.read))
        html.get("profile", "source", use: pages.source).access(.tenant(.read))
        let json = ProfilesAPIController()
        api.get("profile", use: json.current).access(.tenant(.read))
        api.get("profile", "versions", use: json.versions).access(.tenant(.read))
        api.on(.POST, "profile", "versions", body: .collect(maxSize: "2mb"), use: json.upload)
            .access(.tenant(.administer))
    }
}
