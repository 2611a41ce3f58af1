import Foundation
import Plot
import StyrbordCore

/// Import a system list, export the register.
struct TransferIndexPage: Page {
    struct Model {
        var tenantSlug: String
        var error: String?
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Import och export", "Import and export") }
    var section: NavSection? { .importExport }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: ctx.tenant?.name ?? ""), Breadcrumb(title: title)] }

    private func exportLinks(_ dataset: TransferRoutes.Dataset, _ name: String) -> Node<HTML.ListContext> {
        .li(
            .strong(.text(name)), .text(": "),
            .a(
                .link(TransferRoutes.export(model.tenantSlug, dataset, .csv)),
                .text(ctx.t("CSV för Excel", "CSV for Excel"))),
            .text(" · "),
            .a(.link(TransferRoutes.export(model.tenantSlug, dataset, .json)), .text("JSON")))
    }

    var content: Node<HTML.BodyContext> {
        let f = FormBuilder(
            ctx: ctx, values: FormData(),
            errors: model.error.map { FormErrors([ValidationIssue(field: "file", message: Localized(verbatim: $0))]) }
                ?? FormErrors())
        let headings = SystemImportSchema.standard.fields.prefix(12).map { $0.label[ctx.lang] }.joined(separator: ", ")
        return .group(
            .h1(.text(title)),
            .section(
                .id("import"), .if(!ctx.mayAdminister, .attribute(named: "hidden")),
                .h2(.text(ctx.t("Importera en systemförteckning", "Import a system list"))),
                .p(
                    .text(
                        ctx.t(
                            "Spara listan i Excel som CSV (semikolon- eller kommaavgränsad, UTF-8 eller Windows-1252). Första raden ska innehålla kolumnrubriker. Du får se vad som kommer att hända innan något sparas, och om någon rad har fel sparas ingenting.",
                            "Save the list in Excel as CSV (semicolon or comma separated, UTF-8 or Windows-1252). The first row must hold column headings. You see what will happen before anything is saved, and if any row has an error nothing is saved."
                        ))),
                .p(
                    .class("hint"),
                    .text(
                        ctx.t("Rubriker som känns igen är till exempel: ", "Recognised headings include: ") + headings
                            + " …")),
                .if(
                    model.error != nil,
                    .div(
                        .class("error-summary"), .attribute(named: "role", value: "alert"), .p(.safe(model.error ?? ""))
                    )),
                f.form(
                    action: TransferRoutes.importSystems(model.tenantSlug), multipart: true,
                    .div(
                        .class("field"),
                        .el(
                            "label", .attr("for", "f-file"),
                            .text(ctx.t("Fil (CSV, högst 5 MB)", "File (CSV, at most 5 MB)"))),
                        .selfClosedElement(
                            named: "input",
                            attributes: [
                                .attr("type", "file"), .attr("id", "f-file"), .attr("name", "file"),
                                .attr("accept", ".csv,.txt,.tsv,text/csv"), .flag("required", true),
                            ])),
                    .div(.class("form-actions"), f.submit(ctx.t("Förhandsgranska", "Preview"))))),
            .section(
                .h2(.text(ctx.t("Exportera", "Export"))),
                .p(
                    .text(
                        ctx.t(
                            "CSV-filerna öppnas direkt i Excel. Exporten av system kan läsas in igen här.",
                            "The CSV files open directly in Excel. The system export can be imported again here."))),
                .ul(
                    exportLinks(.systems, ctx.t("System", "Systems")), exportLinks(.roles, ctx.t("Roller", "Roles")),
                    exportLinks(.integrations, ctx.t("Integrationer", "Integrations"))),
                .p(
                    .a(
                        .link(ReportRoutes.roleDistributionCSV(model.tenantSlug)),
                        .text(ctx.t("Rollfördelning över IT-system (CSV)", "Role distribution across IT systems (CSV)"))
                    )))
        )
    }
}

/// What importing a file would do: the mapping of columns, every problem, and the changes.
struct ImportPreviewPage: Page {
    struct Model {
        var tenantSlug: String
        var filename: String
        /// The file, base64, carried to the confirmation so nothing is stored server-side in between.
        var content: String
        var prepared: SystemImportService.Prepared
    }

    let model: Model
    let ctx: PageContext

