import Crypto
import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Refusals about governing documents.
enum DocumentError: AppError {
    /// Only an adopted (fastställd) document is published (D1).
    case notAdopted(status: DocumentStatus)

    var status: HTTPResponseStatus { .conflict }
    var code: String { "document.not-adopted" }
    var userMessage: Localized {
        switch self {
        case .notAdopted(let status):
            Localized(
                sv:
                    "Dokumentet är \(status.label.sv.lowercased()); bara ett fastställt dokument kan publiceras. Ange beslutet och status Fastställd först.",
                en:
                    "The document is \(status.label.en.lowercased()); only an adopted document can be published. Record the decision and set the status to Adopted first."
            )
        }
    }
}

/// Checks and writes for governing documents and their versions.
enum DocumentRules {
    static func validated(
        _ draft: GoverningDocumentDraft, tenant: Tenant, on db: any Database
    ) async throws -> GoverningDocumentDraft {
        var (d, issues) = draft.checked()
        let (_, profile) = try await ProfileRules.current(tenant, on: db)
        if !d.typeKey.isEmpty && profile.documentType(d.typeKey) == nil {
            let keys = profile.documentTypes.map(\.key).joined(separator: ", ")
            issues.append(
                ValidationIssue(
                    field: "typeKey",
                    message: Localized(
                        sv: "Styrningsprofilen har ingen dokumenttyp \"\(d.typeKey)\". Välj en av: \(keys).",
                        en: "The governance profile has no document type \"\(d.typeKey)\". Choose one of: \(keys).")))
        }
        if try await SystemRules.existing(Person.self, [d.ownerPersonId], tenant: tenant, db: db).isEmpty {
            issues.append(
                ValidationIssue(
                    field: "ownerPersonId",
                    message: Localized(sv: "Personen finns inte i registret.", en: "The person does not exist.")))
        }
        try RecordStore.check(issues)
        return d
    }

