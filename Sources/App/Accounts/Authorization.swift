import Fluent
import Foundation
import SQLKit
import StyrbordCore
import Vapor

/// What a route demands before its handler runs. Every route declares one (see `Route.access`);
/// `configure` refuses to start when one is missing, and the permission-matrix tests list them all.
enum RouteAccess: Sendable, Equatable {
    /// Anyone: sign-in, static files, health, the API description.
    case open
    /// Any signed-in account: its own profile, password and tokens.
    case signedIn
    /// The platform operator: creating municipalities.
    case platform
    /// Something inside the municipality named in the path.
    case tenant(TenantAccess)
}

/// Tenant routes, by what they touch. Object routes name the path parameter that holds the id.
enum TenantAccess: Sendable, Equatable {
    case read
    case submit
    case administer
    /// A form whose target system or unit is chosen in the form; the rule then checks the target.
    case editSomeSystem
    /// A new system; the rule then checks the chosen owning unit.
    case createSystem
    case editSystem(param: String)
    case deleteSystem(param: String)
    /// Either end's system.
    case editIntegration(param: String)
    case editContract(param: String)
    /// An agreement on service level or an outage: whoever may change its system.
    case editAgreement(param: String)
    case editOutage(param: String)
    case appointRole(param: String)
    /// The proposal's proposer, its förvaltning's IT-samordnare, the administrator.
    case editProposal(param: String)
    /// Recording the proposal's steps and decision.
    case prepareProposal(param: String)
    /// Scheduling a meeting of the forum whose key is in the path (its förvaltning chosen in the form).
    case runForum(param: String)
    /// Changing a meeting: its agenda, minutes, attendance, approval.
    case runMeeting(param: String)
    /// Scheduling a meeting of a forum chosen in the body: anyone who leads some forum.
    case runSomeForum
    /// Writing a plan and its activities and initiatives.
    case editPlan(param: String)
    /// Adopting a plan (D2: a systemförvaltningsplan by its system's systemägare).
    case adoptPlan(param: String)
    /// An initiative: as writing its plan.
    case editInitiative(param: String)
    /// Following up an initiative's benefits: their owners.
    case followUpInitiative(param: String)
    /// A governing document's owner and the administrator.
    case editDocument(param: String)
}

extension Route {
    private static let accessKey = "styrbord.access"

    /// Declares who may use the route.
    @discardableResult
    func access(_ access: RouteAccess) -> Route {
        userInfo[AnySendableHashable(Self.accessKey)] = access
        return self
    }

    var declaredAccess: RouteAccess? { userInfo[AnySendableHashable(Self.accessKey)] as? RouteAccess }
}

