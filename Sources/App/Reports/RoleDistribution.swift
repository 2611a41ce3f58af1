import Fluent
import Foundation
import StyrbordCore
import Vapor

/// L1: "Rollfördelning över IT-system": every system against every system role, with who holds it
/// today. Loaded once and rendered as a page, CSV and JSON.
struct RoleDistribution: Sendable {
    struct Holder: Sendable, Codable, Hashable {
        var personId: UUID
        var name: String
        var holding: RoleHolding
    }

    struct Row: Sendable {
        var systemID: UUID
        var name: String
        var category: SystemCategory
        var lifecycle: LifecycleStatus
        var owner: String?
        /// Holders per role key, primary holders first.
        var holders: [String: [Holder]]
        var gaps: [RoleGap]
    }

    var roles: [(key: String, name: Localized)]
    var rows: [Row]
    var today: CalendarDay

    /// - Parameters:
    ///   - orgUnitID: only systems owned by this unit or units below it.
    ///   - includeDecommissioned: also list decommissioned systems (they need no roles).
    static func load(
        tenant: Tenant, orgUnitID: UUID?, includeDecommissioned: Bool, today: CalendarDay, on db: any Database
    ) async throws -> RoleDistribution {
        let context = try await RegisterContext.load(tenant: tenant, today: today, on: db)
        var query = try ITSystem.scoped(to: tenant, on: db).sort(\.$sortKey)
        if let orgUnitID { query = query.filter(\.$ownerOrgUnitID ~~ Array(context.orgTree.subtree(of: orgUnitID))) }
        if !includeDecommissioned { query = query.filter(\.$lifecycleStatus != .decommissioned) }
        let systems = try await query.all()
        let ids = systems.compactMap(\.id)
        let assignments =
            ids.isEmpty
            ? []
            : try await RoleAssignment.scoped(to: tenant, on: db).filter(\.$scope == .system).all()
                .filter { $0.isCurrent(on: today) && ($0.systemID.map(Set(ids).contains) ?? false) }
        let people = try await Person.scoped(to: tenant, on: db).filter(
            \.$id ~~ Array(Set(assignments.map(\.personID)))
        ).all()
        let byPerson = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0) })
        let roleKeys = context.roleTypesByID.mapValues(\.key)
        var holders: [UUID: [String: [Holder]]] = [:]
        for a in assignments.sorted(by: {
            ($0.holding == .primary ? 0 : 1, $0.validFrom) < ($1.holding == .primary ? 0 : 1, $1.validFrom)
        }) {
            guard let systemID = a.systemID, let key = roleKeys[a.roleTypeID], let person = byPerson[a.personID] else {
                continue
            }
            holders[systemID, default: [:]][key, default: []].append(
                Holder(personId: a.personID, name: person.name + (person.isActive ? "" : " †"), holding: a.holding))
        }
        let gaps = try await context.roleGaps(systems: systems, on: db)
        return RoleDistribution(
            roles: context.systemRoleTypes.map { ($0.key, $0.name) },
            rows: systems.map { s in
                Row(
                    systemID: s.id!, name: s.name, category: s.category, lifecycle: s.lifecycleStatus,
                    owner: context.orgTree.name(s.ownerOrgUnitID), holders: holders[s.id!] ?? [:],
                    gaps: gaps[s.id!] ?? [])
            },
            today: today)
    }

    /// "Anna Berg; Per Ek (ersättare)".
    static func cellText(_ holders: [Holder], lang: UILanguage) -> String {
        holders.map { $0.holding == .deputy ? "\($0.name) (\(lang == .sv ? "ersättare" : "deputy"))" : $0.name }.joined(
            separator: "; ")
    }

    /// The report as CSV that Swedish Excel opens correctly.
    func csv(lang: UILanguage) -> [UInt8] {
        var writer = CSVWriter()
        writer.appendRow(
            [
                lang == .sv ? "System" : "System", lang == .sv ? "Ägande förvaltning" : "Owning administration",
                lang == .sv ? "Kategori" : "Category", lang == .sv ? "Livscykel" : "Lifecycle",
            ]
                + roles.map { $0.name[lang] } + [lang == .sv ? "Brister" : "Gaps"])
        for row in rows {
            writer.appendRow(
                [row.name, row.owner ?? "", row.category.label[lang], row.lifecycle.label[lang]]
                    + roles.map { Self.cellText(row.holders[$0.key] ?? [], lang: lang) }
                    + [row.gaps.map { "\($0.roleKey)/\($0.missing.rawValue) (\($0.source))" }.joined(separator: "; ")])
        }
        return writer.bytes
    }
}

