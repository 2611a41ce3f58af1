import Foundation
import Yams

/// A place in the YAML text: line and column, both from 1 (columns count Unicode scalars, as libyaml does).
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: Mark?) { self.init(line: mark?.line ?? 1, column: mark?.column ?? 1) }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
    public var description: String { "\(line):\(column)" }
}

/// One thing wrong with a profile, where it is, in plain words.
public struct ProfileProblem: Sendable, Hashable, Error, CustomStringConvertible {
    public var position: SourcePosition
    public var message: Localized

    public init(_ position: SourcePosition, _ message: Localized) {
        self.position = position
        self.message = message
    }

    public init(_ position: SourcePosition, sv: String, en: String) {
        self.init(position, Localized(sv: sv, en: en))
    }

    /// `line:column: reason` (English), as the command prints it after the file name.
    public var description: String { "\(position): \(message.en)" }
}

/// A profile that could not be read, with every problem found.
public struct ProfileInvalid: Error, Sendable, CustomStringConvertible {
    public var problems: [ProfileProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// A YAML value that passed the format's structural check, with where it stood.
public struct ProfileNode: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var keyPosition: SourcePosition
        public var value: ProfileNode
    }

    public indirect enum Value: Sendable, Hashable {
        case string(String)
        case integer(Int)
        case number(Double)
        case boolean(Bool)
        case list([ProfileNode])
        case mapping([Entry])
    }

    public var value: Value
    public var position: SourcePosition

    public subscript(key: String) -> ProfileNode? {
        if case .mapping(let entries) = value { return entries.first { $0.key == key }?.value }
        return nil
    }

    public subscript(index: Int) -> ProfileNode? {
        if case .list(let items) = value, items.indices.contains(index) { return items[index] }
        return nil
    }

    /// Where the key `key` of this mapping stands (or the mapping itself).
    public func keyPosition(_ key: String) -> SourcePosition {
        if case .mapping(let entries) = value, let e = entries.first(where: { $0.key == key }) { return e.keyPosition }
        return position
    }

    public var string: String? { if case .string(let s) = value { s } else { nil } }
    public var integer: Int? { if case .integer(let i) = value { i } else { nil } }
    /// A number, with or without decimals.
    public var number: Double? {
        switch value {
        case .number(let d): d
        case .integer(let i): Double(i)
        default: nil
        }
    }
    public var boolean: Bool? { if case .boolean(let b) = value { b } else { nil } }
    public var items: [ProfileNode] { if case .list(let l) = value { l } else { [] } }
    public var entries: [Entry] { if case .mapping(let e) = value { e } else { [] } }