/// Refuses a route's request unless its declared access allows it; runs after routing, before the handler.
struct AuthorizationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = request.route else { return try await next.respond(to: request) }
        guard let access = route.declaredAccess else {
            // Fail closed: `configure` checks this at start, so this only guards against later additions.
            request.logger.critical("Route without access declaration: \(route.description)")
            throw Abort(.internalServerError)
        }
        do {
            switch access {
            case .open:
                break
            case .signedIn:
                try await request.authorize(.useOwnAccount)
            case .platform:
                try await request.authorize(.manageTenants)
            case .tenant(let tenantAccess):
                // Who asks is settled before anything is looked up: otherwise an anonymous request
                // learns from 404 against 401 which municipalities and record ids exist, and an
                // outsider from `not-found` against `tenant.not-found` which records do.
                guard request.signedIn != nil else { throw AuthError.signInRequired }
                let tenant = try await request.tenant()
                try await request.authorize(.read(tenantID: try tenant.requireID()))
                try await request.authorize(
                    anyOf: try await AccessFacts.permissions(for: tenantAccess, tenant, request))
            }
        } catch AuthError.signInRequired where !request.url.path.hasPrefix("/api/") && request.method == .GET {
            // A page: take the user to sign in and back here afterwards.
            return request.redirect(to: AccountRoutes.signIn(next: request.url.string))
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// Refuses unless the signed-in account has `permission`. Refusals inside a municipality are recorded.
    func authorize(_ permission: Permission) async throws {
        try await authorize(anyOf: [permission])
    }

    /// Refuses unless at least one of `permissions` is granted (an integration may be changed by either
    /// end's people). The first refusal explains.
    func authorize(anyOf permissions: [Permission]) async throws {
        let principal = try await principal()
        var firstRefusal: Refusal?
        for permission in permissions {
            switch AccessPolicy.decide(principal, permission) {
            case .allowed: return
            case .refused(let refusal): if firstRefusal == nil { firstRefusal = refusal }
            }
        }
        try await refuse(firstRefusal ?? .notPermitted(Localized(verbatim: "")))
    }

    /// True when the permission would be granted: for showing or hiding buttons.
    func can(_ permission: Permission) async -> Bool {
        (try? await principal()).map { AccessPolicy.decide($0, permission).isAllowed } ?? false
    }

    private func refuse(_ refusal: Refusal) async throws -> Never {
        switch refusal {
        case .notSignedIn:
            throw AuthError.signInRequired
        case .outsideTenant:
            // As if the municipality did not exist: its name in a URL tells an outsider nothing.
            throw CommonError.tenantNotFound(slug: parameters.get("tenant") ?? "")
        case .readOnlyToken:
            try await recordRefusal(reason: "read-only token")
            throw AuthError.readOnlyToken
        case .notPermitted(let reason):
            try await recordRefusal(reason: reason.en)
            throw AuthError.forbidden(reason)
        }
    }

    private func recordRefusal(reason: String) async throws {
        guard let account = signedIn?.account else { return }
        try await SecurityEvents.record(
            .accessDenied, account: account, objectType: "route", objectID: nil,
            label: "\(method) \(url.path)", message: reason, request: self)
    }
}

