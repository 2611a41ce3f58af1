import Foundation

/// Who is asking: an account and what the register says about its person. Built by the app per request;
/// the policy below only reads it.
public struct Principal: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An employee of one municipality (tenant).
        case member(tenantID: UUID)
        /// Runs the service: creates tenants, never reads their content.
        case platformOperator
    }

    public var accountID: UUID
    public var kind: Kind
    /// The municipality's administrator, for example the IT-chef.
    public var isTenantAdmin: Bool
    /// False for a read-only API token: every change is refused whatever the account may do.
    public var canWrite: Bool
    /// Roles the account's person holds today on systems, by system id.
    public var systemRoles: [UUID: Set<SystemRoleGrant>]
    /// Org units where the person is IT-samordnare today (the units themselves, not their descendants).
    public var coordinatedOrgUnits: Set<UUID>
    /// Roles the person holds today for an org unit or the whole municipality (a forum's chair or
    /// convener, D4/E2).
    public var heldRoles: Set<UnitRoleGrant>
    /// The register's person behind the account, if linked: benefit owners are people (T6/F4).
    public var personID: UUID?

    public init(
        accountID: UUID, kind: Kind, isTenantAdmin: Bool = false, canWrite: Bool = true,
        systemRoles: [UUID: Set<SystemRoleGrant>] = [:], coordinatedOrgUnits: Set<UUID> = [],
        heldRoles: Set<UnitRoleGrant> = [], personID: UUID? = nil
    ) {
        self.personID = personID
        self.accountID = accountID
        self.kind = kind
        self.isTenantAdmin = isTenantAdmin
        self.canWrite = canWrite
        self.systemRoles = systemRoles
        self.coordinatedOrgUnits = coordinatedOrgUnits
        self.heldRoles = heldRoles
    }

    public var tenantID: UUID? {
        if case .member(let id) = kind { return id }
        return nil
    }

    public func isMember(of tenant: UUID) -> Bool { tenantID == tenant }
}

/// One role held on a system: the role's key and whether as ordinarie or ersättare.
public struct SystemRoleGrant: Sendable, Hashable {
    public var roleKey: String
    public var holding: RoleHolding

    public init(roleKey: String, holding: RoleHolding) {
        self.roleKey = roleKey
        self.holding = holding
    }
}

/// A role held for an org unit, or for the whole municipality (`orgUnitID` nil).
public struct UnitRoleGrant: Sendable, Hashable {
    public var roleKey: String
    public var orgUnitID: UUID?

    public init(roleKey: String, orgUnitID: UUID?) {
        self.roleKey = roleKey
        self.orgUnitID = orgUnitID
    }
}

/// What the policy needs to know about a forum to decide who runs its meetings.
public struct ForumAccessFacts: Sendable, Equatable {
    public var tenantID: UUID
    /// The roles of its chair and convener (D4/E2).
    public var leaderRoleKeys: Set<String>
    /// One forum per förvaltning: its leaders act for their own förvaltning's forum.
    public var isPerOrgUnit: Bool
    /// The meeting's förvaltning and the units above it, nearest first; nil asks whether the principal
    /// runs the forum of some förvaltning (to offer the form, where the förvaltning is chosen).
    public var orgUnitPath: [UUID]?

    public init(tenantID: UUID, leaderRoleKeys: Set<String>, isPerOrgUnit: Bool, orgUnitPath: [UUID]?) {
        self.tenantID = tenantID
        self.leaderRoleKeys = leaderRoleKeys
        self.isPerOrgUnit = isPerOrgUnit
        self.orgUnitPath = orgUnitPath
    }
}

/// What the policy needs to know about a system to decide who may change it.
public struct SystemFacts: Sendable, Equatable {
    public var tenantID: UUID
    public var systemID: UUID
    /// The owning org unit and its ancestors, nearest first; empty when no owner is recorded.
    public var ownerOrgUnitPath: [UUID]

