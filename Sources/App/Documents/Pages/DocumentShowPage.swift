import Foundation
import Plot
import StyrbordCore

/// One governing document: its register data and rank (D1), its versions with download links, whom it
/// concerns and who has confirmed reading it (L8), and the forms its owner and the administrator use.
struct DocumentShowPage: Page {
    struct Version {
        var id: UUID
        var number: Int
        var fileName: String
        var kind: String
        var size: String
        var uploadedBy: String
        var uploadedAt: String
        var url: String
    }

    struct Reader {
        var name: String
        var requestedOn: String
        var confirmedAt: String?
        var isOverdue: Bool
    }

    /// A form on the page that came back with errors.
    struct FailedForm {
        enum Which: Equatable { case upload, audience }
        var form: Which
        var values: FormData
        var errors: FormErrors
    }

    struct Model {
        var tenantSlug: String
        var id: UUID
        var title: String
        var facts: [(String, String)]
        var status: DocumentStatus
        var isPublished: Bool
        var versions: [Version]
        /// "Alla i kommunen", or the units and roles chosen.
        var audience: [String]
        var audienceValues: FormData
        var units: [(value: String, label: String)]
        var roles: [(value: String, label: String)]
        /// Who has been asked to read the latest version, for the owner and the administrator.
        var readingVersion: Int?
        var readers: [Reader]
        var tally: ReadingTally
        var readDays: Int
        /// The viewer is asked to confirm reading it.
        var mustConfirm: Bool
        var canEdit: Bool
        var canPublish: Bool
        var failed: FailedForm?
    }

    let model: Model
    let ctx: PageContext

