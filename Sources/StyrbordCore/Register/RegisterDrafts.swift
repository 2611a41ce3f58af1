import Foundation

// Drafts of the register's smaller records. Like `ITSystemDraft`, each is the API request body, the
// parsed web form and what imports and the demo produce; `validate()` holds the checks that need no
// database. Only required fields are required when decoding; the rest default.

/// A nämnd, förvaltning, avdelning, enhet or bolag in the tenant's organisation tree.
public struct OrgUnitDraft: RecordDraft, Hashable, Codable {
    public var name: String
    public var kind: OrgUnitKind
    public var parentId: UUID?
    /// Short code used in reports and imports ("BUF", "SBF").
    public var shortName: String
    /// F5: incidents in access management go to the responsible manager.
    public var managerPersonId: UUID?

    public init(
        name: String, kind: OrgUnitKind, parentId: UUID? = nil, shortName: String = "", managerPersonId: UUID? = nil
    ) {
        self.name = name
        self.kind = kind
        self.parentId = parentId
        self.shortName = shortName
        self.managerPersonId = managerPersonId
    }

    enum CodingKeys: String, CodingKey { case name, kind, parentId, shortName, managerPersonId }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(OrgUnitKind.self, forKey: .kind)
        parentId = try c.decodeIfPresent(UUID.self, forKey: .parentId)
        shortName = try c.decodeIfPresent(String.self, forKey: .shortName) ?? ""
        managerPersonId = try c.decodeIfPresent(UUID.self, forKey: .managerPersonId)
    }

    public func normalized() -> OrgUnitDraft {
        var copy = self
        copy.name = name.trimmed
        copy.shortName = shortName.trimmed
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(name, field: "name", label: Localized(sv: "Namn", en: "Name"), max: 200)
        v.limit(shortName, field: "shortName", label: Localized(sv: "Förkortning", en: "Short name"), max: 20)
        return v.issues
    }
}

/// An employee or other person who can hold roles.
public struct PersonDraft: RecordDraft, Hashable, Codable {
    public var name: String
    public var email: String
    public var title: String
    public var phone: String
    public var orgUnitId: UUID?
    /// False once the person has left; their roles then count as vacant.
    public var isActive: Bool
    public var leftOn: CalendarDay?

    public init(
        name: String, email: String = "", title: String = "", phone: String = "", orgUnitId: UUID? = nil,
        isActive: Bool = true, leftOn: CalendarDay? = nil
    ) {
        self.name = name
        self.email = email
        self.title = title
        self.phone = phone
        self.orgUnitId = orgUnitId
        self.isActive = isActive
        self.leftOn = leftOn
    }

    enum CodingKeys: String, CodingKey { case name, email, title, phone, orgUnitId, isActive, leftOn }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        email = try c.decodeIfPresent(String.self, forKey: .email) ?? ""
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        phone = try c.decodeIfPresent(String.self, forKey: .phone) ?? ""
        orgUnitId = try c.decodeIfPresent(UUID.self, forKey: .orgUnitId)
        isActive = try c.decodeIfPresent(Bool.self, forKey: .isActive) ?? true
        leftOn = try c.decodeIfPresent(CalendarDay.self, forKey: .leftOn)
    }

    public func normalized() -> PersonDraft {
        var copy = self
        copy.name = name.trimmed
        copy.email = email.trimmed.lowercased()
        copy.title = title.trimmed
        copy.phone = phone.trimmed
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(name, field: "name", label: Localized(sv: "Namn", en: "Name"), max: 200)
        v.limit(title, field: "title", label: Localized(sv: "Titel", en: "Title"), max: 200)
        v.limit(phone, field: "phone", label: Localized(sv: "Telefon", en: "Phone"), max: 50)
        if !email.isEmpty && !email.looksLikeEmail {
            v.add(
                "email", sv: "Ange en e-postadress som namn@kommun.se.",
                en: "Enter an e-mail address such as name@kommun.se.")
        }
        if isActive && leftOn != nil {
            v.add(
                "leftOn", sv: "En aktiv person har inget slutdatum: ta bort datumet eller markera personen som slutad.",
                en: "An active person has no leaving date: clear it or mark the person as having left.")
        }
        return v.issues
    }
}

