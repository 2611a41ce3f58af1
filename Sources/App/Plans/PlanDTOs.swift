import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Which plans a list shows: by kind, by a year the plan covers, by system.
struct PlanFilter: Sendable {
    var kind: String?
    var year: Int?
    var systemId: UUID?

    init(_ items: [(String, String)], strict: Bool) throws {
        var issues = strict ? ListQuery.emptyParameters(items, among: ["kind", "year", "systemId"]) : []
        let dict = Dictionary(items, uniquingKeysWith: { a, _ in a })
        if let raw = dict["kind"], !raw.isEmpty {
            kind = raw
            if raw.unicodeScalars.count > 100 || raw.unicodeScalars.contains("\0") {
                issues.append(
                    ValidationIssue(field: "kind", message: Localized(sv: "Okänt slag.", en: "Unknown kind.")))
            }
        }
        if let raw = dict["year"], !raw.isEmpty {
            year = Int(raw).flatMap { (PlanDraft.minYear...PlanDraft.maxYear).contains($0) ? $0 : nil }
            if year == nil {
                issues.append(
                    ValidationIssue(
                        field: "year",
                        message: Localized(
                            sv: "Ange ett år \(PlanDraft.minYear)–\(PlanDraft.maxYear).",
                            en: "Give a year \(PlanDraft.minYear)–\(PlanDraft.maxYear).")))
            }
        }
        if let raw = dict["systemId"], !raw.isEmpty {
            systemId = UUID.parsing(raw)
            if systemId == nil {
                issues.append(
                    ValidationIssue(field: "systemId", message: Localized(sv: "Ange ett UUID.", en: "Give a UUID.")))
            }
        }
        if strict && !issues.isEmpty { throw InvalidQuery(issues: issues) }
    }
}

/// Reads shared by the pages and the API.
enum PlanQueries {
    /// The tenant's plans, newest first within each kind.
    static func list(tenant: Tenant, filter: PlanFilter, on db: any Database) async throws -> [Plan] {
        var q = try Plan.scoped(to: tenant, on: db)
        if let kind = filter.kind { q = q.filter(\.$kindKey == kind) }
        if let year = filter.year { q = q.filter(\.$startYear <= year).filter(\.$endYear >= year) }
        if let system = filter.systemId { q = q.filter(\.$systemID == system) }
        return try await q.sort(\.$startYear, .descending).sort(\.$title).sort(\.$id).all()
    }

    static func systemNames(_ ids: [UUID], tenant: Tenant, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let systems = try await ITSystem.scoped(to: tenant, on: db).filter(\.$id ~~ Array(Set(ids))).field(\.$id)
            .field(\.$name).all()
        return Dictionary(uniqueKeysWithValues: systems.map { ($0.id!, $0.name) })
    }

    /// The activities of the year's systemförvaltningsplaner (any per-system plan covering `year`).
    static func activityOptions(
        tenant: Tenant, year: Int, on db: any Database
    ) async throws -> [(id: UUID, label: String)] {
        let plans = try await Plan.scoped(to: tenant, on: db).filter(\.$systemID != nil).filter(\.$startYear <= year)
            .filter(\.$endYear >= year).all()
        guard !plans.isEmpty else { return [] }
        let titles = Dictionary(uniqueKeysWithValues: plans.map { ($0.id!, $0.title) })
        let activities = try await PlanActivity.scoped(to: tenant, on: db).filter(\.$planID ~~ Array(titles.keys))
            .sort(\.$position).all()
        return activities.map { ($0.id!, "\($0.title) (\(titles[$0.planID] ?? ""))") }
            .sorted { $0.label < $1.label }
    }
}

/// A plan in a list.
struct PlanSummary: Content {
    var id: UUID
    var kind: String
    var systemId: UUID?
    var title: String
    var startYear: Int
    var endYear: Int
    var status: PlanStatus
    var adoptedOn: CalendarDay?
    /// Adoption + the profile's `revise_every` for the kind; nil while a draft or without an interval.
    var nextRevisionOn: CalendarDay?

    init(_ p: Plan, kind: GovernanceProfile.PlanKind) {
        id = p.id!
        self.kind = p.kindKey
        systemId = p.systemID
        title = p.title
        startYear = p.startYear
        endYear = p.endYear
        status = p.status
        adoptedOn = p.adoptedDay
        nextRevisionOn = p.adoptedDay.flatMap { planRevisionDeadline(adoptedOn: $0, kind: kind) }
    }
}

struct ActivityResponse: Content {
    var id: UUID
    var title: String
    var description: String
    var budget: Int?
}

/// An initiative with its benefit follow-up against the proposal's calculation (T6/F4).
struct InitiativeResponse: Content {
    struct BenefitRow: Content {
        var benefitIndex: Int
        var description: String
        var owner: String
        var planned: Int
        var expected: Int
        var realised: Int?
        var difference: Int?
        var comment: String
    }

    var id: UUID
    var planId: UUID
    var source: InitiativeSource
    var proposalId: UUID?
    var activityId: UUID?
    var title: String
    var description: String
    var status: InitiativeStatus
    var budget: Int?
    var outcome: String
    /// Empty unless the initiative comes from a proposal with benefits.
    var benefits: [BenefitRow]

    init(_ i: PlanInitiative, calculation: BenefitCalculation?) {
        id = i.id!
        planId = i.planID
        source = i.source
        proposalId = i.proposalID
        activityId = i.activityID
        title = i.title
        description = i.description
        status = i.status
        budget = i.budget
        outcome = i.outcome
        benefits =
            calculation.map { c in
                (i.followUp ?? BenefitFollowUp()).comparison(with: c).rows.map {
                    BenefitRow(
                        benefitIndex: $0.benefitIndex, description: $0.description, owner: $0.owner,
                        planned: $0.planned,
                        expected: $0.expected, realised: $0.realised, difference: $0.difference, comment: $0.comment)
                }
            } ?? []
    }
}

/// A plan with its goals, adoption, activities and initiatives.
struct PlanResponse: Content {
    var id: UUID
    var kind: String
    var systemId: UUID?
    var title: String
    var startYear: Int
    var endYear: Int
    var goals: String
    var budget: Int?
    var status: PlanStatus
    var adoptedOn: CalendarDay?
    var adoptedBy: String
    var nextRevisionOn: CalendarDay?
    var activities: [ActivityResponse]
    var initiatives: [InitiativeResponse]
}