    var title: String { (model.failed == nil ? "" : ctx.t("Fel: ", "Error: ")) + model.title }
    var section: NavSection? { .documents }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(
                title: ctx.t("Styrdokument", "Governing documents"), url: DocumentRoutes.index(model.tenantSlug)),
            Breadcrumb(title: model.title),
        ]
    }

    private func builder(_ which: FailedForm.Which, values: FormData = FormData()) -> FormBuilder {
        if let failed = model.failed, failed.form == which {
            return FormBuilder(ctx: ctx, values: failed.values, errors: failed.errors)
        }
        return FormBuilder(ctx: ctx, values: values)
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .div(
                .class("page-heading"),
                .h1(.text(model.title)),
                .div(
                    .class("actions"),
                    .if(
                        model.canEdit,
                        Components.buttonLink(
                            ctx.t("Redigera", "Edit"), url: DocumentRoutes.edit(model.tenantSlug, model.id),
                            secondary: true)),
                    publication())),
            confirmation(),
            Components.facts(model.facts.map { ($0.0, .text($0.1.isEmpty ? "–" : $0.1)) }),
            versions(),
            audience(),
            reading())
    }

    /// The administrator publishes an adopted document or withdraws a published one (D1).
    private func publication() -> Node<HTML.BodyContext> {
        guard model.canPublish, model.isPublished || model.status == .adopted else { return .empty }
        let f = FormBuilder(ctx: ctx, values: FormData())
        return f.form(
            action: DocumentRoutes.publication(model.tenantSlug, model.id),
            .selfClosedElement(
                named: "input",
                attributes: [
                    .attr("type", "hidden"), .attr("name", "published"),
                    .attr("value", model.isPublished ? "false" : "true"),
                ]),
            f.submit(
                model.isPublished ? ctx.t("Avpublicera", "Withdraw") : ctx.t("Publicera", "Publish"),
                secondary: model.isPublished))
    }

    /// The viewer's own confirmation (L8).
    private func confirmation() -> Node<HTML.BodyContext> {
        guard model.mustConfirm else { return .empty }
        let f = FormBuilder(ctx: ctx, values: FormData())
        return .section(
            .class("notice"), .attr("aria-labelledby", "confirm-heading"),
            .h2(.id("confirm-heading"), .text(ctx.t("Läs och bekräfta", "Read and confirm"))),
            .p(
                .text(
                    ctx.t(
                        "Dokumentet berör dig. Läs den senaste versionen och bekräfta sedan att du har läst den.",
                        "The document concerns you. Read the latest version, then confirm that you have read it."))),
            f.form(
                action: DocumentRoutes.confirmation(model.tenantSlug, model.id),
                f.submit(ctx.t("Jag har läst dokumentet", "I have read the document"))))
    }

    private func versions() -> Node<HTML.BodyContext> {
        let f = builder(.upload)
        let labels = ["file": ctx.t("Fil", "File"), "fileName": ctx.t("Filnamn", "File name")]
        return .section(
            .attr("aria-labelledby", "versions-heading"),
            .h2(.id("versions-heading"), .text(ctx.t("Versioner", "Versions"))),
            model.versions.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Ingen fil uppladdad än.", "No file uploaded yet.")))
                : Components.tableWrap(
                    ctx.t("Versioner", "Versions"),
                    .table(
                        .caption(.text(ctx.t("Versioner, nyast först", "Versions, newest first"))),
                        .thead(
                            .tr(
                                Components.header(ctx.t("Version", "Version")),
                                Components.header(ctx.t("Fil", "File")), Components.header(ctx.t("Format", "Format")),
                                Components.header(ctx.t("Storlek", "Size")),
                                Components.header(ctx.t("Uppladdad av", "Uploaded by")),
                                Components.header(ctx.t("Uppladdad", "Uploaded")))),
                        .tbody(
                            .forEach(model.versions) { v in
                                .tr(
                                    .td(.text(String(v.number))),
                                    .td(
                                        .a(
                                            .href(v.url), .text(v.fileName),
                                            .span(
                                                .class("visually-hidden"),
                                                .text(
                                                    ctx.t(
                                                        " (ladda ned version \(v.number))",
                                                        " (download version \(v.number))"))))),
                                    .td(.text(v.kind)), .td(.text(v.size)), .td(.text(v.uploadedBy)),
                                    .td(.text(v.uploadedAt)))
                            }))),
            .if(
                model.canEdit,
                .group(
                    .h3(.id("upload-heading"), .text(ctx.t("Ladda upp en ny version", "Upload a new version"))),
                    f.errorSummary(labels: labels),
                    f.form(
                        action: DocumentRoutes.versions(model.tenantSlug, model.id), multipart: true,
                        f.input(
                            "file", label: labels["file"]!, type: "file",
                            hint: ctx.t(
                                "PDF, Word (DOCX) eller Markdown, högst 10 MB. Filnamnet får inte innehålla sökvägar.",
                                "PDF, Word (DOCX) or Markdown, at most 10 MB. The file name may not hold a path."),
                            required: true),
                        f.submit(ctx.t("Ladda upp", "Upload"))))))
    }

    private func audience() -> Node<HTML.BodyContext> {
        let f = builder(.audience, values: model.audienceValues)
        let labels = [
            "everyone": ctx.t("Berör", "Concerns"), "orgUnitIds": ctx.t("Enheter", "Units"),
            "roleTypeIds": ctx.t("Roller", "Roles"),
        ]
        return .section(
            .attr("aria-labelledby", "audience-heading"),
            .h2(.id("audience-heading"), .text(ctx.t("Vilka dokumentet berör", "Whom the document concerns"))),
            .ul(.forEach(model.audience) { .li(.text($0)) }),
            .if(
                model.canEdit,
                .group(
                    f.errorSummary(labels: labels),
                    f.form(
                        action: DocumentRoutes.audience(model.tenantSlug, model.id),
                        f.select(
                            "everyone", label: labels["everyone"]!,
                            options: [
                                ("true", ctx.t("Alla i kommunen", "Everyone in the municipality")),
                                ("false", ctx.t("Valda enheter och roller", "Chosen units and roles")),
                            ]),
                        f.checkboxGroup(
                            "orgUnitIds", legend: labels["orgUnitIds"]!, options: model.units,
                            hint: ctx.t(
                                "Enhetens medarbetare och dess underenheters.", "The unit's people and its sub-units'.")
                        ),
                        f.checkboxGroup(
                            "roleTypeIds", legend: labels["roleTypeIds"]!, options: model.roles,
                            hint: ctx.t("De som har rollen i dag.", "Those who hold the role today.")),
                        f.submit(ctx.t("Spara vilka som berörs", "Save whom it concerns"), secondary: true)))))
    }

    /// Who has confirmed reading the latest version (L8), for the owner and the administrator.
    private func reading() -> Node<HTML.BodyContext> {
        guard model.canEdit else { return .empty }
        return .section(
            .attr("aria-labelledby", "reading-heading"),
            .h2(.id("reading-heading"), .text(ctx.t("Läsbekräftelser", "Read confirmations"))),
            .unwrap(
                model.readingVersion,
                { version in
                    .group(
                        .p(
                            .class("reading-tally"),
                            .text(
                                ctx.t(
                                    "\(model.tally.confirmed) av \(model.tally.requested) har bekräftat att de läst version \(version).",
                                    "\(model.tally.confirmed) of \(model.tally.requested) have confirmed reading version \(version)."
                                )),
                            .if(
                                model.tally.overdue > 0,
                                .text(
                                    ctx.t(
                                        " \(model.tally.overdue) har inte bekräftat inom \(model.readDays) dagar.",
                                        " \(model.tally.overdue) have not confirmed within \(model.readDays) days.")))),
                        Components.tableWrap(
                            ctx.t("Läsbekräftelser", "Read confirmations"),
                            .table(
                                .caption(
                                    .text(
                                        ctx.t(
                                            "Berörda och deras bekräftelser", "People concerned and their confirmations"
                                        ))),
                                .thead(
                                    .tr(
                                        Components.header(ctx.t("Person", "Person")),
                                        Components.header(ctx.t("Ombedd", "Asked")),
                                        Components.header(ctx.t("Bekräftat", "Confirmed")))),
                                .tbody(
                                    .forEach(model.readers) { r in
                                        .tr(
                                            .td(.text(r.name)), .td(.text(r.requestedOn)),
                                            .td(
                                                .text(r.confirmedAt ?? ctx.t("Inte än", "Not yet")),
                                                .if(
                                                    r.isOverdue,
                                                    .group(
                                                        .text(" "),
                                                        Components.badge(ctx.t("Försenad", "Overdue"), kind: "error"))))
                                        )
                                    }))))
                }),
            .if(
                model.readingVersion == nil,
                .p(
                    .class("muted"),
                    .text(
                        ctx.t(
                            "Ingen har ombetts läsa dokumentet än: det sker när en version publiceras.",
                            "Nobody has been asked to read the document yet: that happens when a version is published.")
                    ))))
    }
}
