import Foundation
import StyrbordCore

/// Builds one generated municipality for load tests. One SplitMix64 stream seeded from `(seed, index)`
/// makes every choice, `DemoIDFactory` names every record and `MonthTable` supplies the dates, so the
/// same arguments always give the same municipality.
struct MunicipalityGenerator {
    let index: Int
    let seed: UInt64
    let today: CalendarDay

    func build() -> DemoMunicipality {
        var run = GeneratorRun(index: index, seed: seed, today: today)
        return run.build()
    }
}

/// The state of one generation: the records so far and what later steps need to know about them.
private struct GeneratorRun {
    typealias C = GeneratorCatalogue

    /// A förvaltning or company as placed in this municipality's tree.
    struct Owner {
        /// Its catalogue entry; for a company, one made from `C.companies`. Products are narrowed to the
        /// suppliers this municipality has.
        var definition: C.Administration
        var id: UUID
        var tag: String
        var retention: String
        var lowerAreas: [String]
        var chief = 0
        var departments: [UUID] = []
        var departmentManagers: [Int] = []
        /// People who can be systemförvaltare for its systems.
        var staff: [Int] = []
        var objects: [UUID] = []

        init(definition: C.Administration, id: UUID, tag: String, retention: String) {
            self.definition = definition
            self.id = id
            self.tag = tag
            self.retention = retention
            lowerAreas = definition.areas.map { $0.lowercased() }
        }
    }

    /// What roles, integrations and contracts need to know about a system.
    struct SystemInfo {
        var owner: Int
        var ownerPerson: Int
        var category: SystemCategory
        var product: String
        var supplier: String?
        var criticality: Criticality
        var operationMode: OperationMode
        var start: CalendarDay?
        var decommissioned: CalendarDay?
        var isPlanned: Bool
        /// Index into `C.hubs` when the system is one of them.
        var hub: Int?
    }

    var rng: SplitMix64
    let ids: DemoIDFactory
    let months: MonthTable
    let index: Int
    let slug: String
    let name: String
    let domain: String
    let systemCount: Int

    var orgUnits: [Seeded<OrgUnitDraft>] = []
    var people: [Seeded<PersonDraft>] = []
    var suppliers: [Seeded<SupplierDraft>] = []
    var managementObjects: [Seeded<ManagementObjectDraft>] = []
    var systems: [Seeded<ITSystemDraft>] = []
    var roles: [DemoRoleAssignment] = []
    var integrations: [Seeded<IntegrationDraft>] = []
    var contracts: [Seeded<ContractDraft>] = []

    var owners: [Owner] = []
    var infos: [SystemInfo] = []
    var emailCounts: [String: Int] = [:]
    var supplierIDs: [String: UUID] = [:]
    var executive = 0
    var itManager = 0
    var operationsManager = 0
    var externalOperations = 0
    /// The säkerhetschef, who signs the KLASSA classifications.
    var securityManager = 0
    var itStaff: [Int] = []
    var centralRoles: [(String, Int)] = []
    var coordinators: [(owner: Int, person: Int)] = []
    var decisionNumber = 0

