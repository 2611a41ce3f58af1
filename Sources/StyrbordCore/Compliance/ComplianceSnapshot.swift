import Foundation

/// Everything the compliance rules look at in one tenant, as plain values: the app loads it with a few
/// queries, the engine evaluates it in memory, and tests build it by hand. Later rules (documents and
/// plans past review, forums below cadence, access reviews, proposals) add their own arrays here.
public struct ComplianceSnapshot: Sendable {
    /// A unit of the organisation tree.
    public struct OrgUnit: Sendable, Hashable {
        public var id: UUID
        public var parentID: UUID?
        public var name: String
        public var shortName: String
        public var kind: OrgUnitKind

        public init(id: UUID, parentID: UUID? = nil, name: String, shortName: String = "", kind: OrgUnitKind) {
            self.id = id
            self.parentID = parentID
            self.name = name
            self.shortName = shortName
            self.kind = kind
        }
    }

    /// A person who can hold roles; one who has left holds nothing any more.
    public struct Person: Sendable, Hashable {
        public var id: UUID
        public var name: String
        public var isActive: Bool
        public var leftOn: CalendarDay?

        public init(id: UUID, name: String, isActive: Bool = true, leftOn: CalendarDay? = nil) {
            self.id = id
            self.name = name
            self.isActive = isActive
            self.leftOn = leftOn
        }
    }

    /// An IT system with the facts the rules check.
    public struct System: Sendable, Hashable {
        public var id: UUID
        public var name: String
        public var category: SystemCategory
        public var lifecycle: LifecycleStatus
        public var ownerOrgUnitID: UUID?
        /// When the system was registered: gaps it was born with are due some days after this.
        public var registeredOn: CalendarDay
        /// T9: all three KLASSA aspects (confidentiality, integrity, availability) have a level.
        public var isClassified: Bool
        public var classifiedOn: CalendarDay?
        public var classificationValidUntil: CalendarDay?
        public var personalData: PersonalDataLevel
        /// The GDPR art. 30 record: purpose, legal basis and categories of data subjects.
        public var hasProcessingPurpose: Bool
        public var legalBasis: LegalBasis?
        public var hasDataSubjectCategories: Bool
        /// GDPR art. 28; nil when nobody has said.
        public var processorAgreement: ProcessorAgreementStatus?
        /// The KLASSA level of availability (tillgänglighet), 0–4; nil when not classified.
        public var availabilityLevel: Int?

        public init(
            id: UUID, name: String, category: SystemCategory, lifecycle: LifecycleStatus = .inProduction,
            ownerOrgUnitID: UUID? = nil, registeredOn: CalendarDay, isClassified: Bool = false,
            classifiedOn: CalendarDay? = nil, classificationValidUntil: CalendarDay? = nil,
            personalData: PersonalDataLevel = .none, hasProcessingPurpose: Bool = false, legalBasis: LegalBasis? = nil,
            hasDataSubjectCategories: Bool = false, processorAgreement: ProcessorAgreementStatus? = nil,
            availabilityLevel: Int? = nil
        ) {
            self.availabilityLevel = availabilityLevel
            self.id = id
            self.name = name
            self.category = category
            self.lifecycle = lifecycle
            self.ownerOrgUnitID = ownerOrgUnitID
            self.registeredOn = registeredOn
            self.isClassified = isClassified
            self.classifiedOn = classifiedOn
            self.classificationValidUntil = classificationValidUntil
            self.personalData = personalData
            self.hasProcessingPurpose = hasProcessingPurpose
            self.legalBasis = legalBasis
            self.hasDataSubjectCategories = hasDataSubjectCategories
            self.processorAgreement = processorAgreement
        }
    }

    /// A person holding a role for a system, an org unit, a förvaltningsobjekt or the whole tenant.
    public struct RoleAssignment: Sendable, Hashable {
        public var roleKey: String
        public var personID: UUID
        public var scope: RoleScopeKind
        /// The system, org unit or förvaltningsobjekt; nil for the tenant.
        public var scopeID: UUID?
        public var holding: RoleHolding
        public var validFrom: CalendarDay
        /// The last day held; nil while it runs.
        public var validTo: CalendarDay?

        public init(
            roleKey: String, personID: UUID, scope: RoleScopeKind, scopeID: UUID?, holding: RoleHolding = .primary,
            validFrom: CalendarDay, validTo: CalendarDay? = nil
        ) {
            self.roleKey = roleKey
            self.personID = personID
            self.scope = scope
            self.scopeID = scopeID
            self.holding = holding
            self.validFrom = validFrom
            self.validTo = validTo
        }
    }

    /// A contract for a system, with what decides its notice date.
    public struct Contract: Sendable, Hashable {
        public var id: UUID
        public var systemID: UUID
        public var title: String
        public var endsOn: CalendarDay?
        public var noticePeriodMonths: Int?
        public var autoRenews: Bool
        public var renewalPeriodMonths: Int?

