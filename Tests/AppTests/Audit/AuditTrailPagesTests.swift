import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// The administrator's view of the audit trail: per person, per record, filtered and exported (F5).
@Suite("Audit trail pages")
struct AuditTrailPagesTests {
    @Test("The trail shows changes and refusals, per person and per record, and exports what it shows")
    func filters() async throws {
        try await withTestApp { app in
            let w = try await World.make("hemby", on: app)
            let admin = w.users[.admin]!
            // Olle changes his system; Emil tries to and is refused.
            let s1 = try w.s1.requireID()
            _ = try await app.sendJSON(
                .PUT, SystemRoutes.apiShow("hemby", s1), ITSystemDraft(name: "S1 ändrad", category: .business),
                as: w.users[.holder]!)
            _ = try await app.sendJSON(
                .PUT, SystemRoutes.apiShow("hemby", s1), ITSystemDraft(name: "S1 igen", category: .business),
                as: w.users[.employee]!)
            let olle = try w.accounts[.holder]!.requireID()
            let perPerson = try await app.get("/api/v1/tenants/hemby/audit-entries?actor=\(olle.uuidString)", as: admin)
                .decode(AuditEntryList.self)
            #expect(perPerson.items.map(\.action) == ["update"])
            #expect(perPerson.items.first?.changes.contains { $0.field == "name" && $0.after == "S1 ändrad" } == true)
            let refused = try await app.get("/api/v1/tenants/hemby/audit-entries?action=access-denied", as: admin)
                .decode(AuditEntryList.self)
            #expect(refused.total == 1)
            #expect(refused.items.first?.actor.contains("employee@hemby.se") == true)
            let perObject = try await app.get(
                "/api/v1/tenants/hemby/audit-entries?objectId=\(s1.uuidString)", as: admin
            )
            .decode(AuditEntryList.self)
            #expect(perObject.items.map(\.action) == ["update", "create"])
            // Newest first, in chain order.
            #expect(perObject.items[0].seq > perObject.items[1].seq)
            let page = try await app.get("/t/hemby/audit?actor=\(olle.uuidString)", as: admin)
            #expect(page.status == .ok)
            #expect(page.text.contains("S1 ändrad"))
            let csv = try await app.get("/t/hemby/audit/export.csv?action=access-denied", as: admin)
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(csv.text.contains("access-denied") && !csv.text.contains(";update;"))
            let bad = try await app.get("/api/v1/tenants/hemby/audit-entries?from=igår", as: admin)
            #expect(bad.status == .badRequest)
            #expect(try bad.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["from"])
            let empty = try await app.get("/api/v1/tenants/hemby/audit-entries?action=", as: admin)
            #expect(empty.status == .badRequest)
        }
    }

    @Test("The retention setting is saved with history, and a bad value is named and changes nothing")
    func retention() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let bad = try await app.sendForm("/t/testby/audit/settings", ["retentionYears": "noll"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("1–100"))
            let ok = try await app.sendForm("/t/testby/audit/settings", ["retentionYears": "5"])
            #expect(ok.status == .seeOther)
            #expect(try await Tenant.find(t.id, on: app.db)?.auditActorRetentionYears == 5)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$objectType == "tenant-settings").count() == 1)
        }
    }
}
