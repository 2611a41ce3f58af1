import Fluent
import Foundation
import SQLKit
import StyrbordCore
import Vapor

/// The register's search: free text, filters, sorting and paging. The register page, the API list and
/// the exports all read systems through this, so they always agree.
struct SystemQuery: Sendable, Equatable {
    enum Sort: String, CaseIterable, Sendable {
        case name, category, owner, lifecycle, criticality, updated
    }

    var text: String = ""
    var category: SystemCategory?
    /// An org unit; systems owned by it or by any unit below it match.
    var orgUnitID: UUID?
    var lifecycle: LifecycleStatus?
    var criticality: Criticality?
    var personalData: PersonalDataLevel?
    /// A role key, or `SystemQuery.anyRole` for "missing any required role".
    var missingRole: String?
    var sort: Sort = .name
    var descending = false
    var page = 1
    var perPage = 50

    static let anyRole = "any"
    static let maxPerPage = 200

    /// Reads the query string; unknown values are ignored rather than refused, so a hand-edited URL
    /// still shows a register. (The API validates strictly through `parseStrict`.)
    init(query: [(String, String)]) {
        for (key, value) in query where !value.isEmpty {
            switch key {
            case "q": text = String(value.prefix(200))
            case "category": category = SystemCategory(rawValue: value)
            case "orgUnit": orgUnitID = UUID(uuidString: value)
            case "lifecycle": lifecycle = LifecycleStatus(rawValue: value)
            case "criticality": criticality = Criticality(rawValue: value)
            case "personalData": personalData = PersonalDataLevel(rawValue: value)
            case "missingRole": missingRole = value
            case "sort": sort = Sort(rawValue: value) ?? .name
            case "order": descending = value == "desc"
            case "page": page = max(1, min(Int(value) ?? 1, 100_000))
            case "perPage": perPage = max(1, min(Int(value) ?? 50, Self.maxPerPage))
            default: break
            }
        }
    }

    init() {}

    /// The API's reading: a value that isn't understood is an error naming the parameter. So is an
    /// empty one, except for the free-text `q` and `missingRole`: "?orgUnit=" must not list everything.
    static func parseStrict(_ query: [(String, String)]) throws -> SystemQuery {
        var issues = Validator()
        for (key, value) in query {
            let ok: Bool =
                switch key {
                case "category": SystemCategory(rawValue: value) != nil
                case "orgUnit": UUID(uuidString: value) != nil
                case "lifecycle": LifecycleStatus(rawValue: value) != nil
                case "criticality": Criticality(rawValue: value) != nil
                case "personalData": PersonalDataLevel(rawValue: value) != nil
                case "sort": Sort(rawValue: value) != nil
                case "order": ["asc", "desc"].contains(value)
                case "page": Int(value).map { (1...100_000).contains($0) } ?? false
                case "perPage": Int(value).map { (1...maxPerPage).contains($0) } ?? false
                default: true
                }
            if !ok {
                issues.add(
                    key, sv: "Ogiltigt värde \"\(value)\" för parametern \(key).",
                    en: "Invalid value \"\(value)\" for the parameter \(key).")
            }
        }
        if !issues.isValid { throw InvalidQuery(issues: issues.issues) }
        return SystemQuery(query: query)
    }

    /// The query as URL parameters (defaults left out), for links that keep the current filters.
    var parameters: [(String, String)] {
        var p: [(String, String)] = []
        if !text.isEmpty { p.append(("q", text)) }
        if let category { p.append(("category", category.rawValue)) }
        if let orgUnitID { p.append(("orgUnit", orgUnitID.uuidString)) }
        if let lifecycle { p.append(("lifecycle", lifecycle.rawValue)) }
        if let criticality { p.append(("criticality", criticality.rawValue)) }
        if let personalData { p.append(("personalData", personalData.rawValue)) }
        if let missingRole { p.append(("missingRole", missingRole)) }
        if sort != .name { p.append(("sort", sort.rawValue)) }
        if descending { p.append(("order", "desc")) }
        if page != 1 { p.append(("page", String(page))) }
        if perPage != 50 { p.append(("perPage", String(perPage))) }
        return p
    }

    static func == (a: SystemQuery, b: SystemQuery) -> Bool { a.parameters.elementsEqual(b.parameters, by: ==) }

    var isFiltered: Bool {
        !text.isEmpty || category != nil || orgUnitID != nil || lifecycle != nil || criticality != nil
            || personalData != nil || missingRole != nil
    }
}

/// A page of the register: the matching systems in display order, and how many match in all.
struct SystemPage: Sendable {
    var rows: [SystemListRow]
    var ids: [UUID] { rows.map(\.id) }
    var total: Int
    var query: SystemQuery
    var pageCount: Int { max(1, (total + query.perPage - 1) / query.perPage) }
}