/// Looks up what the policy needs to know about the objects a route touches.
enum AccessFacts {
    static func permissions(for access: TenantAccess, _ tenant: Tenant, _ req: Request) async throws -> [Permission] {
        let tenantID = try tenant.requireID()
        switch access {
        case .read: return [.read(tenantID: tenantID)]
        case .submit: return [.submit(tenantID: tenantID)]
        case .administer: return [.administer(tenantID: tenantID)]
        case .editSomeSystem: return [.editSomeSystem(tenantID: tenantID)]
        case .createSystem: return [.createSystem(tenantID: tenantID, ownerOrgUnitPath: nil)]
        case .editSystem(let param):
            return [.editSystem(try await system(try id(param, req), tenant, req))]
        case .deleteSystem(let param):
            return [.deleteSystem(try await system(try id(param, req), tenant, req))]
        case .editIntegration(let param):
            let ends = try await systemIDs(
                table: "integrations", columns: ["source_system_id", "target_system_id"], id: try id(param, req),
                tenantID: tenantID, what: Localized(sv: "Integrationen", en: "The integration"), req: req)
            var result: [Permission] = []
            for end in ends { result.append(.editSystem(try await system(end, tenant, req))) }
            return result
        case .editContract(let param):
            let ends = try await systemIDs(
                table: "contracts", columns: ["system_id"], id: try id(param, req), tenantID: tenantID,
                what: Localized(sv: "Avtalet", en: "The contract"), req: req)
            var result: [Permission] = []
            for end in ends { result.append(.editSystem(try await system(end, tenant, req))) }
            return result
        case .editAgreement(let param):
            let ends = try await systemIDs(
                table: "service_agreements", columns: ["system_id"], id: try id(param, req), tenantID: tenantID,
                what: ServiceAgreement.what, req: req)
            var result: [Permission] = []
            for end in ends { result.append(.editSystem(try await system(end, tenant, req))) }
            return result
        case .editOutage(let param):
            let ends = try await systemIDs(
                table: "outages", columns: ["system_id"], id: try id(param, req), tenantID: tenantID,
                what: SystemOutage.what, req: req)
            var result: [Permission] = []
            for end in ends { result.append(.editSystem(try await system(end, tenant, req))) }
            return result
        case .appointRole(let param):
            let assignmentID = try id(param, req)
            guard
                let assignment = try await RoleAssignment.scoped(to: tenant, on: req.db).filter(\.$id == assignmentID)
                    .first()
            else { throw CommonError.notFound(what: Localized(sv: "Rolltilldelningen", en: "The role assignment")) }
            return [.appointRole(try await scope(assignment.draft.scope, assignment.draft.scopeId, tenant, req))]
        case .editProposal(let param):
            return [.editProposal(try await proposal(try id(param, req), tenant, req))]
        case .prepareProposal(let param):
            return [.prepareProposal(try await proposal(try id(param, req), tenant, req))]
        case .runForum(let param):
            let key = req.parameters.get(param) ?? ""
            let profile = try await ProfileRules.current(tenant, on: req.db).1
            guard let forum = profile.forum(key) else { throw CommonError.notFound(what: ForumRoutes.what) }
            return [.runMeetings(try await self.forum(forum, orgUnit: nil, tenant, req))]
        case .runMeeting(let param):
            let meetingID = try id(param, req)
            guard let meeting = try await Meeting.scoped(to: tenant, on: req.db).filter(\.$id == meetingID).first()
            else { throw CommonError.notFound(what: Meeting.what) }
            let profile = try await ProfileRules.current(tenant, on: req.db).1
            guard let forum = profile.forum(meeting.forumKey) else { throw CommonError.notFound(what: Meeting.what) }
            return [.runMeetings(try await self.forum(forum, orgUnit: meeting.orgUnitID, tenant, req))]
        case .runSomeForum:
            let profile = try await ProfileRules.current(tenant, on: req.db).1
            var result: [Permission] = []
            for forum in profile.forums {
                result.append(.runMeetings(try await self.forum(forum, orgUnit: nil, tenant, req)))
            }
            return result.isEmpty ? [.administer(tenantID: tenantID)] : result
        case .editPlan(let param):
            return [.editPlan(try await plan(try id(param, req), tenant, req))]
        case .adoptPlan(let param):
            return [.adoptPlan(try await plan(try id(param, req), tenant, req))]
        case .editInitiative(let param):
            let initiative = try await PlanInitiative.find(
                try id(param, req), in: tenant, on: req.db, what: PlanInitiative.what)
            return [.editPlan(try await plan(initiative.planID, tenant, req))]
        case .followUpInitiative(let param):
            let initiative = try await PlanInitiative.find(
                try id(param, req), in: tenant, on: req.db, what: PlanInitiative.what)
            return [.followUpBenefits(try await benefitOwners(initiative, tenant, req))]
        case .editDocument(let param):
            return [.editDocument(try await document(try id(param, req), tenant, req))]
        }
    }

    /// The facts of a forum's meeting for the förvaltning `orgUnit` (nil: whichever förvaltning).
    static func forum(
        _ forum: GovernanceProfile.Forum, orgUnit: UUID?, _ tenant: Tenant, _ req: Request
    ) async throws -> ForumAccessFacts {
        ForumAccessFacts(
            tenantID: try tenant.requireID(), leaderRoleKeys: Set([forum.chair, forum.convener].compactMap { $0 }),
            isPerOrgUnit: forum.isPerOrgUnit,
            orgUnitPath: forum.isPerOrgUnit && orgUnit != nil ? try await unitPath(orgUnit, tenant, req) : nil)
    }

    /// The facts of a plan of `tenant`; 404 when it is not one of the tenant's.
    static func plan(_ planID: UUID, _ tenant: Tenant, _ req: Request) async throws -> PlanAccessFacts {
        let found = try await Plan.find(planID, in: tenant, on: req.db, what: Plan.what)
        return try await plan(found, tenant, req)
    }

    static func plan(_ plan: Plan, _ tenant: Tenant, _ req: Request) async throws -> PlanAccessFacts {
        var facts: SystemFacts?
        if let systemID = plan.systemID {
            // A plan whose system has left the register is the administrator's to handle.
            facts = try? await system(systemID, tenant, req)
            if facts == nil {
                facts = SystemFacts(tenantID: try tenant.requireID(), systemID: systemID, ownerOrgUnitPath: [])
            }
        }
        return PlanAccessFacts(tenantID: try tenant.requireID(), system: facts)
    }

