import Foundation

/// D4/E2/F3: each forum meets as often as the profile says (IT-styrgrupp 10–12 times a year, the
/// systemägargrupp 4). A forum is reported when it has held fewer meetings than its least cadence asks
/// for the time that has passed, counted over the last twelve months but never from before the day the
/// profile in force took effect (`meetingsCountFrom`): a municipality that starts using Styrbord has no
/// recorded meetings and is not behind on its first day. Only meetings recorded in Styrbord count.
struct ForumCadenceRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.forumCadence,
            title: Localized(sv: "Forum som möts för sällan", en: "Forums meeting too rarely"),
            summary: Localized(
                sv:
                    "Varje forum håller minst så många möten som styrningsprofilen kräver, räknat över de senaste tolv månaderna (D4, E2, F3).",
                en:
                    "Every forum holds at least as many meetings as the governance profile asks, counted over the last twelve months (D4, E2, F3)."
            ),
            objectKind: .forum)
    }

    /// Where a forum stands on `day`: the meetings it should have held by now and the day it fell behind.
    struct Standing: Equatable {
        /// The first day counted.
        var from: CalendarDay
        var held: Int
        /// `minPerYear` pro-rated over the days counted, rounded down: a forum is behind only once a
        /// whole interval (365 / minPerYear days) has passed without the meeting it owed.
        var expected: Int
        /// The day the forum owed the meeting it has not held; nil while it is on course.
        var behindSince: CalendarDay?
    }

    static func standing(
        minPerYear: Int, meetingDays: [CalendarDay], countFrom: CalendarDay?, on day: CalendarDay
    ) -> Standing {
        let yearAgo = day.adding(years: -1)
        let from = max(yearAgo, countFrom ?? yearAgo)
        let held = meetingDays.filter { $0 >= from && $0 <= day }.count
        let elapsed = max(0, from.days(until: day))
        let expected = minPerYear * elapsed / 365
        guard held < expected, minPerYear > 0 else {
            return Standing(from: from, held: held, expected: expected, behindSince: nil)
        }
        // The day the expected count first passed the number held.
        let owed = ((held + 1) * 365 + minPerYear - 1) / minPerYear
        return Standing(from: from, held: held, expected: expected, behindSince: from.advanced(byDays: owed))
    }

    /// A stable id for a forum (of a förvaltning) in findings: forums are profile keys, not records.
    static func objectID(forum: String, orgUnit: UUID?) -> UUID {
        let text = "forum:" + forum + ":" + (orgUnit?.uuidString ?? "")
        // Two FNV-1a hashes with different offsets fill the 16 bytes; stable across runs and machines.
        func fnv(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return hash
        }
        let a = fnv(0xcbf2_9ce4_8422_2325), b = fnv(0x8422_2325_cbf2_9ce4)
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: a >> (8 * UInt64(i)))
            bytes[8 + i] = UInt8(truncatingIfNeeded: b >> (8 * UInt64(i)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5-like: name-based
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        let configuration = context.configuration
        guard !configuration.forumCadences.isEmpty else { return }
        var meetings: [String: [UUID?: [CalendarDay]]] = [:]
        for m in context.snapshot.meetings {
            meetings[m.forumKey, default: [:]][m.orgUnitID, default: []].append(m.day)
        }
        let administrations = context.snapshot.orgUnits.filter { $0.kind == .administration }
            .sorted { $0.name < $1.name }
        for forum in configuration.forumCadences {
            let instances: [ComplianceSnapshot.OrgUnit?] = forum.isPerOrgUnit ? administrations : [nil]
            for unit in instances {
                let label = unit.map { "\(forum.name.sv) (\($0.name))" } ?? forum.name.sv
                let days = meetings[forum.key]?[unit?.id] ?? []
                let standing = Self.standing(
                    minPerYear: forum.minPerYear, meetingDays: days, countFrom: configuration.meetingsCountFrom,
                    on: context.day)
                let object = ComplianceObject(
                    kind: .forum, id: Self.objectID(forum: forum.key, orgUnit: unit?.id), label: label, systemID: nil,
                    administrationID: unit?.id)
                let requirement = forum.source?.trimmedOrNil ?? settings.requirement
                // E2: more meetings in twelve months than the profile allows is reported too, as soon as it
                // happens (the forum takes more of its members' time than was agreed).
                let tooOften = forum.maxPerYear.map { standing.held > $0 } ?? false
                if tooOften, let max = forum.maxPerYear {
                    result.check(object)
                    result.report(
                        ComplianceFinding(
                            ruleID: descriptor.id, requirement: requirement, severity: .info, object: object,
                            detail: "cadence-max", responsible: responsible(for: forum, unit: unit?.id, context),
                            // The meeting that went over the limit.
                            dueOn: days.filter { $0 >= standing.from && $0 <= context.day }.sorted()[max],
                            message: Localized(
                                sv:
                                    "\(label) ska mötas högst \(max) gånger om året men har hållit \(standing.held) möten sedan \(standing.from).",
                                en:
                                    "\(forum.name.en) should meet at most \(max) times a year but has held \(standing.held) meetings since \(standing.from)."
                            )))
                }
                // Not judged until a whole interval has been counted: until then it can't be behind, and
                // counting it as compliant would only pad the score of a municipality that just started.
                guard forum.minPerYear > 0, standing.from.days(until: context.day) * forum.minPerYear >= 365 else {
                    continue
                }
                if !tooOften { result.check(object) }
                guard let since = standing.behindSince else { continue }
                result.report(
                    ComplianceFinding(
                        ruleID: descriptor.id, requirement: requirement, severity: settings.severity,
                        object: object, detail: "cadence",
                        responsible: responsible(for: forum, unit: unit?.id, context),
                        dueOn: since,
                        message: Localized(
                            sv:
                                "\(label) ska mötas minst \(forum.minPerYear) gånger om året men har hållit \(standing.held) möten sedan \(standing.from) (minst \(standing.expected) borde ha hållits). Kalla till nästa möte.",
                            en:
                                "\(forum.name.en) must meet at least \(forum.minPerYear) times a year but has held \(standing.held) meetings since \(standing.from) (at least \(standing.expected) were due). Call the next meeting."
                        )))
            }
        }
    }

    /// The convener (else the chair) holding the role for the förvaltning or the whole municipality.
    private func responsible(
        for forum: ComplianceConfiguration.ForumCadence, unit: UUID?, _ context: ComplianceContext
    ) -> ComplianceResponsible? {
        for key in forum.leaderRoleKeys {
            var candidates: [ComplianceSnapshot.RoleAssignment] = []
            if let unit {
                candidates = context.snapshot.roleAssignments.filter {
                    $0.scope == .orgUnit && $0.scopeID.map { context.administrationOf[$0] == unit } ?? false
                }
            } else {
                candidates = context.snapshot.roleAssignments.filter { $0.scope == .orgUnit }
            }
            // The förvaltning's own holder first for its forum; the municipality's first for a central one.
            candidates = unit == nil ? context.tenantAssignments + candidates : candidates + context.tenantAssignments
            let current = candidates.filter { $0.roleKey == key && context.isCurrent($0) }
            guard let holder = current.first(where: { $0.holding == .primary }) ?? current.first,
                let person = context.people[holder.personID]
            else { continue }
            return ComplianceResponsible(
                personID: holder.personID, name: person.name, roleKey: key,
                roleName: context.snapshot.roleName(key), basis: unit == nil ? .tenant : .administration)
        }
        return nil
    }
}