/// A supplier of software or operations (leverantör, driftpartner).
public struct SupplierDraft: RecordDraft, Hashable, Codable {
    public var name: String
    /// Swedish organisationsnummer, NNNNNN-NNNN.
    public var organisationNumber: String
    public var contactName: String
    public var email: String
    public var phone: String
    public var website: String
    public var notes: String

    public init(
        name: String, organisationNumber: String = "", contactName: String = "", email: String = "",
        phone: String = "", website: String = "", notes: String = ""
    ) {
        self.name = name
        self.organisationNumber = organisationNumber
        self.contactName = contactName
        self.email = email
        self.phone = phone
        self.website = website
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey { case name, organisationNumber, contactName, email, phone, website, notes }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        organisationNumber = try c.decodeIfPresent(String.self, forKey: .organisationNumber) ?? ""
        contactName = try c.decodeIfPresent(String.self, forKey: .contactName) ?? ""
        email = try c.decodeIfPresent(String.self, forKey: .email) ?? ""
        phone = try c.decodeIfPresent(String.self, forKey: .phone) ?? ""
        website = try c.decodeIfPresent(String.self, forKey: .website) ?? ""
        notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
    }

    public func normalized() -> SupplierDraft {
        var copy = self
        copy.name = name.trimmed
        copy.organisationNumber = organisationNumber.trimmed
        copy.contactName = contactName.trimmed
        copy.email = email.trimmed.lowercased()
        copy.phone = phone.trimmed
        copy.website = website.trimmed
        copy.notes = notes.trimmed
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(name, field: "name", label: Localized(sv: "Namn", en: "Name"), max: 200)
        if !organisationNumber.isEmpty && !organisationNumber.isSwedishOrganisationNumber {
            v.add(
                "organisationNumber", sv: "Ange organisationsnumret som 556677-8899.",
                en: "Enter the organisation number as 556677-8899.")
        }
        if !email.isEmpty && !email.looksLikeEmail {
            v.add(
                "email", sv: "Ange en e-postadress som namn@foretag.se.",
                en: "Enter an e-mail address such as name@company.se.")
        }
        if !website.isEmpty && !website.isWebURL {
            v.add(
                "website", sv: "Ange en fullständig webbadress som börjar med https://.",
                en: "Enter a full web address starting with https://.")
        }
        v.limit(contactName, field: "contactName", label: Localized(sv: "Kontaktperson", en: "Contact"), max: 200)
        v.limit(phone, field: "phone", label: Localized(sv: "Telefon", en: "Phone"), max: 50)
        v.limit(notes, field: "notes", label: Localized(sv: "Anteckningar", en: "Notes"), max: 5_000)
        return v.issues
    }
}

/// A pm3 förvaltningsobjekt: a group of systems managed together under one budget.
public struct ManagementObjectDraft: RecordDraft, Hashable, Codable {
    public var name: String
    public var description: String
    public var ownerOrgUnitId: UUID?

    public init(name: String, description: String = "", ownerOrgUnitId: UUID? = nil) {
        self.name = name
        self.description = description
        self.ownerOrgUnitId = ownerOrgUnitId
    }

    enum CodingKeys: String, CodingKey { case name, description, ownerOrgUnitId }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        ownerOrgUnitId = try c.decodeIfPresent(UUID.self, forKey: .ownerOrgUnitId)
    }

    public func normalized() -> ManagementObjectDraft {
        var copy = self
        copy.name = name.trimmed
        copy.description = description.trimmed
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(name, field: "name", label: Localized(sv: "Namn", en: "Name"), max: 200)
        v.limit(description, field: "description", label: Localized(sv: "Beskrivning", en: "Description"), max: 5_000)
        return v.issues
    }
}

