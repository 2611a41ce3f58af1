import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Checks and writes for contracts.
enum ContractRules {
    static let objectType = Contract.objectType

    static func validated(_ draft: ContractDraft, tenant: Tenant, on db: any Database) async throws -> ContractDraft {
        var (d, issues) = draft.checked()
        if try await SystemRules.existing(ITSystem.self, [d.systemId], tenant: tenant, db: db).isEmpty {
            issues.append(
                ValidationIssue(
                    field: "systemId", message: Localized(sv: "Systemet finns inte.", en: "The system does not exist."))
            )
        }
        if let supplier = d.supplierId,
            try await SystemRules.existing(Supplier.self, [supplier], tenant: tenant, db: db).isEmpty
        {
            issues.append(
                ValidationIssue(
                    field: "supplierId",
                    message: Localized(sv: "Leverantören finns inte.", en: "The supplier does not exist.")))
        }
        try RecordStore.check(issues)
        return d
    }

    static func create(
        _ draft: ContractDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> Contract {
        let d = try await validated(draft, tenant: tenant, on: db)
        try await actor.access?.editSystems(anyOf: [d.systemId], tenant: tenant)
        return try await RecordStore.create(Contract.self, d, tenant: tenant, actor: actor, on: db)
    }

    static func update(
        _ contract: Contract, with draft: ContractDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> Contract {
        let d = try await validated(draft, tenant: tenant, on: db)
        // Moving a contract to another system needs the right to change that system too.
        if d.systemId != contract.systemID { try await actor.access?.editSystems(anyOf: [d.systemId], tenant: tenant) }
        return try await RecordStore.update(contract, with: d, actor: actor, on: db)
    }
}

/// A contract as the API returns it, with the derived last day to give notice.
struct ContractResponse: Content {
    var id: UUID
    var draft: ContractDraft
    var noticeDeadline: CalendarDay?
    var createdAt: Date
    var updatedAt: Date

    init(_ c: Contract) throws {
        id = try c.requireID()
        draft = c.draft
        noticeDeadline = draft.noticeDeadline
        createdAt = c.createdAt
        updatedAt = c.updatedAt
    }

    enum CodingKeys: String, CodingKey { case id, noticeDeadline, createdAt, updatedAt }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(noticeDeadline, forKey: .noticeDeadline)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try draft.encode(to: encoder)
    }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        noticeDeadline = try c.decodeIfPresent(CalendarDay.self, forKey: .noticeDeadline)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        draft = try ContractDraft(from: decoder)
    }
}

/// JSON endpoints for contracts.
struct ContractsAPIController {
    @Sendable func index(req: Request) async throws -> ListResponse<ContractResponse> {
        let tenant = try await req.tenant()
        let paging = try ListQuery.strict(req.queryItems)
        var query = try Contract.scoped(to: tenant, on: req.db)
        // An empty value is refused like any other it can't read: "?systemId=" must not list everything.
        for (name, raw) in req.queryItems where ["systemId", "supplierId"].contains(name) {
            guard let id = UUID(uuidString: raw) else {
                throw InvalidQuery(issues: [
                    ValidationIssue(
                        field: name, message: Localized(sv: "Ange ett id (UUID).", en: "Give an id (UUID)."))
                ])
            }
            query = name == "systemId" ? query.filter(\.$systemID == id) : query.filter(\.$supplierID == id)
        }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$endsOn).sort(\.$id).range(paging.offset..<(paging.offset + paging.perPage))
            .all()
        return ListResponse(
            items: try items.map(ContractResponse.init), page: paging.page, perPage: paging.perPage, total: total)
    }

    @Sendable func show(req: Request) async throws -> ContractResponse { try ContractResponse(try await load(req).1) }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let contract = try await ContractRules.create(
            try req.jsonBody(ContractDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let response = try await ContractResponse(contract).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(
            name: .location, value: ContractRoutes.apiShow(tenant.slug, try contract.requireID()))
        return response
    }

    @Sendable func update(req: Request) async throws -> ContractResponse {
        let (tenant, contract) = try await load(req)
        return try ContractResponse(
            try await ContractRules.update(
                contract, with: try req.jsonBody(ContractDraft.self), tenant: tenant, actor: .from(req), on: req.db))
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        let (_, contract) = try await load(req)
        try await RecordStore.delete(contract, actor: .from(req), on: req.db)
        return .noContent
    }

    private func load(_ req: Request) async throws -> (Tenant, Contract) {
        let tenant = try await req.tenant()
        return (
            tenant,
            try await Contract.find(
                try req.parameters.require("contractID", as: UUID.self), in: tenant, on: req.db, what: Contract.what)
        )
    }
}