    public init(tenantID: UUID, systemID: UUID, ownerOrgUnitPath: [UUID]) {
        self.tenantID = tenantID
        self.systemID = systemID
        self.ownerOrgUnitPath = ownerOrgUnitPath
    }
}

/// What the policy needs to know about a proposal: who proposed it and the förvaltning behind it.
public struct ProposalAccessFacts: Sendable, Equatable {
    public var tenantID: UUID
    /// The account that created it; nil when it came from a command or the demo.
    public var proposerAccountID: UUID?
    /// Its org unit and that unit's ancestors, nearest first.
    public var orgUnitPath: [UUID]

    public init(tenantID: UUID, proposerAccountID: UUID?, orgUnitPath: [UUID]) {
        self.tenantID = tenantID
        self.proposerAccountID = proposerAccountID
        self.orgUnitPath = orgUnitPath
    }
}

/// What the policy needs to know about a plan: the system of a per-system plan (systemförvaltningsplan).
public struct PlanAccessFacts: Sendable, Equatable {
    public var tenantID: UUID
    /// Nil for a plan of the whole municipality (eFörvaltningsprogram, IT-verksamhetsplan).
    public var system: SystemFacts?

    public init(tenantID: UUID, system: SystemFacts?) {
        self.tenantID = tenantID
        self.system = system
    }
}

/// Who may follow up an initiative's benefits: the people named as the benefits' owners (hemtagningsansvariga).
public struct BenefitAccessFacts: Sendable, Equatable {
    public var tenantID: UUID
    public var ownerPersonIDs: Set<UUID>

    public init(tenantID: UUID, ownerPersonIDs: Set<UUID>) {
        self.tenantID = tenantID
        self.ownerPersonIDs = ownerPersonIDs
    }
}

/// What the policy needs to know about a governing document: the accounts of its owner.
public struct DocumentAccessFacts: Sendable, Equatable {
    public var tenantID: UUID
    /// The accounts linked to the document's owner (a person of the register).
    public var ownerAccountIDs: Set<UUID>

    public init(tenantID: UUID, ownerAccountIDs: Set<UUID>) {
        self.tenantID = tenantID
        self.ownerAccountIDs = ownerAccountIDs
    }
}

/// Where a role is appointed, as far as permissions care.
public enum RoleScopeFacts: Sendable, Equatable {
    case system(SystemFacts)
    /// An org unit and its ancestors, nearest first.
    case orgUnit(tenantID: UUID, path: [UUID])
    /// A förvaltningsobjekt or the whole municipality: only the administrator appoints these.
    case tenantWide(tenantID: UUID)

    var tenantID: UUID {
        switch self {
        case .system(let facts): facts.tenantID
        case .orgUnit(let tenantID, _), .tenantWide(let tenantID): tenantID
        }
    }
}

