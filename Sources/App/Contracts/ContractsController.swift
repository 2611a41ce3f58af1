import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML forms for contracts; they are listed on the system's contracts tab.
struct ContractsController {
    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system: String = req.query["system"] ?? ""
        return try await form(
            req: req, tenant: tenant, contract: nil, values: FormData(["systemId": [system]]), errors: FormErrors(),
            status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        return try await FormSubmission.handle {
            let contract = try await ContractRules.create(
                try Self.draft(from: values), tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: SystemRoutes.tab(tenant.slug, contract.systemID, .contracts), flash: .created)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, contract: nil, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let contract = try await load(req, tenant)
        return try await form(
            req: req, tenant: tenant, contract: contract, values: Self.values(from: contract.draft),
            errors: FormErrors(), status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let contract = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            _ = try await ContractRules.update(
                contract, with: try Self.draft(from: values), tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: SystemRoutes.tab(tenant.slug, contract.systemID, .contracts), flash: .saved)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, contract: contract, values: values, errors: errors,
                status: .unprocessableEntity)
        }
    }

    @Sendable func confirmDelete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let contract = try await load(req, tenant)
        let ctx = PageContext(request: req, tenant: tenant)
        let back = SystemRoutes.tab(tenant.slug, contract.systemID, .contracts)
        let model = DeleteConfirmPage.Model(
            heading: ctx.t("Ta bort avtalet \(contract.title)", "Delete the contract \(contract.title)"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Avtal", "Contracts"), url: back),
                Breadcrumb(title: ctx.t("Ta bort", "Delete")),
            ],
            section: .systems,
            explanation: [
                ctx.t(
                    "Avtalet tas bort ur registret. Historiken finns kvar.",
                    "The contract is removed from the register. Its history is kept.")
            ],
            action: ContractRoutes.delete(tenant.slug, try contract.requireID()), cancelURL: back,
            buttonLabel: ctx.t("Ta bort avtalet", "Delete the contract"))
        return DeleteConfirmPage(model: model, ctx: ctx).render()
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let contract = try await load(req, tenant)
        try await RecordStore.delete(contract, actor: .from(req), message: try req.formData()["message"], on: req.db)
        return req.redirect(to: SystemRoutes.tab(tenant.slug, contract.systemID, .contracts), flash: .deleted)
    }

    private func load(_ req: Request, _ tenant: Tenant) async throws -> Contract {
        try await Contract.find(
            try req.parameters.require("contractID", as: UUID.self), in: tenant, on: req.db, what: Contract.what)
    }

    static func values(from d: ContractDraft) -> FormData {
        func kronor(_ m: Money?) -> String {
            m.map { String(Double($0.amountMinor) / 100).replacingOccurrences(of: ".0", with: "") } ?? ""
        }
        return FormData([
            "systemId": [d.systemId.uuidString], "supplierId": [d.supplierId?.uuidString ?? ""], "title": [d.title],
            "reference": [d.reference],
            "startsOn": [d.startsOn?.iso ?? ""], "endsOn": [d.endsOn?.iso ?? ""],
            "noticePeriodMonths": [d.noticePeriodMonths.map(String.init) ?? ""],
            "autoRenews": d.autoRenews ? ["true"] : [],
            "renewalPeriodMonths": [d.renewalPeriodMonths.map(String.init) ?? ""],
            "yearlyLicenceCost": [kronor(d.yearlyLicenceCost)], "yearlyOperationCost": [kronor(d.yearlyOperationCost)],
            "notes": [d.notes],
        ])
    }

    static func draft(from f: FormData) throws -> ContractDraft {
        var p = FormParser(f)
        let system = p.uuid("systemId")
        let supplier = p.uuid("supplierId")
        let starts = p.day("startsOn")
        let ends = p.day("endsOn")
        let notice = p.integer("noticePeriodMonths")
        let renewal = p.integer("renewalPeriodMonths")
        let licence = p.money("yearlyLicenceCost")
        let operation = p.money("yearlyOperationCost")
        var issues = p.issues
        if system == nil && f["systemId"].isEmpty {
            issues.append(
                ValidationIssue(field: "systemId", message: Localized(sv: "Välj system.", en: "Choose the system.")))
        }
        try RecordStore.check(issues)
        return ContractDraft(
            systemId: system!, supplierId: supplier, title: f["title"], reference: f["reference"], startsOn: starts,
            endsOn: ends,
            noticePeriodMonths: notice, autoRenews: f.isChecked("autoRenews"), renewalPeriodMonths: renewal,
            yearlyLicenceCost: licence, yearlyOperationCost: operation, notes: f.raw["notes"]?.first ?? "")
    }

    private func form(
        req: Request, tenant: Tenant, contract: Contract?, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let systems = try await ITSystem.scoped(to: tenant, on: req.db).sort(\.$sortKey).field(\.$id).field(\.$name)
            .all()
        let options = try await PickerOptions.load(tenant: tenant, on: req.db)
        let systemID = UUID(uuidString: values["systemId"])
        let back = systemID.map { SystemRoutes.tab(tenant.slug, $0, .contracts) } ?? SystemRoutes.index(tenant.slug)
        let labels = [
            "systemId": ctx.t("System", "System"), "supplierId": ctx.t("Leverantör", "Supplier"),
            "title": ctx.t("Rubrik", "Title"),
            "reference": ctx.t("Avtalsreferens eller diarienummer", "Contract reference"),
            "startsOn": ctx.t("Startdatum", "Start date"),
            "endsOn": ctx.t("Slutdatum", "End date"),
            "noticePeriodMonths": ctx.t("Uppsägningstid, månader", "Notice period, months"),
            "autoRenews": ctx.t("Förlängs automatiskt", "Renews automatically"),
            "renewalPeriodMonths": ctx.t("Förlängningsperiod, månader", "Renewal period, months"),
            "yearlyLicenceCost": ctx.t("Licenskostnad per år, kronor", "Licence cost per year, SEK"),
            "yearlyOperationCost": ctx.t("Driftkostnad per år, kronor", "Operation cost per year, SEK"),
            "notes": ctx.t("Anteckningar", "Notes"),
        ]
        let model = RecordFormPage.Model(
            heading: contract == nil ? ctx.t("Nytt avtal", "New contract") : ctx.t("Ändra avtal", "Edit contract"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Systemregister", "System register"), url: SystemRoutes.index(tenant.slug)),
                Breadcrumb(title: ctx.t("Avtal", "Contracts"), url: back),
                Breadcrumb(title: contract == nil ? ctx.t("Nytt", "New") : ctx.t("Ändra", "Edit")),
            ],
            section: .systems,
            action: contract.map { ContractRoutes.edit(tenant.slug, $0.id!) } ?? ContractRoutes.create(tenant.slug),
            cancelURL: back,
            submitLabel: contract == nil
                ? ctx.t("Skapa avtal", "Create contract") : ctx.t("Spara ändringar", "Save changes"),
            values: values, errors: errors, labels: labels)
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.select(
                    "systemId", label: labels["systemId"]!, options: systems.map { ($0.id!.uuidString, $0.name) },
                    emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true),
                f.select(
                    "supplierId", label: labels["supplierId"]!, options: options.suppliers,
                    emptyLabel: ctx.t("— Ingen —", "— None —")),
                f.input("title", label: labels["title"]!, required: true),
                f.input("reference", label: labels["reference"]!),
                f.input("startsOn", label: labels["startsOn"]!, type: "date"),
                f.input("endsOn", label: labels["endsOn"]!, type: "date"),
                f.input("noticePeriodMonths", label: labels["noticePeriodMonths"]!, inputMode: "numeric"),
                f.checkbox("autoRenews", label: labels["autoRenews"]!),
                f.input("renewalPeriodMonths", label: labels["renewalPeriodMonths"]!, inputMode: "numeric"),
                f.input("yearlyLicenceCost", label: labels["yearlyLicenceCost"]!, inputMode: "decimal"),
                f.input("yearlyOperationCost", label: labels["yearlyOperationCost"]!, inputMode: "decimal"),
                f.textarea("notes", label: labels["notes"]!, rows: 3))
        }.render(status: status)
    }
}
