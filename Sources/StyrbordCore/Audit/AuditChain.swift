import Crypto
import Foundation

/// One audit entry as the chain sees it: every column its hash covers, plus the columns that link
/// it to its neighbours and name its actor. Plain values, so that hashing and verifying need no database.
public struct AuditChainRecord: Sendable, Equatable {
    public var id: UUID
    public var tenantID: UUID?
    /// 1, 2, 3 … within the entry's chain (one per tenant, one for the platform).
    public var seq: Int64
    public var prevID: UUID?
    public var prevHash: String?
    public var entryHash: String
    public var objectType: String
    public var objectID: UUID
    public var objectLabel: String
    public var action: String
    /// Who acted: a name, or `pseudonym-…` once pseudonymised. Not hashed: the commitment is.
    public var actor: String
    /// The account that acted, if any; cleared on pseudonymisation.
    public var actorID: UUID?
    /// Random per entry; cleared on pseudonymisation.
    public var actorSalt: String?
    /// SHA-256 over salt, actor and account: what the chain hash covers instead of the actor itself.
    public var actorCommitment: String
    public var requestID: String
    /// Whole milliseconds since 1970: both databases keep an instant exactly to the millisecond.
    public var atMilliseconds: Int64
    public var before: String?
    public var after: String?
    public var message: String?
    public var systemID: UUID?

    public init(
        id: UUID, tenantID: UUID?, seq: Int64 = 0, prevID: UUID? = nil, prevHash: String? = nil,
        entryHash: String = "", objectType: String, objectID: UUID, objectLabel: String, action: String,
        actor: String, actorID: UUID? = nil, actorSalt: String? = nil, actorCommitment: String = "",
        requestID: String, atMilliseconds: Int64, before: String? = nil, after: String? = nil,
        message: String? = nil, systemID: UUID? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.seq = seq
        self.prevID = prevID
        self.prevHash = prevHash
        self.entryHash = entryHash
        self.objectType = objectType
        self.objectID = objectID
        self.objectLabel = objectLabel
        self.action = action
        self.actor = actor
        self.actorID = actorID
        self.actorSalt = actorSalt
        self.actorCommitment = actorCommitment
        self.requestID = requestID
        self.atMilliseconds = atMilliseconds
        self.before = before
        self.after = after
        self.message = message
        self.systemID = systemID
    }
}

/// Where a chain stands: its last entry. Stored per chain in `audit_chain_heads`.
public struct AuditChainHead: Sendable, Equatable {
    public var lastSeq: Int64
    public var lastEntryID: UUID?
    public var lastHash: String?

    public init(lastSeq: Int64, lastEntryID: UUID?, lastHash: String?) {
        self.lastSeq = lastSeq
        self.lastEntryID = lastEntryID
        self.lastHash = lastHash
    }

    /// A chain with no entries yet.
    public static let empty = AuditChainHead(lastSeq: 0, lastEntryID: nil, lastHash: nil)
}

/// Hashing for the tamper-evident audit trail (issue 3): each entry's hash covers its contents and
/// the hash of the entry before it, so changing, removing or reordering an entry breaks the chain.
public enum AuditChain {
    /// Names the format inside every hash, so a later format can never produce the same bytes.
    static let entryDomain = "styrbord.audit-entry.v1"
    static let actorDomain = "styrbord.audit-actor.v1"
    static let pseudonymDomain = "styrbord.audit-pseudonym.v1"

    /// The bytes an entry's hash is computed over: every covered field in a fixed order, each
    /// length-prefixed and optional ones marked present or absent, so no two entries share an encoding.
    public static func canonicalEncoding(of r: AuditChainRecord) -> [UInt8] {
        var e = CanonicalEncoder()
        e.append(entryDomain)
        e.append(r.id)
        e.append(optional: r.tenantID)
        e.append(r.seq)
        e.append(optional: r.prevHash)
        e.append(r.objectType)
        e.append(r.objectID)
        e.append(r.objectLabel)
        e.append(r.action)
        e.append(r.actorCommitment)
        e.append(r.requestID)
        e.append(r.atMilliseconds)
        e.append(optional: r.before)
        e.append(optional: r.after)
        e.append(optional: r.message)
        e.append(optional: r.systemID)
        return e.bytes
    }

    /// SHA-256 of the canonical encoding, as 64 lower-case hex digits.
    public static func entryHash(of record: AuditChainRecord) -> String {
        hex(SHA256.hash(data: canonicalEncoding(of: record)))
    }

