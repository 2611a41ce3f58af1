import Foundation
import Plot
import StyrbordCore

/// A system's page: a header with its status and one tab of detail.
struct SystemShowPage: Page {
    struct Overview: Sendable {
        var draft: ITSystemDraft
        var ownerName: String?
        var userNames: [String]
        var managementObjectName: String?
        var supplierName: String?
        var operatorName: String?
        var createdAt: Date
        var updatedAt: Date
    }

    struct RoleRow: Sendable {
        var id: UUID
        var roleName: String
        var personID: UUID
        var personName: String
        var personIsActive: Bool
        var holding: RoleHolding
        var validFrom: String
        var validTo: String?
        var appointedBy: String?
        var decisionReference: String
    }

    struct RequirementStatus: Sendable {
        var text: String
        var isMet: Bool
    }

    struct Roles: Sendable {
        var current: [RoleRow]
        var past: [RoleRow]
        var requirements: [RequirementStatus]
    }

    struct Reached: Sendable {
        var id: UUID
        var name: String
        var distance: Int
    }

    struct IntegrationRow: Sendable {
        var id: UUID
        var isOutgoing: Bool
        var otherID: UUID?
        var otherName: String?
        var externalParty: String
        var kind: IntegrationKind
        var information: String
        var frequency: IntegrationFrequency
    }

    struct Integrations: Sendable {
        var picture: TrustedHTML?
        var dependsOn: [Reached]
        var dependedOnBy: [Reached]
        var direct: [IntegrationRow]
    }

    struct ContractRow: Sendable {
        var id: UUID
        var title: String
        var supplierName: String?
        var reference: String
        var startsOn: String
        var endsOn: String
        var noticeDeadline: String?
        var noticeSoon: Bool
        var autoRenews: Bool
        var licence: Money?
        var operation: Money?
    }

    struct Contracts: Sendable {
        var rows: [ContractRow]
        var yearlyTotal: Money
    }

    struct Classification: Sendable {
        var draft: ITSystemDraft
        var classifiedByName: String?
        var isExpired: Bool
    }

    struct HistoryItem: Sendable {
        var at: Date
        var actor: String
        var action: AuditEntry.Action
        var objectType: String
        var label: String
        var message: String?
        var requestID: String
        var changes: [AuditChange]
    }

    enum TabContent: Sendable {
        case overview(Overview)
        case roles(Roles)
        case integrations(Integrations)
        case contracts(Contracts)
        case service(ServiceTab.Model)
        case classification(Classification)
        case history([HistoryItem])
    }

    struct Model: Sendable {
        var tenantSlug: String
        var id: UUID
        var name: String
        var aliases: [String]
        var category: SystemCategory
        var lifecycle: LifecycleStatus
        var criticality: Criticality
        var gaps: [String]
        var tab: SystemTab
        /// The viewer may change the system, its roles, integrations and contracts.
        var canEdit = false
        /// The viewer may remove the system from the register.
        var canDelete = false
        var content: TabContent
    }

    let model: Model
    let ctx: PageContext

