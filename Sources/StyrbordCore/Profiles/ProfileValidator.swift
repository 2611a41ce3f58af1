/// Checks a governance profile and reports every problem with its line and column: first what the
/// format's tables catch (YAML syntax, duplicate keys, unknown fields, wrong types, missing required
/// fields, intervals below 1), then meaning: references to roles, forums and the rest that don't exist,
/// forums without a chair, route steps that can never be reached, routes that never decide, missing or
/// ambiguous routes, delegation levels out of order.
public enum ProfileValidator {
    /// Every problem, in document order. Empty when the profile is valid.
    public static func validate(yaml: String) -> [ProfileProblem] { check(yaml: yaml).problems }

    /// The profile (when it could be read at all) and every problem.
    public static func check(yaml: String) -> (profile: GovernanceProfile?, problems: [ProfileProblem]) {
        let parsed = ProfileParser.parse(yaml)
        var problems = parsed.problems
        if let tree = parsed.tree, let profile = parsed.profile {
            var semantic = SemanticCheck(root: Obj(tree), profile: profile)
            semantic.run()
            problems += semantic.problems
        }
        var seen = Set<ProfileProblem>()
        return (parsed.profile, problems.filter { seen.insert($0).inserted }.sorted { $0.position < $1.position })
    }
}

extension GovernanceProfile {
    /// Reads and validates a profile; throws `ProfileInvalid` with every problem.
    public static func load(yaml: String) throws -> GovernanceProfile {
        let (profile, problems) = ProfileValidator.check(yaml: yaml)
        guard problems.isEmpty, let profile else { throw ProfileInvalid(problems: problems) }
        return profile
    }
}

/// The checks of meaning, over the checked tree (for positions) and the typed profile.
struct SemanticCheck {
    let root: Obj
    let profile: GovernanceProfile
    var problems: [ProfileProblem] = []
    /// Every defined key per namespace, with where it was defined.
    var keys: [ProfileNamespace: [String: SourcePosition]] = [:]

    init(root: Obj, profile: GovernanceProfile) {
        self.root = root
        self.profile = profile
    }

    mutating func report(_ position: SourcePosition, sv: String, en: String) {
        problems.append(ProfileProblem(position, sv: sv, en: en))
    }

    mutating func run() {
        collectKeys()
        checkRoles()
        checkCategories()
        checkForums()
        checkChecklist()
        checkClassificationRules()
        checkCalculation()
        checkDelegations()
        checkRoutes()
        checkDocuments()
        checkIntervalsAndCosts()
        checkIncidents()
    }

    /// The incidents' roles exist; those told of an access incident are held for a system (F5).
    private mutating func checkIncidents() {
        guard let incidents = root.obj("incidents") else { return }
        references(incidents.node["handlers"], .role)
        references(incidents.node["breach_notify"], .role)
        for item in incidents.node["access_notify"]?.items ?? [] {
            guard reference(item, .role), let key = item.string,
                let role = profile.roles.first(where: { $0.key == key }), role.scope != .system
            else { continue }
            report(
                item.position,
                sv: "Rollen \"\(key)\" innehas inte för ett system; access_notify nämner systemroller (F5).",
                en: "The role \"\(key)\" is not held for a system; access_notify names system roles (F5).")
        }
    }

    // MARK: Keys and references

    private mutating func define(_ node: ProfileNode?, in namespaces: [ProfileNamespace], what: Localized) {
        guard let node, let key = node.string else { return }
        for ns in namespaces {
            if let first = keys[ns]?[key] {
                report(
                    node.position,
                    sv: "Nyckeln \"\(key)\" används redan på rad \(first.line); \(what.sv) behöver en egen nyckel.",
                    en: "The key \"\(key)\" is already used on line \(first.line); \(what.en) needs a key of its own.")
                return
            }
        }
        for ns in namespaces { keys[ns, default: [:]][key] = node.position }
    }

