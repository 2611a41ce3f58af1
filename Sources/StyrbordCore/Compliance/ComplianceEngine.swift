import Foundation

/// How many of the objects a rule (or a förvaltning) answers for comply.
public struct ComplianceScore: Sendable, Hashable, Codable {
    public var checked: Int
    public var compliant: Int

    public init(checked: Int, compliant: Int) {
        self.checked = checked
        self.compliant = compliant
    }

    /// 0…1; nil when nothing was checked (no score rather than a perfect one).
    public var share: Double? { checked == 0 ? nil : Double(compliant) / Double(checked) }

    /// Whole per cent, rounded down so that 99.6 % never reads as 100 %.
    public var percent: Int? { checked == 0 ? nil : compliant * 100 / checked }
}

/// The outcome of evaluating one tenant: every finding, and the scores per rule, per förvaltning and overall.
public struct ComplianceReport: Sendable {
    public struct RuleSummary: Sendable {
        public var descriptor: ComplianceRuleDescriptor
        public var settings: ComplianceConfiguration.RuleSettings
        public var score: ComplianceScore
        public var findingCount: Int
    }

    public struct AdministrationSummary: Sendable {
        /// Nil: objects without an owning förvaltning.
        public var id: UUID?
        public var name: String
        public var score: ComplianceScore
        public var findingCount: Int
    }

    public var day: CalendarDay
    /// Most serious first, then soonest due, then by object.
    public var findings: [ComplianceFinding]
    /// In the registry's order; disabled rules are left out.
    public var rules: [RuleSummary]
    /// Sorted by name; the unowned group last.
    public var administrations: [AdministrationSummary]
    /// The share of all checked objects with no finding at all.
    public var overall: ComplianceScore

    public func count(_ severity: ComplianceSeverity) -> Int { findings.filter { $0.severity == severity }.count }

    /// Whether any finding is at least as serious as `severity`.
    public func hasFindings(atLeast severity: ComplianceSeverity) -> Bool {
        findings.contains { $0.severity >= severity }
    }
}

/// Runs the rules over a snapshot. Pure and fast: a municipality of ~300 systems takes about a millisecond.
public struct ComplianceEngine: Sendable {
    public var configuration: ComplianceConfiguration
    public var rules: [any ComplianceRule]

    public init(configuration: ComplianceConfiguration = .standard, rules: [any ComplianceRule] = ComplianceRules.all) {
        self.configuration = configuration
        self.rules = rules
    }

    public func evaluate(_ snapshot: ComplianceSnapshot) -> ComplianceReport {
        let context = ComplianceContext(snapshot: snapshot, configuration: configuration)
        var findings: [ComplianceFinding] = []
        var summaries: [ComplianceReport.RuleSummary] = []
        /// Every checked object (ids are unique across kinds), its förvaltning, and whether any rule found
        /// something about it.
        var objects: [UUID: (administration: UUID?, failed: Bool)] = [:]
        objects.reserveCapacity(snapshot.systems.count + snapshot.contracts.count)
        var findingsPerAdministration: [UUID?: Int] = [:]
        for rule in rules {
            let settings = configuration.settings(for: rule.descriptor.id)
            guard settings.isEnabled else { continue }
            var result = RuleResult()
            rule.evaluate(context, settings: settings, into: &result)
            var failed = Set<UUID>()
            for finding in result.findings {
                failed.insert(finding.object.id)
                findingsPerAdministration[finding.object.administrationID, default: 0] += 1
            }
            // A rule reports each object once; tolerate one that doesn't.
            var checked = Set<UUID>()
            checked.reserveCapacity(result.checked.count)
            var compliant = 0
            for object in result.checked where checked.insert(object.id).inserted {
                let didFail = failed.contains(object.id)
                if !didFail { compliant += 1 }
                if let seen = objects[object.id] {
                    if didFail && !seen.failed { objects[object.id] = (seen.administration, true) }
                } else {
                    objects[object.id] = (object.administrationID, didFail)
                }
            }
            summaries.append(
                ComplianceReport.RuleSummary(
                    descriptor: rule.descriptor, settings: settings,
                    score: ComplianceScore(checked: checked.count, compliant: compliant),
                    findingCount: result.findings.count))
            findings.append(contentsOf: result.findings)
        }

        var perAdministration: [UUID?: ComplianceScore] = [:]
        var overall = ComplianceScore(checked: 0, compliant: 0)
        for (_, value) in objects {
            var score = perAdministration[value.administration] ?? ComplianceScore(checked: 0, compliant: 0)
            score.checked += 1
            overall.checked += 1
            if !value.failed {
                score.compliant += 1
                overall.compliant += 1
            }
            perAdministration[value.administration] = score
        }
        var administrations = perAdministration.map { id, score in
            ComplianceReport.AdministrationSummary(
                id: id, name: id.flatMap { context.units[$0]?.name } ?? "",
                score: score, findingCount: findingsPerAdministration[id] ?? 0)
        }
        let keys = Dictionary(uniqueKeysWithValues: administrations.map { ($0.id, SortKey.swedish($0.name)) })
        administrations.sort { a, b in
            if (a.id == nil) != (b.id == nil) { return b.id == nil }
            return (keys[a.id] ?? "", a.id?.uuidString ?? "") < (keys[b.id] ?? "", b.id?.uuidString ?? "")
        }
        return ComplianceReport(
            day: snapshot.day, findings: Self.ordered(findings), rules: summaries, administrations: administrations,
            overall: overall)
    }

    /// Most serious first, then the soonest due, then by object, rule and gap: the order of every list.
    /// The findings' positions are sorted by small keys: sorting the findings themselves copies them over
    /// and over.
    static func ordered(_ findings: [ComplianceFinding]) -> [ComplianceFinding] {
        struct Key {
            var severity: Int
            var due: Int
            var index: Int
        }
        let keys = findings.indices.map {
            Key(severity: -findings[$0].severity.rank, due: findings[$0].dueOn.ordinal, index: $0)
        }
        let sorted = keys.sorted { a, b in
            if a.severity != b.severity { return a.severity < b.severity }
            if a.due != b.due { return a.due < b.due }
            let (i, j) = (a.index, b.index)
            if findings[i].object.label != findings[j].object.label {
                return findings[i].object.label < findings[j].object.label
            }
            if findings[i].ruleID != findings[j].ruleID { return findings[i].ruleID < findings[j].ruleID }
            if findings[i].object.id != findings[j].object.id {
                return findings[i].object.id.uuidString < findings[j].object.id.uuidString
            }
            return findings[i].detail < findings[j].detail
        }
        return sorted.map { findings[$0.index] }
    }
}
