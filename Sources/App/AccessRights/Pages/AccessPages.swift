import Foundation
import Plot
import StyrbordCore

/// A system's access rights (T9): the grants in force, each waiting for its holder's confirmation of the
/// security rules until given (L8); requests and their decisions; the reviews and when the next is due;
/// and the forms for requesting, deciding, registering, removing and starting a review.
struct AccessSystemPage: Page {
    struct Grant {
        var id: UUID
        var personID: UUID
        var personName: String
        var accessLevel: String
        var usernameInSystem: String
        /// The decision reference; nil when registered without a documented decision.
        var decision: String?
        var grantedOn: CalendarDay
        var awaitingConfirmation: Bool
    }

    struct Removed {
        var personName: String
        var accessLevel: String
        var removedAt: Date
        var removedBy: String
        var reason: String
    }

    struct Request {
        var id: UUID
        var personName: String
        var accessLevel: String
        var need: String
        var requestedBy: String
        var requestedAt: Date
        var status: AccessRequestStatus
        var decidedBy: String
        var decidedAt: Date?
        var reason: String
    }

    struct Review {
        var id: UUID
        var startedAt: Date
        var startedBy: String
        var completedOn: CalendarDay?
        var fromAccountList: Bool
    }

    /// A form of the page that came back with errors.
    struct FailedForm {
        enum Which: Equatable {
            case request, grant, review
            case decision(UUID)
            case removal(UUID)
        }
        var form: Which
        var values: FormData
        var errors: FormErrors
    }

    struct Model {
        var tenantSlug: String
        var systemID: UUID
        var systemName: String
        var level: Int?
        var decidedBy: String
        var reviewedBy: String
        var grants: [Grant]
        var removed: [Removed]
        var requests: [Request]
        var reviews: [Review]
        var lastReviewedOn: CalendarDay?
        var reviewDue: CalendarDay?
        var isOverdue: Bool
        var people: [(String, String)]
        var viewerPersonID: UUID?
        var canDecide: Bool
        var canReview: Bool
        var hasOpenReview: Bool
        var failed: FailedForm?
    }

    let model: Model
    let ctx: PageContext

