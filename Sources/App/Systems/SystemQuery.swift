import Fluent
import Foundation
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
                issues.add(key, sv: "Ogiltigt värde \"\(value)\" för parametern \(key).", en: "Invalid value \"\(value)\" for the parameter \(key).")
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

/// A page of the register.
struct SystemPage: Sendable {
    var systems: [ITSystem]
    var total: Int
    var query: SystemQuery
    var pageCount: Int { max(1, (total + query.perPage - 1) / query.perPage) }
}

extension SystemQuery {
    /// Runs the query for one tenant. `everything` ignores paging (exports).
    func run(tenant: Tenant, context: RegisterContext, on db: any Database, everything: Bool = false) async throws -> SystemPage {
        var builder = try ITSystem.scoped(to: tenant, on: db)
        for term in text.lowercased().split(whereSeparator: \.isWhitespace).prefix(8) {
            builder = builder.filter(\.$searchText ~~ Self.escapeLike(String(term)))
        }
        if let category { builder = builder.filter(\.$category == category) }
        if let lifecycle { builder = builder.filter(\.$lifecycleStatus == lifecycle) }
        if let criticality { builder = builder.filter(\.$criticality == criticality) }
        if let personalData { builder = builder.filter(\.$personalDataLevel == personalData) }
        if let orgUnitID {
            builder = builder.filter(\.$ownerOrgUnitID ~~ Array(context.orgTree.subtree(of: orgUnitID)))
        }
        if let missingRole {
            let lacking = try await context.systemsMissing(role: missingRole == Self.anyRole ? nil : missingRole, on: db)
            builder = builder.filter(\.$id ~~ Array(lacking))
        }
        let total = try await builder.copy().count()
        switch sort {
        case .name: builder = builder.sort(\.$sortKey, descending ? .descending : .ascending)
        case .category: builder = builder.sort(\.$category, descending ? .descending : .ascending)
        case .owner:
            builder = builder.join(OrgUnit.self, on: \ITSystem.$ownerOrgUnitID == \OrgUnit.$id, method: .left)
                .sort(OrgUnit.self, \.$sortKey, descending ? .descending : .ascending)
        case .lifecycle: builder = builder.sort(\.$lifecycleRank, descending ? .descending : .ascending)
        case .criticality: builder = builder.sort(\.$criticalityRank, descending ? .descending : .ascending)
        case .updated: builder = builder.sort(\.$updatedAt, descending ? .descending : .ascending)
        }
        builder = builder.sort(\.$sortKey).sort(\.$id)  // stable order within equal keys
        if !everything {
            builder = builder.range(((page - 1) * perPage)..<(page * perPage))
        }
        return SystemPage(systems: try await builder.all(), total: total, query: self)
    }

    /// LIKE treats % and _ as wildcards; search text is matched literally. Both databases accept `\` as
    /// the escape character in a LIKE pattern (SQLite only with ESCAPE, so we strip instead).
    static func escapeLike(_ term: String) -> String {
        term.filter { $0 != "%" && $0 != "_" && $0 != "\\" }
    }
}
