import Foundation
import Testing

@testable import StyrbordCore

@Suite("Audit chain: hashing, pseudonyms and verification")
struct AuditChainTests {
    static let tenant = UUID(uuidString: "00000000-0000-4000-8000-0000000000aa")!

    /// `n` chained entries of one tenant, as `AuditLog` writes them.
    static func chain(_ n: Int, actor: String = "anna") -> (records: [AuditChainRecord], head: AuditChainHead) {
        var records = (1...n).map { i in
            AuditChainRecord(
                id: UUID(uuidString: String(format: "00000000-0000-4000-8000-%012x", i))!, tenantID: tenant,
                objectType: "system", objectID: UUID(uuidString: "00000000-0000-4000-9000-000000000001")!,
                objectLabel: "Procapita \(i)", action: "update", actor: actor, requestID: "req-\(i)",
                atMilliseconds: 1_772_442_000_000 + Int64(i), before: "{\"name\":\"a\"}", after: "{\"name\":\"b\"}")
        }
        let head = AuditChain.append(&records, after: .empty)
        return (records, head)
    }

    static func verify(_ records: [AuditChainRecord], _ head: AuditChainHead?) -> [AuditProblem] {
        AuditChainVerifier.verify(records, head: head, chainName: "tenant sjovik")
    }

    @Test("Appending numbers entries 1, 2, 3 … and links each to the one before")
    func appendLinks() {
        let (records, head) = Self.chain(3)
        #expect(records.map(\.seq) == [1, 2, 3])
        #expect(records[0].prevID == nil && records[0].prevHash == nil)
        #expect(records[1].prevID == records[0].id && records[1].prevHash == records[0].entryHash)
        #expect(records[2].prevID == records[1].id && records[2].prevHash == records[1].entryHash)
        #expect(head == AuditChainHead(lastSeq: 3, lastEntryID: records[2].id, lastHash: records[2].entryHash))
        #expect(records.allSatisfy { $0.entryHash.count == 64 && $0.actorSalt?.count == 64 })
        #expect(Self.verify(records, head).isEmpty)
    }

    @Test("Every hashed field changes the hash; the actor itself does not")
    func hashCoversFields() {
        let base = Self.chain(1).records[0]
        let original = AuditChain.entryHash(of: base)
        #expect(original == base.entryHash)
        let changes: [(String, (inout AuditChainRecord) -> Void)] = [
            ("id", { $0.id = UUID() }), ("tenant", { $0.tenantID = nil }), ("seq", { $0.seq = 2 }),
            ("prevHash", { $0.prevHash = "" }), ("objectType", { $0.objectType = "person" }),
            ("objectID", { $0.objectID = UUID() }), ("label", { $0.objectLabel += "!" }),
            ("action", { $0.action = "delete" }), ("commitment", { $0.actorCommitment = "x" }),
            ("requestID", { $0.requestID = "other" }), ("at", { $0.atMilliseconds += 1 }),
            ("before", { $0.before = nil }), ("after", { $0.after = "{}" }), ("message", { $0.message = "" }),
            ("systemID", { $0.systemID = UUID() }),
        ]
        for (name, change) in changes {
            var copy = base
            change(&copy)
            #expect(AuditChain.entryHash(of: copy) != original, "\(name)")
        }
        var renamed = base
        renamed.actor = "someone else"
        renamed.actorID = UUID()
        #expect(AuditChain.entryHash(of: renamed) == original)
    }

    @Test("The encoding is unambiguous: moving text between neighbouring fields changes the hash")
    func unambiguous() {
        var a = Self.chain(1).records[0]
        a.before = "ab"
        a.after = "c"
        var b = a
        b.before = "a"
        b.after = "bc"
        #expect(AuditChain.entryHash(of: a) != AuditChain.entryHash(of: b))
        // An absent message differs from an empty one.
        var c = a
        c.message = nil
        var d = a
        d.message = ""
        #expect(AuditChain.entryHash(of: c) != AuditChain.entryHash(of: d))
    }

    @Test("A known entry hashes to a fixed value (the format must not drift)")
    func fixedVector() {
        let r = AuditChainRecord(
            id: UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, tenantID: nil, seq: 1,
            objectType: "system", objectID: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
            objectLabel: "Ä", action: "create", actor: "anna", actorCommitment: "c", requestID: "r",
            atMilliseconds: 1_772_442_000_123)
        // 15 fields after the format name, each an 8-byte length and its bytes; absent optionals one byte.
        #expect(AuditChain.canonicalEncoding(of: r).count == 173)
        // Computed independently (a dozen lines of Python over the format in docs/audit.md).
        #expect(AuditChain.entryHash(of: r) == "170c4a219329ae7ae8d4a4fef6edc6390cfb8c308bd44dfc9f2bf7e146acb2a6")
    }

    @Test("Milliseconds survive a round trip through a slightly-off Double")
    func milliseconds() {
        let at = AuditChain.truncatedToMilliseconds(Date(timeIntervalSince1970: 1_772_442_000.123_987))
        #expect(AuditChain.milliseconds(at) == 1_772_442_000_123)
        #expect(AuditChain.milliseconds(at.addingTimeInterval(-0.000_001)) == 1_772_442_000_123)
        #expect(AuditChain.milliseconds(at.addingTimeInterval(0.000_001)) == 1_772_442_000_123)
    }