    var title: String {
        (model.failed == nil ? "" : ctx.t("Fel: ", "Error: ")) + ctx.t("Behörigheter", "Access rights") + ": "
            + model.systemName
    }
    var section: NavSection? { .access }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(title: ctx.t("Behörigheter", "Access rights"), url: AccessRoutes.index(model.tenantSlug)),
            Breadcrumb(title: model.systemName, url: SystemRoutes.show(model.tenantSlug, model.systemID)),
            Breadcrumb(title: ctx.t("Behörigheter", "Access rights")),
        ]
    }

    private func builder(_ which: FailedForm.Which, prefix: String, defaults: FormData = FormData()) -> FormBuilder {
        if let failed = model.failed, failed.form == which {
            return FormBuilder(ctx: ctx, values: failed.values, errors: failed.errors).prefixingIDs(prefix)
        }
        return FormBuilder(ctx: ctx, values: defaults).prefixingIDs(prefix)
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.safe(ctx.t("Behörigheter i \(model.systemName)", "Access rights in \(model.systemName)"))),
            summary(), grants(), requests(), reviews(), requestForm(), grantForm(), removedGrants())
    }

    private func summary() -> Node<HTML.BodyContext> {
        let due: Node<HTML.BodyContext> =
            model.reviewDue.map { day in
                .group(
                    .text(day.iso),
                    .if(
                        model.isOverdue,
                        .group(.text(" "), Components.badge(ctx.t("Försenad", "Overdue"), kind: "error"))))
            } ?? Components.textOrDash(nil, ctx)
        return Components.facts([
            (
                ctx.t("Informationsklassning (högsta nivå)", "Classification (highest level)"),
                Components.textOrDash(model.level.map(String.init), ctx)
            ),
            (ctx.t("Beslutar om behörighet", "Decides access"), .safe(model.decidedBy)),
            (ctx.t("Granskar behörigheterna", "Reviews access"), .safe(model.reviewedBy)),
            (ctx.t("Senast granskad", "Last reviewed"), Components.textOrDash(model.lastReviewedOn?.iso, ctx)),
            (ctx.t("Nästa granskning senast", "Next review due"), due),
        ])
    }

    private func grants() -> Node<HTML.BodyContext> {
        .section(
            .id("grants"),
            .h2(.text(ctx.t("Behörigheter som gäller", "Access rights in force"))),
            model.grants.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga behörigheter registrerade.", "No access rights registered.")))
                : Components.tableWrap(
                    ctx.t("Behörigheter som gäller", "Access rights in force"),
                    .table(
                        .caption(.class("visually-hidden"), .text(ctx.t("Behörigheter", "Access rights"))),
                        .thead(
                            .tr(
                                Components.header(ctx.t("Person", "Person")),
                                Components.header(ctx.t("Behörighetsnivå", "Access level")),
                                Components.header(ctx.t("Användarnamn", "User name")),
                                Components.header(ctx.t("Beslut", "Decision")),
                                Components.header(ctx.t("Beviljad", "Granted")),
                                Components.header(ctx.t("Status", "Status")),
                                .if(model.canDecide, Components.header(ctx.t("Ta bort", "Remove"))))),
                        .tbody(.forEach(Array(model.grants.enumerated())) { index, g in grantRow(index, g) }))))
    }

    private func grantRow(_ index: Int, _ g: Grant) -> Node<HTML.TableContext> {
        .tr(
            .th(
                .attribute(named: "scope", value: "row"),
                .a(.link(PersonRoutes.show(model.tenantSlug, g.personID)), .safe(g.personName))),
            .td(.safe(g.accessLevel)), .td(Components.textOrDash(g.usernameInSystem, ctx)),
            .td(
                g.decision.map { .safe($0) }
                    ?? Components.badge(ctx.t("Saknar dokumenterat beslut", "No documented decision"), kind: "error")),
            .td(.text(g.grantedOn.iso)),
            .td(
                g.awaitingConfirmation
                    ? Components.badge(ctx.t("Väntar på bekräftelse", "Awaiting confirmation"), kind: "warning")
                    : Components.badge(ctx.t("Aktiv", "Active"), kind: "ok")),
            .if(model.canDecide, .td(removalForm(index, g))))
    }

    private func removalForm(_ index: Int, _ g: Grant) -> Node<HTML.BodyContext> {
        let f = builder(.removal(g.id), prefix: "remove-\(index)-")
        return f.form(
            action: AccessRoutes.removal(model.tenantSlug, g.id),
            f.input("reason", label: ctx.t("Skäl", "Reason") + " (\(g.personName))", required: true),
            f.submit(ctx.t("Ta bort", "Remove"), secondary: true, hiddenContext: g.personName))
    }

    private func requests() -> Node<HTML.BodyContext> {
        guard !model.requests.isEmpty else { return .empty }
        return .section(
            .id("requests"),
            .h2(.text(ctx.t("Ansökningar", "Requests"))),
            .ul(
                .class("plain"),
                .forEach(Array(model.requests.enumerated())) { index, r in
                    .li(
                        .h3(.safe("\(r.personName): \(r.accessLevel)")),
                        Components.facts([
                            (ctx.t("Behov", "Need"), .safe(r.need)),
                            (
                                ctx.t("Ansökt av", "Requested by"),
                                .safe("\(r.requestedBy), \(Components.dateTime(r.requestedAt))")
                            ),
                            (
                                ctx.t("Status", "Status"),
                                Components.badge(
                                    ctx.t(r.status.label),
                                    kind: r.status == .approved ? "ok" : r.status == .rejected ? "error" : "warning")
                            ),
                            (
                                ctx.t("Beslut", "Decision"),
                                Components.textOrDash(
                                    r.decidedAt.map { "\(r.decidedBy), \(Components.dateTime($0)): \(r.reason)" }, ctx)
                            ),
                        ]),
                        .if(model.canDecide && r.status == .pending, decisionForm(index, r)))
                }))
    }

    private func decisionForm(_ index: Int, _ r: Request) -> Node<HTML.BodyContext> {
        let f = builder(.decision(r.id), prefix: "decide-\(index)-")
        let labels = ["reason": ctx.t("Motivering", "Reason"), "decision": ctx.t("Beslut", "Decision")]
        return .group(
            f.errorSummary(labels: labels),
            f.form(
                action: AccessRoutes.decision(model.tenantSlug, r.id),
                f.textarea("reason", label: labels["reason"]!, rows: 2, required: true),
                f.submit(ctx.t("Bevilja", "Approve"), name: "decision", value: "approve", hiddenContext: r.personName),
                .text(" "),
                f.submit(
                    ctx.t("Avslå", "Reject"), name: "decision", value: "reject", secondary: true,
                    hiddenContext: r.personName)))
    }

    private func reviews() -> Node<HTML.BodyContext> {
        let f = builder(.review, prefix: "review-")
        let labels = [
            "accounts": ctx.t("Systemets kontolista (CSV, valfri)", "The system's account list (CSV, optional)")
        ]
        return .section(
            .id("reviews"),
            .h2(.text(ctx.t("Behörighetsgranskningar", "Access reviews"))),
            model.reviews.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Ingen granskning gjord ännu.", "No review yet.")))
                : .ul(
                    .forEach(model.reviews) { r in
                        .li(
                            .a(
                                .link(AccessRoutes.review(model.tenantSlug, r.id)),
                                .safe(
                                    ctx.t("Granskning påbörjad ", "Review started ") + Components.dateTime(r.startedAt))
                            ),
                            .text(
                                " (" + r.startedBy
                                    + (r.fromAccountList ? ctx.t(", mot kontolista", ", against account list") : "")
                                    + ") "),
                            r.completedOn.map {
                                Components.badge(ctx.t("Avslutad \($0.iso)", "Completed \($0.iso)"), kind: "ok")
                            } ?? Components.badge(ctx.t("Pågår", "In progress"), kind: "warning"))
                    }),
            .if(
                model.canReview && !model.hasOpenReview,
                .group(
                    .h3(.text(ctx.t("Starta en granskning", "Start a review"))),
                    .p(
                        .text(
                            ctx.t(
                                "Granskningen listar systemets behörigheter; bekräfta eller ta bort var och en. Ladda upp systemets egen kontolista (CSV med kolumnen användarnamn eller e-post) för att se konton utan behörighet och behörigheter utan konto.",
                                "The review lists the system's access rights; confirm or remove each. Upload the system's own account list (CSV with a username or email column) to see accounts without a grant and grants without an account."
                            ))),
                    f.errorSummary(labels: labels),
                    f.form(
                        action: AccessRoutes.reviews(model.tenantSlug, model.systemID), multipart: true,
                        fileInput(f, "accounts", label: labels["accounts"]!),
                        f.submit(ctx.t("Starta granskningen", "Start the review"))))))
    }

    /// A file input with its label and error, as the other fields are built.
    private func fileInput(_ f: FormBuilder, _ name: String, label: String) -> Node<HTML.BodyContext> {
        let id = f.id(name)
        let messages: [String] = f.errors.messages(for: name).map { ctx.t($0) }
        let invalid = !messages.isEmpty
        let error: Node<HTML.BodyContext> =
            invalid
            ? .p(
                .class("field-error"), .id(id + "-error"),
                .span(.class("visually-hidden"), .text(ctx.t("Fel: ", "Error: "))),
                .safe(messages.joined(separator: " "))) : .empty
        let described: Attribute<HTML.BodyContext> = invalid ? .attr("aria-describedby", id + "-error") : .empty
        let flagged: Attribute<HTML.BodyContext> = invalid ? .attr("aria-invalid", "true") : .empty
        let input: Node<HTML.BodyContext> = .selfClosedElement(
            named: "input",
            attributes: [
                .attr("type", "file"), .attr("id", id), .attr("name", name), .attr("accept", ".csv,text/csv"),
                described, flagged,
            ])
        return .div(
            .class(invalid ? "field has-error" : "field"), .el("label", .attr("for", id), .safe(label)), error, input)
    }

    private func requestForm() -> Node<HTML.BodyContext> {
        let f = builder(
            .request, prefix: "request-",
            defaults: FormData(["personId": [model.viewerPersonID?.uuidString ?? ""]]))
        let labels = [
            "personId": ctx.t("Person", "Person"), "accessLevel": ctx.t("Behörighetsnivå", "Access level"),
            "need": ctx.t("Behov", "Need"),
            "usernameInSystem": ctx.t("Användarnamn i systemet", "User name in the system"),
        ]
        return .section(
            .id("request"),
            .h2(.text(ctx.t("Ansök om behörighet", "Request access"))),
            .p(
                .text(
                    ctx.t(
                        "Du kan ansöka för dig själv, eller som chef för en medarbetare. \(model.decidedBy) beslutar.",
                        "You can request for yourself, or as a manager for a member of staff. \(model.decidedBy) decides."
                    ))),
            f.errorSummary(labels: labels),
            f.form(
                action: AccessRoutes.requests(model.tenantSlug, model.systemID),
                f.select(
                    "personId", label: labels["personId"]!, options: model.people,
                    emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true),
                f.input(
                    "accessLevel", label: labels["accessLevel"]!,
                    hint: ctx.t("Till exempel Läsbehörighet eller Handläggare.", "For example Read or Case officer."),
                    required: true),
                f.textarea("need", label: labels["need"]!, rows: 3, required: true),
                f.input("usernameInSystem", label: labels["usernameInSystem"]!),
                f.submit(ctx.t("Skicka ansökan", "Send the request"))))
    }

    private func grantForm() -> Node<HTML.BodyContext> {
        guard model.canDecide else { return .empty }
        let f = builder(.grant, prefix: "grant-")
        let labels = [
            "personId": ctx.t("Person", "Person"), "accessLevel": ctx.t("Behörighetsnivå", "Access level"),
            "usernameInSystem": ctx.t("Användarnamn i systemet", "User name in the system"),
            "decisionReference": ctx.t("Beslutsreferens", "Decision reference"),
            "withoutDecision": ctx.t(
                "Registreras utan dokumenterat beslut", "Registered without a documented decision"),
            "grantedOn": ctx.t("Beviljad den", "Granted on"),
        ]
        return .section(
            .id("register"),
            .h2(.text(ctx.t("Registrera en befintlig behörighet", "Register an existing access right"))),
            f.errorSummary(labels: labels),
            f.form(
                action: AccessRoutes.grants(model.tenantSlug, model.systemID),
                f.select(
                    "personId", label: labels["personId"]!, options: model.people,
                    emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true),
                f.input("accessLevel", label: labels["accessLevel"]!, required: true),
                f.input("usernameInSystem", label: labels["usernameInSystem"]!),
                f.input(
                    "decisionReference", label: labels["decisionReference"]!,
                    hint: ctx.t(
                        "Beslutet behörigheten bygger på, till exempel diarienummer eller ärende.",
                        "The decision the access rests on, for example a reference number or ticket.")),
                f.checkbox(
                    "withoutDecision", label: labels["withoutDecision"]!,
                    hint: ctx.t(
                        "Bara vid inventering av befintliga behörigheter. Efterlevnaden visar den som en avvikelse (T9).",
                        "Only when taking stock of existing access. Compliance reports it as a finding (T9).")),
                f.input("grantedOn", label: labels["grantedOn"]!, type: "date"),
                f.submit(ctx.t("Registrera behörigheten", "Register the access right"), secondary: true)))
    }

    private func removedGrants() -> Node<HTML.BodyContext> {
        guard !model.removed.isEmpty else { return .empty }
        return .section(
            .h2(.text(ctx.t("Borttagna behörigheter", "Removed access rights"))),
            .ul(
                .forEach(model.removed) { r in
                    .li(
                        .safe(
                            "\(r.personName) (\(r.accessLevel)): "
                                + ctx.t("borttagen ", "removed ") + Components.dateTime(r.removedAt)
                                + ctx.t(" av ", " by ")
                                + r.removedBy + ". " + r.reason))
                }))
    }
}

