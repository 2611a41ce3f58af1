import Foundation
import Plot
import StyrbordCore

/// The governance profile as readable pages: roles, system categories, forums, the change process
/// (checklist, classification, routes), intervals, documents and plans, and cost principles.
struct ProfileShowPage: Page {
    struct Model {
        var tenantSlug: String
        var version: Int
        var currentVersion: Int?
        var createdAt: Date
        var createdBy: String
        var profile: GovernanceProfile
    }

    let model: Model
    let ctx: PageContext
    var p: GovernanceProfile { model.profile }

    var title: String { ctx.t("Styrningsprofil", "Governance profile") }
    var section: NavSection? { .profile }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: ctx.tenant?.name ?? ""), Breadcrumb(title: title)] }

    func name(_ key: String?) -> String {
        guard let key else { return "–" }
        return ctx.t(p.actorName(key))
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            overview,
            .nav(
                .class("toc"), .ariaLabel(ctx.t("Innehåll", "Contents")),
                .ul(
                    .li(.a(.href("#roller"), .text(ctx.t("Roller", "Roles")))),
                    .li(.a(.href("#kategorier"), .text(ctx.t("Systemkategorier", "System categories")))),
                    .li(.a(.href("#forum"), .text(ctx.t("Forum", "Forums")))),
                    .li(.a(.href("#beslutsvagar"), .text(ctx.t("Beslutsvägar", "Routes to a decision")))),
                    .li(.a(.href("#intervall"), .text(ctx.t("Intervall och dokument", "Intervals and documents")))),
                    .li(
                        .a(
                            .href("#finansiering"),
                            .text(ctx.t("Finansiering och nyttokalkyl", "Costs and calculation")))))),
            roles, categories, forums, routes, intervals, costs)
    }

    private var overview: Node<HTML.BodyContext> {
        let isCurrent = model.version == model.currentVersion
        return .section(
            .class("profile-overview"),
            .p(.class("lead"), .safe(ctx.t(p.name))),
            .unwrap(p.description) { .p(.safe(ctx.t($0))) },
            Components.facts([
                (
                    ctx.t("Version", "Version"),
                    .group(
                        .text("\(model.version) "),
                        isCurrent
                            ? Components.badge(ctx.t("gäller", "in force"), kind: "ok")
                            : Components.badge(ctx.t("äldre version", "older version"), kind: "warning"))
                ),
                (ctx.t("Uppladdad", "Uploaded"), .safe("\(Components.dateTime(model.createdAt)), \(model.createdBy)")),
                (ctx.t("Profil", "Profile"), .code(.safe(p.key))),
                (
                    ctx.t("Källor", "Sources"),
                    p.sources.isEmpty
                        ? Components.textOrDash(nil, ctx)
                        : .ul(
                            .forEach(p.sources) { s in
                                .li(
                                    .safe(s.title),
                                    .unwrap(s.decidedBy) { .safe(", " + $0) },
                                    .unwrap(s.decidedOn) { .safe(" " + $0.iso) })
                            })
                ),
            ]),
            .p(
                .a(
                    .link(ProfileRoutes.versions(model.tenantSlug)),
                    .text(ctx.t("Versioner och uppladdning", "Versions and upload"))),
                .text(" · "),
                .a(
                    .link(ProfileRoutes.compare(model.tenantSlug)), .text(ctx.t("Jämför versioner", "Compare versions"))
                ),
                .text(" · "),
                .a(
                    .link(ProfileRoutes.source(model.tenantSlug, version: model.version)),
                    .text(ctx.t("Profilen som YAML", "The profile as YAML")))))
    }

    private func source(_ s: String?) -> Node<HTML.BodyContext> { .safe(s ?? "") }

    private var roles: Node<HTML.BodyContext> {
        .section(
            .id("roller"),
            .h2(.text(ctx.t("Roller", "Roles"))),
            .table(
                .class("data-table"),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Roll", "Role"))),
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Gäller", "Held for"))),
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Uppgifter", "Duties"))),
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Utses av", "Appointed by"))),
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Krav", "Requirement"))),
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Källa", "Source"))))),
                .tbody(
                    .forEach(p.roles) { role in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .safe(ctx.t(role.name))),
                            .td(.safe(ctx.t(role.scope.label))),
                            .td(.safe(ctx.t(role.duties))),
                            .td(.safe(role.appointedBy.map(name) ?? "–")),
                            .td(
                                role.isOptional
                                    ? .safe(
                                        ctx.t("Valfri", "Optional")
                                            + (role.fallsBackTo.map {
                                                ctx.t("; annars ", "; otherwise ") + name($0)
                                            } ?? ""))
                                    : .text(ctx.t("Ska finnas", "Required"))),
                            .td(source(role.source)))
                    })))
    }

    private var categories: Node<HTML.BodyContext> {
        .section(
            .id("kategorier"),
            .h2(.text(ctx.t("Systemkategorier och rollkrav", "System categories and required roles"))),
            .forEach(p.systemCategories) { c in
                .div(
                    .class("profile-block"),
                    .h3(.safe(ctx.t(c.name))),
                    .unwrap(c.description) { .p(.safe(ctx.t($0))) },
                    Components.facts([
                        (ctx.t("Beslutar om kategorin", "Decides the category"), .safe(name(c.decidedBy))),
                        (ctx.t("Ägs av", "Owned by"), .safe(c.ownedBy.map(name) ?? "–")),
                        (
                            ctx.t("Roller som krävs", "Required roles"),
                            c.requiredRoles.isEmpty
                                ? .text(ctx.t("Inga", "None"))
                                : .ul(
                                    .forEach(c.requiredRoles) { r in
                                        .li(
                                            .safe(name(r.role)),
                                            .if(r.deputyRequired, .text(ctx.t(" med ersättare", " with a deputy"))),
                                            .unwrap(r.source) { .span(.class("muted"), .safe(" (\($0))")) })
                                    })
                        ),
                        (
                            ctx.t("Exempel", "Examples"),
                            c.examples.isEmpty
                                ? Components.textOrDash(nil, ctx) : .safe(c.examples.joined(separator: ", "))
                        ),
                    ]))
            })
    }

    private var forums: Node<HTML.BodyContext> {
        .section(
            .id("forum"),
            .h2(.text(ctx.t("Forum", "Forums"))),
            p.forums.isEmpty
                ? .p(.text(ctx.t("Profilen beskriver inga forum.", "The profile describes no forums."))) : .empty,
            .forEach(p.forums) { f in
                .div(
                    .class("profile-block"),
                    .h3(.safe(ctx.t(f.name))),
                    .unwrap(f.purpose) { .p(.safe(ctx.t($0))) },
                    Components.facts([
                        (ctx.t("Ordförande", "Chair"), .safe(f.chair.map(name) ?? "–")),
                        (ctx.t("Sammankallande", "Convener"), .safe(f.convener.map(name) ?? "–")),
                        (ctx.t("Ledamöter", "Members"), .safe(f.members.map(name).joined(separator: ", "))),
                        (
                            ctx.t("Adjungerade", "Adjunct members"),
                            .safe(f.adjunctMembers.map(name).joined(separator: ", "))
                        ),
                        (ctx.t("Möten per år", "Meetings a year"), .safe(cadence(f.cadence))),
                        (
                            ctx.t("Ett per förvaltning", "One per administration"),
                            .text(f.isPerOrgUnit ? ctx.t("Ja", "Yes") : ctx.t("Nej", "No"))
                        ),
                        (
                            ctx.t("Mandat", "Mandate"),
                            .ul(
                                .forEach(f.mandate) { m in
                                    .li(.strong(.safe(ctx.t(m.action.label))), .safe(": " + ctx.t(m.what)))
                                })
                        ),
                    ]))
            })
    }

    private func cadence(_ c: GovernanceProfile.Cadence?) -> String {
        switch (c?.minPerYear, c?.maxPerYear) {
        case (let a?, let b?) where a == b: "\(a)"
        case (let a?, let b?): "\(a)–\(b)"
        case (let a?, nil): ctx.t("minst \(a)", "at least \(a)")
        case (nil, let b?): ctx.t("högst \(b)", "at most \(b)")
        default: "–"
        }
    }

    private var routes: Node<HTML.BodyContext> {
        .section(
            .id("beslutsvagar"),
            .h2(.text(ctx.t("Beslutsvägar", "Routes to a decision"))),
            .unwrap(p.checklist) { list in
                .div(
                    .class("profile-block"),
                    .h3(.safe(list.name.map { ctx.t($0) } ?? ctx.t("Checklista", "Checklist"))),
                    .ol(
                        .forEach(list.questions) { q in
                            .li(.safe(ctx.t(q.text)), .span(.class("muted"), .safe(" (\(ctx.t(q.answer.label)))")))
                        }))
            },
            .if(
                !p.classifications.isEmpty,
                .div(
                    .class("profile-block"),
                    .h3(.text(ctx.t("Klassning", "Classification"))),
                    .p(
                        .safe(
                            ctx.t(
                                "Ett förslag får den högsta klassning som någon regel ger, annars den lägsta: ",
                                "A proposal gets the highest classification any rule gives, otherwise the lowest: ")
                                + p.classifications.map { ctx.t($0.name) }.joined(separator: ", ") + ".")),
                    .ul(
                        .forEach(p.classificationRules) { rule in
                            .li(
                                .strong(
                                    .safe(ctx.t(p.classification(rule.then)?.name ?? Localized(verbatim: rule.then)))),
                                .safe(ctx.t(" när ", " when ") + ProfileText.describe(rule.when, p, ctx.lang)))
                        }))),
            .forEach(p.routes) { route in
                .div(
                    .class("profile-block"),
                    .h3(.safe(ctx.t(route.name))),
                    .p(
                        .class("muted"),
                        .safe(
                            ctx.t("Gäller: ", "For: ")
                                + route.classifications.map {
                                    ctx.t(p.classification($0)?.name ?? Localized(verbatim: $0))
                                }
                                .joined(separator: ", ") + " · "
                                + route.categories.map { ctx.t($0.label) }.joined(separator: ", "))),
                    steps(route.steps),
                    .if(
                        !route.urgentSteps.isEmpty,
                        .group(.h4(.text(ctx.t("Brådskande väg", "Urgent path"))), steps(route.urgentSteps))))
            })
    }

    private func steps(_ steps: [GovernanceProfile.Step]) -> Node<HTML.BodyContext> {
        .ol(
            .class("route-steps"),
            .forEach(steps) { step in
                .li(
                    .strong(.safe(actor(step.actor))), .safe(" " + ctx.t(step.action.label)),
                    .if(
                        step.isRequiredBeforeDecision,
                        .group(.text(" "), Components.badge(ctx.t("före beslut", "before the decision"), kind: "info"))),
                    .unwrap(step.when) {
                        .p(.class("hint"), .safe(ctx.t("Om ", "If ") + ProfileText.describe($0, p, ctx.lang)))
                    },
                    .if(
                        !step.against.isEmpty,
                        .p(
                            .class("hint"),
                            .safe(
                                ctx.t("Bedöms mot: ", "Assessed against: ")
                                    + step.against.map { p.assessmentPoint($0).map { ctx.t($0.text) } ?? $0 }
                                    .joined(separator: " ")))),
                    .unwrap(step.text) { .p(.safe(ctx.t($0))) },
                    .unwrap(step.source) { .span(.class("muted"), .safe(" (\($0))")) })
            })
    }

    private func actor(_ a: GovernanceProfile.StepActor) -> String {
        switch a {
        case .delegation(let key):
            ctx.t("Beslutsfattaren enligt ", "The decision maker under ")
                + (p.delegation(key).map { ctx.t($0.name) } ?? key)
        default: name(a.key)
        }
    }

    private var intervals: Node<HTML.BodyContext> {
        var rows: [(String, String, String, String)] = []
        func add(_ what: Localized, _ interval: GovernanceProfile.Interval?) {
            guard let interval else { return }
            rows.append((ctx.t(what), ctx.t(interval.every.label), interval.by.map(name) ?? "–", interval.source ?? ""))
        }
        for review in p.intervals.accessReviews {
            rows.append(
                (
                    ctx.t(
                        "Behörighetsgranskning, klassning \(review.levelAtLeast) och högre",
                        "Access review, classification \(review.levelAtLeast) and above"),
                    ctx.t(review.every.label), "–", review.source ?? ""
                ))
        }
        add(
            Localized(sv: "Informationsklassning gäller", en: "Information classification is valid"),
            p.intervals.classificationValidity)
        add(
            Localized(sv: "Nyttoutvärdering av system", en: "Benefit evaluation of systems"),
            p.intervals.benefitEvaluation)
        add(
            Localized(sv: "Möte med helägda bolag", en: "Meeting with wholly-owned companies"),
            p.intervals.companyMeetings)
        add(Localized(sv: "Uppföljning per mandatperiod", en: "Follow-up per term of office"), p.intervals.termFollowUp)
        add(Localized(sv: "Självskattning", en: "Self-assessment"), p.intervals.selfAssessment)
        if let w = p.intervals.contractNoticeWarning {
            rows.append(
                (
                    ctx.t("Varning före avtals uppsägningsdag", "Warning before a contract's notice date"),
                    ctx.t(w.before.label), "–", w.source ?? ""
                ))
        }
        for plan in p.planKinds {
            guard let every = plan.reviseEvery else { continue }
            rows.append(
                (
                    ctx.t("Revidering: ", "Revision: ") + ctx.t(plan.name), ctx.t(every.label),
                    plan.owner.map(name) ?? "–", plan.source ?? ""
                ))
        }
        for type in p.documentTypes {
            guard let every = type.reviewEvery else { continue }
            rows.append(
                (
                    ctx.t("Översyn: ", "Review: ") + ctx.t(type.name), ctx.t(every.label),
                    type.decidedBy.map(name) ?? "–", type.source ?? ""
                ))
        }
        return .section(
            .id("intervall"),
            .h2(.text(ctx.t("Intervall och tidsfrister", "Intervals and deadlines"))),
            .table(
                .class("data-table"),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Vad", "What"))),
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Minst var", "At least every"))),
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Vem", "Who"))),
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Källa", "Source"))))),
                .tbody(
                    .forEach(rows) { row in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .safe(row.0)), .td(.safe(row.1)),
                            .td(.safe(row.2)), .td(.safe(row.3)))
                    })),
            .h3(.text(ctx.t("Företrädesordning mellan dokument", "Precedence of documents"))),
            .forEach(p.documentPrecedence) { group in
                .div(
                    .class("profile-block"),
                    .h4(.safe(ctx.t(group.name))),
                    .ol(.forEach(group.order) { key in .li(.safe(p.documentType(key).map { ctx.t($0.name) } ?? key)) }))
            })
    }

    private var costs: Node<HTML.BodyContext> {
        .section(
            .id("finansiering"),
            .h2(.text(ctx.t("Finansiering och nyttokalkyl", "Costs and calculation"))),
            .ul(
                .forEach(p.costAllocation) { c in
                    .li(
                        .strong(.safe(ctx.t(c.subject.label))),
                        .safe(
                            " (" + c.principles.map { ctx.t($0.label) }.joined(separator: ", ") + "): " + ctx.t(c.text)),
                        .unwrap(c.paidBy) { .safe(ctx.t(" Betalas av ", " Paid by ") + name($0) + ".") },
                        .unwrap(c.source) { .span(.class("muted"), .safe(" (\($0))")) })
                }),
            calculation)
    }

    /// T6, F4, D5: what the profile asks of a proposal's nyttokalkyl.
    private var calculation: Node<HTML.BodyContext> {
        let rules = p.calculation
        let rate = rules.discountRatePercent.formatted(.number.precision(.fractionLength(0...2)))
        func when(_ condition: ProfileCondition?) -> String? {
            guard let condition else { return nil }
            if condition == .all([]) { return ctx.t("alltid", "always") }
            return ctx.t("när ", "when ") + ProfileText.describe(condition, p, ctx.lang)
        }
        return .group(
            .h3(.text(ctx.t("Nyttokalkyl", "Benefit/cost calculation"))),
            .ul(
                .li(
                    .safe(
                        ctx.t(
                            "Kalkylränta \(rate) % och \(rules.years) år.",
                            "Discount rate \(rate) % over \(rules.years) years."))),
                .li(
                    .safe(
                        ctx.t("Krävs före beslut: ", "Required before the decision: ")
                            + (when(rules.requiredWhen) ?? ctx.t("inte av profilen", "not by the profile")) + ".")),
                .if(
                    rules.coversOperations,
                    .li(
                        .text(
                            ctx.t(
                                "Kostnaderna ska täcka hela driftskedet: programvara, datorer, serverkapacitet, kommunikation, utbildning, drift och support.",
                                "The costs must cover the whole operations phase: software, computers, server capacity, communications, training, operations and support."
                            )))),
                .unwrap(when(rules.fullProfitabilityWhen)) {
                    .li(
                        .safe(
                            ctx.t(
                                "Fullt lönsamhetskrav (nyttan ska väga upp den totala kostnaden) ",
                                "Full profitability (benefits must outweigh the total cost) ") + $0 + "."))
                },
                .unwrap(rules.source) { .li(.class("muted"), .safe(ctx.t("Källa: ", "Source: ") + $0)) }))
    }
}

