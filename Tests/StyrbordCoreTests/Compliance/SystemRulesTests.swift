import Foundation
import Testing

@testable import StyrbordCore

@Suite("Compliance: ownership, classification and GDPR (E3, T9, T4)")
struct SystemRulesTests {
    @Test("E3: a kommungemensamt system owned outside the kommunstyrelse is a finding; one below it is not")
    func commonOwnedByKS() {
        var w = ComplianceTestWorld()
        let inside = w.system("Ekonomi", category: .common, owner: w.itUnit)
        let outside = w.system("GIS", category: .common, owner: w.soc)
        w.staff(inside)
        w.staff(outside)
        let findings = w.findings(ComplianceRules.owner)
        #expect(findings.map(\.object.id) == [outside])
        #expect(findings.first?.detail == "common-owner")
        #expect(findings.first?.requirement == "E3")
        #expect(
            findings.first?.message.sv
                == "Kommungemensamt system som ägs av Socialförvaltningen; kommungemensamma system ägs av Kommunstyrelsen."
        )
        // A verksamhetssystem may be owned by any förvaltning.
        let business = w.system("Procapita", owner: w.soc)
        w.staff(business)
        #expect(w.findings(ComplianceRules.owner).map(\.object.id) == [outside])
    }

    @Test("D2/E3: a system without an owning förvaltning is a finding, acted on by the IT-chef")
    func ownerMissing() {
        var w = ComplianceTestWorld()
        let system = w.system("Okänt") { $0.ownerOrgUnitID = nil }
        let finding = try! #require(w.findings(ComplianceRules.owner).first)
        #expect(finding.object.id == system && finding.detail == "missing")
        #expect(finding.object.administrationID == nil)
        #expect(finding.responsible?.name == "Ivar IT-chef")
    }

    @Test("E3: when no unit of the configured owners exists, any owner will do")
    func unknownCommonOwners() {
        var w = ComplianceTestWorld()
        w.configuration.commonSystemOwners = ["Servicenämnden"]
        w.staff(w.system("GIS", category: .common, owner: w.soc))
        #expect(w.findings(ComplianceRules.owner).isEmpty)
    }

    @Test("T9: an unclassified system in use is a finding; a planned one is not checked")
    func unclassified() {
        var w = ComplianceTestWorld()
        let system = w.system("Oklassat") { $0.isClassified = false }
        w.system("Planerat", lifecycle: .planned) { $0.isClassified = false }
        let findings = w.findings(ComplianceRules.classification)
        #expect(findings.map(\.object.id) == [system])
        #expect(findings.first?.detail == "missing")
        #expect(findings.first?.requirement == "T9")
        #expect(findings.first?.severity == .warning)
    }

    @Test("T9: a classification past its valid-until date is a finding due on that date")
    func expired() {
        var w = ComplianceTestWorld()
        let until = CalendarDay(iso: "2026-03-01")!
        w.system("Utgånget") { $0.classificationValidUntil = until }
        w.system("Gäller i dag") { $0.classificationValidUntil = ComplianceTestWorld.today }
        let findings = w.findings(ComplianceRules.classification)
        #expect(findings.map(\.object.label) == ["Utgånget"])
        #expect(findings.first?.dueOn == until)
        #expect(findings.first?.message.sv == "Informationsklassningen gällde till 2026-03-01 och behöver göras om.")
    }

    @Test("T9: without a valid-until date a classification holds the configured months; undated ones are findings")
    func validity() {
        var w = ComplianceTestWorld()
        w.system("Gammal klassning") {
            $0.classificationValidUntil = nil
            $0.classifiedOn = CalendarDay(iso: "2023-03-01")!  // 36 months: valid until 2026-03-01
        }
        w.system("Färsk klassning") {
            $0.classificationValidUntil = nil
            $0.classifiedOn = CalendarDay(iso: "2023-03-02")!
        }
        w.system("Odaterad") {
            $0.classificationValidUntil = nil
            $0.classifiedOn = nil
        }
        let findings = w.findings(ComplianceRules.classification)
        #expect(
            Set(findings.map { "\($0.object.label)/\($0.detail)" }) == ["Gammal klassning/expired", "Odaterad/undated"])
        w.configuration.classificationValidityMonths = nil
        #expect(w.findings(ComplianceRules.classification).isEmpty)
    }

    @Test("T4: a system processing personal data without a complete record of processing is a finding")
    func processingRecord() {
        var w = ComplianceTestWorld()
        w.system("Utan register") { $0.personalData = .sensitive }
        w.system("Komplett") {
            $0.personalData = .personal
            $0.hasProcessingPurpose = true
            $0.legalBasis = .publicAuthority
            $0.hasDataSubjectCategories = true
            $0.processorAgreement = .inPlace
        }
        w.system("Inga personuppgifter")
        let findings = w.findings(ComplianceRules.processingRecord)
        #expect(findings.map(\.object.label) == ["Utan register"])
        #expect(findings.first?.requirement == "T4")
        #expect(
            findings.first?.message.sv
                == "Registerförteckningen saknar ändamål, rättslig grund och kategorier av registrerade.")
        let score = w.evaluate().rules.first { $0.descriptor.id == ComplianceRules.processingRecord }?.score
        #expect(score == ComplianceScore(checked: 2, compliant: 1))
    }

    @Test("T4: personal data needs a processor agreement in place, or a decision that none is needed")
    func processorAgreement() {
        var w = ComplianceTestWorld()
        for (name, status) in [
            ("Finns", ProcessorAgreementStatus.inPlace), ("Behövs inte", .notNeeded), ("Saknas", .missing),
        ] {
            w.system(name) {
                $0.personalData = .personal
                $0.processorAgreement = status
            }
        }
        w.system("Ej angivet") { $0.personalData = .personal }
        let findings = w.findings(ComplianceRules.processorAgreement)
        #expect(Set(findings.map { "\($0.object.label)/\($0.detail)" }) == ["Saknas/missing", "Ej angivet/unassessed"])
    }
}
