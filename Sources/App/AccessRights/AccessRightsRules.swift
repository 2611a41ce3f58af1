import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Everything that can go wrong with access rights beyond their fields.
enum AccessRightsError: AppError {
    /// A request is decided once.
    case requestDecided
    /// A removed grant stays removed; a new one is a new grant.
    case grantRemoved
    /// A completed review is history.
    case reviewCompleted
    /// One review at a time per system.
    case reviewOpen
    /// Every grant is confirmed or removed before the review is completed.
    case itemsPending(Int)
    /// The uploaded account list could not be read; the message names the line.
    case accountList(CSVError)

    var status: HTTPResponseStatus {
        switch self {
        case .requestDecided, .grantRemoved, .reviewCompleted, .reviewOpen, .itemsPending: .conflict
        case .accountList: .unprocessableEntity
        }
    }

    var code: String {
        switch self {
        case .requestDecided: "access-request.decided"
        case .grantRemoved: "access-grant.removed"
        case .reviewCompleted: "access-review.completed"
        case .reviewOpen: "access-review.open"
        case .itemsPending: "access-review.items-pending"
        case .accountList: "validation.failed"
        }
    }

    var userMessage: Localized {
        switch self {
        case .requestDecided:
            Localized(sv: "Ansökan är redan avgjord.", en: "The request has already been decided.")
        case .grantRemoved:
            Localized(
                sv: "Behörigheten är redan borttagen. Ansök på nytt om den behövs igen.",
                en: "The access right has already been removed. Request it again if it is needed.")
        case .reviewCompleted:
            Localized(sv: "Granskningen är redan avslutad.", en: "The review has already been completed.")
        case .reviewOpen:
            Localized(
                sv: "Systemet har redan en pågående granskning. Avsluta den först.",
                en: "The system already has a review in progress. Complete it first.")
        case .itemsPending(let n):
            Localized(
                sv:
                    "\(n) \(n == 1 ? "behörighet är" : "behörigheter är") inte granskade. Bekräfta eller ta bort var och en först.",
                en:
                    "\(n) access \(n == 1 ? "right has" : "rights have") not been reviewed. Confirm or remove each first."
            )
        case .accountList(let error):
            Localized(
                sv: "Kontolistan kunde inte läsas: \(error.message.sv) Inget sparades.",
                en: "The account list could not be read: \(error.message.en) Nothing was saved.")
        }
    }

    var issues: [ValidationIssue] {
        if case .accountList(let error) = self {
            return [ValidationIssue(field: "accounts", message: error.message)]
        }
        return []
    }
}

/// Access rights as the other areas see them: who answers for access on a system (F5).
enum AccessRights {
    /// F5: who is responsible for access management on a system, so that an incident in access management
    /// reaches them: the people holding, on `day` (today when nil), the profile's `access.responsible`
    /// roles on the system (the systemägare and systemförvaltare in the standard profile), ordinarie and
    /// ersättare, people who have left excluded. Sorted by name; empty when nobody holds them.
    static func responsibleManagers(
        forSystem systemID: UUID, tenant: Tenant, on db: any Database, day: CalendarDay? = nil
    ) async throws -> [UUID] {
        let profile = try await ProfileRules.current(tenant, on: db).1
        let roles = profile.access.responsibleRoles
        let today = day ?? CalendarDay(Date())
        let roleTypes = try await RoleType.scoped(to: tenant, on: db).filter(\.$key ~~ roles).all()
        guard !roleTypes.isEmpty else { return [] }
        let assignments = try await RoleAssignment.scoped(to: tenant, on: db).filter(\.$systemID == systemID)
            .filter(\.$roleTypeID ~~ roleTypes.compactMap(\.id)).all()
        let current = assignments.filter { a in
            a.validFrom <= today.iso && (a.validTo.map { today.iso <= $0 } ?? true)
        }
        let ids = Array(Set(current.map(\.personID)))
        guard !ids.isEmpty else { return [] }
        return try await Person.scoped(to: tenant, on: db).filter(\.$id ~~ ids).filter(\.$isActive == true)
            .sort(\.$sortKey).all().compactMap(\.id)
    }
}