    private mutating func collectKeys() {
        // Roles, forums and bodies share their keys; in document order, so the later one is reported.
        var actors: [(ProfileNode, ProfileNamespace)] = []
        for (list, ns) in [("roles", ProfileNamespace.role), ("forums", .forum), ("bodies", .body)] {
            actors += root.list(list).compactMap { item in item.node["key"].map { ($0, ns) } }
        }
        for (node, ns) in actors.sorted(by: { $0.0.position < $1.0.position }) {
            define(node, in: [.actor, ns], what: ProfileFormat.objects[ns.rawValue]?.label ?? ns.label)
        }
        for category in root.list("system_categories") {
            define(
                category.node["key"], in: [.category], what: Localized(sv: "en systemkategori", en: "a system category")
            )
        }
        for question in root.obj("checklist")?.list("questions") ?? [] {
            define(question.node["key"], in: [.question], what: Localized(sv: "en fråga", en: "a question"))
        }
        let simple: [(String, ProfileNamespace, String)] = [
            ("classifications", .classification, "classification"),
            ("assessment_points", .assessmentPoint, "assessment_point"), ("delegations", .delegation, "delegation"),
            ("document_types", .documentType, "document_type"), ("plan_kinds", .planKind, "plan_kind"),
        ]
        for (list, ns, type) in simple {
            let label = ProfileFormat.objects[type]?.label ?? ns.label
            for item in root.list(list) { define(item.node["key"], in: [ns], what: label) }
        }
        var routeKeys: [String: SourcePosition] = [:]
        for route in root.list("routes") {
            guard let node = route.node["key"], let key = node.string else { continue }
            if let first = routeKeys[key] {
                report(
                    node.position, sv: "Beslutsvägen \"\(key)\" finns redan på rad \(first.line).",
                    en: "The route \"\(key)\" is already defined on line \(first.line).")
            }
            routeKeys[key] = routeKeys[key] ?? node.position
        }
    }

    private func isDefined(_ key: String, _ ns: ProfileNamespace) -> Bool {
        if ns == .category { return SystemCategory(rawValue: key) != nil }
        return keys[ns]?[key] != nil
    }

    /// Reports a reference to something the profile does not define.
    @discardableResult
    private mutating func reference(_ node: ProfileNode?, _ ns: ProfileNamespace) -> Bool {
        guard let node, let key = node.string else { return false }
        guard !isDefined(key, ns) else { return true }
        let candidates =
            ns == .category ? ProfileFormat.categories : Array((keys[ns] ?? [:]).keys).sorted()
        let hint = Suggest.closest(key, among: candidates)
        var listSv = "", listEn = ""
        if hint == nil && !candidates.isEmpty && candidates.count <= 12 {
            listSv = " Det finns: \(candidates.joined(separator: ", "))."
            listEn = " There are: \(candidates.joined(separator: ", "))."
        } else if candidates.isEmpty {
            listSv = " Profilen definierar ingen."
            listEn = " The profile defines none."
        }
        report(
            node.position,
            sv: "Okänd \(ns.label.sv) \"\(key)\"." + (hint.map { " Menade du \"\($0)\"?" } ?? "") + listSv,
            en: "Unknown \(ns.label.en) \"\(key)\"." + (hint.map { " Did you mean \"\($0)\"?" } ?? "") + listEn)
        return false
    }

    /// Reports each unknown key of a list; false when there was one.
    @discardableResult
    private mutating func references(_ node: ProfileNode?, _ ns: ProfileNamespace) -> Bool {
        var known = true
        for item in node?.items ?? [] { known = reference(item, ns) && known }
        return known
    }

    // MARK: Roles and categories

    private mutating func checkRoles() {
        for role in root.list("roles") {
            reference(role.node["appointed_by"], .actor)
            guard let fallback = role.node["falls_back_to"] else { continue }
            let key = role.string("key") ?? ""
            if role.bool("optional") != true {
                report(
                    fallback.position,
                    sv: "\"falls_back_to\" gäller bara en valfri roll: lägg till optional: true på rollen \"\(key)\".",
                    en: "\"falls_back_to\" only applies to an optional role: add optional: true to the role \"\(key)\"."
                )
            }
            if fallback.string == key {
                report(
                    fallback.position, sv: "Rollen \"\(key)\" kan inte falla tillbaka på sig själv.",
                    en: "The role \"\(key)\" can't fall back to itself.")
            } else if reference(fallback, .role) {
                // Follow the chain: optional roles falling back on each other in a circle leave the duties with nobody.
                var seen: Set<String> = [key]
                var next = fallback.string
                while let current = next, let r = profile.role(current), r.isOptional {
                    if !seen.insert(current).inserted {
                        report(
                            fallback.position,
                            sv:
                                "Valfria roller faller tillbaka på varandra i en ring via \"\(current)\": någon roll i kedjan måste vara obligatorisk.",
                            en:
                                "Optional roles fall back on each other in a circle through \"\(current)\": some role in the chain must be mandatory."
                        )
                        break
                    }
                    next = r.fallsBackTo
                }
            }
        }
    }

