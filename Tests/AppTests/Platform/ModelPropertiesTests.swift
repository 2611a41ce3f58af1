import FluentKit
import Foundation
import Testing

@testable import App

@Suite("Model property lists")
struct ModelPropertiesTests {
    /// Each model lists its properties by hand for speed. A property left out of the list would silently
    /// never be saved or loaded, so compare every list with what reflection finds.
    @Test("Every model's hand-written property list names exactly its Fluent properties, in order")
    func complete() {
        let models: [any Fields] = [
            Tenant(), ProfileVersion(), OrgUnit(), Person(), Supplier(), ManagementObject(), RoleType(), ITSystem(),
            SystemUserOrgUnit(), RoleAssignment(), Integration(), Contract(), AuditEntry(), ComplianceDailyScore(),
            Proposal(), ProposalStepRecord(), ProposalDecision(), Meeting(), MeetingItem(), MeetingAttendance(),
            CalendarFeedToken(), Plan(), PlanActivity(), PlanInitiative(), Notice(),
            Proposal(), ProposalStepRecord(), ProposalDecision(), GoverningDocument(), DocumentVersion(),
            DocumentFile(), DocumentAudienceUnit(), DocumentAudienceRole(), DocumentReadRequest(),
            CatalogueService(), ServiceLevel(), ServiceAgreement(), SystemOutage(),
        ]
        for model in models {
            let reflected = Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }
            let listed = model.properties
            let keys: ([any AnyProperty]) -> [String] = { props in
                props.compactMap { $0 as? any AnyDatabaseProperty }.flatMap { $0.keys.map(\.description) }
            }
            #expect(keys(listed) == keys(reflected), "\(type(of: model))")
            #expect(listed.count == reflected.count, "\(type(of: model))")
        }
    }
}