/// One access review (T9): each grant with the account it matched in the system's list, confirmed or
/// removed by the reviewer; the accounts without a grant and the grants without an account; completion.
struct AccessReviewPage: Page {
    struct FailedItem {
        var itemID: UUID
        var values: FormData
        var errors: FormErrors
    }

    struct Model {
        var tenantSlug: String
        var reviewID: UUID
        var systemID: UUID
        var systemName: String
        var startedAt: Date
        var startedBy: String
        var fromAccountList: Bool
        var accountCount: Int
        var completedOn: CalendarDay?
        var completedBy: String
        var nextDueOn: CalendarDay?
        var items: [AccessReviewResponse.Item]
        var accountsWithoutGrant: [AccessReviewResponse.Account]
        var canReview: Bool
        var failed: FailedItem?
    }

    let model: Model
    let ctx: PageContext

    var heading: String {
        ctx.t("Behörighetsgranskning av \(model.systemName)", "Access review of \(model.systemName)")
    }
    var title: String { (model.failed == nil ? "" : ctx.t("Fel: ", "Error: ")) + heading }
    var section: NavSection? { .access }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(title: ctx.t("Behörigheter", "Access rights"), url: AccessRoutes.index(model.tenantSlug)),
            Breadcrumb(title: model.systemName, url: AccessRoutes.system(model.tenantSlug, model.systemID)),
            Breadcrumb(title: ctx.t("Granskning", "Review")),
        ]
    }

    var content: Node<HTML.BodyContext> {
        let pending = model.items.filter { $0.outcome == .pending }.count
        return .group(
            .h1(.safe(heading)),
            Components.facts([
                (ctx.t("Påbörjad", "Started"), .safe("\(Components.dateTime(model.startedAt)), \(model.startedBy)")),
                (
                    ctx.t("Kontolista", "Account list"),
                    .text(
                        model.fromAccountList
                            ? ctx.t("\(model.accountCount) konton", "\(model.accountCount) accounts")
                            : ctx.t("Ingen", "None"))
                ),
                (
                    ctx.t("Status", "Status"),
                    model.completedOn.map {
                        Components.badge(
                            ctx.t(
                                "Avslutad \($0.iso) av \(model.completedBy)",
                                "Completed \($0.iso) by \(model.completedBy)"),
                            kind: "ok")
                    } ?? Components.badge(ctx.t("Pågår", "In progress"), kind: "warning")
                ),
                (ctx.t("Nästa granskning senast", "Next review due"), Components.textOrDash(model.nextDueOn?.iso, ctx)),
            ]),
            itemsTable(),
            .if(model.fromAccountList, accountsWithoutGrant()),
            .if(
                model.canReview,
                .section(
                    .h2(.text(ctx.t("Avsluta granskningen", "Complete the review"))),
                    .p(
                        .text(
                            pending == 0
                                ? ctx.t(
                                    "Alla behörigheter är granskade.", "Every access right has been reviewed.")
                                : ctx.t(
                                    "\(pending) behörigheter återstår att granska.",
                                    "\(pending) access rights remain to be reviewed."))),
                    FormBuilder(ctx: ctx, values: FormData()).form(
                        action: AccessRoutes.completeReview(model.tenantSlug, model.reviewID),
                        FormBuilder(ctx: ctx, values: FormData()).submit(
                            ctx.t("Avsluta granskningen", "Complete the review"))))))
    }

    private func itemsTable() -> Node<HTML.BodyContext> {
        .section(
            .id("items"),
            .h2(.text(ctx.t("Behörigheter", "Access rights"))),
            model.items.isEmpty
                ? .p(
                    .class("muted"), .text(ctx.t("Systemet har inga behörigheter.", "The system has no access rights."))
                )
                : Components.tableWrap(
                    ctx.t("Behörigheter att granska", "Access rights to review"),
                    .table(
                        .caption(.class("visually-hidden"), .text(ctx.t("Behörigheter", "Access rights"))),
                        .thead(
                            .tr(
                                Components.header(ctx.t("Person", "Person")),
                                Components.header(ctx.t("Behörighetsnivå", "Access level")),
                                .if(model.fromAccountList, Components.header(ctx.t("Konto i systemet", "Account"))),
                                Components.header(ctx.t("Granskning", "Review")))),
                        .tbody(.forEach(Array(model.items.enumerated())) { index, item in row(index, item) }))))
    }

    private func row(_ index: Int, _ item: AccessReviewResponse.Item) -> Node<HTML.TableContext> {
        .tr(
            .th(.attribute(named: "scope", value: "row"), .safe(item.personName)),
            .td(.safe(item.accessLevel)),
            .if(
                model.fromAccountList,
                .td(
                    item.hasAccount == true
                        ? .safe(item.matchedAccount)
                        : Components.badge(ctx.t("Inget konto i systemet", "No account in the system"), kind: "warning")
                )),
            .td(
                item.outcome == .pending && model.canReview
                    ? itemForm(index, item)
                    : .group(
                        Components.badge(
                            ctx.t(item.outcome.label),
                            kind: item.outcome == .confirmed ? "ok" : item.outcome == .removed ? "error" : "neutral"),
                        .if(!item.reason.isEmpty, .safe(" " + item.reason)))))
    }

    private func itemForm(_ index: Int, _ item: AccessReviewResponse.Item) -> Node<HTML.BodyContext> {
        let failed = model.failed?.itemID == item.id ? model.failed : nil
        let f = FormBuilder(ctx: ctx, values: failed?.values ?? FormData(), errors: failed?.errors ?? FormErrors())
            .prefixingIDs("item-\(index)-")
        return f.form(
            action: AccessRoutes.reviewItem(model.tenantSlug, model.reviewID, item.id),
            f.input(
                "reason", label: ctx.t("Skäl eller kommentar", "Reason or comment") + " (\(item.personName))",
                hint: ctx.t("Krävs när behörigheten tas bort.", "Required when the access is removed.")),
            f.submit(
                ctx.t("Bekräfta", "Confirm"), name: "outcome", value: AccessReviewOutcome.confirmed.rawValue,
                hiddenContext: item.personName),
            .text(" "),
            f.submit(
                ctx.t("Ta bort", "Remove"), name: "outcome", value: AccessReviewOutcome.removed.rawValue,
                secondary: true, hiddenContext: item.personName))
    }

    private func accountsWithoutGrant() -> Node<HTML.BodyContext> {
        .section(
            .id("accounts-without-grant"),
            .h2(.text(ctx.t("Konton utan behörighet", "Accounts without a grant"))),
            model.accountsWithoutGrant.isEmpty
                ? .p(.text(ctx.t("Varje konto i listan har en behörighet.", "Every account in the list has a grant.")))
                : .group(
                    .p(
                        .text(
                            ctx.t(
                                "Dessa konton finns i systemet utan registrerad behörighet. Pröva behovet och registrera beslutet, eller stäng kontot i systemet.",
                                "These accounts exist in the system without a registered grant. Assess the need and register the decision, or close the account in the system."
                            ))),
                    Components.tableWrap(
                        ctx.t("Konton utan behörighet", "Accounts without a grant"),
                        .table(
                            .caption(
                                .class("visually-hidden"),
                                .text(ctx.t("Konton utan behörighet", "Accounts without a grant"))),
                            .thead(
                                .tr(
                                    Components.header(ctx.t("Rad", "Line")),
                                    Components.header(ctx.t("Användarnamn", "User name")),
                                    Components.header(ctx.t("E-post", "E-mail")),
                                    Components.header(ctx.t("Namn", "Name")))),
                            .tbody(
                                .forEach(model.accountsWithoutGrant) { a in
                                    .tr(
                                        .th(.attribute(named: "scope", value: "row"), .text(String(a.line))),
                                        .td(.safe(a.username)), .td(.safe(a.email)), .td(.safe(a.name)))
                                })))))
    }
}

