import Foundation
import StyrbordCore
import Vapor

/// URLs of the forum and meeting pages, the API and the calendar feeds. Everyone in the municipality
/// reads; a forum's chair and convener and the administrator run its meetings; a feed's secret address
/// needs no sign-in (the secret is the credential).
enum ForumRoutes {
    static let what = Localized(sv: "Forumet", en: "The forum")

    static func index(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "forums") }
    static func show(_ tenant: String, _ key: String) -> String { URLBuilder.segments("t", tenant, "forums", key) }
    static func newMeeting(_ tenant: String, _ key: String) -> String {
        URLBuilder.segments("t", tenant, "forums", key, "meetings", "new")
    }
    static func meetings(_ tenant: String, _ key: String) -> String {
        URLBuilder.segments("t", tenant, "forums", key, "meetings")
    }
    static func forumFeed(_ tenant: String, _ key: String) -> String {
        URLBuilder.segments("t", tenant, "forums", key, "calendar-feed")
    }
    static func personalFeed(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "calendar-feed") }
    static func meeting(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "meetings", id.uuidString)
    }
    static func editMeeting(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "meetings", id.uuidString, "edit")
    }
    static func items(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "meetings", id.uuidString, "items")
    }
    static func minutes(_ tenant: String, _ id: UUID, _ item: UUID) -> String {
        URLBuilder.segments("t", tenant, "meetings", id.uuidString, "items", item.uuidString, "minutes")
    }
    static func decision(_ tenant: String, _ id: UUID, _ item: UUID) -> String {
        URLBuilder.segments("t", tenant, "meetings", id.uuidString, "items", item.uuidString, "decision")
    }
    static func cancel(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "meetings", id.uuidString, "cancel")
    }
    static func removeItem(_ tenant: String, _ id: UUID, _ item: UUID) -> String {
        URLBuilder.segments("t", tenant, "meetings", id.uuidString, "items", item.uuidString, "delete")
    }
    static func attendance(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "meetings", id.uuidString, "attendance")
    }
    static func approve(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "meetings", id.uuidString, "approve")
    }
    /// The feed's secret address (the secret ends in `.ics` so calendar programs know the format).
    static func feed(_ tenant: String, secret: String) -> String {
        URLBuilder.segments("t", tenant, "calendar", secret + ".ics")
    }
    static func apiMeeting(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "meetings", id.uuidString)
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = ForumsController()
        let forum = RouteAccess.tenant(.runForum(param: "forumKey"))
        let meeting = RouteAccess.tenant(.runMeeting(param: "meetingID"))
        html.get("forums", use: pages.index).access(.tenant(.read))
        html.get("forums", ":forumKey", use: pages.show).access(.tenant(.read))
        html.get("forums", ":forumKey", "meetings", "new", use: pages.new).access(forum)
        html.post("forums", ":forumKey", "meetings", use: pages.create).access(forum)
        html.post("forums", ":forumKey", "calendar-feed", use: pages.renewForumFeed).access(forum)
        html.post("calendar-feed", use: pages.renewPersonalFeed).access(.tenant(.submit))
        html.get("meetings", ":meetingID", use: pages.meeting).access(.tenant(.read))
        html.get("meetings", ":meetingID", "edit", use: pages.edit).access(meeting)
        html.post("meetings", ":meetingID", "edit", use: pages.update).access(meeting)
        html.post("meetings", ":meetingID", "items", use: pages.addItem).access(meeting)
        html.post("meetings", ":meetingID", "items", ":itemID", "minutes", use: pages.recordMinutes).access(meeting)
        html.post("meetings", ":meetingID", "items", ":itemID", "decision", use: pages.recordDecision).access(meeting)
        html.post("meetings", ":meetingID", "items", ":itemID", "delete", use: pages.removeItem).access(meeting)
        html.post("meetings", ":meetingID", "cancel", use: pages.cancel).access(meeting)
        html.post("meetings", ":meetingID", "attendance", use: pages.saveAttendance).access(meeting)
        html.post("meetings", ":meetingID", "approve", use: pages.approve).access(meeting)
        // The secret is the credential: no sign-in, and a wrong or renewed secret is simply not found.
        html.get("calendar", ":feedSecret", use: CalendarFeedController().feed).access(.open)

        let json = ForumsAPIController()
        api.get("forums", use: json.forums).access(.tenant(.read))
        api.get("forums", ":forumKey", use: json.forum).access(.tenant(.read))
        api.post("forums", ":forumKey", "calendar-feed", use: json.renewForumFeed).access(forum)
        api.post("calendar-feed", use: json.renewPersonalFeed).access(.tenant(.submit))
        api.get("meetings", use: json.meetings).access(.tenant(.read))
        api.post("meetings", use: json.create).access(.tenant(.runSomeForum))
        api.get("meetings", ":meetingID", use: json.show).access(.tenant(.read))
        api.put("meetings", ":meetingID", use: json.update).access(meeting)
        api.post("meetings", ":meetingID", "items", use: json.addItem).access(meeting)
        api.delete("meetings", ":meetingID", "items", ":itemID", use: json.removeItem).access(meeting)
        api.put("meetings", ":meetingID", "items", ":itemID", "minutes", use: json.recordMinutes).access(meeting)
        api.put("meetings", ":meetingID", "items", ":itemID", "decision", use: json.recordDecision).access(meeting)
        api.put("meetings", ":meetingID", "attendance", use: json.saveAttendance).access(meeting)
        api.post("meetings", ":meetingID", "cancel", use: json.cancel).access(meeting)
        api.post("meetings", ":meetingID", "approve", use: json.approve).access(meeting)
    }
}
