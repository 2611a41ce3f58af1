import Foundation
import StyrbordCore
import Testing

@testable import StyrbordDemo

@Suite struct ShowcaseTests {
    let today = CalendarDay.at("2026-03-15")
    let demo = DemoData.showcase(today: .at("2026-03-15"))

    private func system(_ name: String) -> Seeded<ITSystemDraft> { demo.systems.first { $0.draft.name == name }! }
    private func names(_ ids: some Sequence<UUID>) -> Set<String> {
        let byID = Dictionary(uniqueKeysWithValues: demo.systems.map { ($0.id, $0.draft.name) })
        return Set(ids.compactMap { byID[$0] })
    }

    @Test("Every draft validates and every reference points inside Sjövik")
    func integrity() {
        let problems = DemoIntegrity.problems(in: demo)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test("Sjövik is the size the brief asks for")
    func counts() {
        #expect(demo.slug == "sjovik")
        #expect(demo.name == "Sjöviks kommun")
        #expect(demo.organisationNumber.isSwedishOrganisationNumber)
        #expect((60...80).contains(demo.systems.count))
        #expect((60...80).contains(demo.people.count))
        #expect((20...40).contains(demo.suppliers.count))
        #expect((4...6).contains(demo.managementObjects.count))
        #expect((55...80).contains(demo.integrations.count))
        #expect(demo.contracts.count * 4 >= demo.systems.count * 3)
        #expect(demo.roleAssignments.count >= demo.systems.count * 5)
    }

    @Test("The org tree has the nämnder, förvaltningar, an IT-avdelning and two companies")
    func organisation() {
        let units = demo.orgUnits.map(\.draft)
        let byID = Dictionary(uniqueKeysWithValues: demo.orgUnits.map { ($0.id, $0.draft) })
        #expect(units.filter { $0.kind == .board }.count == 5)
        #expect(units.filter { $0.kind == .administration }.count == 5)
        #expect(units.filter { $0.kind == .company }.count == 2)
        let it = units.first { $0.name == "IT-avdelningen" }!
        #expect(byID[it.parentId!]?.name == "Kommunledningskontoret")
        #expect(units.filter { $0.kind == .department || $0.kind == .unit }.count >= 20)
    }

    @Test("Staff have fornamn.efternamn addresses folded to ASCII")
    func emails() {
        let åsa = demo.people.first { $0.draft.name == "Åsa Öberg" }!.draft
        #expect(åsa.email == "asa.oberg@sjovik.se")
        let kommun = demo.people.map(\.draft).filter { $0.email.hasSuffix("@sjovik.se") }
        #expect(kommun.count >= 70)
        for person in kommun {
            let local = person.email.dropLast("@sjovik.se".count)
            #expect(local.split(separator: ".").count == 2, "\(person.email)")
            #expect(local.allSatisfy { ("a"..."z").contains($0) || $0 == "." || $0 == "-" }, "\(person.email)")
        }
    }

    @Test("Systems span both E3 categories, every lifecycle state and several owners")
    func systems() {
        let drafts = demo.systems.map(\.draft)
        #expect(drafts.filter { $0.category == .common }.count >= 25)
        #expect(drafts.filter { $0.category == .business }.count >= 25)
        for status in LifecycleStatus.allCases {
            #expect(drafts.contains { $0.lifecycleStatus == status }, "\(status)")
        }
        let personec = system("Personec P").draft
        #expect(personec.lifecycleStatus == .decommissioned)
        #expect(personec.decommissionedOn! < today)
        #expect(Set(drafts.compactMap(\.ownerOrgUnitId)).count >= 10)
        #expect(drafts.filter { $0.operationMode == .inHouse }.allSatisfy { $0.operatorSupplierId == nil })
        #expect(drafts.filter { $0.operationMode == .cloud }.count >= 20)
    }

    @Test("T11: the gaps a newcomer should find in the role report")
    func roleGaps() {
        let active = Dictionary(uniqueKeysWithValues: demo.people.map { ($0.id, $0.draft.isActive) })
        var missingPrimary = Set<UUID>()
        var missingDeputy = Set<UUID>()
        for system in demo.systems {
            let held = demo.roleAssignments.filter { $0.scopeId == system.id }.map {
                HeldRole(
                    roleKey: $0.roleKey, holding: $0.holding, validFrom: $0.validFrom, validTo: $0.validTo,
                    holderIsActive: active[$0.personId]!)
            }
            let gaps = RoleRequirementPolicy.standard.gaps(
                category: system.draft.category, lifecycle: system.draft.lifecycleStatus, held: held, on: today)
            #expect(!gaps.contains { $0.roleKey == RoleCatalogue.systemOwner }, "\(system.draft.name) has no owner")
            if gaps.contains(where: { $0.roleKey == RoleCatalogue.systemManager && $0.missing == .primary }) {
                missingPrimary.insert(system.id)
            }
            if gaps.contains(where: { $0.roleKey == RoleCatalogue.systemManager && $0.missing == .deputy }) {
                missingDeputy.insert(system.id)
            }
        }
        // Two never appointed, three held by people who have left.
        #expect(
            names(missingPrimary) == ["Infracontrol Online", "Speedadmin", "Unikum", "Infomentor", "Trygghetslarm"])
        #expect(
            names(missingDeputy) == [
                "Infracontrol Online", "Speedadmin", "Infomentor", "Schoolsoft", "Procapita", "Vitec Fastighetssystem",
            ])
    }

    @Test("Two people have left but still hold roles; central and coordinator roles are filled")
    func people() {
        let left = demo.people.filter { !$0.draft.isActive }
        #expect(left.count == 2)
        for person in left {
            #expect(person.draft.leftOn! < today)
            #expect(demo.roleAssignments.contains { $0.personId == person.id && $0.validTo == nil })
        }
        for key in [
            RoleCatalogue.itManager, RoleCatalogue.securityManager, RoleCatalogue.chiefArchivist,
            RoleCatalogue.itArchitect,
        ] {
            #expect(demo.roleAssignments.filter { $0.roleKey == key }.count == 1, "\(key)")
        }
        let coordinated = Set(
            demo.roleAssignments.filter { $0.roleKey == RoleCatalogue.itCoordinator }.compactMap(\.scopeId))
        let administrations = Set(demo.orgUnits.filter { $0.draft.kind == .administration }.map(\.id))
        #expect(coordinated == administrations)
    }

    @Test("Compliance stories: missing and expired KLASSA, missing processor agreements, AI with risk classes")
    func complianceStories() {
        let drafts = demo.systems.map(\.draft).filter { $0.lifecycleStatus.isActive }
        let unclassified = drafts.filter { !$0.classification.isComplete && $0.lifecycleStatus == .inProduction }
        let expired = drafts.filter { ($0.classification.validUntil.map { $0 < today }) ?? false }
        #expect((2...6).contains(unclassified.count))
        #expect((2...6).contains(expired.count))
        #expect(drafts.filter { $0.personalData.processorAgreement == .missing }.count >= 3)
        let ai = drafts.filter(\.ai.usesAI)
        #expect(ai.count >= 3)
        #expect(ai.allSatisfy { $0.ai.riskClass != nil && !$0.ai.description.isEmpty })
        #expect(ai.contains { $0.ai.riskClass == .high })
        let lifecare = system("Lifecare").draft
        #expect(lifecare.personalData.level == .sensitive)
        #expect(lifecare.personalData.legalBasis == .publicAuthority)
        #expect(lifecare.nis2 == .essential)
        #expect(drafts.contains { $0.nis2 == .notAssessed })
        #expect(drafts.filter { $0.lifecycleStatus == .inProduction }.allSatisfy { $0.backup.rpoHours != nil })
    }

    @Test("Contracts end at realistic times, some within the next year")
    func contracts() {
        let ends = demo.contracts.compactMap(\.draft.endsOn)
        let soon = ends.filter { today < $0 && $0 <= today.adding(months: 12) }
        #expect((4...12).contains(soon.count))
        #expect(ends.contains { today.adding(months: 6) < $0 && $0 <= today.adding(months: 12) })
        for contract in demo.contracts.map(\.draft) {
            #expect(contract.yearlyLicenceCost != nil || contract.yearlyOperationCost != nil, "\(contract.title)")
            #expect(!contract.reference.isEmpty && contract.noticePeriodMonths != nil)
        }
        let total = demo.contracts.compactMap(\.draft.yearlyLicenceCost?.kronor).reduce(0, +)
        #expect((20_000_000...40_000_000).contains(total))
    }

    @Test("Dates move with today, so the stories stay current")
    func relativeDates() {
        let later = DemoData.showcase(today: .at("2031-09-01"))
        func soon(_ demo: DemoMunicipality, _ today: CalendarDay) -> Int {
            demo.contracts.compactMap(\.draft.endsOn).filter { today < $0 && $0 <= today.adding(months: 12) }.count
        }
        #expect(soon(later, .at("2031-09-01")) == soon(demo, today))
        #expect(DemoIntegrity.problems(in: later).isEmpty)
        let plannedNow = system("Platina").draft.plannedStartOn!
        let plannedLater = later.systems.first { $0.draft.name == "Platina" }!.draft.plannedStartOn!
        #expect(plannedNow > today && plannedLater > .at("2031-09-01"))
    }

    @Test("Integration chains make the dependency views interesting")
    func chains() {
        let graph = IntegrationGraph(
            edges: demo.integrations.compactMap { i in
                i.draft.targetSystemId.map {
                    IntegrationGraph.Edge(id: i.id, source: i.draft.sourceSystemId, target: $0)
                }
            })
        let population = system("Befolkningsregistret").id
        let reached = names(graph.dependents(of: population).map(\.system))
        #expect(reached.isSuperset(of: ["IST Administration", "Skola24", "Unikum", "Lifecare", "Phoniro TES"]))
        let reports = names(graph.dependencies(of: system("Stratsys").id).map(\.system))
        #expect(reports.isSuperset(of: ["Hypergene", "Unit4 ERP", "Heroma"]))
        let external = demo.integrations.map(\.draft.externalParty).filter { !$0.isEmpty }
        #expect(external.contains("Skatteverket (Navet)"))
        #expect(external.contains { $0.hasPrefix("Bank") })
        #expect(external.contains("Kommuninvest"))
    }

    @Test("The showcase is the same every time")
    func deterministic() {
        #expect(DemoIntegrity.same(demo, DemoData.showcase(today: today)))
    }
}
