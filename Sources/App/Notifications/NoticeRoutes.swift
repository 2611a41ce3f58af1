import Foundation
import Vapor

/// URLs of the signed-in person's inbox, page and API. Everyone in the municipality has one, through the
/// person their account is linked to; nobody reads or marks another person's notices.
enum NoticeRoutes {
    static func inbox(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "inbox"), query: query)
    }
    static func markRead(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "inbox", id.uuidString, "read")
    }
    static func readAll(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "inbox", "read-all") }
    static func apiIndex(_ tenant: String) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "me", "notices")
    }
    static func apiMarkRead(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "me", "notices", id.uuidString, "read")
    }
    static func apiReadAll(_ tenant: String) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "me", "notices", "read-all")
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = InboxController()
        let group = html.grouped("inbox")
        group.get(use: pages.index).access(.tenant(.read))
        // Marking read changes only the person's own notices: whoever may write at all may do it.
        group.post("read-all", use: pages.readAll).access(.tenant(.submit))
        group.post(":noticeID", "read", use: pages.markRead).access(.tenant(.submit))

        let json = NoticesAPIController()
        let apiGroup = api.grouped("me", "notices")
        apiGroup.get(use: json.index).access(.tenant(.read))
        apiGroup.post("read-all", use: json.readAll).access(.tenant(.submit))
        apiGroup.post(":noticeID", "read", use: json.markRead).access(.tenant(.submit))
    }
}
