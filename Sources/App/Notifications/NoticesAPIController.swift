import Fluent
import Foundation
import StyrbordCore
import Vapor

/// JSON endpoints of the signed-in person's inbox.
struct NoticesAPIController {
    @Sendable func index(req: Request) async throws -> NoticeListResponse {
        let tenant = try await req.tenant()
        let items = req.queryItems
        var issues = ListQuery.emptyParameters(items, among: ["unread"])
        var unreadOnly = false
        for (key, value) in items where key == "unread" && !value.isEmpty {
            switch value {
            case "true": unreadOnly = true
            case "false": unreadOnly = false
            default:
                issues.append(
                    ValidationIssue(
                        field: "unread", message: Localized(sv: "Ange true eller false.", en: "Give true or false.")))
            }
        }
        if !issues.isEmpty { throw InvalidQuery(issues: issues) }
        let query = try ListQuery.strict(items)
        let person = try await person(req, tenant)
        let page = try await NoticeRules.page(
            personID: try person.requireID(), tenant: tenant, unreadOnly: unreadOnly, offset: query.offset,
            limit: query.perPage, on: req.db)
        return NoticeListResponse(
            items: page.items.map(NoticeResponse.init), page: query.page, perPage: query.perPage, total: page.total,
            unread: page.unread)
    }

    @Sendable func markRead(req: Request) async throws -> NoticeResponse {
        let tenant = try await req.tenant()
        // An id that is not one is not found, like an unknown one.
        guard let id = req.parameters.get("noticeID").flatMap(UUID.init(uuidString:)) else {
            throw CommonError.notFound(what: NoticeRules.what)
        }
        guard let person = try await NoticeRules.person(req, tenant) else {
            // Nobody's notice is this account's.
            throw CommonError.notFound(what: NoticeRules.what)
        }
        return NoticeResponse(
            try await NoticeRules.markRead(id, person: person, tenant: tenant, actor: .from(req), on: req.db))
    }

    @Sendable func readAll(req: Request) async throws -> ReadAllResponse {
        let tenant = try await req.tenant()
        let person = try await person(req, tenant)
        let marked = try await NoticeRules.markAllRead(person: person, tenant: tenant, actor: .from(req), on: req.db)
        return ReadAllResponse(marked: marked, unread: 0)
    }

    private func person(_ req: Request, _ tenant: Tenant) async throws -> Person {
        guard let person = try await NoticeRules.person(req, tenant) else { throw NoticeError.noPerson }
        return person
    }
}
