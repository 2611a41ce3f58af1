import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// URLs of the municipality's audit trail (administrator only).
enum AuditRoutes {
    static func index(_ tenant: String, query: [(String, String)] = []) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "audit"), query: query)
    }
    static func export(_ tenant: String, format: String, query: [(String, String)]) -> String {
        URLBuilder.path(URLBuilder.segments("t", tenant, "audit", "export.\(format)"), query: query)
    }
    static func settings(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "audit", "settings") }
    static func forPerson(_ tenant: String, account: UUID) -> String {
        index(tenant, query: [("actor", account.uuidString)])
    }

    static func register(html: any RoutesBuilder, api: any RoutesBuilder) {
        let pages = AuditTrailController()
        html.get("audit", use: pages.index).access(.tenant(.administer))
        html.get("audit", ":file", use: pages.export).access(.tenant(.administer))
        html.post("audit", "settings", use: pages.saveSettings).access(.tenant(.administer))
        api.get("audit-entries", use: pages.api).access(.tenant(.administer))
    }
}

/// Which entries to show: per person, per object, by kind, action, period and text.
struct AuditQuery: Sendable {
    var actor: UUID?
    var objectID: UUID?
    var objectType: String?
    var action: AuditEntry.Action?
    var from: CalendarDay?
    var to: CalendarDay?
    var text: String
    var page: Int
    var perPage: Int

    /// Reads the query string; with `strict` (the API) a value it can't read is an error naming the parameter.
    init(_ items: [(String, String)], strict: Bool) throws {
        let d = Dictionary(items, uniquingKeysWith: { a, _ in a })
        var issues: [ValidationIssue] = []
        func bad(_ field: String, _ sv: String, _ en: String) {
            issues.append(ValidationIssue(field: field, message: Localized(sv: sv, en: en)))
        }
        if strict {
            issues += ListQuery.emptyParameters(
                items, among: ["actor", "objectId", "objectType", "action", "from", "to"])
        }
        func uuid(_ key: String) -> UUID? {
            guard let raw = d[key], !raw.isEmpty else { return nil }
            guard let id = UUID(uuidString: raw) else {
                bad(key, "Ange ett id (UUID).", "Enter an id (UUID).")
                return nil
            }
            return id
        }
        func day(_ key: String) -> CalendarDay? {
            guard let raw = d[key], !raw.isEmpty else { return nil }
            guard let day = CalendarDay(iso: raw) else {
                bad(key, "Ange datumet som ÅÅÅÅ-MM-DD.", "Enter the date as YYYY-MM-DD.")
                return nil
            }
            return day
        }
        actor = uuid("actor")
        objectID = uuid("objectId")
        objectType = d["objectType"].flatMap { $0.isEmpty ? nil : String($0.prefix(50)) }
        if strict, let raw = d["objectType"], raw.unicodeScalars.count > 50 {
            bad("objectType", "Högst 50 tecken.", "At most 50 characters.")
        }
        if let raw = d["action"], !raw.isEmpty {
            action = AuditEntry.Action(rawValue: raw)
            if action == nil { bad("action", "Okänd händelse.", "Unknown action.") }
        }
        from = day("from")
        to = day("to")
        text = String((d["q"] ?? "").trimmed.prefix(200))
        let list = strict ? try ListQuery.strict(items) : ListQuery(items)
        page = list.page
        perPage = list.perPage
        if strict && !issues.isEmpty { throw InvalidQuery(issues: issues) }
    }

    /// The filters as query items, for links that keep them.
    var parameters: [(String, String)] {
        [
            ("actor", actor?.uuidString ?? ""), ("objectId", objectID?.uuidString ?? ""),
            ("objectType", objectType ?? ""), ("action", action?.rawValue ?? ""), ("from", from?.iso ?? ""),
            ("to", to?.iso ?? ""), ("q", text),
        ]
    }

    func apply(_ query: QueryBuilder<AuditEntry>) -> QueryBuilder<AuditEntry> {
        if let actor { query.filter(\.$actorID == actor) }
        if let objectID { query.filter(\.$objectID == objectID) }
        if let objectType { query.filter(\.$objectType == objectType) }
        if let action { query.filter(\.$action == action) }
        // Days are Swedish calendar days.
        if let from { query.filter(\.$at >= from.startDate) }
        if let to { query.filter(\.$at < to.adding(days: 1).startDate) }
        if !text.isEmpty {
            let pattern =
                "%" + text.lowercased().replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
                + "%"
            query.group(.or) { or in
                or.filter(.sql(unsafeRaw: "LOWER(object_label)"), .custom("LIKE"), .bind(pattern))
                    .filter(.sql(unsafeRaw: "LOWER(actor)"), .custom("LIKE"), .bind(pattern))
                    .filter(.sql(unsafeRaw: "LOWER(COALESCE(message, ''))"), .custom("LIKE"), .bind(pattern))
            }
        }
        return query
    }
}