/// Checks and writes for access requests, grants, confirmations and reviews. Pages, the API and tests
/// all come here; every write records its history in the same transaction.
enum AccessRightsRules {
    /// The profile's access settings for the tenant.
    static func settings(_ tenant: Tenant, on db: any Database) async throws -> GovernanceProfile.AccessRules {
        try await ProfileRules.current(tenant, on: db).1.access
    }

    /// The person a draft names, in this tenant and still active; a validation issue otherwise.
    static func activePerson(_ id: UUID?, tenant: Tenant, on db: any Database) async throws -> Person {
        guard let id, let person = try await Person.scoped(to: tenant, on: db).filter(\.$id == id).first() else {
            throw ValidationFailure(issues: [
                ValidationIssue(
                    field: "personId",
                    message: Localized(sv: "Personen finns inte i registret.", en: "The person is not in the register.")
                )
            ])
        }
        guard person.isActive else {
            throw ValidationFailure(issues: [
                ValidationIssue(
                    field: "personId",
                    message: Localized(
                        sv: "\(person.name) har slutat och kan inte få behörighet.",
                        en: "\(person.name) has left and can't be given access."))
            ])
        }
        return person
    }

    static func today(_ actor: AuditActor) -> CalendarDay { CalendarDay(actor.now()) }

    // MARK: Requests