/// Everything a user can ask to do. Every page and API route names one of these (through the app's
/// route declarations), so the same question gets the same answer everywhere.
public enum Permission: Sendable, Equatable {
    /// Sign out, change one's own password, manage one's own API tokens.
    case useOwnAccount
    /// Create municipalities on the service.
    case manageTenants
    /// See the municipality's register and everything in it.
    case read(tenantID: UUID)
    /// Submit proposals and incident reports: every employee may (T9 asks that incidents be reported).
    case submit(tenantID: UUID)
    /// Change a system and what hangs on it: its integrations, contracts and role holders.
    case editSystem(SystemFacts)
    /// Register a new system owned by an org unit (its path, nearest first; empty when none is given).
    /// A nil path asks whether the principal may register systems for some unit (to offer the form).
    case createSystem(tenantID: UUID, ownerOrgUnitPath: [UUID]?)
    /// Reach a form whose target system or unit is chosen in the form itself (a new integration,
    /// contract or role holder). The change is then checked against the chosen target.
    case editSomeSystem(tenantID: UUID)
    /// Remove a system from the register.
    case deleteSystem(SystemFacts)
    /// Appoint, change or end a role holder.
    case appointRole(RoleScopeFacts)
    /// Change a proposal and answer its checklist and calculation: its proposer, the IT-samordnare of
    /// its förvaltning and the administrator.
    case editProposal(ProposalAccessFacts)
    /// Record a step of a proposal's route or its decision: for now the IT-samordnare of its förvaltning
    /// and the administrator (the forums' members get it once forums have members, issue 5).
    case prepareProposal(ProposalAccessFacts)
    /// Schedule a forum's meetings, build their agendas, record the minutes and approve them: the
    /// holders of the forum's chair and convener roles (for a per-förvaltning forum, its own
    /// förvaltning's) and the administrator.
    case runMeetings(ForumAccessFacts)
    /// Write a plan and its activities and initiatives: for a systemförvaltningsplan whoever may change the
    /// system (D2: the systemförvaltare drafts it); for the municipality's plans the administrator.
    case editPlan(PlanAccessFacts)
    /// Adopt (fastställa) a plan: a systemförvaltningsplan only by the system's systemägare (D2), the
    /// municipality's plans by the administrator, who records the body's decision.
    case adoptPlan(PlanAccessFacts)
    /// Follow up an initiative's benefits (T6/F4): their owners and the administrator.
    case followUpBenefits(BenefitAccessFacts)
    /// Change a governing document, upload its versions and see it unpublished: its owner and the
    /// administrator. Publishing is `administer` (D1: the IT-chef approves before publication).
    case editDocument(DocumentAccessFacts)
    /// The municipality's shared registers (organisation, people, suppliers, förvaltningsobjekt, role
    /// types), accounts, import and the full audit trail.
    case administer(tenantID: UUID)

    var tenantID: UUID? {
        switch self {
        case .useOwnAccount, .manageTenants: nil
        case .read(let id), .submit(let id), .administer(let id), .editSomeSystem(let id): id
        case .createSystem(let id, _): id
        case .editSystem(let facts), .deleteSystem(let facts): facts.tenantID
        case .appointRole(let scope): scope.tenantID
        case .editProposal(let facts), .prepareProposal(let facts): facts.tenantID
        case .runMeetings(let facts): facts.tenantID
        case .editPlan(let facts), .adoptPlan(let facts): facts.tenantID
        case .followUpBenefits(let facts): facts.tenantID
        case .editDocument(let facts): facts.tenantID
        }
    }

    /// Whether the permission changes anything (and so needs a token that may write).
    var changesData: Bool {
        switch self {
        case .read, .useOwnAccount: false
        default: true
        }
    }
}

/// Why a request is refused. The app turns each into a response: sign in, not found, or forbidden.
public enum Refusal: Sendable, Equatable {
    /// Nobody is signed in.
    case notSignedIn
    /// The municipality is not the principal's own: answer as if it did not exist, so nothing leaks.
    case outsideTenant
    /// A read-only token asked to change something.
    case readOnlyToken
    /// Signed in to the right municipality, but the register gives no right to this.
    case notPermitted(Localized)
}

public enum AccessDecision: Sendable, Equatable {
    case allowed
    case refused(Refusal)

    public var isAllowed: Bool { self == .allowed }
}

/// Who may do what. The rules follow the register: a system's roles decide who changes it (T9: access on
/// need, decisions documented; D2: systemägare and systemförvaltare run the system).
public enum AccessPolicy {
    /// The system roles whose holders (ordinarie and ersättare) may change the system.
    public static let systemEditingRoles: Set<String> = [RoleCatalogue.systemOwner, RoleCatalogue.systemManager]