    /// The people named as owners of the benefits of an initiative's proposal: the register's people whose
    /// name is the owner's name as written in the calculation (case and surrounding space aside).
    static func benefitOwners(
        _ initiative: PlanInitiative, _ tenant: Tenant, _ req: Request
    ) async throws -> BenefitAccessFacts {
        let tenantID = try tenant.requireID()
        guard let proposalID = initiative.proposalID,
            let proposal = try await Proposal.scoped(to: tenant, on: req.db).filter(\.$id == proposalID).first(),
            let calculation = proposal.calculation
        else { return BenefitAccessFacts(tenantID: tenantID, ownerPersonIDs: []) }
        let names = Set(calculation.benefits.map { $0.owner.trimmed.lowercased() }.filter { !$0.isEmpty })
        guard !names.isEmpty else { return BenefitAccessFacts(tenantID: tenantID, ownerPersonIDs: []) }
        let people = try await Person.scoped(to: tenant, on: req.db).field(\.$id).field(\.$name).all()
        return BenefitAccessFacts(
            tenantID: tenantID,
            ownerPersonIDs: Set(people.filter { names.contains($0.name.trimmed.lowercased()) }.compactMap(\.id)))
    }

    /// The facts of a governing document of `tenant`; 404 when it is not one of the tenant's.
    static func document(_ documentID: UUID, _ tenant: Tenant, _ req: Request) async throws -> DocumentAccessFacts {
        let found = try await GoverningDocument.find(documentID, in: tenant, on: req.db, what: GoverningDocument.what)
        return try await document(found, tenant, req)
    }

    /// The facts of a governing document already loaded.
    static func document(
        _ document: GoverningDocument, _ tenant: Tenant, _ req: Request
    ) async throws
        -> DocumentAccessFacts
    {
        let tenantID = try tenant.requireID()
        let owners = try await Account.query(on: req.db).filter(\.$tenantID == tenantID)
            .filter(\.$personID == document.ownerPersonID).all()
        return DocumentAccessFacts(tenantID: tenantID, ownerAccountIDs: Set(owners.compactMap(\.id)))
    }

    /// The facts of a proposal of `tenant`; 404 when it is not one of the tenant's.
    static func proposal(_ proposalID: UUID, _ tenant: Tenant, _ req: Request) async throws -> ProposalAccessFacts {
        guard let found = try await Proposal.scoped(to: tenant, on: req.db).filter(\.$id == proposalID).first() else {
            throw CommonError.notFound(what: Proposal.what)
        }
        return ProposalAccessFacts(
            tenantID: try tenant.requireID(), proposerAccountID: found.proposedByAccountID,
            orgUnitPath: try await unitPath(found.orgUnitID, tenant, req))
    }

    /// The facts of a system of `tenant`; 404 when it is not one of the tenant's.
    static func system(_ systemID: UUID, _ tenant: Tenant, _ req: Request) async throws -> SystemFacts {
        let tenantID = try tenant.requireID()
        struct Row: Decodable { var owner_org_unit_id: UUID? }
        guard
            let row = try await RegisterRows.sql(req.db).select().column("owner_org_unit_id").from("it_systems")
                .where("id", .equal, SQLBind(systemID)).where("tenant_id", .equal, SQLBind(tenantID))
                .first(decoding: Row.self)
        else { throw CommonError.notFound(what: Localized(sv: "Systemet", en: "The system")) }
        return SystemFacts(
            tenantID: tenantID, systemID: systemID,
            ownerOrgUnitPath: try await unitPath(row.owner_org_unit_id, tenant, req))
    }

    /// The facts of a system already loaded: no second query for its owner.
    static func system(_ system: ITSystem, _ tenant: Tenant, _ req: Request) async throws -> SystemFacts {
        SystemFacts(
            tenantID: try tenant.requireID(), systemID: try system.requireID(),
            ownerOrgUnitPath: try await unitPath(system.ownerOrgUnitID, tenant, req))
    }

