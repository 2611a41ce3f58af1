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

    /// Listed by hand: FluentKit otherwise finds the properties by reflection on every row it decodes,
    /// which dominated the register's response time. `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [$id, $tenantID, $name, $sortKey, $description, $ownerOrgUnitID, $createdAt, $updatedAt]
    }

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
