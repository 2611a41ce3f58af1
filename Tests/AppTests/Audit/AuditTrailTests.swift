import Fluent
import Foundation
import SQLKit
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Audit trail: hash chains, verification and pseudonymisation")
struct AuditTrailTests {
    /// A tenant with a little history: systems created, changed and deleted, and a supplier.
    static func history(on app: Application) async throws -> Tenant {
        let tenant = try await Fixtures.tenant(on: app)
        var systems: [ITSystem] = []
        for name in ["Procapita", "Visma Lön", "Platina", "Ciceron", "Treserva"] {
            systems.append(try await Fixtures.system(name, in: tenant, on: app.db))
        }
        for system in systems.prefix(3) {
            var draft = system.draft(userOrgUnitIds: [])
            draft.description = "Ändrad beskrivning av \(draft.name)"
            _ = try await SystemRules.update(system, with: draft, tenant: tenant, actor: Fixtures.actor, on: app.db)
        }
        try await SystemRules.delete(systems[4], tenant: tenant, actor: Fixtures.actor, on: app.db)
        _ = try await SupplierRules.create(
            SupplierDraft(name: "Tieto"), tenant: tenant, actor: Fixtures.actor, on: app.db)
        return tenant
    }

    static func entries(of tenant: Tenant, on db: any Database) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: db).filter(\.$tenantID == tenant.requireID()).sort(\.$seq).all()
    }

    static func sql(_ app: Application) -> any SQLDatabase { app.db as! any SQLDatabase }

    static func show(_ id: UUID?) -> String { id?.uuidString.lowercased() ?? "nil" }

    @Test("After many changes the history is one unbroken chain, and verify says so")
    func linear() async throws {
        try await withTestApp { app in
            let tenant = try await Self.history(on: app)
            let entries = try await Self.entries(of: tenant, on: app.db)
            #expect(entries.count == 10)  // 5 created, 3 changed, 1 deleted, 1 supplier
            #expect(entries.map(\.seq) == Array(1...10))
            #expect(entries.first?.prevID == nil && entries.first?.prevHash == nil)
            for (before, entry) in zip(entries, entries.dropFirst()) {
                #expect(entry.prevID == before.id)
                #expect(entry.prevHash == before.entryHash)
            }
            #expect(entries.allSatisfy { $0.entryHash == AuditChain.entryHash(of: $0.chainRecord) })
            #expect(entries.allSatisfy { $0.actorSalt != nil && $0.actor == "fixtures" })
            // Instants are stored in whole milliseconds, so both databases give back exactly what was hashed.
            #expect(entries.allSatisfy { $0.at == AuditChain.truncatedToMilliseconds($0.at) })
            let report = try await AuditVerification.verify(on: app.db)
            #expect(report.problems.isEmpty)
            #expect(report.lines == ["Audit trail intact: 10 entries in 1 chain."])
        }
    }

    @Test("A value changed through SQL is reported with that entry's id")
    func alteredValue() async throws {
        try await withTestApp { app in
            let tenant = try await Self.history(on: app)
            let target = try await Self.entries(of: tenant, on: app.db)[5]
            try await Self.sql(app).update("audit_entries").set("after", to: SQLBind("{\"name\":\"Förfalskad\"}"))
                .where("id", .equal, SQLBind(target.id)).run()
            let report = try await AuditVerification.verify(on: app.db)
            #expect(report.problems.map(\.kind) == [.altered])
            #expect(report.problems.map(\.entryID) == [target.id])
            #expect(
                report.lines.first
                    == "altered: entry \(Self.show(target.id)) (tenant testby, #6): contents do not match its hash")
        }
    }

    @Test("A deleted entry in the middle is reported by its id, and so is a deleted last entry")
    func removed() async throws {
        try await withTestApp { app in
            let tenant = try await Self.history(on: app)
            let entries = try await Self.entries(of: tenant, on: app.db)
            let middle = entries[4]
            try await Self.sql(app).delete(from: "audit_entries").where("id", .equal, SQLBind(middle.id)).run()
            var report = try await AuditVerification.verify(on: app.db)
            #expect(report.problems.map(\.kind) == [.removed])
            #expect(report.problems.first?.entryID == middle.id)
            #expect(
                report.lines.first
                    == "removed: entry \(Self.show(middle.id)) (tenant testby, #5) is missing; entry "
                    + "\(Self.show(entries[5].id)) refers to it")

            let last = entries[9]
            try await Self.sql(app).delete(from: "audit_entries").where("id", .equal, SQLBind(last.id)).run()
            report = try await AuditVerification.verify(on: app.db)
            #expect(report.problems.map(\.entryID) == [middle.id, last.id])
            #expect(report.lines[1] == "removed: the last entry \(Self.show(last.id)) (tenant testby, #10) is missing")
        }
    }

    @Test("An altered actor is reported, though the entry's hash still matches")
    func alteredActor() async throws {
        try await withTestApp { app in
            let tenant = try await Self.history(on: app)
            let target = try await Self.entries(of: tenant, on: app.db)[2]
            try await Self.sql(app).update("audit_entries").set("actor", to: SQLBind("någon annan"))
                .where("id", .equal, SQLBind(target.id)).run()
            let report = try await AuditVerification.verify(on: app.db)
            #expect(report.problems.map(\.kind) == [.actorAltered])
            #expect(report.problems.map(\.entryID) == [target.id])
        }
    }

    @Test("The command path: status and lines for an intact trail, a tampered one and an unknown tenant")
    func command() async throws {
        try await withTestApp { app in
            let tenant = try await Self.history(on: app)
            _ = try await Fixtures.tenant("annanby", on: app)
            var outcome = try await AuditCommands.verify(app: app, tenantSlug: nil)
            #expect(outcome.succeeded)
            #expect(outcome.report == "Audit trail intact: 10 entries in 1 chain.")
            let target = try await Self.entries(of: tenant, on: app.db)[0]
            try await Self.sql(app).update("audit_entries").set("object_label", to: SQLBind("X"))
                .where("id", .equal, SQLBind(target.id)).run()
            outcome = try await AuditCommands.verify(app: app, tenantSlug: "testby")
            #expect(!outcome.succeeded)
            #expect(outcome.report.contains("altered: entry \(Self.show(target.id)) (tenant testby, #1)"))
            #expect(outcome.report.hasSuffix("Audit trail NOT intact: 1 problem in 10 entries in 1 chain."))
            outcome = try await AuditCommands.verify(app: app, tenantSlug: "annanby")
            #expect(outcome.succeeded)
            await #expect(throws: CommandFailure.self) {
                _ = try await AuditCommands.verify(app: app, tenantSlug: "okand")
            }
        }
    }

    @Test("Pseudonymising old entries replaces their actors and accounts; the trail still verifies")
    func pseudonymise() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let fiveYearsAgo = testNow.addingTimeInterval(-5 * 365 * 86_400)
            let anna = UUID()
            func actor(_ name: String, account: UUID?, at date: Date) -> AuditActor {
                AuditActor(name: name, requestID: "r", now: { date }, uuid: { UUID() }, accountID: account)
            }
            for i in 0..<3 {
                _ = try await SystemRules.create(
                    ITSystemDraft(name: "Gammalt \(i)", category: .business), tenant: tenant,
                    actor: actor("Anna Andersson", account: anna, at: fiveYearsAgo), on: app.db)
            }
            _ = try await SupplierRules.create(
                SupplierDraft(name: "Gammal leverantör"), tenant: tenant,
                actor: actor("Bertil Berg", account: nil, at: fiveYearsAgo), on: app.db)
            _ = try await SystemRules.create(
                ITSystemDraft(name: "Nytt", category: .business), tenant: tenant,
                actor: actor("Anna Andersson", account: anna, at: testNow), on: app.db)

            // No retention period set and none given: nothing changes.
            var outcome = try await AuditCommands.pseudonymise(
                app: app, olderThanYears: nil, tenantSlug: nil, dryRun: false)
            #expect(outcome.report.contains("tenant testby: no retention period set"))
            #expect(try await Self.entries(of: tenant, on: app.db).allSatisfy { $0.actorSalt != nil })

            tenant.auditActorRetentionYears = 3
            try await tenant.save(on: app.db)
            outcome = try await AuditCommands.pseudonymise(app: app, olderThanYears: nil, tenantSlug: nil, dryRun: true)
            #expect(outcome.report.contains("tenant testby: 4 entries would be pseudonymised (older than 3 years"))
            #expect(try await Self.entries(of: tenant, on: app.db).allSatisfy { $0.actorSalt != nil })

            outcome = try await AuditCommands.pseudonymise(
                app: app, olderThanYears: nil, tenantSlug: "testby", dryRun: false)
            #expect(outcome.succeeded)
            #expect(outcome.report.hasSuffix("Pseudonymised 4 entries."))
            let entries = try await Self.entries(of: tenant, on: app.db)
            let old = entries.filter { $0.at < testNow.addingTimeInterval(-86_400) }
            #expect(old.count == 4)
            #expect(old.allSatisfy { AuditPseudonymiser.isPseudonym($0.actor) && $0.actorID == nil })
            #expect(old.allSatisfy { $0.actorSalt == nil })
            #expect(Set(old.prefix(3).map(\.actor)).count == 1)  // one person, one pseudonym within a run
            #expect(old[0].actor != old[3].actor)
            let recent = try #require(entries.last)
            #expect(recent.actor == "Anna Andersson" && recent.actorID == anna && recent.actorSalt != nil)
            #expect(try await AuditVerification.verify(on: app.db).problems.isEmpty)

            // A second run finds nothing left to do.
            outcome = try await AuditCommands.pseudonymise(
                app: app, olderThanYears: 3, tenantSlug: "testby", dryRun: false)
            #expect(outcome.report.hasSuffix("Pseudonymised 0 entries."))
        }
    }

    @Test("Pseudonymising leaves an actor that was tampered with for verify to report")
    func pseudonymiseKeepsTampering() async throws {
        try await withTestApp { app in
            let tenant = try await Self.history(on: app)
            let target = try await Self.entries(of: tenant, on: app.db)[1]
            try await Self.sql(app).update("audit_entries").set("actor", to: SQLBind("någon annan"))
                .where("id", .equal, SQLBind(target.id)).run()
            let results = try await AuditPseudonymisation.run(
                olderThanYears: 1, tenant: nil, dryRun: false, now: testNow.addingTimeInterval(3 * 365 * 86_400),
                on: app.db)
            #expect(results.map(\.chainName) == ["platform", "tenant testby"])
            #expect(results.map(\.changed) == [0, 9])
            #expect(results.map(\.mismatched) == [0, 1])
            let report = try await AuditVerification.verify(on: app.db)
            #expect(report.problems.map(\.entryID) == [target.id])
        }
    }

    @Test("Security events join the chain without bumping the data version or entering a system's history")
    func events() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system("Procapita", in: tenant, on: app.db)
            let version = try #require(try await Tenant.find(tenant.id, on: app.db)).dataVersion
            try await AuditLog.recordEvent(
                .accessDenied, objectType: "system", objectID: system.id, label: "Procapita",
                tenantID: tenant.id, message: "Saknar behörighet", actor: Fixtures.actor, on: app.db)
            try await AuditLog.recordEvent(
                .signInFailed, objectType: "account", objectID: nil, label: "okänd@example.se", tenantID: nil,
                message: nil, actor: Fixtures.actor, on: app.db)
            #expect(try #require(try await Tenant.find(tenant.id, on: app.db)).dataVersion == version)
            let platform = try await AuditEntry.query(on: app.db).filter(\.$tenantID == nil).all()
            #expect(platform.map(\.action) == [.signInFailed])
            #expect(platform.first?.objectID == UUID(uuidString: "00000000-0000-0000-0000-000000000000"))
            #expect(platform.first?.seq == 1)
            #expect(try await Self.entries(of: tenant, on: app.db).map(\.action) == [.create, .accessDenied])
            let history = try await SystemHistory.entries(for: system.requireID(), tenant: tenant, on: app.db)
            #expect(history.map(\.action) == [.create])
            let report = try await AuditVerification.verify(on: app.db)
            #expect(report.lines == ["Audit trail intact: 3 entries in 2 chains."])
        }
    }

    @Test("The backfill migration chains history written before the chain existed")
    func backfill() async throws {
        try await withTestApp { app in
            // Back to the schema before the chain, with history in two tenants and the platform.
            let a = try await Fixtures.tenant("a-kommun", on: app)
            let b = try await Fixtures.tenant("b-kommun", on: app)
            let (aID, bID) = (try a.requireID(), try b.requireID())
            // On one connection: SQLite checks a repeated ALTER TABLE against the schema the connection read
            // last, and another connection of the pool may have read it before the revert.
            let written = try await app.db.withConnection { db in
                for migration in [
                    AddAuditRetentionToTenants() as any AsyncMigration, IndexAuditChain(), BackfillAuditChain(),
                    CreateAuditChainHeads(), AddChainToAuditEntries(),
                ] {
                    try await migration.revert(on: db)
                }
                let sql = db as! any SQLDatabase
                var written: [(id: UUID, tenant: UUID?, at: Date)] = []
                for (i, tenant) in [aID, bID, nil, aID, aID, bID].enumerated() {
                    // Out of order in time, and with sub-millisecond instants as the old code wrote them.
                    let at = testNow.addingTimeInterval(Double([5, 1, 2, 3, 0, 4][i]) + 0.000_4)
                    let id = UUID()
                    try await sql.insert(into: "audit_entries")
                        .columns(
                            "id", "tenant_id", "object_type", "object_id", "object_label", "action", "actor",
                            "request_id", "at", "before", "after", "message", "system_id"
                        )
                        .values(
                            SQLBind(id), SQLBind(tenant), SQLBind("system"), SQLBind(UUID()),
                            SQLBind("System \(i)"), SQLBind("create"), SQLBind("anna"), SQLBind("r\(i)"), SQLBind(at),
                            SQLBind(String?.none), SQLBind("{\"name\":\"System \(i)\"}"), SQLBind(String?.none),
                            SQLBind(UUID?.none)
                        )
                        .run()
                    written.append((id, tenant, at))
                }
                for migration in [
                    AddChainToAuditEntries() as any AsyncMigration, CreateAuditChainHeads(), BackfillAuditChain(),
                    IndexAuditChain(), AddAuditRetentionToTenants(),
                ] {
                    try await migration.prepare(on: db)
                }
                return written
            }
            let chainA = try await Self.entries(of: a, on: app.db)
            let expected = written.filter { $0.tenant == a.id }.sorted { $0.at < $1.at }.map(\.id)
            #expect(chainA.map(\.id) == expected)
            #expect(chainA.map(\.seq) == [1, 2, 3])
            #expect(chainA.allSatisfy { $0.actor == "anna" && $0.actorSalt != nil })
            let report = try await AuditVerification.verify(on: app.db)
            #expect(report.lines == ["Audit trail intact: 6 entries in 3 chains."])
            // New history continues the backfilled chain.
            _ = try await Fixtures.system("Efter", in: a, on: app.db)
            let after = try await Self.entries(of: a, on: app.db)
            #expect(after.last?.seq == 4 && after.last?.prevID == chainA.last?.id)
            #expect(try await AuditVerification.verify(on: app.db).isIntact)
        }
    }

    @Test("Twenty concurrent writers leave one unbroken chain (PostgreSQL locks the head row)")
    func concurrentWriters() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        let res =
                            i.isMultiple(of: 2)
                            ? try await app.sendJSON(
                                .POST, "/api/v1/tenants/testby/suppliers", ["name": "Leverantör \(i)"])
                            : try await app.sendJSON(
                                .POST, "/api/v1/tenants/testby/systems",
                                ["name": "System \(i)", "category": "kommungemensamt"])
                        return res.status.code
                    }
                }
                var all: [UInt] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(statuses.allSatisfy { $0 == 201 }, "\(statuses)")
            let entries = try await Self.entries(of: tenant, on: app.db)
            #expect(entries.map(\.seq) == Array(1...20))
            for (before, entry) in zip(entries, entries.dropFirst()) {
                #expect(entry.prevID == before.id && entry.prevHash == before.entryHash)
            }
            #expect(
                try await AuditVerification.verify(on: app.db).lines == ["Audit trail intact: 20 entries in 1 chain."])
        }
    }

    @Test("The demo loader chains the showcase's history in one go")
    func demo() async throws {
        try await withTestApp { app in
            _ = try await DemoLoader.loadShowcase(app: app)
            let report = try await AuditVerification.verify(on: app.db)
            #expect(report.isIntact)
            #expect(report.entries > 500)
            #expect(report.chains == 1)
        }
    }
}
