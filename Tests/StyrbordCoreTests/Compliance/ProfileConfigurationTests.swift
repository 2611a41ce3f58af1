import Foundation
import Testing

@testable import StyrbordCore

/// What `ComplianceConfiguration(profile:)` takes from a governance profile: each category's required roles
/// and owner, the classification validity and the contract warning; the rest stays standard.
@Suite("Compliance: the configuration from a governance profile")
struct ProfileConfigurationTests {
    private func configuration(_ key: String) throws -> ComplianceConfiguration {
        ComplianceConfiguration(profile: try ShippedProfiles.profile(key))
    }

    /// A profile from `yaml` for the two categories, with a nämnd that stands for each owning nämnd.
    private func profile(commonOwnedBy owner: String?) throws -> GovernanceProfile {
        let ownedBy = owner.map { "\n    owned_by: \($0)" } ?? ""
        return try GovernanceProfile.load(
            yaml: """
                profile_format: 1
                key: prov
                name: Prov
                bodies:
                  - {key: kommunstyrelsen, name: Kommunstyrelsen}
                  - {key: namnd, name: Ägande nämnd, per_org_unit: true}
                roles:
                  - {key: systemagare, name: Systemägare, scope: system, duties: Äger.}
                  - {key: it-chef, name: IT-chef, scope: kommun, duties: Leder IT.}
                system_categories:
                  - key: kommungemensamt
                    decided_by: kommunstyrelsen\(ownedBy)
                    required_roles: [{role: systemagare}]
                  - key: verksamhetssystem
                    decided_by: kommunstyrelsen
                    owned_by: namnd
                    required_roles: [{role: systemagare}]
                """)
    }

    @Test("E3: the standard profile gives the standard configuration's roles, owners and intervals")
    func standardProfile() throws {
        let c = try configuration("standard")
        #expect(c.roleRequirements == RoleRequirementPolicy.standard)
        #expect(c.ownerRequiredCategories == Set(SystemCategory.allCases))
        #expect(c.commonSystemOwners == ["Kommunstyrelsen", "kommunstyrelsen"])
        #expect(c.classificationValidityMonths == 36)
        #expect(c.contractNoticeWarningDays == 180)
        #expect(c.responsible == .standard && c.resolutionDays == 30)
        #expect(c.rules == ComplianceConfiguration.standard.rules)
    }

    @Test("E3/F2: Fagersta, Tanum and seed 003 give the kommunstyrelse the common systems, any nämnd its own")
    func kommunstyrelsenOwns() throws {
        for key in ["fagersta", "tanum", "e-forvaltning"] {
            let c = try configuration(key)
            #expect(c.commonSystemOwners == ["Kommunstyrelsen", "kommunstyrelsen"], "\(key)")
            #expect(c.ownerRequiredCategories == Set(SystemCategory.allCases), "\(key)")
        }
    }

    @Test("L1: Lilla Edet's common solutions belong to the IT unit, matched by its name or its key")
    func lillaEdetITUnit() throws {
        let c = try configuration("lilla-edet")
        #expect(c.commonSystemOwners == ["Kommunledningsförvaltningen, IT-enheten", "it-enheten"])
        #expect(c.ownerRequiredCategories == Set(SystemCategory.allCases))

        var w = ComplianceTestWorld()
        w.configuration = c
        let itEnheten = UUID()
        w.snapshot.orgUnits.append(.init(id: itEnheten, parentID: w.klk, name: "IT-enheten", kind: .unit))
        let central = w.system("E-post", category: .common, owner: itEnheten)
        let klk = w.system("Diarium", category: .common, owner: w.klk)
        let business = w.system("Procapita", owner: w.soc)
        for system in [central, klk, business] { w.staff(system) }
        let findings = w.findings(ComplianceRules.owner)
        #expect(findings.map(\.object.id) == [klk])
        #expect(
            findings.first?.message.sv
                == "Kommungemensamt system som ägs av Kommunledningskontoret; kommungemensamma system ägs av IT-enheten."
        )
    }

    @Test("D2: Danderyd's guidelines name no owning unit, so none is required and any will do")
    func danderydNoOwner() throws {
        let c = try configuration("danderyd")
        #expect(c.ownerRequiredCategories.isEmpty && c.commonSystemOwners.isEmpty)

        var w = ComplianceTestWorld()
        w.configuration = c
        let unowned = w.system("Okänt") { $0.ownerOrgUnitID = nil }
        let common = w.system("GIS", category: .common, owner: w.soc)
        for system in [unowned, common] { w.staff(system) }
        #expect(w.findings(ComplianceRules.owner).isEmpty)
        // The system without owner is not even checked; the common one is, and complies.
        let score = w.evaluate().rules.first { $0.descriptor.id == ComplianceRules.owner }?.score
        #expect(score?.checked == 1 && score?.compliant == 1)
    }

    @Test("A category owned by a body that stands for each nämnd accepts whichever unit owns the system")
    func perOrgUnitOwner() throws {
        let profile = try profile(commonOwnedBy: "namnd")
        #expect(profile.body("namnd")?.isPerOrgUnit == true && profile.body("kommunstyrelsen")?.isPerOrgUnit == false)
        let c = ComplianceConfiguration(profile: profile)
        #expect(c.commonSystemOwners.isEmpty)
        #expect(c.ownerRequiredCategories == Set(SystemCategory.allCases))
    }

    @Test("A category without owned_by needs no owning unit; a role as owner names no unit")
    func ownerNotAUnit() throws {
        let none = ComplianceConfiguration(profile: try profile(commonOwnedBy: nil))
        #expect(none.ownerRequiredCategories == [.business] && none.commonSystemOwners.isEmpty)
        let role = ComplianceConfiguration(profile: try profile(commonOwnedBy: "it-chef"))
        #expect(role.ownerRequiredCategories == Set(SystemCategory.allCases) && role.commonSystemOwners.isEmpty)
        let ks = ComplianceConfiguration(profile: try profile(commonOwnedBy: "kommunstyrelsen"))
        #expect(ks.commonSystemOwners == ["Kommunstyrelsen", "kommunstyrelsen"])
    }
}