        public init(
            id: UUID, systemID: UUID, title: String, endsOn: CalendarDay?, noticePeriodMonths: Int? = nil,
            autoRenews: Bool = false, renewalPeriodMonths: Int? = nil
        ) {
            self.id = id
            self.systemID = systemID
            self.title = title
            self.endsOn = endsOn
            self.noticePeriodMonths = noticePeriodMonths
            self.autoRenews = autoRenews
            self.renewalPeriodMonths = renewalPeriodMonths
        }
    }

    /// A meeting recorded in Styrbord, for the forums' cadence (D4/E2/F3).
    public struct Meeting: Sendable, Hashable {
        public var forumKey: String
        /// The förvaltning, for a forum each förvaltning has.
        public var orgUnitID: UUID?
        public var day: CalendarDay

        public init(forumKey: String, orgUnitID: UUID? = nil, day: CalendarDay) {
            self.forumKey = forumKey
            self.orgUnitID = orgUnitID
            self.day = day
        }
    }

    /// A plan of one of the profile's plan kinds (D2, D3), with what decides its revision.
    public struct Plan: Sendable, Hashable {
        public var id: UUID
        public var kindKey: String
        /// The system of a per-system plan (systemförvaltningsplan).
        public var systemID: UUID?
        public var title: String
        public var startYear: Int
        public var endYear: Int
        /// Nil while the plan is a draft.
        public var adoptedOn: CalendarDay?

        public init(
            id: UUID, kindKey: String, systemID: UUID? = nil, title: String, startYear: Int, endYear: Int? = nil,
            adoptedOn: CalendarDay? = nil
        ) {
            self.id = id
            self.kindKey = kindKey
            self.systemID = systemID
            self.title = title
            self.startYear = startYear
            self.endYear = endYear ?? startYear
            self.adoptedOn = adoptedOn
        }
    }

    /// How many people were asked on one day to read a document and have not confirmed yet (L8).
    public struct PendingReading: Sendable, Hashable {
        public var documentID: UUID
        public var requestedOn: CalendarDay
        public var count: Int

        public init(documentID: UUID, requestedOn: CalendarDay, count: Int) {
            self.documentID = documentID
            self.requestedOn = requestedOn
            self.count = count
        }
    }

    /// A governing document with what decides its next review (D10).
    public struct Document: Sendable, Hashable {
        public var id: UUID
        public var title: String
        public var typeKey: String
        public var status: DocumentStatus
        public var ownerPersonID: UUID
        public var decidedOn: CalendarDay?
        public var validFrom: CalendarDay?
        public var reviewEveryMonths: Int?
        public var nextReviewOn: CalendarDay?
        /// Published by the administrator (D1): then the people it concerns read it (L8).
        public var isPublished: Bool

        public init(
            id: UUID, title: String, typeKey: String, status: DocumentStatus, ownerPersonID: UUID,
            decidedOn: CalendarDay? = nil, validFrom: CalendarDay? = nil, reviewEveryMonths: Int? = nil,
            nextReviewOn: CalendarDay? = nil, isPublished: Bool = false
        ) {
            self.isPublished = isPublished
            self.id = id
            self.title = title
            self.typeKey = typeKey
            self.status = status
            self.ownerPersonID = ownerPersonID
            self.decidedOn = decidedOn
            self.validFrom = validFrom
            self.reviewEveryMonths = reviewEveryMonths
            self.nextReviewOn = nextReviewOn
        }
    }

    /// An agreement on service level (SLA, driftavtal) for a system (D7, T8).
    public struct Agreement: Sendable, Hashable {
        public var id: UUID
        public var systemID: UUID
        /// The systemägare who signed it; nil when the person is gone.
        public var ownerPersonID: UUID?
        public var terms: AgreementTerms

        public init(id: UUID, systemID: UUID, ownerPersonID: UUID?, terms: AgreementTerms) {
            self.id = id
            self.systemID = systemID
            self.ownerPersonID = ownerPersonID
            self.terms = terms
        }
    }

    /// The day the rules judge ("today" in Sweden).
    public var day: CalendarDay
    public var orgUnits: [OrgUnit]
    public var people: [Person]
    public var systems: [System]
    public var roleAssignments: [RoleAssignment]
    public var contracts: [Contract]
    /// Meetings held or planned, every forum's.
    public var meetings: [Meeting] = []
    public var plans: [Plan]
    public var documents: [Document] = []
    /// Read confirmations of governing documents not yet given (L8), counted per document and day asked.
    public var pendingReadings: [PendingReading] = []
    /// Agreements on service level, and outages by system (T8: availability followed up).
    public var agreements: [Agreement] = []
    public var outages: [UUID: [Outage]] = [:]
    /// The tenant's names for its role keys, where they differ from the standard catalogue's.
    public var roleNames: [String: Localized]

    public init(
        day: CalendarDay, orgUnits: [OrgUnit] = [], people: [Person] = [], systems: [System] = [],
        roleAssignments: [RoleAssignment] = [], contracts: [Contract] = [], plans: [Plan] = [],
        roleNames: [String: Localized] = [:]
    ) {
        self.plans = plans
        self.roleNames = roleNames
        self.day = day
        self.orgUnits = orgUnits
        self.people = people
        self.systems = systems
        self.roleAssignments = roleAssignments
        self.contracts = contracts
    }
}
