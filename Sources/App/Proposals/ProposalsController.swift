import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML pages and form posts for proposals.
struct ProposalsController {
    /// The tenant's proposals, newest first, filtered.
    static func list(
        tenant: Tenant, query: ListQuery, filter: ProposalFilter, on db: any Database
    ) async throws
        -> [Proposal]
    {
        var q = try Proposal.scoped(to: tenant, on: db)
        if let status = filter.status { q = q.filter(\.$status == status) }
        if let unit = filter.orgUnitId { q = q.filter(\.$orgUnitID == unit) }
        let text = query.text.lowercased()
        return try await q.sort(\.$numberYear, .descending).sort(\.$number, .descending).all()
            .filter {
                text.isEmpty || $0.title.lowercased().contains(text) || $0.diarienummer.lowercased().contains(text)
            }
    }

    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        let query = ListQuery(req.queryItems)
        let filter = try ProposalFilter(req.queryItems, strict: false)
        let all = try await Self.list(tenant: tenant, query: query, filter: filter, on: req.db)
        let tree = try await req.registerContext(for: tenant).orgTree
        let rows = all.dropFirst(query.offset).prefix(query.perPage).map { p in
            ProposalListPage.Row(
                id: p.id!, diarienummer: p.diarienummer, title: p.title, status: ctx.t(p.status.label),
                orgUnit: tree.name(p.orgUnitID) ?? "", isUrgent: p.isUrgent)
        }
        let model = ProposalListPage.Model(
            tenantSlug: tenant.slug, rows: Array(rows), total: all.count, page: query.page,
            pageCount: query.pageCount(total: all.count), status: filter.status?.rawValue ?? "",
            orgUnitId: filter.orgUnitId?.uuidString ?? "", units: tree.options())
        return ProposalListPage(model: model, ctx: ctx).render()
    }

    @Sendable func show(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let proposal = try await load(req, tenant)
        return try await showPage(req, tenant, proposal, failed: nil, status: .ok)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        return try await form(
            req: req, tenant: tenant, proposal: nil, values: FormData(), errors: FormErrors(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        return try await FormSubmission.handle {
            let (draft, issues) = Self.draft(from: values)
            try RecordStore.check(issues)
            let proposal = try await ProposalRules.create(draft, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: ProposalRoutes.show(tenant.slug, try proposal.requireID()), flash: .created)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, proposal: nil, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let proposal = try await load(req, tenant)
        try ProposalRules.refuseIfSettled(proposal)
        return try await form(
            req: req, tenant: tenant, proposal: proposal, values: Self.values(from: proposal.draft),
            errors: FormErrors(),
            status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let proposal = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            let (draft, issues) = Self.draft(from: values)
            try RecordStore.check(issues)
            _ = try await ProposalRules.update(proposal, with: draft, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: ProposalRoutes.show(tenant.slug, try proposal.requireID()), flash: .saved)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, proposal: proposal, values: values, errors: errors,
                status: .unprocessableEntity)
        }
    }

    @Sendable func saveChecklist(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let proposal = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            let profile = try await ProfileRules.current(tenant, on: req.db).1
            let (answers, issues) = Self.answers(from: values, profile: profile)
            try RecordStore.check(issues)
            try await ProposalRules.saveChecklist(
                proposal, answers: answers, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(
                to: ProposalRoutes.show(tenant.slug, try proposal.requireID()) + "#checklist", flash: .saved)
        } showErrors: { errors in
            try await showPage(req, tenant, proposal, failed: .init(form: .checklist, values: values, errors: errors))
        }
    }

    @Sendable func saveCalculation(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let proposal = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            let (request, issues, positions) = Self.calculation(from: values)
            try RecordStore.check(issues)
            do {
                try await ProposalRules.saveCalculation(
                    proposal, request, tenant: tenant, actor: .from(req), on: req.db)
            } catch let failure as ValidationFailure {
                // Issues name the lines that were kept; the form names the rows as they were shown.
                throw ValidationFailure(issues: failure.issues.map { Self.renumber($0, positions) })
            }
            return req.redirect(
                to: ProposalRoutes.show(tenant.slug, try proposal.requireID()) + "#calculation", flash: .saved)
        } showErrors: { errors in
            try await showPage(req, tenant, proposal, failed: .init(form: .calculation, values: values, errors: errors))
        }
    }

    @Sendable func recordStep(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let proposal = try await load(req, tenant)
        let values = try req.formData()
        let stepKey = values["stepKey"]
        return try await FormSubmission.handle {
            let (draft, issues) = Self.stepDraft(from: values)
            try RecordStore.check(issues)
            let state = try await ProposalState.load(
                proposal, tenant: tenant, today: req.dependencies.today, on: req.db)
            do {
                try await ProposalRules.recordStep(draft!, for: state, actor: .from(req), on: req.db)
            } catch let error as ProposalError {
                throw ValidationFailure(issues: error.issues)
            }
            return req.redirect(
                to: ProposalRoutes.show(tenant.slug, try proposal.requireID()) + "#route", flash: .saved)
        } showErrors: { errors in
            try await showPage(
                req, tenant, proposal, failed: .init(form: .step(stepKey), values: values, errors: errors))
        }
    }

    @Sendable func decide(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let proposal = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            let (draft, issues) = Self.decisionDraft(from: values)
            let state = try await ProposalState.load(
                proposal, tenant: tenant, today: req.dependencies.today, on: req.db)
            do {
                // The missing steps first: they are the reason nothing else matters yet.
                if !state.workflow.mayBeDecided { throw ProposalError.notDecidable(state.workflow.reasonsNotDecidable) }
                try RecordStore.check(issues)
                try await ProposalRules.decide(draft!, for: state, actor: .from(req), on: req.db)
            } catch let error as ProposalError {
                if case .settled = error { throw error }
                throw ValidationFailure(issues: error.issues)
            }
            return req.redirect(
                to: ProposalRoutes.show(tenant.slug, try proposal.requireID()) + "#decision", flash: .saved)
        } showErrors: { errors in
            try await showPage(req, tenant, proposal, failed: .init(form: .decision, values: values, errors: errors))
        }
    }

    // MARK: - Rendering

    private func showPage(
        _ req: Request, _ tenant: Tenant, _ proposal: Proposal, failed: ProposalShowPage.FailedForm?,
        status: HTTPResponseStatus = .unprocessableEntity
    ) async throws -> Response {
        let state = try await ProposalState.load(proposal, tenant: tenant, today: req.dependencies.today, on: req.db)
        let facts = try await AccessFacts.proposal(try proposal.requireID(), tenant, req)
        let settled = proposal.status.isSettled
        let mayEdit = await req.can(.editProposal(facts))
        let mayPrepare = await req.can(.prepareProposal(facts))
        let ctx = PageContext(request: req, tenant: tenant)
        let initiatives = try await PlanInitiative.scoped(to: tenant, on: req.db)
            .filter(\.$proposalID == proposal.requireID()).all()
        var inPlans: [(planID: UUID, planTitle: String, status: String)] = []
        for initiative in initiatives {
            let plan = try await Plan.find(initiative.planID, in: tenant, on: req.db, what: Plan.what)
            inPlans.append((initiative.planID, plan.title, ctx.t(initiative.status.label)))
        }
        let model = ProposalShowPage.Model(
            tenantSlug: tenant.slug, state: state, today: req.dependencies.today, canEdit: !settled && mayEdit,
            canPrepare: !settled && mayPrepare, failed: failed, initiatives: inPlans)
        return ProposalShowPage(model: model, ctx: ctx).render(status: status)
    }

    private func form(
        req: Request, tenant: Tenant, proposal: Proposal?, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let register = try await req.registerContext(for: tenant)
        let systems = try await ITSystem.scoped(to: tenant, on: req.db).sort(\.$sortKey).field(\.$id).field(\.$name)
            .all()
        let heading =
            proposal.map { ctx.t("Redigera \($0.diarienummer)", "Edit \($0.diarienummer)") }
            ?? ctx.t("Nytt förslag till IT-insats", "New IT proposal")
        var crumbs = [Breadcrumb(title: ctx.t("Förslag", "Proposals"), url: ProposalRoutes.index(tenant.slug))]
        if let proposal {
            crumbs.append(Breadcrumb(title: proposal.diarienummer, url: ProposalRoutes.show(tenant.slug, proposal.id!)))
        }
        crumbs.append(Breadcrumb(title: proposal == nil ? ctx.t("Nytt", "New") : ctx.t("Redigera", "Edit")))
        let labels = [
            "title": ctx.t("Rubrik", "Title"), "need": ctx.t("Behov", "Need"),
            "needsAnalysis": ctx.t("Behovsanalys", "Needs analysis"),
            "orgUnitId": ctx.t("Förvaltning", "Administration"),
            "systemIds": ctx.t("Berörda system", "Systems affected"),
            "category": ctx.t("Kategori", "Category"),
            "expectedCost": ctx.t("Beräknad kostnad (kr)", "Expected cost (SEK)"),
            "expectedStartOn": ctx.t("Planerad start", "Expected start"),
            "expectedDoneOn": ctx.t("Planerat klart", "Expected completion"),
            "isUrgent": ctx.t("Brådskande", "Urgent"), "urgencyReason": ctx.t("Skäl för brådska", "Reason for urgency"),
        ]
        let model = RecordFormPage.Model(
            heading: heading, breadcrumbs: crumbs, section: .proposals,
            action: proposal.map { ProposalRoutes.edit(tenant.slug, $0.id!) } ?? ProposalRoutes.index(tenant.slug),
            cancelURL: proposal.map { ProposalRoutes.show(tenant.slug, $0.id!) } ?? ProposalRoutes.index(tenant.slug),
            submitLabel: proposal == nil
                ? ctx.t("Lämna förslaget", "Submit the proposal") : ctx.t("Spara ändringar", "Save changes"),
            values: values, errors: errors, labels: labels,
            intro: ctx.t(
                "Beskriv behovet och vad det berör. Styrbord visar sedan konsekvenser för andra förvaltningar och system, risk för överlappning och förslagets väg enligt styrningsprofilen.",
                "Describe the need and what it touches. Styrbord then shows the consequences for other administrations and systems, the risk of overlap and the proposal's route under the governance profile."
            ))
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.input("title", label: labels["title"]!, required: true),
                f.textarea("need", label: labels["need"]!, rows: 4, required: true),
                f.textarea(
                    "needsAnalysis", label: labels["needsAnalysis"]!,
                    hint: ctx.t(
                        "Den dokumenterade behovsanalysen (kravspecifikation).",
                        "The documented needs analysis (requirements)."),
                    rows: 6),
                f.select(
                    "orgUnitId", label: labels["orgUnitId"]!, options: register.orgTree.options(),
                    emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true),
                f.select(
                    "category", label: labels["category"]!, options: f.options(SystemCategory.self),
                    emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true),
                f.checkboxGroup(
                    "systemIds", legend: labels["systemIds"]!,
                    options: systems.map { ($0.id!.uuidString, $0.name) }),
                f.input("expectedCost", label: labels["expectedCost"]!, inputMode: "numeric"),
                f.input("expectedStartOn", label: labels["expectedStartOn"]!, type: "date"),
                f.input("expectedDoneOn", label: labels["expectedDoneOn"]!, type: "date"),
                f.checkbox(
                    "isUrgent", label: labels["isUrgent"]!,
                    hint: ctx.t(
                        "Under extraordinära omständigheter går förslaget den brådskande vägen.",
                        "In extraordinary circumstances the proposal takes the urgent path.")),
                f.textarea("urgencyReason", label: labels["urgencyReason"]!, rows: 2))
        }.render(status: status)
    }

    private func load(_ req: Request, _ tenant: Tenant) async throws -> Proposal {
        try await Proposal.find(
            try req.parameters.require("proposalID", as: UUID.self), in: tenant, on: req.db, what: Proposal.what)
    }

    // MARK: - Reading the forms

    static func values(from d: ProposalDraft) -> FormData {
        FormData([
            "title": [d.title], "need": [d.need], "needsAnalysis": [d.needsAnalysis],
            "orgUnitId": [d.orgUnitId?.uuidString ?? ""], "category": [d.category?.rawValue ?? ""],
            "systemIds": d.systemIds.map(\.uuidString), "expectedCost": [d.expectedCost.map(String.init) ?? ""],
            "expectedStartOn": [d.expectedStartOn?.iso ?? ""], "expectedDoneOn": [d.expectedDoneOn?.iso ?? ""],
            "isUrgent": d.isUrgent ? ["true"] : [], "urgencyReason": [d.urgencyReason],
        ])
    }

    /// The draft a proposal form describes, and what could not be read.
    static func draft(from f: FormData) -> (ProposalDraft, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let cost = FormParser.integer(f, "expectedCost", &issues)
        let start = FormParser.day(f, "expectedStartOn", &issues)
        let done = FormParser.day(f, "expectedDoneOn", &issues)
        let draft = ProposalDraft(
            title: f.untrimmed("title"), need: f.untrimmed("need"), needsAnalysis: f.untrimmed("needsAnalysis"),
            orgUnitId: UUID.parsing(f["orgUnitId"]), systemIds: f.all("systemIds").compactMap(UUID.parsing),
            category: SystemCategory(rawValue: f["category"]), expectedCost: cost, expectedStartOn: start,
            expectedDoneOn: done, isUrgent: f.isChecked("isUrgent"), urgencyReason: f.untrimmed("urgencyReason"))
        let (_, checks) = draft.checked()
        return (draft, issues + checks.filter { c in !issues.contains { $0.field == c.field } })
    }

    /// The checklist form's answers: yes/no and choices from selects, amounts as whole kronor.
    static func answers(from f: FormData, profile: GovernanceProfile) -> (ChecklistAnswers, [ValidationIssue]) {
        var answers = ChecklistAnswers()
        var issues: [ValidationIssue] = []
        for q in profile.checklist?.questions ?? [] {
            let name = "answers.\(q.key)"
            let raw = f[name]
            guard !raw.isEmpty else { continue }
            switch q.answer {
            case .yesNo: answers.answers[q.key] = .bool(raw == "yes")
            case .choice, .text: answers.answers[q.key] = .text(f.untrimmed(name))
            case .amount:
                if let n = FormParser.integer(f, name, &issues) { answers.answers[q.key] = .integer(n) }
            }
        }
        return (answers, issues)
    }

    /// The calculation form: rows left wholly blank are skipped (the form always offers a few empty ones).
    /// `positions` maps each kept line back to its row in the form.
    static func calculation(from f: FormData) -> (CalculationRequest, [ValidationIssue], [String: [Int]]) {
        var issues: [ValidationIssue] = []
        var positions: [String: [Int]] = [:]
        func rows(_ prefix: String, _ fields: [String]) -> [Int] {
            let indices = f.raw.keys.compactMap { key -> Int? in
                guard key.hasPrefix(prefix + "["), let end = key.firstIndex(of: "]") else { return nil }
                return Int(key[key.index(key.startIndex, offsetBy: prefix.count + 1)..<end])
            }
            let kept = Set(indices).sorted().filter { i in fields.contains { !f["\(prefix)[\(i)].\($0)"].isEmpty } }
            positions[prefix] = kept
            return kept
        }
        func int(_ name: String) -> Int? { FormParser.integer(f, name, &issues) }
        let firstYear = int("firstYear")
        if firstYear == nil && !issues.contains(where: { $0.field == "firstYear" }) {
            issues.append(
                ValidationIssue(
                    field: "firstYear",
                    message: Localized(sv: "Ange kalkylens första år.", en: "Enter the calculation's first year.")))
        }
        let start = firstYear ?? 0
        let benefits = rows("benefits", ["description", "annualAmount", "owner"]).map { i in
            let p = "benefits[\(i)]"
            return BenefitCalculation.BenefitLine(
                description: f.untrimmed("\(p).description"),
                kind: BenefitCalculation.BenefitKind(rawValue: f["\(p).kind"]) ?? .direct,
                annualAmount: int("\(p).annualAmount") ?? 0, probabilityPercent: int("\(p).probabilityPercent") ?? 100,
                fromYear: int("\(p).fromYear") ?? start, untilYear: int("\(p).untilYear"),
                owner: f.untrimmed("\(p).owner"))
        }
        let qualitative = rows("qualitativeBenefits", ["description", "owner"]).map { i in
            BenefitCalculation.QualitativeBenefit(
                description: f.untrimmed("qualitativeBenefits[\(i)].description"),
                owner: f.untrimmed("qualitativeBenefits[\(i)].owner"))
        }
        let costs = rows("costs", ["description", "amount"]).map { i in
            let p = "costs[\(i)]"
            return BenefitCalculation.CostLine(
                description: f.untrimmed("\(p).description"),
                category: BenefitCalculation.CostCategory(rawValue: f["\(p).category"]) ?? .other,
                isRecurring: f.isChecked("\(p).isRecurring"), amount: int("\(p).amount") ?? 0,
                year: int("\(p).year") ?? start, untilYear: int("\(p).untilYear"))
        }
        let risks = rows("risks", ["description", "action"]).map { i in
            let p = "risks[\(i)]"
            return BenefitCalculation.RiskLine(
                description: f.untrimmed("\(p).description"), probability: int("\(p).probability") ?? 0,
                consequence: int("\(p).consequence") ?? 0, action: f.untrimmed("\(p).action"))
        }
        let years = f["years"].isEmpty ? nil : int("years")
        return (
            CalculationRequest(
                firstYear: start, years: years, benefits: benefits, qualitativeBenefits: qualitative, costs: costs,
                risks: risks), issues, positions
        )
    }

    /// `benefits[1].owner` for the second kept line becomes the row it came from in the form.
    static func renumber(_ issue: ValidationIssue, _ positions: [String: [Int]]) -> ValidationIssue {
        guard let open = issue.field.firstIndex(of: "["), let close = issue.field.firstIndex(of: "]"),
            let index = Int(issue.field[issue.field.index(after: open)..<close]),
            let rows = positions[String(issue.field[..<open])], index < rows.count
        else { return issue }
        var copy = issue
        copy.field = String(issue.field[..<open]) + "[\(rows[index])]" + issue.field[issue.field.index(after: close)...]
        return copy
    }

    static func stepDraft(from f: FormData) -> (StepRecordDraft?, [ValidationIssue]) {
        guard let outcome = StepOutcome(rawValue: f["outcome"]) else {
            return (
                nil,
                [ValidationIssue(field: "outcome", message: Localized(sv: "Välj utfall.", en: "Choose the outcome."))]
            )
        }
        var assessments: [String: String] = [:]
        for (key, values) in f.raw where key.hasPrefix("assessments.") {
            assessments[String(key.dropFirst("assessments.".count))] = values.first ?? ""
        }
        let draft = StepRecordDraft(
            stepKey: f["stepKey"], outcome: outcome, assessments: assessments, note: f.untrimmed("note"))
        return (draft, draft.checked().issues)
    }

    static func decisionDraft(from f: FormData) -> (DecisionDraft?, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let decidedOn = FormParser.day(f, "decidedOn", &issues)
        guard let outcome = DecisionOutcome(rawValue: f["outcome"]) else {
            return (
                nil,
                issues + [
                    ValidationIssue(
                        field: "outcome", message: Localized(sv: "Välj beslut.", en: "Choose the decision."))
                ]
            )
        }
        let draft = DecisionDraft(
            outcome: outcome, decidedByBody: f.untrimmed("decidedByBody"),
            decidedByPerson: f.untrimmed("decidedByPerson"),
            delegation: f.untrimmed("delegation"), reasons: f.untrimmed("reasons"),
            conditions: f.untrimmed("conditions"),
            decidedOn: decidedOn)
        let checks = draft.checked().issues.filter { c in !issues.contains { $0.field == c.field } }
        return (draft, issues + checks)
    }

}
