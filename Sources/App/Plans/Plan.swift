import Fluent
import Foundation
import StyrbordCore

/// A plan of one of the governance profile's plan kinds (D2, D3): an eFörvaltningsprogram over some years,
/// an IT-verksamhetsplan for a year, a systemförvaltningsplan for a system and year. Adopted (fastställd)
/// on a day by someone; its next revision is due `revise_every` after that (PlanRevisionRule).
final class Plan: Model, @unchecked Sendable {
    static let objectType = "plan"
    static let schema = "plans"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "kind_key") var kindKey: String
    @OptionalField(key: "system_id") var systemID: UUID?
    @Field(key: "title") var title: String
    @Field(key: "start_year") var startYear: Int
    @Field(key: "end_year") var endYear: Int
    @Field(key: "goals") var goals: String
    @OptionalField(key: "budget") var budget: Int?
    @Field(key: "status") var status: PlanStatus
    @OptionalField(key: "adopted_on") var adoptedOn: String?
    @Field(key: "adopted_by") var adoptedBy: String
    @OptionalField(key: "adopted_by_account_id") var adoptedByAccountID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $kindKey, $systemID, $title, $startYear, $endYear, $goals, $budget, $status, $adoptedOn,
            $adoptedBy, $adoptedByAccountID, $createdAt, $updatedAt,
        ]
    }

    init() {}

    var adoptedDay: CalendarDay? { adoptedOn.flatMap(CalendarDay.init(iso:)) }

    /// "2026" or "2025–2027".
    var years: String { startYear == endYear ? "\(startYear)" : "\(startYear)–\(endYear)" }

    var draft: PlanDraft {
        PlanDraft(
            kind: kindKey, systemId: systemID, title: title, startYear: startYear, endYear: endYear, goals: goals,
            budget: budget)
    }

    static let what = Localized(sv: "Planen", en: "The plan")
}

extension Plan: TenantScoped {}

/// An activity of a systemförvaltningsplan (D2: goals, activities, budget).
final class PlanActivity: Model, @unchecked Sendable {
    static let objectType = "plan-activity"
    static let schema = "plan_activities"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "plan_id") var planID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @OptionalField(key: "budget") var budget: Int?
    @Field(key: "created_at") var createdAt: Date

    var properties: [any AnyProperty] {
        [$id, $tenantID, $planID, $position, $title, $description, $budget, $createdAt]
    }

    init() {}

    var draft: ActivityDraft { ActivityDraft(title: title, description: description, budget: budget) }

    static let what = Localized(sv: "Aktiviteten", en: "The activity")
}

extension PlanActivity: TenantScoped {}

/// An initiative (insats) of a plan: from a decided proposal, an activity of a systemförvaltningsplan or
/// written freely (D3), with its status, budget, outcome and the follow-up of its benefits (T6/F4).
final class PlanInitiative: Model, @unchecked Sendable {
    static let objectType = "plan-initiative"
    static let schema = "plan_initiatives"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "plan_id") var planID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "source") var source: InitiativeSource
    @OptionalField(key: "proposal_id") var proposalID: UUID?
    @OptionalField(key: "activity_id") var activityID: UUID?
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "status") var status: InitiativeStatus
    @OptionalField(key: "budget") var budget: Int?
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "follow_up") var followUpJSON: String?
    @Field(key: "followed_up_by_name") var followedUpByName: String
    @OptionalField(key: "followed_up_at") var followedUpAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $planID, $position, $source, $proposalID, $activityID, $title, $description, $status,
            $budget, $outcome, $followUpJSON, $followedUpByName, $followedUpAt, $createdAt, $updatedAt,
        ]
    }

    init() {}

    var followUp: BenefitFollowUp? { followUpJSON.flatMap { JSONText.decode($0, as: BenefitFollowUp.self) } }

    var update: InitiativeUpdate {
        InitiativeUpdate(title: title, description: description, status: status, budget: budget, outcome: outcome)
    }

    static let what = Localized(sv: "Insatsen", en: "The initiative")
}

extension PlanInitiative: TenantScoped {}
