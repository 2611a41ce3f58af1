import Foundation

/// What changed between two versions of a profile: per section (which roles, forums, routes … were
/// added, removed or changed) and per line of the YAML.
public enum ProfileDiff {
    /// One line of a line diff, with its line numbers in the old and new text.
    public enum Line: Sendable, Hashable {
        case same(String, old: Int, new: Int)
        case removed(String, old: Int)
        case added(String, new: Int)

        public var isChange: Bool { if case .same = self { false } else { true } }
    }

    /// What changed in one top-level section.
    public struct Section: Sendable, Hashable {
        /// The field name, e.g. `roles`.
        public var name: String
        /// Keys of entries added, removed and changed (for lists of entries with a `key`).
        public var added: [String]
        public var removed: [String]
        public var changed: [String]
        /// True when anything in the section differs.
        public var isChanged: Bool
    }

    /// Per top-level section of the format, in the format's order.
    public static func sections(old: ProfileNode, new: ProfileNode) -> [Section] {
        let fields = ProfileFormat.objects[ProfileFormat.rootType]?.fields.map(\.name) ?? []
        return fields.map { name in
            let a = old[name], b = new[name]
            guard json(a) != json(b) else {
                return Section(name: name, added: [], removed: [], changed: [], isChanged: false)
            }
            let before = keyed(a), after = keyed(b)
            guard let before, let after else {
                return Section(name: name, added: [], removed: [], changed: [], isChanged: true)
            }
            let oldKeys = before.map(\.0), newKeys = after.map(\.0)
            let oldByKey = Dictionary(before, uniquingKeysWith: { x, _ in x })
            let newByKey = Dictionary(after, uniquingKeysWith: { x, _ in x })
            return Section(
                name: name, added: newKeys.filter { oldByKey[$0] == nil },
                removed: oldKeys.filter { newByKey[$0] == nil },
                changed: newKeys.filter { key in oldByKey[key].map { $0 != newByKey[key] } ?? false },
                isChanged: true)
        }
    }

    /// The entries of a list whose items have a `key`, as (key, JSON); nil for anything else.
    private static func keyed(_ node: ProfileNode?) -> [(String, Data)]? {
        guard let node else { return [] }
        guard case .list(let items) = node.value else { return nil }
        var result: [(String, Data)] = []
        for item in items {
            guard let key = item["key"]?.string else { return nil }
            result.append((key, json(item)))
        }
        return result
    }

    private static func json(_ node: ProfileNode?) -> Data {
        guard let node else { return Data() }
        return (try? node.jsonData()) ?? Data()
    }

    /// A line diff (longest common subsequence) of two texts.
    public static func lines(_ old: String, _ new: String) -> [Line] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix
            && a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        {
            suffix += 1
        }
        var result: [Line] = (0..<prefix).map { .same(a[$0], old: $0 + 1, new: $0 + 1) }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        result += middle(x, y, offsetA: prefix, offsetB: prefix)
        for i in 0..<suffix {
            let ia = a.count - suffix + i, ib = b.count - suffix + i
            result.append(.same(a[ia], old: ia + 1, new: ib + 1))
        }
        return result
    }

    private static func middle(_ x: [String], _ y: [String], offsetA: Int, offsetB: Int) -> [Line] {
        let n = x.count, m = y.count
        // Too large to compare line by line: everything old removed, everything new added.
        guard n * m <= 4_000_000 else {
            return x.enumerated().map { .removed($0.element, old: offsetA + $0.offset + 1) }
                + y.enumerated().map { .added($0.element, new: offsetB + $0.offset + 1) }
        }
        var table = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [Line] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && x[i] == y[j] {
                result.append(.same(x[i], old: offsetA + i + 1, new: offsetB + j + 1))
                i += 1
                j += 1
            } else if j < m && (i == n || table[i][j + 1] >= table[i + 1][j]) {
                result.append(.added(y[j], new: offsetB + j + 1))
                j += 1
            } else {
                result.append(.removed(x[i], old: offsetA + i + 1))
                i += 1
            }
        }
        return result
    }

    /// The changed lines with `context` unchanged lines around them, in runs (hunks).
    public static func hunks(_ lines: [Line], context: Int = 3) -> [[Line]] {
        let changed = lines.indices.filter { lines[$0].isChange }
        guard !changed.isEmpty else { return [] }
        var ranges: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(lines.count - 1, index + context)
            if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges.map { Array(lines[$0]) }
    }
}
