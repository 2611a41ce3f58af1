import Foundation
import StyrbordCore
import Vapor

/// Which findings to list: by rule, severity, förvaltning and the person who should act.
struct FindingQuery: Sendable {
    /// `administration=none`: findings about objects without an owning förvaltning.
    enum Administration: Sendable, Equatable {
        case unit(UUID)
        case none
    }

    /// `person=me`: the signed-in account's own person.
    enum PersonFilter: Sendable, Equatable {
        case person(UUID)
        case me
    }

    var rule: ComplianceRuleID?
    var severity: ComplianceSeverity?
    var administration: Administration?
    var person: PersonFilter?
    var page: Int
    var perPage: Int

    /// Reads the query string; with `strict` (the API) a value it can't read is an error naming the
    /// parameter, and the page ignores it instead.
    init(_ items: [(String, String)], strict: Bool, perPage defaultPerPage: Int = 100) throws {
        var issues = Validator()
        let d = Dictionary(items, uniquingKeysWith: { a, _ in a })
        // The API's convention: a parameter given empty is refused (pages treat it as "any").
        if strict {
            issues.merge(ListQuery.emptyParameters(items, among: ["rule", "severity", "administration", "person"]))
        }
        if let raw = d["rule"], !raw.isEmpty {
            let id = ComplianceRuleID(rawValue: raw)
            if ComplianceRules.descriptor(id) != nil {
                rule = id
            } else {
                issues.add("rule", sv: "Okänd regel \"\(raw)\".", en: "Unknown rule \"\(raw)\".")
            }
        }
        if let raw = d["severity"], !raw.isEmpty {
            severity = ComplianceSeverity(rawValue: raw)
            if severity == nil {
                issues.add("severity", sv: "Ange info, warning eller error.", en: "Give info, warning or error.")
            }
        }
        if let raw = d["administration"], !raw.isEmpty {
            if raw == "none" {
                administration = Administration.none
            } else if let id = UUID(uuidString: raw) {
                administration = .unit(id)
            } else {
                issues.add(
                    "administration", sv: "Ange ett id (UUID) eller none.", en: "Give an id (UUID) or none.")
            }
        }
        if let raw = d["person"], !raw.isEmpty {
            if raw == "me" {
                person = .me
            } else if let id = UUID(uuidString: raw) {
                person = .person(id)
            } else {
                issues.add("person", sv: "Ange ett id (UUID) eller me.", en: "Give an id (UUID) or me.")
            }
        }
        let list = strict ? try ListQuery.strict(items) : ListQuery(items, perPage: defaultPerPage)
        page = list.page
        perPage = list.perPage
        if strict && !issues.isValid { throw InvalidQuery(issues: issues.issues) }
    }

    /// The findings that pass the filters; `me` is the signed-in account's person (nil: nobody's).
    func apply(_ findings: [ComplianceFinding], me: UUID?) -> [ComplianceFinding] {
        findings.filter { f in
            if let rule, f.ruleID != rule { return false }
            if let severity, f.severity != severity { return false }
            switch administration {
            case .unit(let id): if f.object.administrationID != id { return false }
            case .none?: if f.object.administrationID != nil { return false }
            case nil: break
            }
            switch person {
            case .person(let id): if f.responsible?.personID != id { return false }
            case .me: if me == nil || f.responsible?.personID != me { return false }
            case nil: break
            }
            return true
        }
    }

    /// The filters as query items, for links and forms that keep them.
    var parameters: [(String, String)] {
        var p: [(String, String)] = []
        if let rule { p.append(("rule", rule.rawValue)) }
        if let severity { p.append(("severity", severity.rawValue)) }
        switch administration {
        case .unit(let id): p.append(("administration", id.uuidString))
        case .none?: p.append(("administration", "none"))
        case nil: break
        }
        switch person {
        case .person(let id): p.append(("person", id.uuidString))
        case .me: p.append(("person", "me"))
        case nil: break
        }
        return p
    }
}

/// A text in both languages, as the API gives messages and rule names.
struct LocalizedText: Content, Equatable {
    var sv: String
    var en: String

