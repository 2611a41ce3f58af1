import Fluent
import Foundation
import StyrbordCore
import Vapor

/// JSON endpoints for governing documents.
struct DocumentsAPIController {
    @Sendable func index(req: Request) async throws -> ListResponse<DocumentResponse> {
        let tenant = try await req.tenant()
        var issues = ListQuery.emptyParameters(req.queryItems, among: ["status", "typeKey"])
        if !issues.isEmpty { throw InvalidQuery(issues: issues) }
        let paging = try ListQuery.strict(req.queryItems)
        var query = try GoverningDocument.scoped(to: tenant, on: req.db)
        for (name, raw) in req.queryItems {
            switch name {
            case "status":
                guard let status = DocumentStatus(rawValue: raw) else {
                    issues.append(
                        ValidationIssue(
                            field: name,
                            message: Localized(
                                sv: "Ange utkast, faststalld eller upphavd.", en: "Give utkast, faststalld or upphavd.")
                        ))
                    continue
                }
                query = query.filter(\.$status == status.rawValue)
            case "typeKey":
                if raw.unicodeScalars.count > 100 {
                    issues.append(
                        ValidationIssue(
                            field: name, message: Localized(sv: "Högst 100 tecken.", en: "At most 100 characters.")))
                }
                query = query.filter(\.$typeKey == raw)
            default: break
            }
        }
        if !issues.isEmpty { throw InvalidQuery(issues: issues) }
        try await Self.visibleOnly(&query, tenant: tenant, req: req)
        let (_, profile) = try await ProfileRules.current(tenant, on: req.db)
        let total = try await query.copy().count()
        let items = try await query.sort(\.$title).sort(\.$id)
            .range(paging.offset..<(paging.offset + paging.perPage)).all()
        return ListResponse(
            items: try items.map { try DocumentResponse($0, profile: profile, versions: nil, tenant: tenant.slug) },
            page: paging.page, perPage: paging.perPage, total: total)
    }

    /// Everyone sees published documents; the owner also their own drafts; the administrator everything.
    static func visibleOnly(
        _ query: inout QueryBuilder<GoverningDocument>, tenant: Tenant, req: Request
    ) async throws {
        let account = try req.signedIn.orThrow()
        if account.account.isTenantAdmin { return }
        if let person = account.account.personID {
            query = query.group(.or) { $0.filter(\.$isPublished == true).filter(\.$ownerPersonID == person) }
        } else {
            query = query.filter(\.$isPublished == true)
        }
    }

    @Sendable func show(req: Request) async throws -> DocumentResponse {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        return try await Self.response(document, tenant: tenant, on: req.db)
    }

