import Fluent
import Foundation
import StyrbordCore
import Vapor

/// A tenant record that is edited as a whole through a core draft (`SupplierDraft`, `PersonDraft` …).
protocol DraftBacked: TenantScoped {
    associatedtype Draft: Codable & Hashable & Sendable
    init(id: UUID, tenantID: UUID, draft: Draft, now: Date)
    var draft: Draft { get }
    func apply(_ draft: Draft, now: Date)
    /// How the record is named in history ("supplier", "person").
    static var objectType: String { get }
    /// "The supplier", for not-found messages.
    static var what: Localized { get }
    /// The record's name in history lines.
    var auditLabel: String { get }
    /// The system the record belongs to, so it shows in that system's history.
    var auditSystemID: UUID? { get }
    var createdAt: Date { get }
    var updatedAt: Date { get }
}

extension DraftBacked {
    var auditSystemID: UUID? { nil }
}

/// Writes draft-backed records with their history in one transaction. Validation happens before:
/// callers pass a draft that has passed both the core checks and the reference checks.
enum RecordStore {
    static func create<M: DraftBacked>(
        _ type: M.Type, _ draft: M.Draft, tenant: Tenant, actor: AuditActor, label: String? = nil, on db: any Database
    ) async throws -> M {
        let tenantID = try tenant.requireID()
        return try await db.writeTransaction { tx in
            let record = M(id: actor.uuid(), tenantID: tenantID, draft: draft, now: actor.now())
            try await record.create(on: tx)
            try await AuditLog.record(
                .create, objectType: M.objectType, objectID: try record.requireID(), label: label ?? record.auditLabel,
                tenantID: tenantID,
                before: M.Draft?.none, after: draft, systemID: record.auditSystemID, actor: actor, on: tx)
            return record
        }
    }

    /// Saves `draft` over the record; an unchanged draft writes nothing.
    static func update<M: DraftBacked>(
        _ record: M, with draft: M.Draft, actor: AuditActor, message: String? = nil, label: String? = nil,
        on db: any Database
    ) async throws -> M {
        let before = record.draft
        guard before != draft else { return record }
        return try await db.writeTransaction { tx in
            record.apply(draft, now: actor.now())
            try await record.update(on: tx)
            try await AuditLog.record(
                .update, objectType: M.objectType, objectID: try record.requireID(), label: label ?? record.auditLabel,
                tenantID: record.tenantID,
                before: before, after: draft, systemID: record.auditSystemID, message: message, actor: actor, on: tx)
            return record
        }
    }

    static func delete<M: DraftBacked>(
        _ record: M, actor: AuditActor, message: String? = nil, label: String? = nil, on db: any Database
    ) async throws {
        try await db.writeTransaction { tx in
            // The record first, then its history: every writer takes the audit chain's lock last, so two
            // transactions never wait for each other's locks in opposite order (PostgreSQL).
            let id = try record.requireID()
            try await record.delete(on: tx)
            try await AuditLog.record(
                .delete, objectType: M.objectType, objectID: id, label: label ?? record.auditLabel,
                tenantID: record.tenantID,
                before: record.draft, after: M.Draft?.none, systemID: record.auditSystemID, message: message,
                actor: actor, on: tx)
        }
    }

    /// Fails with every issue when there are any.
    static func check(_ issues: [ValidationIssue]) throws {
        if !issues.isEmpty { throw ValidationFailure(issues: issues) }
    }
}

/// Refusals shared by the register's domains.
enum RegisterError: AppError {
    /// Deleting would leave other records pointing at nothing.
    case inUse(what: Localized, uses: [String])

    var status: HTTPResponseStatus { .conflict }
    var code: String { "record.in-use" }
    var userMessage: Localized {
        switch self {
        case .inUse(let what, let uses):
            Localized(
                sv:
                    "\(what.sv) används fortfarande (\(uses.joined(separator: ", "))) och kan inte tas bort. Ta bort eller flytta det som hänvisar hit först.",
                en:
                    "\(what.en) is still in use (\(uses.joined(separator: ", "))) and can't be deleted. Remove or move what refers to it first."
            )
        }
    }
}
