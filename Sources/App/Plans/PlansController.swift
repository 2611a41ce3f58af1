import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML pages and form posts for plans, their activities and initiatives, and benefit follow-up.
struct PlansController {
    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        let filter = try PlanFilter(req.queryItems, strict: false)
        let plans = try await PlanQueries.list(tenant: tenant, filter: filter, on: req.db)
        let systemNames = try await PlanQueries.systemNames(plans.compactMap(\.systemID), tenant: tenant, on: req.db)
        let today = req.dependencies.today
        let kinds = profile.planKinds.filter { filter.kind == nil || $0.key == filter.kind }
        let groups = kinds.map { kind in
            PlanListPage.KindGroup(
                key: kind.key, name: ctx.t(kind.name), revision: kind.reviseEvery.map { ctx.t($0.label) },
                source: kind.source,
                rows: plans.filter { $0.kindKey == kind.key }.map { p in
                    let next = p.adoptedDay.flatMap { planRevisionDeadline(adoptedOn: $0, kind: kind) }
                    return PlanListPage.Row(
                        id: p.id!, title: p.title, years: p.years, system: p.systemID.flatMap { systemNames[$0] },
                        status: ctx.t(p.status.label), nextRevision: next, isOverdue: next.map { $0 < today } ?? false)
                })
        }
        let model = PlanListPage.Model(
            tenantSlug: tenant.slug, groups: groups,
            kinds: profile.planKinds.map { ($0.key, ctx.t($0.name)) }, kind: filter.kind ?? "",
            year: filter.year.map(String.init) ?? "",
            canCreate: await req.can(.editSomeSystem(tenantID: try tenant.requireID())))
        return PlanListPage(model: model, ctx: ctx).render()
    }

    @Sendable func show(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        return try await showPage(req, tenant, try await load(req, tenant), failed: nil, status: .ok)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let items = Dictionary(req.queryItems, uniquingKeysWith: { a, _ in a })
        let values = FormData([
            "kind": [items["kind"] ?? ""], "systemId": [items["systemId"] ?? ""],
            "startYear": [String(req.dependencies.today.year)],
        ])
        return try await planForm(req, tenant, plan: nil, values: values, errors: FormErrors(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        return try await FormSubmission.handle {
            let (draft, issues) = Self.planDraft(from: values)
            // Every problem at once: the form's reading and the checks against the profile and register.
            let profile = try await ProfileRules.current(tenant, on: req.db).1
            let more = try await PlanRules.problems(draft!, tenant: tenant, profile: profile, on: req.db)
            try RecordStore.check(issues + more.filter { m in !issues.contains { $0.field == m.field } })
            let plan = try await PlanRules.create(draft!, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: PlanRoutes.show(tenant.slug, try plan.requireID()), flash: .created)
        } showErrors: { errors in
            try await planForm(req, tenant, plan: nil, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let plan = try await load(req, tenant)
        if plan.status == .adopted { throw PlanError.adopted }
        return try await planForm(req, tenant, plan: plan, values: Self.values(plan), errors: FormErrors(), status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let plan = try await load(req, tenant)
        var raw = try req.formData().raw
        // The kind and system are shown, not submitted: they stay the plan's.
        raw["kind"] = [plan.kindKey]
        raw["systemId"] = [plan.systemID?.uuidString ?? ""]
        let submitted = FormData(raw)
        return try await FormSubmission.handle {
            let (draft, issues) = Self.planDraft(from: submitted)
            try RecordStore.check(issues)
            try await PlanRules.update(plan, with: draft!, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: PlanRoutes.show(tenant.slug, try plan.requireID()), flash: .saved)
        } showErrors: { errors in
            try await planForm(req, tenant, plan: plan, values: submitted, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func adopt(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let plan = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            var issues: [ValidationIssue] = []
            let day = FormParser.day(values, "adoptedOn", &issues)
            try RecordStore.check(issues)
            try await PlanRules.adopt(
                plan, AdoptionDraft(adoptedOn: day, adoptedBy: values.untrimmed("adoptedBy")), actor: .from(req),
                on: req.db)
            return req.redirect(to: PlanRoutes.show(tenant.slug, try plan.requireID()), flash: .saved)
        } showErrors: { errors in
            try await showPage(req, tenant, plan, failed: .init(form: .adoption, values: values, errors: errors))
        }
    }

    @Sendable func addActivity(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let plan = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            var issues: [ValidationIssue] = []
            let budget = FormParser.integer(values, "budget", &issues)
            try RecordStore.check(issues)
            do {
                _ = try await PlanRules.addActivity(
                    plan,
                    ActivityDraft(
                        title: values.untrimmed("title"), description: values.untrimmed("description"), budget: budget),
                    tenant: tenant, actor: .from(req), on: req.db)
            } catch let error as PlanError where !error.issues.isEmpty {
                throw ValidationFailure(issues: error.issues)
            }
            return req.redirect(to: PlanRoutes.show(tenant.slug, try plan.requireID()) + "#activities", flash: .saved)
        } showErrors: { errors in
            try await showPage(req, tenant, plan, failed: .init(form: .activity, values: values, errors: errors))
        }
    }

    @Sendable func newInitiative(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let plan = try await load(req, tenant)
        return try await initiativeForm(
            req, tenant, plan, values: FormData(["source": [InitiativeSource.proposal.rawValue]]), errors: FormErrors(),
            status: .ok)
    }

    @Sendable func addInitiative(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let plan = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            var issues: [ValidationIssue] = []
            let budget = FormParser.integer(values, "budget", &issues)
            guard let source = InitiativeSource(rawValue: values["source"]) else {
                throw ValidationFailure(
                    issues: issues + [
                        ValidationIssue(
                            field: "source", message: Localized(sv: "Välj ursprung.", en: "Choose the source."))
                    ])
            }
            try RecordStore.check(issues)
            // The form offers both lists; only the one the source names counts.
            let draft = InitiativeDraft(
                source: source, proposalId: source == .proposal ? UUID.parsing(values["proposalId"]) : nil,
                activityId: source == .activity ? UUID.parsing(values["activityId"]) : nil,
                title: values.untrimmed("title"), description: values.untrimmed("description"), budget: budget)
            do {
                _ = try await PlanRules.addInitiative(plan, draft, tenant: tenant, actor: .from(req), on: req.db)
            } catch let error as PlanError where !error.issues.isEmpty {
                throw ValidationFailure(issues: error.issues)
            }
            return req.redirect(to: PlanRoutes.show(tenant.slug, try plan.requireID()) + "#initiatives", flash: .saved)
        } showErrors: { errors in
            try await initiativeForm(req, tenant, plan, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func editInitiative(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let initiative = try await loadInitiative(req, tenant)
        let u = initiative.update
        let values = FormData([
            "title": [u.title], "description": [u.description], "status": [u.status.rawValue],
            "budget": [u.budget.map(String.init) ?? ""], "outcome": [u.outcome],
        ])
        return try await initiativeUpdateForm(
            req, tenant, initiative, values: values, errors: FormErrors(), status: .ok)
    }

    @Sendable func updateInitiative(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let initiative = try await loadInitiative(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            var issues: [ValidationIssue] = []
            let budget = FormParser.integer(values, "budget", &issues)
            guard let status = InitiativeStatus(rawValue: values["status"]) else {
                throw ValidationFailure(
                    issues: issues + [
                        ValidationIssue(
                            field: "status", message: Localized(sv: "Välj status.", en: "Choose the status."))
                    ])
            }
            try RecordStore.check(issues)
            try await PlanRules.updateInitiative(
                initiative,
                InitiativeUpdate(
                    title: values.untrimmed("title"), description: values.untrimmed("description"), status: status,
                    budget: budget, outcome: values.untrimmed("outcome")), actor: .from(req), on: req.db)
            return req.redirect(to: PlanRoutes.show(tenant.slug, initiative.planID) + "#initiatives", flash: .saved)
        } showErrors: { errors in
            try await initiativeUpdateForm(
                req, tenant, initiative, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func followUpForm(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let initiative = try await loadInitiative(req, tenant)
        var raw: [String: [String]] = [:]
        for line in initiative.followUp?.lines ?? [] {
            raw["lines[\(line.benefitIndex)].realisedAmount"] = [line.realisedAmount.map(String.init) ?? ""]
            raw["lines[\(line.benefitIndex)].comment"] = [line.comment]
        }
        let values = FormData(raw)
        return try await followUpPage(req, tenant, initiative, values: values, errors: FormErrors(), status: .ok)
    }

    @Sendable func saveFollowUp(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let initiative = try await loadInitiative(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            guard let (_, calculation) = try await PlanRules.calculation(of: initiative, tenant: tenant, on: req.db)
            else { throw PlanError.noCalculation }
            var issues: [ValidationIssue] = []
            var lines: [BenefitFollowUp.Line] = []
            for i in calculation.benefits.indices {
                let amount = FormParser.integer(values, "lines[\(i)].realisedAmount", &issues)
                let comment = values.untrimmed("lines[\(i)].comment")
                if amount != nil || !comment.trimmed.isEmpty {
                    lines.append(BenefitFollowUp.Line(benefitIndex: i, realisedAmount: amount, comment: comment))
                }
            }
            try RecordStore.check(issues)
            do {
                try await PlanRules.followUp(
                    initiative, BenefitFollowUp(lines: lines), tenant: tenant, actor: .from(req), on: req.db)
            } catch let failure as ValidationFailure {
                // Issues name the kept lines by position; the form names them by benefit.
                throw ValidationFailure(
                    issues: failure.issues.map { issue in
                        var copy = issue
                        for (n, line) in lines.enumerated() {
                            copy.field = copy.field.replacingOccurrences(
                                of: "lines[\(n)].", with: "lines[\(line.benefitIndex)].")
                        }
                        return copy
                    })
            }
            return req.redirect(to: PlanRoutes.followUp(tenant.slug, try initiative.requireID()), flash: .saved)
        } showErrors: { errors in
            try await followUpPage(
                req, tenant, initiative, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    // MARK: - Rendering

    private func showPage(
        _ req: Request, _ tenant: Tenant, _ plan: Plan, failed: PlanShowPage.FailedForm?,
        status: HTTPResponseStatus = .unprocessableEntity
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        let kind = PlanRules.kind(plan.kindKey, in: profile)
        let planID = try plan.requireID()
        let facts = try await AccessFacts.plan(plan, tenant, req)
        let canEdit = await req.can(.editPlan(facts))
        let activities = try await PlanActivity.scoped(to: tenant, on: req.db).filter(\.$planID == planID)
            .sort(\.$position).all()
        let initiatives = try await PlanInitiative.scoped(to: tenant, on: req.db).filter(\.$planID == planID)
            .sort(\.$position).all()
        let proposalIDs = initiatives.compactMap(\.proposalID)
        let proposals = try await Proposal.scoped(to: tenant, on: req.db).filter(\.$id ~~ proposalIDs).all()
        let byID = Dictionary(uniqueKeysWithValues: proposals.map { ($0.id!, $0) })
        var rows: [PlanShowPage.Initiative] = []
        for i in initiatives {
            let proposal = i.proposalID.flatMap { byID[$0] }
            var summary: String?
            if let calculation = proposal?.calculation, !calculation.benefits.isEmpty {
                let c = (i.followUp ?? BenefitFollowUp()).comparison(with: calculation)
                summary =
                    i.followUp == nil
                    ? nil
                    : ctx.t(
                        "Förväntat \(PlanShowPage.kronor(c.expectedTotal)), realiserat \(PlanShowPage.kronor(c.realisedTotal)) per år",
                        "Expected \(PlanShowPage.kronor(c.expectedTotal)), realised \(PlanShowPage.kronor(c.realisedTotal)) a year"
                    )
            }
            var mayFollowUp = false
            if i.status == .done && !(proposal?.calculation?.benefits.isEmpty ?? true) {
                mayFollowUp = await req.can(.followUpBenefits(try await AccessFacts.benefitOwners(i, tenant, req)))
            }
            rows.append(
                PlanShowPage.Initiative(
                    id: i.id!, title: i.title, source: ctx.t(i.source.label),
                    proposal: proposal.map { ($0.id!, $0.diarienummer) }, status: ctx.t(i.status.label),
                    budget: i.budget, outcome: i.outcome, benefitSummary: summary, canFollowUp: mayFollowUp))
        }
        let shape = PlanShape(kind)
        var approved: [(id: UUID, label: String)] = []
        if shape.holdsInitiatives && canEdit {
            let taken = Set(proposalIDs)
            approved = try await Proposal.scoped(to: tenant, on: req.db).filter(\.$status == .approved)
                .sort(\.$numberYear).sort(\.$number).all()
                .filter { !taken.contains($0.id!) }.map { ($0.id!, "\($0.diarienummer) \($0.title)") }
        }
        let system = try await plan.systemID.asyncMap { id in
            (
                id,
                try await ITSystem.scoped(to: tenant, on: req.db).filter(\.$id == id).first()?.name
                    ?? ctx.t("(borttaget system)", "(removed system)")
            )
        }
        let next = plan.adoptedDay.flatMap { planRevisionDeadline(adoptedOn: $0, kind: kind) }
        let today = req.dependencies.today
        let model = PlanShowPage.Model(
            tenantSlug: tenant.slug, id: planID, title: plan.title, kindName: ctx.t(kind.name), kindSource: kind.source,
            years: plan.years, system: system.map { (id: $0.0, name: $0.1) }, status: plan.status,
            adoptedOn: plan.adoptedDay, adoptedBy: plan.adoptedBy,
            adoptedByRole: kind.adoptedBy.map { ctx.t(profile.actorName($0)) }, nextRevision: next,
            isOverdue: next.map { $0 < today } ?? false, goals: plan.goals, budget: plan.budget, shape: shape,
            activities: activities.map { .init(title: $0.title, description: $0.description, budget: $0.budget) },
            initiatives: rows, approvedProposals: approved, canEdit: canEdit,
            canAdopt: await req.can(.adoptPlan(facts)), today: today, failed: failed)
        return PlanShowPage(model: model, ctx: ctx).render(status: status)
    }

    private func planForm(
        _ req: Request, _ tenant: Tenant, plan: Plan?, values: FormData, errors: FormErrors, status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let profile = try await ProfileRules.current(tenant, on: req.db).1
        let systems = try await ITSystem.scoped(to: tenant, on: req.db).sort(\.$sortKey).field(\.$id).field(\.$name)
            .all()
        let heading = plan.map { ctx.t("Redigera \($0.title)", "Edit \($0.title)") } ?? ctx.t("Ny plan", "New plan")
        var crumbs = [Breadcrumb(title: ctx.t("Planer", "Plans"), url: PlanRoutes.index(tenant.slug))]
        if let plan { crumbs.append(Breadcrumb(title: plan.title, url: PlanRoutes.show(tenant.slug, plan.id!))) }
        crumbs.append(Breadcrumb(title: plan == nil ? ctx.t("Ny", "New") : ctx.t("Redigera", "Edit")))
        let labels = [
            "kind": ctx.t("Slag av plan", "Kind of plan"), "systemId": ctx.t("System", "System"),
            "title": ctx.t("Rubrik", "Title"), "startYear": ctx.t("År (första året)", "Year (first year)"),
            "endYear": ctx.t("Sista år", "Last year"), "goals": ctx.t("Mål", "Goals"),
            "budget": ctx.t("Budget (kr)", "Budget (SEK)"),
        ]
        let model = RecordFormPage.Model(
            heading: heading, breadcrumbs: crumbs, section: .plans,
            action: plan.map { PlanRoutes.edit(tenant.slug, $0.id!) } ?? PlanRoutes.index(tenant.slug),
            cancelURL: plan.map { PlanRoutes.show(tenant.slug, $0.id!) } ?? PlanRoutes.index(tenant.slug),
            submitLabel: plan == nil
                ? ctx.t("Skapa planen", "Create the plan") : ctx.t("Spara ändringar", "Save changes"),
            values: values, errors: errors, labels: labels,
            intro: ctx.t(
                "Planens slag kommer från styrningsprofilen. En plan per system (systemförvaltningsplan) gäller ett system och ett år.",
                "The kinds of plan come from the governance profile. A per-system plan (system management plan) is for one system and year."
            ))
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                plan == nil
                    ? f.select(
                        "kind", label: labels["kind"]!, options: profile.planKinds.map { ($0.key, ctx.t($0.name)) },
                        emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true)
                    : .p(
                        .strong(.text(labels["kind"]! + ": ")),
                        .safe(ctx.t(PlanRules.kind(plan!.kindKey, in: profile).name))),
                plan == nil
                    ? f.select(
                        "systemId", label: labels["systemId"]!, options: systems.map { ($0.id!.uuidString, $0.name) },
                        emptyLabel: ctx.t("— Inget (kommunens plan) —", "— None (the municipality's plan) —"),
                        hint: ctx.t("Bara för planer per system.", "Only for per-system plans."))
                    : .empty,
                f.input(
                    "title", label: labels["title"]!,
                    hint: ctx.t("Lämnas tom: slaget och åren.", "Left empty: the kind and the years.")),
                f.input("startYear", label: labels["startYear"]!, required: true, inputMode: "numeric"),
                f.input(
                    "endYear", label: labels["endYear"]!,
                    hint: ctx.t("Bara för program över flera år.", "Only for programmes over several years."),
                    inputMode: "numeric"),
                f.textarea("goals", label: labels["goals"]!, rows: 6),
                f.input("budget", label: labels["budget"]!, inputMode: "numeric"))
        }.render(status: status)
    }

    private func initiativeForm(
        _ req: Request, _ tenant: Tenant, _ plan: Plan, values: FormData, errors: FormErrors, status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let planID = try plan.requireID()
        let taken = try await PlanInitiative.scoped(to: tenant, on: req.db).filter(\.$planID == planID).all()
        let takenProposals = Set(taken.compactMap(\.proposalID))
        let takenActivities = Set(taken.compactMap(\.activityID))
        let proposals = try await Proposal.scoped(to: tenant, on: req.db).filter(\.$status == .approved)
            .sort(\.$numberYear).sort(\.$number).all().filter { !takenProposals.contains($0.id!) }
        let activities = try await PlanQueries.activityOptions(tenant: tenant, year: plan.startYear, on: req.db)
            .filter { !takenActivities.contains($0.id) }
        let labels = [
            "source": ctx.t("Ursprung", "Source"), "proposalId": ctx.t("Beslutat förslag", "Decided proposal"),
            "activityId": ctx.t("Aktivitet i systemförvaltningsplan", "System management plan activity"),
            "title": ctx.t("Rubrik", "Title"), "description": ctx.t("Beskrivning", "Description"),
            "budget": ctx.t("Budget (kr)", "Budget (SEK)"),
        ]
        let model = RecordFormPage.Model(
            heading: ctx.t("Ny insats i \(plan.title)", "New initiative in \(plan.title)"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Planer", "Plans"), url: PlanRoutes.index(tenant.slug)),
                Breadcrumb(title: plan.title, url: PlanRoutes.show(tenant.slug, planID)),
                Breadcrumb(title: ctx.t("Ny insats", "New initiative")),
            ], section: .plans, action: PlanRoutes.initiatives(tenant.slug, planID),
            cancelURL: PlanRoutes.show(tenant.slug, planID),
            submitLabel: ctx.t("Lägg till insatsen", "Add the initiative"),
            values: values, errors: errors, labels: labels,
            intro: ctx.t(
                "En insats kommer från ett beslutat (beviljat) förslag, från en aktivitet i en systemförvaltningsplan eller skrivs in direkt. Rubrik och budget hämtas från förslaget eller aktiviteten om de lämnas tomma.",
                "An initiative comes from a decided (approved) proposal, from a system management plan activity, or is written directly. Title and budget come from the proposal or activity when left empty."
            ))
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.select("source", label: labels["source"]!, options: f.options(InitiativeSource.self), required: true),
                f.select(
                    "proposalId", label: labels["proposalId"]!,
                    options: proposals.map { ($0.id!.uuidString, "\($0.diarienummer) \($0.title)") },
                    emptyLabel: ctx.t("— Välj —", "— Choose —"),
                    hint: ctx.t("När ursprunget är ett beslutat förslag.", "When the source is a decided proposal.")),
                f.select(
                    "activityId", label: labels["activityId"]!,
                    options: activities.map { ($0.id.uuidString, $0.label) },
                    emptyLabel: ctx.t("— Välj —", "— Choose —"),
                    hint: ctx.t(
                        "När ursprunget är en aktivitet (systemförvaltningsplaner för samma år).",
                        "When the source is an activity (system management plans of the same year).")),
                f.input("title", label: labels["title"]!),
                f.textarea("description", label: labels["description"]!, rows: 3),
                f.input("budget", label: labels["budget"]!, inputMode: "numeric"))
        }.render(status: status)
    }

    private func initiativeUpdateForm(
        _ req: Request, _ tenant: Tenant, _ initiative: PlanInitiative, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let plan = try await Plan.find(initiative.planID, in: tenant, on: req.db, what: Plan.what)
        let labels = [
            "title": ctx.t("Rubrik", "Title"), "description": ctx.t("Beskrivning", "Description"),
            "status": ctx.t("Status", "Status"), "budget": ctx.t("Budget (kr)", "Budget (SEK)"),
            "outcome": ctx.t("Utfall", "Outcome"),
        ]
        let model = RecordFormPage.Model(
            heading: ctx.t("Insats: \(initiative.title)", "Initiative: \(initiative.title)"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Planer", "Plans"), url: PlanRoutes.index(tenant.slug)),
                Breadcrumb(title: plan.title, url: PlanRoutes.show(tenant.slug, plan.id!)),
                Breadcrumb(title: initiative.title),
            ], section: .plans, action: PlanRoutes.editInitiative(tenant.slug, initiative.id!),
            cancelURL: PlanRoutes.show(tenant.slug, plan.id!), submitLabel: ctx.t("Spara", "Save"), values: values,
            errors: errors, labels: labels, intro: nil)
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.input("title", label: labels["title"]!, required: true),
                f.textarea("description", label: labels["description"]!, rows: 3),
                f.select("status", label: labels["status"]!, options: f.options(InitiativeStatus.self), required: true),
                f.input("budget", label: labels["budget"]!, inputMode: "numeric"),
                f.textarea(
                    "outcome", label: labels["outcome"]!,
                    hint: ctx.t(
                        "Vad insatsen ledde till, när den är klar eller avbruten.",
                        "What the initiative led to, once done or cancelled."),
                    rows: 4))
        }.render(status: status)
    }

    private func followUpPage(
        _ req: Request, _ tenant: Tenant, _ initiative: PlanInitiative, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let plan = try await Plan.find(initiative.planID, in: tenant, on: req.db, what: Plan.what)
        guard let (proposal, calculation) = try await PlanRules.calculation(of: initiative, tenant: tenant, on: req.db),
            !calculation.benefits.isEmpty
        else { throw PlanError.noCalculation }
        if initiative.status != .done { throw PlanError.notDone }
        let comparison = (initiative.followUp ?? BenefitFollowUp()).comparison(with: calculation)
        var labels: [String: String] = [:]
        for row in comparison.rows {
            labels["lines[\(row.benefitIndex)].realisedAmount"] =
                ctx.t("Realiserat (kr per år)", "Realised (SEK a year)") + ": " + row.description
            labels["lines[\(row.benefitIndex)].comment"] = ctx.t("Kommentar", "Comment") + ": " + row.description
        }
        let model = RecordFormPage.Model(
            heading: ctx.t("Nyttouppföljning: \(initiative.title)", "Benefit follow-up: \(initiative.title)"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Planer", "Plans"), url: PlanRoutes.index(tenant.slug)),
                Breadcrumb(title: plan.title, url: PlanRoutes.show(tenant.slug, plan.id!)),
                Breadcrumb(title: ctx.t("Nyttouppföljning", "Benefit follow-up")),
            ], section: .plans, action: PlanRoutes.followUp(tenant.slug, initiative.id!),
            cancelURL: PlanRoutes.show(tenant.slug, plan.id!),
            submitLabel: ctx.t("Spara uppföljningen", "Save the follow-up"),
            values: values, errors: errors, labels: labels,
            intro: ctx.t(
                "Nyttorna i nyttokalkylen för \(proposal.diarienummer) följs upp av sina hemtagningsansvariga: vad som realiserats per år och varför det skiljer sig.",
                "The benefits in the calculation of \(proposal.diarienummer) are followed up by their owners: what was realised a year and why it differs."
            ))
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                Self.comparisonTable(comparison, ctx: ctx),
                .forEach(comparison.rows) { row in
                    f.section(
                        row.description + " (" + row.owner + ")",
                        f.input(
                            "lines[\(row.benefitIndex)].realisedAmount",
                            label: ctx.t("Realiserat (kr per år)", "Realised (SEK a year)"),
                            hint: ctx.t(
                                "Planerat \(PlanShowPage.kronor(row.planned)), förväntat \(PlanShowPage.kronor(row.expected)).",
                                "Planned \(PlanShowPage.kronor(row.planned)), expected \(PlanShowPage.kronor(row.expected))."
                            ),
                            inputMode: "numeric"),
                        f.textarea("lines[\(row.benefitIndex)].comment", label: ctx.t("Kommentar", "Comment"), rows: 2))
                })
        }.render(status: status)
    }

    /// Planned against realised, per benefit and in total.
    static func comparisonTable(_ c: BenefitFollowUp.Comparison, ctx: PageContext) -> Node<HTML.BodyContext> {
        func money(_ n: Int?) -> Node<HTML.BodyContext> { n.map { .text(PlanShowPage.kronor($0)) } ?? .text("–") }
        return Components.tableWrap(
            ctx.t("Planerat och realiserat", "Planned and realised"),
            .table(
                .caption(.text(ctx.t("Planerat och realiserat per år", "Planned and realised a year"))),
                .thead(
                    .tr(
                        Components.header(ctx.t("Nytta", "Benefit")),
                        Components.header(ctx.t("Hemtagningsansvarig", "Owner")),
                        Components.header(ctx.t("Planerat", "Planned")),
                        Components.header(ctx.t("Förväntat", "Expected")),
                        Components.header(ctx.t("Realiserat", "Realised")),
                        Components.header(ctx.t("Skillnad", "Difference")),
                        Components.header(ctx.t("Kommentar", "Comment")))),
                .tbody(
                    .forEach(c.rows) { r in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .safe(r.description)), .td(.safe(r.owner)),
                            .td(money(r.planned)), .td(money(r.expected)), .td(money(r.realised)),
                            .td(money(r.difference)),
                            .td(.safe(r.comment)))
                    },
                    .tr(
                        .th(.attribute(named: "scope", value: "row"), .text(ctx.t("Summa", "Total"))), .td(),
                        .td(money(c.plannedTotal)), .td(money(c.expectedTotal)), .td(money(c.realisedTotal)),
                        .td(money(c.isComplete ? c.realisedTotal - c.expectedTotal : nil)), .td()))))
    }

    private func load(_ req: Request, _ tenant: Tenant) async throws -> Plan {
        try await Plan.find(
            try req.parameters.require("planID", as: UUID.self), in: tenant, on: req.db, what: Plan.what)
    }

    private func loadInitiative(_ req: Request, _ tenant: Tenant) async throws -> PlanInitiative {
        try await PlanInitiative.find(
            try req.parameters.require("initiativeID", as: UUID.self), in: tenant, on: req.db, what: PlanInitiative.what
        )
    }

    // MARK: - Reading the forms

    static func values(_ plan: Plan) -> FormData {
        FormData([
            "kind": [plan.kindKey], "systemId": [plan.systemID?.uuidString ?? ""], "title": [plan.title],
            "startYear": [String(plan.startYear)],
            "endYear": [plan.endYear == plan.startYear ? "" : String(plan.endYear)],
            "goals": [plan.goals], "budget": [plan.budget.map(String.init) ?? ""],
        ])
    }

    static func planDraft(from f: FormData) -> (PlanDraft?, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let start = FormParser.integer(f, "startYear", &issues)
        let end = FormParser.integer(f, "endYear", &issues)
        let budget = FormParser.integer(f, "budget", &issues)
        if start == nil && !issues.contains(where: { $0.field == "startYear" }) {
            issues.append(
                ValidationIssue(
                    field: "startYear", message: Localized(sv: "Ange planens år.", en: "Enter the plan's year.")))
        }
        if !f["systemId"].isEmpty && UUID.parsing(f["systemId"]) == nil {
            issues.append(
                ValidationIssue(field: "systemId", message: Localized(sv: "Välj ett system.", en: "Choose a system.")))
        }
        let draft = PlanDraft(
            kind: f.untrimmed("kind"), systemId: UUID.parsing(f["systemId"]), title: f.untrimmed("title"),
            startYear: start ?? 0, endYear: end, goals: f.untrimmed("goals"), budget: budget)
        let checks = draft.checked().issues.filter { c in !issues.contains { $0.field == c.field } }
        return (draft, issues + checks)
    }

}
