import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML pages and form posts for the tjänstekatalog, the agreements on service level and the outages. A
/// system's agreement, availability and outages are shown on its Drift tab (`ServiceTab`).
struct ServicesController {
    // MARK: Catalogue

    @Sendable func catalogue(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        let services = try await CatalogueService.scoped(to: tenant, on: req.db).sort(\.$sortKey).all()
        let levels = try await ServiceLevel.scoped(to: tenant, on: req.db).sort(\.$availabilityHundredths).all()
        let model = CataloguePage.Model(
            tenantSlug: tenant.slug,
            services: services.map { s in
                CataloguePage.Service(
                    id: s.id!, name: s.name, description: s.description,
                    price: s.draft.price.map { p in
                        p.formatted(ctx.lang) + (s.priceModel.map { " (" + ctx.t($0.label).lowercased() + ")" } ?? "")
                    },
                    levels: levels.filter { $0.serviceID == s.id }.map { l in
                        let d = l.draft
                        return CataloguePage.Level(
                            name: d.name, availability: AvailabilityTarget.format(d.availabilityPercent, ctx.lang),
                            serviceHours: ctx.t(d.service.label), supportHours: ctx.t(d.support.label),
                            description: d.description)
                    })
            },
            canEdit: await req.can(.administer(tenantID: try tenant.requireID())))
        return CataloguePage(model: model, ctx: ctx).render()
    }

    @Sendable func newService(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        return try await serviceForm(req, tenant, nil, values: FormData([:]), errors: FormErrors(), status: .ok)
    }

