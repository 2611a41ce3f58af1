import Foundation
import Plot
import StyrbordCore

/// Create and edit form for a system. After a failed save it comes back with the user's input and
/// each message next to its field.
struct SystemFormPage: Page {
    struct Model: Sendable {
        var tenantSlug: String
        /// nil when creating.
        var systemID: UUID?
        var systemName: String?
        var values: FormData
        var errors: FormErrors
        var orgOptions: [(value: String, label: String)]
        var supplierOptions: [(value: String, label: String)]
        var managementObjectOptions: [(value: String, label: String)]
        var personOptions: [(value: String, label: String)]
    }

    let model: Model
    let ctx: PageContext

    var isNew: Bool { model.systemID == nil }
    var title: String {
        let base =
            isNew
            ? ctx.t("Nytt system", "New system")
            : ctx.t("Redigera \(model.systemName ?? "")", "Edit \(model.systemName ?? "")")
        return model.errors.isEmpty ? base : ctx.t("Fel: ", "Error: ") + base
    }
    var section: NavSection? { .systems }
    var breadcrumbs: [Breadcrumb] {
        var crumbs = [
            Breadcrumb(title: ctx.t("Systemregister", "System register"), url: SystemRoutes.index(model.tenantSlug))
        ]
        if let id = model.systemID {
            crumbs.append(Breadcrumb(title: model.systemName ?? "", url: SystemRoutes.show(model.tenantSlug, id)))
        }
        crumbs.append(Breadcrumb(title: isNew ? ctx.t("Nytt system", "New system") : ctx.t("Redigera", "Edit")))
        return crumbs
    }

    /// Field labels for the error summary.
    private var labels: [String: String] {
        [
            "name": ctx.t("Namn", "Name"), "aliases": ctx.t("Alias", "Aliases"),
            "description": ctx.t("Beskrivning", "Description"),
            "category": ctx.t("Kategori", "Category"), "systemType": ctx.t("Typ", "Type"),
            "ownerOrgUnitId": ctx.t("Ägande organisationsenhet", "Owning org unit"),
            "userOrgUnitIds": ctx.t("Används av", "Used by"),
            "managementObjectId": ctx.t("Förvaltningsobjekt", "Management object"),
            "lifecycleStatus": ctx.t("Livscykelstatus", "Lifecycle status"),
            "plannedStartOn": ctx.t("Planerad start", "Planned start"),
            "productionStartOn": ctx.t("Driftstart", "Production start"),
            "decommissionPlannedOn": ctx.t("Planerad avveckling", "Planned decommissioning"),
            "decommissionedOn": ctx.t("Avvecklad", "Decommissioned on"),
            "criticality": ctx.t("Kritikalitet", "Criticality"),
            "operationMode": ctx.t("Driftform", "Operation"), "operatorSupplierId": ctx.t("Driftpartner", "Operator"),
            "product": ctx.t("Produkt", "Product"), "version": ctx.t("Version", "Version"),
            "supplierId": ctx.t("Leverantör", "Supplier"),
            "userCount": ctx.t("Antal användare", "Number of users"),
            "classification.confidentiality": ctx.t("Konfidentialitet", "Confidentiality"),
            "classification.integrity": ctx.t("Riktighet", "Integrity"),
            "classification.availability": ctx.t("Tillgänglighet", "Availability"),
            "classification.traceability": ctx.t("Spårbarhet", "Traceability"),
            "classification.classifiedByPersonId": ctx.t("Klassad av", "Classified by"),
            "classification.classifiedOn": ctx.t("Klassningsdatum", "Classified on"),
            "classification.validUntil": ctx.t("Klassning giltig till", "Classification valid until"),
            "personalData.level": ctx.t("Personuppgifter", "Personal data"),
            "personalData.purpose": ctx.t("Ändamål", "Purpose"),
            "personalData.legalBasis": ctx.t("Rättslig grund", "Legal basis"),
            "personalData.dataSubjectCategories": ctx.t("Kategorier av registrerade", "Data subject categories"),
            "personalData.processorAgreement": ctx.t("Personuppgiftsbiträdesavtal", "Data processing agreement"),
            "personalData.processorAgreementRef": ctx.t("Avtalsreferens", "Agreement reference"),
            "personalData.retention": ctx.t("Gallring", "Retention"), "nis2": "NIS2",
            "ai.usesAI": ctx.t("Använder AI", "Uses AI"),
            "ai.riskClass": ctx.t("Riskklass (AI-förordningen)", "Risk class (AI Act)"),
            "ai.description": ctx.t("Beskrivning av AI", "AI description"),
            "backup.isBackedUp": ctx.t("Säkerhetskopieras", "Backed up"), "backup.rpoHours": "RPO",
            "backup.rtoHours": "RTO",
            "documentationLinks": ctx.t("Dokumentation", "Documentation"), "tags": ctx.t("Etiketter", "Tags"),
        ]
    }

