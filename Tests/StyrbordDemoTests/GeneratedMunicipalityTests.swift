import Foundation
import StyrbordCore
import Testing

@testable import StyrbordDemo

@Suite struct GeneratedMunicipalityTests {
    let today = CalendarDay.at("2026-03-15")

    @Test("Every draft validates and every reference stays inside its municipality", arguments: [0, 1, 289, 290])
    func integrity(index: Int) {
        let m = DemoData.generated(index: index, today: today)
        let problems = DemoIntegrity.problems(in: m)
        #expect(problems.isEmpty, "\(m.slug): \(problems.prefix(10))")
    }

    @Test("Names and slugs come from Sweden's list, going round again after 290")
    func naming() {
        let first = DemoData.generated(index: 0, today: today)
        #expect(first.name == "Ale kommun")
        #expect(first.slug == "ale")
        #expect(first.emailDomain == "ale.se")
        #expect(first.organisationNumber.isSwedishOrganisationNumber)
        #expect(DemoData.generated(index: 289, today: today).slug == "overtornea")
        let again = DemoData.generated(index: 290, today: today)
        #expect(again.slug == "ale-2")
        #expect(again.name == "Ale kommun 2")
    }

    @Test("Sizes stay in the ranges load tests expect", arguments: [0, 1, 2, 3, 289])
    func counts(index: Int) {
        let m = DemoData.generated(index: index, today: today)
        let systems = Double(m.systems.count)
        #expect((240...360).contains(m.systems.count))
        #expect((120...200).contains(m.people.count))
        #expect((36...44).contains(m.suppliers.count))
        #expect((30...80).contains(m.orgUnits.count))
        #expect((8...16).contains(m.managementObjects.count))
        #expect((4.5...5.6).contains(Double(m.roleAssignments.count) / systems))
        #expect((1.3...1.7).contains(Double(m.integrations.count) / systems))
        #expect((0.7...0.95).contains(Double(m.contracts.count) / systems))
        #expect(m.people.contains { !$0.draft.isActive })
        #expect(m.integrations.contains { !$0.draft.externalParty.isEmpty })
    }

    @Test("Sizes vary between municipalities")
    func variety() {
        let sizes = Set((0..<8).map { DemoData.generated(index: $0, today: today).systems.count })
        #expect(sizes.count >= 4)
    }

    @Test("The same index and seed give the same municipality, IDs included")
    func deterministic() {
        let a = DemoData.generated(index: 7, seed: 42, today: today)
        let b = DemoData.generated(index: 7, seed: 42, today: today)
        #expect(DemoIntegrity.same(a, b))
        let other = DemoData.generated(index: 7, seed: 43, today: today)
        #expect(Set(DemoIntegrity.ids(of: a)).isDisjoint(with: DemoIntegrity.ids(of: other)))
        #expect(a.systems.map(\.draft.name) != other.systems.map(\.draft.name))
    }

    @Test("IDs never repeat across municipalities or with the showcase")
    func uniqueIDs() {
        var all = DemoIntegrity.ids(of: DemoData.showcase(today: today))
        for index in [0, 1, 2, 289] {
            all += DemoIntegrity.ids(of: DemoData.generated(index: index, today: today))
        }
        #expect(Set(all).count == all.count)
    }

    @Test("Roles leave some T11 gaps and fill most")
    func roleGaps() {
        let m = DemoData.generated(index: 5, today: today)
        let active = Dictionary(uniqueKeysWithValues: m.people.map { ($0.id, $0.draft.isActive) })
        let bySystem = Dictionary(grouping: m.roleAssignments.filter { $0.scope == .system }, by: { $0.scopeId! })
        var withGaps = 0
        for system in m.systems {
            let held = (bySystem[system.id] ?? []).map {
                HeldRole(
                    roleKey: $0.roleKey, holding: $0.holding, validFrom: $0.validFrom, validTo: $0.validTo,
                    holderIsActive: active[$0.personId]!)
            }
            let gaps = RoleRequirementPolicy.standard.gaps(
                category: system.draft.category, lifecycle: system.draft.lifecycleStatus, held: held, on: today)
            if !gaps.isEmpty { withGaps += 1 }
        }
        #expect(withGaps > m.systems.count / 20)
        #expect(withGaps < m.systems.count / 2)
    }
}
