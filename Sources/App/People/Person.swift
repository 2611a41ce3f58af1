import Fluent
import Foundation
import StyrbordCore

/// A person who can hold roles: an employee, a politician, a consultant.
final class Person: Model, DraftBacked, @unchecked Sendable {
    static let objectType = "person"
    var auditLabel: String { name }
    static let schema = "people"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "email") var email: String
    @Field(key: "title") var title: String
    @Field(key: "phone") var phone: String
    @OptionalField(key: "org_unit_id") var orgUnitID: UUID?
    @Field(key: "is_active") var isActive: Bool
    @OptionalField(key: "left_on") var leftOn: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    /// Listed by hand: FluentKit otherwise finds the properties by reflection on every row it decodes,
    /// which dominated the register's response time. `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $name, $sortKey, $email, $title, $phone, $orgUnitID, $isActive, $leftOn, $createdAt,
            $updatedAt,
        ]
    }

    init() {}

    init(id: UUID, tenantID: UUID, draft: PersonDraft, now: Date) {
        self.id = id
        self.tenantID = tenantID
        self.createdAt = now
        apply(draft, now: now)
    }

    func apply(_ draft: PersonDraft, now: Date) {
        name = draft.name
        sortKey = SortKey.swedish(draft.name)
        email = draft.email
        title = draft.title
        phone = draft.phone
        orgUnitID = draft.orgUnitId
        isActive = draft.isActive
        leftOn = draft.leftOn?.iso
        updatedAt = now
    }

    var draft: PersonDraft {
        PersonDraft(
            name: name, email: email, title: title, phone: phone, orgUnitId: orgUnitID, isActive: isActive,
            leftOn: leftOn.flatMap(CalendarDay.init(iso:)))
    }

    static let what = Localized(sv: "Personen", en: "The person")
}
