import Fluent
import Foundation
import StyrbordCore
import Vapor

/// A role type as the API reads and writes it.
struct RoleTypeBody: Content, Hashable {
    var key: String
    var nameSv: String
    var nameEn: String
    var scope: RoleScopeKind
    var dutiesSv: String
    var dutiesEn: String
    var source: String

    init(
        key: String, nameSv: String, nameEn: String, scope: RoleScopeKind, dutiesSv: String, dutiesEn: String,
        source: String
    ) {
        self.key = key
        self.nameSv = nameSv
        self.nameEn = nameEn
        self.scope = scope
        self.dutiesSv = dutiesSv
        self.dutiesEn = dutiesEn
        self.source = source
    }

    enum CodingKeys: String, CodingKey { case key, nameSv, nameEn, scope, dutiesSv, dutiesEn, source }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        nameSv = try c.decode(String.self, forKey: .nameSv)
        nameEn = try c.decodeIfPresent(String.self, forKey: .nameEn) ?? ""
        scope = try c.decode(RoleScopeKind.self, forKey: .scope)
        dutiesSv = try c.decodeIfPresent(String.self, forKey: .dutiesSv) ?? ""
        dutiesEn = try c.decodeIfPresent(String.self, forKey: .dutiesEn) ?? ""
        source = try c.decodeIfPresent(String.self, forKey: .source) ?? ""
    }

    init(_ r: RoleType) {
        self.init(
            key: r.key, nameSv: r.nameSv, nameEn: r.nameEn, scope: r.scope, dutiesSv: r.dutiesSv, dutiesEn: r.dutiesEn,
            source: r.source)
    }

    func validate() -> [ValidationIssue] {
        var v = Validator()
        if !(2...63).contains(key.unicodeScalars.count) || !key.unicodeScalars.allSatisfy(Tenant.isSlugScalar) {
            v.add(
                "key", sv: "Nyckeln får innehålla a–z, 0–9 och bindestreck (2–63 tecken), som \"systemforvaltare\".",
                en: "The key may contain a–z, 0–9 and hyphens (2–63 characters), as in \"systemforvaltare\".")
        }
        v.requireText(nameSv, field: "nameSv", label: Localized(sv: "Svenskt namn", en: "Swedish name"), max: 100)
        v.limit(nameEn, field: "nameEn", label: Localized(sv: "Engelskt namn", en: "English name"), max: 100)
        v.limit(dutiesSv, field: "dutiesSv", label: Localized(sv: "Ansvar", en: "Duties"), max: 5_000)
        v.limit(dutiesEn, field: "dutiesEn", label: Localized(sv: "Ansvar", en: "Duties"), max: 5_000)
        v.limit(source, field: "source", label: Localized(sv: "Källa", en: "Source"), max: 100)
        return v.issues
    }
}

struct RoleTypeResponse: Content {
    var id: UUID
    var body: RoleTypeBody
    var sortOrder: Int

    enum CodingKeys: String, CodingKey { case id, sortOrder }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(sortOrder, forKey: .sortOrder)
        try body.encode(to: encoder)
    }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        sortOrder = try c.decode(Int.self, forKey: .sortOrder)
        body = try RoleTypeBody(from: decoder)
    }
    init(_ r: RoleType) throws {
        id = try r.requireID()
        body = RoleTypeBody(r)
        sortOrder = r.sortOrder
    }
}

/// The tenant's role catalogue over the API. Governance profiles (issue 4) will also write it.
struct RoleTypesAPIController {
    static let objectType = "role-type"

    @Sendable func index(req: Request) async throws -> [RoleTypeResponse] {
        try await RoleType.scoped(to: try await req.tenant(), on: req.db).sort(\.$sortOrder).all().map(
            RoleTypeResponse.init)
    }