    var content: Node<HTML.BodyContext> {
        let f = FormBuilder(ctx: ctx, values: model.values, errors: model.errors)
        let action =
            model.systemID.map { SystemRoutes.edit(model.tenantSlug, $0) } ?? SystemRoutes.index(model.tenantSlug)
        let none = ctx.t("— Ingen —", "— None —")
        let levels = ClassificationLevel.allCases.map { (String($0.rawValue), ctx.t($0.label)) }
        let notClassified = ctx.t("Ej klassad", "Not classified")
        return .group(
            .h1(
                .text(
                    isNew
                        ? ctx.t("Nytt system", "New system")
                        : ctx.t("Redigera \(model.systemName ?? "")", "Edit \(model.systemName ?? "")"))),
            .p(.class("hint"), .text(ctx.t("Fält markerade med * är obligatoriska.", "Fields marked * are required."))),
            f.errorSummary(labels: labels),
            f.form(
                action: action, id: "system-form",
                f.section(
                    ctx.t("Grunduppgifter", "Basics"),
                    f.input("name", label: ctx.t("Namn", "Name"), required: true, autocomplete: "off"),
                    f.input(
                        "aliases", label: ctx.t("Alias", "Aliases"),
                        hint: ctx.t(
                            "Andra namn systemet går under. Åtskilda med kommatecken, eller med semikolon om något innehåller kommatecken.",
                            "Other names the system goes by. Separated by commas, or by semicolons if one contains a comma."
                        )),
                    f.textarea("description", label: ctx.t("Beskrivning", "Description"), rows: 4),
                    f.select(
                        "category", label: ctx.t("Kategori", "Category"), options: f.options(SystemCategory.self),
                        emptyLabel: ctx.t("— Välj —", "— Choose —"),
                        hint: ctx.t(
                            "Kommungemensamt: ett av sitt slag och används av hela organisationen. Verksamhetssystem: anpassat till en verksamhet.",
                            "Common: one of its kind, used by the whole organisation. Business system: tailored to one business."
                        ), required: true),
                    f.select("systemType", label: ctx.t("Typ", "Type"), options: f.options(SystemType.self)),
                    f.select(
                        "ownerOrgUnitId", label: ctx.t("Ägande organisationsenhet", "Owning org unit"),
                        options: model.orgOptions, emptyLabel: none),
                    f.checkboxGroup(
                        "userOrgUnitIds", legend: ctx.t("Används av", "Used by"), options: model.orgOptions),
                    f.select(
                        "managementObjectId", label: ctx.t("Förvaltningsobjekt (pm3)", "Management object (pm3)"),
                        options: model.managementObjectOptions, emptyLabel: none),
                    f.input(
                        "tags", label: ctx.t("Etiketter", "Tags"),
                        hint: ctx.t(
                            "Åtskilda med kommatecken, eller med semikolon om något innehåller kommatecken.",
                            "Separated by commas, or by semicolons if one contains a comma."))
                ),
                f.section(
                    ctx.t("Livscykel", "Lifecycle"),
                    f.select(
                        "lifecycleStatus", label: ctx.t("Livscykelstatus", "Lifecycle status"),
                        options: f.options(LifecycleStatus.self)),
                    f.input("plannedStartOn", label: ctx.t("Planerad start", "Planned start"), type: "date"),
                    f.input("productionStartOn", label: ctx.t("Driftstart", "Production start"), type: "date"),
                    f.input(
                        "decommissionPlannedOn", label: ctx.t("Planerad avveckling", "Planned decommissioning"),
                        type: "date"),
                    f.input("decommissionedOn", label: ctx.t("Avvecklad", "Decommissioned on"), type: "date")
                ),
                f.section(
                    ctx.t("Drift och leverantör", "Operation and supplier"),
                    f.select(
                        "criticality", label: ctx.t("Kritikalitet", "Criticality"), options: f.options(Criticality.self)
                    ),
                    f.select(
                        "operationMode", label: ctx.t("Driftform", "Operation"), options: f.options(OperationMode.self)),
                    f.select(
                        "operatorSupplierId", label: ctx.t("Driftpartner", "Operator"), options: model.supplierOptions,
                        emptyLabel: none,
                        hint: ctx.t("Vid extern drift eller molntjänst.", "For external or cloud operation.")),
                    f.select(
                        "supplierId", label: ctx.t("Leverantör", "Supplier"), options: model.supplierOptions,
                        emptyLabel: none),
                    f.input("product", label: ctx.t("Produkt", "Product")),
                    f.input("version", label: ctx.t("Version", "Version")),
                    f.input("userCount", label: ctx.t("Antal användare", "Number of users"), inputMode: "numeric"),
                    f.select(
                        "backup.isBackedUp", label: ctx.t("Säkerhetskopieras", "Backed up"),
                        options: [("true", ctx.t("Ja", "Yes")), ("false", ctx.t("Nej", "No"))],
                        emptyLabel: ctx.t("Vet ej", "Unknown")),
                    f.input(
                        "backup.rpoHours", label: ctx.t("RPO, timmar", "RPO, hours"),
                        hint: ctx.t("Hur mycket data som får gå förlorad.", "How much data may be lost."),
                        inputMode: "numeric"),
                    f.input(
                        "backup.rtoHours", label: ctx.t("RTO, timmar", "RTO, hours"),
                        hint: ctx.t("Hur snart systemet ska vara tillbaka.", "How soon the system must be back."),
                        inputMode: "numeric")
                ),
                f.section(
                    ctx.t("Informationsklassning (KLASSA)", "Information classification (KLASSA)"),
                    f.select(
                        "classification.confidentiality", label: ctx.t("Konfidentialitet", "Confidentiality"),
                        options: levels, emptyLabel: notClassified),
                    f.select(
                        "classification.integrity", label: ctx.t("Riktighet", "Integrity"), options: levels,
                        emptyLabel: notClassified),
                    f.select(
                        "classification.availability", label: ctx.t("Tillgänglighet", "Availability"), options: levels,
                        emptyLabel: notClassified),
                    f.select(
                        "classification.traceability", label: ctx.t("Spårbarhet", "Traceability"), options: levels,
                        emptyLabel: notClassified),
                    f.select(
                        "classification.classifiedByPersonId", label: ctx.t("Klassad av", "Classified by"),
                        options: model.personOptions, emptyLabel: none),
                    f.input(
                        "classification.classifiedOn", label: ctx.t("Klassningsdatum", "Classified on"), type: "date"),
                    f.input(
                        "classification.validUntil",
                        label: ctx.t("Klassning giltig till", "Classification valid until"), type: "date")
                ),
                f.section(
                    ctx.t("Personuppgifter (GDPR)", "Personal data (GDPR)"),
                    f.select(
                        "personalData.level", label: ctx.t("Personuppgifter", "Personal data"),
                        options: f.options(PersonalDataLevel.self)),
                    f.textarea(
                        "personalData.purpose", label: ctx.t("Ändamål med behandlingen", "Purpose of the processing"),
                        rows: 2),
                    f.select(
                        "personalData.legalBasis", label: ctx.t("Rättslig grund", "Legal basis"),
                        options: f.options(LegalBasis.self), emptyLabel: none),
                    f.input(
                        "personalData.dataSubjectCategories",
                        label: ctx.t("Kategorier av registrerade", "Categories of data subjects"),
                        hint: ctx.t(
                            "Till exempel elever, vårdnadshavare, anställda. Åtskilda med kommatecken, eller med semikolon om något innehåller kommatecken.",
                            "For example pupils, guardians, employees. Separated by commas, or by semicolons if one contains a comma."
                        )),
                    f.select(
                        "personalData.processorAgreement",
                        label: ctx.t("Personuppgiftsbiträdesavtal", "Data processing agreement"),
                        options: f.options(ProcessorAgreementStatus.self), emptyLabel: ctx.t("Ej angivet", "Not given")),
                    f.input(
                        "personalData.processorAgreementRef", label: ctx.t("Avtalsreferens", "Agreement reference")),
                    f.input(
                        "personalData.retention", label: ctx.t("Gallring", "Retention"),
                        hint: ctx.t(
                            "Gallringsbeslut eller hur länge uppgifterna sparas.",
                            "Retention decision or how long the data is kept."))
                ),
                f.section(
                    ctx.t("NIS2 och AI", "NIS2 and AI"),
                    f.select(
                        "nis2", label: ctx.t("NIS2 / cybersäkerhetslagen", "NIS2 / Cybersecurity Act"),
                        options: f.options(Nis2Applicability.self)),
                    f.checkbox("ai.usesAI", label: ctx.t("Systemet använder AI", "The system uses AI")),
                    f.select(
                        "ai.riskClass", label: ctx.t("Riskklass enligt AI-förordningen", "AI Act risk class"),
                        options: f.options(AIRiskClass.self), emptyLabel: none),
                    f.textarea(
                        "ai.description", label: ctx.t("Beskrivning av AI-användningen", "Description of the AI use"),
                        rows: 2)
                ),
                f.section(
                    ctx.t("Dokumentation", "Documentation"),
                    linkRows(f)
                ),
                .div(
                    .class("form-actions"),
                    f.submit(isNew ? ctx.t("Skapa system", "Create system") : ctx.t("Spara ändringar", "Save changes")),
                    .a(
                        .class("button secondary"),
                        .link(
                            model.systemID.map { SystemRoutes.show(model.tenantSlug, $0) }
                                ?? SystemRoutes.index(model.tenantSlug)),
                        .text(ctx.t("Avbryt", "Cancel"))))
            )
        )
    }

