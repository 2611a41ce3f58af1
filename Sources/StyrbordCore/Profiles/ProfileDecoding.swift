/// Builds the typed profile from a checked tree. The structure was checked already, so what is missing
/// or was reported as wrong simply takes its default here.
enum ProfileDecoding {
    static func profile(_ root: ProfileNode) -> GovernanceProfile {
        let r = Obj(root)
        var profile = GovernanceProfile(
            formatVersion: r.int("profile_format") ?? ProfileFormat.version,
            key: r.string("key") ?? "",
            name: r.text("name") ?? Localized(verbatim: ""),
            municipality: r.string("municipality"),
            description: r.text("description"),
            sources: r.list("sources").map {
                GovernanceProfile.SourceDocument(
                    title: $0.string("title") ?? "", decidedBy: $0.string("decided_by"),
                    decidedOn: $0.string("decided_on").flatMap(CalendarDay.init(iso:)), idPrefix: $0.string("id_prefix")
                )
            },
            bodies: r.list("bodies").map {
                GovernanceProfile.Body(
                    key: $0.string("key") ?? "", name: $0.text("name") ?? Localized(verbatim: ""),
                    kind: $0.string("kind").flatMap(ProfileBodyKind.init(rawValue:)) ?? .political,
                    isPerOrgUnit: $0.bool("per_org_unit") ?? false, description: $0.text("description"),
                    source: $0.string("source"))
            },
            roles: r.list("roles").map(role),
            systemCategories: r.list("system_categories").compactMap(category),
            forums: r.list("forums").map(forum),
            assessmentPoints: r.list("assessment_points").map {
                GovernanceProfile.AssessmentPoint(
                    key: $0.string("key") ?? "", text: $0.text("text") ?? Localized(verbatim: ""),
                    source: $0.string("source"))
            },
            checklist: r.obj("checklist").map(checklist),
            classifications: r.list("classifications").map {
                GovernanceProfile.Classification(
                    key: $0.string("key") ?? "", name: $0.text("name") ?? Localized(verbatim: ""),
                    description: $0.text("description"), source: $0.string("source"))
            },
            classificationRules: r.list("classification_rules").map {
                GovernanceProfile.ClassificationRule(
                    when: $0.obj("when").map(condition) ?? .all([]), then: $0.string("then") ?? "",
                    note: $0.text("note"), source: $0.string("source"))
            },
            delegations: r.list("delegations").map {
                GovernanceProfile.Delegation(
                    key: $0.string("key") ?? "", name: $0.text("name") ?? Localized(verbatim: ""),
                    levels: $0.list("levels").map {
                        GovernanceProfile.DelegationLevel(
                            below: $0.int("below"), decidedBy: $0.string("decided_by") ?? "")
                    }, source: $0.string("source"))
            },
            routes: r.list("routes").map(route),
            documentTypes: r.list("document_types").map {
                GovernanceProfile.DocumentType(
                    key: $0.string("key") ?? "", name: $0.text("name") ?? Localized(verbatim: ""),
                    decidedBy: $0.string("decided_by"), approvedBy: $0.string("approved_by"),
                    reviewEvery: $0.duration("review_every"), source: $0.string("source"))
            },
            documentPrecedence: r.list("document_precedence").map {
                GovernanceProfile.PrecedenceGroup(
                    name: $0.text("name") ?? Localized(verbatim: ""), order: $0.strings("order"),
                    source: $0.string("source"))
            },
            planKinds: r.list("plan_kinds").map {
                GovernanceProfile.PlanKind(
                    key: $0.string("key") ?? "", name: $0.text("name") ?? Localized(verbatim: ""),
                    isPerSystem: $0.bool("per_system") ?? false, adoptedBy: $0.string("adopted_by"),
                    owner: $0.string("owner"), reviseEvery: $0.duration("revise_every"), source: $0.string("source"))
            },
            intervals: r.obj("intervals").map(intervals) ?? GovernanceProfile.Intervals(),
            costAllocation: r.list("cost_allocation").compactMap { c in
                guard let subject = c.string("subject").flatMap(ProfileCostSubject.init(rawValue:)) else { return nil }
                return GovernanceProfile.CostPrinciple(
                    subject: subject,
                    principles: c.strings("principles").compactMap(ProfileCostPrincipleKind.init(rawValue:)),
                    paidBy: c.string("paid_by"), decidedBy: c.string("decided_by"),
                    allocationKey: c.text("allocation_key"), text: c.text("text") ?? Localized(verbatim: ""),
                    source: c.string("source"))
            }, calculation: r.obj("calculation").map(calculation) ?? GovernanceProfile.CalculationRules())
        profile.serviceAgreements = r.obj("service_agreements").map {
            GovernanceProfile.ServiceAgreements(
                requiredFor: $0.strings("required_for").compactMap(SystemCategory.init(rawValue:)),
                availabilityAtLeast: $0.int("availability_at_least"), source: $0.string("source"))
        }
        return profile
    }

