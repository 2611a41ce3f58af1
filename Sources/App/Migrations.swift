import Fluent
import Vapor

/// Every migration in run order. Never edit a shipped one: add a new step at the end with a dated line.
enum AppMigrations {
    static let all: [any Migration] = [
        // 2026-11-23 register: tenants and the organisation tree
        CreateTenants(),
        CreateOrgUnits(),
        CreatePeople(),
        CreateSuppliers(),
        CreateManagementObjects(),
        // 2026-11-23 register: roles, systems and how they connect
        CreateRoleTypes(),
        CreateITSystems(),
        CreateSystemUserOrgUnits(),
        CreateRoleAssignments(),
        CreateIntegrations(),
        CreateContracts(),
        // 2026-11-23 history of every change
        CreateAuditEntries(),
        // 2026-11-23 tenants: a version every write bumps, for caches of derived data
        AddDataVersionToTenants(),
        // 2026-11-23 accounts: sign-in, sessions, API tokens and the sign-in throttle
        CreateAccounts(),
        CreateUserSessions(),
        CreateAPITokens(),
        CreateSignInFailures(),
        // 2026-11-23 audit: hash-chain every tenant's history (and the platform's), actors as commitments
        AddChainToAuditEntries(),
        CreateAuditChainHeads(),
        BackfillAuditChain(),
        IndexAuditChain(),
        // 2026-11-23 tenants: how many years history names who acted
        AddAuditRetentionToTenants(),
        // 2026-11-23 governance profiles: every version of a tenant's profile, the one in force, standard for all so far
        CreateGovernanceProfiles(),
        AddProfileVersionToTenants(),
        BackfillStandardProfile(),
        // 2026-11-23 compliance: each tenant's efterlevnad scores per day, for the trend
        CreateComplianceDailyScores(),
        // 2026-12-01 proposals: förslag till IT-insats with diarienummer, step records and decisions
        CreateProposals(),
        // 2026-12-08 forums: meetings with agenda, minutes and attendance; calendar feed secrets
        CreateMeetings(),
        // 2026-12-08 plans: plans of the profile's kinds, systemförvaltningsplan activities, initiatives and benefit follow-up
        CreatePlans(),
        // 2026-12-15 notifications: every person's inbox, with the e-mail copy's outbox state
        CreateNotices(),
        // 2026-12-15 forums: decisions taken at a meeting, and cancelled meetings
        AddDecisionsAndCancellationToMeetings(),
        // 2026-11-24 documents: governing documents, their versions and the versions' files
        CreateGoverningDocuments(),
        // 2026-11-24 documents: whom a document concerns, and read confirmations of its versions (L8)
        CreateDocumentReading(),
        // 2026-12-22 services: the tjänstekatalog with levels, service agreements per system, outages
        CreateServices(),
        // 2026-12-22 incidents: incidents with their systems, actions and follow-up notes
        CreateIncidents(),
        // 2026-12-22 access rights: requests, decisions, grants, security-rule confirmations and access reviews
        CreateAccessRights(),
        // 2026-12-22 notifications: the e-mail copy's next attempt (backoff) and last error
        AddEmailDeliveryToNotices(),
    ]

    static func register(on app: Application) {
        app.migrations.add(all)
    }
}
