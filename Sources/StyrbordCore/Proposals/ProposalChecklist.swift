import Foundation

/// One answer to a checklist question as it is sent and stored: `true`/`false` for yes/no, a choice's
/// key or free text as a string, an amount as a whole number of kronor.
public enum ChecklistValue: Sendable, Hashable, Codable {
    case bool(Bool)
    case integer(Int)
    case text(String)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .integer(i)
        } else {
            self = .text(try c.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .bool(let b): try c.encode(b)
        case .integer(let i): try c.encode(i)
        case .text(let t): try c.encode(t)
        }
    }
}

/// The checklist's answers (D5): checked against the profile's questions and turned into the facts the
/// classification rules read.
public struct ChecklistAnswers: Sendable, Hashable, Codable {
    /// Question key → answer. A question without an entry is unanswered.
    public var answers: [String: ChecklistValue]

    public static let maxTextLength = 2_000

    public init(answers: [String: ChecklistValue] = [:]) { self.answers = answers }

    enum CodingKeys: String, CodingKey { case answers }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        answers = try c.decodeIfPresent([String: ChecklistValue].self, forKey: .answers) ?? [:]
    }

    /// Text trimmed; empty text counts as no answer.
    public func normalized() -> ChecklistAnswers {
        var copy = self
        for (key, value) in answers {
            if case .text(let t) = value { copy.answers[key] = t.trimmed.isEmpty ? nil : .text(t.trimmed) }
        }
        return copy
    }

    /// Every problem against `profile`'s checklist: unknown questions, answers of the wrong kind, choices
    /// the question doesn't offer, negative or absurd amounts, over-long text, and each required
    /// question left unanswered (named). Lengths are measured on the text as sent.
    public func validate(against profile: GovernanceProfile) -> [ValidationIssue] {
        var v = Validator()
        let questions = profile.checklist?.questions ?? []
        for key in answers.keys.sorted() where profile.question(key) == nil {
            v.add(
                "answers.\(key)", sv: "Checklistan har ingen fråga \"\(key)\".",
                en: "The checklist has no question \"\(key)\".")
        }
        for question in questions {
            let field = "answers.\(question.key)"
            guard let value = answers[question.key], !value.isBlankText else {
                if question.isRequired {
                    v.add(
                        field, sv: "Besvara frågan \"\(question.text.sv)\".",
                        en: "Answer the question \"\(question.text.en)\".")
                }
                continue
            }
            switch (question.answer, value) {
            case (.yesNo, .bool):
                break
            case (.choice, .text(let key)):
                if !question.choices.contains(where: { $0.key == key.trimmed }) {
                    let keys = question.choices.map(\.key).joined(separator: ", ")
                    v.add(field, sv: "Välj ett av: \(keys).", en: "Choose one of: \(keys).")
                }
            case (.amount, .integer(let amount)):
                if !(0...BenefitCalculation.maxAmount).contains(amount) {
                    v.add(
                        field, sv: "Ange ett belopp mellan 0 och 10 miljarder kronor.",
                        en: "Enter an amount between 0 and 10 billion kronor.")
                }
            case (.text, .text(let text)):
                v.limit(text, field: field, label: Localized(sv: "Svaret", en: "The answer"), max: Self.maxTextLength)
            default:
                v.add(
                    field, sv: "Svaret ska vara av typen \(question.answer.label.sv).",
                    en: "The answer must be of the kind \(question.answer.label.en).")
            }
        }
        return v.issues
    }

    /// The answers as the classification rules read them; answers of the wrong kind are left out.
    public func facts(for profile: GovernanceProfile) -> [String: ProposalFacts.Answer] {
        var result: [String: ProposalFacts.Answer] = [:]
        for (key, value) in answers {
            guard let question = profile.question(key) else { continue }
            switch (question.answer, value) {
            case (.yesNo, .bool(let b)): result[key] = b ? .yes : .no
            case (.choice, .text(let t)): result[key] = .choice(t.trimmed)
            case (.amount, .integer(let i)): result[key] = .amount(i)
            case (.text, .text(let t)): result[key] = .text(t)
            default: continue
            }
        }
        return result
    }
}

extension ChecklistValue {
    var isBlankText: Bool {
        if case .text(let t) = self { return t.trimmed.isEmpty }
        return false
    }
}