    /// As a JSON value (strings stay strings: a date or a number written as text is not reinterpreted).
    public var jsonObject: Any {
        switch value {
        case .string(let s): s
        case .integer(let i): i
        case .number(let d): d
        case .boolean(let b): b
        case .list(let items): items.map(\.jsonObject)
        case .mapping(let entries):
            Dictionary(entries.map { ($0.key, $0.value.jsonObject) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// The value as JSON text, keys sorted.
    public func jsonData(pretty: Bool = false) throws -> Data {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]
        if pretty { options.insert(.prettyPrinted) }
        return try JSONSerialization.data(withJSONObject: jsonObject, options: options)
    }
}

/// What reading a profile gave: the typed profile, the checked tree (for positions) and the problems
/// the format's tables found. `ProfileValidator` adds the problems of meaning.
public struct ProfileParseResult: Sendable {
    public var profile: GovernanceProfile?
    public var tree: ProfileNode?
    public var problems: [ProfileProblem]
}

/// Reads a profile's YAML: syntax, then the structure the format's tables describe (unknown fields,
/// wrong types, missing required fields, duplicate keys), then the typed model.
public enum ProfileParser {
    /// The largest profile accepted (a full profile is about 30 kB).
    public static let maxBytes = 1_000_000

    public static func parse(_ yaml: String) -> ProfileParseResult {
        var problems: [ProfileProblem] = []
        guard yaml.utf8.count <= maxBytes else {
            return ProfileParseResult(
                profile: nil, tree: nil,
                problems: [
                    ProfileProblem(
                        SourcePosition(line: 1, column: 1),
                        sv: "Profilen är större än 1 MB.", en: "The profile is larger than 1 MB.")
                ])
        }
        guard let node = compose(yaml, problems: &problems) else {
            return ProfileParseResult(profile: nil, tree: nil, problems: problems)
        }
        var checker = StructureChecker()
        let tree = checker.check(node, .object(ProfileFormat.rootType), field: nil)
        problems += checker.problems
        let profile = tree.map(ProfileDecoding.profile)
        return ProfileParseResult(profile: profile, tree: tree, problems: problems.sorted { $0.position < $1.position })
    }

    /// The YAML node tree. Yams stops at the first duplicate key of a mapping, so each one found is
    /// reported and renamed (with as many private-use characters, so that no column moves) before
    /// parsing again: every duplicate is reported, and the rest of the document is still checked.
    static func compose(_ yaml: String, problems: inout [ProfileProblem]) -> Node? {
        var text = yaml
        for attempt in 0..<100 {
            do {
                guard let node = try Yams.compose(yaml: text) else {
                    problems.append(
                        ProfileProblem(
                            SourcePosition(line: 1, column: 1), sv: "Profilen är tom.", en: "The profile is empty."))
                    return nil
                }
                return node
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let key = duplicates.first ?? ""
                guard let second = secondOccurrence(of: key, after: context.mark, in: text),
                    let renamed = rename(at: second, length: key.unicodeScalars.count, in: text, attempt: attempt)
                else {
                    problems.append(
                        ProfileProblem(
                            SourcePosition(context.mark),
                            sv: "Nyckeln \"\(key)\" förekommer mer än en gång här.",
                            en: "The key \"\(key)\" appears more than once here."))
                    return nil
                }
                problems.append(
                    ProfileProblem(
                        second,
                        sv:
                            "Nyckeln \"\(key)\" finns redan på rad \(context.mark.line); varje nyckel får bara finnas en gång.",
                        en:
                            "The key \"\(key)\" is already given on line \(context.mark.line); each key may appear only once."
                    ))
                text = renamed
            } catch let error as YamlError {
                problems.append(syntaxProblem(error))
                return nil
            } catch {
                problems.append(
                    ProfileProblem(SourcePosition(line: 1, column: 1), Localized(verbatim: "\(error)")))
                return nil
            }
        }
        return nil
    }

    /// The next key `key` at the same column as the first, in the same block mapping.
    private static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> SourcePosition? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        for index in mark.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            let indent = scalars.prefix { $0 == " " }.count
            let content = String(String.UnicodeScalarView(scalars.dropFirst(indent)))
            if content.isEmpty || content.hasPrefix("#") { continue }
            if indent + 1 < mark.column { return nil }  // left the mapping (a new list item starts with "-")
            guard indent + 1 == mark.column, content.hasPrefix(key) else { continue }
            if content.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return SourcePosition(line: index + 1, column: mark.column)
            }
        }
        return nil
    }

    private static func rename(at position: SourcePosition, length: Int, in text: String, attempt: Int) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard position.line - 1 < lines.count else { return nil }
        var scalars = Array(lines[position.line - 1].unicodeScalars)
        let start = position.column - 1
        guard length > 0, start + length <= scalars.count else { return nil }
        // Private-use characters spelling the attempt number: unique, and never a key of the format.
        for i in 0..<length {
            scalars[start + i] = Unicode.Scalar(0xE000 + ((attempt * 31 + i) % 6000))!
        }
        lines[position.line - 1] = String(String.UnicodeScalarView(scalars))
        return lines.joined(separator: "\n")
    }

    static func isRenamedDuplicate(_ key: String) -> Bool {
        key.unicodeScalars.allSatisfy { (0xE000...0xF8FF).contains($0.value) }
    }

    private static func syntaxProblem(_ error: YamlError) -> ProfileProblem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ProfileProblem(
                SourcePosition(mark), sv: "YAML-fel: \(problem).", en: "Not valid YAML: \(problem).")
        case .reader(let problem, _, _, _):
            return ProfileProblem(
                SourcePosition(line: 1, column: 1), sv: "Texten går inte att läsa: \(problem).",
                en: "The text can't be read: \(problem).")
        default:
            return ProfileProblem(
                SourcePosition(line: 1, column: 1), sv: "YAML-fel: \(error).", en: "Not valid YAML: \(error).")
        }
    }
}

