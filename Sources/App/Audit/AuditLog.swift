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

/// Writes history. Every domain records its changes here, inside the same transaction as the change,
/// so that a change without its history (or the reverse) can never be stored.
enum AuditLog {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func record<Snapshot: Encodable>(
        _ action: AuditEntry.Action, objectType: String, objectID: UUID, label: String, tenantID: UUID?,
        before: Snapshot?, after: Snapshot?, systemID: UUID? = nil, message: String? = nil,
        actor: AuditActor, on db: any Database
    ) async throws {
        let entry = AuditEntry()
        entry.id = actor.uuid()
        entry.tenantID = tenantID
        entry.objectType = objectType
        entry.objectID = objectID
        entry.objectLabel = label
        entry.action = action
        entry.actor = actor.name
        entry.requestID = actor.requestID
        entry.at = actor.now()
        entry.before = try before.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        entry.after = try after.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        entry.message = message?.trimmedOrNil
        entry.systemID = systemID
        try await entry.create(on: db)
        if let tenantID { try await bumpDataVersion(of: tenantID, on: db) }
    }

    /// A security event (sign-in, refusal, token use): history, but not a change to the tenant's data.
    static func recordEvent(
        _ action: AuditEntry.Action, objectType: String, objectID: UUID?, label: String, tenantID: UUID?,
        message: String?, actor: AuditActor, on db: any Database
    ) async throws {
        let entry = AuditEntry()
        entry.id = actor.uuid()
        entry.tenantID = tenantID
        entry.objectType = objectType
        entry.objectID = objectID ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        entry.objectLabel = label
        entry.action = action
        entry.actor = actor.name
        entry.requestID = actor.requestID
        entry.at = actor.now()
        entry.message = message?.trimmedOrNil
        try await entry.create(on: db)
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
