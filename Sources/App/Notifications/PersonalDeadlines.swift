import Fluent
import Foundation
import StyrbordCore

/// The registry of deadline sources behind a person's calendar feed: each area says, for one person, which
/// dates they must act by. A source is a function; adding an area's deadlines is one more entry in
/// `sources` (see docs/notifications.md). The feed shows them as whole-day events.
enum PersonalDeadlines {
    /// What a source is asked about.
    struct Context: Sendable {
        var tenant: Tenant
        var personID: UUID
        var today: CalendarDay
        var profile: GovernanceProfile
    }

    typealias Source = @Sendable (Context, any Database) async throws -> [PersonalDeadline]

    /// Every source, by a key naming the area and the deadline.
    static let sources: [(key: String, source: Source)] = [
        ("plans.revision", PersonalDeadlines.planRevisions),
        ("contracts.notice", PersonalDeadlines.contractNotices),
        ("proposals.step", PersonalDeadlines.proposalSteps),
        ("documents.review", PersonalDeadlines.documentReviews),
        ("access.review", PersonalDeadlines.accessReviews),
        ("incidents", PersonalDeadlines.incidents),
        ("services.agreement", PersonalDeadlines.agreementDeadlines),
    ]

    /// Deadlines older than this are left out of the feed: a missed one still shows for a while.
    static let lookBackDays = 90

    /// The person's deadlines from every source, from `lookBackDays` ago on, by date.
    static func all(
        personID: UUID, tenant: Tenant, today: CalendarDay, on db: any Database
    ) async throws
        -> [PersonalDeadline]
    {
        let profile = try await ProfileRules.current(tenant, on: db).1
        let context = Context(tenant: tenant, personID: personID, today: today, profile: profile)
        var all: [PersonalDeadline] = []
        for (_, source) in sources { all += try await source(context, db) }
        return PersonalDeadline.window(all, from: today.advanced(byDays: -lookBackDays))
    }

    // MARK: Helpers for sources

    /// The systems the person is systemägare of today (D2: they answer for the system's plan and contracts).
    static func ownedSystems(_ c: Context, on db: any Database) async throws -> Set<UUID> {
        guard
            let role = try await RoleType.scoped(to: c.tenant, on: db).filter(\.$key == RoleCatalogue.systemOwner)
                .first()
        else { return [] }
        let today = c.today.iso
        return Set(
            try await RoleAssignment.scoped(to: c.tenant, on: db).filter(\.$personID == c.personID)
                .filter(\.$roleTypeID == (try role.requireID())).filter(\.$scope == .system).all()
                .filter { $0.validFrom <= today && ($0.validTo.map { today <= $0 } ?? true) }.compactMap(\.systemID))
    }

    // MARK: The sources of the areas on main

    /// D3/D2: the revision deadline of each adopted plan the person answers for: a systemförvaltningsplan
    /// of a system they are systemägare of, or a municipal plan they adopted (through their account).
    static let planRevisions: Source = { c, db in
        let owned = try await PersonalDeadlines.ownedSystems(c, on: db)
        let accounts = Set(
            try await Account.query(on: db).filter(\.$tenantID == (try c.tenant.requireID()))
                .filter(\.$personID == c.personID).all().compactMap(\.id))
        let plans = try await Plan.scoped(to: c.tenant, on: db).filter(\.$status == .adopted).all()
        return plans.compactMap { plan in
            let answers =
                plan.systemID.map(owned.contains) ?? plan.adoptedByAccountID.map(accounts.contains) ?? false
            guard answers, let adopted = plan.adoptedDay,
                let due = planRevisionDeadline(adoptedOn: adopted, kind: PlanRules.kind(plan.kindKey, in: c.profile))
            else { return nil }
            return PersonalDeadline(
                uid: "plan-revision-\(plan.id!.uuidString.lowercased())@styrbord", date: due,
                title: "Revidera senast: \(plan.title)",
                description: "Planen antogs \(adopted.iso) och ska revideras senast \(due.iso) (D3).",
                link: PlanRoutes.show(c.tenant.slug, plan.id!))
        }
    }