    @Sendable func show(req: Request) async throws -> RoleTypeResponse {
        try RoleTypeResponse(try await load(req))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let body = try req.jsonBody(RoleTypeBody.self)
        try await check(body, tenant: tenant, excluding: nil, on: req.db)
        let actor = AuditActor.from(req)
        let count = try await RoleType.scoped(to: tenant, on: req.db).count()
        let role = try await req.db.writeTransaction { tx in
            let role = RoleType(
                id: actor.uuid(), tenantID: try tenant.requireID(),
                definition: RoleDefinition(
                    key: body.key,
                    name: Localized(
                        sv: body.nameSv.trimmed,
                        en: body.nameEn.trimmed.isEmpty ? body.nameSv.trimmed : body.nameEn.trimmed),
                    scope: body.scope, duties: Localized(sv: body.dutiesSv.trimmed, en: body.dutiesEn.trimmed),
                    source: body.source.trimmed),
                sortOrder: count)
            try await role.create(on: tx)
            try await AuditLog.record(
                .create, objectType: Self.objectType, objectID: try role.requireID(), label: role.nameSv,
                tenantID: role.tenantID,
                before: RoleTypeBody?.none, after: RoleTypeBody(role), actor: actor, on: tx)
            return role
        }
        let response = try await RoleTypeResponse(role).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: RoleRoutes.apiRoleType(tenant.slug, try role.requireID()))
        return response
    }

    @Sendable func update(req: Request) async throws -> RoleTypeResponse {
        let tenant = try await req.tenant()
        let role = try await load(req)
        let body = try req.jsonBody(RoleTypeBody.self)
        try await check(body, tenant: tenant, excluding: role.id, on: req.db)
        if body.scope != role.scope,
            try await RoleAssignment.query(on: req.db).filter(\.$roleTypeID == role.requireID()).count() > 0
        {
            throw ValidationFailure(issues: [
                ValidationIssue(
                    field: "scope",
                    message: Localized(
                        sv: "Rollen är tilldelad och kan inte byta omfattning.",
                        en: "The role is assigned and can't change its scope."))
            ])
        }
        let before = RoleTypeBody(role)
        let actor = AuditActor.from(req)
        role.key = body.key
        role.nameSv = body.nameSv.trimmed
        role.nameEn = body.nameEn.trimmed.isEmpty ? body.nameSv.trimmed : body.nameEn.trimmed
        role.scope = body.scope
        role.dutiesSv = body.dutiesSv.trimmed
        role.dutiesEn = body.dutiesEn.trimmed
        role.source = body.source.trimmed
        try await req.db.writeTransaction { tx in
            try await role.update(on: tx)
            try await AuditLog.record(
                .update, objectType: Self.objectType, objectID: try role.requireID(), label: role.nameSv,
                tenantID: role.tenantID,
                before: before, after: RoleTypeBody(role), actor: actor, on: tx)
        }
        return try RoleTypeResponse(role)
    }

    /// Refused while anyone holds or held the role: their history would lose its meaning.
    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        let role = try await load(req)
        let count = try await RoleAssignment.query(on: req.db).filter(\.$roleTypeID == role.requireID()).count()
        guard count == 0 else {
            throw RegisterError.inUse(what: RoleType.what, uses: ["\(count) rolltilldelningar"])
        }
        // L8: a governing document that concerns the role's holders names it.
        let documents = try await DocumentAudienceRole.query(on: req.db).filter(\.$roleTypeID == role.requireID())
            .count()
        guard documents == 0 else {
            throw RegisterError.inUse(what: RoleType.what, uses: ["\(documents) styrdokument som berör rollen"])
        }
        let actor = AuditActor.from(req)
        try await req.db.writeTransaction { tx in
            let id = try role.requireID()
            let before = RoleTypeBody(role)
            try await role.delete(on: tx)  // before its history: the audit chain's lock is taken last
            try await AuditLog.record(
                .delete, objectType: Self.objectType, objectID: id, label: role.nameSv, tenantID: role.tenantID,
                before: before, after: RoleTypeBody?.none, actor: actor, on: tx)
        }
        return .noContent
    }

    private func check(_ body: RoleTypeBody, tenant: Tenant, excluding: UUID?, on db: any Database) async throws {
        var issues = body.validate()
        if try await RoleType.scoped(to: tenant, on: db).filter(\.$key == body.key).all().contains(where: {
            $0.id != excluding
        }) {
            issues.append(
                ValidationIssue(
                    field: "key",
                    message: Localized(
                        sv: "Det finns redan en roll med nyckeln \(body.key).",
                        en: "There is already a role with the key \(body.key).")))
        }
        try RecordStore.check(issues)
    }

    private func load(_ req: Request) async throws -> RoleType {
        try await RoleType.find(
            try req.parameters.require("roleTypeID", as: UUID.self), in: try await req.tenant(), on: req.db,
            what: RoleType.what)
    }
}

/// A role assignment as the API returns it, with the names a reader needs.
struct RoleAssignmentResponse: Content {
    var id: UUID
    var draft: RoleAssignmentDraft
    var roleKey: String
    var isCurrent: Bool
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey { case id, roleKey, isCurrent, createdAt, updatedAt }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(roleKey, forKey: .roleKey)
        try c.encode(isCurrent, forKey: .isCurrent)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try draft.encode(to: encoder)
    }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        roleKey = try c.decode(String.self, forKey: .roleKey)
        isCurrent = try c.decode(Bool.self, forKey: .isCurrent)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        draft = try RoleAssignmentDraft(from: decoder)
    }
    init(_ a: RoleAssignment, roleKey: String, today: CalendarDay) throws {
        id = try a.requireID()
        draft = a.draft
        self.roleKey = roleKey
        isCurrent = a.isCurrent(on: today)
        createdAt = a.createdAt
        updatedAt = a.updatedAt
    }
}

