import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// The register's required roles come from the municipality's own profile, not from one hard-coded rulebook.
@Suite("The profile drives the register")
struct ProfileDrivesRegisterTests {
    @Test("T11: Tanum requires an ersättare for a verksamhetssystem's systemförvaltare; Danderyd's text does not")
    func deputyRequirement() async throws {
        try await withTestApp { app in
            var missing: [String: [String]] = [:]
            var findings: [String: [String]] = [:]
            for key in ["tanum", "danderyd"] {
                let tenant = try await TenantSetup.create(
                    slug: key, name: key.capitalized, profile: key, dependencies: app.dependencies, on: app.db)
                let system = try await Fixtures.system("Procapita", category: .business, in: tenant, on: app.db)
                let manager = try await Fixtures.person("Sara Förvaltare", in: tenant, on: app.db)
                try await Fixtures.assign(RoleCatalogue.systemManager, to: manager, on: system, in: tenant, db: app.db)
                let admin = try await Fixtures.user("admin@\(key).se", admin: true, in: tenant, on: app)
                let res = try await app.get(SystemRoutes.apiShow(key, try system.requireID()), as: admin)
                let list = try await app.get("/api/v1/tenants/\(key)/compliance/findings?perPage=200", as: admin)
                    .decode(FindingList.self)
                findings[key] = list.items.filter { $0.object.id == system.id }.map { "\($0.requirement) \($0.key)" }
                missing[key] = try res.decode(SystemResponse.self).missingRoles.map {
                    "\($0.roleKey)/\($0.missing.rawValue)"
                }
            }
            #expect(missing["tanum"]?.contains("\(RoleCatalogue.systemManager)/ersattare") == true)
            #expect(missing["danderyd"]?.contains("\(RoleCatalogue.systemManager)/ersattare") == false)
            // The efterlevnad engine judges each by its own profile too.
            let tanumDeputy = findings["tanum"]?.filter {
                $0.contains(RoleCatalogue.systemManager) && $0.contains("ersattare")
            }
            let danderydDeputy = findings["danderyd"]?.filter {
                $0.contains(RoleCatalogue.systemManager) && $0.contains("ersattare")
            }
            #expect(tanumDeputy?.isEmpty == false, "\(findings)")
            #expect(danderydDeputy?.isEmpty == true, "\(findings)")
        }
    }
}
