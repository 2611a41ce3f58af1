import Fluent
import Foundation
import SQLKit
import StyrbordCore
import Vapor

/// Who did something and under which request, as the history records it.
struct AuditActor: Sendable {
    var name: String
    var requestID: String
    var now: @Sendable () -> Date
    var uuid: @Sendable () -> UUID
    /// The signed-in account, so history can be shown per person.
    var accountID: UUID? = nil
    /// Checks the targets a request chose (nil for commands, which act with the operator's rights).
    var access: AccessCheck? = nil

    /// The signed-in account of the request (or "system" for a request nobody signed).
    static func from(_ req: Request) -> AuditActor {
        AuditActor(
            name: req.signedIn?.actorName ?? "system", requestID: req.id, now: req.dependencies.now,
            uuid: req.dependencies.uuid, accountID: req.signedIn?.account.id, access: AccessCheck(req))
    }

    /// For the command line and the demo loader.
    static func command(_ name: String, dependencies: AppDependencies = .live) -> AuditActor {
        AuditActor(
            name: name, requestID: "cli-" + UUID().uuidString.prefix(8).lowercased(), now: dependencies.now,
            uuid: dependencies.uuid)
    }
}

/// One history line before it joins its chain: what happened to what. `AuditLog` adds who, when and the
/// chain's links.
struct AuditLine: Sendable {
    var tenantID: UUID?
    var objectType: String
    var objectID: UUID
    var label: String
    var action: AuditEntry.Action
    /// JSON of the record before and after the change.
    var before: String?
    var after: String?
    var message: String?
    var systemID: UUID?
}

/// Writes history. Every domain records its changes here, inside the same transaction as the change,
/// so that a change without its history (or the reverse) can never be stored. Each entry joins its
/// tenant's hash chain (or the platform's), see docs/audit.md.
enum AuditLog {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Records a change to a record and marks the tenant's data as changed (for the page caches).
    static func record<Snapshot: Encodable>(
        _ action: AuditEntry.Action, objectType: String, objectID: UUID, label: String, tenantID: UUID?,
        before: Snapshot?, after: Snapshot?, systemID: UUID? = nil, message: String? = nil,
        actor: AuditActor, on db: any Database
    ) async throws {
        let line = AuditLine(
            tenantID: tenantID, objectType: objectType, objectID: objectID, label: label, action: action,
            before: try before.map { try json($0) }, after: try after.map { try json($0) }, message: message,
            systemID: systemID)
        try await write(line, bumpingDataVersion: true, actor: actor, on: db)
    }

    /// Records a security event (sign-in, denied access, tokens …). Unlike `record` it leaves the tenant's
    /// data version alone: nothing in the register changed, so no cached page needs rebuilding.
    /// `objectID` nil (an unknown account, say) is stored as the all-zero id.
    static func recordEvent(
        _ action: AuditEntry.Action, objectType: String, objectID: UUID?, label: String, tenantID: UUID?,
        message: String?, actor: AuditActor, on db: any Database
    ) async throws {
        let line = AuditLine(
            tenantID: tenantID, objectType: objectType, objectID: objectID ?? noObject, label: label, action: action,
            message: message)
        try await write(line, bumpingDataVersion: false, actor: actor, on: db)
    }

    /// One line and, for a change, the data version, together: in the caller's transaction, or a new one.
    private static func write(
        _ line: AuditLine, bumpingDataVersion: Bool, actor: AuditActor, on db: any Database
    ) async throws {
        guard db.inTransaction else {
            return try await db.writeTransaction { tx in
                try await write(line, bumpingDataVersion: bumpingDataVersion, actor: actor, on: tx)
            }
        }
        try await append([line], actor: actor, on: db)
        if bumpingDataVersion, let tenantID = line.tenantID { try await bumpDataVersion(of: tenantID, on: db) }
    }