    var title: String {
        model.tab == .overview ? model.name : "\(model.name): \(model.tab.title(ctx.lang))"
    }
    var section: NavSection? { .systems }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(title: ctx.t("Systemregister", "System register"), url: SystemRoutes.index(model.tenantSlug)),
            Breadcrumb(title: model.name, url: SystemRoutes.show(model.tenantSlug, model.id)),
        ]
            + (model.tab == .overview ? [] : [Breadcrumb(title: model.tab.title(ctx.lang))])
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .div(
                .class("page-heading"),
                .div(
                    .h1(.safe(model.name)),
                    .if(
                        !model.aliases.isEmpty,
                        .p(
                            .class("aliases"), .text(ctx.t("Även kallat: ", "Also known as: ")),
                            .safe(model.aliases.joined(separator: ", "))))
                ),
                .div(
                    .class("actions"),
                    .if(
                        model.canEdit,
                        Components.buttonLink(
                            ctx.t("Redigera", "Edit"), url: SystemRoutes.edit(model.tenantSlug, model.id))),
                    .if(
                        model.canDelete,
                        Components.buttonLink(
                            ctx.t("Ta bort", "Delete"), url: SystemRoutes.delete(model.tenantSlug, model.id),
                            secondary: true)))
            ),
            .p(
                .class("badges"),
                Components.badge(ctx.t(model.category.label)),
                Components.badge(
                    ctx.t(model.lifecycle.label), kind: model.lifecycle == .inProduction ? "ok" : "neutral"),
                Components.badge(ctx.t("Kritikalitet: ", "Criticality: ") + ctx.t(model.criticality.label))),
            .if(
                !model.gaps.isEmpty,
                .div(
                    .class("notice warning"), .attribute(named: "role", value: "note"),
                    .h2(.class("notice-title"), .text(ctx.t("Roller saknas", "Missing roles"))),
                    .ul(.forEach(model.gaps) { .li(.safe($0)) }),
                    .p(
                        .a(
                            .link(SystemRoutes.tab(model.tenantSlug, model.id, .roles)),
                            .text(ctx.t("Tilldela roller", "Assign roles")))))),
            tabs,
            .section(
                .class("tab-panel"), .attribute(named: "aria-labelledby", value: "tab-heading"),
                .h2(.id("tab-heading"), .text(model.tab.title(ctx.lang))),
                panel)
        )
    }

    private var tabs: Node<HTML.BodyContext> {
        .nav(
            .class("tabs"), .ariaLabel(ctx.t("Flikar för systemet", "System tabs")),
            .ul(
                .forEach(SystemTab.allCases) { tab in
                    .li(
                        .a(
                            .link(SystemRoutes.tab(model.tenantSlug, model.id, tab)),
                            .if(tab == model.tab, .attribute(named: "aria-current", value: "page")),
                            .text(tab.title(ctx.lang))))
                }))
    }

    private var panel: Node<HTML.BodyContext> {
        switch model.content {
        case .overview(let o): overview(o)
        case .roles(let r): roles(r)
        case .integrations(let i): integrations(i)
        case .contracts(let c): contracts(c)
        case .service(let m):
            ServiceTab.render(m, system: model.id, tenantSlug: model.tenantSlug, canEdit: model.canEdit, ctx: ctx)
        case .classification(let c): classification(c)
        case .history(let h): history(h)
        }
    }

    private func dash(_ text: String?) -> Node<HTML.BodyContext> { Components.textOrDash(text, ctx) }

    private func overview(_ o: Overview) -> Node<HTML.BodyContext> {
        let d = o.draft
        let lifecycleDates = [
            d.plannedStartOn.map { ctx.t("planerad start ", "planned start ") + $0.iso },
            d.productionStartOn.map { ctx.t("i drift sedan ", "in production since ") + $0.iso },
            d.decommissionPlannedOn.map { ctx.t("avveckling planerad ", "decommissioning planned ") + $0.iso },
            d.decommissionedOn.map { ctx.t("avvecklad ", "decommissioned ") + $0.iso },
        ].compactMap { $0 }
        let backup: String = {
            var parts: [String] = []
            switch d.backup.isBackedUp {
            case true?: parts.append(ctx.t("Säkerhetskopieras", "Backed up"))
            case false?: parts.append(ctx.t("Säkerhetskopieras inte", "Not backed up"))
            case nil: break
            }
            if let rpo = d.backup.rpoHours { parts.append("RPO \(rpo) h") }
            if let rto = d.backup.rtoHours { parts.append("RTO \(rto) h") }
            return parts.joined(separator: ", ")
        }()
        return .group(
            .if(
                !d.description.isEmpty,
                .div(.class("description"), .forEach(d.description.components(separatedBy: "\n\n")) { .p(.safe($0)) })),
            Components.facts([
                (ctx.t("Kategori", "Category"), .safe(ctx.t(d.category.label) + " – " + ctx.t(d.systemType.label))),
                (ctx.t("Ägande organisationsenhet", "Owning org unit"), dash(o.ownerName)),
                (ctx.t("Används av", "Used by"), dash(o.userNames.joined(separator: ", "))),
                (ctx.t("Förvaltningsobjekt (pm3)", "Management object (pm3)"), dash(o.managementObjectName)),
                (
                    ctx.t("Livscykel", "Lifecycle"),
                    .safe(([ctx.t(d.lifecycleStatus.label)] + lifecycleDates).joined(separator: ", "))
                ),
                (ctx.t("Kritikalitet", "Criticality"), .safe(ctx.t(d.criticality.label))),
                (
                    ctx.t("Drift", "Operation"),
                    .safe(ctx.t(d.operationMode.label) + (o.operatorName.map { " – \($0)" } ?? ""))
                ),
                (ctx.t("Leverantör", "Supplier"), dash(o.supplierName)),
                (
                    ctx.t("Produkt och version", "Product and version"),
                    dash([d.product, d.version].filter { !$0.isEmpty }.joined(separator: " "))
                ),
                (ctx.t("Antal användare", "Number of users"), dash(d.userCount.map(String.init))),
                (ctx.t("Säkerhetskopiering", "Backup"), dash(backup)),
                (ctx.t("NIS2", "NIS2"), .safe(ctx.t(d.nis2.label))),
                (
                    ctx.t("AI", "AI"),
                    .safe(
                        d.ai.usesAI
                            ? ctx.t("Använder AI", "Uses AI") + (d.ai.riskClass.map { " – " + ctx.t($0.label) } ?? "")
                            : ctx.t("Ingen AI", "No AI"))
                ),
                (
                    ctx.t("Dokumentation", "Documentation"),
                    d.documentationLinks.isEmpty
                        ? dash(nil)
                        : .ul(
                            .class("plain"),
                            .forEach(d.documentationLinks) { link in
                                .li(.a(.link(link.url), .attribute(named: "rel", value: "noopener"), .safe(link.title)))
                            })
                ),
                (
                    ctx.t("Etiketter", "Tags"),
                    d.tags.isEmpty ? dash(nil) : .group(.forEach(d.tags) { Components.badge($0) })
                ),
                (ctx.t("Senast ändrad", "Last changed"), .text(Components.dateTime(o.updatedAt))),
            ])
        )
    }

    private func roles(_ r: Roles) -> Node<HTML.BodyContext> {
        .group(
            .if(
                model.canEdit,
                .p(
                    Components.buttonLink(
                        ctx.t("Tilldela roll", "Assign role"),
                        url: RoleRoutes.newAssignment(model.tenantSlug, scope: .system, scopeID: model.id)))),
            .if(
                !r.requirements.isEmpty,
                .group(
                    .h3(.text(ctx.t("Obligatoriska roller", "Required roles"))),
                    .ul(
                        .class("requirements"),
                        .forEach(r.requirements) { req in
                            .li(
                                Components.badge(
                                    req.isMet ? ctx.t("Uppfyllt", "Met") : ctx.t("Saknas", "Missing"),
                                    kind: req.isMet ? "ok" : "warning"),
                                .text(" "), .safe(req.text))
                        }))),
            .h3(.text(ctx.t("Nuvarande rollinnehavare", "Current role holders"))),
            r.current.isEmpty
                ? .p(
                    .class("muted"),
                    .text(ctx.t("Ingen har någon roll för systemet.", "Nobody holds a role for this system.")))
                : roleTable(r.current, showActions: model.canEdit),
            .if(
                !r.past.isEmpty,
                .el(
                    "details",
                    .el(
                        "summary",
                        .text(
                            ctx.t("Tidigare rollinnehavare (\(r.past.count))", "Former role holders (\(r.past.count))"))
                    ),
                    roleTable(r.past, showActions: false)))
        )
    }

    private func roleTable(_ rows: [RoleRow], showActions: Bool) -> Node<HTML.BodyContext> {
        Components.tableWrap(
            showActions
                ? ctx.t("Nuvarande rollinnehavare", "Current role holders")
                : ctx.t("Tidigare rollinnehavare", "Former role holders"),
            .table(
                .thead(
                    .tr(
                        Components.header(ctx.t("Roll", "Role")), Components.header(ctx.t("Person", "Person")),
                        Components.header(ctx.t("Ordinarie/ersättare", "Primary/deputy")),
                        Components.header(ctx.t("Från", "From")),
                        Components.header(ctx.t("Till", "To")), Components.header(ctx.t("Utsedd av", "Appointed by")),
                        Components.header(ctx.t("Beslut", "Decision")),
                        .if(showActions, Components.header(ctx.t("Åtgärder", "Actions"))))),
                .tbody(
                    .forEach(rows) { row in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .safe(row.roleName)),
                            .td(
                                .a(.link(PersonRoutes.show(model.tenantSlug, row.personID)), .safe(row.personName)),
                                .if(
                                    !row.personIsActive,
                                    .group(
                                        .text(" "), Components.badge(ctx.t("Har slutat", "Has left"), kind: "warning")))
                            ),
                            .td(.safe(ctx.t(row.holding.label))),
                            .td(.text(row.validFrom)),
                            .td(dash(row.validTo)),
                            .td(dash(row.appointedBy)),
                            .td(dash(row.decisionReference)),
                            .if(
                                showActions,
                                .td(
                                    .class("row-actions"),
                                    .a(
                                        .link(RoleRoutes.editAssignment(model.tenantSlug, row.id)),
                                        .text(ctx.t("Ändra", "Edit"))),
                                    .text(" "),
                                    .a(
                                        .link(RoleRoutes.endAssignment(model.tenantSlug, row.id)),
                                        .text(ctx.t("Avsluta", "End")))))
                        )
                    })
            ))
    }

    private func reachedList(_ items: [Reached], empty: String) -> Node<HTML.BodyContext> {
        items.isEmpty
            ? .p(.class("muted"), .safe(empty))
            : .ul(
                .class("reach"),
                .forEach(items) { item in
                    .li(
                        .a(.link(SystemRoutes.tab(model.tenantSlug, item.id, .integrations)), .safe(item.name)),
                        .if(
                            item.distance > 1,
                            .span(
                                .class("muted"),
                                .text(
                                    ctx.t(" (indirekt, \(item.distance) steg)", " (indirect, \(item.distance) steps)")))
                        ))
                })
    }

    private func integrations(_ i: Integrations) -> Node<HTML.BodyContext> {
        .group(
            .if(
                model.canEdit,
                .p(
                    Components.buttonLink(
                        ctx.t("Ny integration", "New integration"),
                        url: IntegrationRoutes.new(model.tenantSlug, source: model.id)))),
            .unwrap(i.picture) { picture in
                .el(
                    "figure", .attr("class", "neighbourhood"),
                    Components.trusted(picture),
                    .el(
                        "figcaption",
                        .text(
                            ctx.t(
                                "Systemets närmaste omgivning: system det hämtar information från till vänster, system som hämtar från det till höger (två steg åt varje håll).",
                                "The system's neighbourhood: systems it gets information from on the left, systems that get information from it on the right (two steps each way)."
                            ))))
            },
            .div(
                .class("columns"),
                .div(
                    .h3(.text(ctx.t("Beror på", "Depends on"))),
                    reachedList(
                        i.dependsOn,
                        empty: ctx.t(
                            "Systemet hämtar ingen information från andra system i registret.",
                            "The system gets no information from other systems in the register."))),
                .div(
                    .h3(.text(ctx.t("Används av", "Depended on by"))),
                    reachedList(
                        i.dependedOnBy,
                        empty: ctx.t(
                            "Inga system i registret hämtar information från systemet.",
                            "No system in the register gets information from this one.")))
            ),
            .h3(.text(ctx.t("Direkta integrationer", "Direct integrations"))),
            i.direct.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga integrationer registrerade.", "No integrations registered.")))
                : Components.tableWrap(
                    ctx.t("Direkta integrationer", "Direct integrations"),
                    .table(
                        .thead(
                            .tr(
                                Components.header(ctx.t("Riktning", "Direction")),
                                Components.header(ctx.t("Motpart", "Counterpart")),
                                Components.header(ctx.t("Typ", "Kind")),
                                Components.header(ctx.t("Information", "Information")),
                                Components.header(ctx.t("Frekvens", "Frequency")),
                                Components.header(ctx.t("Åtgärder", "Actions")))),
                        .tbody(
                            .forEach(i.direct) { row in
                                .tr(
                                    .td(
                                        .text(
                                            row.isOutgoing
                                                ? ctx.t("Skickar till", "Sends to")
                                                : ctx.t("Tar emot från", "Receives from"))),
                                    .td(
                                        .unwrap(row.otherID) { id in
                                            .a(
                                                .link(SystemRoutes.tab(model.tenantSlug, id, .integrations)),
                                                .safe(row.otherName ?? ""))
                                        },
                                        .if(
                                            !row.externalParty.isEmpty,
                                            .group(
                                                .if(row.otherID != nil, .text(" / ")), .safe(row.externalParty),
                                                .text(ctx.t(" (extern)", " (external)"))))),
                                    .td(.safe(ctx.t(row.kind.label))),
                                    .td(dash(row.information)),
                                    .td(.safe(ctx.t(row.frequency.label))),
                                    rowActions(
                                        edit: IntegrationRoutes.edit(model.tenantSlug, row.id),
                                        delete: IntegrationRoutes.delete(model.tenantSlug, row.id))
                                )
                            })
                    ))
        )
    }

    /// A row's edit and delete links, for those who may change the system; an empty cell for others.
    private func rowActions(edit: String, delete: String) -> Node<HTML.TableRowContext> {
        .td(
            .class("row-actions"),
            .if(
                model.canEdit,
                .group(
                    .a(.link(edit), .text(ctx.t("Ändra", "Edit"))), .text(" "),
                    .a(.link(delete), .text(ctx.t("Ta bort", "Delete"))))))
    }

    private func contracts(_ c: Contracts) -> Node<HTML.BodyContext> {
        .group(
            .if(
                model.canEdit,
                .p(
                    Components.buttonLink(
                        ctx.t("Nytt avtal", "New contract"),
                        url: ContractRoutes.new(model.tenantSlug, system: model.id)))),
            c.rows.isEmpty
                ? .p(
                    .class("muted"),
                    .text(ctx.t("Inga avtal registrerade för systemet.", "No contracts registered for the system.")))
                : .group(
                    Components.tableWrap(
                        ctx.t("Avtal", "Contracts"),
                        .table(
                            .thead(
                                .tr(
                                    Components.header(ctx.t("Avtal", "Contract")),
                                    Components.header(ctx.t("Leverantör", "Supplier")),
                                    Components.header(ctx.t("Giltigt", "Valid")),
                                    Components.header(ctx.t("Sista dag att säga upp", "Last day to give notice")),
                                    Components.header(ctx.t("Förlängs automatiskt", "Renews automatically")),
                                    Components.header(ctx.t("Licens per år", "Licence per year")),
                                    Components.header(ctx.t("Drift per år", "Operation per year")),
                                    Components.header(ctx.t("Åtgärder", "Actions")))),
                            .tbody(
                                .forEach(c.rows) { row in
                                    .tr(
                                        .th(
                                            .attribute(named: "scope", value: "row"), .safe(row.title),
                                            .if(
                                                !row.reference.isEmpty,
                                                .span(.class("muted"), .safe(" (\(row.reference))")))),
                                        .td(dash(row.supplierName)),
                                        .td(
                                            .text(
                                                [row.startsOn, row.endsOn].filter { !$0.isEmpty }.joined(
                                                    separator: " – "))),
                                        .td(
                                            dash(row.noticeDeadline),
                                            .if(
                                                row.noticeSoon,
                                                .group(
                                                    .text(" "),
                                                    Components.badge(ctx.t("Snart", "Soon"), kind: "warning")))),
                                        .td(.text(row.autoRenews ? ctx.t("Ja", "Yes") : ctx.t("Nej", "No"))),
                                        .td(.class("number"), dash(row.licence?.formatted(ctx.lang))),
                                        .td(.class("number"), dash(row.operation?.formatted(ctx.lang))),
                                        rowActions(
                                            edit: ContractRoutes.edit(model.tenantSlug, row.id),
                                            delete: ContractRoutes.delete(model.tenantSlug, row.id))
                                    )
                                })
                        )),
                    .p(
                        .strong(.text(ctx.t("Kostnad per år enligt avtalen: ", "Yearly cost under the contracts: "))),
                        .text(c.yearlyTotal.formatted(ctx.lang)))
                )
        )
    }

    private func level(_ l: ClassificationLevel?) -> Node<HTML.BodyContext> {
        l.map { .safe(ctx.t($0.label)) } ?? .span(.class("muted"), .text(ctx.t("Ej klassad", "Not classified")))
    }

    private func classification(_ c: Classification) -> Node<HTML.BodyContext> {
        let k = c.draft.classification, p = c.draft.personalData
        return .group(
            .h3(.text(ctx.t("Informationsklassning (KLASSA)", "Information classification (KLASSA)"))),
            .if(
                !k.isComplete,
                .div(
                    .class("notice warning"),
                    .p(
                        .text(
                            ctx.t(
                                "Systemets information är inte fullständigt klassad.",
                                "The system's information is not fully classified."))))),
            .if(
                c.isExpired,
                .div(
                    .class("notice warning"),
                    .p(
                        .text(
                            ctx.t(
                                "Klassningen har gått ut och behöver göras om.",
                                "The classification has expired and must be redone."))))),
            Components.facts([
                (ctx.t("Konfidentialitet", "Confidentiality"), level(k.confidentiality)),
                (ctx.t("Riktighet", "Integrity"), level(k.integrity)),
                (ctx.t("Tillgänglighet", "Availability"), level(k.availability)),
                (ctx.t("Spårbarhet", "Traceability"), level(k.traceability)),
                (ctx.t("Klassad av", "Classified by"), dash(c.classifiedByName)),
                (ctx.t("Klassad", "Classified on"), dash(k.classifiedOn?.iso)),
                (ctx.t("Giltig till", "Valid until"), dash(k.validUntil?.iso)),
            ]),
            .h3(.text(ctx.t("Personuppgifter (GDPR art. 30)", "Personal data (GDPR art. 30)"))),
            Components.facts([
                (ctx.t("Behandlar", "Processes"), .safe(ctx.t(p.level.label))),
                (ctx.t("Ändamål", "Purpose"), dash(p.purpose)),
                (ctx.t("Rättslig grund", "Legal basis"), dash(p.legalBasis.map { ctx.t($0.label) })),
                (
                    ctx.t("Kategorier av registrerade", "Categories of data subjects"),
                    dash(p.dataSubjectCategories.joined(separator: ", "))
                ),
                (
                    ctx.t("Personuppgiftsbiträdesavtal", "Data processing agreement"),
                    dash(
                        p.processorAgreement.map {
                            ctx.t($0.label) + (p.processorAgreementRef.isEmpty ? "" : " (\(p.processorAgreementRef))")
                        })
                ),
                (ctx.t("Gallring", "Retention"), dash(p.retention)),
            ]),
            .h3(.text(ctx.t("NIS2 och AI-förordningen", "NIS2 and the AI Act"))),
            Components.facts([
                (ctx.t("NIS2 / cybersäkerhetslagen", "NIS2 / Cybersecurity Act"), .safe(ctx.t(c.draft.nis2.label))),
                (ctx.t("Använder AI", "Uses AI"), .text(c.draft.ai.usesAI ? ctx.t("Ja", "Yes") : ctx.t("Nej", "No"))),
                (
                    ctx.t("Riskklass enligt AI-förordningen", "AI Act risk class"),
                    dash(c.draft.ai.riskClass.map { ctx.t($0.label) })
                ),
                (ctx.t("Beskrivning av AI-användningen", "Description of the AI use"), dash(c.draft.ai.description)),
            ])
        )
    }

    private func actionText(_ a: AuditEntry.Action) -> String { ctx.t(a.verb) }

    private func objectTypeText(_ type: String) -> String {
        switch type {
        case SystemRules.objectType: ctx.t("systemet", "the system")
        case RoleAssignmentRules.objectType: ctx.t("en rolltilldelning", "a role assignment")
        case IntegrationRules.objectType: ctx.t("en integration", "an integration")
        case ContractRules.objectType: ctx.t("ett avtal", "a contract")
        default: type
        }
    }

    private func history(_ items: [HistoryItem]) -> Node<HTML.BodyContext> {
        items.isEmpty
            ? .p(.class("muted"), .text(ctx.t("Ingen historik.", "No history.")))
            : .ol(
                .class("history"),
                .forEach(items) { item in
                    .li(
                        .p(
                            .class("history-head"),
                            .el(
                                "time", .attr("datetime", ISO8601DateFormatter().string(from: item.at)),
                                .text(Components.dateTime(item.at))),
                            .text(" – "), .strong(.safe(item.actor)), .text(" "), .text(actionText(item.action)),
                            .text(" "),
                            .text(objectTypeText(item.objectType))),
                        .unwrap(item.message) { .p(.class("history-message"), .safe($0)) },
                        .if(
                            !item.changes.isEmpty,
                            Components.tableWrap(
                                ctx.t("Ändringar ", "Changes ") + Components.dateTime(item.at),
                                .table(
                                    .class("changes"),
                                    .thead(
                                        .tr(
                                            Components.header(ctx.t("Fält", "Field")),
                                            Components.header(ctx.t("Före", "Before")),
                                            Components.header(ctx.t("Efter", "After")))),
                                    .tbody(
                                        .forEach(item.changes) { change in
                                            .tr(
                                                .th(
                                                    .attribute(named: "scope", value: "row"), .code(.safe(change.field))
                                                ),
                                                .td(dash(change.before)), .td(dash(change.after)))
                                        })))),
                        .p(.class("muted small"), .text(ctx.t("Begäran: ", "Request: ")), .code(.safe(item.requestID)))
                    )
                })
    }
}
