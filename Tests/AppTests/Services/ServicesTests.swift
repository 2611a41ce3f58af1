import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// A municipality with a catalogue service and an agreement for Ekonomisystem, whose systemägare is Olle.
struct ServiceWorld {
    var tenant: Tenant
    var system: ITSystem
    var olle: Person
    var supplier: Supplier
    var level: ServiceLevel
    var api: String { "/api/v1/tenants/\(tenant.slug)" }

    static func make(on app: Application) async throws -> ServiceWorld {
        let db = app.db
        let tenant = try await Fixtures.tenant(on: app)
        let unit = try await Fixtures.orgUnit("Kommunledningskontoret", in: tenant, on: db)
        let system = try await Fixtures.system("Ekonomisystem", owner: unit, in: tenant, on: db)
        let olle = try await Fixtures.person("Olle Ägare", in: tenant, on: db)
        try await Fixtures.assign(RoleCatalogue.systemOwner, to: olle, on: system, in: tenant, db: db)
        let supplier = try await Fixtures.supplier("Driftbolaget AB", in: tenant, on: db)
        let service = try await CatalogueRules.create(
            ServiceDraft(
                name: "Drift av verksamhetssystem", price: Money(kronor: 12_000), priceModel: .perSystemYear),
            tenant: tenant, actor: Fixtures.actor, on: db)
        let level = try await CatalogueRules.addLevel(
            ServiceLevelDraft(name: "Standard", availabilityPercent: 99.5), to: service, actor: Fixtures.actor, on: db)
        return ServiceWorld(tenant: tenant, system: system, olle: olle, supplier: supplier, level: level)
    }

    func agreement(percent: Double = 99.5, hours: ServiceHours = .always, plannedCounts: Bool = false) -> AgreementDraft
    {
        AgreementDraft(
            systemId: system.id!, serviceLevelId: level.id, ownerPersonId: olle.id!, supplierId: supplier.id,
            availabilityPercent: percent, serviceHours: hours, plannedMaintenanceCounts: plannedCounts,
            times: [.p1: PriorityTimes(responseMinutes: 30, resolutionMinutes: 240)],
            responsibilities: "Driftbolaget sköter drift och säkerhetskopiering.", price: Money(kronor: 12_000),
            priceModel: .perSystemYear, validFrom: CalendarDay(year: 2025, month: 1, day: 1)!,
            validTo: CalendarDay(year: 2027, month: 12, day: 31)!, noticePeriodMonths: 6)
    }

    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
}

@Suite("Services, agreements and outages")
struct ServicesTests {
    struct Availability: Decodable {
        struct Month: Decodable {
            var month: String
            var downSeconds: Int
            var measuredPercent: Double
            var meetsAgreement: Bool
            var isComplete: Bool
        }
        var months: [Month]
    }

    @Test("D7: an agreement is recorded through the API and read back as sent, with its notice date")
    func agreementRoundTrip() async throws {
        try await withTestApp { app in
            let w = try await ServiceWorld.make(on: app)
            let res = try await app.sendJSON(.POST, "\(w.api)/agreements", w.agreement())
            #expect(res.status == .created)
            let body = try res.decode(AgreementDraft.self)
            #expect(body == w.agreement())
            #expect(res.text.contains("\"noticeDeadline\":\"2027-06-30\""))
            #expect(res.text.contains("\"serviceHours\":\"always\""))
            let history = try await AuditEntry.query(on: app.db).filter(\.$objectType == "service-agreement").count()
            #expect(history == 1)
        }
    }

    @Test("Bad input names each field and stores nothing")
    func refusals() async throws {
        try await withTestApp { app in
            let w = try await ServiceWorld.make(on: app)
            var bad = w.agreement()
            bad.availabilityPercent = 120
            bad.serviceHours = "weekdays 17:00-07:00"
            bad.times[.p2] = PriorityTimes(responseMinutes: 60, resolutionMinutes: 30)
            bad.validTo = CalendarDay(year: 2024, month: 1, day: 1)
            bad.priceModel = nil
            let res = try await app.sendJSON(.POST, "\(w.api)/agreements", bad)
            #expect(res.status == .unprocessableEntity)
            for field in ["availabilityPercent", "serviceHours", "p2ResolutionMinutes", "validTo", "priceModel"] {
                #expect(res.text.contains("\"\(field)\""), "\(field)")
            }
            #expect(try await ServiceAgreement.query(on: app.db).count() == 0)
        }
    }

