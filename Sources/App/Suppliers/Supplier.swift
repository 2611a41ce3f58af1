import Fluent
import Foundation
import StyrbordCore

/// A supplier of software or operations (leverantör, driftpartner).
final class Supplier: Model, DraftBacked, @unchecked Sendable {
    static let objectType = "supplier"
    var auditLabel: String { name }
    static let schema = "suppliers"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "organisation_number") var organisationNumber: String
    @Field(key: "contact_name") var contactName: String
    @Field(key: "email") var email: String
    @Field(key: "phone") var phone: String
    @Field(key: "website") var website: String
    @Field(key: "notes") var notes: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    /// Listed by hand: FluentKit otherwise finds the properties by reflection on every row it decodes,
    /// which dominated the register's response time. `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $name, $sortKey, $organisationNumber, $contactName, $email, $phone, $website, $notes,
            $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(id: UUID, tenantID: UUID, draft: SupplierDraft, now: Date) {
        self.id = id
        self.tenantID = tenantID
        self.createdAt = now
        apply(draft, now: now)
    }

    func apply(_ draft: SupplierDraft, now: Date) {
        name = draft.name
        sortKey = SortKey.swedish(draft.name)
        organisationNumber = draft.organisationNumber
        contactName = draft.contactName
        email = draft.email
        phone = draft.phone
        website = draft.website
        notes = draft.notes
        updatedAt = now
    }

    var draft: SupplierDraft {
        SupplierDraft(
            name: name, organisationNumber: organisationNumber, contactName: contactName, email: email,
            phone: phone, website: website, notes: notes)
    }

    static let what = Localized(sv: "Leverantören", en: "The supplier")
}
