import Foundation
import Plot
import StyrbordCore

/// A proposal: its summary and diarienummer, impact and overlap (D4, T3), the checklist (D5), its
/// route with each step's state and the forms to record them, the nyttokalkyl, and the decision.
struct ProposalShowPage: Page {
    /// A form on the page that came back with errors: only that form shows them and the values sent.
    struct FailedForm {
        enum Which: Equatable {
            case checklist, calculation, decision
            case step(String)
        }
        var form: Which
        var values: FormData
        var errors: FormErrors
    }

    struct Model {
        var tenantSlug: String
        var state: ProposalState
        var today: CalendarDay
        var canEdit: Bool
        var canPrepare: Bool
        var failed: FailedForm?
        /// The plans whose initiative the proposal became (D3), with the initiative's status.
        var initiatives: [(planID: UUID, planTitle: String, status: String)] = []
    }

    let model: Model
    let ctx: PageContext

    private var state: ProposalState { model.state }
    private var p: Proposal { model.state.proposal }
    private var id: UUID { p.id! }
    private var profile: GovernanceProfile { model.state.profile }

    var title: String { (model.failed == nil ? "" : ctx.t("Fel: ", "Error: ")) + "\(p.diarienummer) \(p.title)" }
    var section: NavSection? { .proposals }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(title: ctx.t("Förslag", "Proposals"), url: ProposalRoutes.index(model.tenantSlug)),
            Breadcrumb(title: p.diarienummer),
        ]
    }

    private func builder(_ which: FailedForm.Which, defaults: FormData) -> FormBuilder {
        if let failed = model.failed, failed.form == which {
            return FormBuilder(ctx: ctx, values: failed.values, errors: failed.errors)
        }
        return FormBuilder(ctx: ctx, values: defaults)
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .div(
                .class("page-heading"),
                .h1(.safe(p.title)),
                // A settled proposal can't be edited (409): no link to a form that would refuse.
                .if(
                    model.canEdit,
                    .div(
                        .class("actions"),
                        Components.buttonLink(
                            ctx.t("Redigera", "Edit"), url: ProposalRoutes.edit(model.tenantSlug, id))))),
            summary(), impact(), overlap(), checklist(), route(), calculation(), decision())
    }

    // MARK: Summary

    private func summary() -> Node<HTML.BodyContext> {
        let tree = state.register.tree
        let systems = p.systemIDs.compactMap { state.register.infos[$0]?.name }
        return Components.facts([
            (ctx.t("Diarienummer", "Reference"), .safe(p.diarienummer)),
            (ctx.t("Status", "Status"), Components.badge(ctx.t(p.status.label))),
            (ctx.t("Förslagsställare", "Proposer"), .safe(p.proposedByName)),
            (ctx.t("Förvaltning", "Administration"), Components.textOrDash(tree.name(p.orgUnitID), ctx)),
            (ctx.t("Kategori", "Category"), Components.textOrDash(p.category.map { ctx.t($0.label) }, ctx)),
            (ctx.t("Berörda system", "Systems affected"), Components.textOrDash(systems.joined(separator: ", "), ctx)),
            (ctx.t("Behov", "Need"), .safe(p.need)),
            (ctx.t("Behovsanalys", "Needs analysis"), Components.textOrDash(p.needsAnalysis, ctx)),
            (
                ctx.t("Beräknad kostnad", "Expected cost"),
                Components.textOrDash(p.expectedCost.map { "\(Self.kronor($0)) kr" }, ctx)
            ),
            (ctx.t("Planerad start", "Expected start"), Components.textOrDash(p.expectedStartOn, ctx)),
            (ctx.t("Planerat klart", "Expected completion"), Components.textOrDash(p.expectedDoneOn, ctx)),
            (
                ctx.t("Brådskande", "Urgent"),
                .text(p.isUrgent ? ctx.t("Ja – ", "Yes – ") + p.urgencyReason : ctx.t("Nej", "No"))
            ),
        ])
    }

    static func kronor(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "\u{a0}" }
            out.append(c)
        }
        return (n < 0 ? "−" : "") + out
    }

    // MARK: Impact and overlap

    private func impact() -> Node<HTML.BodyContext> {
        let i = state.impact
        let tree = state.register.tree
        return .section(
            .id("impact"),
            .h2(
                .text(
                    ctx.t(
                        "Konsekvenser för andra system och förvaltningar", "Impact on other systems and administrations"
                    ))),
            i.dependents.isEmpty
                ? .p(
                    .class("muted"),
                    .text(
                        ctx.t(
                            "Inga andra system beror på de berörda systemen.",
                            "No other systems depend on the systems affected.")))
                : .ul(
                    .forEach(i.dependents) { d in
                        .li(
                            .a(.link(SystemRoutes.show(model.tenantSlug, d.system.id)), .safe(d.system.name)),
                            .text(
                                ctx.t(
                                    " – beror på \(state.register.infos[d.via]?.name ?? "") (\(d.distance) steg)",
                                    " – depends on \(state.register.infos[d.via]?.name ?? "") (\(d.distance) steps)")))
                    }),
            .h3(.text(ctx.t("Andra förvaltningar som berörs", "Other administrations affected"))),
            i.otherAdministrations.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga.", "None.")))
                : .ul(.forEach(i.otherAdministrations) { .li(.safe(tree.name($0) ?? "")) }),
            .h3(.text(ctx.t("Rollinnehavare som berörs", "Role holders affected"))),
            i.roleHolders.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga.", "None.")))
                : .ul(
                    .forEach(i.roleHolders) { h in
                        .li(.safe("\(h.personName), \(h.roleName) – \(state.register.infos[h.systemId]?.name ?? "")"))
                    }))
    }

    private func overlap() -> Node<HTML.BodyContext> {
        .section(
            .id("overlap"),
            .h2(.text(ctx.t("Risk för överlappning", "Risk of overlap"))),
            .p(
                .class("hint"),
                .text(
                    ctx.t(
                        "System och öppna förslag i andra förvaltningar vars beskrivning delar ord med förslagets rubrik och behov.",
                        "Systems and open proposals in other administrations whose description shares words with the proposal's title and need."
                    ))),
            state.overlaps.isEmpty
                ? .p(
                    .class("muted"),
                    .text(
                        ctx.t(
                            "Inga liknande system eller förslag hittades.",
                            "No similar systems or proposals were found.")))
                : .ul(
                    .forEach(state.overlaps) { m in
                        let url =
                            m.candidate.kind == .system
                            ? SystemRoutes.show(model.tenantSlug, m.candidate.id)
                            : ProposalRoutes.show(model.tenantSlug, m.candidate.id)
                        return .li(
                            .text(
                                m.candidate.kind == .system
                                    ? ctx.t("System: ", "System: ") : ctx.t("Förslag: ", "Proposal: ")),
                            .a(.link(url), .safe(m.candidate.name)),
                            .text(ctx.t(" – gemensamma ord: ", " – shared words: ")),
                            .safe(m.sharedWords.joined(separator: ", ")))
                    }))
    }

    // MARK: Checklist

    private func checklist() -> Node<HTML.BodyContext> {
        let questions = profile.checklist?.questions ?? []
        var defaults: [String: [String]] = [:]
        for (key, value) in p.checklist.answers {
            switch value {
            case .bool(let b): defaults["answers.\(key)"] = [b ? "yes" : "no"]
            case .integer(let n): defaults["answers.\(key)"] = [String(n)]
            case .text(let t): defaults["answers.\(key)"] = [t]
            }
        }
        let f = builder(.checklist, defaults: FormData(defaults))
        var labels: [String: String] = [:]
        for q in questions { labels["answers.\(q.key)"] = ctx.t(q.text) }
        return .section(
            .id("checklist"),
            .h2(.text(ctx.t(profile.checklist?.name ?? Localized(sv: "Checklista", en: "Checklist")))),
            questions.isEmpty
                ? .p(
                    .class("muted"),
                    .text(ctx.t("Styrningsprofilen har ingen checklista.", "The governance profile has no checklist.")))
                : .if(
                    model.canEdit,
                    .group(
                        f.errorSummary(labels: labels),
                        f.form(
                            action: ProposalRoutes.checklist(model.tenantSlug, id),
                            .group(questions.map { question($0, f) }),
                            .div(.class("form-actions"), f.submit(ctx.t("Spara checklistan", "Save the checklist"))))),
                    else: .dl(
                        .class("facts"),
                        .forEach(questions) { q in
                            .group(.dt(.safe(ctx.t(q.text))), .dd(.safe(f.values["answers.\(q.key)"])))
                        })))
    }

    private func question(_ q: GovernanceProfile.Question, _ f: FormBuilder) -> Node<HTML.BodyContext> {
        let name = "answers.\(q.key)"
        let label = ctx.t(q.text)
        let hint = q.help.map { ctx.t($0) }
        switch q.answer {
        case .yesNo:
            return f.select(
                name, label: label, options: [("yes", ctx.t("Ja", "Yes")), ("no", ctx.t("Nej", "No"))],
                emptyLabel: ctx.t("— Ej besvarad —", "— Not answered —"), hint: hint, required: q.isRequired)
        case .choice:
            return f.select(
                name, label: label, options: q.choices.map { ($0.key, ctx.t($0.text)) },
                emptyLabel: ctx.t("— Ej besvarad —", "— Not answered —"), hint: hint, required: q.isRequired)
        case .amount:
            return f.input(
                name, label: label + (q.unit.map { " (\($0))" } ?? ""), hint: hint, required: q.isRequired,
                inputMode: "numeric")
        case .text:
            return f.textarea(name, label: label, hint: hint, rows: 3, required: q.isRequired)
        }
    }

    // MARK: Route

    private func route() -> Node<HTML.BodyContext> {
        let w = state.workflow
        let classification = w.classification.flatMap { profile.classification($0)?.name }
        return .section(
            .id("route"),
            .h2(.text(ctx.t("Klassning och väg", "Classification and route"))),
            Components.facts([
                (ctx.t("Klassning", "Classification"), Components.textOrDash(classification.map { ctx.t($0) }, ctx)),
                (ctx.t("Väg", "Route"), Components.textOrDash(w.route.map { ctx.t($0.name) }, ctx)),
                (
                    ctx.t("Beslutar", "Decides"),
                    Components.textOrDash(w.decider.map { ctx.t(profile.actorName($0)) }, ctx)
                ),
            ]),
            w.steps.isEmpty
                ? .p(.class("muted"), .text(ctx.t(w.reasonsNotDecidable.first ?? Localized(verbatim: ""))))
                : .ol(.class("route-steps"), .forEach(w.steps) { .li(step($0)) }))
    }

    private func step(_ s: ProposalWorkflow.StepState) -> Node<HTML.BodyContext> {
        let w = state.workflow
        let record = state.latestStepRecords[s.step.key]
        let stateText: String =
            s.isDecision
            ? (state.latestDecision == nil
                ? ctx.t("Väntar på beslut", "Awaiting decision") : ctx.t("Beslutat", "Decided"))
            : s.isDone
                ? ctx.t("Klart", "Done")
                : s.record != nil ? ctx.t("Ofullständigt", "Incomplete") : ctx.t("Ej gjort", "Not done")
        return .group(
            .h3(.safe(ctx.t(w.describe(s.step)))),
            .p(
                Components.badge(stateText, kind: s.isDone ? "ok" : "neutral"),
                .if(
                    s.step.isRequiredBeforeDecision,
                    .group(
                        .text(" "),
                        .span(.class("hint"), .text(ctx.t("Krävs före beslut.", "Required before the decision."))))),
                .unwrap(s.step.text) { .group(.text(" "), .safe(ctx.t($0))) }),
            .unwrap(record) { r in
                .p(
                    .class("hint"),
                    .safe(
                        ctx.t(
                            "\(ctx.t(r.outcome.label)) – registrerat av \(r.recordedByName) \(Components.dateTime(r.recordedAt))",
                            "\(ctx.t(r.outcome.label)) – recorded by \(r.recordedByName) \(Components.dateTime(r.recordedAt))"
                        )
                            + (r.note.isEmpty ? "" : ". " + r.note)))
            },
            .if(
                !s.lacking.isEmpty,
                .ul(.class("lacking"), .forEach(s.lacking) { .li(.safe(ctx.t($0))) })),
            .if(!s.isDecision && model.canPrepare, stepForm(s, record)))
    }

    private func stepForm(_ s: ProposalWorkflow.StepState, _ record: ProposalStepRecord?) -> Node<HTML.BodyContext> {
        var defaults: [String: [String]] = ["stepKey": [s.step.key]]
        for (key, text) in record?.assessments ?? [:] { defaults["assessments.\(key)"] = [text] }
        // One form per step, with the same field names: each step's ids get the step's key.
        let f = builder(.step(s.step.key), defaults: FormData(defaults)).prefixingIDs("step-\(s.step.key)-")
        let outcomes = StepOutcome.allCases.filter { $0.fits(s.step.action) }.map { ($0.rawValue, ctx.t($0.label)) }
        var labels = ["outcome": ctx.t("Utfall", "Outcome"), "note": ctx.t("Anteckning", "Note")]
        for point in s.step.against {
            labels["assessments.\(point)"] = ctx.t(profile.assessmentPoint(point)?.text ?? Localized(verbatim: point))
        }
        return .el(
            "details", .if(model.failed?.form == .step(s.step.key), .attribute(named: "open")),
            .el("summary", .text(ctx.t("Registrera steget", "Record the step"))),
            f.errorSummary(labels: labels),
            f.form(
                action: ProposalRoutes.steps(model.tenantSlug, id),
                .selfClosedElement(
                    named: "input",
                    attributes: [.attr("type", "hidden"), .attr("name", "stepKey"), .attr("value", s.step.key)]),
                f.select("outcome", label: labels["outcome"]!, options: outcomes, required: true),
                .group(
                    s.step.against.map { point in
                        f.textarea("assessments.\(point)", label: labels["assessments.\(point)"]!, rows: 2)
                    }),
                f.textarea("note", label: labels["note"]!, rows: 2),
                .div(.class("form-actions"), f.submit(ctx.t("Registrera", "Record")))))
    }

    // MARK: Calculation

    private func calculation() -> Node<HTML.BodyContext> {
        let c = state.workflow.calculation
        let shortcomings = state.workflow.calculationShortcomings
        return .section(
            .id("calculation"),
            .h2(.text(ctx.t("Nyttokalkyl", "Benefit/cost calculation"))),
            .unwrap(c) { c in
                let fig = c.figures
                return Components.facts([
                    (ctx.t("Bruttonytta", "Gross benefit"), .text("\(Self.kronor(fig.grossBenefit)) kr")),
                    (ctx.t("Kostnader", "Costs"), .text("\(Self.kronor(fig.costs)) kr")),
                    (ctx.t("Nettonytta", "Net benefit"), .text("\(Self.kronor(fig.netBenefit)) kr")),
                    (
                        ctx.t("Återbetalningsår", "Payback year"),
                        Components.textOrDash(fig.paybackYear.map(String.init), ctx)
                    ),
                    (
                        ctx.t(
                            "Nuvärde (kalkylränta \(c.discountRatePercent) %)",
                            "Net present value (rate \(c.discountRatePercent) %)"),
                        .text("\(Self.kronor(fig.netPresentValue)) kr")
                    ),
                ])
            },
            .if(c == nil, .p(.class("muted"), .text(ctx.t("Ingen nyttokalkyl ännu.", "No calculation yet.")))),
            .if(!shortcomings.isEmpty, .ul(.class("lacking"), .forEach(shortcomings) { .li(.safe(ctx.t($0))) })),
            .if(model.canEdit, calculationForm(c)))
    }

    private func calculationForm(_ c: BenefitCalculation?) -> Node<HTML.BodyContext> {
        var d: [String: [String]] = [
            "firstYear": [String(c?.firstYear ?? model.today.year)],
            "years": [String(c?.years ?? profile.calculation.years)],
        ]
        let benefits = c?.benefits ?? []
        for (i, b) in benefits.enumerated() {
            let p = "benefits[\(i)]"
            d["\(p).description"] = [b.description]
            d["\(p).kind"] = [b.kind.rawValue]
            d["\(p).annualAmount"] = [String(b.annualAmount)]
            d["\(p).probabilityPercent"] = [String(b.probabilityPercent)]
            d["\(p).fromYear"] = [String(b.fromYear)]
            d["\(p).untilYear"] = [b.untilYear.map(String.init) ?? ""]
            d["\(p).owner"] = [b.owner]
        }
        let qualitative = c?.qualitativeBenefits ?? []
        for (i, q) in qualitative.enumerated() {
            d["qualitativeBenefits[\(i)].description"] = [q.description]
            d["qualitativeBenefits[\(i)].owner"] = [q.owner]
        }
        let costs = c?.costs ?? []
        for (i, l) in costs.enumerated() {
            let p = "costs[\(i)]"
            d["\(p).description"] = [l.description]
            d["\(p).category"] = [l.category.rawValue]
            d["\(p).isRecurring"] = l.isRecurring ? ["true"] : []
            d["\(p).amount"] = [String(l.amount)]
            d["\(p).year"] = [String(l.year)]
            d["\(p).untilYear"] = [l.untilYear.map(String.init) ?? ""]
        }
        let risks = c?.risks ?? []
        for (i, r) in risks.enumerated() {
            let p = "risks[\(i)]"
            d["\(p).description"] = [r.description]
            d["\(p).probability"] = [String(r.probability)]
            d["\(p).consequence"] = [String(r.consequence)]
            d["\(p).action"] = [r.action]
        }
        let f = builder(.calculation, defaults: FormData(d))
        let spare = 2
        let kinds = BenefitCalculation.BenefitKind.allCases.map { ($0.rawValue, ctx.t($0.label)) }
        let categories = BenefitCalculation.CostCategory.allCases.map { ($0.rawValue, ctx.t($0.label)) }
        func count(_ prefix: String, _ stored: Int) -> Int {
            let submitted =
                f.values.raw.keys.compactMap { key -> Int? in
                    guard key.hasPrefix(prefix + "["), let end = key.firstIndex(of: "]") else { return nil }
                    return Int(key[key.index(key.startIndex, offsetBy: prefix.count + 1)..<end])
                }.max().map { $0 + 1 } ?? 0
            return max(stored + spare, submitted)
        }
        return .el(
            "details", .if(model.failed?.form == .calculation || c == nil, .attribute(named: "open")),
            .el("summary", .text(ctx.t("Ändra nyttokalkylen", "Edit the calculation"))),
            f.errorSummary(labels: ["firstYear": ctx.t("Första år", "First year"), "years": ctx.t("Antal år", "Years")]
            ),
            f.form(
                action: ProposalRoutes.calculation(model.tenantSlug, id),
                f.input("firstYear", label: ctx.t("Första år", "First year"), required: true, inputMode: "numeric"),
                f.input("years", label: ctx.t("Antal år", "Years"), inputMode: "numeric"),
                f.section(
                    ctx.t("Nyttor (kr per år)", "Benefits (SEK per year)"),
                    .group(
                        (0..<count("benefits", benefits.count)).map { i in
                            let p = "benefits[\(i)]"
                            return .div(
                                .class("calc-row"),
                                f.input("\(p).description", label: ctx.t("Nytta \(i + 1)", "Benefit \(i + 1)")),
                                f.select("\(p).kind", label: ctx.t("Slag", "Kind"), options: kinds),
                                f.input(
                                    "\(p).annualAmount", label: ctx.t("Belopp per år", "Amount per year"),
                                    inputMode: "numeric"),
                                f.input(
                                    "\(p).probabilityPercent", label: ctx.t("Sannolikhet %", "Probability %"),
                                    inputMode: "numeric"),
                                f.input("\(p).fromYear", label: ctx.t("Från år", "From year"), inputMode: "numeric"),
                                f.input("\(p).untilYear", label: ctx.t("Till år", "Until year"), inputMode: "numeric"),
                                f.input("\(p).owner", label: ctx.t("Hemtagningsansvarig", "Benefit owner")))
                        })),
                f.section(
                    ctx.t("Kvalitativa nyttor", "Qualitative benefits"),
                    .group(
                        (0..<count("qualitativeBenefits", qualitative.count)).map { i in
                            let p = "qualitativeBenefits[\(i)]"
                            return .div(
                                .class("calc-row"),
                                f.input(
                                    "\(p).description",
                                    label: ctx.t("Kvalitativ nytta \(i + 1)", "Qualitative benefit \(i + 1)")),
                                f.input("\(p).owner", label: ctx.t("Hemtagningsansvarig", "Benefit owner")))
                        })),
                f.section(
                    ctx.t("Kostnader", "Costs"),
                    .group(
                        (0..<count("costs", costs.count)).map { i in
                            let p = "costs[\(i)]"
                            return .div(
                                .class("calc-row"),
                                f.input("\(p).description", label: ctx.t("Kostnad \(i + 1)", "Cost \(i + 1)")),
                                f.select("\(p).category", label: ctx.t("Slag", "Category"), options: categories),
                                f.checkbox(
                                    "\(p).isRecurring", label: ctx.t("Årligen återkommande", "Recurring every year")),
                                f.input("\(p).amount", label: ctx.t("Belopp", "Amount"), inputMode: "numeric"),
                                f.input("\(p).year", label: ctx.t("År", "Year"), inputMode: "numeric"),
                                f.input("\(p).untilYear", label: ctx.t("Till år", "Until year"), inputMode: "numeric"))
                        })),
                f.section(
                    ctx.t("Risker", "Risks"),
                    .group(
                        (0..<count("risks", risks.count)).map { i in
                            let p = "risks[\(i)]"
                            return .div(
                                .class("calc-row"),
                                f.input("\(p).description", label: ctx.t("Risk \(i + 1)", "Risk \(i + 1)")),
                                f.input(
                                    "\(p).probability", label: ctx.t("Sannolikhet 1–5", "Probability 1–5"),
                                    inputMode: "numeric"),
                                f.input(
                                    "\(p).consequence", label: ctx.t("Konsekvens 1–5", "Consequence 1–5"),
                                    inputMode: "numeric"),
                                f.input("\(p).action", label: ctx.t("Åtgärd", "Action")))
                        })),
                .div(.class("form-actions"), f.submit(ctx.t("Spara nyttokalkylen", "Save the calculation")))))
    }

    // MARK: Decision

    private func decision() -> Node<HTML.BodyContext> {
        let w = state.workflow
        return .section(
            .id("decision"),
            .h2(.text(ctx.t("Beslut", "Decision"))),
            .unwrap(state.latestDecision) { d in
                Components.facts([
                    (ctx.t("Beslut", "Decision"), .safe(ctx.t(d.outcome.label))),
                    (ctx.t("Beslutande organ", "Deciding body"), .safe(d.decidedByBody)),
                    (ctx.t("Beslutsfattare", "Decision maker"), .safe(d.decidedByPerson)),
                    (ctx.t("Delegation", "Delegation"), Components.textOrDash(d.delegation, ctx)),
                    (ctx.t("Motivering", "Reasons"), .safe(d.reasons)),
                    (ctx.t("Villkor", "Conditions"), Components.textOrDash(d.conditions, ctx)),
                    (ctx.t("Beslutsdatum", "Date of decision"), .safe(d.decidedOn)),
                    (
                        ctx.t("Väg", "Path"),
                        .text(
                            d.isUrgentPath
                                ? ctx.t("Brådskande: IT-chefen bedömde", "Urgent: the IT manager assessed")
                                : ctx.t("Ordinarie beredning", "Ordinary preparation"))
                    ),
                ])
            },
            .if(
                state.latestDecision == nil && !w.reasonsNotDecidable.isEmpty,
                .group(
                    .p(.text(ctx.t("Förslaget kan inte beslutas ännu:", "The proposal can't be decided yet:"))),
                    .ul(.class("lacking"), .forEach(w.reasonsNotDecidable) { .li(.safe(ctx.t($0))) }))),
            .if(
                !model.initiatives.isEmpty,
                .p(
                    .text(ctx.t("Insats i ", "Initiative in ")),
                    .forEach(model.initiatives) { i in
                        .group(
                            .a(.link(PlanRoutes.show(model.tenantSlug, i.planID) + "#initiatives"), .safe(i.planTitle)),
                            .text(" (\(i.status)) "))
                    })),
            .if(model.canPrepare && w.decisionStep != nil, decisionForm()))
    }

    private func decisionForm() -> Node<HTML.BodyContext> {
        let decider = state.workflow.decider.map { ctx.t(profile.actorName($0)) } ?? ""
        let f = builder(
            .decision, defaults: FormData(["decidedByBody": [decider], "decidedOn": [model.today.iso]]))
        let labels = [
            "decision": ctx.t("Beslut", "Decision"), "outcome": ctx.t("Beslut", "Decision"),
            "decidedByBody": ctx.t("Beslutande organ", "Deciding body"),
            "decidedByPerson": ctx.t("Beslutsfattare", "Decision maker"),
            "delegation": ctx.t("Delegation som beslutet vilar på", "Delegation the decision rests on"),
            "reasons": ctx.t("Motivering", "Reasons"), "conditions": ctx.t("Villkor", "Conditions"),
            "decidedOn": ctx.t("Beslutsdatum", "Date of decision"),
        ]
        let notDecidable = f.errors.messages(for: "decision")
        return .group(
            f.errorSummary(labels: labels),
            f.form(
                action: ProposalRoutes.decision(model.tenantSlug, id),
                .if(
                    !notDecidable.isEmpty,
                    .div(
                        .class("field has-error"), .id(FormBuilder.fieldID("decision")),
                        .p(.class("field-error"), .safe(notDecidable.map { ctx.t($0) }.joined(separator: " "))))),
                f.select(
                    "outcome", label: labels["outcome"]!, options: f.options(DecisionOutcome.self),
                    emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true),
                f.input("decidedByBody", label: labels["decidedByBody"]!, required: true),
                f.input("decidedByPerson", label: labels["decidedByPerson"]!, required: true),
                f.input("delegation", label: labels["delegation"]!),
                f.textarea("reasons", label: labels["reasons"]!, rows: 3, required: true),
                f.textarea("conditions", label: labels["conditions"]!, rows: 2),
                f.input("decidedOn", label: labels["decidedOn"]!, type: "date", required: true),
                .div(.class("form-actions"), f.submit(ctx.t("Registrera beslutet", "Record the decision")))))
    }
}
