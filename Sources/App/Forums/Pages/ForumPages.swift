import Foundation
import Plot
import StyrbordCore

/// The profile's forums with who sits in them today, their cadence and meetings held this year
/// (D4/E2/F3), and the signed-in person's own calendar feed.
struct ForumsIndexPage: Page {
    struct Row {
        var key: String
        var name: String
        var sitting: String?
        var leaders: [String]
        var memberCount: Int
        var cadence: String
        var heldThisYear: Int
        var minPerYear: Int?
    }

    struct Model {
        var tenantSlug: String
        var rows: [Row]
        var hasPerson: Bool
        /// Just renewed: the personal feed's new address, shown this once.
        var newFeedURL: String?
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Forum och möten", "Forums and meetings") }
    var section: NavSection? { .forums }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: title)] }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .p(
                .text(
                    ctx.t(
                        "Styrningsprofilens forum med de personer som i dag har ordförandes, sammankallandes, ledamöters och adjungerades roller.",
                        "The governance profile's forums with the people who today hold the roles of chair, convener, members and adjunct members."
                    ))),
            Components.tableWrap(
                ctx.t("Forum", "Forums"),
                .table(
                    .thead(
                        .tr(
                            Components.header(ctx.t("Forum", "Forum")),
                            Components.header(ctx.t("Ordförande / sammankallande", "Chair / convener")),
                            Components.header(ctx.t("Ledamöter", "Members")),
                            Components.header(ctx.t("Mötesfrekvens", "Cadence")),
                            Components.header(ctx.t("Möten i år", "Meetings this year")))),
                    .tbody(.forEach(model.rows) { row($0) }))),
            personalFeed())
    }

    private func row(_ r: Row) -> Node<HTML.TableContext> {
        .tr(
            .td(
                .a(.link(ForumRoutes.show(model.tenantSlug, r.key)), .safe(r.name)),
                .unwrap(r.sitting) { .group(.br(), .span(.class("hint"), .safe($0))) }),
            .td(
                r.leaders.isEmpty
                    ? .span(.class("muted"), .text(ctx.t("Ingen utsedd", "Nobody appointed")))
                    : .safe(r.leaders.joined(separator: ", "))),
            .td(.text("\(r.memberCount)")),
            .td(.safe(r.cadence)),
            .td(
                .text("\(r.heldThisYear)"),
                .unwrap(r.minPerYear) { min in
                    .span(.class("hint"), .text(ctx.t(" av minst \(min) per år", " of at least \(min) a year")))
                }))
    }

    private func personalFeed() -> Node<HTML.BodyContext> {
        guard model.hasPerson else { return .empty }
        let f = FormBuilder(ctx: ctx, values: FormData())
        return .section(
            .id("calendar"),
            .h2(.text(ctx.t("Min kalender", "My calendar"))),
            .p(
                .text(
                    ctx.t(
                        "Prenumerera på möten i de forum du sitter i från din kalender. Adressen är hemlig och visas bara när den skapas; en ny adress gör den gamla ogiltig.",
                        "Subscribe from your calendar to the meetings of the forums you sit in. The address is secret and shown only when it is made; a new address makes the old one invalid."
                    ))),
            .unwrap(model.newFeedURL) { url in
                .p(
                    .class("secret"), .strong(.text(ctx.t("Din nya kalenderadress: ", "Your new calendar address: "))),
                    .code(.safe(url)))
            },
            f.form(
                action: ForumRoutes.personalFeed(model.tenantSlug),
                f.submit(ctx.t("Skapa ny kalenderadress", "Make a new calendar address"), secondary: true)))
    }
}

/// One forum: its purpose, mandate and cadence, who sits in it (per förvaltning for a forum each has),
/// its meetings and the proposals waiting for it.
struct ForumShowPage: Page {
    struct MeetingRow {
        var id: UUID
        var when: String
        var sitting: String?
        var place: String
        var isApproved: Bool
    }

    struct Model {
        var tenantSlug: String
        var forum: GovernanceProfile.Forum
        var profile: GovernanceProfile
        var sittings: [ForumDirectory.Sitting]
        var held: [UUID?: Int]
        var meetings: [MeetingRow]
        var waiting: [(diarienummer: String, title: String, id: UUID, step: String)]
        var canRun: Bool
        var newFeedURL: String?
    }

    let model: Model
    let ctx: PageContext

