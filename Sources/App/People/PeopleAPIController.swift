import Fluent
import Foundation
import StyrbordCore
import Vapor

/// JSON endpoints for people.
struct PeopleAPIController {
    /// People sorted by name, searched over name, e-mail and title, filtered by `status` (default active).
    @Sendable func index(req: Request) async throws -> ListResponse<PersonResponse> {
        let tenant = try await req.tenant()
        let items = req.queryItems
        let query = try ListQuery.strict(items)
        let raw = items.first { $0.0 == "status" }?.1
        let status: PersonStatusFilter? = if let raw { PersonStatusFilter(rawValue: raw) } else { .active }
        guard let status else {
            throw InvalidQuery(issues: [
                ValidationIssue(
                    field: "status",
                    message: Localized(
                        sv: "Ange active, left eller all.", en: "Use active, left or all."))
            ])
        }
        let all = try await PeopleController.matching(query.text, status: status, tenant: tenant, on: req.db)
        let page = all.dropFirst(query.offset).prefix(query.perPage)
        return ListResponse(
            items: try page.map(PersonResponse.init), page: query.page, perPage: query.perPage, total: all.count)
    }

    @Sendable func show(req: Request) async throws -> PersonResponse {
        try PersonResponse(try await load(req))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let person = try await PersonRules.create(
            try req.jsonBody(PersonDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let response = try await PersonResponse(person).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: PersonRoutes.apiShow(tenant.slug, try person.requireID()))
        return response
    }

    /// Replaces the whole person with the body.
    @Sendable func update(req: Request) async throws -> PersonResponse {
        let person = try await load(req)
        let draft = try req.jsonBody(PersonDraft.self)
        return try PersonResponse(
            try await PersonRules.update(
                person, with: draft, tenant: try await req.tenant(), actor: .from(req), on: req.db))
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        try await PersonRules.delete(try await load(req), actor: .from(req), message: nil, lang: .en, on: req.db)
        return .noContent
    }

    private func load(_ req: Request) async throws -> Person {
        try await Person.find(
            try req.parameters.require("personID", as: UUID.self), in: try await req.tenant(), on: req.db,
            what: Person.what)
    }
}
