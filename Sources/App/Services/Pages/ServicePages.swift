import Fluent
import Foundation
import Plot
import StyrbordCore

/// The IT unit's tjänstekatalog: each service with its price and levels (T7).
struct CataloguePage: Page {
    struct Level {
        var name: String
        var availability: String
        var serviceHours: String
        var supportHours: String
        var description: String
    }

    struct Service {
        var id: UUID
        var name: String
        var description: String
        var price: String?
        var levels: [Level]
    }

    struct Model {
        var tenantSlug: String
        var services: [Service]
        var canEdit: Bool
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Tjänstekatalog", "Service catalogue") }
    var section: NavSection? { .services }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(
                title: ctx.t("Driftavtal", "Service agreements"), url: ServiceRoutes.agreements(model.tenantSlug)),
            Breadcrumb(title: title),
        ]
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .div(
                .class("page-heading"), .h1(.text(title)),
                .if(
                    model.canEdit,
                    .div(
                        .class("actions"),
                        Components.buttonLink(
                            ctx.t("Ny tjänst", "New service"), url: ServiceRoutes.newService(model.tenantSlug))))),
            .p(
                .text(
                    ctx.t(
                        "IT-enhetens tjänster med pris och nivåer. Driftavtalen för systemen hänvisar till en tjänst och nivå (T7, T8).",
                        "The IT unit's services with price and levels. The systems' service agreements refer to a service and level (T7, T8)."
                    ))),
            model.services.isEmpty
                ? .p(
                    .class("muted"),
                    .text(ctx.t("Katalogen har inga tjänster än.", "The catalogue has no services yet.")))
                : .forEach(model.services) { service($0) })
    }

    private func service(_ s: Service) -> Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.safe(s.name)),
            .if(!s.description.isEmpty, .p(.safe(s.description))),
            .p(.strong(.text(ctx.t("Pris: ", "Price: "))), Components.textOrDash(s.price, ctx)),
            s.levels.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga nivåer än.", "No levels yet.")))
                : Components.tableWrap(
                    ctx.t("Nivåer för \(s.name)", "Levels of \(s.name)"),
                    .table(
                        .caption(.safe(ctx.t("Nivåer: ", "Levels: ") + s.name)),
                        .thead(
                            .tr(
                                Components.header(ctx.t("Nivå", "Level")),
                                Components.header(ctx.t("Tillgänglighet", "Availability")),
                                Components.header(ctx.t("Servicetid", "Service hours")),
                                Components.header(ctx.t("Supporttid", "Support hours")),
                                Components.header(ctx.t("Beskrivning", "Description")))),
                        .tbody(
                            .forEach(s.levels) { l in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .safe(l.name)),
                                    .td(.text(l.availability)), .td(.safe(l.serviceHours)), .td(.safe(l.supportHours)),
                                    .td(.safe(l.description)))
                            }))),
            .if(
                model.canEdit,
                .p(
                    .a(
                        .link(ServiceRoutes.newLevel(model.tenantSlug, s.id)),
                        .text(ctx.t("Ny nivå", "New level")), .span(.class("visually-hidden"), .safe(" – " + s.name))),
                    .text(" "),
                    .a(
                        .link(ServiceRoutes.editService(model.tenantSlug, s.id)), .text(ctx.t("Ändra", "Edit")),
                        .span(.class("visually-hidden"), .safe(" " + s.name))))))
    }
}

/// Every system's agreement on service level, with its partner, level and notice date (D7).
struct AgreementListPage: Page {
    struct Row {
        var id: UUID
        var systemID: UUID
        var system: String
        var owner: String
        var partner: String
        var availability: String
        var validity: String
        var noticeDeadline: CalendarDay?
        var isInForce: Bool
    }