    static func createRequest(
        system: ITSystem, _ draft: AccessRequestDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> AccessRequest {
        let (d, issues) = draft.checked()
        try RecordStore.check(issues)
        let person = try await activePerson(d.personId, tenant: tenant, on: db)
        try await actor.access?.requestAccess(system: system, person: person, tenant: tenant)
        let tenantID = try tenant.requireID()
        let systemID = try system.requireID()
        return try await db.writeTransaction { tx in
            let request = AccessRequest()
            request.id = actor.uuid()
            request.tenantID = tenantID
            request.systemID = systemID
            request.personID = try person.requireID()
            request.accessLevel = d.accessLevel
            request.need = d.need
            request.usernameInSystem = d.usernameInSystem
            request.status = .pending
            request.requestedByAccountID = actor.accountID
            request.requestedByName = actor.name
            request.requestedAt = actor.now()
            request.decidedByName = ""
            request.decisionReason = ""
            try await request.create(on: tx)
            try await AuditLog.record(
                .create, objectType: AccessRequest.objectType, objectID: try request.requireID(),
                label: "\(person.name): \(system.name)", tenantID: tenantID, before: AccessRequestDraft?.none,
                after: d, systemID: systemID, message: "Ansökan om behörighet", actor: actor, on: tx)
            return request
        }
    }

    /// Records the decision (T9: who, when, why); an approval creates the grant in the same transaction.
    static func decide(
        _ request: AccessRequest, _ draft: AccessDecisionDraft, tenant: Tenant, actor: AuditActor,
        on db: any Database
    ) async throws -> AccessGrant? {
        guard request.status == .pending else { throw AccessRightsError.requestDecided }
        let (d, issues) = draft.checked()
        try RecordStore.check(issues)
        let person = try await Person.find(request.personID, in: tenant, on: db, what: Person.what)
        if d.approve && !person.isActive {
            throw ValidationFailure(issues: [
                ValidationIssue(
                    field: "approve",
                    message: Localized(
                        sv: "\(person.name) har slutat och kan inte få behörighet.",
                        en: "\(person.name) has left and can't be given access."))
            ])
        }
        let system = try await ITSystem.find(request.systemID, in: tenant, on: db, what: ITSystem.what)
        let day = today(actor)
        return try await db.writeTransaction { tx in
            request.status = d.approve ? .approved : .rejected
            request.decidedByAccountID = actor.accountID
            request.decidedByName = actor.name
            request.decidedAt = actor.now()
            request.decisionReason = d.reason
            try await request.update(on: tx)
            var grant: AccessGrant?
            if d.approve {
                let reference = "Ansökan beviljad \(day.iso) av \(actor.name)"
                grant = try await insertGrant(
                    system: system, person: person, level: request.accessLevel, username: request.usernameInSystem,
                    reference: String(reference.prefix(AccessLimits.reference)), hasDecision: true,
                    grantedOn: day, requestID: try request.requireID(), actor: actor, on: tx)
            }
            try await AuditLog.record(
                .update, objectType: AccessRequest.objectType, objectID: try request.requireID(),
                label: "\(person.name): \(system.name) \(d.approve ? "beviljad" : "avslagen")",
                tenantID: request.tenantID, before: AccessDecisionDraft?.none, after: d, systemID: request.systemID,
                message: d.approve ? "Beviljad" : "Avslagen", actor: actor, on: tx)
            return grant
        }
    }

    // MARK: Grants

    /// Registers a grant directly: with the decision it rests on, or (an import of what exists) without.
    static func registerGrant(
        system: ITSystem, _ draft: AccessGrantDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> AccessGrant {
        let (d, issues) = draft.checked()
        try RecordStore.check(issues)
        let person = try await activePerson(d.personId, tenant: tenant, on: db)
        let day = d.grantedOn ?? today(actor)
        return try await db.writeTransaction { tx in
            try await insertGrant(
                system: system, person: person, level: d.accessLevel, username: d.usernameInSystem,
                reference: d.decisionReference, hasDecision: !d.withoutDecision, grantedOn: day, requestID: nil,
                actor: actor, on: tx)
        }
    }

    /// Writes a grant and its history; the person's first grant asks them, through their inbox, to confirm
    /// they have read the security rules (L8) unless they already have.
    private static func insertGrant(
        system: ITSystem, person: Person, level: String, username: String, reference: String, hasDecision: Bool,
        grantedOn: CalendarDay, requestID: UUID?, actor: AuditActor, on tx: any Database
    ) async throws -> AccessGrant {
        let personID = try person.requireID()
        let isFirst = try await AccessGrant.query(on: tx).filter(\.$personID == personID).count() == 0
        let confirmed = try await SecurityRulesConfirmation.query(on: tx).filter(\.$personID == personID).count() > 0
        let grant = AccessGrant()
        grant.id = actor.uuid()
        grant.tenantID = person.tenantID
        grant.systemID = try system.requireID()
        grant.personID = personID
        grant.requestID = requestID
        grant.accessLevel = level
        grant.usernameInSystem = username
        grant.decisionReference = reference
        grant.hasDecision = hasDecision
        grant.grantedOn = grantedOn.iso
        grant.grantedByName = actor.name
        grant.createdAt = actor.now()
        grant.removedByName = ""
        grant.removalReason = ""
        try await grant.create(on: tx)
        if isFirst && !confirmed {
            let tenantSlug = try await Tenant.find(person.tenantID, on: tx)?.slug ?? ""
            try await Notifier.post(
                Notifier.Message(
                    kind: "access.security-rules",
                    title: "Bekräfta att du har läst säkerhetsreglerna",
                    body:
                        "Du har fått behörighet i \(system.name). Läs kommunens säkerhetsregler och bekräfta att du har läst dem på din sida i Styrbord.",
                    link: PersonRoutes.show(tenantSlug, personID), subjectType: AccessGrant.objectType,
                    subjectID: grant.id),
                to: [personID], tenantID: person.tenantID, actor: actor, on: tx)
        }
        try await AuditLog.record(
            .create, objectType: AccessGrant.objectType, objectID: try grant.requireID(),
            label: "\(person.name): \(system.name) (\(level))", tenantID: person.tenantID,
            before: AccessGrant.Snapshot?.none, after: grant.snapshot, systemID: grant.systemID,
            message: hasDecision ? nil : "Registrerad utan dokumenterat beslut", actor: actor, on: tx)
        return grant
    }

    /// Ends a grant: who, when and why stay with it.
    static func removeGrant(
        _ grant: AccessGrant, _ draft: AccessRemovalDraft, actor: AuditActor, on db: any Database
    ) async throws {
        let (d, issues) = draft.checked()
        try RecordStore.check(issues)
        guard grant.isActive else { throw AccessRightsError.grantRemoved }
        try await db.writeTransaction { tx in try await remove(grant, reason: d.reason, actor: actor, on: tx) }
    }

    private static func remove(
        _ grant: AccessGrant, reason: String, actor: AuditActor, on tx: any Database
    )
        async throws
    {
        grant.removedAt = actor.now()
        grant.removedByName = actor.name
        grant.removalReason = reason
        try await grant.update(on: tx)
        try await AuditLog.record(
            .update, objectType: AccessGrant.objectType, objectID: try grant.requireID(),
            label: "\(grant.accessLevel) borttagen", tenantID: grant.tenantID, before: AccessRemovalDraft?.none,
            after: AccessRemovalDraft(reason: reason), systemID: grant.systemID, message: "Borttagen: \(reason)",
            actor: actor, on: tx)
    }

    // MARK: Security rules (L8)

    /// Records that the person has read the security rules; a second confirmation changes nothing.
    static func confirmSecurityRules(
        _ person: Person, actor: AuditActor, on db: any Database
    ) async throws
        -> SecurityRulesConfirmation
    {
        let personID = try person.requireID()
        if let existing = try await SecurityRulesConfirmation.query(on: db).filter(\.$personID == personID).first() {
            return existing
        }
        return try await db.writeTransaction { tx in
            let confirmation = SecurityRulesConfirmation()
            confirmation.id = actor.uuid()
            confirmation.tenantID = person.tenantID
            confirmation.personID = personID
            confirmation.confirmedAt = actor.now()
            confirmation.accountID = actor.accountID
            try await confirmation.create(on: tx)
            struct Confirmed: Codable { var confirmedAt: Date }
            try await AuditLog.record(
                .create, objectType: SecurityRulesConfirmation.objectType, objectID: try confirmation.requireID(),
                label: "\(person.name) har läst säkerhetsreglerna", tenantID: person.tenantID,
                before: Confirmed?.none, after: Confirmed(confirmedAt: confirmation.confirmedAt),
                message: "Säkerhetsreglerna bekräftade", actor: actor, on: tx)
            return confirmation
        }
    }

    // MARK: Reviews (T9)

    /// Starts a review of the system's grants in force, optionally against its own account list (CSV).
    /// A bad list is refused with its line named before anything is written.
    static func startReview(
        system: ITSystem, accountList: String?, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> AccessReview {
        var accounts: [AccessReconciliation.Account]?
        if let accountList {
            do { accounts = try AccessAccountList.parse(accountList) } catch {
                throw AccessRightsError.accountList(error)
            }
        }
        let systemID = try system.requireID()
        if try await AccessReview.scoped(to: tenant, on: db).filter(\.$systemID == systemID)
            .filter(\.$completedOn == nil).count() > 0
        {
            throw AccessRightsError.reviewOpen
        }
        let grants = try await AccessQueries.activeGrants(systemID: systemID, tenant: tenant, on: db)
        let people = try await AccessQueries.people(grants.map(\.personID), tenant: tenant, on: db)
        var matchedAccount: [UUID: AccessReconciliation.Account] = [:]
        var unmatched: [AccessReview.UnmatchedAccount] = []
        if let accounts {
            let reconciliation = AccessReconciliation(
                accounts: accounts,
                grants: grants.map {
                    AccessReconciliation.Grant(
                        id: $0.id!, usernameInSystem: $0.usernameInSystem, email: people[$0.personID]?.email ?? "",
                        personName: people[$0.personID]?.name ?? "")
                })
            for (grant, account) in reconciliation.matched { matchedAccount[grant.id] = account }
            unmatched = reconciliation.accountsWithoutGrant.map {
                .init(line: $0.line, username: $0.username, email: $0.email, name: $0.name)
            }
        }
        let tenantID = try tenant.requireID()
        let (listed, withoutGrant, matches) = (accounts, unmatched, matchedAccount)
        return try await db.writeTransaction { tx in
            let review = AccessReview()
            review.id = actor.uuid()
            review.tenantID = tenantID
            review.systemID = systemID
            review.startedByName = actor.name
            review.startedAt = actor.now()
            review.fromAccountList = listed != nil
            review.accountCount = listed?.count ?? 0
            review.unmatchedAccountsJSON = JSONText.encode(withoutGrant)
            review.completedByName = ""
            try await review.create(on: tx)
            for grant in grants {
                let item = AccessReviewItem()
                item.id = actor.uuid()
                item.tenantID = tenantID
                item.reviewID = try review.requireID()
                item.grantID = try grant.requireID()
                let account = matches[item.grantID]
                item.hasAccount = listed == nil ? nil : account != nil
                item.matchedAccount = account.map { $0.username.isEmpty ? $0.email : $0.username } ?? ""
                item.outcome = .pending
                item.reason = ""
                item.decidedByName = ""
                try await item.create(on: tx)
            }
            struct Started: Codable {
                var grants: Int
                var accounts: Int?
                var accountsWithoutGrant: Int
            }
            try await AuditLog.record(
                .create, objectType: AccessReview.objectType, objectID: try review.requireID(),
                label: "Behörighetsgranskning \(system.name)", tenantID: tenantID, before: Started?.none,
                after: Started(grants: grants.count, accounts: listed?.count, accountsWithoutGrant: withoutGrant.count),
                systemID: systemID, message: "Granskning påbörjad", actor: actor, on: tx)
            return review
        }
    }

    /// The reviewer's answer for one grant: confirm it, or remove it (the grant ends, with the reason).
    static func reviewItem(
        _ review: AccessReview, _ item: AccessReviewItem, _ draft: AccessReviewItemDraft, tenant: Tenant,
        actor: AuditActor, on db: any Database
    ) async throws {
        guard !review.isCompleted else { throw AccessRightsError.reviewCompleted }
        let (d, issues) = draft.checked()
        try RecordStore.check(issues)
        let grant = try await AccessGrant.find(item.grantID, in: tenant, on: db, what: AccessGrant.what)
        try await db.writeTransaction { tx in
            item.outcome = d.outcome
            item.reason = d.reason
            item.decidedByName = actor.name
            item.decidedAt = actor.now()
            try await item.update(on: tx)
            if d.outcome == .removed && grant.isActive {
                try await remove(grant, reason: "Behörighetsgranskning: \(d.reason)", actor: actor, on: tx)
            }
            try await AuditLog.record(
                .update, objectType: AccessReviewItem.objectType, objectID: try item.requireID(),
                label: "\(grant.accessLevel): \(d.outcome.label.sv)", tenantID: item.tenantID,
                before: AccessReviewItemDraft?.none, after: d, systemID: review.systemID, actor: actor, on: tx)
        }
    }

    /// Completes the review once every grant is answered: records the day and when the next is due.
    static func completeReview(
        _ review: AccessReview, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws {
        guard !review.isCompleted else { throw AccessRightsError.reviewCompleted }
        let reviewID = try review.requireID()
        let pending = try await AccessReviewItem.scoped(to: tenant, on: db).filter(\.$reviewID == reviewID)
            .filter(\.$outcome == .pending).count()
        guard pending == 0 else { throw AccessRightsError.itemsPending(pending) }
        let system = try await ITSystem.find(review.systemID, in: tenant, on: db, what: ITSystem.what)
        let profile = try await ProfileRules.current(tenant, on: db).1
        let day = today(actor)
        let next = accessReviewDue(
            lastReviewedOn: day, earliestGrantOn: nil, level: AccessQueries.level(of: system),
            intervals: profile.intervals.accessReviews)
        try await db.writeTransaction { tx in
            review.completedOn = day.iso
            review.completedByName = actor.name
            review.nextDueOn = next?.iso
            try await review.update(on: tx)
            struct Completed: Codable {
                var completedOn: String
                var nextDueOn: String?
            }
            try await AuditLog.record(
                .update, objectType: AccessReview.objectType, objectID: reviewID,
                label: "Behörighetsgranskning \(system.name) avslutad", tenantID: review.tenantID,
                before: Completed?.none, after: Completed(completedOn: day.iso, nextDueOn: next?.iso),
                systemID: review.systemID, message: "Granskning avslutad", actor: actor, on: tx)
        }
    }
}

/// Reads shared by the pages, the API and the rules.
enum AccessQueries {
    /// The system's highest KLASSA level, nil when unclassified.
    static func level(of system: ITSystem) -> Int? {
        [system.confidentiality, system.integrity, system.availability, system.traceability].compactMap { $0 }.max()
    }

    static func activeGrants(systemID: UUID, tenant: Tenant, on db: any Database) async throws -> [AccessGrant] {
        try await AccessGrant.scoped(to: tenant, on: db).filter(\.$systemID == systemID).filter(\.$removedAt == nil)
            .sort(\.$grantedOn).sort(\.$id).all()
    }

    static func people(_ ids: [UUID], tenant: Tenant, on db: any Database) async throws -> [UUID: Person] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let people = try await Person.scoped(to: tenant, on: db).filter(\.$id ~~ unique).all()
        return Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0) })
    }

