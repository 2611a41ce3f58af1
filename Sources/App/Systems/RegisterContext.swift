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

    static func load(tenant: Tenant, today: CalendarDay, on db: any Database) async throws -> RegisterContext {
        async let units = OrgUnit.scoped(to: tenant, on: db).all()
        async let roles = RoleType.scoped(to: tenant, on: db).sort(\.$sortOrder).all()
        return RegisterContext(
            tenant: tenant, orgTree: OrgTree(units: try await units), roleTypes: try await roles,
            policy: .standard, today: today)
    }

    var roleTypesByID: [UUID: RoleType] {
        Dictionary(uniqueKeysWithValues: roleTypes.compactMap { r in r.id.map { ($0, r) } })
    }

    func roleType(key: String) -> RoleType? { roleTypes.first { $0.key == key } }

    /// Role types held per system, in catalogue order.
    var systemRoleTypes: [RoleType] { roleTypes.filter { $0.scope == .system } }

    /// The gaps of each given system (all the tenant's systems when `systemIDs` is nil).
    func roleGaps(systems: [ITSystem], on db: any Database) async throws -> [UUID: [RoleGap]] {
        let ids = systems.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let assignments = try await RoleAssignment.scoped(to: tenant, on: db)
            .filter(\.$systemID ~~ ids).all()
        let personIDs = Set(assignments.map(\.personID))
        let active = try await Set(Person.scoped(to: tenant, on: db).filter(\.$id ~~ Array(personIDs))
            .filter(\.$isActive == true).all().compactMap(\.id))
        let byID = roleTypesByID
        var held: [UUID: [HeldRole]] = [:]
        for a in assignments {
            guard let systemID = a.systemID, let role = byID[a.roleTypeID],
                let from = CalendarDay(iso: a.validFrom)
            else { continue }
            held[systemID, default: []].append(HeldRole(
                roleKey: role.key, holding: a.holding, validFrom: from, validTo: a.validTo.flatMap(CalendarDay.init(iso:)),
                holderIsActive: active.contains(a.personID)))
        }
        var result: [UUID: [RoleGap]] = [:]
        for system in systems {
            guard let id = system.id else { continue }
            let gaps = policy.gaps(category: system.category, lifecycle: system.lifecycleStatus, held: held[id] ?? [], on: today)
            if !gaps.isEmpty { result[id] = gaps }
        }
        return result
    }

    /// Ids of the tenant's systems missing `role` (or any required role when nil).
    func systemsMissing(role: String?, on db: any Database) async throws -> Set<UUID> {
        let systems = try await ITSystem.scoped(to: tenant, on: db)
            .field(\.$id).field(\.$category).field(\.$lifecycleStatus).all()
        let gaps = try await roleGaps(systems: systems, on: db)
        return Set(gaps.compactMap { id, gaps in
            role == nil || gaps.contains { $0.roleKey == role } ? id : nil
        })
    }

    /// How a role key reads in the UI.
    func roleName(_ key: String, _ lang: UILanguage) -> String {
        roleType(key: key)?.name[lang] ?? key
    }
}