    /// D7: the last day to give notice on (or the end of) each contract of a system the person is
    /// systemägare of. (Contracts name no contact person of their own yet.)
    static let contractNotices: Source = { c, db in
        let owned = try await PersonalDeadlines.ownedSystems(c, on: db)
        guard !owned.isEmpty else { return [] }
        let contracts = try await Contract.scoped(to: c.tenant, on: db).filter(\.$systemID ~~ owned).all()
        let systems = Dictionary(
            uniqueKeysWithValues: try await ITSystem.scoped(to: c.tenant, on: db).filter(\.$id ~~ owned).all()
                .compactMap { s in s.id.map { ($0, s.name) } })
        return contracts.compactMap { contract in
            let snapshot = ComplianceSnapshot.Contract(
                id: contract.id!, systemID: contract.systemID, title: contract.title,
                endsOn: contract.endsOn.flatMap(CalendarDay.init(iso:)),
                noticePeriodMonths: contract.noticePeriodMonths,
                autoRenews: contract.autoRenews, renewalPeriodMonths: contract.renewalPeriodMonths)
            guard let next = ContractDeadline.next(snapshot, on: c.today) else { return nil }
            let system = systems[contract.systemID] ?? ""
            return PersonalDeadline(
                uid: "contract-\(next.isNotice ? "notice" : "end")-\(contract.id!.uuidString.lowercased())@styrbord",
                date: next.date,
                title: next.isNotice
                    ? "Sista dag att säga upp: \(contract.title) (\(system))"
                    : "Avtalet löper ut: \(contract.title) (\(system))",
                description: next.isNotice
                    ? "Avtalet löper till \(next.periodEnd.iso). Säg upp, omförhandla eller låt det förlängas (D7)."
                    : "Avtalet förlängs inte och upphör \(next.periodEnd.iso) (D7).",
                link: SystemRoutes.show(c.tenant.slug, contract.systemID))
        }
    }

    /// D4/D5: the open proposals whose next step is a forum's the person sits in (for a förvaltning's forum,
    /// proposals of that förvaltning), due by the forum's next meeting, or else by the proposal's planned
    /// start.
    static let proposalSteps: Source = { c, db in
        let directory = try await ForumDirectory.load(tenant: c.tenant, profile: c.profile, today: c.today, on: db)
        let sittings = directory.sittings(of: c.personID)
        guard !sittings.isEmpty else { return [] }
        var result: [PersonalDeadline] = []
        let upcoming = try await Meeting.scoped(to: c.tenant, on: db)
            .filter(\.$forumKey ~~ Set(sittings.map(\.forum.key))).filter(\.$startsAt >= c.today.startDate)
            .sort(\.$startsAt).all()
        for sitting in sittings {
            let waiting = try await MeetingRules.waiting(
                for: sitting.forum, orgUnit: sitting.orgUnitID, tenant: c.tenant, today: c.today, on: db)
            let meeting = upcoming.first {
                $0.forumKey == sitting.forum.key && (!sitting.forum.isPerOrgUnit || $0.orgUnitID == sitting.orgUnitID)
            }
            for state in waiting {
                let p = state.proposal
                guard let next = state.workflow.nextStep,
                    let due = meeting.map({ CalendarDay($0.startsAt) })
                        ?? p.expectedStartOn.flatMap(CalendarDay.init(iso:))
                else { continue }
                result.append(
                    PersonalDeadline(
                        uid: "proposal-step-\(p.id!.uuidString.lowercased())-\(next.step.key)@styrbord", date: due,
                        title: "\(sitting.forum.name.sv): \(p.diarienummer) \(p.title)",
                        description: "Nästa steg: \(state.workflow.describe(next.step).sv)",
                        link: ProposalRoutes.show(c.tenant.slug, p.id!)))
            }
        }
        return result
    }
}
