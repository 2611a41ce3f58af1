/// A condition on a proposal's facts, as a classification rule or a route step states it. In YAML a
/// mapping whose keys must all hold: `{amount: {at_least: 500000}, affects_category: [kommungemensamt]}`.
public indirect enum ProfileCondition: Sendable, Hashable {
    case answer(question: String, AnswerTest)
    /// The proposal's total cost in kronor.
    case amount(ProfileRange)
    /// Some affected system is of one of these categories.
    case affectsCategory(Set<SystemCategory>)
    /// The proposal's own category is one of these.
    case category(Set<SystemCategory>)
    case affectedOrgUnits(ProfileRange)
    case classification(Set<String>)
    case urgent(Bool)
    case all([ProfileCondition])
    case any([ProfileCondition])
    case not(ProfileCondition)

    /// What an answer condition tests.
    public enum AnswerTest: Sendable, Hashable {
        /// yes, no or a choice key.
        case isOneOf(Set<String>)
        case amount(ProfileRange)
        case answered(Bool)
    }

    /// Whether it holds for `facts`. An unanswered question satisfies no test but `answered: false`;
    /// an unknown amount satisfies no range.
    public func holds(for facts: ProposalFacts) -> Bool {
        switch self {
        case .answer(let question, let test):
            let answer = facts.answers[question]
            switch test {
            case .answered(let expected): return (answer != nil) == expected
            case .isOneOf(let values):
                switch answer {
                case .yes: return values.contains("yes")
                case .no: return values.contains("no")
                case .choice(let key): return values.contains(key)
                default: return false
                }
            case .amount(let range):
                if case .amount(let n) = answer { return range.contains(n) }
                return false
            }
        case .amount(let range): return facts.amount.map(range.contains) ?? false
        case .affectsCategory(let set): return !facts.affectedCategories.isDisjoint(with: set)
        case .category(let set): return facts.category.map(set.contains) ?? false
        case .affectedOrgUnits(let range): return range.contains(facts.affectedOrgUnitCount)
        case .classification(let set): return facts.classification.map(set.contains) ?? false
        case .urgent(let expected): return facts.isUrgent == expected
        case .all(let list): return list.allSatisfy { $0.holds(for: facts) }
        case .any(let list): return list.contains { $0.holds(for: facts) }
        case .not(let inner): return !inner.holds(for: facts)
        }
    }
}

/// at_least ≤ value < below; either end may be open.
public struct ProfileRange: Sendable, Hashable {
    public var atLeast: Int?
    public var below: Int?

    public init(atLeast: Int? = nil, below: Int? = nil) {
        self.atLeast = atLeast
        self.below = below
    }

    public func contains(_ n: Int) -> Bool { (atLeast.map { n >= $0 } ?? true) && (below.map { n < $0 } ?? true) }

    public var isEmpty: Bool {
        if let a = atLeast, let b = below { return a >= b }
        return false
    }

    func intersection(_ other: ProfileRange) -> ProfileRange {
        ProfileRange(
            atLeast: [atLeast, other.atLeast].compactMap { $0 }.max(),
            below: [below, other.below].compactMap { $0 }.min())
    }
}

// MARK: - Can a condition hold at all?

/// Decides whether a condition can hold for some proposal, so that the validator can name rules and
/// steps that never apply. The condition is expanded into alternatives (or) of facts that must all
/// hold (and); an alternative holds for some proposal unless two of its facts contradict each other.
struct ConditionSatisfiability {
    /// What the validator knows about the questions (their kinds and choices) and the categories.
    var questionKinds: [String: ProfileAnswerKind]
    var choices: [String: Set<String>]

    /// A fact about one variable of a proposal.
    enum Atom: Hashable {
        case answerIn(String, Set<String>)
        case answerRange(String, ProfileRange)
        case answered(String, Bool)
        case amount(ProfileRange)
        case affects(Set<SystemCategory>)
        case affectsNone(Set<SystemCategory>)
        case category(Set<SystemCategory>)
        case orgUnits(ProfileRange)
        case classification(Set<String>)
        case urgent(Bool)
    }

    /// Larger expansions are assumed satisfiable rather than explored.
    static let limit = 512

    var classifications: Set<String>

    /// Nil when the condition can hold; otherwise what contradicts (in words).
    func contradiction(_ condition: ProfileCondition) -> Localized? {
        guard let alternatives = expand(condition, negated: false) else { return nil }
        var first: Localized?
        for conjunction in alternatives {
            guard let problem = check(conjunction) else { return nil }
            if first == nil { first = problem }
        }
        return first ?? Localized(sv: "villkoret kan aldrig uppfyllas", en: "the condition can never hold")
    }