    struct Model {
        var tenantSlug: String
        var rows: [Row]
        var canCreate: Bool
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Driftavtal", "Service agreements") }
    var section: NavSection? { .services }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: title)] }

    var content: Node<HTML.BodyContext> {
        .group(
            .div(
                .class("page-heading"), .h1(.text(title)),
                .div(
                    .class("actions"),
                    Components.buttonLink(
                        ctx.t("Tjänstekatalog", "Service catalogue"), url: ServiceRoutes.catalogue(model.tenantSlug),
                        secondary: true),
                    .if(
                        model.canCreate,
                        Components.buttonLink(
                            ctx.t("Nytt driftavtal", "New service agreement"),
                            url: ServiceRoutes.newAgreement(model.tenantSlug))))),
            .p(
                .text(
                    ctx.t(
                        "Avtal om tjänstenivå (SLA) mellan systemägaren och driftpartnern för varje system (D7). Uppmätt tillgänglighet per månad visas på systemets flik Drift och tillgänglighet.",
                        "Service level agreements (SLA) between the system owner and the operations partner for each system (D7). Measured availability per month is on the system's Operations and availability tab."
                    ))),
            model.rows.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga driftavtal registrerade.", "No service agreements recorded.")))
                : table)
    }

    private var table: Node<HTML.BodyContext> {
        Components.tableWrap(
            title,
            .table(
                .caption(.text(ctx.t("\(model.rows.count) driftavtal", "\(model.rows.count) service agreements"))),
                .thead(
                    .tr(
                        Components.header(ctx.t("System", "System")),
                        Components.header(ctx.t("Systemägare", "System owner")),
                        Components.header(ctx.t("Driftpartner", "Operations partner")),
                        Components.header(ctx.t("Tillgänglighet", "Availability")),
                        Components.header(ctx.t("Giltigt", "Valid")),
                        Components.header(ctx.t("Sista dag att säga upp", "Last day to give notice")),
                        Components.header(ctx.t("Åtgärder", "Actions")))),
                .tbody(
                    .forEach(model.rows) { r in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(.link(SystemRoutes.tab(model.tenantSlug, r.systemID, .service)), .safe(r.system)),
                                .if(
                                    !r.isInForce,
                                    .group(.text(" "), Components.badge(ctx.t("Gäller inte", "Not in force"))))),
                            .td(.safe(r.owner)), .td(.safe(r.partner)), .td(.text(r.availability)),
                            .td(.text(r.validity)), .td(.text(r.noticeDeadline?.iso ?? "–")),
                            .td(
                                .a(
                                    .link(ServiceRoutes.editAgreement(model.tenantSlug, r.id)),
                                    .text(ctx.t("Ändra", "Edit")),
                                    .span(.class("visually-hidden"), .safe(" " + r.system)))))
                    })))
    }
}

/// A system's Drift tab: its agreement(s), measured availability per month for the last twelve months
/// against the agreed level (T8), and its outages.
enum ServiceTab {
    struct Agreement: Sendable {
        var id: UUID
        var levelName: String?
        var owner: String
        var partner: String
        var availability: String
        var serviceHours: String
        var supportHours: String
        var plannedMaintenanceCounts: Bool
        var times: [(priority: String, response: String, resolution: String)]
        var responsibilities: String
        var price: String?
        var validity: String
        var noticeDeadline: String?
        var isInForce: Bool
        var months: [Month]
    }

    struct Month: Sendable {
        var month: String
        var measured: String
        var agreed: String
        var downtime: String
        var meets: Bool
        var isComplete: Bool
    }

    struct Outage: Sendable {
        var id: UUID
        var starts: String
        var ends: String?
        var isPlanned: Bool
        var description: String
    }

    struct Model: Sendable {
        var agreements: [Agreement]
        var outages: [Outage]
    }

    static func render(
        _ m: Model, system: UUID, tenantSlug: String, canEdit: Bool, ctx: PageContext
    )
        -> Node<HTML.BodyContext>
    {
        .group(
            .if(
                canEdit,
                .p(
                    Components.buttonLink(
                        ctx.t("Nytt driftavtal", "New service agreement"),
                        url: ServiceRoutes.newAgreement(tenantSlug, system: system)),
                    .text(" "),
                    Components.buttonLink(
                        ctx.t("Registrera avbrott", "Record an outage"),
                        url: ServiceRoutes.newOutage(tenantSlug, system: system), secondary: true))),
            m.agreements.isEmpty
                ? .p(
                    .class("muted"),
                    .text(ctx.t("Systemet har inget driftavtal (D7).", "The system has no service agreement (D7).")))
                : .forEach(m.agreements) { agreement($0, tenantSlug: tenantSlug, canEdit: canEdit, ctx: ctx) },
            .h3(.text(ctx.t("Avbrott", "Outages"))),
            m.outages.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga avbrott registrerade.", "No outages recorded.")))
                : outages(m.outages, tenantSlug: tenantSlug, canEdit: canEdit, ctx: ctx))
    }

