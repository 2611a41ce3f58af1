import Foundation

/// The snapshot indexed for the rules: role holders per system, org unit and tenant, each unit's
/// förvaltning, and who should act for each system. Built once per evaluation.
public struct ComplianceContext: Sendable {
    public let snapshot: ComplianceSnapshot
    public let configuration: ComplianceConfiguration
    public var day: CalendarDay { snapshot.day }

    public let people: [UUID: ComplianceSnapshot.Person]
    public let units: [UUID: ComplianceSnapshot.OrgUnit]
    public let systems: [UUID: ComplianceSnapshot.System]
    /// Assignments held for each system, each org unit, and for the whole tenant.
    public let systemAssignments: [UUID: [ComplianceSnapshot.RoleAssignment]]
    public let unitAssignments: [UUID: [ComplianceSnapshot.RoleAssignment]]
    public let tenantAssignments: [ComplianceSnapshot.RoleAssignment]
    /// Each unit's förvaltning: the nearest förvaltning or company at or above it, else the top of its tree.
    public let administrationOf: [UUID: UUID]
    /// The units kommungemensamma systems may be owned by (E3); nil when the configuration names none
    /// or none of them exists in this tenant, and then any owner will do.
    public let commonOwnerUnits: Set<UUID>?
    private let responsibleBySystem: [UUID: ComplianceResponsible]
    private let tenantResponsible: ComplianceResponsible?

    public init(snapshot: ComplianceSnapshot, configuration: ComplianceConfiguration) {
        self.snapshot = snapshot
        self.configuration = configuration
        var people: [UUID: ComplianceSnapshot.Person] = [:]
        people.reserveCapacity(snapshot.people.count)
        for p in snapshot.people { people[p.id] = p }
        self.people = people
        var units: [UUID: ComplianceSnapshot.OrgUnit] = [:]
        for u in snapshot.orgUnits { units[u.id] = u }
        self.units = units
        var systems: [UUID: ComplianceSnapshot.System] = [:]
        systems.reserveCapacity(snapshot.systems.count)
        for s in snapshot.systems { systems[s.id] = s }
        self.systems = systems

        var bySystem: [UUID: [ComplianceSnapshot.RoleAssignment]] = [:]
        var byUnit: [UUID: [ComplianceSnapshot.RoleAssignment]] = [:]
        var tenantWide: [ComplianceSnapshot.RoleAssignment] = []
        for a in snapshot.roleAssignments {
            switch a.scope {
            case .system: if let id = a.scopeID { bySystem[id, default: []].append(a) }
            case .orgUnit: if let id = a.scopeID { byUnit[id, default: []].append(a) }
            case .tenant: tenantWide.append(a)
            case .managementObject: break
            }
        }
        systemAssignments = bySystem
        unitAssignments = byUnit
        tenantAssignments = tenantWide

        var administration: [UUID: UUID] = [:]
        for unit in snapshot.orgUnits {
            var current = unit
            var top = unit.id
            var found: UUID?
            var steps = 0
            while steps < 64 {  // a cycle in bad data must not loop forever
                if current.kind == .administration || current.kind == .company {
                    found = current.id
                    break
                }
                top = current.id
                guard let parent = current.parentID.flatMap({ units[$0] }) else { break }
                current = parent
                steps += 1
            }
            administration[unit.id] = found ?? top
        }
        administrationOf = administration

        let wanted = Set(configuration.commonSystemOwners.map { $0.lowercased() })
        let roots = snapshot.orgUnits.filter {
            wanted.contains($0.shortName.lowercased()) || wanted.contains($0.name.lowercased())
        }
        if roots.isEmpty {
            commonOwnerUnits = nil
        } else {
            var children: [UUID: [UUID]] = [:]
            for u in snapshot.orgUnits { if let p = u.parentID { children[p, default: []].append(u.id) } }
            var inside = Set(roots.map(\.id))
            var stack = Array(inside)
            while let next = stack.popLast() {
                for child in children[next] ?? [] where inside.insert(child).inserted { stack.append(child) }
            }
            commonOwnerUnits = inside
        }

        // Who acts for each system: its own role holder, else the IT-samordnare nearest above its owner,
        // else the tenant's role holder.
        let chain = configuration.responsible
        let day = snapshot.day
        func currentHolder(_ list: [ComplianceSnapshot.RoleAssignment]?, key: String?) -> UUID? {
            guard let key, let list else { return nil }
            var deputy: UUID?
            for a in list where a.roleKey == key && Self.isCurrent(a, people: people, on: day) {
                if a.holding == .primary { return a.personID }
                if deputy == nil { deputy = a.personID }
            }
            return deputy
        }
        var roleNames: [String: Localized] = [:]
        for key in [chain.systemRoleKey, chain.orgUnitRoleKey, chain.tenantRoleKey].compactMap({ $0 }) {
            roleNames[key] = snapshot.roleName(key)
        }
        func responsible(
            _ personID: UUID?, _ key: String?, _ basis: ComplianceResponsible.Basis
        ) -> ComplianceResponsible? {
            guard let personID, let key, let person = people[personID] else { return nil }
            return ComplianceResponsible(
                personID: personID, name: person.name, roleKey: key,
                roleName: roleNames[key] ?? Localized(verbatim: key), basis: basis)
        }
        let tenantLevel = responsible(
            currentHolder(tenantWide, key: chain.tenantRoleKey), chain.tenantRoleKey, .tenant)
        tenantResponsible = tenantLevel
        var unitLevel: [UUID: ComplianceResponsible?] = [:]
        func forUnit(_ id: UUID) -> ComplianceResponsible? {
            if let known = unitLevel[id] { return known }
            var current: UUID? = id
            var steps = 0
            var result: ComplianceResponsible?
            while let unitID = current, steps < 64 {
                if let person = currentHolder(byUnit[unitID], key: chain.orgUnitRoleKey) {
                    result = responsible(person, chain.orgUnitRoleKey, .administration)
                    break
                }
                current = units[unitID]?.parentID
                steps += 1
            }
            unitLevel[id] = .some(result)
            return result
        }
        var bySystemResponsible: [UUID: ComplianceResponsible] = [:]
        for system in snapshot.systems {
            let own = responsible(
                currentHolder(bySystem[system.id], key: chain.systemRoleKey), chain.systemRoleKey, .system)
            if let chosen = own ?? system.ownerOrgUnitID.flatMap(forUnit) ?? tenantLevel {
                bySystemResponsible[system.id] = chosen
            }
        }
        responsibleBySystem = bySystemResponsible
    }