    /// The facts for appointing a role in `scope`.
    static func scope(
        _ kind: RoleScopeKind, _ scopeID: UUID?, _ tenant: Tenant, _ req: Request
    ) async throws
        -> RoleScopeFacts
    {
        let tenantID = try tenant.requireID()
        switch kind {
        case .system:
            guard let scopeID else { return .tenantWide(tenantID: tenantID) }
            return .system(try await system(scopeID, tenant, req))
        case .orgUnit:
            return .orgUnit(tenantID: tenantID, path: try await unitPath(scopeID, tenant, req))
        case .managementObject, .tenant:
            return .tenantWide(tenantID: tenantID)
        }
    }

    /// The unit and its ancestors, nearest first.
    static func unitPath(_ unitID: UUID?, _ tenant: Tenant, _ req: Request) async throws -> [UUID] {
        guard let unitID else { return [] }
        let tree = try await req.registerContext(for: tenant).orgTree
        return tree.path(unitID).map(\.id).reversed()
    }

    private static func id(_ param: String, _ req: Request) throws -> UUID {
        guard let raw = req.parameters.get(param), let id = UUID(uuidString: raw) else {
            throw CommonError.notFound(what: Localized(sv: "Posten", en: "The record"))
        }
        return id
    }

    private static func systemIDs(
        table: String, columns: [String], id: UUID, tenantID: UUID, what: Localized, req: Request
    ) async throws -> [UUID] {
        var query = RegisterRows.sql(req.db).select()
        for column in columns { query = query.column(column) }
        guard
            let row = try await query.from(table).where("id", .equal, SQLBind(id))
                .where("tenant_id", .equal, SQLBind(tenantID)).first()
        else { throw CommonError.notFound(what: what) }
        return try columns.compactMap { try row.decode(column: $0, as: UUID?.self) }
    }
}

/// Lets the register's rules check the target a form or JSON body chose, with the same policy as the
/// routes. Commands and the demo loader act without one (they run with the operator's own rights).
struct AccessCheck: Sendable {
    private let req: Request

    init(_ req: Request) { self.req = req }

    /// Refuses unless the principal may change at least one of the systems.
    func editSystems(anyOf systemIDs: [UUID?], tenant: Tenant) async throws {
        var permissions: [Permission] = []
        for id in Set(systemIDs.compactMap { $0 }).sorted(by: { $0.uuidString < $1.uuidString }) {
            permissions.append(.editSystem(try await AccessFacts.system(id, tenant, req)))
        }
        try await req.authorize(anyOf: permissions)
    }

    /// Refuses unless the principal may register a system owned by `unitID`.
    func createSystem(owner unitID: UUID?, tenant: Tenant) async throws {
        let path = try await AccessFacts.unitPath(unitID, tenant, req)
        try await req.authorize(.createSystem(tenantID: try tenant.requireID(), ownerOrgUnitPath: path))
    }

    /// Refuses unless the principal runs the forum's meetings (of the förvaltning `orgUnit`).
    func runMeetings(forum: GovernanceProfile.Forum, orgUnit: UUID?, tenant: Tenant) async throws {
        try await req.authorize(.runMeetings(try await AccessFacts.forum(forum, orgUnit: orgUnit, tenant, req)))
    }

    /// Refuses unless the principal may write plans of this kind for this system (nil: a municipality-wide plan).
    func editPlan(systemID: UUID?, tenant: Tenant) async throws {
        let facts = try await systemID.asyncMap { try await AccessFacts.system($0, tenant, req) }
        try await req.authorize(.editPlan(PlanAccessFacts(tenantID: try tenant.requireID(), system: facts)))
    }

    /// Refuses unless the principal may appoint roles in the scope.
    func appointRole(scope: RoleScopeKind, scopeID: UUID?, tenant: Tenant) async throws {
        try await req.authorize(.appointRole(try await AccessFacts.scope(scope, scopeID, tenant, req)))
    }
}
