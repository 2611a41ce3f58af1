import Foundation
import Testing

@testable import StyrbordCore

/// The profiles Styrbord ships: each valid, each saying what its municipality's document says.
@Suite("Shipped profiles")
struct ShippedProfilesTests {
    @Test("standard and one profile per seed document ship, and every one is valid")
    func allValid() throws {
        #expect(ShippedProfiles.keys == ["standard", "danderyd", "e-forvaltning", "fagersta", "lilla-edet", "tanum"])
        for entry in ShippedProfiles.all {
            let problems = ProfileValidator.validate(yaml: entry.yaml)
            #expect(problems.isEmpty, "\(entry.key).yaml:\n\(problems.map(\.description).joined(separator: "\n"))")
            let profile = try GovernanceProfile.load(yaml: entry.yaml)
            #expect(profile.key == entry.key)
            #expect(profile.roles.count >= 5)
            #expect(Set(profile.systemCategories.map(\.category)) == Set(SystemCategory.allCases))
        }
    }

    @Test("The standard profile keeps the register's role catalogue and gives the standard role requirements")
    func standardMatchesRegister() throws {
        let profile = GovernanceProfile.standard
        for definition in RoleCatalogue.standard {
            let role = try #require(profile.role(definition.key), "\(definition.key)")
            #expect(role.name == definition.name)
            #expect(role.scope == definition.scope)
            #expect(role.duties == definition.duties)
        }
        #expect(
            Array(profile.roleDefinitions.prefix(RoleCatalogue.standard.count)).map(\.key)
                == RoleCatalogue.standard.map(\.key))
        #expect(profile.roleRequirementPolicy == RoleRequirementPolicy.standard)
    }

    @Test("Lookups: required roles, deputies, intervals, precedence, delegation")
    func lookups() throws {
        let profile = GovernanceProfile.standard
        #expect(profile.requiredRoles(for: .business).map(\.role) == ["systemagare", "systemforvaltare"])
        #expect(profile.requiredRoles(for: .business).last?.deputyRequired == true)
        #expect(profile.requiredRoles(for: .common).contains { $0.deputyRequired } == false)
        #expect(profile.categoryDecider(for: .common) == "kommunstyrelsen")
        #expect(profile.classificationValidity == ProfileDuration(3, .years))
        let classified = CalendarDay(iso: "2025-01-10")!
        #expect(profile.classificationExpiry(classifiedOn: classified) == CalendarDay(iso: "2028-01-10"))
        #expect(profile.reviewInterval(forDocumentType: "riktlinje") == ProfileDuration(3, .years))
        #expect(profile.revisionInterval(forPlanKind: "it-verksamhetsplan") == ProfileDuration(1, .years))
        #expect(profile.accessReviewInterval(forLevel: 4) == ProfileDuration(6, .months))
        #expect(profile.accessReviewInterval(forLevel: 1) == ProfileDuration(1, .years))
        #expect(
            profile.contractWarningDay(lastNoticeDay: CalendarDay(iso: "2027-03-31")!) == CalendarDay(iso: "2026-09-30")
        )
        #expect(profile.precedingDocumentType("riktlinje", "it-strategi") == "it-strategi")
        #expect(profile.precedingDocumentType("riktlinje", "sla") == nil)
        #expect(profile.decider(for: 50_000, delegation: "beslut-it") == "forvaltningschef")
        #expect(profile.decider(for: 5_000_000, delegation: "beslut-it") == "kommunstyrelsen")
    }

    @Test("Classification and routes: a larger proposal in a business system is assessed before it is decided")
    func classifyAndRoute() {
        let profile = GovernanceProfile.standard
        var facts = ProposalFacts(answers: ["kostnad": .amount(20_000)], category: .business)
        #expect(profile.classify(facts) == "rutin")
        #expect(profile.steps(for: facts).map(\.key) == ["it-samordnare-report", "systemagare-decide"])
        facts.answers["kostnad"] = .amount(250_000)
        #expect(profile.classify(facts) == "storre")
        let steps = profile.steps(for: facts)
        #expect(steps.map(\.key) == ["lokalt-it-forum-prepare", "it-forum-assess", "beslut-it-decide"])
        #expect(steps.filter(\.isRequiredBeforeDecision).map(\.key) == ["it-forum-assess"])
        facts.isUrgent = true
        #expect(profile.steps(for: facts).map(\.key) == ["it-chef-assess", "beslut-it-decide"])
        let common = ProposalFacts(affectedCategories: [.common], affectedOrgUnitCount: 4, category: .common)
        #expect(profile.classify(common) == "strategisk")
    }

    @Test("The seed profiles say what their documents say")
    func seeds() throws {
        let tanum = try ShippedProfiles.profile("tanum")
        // T11: every verksamhetssystem has a systemförvaltare with an ersättare.
        #expect(
            tanum.requiredRoles(for: .business).contains { $0.role == RoleCatalogue.systemManager && $0.deputyRequired }
        )
        let danderyd = try ShippedProfiles.profile("danderyd")
        // D4: eleven assessment points, the central forum assesses before any larger decision.
        #expect(danderyd.assessmentPoints.count == 11)
        #expect(danderyd.revisionInterval(forPlanKind: "eforvaltningsprogram") == ProfileDuration(3, .years))
        #expect(danderyd.reviewInterval(forDocumentType: "riktlinjer-it") == ProfileDuration(3, .years))
        let e = try ShippedProfiles.profile("e-forvaltning")
        // E2: the IT-styrgrupp meets 10–12 times a year and is chaired by the kommundirektör.
        #expect(e.forum("it-styrgrupp")?.cadence == GovernanceProfile.Cadence(minPerYear: 10, maxPerYear: 12))
        #expect(e.forum("it-styrgrupp")?.chair == "kommundirektor")
        #expect(e.intervals.companyMeetings?.every == ProfileDuration(1, .years))
        let fagersta = try ShippedProfiles.profile("fagersta")
        // F3: the IT strategy is followed up once per term of office.
        #expect(fagersta.intervals.termFollowUp?.every == ProfileDuration(1, .terms))
        let lillaEdet = try ShippedProfiles.profile("lilla-edet")
        // L1: driftsansvarig is one of a system's roles.
        #expect(lillaEdet.requiredRoles(for: .business).contains { $0.role == RoleCatalogue.operationsResponsible })
    }

    @Test("The JSON Schema generated from the format's tables is the one checked in")
    func schemaUpToDate() throws {
        let generated = ProfileSchema.json
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/App/Resources/profile.schema.json")
        if ProcessInfo.processInfo.environment["STYRBORD_WRITE_SCHEMA"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let checkedIn = try String(contentsOf: url, encoding: .utf8)
        #expect(
            checkedIn == generated,
            "profile.schema.json is out of date: run STYRBORD_WRITE_SCHEMA=1 swift test --filter schemaUpToDate")
    }

    @Test("docs/profiles.md names every field of the format, and its example is a valid profile")
    func docs() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/profiles.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        for type in ProfileFormat.objectList {
            #expect(text.contains("### \(type.name)\n"), "\(type.name)")
            for field in type.fields { #expect(text.contains("| `\(field.name)` |"), "\(type.name).\(field.name)") }
        }
        let example = try #require(
            text.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
        #expect(ProfileValidator.validate(yaml: example).map(\.description) == [])
    }
}