    var title: String {
        (model.prepared.canImport ? "" : ctx.t("Fel: ", "Error: ")) + ctx.t("Förhandsgranska import", "Preview import")
    }
    var section: NavSection? { .importExport }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(
                title: ctx.t("Import och export", "Import and export"), url: TransferRoutes.index(model.tenantSlug)),
            Breadcrumb(title: ctx.t("Förhandsgranska", "Preview")),
        ]
    }

    private var carried: Node<HTML.BodyContext> {
        .group(
            .selfClosedElement(
                named: "input",
                attributes: [.attr("type", "hidden"), .attr("name", "content"), .attr("value", model.content)]),
            .selfClosedElement(
                named: "input",
                attributes: [.attr("type", "hidden"), .attr("name", "filename"), .attr("value", model.filename)]))
    }

    private func list(_ title: String, _ items: [String]) -> Node<HTML.BodyContext> {
        guard !items.isEmpty else { return .empty }
        return .el(
            "details", .el("summary", .safe("\(title) (\(items.count))")),
            .ul(.forEach(items.prefix(500)) { .li(.safe($0)) }))
    }

    var content: Node<HTML.BodyContext> {
        let p = model.prepared
        let f = FormBuilder(ctx: ctx, values: FormData())
        let s = p.summary
        let fieldOptions: [(String, String)] =
            [("ignore", ctx.t("— Importeras inte —", "— Not imported —"))]
            + SystemImportSchema.standard.fields.map { ($0.code, $0.label[ctx.lang]) }
        return .group(
            .h1(.text(ctx.t("Förhandsgranska import", "Preview import"))),
            Components.facts([
                (ctx.t("Fil", "File"), .safe(model.filename)),
                (ctx.t("Teckenkodning", "Encoding"), .safe(ctx.t(p.preview.encoding.label))),
                (ctx.t("Avgränsare", "Delimiter"), .safe(p.preview.delimiter.map { ctx.t($0.label) } ?? "–")),
                (ctx.t("Rader med system", "Rows with systems"), .text("\(p.preview.rows.count)")),
            ]),
            p.issues.isEmpty
                ? .empty
                : .div(
                    .class("error-summary"), .attribute(named: "role", value: "alert"), .id("error-summary"),
                    .attribute(named: "tabindex", value: "-1"),
                    .h2(
                        .text(
                            ctx.t(
                                "Filen kan inte importeras: \(p.issues.count) fel. Inget har sparats.",
                                "The file can't be imported: \(p.issues.count) errors. Nothing has been saved."))),
                    .ul(.forEach(p.issues.prefix(200)) { issue in .li(.safe(issue.text[ctx.lang])) })),
            .h2(.text(ctx.t("Kolumner", "Columns"))),
            f.form(
                action: TransferRoutes.importPreview(model.tenantSlug),
                carried,
                Components.tableWrap(
                    ctx.t("Kolumner", "Columns"),
                    .table(
                        .thead(
                            .tr(
                                Components.header(ctx.t("Kolumn i filen", "Column in the file")),
                                Components.header(ctx.t("Importeras som", "Imported as")))),
                        .tbody(
                            .forEach(p.preview.mapping.columns) { column in
                                let id = "f-map-\(column.index)"
                                return .tr(
                                    .th(
                                        .attribute(named: "scope", value: "row"),
                                        .el("label", .attr("for", id), .safe(column.displayName))),
                                    .td(
                                        .selfClosedElement(
                                            named: "input",
                                            attributes: [
                                                .attr("type", "hidden"), .attr("name", "heading.\(column.index)"),
                                                .attr(
                                                    "value",
                                                    column.heading.isEmpty ? column.displayName : column.heading),
                                            ]),
                                        .el(
                                            "select",
                                            [.attr("id", id), .attr("name", "map.\(column.index)")]
                                                + fieldOptions.map {
                                                    FormBuilder.option(
                                                        value: $0.0, label: $0.1,
                                                        selected: $0.0 == (column.field?.code ?? "ignore"))
                                                })))
                            }))),
                .div(
                    .class("form-actions"),
                    f.submit(ctx.t("Uppdatera förhandsgranskningen", "Update the preview"), secondary: true))),
            .if(
                p.canImport,
                .group(
                    .h2(.text(ctx.t("Det här händer när du importerar", "What importing will do"))),
                    .ul(
                        .li(.text(ctx.t("\(s.created.count) nya system", "\(s.created.count) new systems"))),
                        .li(
                            .text(
                                ctx.t(
                                    "\(s.updated.count) system uppdateras (bara kolumnerna i filen)",
                                    "\(s.updated.count) systems updated (only the columns in the file)"))),
                        .li(
                            .text(
                                ctx.t(
                                    "\(s.unchanged.count) system är oförändrade",
                                    "\(s.unchanged.count) systems unchanged"))),
                        .li(
                            .text(
                                ctx.t(
                                    "\(s.newSuppliers.count) nya leverantörer och \(s.newPersons.count) nya personer",
                                    "\(s.newSuppliers.count) new suppliers and \(s.newPersons.count) new people"))),
                        .li(
                            .text(
                                ctx.t(
                                    "\(s.appointments.count) rolltilldelningar, varav \(s.replacements.count) ersätter en tidigare innehavare",
                                    "\(s.appointments.count) role appointments, \(s.replacements.count) replacing a previous holder"
                                )))),
                    list(ctx.t("Nya system", "New systems"), s.created),
                    list(ctx.t("Uppdaterade system", "Updated systems"), s.updated),
                    list(ctx.t("Nya leverantörer", "New suppliers"), s.newSuppliers),
                    list(ctx.t("Nya personer", "New people"), s.newPersons),
                    list(ctx.t("Rolltilldelningar", "Role appointments"), s.appointments),
                    list(ctx.t("Innehavare som ersätts", "Holders replaced"), s.replacements),
                    f.form(
                        action: TransferRoutes.importConfirm(model.tenantSlug),
                        carried,
                        .forEach(p.preview.mapping.columns) { column in
                            .group(
                                .selfClosedElement(
                                    named: "input",
                                    attributes: [
                                        .attr("type", "hidden"), .attr("name", "heading.\(column.index)"),
                                        .attr("value", column.heading.isEmpty ? column.displayName : column.heading),
                                    ]),
                                .selfClosedElement(
                                    named: "input",
                                    attributes: [
                                        .attr("type", "hidden"), .attr("name", "map.\(column.index)"),
                                        .attr("value", column.field?.code ?? "ignore"),
                                    ]))
                        },
                        .div(
                            .class("form-actions"), f.submit(ctx.t("Importera", "Import")),
                            .a(
                                .class("button secondary"), .link(TransferRoutes.index(model.tenantSlug)),
                                .text(ctx.t("Avbryt", "Cancel"))))))),
            .if(
                !p.canImport,
                .p(
                    .a(
                        .link(TransferRoutes.index(model.tenantSlug)),
                        .text(ctx.t("Välj en annan fil", "Choose another file")))))
        )
    }
}
