import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML forms for integrations; they live on the systems' integration tabs.
struct IntegrationsController {
    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let source: String = req.query["source"] ?? ""
        return try await form(
            req: req, tenant: tenant, integration: nil,
            values: FormData([
                "sourceSystemId": [source], "kind": [IntegrationKind.api.rawValue],
                "frequency": [IntegrationFrequency.daily.rawValue],
            ]),
            errors: FormErrors(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        return try await FormSubmission.handle {
            let integration = try await IntegrationRules.create(
                try Self.draft(from: values), tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(
                to: SystemRoutes.tab(tenant.slug, integration.sourceSystemID, .integrations), flash: .created)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, integration: nil, values: values, errors: errors, status: .unprocessableEntity
            )
        }
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let integration = try await load(req, tenant)
        return try await form(
            req: req, tenant: tenant, integration: integration, values: Self.values(from: integration.draft),
            errors: FormErrors(), status: .ok)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let integration = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            _ = try await IntegrationRules.update(
                integration, with: try Self.draft(from: values), tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(
                to: SystemRoutes.tab(tenant.slug, integration.sourceSystemID, .integrations), flash: .saved)
        } showErrors: { errors in
            try await form(
                req: req, tenant: tenant, integration: integration, values: values, errors: errors,
                status: .unprocessableEntity)
        }
    }

    @Sendable func confirmDelete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let integration = try await load(req, tenant)
        let ctx = PageContext(request: req, tenant: tenant)
        let back = SystemRoutes.tab(tenant.slug, integration.sourceSystemID, .integrations)
        let model = DeleteConfirmPage.Model(
            heading: ctx.t("Ta bort integration", "Delete integration"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Integrationer", "Integrations"), url: back),
                Breadcrumb(title: ctx.t("Ta bort", "Delete")),
            ],
            section: .systems,
            explanation: [try await IntegrationRules.label(integration.draft, tenant: tenant, on: req.db)],
            action: IntegrationRoutes.delete(tenant.slug, try integration.requireID()), cancelURL: back,
            buttonLabel: ctx.t("Ta bort integrationen", "Delete the integration"))
        return DeleteConfirmPage(model: model, ctx: ctx).render()
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let integration = try await load(req, tenant)
        try await IntegrationRules.delete(
            integration, tenant: tenant, actor: .from(req), message: try req.formData()["message"], on: req.db)
        return req.redirect(
            to: SystemRoutes.tab(tenant.slug, integration.sourceSystemID, .integrations), flash: .deleted)
    }

    private func load(_ req: Request, _ tenant: Tenant) async throws -> Integration {
        try await Integration.find(
            try req.parameters.require("integrationID", as: UUID.self), in: tenant, on: req.db, what: Integration.what)
    }

    static func values(from d: IntegrationDraft) -> FormData {
        FormData([
            "sourceSystemId": [d.sourceSystemId.uuidString], "targetSystemId": [d.targetSystemId?.uuidString ?? ""],
            "kind": [d.kind.rawValue], "information": [d.information], "frequency": [d.frequency.rawValue],
            "externalParty": [d.externalParty], "description": [d.description],
        ])
    }

    static func draft(from f: FormData) throws -> IntegrationDraft {
        var p = FormParser(f)
        let source = p.uuid("sourceSystemId")
        let target = p.uuid("targetSystemId")
        let kind = p.choice("kind", IntegrationKind.self, required: true)
        let frequency = p.choice("frequency", IntegrationFrequency.self) ?? .daily
        var issues = p.issues
        if source == nil && f["sourceSystemId"].isEmpty {
            issues.append(
                ValidationIssue(
                    field: "sourceSystemId", message: Localized(sv: "Välj källsystem.", en: "Choose the source system.")
                ))
        }
        try RecordStore.check(issues)
        return IntegrationDraft(
            sourceSystemId: source!, targetSystemId: target, kind: kind!, information: f["information"],
            frequency: frequency,
            externalParty: f["externalParty"], description: f.raw["description"]?.first ?? "")
    }

    private func form(
        req: Request, tenant: Tenant, integration: Integration?, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let systems = try await ITSystem.scoped(to: tenant, on: req.db).sort(\.$sortKey).field(\.$id).field(\.$name)
            .all()
        let options = systems.map { ($0.id!.uuidString, $0.name) }
        let sourceID = UUID(uuidString: values["sourceSystemId"])
        let back = sourceID.map { SystemRoutes.tab(tenant.slug, $0, .integrations) } ?? SystemRoutes.index(tenant.slug)
        let labels = [
            "sourceSystemId": ctx.t("Källsystem (skickar)", "Source system (sends)"),
            "targetSystemId": ctx.t("Målsystem (tar emot)", "Target system (receives)"),
            "externalParty": ctx.t("Extern part", "External party"), "kind": ctx.t("Typ", "Kind"),
            "information": ctx.t("Information som förs över", "Information carried"),
            "frequency": ctx.t("Frekvens", "Frequency"), "description": ctx.t("Beskrivning", "Description"),
        ]
        let model = RecordFormPage.Model(
            heading: integration == nil
                ? ctx.t("Ny integration", "New integration") : ctx.t("Ändra integration", "Edit integration"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Systemregister", "System register"), url: SystemRoutes.index(tenant.slug)),
                Breadcrumb(title: ctx.t("Integrationer", "Integrations"), url: back),
                Breadcrumb(title: integration == nil ? ctx.t("Ny", "New") : ctx.t("Ändra", "Edit")),
            ],
            section: .systems,
            action: integration.map { IntegrationRoutes.edit(tenant.slug, $0.id!) }
                ?? IntegrationRoutes.create(tenant.slug),
            cancelURL: back,
            submitLabel: integration == nil
                ? ctx.t("Skapa integration", "Create integration") : ctx.t("Spara ändringar", "Save changes"),
            values: values, errors: errors, labels: labels)
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.select(
                    "sourceSystemId", label: labels["sourceSystemId"]!, options: options,
                    emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true),
                f.select(
                    "targetSystemId", label: labels["targetSystemId"]!, options: options,
                    emptyLabel: ctx.t("— Inget system i registret —", "— No system in the register —"),
                    hint: ctx.t(
                        "Lämna tomt om informationen bara går till en extern part.",
                        "Leave empty if the information only goes to an external party.")),
                f.input(
                    "externalParty", label: labels["externalParty"]!,
                    hint: ctx.t(
                        "Till exempel Skatteverket, Försäkringskassan eller en bank.",
                        "For example the tax agency or a bank.")),
                f.select("kind", label: labels["kind"]!, options: f.options(IntegrationKind.self), required: true),
                f.input("information", label: labels["information"]!),
                f.select("frequency", label: labels["frequency"]!, options: f.options(IntegrationFrequency.self)),
                f.textarea("description", label: labels["description"]!, rows: 3))
        }.render(status: status)
    }
}