    /// Commits to who acted without the chain covering the name itself: the name can later be replaced
    /// by a pseudonym (GDPR) and the chain still verifies, while an altered name no longer matches.
    public static func actorCommitment(salt: String, actor: String, actorID: UUID?) -> String {
        var e = CanonicalEncoder()
        e.append(actorDomain)
        e.append(salt)
        e.append(actor)
        e.append(optional: actorID)
        return hex(SHA256.hash(data: e.bytes))
    }

    /// 32 random bytes as hex: a fresh salt for each entry, so equal actors give unrelated commitments.
    public static func newSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        var words = (
            generator.next() as UInt64, generator.next() as UInt64, generator.next() as UInt64,
            generator.next() as UInt64
        )
        return withUnsafeBytes(of: &words) { hex($0) }
    }

    /// Whole milliseconds since 1970. Rounds rather than truncates: an instant that was truncated to
    /// the millisecond comes back from a database a few nanoseconds off in either direction.
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The instant cut down to whole milliseconds (towards the past), as stored.
    public static func truncatedToMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    /// Fills in salt, commitment, sequence numbers, links and hashes for new entries that follow `head`,
    /// in the order given. Returns the chain's new head.
    @discardableResult
    public static func append(_ records: inout [AuditChainRecord], after head: AuditChainHead) -> AuditChainHead {
        var current = head
        for index in records.indices {
            if records[index].actorSalt == nil {
                records[index].actorSalt = newSalt()
            }
            records[index].actorCommitment = actorCommitment(
                salt: records[index].actorSalt!, actor: records[index].actor, actorID: records[index].actorID)
            records[index].seq = current.lastSeq + 1
            records[index].prevID = current.lastEntryID
            records[index].prevHash = current.lastHash
            records[index].entryHash = entryHash(of: records[index])
            current = AuditChainHead(
                lastSeq: records[index].seq, lastEntryID: records[index].id, lastHash: records[index].entryHash)
        }
        return current
    }

    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Replaces actors by pseudonyms that stay the same for one person within one run, and can't be traced
/// back once the run's key is gone.
public struct AuditPseudonymiser: Sendable {
    private let key: SymmetricKey

    /// A new random key, held only as long as this value.
    public init() { key = SymmetricKey(size: .bits256) }

    /// For tests: a fixed key.
    public init(keyBytes: [UInt8]) { key = SymmetricKey(data: keyBytes) }

    /// `pseudonym-` and the first 10 hex digits of HMAC-SHA256(key, actor and account).
    public func pseudonym(actor: String, actorID: UUID?) -> String {
        var e = CanonicalEncoder()
        e.append(AuditChain.pseudonymDomain)
        e.append(actor)
        e.append(optional: actorID)
        let mac = HMAC<SHA256>.authenticationCode(for: e.bytes, using: key)
        return Self.prefix + String(AuditChain.hex(mac).prefix(10))
    }

    public static let prefix = "pseudonym-"

    /// `pseudonym-` followed by exactly 10 lower-case hex digits.
    public static func isPseudonym(_ actor: String) -> Bool {
        guard actor.hasPrefix(prefix) else { return false }
        let rest = actor.utf8.dropFirst(prefix.utf8.count)
        return rest.count == 10 && rest.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

/// Length-prefixed fields: a field is its byte count (8 bytes, big-endian) and its bytes; an optional
/// field is 0 when absent, or 1 followed by the field.
struct CanonicalEncoder {
    private(set) var bytes: [UInt8]

    init() {
        bytes = []
        bytes.reserveCapacity(1024)
    }

    mutating func append(_ text: String) {
        appendLength(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ id: UUID) {
        let u = id.uuid
        appendField([
            u.0, u.1, u.2, u.3, u.4, u.5, u.6, u.7, u.8, u.9, u.10, u.11, u.12, u.13, u.14, u.15,
        ])
    }

    mutating func append(_ number: Int64) {
        appendField((0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: number) >> (56 - 8 * UInt64($0))) })
    }

    mutating func append(optional text: String?) {
        guard let text else { return bytes.append(0) }
        bytes.append(1)
        append(text)
    }

    mutating func append(optional id: UUID?) {
        guard let id else { return bytes.append(0) }
        bytes.append(1)
        append(id)
    }

    private mutating func appendField(_ field: [UInt8]) {
        appendLength(field.count)
        bytes.append(contentsOf: field)
    }

    private mutating func appendLength(_ count: Int) {
        let count = UInt64(count)
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: count >> UInt64(shift)))
        }
    }
}
