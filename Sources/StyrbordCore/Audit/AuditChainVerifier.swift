import Foundation

/// One thing wrong with an audit chain, as a line for the person running `styrbord audit verify`.
public struct AuditProblem: Sendable, Equatable, CustomStringConvertible {
    /// What kind of tampering (or damage) the problem points to.
    public enum Kind: String, Sendable {
        case altered
        case removed
        case actorAltered = "actor altered"
        case duplicate
        case brokenLink = "broken link"
        case headMismatch = "head mismatch"
    }

    public var kind: Kind
    /// The entry the problem is about (a missing one, for `removed`).
    public var entryID: UUID?
    /// What was found, after the kind: "entry … (tenant sjovik, #57): contents do not match its hash".
    public var detail: String

    public var description: String { "\(kind.rawValue): \(detail)" }
}

/// Walks one chain in sequence order and collects what does not add up. Fed one entry at a time, so a
/// caller can stream hundreds of thousands of entries in pages; `finish(head:)` compares the end with
/// the chain's stored head.
public struct AuditChainVerifier: Sendable {
    /// How the chain is named in problems: "tenant sjovik", "platform".
    public let chainName: String
    public private(set) var problems: [AuditProblem] = []
    public private(set) var count = 0
    private var last: Link?

    private struct Link: Sendable {
        var id: UUID
        var seq: Int64
        var entryHash: String
        /// The entry's contents match its own hash.
        var intact: Bool
    }

    public init(chainName: String) {
        self.chainName = chainName
    }

    /// Checks one entry: its hash, its actor, and its link to the entry before. Entries must come in
    /// order of `seq` (then id).
    public mutating func check(_ r: AuditChainRecord) {
        count += 1
        let intact = AuditChain.entryHash(of: r) == r.entryHash
        if !intact {
            report(.altered, r.id, "entry \(Self.show(r.id)) (\(chainName), #\(r.seq)): contents do not match its hash")
        }
        checkActor(r)
        defer {
            if last?.seq != r.seq {
                last = Link(id: r.id, seq: r.seq, entryHash: r.entryHash, intact: intact)
            }
        }
        let expected = (last?.seq ?? 0) + 1
        if let last, r.seq == last.seq {
            report(
                .duplicate, r.id,
                "entries \(Self.show(last.id)) and \(Self.show(r.id)) (\(chainName)) both have #\(r.seq)")
        } else if r.seq < expected {
            report(
                .brokenLink, r.id, "entry \(Self.show(r.id)) (\(chainName)) has #\(r.seq); a chain counts from #1")
        } else if r.seq > expected {
            reportGap(from: expected, to: r.seq - 1, before: r)
        } else if r.prevID != last?.id {
            let recorded = r.prevID.map { "refers to \(Self.show($0))" } ?? "refers to no entry"
            let actual = last.map { "#\($0.seq) is entry \(Self.show($0.id))" } ?? "it is the first entry"
            report(.brokenLink, r.id, "entry \(Self.show(r.id)) (\(chainName), #\(r.seq)) \(recorded), but \(actual)")
        } else if let last, r.prevHash != last.entryHash, intact {
            // This entry is intact and so is what it recorded: the one before was changed and rehashed.
            report(
                .altered, last.id,
                "entry \(Self.show(last.id)) (\(chainName), #\(last.seq)): its hash differs from the one entry "
                    + "\(Self.show(r.id)) recorded")
        } else if last == nil, r.prevHash != nil, intact {
            report(
                .brokenLink, r.id,
                "entry \(Self.show(r.id)) (\(chainName), #\(r.seq)) is the first but records a previous hash")
        }
    }

    /// Compares where the walk ended with the chain's stored head (nil: the chain has no head row).
    public mutating func finish(head: AuditChainHead?) {
        let lastSeq = last?.seq ?? 0
        guard let head else {
            if let last {
                report(
                    .headMismatch, last.id,
                    "\(chainName) has \(count) entries up to #\(last.seq) (entry \(Self.show(last.id))) but no head")
            }
            return
        }
        if head.lastSeq > lastSeq {
            let missing = head.lastEntryID.map(Self.show) ?? "(unknown)"
            if head.lastSeq == lastSeq + 1 {
                report(
                    .removed, head.lastEntryID,
                    "the last entry \(missing) (\(chainName), #\(head.lastSeq)) is missing")
            } else {
                report(
                    .removed, head.lastEntryID,
                    "the last \(head.lastSeq - lastSeq) entries (\(chainName), #\(lastSeq + 1)–#\(head.lastSeq)) "
                        + "are missing, the last of them entry \(missing)")
            }
        } else if let last, head.lastSeq < lastSeq {
            report(
                .headMismatch, last.id,
                "the head of \(chainName) is at #\(head.lastSeq) but entries go on to #\(last.seq) "
                    + "(entry \(Self.show(last.id)))")
        } else if let last, head.lastEntryID != last.id {
            report(
                .headMismatch, last.id,
                "the head of \(chainName) names entry \(head.lastEntryID.map(Self.show) ?? "(none)") as "
                    + "#\(head.lastSeq), but #\(last.seq) is entry \(Self.show(last.id))")
        } else if let last, head.lastHash != last.entryHash, last.intact {
            report(
                .altered, last.id,
                "entry \(Self.show(last.id)) (\(chainName), #\(last.seq)): its hash differs from the one the "
                    + "chain's head recorded")
        }
    }

    /// Verifies a whole chain held in memory (tests, small chains).
    public static func verify(
        _ records: [AuditChainRecord], head: AuditChainHead?, chainName: String
    ) -> [AuditProblem] {
        var verifier = AuditChainVerifier(chainName: chainName)
        for record in records { verifier.check(record) }
        verifier.finish(head: head)
        return verifier.problems
    }

    private mutating func checkActor(_ r: AuditChainRecord) {
        if let salt = r.actorSalt {
            if AuditChain.actorCommitment(salt: salt, actor: r.actor, actorID: r.actorID) != r.actorCommitment {
                report(
                    .actorAltered, r.id,
                    "entry \(Self.show(r.id)) (\(chainName), #\(r.seq)): the actor does not match its commitment")
            }
        } else if !AuditPseudonymiser.isPseudonym(r.actor) || r.actorID != nil {
            report(
                .actorAltered, r.id,
                "entry \(Self.show(r.id)) (\(chainName), #\(r.seq)): has no salt, so its actor must be a pseudonym "
                    + "without an account")
        }
    }

    private mutating func reportGap(from first: Int64, to lastMissing: Int64, before r: AuditChainRecord) {
        let refers = r.prevID.map(Self.show)
        if first == lastMissing {
            report(
                .removed, r.prevID,
                "entry \(refers ?? "(unknown)") (\(chainName), #\(first)) is missing; entry \(Self.show(r.id)) "
                    + (refers == nil ? "comes after it" : "refers to it"))
        } else {
            report(
                .removed, r.prevID,
                "\(lastMissing - first + 1) entries (\(chainName), #\(first)–#\(lastMissing)) are missing"
                    + (refers.map { ", the last of them entry \($0)" } ?? "") + "; entry \(Self.show(r.id)) "
                    + (refers == nil ? "comes after them" : "refers to it"))
        }
    }

    private mutating func report(_ kind: AuditProblem.Kind, _ id: UUID?, _ detail: String) {
        problems.append(AuditProblem(kind: kind, entryID: id, detail: detail))
    }

    static func show(_ id: UUID) -> String { id.uuidString.lowercased() }
}
