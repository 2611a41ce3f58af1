import Foundation
import StyrbordCore

/// A record of a demo municipality: the ID it is to be stored under and its draft. Other records refer
/// to it by that ID, so the app must insert it with exactly this ID.
public struct Seeded<Draft: Sendable>: Sendable {
    public var id: UUID
    public var draft: Draft

    public init(id: UUID, draft: Draft) {
        self.id = id
        self.draft = draft
    }
}

extension Seeded: Equatable where Draft: Equatable {}
extension Seeded: Hashable where Draft: Hashable {}

/// A role assignment before the tenant's role types exist: it names the role by its `RoleCatalogue`
/// key, and `draft(roleTypeId:)` turns it into a `RoleAssignmentDraft` once the app has created the
/// tenant's role types.
public struct DemoRoleAssignment: Sendable, Hashable {
    public var id: UUID
    /// A `RoleCatalogue` key such as `RoleCatalogue.systemManager`.
    public var roleKey: String
    public var personId: UUID
    public var scope: RoleScopeKind
    /// The system, förvaltningsobjekt or org unit; nil for the tenant.
    public var scopeId: UUID?
    public var holding: RoleHolding
    public var validFrom: CalendarDay
    public var validTo: CalendarDay?
    public var appointedByPersonId: UUID?
    public var decisionReference: String

    public init(
        id: UUID, roleKey: String, personId: UUID, scope: RoleScopeKind, scopeId: UUID?,
        holding: RoleHolding = .primary, validFrom: CalendarDay, validTo: CalendarDay? = nil,
        appointedByPersonId: UUID? = nil, decisionReference: String = ""
    ) {
        self.id = id
        self.roleKey = roleKey
        self.personId = personId
        self.scope = scope
        self.scopeId = scopeId
        self.holding = holding
        self.validFrom = validFrom
        self.validTo = validTo
        self.appointedByPersonId = appointedByPersonId
        self.decisionReference = decisionReference
    }

    /// The draft to store, given the ID of the tenant's role type with this `roleKey`.
    public func draft(roleTypeId: UUID) -> RoleAssignmentDraft {
        RoleAssignmentDraft(
            roleTypeId: roleTypeId, personId: personId, scope: scope, scopeId: scopeId, holding: holding,
            validFrom: validFrom, validTo: validTo, appointedByPersonId: appointedByPersonId,
            decisionReference: decisionReference)
    }
}

/// One demo municipality as plain data, ready to insert in the order of its properties: org units
/// (parents before children), people, suppliers, förvaltningsobjekt, systems, roles, integrations and
/// contracts. Every draft passes its own `normalized().validate()`, and every ID a draft refers to is a
/// record of the same municipality.
///
/// Org units and people refer to each other (an org unit's manager, a person's org unit): insert the
/// org units without managers first, or insert people before setting `managerPersonId`.
public struct DemoMunicipality: Sendable {
    public var slug: String
    /// The name the organisation calls itself ("Sjöviks kommun", "Malmö stad").
    public var name: String
    /// The municipality's organisationsnummer (212000-NNNN, as every Swedish municipality's).
    public var organisationNumber: String
    /// The e-mail domain of its staff ("sjovik.se").
    public var emailDomain: String
    public var orgUnits: [Seeded<OrgUnitDraft>]
    public var people: [Seeded<PersonDraft>]
    public var suppliers: [Seeded<SupplierDraft>]
    public var managementObjects: [Seeded<ManagementObjectDraft>]
    public var systems: [Seeded<ITSystemDraft>]
    public var roleAssignments: [DemoRoleAssignment]
    public var integrations: [Seeded<IntegrationDraft>]
    public var contracts: [Seeded<ContractDraft>]
}

/// The demo municipalities: the hand-written showcase for newcomers and the generated ones for load tests.
public enum DemoData {
    /// The seed `styrbord demo --scale` uses unless told otherwise.
    public static let defaultSeed: UInt64 = 2026

    /// Sjöviks kommun: one fictional, richly filled municipality to explore (`styrbord serve --demo`).
    /// Dates are placed relative to `today` so that contracts, classifications and plans stay as
    /// current (or as overdue) as intended whenever the demo is started.
    public static func showcase(today: CalendarDay) -> DemoMunicipality {
        ShowcaseBuilder(today: today).build()
    }

    /// Generated municipality number `index` (0-based) for load tests: index 0–289 take the name of one
    /// of Sweden's municipalities in `swedishMunicipalities`' order; higher indices go round again with a
    /// number ("Ale 2", slug "ale-2"). About 300 systems (±20 %), 150 people, 40 suppliers, five roles
    /// and one and a half integrations per system. The same `(index, seed, today)` always gives the same
    /// data, IDs included, and IDs never repeat across indices.
    public static func generated(index: Int, seed: UInt64 = defaultSeed, today: CalendarDay) -> DemoMunicipality {
        precondition(index >= 0, "A municipality index is 0 or more")
        return MunicipalityGenerator(index: index, seed: seed, today: today).build()
    }
}
