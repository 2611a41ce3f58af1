import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Checks and writes for integrations.
enum IntegrationRules {
    static let objectType = Integration.objectType

    static func validated(
        _ draft: IntegrationDraft, tenant: Tenant, on db: any Database
    ) async throws -> IntegrationDraft {
        var (d, issues) = draft.checked()
        let known = try await SystemRules.existing(
            ITSystem.self, Set([d.sourceSystemId] + [d.targetSystemId].compactMap { $0 }), tenant: tenant, db: db)
        if !known.contains(d.sourceSystemId) {
            issues.append(
                ValidationIssue(
                    field: "sourceSystemId",
                    message: Localized(sv: "Källsystemet finns inte.", en: "The source system does not exist.")))
        }
        if let target = d.targetSystemId, !known.contains(target) {
            issues.append(
                ValidationIssue(
                    field: "targetSystemId",
                    message: Localized(sv: "Målsystemet finns inte.", en: "The target system does not exist.")))
        }
        try RecordStore.check(issues)
        return d
    }

    /// "Procapita → Raindance: Leverantörsfakturor", the line history shows.
    static func label(_ d: IntegrationDraft, tenant: Tenant, on db: any Database) async throws -> String {
        let ids = [d.sourceSystemId] + [d.targetSystemId].compactMap { $0 }
        let systems = try await ITSystem.scoped(to: tenant, on: db).filter(\.$id ~~ ids).field(\.$id).field(\.$name)
            .all()
        let names = Dictionary(uniqueKeysWithValues: systems.map { ($0.id!, $0.name) })
        let target = d.targetSystemId.flatMap { names[$0] } ?? d.externalParty
        return "\(names[d.sourceSystemId] ?? "?") → \(target)" + (d.information.isEmpty ? "" : ": \(d.information)")
    }

    static func create(
        _ draft: IntegrationDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> Integration {
        let d = try await validated(draft, tenant: tenant, on: db)
        try await actor.access?.editSystems(anyOf: [d.sourceSystemId, d.targetSystemId], tenant: tenant)
        return try await RecordStore.create(
            Integration.self, d, tenant: tenant, actor: actor, label: try await label(d, tenant: tenant, on: db), on: db
        )
    }

    static func update(
        _ integration: Integration, with draft: IntegrationDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> Integration {
        let d = try await validated(draft, tenant: tenant, on: db)
        if d.sourceSystemId != integration.sourceSystemID || d.targetSystemId != integration.targetSystemID {
            try await actor.access?.editSystems(anyOf: [d.sourceSystemId, d.targetSystemId], tenant: tenant)
        }
        return try await RecordStore.update(
            integration, with: d, actor: actor, label: try await label(d, tenant: tenant, on: db), on: db)
    }

    static func delete(
        _ integration: Integration, tenant: Tenant, actor: AuditActor, message: String?, on db: any Database
    ) async throws {
        try await RecordStore.delete(
            integration, actor: actor, message: message,
            label: try await label(integration.draft, tenant: tenant, on: db), on: db)
    }
}

/// An integration as the API returns it.
typealias IntegrationResponse = RecordResponse<IntegrationDraft>

/// JSON endpoints for integrations.
struct IntegrationsAPIController {
    @Sendable func index(req: Request) async throws -> ListResponse<IntegrationResponse> {
        let tenant = try await req.tenant()
        let paging = try ListQuery.strict(req.queryItems)
        var query = try Integration.scoped(to: tenant, on: req.db)
        // An empty value is refused like any other it can't read: "?systemId=" must not list everything.
        if let raw: String = req.query["systemId"] {
            guard let id = UUID(uuidString: raw) else {
                throw InvalidQuery(issues: [
                    ValidationIssue(
                        field: "systemId", message: Localized(sv: "Ange ett id (UUID).", en: "Give an id (UUID)."))
                ])
            }
            query = query.group(.or) { $0.filter(\.$sourceSystemID == id).filter(\.$targetSystemID == id) }
        }
        if let raw: String = req.query["kind"] {
            guard let kind = IntegrationKind(rawValue: raw) else {
                throw InvalidQuery(issues: [
                    ValidationIssue(field: "kind", message: Localized(sv: "Okänd typ.", en: "Unknown kind."))
                ])
            }
            query = query.filter(\.$kind == kind)
        }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$createdAt).sort(\.$id).range(
            paging.offset..<(paging.offset + paging.perPage)
        ).all()
        return ListResponse(
            items: try items.map(IntegrationResponse.init), page: paging.page, perPage: paging.perPage, total: total)
    }

    @Sendable func show(req: Request) async throws -> IntegrationResponse {
        try IntegrationResponse(try await load(req).1)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let integration = try await IntegrationRules.create(
            try req.jsonBody(IntegrationDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let response = try await IntegrationResponse(integration).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(
            name: .location, value: IntegrationRoutes.apiShow(tenant.slug, try integration.requireID()))
        return response
    }

    @Sendable func update(req: Request) async throws -> IntegrationResponse {
        let (tenant, integration) = try await load(req)
        return try IntegrationResponse(
            try await IntegrationRules.update(
                integration, with: try req.jsonBody(IntegrationDraft.self),
                tenant: tenant, actor: .from(req), on: req.db))
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        let (tenant, integration) = try await load(req)
        try await IntegrationRules.delete(integration, tenant: tenant, actor: .from(req), message: nil, on: req.db)
        return .noContent
    }

    private func load(_ req: Request) async throws -> (Tenant, Integration) {
        let tenant = try await req.tenant()
        return (
            tenant,
            try await Integration.find(
                try req.parameters.require("integrationID", as: UUID.self), in: tenant, on: req.db,
                what: Integration.what)
        )
    }
}