/// Role assignments over the API, filterable by what they are held for, who holds them and the role.
struct RoleAssignmentsAPIController {
    @Sendable func index(req: Request) async throws -> ListResponse<RoleAssignmentResponse> {
        let tenant = try await req.tenant()
        let items = req.queryItems
        let paging = try ListQuery.strict(items)
        var query = try RoleAssignment.scoped(to: tenant, on: req.db)
        var issues = Validator()
        let roles = try await RoleType.scoped(to: tenant, on: req.db).all()
        let keys = Dictionary(uniqueKeysWithValues: roles.map { ($0.id!, $0.key) })
        var onlyCurrent = false
        // An empty value is refused like any other it can't read: "?systemId=" must not list everything.
        for (name, value) in items {
            switch name {
            case "systemId", "personId", "orgUnitId", "managementObjectId":
                guard let id = UUID(uuidString: value) else {
                    issues.add(name, sv: "Ange ett id (UUID).", en: "Give an id (UUID).")
                    continue
                }
                switch name {
                case "systemId": query = query.filter(\.$systemID == id)
                case "personId": query = query.filter(\.$personID == id)
                case "orgUnitId": query = query.filter(\.$orgUnitID == id)
                default: query = query.filter(\.$managementObjectID == id)
                }
            case "roleKey":
                guard let role = roles.first(where: { $0.key == value }) else {
                    issues.add(name, sv: "Okänd roll \(value).", en: "Unknown role \(value).")
                    continue
                }
                query = query.filter(\.$roleTypeID == role.id!)
            case "scope":
                guard let scope = RoleScopeKind(rawValue: value) else {
                    issues.add(name, sv: "Okänd omfattning \(value).", en: "Unknown scope \(value).")
                    continue
                }
                query = query.filter(\.$scope == scope)
            case "current":
                guard ["true", "false"].contains(value) else {
                    issues.add(name, sv: "Ange true eller false.", en: "Give true or false.")
                    continue
                }
                onlyCurrent = value == "true"
            default: break
            }
        }
        if !issues.isValid { throw InvalidQuery(issues: issues.issues) }
        let today = req.dependencies.today
        var all = try await query.sort(\.$validFrom).sort(\.$id).all()
        if onlyCurrent { all = all.filter { $0.isCurrent(on: today) } }
        let page = all.dropFirst(paging.offset).prefix(paging.perPage)
        return ListResponse(
            items: try page.map { try RoleAssignmentResponse($0, roleKey: keys[$0.roleTypeID] ?? "", today: today) },
            page: paging.page, perPage: paging.perPage, total: all.count)
    }

    @Sendable func show(req: Request) async throws -> RoleAssignmentResponse {
        let (tenant, a) = try await load(req)
        return try await response(a, tenant: tenant, req: req)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let a = try await RoleAssignmentRules.create(
            try req.jsonBody(RoleAssignmentDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let response = try await response(a, tenant: tenant, req: req).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: RoleRoutes.apiAssignment(tenant.slug, try a.requireID()))
        return response
    }

    @Sendable func update(req: Request) async throws -> RoleAssignmentResponse {
        let (tenant, a) = try await load(req)
        let updated = try await RoleAssignmentRules.update(
            a, with: try req.jsonBody(RoleAssignmentDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        return try await response(updated, tenant: tenant, req: req)
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        let (tenant, a) = try await load(req)
        try await RoleAssignmentRules.delete(a, tenant: tenant, actor: .from(req), message: nil, on: req.db)
        return .noContent
    }

    private func response(_ a: RoleAssignment, tenant: Tenant, req: Request) async throws -> RoleAssignmentResponse {
        let key = try await RoleType.find(a.roleTypeID, on: req.db)?.key ?? ""
        return try RoleAssignmentResponse(a, roleKey: key, today: req.dependencies.today)
    }

    private func load(_ req: Request) async throws -> (Tenant, RoleAssignment) {
        let tenant = try await req.tenant()
        return (
            tenant,
            try await RoleAssignment.find(
                try req.parameters.require("assignmentID", as: UUID.self), in: tenant, on: req.db,
                what: RoleAssignment.what)
        )
    }
}
