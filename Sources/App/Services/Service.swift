import Fluent
import Foundation
import StyrbordCore

/// A service of the IT unit's tjänstekatalog (T7): what it is, its price and price model. Its levels are
/// `ServiceLevel`s.
final class CatalogueService: Model, DraftBacked, @unchecked Sendable {
    static let objectType = "service"
    var auditLabel: String { name }
    static let schema = "services"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "description") var description: String
    @OptionalField(key: "price_minor") var priceMinor: Int64?
    @Field(key: "currency") var currency: String
    @OptionalField(key: "price_model") var priceModel: PriceModel?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    /// Listed by hand, as every model's (`ModelPropertiesTests` checks the list is complete).
    var properties: [any AnyProperty] {
        [$id, $tenantID, $name, $sortKey, $description, $priceMinor, $currency, $priceModel, $createdAt, $updatedAt]
    }

    init() {}

    init(id: UUID, tenantID: UUID, draft: ServiceDraft, now: Date) {
        self.id = id
        self.tenantID = tenantID
        self.createdAt = now
        apply(draft, now: now)
    }

    func apply(_ draft: ServiceDraft, now: Date) {
        name = draft.name
        sortKey = SortKey.swedish(draft.name)
        description = draft.description
        priceMinor = draft.price?.amountMinor
        currency = draft.price?.currency ?? "SEK"
        priceModel = draft.priceModel
        updatedAt = now
    }

    var draft: ServiceDraft {
        ServiceDraft(
            name: name, description: description, price: priceMinor.map { Money(amountMinor: $0, currency: currency) },
            priceModel: priceModel)
    }

    static let what = Localized(sv: "Tjänsten", en: "The service")
}

/// A level of a catalogue service (Bas, Standard, Plus) with its availability target and hours.
final class ServiceLevel: Model, TenantScoped, @unchecked Sendable {
    static let objectType = "service-level"
    static let schema = "service_levels"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "service_id") var serviceID: UUID
    @Field(key: "name") var name: String
    @Field(key: "availability_hundredths") var availabilityHundredths: Int
    @Field(key: "service_hours") var serviceHours: String
    @Field(key: "support_hours") var supportHours: String
    @Field(key: "description") var description: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $serviceID, $name, $availabilityHundredths, $serviceHours, $supportHours, $description,
            $createdAt, $updatedAt,
        ]
    }

    init() {}

    func apply(_ d: ServiceLevelDraft, now: Date) {
        name = d.name
        availabilityHundredths = AvailabilityTarget.hundredths(d.availabilityPercent)
        serviceHours = d.service.code
        supportHours = d.support.code
        description = d.description
        updatedAt = now
    }

    var draft: ServiceLevelDraft {
        ServiceLevelDraft(
            name: name, availabilityPercent: AvailabilityTarget.percent(availabilityHundredths),
            serviceHours: ServiceHours(code: serviceHours) ?? .always,
            supportHours: ServiceHours(code: supportHours) ?? .officeHours, description: description)
    }

    static let what = Localized(sv: "Tjänstenivån", en: "The service level")
}

