import Fluent
import Foundation
import StyrbordCore
import Vapor

/// What the register holds that a proposal's impact and overlap are read from (D4, T3).
struct ProposalRegister: Sendable {
    var tree: OrgTree
    var systems: [ITSystem]
    var infos: [UUID: ProposalImpact.SystemInfo]
    var graph: IntegrationGraph
    var holders: [ProposalImpact.RoleHolder]

    static func load(tenant: Tenant, today: CalendarDay, on db: any Database) async throws -> ProposalRegister {
        let tenantID = try tenant.requireID()
        let tree = OrgTree(units: try await RegisterRows.orgUnits(tenant: tenantID, on: db))
        let systems = try await ITSystem.scoped(to: tenant, on: db).sort(\.$sortKey).all()
        let users = try await SystemUserOrgUnit.query(on: db).filter(\.$tenantID == tenantID).all()
        var usersBySystem: [UUID: [UUID]] = [:]
        for u in users { usersBySystem[u.systemID, default: []].append(u.orgUnitID) }
        var infos: [UUID: ProposalImpact.SystemInfo] = [:]
        for s in systems {
            guard let id = s.id else { continue }
            infos[id] = ProposalImpact.SystemInfo(
                id: id, name: s.name, ownerOrgUnitId: s.ownerOrgUnitID, userOrgUnitIds: usersBySystem[id] ?? [])
        }
        let edges = try await Integration.scoped(to: tenant, on: db).all().compactMap { i -> IntegrationGraph.Edge? in
            guard let id = i.id, let target = i.targetSystemID else { return nil }
            return IntegrationGraph.Edge(id: id, source: i.sourceSystemID, target: target)
        }
        let assignments = try await RoleAssignment.scoped(to: tenant, on: db).filter(\.$scope == .system).all()
            .filter { $0.validFrom <= today.iso && ($0.validTo.map { today.iso <= $0 } ?? true) }
        let people = Dictionary(
            uniqueKeysWithValues: try await Person.scoped(to: tenant, on: db)
                .filter(\.$id ~~ Set(assignments.map(\.personID))).all().compactMap { p in p.id.map { ($0, p.name) } })
        let roles = Dictionary(
            uniqueKeysWithValues: try await RoleType.scoped(to: tenant, on: db).all().compactMap { r in
                r.id.map { ($0, r.nameSv) }
            })
        let holders = assignments.compactMap { a -> ProposalImpact.RoleHolder? in
            guard let system = a.systemID, let name = people[a.personID] else { return nil }
            return ProposalImpact.RoleHolder(
                systemId: system, personId: a.personID, personName: name, roleName: roles[a.roleTypeID] ?? "")
        }
        return ProposalRegister(
            tree: tree, systems: systems, infos: infos, graph: IntegrationGraph(edges: edges), holders: holders)
    }

    /// The förvaltning a unit belongs to: the nearest förvaltning at or above it.
    func administration(of unit: UUID) -> UUID { tree.administration(of: unit)?.id ?? unit }
}

/// A proposal with everything the pages and the API show about it: its steps and decisions, the
/// profile's route for it, and what the register says it affects and overlaps.
struct ProposalState: Sendable {
    var proposal: Proposal
    var profile: GovernanceProfile
    var register: ProposalRegister
    var steps: [ProposalStepRecord]
    var decisions: [ProposalDecision]
    var impact: ProposalImpact
    var workflow: ProposalWorkflow
    var overlaps: [ProposalOverlap.Match]

    var latestDecision: ProposalDecision? { decisions.max { $0.position < $1.position } }

    /// The latest record of each step, by key.
    var latestStepRecords: [String: ProposalStepRecord] {
        Dictionary(steps.map { ($0.stepKey, $0) }, uniquingKeysWith: { a, b in a.position > b.position ? a : b })
    }

    static func load(
        _ proposal: Proposal, tenant: Tenant, today: CalendarDay, on db: any Database
    ) async throws
        -> ProposalState
    {
        let id = try proposal.requireID()
        let profile = try await ProfileRules.current(tenant, on: db).1
        let register = try await ProposalRegister.load(tenant: tenant, today: today, on: db)
        let steps = try await ProposalStepRecord.scoped(to: tenant, on: db).filter(\.$proposalID == id)
            .sort(\.$position).all()
        let decisions = try await ProposalDecision.scoped(to: tenant, on: db).filter(\.$proposalID == id)
            .sort(\.$position).all()
        let own = proposal.orgUnitID.map(register.administration(of:))
        let impact = ProposalImpact(
            touched: proposal.systemIDs, graph: register.graph, systems: register.infos, holders: register.holders,
            ownAdministration: own, administration: register.administration(of:))
        let workflow = ProposalWorkflow(
            profile: profile, facts: facts(proposal, profile: profile, register: register, impact: impact),
            records: steps.map(\.record), calculation: proposal.calculation)
        let others = try await Proposal.scoped(to: tenant, on: db).filter(\.$id != id)
            .filter(\.$status ~~ [.open, .deferred, .feasibilityStudy]).all()
        var candidates = register.systems.compactMap { s -> ProposalOverlap.Candidate? in
            guard let sid = s.id else { return nil }
            return ProposalOverlap.Candidate(
                kind: .system, id: sid, name: s.name, text: s.description,
                administration: s.ownerOrgUnitID.map(register.administration(of:)))
        }
        candidates += others.compactMap { p in
            p.id.map {
                ProposalOverlap.Candidate(
                    kind: .proposal, id: $0, name: "\(p.diarienummer) \(p.title)", text: p.need,
                    administration: p.orgUnitID.map(register.administration(of:)))
            }
        }
        // T3/D4: only other förvaltningar's systems and proposals; the touched systems are known already.
        let touched = Set(proposal.systemIDs)
        let overlaps = ProposalOverlap.matches(
            for: proposal.title + " " + proposal.need, ownAdministration: own,
            candidates: candidates.filter { !touched.contains($0.id) })
        return ProposalState(
            proposal: proposal, profile: profile, register: register, steps: steps, decisions: decisions,
            impact: impact, workflow: workflow, overlaps: Array(overlaps.prefix(10)))
    }

    /// What the profile's rules may know about the proposal.
    static func facts(
        _ proposal: Proposal, profile: GovernanceProfile, register: ProposalRegister, impact: ProposalImpact
    ) -> ProposalFacts {
        let answers = proposal.checklist.facts(for: profile)
        let answeredAmount = answers.values.compactMap { if case .amount(let a) = $0 { a } else { nil } }.first
        let categories = Set(proposal.systemIDs.compactMap { id in register.systems.first { $0.id == id }?.category })
        return ProposalFacts(
            answers: answers, amount: proposal.expectedCost ?? answeredAmount, affectedCategories: categories,
            affectedOrgUnitCount: impact.affectedAdministrationCount, category: proposal.category,
            isUrgent: proposal.isUrgent)
    }
}
