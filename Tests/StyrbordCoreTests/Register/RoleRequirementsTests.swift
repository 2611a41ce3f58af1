import Foundation
import Testing

@testable import StyrbordCore

@Suite("Role requirements (D2, T11)")
struct RoleRequirementsTests {
    let day = CalendarDay(iso: "2026-03-02")!
    let since = CalendarDay(iso: "2024-01-01")!

    func held(_ key: String, _ holding: RoleHolding = .primary, to: CalendarDay? = nil, active: Bool = true) -> HeldRole
    {
        HeldRole(roleKey: key, holding: holding, validFrom: since, validTo: to, holderIsActive: active)
    }

    @Test("T11: a verksamhetssystem needs a systemförvaltare with an ersättare; D2: every system needs a systemägare")
    func standardPolicy() {
        let policy = RoleRequirementPolicy.standard
        let none = policy.gaps(category: .business, lifecycle: .inProduction, held: [], on: day)
        #expect(
            Set(none.map { "\($0.roleKey)/\($0.missing.rawValue)/\($0.source)" })
                == ["systemagare/ordinarie/D2", "systemforvaltare/ordinarie/T11", "systemforvaltare/ersattare/T11"])
        let complete = [
            held(RoleCatalogue.systemOwner), held(RoleCatalogue.systemManager),
            held(RoleCatalogue.systemManager, .deputy),
        ]
        #expect(policy.gaps(category: .business, lifecycle: .inProduction, held: complete, on: day).isEmpty)
        // A common system needs no ersättare under the standard policy.
        let common = [held(RoleCatalogue.systemOwner), held(RoleCatalogue.systemManager)]
        #expect(policy.gaps(category: .common, lifecycle: .inProduction, held: common, on: day).isEmpty)
    }

    @Test("A role ended yesterday, not yet started, or held by someone who left does not count")
    func currency() {
        let policy = RoleRequirementPolicy.standard
        let cases: [HeldRole] = [
            held(RoleCatalogue.systemOwner, to: day.adding(days: -1)),
            HeldRole(
                roleKey: RoleCatalogue.systemOwner, holding: .primary, validFrom: day.adding(days: 1), validTo: nil,
                holderIsActive: true),
            held(RoleCatalogue.systemOwner, active: false),
        ]
        for role in cases {
            let gaps = policy.gaps(
                category: .common, lifecycle: .inProduction, held: [role, held(RoleCatalogue.systemManager)], on: day)
            #expect(gaps.map(\.roleKey) == [RoleCatalogue.systemOwner])
        }
        // Held through today counts (validTo is the last day).
        #expect(
            policy.gaps(
                category: .common, lifecycle: .inProduction,
                held: [held(RoleCatalogue.systemOwner, to: day), held(RoleCatalogue.systemManager)], on: day
            ).isEmpty)
    }

    @Test("A decommissioned system needs no roles")
    func decommissioned() {
        #expect(
            RoleRequirementPolicy.standard.gaps(category: .business, lifecycle: .decommissioned, held: [], on: day)
                .isEmpty)
    }
}