    private mutating func checkCategories() {
        var described = Set<String>()
        for category in root.list("system_categories") {
            let key = category.string("key") ?? ""
            described.insert(key)
            reference(category.node["decided_by"], .actor)
            reference(category.node["owned_by"], .actor)
            var required: [String: SourcePosition] = [:]
            for requirement in category.list("required_roles") {
                guard let node = requirement.node["role"], let roleKey = node.string, reference(node, .role) else {
                    continue
                }
                if let first = required[roleKey] {
                    report(
                        node.position,
                        sv: "Rollen \"\(roleKey)\" krävs redan på rad \(first.line) för kategorin \"\(key)\".",
                        en:
                            "The role \"\(roleKey)\" is already required on line \(first.line) for the category \"\(key)\"."
                    )
                }
                required[roleKey] = required[roleKey] ?? node.position
                guard let role = profile.role(roleKey) else { continue }
                if role.scope != .system && role.scope != .managementObject {
                    report(
                        node.position,
                        sv:
                            "Rollen \"\(roleKey)\" innehas för \(role.scope.label.sv.lowercased()), så ett system kan inte krävas ha den.",
                        en:
                            "The role \"\(roleKey)\" is held for \(role.scope.label.en.lowercased()), so a system can't be required to have it."
                    )
                }
                if role.isOptional {
                    report(
                        node.position,
                        sv:
                            "Rollen \"\(roleKey)\" är valfri men krävs här för kategorin \"\(key)\": ta bort optional eller kravet.",
                        en:
                            "The role \"\(roleKey)\" is optional but required here for the category \"\(key)\": drop optional or the requirement."
                    )
                }
            }
        }
        if root.node["system_categories"] != nil {
            for category in SystemCategory.allCases where !described.contains(category.rawValue) {
                report(
                    root.node.keyPosition("system_categories"),
                    sv:
                        "Kategorin \"\(category.rawValue)\" beskrivs inte: registrets system är kommungemensamma eller verksamhetssystem, och profilen behöver säga vem som beslutar om båda och vilka roller de kräver.",
                    en:
                        "The category \"\(category.rawValue)\" is not described: the register's systems are kommungemensamt or verksamhetssystem, and the profile needs to say who decides both and which roles they require."
                )
            }
        }
    }

    // MARK: Forums

    private mutating func checkForums() {
        for forum in root.list("forums") {
            let key = forum.string("key") ?? ""
            if forum.node["chair"] == nil && forum.node["convener"] == nil {
                report(
                    forum.node.position,
                    sv: "Forumet \"\(key)\" har ingen ordförande: ange chair eller convener (en roll).",
                    en: "The forum \"\(key)\" has no chair: name its chair or convener (a role).")
            }
            reference(forum.node["chair"], .role)
            reference(forum.node["convener"], .role)
            references(forum.node["members"], .role)
            references(forum.node["adjunct_members"], .role)
            if let cadence = forum.obj("cadence") {
                let min = cadence.int("min_per_year"), max = cadence.int("max_per_year")
                if cadence.node["min_per_year"] == nil && cadence.node["max_per_year"] == nil {
                    report(
                        cadence.node.position, sv: "Mötesfrekvensen behöver min_per_year eller max_per_year.",
                        en: "The cadence needs min_per_year or max_per_year.")
                }
                if let min, let max, min > max {
                    report(
                        cadence.node.position,
                        sv: "Forumet \"\(key)\" ska mötas minst \(min) men högst \(max) gånger om året: det går inte.",
                        en:
                            "The forum \"\(key)\" is to meet at least \(min) but at most \(max) times a year: that can't be done."
                    )
                }
            }
            for mandate in forum.list("mandate") {
                references(mandate.node["classifications"], .classification)
                references(mandate.node["plan_kinds"], .planKind)
                references(mandate.node["document_types"], .documentType)
            }
        }
    }

    // MARK: Checklist and classification