    static func role(_ o: Obj) -> GovernanceProfile.Role {
        GovernanceProfile.Role(
            key: o.string("key") ?? "", name: o.text("name") ?? Localized(verbatim: ""),
            scope: o.string("scope").flatMap(RoleScopeKind.init(rawValue:)) ?? .system,
            duties: o.text("duties") ?? Localized(verbatim: ""), appointedBy: o.string("appointed_by"),
            isOptional: o.bool("optional") ?? false, fallsBackTo: o.string("falls_back_to"),
            source: o.string("source"))
    }

    static func category(_ o: Obj) -> GovernanceProfile.CategoryRules? {
        guard let category = o.string("key").flatMap(SystemCategory.init(rawValue:)) else { return nil }
        return GovernanceProfile.CategoryRules(
            category: category, name: o.text("name") ?? category.label, description: o.text("description"),
            decidedBy: o.string("decided_by") ?? "", ownedBy: o.string("owned_by"), examples: o.strings("examples"),
            requiredRoles: o.list("required_roles").map {
                GovernanceProfile.RequiredRole(
                    role: $0.string("role") ?? "", deputyRequired: $0.bool("deputy") ?? false,
                    source: $0.string("source"))
            }, source: o.string("source"))
    }

    static func forum(_ o: Obj) -> GovernanceProfile.Forum {
        GovernanceProfile.Forum(
            key: o.string("key") ?? "", name: o.text("name") ?? Localized(verbatim: ""), purpose: o.text("purpose"),
            isPerOrgUnit: o.bool("per_org_unit") ?? false, chair: o.string("chair"), convener: o.string("convener"),
            members: o.strings("members"), adjunctMembers: o.strings("adjunct_members"),
            cadence: o.obj("cadence").map {
                GovernanceProfile.Cadence(minPerYear: $0.int("min_per_year"), maxPerYear: $0.int("max_per_year"))
            },
            mandate: o.list("mandate").compactMap { m in
                guard let action = m.string("action").flatMap(ProfileAction.init(rawValue:)) else { return nil }
                return GovernanceProfile.Mandate(
                    action: action, what: m.text("what") ?? Localized(verbatim: ""),
                    classifications: m.strings("classifications"), planKinds: m.strings("plan_kinds"),
                    documentTypes: m.strings("document_types"))
            }, source: o.string("source"))
    }

    static func checklist(_ o: Obj) -> GovernanceProfile.Checklist {
        GovernanceProfile.Checklist(
            name: o.text("name"),
            questions: o.list("questions").map { q in
                GovernanceProfile.Question(
                    key: q.string("key") ?? "", text: q.text("text") ?? Localized(verbatim: ""),
                    answer: q.string("answer").flatMap(ProfileAnswerKind.init(rawValue:)) ?? .text,
                    choices: q.list("choices").map {
                        GovernanceProfile.Choice(
                            key: $0.string("key") ?? "", text: $0.text("text") ?? Localized(verbatim: ""))
                    }, unit: q.string("unit"), isRequired: q.bool("required") ?? true, help: q.text("help"),
                    source: q.string("source"))
            }, source: o.string("source"))
    }

    static func route(_ o: Obj) -> GovernanceProfile.Route {
        GovernanceProfile.Route(
            key: o.string("key") ?? "", name: o.text("name") ?? Localized(verbatim: ""),
            classifications: o.strings("classifications"),
            categories: o.strings("categories").compactMap(SystemCategory.init(rawValue:)),
            steps: o.list("steps").map(step), urgentSteps: o.list("urgent_steps").map(step),
            source: o.string("source"))
    }

    static func step(_ o: Obj) -> GovernanceProfile.Step {
        let actor: GovernanceProfile.StepActor =
            if let k = o.string("forum") {
                .forum(k)
            } else if let k = o.string("role") {
                .role(k)
            } else if let k = o.string("body") {
                .body(k)
            } else if let k = o.string("delegation") {
                .delegation(k)
            } else {
                .role("")
            }
        let action = o.string("action").flatMap(ProfileAction.init(rawValue:)) ?? .report
        return GovernanceProfile.Step(
            key: o.string("key") ?? defaultStepKey(actor, action), actor: actor, action: action,
            against: o.strings("against"), when: o.obj("when").map(condition),
            isRequiredBeforeDecision: o.bool("before_decision") ?? false, text: o.text("text"),
            source: o.string("source"))
    }

    static func defaultStepKey(_ actor: GovernanceProfile.StepActor, _ action: ProfileAction) -> String {
        "\(actor.key)-\(action.rawValue)"
    }