    /// Held on the day by someone still in the organisation (`validTo` is the last day held).
    public static func isCurrent(
        _ a: ComplianceSnapshot.RoleAssignment, people: [UUID: ComplianceSnapshot.Person], on day: CalendarDay
    ) -> Bool {
        guard a.validFrom <= day, a.validTo.map({ day <= $0 }) ?? true else { return false }
        return people[a.personID]?.isActive ?? false
    }

    public func isCurrent(_ a: ComplianceSnapshot.RoleAssignment) -> Bool {
        Self.isCurrent(a, people: people, on: day)
    }

    /// Who should act on a finding about `system`.
    public func responsible(forSystem id: UUID) -> ComplianceResponsible? {
        responsibleBySystem[id] ?? tenantResponsible
    }

    /// The förvaltning a system belongs to, through its owning unit.
    public func administration(ofSystem system: ComplianceSnapshot.System) -> UUID? {
        system.ownerOrgUnitID.flatMap { administrationOf[$0] ?? $0 }
    }

    public func object(for system: ComplianceSnapshot.System) -> ComplianceObject {
        ComplianceObject(
            kind: .system, id: system.id, label: system.name, systemID: system.id,
            administrationID: administration(ofSystem: system))
    }

    /// The due date of a gap that appeared on `start`: the configured days to close it later.
    public func due(after start: CalendarDay) -> CalendarDay {
        start.advanced(byDays: configuration.resolutionDays)
    }

    /// The systems the rules about living systems look at: not decommissioned, in the snapshot's order.
    public var activeSystems: LazyFilterSequence<[ComplianceSnapshot.System]> {
        snapshot.systems.lazy.filter { $0.lifecycle.isActive }
    }
}