/// D2/L1/T11: a person holding a role for a scope, from a date, appointed by someone.
public struct RoleAssignmentDraft: RecordDraft, Hashable, Codable {
    public var roleTypeId: UUID
    public var personId: UUID
    public var scope: RoleScopeKind
    /// The system, förvaltningsobjekt or org unit; nil when the scope is the tenant.
    public var scopeId: UUID?
    public var holding: RoleHolding
    public var validFrom: CalendarDay
    /// The last day the role is held; nil while it runs on.
    public var validTo: CalendarDay?
    public var appointedByPersonId: UUID?
    /// The decision the appointment rests on (a diarienummer or a meeting's minutes).
    public var decisionReference: String

    public init(
        roleTypeId: UUID, personId: UUID, scope: RoleScopeKind, scopeId: UUID?, holding: RoleHolding = .primary,
        validFrom: CalendarDay, validTo: CalendarDay? = nil, appointedByPersonId: UUID? = nil,
        decisionReference: String = ""
    ) {
        self.roleTypeId = roleTypeId
        self.personId = personId
        self.scope = scope
        self.scopeId = scopeId
        self.holding = holding
        self.validFrom = validFrom
        self.validTo = validTo
        self.appointedByPersonId = appointedByPersonId
        self.decisionReference = decisionReference
    }

    enum CodingKeys: String, CodingKey {
        case roleTypeId, personId, scope, scopeId, holding, validFrom, validTo, appointedByPersonId, decisionReference
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        roleTypeId = try c.decode(UUID.self, forKey: .roleTypeId)
        personId = try c.decode(UUID.self, forKey: .personId)
        scope = try c.decode(RoleScopeKind.self, forKey: .scope)
        scopeId = try c.decodeIfPresent(UUID.self, forKey: .scopeId)
        holding = try c.decodeIfPresent(RoleHolding.self, forKey: .holding) ?? .primary
        validFrom = try c.decode(CalendarDay.self, forKey: .validFrom)
        validTo = try c.decodeIfPresent(CalendarDay.self, forKey: .validTo)
        appointedByPersonId = try c.decodeIfPresent(UUID.self, forKey: .appointedByPersonId)
        decisionReference = try c.decodeIfPresent(String.self, forKey: .decisionReference) ?? ""
    }

    public func normalized() -> RoleAssignmentDraft {
        var copy = self
        copy.decisionReference = decisionReference.trimmed
        if scope == .tenant { copy.scopeId = nil }
        return copy
    }

    /// All checks; `roleScope` is the scope the role type is defined for.
    public func validate(roleScope: RoleScopeKind) -> [ValidationIssue] {
        validate(againstRoleScope: roleScope) + validate()
    }

    /// The checks that don't need the role type.
    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.limit(
            decisionReference, field: "decisionReference",
            label: Localized(sv: "Beslutsreferens", en: "Decision reference"), max: 200)
        return v.issues
    }

    /// Whether the draft fits a role type held for `roleScope`.
    public func validate(againstRoleScope roleScope: RoleScopeKind) -> [ValidationIssue] {
        var v = Validator()
        if scope != roleScope {
            v.add(
                "scope",
                sv: "Rollen gäller för \(roleScope.label.sv.lowercased()), inte för \(scope.label.sv.lowercased()).",
                en:
                    "This role is held for a \(roleScope.label.en.lowercased()), not for a \(scope.label.en.lowercased())."
            )
        }
        if scope != .tenant && scopeId == nil {
            v.add("scopeId", sv: "Välj vad rollen gäller för.", en: "Choose what the role is held for.")
        }
        if let to = validTo, to < validFrom {
            v.add(
                "validTo", sv: "Slutdatum kan inte ligga före startdatum (\(validFrom)).",
                en: "The end date can't be before the start date (\(validFrom)).")
        }
        if appointedByPersonId == personId {
            v.add(
                "appointedByPersonId", sv: "En person kan inte utse sig själv.",
                en: "A person can't appoint themselves.")
        }
        return v.issues
    }
}

/// An integration between two systems of the register, or between one and an external party.
public struct IntegrationDraft: RecordDraft, Hashable, Codable {
    public var sourceSystemId: UUID
    /// nil when the information goes to an external party only.
    public var targetSystemId: UUID?
    public var kind: IntegrationKind
    /// What information the integration carries.
    public var information: String
    public var frequency: IntegrationFrequency
    /// An organisation outside the municipality at the other end (Skatteverket, a bank).
    public var externalParty: String
    public var description: String