/// The municipality's access rights at a glance: requests awaiting a decision, grants of people who have
/// left (to be removed), and each system's review with its due date (T9).
struct AccessIndexPage: Page {
    struct Pending {
        var systemID: UUID
        var systemName: String
        var personName: String
        var accessLevel: String
        var requestedAt: Date
    }

    struct Leaver {
        var systemID: UUID
        var systemName: String
        var personID: UUID
        var personName: String
        var accessLevel: String
        var leftOn: CalendarDay?
    }

    struct ReviewRow {
        var systemID: UUID
        var systemName: String
        var grants: Int
        var lastReviewedOn: CalendarDay?
        var dueOn: CalendarDay?
        var isOverdue: Bool
    }

    struct Model {
        var tenantSlug: String
        var pending: [Pending]
        var leavers: [Leaver]
        var reviews: [ReviewRow]
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Behörigheter", "Access rights") }
    var section: NavSection? { .access }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: title)] }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    ctx.t(
                        "Behörigheter ges formellt efter behov, beslutet dokumenteras och behörigheterna granskas regelbundet (T9). Välj ett system i registret för att ansöka om behörighet.",
                        "Access is granted formally on need, the decision is documented and access is reviewed regularly (T9). Choose a system in the register to request access."
                    ))),
            leavers(), pending(), reviews())
    }

    private func leavers() -> Node<HTML.BodyContext> {
        .section(
            .id("leavers"),
            .h2(.text(ctx.t("Behörigheter för personer som slutat", "Access rights of people who have left"))),
            model.leavers.isEmpty
                ? .p(.text(ctx.t("Inga.", "None.")))
                : Components.tableWrap(
                    ctx.t("Att ta bort", "To remove"),
                    .table(
                        .caption(.class("visually-hidden"), .text(ctx.t("Att ta bort", "To remove"))),
                        .thead(
                            .tr(
                                Components.header(ctx.t("Person", "Person")),
                                Components.header(ctx.t("Slutade", "Left")),
                                Components.header(ctx.t("System", "System")),
                                Components.header(ctx.t("Behörighetsnivå", "Access level")))),
                        .tbody(
                            .forEach(model.leavers) { l in
                                .tr(
                                    .th(
                                        .attribute(named: "scope", value: "row"),
                                        .a(.link(PersonRoutes.show(model.tenantSlug, l.personID)), .safe(l.personName))),
                                    .td(Components.textOrDash(l.leftOn?.iso, ctx)),
                                    .td(
                                        .a(
                                            .link(AccessRoutes.system(model.tenantSlug, l.systemID)),
                                            .safe(l.systemName))),
                                    .td(.safe(l.accessLevel)))
                            }))))
    }

    private func pending() -> Node<HTML.BodyContext> {
        .section(
            .id("pending"),
            .h2(.text(ctx.t("Ansökningar som väntar på beslut", "Requests awaiting a decision"))),
            model.pending.isEmpty
                ? .p(.text(ctx.t("Inga.", "None.")))
                : .ul(
                    .forEach(model.pending) { p in
                        .li(
                            .a(
                                .link(AccessRoutes.system(model.tenantSlug, p.systemID) + "#requests"),
                                .safe(p.systemName)),
                            .safe(": \(p.personName), \(p.accessLevel) (\(Components.dateTime(p.requestedAt)))"))
                    }))
    }

    private func reviews() -> Node<HTML.BodyContext> {
        .section(
            .id("reviews"),
            .h2(.text(ctx.t("Behörighetsgranskningar", "Access reviews"))),
            model.reviews.isEmpty
                ? .p(
                    .text(
                        ctx.t("Inga system har registrerade behörigheter.", "No system has registered access rights.")))
                : Components.tableWrap(
                    ctx.t("Granskningar per system", "Reviews per system"),
                    .table(
                        .caption(
                            .class("visually-hidden"), .text(ctx.t("Granskningar per system", "Reviews per system"))),
                        .thead(
                            .tr(
                                Components.header(ctx.t("System", "System")),
                                Components.header(ctx.t("Behörigheter", "Access rights")),
                                Components.header(ctx.t("Senast granskad", "Last reviewed")),
                                Components.header(ctx.t("Nästa senast", "Next due")))),
                        .tbody(
                            .forEach(model.reviews) { r in
                                .tr(
                                    .th(
                                        .attribute(named: "scope", value: "row"),
                                        .a(
                                            .link(AccessRoutes.system(model.tenantSlug, r.systemID)),
                                            .safe(r.systemName))),
                                    .td(.text(String(r.grants))),
                                    .td(Components.textOrDash(r.lastReviewedOn?.iso, ctx)),
                                    .td(
                                        Components.textOrDash(r.dueOn?.iso, ctx),
                                        .if(
                                            r.isOverdue,
                                            .group(
                                                .text(" "),
                                                Components.badge(ctx.t("Försenad", "Overdue"), kind: "error")))))
                            }))))
    }
}
