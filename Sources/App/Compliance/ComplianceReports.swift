import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import StyrbordCore
import Vapor

/// Evaluating a tenant's efterlevnad and keeping its daily scores. Pages, the API and `styrbord check`
/// all come through here, so they always show the same findings.
enum ComplianceReports {
    /// The configuration a tenant is judged by: from its governance profile in force. A stored profile
    /// that no longer parses falls back to the standard rules rather than hiding every finding.
    static func configuration(for tenant: Tenant, on db: any Database) async -> ComplianceConfiguration {
        guard let (version, profile) = try? await ProfileRules.current(tenant, on: db) else { return .standard }
        var configuration = ComplianceConfiguration(profile: profile)
        // Meetings count from the day the profile in force took effect (docs/compliance.md).
        configuration.meetingsCountFrom = CalendarDay(version.createdAt)
        return configuration
    }

    /// Loads and evaluates the tenant as of `day`, without the cache or the daily score.
    static func evaluate(tenant: Tenant, day: CalendarDay, on db: any Database) async throws -> ComplianceReport {
        let configuration = await configuration(for: tenant, on: db)
        let snapshot = try await ComplianceSnapshotLoader.load(
            tenant: try tenant.requireID(), day: day, configuration: configuration, on: db)
        return ComplianceEngine(configuration: configuration).evaluate(snapshot)
    }

    /// Today's report, from the cache while the tenant's data is unchanged. The first report of each day
    /// is also written as that day's score, for the trend.
    static func today(
        for tenant: Tenant, dependencies: AppDependencies, cache: ComplianceCache?, on db: any Database
    ) async throws -> ComplianceReport {
        let day = dependencies.today
        if let cached = cache?.report(for: tenant, day: day) { return cached }
        let report = try await evaluate(tenant: tenant, day: day, on: db)
        try await recordDailyScore(report, tenant: tenant, dependencies: dependencies, on: db)
        cache?.store(report, for: tenant)
        return report
    }

    /// Writes the day's score unless the tenant already has one for that day. Two requests racing to
    /// write it are both fine: the unique (tenant, day) index keeps one, and the loser finds it.
    /// - Returns: whether this call wrote it.
    @discardableResult
    static func recordDailyScore(
        _ report: ComplianceReport, tenant: Tenant, dependencies: AppDependencies, on db: any Database
    ) async throws -> Bool {
        let tenantID = try tenant.requireID()
        func exists() async throws -> Bool {
            try await ComplianceDailyScore.query(on: db).filter(\.$tenantID == tenantID)
                .filter(\.$day == report.day.iso).count() > 0
        }
        if try await exists() { return false }
        do {
            try await ComplianceDailyScore(
                id: dependencies.uuid(), tenantID: tenantID, report: report, now: dependencies.now()
            ).create(on: db)
            return true
        } catch {
            if try await exists() { return false }
            throw error
        }
    }

    /// The tenant's daily scores from `from` on, oldest first.
    static func history(
        tenant: Tenant, from: CalendarDay? = nil, to: CalendarDay? = nil, on db: any Database
    ) async throws -> [ComplianceDailyScore] {
        var query = ComplianceDailyScore.query(on: db).filter(\.$tenantID == (try tenant.requireID()))
        if let from { query = query.filter(\.$day >= from.iso) }
        if let to { query = query.filter(\.$day <= to.iso) }
        return try await query.sort(\.$day).all()
    }
}

/// The last report of each tenant, kept while the tenant's data version and the day are unchanged. Every
/// audited write bumps the version in the database (`AuditLog.record`), so a report never outlives a change.
final class ComplianceCache: Sendable {
    private struct Entry: Sendable {
        var version: Int64
        var report: ComplianceReport
    }

    private let entries = NIOLockedValueBox<[UUID: Entry]>([:])

    func report(for tenant: Tenant, day: CalendarDay) -> ComplianceReport? {
        guard let id = tenant.id, let entry = entries.withLockedValue({ $0[id] }),
            entry.version == tenant.dataVersion, entry.report.day == day
        else { return nil }
        return entry.report
    }

    func store(_ report: ComplianceReport, for tenant: Tenant) {
        guard let id = tenant.id else { return }
        entries.withLockedValue { $0[id] = Entry(version: tenant.dataVersion, report: report) }
    }
}

extension Application {
    private struct ComplianceCacheKey: StorageKey { typealias Value = ComplianceCache }

    /// One cache per application, created in `configure` before any request.
    var complianceCache: ComplianceCache {
        get { storage[ComplianceCacheKey.self] ?? ComplianceCache() }
        set { storage[ComplianceCacheKey.self] = newValue }
    }
}

extension Request {
    /// Today's compliance report for `tenant`.
    func complianceReport(for tenant: Tenant) async throws -> ComplianceReport {
        try await ComplianceReports.today(
            for: tenant, dependencies: dependencies, cache: application.complianceCache, on: db)
    }
}
