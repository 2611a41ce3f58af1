import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Tenant-wide data most register pages need: the org tree, the role catalogue and the role rules.
/// Loaded once per request (a handful of small queries).
struct RegisterContext: Sendable {
    var tenant: Tenant
    var orgTree: OrgTree
    var roleTypes: [RoleType]
    var policy: RoleRequirementPolicy
    var today: CalendarDay

    static func load(
        tenant: Tenant, today: CalendarDay, cache: RegisterCache? = nil, on db: any Database
    ) async throws -> RegisterContext {
        let load = {
            async let units = RegisterRows.orgUnits(tenant: try tenant.requireID(), on: db)
            async let roles = RoleType.scoped(to: tenant, on: db).sort(\.$sortOrder).all()
            // A profile that no longer parses falls back to the standard rules rather than failing every page.
            let policy = (try? await ProfileRules.current(tenant, on: db).1.roleRequirementPolicy) ?? .standard
            return RegisterCache.Entry(
                version: tenant.dataVersion, orgTree: OrgTree(units: try await units), roleTypes: try await roles,
                policy: policy)
        }
        let entry = if let cache { try await cache.entry(for: tenant, load: load) } else { try await load() }
        return RegisterContext(
            tenant: tenant, orgTree: entry.orgTree, roleTypes: entry.roleTypes, policy: entry.policy, today: today)
    }

    var roleTypesByID: [UUID: RoleType] {
        Dictionary(uniqueKeysWithValues: roleTypes.compactMap { r in r.id.map { ($0, r) } })
    }

    func roleType(key: String) -> RoleType? { roleTypes.first { $0.key == key } }

    /// Role types held per system, in catalogue order.
    var systemRoleTypes: [RoleType] { roleTypes.filter { $0.scope == .system } }

    /// The role assignments held on some systems and the people holding them, loaded once so that
    /// holders and gaps come from the same two queries.
    struct SystemRoles: Sendable {
        var assignments: [AssignmentRow]
        var people: [UUID: PersonRow]
    }

    func systemRoles(of systemIDs: [UUID], on db: any Database) async throws -> SystemRoles {
        let (assignments, people) = try await RegisterRows.assignments(
            tenant: try tenant.requireID(), systems: systemIDs, on: db)
        return SystemRoles(assignments: assignments, people: people)
    }

    /// What the role requirements look at in a system.
    struct GapSubject: Sendable {
        var id: UUID
        var category: SystemCategory
        var lifecycle: LifecycleStatus
    }

    /// The gaps of each given system.
    func roleGaps(systems: [ITSystem], on db: any Database) async throws -> [UUID: [RoleGap]] {
        let subjects = systems.compactMap { s in
            s.id.map { GapSubject(id: $0, category: s.category, lifecycle: s.lifecycleStatus) }
        }
        return roleGaps(subjects, roles: try await systemRoles(of: subjects.map(\.id), on: db))
    }

    func roleGaps(_ systems: [GapSubject], roles: SystemRoles) -> [UUID: [RoleGap]] {
        let byID = roleTypesByID
        var held: [UUID: [HeldRole]] = [:]
        for a in roles.assignments {
            guard let systemID = a.systemID, let role = byID[a.roleTypeID], let from = CalendarDay(iso: a.validFrom)
            else { continue }
            held[systemID, default: []].append(
                HeldRole(
                    roleKey: role.key, holding: a.holding, validFrom: from,
                    validTo: a.validTo.flatMap(CalendarDay.init(iso:)),
                    holderIsActive: roles.people[a.personID]?.isActive ?? false))
        }
        var result: [UUID: [RoleGap]] = [:]
        for system in systems {
            let gaps = policy.gaps(
                category: system.category, lifecycle: system.lifecycle, held: held[system.id] ?? [], on: today)
            if !gaps.isEmpty { result[system.id] = gaps }
        }
        return result
    }

    /// Ids of the tenant's systems missing `role` (or any required role when nil).
    func systemsMissing(role: String?, on db: any Database) async throws -> Set<UUID> {
        let subjects = try await RegisterRows.requirementKeys(tenant: try tenant.requireID(), on: db)
            .map { GapSubject(id: $0.id, category: $0.category, lifecycle: $0.lifecycle) }
        let gaps = roleGaps(subjects, roles: try await systemRoles(of: subjects.map(\.id), on: db))
        return Set(
            gaps.compactMap { id, gaps in
                role == nil || gaps.contains { $0.roleKey == role } ? id : nil
            })
    }

    /// How a role key reads in the UI.
    func roleName(_ key: String, _ lang: UILanguage) -> String {
        roleType(key: key)?.name[lang] ?? key
    }
}
