import Foundation
import StyrbordCore

/// Turns the showcase tables into drafts with IDs, placing every date relative to `today`.
struct ShowcaseBuilder {
    typealias S = Showcase

    let today: CalendarDay
    private let ids = DemoIDFactory(seed: DemoData.defaultSeed, municipality: DemoIDFactory.showcaseMunicipality)
    private let orgIDs: [String: UUID]
    private let personIDs: [String: UUID]
    private let systemIDs: [String: UUID]
    private let objectIDs: [String: UUID]
    private let supplierKeys: [String]
    private let supplierIDs: [String: UUID]
    private let orgRows: [String: S.OrgUnitRow]
    /// When the kommunstyrelse adopted its IT guidelines and the role register was set up.
    private let governanceAdopted: CalendarDay

    init(today: CalendarDay) {
        self.today = today
        let ids = self.ids
        orgIDs = Dictionary(uniqueKeysWithValues: S.orgUnits.enumerated().map { ($1.key, ids.id(.orgUnit, $0)) })
        personIDs = Dictionary(uniqueKeysWithValues: S.people.enumerated().map { ($1.key, ids.id(.person, $0)) })
        systemIDs = Dictionary(uniqueKeysWithValues: S.systems.enumerated().map { ($1.key, ids.id(.system, $0)) })
        objectIDs = Dictionary(
            uniqueKeysWithValues: S.managementObjects.enumerated().map { ($1.key, ids.id(.managementObject, $0)) })
        var used = Set<String>()
        for row in S.systems {
            if let key = row.supplier { used.insert(key) }
            if let key = row.terms?.via { used.insert(key) }
            switch row.operation {
            case .inHouse: break
            case .external(let key), .cloud(let key): used.insert(key)
            }
        }
        // Catalogue order, so the supplier list reads the same every time.
        supplierKeys = SupplierCatalogue.all.map(\.key).filter(used.contains)
        supplierIDs = Dictionary(uniqueKeysWithValues: supplierKeys.enumerated().map { ($1, ids.id(.supplier, $0)) })
        orgRows = Dictionary(uniqueKeysWithValues: S.orgUnits.map { ($0.key, $0) })
        governanceAdopted = today.monthStart(-40)
    }

    func build() -> DemoMunicipality {
        let systems = S.systems.enumerated().map { system($1, index: $0) }
        return DemoMunicipality(
            slug: S.slug, name: S.name, organisationNumber: S.organisationNumber, emailDomain: S.emailDomain,
            orgUnits: orgUnits(), people: people(), suppliers: suppliers(), managementObjects: managementObjects(),
            systems: systems, roleAssignments: roleAssignments(systems: systems), integrations: integrations(),
            contracts: contracts(systems: systems))
    }

    // MARK: Organisation

    private func orgUnits() -> [Seeded<OrgUnitDraft>] {
        S.orgUnits.map { row in
            Seeded(
                id: orgIDs[row.key]!,
                draft: OrgUnitDraft(
                    name: row.name, kind: row.kind, parentId: row.parent.map { orgIDs[$0]! },
                    shortName: S.shortNames[row.key] ?? row.key, managerPersonId: row.manager.map { personIDs[$0]! }))
        }
    }

    private func people() -> [Seeded<PersonDraft>] {
        S.people.map { row in
            let domain = S.emailDomains[row.orgUnit] ?? S.emailDomain
            return Seeded(
                id: personIDs[row.key]!,
                draft: PersonDraft(
                    name: row.first + " " + row.last, email: row.key + "@" + domain, title: row.title,
                    orgUnitId: orgIDs[row.orgUnit]!, isActive: row.leftMonthsAgo == nil,
                    leftOn: row.leftMonthsAgo.map { today.monthStart(-$0).adding(days: -1) }))
        }
    }

    private func suppliers() -> [Seeded<SupplierDraft>] {
        supplierKeys.enumerated().map { index, key in
            let contact = S.supplierContacts[index % S.supplierContacts.count]
            return Seeded(id: supplierIDs[key]!, draft: SupplierCatalogue.byKey[key]!.draft(contactName: contact))
        }
    }

    private func managementObjects() -> [Seeded<ManagementObjectDraft>] {
        S.managementObjects.map { row in
            Seeded(
                id: objectIDs[row.key]!,
                draft: ManagementObjectDraft(
                    name: row.name, description: row.description, ownerOrgUnitId: orgIDs[row.owner]!))
        }
    }

