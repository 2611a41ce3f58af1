import Foundation
import StyrbordCore
import Vapor

/// The API's request body for creating or replacing a system is the core draft itself.
typealias SystemWriteRequest = ITSystemDraft

/// A role the system lacks, as the API reports it.
struct RoleGapResponse: Content {
    var roleKey: String
    /// "ordinarie" when nobody holds the role, "ersattare" when the required deputy is missing.
    var missing: RoleHolding
    var source: String

    init(_ gap: RoleGap) {
        roleKey = gap.roleKey
        missing = gap.missing
        source = gap.source
    }
}

/// A system as the API returns it: every field of the draft plus identity, timestamps and role gaps.
struct SystemResponse: Content {
    var id: UUID
    var draft: ITSystemDraft
    var missingRoles: [RoleGapResponse]
    var createdAt: Date
    var updatedAt: Date

    init(_ system: ITSystem, userOrgUnitIds: [UUID], gaps: [RoleGap]) throws {
        id = try system.requireID()
        draft = system.draft(userOrgUnitIds: userOrgUnitIds)
        missingRoles = gaps.map(RoleGapResponse.init)
        createdAt = system.createdAt
        updatedAt = system.updatedAt
    }

    enum CodingKeys: String, CodingKey { case id, missingRoles, createdAt, updatedAt }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(missingRoles, forKey: .missingRoles)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try draft.encode(to: encoder)  // the draft's fields sit beside id at the top level
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        missingRoles = try c.decode([RoleGapResponse].self, forKey: .missingRoles)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        draft = try ITSystemDraft(from: decoder)
    }
}

/// One page of a list, the shape every list endpoint returns.
struct ListResponse<Item: Content>: Content {
    var items: [Item]
    var page: Int
    var perPage: Int
    var total: Int
}

/// A system reached through integrations.
struct DependencyResponse: Content {
    var systemId: UUID
    var name: String
    /// How many integrations away.
    var distance: Int
    var via: UUID
}

struct DependenciesResponse: Content {
    /// Systems this one depends on (information flows from them to it), nearest first.
    var dependsOn: [DependencyResponse]
    /// Systems that depend on this one.
    var dependedOnBy: [DependencyResponse]
}

/// One line of a record's history.
struct HistoryEntryResponse: Content {
    var id: UUID
    var objectType: String
    var objectId: UUID
    var objectLabel: String
    var action: String
    var actor: String
    var requestId: String
    var at: Date
    var message: String?
    var changes: [ChangeResponse]

    struct ChangeResponse: Content {
        var field: String
        var before: String?
        var after: String?
    }

    init(_ entry: AuditEntry) throws {
        id = try entry.requireID()
        objectType = entry.objectType
        objectId = entry.objectID
        objectLabel = entry.objectLabel
        action = entry.action.rawValue
        actor = entry.actor
        requestId = entry.requestID
        at = entry.at
        message = entry.message
        changes = AuditChange.diff(before: entry.before, after: entry.after).map {
            ChangeResponse(field: $0.field, before: $0.before, after: $0.after)
        }
    }
}
