import Foundation
import Plot
import StyrbordCore

/// Every version of the profile, a form to compare two, and (for the administrator) the upload form
/// with each problem's line and column next to it.
struct ProfileVersionsPage: Page {
    struct Row {
        var version: Int
        var name: String
        var key: String
        var createdAt: Date
        var createdBy: String
        var message: String
        var isCurrent: Bool
    }

    /// What the administrator sent, kept after a refused upload.
    struct UploadState {
        var yaml: String = ""
        var message: String = ""
        var error: Localized?
        var problems: [ProfileProblem] = []
    }

    struct Model {
        var tenantSlug: String
        var versions: [Row]
        var mayUpload: Bool
        var upload: UploadState
    }

    let model: Model
    let ctx: PageContext

    var title: String {
        (model.upload.error == nil ? "" : ctx.t("Fel: ", "Error: "))
            + ctx.t("Versioner av styrningsprofilen", "Versions of the governance profile")
    }
    var section: NavSection? { .profile }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(
                title: ctx.t("Styrningsprofil", "Governance profile"), url: ProfileRoutes.show(model.tenantSlug)),
            Breadcrumb(title: ctx.t("Versioner", "Versions")),
        ]
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(ctx.t("Versioner av styrningsprofilen", "Versions of the governance profile"))),
            .if(model.mayUpload, uploadForm),
            versionTable,
            compareForm)
    }

    private var versionTable: Node<HTML.BodyContext> {
        .section(
            .h2(.text(ctx.t("Alla versioner", "All versions"))),
            .table(
                .class("data-table"),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Version", "Version"))),
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Profil", "Profile"))),
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Uppladdad", "Uploaded"))),
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Av", "By"))),
                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Kommentar", "Note"))),
                        .th(.attribute(named: "scope", value: "col"), .text("YAML")))),
                .tbody(
                    .forEach(model.versions) { row in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(
                                    .link(ProfileRoutes.show(model.tenantSlug, version: row.version)),
                                    .text(ctx.t("Version \(row.version)", "Version \(row.version)"))),
                                .if(
                                    row.isCurrent,
                                    .group(.text(" "), Components.badge(ctx.t("gäller", "in force"), kind: "ok")))),
                            .td(.safe(row.name), .text(" "), .code(.safe(row.key))),
                            .td(.safe(Components.dateTime(row.createdAt))),
                            .td(.safe(row.createdBy)),
                            .td(Components.textOrDash(row.message, ctx)),
                            .td(
                                .a(
                                    .link(ProfileRoutes.source(model.tenantSlug, version: row.version)),
                                    .text(ctx.t("Visa", "Show")),
                                    .span(
                                        .class("visually-hidden"),
                                        .text(ctx.t(" version \(row.version)", " version \(row.version)"))))))
                    })))
    }

    private var compareForm: Node<HTML.BodyContext> {
        let options = model.versions.map {
            (value: String($0.version), label: ctx.t("Version \($0.version)", "Version \($0.version)"))
        }
        let newest = model.versions.first?.version ?? 1
        func select(_ name: String, _ label: String, selected: Int) -> Node<HTML.BodyContext> {
            .div(
                .class("field"),
                .el("label", .attr("for", "f-\(name)"), .text(label)),
                .el(
                    "select", .attr("id", "f-\(name)"), .attr("name", name),
                    .group(
                        options.map { option in
                            .el(
                                "option", .attr("value", option.value),
                                .if(option.value == String(selected), .attribute(named: "selected")),
                                .safe(option.label))
                        })))
        }
        return .section(
            .h2(.text(ctx.t("Jämför två versioner", "Compare two versions"))),
            .if(
                model.versions.count < 2,
                .p(.text(ctx.t("Det finns bara en version ännu.", "There is only one version so far.")))),
            .if(
                model.versions.count >= 2,
                .el(
                    "form", .attr("method", "get"), .attr("action", ProfileRoutes.compare(model.tenantSlug)),
                    .attr("class", "inline-form"),
                    select("from", ctx.t("Från", "From"), selected: max(1, newest - 1)),
                    select("to", ctx.t("Till", "To"), selected: newest),
                    .div(
                        .class("form-actions"),
                        .el(
                            "button", .attr("type", "submit"), .attr("class", "button secondary"),
                            .text(ctx.t("Jämför", "Compare")))))))
    }

    private var uploadForm: Node<HTML.BodyContext> {
        let issues: [ValidationIssue] =
            model.upload.error.map { [ValidationIssue(field: "yaml", message: $0)] } ?? []
        let f = FormBuilder(
            ctx: ctx, values: FormData(["yaml": [model.upload.yaml], "message": [model.upload.message]]),
            errors: FormErrors(issues))
        return .section(
            .id("upload"),
            .h2(.text(ctx.t("Ladda upp en ny version", "Upload a new version"))),
            .p(
                .text(
                    ctx.t(
                        "Den nya versionen kontrolleras först. Har den fel sparas ingenting och varje fel visas med rad och kolumn. Annars gäller den från och med nu, och den förra finns kvar bland versionerna.",
                        "The new version is checked first. If it has problems nothing is stored and each problem is shown with its line and column. Otherwise it is in force from now on, and the previous one stays among the versions."
                    ))),
            .if(
                model.upload.error != nil,
                .div(
                    .class("error-summary"), .attribute(named: "role", value: "alert"), .id("error-summary"),
                    .attribute(named: "tabindex", value: "-1"),
                    .h3(.safe(model.upload.error.map { ctx.t($0) } ?? "")),
                    .if(
                        !model.upload.problems.isEmpty,
                        .ol(
                            .class("profile-problems"),
                            .forEach(model.upload.problems) { problem in
                                .li(
                                    .strong(
                                        .safe(
                                            ctx.t(
                                                "Rad \(problem.position.line), kolumn \(problem.position.column): ",
                                                "Line \(problem.position.line), column \(problem.position.column): "))),
                                    .safe(ctx.t(problem.message)))
                            })))),
            f.form(
                action: ProfileRoutes.versions(model.tenantSlug), multipart: true,
                .div(
                    .class("field"),
                    .el(
                        "label", .attr("for", "f-file"),
                        .text(ctx.t("YAML-fil (högst 1 MB)", "YAML file (at most 1 MB)"))),
                    .selfClosedElement(
                        named: "input",
                        attributes: [
                            .attr("type", "file"), .attr("id", "f-file"), .attr("name", "file"),
                            .attr("accept", ".yaml,.yml,application/yaml,text/yaml"),
                        ])),
                f.textarea(
                    "yaml", label: ctx.t("… eller klistra in profilen", "… or paste the profile"),
                    hint: ctx.t(
                        "Formatet beskrivs i docs/profiles.md. Kommandot styrbord profile validate FIL kontrollerar en fil på samma sätt.",
                        "The format is described in docs/profiles.md. The command styrbord profile validate FILE checks a file the same way."
                    ), rows: 12),
                f.input("message", label: ctx.t("Kommentar (varför en ny version)", "Note (why a new version)")),
                .div(.class("form-actions"), f.submit(ctx.t("Kontrollera och spara", "Check and save")))))
    }
}