    public static func decide(_ principal: Principal?, _ permission: Permission) -> AccessDecision {
        guard let principal else { return .refused(.notSignedIn) }
        if permission == .useOwnAccount { return .allowed }
        if permission == .manageTenants {
            guard principal.kind == .platformOperator else { return .refused(.notPermitted(Reason.platformOnly)) }
            return principal.canWrite ? .allowed : .refused(.readOnlyToken)
        }
        // Everything else is inside one municipality, and only its own members get in.
        guard let tenantID = permission.tenantID, principal.isMember(of: tenantID) else {
            return .refused(.outsideTenant)
        }
        if permission.changesData && !principal.canWrite { return .refused(.readOnlyToken) }
        if principal.isTenantAdmin { return .allowed }

        switch permission {
        case .read, .submit, .useOwnAccount:
            return .allowed
        case .manageTenants, .administer:
            return .refused(.notPermitted(Reason.adminOnly))
        case .editSystem(let facts):
            return holdsEditingRole(principal, on: facts.systemID) || coordinates(principal, facts.ownerOrgUnitPath)
                ? .allowed : .refused(.notPermitted(Reason.systemEdit))
        case .createSystem(_, let path):
            let may = path.map { coordinates(principal, $0) } ?? !principal.coordinatedOrgUnits.isEmpty
            return may ? .allowed : .refused(.notPermitted(Reason.systemCreate))
        case .editSomeSystem:
            let may =
                !principal.coordinatedOrgUnits.isEmpty
                || principal.systemRoles.values.contains { roles in
                    roles.contains { systemEditingRoles.contains($0.roleKey) }
                }
            return may ? .allowed : .refused(.notPermitted(Reason.systemEdit))
        case .deleteSystem(let facts):
            return coordinates(principal, facts.ownerOrgUnitPath)
                ? .allowed : .refused(.notPermitted(Reason.systemDelete))
        case .appointRole(let scope):
            switch scope {
            case .system(let facts):
                return holdsEditingRole(principal, on: facts.systemID)
                    || coordinates(principal, facts.ownerOrgUnitPath)
                    ? .allowed : .refused(.notPermitted(Reason.systemEdit))
            case .orgUnit(_, let path):
                return coordinates(principal, path) ? .allowed : .refused(.notPermitted(Reason.orgUnitRoles))
            case .tenantWide:
                return .refused(.notPermitted(Reason.adminOnly))
            }
        case .editProposal(let facts):
            return facts.proposerAccountID == principal.accountID || coordinates(principal, facts.orgUnitPath)
                ? .allowed : .refused(.notPermitted(Reason.proposalEdit))
        case .prepareProposal(let facts):
            return coordinates(principal, facts.orgUnitPath)
                ? .allowed : .refused(.notPermitted(Reason.proposalPrepare))
        case .runMeetings(let facts):
            return leads(principal, facts) ? .allowed : .refused(.notPermitted(Reason.meetings))
        case .editPlan(let facts):
            guard let system = facts.system else { return .refused(.notPermitted(Reason.planTenantWide)) }
            return holdsEditingRole(principal, on: system.systemID) || coordinates(principal, system.ownerOrgUnitPath)
                ? .allowed : .refused(.notPermitted(Reason.systemEdit))
        case .adoptPlan(let facts):
            guard let system = facts.system else { return .refused(.notPermitted(Reason.planTenantWide)) }
            let isOwner =
                principal.systemRoles[system.systemID]?.contains(
                    SystemRoleGrant(roleKey: RoleCatalogue.systemOwner, holding: .primary)) ?? false
            return isOwner ? .allowed : .refused(.notPermitted(Reason.planAdopt))
        case .followUpBenefits(let facts):
            return principal.personID.map { facts.ownerPersonIDs.contains($0) } ?? false
                ? .allowed : .refused(.notPermitted(Reason.benefitFollowUp))
        case .editDocument(let facts):
            return facts.ownerAccountIDs.contains(principal.accountID)
                ? .allowed : .refused(.notPermitted(Reason.documentEdit))
        }
    }