    /// Disjunctive normal form; nil when it grows past `limit`.
    private func expand(_ c: ProfileCondition, negated: Bool) -> [[Atom]]? {
        func one(_ atom: Atom) -> [[Atom]] { [[atom]] }
        func rangeAtoms(_ range: ProfileRange, _ make: (ProfileRange) -> Atom) -> [[Atom]] {
            guard negated else { return one(make(range)) }
            var result: [[Atom]] = []
            if let a = range.atLeast { result.append([make(ProfileRange(below: a))]) }
            if let b = range.below { result.append([make(ProfileRange(atLeast: b))]) }
            return result  // negating an open range: nothing can be outside it
        }
        switch c {
        case .answer(let q, .isOneOf(let values)):
            let universe = universe(of: q)
            let set = negated ? universe.subtracting(values) : values
            // A negated test also holds when the question is unanswered.
            return negated ? [[.answerIn(q, set)], [.answered(q, false)]] : one(.answerIn(q, set))
        case .answer(let q, .amount(let range)):
            return negated
                ? rangeAtoms(range) { .answerRange(q, $0) } + [[.answered(q, false)]]
                : one(.answerRange(q, range))
        case .answer(let q, .answered(let value)):
            return one(.answered(q, negated ? !value : value))
        case .amount(let range): return rangeAtoms(range) { .amount($0) }
        case .affectsCategory(let set): return one(negated ? .affectsNone(set) : .affects(set))
        case .category(let set):
            return one(.category(negated ? Set(SystemCategory.allCases).subtracting(set) : set))
        case .affectedOrgUnits(let range): return rangeAtoms(range) { .orgUnits($0) }
        case .classification(let set):
            return one(.classification(negated ? classifications.subtracting(set) : set))
        case .urgent(let value): return one(.urgent(negated ? !value : value))
        case .not(let inner): return expand(inner, negated: !negated)
        case .all(let list): return negated ? disjunction(list, negated: true) : conjunction(list, negated: false)
        case .any(let list): return negated ? conjunction(list, negated: true) : disjunction(list, negated: false)
        }
    }

    private func conjunction(_ list: [ProfileCondition], negated: Bool) -> [[Atom]]? {
        var result: [[Atom]] = [[]]
        for item in list {
            guard let alternatives = expand(item, negated: negated) else { return nil }
            result = result.flatMap { left in alternatives.map { left + $0 } }
            if result.count > Self.limit { return nil }
        }
        return result
    }

    private func disjunction(_ list: [ProfileCondition], negated: Bool) -> [[Atom]]? {
        var result: [[Atom]] = []
        for item in list {
            guard let alternatives = expand(item, negated: negated) else { return nil }
            result += alternatives
            if result.count > Self.limit { return nil }
        }
        return result
    }

    private func universe(of question: String) -> Set<String> {
        switch questionKinds[question] {
        case .yesNo: ["yes", "no"]
        case .choice: choices[question] ?? []
        default: []
        }
    }

    /// Nil when the facts can all hold together.
    private func check(_ atoms: [Atom]) -> Localized? {
        var answerSets: [String: Set<String>] = [:]
        var answerRanges: [String: ProfileRange] = [:]
        var answered: [String: Bool] = [:]
        var amount = ProfileRange()
        var orgUnits = ProfileRange(atLeast: 0)
        var category = Set(SystemCategory.allCases)
        var affects: [Set<SystemCategory>] = []
        var excluded = Set<SystemCategory>()
        // Unconstrained until an atom names classifications (a profile may define none at all).
        var classification: Set<String>?
        var urgent: Bool?
        for atom in atoms {
            switch atom {
            case .answerIn(let q, let set):
                answerSets[q] = (answerSets[q] ?? set).intersection(set)
                if answered[q] == false { return answerContradiction(q) }
                answered[q] = true
            case .answerRange(let q, let range):
                answerRanges[q] = (answerRanges[q] ?? ProfileRange()).intersection(range)
                if answered[q] == false { return answerContradiction(q) }
                answered[q] = true
            case .answered(let q, let value):
                if let existing = answered[q], existing != value { return answerContradiction(q) }
                answered[q] = value
            case .amount(let range): amount = amount.intersection(range)
            case .orgUnits(let range): orgUnits = orgUnits.intersection(range)
            case .category(let set): category.formIntersection(set)
            case .affects(let set): affects.append(set)
            case .affectsNone(let set): excluded.formUnion(set)
            case .classification(let set): classification = (classification ?? classifications).intersection(set)
            case .urgent(let value):
                if let urgent, urgent != value {
                    return Localized(
                        sv: "ett förslag kan inte vara både brådskande och inte brådskande",
                        en: "a proposal can't be both urgent and not urgent")
                }
                urgent = value
            }
        }
        for (q, set) in answerSets where set.isEmpty { return answerContradiction(q) }
        for (q, range) in answerRanges where range.isEmpty { return answerContradiction(q) }
        if amount.isEmpty {
            return Localized(
                sv: "beloppet kan inte uppfylla alla gränser samtidigt",
                en: "no amount meets all its limits at once")
        }
        if orgUnits.isEmpty {
            return Localized(
                sv: "antalet berörda förvaltningar kan inte uppfylla alla gränser samtidigt",
                en: "no number of affected förvaltningar meets all its limits at once")
        }
        if category.isEmpty {
            return Localized(
                sv: "förslagets kategori kan inte vara det som krävs",
                en: "the proposal's category can't be as required")
        }
        if affects.contains(where: { $0.subtracting(excluded).isEmpty }) {
            return Localized(
                sv: "de berörda systemens kategorier motsäger varandra",
                en: "the affected systems' categories contradict each other")
        }
        if classification?.isEmpty == true {
            return Localized(
                sv: "förslaget kan inte ha den klassning som krävs här",
                en: "the proposal can't have the classification required here")
        }
        return nil
    }

    private func answerContradiction(_ q: String) -> Localized {
        Localized(
            sv: "svaret på frågan \"\(q)\" kan inte uppfylla allt som krävs",
            en: "no answer to the question \"\(q)\" meets everything required")
    }
}