    // MARK: Systems

    /// Production start: the row's year as seen from 2026, moved along with `today`, in a month that
    /// varies by row so that not every system started in January.
    private func productionStart(_ row: S.SystemRow, index: Int) -> CalendarDay {
        let year = today.year - (2026 - row.since)
        let start = CalendarDay(year: year, month: 1 + (index * 5) % 12, day: 1)!
        return start < today ? start : today.monthStart(-2)
    }

    private func system(_ row: S.SystemRow, index: Int) -> Seeded<ITSystemDraft> {
        var draft = ITSystemDraft(
            name: row.name, aliases: row.aliases, description: row.description, category: row.category,
            systemType: row.type, ownerOrgUnitId: orgIDs[row.owner]!,
            userOrgUnitIds: row.users.flatMap { $0 == "*" ? S.administrations : [$0] }.map { orgIDs[$0]! },
            managementObjectId: row.object.map { objectIDs[$0]! }, criticality: row.criticality,
            product: row.product, version: row.version, supplierId: row.supplier.map { supplierIDs[$0]! },
            userCount: row.userCount, tags: row.tags)

        switch row.operation {
        case .inHouse: draft.operationMode = .inHouse
        case .external(let key):
            draft.operationMode = .external
            draft.operatorSupplierId = supplierIDs[key]!
        case .cloud(let key):
            draft.operationMode = .cloud
            draft.operatorSupplierId = supplierIDs[key]!
        }

        let story = S.lifecycleStories[row.key]
        var isPlanned = false
        switch story {
        case .planned(let months)?:
            draft.lifecycleStatus = .planned
            draft.plannedStartOn = today.monthStart(months)
            isPlanned = true
        case .implementing(let months)?:
            draft.lifecycleStatus = .implementing
            draft.plannedStartOn = today.monthStart(months)
            isPlanned = true
        case .decommissioning(let months)?:
            draft.lifecycleStatus = .decommissioning
            draft.productionStartOn = productionStart(row, index: index)
            draft.decommissionPlannedOn = today.monthStart(months)
        case .decommissioned(let monthsAgo)?:
            draft.lifecycleStatus = .decommissioned
            draft.productionStartOn = productionStart(row, index: index)
            draft.decommissionedOn = today.monthStart(-monthsAgo).adding(days: -1)
            draft.decommissionPlannedOn = draft.decommissionedOn
        case nil:
            draft.productionStartOn = productionStart(row, index: index)
            draft.decommissionPlannedOn = S.plannedEnds[row.key].map { today.monthStart($0) }
        }

        draft.classification = classification(row, index: index, isPlanned: isPlanned)
        draft.personalData = personalData(row, index: index)
        draft.nis2 = S.nis2Overrides[row.key] ?? SystemDefaults.nis2(row.criticality)
        if let ai = S.aiUse[row.key] {
            draft.ai = ITSystemDraft.AIUse(usesAI: true, riskClass: ai.risk, description: ai.description)
        }
        draft.backup = isPlanned ? .init() : SystemDefaults.backup(row.criticality)
        draft.documentationLinks = links(
            row, isPlanned: isPlanned, isDecommissioned: draft.lifecycleStatus == .decommissioned)
        return Seeded(id: systemIDs[row.key]!, draft: draft)
    }

    private func classification(_ row: S.SystemRow, index: Int, isPlanned: Bool) -> ITSystemDraft.Classification {
        if isPlanned { return .init() }
        var result = SystemDefaults.classification(
            data: row.data.level, criticality: row.criticality, type: row.type, classifiedBy: personIDs[S.classifier]!)
        switch S.classificationStories[row.key] {
        case .missing?:
            return .init()
        case .expired?:
            result.classifiedOn = today.monthStart(-50)
            result.validUntil = today.monthStart(-14)
        case nil:
            let classified = today.monthStart(-(3 + (index * 7) % 30))
            result.classifiedOn = classified
            result.validUntil = classified.adding(years: 3)  // reviewed every three years
        }
        return result
    }

