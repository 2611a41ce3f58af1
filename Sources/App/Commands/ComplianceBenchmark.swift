import Fluent
import Foundation
import StyrbordCore
import Vapor

/// `styrbord bench-compliance`: times loading and evaluating efterlevnad for one municipality and for
/// all of them, as `bench/compliance.sh` reports it. Reads only; writes no daily scores.
public enum ComplianceBenchmark {
    public static func run(app: Application, tenantSlug: String?, repeats: Int) async throws -> String {
        let tenants = try await Tenant.query(on: app.db).sort(\.$slug).all()
        guard !tenants.isEmpty else {
            throw CommandFailure("The database has no municipality: run `styrbord demo --scale 290` first.")
        }
        let one: Tenant
        if let tenantSlug {
            guard let found = tenants.first(where: { $0.slug == tenantSlug }) else {
                throw CommandFailure("There is no municipality \"\(tenantSlug)\".")
            }
            one = found
        } else {
            one = tenants[0]
        }
        let day = app.dependencies.today
        let configuration = ComplianceConfiguration.standard
        let engine = ComplianceEngine(configuration: configuration)
        let keys = ComplianceSnapshotLoader.roleKeys(for: [configuration])
        var lines: [String] = []
        let clock = ContinuousClock()
        func ms(_ d: Duration) -> Double {
            Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        func f(_ v: Double) -> String { String(format: "%.2f", v) }

        // One municipality: its ten queries, then the rules in memory, each repeated.
        let oneID = try one.requireID()
        var snapshot = ComplianceSnapshot(day: day)
        var loads: [Double] = []
        for _ in 0..<repeats {
            let d = try await clock.measure {
                snapshot =
                    try await ComplianceSnapshotLoader.load(
                        tenants: [oneID], day: day, roleKeys: keys, on: app.db)[oneID] ?? ComplianceSnapshot(day: day)
            }
            loads.append(ms(d))
        }
        var report = engine.evaluate(snapshot)
        var evaluations: [Double] = []
        for _ in 0..<max(repeats, 50) {
            evaluations.append(ms(clock.measure { report = engine.evaluate(snapshot) }))
        }
        lines.append(
            "one\t\(one.slug)\tsystems=\(snapshot.systems.count)\tassignments=\(snapshot.roleAssignments.count)"
                + "\tcontracts=\(snapshot.contracts.count)\tfindings=\(report.findings.count)"
                + "\tload_ms=\(f(median(loads)))\tevaluate_ms=\(f(median(evaluations)))"
                + "\ttotal_ms=\(f(median(loads) + median(evaluations)))")

        // Every municipality: all data in ten queries, then every evaluation; best of three runs.
        var bulkLoads: [Double] = []
        var bulkEvaluations: [Double] = []
        var systems = 0
        var findings = 0
        for _ in 0..<3 {
            var all: [UUID: ComplianceSnapshot] = [:]
            bulkLoads.append(
                ms(
                    try await clock.measure {
                        all = try await ComplianceSnapshotLoader.load(
                            tenants: nil, day: day, roleKeys: keys, on: app.db)
                    }))
            systems = all.values.reduce(0) { $0 + $1.systems.count }
            var count = 0
            bulkEvaluations.append(
                ms(
                    clock.measure {
                        for snapshot in all.values { count += engine.evaluate(snapshot).findings.count }
                    }))
            findings = count
        }
        lines.append(
            "all\t\(tenants.count) municipalities\tsystems=\(systems)\tfindings=\(findings)"
                + "\tload_ms=\(f(bulkLoads.min()!))\tevaluate_ms=\(f(bulkEvaluations.min()!))"
                + "\ttotal_ms=\(f(bulkLoads.min()! + bulkEvaluations.min()!))")

        // Every municipality one at a time, as the pages do (ten queries each): once.
        let started = clock.now
        for tenant in tenants {
            _ = engine.evaluate(
                try await ComplianceSnapshotLoader.load(
                    tenant: try tenant.requireID(), day: day, configuration: configuration, on: app.db))
        }
        lines.append("each\t\(tenants.count) municipalities one by one\ttotal_ms=\(f(ms(clock.now - started)))")
        return lines.joined(separator: "\n")
    }
}