/// Conditions in words.
enum ProfileText {
    static func describe(_ c: ProfileCondition, _ p: GovernanceProfile, _ lang: UILanguage) -> String {
        let sv = lang == .sv
        func range(_ r: ProfileRange, unit: String) -> String {
            var parts: [String] = []
            if let a = r.atLeast { parts.append((sv ? "minst " : "at least ") + "\(a)\(unit)") }
            if let b = r.below { parts.append((sv ? "under " : "below ") + "\(b)\(unit)") }
            return parts.joined(separator: sv ? " och " : " and ")
        }
        switch c {
        case .answer(let q, let test):
            let question = p.question(q).map { "\"\($0.text[lang])\"" } ?? q
            switch test {
            case .answered(let yes):
                return question
                    + (yes ? (sv ? " är besvarad" : " is answered") : (sv ? " är obesvarad" : " is unanswered"))
            case .isOneOf(let values):
                let names = values.sorted().map { v -> String in
                    if v == "yes" { return sv ? "ja" : "yes" }
                    if v == "no" { return sv ? "nej" : "no" }
                    return p.question(q)?.choices.first { $0.key == v }?.text[lang] ?? v
                }
                return (sv ? "svaret på " : "the answer to ") + question + (sv ? " är " : " is ")
                    + names.joined(separator: sv ? " eller " : " or ")
            case .amount(let r):
                return (sv ? "svaret på " : "the answer to ") + question + (sv ? " är " : " is ")
                    + range(r, unit: " kr")
            }
        case .amount(let r): return (sv ? "beloppet är " : "the amount is ") + range(r, unit: " kr")
        case .affectsCategory(let set):
            return (sv ? "förslaget berör ett system som är " : "the proposal affects a system that is ")
                + set.map { $0.label[lang].lowercased() }.sorted().joined(separator: sv ? " eller " : " or ")
        case .category(let set):
            return (sv ? "förslaget gäller " : "the proposal concerns ")
                + set.map { $0.label[lang].lowercased() }.sorted().joined(separator: sv ? " eller " : " or ")
        case .affectedOrgUnits(let r):
            return (sv ? "förslaget berör " : "the proposal affects ") + range(r, unit: "")
                + (sv ? " förvaltningar" : " administrations")
        case .classification(let set):
            return (sv ? "klassningen är " : "the classification is ")
                + set.sorted().map { p.classification($0)?.name[lang] ?? $0 }.joined(separator: sv ? " eller " : " or ")
        case .urgent(let yes):
            return yes
                ? (sv ? "förslaget är brådskande" : "the proposal is urgent")
                : (sv ? "förslaget inte är brådskande" : "the proposal is not urgent")
        case .all(let list): return list.map { describe($0, p, lang) }.joined(separator: sv ? " och " : " and ")
        case .any(let list):
            return "(" + list.map { describe($0, p, lang) }.joined(separator: sv ? " eller " : " or ") + ")"
        case .not(let inner): return (sv ? "inte (" : "not (") + describe(inner, p, lang) + ")"
        }
    }
}