/// An agreement on service level (SLA, driftavtal) for a system between its systemägare and the
/// driftpartner (D7, T8).
final class ServiceAgreement: Model, DraftBacked, @unchecked Sendable {
    static let objectType = "service-agreement"
    var auditLabel: String { "Driftavtal" }
    var auditSystemID: UUID? { systemID }
    static let schema = "service_agreements"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "system_id") var systemID: UUID
    @OptionalField(key: "service_level_id") var serviceLevelID: UUID?
    @Field(key: "owner_person_id") var ownerPersonID: UUID
    @OptionalField(key: "supplier_id") var supplierID: UUID?
    @Field(key: "availability_hundredths") var availabilityHundredths: Int
    @Field(key: "service_hours") var serviceHours: String
    @Field(key: "support_hours") var supportHours: String
    @Field(key: "planned_maintenance_counts") var plannedMaintenanceCounts: Bool
    @OptionalField(key: "p1_response_minutes") var p1Response: Int?
    @OptionalField(key: "p1_resolution_minutes") var p1Resolution: Int?
    @OptionalField(key: "p2_response_minutes") var p2Response: Int?
    @OptionalField(key: "p2_resolution_minutes") var p2Resolution: Int?
    @OptionalField(key: "p3_response_minutes") var p3Response: Int?
    @OptionalField(key: "p3_resolution_minutes") var p3Resolution: Int?
    @OptionalField(key: "p4_response_minutes") var p4Response: Int?
    @OptionalField(key: "p4_resolution_minutes") var p4Resolution: Int?
    @Field(key: "responsibilities") var responsibilities: String
    @OptionalField(key: "price_minor") var priceMinor: Int64?
    @Field(key: "currency") var currency: String
    @OptionalField(key: "price_model") var priceModel: PriceModel?
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_to") var validTo: String?
    @OptionalField(key: "notice_period_months") var noticePeriodMonths: Int?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $systemID, $serviceLevelID, $ownerPersonID, $supplierID, $availabilityHundredths,
            $serviceHours, $supportHours, $plannedMaintenanceCounts, $p1Response, $p1Resolution, $p2Response,
            $p2Resolution, $p3Response, $p3Resolution, $p4Response, $p4Resolution, $responsibilities, $priceMinor,
            $currency, $priceModel, $validFrom, $validTo, $noticePeriodMonths, $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(id: UUID, tenantID: UUID, draft: AgreementDraft, now: Date) {
        self.id = id
        self.tenantID = tenantID
        self.createdAt = now
        apply(draft, now: now)
    }

    func apply(_ d: AgreementDraft, now: Date) {
        systemID = d.systemId
        serviceLevelID = d.serviceLevelId
        ownerPersonID = d.ownerPersonId
        supplierID = d.supplierId
        availabilityHundredths = AvailabilityTarget.hundredths(d.availabilityPercent)
        serviceHours = d.service.code
        supportHours = d.support.code
        plannedMaintenanceCounts = d.plannedMaintenanceCounts
        p1Response = d.times[.p1]?.responseMinutes
        p1Resolution = d.times[.p1]?.resolutionMinutes
        p2Response = d.times[.p2]?.responseMinutes
        p2Resolution = d.times[.p2]?.resolutionMinutes
        p3Response = d.times[.p3]?.responseMinutes
        p3Resolution = d.times[.p3]?.resolutionMinutes
        p4Response = d.times[.p4]?.responseMinutes
        p4Resolution = d.times[.p4]?.resolutionMinutes
        responsibilities = d.responsibilities
        priceMinor = d.price?.amountMinor
        currency = d.price?.currency ?? "SEK"
        priceModel = d.priceModel
        validFrom = d.validFrom.iso
        validTo = d.validTo?.iso
        noticePeriodMonths = d.noticePeriodMonths
        updatedAt = now
    }

    var draft: AgreementDraft {
        var times: [IncidentPriority: PriorityTimes] = [:]
        for (p, response, resolution) in [
            (IncidentPriority.p1, p1Response, p1Resolution), (.p2, p2Response, p2Resolution),
            (.p3, p3Response, p3Resolution), (.p4, p4Response, p4Resolution),
        ] where response != nil || resolution != nil {
            times[p] = PriorityTimes(responseMinutes: response, resolutionMinutes: resolution)
        }
        return AgreementDraft(
            systemId: systemID, serviceLevelId: serviceLevelID, ownerPersonId: ownerPersonID, supplierId: supplierID,
            availabilityPercent: AvailabilityTarget.percent(availabilityHundredths),
            serviceHours: ServiceHours(code: serviceHours) ?? .always,
            supportHours: ServiceHours(code: supportHours) ?? .officeHours,
            plannedMaintenanceCounts: plannedMaintenanceCounts, times: times, responsibilities: responsibilities,
            price: priceMinor.map { Money(amountMinor: $0, currency: currency) }, priceModel: priceModel,
            validFrom: CalendarDay(iso: validFrom) ?? CalendarDay(ordinal: 0),
            validTo: validTo.flatMap(CalendarDay.init(iso:)), noticePeriodMonths: noticePeriodMonths)
    }

    var terms: AgreementTerms {
        let d = draft
        return AgreementTerms(
            agreedPercent: d.availabilityPercent, serviceHours: d.service,
            plannedMaintenanceCounts: d.plannedMaintenanceCounts, validFrom: d.validFrom, validTo: d.validTo)
    }

    static let what = Localized(sv: "Driftavtalet", en: "The service agreement")
}

/// An outage (avbrott) of a system, planned or not (T8).
final class SystemOutage: Model, DraftBacked, @unchecked Sendable {
    static let objectType = "outage"
    var auditLabel: String { "Avbrott" }
    var auditSystemID: UUID? { systemID }
    static let schema = "outages"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "system_id") var systemID: UUID
    @Field(key: "starts_at") var startsAt: Date
    @OptionalField(key: "ends_at") var endsAt: Date?
    @Field(key: "is_planned") var isPlanned: Bool
    @Field(key: "description") var description: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] {
        [$id, $tenantID, $systemID, $startsAt, $endsAt, $isPlanned, $description, $createdAt, $updatedAt]
    }

    init() {}

    init(id: UUID, tenantID: UUID, draft: OutageDraft, now: Date) {
        self.id = id
        self.tenantID = tenantID
        self.createdAt = now
        apply(draft, now: now)
    }

    func apply(_ d: OutageDraft, now: Date) {
        systemID = d.systemId
        startsAt = d.startsAt
        endsAt = d.endsAt
        isPlanned = d.isPlanned
        description = d.description
        updatedAt = now
    }

    var draft: OutageDraft {
        OutageDraft(
            systemId: systemID, startsAt: startsAt, endsAt: endsAt, isPlanned: isPlanned, description: description)
    }

    var outage: Outage { Outage(start: startsAt, end: endsAt, isPlanned: isPlanned) }

    static let what = Localized(sv: "Avbrottet", en: "The outage")
}