    static func create(
        _ draft: GoverningDocumentDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> GoverningDocument {
        let d = try await validated(draft, tenant: tenant, on: db)
        return try await RecordStore.create(GoverningDocument.self, d, tenant: tenant, actor: actor, on: db)
    }

    /// Saves the draft; a published document that stops being adopted is withdrawn from publication.
    static func update(
        _ document: GoverningDocument, with draft: GoverningDocumentDraft, tenant: Tenant, actor: AuditActor,
        on db: any Database
    ) async throws -> GoverningDocument {
        let d = try await validated(draft, tenant: tenant, on: db)
        let changed = document.draft != d
        return try await db.writeTransaction { tx in
            let saved = try await RecordStore.update(document, with: d, actor: actor, on: tx)
            if saved.isPublished && d.status != .adopted {
                return try await setPublished(saved, false, actor: actor, on: tx)
            }
            // L8: a published document that changes reaches the people it concerns.
            if saved.isPublished && changed {
                try await DocumentReading.announce(saved, .changed, actor: actor, on: tx)
            }
            return saved
        }
    }

    /// The publication state as history records it.
    private struct Publication: Codable, Hashable { var isPublished: Bool }

    /// Publishes or withdraws the document (the route lets only the administrator, D1).
    static func setPublished(
        _ document: GoverningDocument, _ published: Bool, actor: AuditActor, on db: any Database
    ) async throws -> GoverningDocument {
        if published && document.draft.status != .adopted {
            throw DocumentError.notAdopted(status: document.draft.status)
        }
        guard document.isPublished != published else { return document }
        return try await db.writeTransaction { tx in
            document.isPublished = published
            document.publishedAt = published ? actor.now() : nil
            try await document.update(on: tx)
            try await AuditLog.record(
                .update, objectType: GoverningDocument.objectType, objectID: try document.requireID(),
                label: document.title, tenantID: document.tenantID, before: Publication(isPublished: !published),
                after: Publication(isPublished: published),
                message: published ? "Publicerat" : "Avpublicerat", actor: actor, on: tx)
            // L8: publishing tells the people it concerns and asks them to read the latest version.
            if published { try await DocumentReading.announce(document, .published, actor: actor, on: tx) }
            return document
        }
    }

    /// What history records of a version: never the bytes, their hash.
    private struct VersionRecord: Codable, Hashable {
        var number: Int
        var fileName: String
        var kind: String
        var sizeBytes: Int64
        var sha256: String
    }

    /// Checks and stores a new version. `mediaType` is what the client declared (nil from a form, whose
    /// declared type browsers guess): when given, it must agree with the content.
    static func addVersion(
        to document: GoverningDocument, fileName: String, bytes: [UInt8], mediaType: HTTPMediaType?,
        actor: AuditActor, on db: any Database
    ) async throws -> DocumentVersion {
        let kind: DocumentFileKind
        switch DocumentFileCheck.check(fileName: fileName, bytes: bytes) {
        case .failure(let failure): throw failure
        case .success(let k): kind = k
        }
        if let mediaType, !(mediaType.type == "application" && mediaType.subType == "octet-stream") {
            let declared = "\(mediaType.type)/\(mediaType.subType)".lowercased()
            if !kind.mediaType.lowercased().hasPrefix(declared) {
                throw ValidationFailure(issues: [
                    ValidationIssue(
                        field: "Content-Type",
                        message: Localized(
                            sv: "Innehållstypen \(declared) stämmer inte med filen (\(kind.label.sv)).",
                            en: "The content type \(declared) does not match the file (\(kind.label.en))."))
                ])
            }
        }
        let documentID = try document.requireID()
        let hash = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return try await db.writeTransaction { tx in
            let last = try await DocumentVersion.query(on: tx).filter(\.$documentID == documentID)
                .sort(\.$number, .descending).first()
            let version = DocumentVersion()
            version.id = actor.uuid()
            version.tenantID = document.tenantID
            version.documentID = documentID
            version.number = (last?.number ?? 0) + 1
            version.fileName = fileName
            version.kind = kind.rawValue
            version.sizeBytes = Int64(bytes.count)
            version.sha256 = hash
            version.uploadedBy = actor.name
            version.uploadedAt = actor.now()
            try await version.create(on: tx)
            try await DocumentFile(id: try version.requireID(), tenantID: document.tenantID, content: Data(bytes))
                .create(on: tx)
            try await AuditLog.record(
                .create, objectType: DocumentVersion.objectType, objectID: try version.requireID(),
                label: "\(document.title), version \(version.number)", tenantID: document.tenantID,
                before: VersionRecord?.none,
                after: VersionRecord(
                    number: version.number, fileName: fileName, kind: kind.rawValue, sizeBytes: version.sizeBytes,
                    sha256: hash), actor: actor, on: tx)
            // L8: a new version of a published document is to be read again.
            if document.isPublished { try await DocumentReading.announce(document, .version, actor: actor, on: tx) }
            return version
        }
    }

    /// Whether the request may see the document: published ones everyone, others their owner and the admin.
    static func isVisible(_ document: GoverningDocument, tenant: Tenant, req: Request) async throws -> Bool {
        if document.isPublished { return true }
        return await req.can(.editDocument(try await AccessFacts.document(document, tenant, req)))
    }

    /// The tenant's document with the id in the path parameter, as long as the request may see it; 404
    /// otherwise (an unpublished document is not even admitted to exist).
    static func load(
        _ req: Request, _ tenant: Tenant, param: String = "documentID"
    ) async throws
        -> GoverningDocument
    {
        let id = try req.parameters.require(param, as: UUID.self)
        let document = try await GoverningDocument.find(id, in: tenant, on: req.db, what: GoverningDocument.what)
        guard try await isVisible(document, tenant: tenant, req: req) else {
            throw CommonError.notFound(what: GoverningDocument.what)
        }
        return document
    }

    /// The version in the path of a document already loaded (and so visible); 404 for another's.
    static func version(_ req: Request, of document: GoverningDocument) async throws -> DocumentVersion {
        let id = try req.parameters.require("versionID", as: UUID.self)
        guard
            let version = try await DocumentVersion.query(on: req.db).filter(\.$id == id)
                .filter(\.$documentID == document.requireID()).filter(\.$tenantID == document.tenantID).first()
        else { throw CommonError.notFound(what: DocumentVersion.what) }
        return version
    }

    /// The file of a version as a download: the stored bytes, the checked user name, never sniffed.
    static func fileResponse(_ version: DocumentVersion, on db: any Database) async throws -> Response {
        guard
            let file = try await DocumentFile.query(on: db).filter(\.$id == version.requireID())
                .filter(\.$tenantID == version.tenantID).first()
        else { throw CommonError.notFound(what: DocumentVersion.what) }
        let kind = DocumentFileKind(rawValue: version.kind) ?? .pdf
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: kind.mediaType)
        headers.replaceOrAdd(
            name: .contentDisposition, value: DocumentFileCheck.contentDisposition(for: version.fileName))
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: file.content))
    }
}