    @Sendable func createService(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        return try await FormSubmission.handle {
            _ = try await CatalogueRules.create(
                try Self.serviceDraft(values), tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: ServiceRoutes.catalogue(tenant.slug), flash: .created)
        } showErrors: { errors in
            try await serviceForm(req, tenant, nil, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func editService(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let service = try await loadService(req, tenant)
        let d = service.draft
        let values = FormData([
            "name": [d.name], "description": [d.description], "price": [Self.kronor(d.price)],
            "priceModel": [d.priceModel?.rawValue ?? ""],
        ])
        return try await serviceForm(req, tenant, service, values: values, errors: FormErrors(), status: .ok)
    }

    @Sendable func updateService(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let service = try await loadService(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            _ = try await CatalogueRules.update(
                service, with: try Self.serviceDraft(values), tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: ServiceRoutes.catalogue(tenant.slug), flash: .saved)
        } showErrors: { errors in
            try await serviceForm(req, tenant, service, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func newLevel(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let service = try await loadService(req, tenant)
        let values = FormData([
            "serviceHours": [ServiceHours.always.code], "supportHours": [ServiceHours.officeHours.code],
        ])
        return try await levelForm(req, tenant, service, values: values, errors: FormErrors(), status: .ok)
    }

    @Sendable func createLevel(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let service = try await loadService(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            var p = FormParser(values)
            let percent = Self.percent(values, "availabilityPercent", &p, required: true)
            try RecordStore.check(p.issues)
            _ = try await CatalogueRules.addLevel(
                ServiceLevelDraft(
                    name: values.untrimmed("name"), availabilityPercent: percent ?? 0,
                    serviceHours: ServiceHours(code: values["serviceHours"]) ?? .always,
                    supportHours: ServiceHours(code: values["supportHours"]) ?? .officeHours,
                    description: values.untrimmed("description")), to: service, actor: .from(req), on: req.db)
            return req.redirect(to: ServiceRoutes.catalogue(tenant.slug), flash: .created)
        } showErrors: { errors in
            try await levelForm(req, tenant, service, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    // MARK: Agreements

    @Sendable func agreements(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        let agreements = try await ServiceAgreement.scoped(to: tenant, on: req.db).all()
        let systems = try await names(ITSystem.self, agreements.map(\.systemID), tenant, req)
        let people = try await names(Person.self, agreements.map(\.ownerPersonID), tenant, req)
        let suppliers = try await names(Supplier.self, agreements.compactMap(\.supplierID), tenant, req)
        let today = req.dependencies.today
        let rows = agreements.map { a in
            let d = a.draft
            return AgreementListPage.Row(
                id: a.id!, systemID: a.systemID, system: systems[a.systemID] ?? "",
                owner: people[a.ownerPersonID] ?? "",
                partner: a.supplierID.flatMap { suppliers[$0] } ?? ctx.t("IT-enheten (egen drift)", "The IT unit"),
                availability: AvailabilityTarget.format(d.availabilityPercent, ctx.lang),
                validity: [d.validFrom.iso, d.validTo?.iso ?? ""].joined(separator: " – "),
                noticeDeadline: d.noticeDeadline, isInForce: d.isValid(on: today))
        }.sorted { SortKey.swedish($0.system) < SortKey.swedish($1.system) }
        let model = AgreementListPage.Model(
            tenantSlug: tenant.slug, rows: rows,
            canCreate: await req.can(.editSomeSystem(tenantID: try tenant.requireID())))
        return AgreementListPage(model: model, ctx: ctx).render()
    }

    @Sendable func newAgreement(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let system = UUID(uuidString: req.query["system"] ?? "")
        var raw: [String: [String]] = [
            "systemId": [system?.uuidString ?? ""], "serviceHours": [ServiceHours.always.code],
            "supportHours": [ServiceHours.officeHours.code], "validFrom": [req.dependencies.today.iso],
        ]
        // The systemägare signs (D2): offered first when the system has one.
        if let system,
            let owner = try await AgreementRules.systemOwners(
                of: system, tenant: tenant, today: req.dependencies.today, on: req.db
            ).first
        {
            raw["ownerPersonId"] = [owner.uuidString]
        }
        return try await agreementForm(req, tenant, nil, values: FormData(raw), errors: FormErrors(), status: .ok)
    }

    @Sendable func createAgreement(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        return try await FormSubmission.handle {
            let agreement = try await AgreementRules.create(
                try await agreementDraft(values, tenant, req), tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: SystemRoutes.tab(tenant.slug, agreement.systemID, .service), flash: .created)
        } showErrors: { errors in
            try await agreementForm(req, tenant, nil, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func editAgreement(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let agreement = try await loadAgreement(req, tenant)
        return try await agreementForm(
            req, tenant, agreement, values: Self.values(agreement.draft), errors: FormErrors(), status: .ok)
    }

    @Sendable func updateAgreement(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let agreement = try await loadAgreement(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            _ = try await AgreementRules.update(
                agreement, with: try await agreementDraft(values, tenant, req), tenant: tenant, actor: .from(req),
                on: req.db)
            return req.redirect(to: SystemRoutes.tab(tenant.slug, agreement.systemID, .service), flash: .saved)
        } showErrors: { errors in
            try await agreementForm(
                req, tenant, agreement, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    // MARK: Outages

    @Sendable func newOutage(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = FormData(["systemId": [req.query["system"] ?? ""]])
        return try await outageForm(req, tenant, nil, values: values, errors: FormErrors(), status: .ok)
    }

    @Sendable func createOutage(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        return try await FormSubmission.handle {
            let outage = try await OutageRules.create(
                try Self.outageDraft(values), tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: SystemRoutes.tab(tenant.slug, outage.systemID, .service), flash: .created)
        } showErrors: { errors in
            try await outageForm(req, tenant, nil, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func editOutage(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let outage = try await loadOutage(req, tenant)
        return try await outageForm(
            req, tenant, outage, values: Self.values(outage.draft), errors: FormErrors(), status: .ok)
    }

    @Sendable func updateOutage(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let outage = try await loadOutage(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            _ = try await OutageRules.update(
                outage, with: try Self.outageDraft(values), tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: SystemRoutes.tab(tenant.slug, outage.systemID, .service), flash: .saved)
        } showErrors: { errors in
            try await outageForm(req, tenant, outage, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    // MARK: Reading the forms

    static func kronor(_ m: Money?) -> String {
        m.map { String(Double($0.amountMinor) / 100).replacingOccurrences(of: ".0", with: "") } ?? ""
    }

    /// A per cent figure written the Swedish or the English way ("99,5" or "99.5").
    static func percent(_ f: FormData, _ field: String, _ p: inout FormParser, required: Bool) -> Double? {
        let raw = f[field].replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "%", with: "")
            .trimmingCharacters(in: .whitespaces)
        if raw.isEmpty {
            if required {
                p.fail(field, sv: "Ange tillgängligheten i procent.", en: "Enter the availability in per cent.")
            }
            return nil
        }
        guard let value = Double(raw), value.isFinite else {
            p.fail(field, sv: "Ange ett tal, till exempel 99,5.", en: "Enter a number, for example 99.5.")
            return nil
        }
        return value
    }

    static func serviceDraft(_ f: FormData) throws -> ServiceDraft {
        var p = FormParser(f)
        let price = p.money("price")
        let model = p.choice("priceModel", PriceModel.self)
        try RecordStore.check(p.issues)
        return ServiceDraft(
            name: f.untrimmed("name"), description: f.untrimmed("description"), price: price, priceModel: model)
    }

    static func values(_ d: AgreementDraft) -> FormData {
        var raw: [String: [String]] = [
            "systemId": [d.systemId.uuidString], "serviceLevelId": [d.serviceLevelId?.uuidString ?? ""],
            "ownerPersonId": [d.ownerPersonId.uuidString], "supplierId": [d.supplierId?.uuidString ?? ""],
            "availabilityPercent": [
                AvailabilityTarget.format(d.availabilityPercent).replacingOccurrences(of: " %", with: "")
            ],
            "serviceHours": [d.serviceHours], "supportHours": [d.supportHours],
            "plannedMaintenanceCounts": d.plannedMaintenanceCounts ? ["true"] : [],
            "responsibilities": [d.responsibilities], "price": [kronor(d.price)],
            "priceModel": [d.priceModel?.rawValue ?? ""], "validFrom": [d.validFrom.iso],
            "validTo": [d.validTo?.iso ?? ""], "noticePeriodMonths": [d.noticePeriodMonths.map(String.init) ?? ""],
        ]
        for priority in IncidentPriority.allCases {
            let (response, resolution) = AgreementDraft.fieldNames(priority)
            raw[response] = [d.times[priority]?.responseMinutes.map(String.init) ?? ""]
            raw[resolution] = [d.times[priority]?.resolutionMinutes.map(String.init) ?? ""]
        }
        return FormData(raw)
    }

    /// The agreement as the form gives it; a level chosen fills in the availability and hours left empty.
    private func agreementDraft(_ f: FormData, _ tenant: Tenant, _ req: Request) async throws -> AgreementDraft {
        var p = FormParser(f)
        let system = p.uuid("systemId")
        let level = p.uuid("serviceLevelId")
        let owner = p.uuid("ownerPersonId")
        let supplier = p.uuid("supplierId")
        var percent = Self.percent(f, "availabilityPercent", &p, required: false)
        let price = p.money("price")
        let model = p.choice("priceModel", PriceModel.self)
        let from = p.day("validFrom", required: true)
        let to = p.day("validTo")
        let notice = p.integer("noticePeriodMonths")
        var times: [IncidentPriority: PriorityTimes] = [:]
        for priority in IncidentPriority.allCases {
            let (response, resolution) = AgreementDraft.fieldNames(priority)
            times[priority] = PriorityTimes(
                responseMinutes: p.integer(response), resolutionMinutes: p.integer(resolution))
        }
        var serviceHours = f["serviceHours"]
        var supportHours = f["supportHours"]
        if let level, let found = try await ServiceLevel.scoped(to: tenant, on: req.db).filter(\.$id == level).first() {
            let d = found.draft
            if percent == nil && f["availabilityPercent"].isEmpty { percent = d.availabilityPercent }
            if serviceHours.isEmpty { serviceHours = d.serviceHours }
            if supportHours.isEmpty { supportHours = d.supportHours }
        }
        if system == nil && f["systemId"].isEmpty { p.fail("systemId", sv: "Välj system.", en: "Choose the system.") }
        if owner == nil && f["ownerPersonId"].isEmpty {
            p.fail("ownerPersonId", sv: "Välj systemägaren.", en: "Choose the system owner.")
        }
        if percent == nil && f["availabilityPercent"].isEmpty {
            p.fail(
                "availabilityPercent", sv: "Ange avtalad tillgänglighet i procent, eller välj en tjänstenivå.",
                en: "Enter the agreed availability in per cent, or choose a service level.")
        }
        try RecordStore.check(p.issues)
        var draft = AgreementDraft(
            systemId: system!, serviceLevelId: level, ownerPersonId: owner!, supplierId: supplier,
            availabilityPercent: percent!, plannedMaintenanceCounts: f.isChecked("plannedMaintenanceCounts"),
            times: times, responsibilities: f.raw["responsibilities"]?.first ?? "", price: price, priceModel: model,
            validFrom: from!, validTo: to, noticePeriodMonths: notice)
        draft.serviceHours = serviceHours
        draft.supportHours = supportHours
        return draft
    }

    static func values(_ d: OutageDraft) -> FormData {
        let start = CalendarDay(d.startsAt)
        let end = d.endsAt.map(CalendarDay.init)
        return FormData([
            "systemId": [d.systemId.uuidString], "startDate": [start.iso], "startTime": [time(d.startsAt, on: start)],
            "endDate": [end?.iso ?? ""], "endTime": [d.endsAt.map { time($0, on: end!) } ?? ""],
            "isPlanned": d.isPlanned ? ["true"] : [], "description": [d.description],
        ])
    }

    /// The time of day in Sweden, "08:30".
    private static func time(_ date: Date, on day: CalendarDay) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.timeZone
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// A day and a time of day in Swedish time as an instant.
    private static func instant(_ day: CalendarDay?, _ time: String, field: String, _ p: inout FormParser) -> Date? {
        guard let day else { return nil }
        let parts = time.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else {
            p.fail(
                field, sv: "Ange en tid som TT:MM, till exempel 08:30.", en: "Enter a time as HH:MM, for example 08:30."
            )
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.timeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: h, minute: m))
    }

    static func outageDraft(_ f: FormData) throws -> OutageDraft {
        var p = FormParser(f)
        let system = p.uuid("systemId")
        let startDay = p.day("startDate", required: true)
        let start = instant(startDay, f["startTime"], field: "startTime", &p)
        let endDay = p.day("endDate")
        if endDay != nil && f["endTime"].isEmpty {
            p.fail("endTime", sv: "Ange när avbrottet slutade.", en: "Enter when the outage ended.")
        }
        let end = f["endTime"].isEmpty ? nil : instant(endDay, f["endTime"], field: "endTime", &p)
        if endDay == nil && !f["endTime"].isEmpty && f["endDate"].isEmpty {
            p.fail("endDate", sv: "Ange dagen avbrottet slutade.", en: "Enter the day the outage ended.")
        }
        if system == nil && f["systemId"].isEmpty { p.fail("systemId", sv: "Välj system.", en: "Choose the system.") }
        try RecordStore.check(p.issues)
        let draft = OutageDraft(
            systemId: system!, startsAt: start ?? .distantPast, endsAt: end, isPlanned: f.isChecked("isPlanned"),
            description: f.raw["description"]?.first ?? "")
        // Report the draft's own problems under the form's field names.
        let (_, issues) = draft.checked()
        try RecordStore.check(
            issues.map { i in
                var copy = i
                if copy.field == "startsAt" { copy.field = "startDate" }
                if copy.field == "endsAt" { copy.field = "endDate" }
                return copy
            })
        return draft
    }

    // MARK: Rendering

    private func serviceForm(
        _ req: Request, _ tenant: Tenant, _ service: CatalogueService?, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let labels = [
            "name": ctx.t("Tjänst", "Service"), "description": ctx.t("Beskrivning", "Description"),
            "price": ctx.t("Pris, kronor", "Price, SEK"), "priceModel": ctx.t("Prismodell", "Price model"),
        ]
        let model = RecordFormPage.Model(
            heading: service == nil ? ctx.t("Ny tjänst", "New service") : ctx.t("Ändra tjänst", "Edit service"),
            breadcrumbs: [
                Breadcrumb(
                    title: ctx.t("Tjänstekatalog", "Service catalogue"), url: ServiceRoutes.catalogue(tenant.slug)),
                Breadcrumb(title: service?.name ?? ctx.t("Ny tjänst", "New service")),
            ], section: .services,
            action: service.map { ServiceRoutes.editService(tenant.slug, $0.id!) }
                ?? ServiceRoutes.catalogue(tenant.slug),
            cancelURL: ServiceRoutes.catalogue(tenant.slug),
            submitLabel: service == nil ? ctx.t("Lägg till tjänsten", "Add the service") : ctx.t("Spara", "Save"),
            values: values, errors: errors, labels: labels,
            intro: ctx.t(
                "IT-enhetens tjänster med pris och prismodell (T7). Nivåerna läggs till i katalogen efteråt.",
                "The IT unit's services with price and price model (T7). Levels are added in the catalogue afterwards.")
        )
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.input("name", label: labels["name"]!, required: true),
                f.textarea("description", label: labels["description"]!, rows: 4),
                f.input("price", label: labels["price"]!, inputMode: "decimal"),
                f.select(
                    "priceModel", label: labels["priceModel"]!, options: f.options(PriceModel.self),
                    emptyLabel: ctx.t("— Inget pris —", "— No price —")))
        }.render(status: status)
    }

    static func hourOptions(_ ctx: PageContext, current: [String]) -> [(value: String, label: String)] {
        var hours: [ServiceHours] = [
            .always, .weekdays(opens: 7 * 60, closes: 17 * 60), .weekdays(opens: 8 * 60, closes: 17 * 60),
            .weekdays(opens: 8 * 60, closes: 16 * 60 + 30), .weekdays(opens: 6 * 60, closes: 22 * 60),
        ]
        for code in current { if let h = ServiceHours(code: code), !hours.contains(h) { hours.append(h) } }
        return hours.map { ($0.code, ctx.t($0.label)) }
    }

    private func levelForm(
        _ req: Request, _ tenant: Tenant, _ service: CatalogueService, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let labels = [
            "name": ctx.t("Nivå", "Level"),
            "availabilityPercent": ctx.t("Tillgänglighet, procent", "Availability, per cent"),
            "serviceHours": ctx.t("Servicetid", "Service hours"), "supportHours": ctx.t("Supporttid", "Support hours"),
            "description": ctx.t("Beskrivning", "Description"),
        ]
        let model = RecordFormPage.Model(
            heading: ctx.t("Ny nivå för \(service.name)", "New level for \(service.name)"),
            breadcrumbs: [
                Breadcrumb(
                    title: ctx.t("Tjänstekatalog", "Service catalogue"), url: ServiceRoutes.catalogue(tenant.slug)),
                Breadcrumb(title: service.name),
            ], section: .services, action: ServiceRoutes.levels(tenant.slug, service.id!),
            cancelURL: ServiceRoutes.catalogue(tenant.slug), submitLabel: ctx.t("Lägg till nivån", "Add the level"),
            values: values, errors: errors, labels: labels,
            intro: ctx.t(
                "En nivå (till exempel Bas, Standard, Plus) har eget tillgänglighetsmål och egna service- och supporttider.",
                "A level (for example Basic, Standard, Plus) has its own availability target, service hours and support hours."
            ))
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.input("name", label: labels["name"]!, required: true),
                f.input(
                    "availabilityPercent", label: labels["availabilityPercent"]!,
                    hint: ctx.t("Till exempel 99,5.", "For example 99.5."), required: true, inputMode: "decimal"),
                f.select(
                    "serviceHours", label: labels["serviceHours"]!,
                    options: Self.hourOptions(ctx, current: [values["serviceHours"]]), required: true),
                f.select(
                    "supportHours", label: labels["supportHours"]!,
                    options: Self.hourOptions(ctx, current: [values["supportHours"]]), required: true),
                f.textarea("description", label: labels["description"]!, rows: 3))
        }.render(status: status)
    }

    private func agreementForm(
        _ req: Request, _ tenant: Tenant, _ agreement: ServiceAgreement?, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let systems = try await ITSystem.scoped(to: tenant, on: req.db).sort(\.$sortKey).field(\.$id).field(\.$name)
            .all()
        let options = try await PickerOptions.load(tenant: tenant, on: req.db)
        let services = try await CatalogueService.scoped(to: tenant, on: req.db).sort(\.$sortKey).all()
        let levels = try await ServiceLevel.scoped(to: tenant, on: req.db).sort(\.$availabilityHundredths).all()
        let levelOptions = services.flatMap { s in
            levels.filter { $0.serviceID == s.id }.map { l in
                (
                    l.id!.uuidString,
                    "\(s.name) – \(l.name) (\(AvailabilityTarget.format(AvailabilityTarget.percent(l.availabilityHundredths), ctx.lang)))"
                )
            }
        }
        let systemID = UUID(uuidString: values["systemId"])
        let back = systemID.map { SystemRoutes.tab(tenant.slug, $0, .service) } ?? ServiceRoutes.agreements(tenant.slug)
        var labels = [
            "systemId": ctx.t("System", "System"), "serviceLevelId": ctx.t("Tjänst och nivå", "Service and level"),
            "ownerPersonId": ctx.t("Systemägare", "System owner"),
            "supplierId": ctx.t("Driftpartner", "Operations partner"),
            "availabilityPercent": ctx.t("Avtalad tillgänglighet, procent", "Agreed availability, per cent"),
            "serviceHours": ctx.t("Servicetid", "Service hours"), "supportHours": ctx.t("Supporttid", "Support hours"),
            "plannedMaintenanceCounts": ctx.t(
                "Planerat underhåll räknas som avbrott", "Planned maintenance counts as downtime"),
            "responsibilities": ctx.t("Ansvarsfördelning", "Responsibilities"),
            "price": ctx.t("Pris, kronor", "Price, SEK"),
            "priceModel": ctx.t("Prismodell", "Price model"), "validFrom": ctx.t("Gäller från", "Valid from"),
            "validTo": ctx.t("Gäller till", "Valid to"),
            "noticePeriodMonths": ctx.t("Uppsägningstid, månader", "Notice period, months"),
        ]
        for priority in IncidentPriority.allCases {
            let (response, resolution) = AgreementDraft.fieldNames(priority)
            labels[response] = ctx.t(
                "Svarstid \(priority.rawValue), minuter", "Response time \(priority.rawValue), minutes")
            labels[resolution] = ctx.t(
                "Åtgärdstid \(priority.rawValue), minuter", "Resolution time \(priority.rawValue), minutes")
        }
        let model = RecordFormPage.Model(
            heading: agreement == nil
                ? ctx.t("Nytt driftavtal", "New service agreement")
                : ctx.t("Ändra driftavtal", "Edit service agreement"),
            breadcrumbs: [
                Breadcrumb(
                    title: ctx.t("Driftavtal", "Service agreements"), url: ServiceRoutes.agreements(tenant.slug)),
                Breadcrumb(title: agreement == nil ? ctx.t("Nytt", "New") : ctx.t("Ändra", "Edit")),
            ], section: .services,
            action: agreement.map { ServiceRoutes.editAgreement(tenant.slug, $0.id!) }
                ?? ServiceRoutes.agreements(tenant.slug),
            cancelURL: back,
            submitLabel: agreement == nil
                ? ctx.t("Spara driftavtalet", "Save the agreement") : ctx.t("Spara ändringar", "Save changes"),
            values: values, errors: errors, labels: labels,
            intro: ctx.t(
                "Avtalet om tjänstenivå (SLA) mellan systemägaren och driftpartnern: omfattning, tillgänglighet, ansvar, pris och support (D7).",
                "The service level agreement (SLA) between the system owner and the operations partner: scope, availability, responsibilities, price and support (D7)."
            ))
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.select(
                    "systemId", label: labels["systemId"]!, options: systems.map { ($0.id!.uuidString, $0.name) },
                    emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true),
                f.select(
                    "ownerPersonId", label: labels["ownerPersonId"]!, options: options.people,
                    emptyLabel: ctx.t("— Välj —", "— Choose —"),
                    hint: ctx.t(
                        "Den som är systemägare för systemet enligt rolltilldelningarna.",
                        "The person who holds the system owner role for the system."), required: true),
                f.select(
                    "supplierId", label: labels["supplierId"]!, options: options.suppliers,
                    emptyLabel: ctx.t("IT-enheten (egen drift)", "The IT unit (own operations)")),
                f.select(
                    "serviceLevelId", label: labels["serviceLevelId"]!, options: levelOptions,
                    emptyLabel: ctx.t("— Utanför tjänstekatalogen —", "— Outside the catalogue —"),
                    hint: ctx.t(
                        "Tomma fält för tillgänglighet och tider hämtas från nivån.",
                        "Availability and hours left empty come from the level.")),
                f.input(
                    "availabilityPercent", label: labels["availabilityPercent"]!,
                    hint: ctx.t("Till exempel 99,5.", "For example 99.5."), inputMode: "decimal"),
                f.select(
                    "serviceHours", label: labels["serviceHours"]!,
                    options: Self.hourOptions(ctx, current: [values["serviceHours"]]),
                    emptyLabel: ctx.t("— Nivåns —", "— The level's —"),
                    hint: ctx.t(
                        "Tillgängligheten mäts bara inom servicetiden.",
                        "Availability is measured within the service hours only.")),
                f.select(
                    "supportHours", label: labels["supportHours"]!,
                    options: Self.hourOptions(ctx, current: [values["supportHours"]]),
                    emptyLabel: ctx.t("— Nivåns —", "— The level's —")),
                f.checkbox(
                    "plannedMaintenanceCounts", label: labels["plannedMaintenanceCounts"]!,
                    hint: ctx.t(
                        "Utan markering räknas aviserade underhållsfönster inte mot tillgängligheten.",
                        "Unticked, announced maintenance windows do not count against availability.")),
                f.section(
                    ctx.t("Svars- och åtgärdstider per prioritet", "Response and resolution times per priority"),
                    .forEach(IncidentPriority.allCases) { priority in
                        let (response, resolution) = AgreementDraft.fieldNames(priority)
                        return .group(
                            f.input(response, label: labels[response]!, inputMode: "numeric"),
                            f.input(resolution, label: labels[resolution]!, inputMode: "numeric"))
                    }),
                f.textarea(
                    "responsibilities", label: labels["responsibilities"]!,
                    hint: ctx.t(
                        "Vem som gör vad: drift, övervakning, säkerhetskopiering, uppdateringar, kontakt vid störning.",
                        "Who does what: operations, monitoring, backups, updates, contact on disruption."), rows: 5),
                f.input("price", label: labels["price"]!, inputMode: "decimal"),
                f.select(
                    "priceModel", label: labels["priceModel"]!, options: f.options(PriceModel.self),
                    emptyLabel: ctx.t("— Inget pris —", "— No price —")),
                f.input("validFrom", label: labels["validFrom"]!, type: "date", required: true),
                f.input("validTo", label: labels["validTo"]!, type: "date"),
                f.input("noticePeriodMonths", label: labels["noticePeriodMonths"]!, inputMode: "numeric"))
        }.render(status: status)
    }

    private func outageForm(
        _ req: Request, _ tenant: Tenant, _ outage: SystemOutage?, values: FormData, errors: FormErrors,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let systems = try await ITSystem.scoped(to: tenant, on: req.db).sort(\.$sortKey).field(\.$id).field(\.$name)
            .all()
        let systemID = UUID(uuidString: values["systemId"])
        let back = systemID.map { SystemRoutes.tab(tenant.slug, $0, .service) } ?? ServiceRoutes.agreements(tenant.slug)
        let labels = [
            "systemId": ctx.t("System", "System"), "startDate": ctx.t("Började, dag", "Started, day"),
            "startTime": ctx.t("Började, klockan", "Started, time"), "endDate": ctx.t("Slutade, dag", "Ended, day"),
            "endTime": ctx.t("Slutade, klockan", "Ended, time"),
            "isPlanned": ctx.t("Planerat underhåll", "Planned maintenance"),
            "description": ctx.t("Beskrivning", "Description"),
        ]
        let model = RecordFormPage.Model(
            heading: outage == nil
                ? ctx.t("Registrera avbrott", "Record an outage") : ctx.t("Ändra avbrott", "Edit outage"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Systemregister", "System register"), url: SystemRoutes.index(tenant.slug)),
                Breadcrumb(title: ctx.t("Drift", "Operations"), url: back),
                Breadcrumb(title: outage == nil ? ctx.t("Nytt avbrott", "New outage") : ctx.t("Ändra", "Edit")),
            ], section: .systems,
            action: outage.map { ServiceRoutes.editOutage(tenant.slug, $0.id!) } ?? ServiceRoutes.outages(tenant.slug),
            cancelURL: back, submitLabel: ctx.t("Spara avbrottet", "Save the outage"), values: values, errors: errors,
            labels: labels,
            intro: ctx.t(
                "Tider i svensk tid. Ett pågående avbrott saknar sluttid; fyll i den när systemet fungerar igen.",
                "Times in Swedish time. An ongoing outage has no end; fill it in when the system works again."))
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.select(
                    "systemId", label: labels["systemId"]!, options: systems.map { ($0.id!.uuidString, $0.name) },
                    emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true),
                f.input("startDate", label: labels["startDate"]!, type: "date", required: true),
                f.input("startTime", label: labels["startTime"]!, type: "time", required: true),
                f.input(
                    "endDate", label: labels["endDate"]!, type: "date",
                    hint: ctx.t("Tom medan avbrottet pågår.", "Empty while the outage goes on.")),
                f.input("endTime", label: labels["endTime"]!, type: "time"),
                f.checkbox(
                    "isPlanned", label: labels["isPlanned"]!,
                    hint: ctx.t(
                        "Ett aviserat underhållsfönster; räknas mot tillgängligheten bara om driftavtalet säger så.",
                        "An announced maintenance window; counts against availability only if the agreement says so.")),
                f.textarea("description", label: labels["description"]!, required: true))
        }.render(status: status)
    }

    // MARK: Loading

    private func names<M: TenantScoped>(
        _ type: M.Type, _ ids: [UUID], _ tenant: Tenant, _ req: Request
    ) async throws -> [UUID: String] where M: NamedRecord {
        guard !ids.isEmpty else { return [:] }
        let rows = try await M.scoped(to: tenant, on: req.db).filter(\._$id ~~ Array(Set(ids))).all()
        return Dictionary(uniqueKeysWithValues: rows.compactMap { r in r.id.map { ($0, r.recordName) } })
    }

    private func loadService(_ req: Request, _ tenant: Tenant) async throws -> CatalogueService {
        try await CatalogueService.find(
            try req.parameters.require("serviceID", as: UUID.self), in: tenant, on: req.db, what: CatalogueService.what)
    }

    private func loadAgreement(_ req: Request, _ tenant: Tenant) async throws -> ServiceAgreement {
        try await ServiceAgreement.find(
            try req.parameters.require("agreementID", as: UUID.self), in: tenant, on: req.db,
            what: ServiceAgreement.what)
    }

    private func loadOutage(_ req: Request, _ tenant: Tenant) async throws -> SystemOutage {
        try await SystemOutage.find(
            try req.parameters.require("outageID", as: UUID.self), in: tenant, on: req.db, what: SystemOutage.what)
    }
}

/// A record with a name to show in lists.
protocol NamedRecord { var recordName: String { get } }
extension ITSystem: NamedRecord { var recordName: String { name } }
extension Person: NamedRecord { var recordName: String { name } }
extension Supplier: NamedRecord { var recordName: String { name } }
