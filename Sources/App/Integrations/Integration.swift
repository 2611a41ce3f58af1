import Fluent
import Foundation
import StyrbordCore

/// Information flowing from one system to another, or to an external party.
final class Integration: Model, DraftBacked, @unchecked Sendable {
    static let objectType = "integration"
    var auditLabel: String { information }
    var auditSystemID: UUID? { sourceSystemID }
    static let schema = "integrations"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "source_system_id") var sourceSystemID: UUID
    @OptionalField(key: "target_system_id") var targetSystemID: UUID?
    @Field(key: "kind") var kind: IntegrationKind
    @Field(key: "information") var information: String
    @Field(key: "frequency") var frequency: IntegrationFrequency
    @Field(key: "external_party") var externalParty: String
    @Field(key: "description") var description: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    /// Listed by hand: FluentKit otherwise finds the properties by reflection on every row it decodes,
    /// which dominated the register's response time. `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $sourceSystemID, $targetSystemID, $kind, $information, $frequency, $externalParty,
            $description, $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(id: UUID, tenantID: UUID, draft: IntegrationDraft, now: Date) {
        self.id = id
        self.tenantID = tenantID
        self.createdAt = now
        apply(draft, now: now)
    }

    func apply(_ draft: IntegrationDraft, now: Date) {
        sourceSystemID = draft.sourceSystemId
        targetSystemID = draft.targetSystemId
        kind = draft.kind
        information = draft.information
        frequency = draft.frequency
        externalParty = draft.externalParty
        description = draft.description
        updatedAt = now
    }

    var draft: IntegrationDraft {
        IntegrationDraft(
            sourceSystemId: sourceSystemID, targetSystemId: targetSystemID, kind: kind,
            information: information, frequency: frequency, externalParty: externalParty,
            description: description)
    }

    static let what = Localized(sv: "Integrationen", en: "The integration")
}