/// Checks a YAML node against the format's tables and builds the checked tree. A value that is wrong
/// is reported and left out, so the rest can still be checked.
struct StructureChecker {
    var problems: [ProfileProblem] = []

    private mutating func report(_ node: Node, sv: String, en: String) {
        problems.append(ProfileProblem(SourcePosition(node.mark), sv: sv, en: en))
    }

    private static func found(_ node: Node) -> Localized {
        switch node {
        case .mapping: Localized(sv: "en mappning", en: "a mapping")
        case .sequence: Localized(sv: "en lista", en: "a list")
        case .scalar(let s): Localized(verbatim: "\"\(s.string)\"")
        case .alias: Localized(sv: "ett alias", en: "an alias")
        }
    }

    private static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node, s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) {
            return true
        }
        return false
    }

    /// `field` names the value in messages ("'scope'"); nil for the document itself.
    /// 50 for a whole number, 3.5 otherwise.
    static func format(_ n: Double) -> String { n == n.rounded() ? String(Int(n)) : String(n) }

    mutating func check(_ node: Node, _ type: ProfileFieldType, field: String?) -> ProfileNode? {
        let position = SourcePosition(node.mark)
        let name = field.map { "\"\($0)\"" } ?? Localized(sv: "profilen", en: "the profile").en
        let nameSv = field.map { "\"\($0)\"" } ?? "profilen"
        if Self.isNull(node) {
            report(node, sv: "\(nameSv) saknar värde.", en: "\(name) has no value.")
            return nil
        }
        func wrong(_ expectedSv: String, _ expectedEn: String) -> ProfileNode? {
            let f = Self.found(node)
            report(
                node, sv: "\(nameSv) ska vara \(expectedSv), inte \(f.sv).",
                en: "\(name) should be \(expectedEn), not \(f.en).")
            return nil
        }
        switch type {
        case .string:
            guard case .scalar(let s) = node else { return wrong("text", "text") }
            return ProfileNode(value: .string(s.string), position: position)
        case .key, .reference:
            guard case .scalar(let s) = node else { return wrong("en nyckel", "a key") }
            guard s.string.range(of: ProfileFormat.keyPattern, options: .regularExpression) != nil else {
                report(
                    node,
                    sv: "\"\(s.string)\" är ingen giltig nyckel: använd a–z, 0–9 och bindestreck, som \"it-chef\".",
                    en: "\"\(s.string)\" is not a valid key: use a–z, 0–9 and hyphens, as in \"it-chef\".")
                return nil
            }
            return ProfileNode(value: .string(s.string), position: position)
        case .text:
            if case .scalar(let s) = node { return ProfileNode(value: .string(s.string), position: position) }
            guard case .mapping = node else { return wrong("text eller {sv: …, en: …}", "text or {sv: …, en: …}") }
            return checkObject(node, Self.textType, field: field)
        case .integer(let minimum, let maximum):
            guard case .scalar(let s) = node else { return wrong("ett heltal", "a whole number") }
            let digits = s.string.replacingOccurrences(of: "_", with: "")
            guard s.style == .plain, let n = Int(digits) else { return wrong("ett heltal", "a whole number") }
            if let minimum, n < minimum {
                report(
                    node, sv: "\(nameSv) ska vara minst \(minimum), inte \(n).",
                    en: "\(name) must be at least \(minimum), not \(n).")
                return nil
            }
            if let maximum, n > maximum {
                report(
                    node, sv: "\(nameSv) får vara högst \(maximum), inte \(n).",
                    en: "\(name) may be at most \(maximum), not \(n).")
                return nil
            }
            return ProfileNode(value: .integer(n), position: position)
        case .number(let minimum, let maximum):
            guard case .scalar(let s) = node else { return wrong("ett tal", "a number") }
            let text = s.string.replacingOccurrences(of: "_", with: "")
            guard s.style == .plain, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
                let n = Double(text), n.isFinite
            else { return wrong("ett tal, som 3.5", "a number, such as 3.5") }
            guard (minimum...maximum).contains(n) else {
                report(
                    node,
                    sv: "\(nameSv) ska vara mellan \(Self.format(minimum)) och \(Self.format(maximum)), inte \(text).",
                    en: "\(name) must be between \(Self.format(minimum)) and \(Self.format(maximum)), not \(text).")
                return nil
            }
            return ProfileNode(value: n == n.rounded() ? .integer(Int(n)) : .number(n), position: position)
        case .boolean:
            guard case .scalar(let s) = node, s.style == .plain, ["true", "false"].contains(s.string) else {
                return wrong("true eller false", "true or false")
            }
            return ProfileNode(value: .boolean(s.string == "true"), position: position)
        case .date:
            guard case .scalar(let s) = node, s.string.count == 10, CalendarDay(iso: s.string) != nil else {
                return wrong("ett datum (ÅÅÅÅ-MM-DD)", "a date (YYYY-MM-DD)")
            }
            return ProfileNode(value: .string(s.string), position: position)
        case .code(let codes):
            guard case .scalar(let s) = node else {
                return wrong("en av " + codes.joined(separator: ", "), "one of " + codes.joined(separator: ", "))
            }
            guard codes.contains(s.string) else {
                let hint = Suggest.closest(s.string, among: codes).map { ($0, $0) }
                report(
                    node,
                    sv: "\(nameSv) kan inte vara \"\(s.string)\": använd \(codes.joined(separator: ", "))."
                        + (hint.map { " Menade du \"\($0.0)\"?" } ?? ""),
                    en: "\(name) can't be \"\(s.string)\": use \(codes.joined(separator: ", "))."
                        + (hint.map { " Did you mean \"\($0.1)\"?" } ?? ""))
                return nil
            }
            return ProfileNode(value: .string(s.string), position: position)
        case .list(let itemType, let minItems):
            guard case .sequence(let sequence) = node else { return wrong("en lista", "a list") }
            let items = sequence.compactMap { check($0, itemType, field: field) }
            if sequence.count < minItems {
                report(
                    node, sv: "\(nameSv) behöver minst \(minItems) post\(minItems == 1 ? "" : "er").",
                    en: "\(name) needs at least \(minItems) entr\(minItems == 1 ? "y" : "ies").")
            }
            return ProfileNode(value: .list(items), position: position)
        case .object(let typeName):
            guard let objectType = ProfileFormat.objects[typeName] else { return nil }
            guard case .mapping = node else {
                return wrong("en mappning (\(objectType.label.sv))", "a mapping (\(objectType.label.en))")
            }
            return checkObject(node, objectType, field: field)
        case .duration:
            guard case .mapping(let mapping) = node else {
                return wrong("ett intervall som {years: 3}", "an interval such as {years: 3}")
            }
            return checkDuration(node, mapping, name: (nameSv, name))
        }
    }

    static let textType = ProfileObjectType(
        name: "text", label: Localized(sv: "en text", en: "a text"), summary: "",
        fields: [
            ProfileField("sv", .string, required: true, "Swedish."),
            ProfileField("en", .string, "English."),
        ])

    private mutating func checkObject(_ node: Node, _ type: ProfileObjectType, field: String?) -> ProfileNode? {
        guard case .mapping(let mapping) = node else { return nil }
        var entries: [ProfileNode.Entry] = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                report(keyNode, sv: "En nyckel ska vara text.", en: "A key should be text.")
                continue
            }
            let key = keyScalar.string
            if ProfileParser.isRenamedDuplicate(key) { continue }  // reported already
            guard let spec = type.field(key) else {
                let hint = Suggest.closest(key, among: type.fields.map(\.name))
                report(
                    keyNode,
                    sv: "Okänt fält \"\(key)\" i \(type.label.sv)." + (hint.map { " Menade du \"\($0)\"?" } ?? "")
                        + " Fälten är: \(type.fields.map(\.name).joined(separator: ", ")).",
                    en: "Unknown field \"\(key)\" in \(type.label.en)."
                        + (hint.map { " Did you mean \"\($0)\"?" } ?? "")
                        + " The fields are: \(type.fields.map(\.name).joined(separator: ", ")).")
                continue
            }
            if let value = check(valueNode, spec.type, field: key) {
                entries.append(ProfileNode.Entry(key: key, keyPosition: SourcePosition(keyNode.mark), value: value))
            }
        }
        let given = Set(mapping.compactMap { $0.key.string })
        for spec in type.fields where spec.required && !given.contains(spec.name) {
            report(
                node, sv: "\(type.label.sv.capitalizedFirst) saknar fältet \"\(spec.name)\".",
                en: "\(type.label.en.capitalizedFirst) needs the field \"\(spec.name)\".")
        }
        return ProfileNode(value: .mapping(entries), position: SourcePosition(node.mark))
    }

    private mutating func checkDuration(
        _ node: Node, _ mapping: Node.Mapping, name: (sv: String, en: String)
    ) -> ProfileNode? {
        let units = ProfileFormat.durationUnits
        var entries: [ProfileNode.Entry] = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            if ProfileParser.isRenamedDuplicate(key) { continue }
            guard units.contains(key) else {
                report(
                    keyNode,
                    sv: "Okänd enhet \"\(key)\" i ett intervall: använd \(units.joined(separator: ", ")).",
                    en: "Unknown unit \"\(key)\" in an interval: use \(units.joined(separator: ", ")).")
                continue
            }
            guard case .scalar(let s) = valueNode, s.style == .plain, let n = Int(s.string) else {
                report(
                    valueNode, sv: "Intervallets \"\(key)\" ska vara ett heltal.",
                    en: "The interval's \"\(key)\" should be a whole number.")
                continue
            }
            guard n >= 1 else {
                report(
                    valueNode,
                    sv: "Ett intervall på \(n) \(key) går aldrig att hålla: ange minst 1.",
                    en: "An interval of \(n) \(key) can never be met: give at least 1.")
                continue
            }
            entries.append(
                ProfileNode.Entry(
                    key: key, keyPosition: SourcePosition(keyNode.mark),
                    value: ProfileNode(value: .integer(n), position: SourcePosition(valueNode.mark))))
        }
        let given = mapping.compactMap { $0.key.string }.filter { units.contains($0) }
        if given.isEmpty {
            report(
                node, sv: "\(name.sv) behöver en av \(units.joined(separator: ", ")), som {years: 3}.",
                en: "\(name.en) needs one of \(units.joined(separator: ", ")), as in {years: 3}.")
            return nil
        }
        if given.count > 1 {
            report(
                node, sv: "\(name.sv) ska ha en enda enhet, inte \(given.joined(separator: " och ")).",
                en: "\(name.en) should have a single unit, not \(given.joined(separator: " and ")).")
            return nil
        }
        return entries.count == 1 ? ProfileNode(value: .mapping(entries), position: SourcePosition(node.mark)) : nil
    }
}

/// "Did you mean …?" for misspelt keys and codes.
enum Suggest {
    static func closest(_ word: String, among candidates: [String]) -> String? {
        // Short words allow one slip, longer ones two or three.
        let limit = word.count <= 3 ? 1 : word.count <= 8 ? 2 : 3
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
