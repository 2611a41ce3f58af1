import Fluent
import Foundation
import StyrbordCore
import Vapor

enum NoticeError: AppError {
    /// The signed-in account is not linked to a person of this municipality, so it has no inbox.
    case noPerson

    var status: HTTPResponseStatus { .conflict }
    var code: String { "notices.no-person" }
    var userMessage: Localized {
        Localized(
            sv: "Ditt konto är inte kopplat till en person i registret och har därför ingen inkorg.",
            en: "Your account is not linked to a person in the register, so it has no inbox.")
    }
}

/// The inbox's reads and writes, for the page and the API alike: always the signed-in person's own
/// notices in this municipality, unread first, newest first.
enum NoticeRules {
    static let what = Localized(sv: "Notisen", en: "The notice")

    /// The person whose inbox the request opens; nil when the account has none in this municipality.
    static func person(_ req: Request, _ tenant: Tenant) async throws -> Person? {
        guard let personID = req.signedIn?.account.personID else { return nil }
        return try await Person.scoped(to: tenant, on: req.db).filter(\.$id == personID).first()
    }

    static func query(
        personID: UUID, tenant: Tenant, unreadOnly: Bool, on db: any Database
    ) throws
        -> QueryBuilder<Notice>
    {
        var q = Notice.query(on: db).filter(\.$tenantID == (try tenant.requireID())).filter(\.$personID == personID)
        if unreadOnly { q = q.filter(\.$readAt == nil) }
        return q
    }

    /// One page of the inbox: unread before read, each newest first. Returns the page and the total.
    static func page(
        personID: UUID, tenant: Tenant, unreadOnly: Bool, offset: Int, limit: Int, on db: any Database
    ) async throws -> (items: [Notice], total: Int, unread: Int) {
        let total = try await query(personID: personID, tenant: tenant, unreadOnly: unreadOnly, on: db).count()
        let unread = try await query(personID: personID, tenant: tenant, unreadOnly: true, on: db).count()
        var items: [Notice] = []
        // Unread ones first (their count is known), then read ones, each newest first.
        if offset < unread {
            items = try await query(personID: personID, tenant: tenant, unreadOnly: true, on: db)
                .sort(\.$createdAt, .descending).sort(\.$id, .descending).range(offset..<(offset + limit)).all()
        }
        if !unreadOnly && items.count < limit {
            let readOffset = max(0, offset - unread)
            items += try await query(personID: personID, tenant: tenant, unreadOnly: false, on: db)
                .filter(\.$readAt != nil).sort(\.$createdAt, .descending).sort(\.$id, .descending)
                .range(readOffset..<(readOffset + limit - items.count)).all()
        }
        return (items, total, unread)
    }

    /// How many unread notices the person has: one count query, for the header of every page.
    static func unreadCount(personID: UUID, tenantID: UUID, on db: any Database) async throws -> Int {
        try await Notice.query(on: db).filter(\.$tenantID == tenantID).filter(\.$personID == personID)
            .filter(\.$readAt == nil).count()
    }

    private struct ReadState: Encodable {
        var title: String
        var readAt: Date?
    }

    /// Marks one of the person's notices read (again: no change). Another person's or an unknown id: not found.
    @discardableResult
    static func markRead(
        _ id: UUID, person: Person, tenant: Tenant, actor: AuditActor, on db: any Database
    )
        async throws -> Notice
    {
        let tenantID = try tenant.requireID()
        guard
            let notice = try await query(personID: try person.requireID(), tenant: tenant, unreadOnly: false, on: db)
                .filter(\.$id == id).first()
        else { throw CommonError.notFound(what: what) }
        guard notice.readAt == nil else { return notice }
        try await db.writeTransaction { tx in
            notice.readAt = actor.now()
            try await notice.save(on: tx)
            try await AuditLog.record(
                .update, objectType: Notice.objectType, objectID: try notice.requireID(),
                label: "Notis till \(person.name): \(notice.title)", tenantID: tenantID,
                before: ReadState(title: notice.title, readAt: nil),
                after: ReadState(title: notice.title, readAt: notice.readAt), message: "Notisen lästes", actor: actor,
                on: tx)
        }
        return notice
    }

    /// Marks all of the person's unread notices read; returns how many.
    @discardableResult
    static func markAllRead(
        person: Person, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws
        -> Int
    {
        let tenantID = try tenant.requireID()
        let personID = try person.requireID()
        return try await db.writeTransaction { tx in
            let unread = try await query(personID: personID, tenant: tenant, unreadOnly: true, on: tx).count()
            guard unread > 0 else { return 0 }
            let now = actor.now()
            try await query(personID: personID, tenant: tenant, unreadOnly: true, on: tx).set(\.$readAt, to: now)
                .update()
            struct Summary: Encodable { var unread: Int }
            try await AuditLog.record(
                .update, objectType: Notice.objectType, objectID: personID, label: "Inkorg: \(person.name)",
                tenantID: tenantID, before: Summary(unread: unread), after: Summary(unread: 0),
                message: "\(unread) notiser markerades som lästa", actor: actor, on: tx)
            return unread
        }
    }
}

extension Request {
    private struct UnreadNoticesKey: StorageKey { typealias Value = Int }

    /// The signed-in person's unread notices, counted by `UnreadNoticesMiddleware` for pages.
    var unreadNotices: Int? {
        get { storage[UnreadNoticesKey.self] }
        set { storage[UnreadNoticesKey.self] = newValue }
    }
}

/// Counts the signed-in person's unread notices for the page header: one count query, only for page reads
/// of an account linked to a person.
struct UnreadNoticesMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .GET, request.url.path.hasPrefix("/t/"), let account = request.signedIn?.account,
            let personID = account.personID, let tenantID = account.tenantID
        {
            request.unreadNotices = try await NoticeRules.unreadCount(
                personID: personID, tenantID: tenantID, on: request.db)
        }
        return try await next.respond(to: request)
    }
}