    static func response(_ d: GoverningDocument, tenant: Tenant, on db: any Database) async throws -> DocumentResponse {
        let (_, profile) = try await ProfileRules.current(tenant, on: db)
        let versions = try await DocumentVersion.query(on: db).filter(\.$documentID == d.requireID())
            .sort(\.$number, .descending).all()
        return try DocumentResponse(d, profile: profile, versions: versions, tenant: tenant.slug)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.create(
            try req.jsonBody(GoverningDocumentDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let response = try await Self.response(document, tenant: tenant, on: req.db)
            .encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(
            name: .location, value: DocumentRoutes.apiShow(tenant.slug, try document.requireID()))
        return response
    }

    @Sendable func update(req: Request) async throws -> DocumentResponse {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        let saved = try await DocumentRules.update(
            document, with: try req.jsonBody(GoverningDocumentDraft.self), tenant: tenant, actor: .from(req),
            on: req.db)
        return try await Self.response(saved, tenant: tenant, on: req.db)
    }

    @Sendable func publish(req: Request) async throws -> DocumentResponse {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        let saved = try await DocumentRules.setPublished(
            document, try req.jsonBody(PublicationRequest.self).published, actor: .from(req), on: req.db)
        return try await Self.response(saved, tenant: tenant, on: req.db)
    }

    /// The body is the file itself; its name comes in the `fileName` query parameter.
    @Sendable func upload(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        guard let fileName = req.queryItems.first(where: { $0.0 == "fileName" })?.1 else {
            throw InvalidQuery(issues: [
                ValidationIssue(
                    field: "fileName",
                    message: Localized(sv: "Ange filens namn (fileName).", en: "Give the file's name (fileName)."))
            ])
        }
        let bytes = req.body.data.map { Array($0.readableBytesView) } ?? []
        let version = try await DocumentRules.addVersion(
            to: document, fileName: fileName, bytes: bytes, mediaType: req.headers.contentType, actor: .from(req),
            on: req.db)
        let response = try await DocumentVersionResponse(version, tenant: tenant.slug)
            .encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(
            name: .location,
            value: DocumentRoutes.apiFile(
                tenant.slug, version.documentID, try version.requireID()))
        return response
    }

    @Sendable func download(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        return try await DocumentRules.fileResponse(try await DocumentRules.version(req, of: document), on: req.db)
    }

    /// D1: which of documents `a` and `b` prevails when they conflict, and why.
    @Sendable func precedence(req: Request) async throws -> PrecedenceResponse {
        let tenant = try await req.tenant()
        let (a, b) = try await DocumentPrecedenceQuery.load(req, tenant)
        let (_, profile) = try await ProfileRules.current(tenant, on: req.db)
        return try DocumentPrecedenceQuery.answer(a, b, profile: profile)
    }
}

/// Reads the two documents of a precedence question from `?a=…&b=…`.
enum DocumentPrecedenceQuery {
    static func load(_ req: Request, _ tenant: Tenant) async throws -> (GoverningDocument, GoverningDocument) {
        var issues = ListQuery.emptyParameters(req.queryItems, among: ["a", "b"])
        var ids: [String: UUID] = [:]
        for name in ["a", "b"] where !issues.contains(where: { $0.field == name }) {
            guard let raw = req.queryItems.first(where: { $0.0 == name })?.1, let id = UUID(uuidString: raw) else {
                issues.append(
                    ValidationIssue(
                        field: name,
                        message: Localized(sv: "Ange ett dokuments id (UUID).", en: "Give a document's id (UUID).")))
                continue
            }
            ids[name] = id
        }
        if !issues.isEmpty { throw InvalidQuery(issues: issues) }
        var found: [GoverningDocument] = []
        for name in ["a", "b"] {
            let document = try await GoverningDocument.find(
                ids[name], in: tenant, on: req.db, what: GoverningDocument.what)
            guard try await DocumentRules.isVisible(document, tenant: tenant, req: req) else {
                throw CommonError.notFound(what: GoverningDocument.what)
            }
            found.append(document)
        }
        return (found[0], found[1])
    }

    static func answer(
        _ a: GoverningDocument, _ b: GoverningDocument, profile: GovernanceProfile
    ) throws -> PrecedenceResponse {
        func side(_ d: GoverningDocument) throws -> PrecedenceResponse.Side {
            PrecedenceResponse.Side(id: try d.requireID(), title: d.title, typeKey: d.typeKey, status: d.draft.status)
        }
        func candidate(_ d: GoverningDocument) -> PrecedenceCandidate {
            PrecedenceCandidate(title: d.title, typeKey: d.typeKey, status: d.draft.status)
        }
        let answer = profile.prevailing(candidate(a), candidate(b))
        return PrecedenceResponse(
            a: try side(a), b: try side(b),
            prevailingId: try answer.prevailing.map { try ($0 == 0 ? a : b).requireID() },
            reason: LocalizedText(answer.reason))
    }
}

extension Optional {
    /// The value, or 401 when nobody is signed in (routes declare access, so this does not happen).
    fileprivate func orThrow() throws -> Wrapped {
        guard let value = self else { throw AuthError.signInRequired }
        return value
    }
}

/// L8: whom a document concerns, who has read it, and the caller's own confirmations.
extension DocumentsAPIController {
    @Sendable func audience(req: Request) async throws -> DocumentAudienceResponse {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        return DocumentAudienceResponse(try await DocumentReading.audience(of: document, on: req.db))
    }

    @Sendable func setAudience(req: Request) async throws -> DocumentAudienceResponse {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        try await DocumentReading.setAudience(
            document, try req.jsonBody(DocumentAudienceDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        return DocumentAudienceResponse(try await DocumentReading.audience(of: document, on: req.db))
    }

    @Sendable func readers(req: Request) async throws -> DocumentReadersResponse {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        let status = try await DocumentReading.status(document, today: req.dependencies.today, on: req.db)
        return DocumentReadersResponse(status, days: ReadConfirmation.standardDays)
    }

    @Sendable func confirm(req: Request) async throws -> ReadConfirmationResponse {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        guard let person = req.signedIn?.account.personID else { throw DocumentReadingError.noPerson }
        let confirmed = try await DocumentReading.confirm(document, personID: person, actor: .from(req), on: req.db)
        let numbers = try await DocumentVersion.query(on: req.db).filter(\.$id ~~ confirmed.map(\.versionID)).all()
            .map(\.number).sorted()
        return ReadConfirmationResponse(
            documentId: try document.requireID(), versions: numbers, confirmedAt: confirmed[0].confirmedAt ?? Date())
    }

    @Sendable func toRead(req: Request) async throws -> ToReadResponse {
        let tenant = try await req.tenant()
        guard let person = req.signedIn?.account.personID else { return ToReadResponse(items: []) }
        let items = try await DocumentReading.toRead(personID: person, tenant: tenant, on: req.db)
        return ToReadResponse(
            items: try items.map {
                ToReadResponse.Item(
                    documentId: try $0.document.requireID(), title: $0.document.title, requestedOn: $0.requestedOn,
                    dueOn: ReadConfirmation.due(requestedOn: $0.requestedOn))
            })
    }
}
