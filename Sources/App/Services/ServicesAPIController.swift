import Fluent
import Foundation
import StyrbordCore
import Vapor

/// A service level as the API returns it.
struct ServiceLevelResponse: Content {
    var id: UUID
    var serviceId: UUID
    var draft: ServiceLevelDraft
    var createdAt: Date
    var updatedAt: Date

    init(_ l: ServiceLevel) throws {
        id = try l.requireID()
        serviceId = l.serviceID
        draft = l.draft
        createdAt = l.createdAt
        updatedAt = l.updatedAt
    }

    enum CodingKeys: String, CodingKey { case id, serviceId, createdAt, updatedAt }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(serviceId, forKey: .serviceId)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try draft.encode(to: encoder)
    }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        serviceId = try c.decode(UUID.self, forKey: .serviceId)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        draft = try ServiceLevelDraft(from: decoder)
    }
}

/// A catalogue service as the API returns it, with its levels.
struct ServiceResponse: Content {
    var record: RecordResponse<ServiceDraft>
    var levels: [ServiceLevelResponse]

    init(_ s: CatalogueService, levels: [ServiceLevel]) throws {
        record = try RecordResponse(s)
        self.levels = try levels.map(ServiceLevelResponse.init)
    }

    enum CodingKeys: String, CodingKey { case levels }
    func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(levels, forKey: .levels)
    }
    init(from decoder: any Decoder) throws {
        record = try RecordResponse(from: decoder)
        levels = try decoder.container(keyedBy: CodingKeys.self).decode([ServiceLevelResponse].self, forKey: .levels)
    }
}

/// An agreement as the API returns it, with its derived last day to give notice.
struct AgreementResponse: Content {
    var record: RecordResponse<AgreementDraft>
    var noticeDeadline: CalendarDay?

    init(_ a: ServiceAgreement) throws {
        record = try RecordResponse(a)
        noticeDeadline = record.draft.noticeDeadline
    }

    enum CodingKeys: String, CodingKey { case noticeDeadline }
    func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(noticeDeadline, forKey: .noticeDeadline)
    }
    init(from decoder: any Decoder) throws {
        record = try RecordResponse(from: decoder)
        noticeDeadline = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(
            CalendarDay.self, forKey: .noticeDeadline)
    }
}

typealias OutageResponse = RecordResponse<OutageDraft>

/// Measured availability per month against an agreement (T8).
struct AvailabilityResponse: Content {
    struct Month: Content {
        var month: String
        var serviceSeconds: Int
        var downSeconds: Int
        var measuredPercent: Double
        var agreedPercent: Double
        var meetsAgreement: Bool
        /// The month is still going on.
        var isComplete: Bool
    }

    var agreementId: UUID
    var systemId: UUID
    var months: [Month]
}

/// JSON endpoints for the tjänstekatalog, agreements and outages.
struct ServicesAPIController {
    // MARK: Catalogue

    @Sendable func services(req: Request) async throws -> ListResponse<ServiceResponse> {
        let tenant = try await req.tenant()
        let paging = try ListQuery.strict(req.queryItems)
        let query = try CatalogueService.scoped(to: tenant, on: req.db)
        let total = try await query.copy().count()
        let items = try await query.sort(\.$sortKey).sort(\.$id)
            .range(paging.offset..<(paging.offset + paging.perPage)).all()
        let levels = try await ServiceLevel.scoped(to: tenant, on: req.db).filter(
            \.$serviceID ~~ items.compactMap(\.id)
        )
        .sort(\.$availabilityHundredths).sort(\.$id).all()
        return ListResponse(
            items: try items.map { s in try ServiceResponse(s, levels: levels.filter { $0.serviceID == s.id }) },
            page: paging.page, perPage: paging.perPage, total: total)
    }

    @Sendable func service(req: Request) async throws -> ServiceResponse {
        let (tenant, service) = try await loadService(req)
        return try await response(service, tenant, req)
    }