/// One entry as pages, exports and the API show it.
struct AuditEntryResponse: Content {
    struct Change: Content {
        var field: String
        var before: String?
        var after: String?
    }

    var id: UUID
    var seq: Int64
    var at: Date
    var action: String
    var actor: String
    var actorId: UUID?
    var objectType: String
    var objectId: UUID
    var objectLabel: String
    var systemId: UUID?
    var message: String?
    var requestId: String
    var changes: [Change]
    var entryHash: String

    init(_ e: AuditEntry) throws {
        id = try e.requireID()
        seq = e.seq
        at = e.at
        action = e.action.rawValue
        actor = e.actor
        actorId = e.actorID
        objectType = e.objectType
        objectId = e.objectID
        objectLabel = e.objectLabel
        systemId = e.systemID
        message = e.message
        requestId = e.requestID
        changes = AuditChange.diff(before: e.before, after: e.after).map {
            Change(field: $0.field, before: $0.before, after: $0.after)
        }
        entryHash = e.entryHash
    }
}

struct AuditEntryList: Content {
    var items: [AuditEntryResponse]
    var page: Int
    var perPage: Int
    var total: Int
}

/// The audit trail: every change and security event of the municipality, newest first (F5).
struct AuditTrailController {
    /// An export holds at most this many entries; narrow the filter for more.
    static let exportLimit = 50_000

    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let query = try AuditQuery(req.queryItems, strict: false)
        let (entries, total) = try await Self.page(query, tenant: tenant, on: req.db)
        let accounts = try await Account.query(on: req.db).filter(\.$tenantID == tenant.requireID()).sort(\.$name)
            .all()
        let model = AuditTrailPage.Model(
            tenantSlug: tenant.slug, tenantName: tenant.name, query: query,
            entries: try entries.map(AuditEntryResponse.init),
            total: total, accounts: accounts.map { ($0.id!.uuidString, "\($0.name) (\($0.email))") },
            retentionYears: tenant.auditActorRetentionYears, errors: FormErrors())
        return AuditTrailPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }

    @Sendable func api(req: Request) async throws -> AuditEntryList {
        let tenant = try await req.tenant()
        let query = try AuditQuery(req.queryItems, strict: true)
        let (entries, total) = try await Self.page(query, tenant: tenant, on: req.db)
        return AuditEntryList(
            items: try entries.map(AuditEntryResponse.init), page: query.page, perPage: query.perPage, total: total)
    }

    /// One page of the tenant's entries matching `query`, newest first, and how many match in all.
    static func page(_ query: AuditQuery, tenant: Tenant, on db: any Database) async throws -> ([AuditEntry], Int) {
        let base = query.apply(AuditEntry.query(on: db).filter(\.$tenantID == (try tenant.requireID())))
        let total = try await base.copy().count()
        let entries = try await base.sort(\.$seq, .descending)
            .range((query.page - 1) * query.perPage..<query.page * query.perPage).all()
        return (entries, total)
    }

    /// `export.csv` (for Excel: BOM, semicolons, formulas neutralised) or `export.json`.
    @Sendable func export(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let file = try req.parameters.require("file")
        guard file == "export.csv" || file == "export.json" else {
            throw CommonError.notFound(what: Localized(sv: "Filen", en: "The file"))
        }
        let query = try AuditQuery(req.queryItems, strict: false)
        let entries = try await query.apply(
            AuditEntry.query(on: req.db).filter(\.$tenantID == (try tenant.requireID()))
        )
        .sort(\.$seq, .ascending).limit(Self.exportLimit).all().map(AuditEntryResponse.init)
        let name = "granskningslogg-\(tenant.slug)-\(req.dependencies.today.iso)"
        let response: Response
        if file == "export.json" {
            response = try await entries.encodeResponse(for: req)
        } else {
            var csv = CSVWriter()
            csv.appendRow(
                [
                    "Nr", "Tid (UTC)", "Händelse", "Vem", "Typ", "Post", "Post-id", "Meddelande", "Ändringar",
                    "Begäran", "Hash",
                ])
            let iso = ISO8601DateFormatter()
            for e in entries {
                csv.appendRow([
                    String(e.seq), iso.string(from: e.at), e.action, e.actor, e.objectType, e.objectLabel,
                    e.objectId.uuidString, e.message ?? "",
                    e.changes.map { "\($0.field): \($0.before ?? "–") → \($0.after ?? "–")" }.joined(separator: "; "),
                    e.requestId, e.entryHash,
                ])
            }
            response = Response(status: .ok, body: .init(data: csv.data))
            response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        }
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"\(name).\(file == "export.json" ? "json" : "csv")\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// How many years history names who acted; older entries get pseudonyms (`styrbord audit pseudonymise`).
    @Sendable func saveSettings(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let form = try req.formData()
        let raw = form["retentionYears"]
        let years = Int(raw)
        guard raw.isEmpty || (years.map { (1...100).contains($0) } ?? false) else {
            let query = try AuditQuery([], strict: false)
            let model = AuditTrailPage.Model(
                tenantSlug: tenant.slug, tenantName: tenant.name, query: query, entries: [], total: 0, accounts: [],
                retentionYears: tenant.auditActorRetentionYears,
                errors: FormErrors([
                    ValidationIssue(
                        field: "retentionYears",
                        message: Localized(
                            sv: "Ange ett helt antal år, 1–100, eller lämna tomt.",
                            en: "Enter a whole number of years, 1–100, or leave it empty."))
                ]))
            return AuditTrailPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render(
                status: .unprocessableEntity)
        }
        guard tenant.auditActorRetentionYears != years else { return req.redirect(to: AuditRoutes.index(tenant.slug)) }
        let before = tenant.auditActorRetentionYears
        try await req.db.writeTransaction { tx in
            tenant.auditActorRetentionYears = years
            try await tenant.update(on: tx)
            try await AuditLog.record(
                .update, objectType: "tenant-settings", objectID: try tenant.requireID(), label: tenant.name,
                tenantID: tenant.id, before: ["auditActorRetentionYears": before],
                after: ["auditActorRetentionYears": years], actor: .from(req), on: tx)
        }
        return req.redirect(to: AuditRoutes.index(tenant.slug), flash: .saved)
    }
}

