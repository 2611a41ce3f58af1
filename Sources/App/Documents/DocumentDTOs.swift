import Foundation
import StyrbordCore
import Vapor

/// A version of a governing document as the API returns it.
struct DocumentVersionResponse: Content {
    var id: UUID
    var number: Int
    var fileName: String
    var kind: DocumentFileKind
    var sizeBytes: Int64
    var sha256: String
    var uploadedBy: String
    var uploadedAt: Date
    var downloadUrl: String

    init(_ v: DocumentVersion, tenant: String) throws {
        id = try v.requireID()
        number = v.number
        fileName = v.fileName
        kind = DocumentFileKind(rawValue: v.kind) ?? .pdf
        sizeBytes = v.sizeBytes
        sha256 = v.sha256
        uploadedBy = v.uploadedBy
        uploadedAt = v.uploadedAt
        downloadUrl = DocumentRoutes.apiFile(tenant, v.documentID, id)
    }
}

/// A governing document as the API returns it: its draft, its type's place in the precedence order,
/// when it is next reviewed, whether it is published, and its versions (newest first).
struct DocumentResponse: Content {
    var id: UUID
    var title: String
    var typeKey: String
    var typeName: String?
    /// Its type's precedence group (0 first) and rank within it (0 highest); absent when unordered.
    var precedenceGroup: Int?
    var precedenceRank: Int?
    var ownerPersonId: UUID
    var decidedBy: String
    var decidedOn: CalendarDay?
    var decisionReference: String
    var validFrom: CalendarDay?
    var validTo: CalendarDay?
    var reviewEveryMonths: Int?
    var nextReviewOn: CalendarDay?
    /// `nextReviewOn`, or the decision date plus the document's or its type's interval.
    var reviewDueOn: CalendarDay?
    var status: DocumentStatus
    var isPublished: Bool
    var publishedAt: Date?
    var versions: [DocumentVersionResponse]?
    var createdAt: Date
    var updatedAt: Date

    init(
        _ d: GoverningDocument, profile: GovernanceProfile, versions: [DocumentVersion]?, tenant: String
    ) throws {
        let draft = d.draft
        id = try d.requireID()
        title = draft.title
        typeKey = draft.typeKey
        typeName = profile.documentType(draft.typeKey)?.name.sv
        let rank = profile.precedenceRank(of: draft.typeKey)
        precedenceGroup = rank?.group
        precedenceRank = rank?.rank
        ownerPersonId = draft.ownerPersonId
        decidedBy = draft.decidedBy
        decidedOn = draft.decidedOn
        decisionReference = draft.decisionReference
        validFrom = draft.validFrom
        validTo = draft.validTo
        reviewEveryMonths = draft.reviewEveryMonths
        nextReviewOn = draft.nextReviewOn
        reviewDueOn = draft.nextReview(typeInterval: profile.reviewInterval(forDocumentType: draft.typeKey))
        status = draft.status
        isPublished = d.isPublished
        publishedAt = d.publishedAt
        self.versions = try versions?.map { try DocumentVersionResponse($0, tenant: tenant) }
        createdAt = d.createdAt
        updatedAt = d.updatedAt
    }
}

/// Publishing or withdrawing a document.
struct PublicationRequest: Content {
    var published: Bool
}

/// The answer to "which of these two prevails" (D1).
struct PrecedenceResponse: Content {
    struct Side: Content {
        var id: UUID
        var title: String
        var typeKey: String
        var status: DocumentStatus
    }
    var a: Side
    var b: Side
    /// The prevailing document's id; absent when the profile's order doesn't decide.
    var prevailingId: UUID?
    var reason: LocalizedText
}

/// Whom a document concerns (L8).
struct DocumentAudienceResponse: Content {
    var everyone: Bool
    var orgUnitIds: [UUID]
    var roleTypeIds: [UUID]

    init(_ d: DocumentAudienceDraft) {
        everyone = d.everyone
        orgUnitIds = d.orgUnitIds
        roleTypeIds = d.roleTypeIds
    }
}

/// Who has been asked to read the latest version, and who has confirmed (L8).
struct DocumentReadersResponse: Content {
    struct Reader: Content {
        var personId: UUID
        var name: String
        var requestedOn: CalendarDay
        var confirmedAt: Date?
        var overdue: Bool
    }
    /// The version asked about; absent when nobody has been asked yet.
    var version: Int?
    var requested: Int
    var confirmed: Int
    var overdue: Int
    /// Days a person has to confirm.
    var days: Int
    var readers: [Reader]

    init(_ s: DocumentReading.Status, days: Int) {
        version = s.versionNumber
        requested = s.tally.requested
        confirmed = s.tally.confirmed
        overdue = s.tally.overdue
        self.days = days
        readers = s.readers.map {
            Reader(
                personId: $0.personID, name: $0.name, requestedOn: $0.requestedOn, confirmedAt: $0.confirmedAt,
                overdue: $0.isOverdue)
        }
    }
}

/// The caller's confirmation of having read a document.
struct ReadConfirmationResponse: Content {
    var documentId: UUID
    /// The versions the confirmation covers.
    var versions: [Int]
    var confirmedAt: Date
}

/// The documents the caller still has to confirm reading.
struct ToReadResponse: Content {
    struct Item: Content {
        var documentId: UUID
        var title: String
        var requestedOn: CalendarDay
        var dueOn: CalendarDay
    }
    var items: [Item]
}