    init(_ text: Localized) {
        sv = text.sv
        en = text.en
    }
}

/// A score as the API gives it: `share` is null when nothing was checked.
struct ComplianceScoreResponse: Content {
    var checked: Int
    var compliant: Int
    var share: Double?

    init(_ score: ComplianceScore) {
        checked = score.checked
        compliant = score.compliant
        share = score.share
    }
}

/// One finding in the API.
struct FindingResponse: Content {
    struct Object: Content {
        var type: ComplianceObjectKind
        var id: UUID
        var label: String
        var systemId: UUID?
        var administrationId: UUID?
    }

    struct Responsible: Content {
        var personId: UUID
        var name: String
        var roleKey: String
        /// `system`: holds a role for the object's system; `administration`: for its förvaltning; `tenant`: for all.
        var basis: ComplianceResponsible.Basis
    }

    /// Stable while the gap lasts: rule, object and which gap.
    var key: String
    var rule: String
    var requirement: String
    var severity: ComplianceSeverity
    var object: Object
    var responsible: Responsible?
    var dueOn: CalendarDay
    var overdue: Bool
    var message: LocalizedText

    init(_ f: ComplianceFinding, today: CalendarDay) {
        key = f.key
        rule = f.ruleID.rawValue
        requirement = f.requirement
        severity = f.severity
        object = Object(
            type: f.object.kind, id: f.object.id, label: f.object.label, systemId: f.object.systemID,
            administrationId: f.object.administrationID)
        responsible = f.responsible.map {
            Responsible(personId: $0.personID, name: $0.name, roleKey: $0.roleKey, basis: $0.basis)
        }
        dueOn = f.dueOn
        overdue = f.isOverdue(on: today)
        message = LocalizedText(f.message)
    }
}

struct FindingList: Content {
    var date: CalendarDay
    var items: [FindingResponse]
    var page: Int
    var perPage: Int
    var total: Int
}

/// Today's scores: overall, per rule and per förvaltning.
struct ComplianceScoresResponse: Content {
    struct Counts: Content {
        var error: Int
        var warning: Int
        var info: Int
    }

    struct Rule: Content {
        var id: String
        var title: LocalizedText
        var requirement: String
        var severity: ComplianceSeverity
        var objectType: ComplianceObjectKind
        var score: ComplianceScoreResponse
        var findings: Int
    }

    struct Administration: Content {
        /// Null for objects without an owning förvaltning.
        var id: UUID?
        var name: String
        var score: ComplianceScoreResponse
        var findings: Int
    }

    var date: CalendarDay
    var overall: ComplianceScoreResponse
    var findings: Counts
    var rules: [Rule]
    var administrations: [Administration]

    init(_ r: ComplianceReport) {
        date = r.day
        overall = ComplianceScoreResponse(r.overall)
        findings = Counts(error: r.count(.error), warning: r.count(.warning), info: r.count(.info))
        rules = r.rules.map {
            Rule(
                id: $0.descriptor.id.rawValue, title: LocalizedText($0.descriptor.title),
                requirement: $0.settings.requirement, severity: $0.settings.severity,
                objectType: $0.descriptor.objectKind, score: ComplianceScoreResponse($0.score),
                findings: $0.findingCount)
        }
        administrations = r.administrations.map {
            Administration(
                id: $0.id, name: $0.name, score: ComplianceScoreResponse($0.score), findings: $0.findingCount)
        }
    }
}

/// The daily scores, oldest first.
struct ComplianceHistoryResponse: Content {
    struct Day: Content {
        var date: CalendarDay
        var score: ComplianceScoreResponse
        var findings: ComplianceScoresResponse.Counts
    }

    var items: [Day]

    init(_ rows: [ComplianceDailyScore]) {
        items = rows.compactMap { row in
            row.calendarDay.map {
                Day(
                    date: $0, score: ComplianceScoreResponse(row.score),
                    findings: .init(error: row.errors, warning: row.warnings, info: row.infos))
            }
        }
    }
}
