import Fluent
import Foundation
import StyrbordCore

/// A governing document (styrdokument) of the municipality: its type's place in the precedence order,
/// owner, decision, validity, review and whether the administrator has published it (D1, D10).
final class GoverningDocument: Model, DraftBacked, @unchecked Sendable {
    static let objectType = "governing-document"
    var auditLabel: String { title }
    static let schema = "governing_documents"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "title") var title: String
    @Field(key: "type_key") var typeKey: String
    @Field(key: "owner_person_id") var ownerPersonID: UUID
    @Field(key: "decided_by") var decidedBy: String
    @OptionalField(key: "decided_on") var decidedOn: String?
    @Field(key: "decision_reference") var decisionReference: String
    @OptionalField(key: "valid_from") var validFrom: String?
    @OptionalField(key: "valid_to") var validTo: String?
    @OptionalField(key: "review_every_months") var reviewEveryMonths: Int?
    @OptionalField(key: "next_review_on") var nextReviewOn: String?
    @Field(key: "status") var status: String
    @Field(key: "is_published") var isPublished: Bool
    /// L8: everyone in the municipality; otherwise the units and roles in `document_audience_*`.
    @Field(key: "concerns_everyone") var concernsEveryone: Bool
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $title, $typeKey, $ownerPersonID, $decidedBy, $decidedOn, $decisionReference, $validFrom,
            $validTo, $reviewEveryMonths, $nextReviewOn, $status, $isPublished, $concernsEveryone, $publishedAt,
            $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(id: UUID, tenantID: UUID, draft: GoverningDocumentDraft, now: Date) {
        self.id = id
        self.tenantID = tenantID
        self.createdAt = now
        self.isPublished = false
        self.concernsEveryone = true
        apply(draft, now: now)
    }

    func apply(_ draft: GoverningDocumentDraft, now: Date) {
        title = draft.title
        typeKey = draft.typeKey
        ownerPersonID = draft.ownerPersonId
        decidedBy = draft.decidedBy
        decidedOn = draft.decidedOn?.iso
        decisionReference = draft.decisionReference
        validFrom = draft.validFrom?.iso
        validTo = draft.validTo?.iso
        reviewEveryMonths = draft.reviewEveryMonths
        nextReviewOn = draft.nextReviewOn?.iso
        status = draft.status.rawValue
        updatedAt = now
    }

    var draft: GoverningDocumentDraft {
        GoverningDocumentDraft(
            title: title, typeKey: typeKey, ownerPersonId: ownerPersonID, decidedBy: decidedBy,
            decidedOn: decidedOn.flatMap(CalendarDay.init(iso:)), decisionReference: decisionReference,
            validFrom: validFrom.flatMap(CalendarDay.init(iso:)), validTo: validTo.flatMap(CalendarDay.init(iso:)),
            reviewEveryMonths: reviewEveryMonths, nextReviewOn: nextReviewOn.flatMap(CalendarDay.init(iso:)),
            status: DocumentStatus(rawValue: status) ?? .draft)
    }

    static let what = Localized(sv: "Styrdokumentet", en: "The governing document")
}

/// One uploaded version of a governing document: its metadata. The bytes are in `DocumentFile`, so that
/// listing versions never reads files.
final class DocumentVersion: Model, TenantScoped, @unchecked Sendable {
    static let objectType = "governing-document-version"
    static let schema = "document_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "document_id") var documentID: UUID
    @Field(key: "number") var number: Int
    /// The user's file name, checked by `DocumentFileCheck` (no paths, no control characters).
    @Field(key: "file_name") var fileName: String
    @Field(key: "kind") var kind: String
    @Field(key: "size_bytes") var sizeBytes: Int64
    @Field(key: "sha256") var sha256: String
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "uploaded_at") var uploadedAt: Date

    var properties: [any AnyProperty] {
        [$id, $tenantID, $documentID, $number, $fileName, $kind, $sizeBytes, $sha256, $uploadedBy, $uploadedAt]
    }

    init() {}

    static let what = Localized(sv: "Versionen", en: "The version")
}

/// The bytes of a version, kept in the database (a blob on SQLite, bytea on PostgreSQL): backed up with
/// everything else, nothing on disk to go missing, and the same in tests. The row's id is the version's.
final class DocumentFile: Model, TenantScoped, @unchecked Sendable {
    static let schema = "document_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "content") var content: Data

    var properties: [any AnyProperty] { [$id, $tenantID, $content] }

    init() {}

    init(id: UUID, tenantID: UUID, content: Data) {
        self.id = id
        self.tenantID = tenantID
        self.content = content
    }
}
