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
        struct ObjectKey: Hashable {
            var kind: ComplianceObjectKind
            var id: UUID
        }
        /// Every checked object, its förvaltning, and whether any rule found something.
        var objects: [ObjectKey: (administration: UUID?, failed: Bool)] = [:]
        var findingsPerAdministration: [UUID?: Int] = [:]
        for rule in rules {
            let settings = configuration.settings(for: rule.descriptor.id)
            guard settings.isEnabled else { continue }
            var result = RuleResult()
            rule.evaluate(context, settings: settings, into: &result)
            var failed = Set<ObjectKey>()
            for finding in result.findings {
                failed.insert(ObjectKey(kind: finding.object.kind, id: finding.object.id))
                findingsPerAdministration[finding.object.administrationID, default: 0] += 1
            }
            var checked = Set<ObjectKey>()
            for object in result.checked {
                let key = ObjectKey(kind: object.kind, id: object.id)
                guard checked.insert(key).inserted else { continue }
                let didFail = failed.contains(key)
                if let seen = objects[key] {
                    if didFail && !seen.failed { objects[key] = (seen.administration, true) }
                } else {
                    objects[key] = (object.administrationID, didFail)
                }
            }
            summaries.append(
                ComplianceReport.RuleSummary(
                    descriptor: rule.descriptor, settings: settings,
                    score: ComplianceScore(checked: checked.count, compliant: checked.subtracting(failed).count),
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
        findings.sort(by: Self.order)
        return ComplianceReport(
            day: snapshot.day, findings: findings, rules: summaries, administrations: administrations,
            overall: overall)
    }

    /// Most serious first, then the soonest due, then by object and rule: the order of every list.
    static func order(_ a: ComplianceFinding, _ b: ComplianceFinding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.dueOn != b.dueOn { return a.dueOn < b.dueOn }
        if a.object.label != b.object.label { return a.object.label < b.object.label }
        return a.key < b.key
    }
}