    @Sendable func createService(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let service = try await CatalogueRules.create(
            try req.jsonBody(ServiceDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let res = try await ServiceResponse(service, levels: []).encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(name: .location, value: ServiceRoutes.apiService(tenant.slug, try service.requireID()))
        return res
    }

    @Sendable func updateService(req: Request) async throws -> ServiceResponse {
        let (tenant, service) = try await loadService(req)
        let updated = try await CatalogueRules.update(
            service, with: try req.jsonBody(ServiceDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        return try await response(updated, tenant, req)
    }

    @Sendable func deleteService(req: Request) async throws -> HTTPStatus {
        let (_, service) = try await loadService(req)
        try await CatalogueRules.delete(service, actor: .from(req), on: req.db)
        return .noContent
    }

    @Sendable func createLevel(req: Request) async throws -> Response {
        let (tenant, service) = try await loadService(req)
        let level = try await CatalogueRules.addLevel(
            try req.jsonBody(ServiceLevelDraft.self), to: service, actor: .from(req), on: req.db)
        let res = try await ServiceLevelResponse(level).encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(name: .location, value: ServiceRoutes.apiLevel(tenant.slug, try level.requireID()))
        return res
    }

    @Sendable func updateLevel(req: Request) async throws -> ServiceLevelResponse {
        let (tenant, level) = try await loadLevel(req)
        return try ServiceLevelResponse(
            try await CatalogueRules.updateLevel(
                level, with: try req.jsonBody(ServiceLevelDraft.self), tenant: tenant, actor: .from(req), on: req.db))
    }

    @Sendable func deleteLevel(req: Request) async throws -> HTTPStatus {
        let (_, level) = try await loadLevel(req)
        try await CatalogueRules.deleteLevel(level, actor: .from(req), on: req.db)
        return .noContent
    }

    // MARK: Agreements

    @Sendable func agreements(req: Request) async throws -> ListResponse<AgreementResponse> {
        let tenant = try await req.tenant()
        let paging = try ListQuery.strict(req.queryItems)
        var query = try ServiceAgreement.scoped(to: tenant, on: req.db)
        if let id = try Self.systemFilter(req) { query = query.filter(\.$systemID == id) }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$validFrom).sort(\.$id)
            .range(paging.offset..<(paging.offset + paging.perPage)).all()
        return ListResponse(
            items: try items.map(AgreementResponse.init), page: paging.page, perPage: paging.perPage, total: total)
    }

    @Sendable func agreement(req: Request) async throws -> AgreementResponse {
        try AgreementResponse(try await loadAgreement(req).1)
    }

    @Sendable func createAgreement(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let agreement = try await AgreementRules.create(
            try req.jsonBody(AgreementDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let res = try await AgreementResponse(agreement).encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(
            name: .location, value: ServiceRoutes.apiAgreement(tenant.slug, try agreement.requireID()))
        return res
    }

    @Sendable func updateAgreement(req: Request) async throws -> AgreementResponse {
        let (tenant, agreement) = try await loadAgreement(req)
        return try AgreementResponse(
            try await AgreementRules.update(
                agreement, with: try req.jsonBody(AgreementDraft.self), tenant: tenant, actor: .from(req), on: req.db))
    }

    @Sendable func deleteAgreement(req: Request) async throws -> HTTPStatus {
        let (_, agreement) = try await loadAgreement(req)
        try await RecordStore.delete(agreement, actor: .from(req), on: req.db)
        return .noContent
    }

    /// The last twelve months (this one so far included) measured against the agreement.
    @Sendable func availability(req: Request) async throws -> AvailabilityResponse {
        let (tenant, agreement) = try await loadAgreement(req)
        let now = req.dependencies.now()
        let outages = try await SystemOutage.scoped(to: tenant, on: req.db).filter(\.$systemID == agreement.systemID)
            .all()
        let current = CalendarMonth(CalendarDay(now))
        let months = AgreementRules.availability(agreement, outages: outages, now: now).map { r in
            AvailabilityResponse.Month(
                month: r.month.iso, serviceSeconds: r.serviceSeconds, downSeconds: r.downSeconds,
                measuredPercent: (r.measuredPercent * 1000).rounded() / 1000, agreedPercent: r.agreedPercent,
                meetsAgreement: r.meetsAgreement, isComplete: r.month < current)
        }
        return AvailabilityResponse(
            agreementId: try agreement.requireID(), systemId: agreement.systemID, months: months)
    }

    // MARK: Outages

    @Sendable func outages(req: Request) async throws -> ListResponse<OutageResponse> {
        let tenant = try await req.tenant()
        let paging = try ListQuery.strict(req.queryItems)
        var query = try SystemOutage.scoped(to: tenant, on: req.db)
        if let id = try Self.systemFilter(req) { query = query.filter(\.$systemID == id) }
        let total = try await query.copy().count()
        let items = try await query.sort(\.$startsAt, .descending).sort(\.$id)
            .range(paging.offset..<(paging.offset + paging.perPage)).all()
        return ListResponse(
            items: try items.map(OutageResponse.init), page: paging.page, perPage: paging.perPage, total: total)
    }

    @Sendable func outage(req: Request) async throws -> OutageResponse {
        try OutageResponse(try await loadOutage(req).1)
    }

    @Sendable func createOutage(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let outage = try await OutageRules.create(
            try req.jsonBody(OutageDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let res = try await OutageResponse(outage).encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(name: .location, value: ServiceRoutes.apiOutage(tenant.slug, try outage.requireID()))
        return res
    }

    @Sendable func updateOutage(req: Request) async throws -> OutageResponse {
        let (tenant, outage) = try await loadOutage(req)
        return try OutageResponse(
            try await OutageRules.update(
                outage, with: try req.jsonBody(OutageDraft.self), tenant: tenant, actor: .from(req), on: req.db))
    }

    @Sendable func deleteOutage(req: Request) async throws -> HTTPStatus {
        let (_, outage) = try await loadOutage(req)
        try await RecordStore.delete(outage, actor: .from(req), on: req.db)
        return .noContent
    }

    // MARK: Loading

    /// `?systemId=`: an empty or unreadable value is refused, never read as "all".
    static func systemFilter(_ req: Request) throws -> UUID? {
        var found: UUID?
        for (name, raw) in req.queryItems where name == "systemId" {
            guard let id = UUID(uuidString: raw) else {
                throw InvalidQuery(issues: [
                    ValidationIssue(
                        field: name, message: Localized(sv: "Ange ett id (UUID).", en: "Give an id (UUID)."))
                ])
            }
            found = id
        }
        return found
    }

    private func response(_ s: CatalogueService, _ tenant: Tenant, _ req: Request) async throws -> ServiceResponse {
        let levels = try await ServiceLevel.scoped(to: tenant, on: req.db).filter(\.$serviceID == s.requireID())
            .sort(\.$availabilityHundredths).sort(\.$id).all()
        return try ServiceResponse(s, levels: levels)
    }

    private func loadService(_ req: Request) async throws -> (Tenant, CatalogueService) {
        let tenant = try await req.tenant()
        return (
            tenant,
            try await CatalogueService.find(
                try req.parameters.require("serviceID", as: UUID.self), in: tenant, on: req.db,
                what: CatalogueService.what)
        )
    }

    private func loadLevel(_ req: Request) async throws -> (Tenant, ServiceLevel) {
        let tenant = try await req.tenant()
        return (
            tenant,
            try await ServiceLevel.find(
                try req.parameters.require("levelID", as: UUID.self), in: tenant, on: req.db, what: ServiceLevel.what)
        )
    }

    private func loadAgreement(_ req: Request) async throws -> (Tenant, ServiceAgreement) {
        let tenant = try await req.tenant()
        return (
            tenant,
            try await ServiceAgreement.find(
                try req.parameters.require("agreementID", as: UUID.self), in: tenant, on: req.db,
                what: ServiceAgreement.what)
        )
    }

    private func loadOutage(_ req: Request) async throws -> (Tenant, SystemOutage) {
        let tenant = try await req.tenant()
        return (
            tenant,
            try await SystemOutage.find(
                try req.parameters.require("outageID", as: UUID.self), in: tenant, on: req.db, what: SystemOutage.what)
        )
    }
}
