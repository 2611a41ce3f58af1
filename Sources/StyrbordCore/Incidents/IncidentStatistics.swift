import Foundation

/// A calendar month, "2026-03".
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public init(_ day: CalendarDay) { self.init(year: day.year, month: day.month) }

    /// The month `n` months after this one (before, when negative).
    public func adding(months n: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + n
        return YearMonth(year: index / 12, month: index % 12 + 1)
    }

    public var description: String { String(format: "%04d-%02d", year, month) }

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month) < (b.year, b.month) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "yyyy-MM"))
        }
        self.init(year: parts[0], month: parts[1])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Incidents counted per month over the last twelve months, per kind and per system (T9: incidents are
/// followed up; the statistics show where they keep happening). An incident counts in the month it
/// happened, once for its kind and once for each system it touched.
public struct IncidentStatistics: Sendable, Hashable {
    /// One incident as the statistics need it.
    public struct Entry: Sendable, Hashable {
        public var occurredOn: CalendarDay
        public var kind: IncidentKind
        public var systemIDs: [UUID]

        public init(occurredOn: CalendarDay, kind: IncidentKind, systemIDs: [UUID]) {
            self.occurredOn = occurredOn
            self.kind = kind
            self.systemIDs = systemIDs
        }
    }

    /// The months counted, oldest first, ending with the current one.
    public var months: [YearMonth]
    /// Per kind, in the kinds' order, a count per month.
    public var byKind: [(kind: IncidentKind, counts: [Int])]
    /// Per system that had any incident in the period, a count per month; most incidents first.
    public var bySystem: [(systemID: UUID, counts: [Int])]
    /// All incidents per month.
    public var totals: [Int]

    public static func == (a: Self, b: Self) -> Bool {
        a.months == b.months && a.totals == b.totals && a.byKind.map(\.kind) == b.byKind.map(\.kind)
            && a.byKind.map(\.counts) == b.byKind.map(\.counts)
            && a.bySystem.map(\.systemID) == b.bySystem.map(\.systemID)
            && a.bySystem.map(\.counts) == b.bySystem.map(\.counts)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(months)
        hasher.combine(totals)
    }

    public init(entries: [Entry], today: CalendarDay, monthCount: Int = 12) {
        let last = YearMonth(today)
        let months = (0..<monthCount).map { last.adding(months: $0 - monthCount + 1) }
        let index = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0) })
        var kinds = Dictionary(
            uniqueKeysWithValues: IncidentKind.allCases.map { ($0, [Int](repeating: 0, count: monthCount)) })
        var systems: [UUID: [Int]] = [:]
        var totals = [Int](repeating: 0, count: monthCount)
        for entry in entries {
            guard let i = index[YearMonth(entry.occurredOn)] else { continue }
            totals[i] += 1
            kinds[entry.kind]![i] += 1
            for system in Set(entry.systemIDs) {
                systems[system, default: [Int](repeating: 0, count: monthCount)][i] += 1
            }
        }
        self.months = months
        self.totals = totals
        byKind = IncidentKind.allCases.map { ($0, kinds[$0]!) }
        bySystem = systems.map { ($0.key, $0.value) }.sorted {
            let (a, b) = ($0.1.reduce(0, +), $1.1.reduce(0, +))
            return a != b ? a > b : $0.0.uuidString < $1.0.uuidString
        }
    }
}
