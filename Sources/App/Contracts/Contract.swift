import Fluent
import Foundation
import StyrbordCore

/// A licence or operations contract for a system (D7: scope, price, support).
final class Contract: Model, DraftBacked, @unchecked Sendable {
    static let objectType = "contract"
    var auditLabel: String { title }
    var auditSystemID: UUID? { systemID }
    static let schema = "contracts"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "system_id") var systemID: UUID
    @OptionalField(key: "supplier_id") var supplierID: UUID?
    @Field(key: "title") var title: String
    @Field(key: "reference") var reference: String
    @OptionalField(key: "starts_on") var startsOn: String?
    @OptionalField(key: "ends_on") var endsOn: String?
    @OptionalField(key: "notice_period_months") var noticePeriodMonths: Int?
    @Field(key: "auto_renews") var autoRenews: Bool
    @OptionalField(key: "renewal_period_months") var renewalPeriodMonths: Int?
    @OptionalField(key: "yearly_licence_cost_minor") var yearlyLicenceCostMinor: Int64?
    @OptionalField(key: "yearly_operation_cost_minor") var yearlyOperationCostMinor: Int64?
    @Field(key: "currency") var currency: String
    @Field(key: "notes") var notes: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    /// Listed by hand: FluentKit otherwise finds the properties by reflection on every row it decodes,
    /// which dominated the register's response time. `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $systemID, $supplierID, $title, $reference, $startsOn, $endsOn, $noticePeriodMonths,
            $autoRenews, $renewalPeriodMonths, $yearlyLicenceCostMinor, $yearlyOperationCostMinor, $currency, $notes,
            $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(id: UUID, tenantID: UUID, draft: ContractDraft, now: Date) {
        self.id = id
        self.tenantID = tenantID
        self.createdAt = now
        apply(draft, now: now)
    }

    func apply(_ draft: ContractDraft, now: Date) {
        systemID = draft.systemId
        supplierID = draft.supplierId
        title = draft.title
        reference = draft.reference
        startsOn = draft.startsOn?.iso
        endsOn = draft.endsOn?.iso
        noticePeriodMonths = draft.noticePeriodMonths
        autoRenews = draft.autoRenews
        renewalPeriodMonths = draft.renewalPeriodMonths
        yearlyLicenceCostMinor = draft.yearlyLicenceCost?.amountMinor
        yearlyOperationCostMinor = draft.yearlyOperationCost?.amountMinor
        currency = "SEK"
        notes = draft.notes
        updatedAt = now
    }

    var draft: ContractDraft {
        ContractDraft(
            systemId: systemID, supplierId: supplierID, title: title, reference: reference,
            startsOn: startsOn.flatMap(CalendarDay.init(iso:)), endsOn: endsOn.flatMap(CalendarDay.init(iso:)),
            noticePeriodMonths: noticePeriodMonths, autoRenews: autoRenews, renewalPeriodMonths: renewalPeriodMonths,
            yearlyLicenceCost: yearlyLicenceCostMinor.map { Money(amountMinor: $0, currency: currency) },
            yearlyOperationCost: yearlyOperationCostMinor.map { Money(amountMinor: $0, currency: currency) },
            notes: notes)
    }

    static let what = Localized(sv: "Avtalet", en: "The contract")
}