    static func condition(_ o: Obj) -> ProfileCondition {
        var parts: [ProfileCondition] = []
        for entry in o.node.entries {
            let value = Obj(entry.value)
            switch entry.key {
            case "answer":
                let question = value.string("question") ?? ""
                if let answered = value.bool("answered") {
                    parts.append(.answer(question: question, .answered(answered)))
                }
                if let single = value.string("is") { parts.append(.answer(question: question, .isOneOf([single]))) }
                if value.node["in"] != nil {
                    parts.append(.answer(question: question, .isOneOf(Set(value.strings("in")))))
                }
                if value.node["at_least"] != nil || value.node["below"] != nil {
                    parts.append(
                        .answer(
                            question: question,
                            .amount(ProfileRange(atLeast: value.int("at_least"), below: value.int("below")))))
                }
            case "amount": parts.append(.amount(range(value)))
            case "affected_org_units": parts.append(.affectedOrgUnits(range(value)))
            case "affects_category":
                parts.append(
                    .affectsCategory(
                        Set(value.node.items.compactMap { $0.string.flatMap(SystemCategory.init(rawValue:)) })))
            case "category":
                parts.append(
                    .category(Set(value.node.items.compactMap { $0.string.flatMap(SystemCategory.init(rawValue:)) })))
            case "classification": parts.append(.classification(Set(value.node.items.compactMap(\.string))))
            case "urgent": if let b = entry.value.boolean { parts.append(.urgent(b)) }
            case "all": parts.append(.all(value.node.items.map { condition(Obj($0)) }))
            case "any": parts.append(.any(value.node.items.map { condition(Obj($0)) }))
            case "not": parts.append(.not(condition(value)))
            default: break
            }
        }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    static func calculation(_ o: Obj) -> GovernanceProfile.CalculationRules {
        var rules = GovernanceProfile.CalculationRules()
        if let rate = o.node["discount_rate_percent"]?.number { rules.discountRatePercent = rate }
        if let years = o.int("years") { rules.years = years }
        rules.requiredWhen = o.bool("required") == true ? .all([]) : o.obj("required_when").map(condition)
        rules.coversOperations = o.bool("covers_operations") ?? false
        rules.fullProfitabilityWhen = o.obj("full_profitability_when").map(condition)
        rules.source = o.string("source")
        return rules
    }

    static func range(_ o: Obj) -> ProfileRange { ProfileRange(atLeast: o.int("at_least"), below: o.int("below")) }

    static func intervals(_ o: Obj) -> GovernanceProfile.Intervals {
        func interval(_ key: String) -> GovernanceProfile.Interval? {
            guard let i = o.obj(key), let every = i.duration("every") else { return nil }
            return GovernanceProfile.Interval(
                every: every, by: i.string("by"), note: i.text("note"), source: i.string("source"))
        }
        var result = GovernanceProfile.Intervals()
        result.accessReviews = o.list("access_reviews").compactMap {
            guard let level = $0.int("level_at_least"), let every = $0.duration("every") else { return nil }
            return GovernanceProfile.AccessReview(levelAtLeast: level, every: every, source: $0.string("source"))
        }
        result.classificationValidity = interval("classification_validity")
        result.benefitEvaluation = interval("benefit_evaluation")
        result.companyMeetings = interval("company_meetings")
        result.termFollowUp = interval("term_follow_up")
        result.selfAssessment = interval("self_assessment")
        if let w = o.obj("contract_notice_warning"), let before = w.duration("before") {
            result.contractNoticeWarning = GovernanceProfile.NoticeWarning(before: before, source: w.string("source"))
        }
        return result
    }
}

/// Read access to a checked mapping.
struct Obj {
    let node: ProfileNode

    init(_ node: ProfileNode) { self.node = node }

    func string(_ key: String) -> String? { node[key]?.string }
    func int(_ key: String) -> Int? { node[key]?.integer }
    func bool(_ key: String) -> Bool? { node[key]?.boolean }
    func obj(_ key: String) -> Obj? { node[key].map(Obj.init) }
    func list(_ key: String) -> [Obj] { node[key]?.items.map(Obj.init) ?? [] }
    func strings(_ key: String) -> [String] { node[key]?.items.compactMap(\.string) ?? [] }

    /// Plain text is Swedish and stands for English too; `{sv, en}` gives both.
    func text(_ key: String) -> Localized? {
        guard let value = node[key] else { return nil }
        if let s = value.string { return Localized(sv: s, en: s) }
        guard let sv = value["sv"]?.string else { return nil }
        return Localized(sv: sv, en: value["en"]?.string ?? sv)
    }

    func duration(_ key: String) -> ProfileDuration? {
        guard let entry = node[key]?.entries.first, let unit = ProfileDuration.Unit(rawValue: entry.key),
            let amount = entry.value.integer
        else { return nil }
        return ProfileDuration(amount, unit)
    }
}
