import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML pages for governing documents: the register and the precedence question (D1), each document with
/// its versions and read confirmations (L8), and the forms to register, change, upload and confirm.
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
            let version = latest[try d.requireID()]
            return DocumentListPage.Row(
                id: try d.requireID(), title: d.title,
                typeName: profile.documentType(d.typeKey).map { ctx.t($0.name) } ?? d.typeKey,
                rank: Self.rank(d.typeKey, profile), status: ctx.t(draft.status.label),
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
        var toRead: [DocumentListPage.ToRead] = []
        if let person = req.signedIn?.account.personID {
            toRead = try await DocumentReading.toRead(personID: person, tenant: tenant, on: req.db).map {
                DocumentListPage.ToRead(
                    id: try $0.document.requireID(), title: $0.document.title, requestedOn: $0.requestedOn.iso)
            }
        }
        let model = DocumentListPage.Model(
            tenantSlug: tenant.slug, rows: rows, a: a, b: b, answer: answer, mayPublish: mayPublish, toRead: toRead)
        return DocumentListPage(model: model, ctx: ctx).render()
    }

    /// "1.2": the type's precedence group and rank in it, 1-based; empty when the profile doesn't order it.
    static func rank(_ typeKey: String, _ profile: GovernanceProfile) -> String {
        profile.precedenceRank(of: typeKey).map { "\($0.group + 1).\($0.rank + 1)" } ?? ""
    }

    @Sendable func show(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        return try await showPage(req, tenant, document, failed: nil, status: .ok)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = FormData(["status": [DocumentStatus.draft.rawValue]])
        return try await form(req, tenant, document: nil, values: values, errors: FormErrors(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        return try await FormSubmission.handle {
            let draft = try await Self.draft(from: values, tenant: tenant, on: req.db)
            let document = try await DocumentRules.create(draft, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: DocumentRoutes.show(tenant.slug, try document.requireID()), flash: .created)
        } showErrors: { errors in
            try await form(req, tenant, document: nil, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        return try await form(
            req, tenant, document: document, values: Self.values(document.draft), errors: FormErrors(), status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            let draft = try await Self.draft(from: values, tenant: tenant, on: req.db)
            _ = try await DocumentRules.update(document, with: draft, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: DocumentRoutes.show(tenant.slug, try document.requireID()), flash: .saved)
        } showErrors: { errors in
            try await form(
                req, tenant, document: document, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    /// A new version's file from the page's multipart form: the same checks as the API; on error the page
    /// comes back with the message at the file field and nothing stored.
    @Sendable func upload(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        struct Upload: Content { var file: File? }
        let file = (try? req.content.decode(Upload.self))?.file
        return try await FormSubmission.handle {
            guard let file, file.data.readableBytes > 0 || !file.filename.isEmpty else {
                throw ValidationFailure(issues: [
                    ValidationIssue(
                        field: "file",
                        message: Localized(sv: "Välj en fil att ladda upp.", en: "Choose a file to upload."))
                ])
            }
            do {
                _ = try await DocumentRules.addVersion(
                    to: document, fileName: file.filename, bytes: Array(file.data.readableBytesView), mediaType: nil,
                    actor: .from(req), on: req.db)
            } catch let failure as ValidationFailure {
                // The form has one field: a problem with the name is shown there too.
                throw ValidationFailure(
                    issues: failure.issues.map { issue in
                        var copy = issue
                        if copy.field == "fileName" { copy.field = "file" }
                        return copy
                    })
            }
            return req.redirect(to: DocumentRoutes.show(tenant.slug, try document.requireID()), flash: .saved)
        } showErrors: { errors in
            try await showPage(req, tenant, document, failed: .init(form: .upload, values: FormData(), errors: errors))
        }
    }

    /// Whom the document concerns (L8).
    @Sendable func audience(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            var issues: [ValidationIssue] = []
            let everyone = values["everyone"] != "false"
            if !["", "true", "false"].contains(values["everyone"]) {
                issues.append(
                    ValidationIssue(
                        field: "everyone",
                        message: Localized(sv: "Välj ett av alternativen.", en: "Choose one of the options.")))
            }
            var units: [UUID] = []
            for (i, raw) in values.all("orgUnitIds").enumerated() {
                guard let id = UUID(uuidString: raw) else {
                    issues.append(
                        ValidationIssue(
                            field: "orgUnitIds",
                            message: Localized(
                                sv: "Välj enheter i listan (val \(i + 1)).",
                                en: "Choose units from the list (choice \(i + 1)).")))
                    continue
                }
                units.append(id)
            }
            var roles: [UUID] = []
            for raw in values.all("roleTypeIds") {
                guard let id = UUID(uuidString: raw) else {
                    issues.append(
                        ValidationIssue(
                            field: "roleTypeIds",
                            message: Localized(sv: "Välj roller i listan.", en: "Choose roles from the list.")))
                    continue
                }
                roles.append(id)
            }
            try RecordStore.check(issues)
            // Only the chosen kind counts: with "everyone" the lists are ignored.
            let draft = DocumentAudienceDraft(
                everyone: everyone, orgUnitIds: everyone ? [] : units, roleTypeIds: everyone ? [] : roles)
            do {
                try await DocumentReading.setAudience(document, draft, tenant: tenant, actor: .from(req), on: req.db)
            } catch let failure as ValidationFailure {
                // The form's fields are the lists themselves, not their positions.
                throw ValidationFailure(
                    issues: failure.issues.map { issue in
                        var copy = issue
                        copy.field = String(copy.field.prefix { $0 != "[" })
                        return copy
                    })
            }
            return req.redirect(
                to: DocumentRoutes.show(tenant.slug, try document.requireID()) + "#audience-heading", flash: .saved)
        } showErrors: { errors in
            try await showPage(req, tenant, document, failed: .init(form: .audience, values: values, errors: errors))
        }
    }

    /// The signed-in person confirms having read the document (L8).
    @Sendable func confirm(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        guard let person = req.signedIn?.account.personID else { throw DocumentReadingError.noPerson }
        try await DocumentReading.confirm(document, personID: person, actor: .from(req), on: req.db)
        return req.redirect(to: DocumentRoutes.show(tenant.slug, try document.requireID()), flash: .saved)
    }

    /// Publishes or withdraws a document (the route admits only the administrator, D1).
    @Sendable func publish(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let document = try await DocumentRules.load(req, tenant)
        let published = try req.formData()["published"] == "true"
        _ = try await DocumentRules.setPublished(document, published, actor: .from(req), on: req.db)
        // From the document's own page back to it; from the register back to the register.
        let back =
            req.headers.first(name: .referer).map { $0.contains("/documents/") }
                ?? false
            ? DocumentRoutes.show(tenant.slug, try document.requireID()) : DocumentRoutes.index(tenant.slug)
        return req.redirect(to: back, flash: .saved)
    }

    // MARK: - Forms

    static func values(_ d: GoverningDocumentDraft) -> FormData {
        FormData([
            "title": [d.title], "typeKey": [d.typeKey], "ownerPersonId": [d.ownerPersonId.uuidString],
            "decidedBy": [d.decidedBy], "decidedOn": [d.decidedOn?.iso ?? ""],
            "decisionReference": [d.decisionReference], "validFrom": [d.validFrom?.iso ?? ""],
            "validTo": [d.validTo?.iso ?? ""], "reviewEveryMonths": [d.reviewEveryMonths.map(String.init) ?? ""],
            "nextReviewOn": [d.nextReviewOn?.iso ?? ""], "status": [d.status.rawValue],
        ])
    }

    /// The form's draft, with every problem at once: what the form could not read and what the checks
    /// against the profile and the register find.
    static func draft(from f: FormData, tenant: Tenant, on db: any Database) async throws -> GoverningDocumentDraft {
        var p = FormParser(f)
        let owner = p.uuid("ownerPersonId")
        let decidedOn = p.day("decidedOn")
        let validFrom = p.day("validFrom")
        let validTo = p.day("validTo")
        let nextReview = p.day("nextReviewOn")
        let months = p.integer("reviewEveryMonths")
        let status = p.choice("status", DocumentStatus.self, required: true)
        var issues = p.issues
        if owner == nil && f["ownerPersonId"].isEmpty {
            issues.append(
                ValidationIssue(
                    field: "ownerPersonId",
                    message: Localized(sv: "Välj dokumentets ägare.", en: "Choose the document's owner.")))
        }
        let draft = GoverningDocumentDraft(
            title: f.untrimmed("title"), typeKey: f["typeKey"], ownerPersonId: owner ?? UUID(),
            decidedBy: f.untrimmed("decidedBy"), decidedOn: decidedOn,
            decisionReference: f.untrimmed("decisionReference"), validFrom: validFrom, validTo: validTo,
            reviewEveryMonths: months, nextReviewOn: nextReview, status: status ?? .draft)
        do {
            let checked = try await DocumentRules.validated(draft, tenant: tenant, on: db)
            try RecordStore.check(issues)
            return checked
        } catch let failure as ValidationFailure {
            let more = failure.issues.filter { m in !issues.contains { $0.field == m.field } }
            throw ValidationFailure(issues: issues + more)
        }
    }

    private func form(
        _ req: Request, _ tenant: Tenant, document: GoverningDocument?, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let (_, profile) = try await ProfileRules.current(tenant, on: req.db)
        let people = try await Person.scoped(to: tenant, on: req.db).filter(\.$isActive == true).sort(\.$sortKey)
            .field(\.$id).field(\.$name).all()
        var owners = people.map { ($0.id!.uuidString, $0.name) }
        // A document whose owner has left keeps showing them until another owner is chosen.
        if let document, !owners.contains(where: { $0.0 == document.ownerPersonID.uuidString }),
            let gone = try await Person.find(document.ownerPersonID, on: req.db)
        {
            owners.insert((document.ownerPersonID.uuidString, gone.name), at: 0)
        }
        let types = profile.documentTypes.map { type -> (value: String, label: String) in
            let rank = Self.rank(type.key, profile)
            return (type.key, (rank.isEmpty ? "" : rank + " ") + ctx.t(type.name))
        }
        let labels = [
            "title": ctx.t("Rubrik", "Title"), "typeKey": ctx.t("Dokumenttyp (rang)", "Document type (rank)"),
            "ownerPersonId": ctx.t("Dokumentägare", "Owner"),
            "decidedBy": ctx.t("Beslutsinstans", "Deciding body"), "decidedOn": ctx.t("Beslutsdatum", "Decision date"),
            "decisionReference": ctx.t("Beslutsreferens (diarienummer, paragraf)", "Decision reference"),
            "validFrom": ctx.t("Gäller från", "Valid from"), "validTo": ctx.t("Gäller till och med", "Valid until"),
            "reviewEveryMonths": ctx.t("Revideras var (månader)", "Review every (months)"),
            "nextReviewOn": ctx.t("Nästa revidering", "Next review"), "status": ctx.t("Status", "Status"),
        ]
        let bodies = profile.bodies.map(\.key).joined(separator: ", ")
        let heading =
            document.map { ctx.t("Redigera \($0.title)", "Edit \($0.title)") }
            ?? ctx.t("Nytt styrdokument", "New governing document")
        var crumbs = [
            Breadcrumb(title: ctx.t("Styrdokument", "Governing documents"), url: DocumentRoutes.index(tenant.slug))
        ]
        if let document {
            crumbs.append(Breadcrumb(title: document.title, url: DocumentRoutes.show(tenant.slug, document.id!)))
        }
        crumbs.append(Breadcrumb(title: document == nil ? ctx.t("Nytt", "New") : ctx.t("Redigera", "Edit")))
        let model = RecordFormPage.Model(
            heading: heading, breadcrumbs: crumbs, section: .documents,
            action: document.map { DocumentRoutes.edit(tenant.slug, $0.id!) } ?? DocumentRoutes.index(tenant.slug),
            cancelURL: document.map { DocumentRoutes.show(tenant.slug, $0.id!) } ?? DocumentRoutes.index(tenant.slug),
            submitLabel: document == nil
                ? ctx.t("Registrera dokumentet", "Register the document") : ctx.t("Spara ändringar", "Save changes"),
            values: values, errors: errors, labels: labels,
            intro: ctx.t(
                "Dokumenttypen avgör dokumentets rang i styrningsprofilens företrädesordning (D1). Bara ett fastställt dokument kan publiceras.",
                "The document type decides the document's rank in the governance profile's precedence order (D1). Only an adopted document can be published."
            ))
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.input("title", label: labels["title"]!, required: true),
                f.select(
                    "typeKey", label: labels["typeKey"]!, options: types, emptyLabel: ctx.t("— Välj —", "— Choose —"),
                    hint: ctx.t(
                        "Siffrorna är företrädesordningens grupp och rang: 1.1 går före 1.2.",
                        "The numbers are the precedence group and rank: 1.1 goes before 1.2."), required: true),
                f.select(
                    "ownerPersonId", label: labels["ownerPersonId"]!, options: owners,
                    emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true),
                f.select("status", label: labels["status"]!, options: f.options(DocumentStatus.self), required: true),
                f.section(
                    ctx.t("Beslut", "Decision"),
                    f.input(
                        "decidedBy", label: labels["decidedBy"]!,
                        hint: bodies.isEmpty ? nil : ctx.t("Till exempel \(bodies).", "For example \(bodies).")),
                    f.input(
                        "decidedOn", label: labels["decidedOn"]!, type: "date",
                        hint: ctx.t(
                            "Krävs för fastställda och upphävda dokument.",
                            "Required for adopted and repealed documents.")),
                    f.input("decisionReference", label: labels["decisionReference"]!)),
                f.section(
                    ctx.t("Giltighet och revidering", "Validity and review"),
                    f.input("validFrom", label: labels["validFrom"]!, type: "date"),
                    f.input("validTo", label: labels["validTo"]!, type: "date"),
                    f.input(
                        "reviewEveryMonths", label: labels["reviewEveryMonths"]!,
                        hint: ctx.t(
                            "1–120. Tomt: dokumenttypens intervall i styrningsprofilen.",
                            "1–120. Empty: the document type's interval in the governance profile."),
                        inputMode: "numeric"),
                    f.input(
                        "nextReviewOn", label: labels["nextReviewOn"]!, type: "date",
                        hint: ctx.t(
                            "Tomt: beslutsdatum plus revideringsintervallet.",
                            "Empty: the decision date plus the review interval."))))
        }.render(status: status)
    }

    private func showPage(
        _ req: Request, _ tenant: Tenant, _ document: GoverningDocument, failed: DocumentShowPage.FailedForm?,
        status: HTTPResponseStatus = .unprocessableEntity
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let (_, profile) = try await ProfileRules.current(tenant, on: req.db)
        let documentID = try document.requireID()
        let draft = document.draft
        let canEdit = await req.can(.editDocument(try await AccessFacts.document(document, tenant, req)))
        let canPublish = await req.can(.administer(tenantID: try tenant.requireID()))
        let owner = try await Person.find(document.ownerPersonID, on: req.db)?.name ?? ""
        let type = profile.documentType(document.typeKey)
        let rank = Self.rank(document.typeKey, profile)
        let interval =
            draft.reviewEveryMonths.map { ctx.t("\($0) månader", "\($0) months") }
            ?? type?.reviewEvery.map { ctx.t($0.label) + ctx.t(" (dokumenttypens)", " (the type's)") } ?? ""
        let facts: [(String, String)] = [
            (ctx.t("Dokumenttyp", "Document type"), type.map { ctx.t($0.name) } ?? document.typeKey),
            (ctx.t("Rang i företrädesordningen", "Rank in the precedence order"), rank),
            (ctx.t("Status", "Status"), ctx.t(draft.status.label)),
            (ctx.t("Publicerat", "Published"), document.isPublished ? ctx.t("Ja", "Yes") : ctx.t("Nej", "No")),
            (ctx.t("Dokumentägare", "Owner"), owner),
            (ctx.t("Beslutsinstans", "Deciding body"), draft.decidedBy),
            (ctx.t("Beslutsdatum", "Decision date"), draft.decidedOn?.iso ?? ""),
            (ctx.t("Beslutsreferens", "Decision reference"), draft.decisionReference),
            (ctx.t("Gäller från", "Valid from"), draft.validFrom?.iso ?? ""),
            (ctx.t("Gäller till och med", "Valid until"), draft.validTo?.iso ?? ""),
            (ctx.t("Revideringsintervall", "Review interval"), interval),
            (
                ctx.t("Revideras senast", "Review due"),
                draft.nextReview(typeInterval: profile.reviewInterval(forDocumentType: document.typeKey))?.iso ?? ""
            ),
        ]
        let versions = try await DocumentVersion.query(on: req.db).filter(\.$documentID == documentID)
            .sort(\.$number, .descending).all()
        let audience = try await DocumentReading.audience(of: document, on: req.db)
        let units = try await OrgUnit.scoped(to: tenant, on: req.db).sort(\.$sortKey).all()
        let roles = try await RoleType.scoped(to: tenant, on: req.db).sort(\.$sortOrder).all()
        var described: [String] = []
        if audience.everyone {
            described = [ctx.t("Alla i kommunen", "Everyone in the municipality")]
        } else {
            described += units.filter { audience.orgUnitIds.contains($0.id!) }.map {
                ctx.t("Enheten \($0.name) med underenheter", "The unit \($0.name) and its sub-units")
            }
            described += roles.filter { audience.roleTypeIds.contains($0.id!) }.map {
                ctx.t("De som har rollen ", "Holders of the role ") + $0.name[ctx.lang]
            }
        }
        let days = ReadConfirmation.standardDays
        let reading =
            canEdit
            ? try await DocumentReading.status(document, today: req.dependencies.today, days: days, on: req.db)
            : DocumentReading.Status(versionNumber: nil, readers: [], tally: ReadingTally())
        var mustConfirm = false
        if let person = req.signedIn?.account.personID {
            mustConfirm =
                try await DocumentReadRequest.query(on: req.db).filter(\.$documentID == documentID)
                .filter(\.$personID == person).filter(\.$confirmedAt == nil).count() > 0
        }
        let model = DocumentShowPage.Model(
            tenantSlug: tenant.slug, id: documentID, title: document.title, facts: facts, status: draft.status,
            isPublished: document.isPublished,
            versions: try versions.map { v in
                DocumentShowPage.Version(
                    id: try v.requireID(), number: v.number, fileName: v.fileName,
                    kind: ctx.t((DocumentFileKind(rawValue: v.kind) ?? .pdf).label),
                    size: Self.size(v.sizeBytes, ctx), uploadedBy: v.uploadedBy,
                    uploadedAt: Components.dateTime(v.uploadedAt),
                    url: DocumentRoutes.file(tenant.slug, documentID, try v.requireID()))
            }, audience: described,
            audienceValues: FormData([
                "everyone": [audience.everyone ? "true" : "false"],
                "orgUnitIds": audience.orgUnitIds.map(\.uuidString),
                "roleTypeIds": audience.roleTypeIds.map(\.uuidString),
            ]),
            units: units.map { ($0.id!.uuidString, $0.name) },
            roles: roles.map { ($0.id!.uuidString, $0.name[ctx.lang]) },
            readingVersion: reading.versionNumber,
            readers: reading.readers.map {
                DocumentShowPage.Reader(
                    name: $0.name, requestedOn: $0.requestedOn.iso,
                    confirmedAt: $0.confirmedAt.map(Components.dateTime),
                    isOverdue: $0.isOverdue)
            }, tally: reading.tally, readDays: days, mustConfirm: mustConfirm, canEdit: canEdit,
            canPublish: canPublish, failed: failed)
        return DocumentShowPage(model: model, ctx: ctx).render(status: status)
    }

    static func size(_ bytes: Int64, _ ctx: PageContext) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) kB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10)\(ctx.t(",", "."))\(tenths % 10) MB"
    }
}
