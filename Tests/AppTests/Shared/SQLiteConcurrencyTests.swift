import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// The SQLite file the server runs on by default, under requests that change things at the same time.
@Suite("SQLite under concurrent writes")
struct SQLiteConcurrencyTests {
    @Test("Concurrent changes to a SQLite file all succeed: none ends in 500 'database is locked'")
    func concurrentWrites() async throws {
        // A file, not the tests' in-memory database: the server's pool holds one connection per event
        // loop, and two of them writing at once is what used to fail (schemathesis found it).
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("styrbord-\(UUID().uuidString).sqlite")
            .path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let app = try await Application.make(.testing)
        app.dependencies = .live  // concurrent creates need ids that never repeat
        do {
            try await configure(app, AppConfiguration(database: .sqliteFile(path)))
            let tenant = try await Fixtures.tenant(on: app)
            var systems: [UUID] = []
            for i in 0..<12 {
                systems.append(try await Fixtures.system("System \(i)", in: tenant, on: app.db).requireID())
            }
            let statuses = try await withThrowingTaskGroup(of: (String, UInt).self) { group in
                for (i, id) in systems.enumerated() {
                    // Replacing and deleting read before they write, inside one transaction.
                    group.addTask {
                        let path = "/api/v1/tenants/testby/systems/\(id)"
                        let res =
                            i.isMultiple(of: 3)
                            ? try await app.delete(path)
                            : try await app.sendJSON(
                                .PUT, path, ["name": "Nytt namn \(i)", "category": "kommungemensamt"])
                        return ("system \(i)", res.status.code)
                    }
                    group.addTask {
                        let res = try await app.sendJSON(
                            .POST, "/api/v1/tenants/testby/suppliers", ["name": "Leverantör \(i)"])
                        return ("supplier \(i)", res.status.code)
                    }
                }
                var all: [(String, UInt)] = []
                for try await status in group { all.append(status) }
                return all
            }
            let failed = statuses.filter { !(200..<300).contains($0.1) }
            #expect(failed.isEmpty, "\(failed)")
            #expect(try await ITSystem.scoped(to: tenant, on: app.db).count() == 8)
            #expect(try await Supplier.scoped(to: tenant, on: app.db).count() == 12)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