    private static func agreement(
        _ a: Agreement, tenantSlug: String, canEdit: Bool, ctx: PageContext
    )
        -> Node<HTML.BodyContext>
    {
        .section(
            .class("card"),
            .h3(
                .text(ctx.t("Driftavtal", "Service agreement")),
                .if(a.levelName != nil, .safe(" – " + (a.levelName ?? ""))),
                .if(!a.isInForce, .group(.text(" "), Components.badge(ctx.t("Gäller inte", "Not in force"))))),
            Components.facts([
                (ctx.t("Systemägare", "System owner"), .safe(a.owner)),
                (ctx.t("Driftpartner", "Operations partner"), .safe(a.partner)),
                (ctx.t("Avtalad tillgänglighet", "Agreed availability"), .text(a.availability)),
                (ctx.t("Servicetid", "Service hours"), .safe(a.serviceHours)),
                (ctx.t("Supporttid", "Support hours"), .safe(a.supportHours)),
                (
                    ctx.t("Planerat underhåll", "Planned maintenance"),
                    .text(
                        a.plannedMaintenanceCounts
                            ? ctx.t("Räknas som avbrott", "Counts as downtime")
                            : ctx.t("Räknas inte som avbrott", "Does not count as downtime"))
                ),
                (ctx.t("Pris", "Price"), Components.textOrDash(a.price, ctx)),
                (ctx.t("Giltigt", "Valid"), .text(a.validity)),
                (
                    ctx.t("Sista dag att säga upp", "Last day to give notice"),
                    Components.textOrDash(a.noticeDeadline, ctx)
                ),
                (
                    ctx.t("Ansvarsfördelning", "Responsibilities"),
                    Components.textOrDash(a.responsibilities.isEmpty ? nil : a.responsibilities, ctx)
                ),
            ]),
            .if(
                !a.times.isEmpty,
                Components.tableWrap(
                    ctx.t("Svars- och åtgärdstider", "Response and resolution times"),
                    .table(
                        .caption(
                            .text(
                                ctx.t(
                                    "Svars- och åtgärdstider per prioritet",
                                    "Response and resolution times per priority"))),
                        .thead(
                            .tr(
                                Components.header(ctx.t("Prioritet", "Priority")),
                                Components.header(ctx.t("Svarstid", "Response time")),
                                Components.header(ctx.t("Åtgärdstid", "Resolution time")))),
                        .tbody(
                            .forEach(a.times) { t in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(t.priority)),
                                    .td(.text(t.response)), .td(.text(t.resolution)))
                            })))),
            months(a, ctx: ctx),
            .if(
                canEdit,
                .p(
                    .a(
                        .link(ServiceRoutes.editAgreement(tenantSlug, a.id)),
                        .text(ctx.t("Ändra driftavtalet", "Edit the agreement"))))))
    }

    private static func months(_ a: Agreement, ctx: PageContext) -> Node<HTML.BodyContext> {
        Components.tableWrap(
            ctx.t("Tillgänglighet per månad", "Availability per month"),
            .table(
                .class("availability"),
                .caption(
                    .text(
                        ctx.t(
                            "Uppmätt tillgänglighet per månad inom servicetiden, senaste tolv månaderna",
                            "Measured availability per month within the service hours, last twelve months"))),
                .thead(
                    .tr(
                        Components.header(ctx.t("Månad", "Month")),
                        Components.header(ctx.t("Uppmätt", "Measured")),
                        Components.header(ctx.t("Avtalat", "Agreed")),
                        Components.header(ctx.t("Avbrottstid", "Downtime")),
                        Components.header(ctx.t("Resultat", "Result")))),
                .tbody(
                    .forEach(a.months) { m in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .text(m.month)),
                            .td(.class("number"), .text(m.measured)), .td(.class("number"), .text(m.agreed)),
                            .td(.class("number"), .text(m.downtime)),
                            .td(
                                m.meets
                                    ? Components.badge(
                                        m.isComplete
                                            ? ctx.t("Uppfyllt", "Met") : ctx.t("Hittills uppfyllt", "Met so far"),
                                        kind: "ok")
                                    : Components.badge(
                                        ctx.t("Under avtalad nivå", "Below the agreed level"), kind: "error")))
                    })))
    }

    private static func outages(
        _ list: [Outage], tenantSlug: String, canEdit: Bool, ctx: PageContext
    )
        -> Node<HTML.BodyContext>
    {
        Components.tableWrap(
            ctx.t("Avbrott", "Outages"),
            .table(
                .caption(.text(ctx.t("Registrerade avbrott, senaste först", "Recorded outages, latest first"))),
                .thead(
                    .tr(
                        Components.header(ctx.t("Började", "Started")), Components.header(ctx.t("Slutade", "Ended")),
                        Components.header(ctx.t("Slag", "Kind")),
                        Components.header(ctx.t("Beskrivning", "Description")),
                        Components.header(ctx.t("Åtgärder", "Actions")))),
                .tbody(
                    .forEach(list) { o in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .text(o.starts)),
                            .td(
                                o.ends.map { .text($0) }
                                    ?? Components.badge(ctx.t("Pågår", "Ongoing"), kind: "warning")),
                            .td(
                                .text(
                                    o.isPlanned
                                        ? ctx.t("Planerat underhåll", "Planned maintenance")
                                        : ctx.t("Oplanerat", "Unplanned"))),
                            .td(.safe(o.description)),
                            .td(
                                .if(
                                    canEdit,
                                    .a(
                                        .link(ServiceRoutes.editOutage(tenantSlug, o.id)),
                                        .text(ctx.t("Ändra", "Edit")),
                                        .span(.class("visually-hidden"), .text(" " + o.starts))))))
                    })))
    }

    /// "3 h 20 min".
    static func duration(_ seconds: Int, _ lang: UILanguage) -> String {
        let minutes = (seconds + 59) / 60
        let h = minutes / 60, m = minutes % 60
        if h == 0 { return "\(m) min" }
        return m == 0 ? "\(h) h" : "\(h) h \(m) min"
    }
}

