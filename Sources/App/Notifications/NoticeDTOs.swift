import Foundation
import Vapor

/// One notice of the signed-in person's inbox.
struct NoticeResponse: Content {
    var id: UUID
    var kind: String
    var title: String
    var body: String
    /// A path inside the municipality, or "".
    var link: String
    var subjectType: String
    var subjectId: UUID?
    var createdAt: Date
    var readAt: Date?
    var isRead: Bool
    /// pending, sent, failed or none (inbox only).
    var emailState: String

    init(_ n: Notice) {
        id = n.id!
        kind = n.kind
        title = n.title
        body = n.body
        link = n.link
        subjectType = n.subjectType
        subjectId = n.subjectID
        createdAt = n.createdAt
        readAt = n.readAt
        isRead = n.readAt != nil
        emailState = n.emailState.rawValue
    }
}

/// A page of the inbox, with how many are unread in all.
struct NoticeListResponse: Content {
    var items: [NoticeResponse]
    var page: Int
    var perPage: Int
    var total: Int
    var unread: Int
}

struct ReadAllResponse: Content {
    /// How many notices this marked read.
    var marked: Int
    var unread: Int
}
