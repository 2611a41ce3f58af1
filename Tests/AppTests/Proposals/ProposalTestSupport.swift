import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// A municipality for proposal tests: the shipped profile installed, two förvaltningar with a system
/// each (the second depending on the first), and an employee who is not the administrator.
struct ProposalWorld {
    var tenant: Tenant
    var slug: String { tenant.slug }
    var unit: OrgUnit
    var otherUnit: OrgUnit
    var system: ITSystem
    var dependent: ITSystem

    static func make(
        profile: String, slug: String = "testby", category: SystemCategory = .business, on app: Application
    ) async throws -> ProposalWorld {
        let db = app.db
        let tenant = try await Fixtures.tenant(slug, on: app)
        try await ProfileRules.install(
            yaml: ShippedProfiles.yaml(profile)!, tenant: tenant, actor: Fixtures.actor, on: db)
        let unit = try await Fixtures.orgUnit("Barn- och utbildningsförvaltningen", in: tenant, on: db)
        let other = try await Fixtures.orgUnit("Socialförvaltningen", in: tenant, on: db)
        let system = try await Fixtures.system(
            "Elevregister", category: category, owner: unit,
            configure: { $0.description = "Register över elever och skolplacering" }, in: tenant, on: db)
        let dependent = try await Fixtures.system(
            "Skolskjuts", owner: other,
            configure: { $0.description = "Planering av skolskjuts för elever" }, in: tenant, on: db)
        _ = try await Fixtures.integration(from: system, to: dependent, in: tenant, on: db)
        return ProposalWorld(
            tenant: tenant, unit: unit, otherUnit: other, system: system, dependent: dependent)
    }

    var api: String { "/api/v1/tenants/\(slug)/proposals" }

    /// A proposal submitted through the page's form, as an employee would.
    func submitForm(
        _ title: String = "Ny lärplattform", category: SystemCategory? = nil, urgent: Bool = false,
        cost: String = "", as user: TestUser = .automatic, on app: Application
    ) async throws -> UUID {
        let res = try await app.sendForm(
            ProposalRoutes.index(slug),
            [
                ("title", title), ("need", "Lärare behöver dela material med elever digitalt."),
                ("needsAnalysis", "Kravspecifikation bifogad."), ("orgUnitId", unit.id!.uuidString),
                ("category", (category ?? system.category).rawValue), ("systemIds", system.id!.uuidString),
                ("expectedCost", cost), ("isUrgent", urgent ? "true" : ""),
                ("urgencyReason", urgent ? "Avtalet löper ut om en vecka." : ""),
            ], as: user)
        #expect(res.status == .seeOther, "\(res.text.prefix(500))")
        let location = try #require(res.location)
        return try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
    }

    func proposal(_ id: UUID, on app: Application) async throws -> ProposalResponse.Snapshot {
        let res = try await app.get("\(api)/\(id)")
        #expect(res.status == .ok)
        return try res.decode(ProposalResponse.Snapshot.self)
    }

    func show(_ id: UUID) -> String { ProposalRoutes.show(slug, id) }
}

extension ProposalResponse {
    /// The parts of the API's answer the tests read.
    struct Snapshot: Decodable {
        struct Step: Decodable {
            var key: String
            var state: String
            var against: [String]
            var isDecision: Bool
            var assessments: [String: String]?
        }
        struct Figures: Decodable {
            var grossBenefit: Int
            var costs: Int
            var netPresentValue: Int
        }
        struct Decision: Decodable {
            var outcome: String
            var decidedByBody: String
            var isUrgentPath: Bool
        }
        var id: UUID
        var diarienummer: String
        var status: String
        var classification: String?
        var route: String?
        var steps: [Step]
        var decider: String?
        var mayBeDecided: Bool
        var reasonsNotDecidable: [String]
        var figures: Figures?
        var decision: Decision?
    }
}

/// Decision form fields.
func decisionFields(_ outcome: String = "approved", body: String = "Beslutsfattare") -> [(String, String)] {
    [
        ("outcome", outcome), ("decidedByBody", body), ("decidedByPerson", "Eva Beslut"),
        ("delegation", "Delegationsordningen 4.2"), ("reasons", "Nyttan överstiger kostnaden."),
        ("conditions", "Återrapportering efter ett år."), ("decidedOn", "2026-03-02"),
    ]
}

/// A calculation form whose benefits outweigh the costs (the worked e-service example, roughly).
func paying(_ firstYear: Int = 2026) -> [(String, String)] {
    [
        ("firstYear", "\(firstYear)"), ("years", "5"),
        ("benefits[0].description", "Färre pappersansökningar"), ("benefits[0].kind", "direct"),
        ("benefits[0].annualAmount", "400000"), ("benefits[0].probabilityPercent", "80"),
        ("benefits[0].fromYear", "\(firstYear + 1)"), ("benefits[0].owner", "Förvaltningschefen"),
        ("costs[0].description", "Licens"), ("costs[0].category", "software"), ("costs[0].isRecurring", "true"),
        ("costs[0].amount", "60000"), ("costs[0].year", "\(firstYear)"),
        ("costs[1].description", "Införande"), ("costs[1].category", "development"), ("costs[1].amount", "300000"),
        ("costs[1].year", "\(firstYear)"),
        ("risks[0].description", "Låg användning"), ("risks[0].probability", "2"), ("risks[0].consequence", "3"),
        ("risks[0].action", "Utbildning"),
    ]
}