    static func systems(_ ids: [UUID], tenant: Tenant, on db: any Database) async throws -> [UUID: ITSystem] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let systems = try await ITSystem.scoped(to: tenant, on: db).filter(\.$id ~~ unique).all()
        return Dictionary(uniqueKeysWithValues: systems.map { ($0.id!, $0) })
    }

    /// Who of these people has confirmed the security rules (L8), and when.
    static func confirmations(_ ids: [UUID], tenant: Tenant, on db: any Database) async throws -> [UUID: Date] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await SecurityRulesConfirmation.scoped(to: tenant, on: db).filter(\.$personID ~~ unique).all()
        return Dictionary(rows.map { ($0.personID, $0.confirmedAt) }, uniquingKeysWith: { a, _ in a })
    }

    /// Grants in force held by people who have left (or whose last day has passed): each to be removed.
    static func leaversGrants(tenant: Tenant, today: CalendarDay, on db: any Database) async throws -> [AccessGrant] {
        let grants = try await AccessGrant.scoped(to: tenant, on: db).filter(\.$removedAt == nil).all()
        let people = try await self.people(grants.map(\.personID), tenant: tenant, on: db)
        return grants.filter { g in
            guard let p = people[g.personID] else { return false }
            return !p.isActive || (p.leftOn.flatMap(CalendarDay.init(iso:)).map { $0 < today } ?? false)
        }.sorted { ($0.grantedOn, $0.id!.uuidString) < ($1.grantedOn, $1.id!.uuidString) }
    }

    /// When the system's next review is due (T9), from its last completed review or earliest grant.
    static func reviewDue(
        system: ITSystem, grants: [AccessGrant], lastReview: AccessReview?, profile: GovernanceProfile
    ) -> CalendarDay? {
        accessReviewDue(
            lastReviewedOn: lastReview?.completedDay, earliestGrantOn: grants.map(\.grantedDay).min(),
            level: level(of: system), intervals: profile.intervals.accessReviews)
    }

    static func lastCompletedReview(systemID: UUID, tenant: Tenant, on db: any Database) async throws -> AccessReview? {
        try await AccessReview.scoped(to: tenant, on: db).filter(\.$systemID == systemID)
            .filter(\.$completedOn != nil).sort(\.$completedOn, .descending).first()
    }
}
