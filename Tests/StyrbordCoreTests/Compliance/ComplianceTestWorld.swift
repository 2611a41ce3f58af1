import Foundation

@testable import StyrbordCore

/// A small municipality built by hand for the rule tests: Kommunstyrelsen with Kommunledningskontoret
/// (KLK) and its IT-avdelning, Socialnämnden with Socialförvaltningen; an IT-chef for the whole
/// municipality and an IT-samordnare for Socialförvaltningen. Tests add systems, people and roles.
struct ComplianceTestWorld {
    static let today = CalendarDay(iso: "2026-03-02")!
    static let longAgo = CalendarDay(iso: "2024-01-01")!

    var snapshot: ComplianceSnapshot
    let ks = UUID(), klk = UUID(), itUnit = UUID(), sn = UUID(), soc = UUID()
    let itChef = UUID(), samordnare = UUID()
    var configuration = ComplianceConfiguration.standard

    init() {
        snapshot = ComplianceSnapshot(day: Self.today)
        snapshot.orgUnits = [
            .init(id: ks, name: "Kommunstyrelsen", shortName: "KS", kind: .board),
            .init(id: klk, parentID: ks, name: "Kommunledningskontoret", shortName: "KLK", kind: .administration),
            .init(id: itUnit, parentID: klk, name: "IT-avdelningen", kind: .department),
            .init(id: sn, name: "Socialnämnden", shortName: "SN", kind: .board),
            .init(id: soc, parentID: sn, name: "Socialförvaltningen", shortName: "SOC", kind: .administration),
        ]
        snapshot.people = [.init(id: itChef, name: "Ivar IT-chef"), .init(id: samordnare, name: "Sara Samordnare")]
        snapshot.roleAssignments = [
            .init(
                roleKey: RoleCatalogue.itManager, personID: itChef, scope: .tenant, scopeID: nil,
                validFrom: Self.longAgo),
            .init(
                roleKey: RoleCatalogue.itCoordinator, personID: samordnare, scope: .orgUnit, scopeID: soc,
                validFrom: Self.longAgo),
        ]
    }

    @discardableResult
    mutating func person(_ name: String, active: Bool = true, leftOn: CalendarDay? = nil) -> UUID {
        let id = UUID()
        snapshot.people.append(.init(id: id, name: name, isActive: active, leftOn: leftOn))
        return id
    }

    /// A system in production, classified and valid, without personal data, registered long ago.
    @discardableResult
    mutating func system(
        _ name: String, category: SystemCategory = .business, owner: UUID? = nil,
        lifecycle: LifecycleStatus = .inProduction, configure: (inout ComplianceSnapshot.System) -> Void = { _ in }
    ) -> UUID {
        let id = UUID()
        var system = ComplianceSnapshot.System(
            id: id, name: name, category: category, lifecycle: lifecycle, ownerOrgUnitID: owner ?? soc,
            registeredOn: Self.longAgo, isClassified: true, classifiedOn: CalendarDay(iso: "2025-01-15")!,
            classificationValidUntil: CalendarDay(iso: "2028-01-15")!)
        configure(&system)
        snapshot.systems.append(system)
        return id
    }

    mutating func assign(
        _ key: String, _ person: UUID, on system: UUID, _ holding: RoleHolding = .primary,
        from: CalendarDay = longAgo, to: CalendarDay? = nil
    ) {
        snapshot.roleAssignments.append(
            .init(
                roleKey: key, personID: person, scope: .system, scopeID: system, holding: holding, validFrom: from,
                validTo: to))
    }

    /// Gives `system` everything the standard role requirements ask: systemägare, systemförvaltare and
    /// its ersättare. Returns the systemägare.
    @discardableResult
    mutating func staff(_ system: UUID) -> UUID {
        let owner = person("Olle Ägare")
        assign(RoleCatalogue.systemOwner, owner, on: system)
        assign(RoleCatalogue.systemManager, person("Frida Förvaltare"), on: system)
        assign(RoleCatalogue.systemManager, person("Dan Ersättare"), on: system, .deputy)
        return owner
    }

    func evaluate() -> ComplianceReport {
        ComplianceEngine(configuration: configuration).evaluate(snapshot)
    }

    func findings(_ rule: ComplianceRuleID) -> [ComplianceFinding] {
        evaluate().findings.filter { $0.ruleID == rule }
    }
}
