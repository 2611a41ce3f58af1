import Fluent
import Foundation

/// An org unit a governing document concerns: its people and its sub-units' people (L8).
final class DocumentAudienceUnit: Model, TenantScoped, @unchecked Sendable {
    static let schema = "document_audience_units"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "document_id") var documentID: UUID
    @Field(key: "org_unit_id") var orgUnitID: UUID

    var properties: [any AnyProperty] { [$id, $tenantID, $documentID, $orgUnitID] }

    init() {}

    init(id: UUID, tenantID: UUID, documentID: UUID, orgUnitID: UUID) {
        self.id = id
        self.tenantID = tenantID
        self.documentID = documentID
        self.orgUnitID = orgUnitID
    }
}

/// A role whose current holders a governing document concerns (L8).
final class DocumentAudienceRole: Model, TenantScoped, @unchecked Sendable {
    static let schema = "document_audience_roles"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "document_id") var documentID: UUID
    @Field(key: "role_type_id") var roleTypeID: UUID

    var properties: [any AnyProperty] { [$id, $tenantID, $documentID, $roleTypeID] }

    init() {}

    init(id: UUID, tenantID: UUID, documentID: UUID, roleTypeID: UUID) {
        self.id = id
        self.tenantID = tenantID
        self.documentID = documentID
        self.roleTypeID = roleTypeID
    }
}

/// One person asked to confirm they have read one version of a governing document (L8).
final class DocumentReadRequest: Model, TenantScoped, @unchecked Sendable {
    static let objectType = "document-read-request"
    static let schema = "document_read_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "document_id") var documentID: UUID
    @Field(key: "version_id") var versionID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "requested_at") var requestedAt: Date
    /// The day in Sweden it was asked for; the L8 deadline counts from it.
    @Field(key: "requested_on") var requestedOn: String
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?

    var properties: [any AnyProperty] {
        [$id, $tenantID, $documentID, $versionID, $personID, $requestedAt, $requestedOn, $confirmedAt]
    }

    init() {}
}
