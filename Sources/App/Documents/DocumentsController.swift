import Fluent
import Foundation
import StyrbordCore
import Vapor

/// HTML pages for governing documents: the register and the precedence question (D1).
struct DocumentsController {
    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        var query = try GoverningDocument.scoped(to: tenant, on: req.db)
        try await DocumentsAPIController.visibleOnly(&query, tenant: tenant, req: req)
        let documents = try await query.sort(\.$title).sort(\.$id).all()
        let (_, profile) = try await ProfileRules.current(tenant, on: req.db)
        let ids = documents.compactMap(\.id)
        var latest: [UUID: DocumentVersion] = [:]
        if !ids.isEmpty {
            for v in try await DocumentVersion.query(on: req.db).filter(\.$documentID ~~ ids).all()
            where (latest[v.documentID]?.number ?? 0) < v.number {
                latest[v.documentID] = v
            }
        }
        func order(_ d: GoverningDocument) -> (Int, Int) {
            profile.precedenceRank(of: d.typeKey).map { ($0.group, $0.rank) } ?? (Int.max, Int.max)
        }
        let sorted = documents.enumerated().sorted { x, y in
            order(x.element) != order(y.element) ? order(x.element) < order(y.element) : x.offset < y.offset
        }.map(\.element)
        let mayPublish = await req.can(.administer(tenantID: try tenant.requireID()))
        let rows = try sorted.map { d -> DocumentListPage.Row in
            let draft = d.draft
            let rank = profile.precedenceRank(of: d.typeKey).map { "\($0.group + 1).\($0.rank + 1)" } ?? ""
            let version = latest[try d.requireID()]
            return DocumentListPage.Row(
                id: try d.requireID(), title: d.title,
                typeName: profile.documentType(d.typeKey).map { ctx.t($0.name) } ?? d.typeKey, rank: rank,
                status: ctx.t(draft.status.label),
                reviewDueOn: Components.date(
                    draft.nextReview(typeInterval: profile.reviewInterval(forDocumentType: d.typeKey))),
                isPublished: d.isPublished,
                fileURL: try version.map { DocumentRoutes.file(tenant.slug, $0.documentID, try $0.requireID()) },
                fileName: version?.fileName,
                canPublish: mayPublish && !d.isPublished && draft.status == .adopted,
                canWithdraw: mayPublish && d.isPublished)
        }
        let a = req.queryItems.first { $0.0 == "a" }?.1 ?? ""
        let b = req.queryItems.first { $0.0 == "b" }?.1 ?? ""
        var answer: DocumentListPage.Answer?
        if let idA = UUID(uuidString: a), let idB = UUID(uuidString: b),
            let docA = documents.first(where: { $0.id == idA }), let docB = documents.first(where: { $0.id == idB })
        {
            let result = try DocumentPrecedenceQuery.answer(docA, docB, profile: profile)
            answer = DocumentListPage.Answer(text: ctx.t(Localized(sv: result.reason.sv, en: result.reason.en)))
        }
        let model = DocumentListPage.Model(
            tenantSlug: tenant.slug, rows: rows, a: a, b: b, answer: answer, mayPublish: mayPublish)
        return DocumentListPage(model: model, ctx: ctx).render()
    }

    /// Publishes or withdraws a document (the route admits only the administrator, D1).
    @Sendable func publish(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        let published = try req.formData()["published"] == "true"
        _ = try await DocumentRules.setPublished(document, published, actor: .from(req), on: req.db)
        return req.redirect(to: DocumentRoutes.index(tenant.slug), flash: .saved)
    }
}
