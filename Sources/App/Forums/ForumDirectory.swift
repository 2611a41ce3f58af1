import Fluent
import Foundation
import StyrbordCore

/// The profile's forums with the people who sit in them today: whoever holds the chair's, the
/// convener's, a member's or an adjunct member's role (D4/E2/F3). A per-förvaltning forum (lokalt
/// IT-forum) has one sitting per förvaltning, made of the roles held for that förvaltning (its units
/// and the systems it owns) and for the whole municipality.
struct ForumDirectory: Sendable {
    enum Seat: String, Sendable, Codable, CaseIterable {
        case chair, convener, member, adjunct

        var label: Localized {
            switch self {
            case .chair: Localized(sv: "Ordförande", en: "Chair")
            case .convener: Localized(sv: "Sammankallande", en: "Convener")
            case .member: Localized(sv: "Ledamot", en: "Member")
            case .adjunct: Localized(sv: "Adjungerad", en: "Adjunct")
            }
        }
    }

    struct Member: Sendable, Hashable {
        var personID: UUID
        var name: String
        var seat: Seat
        var roleKey: String
        var roleName: Localized
    }

    /// One forum's sitting: for a per-förvaltning forum, one förvaltning's.
    struct Sitting: Sendable {
        var forum: GovernanceProfile.Forum
        var orgUnitID: UUID?
        var orgUnitName: String?
        var members: [Member]

        /// Everyone once, in seat order.
        var people: [Member] {
            var seen = Set<UUID>()
            return members.filter { seen.insert($0.personID).inserted }
        }
    }

    var profile: GovernanceProfile
    var tree: OrgTree
    /// Current holders: (role key, person, the förvaltning the role is held for or nil for the municipality).
    private var holders: [(roleKey: String, personID: UUID, administration: UUID?)]
    private var names: [UUID: String]
    private var roleNames: [String: Localized]

    static func load(
        tenant: Tenant, profile: GovernanceProfile, today: CalendarDay, on db: any Database
    )
        async throws -> ForumDirectory
    {
        let tenantID = try tenant.requireID()
        let tree = OrgTree(units: try await RegisterRows.orgUnits(tenant: tenantID, on: db))
        let keys = Set(
            profile.forums.flatMap { f in [f.chair, f.convener].compactMap { $0 } + f.members + f.adjunctMembers })
        let roleTypes = try await RoleType.scoped(to: tenant, on: db).filter(\.$key ~~ keys).all()
        var keyByID: [UUID: String] = [:]
        var roleNames: [String: Localized] = [:]
        for r in roleTypes {
            if let id = r.id { keyByID[id] = r.key }
            roleNames[r.key] = r.name
        }
        for key in keys where roleNames[key] == nil {
            roleNames[key] = profile.role(key)?.name ?? Localized(verbatim: key)
        }
        let assignments = try await RoleAssignment.scoped(to: tenant, on: db)
            .filter(\.$roleTypeID ~~ Set(keyByID.keys)).all().filter { $0.isCurrent(on: today) }
        let systemIDs = Set(assignments.compactMap(\.systemID))
        var systemOwner: [UUID: UUID] = [:]
        if !systemIDs.isEmpty {
            for s in try await ITSystem.scoped(to: tenant, on: db).filter(\.$id ~~ systemIDs).field(\.$id)
                .field(\.$ownerOrgUnitID).all()
            {
                if let id = s.id, let owner = s.ownerOrgUnitID { systemOwner[id] = owner }
            }
        }
        let people = try await Person.scoped(to: tenant, on: db).filter(\.$id ~~ Set(assignments.map(\.personID)))
            .all()
        var names: [UUID: String] = [:]
        for p in people where p.isActive { if let id = p.id { names[id] = p.name } }
        var holders: [(String, UUID, UUID?)] = []
        for a in assignments {
            guard let key = keyByID[a.roleTypeID], names[a.personID] != nil else { continue }
            let unit: UUID? =
                switch a.scope {
                case .orgUnit: a.orgUnitID
                case .system: a.systemID.flatMap { systemOwner[$0] }
                case .managementObject, .tenant: nil
                }
            holders.append((key, a.personID, unit.flatMap { tree.administration(of: $0)?.id ?? $0 }))
        }
        holders.sort { (names[$0.1] ?? "", $0.0) < (names[$1.1] ?? "", $1.0) }
        return ForumDirectory(
            profile: profile, tree: tree, holders: holders.map { ($0.0, $0.1, $0.2) }, names: names,
            roleNames: roleNames)
    }

    /// The förvaltningar a per-förvaltning forum sits for.
    var administrations: [OrgTree.Entry] { tree.entries.filter { $0.kind == .administration } }

    /// The forum's sittings: one, or one per förvaltning.
    func sittings(_ forum: GovernanceProfile.Forum) -> [Sitting] {
        guard forum.isPerOrgUnit else { return [sitting(forum, orgUnit: nil)] }
        return administrations.map { sitting(forum, orgUnit: $0.id) }
    }

    /// Who sits in the forum (of a förvaltning) today.
    func sitting(_ forum: GovernanceProfile.Forum, orgUnit: UUID?) -> Sitting {
        var seats: [(Seat, String)] = []
        if let chair = forum.chair { seats.append((.chair, chair)) }
        if let convener = forum.convener { seats.append((.convener, convener)) }
        seats += forum.members.map { (.member, $0) } + forum.adjunctMembers.map { (.adjunct, $0) }
        var members: [Member] = []
        for (seat, key) in seats {
            for h in holders where h.roleKey == key {
                if forum.isPerOrgUnit, let h0 = h.administration, h0 != orgUnit { continue }
                members.append(
                    Member(
                        personID: h.personID, name: names[h.personID] ?? "", seat: seat, roleKey: key,
                        roleName: roleNames[key] ?? Localized(verbatim: key)))
            }
        }
        return Sitting(forum: forum, orgUnitID: orgUnit, orgUnitName: tree.name(orgUnit), members: members)
    }

    /// The forums (and förvaltningar) a person sits in today.
    func sittings(of personID: UUID) -> [Sitting] {
        profile.forums.flatMap { sittings($0) }.filter { s in s.members.contains { $0.personID == personID } }
    }
}
