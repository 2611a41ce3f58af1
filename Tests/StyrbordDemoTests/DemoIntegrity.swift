import Foundation
import StyrbordCore

@testable import StyrbordDemo

/// Checks a demo municipality the way the app will meet it: every draft passes its own
/// `normalized().validate()` and is already normalized (what is stored is what we produced), every ID
/// is unique, and every reference points at a record of the same municipality.
enum DemoIntegrity {
    static func problems(in m: DemoMunicipality) -> [String] {
        var problems: [String] = []
        func check(_ ok: Bool, _ message: @autoclosure () -> String) { if !ok { problems.append(message()) } }
        func validate<D: Equatable>(_ label: String, _ draft: D, _ normalized: D, _ issues: [ValidationIssue]) {
            check(issues.isEmpty, "\(label): \(issues.map { "\($0.field): \($0.message.en)" })")
            check(draft == normalized, "\(label): not normalized")
        }

        let orgIDs = Set(m.orgUnits.map(\.id))
        let personIDs = Set(m.people.map(\.id))
        let supplierIDs = Set(m.suppliers.map(\.id))
        let objectIDs = Set(m.managementObjects.map(\.id))
        let systemIDs = Set(m.systems.map(\.id))
        let all =
            m.orgUnits.map(\.id) + m.people.map(\.id) + m.suppliers.map(\.id) + m.managementObjects.map(\.id)
            + m.systems.map(\.id) + m.roleAssignments.map(\.id) + m.integrations.map(\.id) + m.contracts.map(\.id)
        check(Set(all).count == all.count, "\(all.count - Set(all).count) repeated IDs")

        var earlier = Set<UUID>()
        for unit in m.orgUnits {
            let d = unit.draft
            validate("org unit \(d.name)", d, d.normalized(), d.normalized().validate())
            if let parent = d.parentId {
                check(earlier.contains(parent), "org unit \(d.name): parent not listed before it")
            }
            if let manager = d.managerPersonId {
                check(personIDs.contains(manager), "org unit \(d.name): unknown manager")
            }
            earlier.insert(unit.id)
        }
        for person in m.people {
            let d = person.draft
            validate("person \(d.name)", d, d.normalized(), d.normalized().validate())
            check(d.orgUnitId.map(orgIDs.contains) ?? false, "person \(d.name): unknown org unit")
            check(!d.email.isEmpty && d.email.allSatisfy(\.isASCII), "person \(d.name): e-mail \(d.email)")
        }
        check(Set(m.people.map(\.draft.email)).count == m.people.count, "repeated e-mail addresses")
        for supplier in m.suppliers {
            let d = supplier.draft
            validate("supplier \(d.name)", d, d.normalized(), d.normalized().validate())
            check(d.organisationNumber.isSwedishOrganisationNumber, "supplier \(d.name): organisation number")
        }
        for object in m.managementObjects {
            let d = object.draft
            validate("förvaltningsobjekt \(d.name)", d, d.normalized(), d.normalized().validate())
            check(d.ownerOrgUnitId.map(orgIDs.contains) ?? false, "förvaltningsobjekt \(d.name): unknown owner")
        }
        for system in m.systems {
            let d = system.draft
            let label = "system \(d.name)"
            validate(label, d, d.normalized(), d.normalized().validate())
            check(d.ownerOrgUnitId.map(orgIDs.contains) ?? false, "\(label): unknown owner")
            check(!d.userOrgUnitIds.isEmpty && d.userOrgUnitIds.allSatisfy(orgIDs.contains), "\(label): user org units")
            if let id = d.managementObjectId { check(objectIDs.contains(id), "\(label): unknown förvaltningsobjekt") }
            if let id = d.supplierId { check(supplierIDs.contains(id), "\(label): unknown supplier") }
            if let id = d.operatorSupplierId { check(supplierIDs.contains(id), "\(label): unknown operator") }
            if let id = d.classification.classifiedByPersonId {
                check(personIDs.contains(id), "\(label): unknown classifier")
            }
            check(d.operationMode == .inHouse || d.supplierId != nil, "\(label): run externally without a supplier")
        }
        check(Set(m.systems.map(\.draft.name)).count == m.systems.count, "repeated system names")

        let scopes = Dictionary(uniqueKeysWithValues: RoleCatalogue.standard.map { ($0.key, $0.scope) })
        for role in m.roleAssignments {
            let label = "role \(role.roleKey)"
            guard let scope = scopes[role.roleKey] else {
                problems.append("\(label): not in RoleCatalogue.standard")
                continue
            }
            let draft = role.draft(roleTypeId: UUID())
            validate(label, draft, draft.normalized(), draft.normalized().validate(roleScope: scope))
            check(personIDs.contains(role.personId), "\(label): unknown person")
            if let by = role.appointedByPersonId { check(personIDs.contains(by), "\(label): unknown appointer") }
            switch role.scope {
            case .system: check(role.scopeId.map(systemIDs.contains) ?? false, "\(label): unknown system")
            case .orgUnit: check(role.scopeId.map(orgIDs.contains) ?? false, "\(label): unknown org unit")
            case .managementObject: check(role.scopeId.map(objectIDs.contains) ?? false, "\(label): unknown object")
            case .tenant: check(role.scopeId == nil, "\(label): tenant role with a scope ID")
            }
        }
        for integration in m.integrations {
            let d = integration.draft
            validate("integration \(d.information)", d, d.normalized(), d.normalized().validate())
            check(systemIDs.contains(d.sourceSystemId), "integration \(d.information): unknown source")
            if let target = d.targetSystemId {
                check(systemIDs.contains(target), "integration \(d.information): unknown target")
            }
            check(!d.information.isEmpty, "integration without information")
        }
        for contract in m.contracts {
            let d = contract.draft
            validate("contract \(d.title)", d, d.normalized(), d.normalized().validate())
            check(systemIDs.contains(d.systemId), "contract \(d.title): unknown system")
            check(d.supplierId.map(supplierIDs.contains) ?? false, "contract \(d.title): unknown supplier")
        }
        return problems
    }

    /// Every ID of a municipality, for comparing runs and municipalities.
    static func ids(of m: DemoMunicipality) -> [UUID] {
        m.orgUnits.map(\.id) + m.people.map(\.id) + m.suppliers.map(\.id) + m.managementObjects.map(\.id)
            + m.systems.map(\.id) + m.roleAssignments.map(\.id) + m.integrations.map(\.id) + m.contracts.map(\.id)
    }

    /// True when two municipalities hold exactly the same records.
    static func same(_ a: DemoMunicipality, _ b: DemoMunicipality) -> Bool {
        a.slug == b.slug && a.name == b.name && a.organisationNumber == b.organisationNumber && a.orgUnits == b.orgUnits
            && a.people == b.people && a.suppliers == b.suppliers && a.managementObjects == b.managementObjects
            && a.systems == b.systems && a.roleAssignments == b.roleAssignments && a.integrations == b.integrations
            && a.contracts == b.contracts
    }
}

extension CalendarDay {
    static func at(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }
}