    /// The stored links plus two empty rows for new ones.
    private func linkRows(_ f: FormBuilder) -> Node<HTML.BodyContext> {
        let stored = (0..<SystemForm.maxLinks).filter { i in
            !model.values["documentationLinks[\(i)].title"].isEmpty
                || !model.values["documentationLinks[\(i)].url"].isEmpty
        }
        let count = min(SystemForm.maxLinks, (stored.last.map { $0 + 1 } ?? 0) + 2)
        return .group(
            .forEach(0..<count) { i in
                .div(
                    .class("link-row"),
                    f.input(
                        "documentationLinks[\(i)].title",
                        label: ctx.t("Rubrik för länk \(i + 1)", "Title of link \(i + 1)")),
                    f.input(
                        "documentationLinks[\(i)].url",
                        label: ctx.t("Adress för länk \(i + 1)", "Address of link \(i + 1)"), type: "url"))
            })
    }
}

/// Asks before deleting a system and says what goes with it.
struct SystemDeletePage: Page {
    struct Model: Sendable {
        var tenantSlug: String
        var systemID: UUID
        var systemName: String
        var roleCount: Int
        var integrationCount: Int
        var contractCount: Int
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Ta bort \(model.systemName)", "Delete \(model.systemName)") }
    var section: NavSection? { .systems }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(title: ctx.t("Systemregister", "System register"), url: SystemRoutes.index(model.tenantSlug)),
            Breadcrumb(title: model.systemName, url: SystemRoutes.show(model.tenantSlug, model.systemID)),
            Breadcrumb(title: ctx.t("Ta bort", "Delete")),
        ]
    }

    var content: Node<HTML.BodyContext> {
        let f = FormBuilder(ctx: ctx, values: FormData())
        return .group(
            .h1(.safe(title)),
            .p(
                .text(
                    ctx.t(
                        "Systemet tas bort ur registret. Historiken finns kvar.",
                        "The system is removed from the register. Its history is kept."))),
            .p(
                .text(
                    ctx.t(
                        "Samtidigt tas \(model.roleCount) rolltilldelningar, \(model.integrationCount) integrationer och \(model.contractCount) avtal bort.",
                        "\(model.roleCount) role assignments, \(model.integrationCount) integrations and \(model.contractCount) contracts are deleted with it."
                    ))),
            .p(
                .text(
                    ctx.t(
                        "Ett system som inte längre används bör i stället få livscykelstatus Avvecklad.",
                        "A system that is no longer used should rather get the lifecycle status Decommissioned."))),
            f.form(
                action: SystemRoutes.delete(model.tenantSlug, model.systemID),
                f.textarea(
                    "message", label: ctx.t("Anledning (sparas i historiken)", "Reason (kept in the history)"), rows: 2),
                .div(
                    .class("form-actions"),
                    f.submit(ctx.t("Ta bort systemet", "Delete the system")),
                    .a(
                        .class("button secondary"), .link(SystemRoutes.show(model.tenantSlug, model.systemID)),
                        .text(ctx.t("Avbryt", "Cancel")))))
        )
    }
}
