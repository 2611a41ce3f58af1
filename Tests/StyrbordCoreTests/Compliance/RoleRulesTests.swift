import Foundation
import Testing

@testable import StyrbordCore

@Suite("Compliance: required roles and deputies (D2, T11)")
struct RoleRulesTests {
    @Test("T11: a verksamhetssystem whose systemförvaltare has no ersättare is a finding")
    func deputyMissing() {
        var w = ComplianceTestWorld()
        let system = w.system("Procapita")
        let owner = w.person("Olle Ägare")
        w.assign(RoleCatalogue.systemOwner, owner, on: system)
        w.assign(RoleCatalogue.systemManager, w.person("Frida Förvaltare"), on: system)
        let findings = w.findings(ComplianceRules.deputies)
        #expect(findings.count == 1)
        let finding = try! #require(findings.first)
        #expect(finding.requirement == "T11")
        #expect(finding.severity == .error)
        #expect(finding.object.id == system && finding.object.kind == .system && finding.object.label == "Procapita")
        #expect(finding.detail == "systemforvaltare/ersattare")
        #expect(finding.message.sv == "Systemförvaltare saknar ersättare.")
        #expect(finding.message.en == "System manager has no deputy.")
        // The systemägare appoints the systemförvaltare (D2), so she is the one to act.
        #expect(finding.responsible?.personID == owner)
        #expect(finding.responsible?.roleKey == RoleCatalogue.systemOwner)
        // A gap the system was registered with is due the configured 30 days after registration.
        #expect(finding.dueOn == ComplianceTestWorld.longAgo.advanced(byDays: 30))
        #expect(w.findings(ComplianceRules.requiredRoles).isEmpty)
    }

    @Test("T11: a kommungemensamt system needs no ersättare under the standard configuration")
    func commonNeedsNoDeputy() {
        var w = ComplianceTestWorld()
        let system = w.system("Ekonomisystem", category: .common, owner: w.klk)
        w.assign(RoleCatalogue.systemOwner, w.person("Olle"), on: system)
        w.assign(RoleCatalogue.systemManager, w.person("Frida"), on: system)
        let report = w.evaluate()
        #expect(report.findings.isEmpty)
        // Not counted by the deputy rule at all: it does not apply to common systems.
        #expect(report.rules.first { $0.descriptor.id == ComplianceRules.deputies }?.score.checked == 0)
    }

    @Test("D2: a system without a systemägare or systemförvaltare is a finding per missing role")
    func primaryMissing() {
        var w = ComplianceTestWorld()
        let system = w.system("Lifecare")
        let findings = w.findings(ComplianceRules.requiredRoles)
        #expect(Set(findings.map(\.detail)) == ["systemagare/ordinarie", "systemforvaltare/ordinarie"])
        #expect(Set(findings.map(\.requirement)) == ["D2", "T11"])  // each requirement's own source
        #expect(findings.allSatisfy { $0.object.id == system })
        #expect(findings.contains { $0.message.sv == "Systemägare saknas." })
        // Nobody holds a role on the system: the förvaltning's IT-samordnare should act.
        #expect(findings.allSatisfy { $0.responsible?.name == "Sara Samordnare" })
        #expect(findings.allSatisfy { $0.responsible?.basis == .administration })
        #expect(w.findings(ComplianceRules.deputies).count == 1)
    }

    @Test("D2: a role held by someone who has left is vacant, and the finding says who left and when")
    func holderLeft() {
        var w = ComplianceTestWorld()
        let system = w.system("Skolsystem")
        w.staff(system)
        let left = CalendarDay(iso: "2026-01-31")!
        let gone = w.person("Gunnar Gått", active: false, leftOn: left)
        // Replace the systemförvaltare by someone who has left.
        w.snapshot.roleAssignments.removeAll {
            $0.scopeID == system && $0.roleKey == RoleCatalogue.systemManager && $0.holding == .primary
        }
        w.assign(RoleCatalogue.systemManager, gone, on: system)
        let finding = try! #require(w.findings(ComplianceRules.requiredRoles).first)
        #expect(finding.detail == "systemforvaltare/ordinarie")
        #expect(finding.message.sv == "Systemförvaltare saknas: Gunnar Gått har slutat (2026-01-31).")
        #expect(finding.dueOn == left.advanced(byDays: 30))
    }

