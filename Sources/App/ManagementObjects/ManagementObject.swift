import Fluent
import Foundation
import StyrbordCore

/// A pm3 förvaltningsobjekt: systems managed together under one budget and one systemägare.
final class ManagementObject: Model, DraftBacked, @unchecked Sendable {
    static let objectType = "management-object"
    var auditLabel: String { name }
    static let schema = "management_objects"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "description") var description: String
    @OptionalField(key: "owner_org_unit_id") var ownerOrgUnitID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(id: UUID, tenantID: UUID, draft: ManagementObjectDraft, now: Date) {
        self.id = id
        self.tenantID = tenantID
        self.createdAt = now
        apply(draft, now: now)
    }

    func apply(_ draft: ManagementObjectDraft, now: Date) {
        name = draft.name
        sortKey = SortKey.swedish(draft.name)
        description = draft.description
        ownerOrgUnitID = draft.ownerOrgUnitId
        updatedAt = now
    }

    var draft: ManagementObjectDraft {
        ManagementObjectDraft(name: name, description: description, ownerOrgUnitId: ownerOrgUnitID)
    }

    static let what = Localized(sv: "Förvaltningsobjektet", en: "The management object")
}