    private mutating func checkChecklist() {
        for question in root.obj("checklist")?.list("questions") ?? [] {
            let key = question.string("key") ?? ""
            let kind = question.string("answer").flatMap(ProfileAnswerKind.init(rawValue:))
            let choices = question.list("choices")
            if kind == .choice && choices.count < 2 {
                report(
                    question.node.position,
                    sv:
                        "Frågan \"\(key)\" besvaras med ett val men har \(choices.count) svarsalternativ: ge minst två under choices.",
                    en:
                        "The question \"\(key)\" is answered by a choice but has \(choices.count) choices: give at least two under choices."
                )
            }
            if kind != .choice, question.node["choices"] != nil {
                report(
                    question.node.keyPosition("choices"),
                    sv:
                        "Bara en fråga med answer: choice har svarsalternativ (\"\(key)\" besvaras med \(kind?.rawValue ?? "?")).",
                    en:
                        "Only a question with answer: choice has choices (\"\(key)\" is answered with \(kind?.rawValue ?? "?"))."
                )
            }
            if kind != .amount, question.node["unit"] != nil {
                report(
                    question.node.keyPosition("unit"),
                    sv: "Bara en beloppsfråga har en enhet (\"\(key)\").",
                    en: "Only an amount question has a unit (\"\(key)\").")
            }
            var seen: [String: SourcePosition] = [:]
            for choice in choices {
                guard let node = choice.node["key"], let k = node.string else { continue }
                if let first = seen[k] {
                    report(
                        node.position, sv: "Svarsalternativet \"\(k)\" finns redan på rad \(first.line).",
                        en: "The choice \"\(k)\" is already given on line \(first.line).")
                }
                seen[k] = seen[k] ?? node.position
            }
        }
    }

    private var satisfiability: ConditionSatisfiability {
        var kinds: [String: ProfileAnswerKind] = [:]
        var choices: [String: Set<String>] = [:]
        for q in profile.checklist?.questions ?? [] {
            kinds[q.key] = q.answer
            choices[q.key] = Set(q.choices.map(\.key))
        }
        return ConditionSatisfiability(
            questionKinds: kinds, choices: choices, classifications: Set(profile.classifications.map(\.key)))
    }

    /// Checks a condition's references and answer tests; returns false when something in it is unknown.
    @discardableResult
    private mutating func checkCondition(_ c: Obj, allowClassification: Bool = true) -> Bool {
        var ok = true
        if c.node.entries.isEmpty {
            report(
                c.node.position,
                sv:
                    "Ett villkor behöver minst ett av: answer, amount, affects_category, category, affected_org_units, classification, urgent, all, any, not.",
                en:
                    "A condition needs at least one of: answer, amount, affects_category, category, affected_org_units, classification, urgent, all, any, not."
            )
            return false
        }
        for entry in c.node.entries {
            let value = Obj(entry.value)
            switch entry.key {
            case "answer": ok = checkAnswer(value) && ok
            case "affects_category", "category": ok = references(entry.value, .category) && ok
            case "classification":
                if !allowClassification {
                    report(
                        entry.keyPosition,
                        sv: "En klassningsregel kan inte bero på klassningen själv.",
                        en: "A classification rule can't depend on the classification itself.")
                    ok = false
                }
                for item in entry.value.items where !reference(item, .classification) { ok = false }
            case "amount", "affected_org_units": break
            case "all", "any":
                for item in entry.value.items {
                    ok = checkCondition(Obj(item), allowClassification: allowClassification) && ok
                }
            case "not": ok = checkCondition(value, allowClassification: allowClassification) && ok
            default: break
            }
        }
        return ok
    }

