import Foundation
import Testing

@testable import StyrbordCore

/// Broken profiles, each with the precise problem, line and column `styrbord profile validate` prints.
@Suite("Profile validation")
struct ProfileValidatorTests {
    /// A small valid profile (22 lines); tests append to it from line 23 or change a line.
    static let base = """
        profile_format: 1
        key: test
        name: Test
        bodies:
          - key: kommunstyrelsen
            name: Kommunstyrelsen
        roles:
          - key: systemagare
            name: Systemägare
            scope: system
            duties: Äger systemet.
          - key: it-chef
            name: IT-chef
            scope: kommun
            duties: Leder IT.
        system_categories:
          - key: kommungemensamt
            decided_by: kommunstyrelsen
            required_roles:
              - role: systemagare
          - key: verksamhetssystem
            decided_by: kommunstyrelsen

        """

    /// Every problem as "line:column: message" (English).
    func problems(_ yaml: String) -> [String] { ProfileValidator.validate(yaml: yaml).map(\.description) }

    func replacing(_ old: String, with new: String) -> String {
        precondition(Self.base.contains(old))
        return Self.base.replacingOccurrences(of: old, with: new)
    }

    @Test("The small profile is valid")
    func valid() {
        #expect(problems(Self.base) == [])
    }

    @Test("An unknown field is named with a suggestion, and the missing required field too")
    func unknownAndMissingField() {
        #expect(
            problems(replacing("    scope: system\n", with: "    scoop: system\n")) == [
                "8:5: A role needs the field \"scope\".",
                "10:5: Unknown field \"scoop\" in a role. Did you mean \"scope\"? The fields are: key, name, scope, duties, appointed_by, optional, falls_back_to, source.",
            ])
    }

    @Test("A wrong type says what was expected and what was found")
    func wrongType() {
        #expect(
            problems(replacing("    scope: kommun\n", with: "    scope: [kommun]\n")) == [
                "14:12: \"scope\" should be one of system, forvaltningsobjekt, organisationsenhet, kommun, not a list."
            ])
        #expect(
            problems(replacing("    scope: kommun\n", with: "    scope: hela-kommunen\n")) == [
                "14:12: \"scope\" can't be \"hela-kommunen\": use system, forvaltningsobjekt, organisationsenhet, kommun."
            ])
    }

    @Test("A required field without a value is missing")
    func missingValue() {
        #expect(
            problems(replacing("    duties: Leder IT.\n", with: "    duties:\n")) == ["15:12: \"duties\" has no value."]
        )
    }

    @Test("An unknown role is named where it is referenced")
    func unknownRole() {
        let yaml =
            Self.base + """
                forums:
                  - key: styrgrupp
                    name: IT-styrgrupp
                    chair: it-chef
                    members: [it-chef, kommundirektor]

                """
        #expect(problems(yaml) == ["27:24: Unknown role \"kommundirektor\". There are: it-chef, systemagare."])
    }

    @Test("An unknown forum in a route step, with a suggestion")
    func unknownForum() {
        let yaml =
            Self.base + """
                forums:
                  - key: styrgrupp
                    name: IT-styrgrupp
                    chair: it-chef
                classifications:
                  - {key: rutin, name: Rutin}
                routes:
                  - key: alla
                    name: Alla
                    classifications: [rutin]
                    categories: [kommungemensamt, verksamhetssystem]
                    steps:
                      - forum: styrgruppen
                        action: decide

                """
        #expect(problems(yaml) == ["35:16: Unknown forum \"styrgruppen\". Did you mean \"styrgrupp\"?"])
    }

    @Test("A forum without a chair or convener")
    func forumWithoutChair() {
        let yaml =
            Self.base + """
                forums:
                  - key: styrgrupp
                    name: IT-styrgrupp
                    members: [it-chef]

                """
        #expect(
            problems(yaml) == [
                "24:5: The forum \"styrgrupp\" has no chair: name its chair or convener (a role)."
            ])
    }

    @Test("An interval of zero or less, and one with two units")
    func zeroInterval() {
        let yaml =
            Self.base + """
                plan_kinds:
                  - key: it-verksamhetsplan
                    name: IT-verksamhetsplan
                    revise_every: {years: 0}
                  - key: program
                    name: eFörvaltningsprogram
                    revise_every: {months: -2}
                  - key: systemplan
                    name: Systemförvaltningsplan
                    revise_every: {years: 1, months: 6}

                """
        #expect(
            problems(yaml) == [
                "26:27: An interval of 0 years can never be met: give at least 1.",
                "29:28: An interval of -2 months can never be met: give at least 1.",
                "32:19: \"revise_every\" should have a single unit, not years and months.",
            ])
    }

    @Test("Every duplicate key is reported where it repeats, and the rest is still checked")
    func duplicateKeys() {
        let yaml = replacing("    name: Systemägare\n", with: "    name: Systemägare\n    name: Ägare\n")
            .replacingOccurrences(of: "key: test\n", with: "key: test\nkey: test2\n")
            .replacingOccurrences(of: "    scope: kommun\n", with: "    scope: hela\n")
        #expect(
            problems(yaml) == [
                "3:1: The key \"key\" is already given on line 2; each key may appear only once.",
                "11:5: The key \"name\" is already given on line 10; each key may appear only once.",
                "16:12: \"scope\" can't be \"hela\": use system, forvaltningsobjekt, organisationsenhet, kommun.",
            ])
    }

    @Test("A key used by a role and a body at once")
    func sharedKey() {
        let yaml = replacing("  - key: it-chef\n", with: "  - key: kommunstyrelsen\n")
        #expect(
            problems(yaml) == [
                "12:10: The key \"kommunstyrelsen\" is already used on line 5; a role needs a key of its own."
            ])
    }

    @Test("A step after an unconditional decision can never be reached")
    func stepAfterDecision() {
        let yaml =
            Self.base + """
                classifications:
                  - {key: rutin, name: Rutin}
                  - {key: storre, name: Större}
                routes:
                  - key: alla
                    name: Alla
                    classifications: [rutin, storre]
                    categories: [kommungemensamt, verksamhetssystem]
                    steps:
                      - role: systemagare
                        action: decide
                      - role: it-chef
                        action: assess
                        when: {classification: [storre]}

                """
        #expect(
            problems(yaml) == [
                "34:9: The step \"it-chef-assess\" can never be reached: the decision is taken at the step \"systemagare-decide\" on line 32 before it."
            ])
    }

    @Test("A step whose condition can't hold can never be reached")
    func impossibleCondition() {
        let yaml =
            Self.base + """
                classifications:
                  - {key: rutin, name: Rutin}
                  - {key: storre, name: Större}
                routes:
                  - key: rutin
                    name: Rutin
                    classifications: [rutin]
                    categories: [kommungemensamt, verksamhetssystem]
                    steps:
                      - role: it-chef
                        action: assess
                        when: {amount: {at_least: 500_000, below: 100_000}}
                      - role: it-chef
                        key: granskning
                        action: assess
                        when: {classification: [storre]}
                      - role: systemagare
                        action: decide
                  - key: storre
                    name: Större
                    classifications: [storre]
                    categories: [kommungemensamt, verksamhetssystem]
                    steps:
                      - role: systemagare
                        action: decide

                """
        #expect(
            problems(yaml) == [
                "34:15: The step \"it-chef-assess\" can never be reached: no amount meets all its limits at once on the route \"rutin\".",
                "38:15: The step \"granskning\" can never be reached: the proposal can't have the classification required here on the route \"rutin\".",
            ])
    }

    @Test("Routes must cover every classification and category once, and reach a decision")
    func routeCoverage() {
        let yaml =
            Self.base + """
                classifications:
                  - {key: rutin, name: Rutin}
                routes:
                  - key: gemensamt
                    name: Gemensamt
                    classifications: [rutin]
                    categories: [kommungemensamt]
                    steps:
                      - role: it-chef
                        action: assess

                """
        #expect(
            problems(yaml) == [
                "25:1: No route applies to proposals classified \"rutin\" in the category \"verksamhetssystem\".",
                "31:9: The route \"gemensamt\" never reaches a decision: add a step with action: decide.",
            ])
    }

    @Test("A classification rule that can never apply, and an answer its question can't have")
    func classificationRules() {
        let yaml =
            Self.base + """
                checklist:
                  questions:
                    - {key: ny-teknik, text: Ny teknik?, answer: yes_no}
                    - {key: kostnad, text: Kostnad?, answer: amount}
                classifications:
                  - {key: rutin, name: Rutin}
                  - {key: storre, name: Större}
                classification_rules:
                  - when: {all: [{answer: {question: ny-teknik, is: "yes"}}, {not: {answer: {question: ny-teknik, in: ["yes", "no"]}}}]}
                    then: storre
                  - when: {answer: {question: ny-teknik, is: kanske}}
                    then: storre
                  - when: {answer: {question: kostnad, is: "yes"}}
                    then: storre

                """
        #expect(
            problems(yaml) == [
                "31:11: The rule can never apply: no answer to the question \"ny-teknik\" meets everything required.",
                "33:46: The question \"ny-teknik\" can't be answered \"kanske\": the answers are yes, no.",
                "35:40: The question \"kostnad\" is answered with amount; \"is\" applies to yes/no and choice questions.",
            ])
    }

    @Test("Delegation levels must rise and end without a limit")
    func delegations() {
        let yaml =
            Self.base + """
                delegations:
                  - key: beslut
                    name: Beslut
                    levels:
                      - {below: 1_000_000, decided_by: it-chef}
                      - {below: 100_000, decided_by: kommunstyrelsen}

                """
        #expect(
            problems(yaml) == [
                "28:10: The levels of \"beslut\" must rise: 100000 kr comes after 1000000 kr.",
                "28:10: Amounts of 100000 kr and more have nobody to decide them in \"beslut\": add a last level without below.",
            ])
    }

    @Test("An optional role's fallback, and a required role that can't be held for a system")
    func roleRules() {
        let yaml = replacing(
            "    duties: Äger systemet.\n", with: "    duties: Äger systemet.\n    falls_back_to: it-chef\n"
        )
        .replacingOccurrences(of: "      - role: systemagare\n", with: "      - role: it-chef\n")
        #expect(
            problems(yaml) == [
                "12:20: \"falls_back_to\" only applies to an optional role: add optional: true to the role \"systemagare\".",
                "21:15: The role \"it-chef\" is held for whole municipality, so a system can't be required to have it.",
            ])
    }

    @Test("YAML that does not parse is reported where it breaks")
    func syntax() {
        let found = problems("profile_format: 1\nroles: [a, b\nkey: x\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("3:") == true, "\(found)")
        #expect(found.first?.contains("Not valid YAML") == true)
    }

    @Test("Problems come in Swedish too")
    func swedish() {
        let found = ProfileValidator.validate(yaml: replacing("    scope: kommun\n", with: "    scope: hela\n"))
        #expect(
            found.map(\.message.sv) == [
                "\"scope\" kan inte vara \"hela\": använd system, forvaltningsobjekt, organisationsenhet, kommun."
            ])
    }

    @Test("The calculation's rate takes decimals within 0–50; always and conditionally required can't both be said")
    func calculation() throws {
        let good =
            Self.base + """
                calculation:
                  discount_rate_percent: 3.5
                  years: 10
                  required_when: {category: [verksamhetssystem]}
                  full_profitability_when: {category: [verksamhetssystem]}

                """
        #expect(problems(good) == [])
        let (profile, _) = ProfileValidator.check(yaml: good)
        let rules = try #require(profile?.calculation)
        #expect(rules.discountRatePercent == 3.5)
        #expect(rules.years == 10)
        #expect(rules.requiredWhen == .category([.business]))
        #expect(!rules.coversOperations)
        #expect(try #require(ProfileValidator.check(yaml: Self.base).profile).calculation.discountRatePercent == 4)

        #expect(
            problems(Self.base + "calculation:\n  discount_rate_percent: 4,5\n") == [
                "24:26: \"discount_rate_percent\" should be a number, such as 3.5, not \"4,5\"."
            ])
        #expect(
            problems(Self.base + "calculation:\n  discount_rate_percent: 60\n") == [
                "24:26: \"discount_rate_percent\" must be between 0 and 50, not 60."
            ])
        #expect(
            problems(Self.base + "calculation:\n  required: true\n  required_when: {category: [kommungemensamt]}\n")
                == [
                    "25:18: \"required_when\" says nothing when \"required\" is true: remove one of them."
                ])
        #expect(
            problems(Self.base + "calculation:\n  full_profitability_when: {category: [okand]}\n") == [
                "24:40: Unknown system category \"okand\". There are: kommungemensamt, verksamhetssystem."
            ])
    }
}
