import Fluent
import Foundation
import StyrbordCore

/// The one way any area reaches people: `post` writes a notice into each recipient's inbox inside the
/// caller's transaction, so a notice exists exactly when the change that caused it does. The e-mail
/// copy is marked pending and sent after commit by the mail delivery (see `NoticeMail`).
enum Notifier {
    /// What to tell, before it is addressed to anybody.
    struct Message: Sendable, Hashable {
        var kind: String
        var title: String
        var body: String
        var link: String = ""
        var subjectType: String = ""
        var subjectID: UUID? = nil
    }

    /// Posts the message to each person (once each, inactive people skipped) and returns the notices.
    /// A person without an e-mail address gets the inbox notice only.
    @discardableResult
    static func post(
        _ message: Message, to people: [UUID], tenantID: UUID, actor: AuditActor, on db: any Database
    ) async throws -> [Notice] {
        let ids = Array(Set(people))
        guard !ids.isEmpty else { return [] }
        let recipients = try await Person.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id ~~ ids)
            .filter(\.$isActive == true).all()
        var notices: [Notice] = []
        for person in recipients.sorted(by: { $0.sortKey < $1.sortKey }) {
            let notice = Notice()
            notice.id = actor.uuid()
            notice.tenantID = tenantID
            notice.personID = try person.requireID()
            notice.kind = message.kind
            notice.title = String(message.title.prefix(300))
            notice.body = message.body
            notice.link = message.link
            notice.subjectType = message.subjectType
            notice.subjectID = message.subjectID
            notice.createdAt = actor.now()
            notice.emailState = person.email.contains("@") ? .pending : .none
            notice.emailAttempts = 0
            try await notice.create(on: db)
            notices.append(notice)
        }
        return notices
    }

    /// Marks a person's notice read; false when it is not theirs.
    static func markRead(
        _ id: UUID, personID: UUID, tenantID: UUID, now: Date, on db: any Database
    ) async throws
        -> Bool
    {
        guard
            let notice = try await Notice.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id == id)
                .filter(\.$personID == personID).first()
        else { return false }
        if notice.readAt == nil {
            notice.readAt = now
            try await notice.save(on: db)
        }
        return true
    }

    /// A person's notices, newest first.
    static func inbox(
        personID: UUID, tenantID: UUID, unreadOnly: Bool = false, limit: Int = 200, on db: any Database
    )
        async throws -> [Notice]
    {
        var query = Notice.query(on: db).filter(\.$tenantID == tenantID).filter(\.$personID == personID)
        if unreadOnly { query = query.filter(\.$readAt == nil) }
        return try await query.sort(\.$createdAt, .descending).limit(limit).all()
    }
}
