import Foundation
import Testing

@testable import StyrbordCore

@Suite("Compliance engine: scores, order and configuration")
struct ComplianceEngineTests {
    @Test("Scores per rule count the objects each rule applies to and how many comply")
    func ruleScores() {
        var w = ComplianceTestWorld()
        w.staff(w.system("Komplett"))
        w.system("Utan roller")
        let report = w.evaluate()
        let byRule = Dictionary(uniqueKeysWithValues: report.rules.map { ($0.descriptor.id, $0) })
        #expect(byRule[ComplianceRules.requiredRoles]?.score == ComplianceScore(checked: 2, compliant: 1))
        #expect(byRule[ComplianceRules.requiredRoles]?.findingCount == 2)  // systemägare and systemförvaltare
        #expect(byRule[ComplianceRules.deputies]?.score == ComplianceScore(checked: 2, compliant: 1))
        #expect(byRule[ComplianceRules.classification]?.score == ComplianceScore(checked: 2, compliant: 2))
        #expect(byRule[ComplianceRules.processingRecord]?.score.share == nil)  // nothing to check: no score
        #expect(report.rules.map(\.descriptor.id) == ComplianceRules.all.map(\.descriptor.id))
    }

    @Test("Scores per förvaltning: the share of its objects with no finding under any rule")
    func administrationScores() {
        var w = ComplianceTestWorld()
        w.staff(w.system("SOC komplett"))
        w.system("SOC utan roller")
        let central = w.system("KLK komplett", category: .common, owner: w.itUnit)
        w.staff(central)
        w.system("Ägarlöst") { $0.ownerOrgUnitID = nil }
        let report = w.evaluate()
        #expect(report.administrations.map(\.name) == ["Kommunledningskontoret", "Socialförvaltningen", ""])
        let soc = report.administrations.first { $0.id == w.soc }
        #expect(soc?.score == ComplianceScore(checked: 2, compliant: 1))
        #expect(soc?.findingCount == 3)
        // IT-avdelningen counts under its förvaltning, Kommunledningskontoret.
        #expect(report.administrations.first { $0.id == w.klk }?.score == ComplianceScore(checked: 1, compliant: 1))
        #expect(report.administrations.last?.id == nil)
        #expect(report.overall == ComplianceScore(checked: 4, compliant: 2))
        #expect(report.overall.percent == 50)
    }

    @Test("Findings are ordered by severity, then due date, then object")
    func order() {
        var w = ComplianceTestWorld()
        let a = w.system("A") { $0.isClassified = false }
        w.staff(a)
        let b = w.system("B") { $0.registeredOn = CalendarDay(iso: "2025-06-01")! }
        w.assign(RoleCatalogue.systemOwner, w.person("Ö"), on: b)
        w.assign(RoleCatalogue.systemManager, w.person("F"), on: b)
        let report = w.evaluate()
        #expect(report.findings.map(\.severity) == [.error, .warning])
        #expect(report.findings.map(\.object.label) == ["B", "A"])
        #expect(report.hasFindings(atLeast: .warning) && report.hasFindings(atLeast: .error))
        #expect(report.count(.error) == 1 && report.count(.warning) == 1 && report.count(.info) == 0)
    }

    @Test("A profile can switch a rule off, change its severity and the requirement it cites")
    func ruleSettings() {
        var w = ComplianceTestWorld()
        w.system("Oklassat") { $0.isClassified = false }
        w.configuration.rules[ComplianceRules.classification] = .init(severity: .error, requirement: "F5")
        w.configuration.rules[ComplianceRules.requiredRoles] = .init(
            isEnabled: false, severity: .error, requirement: "D2")
        let report = w.evaluate()
        #expect(!report.rules.contains { $0.descriptor.id == ComplianceRules.requiredRoles })
        let classification = report.findings.first { $0.ruleID == ComplianceRules.classification }
        #expect(classification?.severity == .error && classification?.requirement == "F5")
        #expect(!report.findings.contains { $0.ruleID == ComplianceRules.requiredRoles })
    }

    @Test(
        "The standard configuration encodes D2, T11, E3, T9, T4, D7, D4, D3, D10, L8 and T8 with one setting per rule")
    func standard() {
        let c = ComplianceConfiguration.standard
        #expect(c.roleRequirements == RoleRequirementPolicy.standard)
        #expect(c.ownerRequiredCategories == Set(SystemCategory.allCases))
        #expect(c.classificationValidityMonths == 36 && c.contractNoticeWarningDays == 90)
        let ids = ComplianceRules.all.map(\.descriptor.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(c.rules.keys) == Set(ids))
        #expect(
            ids.map { c.settings(for: $0).requirement } == [
                "D2", "T11", "E3", "T9", "T4", "T4", "D7", "D4", "D3", "D10", "L8", "T8", "D7",
            ])
        #expect(c.agreementRequirement == nil)  // agreements are required by a profile (D7), not by default
        #expect(c.planKinds.isEmpty)  // plans are required by a profile, not by the standard configuration
    }

    @Test("An empty municipality has no findings and no score")
    func empty() {
        let report = ComplianceEngine().evaluate(ComplianceSnapshot(day: ComplianceTestWorld.today))
        #expect(report.findings.isEmpty && report.administrations.isEmpty)
        #expect(report.overall.share == nil && report.overall.percent == nil)
    }

    @Test("Severities order info < warning < error and read in both languages")
    func severities() {
        #expect(ComplianceSeverity.info < .warning && ComplianceSeverity.warning < .error)
        #expect(ComplianceSeverity.error.label.sv == "Brist")
        #expect(ComplianceSeverity(rawValue: "warning") == .warning)
    }
}