    /// The object id of an event that concerns no stored record.
    static let noObject = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// Appends lines to their chains, in order, as one actor: each chain's head is locked and moved once
    /// for all of its lines, and the entries are inserted with multi-row statements. Returns the entries.
    @discardableResult
    static func append(
        _ lines: [AuditLine], actor: AuditActor, on db: any Database
    ) async throws -> [AuditChainRecord] {
        guard !lines.isEmpty else { return [] }
        guard db.inTransaction else {
            // The head and the entries must change together.
            return try await db.writeTransaction { tx in try await append(lines, actor: actor, on: tx) }
        }
        // Group by chain, keeping each chain's lines in the order given.
        var chainOrder: [UUID?] = []
        var byChain: [UUID?: [AuditChainRecord]] = [:]
        for line in lines {
            if byChain[line.tenantID] == nil { chainOrder.append(line.tenantID) }
            byChain[line.tenantID, default: []].append(
                AuditChainRecord(
                    id: actor.uuid(), tenantID: line.tenantID, objectType: line.objectType, objectID: line.objectID,
                    objectLabel: line.label, action: line.action.rawValue, actor: actor.name,
                    actorID: actor.accountID, requestID: actor.requestID,
                    // Whole milliseconds, so that both databases give back exactly the instant that was hashed.
                    atMilliseconds: AuditChain.milliseconds(AuditChain.truncatedToMilliseconds(actor.now())),
                    before: line.before, after: line.after, message: line.message?.trimmedOrNil,
                    systemID: line.systemID))
        }
        var appended: [AuditChainRecord] = []
        appended.reserveCapacity(lines.count)
        for tenantID in chainOrder {
            var records = byChain[tenantID] ?? []
            let head = try await AuditChainStore.lockHead(of: tenantID, advancingBy: records.count, on: db)
            let newHead = AuditChain.append(&records, after: head)
            try await AuditChainStore.insert(records, on: db)
            try await AuditChainStore.storeHead(newHead, of: tenantID, on: db)
            appended += records
        }
        return appended
    }

    static func json<Snapshot: Encodable>(_ snapshot: Snapshot) throws -> String {
        String(decoding: try encoder.encode(snapshot), as: UTF8.self)
    }

    /// Marks the tenant's data as changed, in the writer's transaction.
    static func bumpDataVersion(of tenantID: UUID, on db: any Database) async throws {
        try await RegisterRows.sql(db).update("tenants")
            .set("data_version", to: SQLBinaryExpression(SQLColumn("data_version"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(tenantID))
            .run()
    }
}

/// One changed field between two snapshots, for showing history as "field: old → new".
struct AuditChange: Sendable, Equatable {
    var field: String
    var before: String?
    var after: String?

    /// Compares two JSON snapshots field by field (nested objects flattened with dots).
    static func diff(before: String?, after: String?) -> [AuditChange] {
        let old = flatten(before)
        let new = flatten(after)
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            old[key] == new[key] ? nil : AuditChange(field: key, before: old[key], after: new[key])
        }
    }

    private static func flatten(_ json: String?) -> [String: String] {
        guard let json, let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return [:] }
        var result: [String: String] = [:]
        func walk(_ value: JSONValue, _ path: String) {
            switch value {
            case .object(let dict):
                for (key, child) in dict { walk(child, path.isEmpty ? key : "\(path).\(key)") }
            case .array(let items):
                result[path] = items.map(\.display).joined(separator: ", ")
            case .null:
                break
            default:
                result[path] = value.display
            }
        }
        walk(value, "")
        return result.filter { !$0.value.isEmpty }
    }
}

/// Any JSON value, for reading audit snapshots without knowing their type.
enum JSONValue: Codable, Sendable, Equatable {
    case string(String), number(Double), bool(Bool), object([String: JSONValue]), array([JSONValue]), null

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        case .bool(let b): try c.encode(b)
        case .object(let o): try c.encode(o)
        case .array(let a): try c.encode(a)
        case .null: try c.encodeNil()
        }
    }

    /// Compact text for a history line.
    var display: String {
        switch self {
        case .string(let s): s
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .bool(let b): b ? "true" : "false"
        case .null: ""
        case .array(let items): items.map(\.display).joined(separator: ", ")
        case .object(let dict): dict.keys.sorted().map { "\($0): \(dict[$0]!.display)" }.joined(separator: ", ")
        }
    }
}