    @Test("D2: the agreement is signed by the system's systemägare, not by anyone")
    func ownerMustHoldTheRole() async throws {
        try await withTestApp { app in
            let w = try await ServiceWorld.make(on: app)
            let other = try await Fixtures.person("Emil Medarbetare", in: w.tenant, on: app.db)
            var draft = w.agreement()
            draft.ownerPersonId = other.id!
            let res = try await app.sendJSON(.POST, "\(w.api)/agreements", draft)
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("ownerPersonId"))
            #expect(try await ServiceAgreement.query(on: app.db).count() == 0)
        }
    }

    @Test("A system, supplier or person an agreement names can't be deleted silently (409)")
    func guardedDeletion() async throws {
        try await withTestApp { app in
            let w = try await ServiceWorld.make(on: app)
            _ = try await AgreementRules.create(w.agreement(), tenant: w.tenant, actor: Fixtures.actor, on: app.db)
            let system = try await app.delete("\(w.api)/systems/\(w.system.id!)")
            #expect(system.status == .conflict)
            #expect(system.text.contains("driftavtal"))
            #expect(try await app.delete("\(w.api)/suppliers/\(w.supplier.id!)").status == .conflict)
            #expect(try await app.delete("\(w.api)/people/\(w.olle.id!)").status == .conflict)
            #expect(try await app.delete("\(w.api)/service-levels/\(w.level.id!)").status == .conflict)
            #expect(try await ITSystem.query(on: app.db).count() == 1)
            #expect(try await Supplier.query(on: app.db).count() == 1)
        }
    }

    @Test("T8: an unplanned outage in service hours lowers the month's availability below the agreed level")
    func measuredAvailability() async throws {
        try await withTestApp { app in
            let w = try await ServiceWorld.make(on: app)
            let agreement = try await AgreementRules.create(
                w.agreement(), tenant: w.tenant, actor: Fixtures.actor, on: app.db)
            // February 2026 (28 days around the clock): six hours down is 99.107 %, below 99.5 %.
            let outage = OutageDraft(
                systemId: w.system.id!, startsAt: ServiceWorld.at("2026-02-10T06:00:00Z"),
                endsAt: ServiceWorld.at("2026-02-10T12:00:00Z"), description: "Databasen låg nere")
            #expect(try await app.sendJSON(.POST, "\(w.api)/outages", outage).status == .created)
            // Planned maintenance does not count under this agreement.
            var planned = outage
            planned.startsAt = ServiceWorld.at("2026-01-10T06:00:00Z")
            planned.endsAt = ServiceWorld.at("2026-01-10T12:00:00Z")
            planned.isPlanned = true
            #expect(try await app.sendJSON(.POST, "\(w.api)/outages", planned).status == .created)
            let months = try await app.get("\(w.api)/agreements/\(agreement.id!)/availability").decode(
                Availability.self
            )
            .months
            #expect(months.count == 12)
            #expect(months.last?.month == "2026-03" && months.last?.isComplete == false)
            let february = try #require(months.first { $0.month == "2026-02" })
            #expect(february.downSeconds == 6 * 3_600)
            #expect(!february.meetsAgreement)
            #expect(abs(february.measuredPercent - 99.107) < 0.001)
            #expect(months.first { $0.month == "2026-01" }?.meetsAgreement == true)

            let page = try await app.get("/t/testby/systems/\(w.system.id!)/service")
            #expect(page.status == .ok)
            #expect(page.text.contains("Under avtalad nivå"))
            #expect(page.text.contains("99,107 %"))
        }
    }

    @Test("T8: services.availability finds the month below the agreed level on the compliance API")
    func availabilityFinding() async throws {
        try await withTestApp { app in
            let w = try await ServiceWorld.make(on: app)
            _ = try await AgreementRules.create(w.agreement(), tenant: w.tenant, actor: Fixtures.actor, on: app.db)
            _ = try await OutageRules.create(
                OutageDraft(
                    systemId: w.system.id!, startsAt: ServiceWorld.at("2026-02-10T06:00:00Z"),
                    endsAt: ServiceWorld.at("2026-02-10T12:00:00Z"), description: "Databasen låg nere"),
                tenant: w.tenant, actor: Fixtures.actor, on: app.db)
            let res = try await app.get("\(w.api)/compliance/findings?rule=services.availability")
            #expect(res.status == .ok)
            let list = try res.decode(ComplianceAPITests.FindingList.self)
            #expect(list.total == 1)
            #expect(list.items.first?.object.type == "agreement")
            #expect(list.items.first?.responsible?.name == "Olle Ägare")
            #expect(res.text.contains("2026-02"))
        }
    }

    @Test("Outage forms: the day and time are read in Swedish time; a missing description is refused by field")
    func outageForm() async throws {
        try await withTestApp { app in
            let w = try await ServiceWorld.make(on: app)
            let fields = [
                ("systemId", w.system.id!.uuidString), ("startDate", "2026-02-10"), ("startTime", "07:00"),
                ("endDate", "2026-02-10"), ("endTime", "13:00"),
            ]
            let refused = try await app.sendForm("/t/testby/outages", fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("aria-invalid=\"true\""))
            #expect(try await SystemOutage.query(on: app.db).count() == 0)
            let saved = try await app.sendForm("/t/testby/outages", fields + [("description", "Nätverksfel")])
            #expect(saved.status == .seeOther)
            let outage = try #require(try await SystemOutage.query(on: app.db).first())
            #expect(outage.startsAt == ServiceWorld.at("2026-02-10T06:00:00Z"))
            #expect(outage.endsAt == ServiceWorld.at("2026-02-10T12:00:00Z"))
        }
    }

    @Test("The catalogue, agreement list and forms render; the agreement form fills in from the level")
    func pages() async throws {
        try await withTestApp { app in
            let w = try await ServiceWorld.make(on: app)
            let catalogue = try await app.get("/t/testby/services")
            #expect(catalogue.status == .ok && catalogue.text.contains("Drift av verksamhetssystem"))
            #expect(catalogue.text.contains("99,5 %"))
            #expect(try await app.get("/t/testby/agreements/new?system=\(w.system.id!)").status == .ok)
            let saved = try await app.sendForm(
                "/t/testby/agreements",
                [
                    ("systemId", w.system.id!.uuidString), ("ownerPersonId", w.olle.id!.uuidString),
                    ("serviceLevelId", w.level.id!.uuidString), ("validFrom", "2026-01-01"),
                    ("serviceHours", ""), ("supportHours", ""),
                ])
            #expect(saved.status == .seeOther)
            let agreement = try #require(try await ServiceAgreement.query(on: app.db).first())
            #expect(agreement.availabilityHundredths == 9950)
            #expect(agreement.supplierID == nil)  // the IT unit itself
            let list = try await app.get("/t/testby/agreements")
            #expect(list.text.contains("Ekonomisystem") && list.text.contains("IT-enheten"))
            #expect(try await app.get("/t/testby/agreements/\(agreement.id!)/edit").status == .ok)
        }
    }

    @Test("Notice and expiry deadlines per agreement, for the person's calendar feed")
    func deadlines() async throws {
        try await withTestApp { app in
            let w = try await ServiceWorld.make(on: app)
            _ = try await AgreementRules.create(w.agreement(), tenant: w.tenant, actor: Fixtures.actor, on: app.db)
            let all = try await AgreementRules.deadlines(tenant: w.tenant, from: testToday, on: app.db)
            #expect(all.map(\.date.iso) == ["2027-06-30", "2027-12-31"])
            #expect(all.allSatisfy { $0.personIDs == [w.olle.id!] })
            #expect(all.first?.title.sv.contains("Ekonomisystem") == true)
            let none = try await AgreementRules.deadlines(
                tenant: w.tenant, from: testToday, personID: UUID(), on: app.db)
            #expect(none.isEmpty)
        }
    }
}
