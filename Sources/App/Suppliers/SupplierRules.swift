import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Checks and writes for suppliers.
enum SupplierRules {
    static func validated(
        _ draft: SupplierDraft, tenant: Tenant, excluding id: UUID? = nil, on db: any Database
    ) async throws -> SupplierDraft {
        var (d, issues) = draft.checked()
        if !d.name.isEmpty {
            let clash = try await Supplier.scoped(to: tenant, on: db).filter(\.$sortKey == SortKey.swedish(d.name))
                .all()
                .contains { $0.id != id && $0.name.lowercased() == d.name.lowercased() }
            if clash {
                issues.append(
                    ValidationIssue(
                        field: "name",
                        message: Localized(
                            sv: "Det finns redan en leverantör som heter \"\(d.name)\".",
                            en: "There is already a supplier called \"\(d.name)\".")))
            }
        }
        try RecordStore.check(issues)
        return d
    }

    static func create(
        _ draft: SupplierDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> Supplier {
        try await RecordStore.create(
            Supplier.self, try await validated(draft, tenant: tenant, on: db), tenant: tenant, actor: actor, on: db)
    }

    static func update(
        _ supplier: Supplier, with draft: SupplierDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> Supplier {
        let d = try await validated(draft, tenant: tenant, excluding: supplier.id, on: db)
        return try await RecordStore.update(supplier, with: d, actor: actor, on: db)
    }

    /// What refers to the supplier: systems it supplies or runs, contracts and service agreements (as driftpartner).
    static func uses(of supplier: Supplier, lang: UILanguage, on db: any Database) async throws -> [String] {
        let id = try supplier.requireID()
        let systems = try await ITSystem.query(on: db).group(.or) {
            $0.filter(\.$supplierID == id).filter(\.$operatorSupplierID == id)
        }.count()
        let contracts = try await Contract.query(on: db).filter(\.$supplierID == id).count()
        let agreements = try await ServiceAgreement.query(on: db).filter(\.$supplierID == id).count()
        var uses: [String] = []
        if systems > 0 { uses.append(lang == .sv ? "\(systems) system" : "\(systems) systems") }
        if contracts > 0 { uses.append(lang == .sv ? "\(contracts) avtal" : "\(contracts) contracts") }
        if agreements > 0 {
            uses.append(lang == .sv ? "\(agreements) driftavtal" : "\(agreements) service agreements")
        }
        return uses
    }

    /// Refused while systems or contracts still name the supplier: deleting would silently blank them.
    static func delete(
        _ supplier: Supplier, actor: AuditActor, message: String?, lang: UILanguage, on db: any Database
    ) async throws {
        let uses = try await uses(of: supplier, lang: lang, on: db)
        guard uses.isEmpty else { throw RegisterError.inUse(what: Supplier.what, uses: uses) }
        try await RecordStore.delete(supplier, actor: actor, message: message, on: db)
    }
}

/// A supplier as the API returns it.
typealias SupplierResponse = RecordResponse<SupplierDraft>