extension SystemQuery {
    /// Runs the query for one tenant with SQLKit's builder (the same statements on SQLite and
    /// PostgreSQL). `everything` ignores paging (exports).
    func run(
        tenant: Tenant, context: RegisterContext, on db: any Database, everything: Bool = false
    ) async throws -> SystemPage {
        let tenantID = try tenant.requireID()
        var lacking: Set<UUID>?
        if let missingRole {
            lacking = try await context.systemsMissing(role: missingRole == Self.anyRole ? nil : missingRole, on: db)
        }
        let units = orgUnitID.map { Array(context.orgTree.subtree(of: $0)) }
        let sql = RegisterRows.sql(db)

        let count = try await filtered(
            sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"),
            tenantID: tenantID, units: units, lacking: lacking
        )
        .first()
        let total = try count?.decode(column: "n", as: Int.self) ?? 0

        var select = filtered(
            sql.select().columns(RegisterRows.systemListColumns), tenantID: tenantID, units: units, lacking: lacking)
        let direction: SQLDirection = descending ? .descending : .ascending
        switch sort {
        case .name: select = select.orderBy(SQLColumn("sort_key", table: "it_systems"), direction)
        case .category: select = select.orderBy(SQLColumn("category", table: "it_systems"), direction)
        case .owner:
            select = select.join(
                SQLIdentifier("org_units"), method: SQLJoinMethod.left,
                on: SQLColumn("owner_org_unit_id", table: "it_systems"), .equal, SQLColumn("id", table: "org_units")
            )
            .orderBy(SQLColumn("sort_key", table: "org_units"), direction)
        case .lifecycle: select = select.orderBy(SQLColumn("lifecycle_rank", table: "it_systems"), direction)
        case .criticality: select = select.orderBy(SQLColumn("criticality_rank", table: "it_systems"), direction)
        case .updated: select = select.orderBy(SQLColumn("updated_at", table: "it_systems"), direction)
        }
        select = select.orderBy(SQLColumn("sort_key", table: "it_systems")).orderBy(
            SQLColumn("id", table: "it_systems"))  // stable order
        if !everything {
            select = select.limit(perPage).offset((page - 1) * perPage)
        }
        let uuidsAreText = DatabaseTuning.isSQLite(db)
        let rows = try await select.all().map { try RegisterRows.systemListRow($0, text: uuidsAreText) }
        return SystemPage(rows: rows, total: total, query: self)
    }

    private func filtered(
        _ select: SQLSelectBuilder, tenantID: UUID, units: [UUID]?, lacking: Set<UUID>?
    ) -> SQLSelectBuilder {
        var s = select.from("it_systems").where(SQLColumn("tenant_id", table: "it_systems"), .equal, SQLBind(tenantID))
        for term in text.lowercased().split(whereSeparator: \.isWhitespace).prefix(8) {
            // search_text is stored lower-cased, so LIKE means the same on both databases.
            s = s.where(
                SQLColumn("search_text", table: "it_systems"), .like, SQLBind("%\(Self.escapeLike(String(term)))%"))
        }
        if let category { s = s.where(SQLColumn("category", table: "it_systems"), .equal, SQLBind(category.rawValue)) }
        if let lifecycle {
            s = s.where(SQLColumn("lifecycle_status", table: "it_systems"), .equal, SQLBind(lifecycle.rawValue))
        }
        if let criticality {
            s = s.where(SQLColumn("criticality", table: "it_systems"), .equal, SQLBind(criticality.rawValue))
        }
        if let personalData {
            s = s.where(SQLColumn("personal_data_level", table: "it_systems"), .equal, SQLBind(personalData.rawValue))
        }
        if let units { s = s.where(SQLColumn("owner_org_unit_id", table: "it_systems"), .in, SQLBind.group(units)) }
        if let lacking {
            // An empty IN list is not valid SQL everywhere; no system lacking the role means no match.
            s =
                lacking.isEmpty
                ? s.where(SQLLiteral.boolean(false), .equal, SQLLiteral.boolean(true))
                : s.where(SQLColumn("id", table: "it_systems"), .in, SQLBind.group(Array(lacking)))
        }
        return s
    }

    /// LIKE treats % and _ as wildcards and escaping differs between the databases, so search terms
    /// are matched without them.
    static func escapeLike(_ term: String) -> String {
        term.filter { $0 != "%" && $0 != "_" && $0 != "\\" }
    }
}

extension SystemPage {
    /// The page's systems as Fluent models (the API and exports need every field), in page order.
    func models(tenant: Tenant, on db: any Database) async throws -> [ITSystem] {
        guard !ids.isEmpty else { return [] }
        let found = try await ITSystem.scoped(to: tenant, on: db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id!, $0) })
        return ids.compactMap { byID[$0] }
    }
}