/// The report as JSON.
struct RoleDistributionResponse: Content {
    struct Role: Content { var key: String; var name: String }
    struct Row: Content {
        var systemId: UUID
        var name: String
        var category: SystemCategory
        var lifecycleStatus: LifecycleStatus
        var ownerOrgUnit: String?
        var holders: [String: [RoleDistribution.Holder]]
        var missingRoles: [RoleGapResponse]
    }

    var date: CalendarDay
    var roles: [Role]
    var rows: [Row]

    init(_ r: RoleDistribution, lang: UILanguage) {
        date = r.today
        roles = r.roles.map { Role(key: $0.key, name: $0.name[lang]) }
        rows = r.rows.map {
            Row(
                systemId: $0.systemID, name: $0.name, category: $0.category, lifecycleStatus: $0.lifecycle,
                ownerOrgUnit: $0.owner,
                holders: $0.holders, missingRoles: $0.gaps.map(RoleGapResponse.init))
        }
    }
}

/// The report's page, CSV download and API endpoint.
struct ReportsController {
    /// `strict` is the API's reading: a value it can't read, an empty one included, is 400 query.invalid;
    /// the page ignores it.
    private func load(_ req: Request, strict: Bool) async throws -> (Tenant, RoleDistribution, UUID?, Bool) {
        let tenant = try await req.tenant()
        let unitText: String? = req.query["orgUnit"]
        let unit = unitText.flatMap(UUID.init(uuidString:))
        let allText: String? = req.query["includeDecommissioned"]
        if strict {
            var issues = Validator()
            if unitText != nil && unit == nil {
                issues.add("orgUnit", sv: "Ange ett id (UUID).", en: "Give an id (UUID).")
            }
            if let allText, !["true", "false"].contains(allText) {
                issues.add("includeDecommissioned", sv: "Ange true eller false.", en: "Give true or false.")
            }
            if !issues.isValid { throw InvalidQuery(issues: issues.issues) }
        }
        let all = allText == "true"
        let report = try await RoleDistribution.load(
            tenant: tenant, orgUnitID: unit, includeDecommissioned: all, today: req.dependencies.today, on: req.db)
        return (tenant, report, unit, all)
    }

    @Sendable func page(req: Request) async throws -> Response {
        let (tenant, report, unit, all) = try await load(req, strict: false)
        let context = try await req.registerContext(for: tenant)
        let model = RoleDistributionPage.Model(
            tenantSlug: tenant.slug, report: report, orgOptions: context.orgTree.options(),
            orgUnitID: unit, includeDecommissioned: all)
        return RoleDistributionPage(model: model, ctx: PageContext(request: req, tenant: tenant)).render()
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let (tenant, report, _, _) = try await load(req, strict: false)
        return Downloads.csv(
            report.csv(lang: req.uiLanguage), filename: "rollfordelning-\(tenant.slug)-\(report.today.iso).csv")
    }

    @Sendable func api(req: Request) async throws -> RoleDistributionResponse {
        let (_, report, _, _) = try await load(req, strict: true)
        return RoleDistributionResponse(report, lang: .sv)
    }
}

/// File downloads with the headers browsers and Excel need.
enum Downloads {
    static func csv(_ bytes: [UInt8], filename: String) -> Response {
        file(bytes, type: "text/csv; charset=utf-8", filename: filename)
    }

    static func json(_ bytes: [UInt8], filename: String) -> Response {
        file(bytes, type: "application/json; charset=utf-8", filename: filename)
    }

    static func file(_ bytes: [UInt8], type: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        // The filename is ours (slug and date), ASCII only, so it needs no further quoting.
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(bytes: bytes)))
    }
}