    private var forum: GovernanceProfile.Forum { model.forum }
    var title: String { ctx.t(forum.name) }
    var section: NavSection? { .forums }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(title: ctx.t("Forum", "Forums"), url: ForumRoutes.index(model.tenantSlug)),
            Breadcrumb(title: title),
        ]
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .div(
                .class("page-heading"),
                .h1(.safe(title)),
                .if(
                    model.canRun,
                    .div(
                        .class("actions"),
                        Components.buttonLink(
                            ctx.t("Planera möte", "Schedule a meeting"),
                            url: ForumRoutes.newMeeting(model.tenantSlug, forum.key))))),
            facts(), members(), meetings(), waiting(), feed())
    }

    private func facts() -> Node<HTML.BodyContext> {
        let cadence = ForumsController.cadenceText(forum.cadence, ctx)
        return .group(
            .unwrap(forum.purpose) { .p(.safe(ctx.t($0))) },
            Components.facts([
                (ctx.t("Mötesfrekvens", "Cadence"), .safe(cadence)),
                (
                    ctx.t("Mandat", "Mandate"),
                    forum.mandate.isEmpty
                        ? Components.textOrDash(nil, ctx)
                        : .ul(.forEach(forum.mandate) { m in .li(.safe("\(ctx.t(m.action.label)): \(ctx.t(m.what))")) })
                ),
                (ctx.t("Källa", "Source"), Components.textOrDash(forum.source, ctx)),
            ]))
    }

    private func members() -> Node<HTML.BodyContext> {
        .section(
            .id("members"),
            .h2(.text(ctx.t("Ledamöter i dag", "Members today"))),
            .if(
                model.sittings.isEmpty,
                .p(
                    .class("muted"),
                    .text(
                        ctx.t(
                            "Kommunen har inga förvaltningar registrerade.",
                            "The municipality has no administrations registered.")))),
            .forEach(model.sittings) { s in
                .group(
                    .unwrap(s.orgUnitName) { .h3(.safe($0)) },
                    .p(
                        .class("hint"),
                        .text(
                            ctx.t(
                                "Möten hållna i år: \(model.held[s.orgUnitID] ?? 0)",
                                "Meetings held this year: \(model.held[s.orgUnitID] ?? 0)"))),
                    s.members.isEmpty
                        ? .p(
                            .class("muted"),
                            .text(ctx.t("Ingen har forumets roller i dag.", "Nobody holds the forum's roles today.")))
                        : Components.tableWrap(
                            ctx.t("Ledamöter", "Members") + (s.orgUnitName.map { " – \($0)" } ?? ""),
                            .table(
                                .thead(
                                    .tr(
                                        Components.header(ctx.t("Namn", "Name")),
                                        Components.header(ctx.t("Plats i forumet", "Seat")),
                                        Components.header(ctx.t("Roll", "Role")))),
                                .tbody(
                                    .forEach(s.members) { m in
                                        .tr(
                                            .td(.safe(m.name)), .td(.text(ctx.t(m.seat.label))),
                                            .td(.safe(ctx.t(m.roleName))))
                                    }))))
            })
    }

    private func meetings() -> Node<HTML.BodyContext> {
        .section(
            .id("meetings"),
            .h2(.text(ctx.t("Möten", "Meetings"))),
            model.meetings.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga möten registrerade.", "No meetings recorded.")))
                : .ul(
                    .forEach(model.meetings) { m in
                        .li(
                            .a(
                                .link(ForumRoutes.meeting(model.tenantSlug, m.id)),
                                .safe(m.when + (m.sitting.map { " – \($0)" } ?? ""))),
                            .unwrap(m.place.isEmpty ? nil : m.place) { .text(" (\($0))") },
                            .text(" "),
                            Components.badge(
                                m.isApproved ? ctx.t("Justerat", "Approved") : ctx.t("Ej justerat", "Not approved"),
                                kind: m.isApproved ? "ok" : "neutral"))
                    }))
    }

    private func waiting() -> Node<HTML.BodyContext> {
        .section(
            .id("waiting"),
            .h2(.text(ctx.t("Förslag som väntar på forumet", "Proposals waiting for the forum"))),
            model.waiting.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga förslag väntar.", "No proposals are waiting.")))
                : .ul(
                    .forEach(model.waiting) { w in
                        .li(
                            .a(
                                .link(ProposalRoutes.show(model.tenantSlug, w.id)),
                                .safe("\(w.diarienummer) \(w.title)")), .safe(" – \(w.step)"))
                    }))
    }

    private func feed() -> Node<HTML.BodyContext> {
        guard model.canRun else { return .empty }
        let f = FormBuilder(ctx: ctx, values: FormData())
        return .section(
            .id("calendar"),
            .h2(.text(ctx.t("Forumets kalender", "The forum's calendar"))),
            .p(
                .text(
                    ctx.t(
                        "En hemlig adress som alla kalenderprogram kan prenumerera på. Den visas bara när den skapas; en ny adress gör den gamla ogiltig.",
                        "A secret address any calendar program can subscribe to. It is shown only when it is made; a new address makes the old one invalid."
                    ))),
            .unwrap(model.newFeedURL) { url in
                .p(
                    .class("secret"), .strong(.text(ctx.t("Ny kalenderadress: ", "New calendar address: "))),
                    .code(.safe(url)))
            },
            f.form(
                action: ForumRoutes.forumFeed(model.tenantSlug, forum.key),
                f.submit(ctx.t("Skapa ny kalenderadress", "Make a new calendar address"), secondary: true)))
    }
}