    @Test("A changed value is reported with the entry's id")
    func altered() {
        var (records, head) = Self.chain(5)
        records[2].objectLabel = "Förfalskad"
        let problems = Self.verify(records, head)
        #expect(problems.map(\.kind) == [.altered])
        #expect(problems.first?.entryID == records[2].id)
        #expect(
            problems.first?.description
                == "altered: entry \(records[2].id.uuidString.lowercased()) (tenant sjovik, #3): contents do not match its hash"
        )
    }

    @Test("A changed and rehashed entry is caught by the entry after it, or by the head")
    func rehashed() {
        var (records, head) = Self.chain(4)
        records[1].after = "{\"name\":\"x\"}"
        records[1].entryHash = AuditChain.entryHash(of: records[1])
        #expect(Self.verify(records, head).map(\.entryID) == [records[1].id])
        records[3].message = "rewritten"
        records[3].entryHash = AuditChain.entryHash(of: records[3])
        let problems = Self.verify(records, head)
        #expect(problems.map(\.entryID) == [records[1].id, records[3].id])
        #expect(problems.allSatisfy { $0.kind == .altered })
    }

    @Test("A removed entry in the middle, at the start or at the end is reported by its id")
    func removed() {
        let (records, head) = Self.chain(5)
        var middle = records
        middle.remove(at: 2)
        let m = Self.verify(middle, head)
        #expect(m.map(\.kind) == [.removed])
        #expect(m.first?.entryID == records[2].id)
        let id = { (i: Int) in records[i].id.uuidString.lowercased() }
        #expect(
            m.first?.description
                == "removed: entry \(id(2)) (tenant sjovik, #3) is missing; entry \(id(3)) refers to it")

        let first = Self.verify(Array(records.dropFirst()), head)
        #expect(first.map(\.entryID) == [records[0].id])

        let last = Self.verify(Array(records.dropLast()), head)
        #expect(last.map(\.kind) == [.removed])
        #expect(last.first?.description == "removed: the last entry \(id(4)) (tenant sjovik, #5) is missing")

        var two = records
        two.removeSubrange(1...2)
        let t = Self.verify(two, head)
        #expect(t.map(\.entryID) == [records[2].id])
        #expect(t.first?.description.contains("2 entries (tenant sjovik, #2–#3) are missing") == true)

        #expect(Self.verify([], head).map(\.kind) == [.removed])
    }

    @Test("Duplicate sequence numbers, a missing head and a stale head are reported")
    func sequenceAndHead() {
        let (records, head) = Self.chain(3)
        var duplicate = records
        var copy = records[1]
        copy.id = UUID()
        copy.entryHash = AuditChain.entryHash(of: copy)
        duplicate.insert(copy, at: 2)
        #expect(Self.verify(duplicate, head).map(\.kind) == [.duplicate])
        #expect(Self.verify(records, nil).map(\.kind) == [.headMismatch])
        let stale = AuditChainHead(lastSeq: 2, lastEntryID: records[1].id, lastHash: records[1].entryHash)
        #expect(Self.verify(records, stale).map(\.kind) == [.headMismatch])
        #expect(Self.verify([], nil).isEmpty)
    }

    @Test("An altered actor breaks its commitment; a pseudonym without salt or account passes")
    func actors() {
        var (records, head) = Self.chain(3)
        records[0].actor = "mallory"
        records[1].actorID = UUID()
        let problems = Self.verify(records, head)
        #expect(problems.map(\.kind) == [.actorAltered, .actorAltered])
        #expect(problems.map(\.entryID) == [records[0].id, records[1].id])

        let chained = Self.chain(3)
        var clean = chained.records
        let cleanHead = chained.head
        let pseudonymiser = AuditPseudonymiser()
        for i in clean.indices {
            clean[i].actor = pseudonymiser.pseudonym(actor: clean[i].actor, actorID: clean[i].actorID)
            clean[i].actorID = nil
            clean[i].actorSalt = nil
        }
        #expect(Self.verify(clean, cleanHead).isEmpty)
        clean[1].actor = "anna"
        #expect(Self.verify(clean, cleanHead).map(\.entryID) == [clean[1].id])
    }

    @Test("Pseudonyms are stable within a run, differ between people and between runs")
    func pseudonyms() {
        let run = AuditPseudonymiser(keyBytes: Array(repeating: 7, count: 32))
        let anna = run.pseudonym(actor: "anna", actorID: nil)
        #expect(anna == run.pseudonym(actor: "anna", actorID: nil))
        #expect(anna != run.pseudonym(actor: "bertil", actorID: nil))
        #expect(anna != run.pseudonym(actor: "anna", actorID: UUID()))
        #expect(anna != AuditPseudonymiser().pseudonym(actor: "anna", actorID: nil))
        #expect(AuditPseudonymiser.isPseudonym(anna))
        #expect(anna.count == "pseudonym-".count + 10)
        for bad in ["pseudonym-", "pseudonym-0123456789a", "pseudonym-ABCDEF0123", "anna", "pseudonym-01234567g9"] {
            #expect(!AuditPseudonymiser.isPseudonym(bad), "\(bad)")
        }
    }
}