    public init(
        sourceSystemId: UUID, targetSystemId: UUID?, kind: IntegrationKind, information: String = "",
        frequency: IntegrationFrequency = .daily, externalParty: String = "", description: String = ""
    ) {
        self.sourceSystemId = sourceSystemId
        self.targetSystemId = targetSystemId
        self.kind = kind
        self.information = information
        self.frequency = frequency
        self.externalParty = externalParty
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case sourceSystemId, targetSystemId, kind, information, frequency, externalParty, description
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sourceSystemId = try c.decode(UUID.self, forKey: .sourceSystemId)
        targetSystemId = try c.decodeIfPresent(UUID.self, forKey: .targetSystemId)
        kind = try c.decode(IntegrationKind.self, forKey: .kind)
        information = try c.decodeIfPresent(String.self, forKey: .information) ?? ""
        frequency = try c.decodeIfPresent(IntegrationFrequency.self, forKey: .frequency) ?? .daily
        externalParty = try c.decodeIfPresent(String.self, forKey: .externalParty) ?? ""
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
    }

    public func normalized() -> IntegrationDraft {
        var copy = self
        copy.information = information.trimmed
        copy.externalParty = externalParty.trimmed
        copy.description = description.trimmed
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        if targetSystemId == nil && externalParty.isEmpty {
            v.add(
                "targetSystemId", sv: "Välj målsystem eller ange en extern part.",
                en: "Choose a target system or name an external party.")
        }
        if targetSystemId == sourceSystemId {
            v.add(
                "targetSystemId", sv: "Ett system kan inte integreras med sig självt.",
                en: "A system can't integrate with itself.")
        }
        v.limit(information, field: "information", label: Localized(sv: "Information", en: "Information"), max: 1_000)
        v.limit(
            externalParty, field: "externalParty", label: Localized(sv: "Extern part", en: "External party"), max: 200)
        v.limit(description, field: "description", label: Localized(sv: "Beskrivning", en: "Description"), max: 5_000)
        return v.issues
    }
}

/// A contract for a system: licence, operation or both, with its notice period (issue 4's compliance
/// engine warns before the notice date).
public struct ContractDraft: RecordDraft, Hashable, Codable {
    public var systemId: UUID
    public var supplierId: UUID?
    public var title: String
    /// The contract's own reference or diarienummer.
    public var reference: String
    public var startsOn: CalendarDay?
    public var endsOn: CalendarDay?
    public var noticePeriodMonths: Int?
    public var autoRenews: Bool
    /// How long each automatic renewal runs.
    public var renewalPeriodMonths: Int?
    public var yearlyLicenceCost: Money?
    public var yearlyOperationCost: Money?
    public var notes: String

    public init(
        systemId: UUID, supplierId: UUID? = nil, title: String, reference: String = "", startsOn: CalendarDay? = nil,
        endsOn: CalendarDay? = nil, noticePeriodMonths: Int? = nil, autoRenews: Bool = false,
        renewalPeriodMonths: Int? = nil, yearlyLicenceCost: Money? = nil, yearlyOperationCost: Money? = nil,
        notes: String = ""
    ) {
        self.systemId = systemId
        self.supplierId = supplierId
        self.title = title
        self.reference = reference
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.noticePeriodMonths = noticePeriodMonths
        self.autoRenews = autoRenews
        self.renewalPeriodMonths = renewalPeriodMonths
        self.yearlyLicenceCost = yearlyLicenceCost
        self.yearlyOperationCost = yearlyOperationCost
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case systemId, supplierId, title, reference, startsOn, endsOn, noticePeriodMonths, autoRenews
        case renewalPeriodMonths, yearlyLicenceCost, yearlyOperationCost, notes
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        systemId = try c.decode(UUID.self, forKey: .systemId)
        supplierId = try c.decodeIfPresent(UUID.self, forKey: .supplierId)
        title = try c.decode(String.self, forKey: .title)
        reference = try c.decodeIfPresent(String.self, forKey: .reference) ?? ""
        startsOn = try c.decodeIfPresent(CalendarDay.self, forKey: .startsOn)
        endsOn = try c.decodeIfPresent(CalendarDay.self, forKey: .endsOn)
        noticePeriodMonths = try c.decodeIfPresent(Int.self, forKey: .noticePeriodMonths)
        autoRenews = try c.decodeIfPresent(Bool.self, forKey: .autoRenews) ?? false
        renewalPeriodMonths = try c.decodeIfPresent(Int.self, forKey: .renewalPeriodMonths)
        yearlyLicenceCost = try c.decodeIfPresent(Money.self, forKey: .yearlyLicenceCost)
        yearlyOperationCost = try c.decodeIfPresent(Money.self, forKey: .yearlyOperationCost)
        notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
    }

