import Fluent
import Foundation
import StyrbordCore

/// D2/L1/T11: a person holding a role for a system, förvaltningsobjekt, org unit or the whole tenant.
final class RoleAssignment: Model, DraftBacked, @unchecked Sendable {
    static let objectType = "role-assignment"
    var auditLabel: String { "" }
    var auditSystemID: UUID? { systemID }
    static let schema = "role_assignments"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "role_type_id") var roleTypeID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "scope") var scope: RoleScopeKind
    // Exactly one of these is set, matching `scope` (none for the tenant); separate columns so each
    // can be a real foreign key that cascades when its system or unit is deleted.
    @OptionalField(key: "system_id") var systemID: UUID?
    @OptionalField(key: "management_object_id") var managementObjectID: UUID?
    @OptionalField(key: "org_unit_id") var orgUnitID: UUID?
    @Field(key: "holding") var holding: RoleHolding
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_to") var validTo: String?
    @OptionalField(key: "appointed_by_person_id") var appointedByPersonID: UUID?
    @Field(key: "decision_reference") var decisionReference: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    /// Listed by hand: FluentKit otherwise finds the properties by reflection on every row it decodes,
    /// which dominated the register's response time. `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $roleTypeID, $personID, $scope, $systemID, $managementObjectID, $orgUnitID, $holding,
            $validFrom, $validTo, $appointedByPersonID, $decisionReference, $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(id: UUID, tenantID: UUID, draft: RoleAssignmentDraft, now: Date) {
        self.id = id
        self.tenantID = tenantID
        self.createdAt = now
        apply(draft, now: now)
    }

    func apply(_ draft: RoleAssignmentDraft, now: Date) {
        roleTypeID = draft.roleTypeId
        personID = draft.personId
        scope = draft.scope
        systemID = draft.scope == .system ? draft.scopeId : nil
        managementObjectID = draft.scope == .managementObject ? draft.scopeId : nil
        orgUnitID = draft.scope == .orgUnit ? draft.scopeId : nil
        holding = draft.holding
        validFrom = draft.validFrom.iso
        validTo = draft.validTo?.iso
        appointedByPersonID = draft.appointedByPersonId
        decisionReference = draft.decisionReference
        updatedAt = now
    }

    var scopeID: UUID? {
        switch scope {
        case .system: systemID
        case .managementObject: managementObjectID
        case .orgUnit: orgUnitID
        case .tenant: nil
        }
    }

    var draft: RoleAssignmentDraft {
        RoleAssignmentDraft(
            roleTypeId: roleTypeID, personId: personID, scope: scope, scopeId: scopeID, holding: holding,
            validFrom: CalendarDay(iso: validFrom) ?? CalendarDay(year: 2000, month: 1, day: 1)!,
            validTo: validTo.flatMap(CalendarDay.init(iso:)), appointedByPersonId: appointedByPersonID,
            decisionReference: decisionReference)
    }

    /// Held on `day`: started and not yet ended (`valid_to` is the last day).
    func isCurrent(on day: CalendarDay) -> Bool {
        validFrom <= day.iso && (validTo.map { day.iso <= $0 } ?? true)
    }

    static let what = Localized(sv: "Rolltilldelningen", en: "The role assignment")
}