    private mutating func checkAnswer(_ a: Obj) -> Bool {
        guard let questionNode = a.node["question"], reference(questionNode, .question),
            let question = profile.question(questionNode.string ?? "")
        else { return false }
        let key = question.key
        let tests = ["is", "in", "at_least", "below", "answered"].filter { a.node[$0] != nil }
        if tests.isEmpty {
            report(
                a.node.position, sv: "Svarsvillkoret om \"\(key)\" behöver is, in, at_least, below eller answered.",
                en: "The answer condition on \"\(key)\" needs is, in, at_least, below or answered.")
            return false
        }
        let allowed: [String] =
            switch question.answer {
            case .yesNo: ["yes", "no"]
            case .choice: question.choices.map(\.key)
            case .amount, .text: []
            }
        var ok = true
        for test in ["is", "in"] {
            guard let node = a.node[test] else { continue }
            guard question.answer == .yesNo || question.answer == .choice else {
                report(
                    a.node.keyPosition(test),
                    sv:
                        "Frågan \"\(key)\" besvaras med \(question.answer.label.sv); \"\(test)\" gäller ja/nej- och valfrågor.",
                    en:
                        "The question \"\(key)\" is answered with \(question.answer.label.en); \"\(test)\" applies to yes/no and choice questions."
                )
                ok = false
                continue
            }
            for valueNode in node.items.isEmpty ? [node] : node.items {
                guard let value = valueNode.string, !allowed.contains(value) else { continue }
                report(
                    valueNode.position,
                    sv:
                        "Frågan \"\(key)\" kan inte besvaras \"\(value)\": svaren är \(allowed.joined(separator: ", ")).",
                    en:
                        "The question \"\(key)\" can't be answered \"\(value)\": the answers are \(allowed.joined(separator: ", "))."
                )
                ok = false
            }
        }
        for test in ["at_least", "below"] where a.node[test] != nil && question.answer != .amount {
            report(
                a.node.keyPosition(test),
                sv: "Frågan \"\(key)\" besvaras med \(question.answer.label.sv); \"\(test)\" gäller beloppsfrågor.",
                en:
                    "The question \"\(key)\" is answered with \(question.answer.label.en); \"\(test)\" applies to amount questions."
            )
            ok = false
        }
        return ok
    }

    private mutating func checkCalculation() {
        guard let calculation = root.obj("calculation") else { return }
        if calculation.bool("required") == true, let when = calculation.node["required_when"] {
            report(
                when.position, sv: "\"required_when\" säger inget när \"required\" är true: ta bort det ena.",
                en: "\"required_when\" says nothing when \"required\" is true: remove one of them.")
        }
        for key in ["required_when", "full_profitability_when"] {
            // Only a condition whose references all resolve is tested for contradictions.
            guard let when = calculation.obj(key), checkCondition(when) else { continue }
            if let why = satisfiability.contradiction(ProfileDecoding.condition(when)) {
                report(
                    when.node.position, sv: "Villkoret kan aldrig gälla: \(why.sv).",
                    en: "The condition can never apply: \(why.en).")
            }
        }
    }

    private mutating func checkClassificationRules() {
        for rule in root.list("classification_rules") {
            reference(rule.node["then"], .classification)
            guard let when = rule.obj("when"), checkCondition(when, allowClassification: false) else { continue }
            let condition = ProfileDecoding.condition(when)
            if let why = satisfiability.contradiction(condition) {
                report(
                    when.node.position, sv: "Regeln kan aldrig gälla: \(why.sv).",
                    en: "The rule can never apply: \(why.en).")
            }
        }
    }

    // MARK: Delegations and routes

    private mutating func checkDelegations() {
        for delegation in root.list("delegations") {
            let key = delegation.string("key") ?? ""
            let levels = delegation.list("levels")
            var previous: Int?
            for (i, level) in levels.enumerated() {
                reference(level.node["decided_by"], .actor)
                let isLast = i == levels.count - 1
                guard let below = level.int("below") else {
                    if !isLast {
                        report(
                            level.node.position,
                            sv: "Bara den sista nivån i \"\(key)\" får sakna below: nivåerna efter den kan aldrig nås.",
                            en:
                                "Only the last level of \"\(key)\" may leave out below: the levels after it can never be reached."
                        )
                    }
                    continue
                }
                if let previous, below <= previous {
                    report(
                        level.node.keyPosition("below"),
                        sv: "Nivåerna i \"\(key)\" ska stiga: \(below) kr kommer efter \(previous) kr.",
                        en: "The levels of \"\(key)\" must rise: \(below) kr comes after \(previous) kr.")
                }
                if isLast {
                    report(
                        level.node.keyPosition("below"),
                        sv:
                            "Belopp från \(below) kr har ingen som beslutar i \"\(key)\": lägg till en sista nivå utan below.",
                        en:
                            "Amounts of \(below) kr and more have nobody to decide them in \"\(key)\": add a last level without below."
                    )
                }
                previous = below
            }
        }
    }