    private func personalData(_ row: S.SystemRow, index: Int) -> ITSystemDraft.PersonalData {
        let (level, purpose, basis, subjects): (PersonalDataLevel, String, LegalBasis, [String])
        switch row.data {
        case .none: return .init(level: .none)
        case .personal(let p, let b, let s): (level, purpose, basis, subjects) = (.personal, p, b, s)
        case .sensitive(let p, let b, let s): (level, purpose, basis, subjects) = (.sensitive, p, b, s)
        }
        let agreement: ProcessorAgreementStatus
        var reference = ""
        if case .inHouse = row.operation {
            agreement = .notNeeded
        } else if S.processorAgreementMissing.contains(row.key) {
            agreement = .missing
        } else {
            agreement = .inPlace
            reference = "PUB-" + String(productionStart(row, index: index).year) + "-" + String(100 + index)
        }
        return ITSystemDraft.PersonalData(
            level: level, purpose: purpose, legalBasis: basis, dataSubjectCategories: subjects,
            processorAgreement: agreement, processorAgreementRef: reference, retention: retention(row))
    }

    private func retention(_ row: S.SystemRow) -> String {
        let board = orgRows[boardKey(of: row.owner)]!
        if board.key == "SN" {
            return
                "Gallras enligt socialnämndens dokumenthanteringsplan. Personakter för personer födda den 5, 15 och 25 bevaras för forskning."
        }
        if board.kind == .company { return "Gallras enligt bolagets dokumenthanteringsplan." }
        let name = board.name.prefix(1).lowercased() + board.name.dropFirst()
        return "Gallras enligt " + name + "s dokumenthanteringsplan."
    }

    private func links(_ row: S.SystemRow, isPlanned: Bool, isDecommissioned: Bool) -> [ITSystemDraft.Link] {
        let base = "https://intranat.sjovik.se/system/" + row.key + "/"
        if isPlanned { return [.init(title: "Förstudie och beslut", url: base + "forstudie")] }
        if isDecommissioned { return [.init(title: "Avvecklingsplan", url: base + "avveckling")] }
        var links: [ITSystemDraft.Link] = [
            .init(title: "Systemförvaltningsplan", url: base + "forvaltningsplan"),
            .init(title: "Driftdokumentation och SLA", url: base + "drift"),
        ]
        if row.userCount > 100 { links.append(.init(title: "Användarhandledning", url: base + "handledning")) }
        return links
    }

    // MARK: Roles

    /// The nämnd (or company) an org unit belongs to: its decisions carry that nämnd's diarienummer.
    private func boardKey(of key: String) -> String {
        var current = orgRows[key]!
        while current.kind != .board && current.kind != .company, let parent = current.parent {
            current = orgRows[parent]!
        }
        return current.key
    }

    private func roleAssignments(systems: [Seeded<ITSystemDraft>]) -> [DemoRoleAssignment] {
        var result: [DemoRoleAssignment] = []
        var decisionNumber = 100
        func add(
            _ role: String, _ person: String, scope: RoleScopeKind, scopeId: UUID?, holding: RoleHolding = .primary,
            from: CalendarDay, to: CalendarDay? = nil, appointedBy: String?, reference: String
        ) {
            let appointer = appointedBy == person ? nil : appointedBy
            result.append(
                DemoRoleAssignment(
                    id: ids.id(.roleAssignment, result.count), roleKey: role, personId: personIDs[person]!,
                    scope: scope,
                    scopeId: scopeId, holding: holding, validFrom: from, validTo: to,
                    appointedByPersonId: appointer.map { personIDs[$0]! }, decisionReference: reference))
        }
        func reference(_ orgKey: String, _ day: CalendarDay) -> String {
            decisionNumber += 7
            let prefix = S.shortNames[boardKey(of: orgKey)] ?? "KS"
            return prefix + " " + String(day.year) + "/" + String(decisionNumber)
        }

        for (row, system) in zip(S.systems, systems) {
            let id = system.id
            let draft = system.draft
            let start = max(draft.productionStartOn ?? today.monthStart(-3), governanceAdopted)
            let end = draft.decommissionedOn
            let owner = orgRows[row.owner]!.manager!
            let ownerDecision = reference(row.owner, start)
            let isCompany = orgRows[row.owner]!.kind == .company
            add(
                RoleCatalogue.systemOwner, owner, scope: .system, scopeId: id, from: start, to: end,
                appointedBy: nil, reference: ownerDecision)
            add(
                RoleCatalogue.systemOwnerIT, S.itManager, scope: .system, scopeId: id, from: start, to: end,
                appointedBy: S.executive, reference: reference("KLK", start))
            if let manager = row.manager {
                add(
                    RoleCatalogue.systemManager, manager, scope: .system, scopeId: id, from: start, to: end,
                    appointedBy: owner, reference: "Utsedd av systemägaren")
            }
            if let deputy = row.deputy {
                add(
                    RoleCatalogue.systemManager, deputy, scope: .system, scopeId: id, holding: .deputy, from: start,
                    to: end, appointedBy: owner, reference: "Utsedd av systemägaren")
            }
            add(
                RoleCatalogue.technicalManager, row.technician, scope: .system, scopeId: id, from: start, to: end,
                appointedBy: isCompany ? owner : S.itManager, reference: "Utsedd av systemägare IT")
            add(
                RoleCatalogue.informationOwner, row.informationOwner ?? owner, scope: .system, scopeId: id,
                from: start, to: end, appointedBy: nil, reference: ownerDecision)
            let operations: String
            if isCompany {
                operations = row.owner == "BOST" ? "pernilla.wester" : "roger.holmqvist"
            } else if case .inHouse = row.operation {
                operations = S.operationsManager
            } else {
                operations = S.externalOperations
            }
            add(
                RoleCatalogue.operationsResponsible, operations, scope: .system, scopeId: id, from: start, to: end,
                appointedBy: S.itManager, reference: "Utsedd av IT-chefen")
        }

        for (orgKey, person) in S.itCoordinators {
            add(
                RoleCatalogue.itCoordinator, person, scope: .orgUnit, scopeId: orgIDs[orgKey]!, from: governanceAdopted,
                appointedBy: orgRows[orgKey]!.manager, reference: reference(orgKey, governanceAdopted))
        }
        for (role, person) in S.tenantRoles {
            add(
                role, person, scope: .tenant, scopeId: nil, from: governanceAdopted, appointedBy: S.executive,
                reference: reference("KLK", governanceAdopted))
        }
        return result
    }

