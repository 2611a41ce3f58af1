import Fluent
import Foundation
import StyrbordCore

/// A tenant's efterlevnad on one day: the overall score, the findings by severity, and the scores per
/// rule and per förvaltning. Written the first time a day's report is computed (by a page, the API or
/// `styrbord check`), never changed afterwards; the overview draws its trend from these rows.
final class ComplianceDailyScore: Model, @unchecked Sendable {
    static let schema = "compliance_daily_scores"

    /// One rule's score that day, kept as JSON so that trends per rule can be drawn later.
    struct RuleEntry: Codable, Sendable, Equatable {
        var rule: String
        var checked: Int
        var compliant: Int
        var findings: Int
    }

    /// One förvaltning's score that day; `id` nil for objects without an owner.
    struct AdministrationEntry: Codable, Sendable, Equatable {
        var id: UUID?
        var name: String
        var checked: Int
        var compliant: Int
        var findings: Int
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// `yyyy-MM-dd`, a Swedish calendar day.
    @Field(key: "day") var day: String
    @Field(key: "checked") var checked: Int
    @Field(key: "compliant") var compliant: Int
    @Field(key: "errors") var errors: Int
    @Field(key: "warnings") var warnings: Int
    @Field(key: "infos") var infos: Int
    /// JSON: `[RuleEntry]`.
    @Field(key: "rules") var rules: String
    /// JSON: `[AdministrationEntry]`.
    @Field(key: "administrations") var administrations: String
    @Field(key: "created_at") var createdAt: Date

    /// Listed by hand, like every model (see `ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $day, $checked, $compliant, $errors, $warnings, $infos, $rules, $administrations,
            $createdAt,
        ]
    }

    init() {}

    init(id: UUID, tenantID: UUID, report: ComplianceReport, now: Date) {
        self.id = id
        self.tenantID = tenantID
        day = report.day.iso
        checked = report.overall.checked
        compliant = report.overall.compliant
        errors = report.count(.error)
        warnings = report.count(.warning)
        infos = report.count(.info)
        rules = JSONText.encode(
            report.rules.map {
                RuleEntry(
                    rule: $0.descriptor.id.rawValue, checked: $0.score.checked, compliant: $0.score.compliant,
                    findings: $0.findingCount)
            })
        administrations = JSONText.encode(
            report.administrations.map {
                AdministrationEntry(
                    id: $0.id, name: $0.name, checked: $0.score.checked, compliant: $0.score.compliant,
                    findings: $0.findingCount)
            })
        createdAt = now
    }

    var score: ComplianceScore { ComplianceScore(checked: checked, compliant: compliant) }
    var calendarDay: CalendarDay? { CalendarDay(iso: day) }
    var ruleEntries: [RuleEntry] { JSONText.decode(rules, as: [RuleEntry].self) ?? [] }
    var administrationEntries: [AdministrationEntry] {
        JSONText.decode(administrations, as: [AdministrationEntry].self) ?? []
    }
}
