import Fluent
import Foundation
import StyrbordCore

/// The deadline sources of the areas issue 6 added: governing documents' reviews, access reviews, the
/// 72 hours of a personal data breach and incident actions, and agreements' notice and expiry days.
extension PersonalDeadlines {
    /// The systems on which the person holds the role with `key` today.
    static func systems(withRole key: String, _ c: Context, on db: any Database) async throws -> Set<UUID> {
        if key == RoleCatalogue.systemOwner { return try await ownedSystems(c, on: db) }
        guard let role = try await RoleType.scoped(to: c.tenant, on: db).filter(\.$key == key).first() else {
            return []
        }
        let today = c.today.iso
        return Set(
            try await RoleAssignment.scoped(to: c.tenant, on: db).filter(\.$personID == c.personID)
                .filter(\.$roleTypeID == (try role.requireID())).filter(\.$scope == .system).all()
                .filter { $0.validFrom <= today && ($0.validTo.map { today <= $0 } ?? true) }.compactMap(\.systemID))
    }

    /// D10: the next review of each adopted governing document the person owns.
    static let documentReviews: Source = { c, db in
        let documents = try await GoverningDocument.scoped(to: c.tenant, on: db)
            .filter(\.$ownerPersonID == c.personID).filter(\.$status == DocumentStatus.adopted.rawValue).all()
        return documents.compactMap { d in
            let type = c.profile.documentTypes.first { $0.key == d.typeKey }
            guard let id = d.id, let due = d.draft.nextReview(typeInterval: type?.reviewEvery) else { return nil }
            return PersonalDeadline(
                uid: "document-review-\(id.uuidString.lowercased())@styrbord", date: due,
                title: "Revidera senast: \(d.title)",
                description: "Styrdokumentet ska ses över senast \(due.iso) (D10).",
                link: DocumentRoutes.show(c.tenant.slug, id))
        }
    }

    /// T9: the next access review of each system the person reviews (the profile's `access.reviewed_by`,
    /// the systemägare by default).
    static let accessReviews: Source = { c, db in
        let reviewer = c.profile.access.reviewedBy ?? RoleCatalogue.systemOwner
        let ids = try await PersonalDeadlines.systems(withRole: reviewer, c, on: db)
        guard !ids.isEmpty else { return [] }
        var result: [PersonalDeadline] = []
        for system in try await ITSystem.scoped(to: c.tenant, on: db).filter(\.$id ~~ ids).all() {
            let id = try system.requireID()
            let grants = try await AccessQueries.activeGrants(systemID: id, tenant: c.tenant, on: db)
            let last = try await AccessQueries.lastCompletedReview(systemID: id, tenant: c.tenant, on: db)
            guard
                let due = AccessQueries.reviewDue(
                    system: system, grants: grants, lastReview: last, profile: c.profile)
            else { continue }
            result.append(
                PersonalDeadline(
                    uid: "access-review-\(id.uuidString.lowercased())@styrbord", date: due,
                    title: "Behörighetsgranskning: \(system.name)",
                    description: "Behörigheterna i \(system.name) ska granskas senast \(due.iso) (T9).",
                    link: AccessRoutes.system(c.tenant.slug, id)))
        }
        return result
    }

    /// The 72 hours of each personal data breach not yet decided on (reported by the person or in a system
    /// they are systemägare of), and the person's incident actions not yet done.
    static let incidents: Source = { c, db in
        let owned = try await PersonalDeadlines.ownedSystems(c, on: db)
        let accounts = Set(
            try await Account.query(on: db).filter(\.$tenantID == (try c.tenant.requireID()))
                .filter(\.$personID == c.personID).all().compactMap(\.id))
        let open = try await Incident.scoped(to: c.tenant, on: db).filter(\.$kind == .personalDataBreach)
            .filter(\.$closedAt == nil).filter(\.$imyNotified == nil).all()
        var touched: [UUID: Set<UUID>] = [:]
        let openIDs = open.compactMap(\.id)
        if !openIDs.isEmpty {
            for link in try await IncidentSystem.scoped(to: c.tenant, on: db).filter(\.$incidentID ~~ openIDs).all() {
                touched[link.incidentID, default: []].insert(link.systemID)
            }
        }
        var result: [PersonalDeadline] = open.compactMap { i in
            guard let id = i.id else { return nil }
            let concerns =
                i.reportedByAccountID.map(accounts.contains) ?? false
                || !(touched[id] ?? []).isDisjoint(with: owned)
            guard concerns else { return nil }
            let deadline = BreachNotificationDeadline(awareAt: i.discoveredAt).deadline
            return PersonalDeadline(
                uid: "incident-imy-\(id.uuidString.lowercased())@styrbord", date: CalendarDay(deadline),
                title: "Anmäl till IMY senast: \(i.title)",
                description:
                    "En personuppgiftsincident ska anmälas till IMY inom 72 timmar från upptäckten (GDPR art. 33).",
                link: IncidentRoutes.show(c.tenant.slug, id))
        }
        let actions = try await IncidentAction.scoped(to: c.tenant, on: db).filter(\.$responsiblePersonID == c.personID)
            .filter(\.$done == false).all()
        for action in actions {
            guard let id = action.id, let due = action.dueOn.flatMap(CalendarDay.init(iso:)) else { continue }
            result.append(
                PersonalDeadline(
                    uid: "incident-action-\(id.uuidString.lowercased())@styrbord", date: due,
                    title: "Åtgärd efter incident: \(action.description.prefix(80))",
                    link: IncidentRoutes.show(c.tenant.slug, action.incidentID)))
        }
        return result
    }

    /// D7: the last day to give notice on, and the end of, each agreement on service level the person
    /// signed as systemägare.
    static let agreementDeadlines: Source = { c, db in
        try await AgreementRules.deadlines(
            tenant: c.tenant, from: c.today.advanced(byDays: -PersonalDeadlines.lookBackDays), personID: c.personID,
            on: db
        ).map { d in
            PersonalDeadline(
                uid: "agreement-\(d.kind.rawValue)-\(d.agreementID.uuidString.lowercased())@styrbord", date: d.date,
                title: d.title.sv, link: ServiceRoutes.editAgreement(c.tenant.slug, d.agreementID))
        }
    }
}