extension ServiceTab.Model {
    /// The system's agreements (newest first), their last twelve months, and its outages.
    static func load(
        system: ITSystem, tenant: Tenant, now: Date, lang: UILanguage, on db: any Database
    ) async throws
        -> Self
    {
        let id = try system.requireID()
        let agreements = try await ServiceAgreement.scoped(to: tenant, on: db).filter(\.$systemID == id)
            .sort(\.$validFrom, .descending).all()
        let outages = try await SystemOutage.scoped(to: tenant, on: db).filter(\.$systemID == id)
            .sort(\.$startsAt, .descending).all()
        let people = try await Person.scoped(to: tenant, on: db).filter(\.$id ~~ agreements.map(\.ownerPersonID)).all()
        let suppliers = try await Supplier.scoped(to: tenant, on: db).filter(
            \.$id ~~ agreements.compactMap(\.supplierID)
        )
        .all()
        let levels = try await ServiceLevel.scoped(to: tenant, on: db)
            .filter(\.$id ~~ agreements.compactMap(\.serviceLevelID)).all()
        let services = try await CatalogueService.scoped(to: tenant, on: db).filter(\.$id ~~ levels.map(\.serviceID))
            .all()
        func t(_ sv: String, _ en: String) -> String { lang == .sv ? sv : en }
        let today = CalendarDay(now)
        let current = CalendarMonth(today)
        return ServiceTab.Model(
            agreements: agreements.map { a in
                let d = a.draft
                let level = levels.first { $0.id == a.serviceLevelID }
                let service = level.flatMap { l in services.first { $0.id == l.serviceID } }
                return ServiceTab.Agreement(
                    id: a.id!, levelName: level.map { "\(service?.name ?? "") \($0.name)" },
                    owner: people.first { $0.id == a.ownerPersonID }?.name ?? "",
                    partner: a.supplierID.flatMap { s in suppliers.first { $0.id == s }?.name }
                        ?? t("IT-enheten (egen drift)", "The IT unit (own operations)"),
                    availability: AvailabilityTarget.format(d.availabilityPercent, lang),
                    serviceHours: d.service.label[lang], supportHours: d.support.label[lang],
                    plannedMaintenanceCounts: d.plannedMaintenanceCounts,
                    times: IncidentPriority.allCases.compactMap { p in
                        guard let times = d.times[p] else { return nil }
                        return (
                            p.rawValue, times.responseMinutes.map { ServiceTab.duration($0 * 60, lang) } ?? "–",
                            times.resolutionMinutes.map { ServiceTab.duration($0 * 60, lang) } ?? "–"
                        )
                    },
                    responsibilities: d.responsibilities,
                    price: d.price.map { p in
                        p.formatted(lang) + (d.priceModel.map { " (" + $0.label[lang].lowercased() + ")" } ?? "")
                    },
                    validity: d.validFrom.iso + " – " + (d.validTo?.iso ?? ""),
                    noticeDeadline: d.noticeDeadline?.iso, isInForce: d.isValid(on: today),
                    months: AgreementRules.availability(a, outages: outages, now: now).reversed().map { r in
                        ServiceTab.Month(
                            month: r.month.iso,
                            measured: AvailabilityTarget.format(r.measuredPercent, lang, decimals: 3),
                            agreed: AvailabilityTarget.format(r.agreedPercent, lang),
                            downtime: ServiceTab.duration(r.downSeconds, lang), meets: r.meetsAgreement,
                            isComplete: r.month < current)
                    })
            },
            outages: outages.map { o in
                ServiceTab.Outage(
                    id: o.id!, starts: Components.dateTime(o.startsAt), ends: o.endsAt.map(Components.dateTime),
                    isPlanned: o.isPlanned, description: o.description)
            })
    }
}