    @Test("D2: a role whose term ended is vacant from the next day; one not yet started does not count")
    func termEnded() {
        var w = ComplianceTestWorld()
        let system = w.system("Växel", category: .common, owner: w.klk)
        w.assign(RoleCatalogue.systemOwner, w.person("Olle"), on: system)
        let ended = CalendarDay(iso: "2025-12-31")!
        w.assign(RoleCatalogue.systemManager, w.person("Erik Slutat"), on: system, to: ended)
        w.assign(
            RoleCatalogue.systemManager, w.person("Fia Framtid"), on: system, from: CalendarDay(iso: "2026-04-01")!)
        let finding = try! #require(w.findings(ComplianceRules.requiredRoles).first)
        #expect(
            finding.message.sv == "Systemförvaltare saknas sedan 2026-01-01, då uppdraget för Erik Slutat upphörde.")
        #expect(finding.dueOn == CalendarDay(iso: "2026-01-31")!)
        #expect(finding.isOverdue(on: ComplianceTestWorld.today))
    }

    @Test("A decommissioned system needs no roles; a planned one does")
    func lifecycle() {
        var w = ComplianceTestWorld()
        w.system("Gammalt", lifecycle: .decommissioned)
        let planned = w.system("Nytt", lifecycle: .planned)
        let findings = w.findings(ComplianceRules.requiredRoles)
        #expect(Set(findings.map(\.object.id)) == [planned])
    }

    @Test("Who acts: the systemägare, else the nearest IT-samordnare above the owner, else the IT-chef")
    func responsibleChain() {
        var w = ComplianceTestWorld()
        // Owned by a unit below KLK, which has no IT-samordnare: the IT-chef acts.
        let central = w.system("Intranät", category: .common, owner: w.itUnit)
        let finding = try! #require(w.findings(ComplianceRules.requiredRoles).first { $0.object.id == central })
        #expect(finding.responsible?.name == "Ivar IT-chef")
        #expect(finding.responsible?.basis == .tenant)
        #expect(finding.responsible?.roleKey == RoleCatalogue.itManager)
        // An IT-samordnare who has left counts for nothing.
        w.snapshot.people = w.snapshot.people.map { p in
            var p = p
            if p.name == "Sara Samordnare" { p.isActive = false }
            return p
        }
        let social = w.system("Verksamhetssystem SOC")
        #expect(
            w.findings(ComplianceRules.requiredRoles).first { $0.object.id == social }?.responsible?.name
                == "Ivar IT-chef")
    }

    @Test("A profile's own requirements drive the rule: driftsansvarig required with an ersättare (L1)")
    func configuredRequirements() {
        var w = ComplianceTestWorld()
        w.configuration = ComplianceConfiguration(
            roleRequirements: [
                RoleRequirement(
                    roleKey: RoleCatalogue.operationsResponsible, categories: [.common], deputyRequired: true,
                    source: "L1")
            ],
            ownerRequiredCategories: [], commonSystemOwners: [], classificationValidityMonths: nil,
            contractNoticeWarningDays: 90, resolutionDays: 14, responsible: .standard, rules: [:])
        let system = w.system("Nätverk", category: .common, owner: w.klk)
        w.system("Bygglov")  // a verksamhetssystem: nothing required
        let report = w.evaluate()
        #expect(
            Set(report.findings.filter { $0.ruleID.rawValue.hasPrefix("roles.") }.map(\.detail))
                == ["driftsansvarig/ordinarie", "driftsansvarig/ersattare"])
        #expect(report.findings.allSatisfy { $0.object.id == system && $0.requirement == "L1" })
        #expect(report.findings.first?.dueOn == ComplianceTestWorld.longAgo.advanced(byDays: 14))
        #expect(report.findings.contains { $0.message.sv == "Driftsansvarig saknar ersättare." })
    }

    @Test("The tenant's own role names are used in messages")
    func tenantRoleNames() {
        var w = ComplianceTestWorld()
        w.snapshot.roleNames[RoleCatalogue.systemOwner] = Localized(sv: "Objektägare", en: "Object owner")
        w.system("X", category: .common, owner: w.klk)
        #expect(w.findings(ComplianceRules.requiredRoles).contains { $0.message.sv == "Objektägare saknas." })
    }

    @Test("The role rules find exactly the gaps RoleRequirementPolicy finds, which the register shows")
    func agreesWithPolicy() {
        var w = ComplianceTestWorld()
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let people = (0..<12).map {
            w.person("P\($0)", active: $0 % 5 != 0, leftOn: $0 % 5 == 0 ? ComplianceTestWorld.longAgo : nil)
        }
        let keys = [RoleCatalogue.systemOwner, RoleCatalogue.systemManager, RoleCatalogue.informationOwner]
        let days = ["2023-01-01", "2026-03-01", "2026-03-02", "2026-03-03", "2027-01-01"].map { CalendarDay(iso: $0)! }
        for i in 0..<200 {
            let system = w.system(
                "S\(i)", category: next(2) == 0 ? .common : .business,
                lifecycle: LifecycleStatus.allCases[next(LifecycleStatus.allCases.count)])
            for _ in 0..<next(5) {
                let from = days[next(3)]
                let to: CalendarDay? = next(3) == 0 ? days[next(days.count)] : nil
                w.assign(
                    keys[next(keys.count)], people[next(people.count)], on: system, next(2) == 0 ? .primary : .deputy,
                    from: from, to: to.map { max($0, from) })
            }
        }
        let report = w.evaluate()
        let policy = RoleRequirementPolicy.standard
        for system in w.snapshot.systems {
            let held = w.snapshot.roleAssignments.filter { $0.scopeID == system.id }.map { a in
                HeldRole(
                    roleKey: a.roleKey, holding: a.holding, validFrom: a.validFrom, validTo: a.validTo,
                    holderIsActive: w.snapshot.people.first { $0.id == a.personID }?.isActive ?? false)
            }
            let expected = Set(
                policy.gaps(
                    category: system.category, lifecycle: system.lifecycle, held: held, on: ComplianceTestWorld.today
                )
                .map { "\($0.roleKey)/\($0.missing.rawValue)" })
            let found = Set(
                report.findings.filter { $0.object.id == system.id && $0.ruleID.rawValue.hasPrefix("roles.") }.map(
                    \.detail))
            #expect(found == expected, "\(system.name)")
        }
        #expect(report.findings.count > 50)  // the data had gaps to find
    }
}
