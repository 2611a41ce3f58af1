import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Compliance snapshot loader")
struct ComplianceSnapshotLoaderTests {
    @Test("Reads systems, roles, people, org units and contracts as the rules need them, per tenant")
    func loads() async throws {
        try await withTestApp { app in
            let s = try await ComplianceScenario.make(on: app)
            let other = try await Fixtures.tenant("annanby", on: app)
            _ = try await Fixtures.system("Annans system", in: other, on: app.db)
            let gone = try await Fixtures.person("Gunnar Gått", active: false, in: s.tenant, on: app.db)
            try await Fixtures.assign(
                RoleCatalogue.technicalManager, to: gone, on: s.procapita, in: s.tenant, db: app.db)

            let snapshot = try await ComplianceSnapshotLoader.load(
                tenant: s.tenant.requireID(), day: testToday, configuration: .standard, on: app.db)
            #expect(snapshot.day == testToday)
            #expect(Set(snapshot.systems.map(\.name)) == ["Procapita", "Ekonomisystem", "Växel", "Okänt system"])
            let procapita = try #require(snapshot.systems.first { $0.id == s.procapita.id })
            #expect(procapita.category == .business && procapita.ownerOrgUnitID == s.soc.id)
            #expect(procapita.isClassified && procapita.classificationValidUntil == CalendarDay(iso: "2028-02-01"))
            #expect(procapita.classifiedOn == CalendarDay(iso: "2025-02-01"))
            #expect(procapita.personalData == .sensitive && procapita.hasProcessingPurpose)
            #expect(procapita.legalBasis == .publicAuthority && procapita.hasDataSubjectCategories)
            #expect(procapita.processorAgreement == .inPlace)
            #expect(procapita.registeredOn == testToday)
            let unknown = try #require(snapshot.systems.first { $0.id == s.unknown.id })
            #expect(!unknown.isClassified && unknown.ownerOrgUnitID == nil && unknown.processorAgreement == nil)
            #expect(!unknown.hasDataSubjectCategories && !unknown.hasProcessingPurpose)
            // Only the roles the rules ask about: not the teknisk systemförvaltare.
            #expect(!snapshot.roleAssignments.contains { $0.roleKey == RoleCatalogue.technicalManager })
            #expect(snapshot.roleAssignments.contains { $0.roleKey == RoleCatalogue.itManager && $0.scope == .tenant })
            #expect(
                snapshot.roleAssignments.contains {
                    $0.roleKey == RoleCatalogue.itCoordinator && $0.scope == .orgUnit && $0.scopeID == s.soc.id
                })
            #expect(snapshot.roleAssignments.filter { $0.scopeID == s.procapita.id }.count == 2)
            #expect(snapshot.people.contains { $0.name == "Gunnar Gått" && !$0.isActive && $0.leftOn == testToday })
            #expect(snapshot.orgUnits.contains { $0.id == s.soc.id && $0.kind == .administration })
            #expect(snapshot.contracts.count == 1)
            let contract = try #require(snapshot.contracts.first)
            #expect(contract.endsOn == CalendarDay(iso: "2026-10-31") && contract.noticePeriodMonths == 6)
            #expect(contract.systemID == s.ekonomi.id && !contract.autoRenews)
            // Only roles beyond the standard catalogue (the profile's own, such as kommundirektör) carry names.
            #expect(Set(snapshot.roleNames.keys).isDisjoint(with: RoleCatalogue.standard.map(\.key)))

            // Everything at once, grouped by tenant.
            let all = try await ComplianceSnapshotLoader.load(
                tenants: nil, day: testToday, roleKeys: ComplianceSnapshotLoader.roleKeys(for: [.standard]), on: app.db)
            #expect(all[try s.tenant.requireID()]?.systems.count == 4)
            #expect(all[try other.requireID()]?.systems.map(\.name) == ["Annans system"])
        }
    }
}