    private mutating func checkRoutes() {
        let routes = root.list("routes")
        for (index, route) in routes.enumerated() {
            let key = route.string("key") ?? ""
            references(route.node["classifications"], .classification)
            references(route.node["categories"], .category)
            let typed = index < profile.routes.count ? profile.routes[index] : nil
            let hasUrgent = route.node["urgent_steps"] != nil
            var context: [ProfileCondition] = []
            if let typed {
                let known = typed.classifications.filter { isDefined($0, .classification) }
                if known.count == typed.classifications.count { context.append(.classification(Set(known))) }
                context.append(.category(Set(typed.categories)))
            }
            checkSteps(route.list("steps"), route: key, context: context + (hasUrgent ? [.urgent(false)] : []))
            if hasUrgent {
                checkSteps(route.list("urgent_steps"), route: key, context: context + [.urgent(true)], urgentPath: true)
            }
        }
        checkCoverage(routes)
    }

    private mutating func checkSteps(
        _ steps: [Obj], route: String, context: [ProfileCondition], urgentPath: Bool = false
    ) {
        var decidedAt: (key: String, line: Int)?
        var stepKeys: [String: SourcePosition] = [:]
        var decides = false
        let pathSv = urgentPath ? " (brådskande väg)" : ""
        let pathEn = urgentPath ? " (urgent path)" : ""
        for step in steps {
            let actors = ["forum", "role", "body", "delegation"].filter { step.node[$0] != nil }
            let action = step.string("action").flatMap(ProfileAction.init(rawValue:))
            let stepKey =
                step.string("key")
                ?? ProfileDecoding.defaultStepKey(ProfileDecoding.step(step).actor, action ?? .report)
            if actors.isEmpty {
                report(
                    step.node.position, sv: "Ett steg behöver en av forum, role, body eller delegation.",
                    en: "A step needs one of forum, role, body or delegation.")
            } else if actors.count > 1 {
                report(
                    step.node.keyPosition(actors[1]),
                    sv: "Ett steg har en enda aktör, men här anges både \(actors.joined(separator: " och ")).",
                    en: "A step has a single actor, but this one names \(actors.joined(separator: " and ")).")
            }
            reference(step.node["forum"], .forum)
            reference(step.node["role"], .role)
            reference(step.node["body"], .body)
            reference(step.node["delegation"], .delegation)
            references(step.node["against"], .assessmentPoint)
            if step.node["delegation"] != nil && action != .decide {
                report(
                    step.node.keyPosition("delegation"),
                    sv: "En delegationsordning kan bara besluta (action: decide).",
                    en: "A delegation can only decide (action: decide).")
            }
            if step.node["against"] != nil && action != .assess {
                report(
                    step.node.keyPosition("against"), sv: "\"against\" gäller bara steg med action: assess.",
                    en: "\"against\" only applies to a step with action: assess.")
            }
            if action == .decide && step.bool("before_decision") == true {
                report(
                    step.node.keyPosition("before_decision"),
                    sv: "Ett beslutssteg är beslutet självt och kan inte göras före beslutet.",
                    en: "A decide step is the decision itself and can't come before the decision.")
            }
            if let first = stepKeys[stepKey] {
                report(
                    step.node.keyPosition("key"),
                    sv: "Steget \"\(stepKey)\" finns redan på rad \(first.line) i \"\(route)\": ge stegen egna key.",
                    en:
                        "The step \"\(stepKey)\" is already on line \(first.line) of \"\(route)\": give the steps keys of their own."
                )
            }
            stepKeys[stepKey] = stepKeys[stepKey] ?? step.node.position
            if let decidedAt {
                report(
                    step.node.position,
                    sv:
                        "Steget \"\(stepKey)\"\(pathSv) nås aldrig: beslutet fattas redan i steget \"\(decidedAt.key)\" på rad \(decidedAt.line).",
                    en:
                        "The step \"\(stepKey)\"\(pathEn) can never be reached: the decision is taken at the step \"\(decidedAt.key)\" on line \(decidedAt.line) before it."
                )
                continue
            }
            if action == .decide { decides = true }
            if let when = step.obj("when") {
                if checkCondition(when) {
                    let condition = ProfileDecoding.condition(when)
                    if let why = satisfiability.contradiction(.all(context + [condition])) {
                        report(
                            when.node.position,
                            sv: "Steget \"\(stepKey)\"\(pathSv) nås aldrig: \(why.sv) i beslutsvägen \"\(route)\".",
                            en:
                                "The step \"\(stepKey)\"\(pathEn) can never be reached: \(why.en) on the route \"\(route)\"."
                        )
                    }
                }
            } else if action == .decide {
                decidedAt = (stepKey, step.node.position.line)
            }
        }
        if !decides, let first = steps.first {
            report(
                first.node.position,
                sv:
                    "Beslutsvägen \"\(route)\"\(pathSv) leder aldrig till ett beslut: lägg till ett steg med action: decide.",
                en: "The route \"\(route)\"\(pathEn) never reaches a decision: add a step with action: decide.")
        }
    }