    public func normalized() -> ContractDraft {
        var copy = self
        copy.title = title.trimmed
        copy.reference = reference.trimmed
        copy.notes = notes.trimmed
        return copy
    }

    /// The last day notice can be given to stop the contract at its end date.
    public var noticeDeadline: CalendarDay? {
        guard let end = endsOn else { return nil }
        return end.adding(months: -(noticePeriodMonths ?? 0))
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(title, field: "title", label: Localized(sv: "Rubrik", en: "Title"), max: 200)
        v.limit(reference, field: "reference", label: Localized(sv: "Referens", en: "Reference"), max: 100)
        v.limit(notes, field: "notes", label: Localized(sv: "Anteckningar", en: "Notes"), max: 5_000)
        if let start = startsOn, let end = endsOn, end < start {
            v.add(
                "endsOn", sv: "Avtalet kan inte sluta före det börjar (\(start)).",
                en: "The contract can't end before it starts (\(start)).")
        }
        if let months = noticePeriodMonths, months < 0 || months > 120 {
            v.add(
                "noticePeriodMonths", sv: "Ange uppsägningstiden i månader, 0–120.",
                en: "Enter the notice period in months, 0–120.")
        }
        if let months = renewalPeriodMonths, months < 1 || months > 120 {
            v.add(
                "renewalPeriodMonths", sv: "Ange förlängningsperioden i månader, 1–120.",
                en: "Enter the renewal period in months, 1–120.")
        }
        if !autoRenews && renewalPeriodMonths != nil {
            v.add(
                "renewalPeriodMonths", sv: "Förlängningsperiod anges bara för avtal som förlängs automatiskt.",
                en: "A renewal period applies only to a contract that renews automatically.")
        }
        for (field, money) in [("yearlyLicenceCost", yearlyLicenceCost), ("yearlyOperationCost", yearlyOperationCost)] {
            if let m = money {
                if m.amountMinor < 0 || m.amountMinor > 100_000_000_000_00 {
                    v.add(
                        field, sv: "Ange ett belopp mellan 0 och 100 miljarder kronor.",
                        en: "Enter an amount between 0 and 100 billion kronor.")
                }
                if m.currency != "SEK" {
                    v.add(field, sv: "Belopp anges i svenska kronor (SEK).", en: "Amounts are in Swedish kronor (SEK).")
                }
            }
        }
        return v.issues
    }
}

extension String {
    /// A deliberately loose check: something@something.tld, no spaces. Delivery proves the rest.
    public var looksLikeEmail: Bool {
        let parts = split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !contains(where: \.isWhitespace),
            !unicodeScalars.contains("\0"),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), unicodeScalars.count <= 254
        else { return false }
        return true
    }

    /// NNNNNN-NNNN (the hyphen optional) with a valid Luhn check digit.
    public var isSwedishOrganisationNumber: Bool {
        let digits = filter { $0 != "-" }
        guard digits.count == 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if contains("-") && (count != 11 || self[index(startIndex, offsetBy: 6)] != "-") { return false }
        let values = digits.compactMap { $0.wholeNumberValue }
        var sum = 0
        for (i, d) in values.enumerated() {
            let product = d * (i % 2 == 0 ? 2 : 1)
            sum += product > 9 ? product - 9 : product
        }
        return sum % 10 == 0
    }
}