    /// Holds the forum's chair or convener role: for the whole municipality, or for a per-förvaltning
    /// forum also for the meeting's förvaltning or a unit above it.
    private static func leads(_ principal: Principal, _ facts: ForumAccessFacts) -> Bool {
        principal.heldRoles.contains { held in
            guard facts.leaderRoleKeys.contains(held.roleKey) else { return false }
            guard facts.isPerOrgUnit, let unit = held.orgUnitID, let path = facts.orgUnitPath else { return true }
            return path.contains(unit)
        }
    }

    private static func holdsEditingRole(_ principal: Principal, on systemID: UUID) -> Bool {
        principal.systemRoles[systemID]?.contains { systemEditingRoles.contains($0.roleKey) } ?? false
    }

    /// An IT-samordnare acts for their förvaltning and every unit below it.
    private static func coordinates(_ principal: Principal, _ path: [UUID]) -> Bool {
        path.contains { principal.coordinatedOrgUnits.contains($0) }
    }

    enum Reason {
        static let adminOnly = Localized(
            sv: "Bara kommunens administratör (till exempel IT-chefen) får göra detta.",
            en: "Only the municipality's administrator (for example the IT manager) may do this.")
        static let platformOnly = Localized(
            sv: "Bara tjänstens driftsadministratör får skapa kommuner.",
            en: "Only the service's platform operator may create municipalities.")
        static let systemEdit = Localized(
            sv:
                "Bara systemets systemägare och systemförvaltare (och deras ersättare), förvaltningens IT-samordnare och administratören får ändra systemet.",
            en:
                "Only the system's owner and manager (and their deputies), the administration's IT coordinator and the administrator may change this system."
        )
        static let systemCreate = Localized(
            sv:
                "Bara IT-samordnare (för sin förvaltning) och administratören får registrera nya system. Välj en ägande förvaltning som du samordnar.",
            en:
                "Only IT coordinators (for their own administration) and the administrator may register new systems. Choose an owning unit you coordinate."
        )
        static let systemDelete = Localized(
            sv: "Bara förvaltningens IT-samordnare och administratören får ta bort ett system ur registret.",
            en: "Only the administration's IT coordinator and the administrator may remove a system from the register.")
        static let proposalEdit = Localized(
            sv: "Bara förslagsställaren, förvaltningens IT-samordnare och administratören får ändra förslaget.",
            en: "Only the proposer, the administration's IT coordinator and the administrator may change the proposal.")
        static let proposalPrepare = Localized(
            sv:
                "Bara förvaltningens IT-samordnare och administratören får registrera steg och beslut för förslaget.",
            en:
                "Only the administration's IT coordinator and the administrator may record the proposal's steps and decision."
        )
        static let meetings = Localized(
            sv:
                "Bara forumets ordförande och sammankallande samt administratören får planera möten, bygga dagordningen, föra protokoll och justera det.",
            en:
                "Only the forum's chair and convener and the administrator may schedule meetings, build the agenda, record the minutes and approve them."
        )
        static let planTenantWide = Localized(
            sv: "Bara administratören får skriva och fastställa kommunens gemensamma planer.",
            en: "Only the administrator may write and adopt the municipality's common plans.")
        static let planAdopt = Localized(
            sv: "Bara systemets systemägare (och administratören) får fastställa systemförvaltningsplanen.",
            en: "Only the system's owner (and the administrator) may adopt the system management plan.")
        static let benefitFollowUp = Localized(
            sv: "Bara nyttornas hemtagningsansvariga och administratören får följa upp nyttorna.",
            en: "Only the benefits' owners and the administrator may follow up the benefits.")
        static let documentEdit = Localized(
            sv: "Bara dokumentets ägare och administratören får ändra styrdokumentet.",
            en: "Only the document's owner and the administrator may change the governing document.")
        static let orgUnitRoles = Localized(
            sv: "Bara enhetens IT-samordnare och administratören får utse roller för en organisationsenhet.",
            en: "Only the unit's IT coordinator and the administrator may appoint roles for an org unit.")
    }
}