    /// Every classification and category has exactly one route, once there are routes.
    private mutating func checkCoverage(_ routes: [Obj]) {
        guard !routes.isEmpty, !profile.classifications.isEmpty else { return }
        for classification in profile.classifications {
            for category in SystemCategory.allCases {
                let matching = profile.routes.enumerated().filter {
                    $0.element.classifications.contains(classification.key) && $0.element.categories.contains(category)
                }
                if matching.isEmpty {
                    report(
                        root.node.keyPosition("routes"),
                        sv:
                            "Ingen beslutsväg gäller förslag som klassas \"\(classification.key)\" i kategorin \"\(category.rawValue)\".",
                        en:
                            "No route applies to proposals classified \"\(classification.key)\" in the category \"\(category.rawValue)\"."
                    )
                } else if matching.count > 1, matching[1].offset < routes.count {
                    report(
                        routes[matching[1].offset].node.position,
                        sv:
                            "Både \"\(matching[0].element.key)\" och \"\(matching[1].element.key)\" gäller förslag som klassas \"\(classification.key)\" i kategorin \"\(category.rawValue)\": varje förslag ska ha en enda väg.",
                        en:
                            "Both \"\(matching[0].element.key)\" and \"\(matching[1].element.key)\" apply to proposals classified \"\(classification.key)\" in the category \"\(category.rawValue)\": each proposal needs a single route."
                    )
                }
            }
        }
    }

    // MARK: Documents, plans, intervals, costs

    private mutating func checkDocuments() {
        for type in root.list("document_types") {
            reference(type.node["decided_by"], .actor)
            reference(type.node["approved_by"], .actor)
        }
        var placed: [String: SourcePosition] = [:]
        for group in root.list("document_precedence") {
            for item in group.node["order"]?.items ?? [] {
                guard reference(item, .documentType), let key = item.string else { continue }
                if let first = placed[key] {
                    report(
                        item.position,
                        sv: "Dokumenttypen \"\(key)\" har redan en plats i företrädesordningen på rad \(first.line).",
                        en:
                            "The document type \"\(key)\" already has a place in the precedence order on line \(first.line)."
                    )
                }
                placed[key] = placed[key] ?? item.position
            }
        }
        for plan in root.list("plan_kinds") {
            reference(plan.node["adopted_by"], .actor)
            reference(plan.node["owner"], .actor)
        }
    }

    private mutating func checkIntervalsAndCosts() {
        if let intervals = root.obj("intervals") {
            for key in [
                "classification_validity", "benefit_evaluation", "company_meetings", "term_follow_up",
                "self_assessment",
            ] {
                reference(intervals.obj(key)?.node["by"], .actor)
            }
            var levels: [Int: SourcePosition] = [:]
            for review in intervals.list("access_reviews") {
                guard let node = review.node["level_at_least"], let level = node.integer else { continue }
                if let first = levels[level] {
                    report(
                        node.position,
                        sv: "Nivå \(level) har redan ett granskningsintervall på rad \(first.line).",
                        en: "Level \(level) already has a review interval on line \(first.line).")
                }
                levels[level] = levels[level] ?? node.position
            }
        }
        if let access = root.obj("access") {
            reference(access.node["decided_by"], .role)
            reference(access.node["reviewed_by"], .role)
            for item in access.node["responsible"]?.items ?? [] { reference(item, .role) }
        }
        for principle in root.list("cost_allocation") {
            reference(principle.node["paid_by"], .actor)
            reference(principle.node["decided_by"], .actor)
        }
    }
}