/// What changed between two versions: per section, then per line of the YAML.
struct ProfileComparePage: Page {
    struct Model {
        var tenantSlug: String
        var from: Int
        var to: Int
        var versions: [Int]
        var sections: [ProfileDiff.Section]
        var hunks: [[ProfileDiff.Line]]
    }

    let model: Model
    let ctx: PageContext

    var title: String {
        ctx.t("Jämför version \(model.from) och \(model.to)", "Compare versions \(model.from) and \(model.to)")
    }
    var section: NavSection? { .profile }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(
                title: ctx.t("Styrningsprofil", "Governance profile"), url: ProfileRoutes.show(model.tenantSlug)),
            Breadcrumb(title: ctx.t("Versioner", "Versions"), url: ProfileRoutes.versions(model.tenantSlug)),
            Breadcrumb(title: ctx.t("Jämförelse", "Comparison")),
        ]
    }

    var content: Node<HTML.BodyContext> {
        let changed = model.sections.filter(\.isChanged)
        return .group(
            .h1(.text(title)),
            .section(
                .h2(.text(ctx.t("Per avsnitt", "Per section"))),
                changed.isEmpty
                    ? .p(.text(ctx.t("Versionerna säger samma sak.", "The versions say the same thing.")))
                    : .table(
                        .class("data-table"),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Avsnitt", "Section"))),
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Tillagda", "Added"))),
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Borttagna", "Removed"))),
                                .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Ändrade", "Changed"))))),
                        .tbody(
                            .forEach(changed) { s in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .code(.safe(s.name))),
                                    .td(.safe(s.added.joined(separator: ", "))),
                                    .td(.safe(s.removed.joined(separator: ", "))),
                                    .td(
                                        .safe(
                                            s.added.isEmpty && s.removed.isEmpty && s.changed.isEmpty
                                                ? ctx.t("ändrat", "changed") : s.changed.joined(separator: ", "))))
                            }))),
            .section(
                .h2(.text(ctx.t("Rad för rad", "Line by line"))),
                model.hunks.isEmpty
                    ? .p(.text(ctx.t("Texten är densamma.", "The text is the same.")))
                    : .group(
                        model.hunks.map { hunk in
                            .table(
                                .class("diff"),
                                .caption(.class("visually-hidden"), .text(ctx.t("Ändrade rader", "Changed lines"))),
                                .thead(
                                    .tr(
                                        .th(
                                            .attribute(named: "scope", value: "col"),
                                            .text(ctx.t("Rad v\(model.from)", "Line v\(model.from)"))),
                                        .th(
                                            .attribute(named: "scope", value: "col"),
                                            .text(ctx.t("Rad v\(model.to)", "Line v\(model.to)"))),
                                        .th(
                                            .attribute(named: "scope", value: "col"), .text(ctx.t("Ändring", "Change"))),
                                        .th(.attribute(named: "scope", value: "col"), .text(ctx.t("Text", "Text"))))),
                                .tbody(.forEach(hunk) { line in row(line) }))
                        })))
    }

    private func row(_ line: ProfileDiff.Line) -> Node<HTML.TableContext> {
        switch line {
        case .same(let text, let old, let new):
            return .tr(.td(.text("\(old)")), .td(.text("\(new)")), .td(.text("")), .td(.code(.safe(text))))
        case .removed(let text, let old):
            return .tr(
                .class("diff-removed"), .td(.text("\(old)")), .td(.text("")),
                .td(.text("−"), .span(.class("visually-hidden"), .text(ctx.t(" borttagen", " removed")))),
                .td(.el("del", .code(.safe(text)))))
        case .added(let text, let new):
            return .tr(
                .class("diff-added"), .td(.text("")), .td(.text("\(new)")),
                .td(.text("+"), .span(.class("visually-hidden"), .text(ctx.t(" tillagd", " added")))),
                .td(.el("ins", .code(.safe(text)))))
        }
    }
}
