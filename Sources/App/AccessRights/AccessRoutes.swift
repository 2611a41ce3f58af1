import Foundation
import StyrbordCore
import Vapor

/// URLs of the access-rights pages and API (T9, L8, F5). Everyone in the municipality reads them and may
/// request access (the rules then check: for themselves, as the person's manager, or as the system's
/// people); the role the profile names (`access.decided_by`, `access.reviewed_by`; the systemägare by
/// default) decides, registers, removes and reviews; only the person confirms the security rules.
enum AccessRoutes {
    static func index(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "access") }
    static func system(_ tenant: String, _ systemID: UUID) -> String {
        URLBuilder.segments("t", tenant, "systems", systemID.uuidString, "access")
    }
    static func requests(_ tenant: String, _ systemID: UUID) -> String {
        URLBuilder.segments("t", tenant, "systems", systemID.uuidString, "access", "requests")
    }
    static func grants(_ tenant: String, _ systemID: UUID) -> String {
        URLBuilder.segments("t", tenant, "systems", systemID.uuidString, "access", "grants")
    }
    static func reviews(_ tenant: String, _ systemID: UUID) -> String {
        URLBuilder.segments("t", tenant, "systems", systemID.uuidString, "access", "reviews")
    }
    static func decision(_ tenant: String, _ requestID: UUID) -> String {
        URLBuilder.segments("t", tenant, "access-requests", requestID.uuidString, "decision")
    }
    static func removal(_ tenant: String, _ grantID: UUID) -> String {
        URLBuilder.segments("t", tenant, "access-grants", grantID.uuidString, "removal")
    }
    static func review(_ tenant: String, _ reviewID: UUID) -> String {
        URLBuilder.segments("t", tenant, "access-reviews", reviewID.uuidString)
    }
    static func reviewItem(_ tenant: String, _ reviewID: UUID, _ itemID: UUID) -> String {
        URLBuilder.segments("t", tenant, "access-reviews", reviewID.uuidString, "items", itemID.uuidString)
    }
    static func completeReview(_ tenant: String, _ reviewID: UUID) -> String {
        URLBuilder.segments("t", tenant, "access-reviews", reviewID.uuidString, "complete")
    }
    static func confirmSecurityRules(_ tenant: String, _ personID: UUID) -> String {
        URLBuilder.segments("t", tenant, "people", personID.uuidString, "security-rules")
    }
    static func apiGrant(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "access-grants", id.uuidString)
    }
    static func apiRequest(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "access-requests", id.uuidString)
    }
    static func apiReview(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "access-reviews", id.uuidString)
    }

    static let what = Localized(sv: "Behörigheter", en: "Access rights")

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = AccessRightsController()
        let decideOnSystem = RouteAccess.tenant(.decideAccess(systemParam: "systemID"))
        let decideRequest = RouteAccess.tenant(.decideAccessRequest(param: "requestID"))
        let changeGrant = RouteAccess.tenant(.changeAccessGrant(param: "grantID"))
        let reviewSystem = RouteAccess.tenant(.reviewAccess(systemParam: "systemID"))
        let runReview = RouteAccess.tenant(.runAccessReview(param: "reviewID"))
        let confirm = RouteAccess.tenant(.confirmSecurityRules(param: "personID"))

        html.get("access", use: pages.index).access(.tenant(.read))
        let system = html.grouped("systems", ":systemID", "access")
        system.get(use: pages.system).access(.tenant(.read))
        // Anyone may ask; the rules check for whom (themselves, as manager, or as the system's people).
        system.post("requests", use: pages.createRequest).access(.tenant(.submit))
        system.post("grants", use: pages.registerGrant).access(decideOnSystem)
        system.on(.POST, "reviews", body: .collect(maxSize: "2mb"), use: pages.startReview).access(reviewSystem)
        html.post("access-requests", ":requestID", "decision", use: pages.decide).access(decideRequest)
        html.post("access-grants", ":grantID", "removal", use: pages.removeGrant).access(changeGrant)
        let reviews = html.grouped("access-reviews", ":reviewID")
        reviews.get(use: pages.review).access(.tenant(.read))
        reviews.post("items", ":reviewItemID", use: pages.reviewItem).access(runReview)
        reviews.post("complete", use: pages.completeReview).access(runReview)
        html.post("people", ":personID", "security-rules", use: pages.confirmSecurityRules).access(confirm)

        let json = AccessRightsAPIController()
        api.get("access", "leavers", use: json.leavers).access(.tenant(.read))
        let apiSystem = api.grouped("systems", ":systemID")
        apiSystem.get("access-requests", use: json.requests).access(.tenant(.read))
        apiSystem.post("access-requests", use: json.createRequest).access(.tenant(.submit))
        apiSystem.get("access-grants", use: json.grants).access(.tenant(.read))
        apiSystem.post("access-grants", use: json.registerGrant).access(decideOnSystem)
        apiSystem.get("access-reviews", use: json.reviews).access(.tenant(.read))
        apiSystem.on(.POST, "access-reviews", body: .collect(maxSize: "4mb"), use: json.startReview).access(
            reviewSystem)
        api.post("access-requests", ":requestID", "decision", use: json.decide).access(decideRequest)
        api.get("access-grants", ":grantID", use: json.grant).access(.tenant(.read))
        api.post("access-grants", ":grantID", "removal", use: json.removeGrant).access(changeGrant)
        api.get("access-reviews", ":reviewID", use: json.review).access(.tenant(.read))
        api.put("access-reviews", ":reviewID", "items", ":reviewItemID", use: json.reviewItem).access(runReview)
        api.post("access-reviews", ":reviewID", "completion", use: json.completeReview).access(runReview)
        api.post("people", ":personID", "security-rules-confirmation", use: json.confirmSecurityRules).access(confirm)
    }
}