    init(index: Int, seed: UInt64, today: CalendarDay) {
        self.index = index
        ids = DemoIDFactory(seed: seed, municipality: UInt64(index))
        rng = SplitMix64(seed: SplitMix64.mix(seed) ^ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        months = MonthTable.table(for: today)
        let all = DemoData.swedishMunicipalities
        let base = all[index % all.count]
        let round = index / all.count
        slug = round == 0 ? base.slug : base.slug + "-" + String(round + 1)
        name = round == 0 ? base.officialName : base.officialName + " " + String(round + 1)
        domain = slug + ".se"
        systemCount = 240 + Int(rng.next() % 121)  // 300 ± 20 %
    }

    mutating func build() -> DemoMunicipality {
        buildOrganisation()
        buildPeople()
        let slotChoices = buildSuppliers()
        buildManagementObjects()
        buildCommonSystems(slotChoices)
        buildBusinessSystems()
        buildRoles()
        buildIntegrations()
        buildContracts()
        let digits = String(1000 + index % 1000).dropFirst()  // zero-padded to three digits
        return DemoMunicipality(
            slug: slug, name: name, organisationNumber: OrganisationNumber.withCheckDigit("212000" + digits),
            emailDomain: domain, orgUnits: orgUnits, people: people, suppliers: suppliers,
            managementObjects: managementObjects, systems: systems, roleAssignments: roles, integrations: integrations,
            contracts: contracts)
    }

    // MARK: Organisation and people

    private mutating func addOrgUnit(_ name: String, _ kind: OrgUnitKind, parent: UUID?, short: String = "") -> UUID {
        let id = ids.id(.orgUnit, orgUnits.count)
        orgUnits.append(Seeded(id: id, draft: OrgUnitDraft(name: name, kind: kind, parentId: parent, shortName: short)))
        return id
    }

    /// Larger municipalities have more förvaltningar and units; each has one to three companies.
    private mutating func buildOrganisation() {
        var definitions = C.coreAdministrations
        if systemCount > 280 { definitions.append(C.optionalAdministrations[0]) }
        if systemCount > 320 { definitions.append(C.optionalAdministrations[1]) }
        let unitPercent = 30 + (systemCount - 240) / 3  // 30–70 %
        var ks: UUID?
        for definition in definitions {
            let board = addOrgUnit(definition.board, .board, parent: nil, short: definition.boardShort)
            if definition.key == "KLK" { ks = board }
            let id = addOrgUnit(definition.name, .administration, parent: board, short: definition.key)
            var owner = Owner(
                definition: definition, id: id, tag: definition.key.lowercased(),
                retention: "Gallras enligt " + definition.board.lowercased() + "s dokumenthanteringsplan.")
            for department in definition.departments {
                let departmentID = addOrgUnit(department.name, .department, parent: id)
                owner.departments.append(departmentID)
                for unit in department.units where definition.key == "KLK" || rng.chance(unitPercent) {
                    _ = addOrgUnit(unit, .unit, parent: departmentID)
                }
            }
            owners.append(owner)
        }
        let companyCount = 1 + Int(rng.next() % 3)
        let baseName = DemoData.swedishMunicipalities[index % DemoData.swedishMunicipalities.count].name
        for company in C.companies.prefix(companyCount) {
            let companyName = baseName + company.suffix
            let id = addOrgUnit(companyName, .company, parent: ks!, short: company.short)
            let definition = C.Administration(
                key: company.short, name: companyName, board: companyName, boardShort: company.short,
                chiefTitle: "VD", departments: [], areas: company.areas, products: company.products,
                dataSubjects: ["Kunder"], legalBasis: .contract, sensitivePercent: 0, weight: 2, managementObjects: [])
            owners.append(
                Owner(
                    definition: definition, id: id, tag: "bolag",
                    retention: "Gallras enligt bolagets dokumenthanteringsplan."))
        }
    }

    private mutating func addPerson(title: String, orgUnit: UUID, canLeave: Bool = false) -> Int {
        let first = Int(rng.next() % UInt64(SwedishNames.firstNames.count))
        let last = Int(rng.next() % UInt64(SwedishNames.lastNames.count))
        var local = SwedishNames.foldedFirstNames[first] + "." + SwedishNames.foldedLastNames[last]
        let seen = emailCounts[local, default: 0]
        emailCounts[local] = seen + 1
        if seen > 0 { local += String(seen + 1) }
        let hasLeft = canLeave && rng.chance(3)
        let draft = PersonDraft(
            name: SwedishNames.firstNames[first] + " " + SwedishNames.lastNames[last], email: local + "@" + domain,
            title: title, orgUnitId: orgUnit, isActive: !hasLeft, leftOn: hasLeft ? months.end(-rng.int(1...18)) : nil)
        people.append(Seeded(id: ids.id(.person, people.count), draft: draft))
        return people.count - 1
    }

    private static let departmentChiefTitles: [String: String] = [
        "IT-avdelningen": "IT-chef", "Ekonomiavdelningen": "Ekonomichef", "HR-avdelningen": "HR-chef",
        "Kansliavdelningen": "Kanslichef", "Kommunikationsavdelningen": "Kommunikationschef",
        "Arkiv och registratur": "Chefsarkivarie", "Drift och infrastruktur": "Driftchef",
    ]

    /// Every förvaltning, department and unit gets a manager; then the central roles, the IT unit and
    /// staff up to about 150 people.
    private mutating func buildPeople() {
        var managers: [UUID: Int] = [:]
        for unitIndex in orgUnits.indices {
            let unit = orgUnits[unitIndex]
            let title: String
            switch unit.draft.kind {
            case .board: continue
            case .administration, .company: title = owners.first { $0.id == unit.id }!.definition.chiefTitle
            case .department: title = Self.departmentChiefTitles[unit.draft.name] ?? "Avdelningschef"
            case .unit: title = Self.departmentChiefTitles[unit.draft.name] ?? "Enhetschef"
            }
            let person = addPerson(title: title, orgUnit: unit.id)
            orgUnits[unitIndex].draft.managerPersonId = people[person].id
            managers[unit.id] = person
        }
        for i in owners.indices {
            owners[i].chief = managers[owners[i].id]!
            owners[i].departmentManagers = owners[i].departments.map { managers[$0]! }
        }
        let klk = owners[0]
        executive = klk.chief
        let it = klk.departments[0]
        itManager = managers[it]!
        let drift = orgUnits.first { $0.draft.parentId == it && $0.draft.name == "Drift och infrastruktur" }!.id
        operationsManager = managers[drift]!
        let archive = orgUnits.first { $0.draft.name == "Arkiv och registratur" }!.id
        securityManager = addPerson(title: "Säkerhetschef", orgUnit: klk.id)
        centralRoles = [
            (RoleCatalogue.itManager, itManager),
            (RoleCatalogue.securityManager, securityManager),
            (RoleCatalogue.chiefArchivist, managers[archive]!),
            (RoleCatalogue.itArchitect, addPerson(title: "IT-arkitekt", orgUnit: it)),
        ]
        externalOperations = addPerson(title: "Driftsamordnare externa tjänster", orgUnit: drift)
        itStaff = (0..<(6 + Int(rng.next() % 4))).map { _ in
            addPerson(title: rng.pick(C.itTitles), orgUnit: rng.chance(60) ? drift : it, canLeave: true)
        }
        for i in owners.indices {
            if owners[i].tag == "bolag" {
                owners[i].staff = [addPerson(title: "IT-ansvarig", orgUnit: owners[i].id), owners[i].chief]
                continue
            }
            let coordinator = addPerson(title: "IT-samordnare", orgUnit: owners[i].id)
            coordinators.append((i, coordinator))
            owners[i].staff.append(coordinator)
        }
        let target = systemCount / 2 + Int(rng.next() % 21)  // 120–200 people in all
        let staffed = owners.indices.filter { owners[$0].tag != "bolag" }
        let weights = staffed.map { ($0, owners[$0].definition.weight + (owners[$0].definition.key == "KLK" ? 12 : 0)) }
        while people.count < target {
            let i = rng.weighted(weights)
            let unit = rng.chance(70) ? rng.pick(owners[i].departments) : owners[i].id
            owners[i].staff.append(addPerson(title: rng.pick(C.staffTitles), orgUnit: unit, canLeave: true))
        }
    }

    // MARK: Suppliers and förvaltningsobjekt

    /// Picks each common system's product, then fills up with other suppliers to 36–44.
    private mutating func buildSuppliers() -> [(product: String, supplier: String)] {
        let choices = C.commonSlots.map { rng.pick($0.alternatives) }
        var chosen = Set(choices.map(\.supplier))
        var others = SupplierCatalogue.all.map(\.key).filter { !chosen.contains($0) }
        let target = 36 + Int(rng.next() % 9)
        while chosen.count < target && !others.isEmpty {
            chosen.insert(others.remove(at: Int(rng.next() % UInt64(others.count))))
        }
        for profile in SupplierCatalogue.all where chosen.contains(profile.key) {
            let id = ids.id(.supplier, suppliers.count)
            supplierIDs[profile.key] = id
            let contact = rng.pick(SwedishNames.firstNames) + " " + rng.pick(SwedishNames.lastNames)
            suppliers.append(Seeded(id: id, draft: profile.draft(contactName: contact)))
        }
        for i in owners.indices {
            owners[i].definition.products = owners[i].definition.products.filter { chosen.contains($0.supplier) }
        }
        return choices
    }

    private mutating func buildManagementObjects() {
        for i in owners.indices {
            for objectName in owners[i].definition.managementObjects {
                let id = ids.id(.managementObject, managementObjects.count)
                managementObjects.append(
                    Seeded(
                        id: id,
                        draft: ManagementObjectDraft(
                            name: objectName,
                            description: "Förvaltningsobjekt enligt pm3 med gemensam förvaltningsplan och budget.",
                            ownerOrgUnitId: owners[i].id)))
                owners[i].objects.append(id)
            }
        }
    }

    // MARK: Systems

    private mutating func buildCommonSystems(_ choices: [(product: String, supplier: String)]) {
        let klk = owners[0]
        let sbf = owners.firstIndex { $0.definition.key == "SBF" }!
        let everyone = owners.filter { $0.tag != "bolag" }.map(\.id)
        for (slot, choice) in zip(C.commonSlots, choices) {
            let ownerUnit: UUID
            let ownerPerson: Int
            var object: UUID?
            if let department = slot.department {
                ownerUnit = klk.departments[department]
                ownerPerson = klk.departmentManagers[department]
                switch department {
                case 0: object = slot.type == .infrastructure ? klk.objects[3] : klk.objects[2]
                case 1: object = klk.objects[0]
                case 2: object = klk.objects[1]
                default: object = nil
                }
            } else {
                ownerUnit = owners[sbf].id
                ownerPerson = owners[sbf].chief
                object = owners[sbf].objects.first
            }
            let level = slot.data
            var draft = makeSystem(
                name: slot.name, category: .common, type: slot.type, ownerUnit: ownerUnit, users: everyone,
                object: object, product: choice.product, supplier: choice.supplier, criticality: slot.criticality,
                level: level, owner: 0, purpose: slot.name + " för hela kommunen", tags: [slot.tag, "e3"],
                allowStories: false)
            draft.description =
                slot.name + " (" + choice.product + "): kommungemensamt system som kommunstyrelsen äger (E3)."
            addSystem(
                draft, owner: 0, ownerPerson: ownerPerson, category: .common, product: choice.product,
                supplier: choice.supplier, hub: C.hubs.firstIndex { $0.slot == slot.name })
        }
    }

    private mutating func buildBusinessSystems() {
        let weights = owners.indices.map { ($0, owners[$0].definition.weight) }
        var usedNames = Set(systems.map(\.draft.name))
        while systems.count < systemCount {
            let o = rng.weighted(weights)
            let areaIndex = Int(rng.next() % UInt64(owners[o].definition.areas.count))
            let function = rng.pick(C.functions)
            var systemName = owners[o].definition.areas[areaIndex] + " – " + function
            if !usedNames.insert(systemName).inserted {
                systemName += " " + String(systems.count)
                usedNames.insert(systemName)
            }
            let ownDevelopment = owners[o].definition.products.isEmpty || rng.chance(3)
            let product =
                ownDevelopment ? (product: "Egenutvecklad", supplier: "") : rng.pick(owners[o].definition.products)
            let level: PersonalDataLevel =
                rng.chance(owners[o].definition.sensitivePercent) ? .sensitive : rng.chance(75) ? .personal : .none
            let criticality = rng.weighted([(Criticality.low, 25), (.medium, 45), (.high, 22), (.critical, 8)])
            let type = rng.weighted([(SystemType.support, 80), (.eService, 12), (.platform, 4), (.infrastructure, 4)])
            var users = [owners[o].departments.isEmpty ? owners[o].id : rng.pick(owners[o].departments)]
            if rng.chance(15) {
                let other = owners[Int(rng.next() % UInt64(owners.count))].id
                if !users.contains(other) { users.append(other) }
            }
            let object = owners[o].objects.isEmpty || rng.chance(40) ? nil : rng.pick(owners[o].objects)
            let lowerArea = owners[o].lowerAreas[areaIndex]
            var draft = makeSystem(
                name: systemName, category: .business, type: type, ownerUnit: owners[o].id, users: users,
                object: object,
                product: product.product, supplier: ownDevelopment ? nil : product.supplier, criticality: criticality,
                level: level, owner: o, purpose: function + " inom " + lowerArea, tags: [owners[o].tag, lowerArea],
                allowStories: true)
            draft.description = function + " för " + lowerArea + " inom " + owners[o].definition.name + "."
            addSystem(
                draft, owner: o, ownerPerson: owners[o].chief, category: .business, product: product.product,
                supplier: ownDevelopment ? nil : product.supplier, hub: nil)
        }
    }

    private mutating func addSystem(
        _ draft: ITSystemDraft, owner: Int, ownerPerson: Int, category: SystemCategory, product: String,
        supplier: String?, hub: Int?
    ) {
        systems.append(Seeded(id: ids.id(.system, systems.count), draft: draft))
        infos.append(
            SystemInfo(
                owner: owner, ownerPerson: ownerPerson, category: category, product: product, supplier: supplier,
                criticality: draft.criticality, operationMode: draft.operationMode, start: draft.productionStartOn,
                decommissioned: draft.decommissionedOn,
                isPlanned: draft.lifecycleStatus == .planned || draft.lifecycleStatus == .implementing, hub: hub))
    }

    /// Everything but the name and description; `allowStories` lets the system be planned, on its way
    /// out, unclassified or without a processor agreement (common systems are kept in order).
    private mutating func makeSystem(
        name: String, category: SystemCategory, type: SystemType, ownerUnit: UUID, users: [UUID], object: UUID?,
        product: String, supplier: String?, criticality: Criticality, level: PersonalDataLevel, owner: Int,
        purpose: String, tags: [String], allowStories: Bool
    ) -> ITSystemDraft {
        let number = systems.count
        var draft = ITSystemDraft(
            name: name, category: category, systemType: type, ownerOrgUnitId: ownerUnit, userOrgUnitIds: users,
            managementObjectId: object, criticality: criticality, product: product,
            version: String(1 + Int(rng.next() % 12)) + "." + String(rng.next() % 10),
            supplierId: supplier.flatMap { supplierIDs[$0] }, tags: tags)

        let lifecycle: LifecycleStatus =
            allowStories
            ? rng.weighted([
                (.inProduction, 84), (.planned, 4), (.implementing, 4), (.decommissioning, 5), (.decommissioned, 3),
            ])
            : .inProduction
        draft.lifecycleStatus = lifecycle
        switch lifecycle {
        case .planned, .implementing:
            draft.plannedStartOn = months.start(rng.int(1...12))
        case .inProduction:
            draft.productionStartOn = months.start(-rng.int(3...200))
        case .decommissioning:
            draft.productionStartOn = months.start(-rng.int(24...200))
            draft.decommissionPlannedOn = months.start(rng.int(1...18))
        case .decommissioned:
            let ended = rng.int(1...36)
            draft.decommissionedOn = months.end(-ended)
            draft.decommissionPlannedOn = draft.decommissionedOn
            draft.productionStartOn = months.start(-ended - rng.int(24...150))
        }
        let isPlanned = lifecycle == .planned || lifecycle == .implementing

        let mode = rng.weighted([(OperationMode.cloud, 45), (.external, 20), (.inHouse, 35)])
        if supplier == nil || mode == .inHouse {
            draft.operationMode = .inHouse
        } else {
            draft.operationMode = mode
            let partner = mode == .external && rng.chance(30) ? (rng.chance(50) ? "advania" : "atea") : supplier!
            draft.operatorSupplierId = supplierIDs[partner] ?? supplierIDs[supplier!]
        }
        draft.userCount = Self.userRange(criticality, category: category).map { rng.int($0) }

        draft.classification = classification(
            level: level, criticality: criticality, type: type,
            isPlanned: isPlanned, allowStories: allowStories)
        if level != .none {
            let agreement: ProcessorAgreementStatus =
                draft.operationMode == .inHouse ? .notNeeded : (allowStories && rng.chance(12) ? .missing : .inPlace)
            let owner = owners[owner]
            draft.personalData = ITSystemDraft.PersonalData(
                level: level, purpose: purpose, legalBasis: owner.definition.legalBasis,
                dataSubjectCategories: [rng.pick(owner.definition.dataSubjects)], processorAgreement: agreement,
                processorAgreementRef: agreement == .inPlace ? "PUB-" + String(number + 1000) : "",
                retention: owner.retention)
        }
        draft.nis2 =
            allowStories && rng.chance(5)
            ? .notAssessed
            : SystemDefaults.nis2(criticality)
        if allowStories && rng.chance(3) {
            let ai = rng.pick(C.aiDescriptions)
            draft.ai = ITSystemDraft.AIUse(usesAI: true, riskClass: ai.risk, description: ai.description)
        }
        if !isPlanned && !(allowStories && rng.chance(5)) {
            draft.backup = SystemDefaults.backup(criticality)
        }
        let base = "https://intranat." + domain + "/system/" + String(number + 1) + "/"
        draft.documentationLinks = [
            .init(title: "Systemförvaltningsplan", url: base + "forvaltningsplan"),
            .init(title: "Driftdokumentation", url: base + "drift"),
        ]
        return draft
    }

    private static func userRange(_ criticality: Criticality, category: SystemCategory) -> ClosedRange<Int>? {
        if category == .common { return 200...4_000 }
        switch criticality {
        case .low: return 3...60
        case .medium: return 10...300
        case .high: return 20...800
        case .critical: return 50...1_500
        }
    }

    private mutating func classification(
        level: PersonalDataLevel, criticality: Criticality, type: SystemType, isPlanned: Bool, allowStories: Bool
    ) -> ITSystemDraft.Classification {
        let roll = allowStories ? Int(rng.next() % 100) : 0
        if isPlanned || roll >= 85 { return .init() }  // 15 % unclassified
        var result = SystemDefaults.classification(
            data: level, criticality: criticality, type: type, classifiedBy: people[securityManager].id)
        if roll >= 75 {  // 10 % expired
            result.classifiedOn = months.start(-rng.int(40...70))
            result.validUntil = months.start(-rng.int(1...4))
        } else {
            let classified = rng.int(1...32)
            result.classifiedOn = months.start(-classified)
            result.validUntil = months.start(36 - classified)
        }
        return result
    }

    // MARK: Roles

    private mutating func nextReference(_ owner: Int, _ day: CalendarDay) -> String {
        decisionNumber += 1 + Int(rng.next() % 5)
        return owners[owner].definition.boardShort + " " + String(day.year) + "/" + String(decisionNumber)
    }

    private mutating func addRole(
        _ key: String, _ person: Int, scope: RoleScopeKind, scopeId: UUID?, holding: RoleHolding = .primary,
        from: CalendarDay, to: CalendarDay?, appointedBy: Int?, reference: String
    ) {
        let appointer = appointedBy == person ? nil : appointedBy
        roles.append(
            DemoRoleAssignment(
                id: ids.id(.roleAssignment, roles.count), roleKey: key, personId: people[person].id, scope: scope,
                scopeId: scopeId, holding: holding, validFrom: from, validTo: to,
                appointedByPersonId: appointer.map { people[$0].id }, decisionReference: reference))
    }

    /// About five roles per system: always a systemägare, usually systemägare IT, a systemförvaltare
    /// and (for most verksamhetssystem, T11) an ersättare; teknisk förvaltare, informationsägare and
    /// driftsansvarig for some. The gaps are deliberate: they feed the compliance views.
    private mutating func buildRoles() {
        for (n, info) in infos.enumerated() {
            let id = systems[n].id
            let staff =
                info.category == .common && owners[info.owner].definition.key == "KLK" && rng.chance(40)
                ? itStaff : owners[info.owner].staff
            let from =
                info.isPlanned
                ? months.start(-rng.int(1...6))
                : info.decommissioned != nil ? info.start! : max(info.start!, months.start(-rng.int(1...60)))
            let to = info.decommissioned
            let ownerReference = nextReference(info.owner, from)
            addRole(
                RoleCatalogue.systemOwner, info.ownerPerson, scope: .system, scopeId: id, from: from, to: to,
                appointedBy: nil, reference: ownerReference)
            if rng.chance(85) {
                addRole(
                    RoleCatalogue.systemOwnerIT, itManager, scope: .system, scopeId: id, from: from, to: to,
                    appointedBy: executive, reference: nextReference(0, from))
            }
            if rng.chance(94) {
                let manager = rng.pick(staff)
                addRole(
                    RoleCatalogue.systemManager, manager, scope: .system, scopeId: id, from: from, to: to,
                    appointedBy: info.ownerPerson, reference: "Utsedd av systemägaren")
                if rng.chance(info.category == .business ? 80 : 30) {
                    var deputy = rng.pick(staff)
                    if deputy == manager { deputy = staff[(staff.firstIndex(of: manager)! + 1) % staff.count] }
                    if deputy != manager {
                        addRole(
                            RoleCatalogue.systemManager, deputy, scope: .system, scopeId: id, holding: .deputy,
                            from: from, to: to, appointedBy: info.ownerPerson, reference: "Utsedd av systemägaren")
                    }
                }
            }
            if rng.chance(65) {
                addRole(
                    RoleCatalogue.technicalManager, rng.pick(itStaff), scope: .system, scopeId: id, from: from, to: to,
                    appointedBy: itManager, reference: "Utsedd av systemägare IT")
            }
            if rng.chance(35) {
                let informationOwner =
                    owners[info.owner].departmentManagers.isEmpty || rng.chance(50)
                    ? info.ownerPerson : rng.pick(owners[info.owner].departmentManagers)
                addRole(
                    RoleCatalogue.informationOwner, informationOwner, scope: .system, scopeId: id, from: from, to: to,
                    appointedBy: nil, reference: ownerReference)
            }
            if rng.chance(25) {
                let responsible = info.operationMode == .inHouse ? operationsManager : externalOperations
                addRole(
                    RoleCatalogue.operationsResponsible, responsible, scope: .system, scopeId: id, from: from,
                    to: to, appointedBy: itManager, reference: "Utsedd av IT-chefen")
            }
        }
        let adopted = months.start(-rng.int(12...48))
        for (owner, person) in coordinators {
            addRole(
                RoleCatalogue.itCoordinator, person, scope: .orgUnit, scopeId: owners[owner].id, from: adopted,
                to: nil, appointedBy: owners[owner].chief, reference: nextReference(owner, adopted))
        }
        for (key, person) in centralRoles {
            addRole(
                key, person, scope: .tenant, scopeId: nil, from: adopted, to: nil, appointedBy: executive,
                reference: nextReference(0, adopted))
        }
    }

    // MARK: Integrations and contracts

    /// About one and a half per system: business systems exchange information with the common hubs
    /// and with each other; some reach external parties.
    private mutating func buildIntegrations() {
        let wanted = systemCount * 3 / 2 - systemCount / 20 + Int(rng.next() % UInt64(systemCount / 10 + 1))
        let hubSystems = infos.indices.filter { infos[$0].hub != nil }
        let platform = infos.indices.first { C.commonSlots[$0].name == C.integrationPlatform }!
        let businessFirst = C.commonSlots.count
        let businessCount = systems.count - businessFirst
        var byOwner: [[Int]] = Array(repeating: [], count: owners.count)
        for n in businessFirst..<systems.count { byOwner[infos[n].owner].append(n) }
        var seen = Set<Int>()
        var attempts = 0
        while integrations.count < wanted && attempts < wanted * 4 {
            attempts += 1
            let business = businessFirst + Int(rng.next() % UInt64(businessCount))
            var source = business
            var destination: Int? = nil
            var information: String
            var external = ""
            let roll = rng.next() % 100
            if roll < 12 {
                let party = rng.pick(C.externalOutbound)
                (external, information) = (party.party, party.information)
            } else if roll < 20 {
                let party = rng.pick(C.externalInbound)
                (source, destination, external, information) = (platform, business, party.party, party.information)
            } else if roll < 65 {
                let hub = rng.pick(hubSystems)
                let flows = C.hubs[infos[hub].hub!]
                if !flows.out.isEmpty && (flows.in.isEmpty || rng.chance(50)) {
                    (source, destination, information) = (hub, business, rng.pick(flows.out))
                } else {
                    (source, destination, information) = (business, hub, rng.pick(flows.in))
                }
            } else {
                let peers = byOwner[infos[business].owner]
                let peer = rng.pick(peers)
                guard peer != business else { continue }
                (destination, information) = (peer, rng.pick(C.peerInformation))
            }
            let key = source << 20 | (destination ?? 0xFFFFF)
            guard external.isEmpty ? seen.insert(key).inserted : true else { continue }
            let kind = rng.weighted([(IntegrationKind.api, 45), (.file, 35), (.database, 8), (.event, 7), (.manual, 5)])
            let frequency = rng.weighted([
                (IntegrationFrequency.daily, 40), (.realtime, 20), (.hourly, 10), (.weekly, 10), (.monthly, 12),
                (.yearly, 3), (.onDemand, 5),
            ])
            integrations.append(
                Seeded(
                    id: ids.id(.integration, integrations.count),
                    draft: IntegrationDraft(
                        sourceSystemId: systems[source].id, targetSystemId: destination.map { systems[$0].id },
                        kind: kind,
                        information: information, frequency: frequency, externalParty: external)))
        }
    }

    /// Most systems with a supplier have a contract; a few have run out without renewal.
    private mutating func buildContracts() {
        for (n, info) in infos.enumerated() {
            guard let supplier = info.supplier, let supplierID = supplierIDs[supplier], rng.chance(88) else { continue }
            let starts: CalendarDay
            let ends: CalendarDay
            if let decommissioned = info.decommissioned {
                (starts, ends) = (info.start!, decommissioned)
            } else if info.isPlanned {
                starts = months.start(-rng.int(0...4))
                ends = months.end(rng.int(36...60))
            } else {
                starts = max(info.start!, months.start(-rng.int(12...72)))
                ends = months.end(rng.chance(5) ? -rng.int(1...6) : rng.int(1...48))
            }
            let renews = rng.chance(40)
            let (low, high): (Int, Int) =
                switch info.criticality {
                case .low: (20, 150)
                case .medium: (50, 500)
                case .high: (150, 1_200)
                case .critical: (300, 3_000)
                }
            let licence = Int64(rng.int(low...high)) * 1_000
            let operation: Int64 =
                info.operationMode == .inHouse ? 0 : rng.chance(60) ? Int64(rng.int(10...600)) * 1_000 : 0
            contracts.append(
                Seeded(
                    id: ids.id(.contract, contracts.count),
                    draft: ContractDraft(
                        systemId: systems[n].id, supplierId: supplierID, title: "Licens och support – " + info.product,
                        reference: nextReference(info.owner, starts), startsOn: starts, endsOn: ends,
                        noticePeriodMonths: rng.pick([3, 6, 6, 9, 12]), autoRenews: renews,
                        renewalPeriodMonths: renews ? rng.pick([12, 24]) : nil,
                        yearlyLicenceCost: Money(kronor: licence),
                        yearlyOperationCost: operation > 0 ? Money(kronor: operation) : nil)))
        }
    }
}
