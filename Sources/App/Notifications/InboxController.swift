import Fluent
import Foundation
import StyrbordCore
import Vapor

/// The inbox page and its forms.
struct InboxController {
    static let perPage = 25

    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        guard let person = try await NoticeRules.person(req, tenant) else {
            return InboxPage(model: .init(tenantSlug: tenant.slug, hasPerson: false), ctx: ctx).render()
        }
        let query = ListQuery(req.queryItems, perPage: Self.perPage)
        let page = try await NoticeRules.page(
            personID: try person.requireID(), tenant: tenant, unreadOnly: false, offset: query.offset,
            limit: Self.perPage, on: req.db)
        let model = InboxPage.Model(
            tenantSlug: tenant.slug, hasPerson: true,
            rows: page.items.map { n in
                InboxPage.Row(
                    id: n.id!, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt,
                    isRead: n.readAt != nil)
            }, unread: page.unread, page: query.page, pageCount: query.pageCount(total: page.total))
        return InboxPage(model: model, ctx: ctx).render()
    }

    @Sendable func markRead(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        // An id that is not one is not found, like an unknown one.
        guard let id = req.parameters.get("noticeID").flatMap(UUID.init(uuidString:)) else {
            throw CommonError.notFound(what: NoticeRules.what)
        }
        guard let person = try await NoticeRules.person(req, tenant) else {
            throw CommonError.notFound(what: NoticeRules.what)
        }
        try await NoticeRules.markRead(id, person: person, tenant: tenant, actor: .from(req), on: req.db)
        return req.redirect(to: NoticeRoutes.inbox(tenant.slug), flash: .noticeRead)
    }

    @Sendable func readAll(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        guard let person = try await NoticeRules.person(req, tenant) else { throw NoticeError.noPerson }
        try await NoticeRules.markAllRead(person: person, tenant: tenant, actor: .from(req), on: req.db)
        return req.redirect(to: NoticeRoutes.inbox(tenant.slug), flash: .noticesRead)
    }
}