    // MARK: Integrations and contracts

    private func integrations() -> [Seeded<IntegrationDraft>] {
        S.integrations.enumerated().map { index, row in
            Seeded(
                id: ids.id(.integration, index),
                draft: IntegrationDraft(
                    sourceSystemId: systemIDs[row.from]!, targetSystemId: row.to.map { systemIDs[$0]! }, kind: row.kind,
                    information: row.information, frequency: row.frequency, externalParty: row.externalParty,
                    description: row.description))
        }
    }

    private func contracts(systems: [Seeded<ITSystemDraft>]) -> [Seeded<ContractDraft>] {
        var result: [Seeded<ContractDraft>] = []
        for (index, (row, system)) in zip(S.systems, systems).enumerated() {
            guard let terms = row.terms else { continue }
            let draft = system.draft
            let ends: CalendarDay
            let starts: CalendarDay
            if let decommissioned = draft.decommissionedOn {
                ends = decommissioned
                starts = max(draft.productionStartOn!, decommissioned.adding(years: -4))
            } else if let planned = draft.plannedStartOn {
                starts = today.monthStart(-1)
                ends =
                    terms.endsInMonths.map { today.monthStart($0).adding(days: -1) }
                    ?? planned.adding(years: 4).adding(days: -1)
            } else {
                // Spread the rest over the coming one to four years.
                let months = terms.endsInMonths ?? (14 + (index * 11) % 34)
                ends = today.monthStart(months).adding(days: -1)
                starts =
                    terms.renews
                    ? max(draft.productionStartOn!, ends.adding(years: -6).adding(days: 1))
                    : ends.adding(years: -4).adding(days: 1)
            }
            let kind =
                terms.licence > 0 && terms.operation > 0
                ? "Licens, drift och support" : terms.licence > 0 ? "Licens och support" : "Drift och support"
            let supplier = terms.via ?? row.supplier
            result.append(
                Seeded(
                    id: ids.id(.contract, result.count),
                    draft: ContractDraft(
                        systemId: system.id, supplierId: supplier.map { supplierIDs[$0]! },
                        title: kind + " – " + row.product,
                        reference: S.shortNames[boardKey(of: row.owner)]! + " " + String(starts.year) + "/"
                            + String(200 + index * 3),
                        startsOn: starts, endsOn: ends, noticePeriodMonths: terms.notice, autoRenews: terms.renews,
                        renewalPeriodMonths: terms.renews ? (terms.notice >= 6 ? 24 : 12) : nil,
                        yearlyLicenceCost: terms.licence > 0 ? Money(kronor: Int64(terms.licence)) : nil,
                        yearlyOperationCost: terms.operation > 0 ? Money(kronor: Int64(terms.operation)) : nil,
                        notes: terms.note)))
        }
        return result
    }
}