/// The audit trail page: filters, the entries, exports and the retention setting.
struct AuditTrailPage: Page {
    struct Model {
        var tenantSlug: String
        var tenantName: String
        var query: AuditQuery
        var entries: [AuditEntryResponse]
        var total: Int
        var accounts: [(value: String, label: String)]
        var retentionYears: Int?
        var errors: FormErrors
    }

    let model: Model
    let ctx: PageContext
    var title: String { ctx.t("Granskningslogg", "Audit trail") }
    var section: NavSection? { .audit }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: model.tenantName), Breadcrumb(title: title)] }

    var content: Node<HTML.BodyContext> {
        .group(
            .div(
                .class("page-heading"), .h1(.text(title)),
                .div(
                    .class("actions"),
                    Components.buttonLink(
                        ctx.t("Exportera CSV", "Export CSV"),
                        url: AuditRoutes.export(model.tenantSlug, format: "csv", query: model.query.parameters),
                        secondary: true),
                    Components.buttonLink(
                        ctx.t("Exportera JSON", "Export JSON"),
                        url: AuditRoutes.export(model.tenantSlug, format: "json", query: model.query.parameters),
                        secondary: true))),
            .p(
                .text(
                    ctx.t(
                        "Varje ändring, inloggning och nekad åtkomst i kommunen. Posterna är kedjade med hashvärden; styrbord audit verify upptäcker en ändrad eller borttagen post.",
                        "Every change, sign-in and refused access in the municipality. Entries are chained by hash; styrbord audit verify detects an altered or removed entry."
                    ))),
            filters,
            .p(
                .class("result-count"), .attribute(named: "role", value: "status"),
                .text(ctx.t("\(model.total) händelser", "\(model.total) events"))),
            model.entries.isEmpty
                ? .p(.class("empty-state"), .text(ctx.t("Inga händelser matchar.", "No events match.")))
                : table,
            Components.pagination(
                page: model.query.page,
                pageCount: max(1, (model.total + model.query.perPage - 1) / model.query.perPage),
                ctx: ctx
            ) { page in
                AuditRoutes.index(model.tenantSlug, query: model.query.parameters + [("page", String(page))])
            },
            retention
        )
    }

    private var filters: Node<HTML.BodyContext> {
        let q = model.query
        let f = FormBuilder(
            ctx: ctx,
            values: FormData([
                "actor": [q.actor?.uuidString ?? ""], "objectId": [q.objectID?.uuidString ?? ""],
                "action": [q.action?.rawValue ?? ""], "from": [q.from?.iso ?? ""], "to": [q.to?.iso ?? ""],
                "q": [q.text], "objectType": [q.objectType ?? ""],
            ]))
        let actions: [(value: String, label: String)] =
            [("", ctx.t("Alla", "All"))]
            + [
                AuditEntry.Action.create, .update, .delete, .import, .signIn, .signOut, .signInFailed, .accessDenied,
                .tokenCreated, .tokenUsed, .tokenRevoked, .passwordChanged,
            ].map { ($0.rawValue, ctx.t($0.verb)) }
        return .el(
            "form", .attr("method", "get"), .attr("action", AuditRoutes.index(model.tenantSlug)),
            .attr("class", "filters"), .attr("role", "search"),
            f.input("q", label: ctx.t("Sök", "Search"), type: "search"),
            f.select(
                "actor", label: ctx.t("Person (konto)", "Person (account)"),
                options: [("", ctx.t("Alla", "All"))] + model.accounts),
            f.select("action", label: ctx.t("Händelse", "Event"), options: actions),
            f.input(
                "objectType", label: ctx.t("Typ av post", "Kind of record"),
                hint: ctx.t("Som system, person, account.", "As system, person, account.")),
            f.input("objectId", label: ctx.t("Post-id", "Record id")),
            f.input("from", label: ctx.t("Från och med", "From"), type: "date"),
            f.input("to", label: ctx.t("Till och med", "To"), type: "date"),
            .div(.class("filter-actions"), f.submit(ctx.t("Visa", "Show"))))
    }

    private var table: Node<HTML.BodyContext> {
        Components.tableWrap(
            title,
            .table(
                .thead(
                    .tr(
                        Components.header(ctx.t("Nr", "No.")), Components.header(ctx.t("Tid", "Time")),
                        Components.header(ctx.t("Vem", "Who")), Components.header(ctx.t("Händelse", "Event")),
                        Components.header(ctx.t("Post", "Record")), Components.header(ctx.t("Ändringar", "Changes")))),
                .tbody(
                    .forEach(model.entries) { e in
                        .tr(
                            .td(.class("number"), .text(String(e.seq))),
                            .td(.text(Components.dateTime(e.at))),
                            .td(
                                .unwrap(e.actorId) { id in
                                    .a(.link(AuditRoutes.forPerson(model.tenantSlug, account: id)), .safe(e.actor))
                                },
                                .if(e.actorId == nil, .safe(e.actor))),
                            .td(.text(AuditEntry.Action(rawValue: e.action).map { ctx.t($0.verb) } ?? e.action)),
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(
                                    .link(
                                        AuditRoutes.index(
                                            model.tenantSlug, query: [("objectId", e.objectId.uuidString)])),
                                    .safe(e.objectLabel)),
                                .text(" "), .span(.class("muted"), .safe("(\(e.objectType))")),
                                .unwrap(e.message) { .p(.class("muted"), .safe($0)) }),
                            .td(
                                e.changes.isEmpty
                                    ? .text("–")
                                    : .ul(
                                        .class("changes"),
                                        .forEach(e.changes.prefix(8)) { c in
                                            .li(
                                                .strong(.safe(c.field)), .text(": "), .safe(c.before ?? "–"),
                                                .text(" → "),
                                                .safe(c.after ?? "–"))
                                        })))
                    })))
    }

    private var retention: Node<HTML.BodyContext> {
        let f = FormBuilder(
            ctx: ctx, values: FormData(["retentionYears": [model.retentionYears.map(String.init) ?? ""]]),
            errors: model.errors)
        return .section(
            .h2(.text(ctx.t("Gallring av namn", "Removing names"))),
            .p(
                .text(
                    ctx.t(
                        "Efter så här många år ersätts vem som gjorde något med en pseudonym (GDPR). Vad som hände finns kvar och kedjan verifieras fortfarande. Körs med styrbord audit pseudonymise.",
                        "After this many years, who did something is replaced by a pseudonym (GDPR). What happened stays and the chain still verifies. Run with styrbord audit pseudonymise."
                    ))),
            f.errorSummary(labels: ["retentionYears": ctx.t("Antal år", "Years")]),
            f.form(
                action: AuditRoutes.settings(model.tenantSlug),
                f.input(
                    "retentionYears", label: ctx.t("Antal år", "Years"), type: "number",
                    hint: ctx.t("Tomt: namnen finns kvar.", "Empty: names are kept."), inputMode: "numeric"),
                .div(.class("form-actions"), f.submit(ctx.t("Spara", "Save")))))
    }
}
