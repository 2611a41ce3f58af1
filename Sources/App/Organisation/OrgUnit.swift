import Fluent
import Foundation
import StyrbordCore

/// A nämnd, förvaltning, avdelning, enhet or bolag: a node in the tenant's organisation tree.
final class OrgUnit: Model, DraftBacked, @unchecked Sendable {
    static let objectType = "org-unit"
    var auditLabel: String { name }
    static let schema = "org_units"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Field(key: "name") var name: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "short_name") var shortName: String
    @Field(key: "kind") var kind: OrgUnitKind
    @OptionalField(key: "manager_person_id") var managerPersonID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    /// Listed by hand: FluentKit otherwise finds the properties by reflection on every row it decodes,
    /// which dominated the register's response time. `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [$id, $tenantID, $parentID, $name, $sortKey, $shortName, $kind, $managerPersonID, $createdAt, $updatedAt]
    }

    init() {}

    init(id: UUID, tenantID: UUID, draft: OrgUnitDraft, now: Date) {
        self.id = id
        self.tenantID = tenantID
        self.createdAt = now
        apply(draft, now: now)
    }

    func apply(_ draft: OrgUnitDraft, now: Date) {
        parentID = draft.parentId
        name = draft.name
        sortKey = SortKey.swedish(draft.name)
        shortName = draft.shortName
        kind = draft.kind
        managerPersonID = draft.managerPersonId
        updatedAt = now
    }

    var draft: OrgUnitDraft {
        OrgUnitDraft(name: name, kind: kind, parentId: parentID, shortName: shortName, managerPersonId: managerPersonID)
    }

    static let what = Localized(sv: "Organisationsenheten", en: "The org unit")
}
