import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Proposals API")
struct ProposalsAPITests {
    func body(_ w: ProposalWorld, title: String = "Nytt ärendesystem") -> ProposalDraft {
        ProposalDraft(
            title: title, need: "Handläggningen sker i Excel.", orgUnitId: w.unit.id, systemIds: [w.system.id!],
            category: .business, expectedCost: 250_000)
    }

    static let lillaEdetAnswers =
        #"{"answers": {"typ": "inforande", "egenutveckling": false, "oppen-kallkod": false, "kostnad": 250000}}"#

    @Test("Create answers 201 with Location and the next diarienummer; reads match the documented schema")
    func createAndRead() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "lilla-edet", on: app)
            let document = try ContractDocument.load()
            var numbers: [String] = []
            for n in 1...3 {
                let res = try await app.sendJSON(.POST, w.api, body(w, title: "Förslag \(n)"))
                #expect(res.status == .created)
                try document.expectConforms(res, method: .POST, path: w.api)
                let p = try res.decode(ProposalResponse.Snapshot.self)
                #expect(res.location == "\(w.api)/\(p.id)")
                numbers.append(p.diarienummer)
            }
            #expect(numbers == ["IT 2026/0001", "IT 2026/0002", "IT 2026/0003"])
            let list = try await app.get("\(w.api)?perPage=2&status=open")
            #expect(list.status == .ok)
            try document.expectConforms(list, method: .GET, path: w.api)
            #expect(list.text.contains("\"total\":3"))
            #expect(try await app.get("\(w.api)?status=closed").status == .badRequest)
            #expect(try await app.get("\(w.api)?orgUnitId=").status == .badRequest)
            let unitOnly = try await app.get("\(w.api)?orgUnitId=\(w.otherUnit.id!)")
            #expect(unitOnly.text.contains("\"total\":0"))
        }
    }

    @Test("The diarienummer runs per tenant and year, and stays unique when proposals are created at once")
    func diarienummer() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "standard", on: app)
            let draft = body(w)
            let tenant = w.tenant
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        _ = try await ProposalRules.create(draft, tenant: tenant, actor: Fixtures.actor, on: app.db)
                    }
                }
                try await group.waitForAll()
            }
            let numbers = try await Proposal.scoped(to: tenant, on: app.db).all().map(\.diarienummer).sorted()
            #expect(numbers == (1...8).map { String(format: "IT 2026/%04d", $0) })
            // A new year starts again at 1.
            var nextYear = Fixtures.actor
            nextYear.now = { testNow.addingTimeInterval(366 * 86_400) }
            let p2027 = try await ProposalRules.create(draft, tenant: tenant, actor: nextYear, on: app.db)
            #expect(p2027.diarienummer == "IT 2027/0001")
            // Another municipality has its own series.
            let other = try await Fixtures.tenant("annanby", on: app)
            let unit = try await Fixtures.orgUnit("Kommunledningsförvaltningen", in: other, on: app.db)
            var otherDraft = draft
            otherDraft.orgUnitId = unit.id
            otherDraft.systemIds = []
            let first = try await ProposalRules.create(otherDraft, tenant: other, actor: Fixtures.actor, on: app.db)
            #expect(first.diarienummer == "IT 2026/0001")
        }
    }

    @Test("Validation errors name the fields and store nothing")
    func validation() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "standard", on: app)
            let audit = try await AuditEntry.query(on: app.db).count()
            let res = try await app.sendRaw(
                .POST, w.api,
                #"{"title": " ", "need": "", "orgUnitId": "\#(UUID())", "systemIds": ["\#(UUID())"], "category": "verksamhetssystem", "expectedCost": -3}"#
            )
            #expect(res.status == .unprocessableEntity)
            try ContractDocument.load().expectConforms(res, method: .POST, path: w.api)
            for field in ["title", "need", "expectedCost"] { #expect(res.text.contains("\"field\":\"\(field)\"")) }
            // The reference checks run once the fields themselves are right.
            let refs = try await app.sendRaw(
                .POST, w.api,
                #"{"title": "T", "need": "N", "orgUnitId": "\#(UUID())", "systemIds": ["\#(UUID())"], "category": "verksamhetssystem"}"#
            )
            #expect(refs.status == .unprocessableEntity)
            #expect(refs.text.contains("\"field\":\"orgUnitId\""))
            #expect(refs.text.contains("\"field\":\"systemIds[0]\""))
            #expect(try await Proposal.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).count() == audit)
        }
    }

    @Test("Checklist, calculation, steps and decision through the API; no decision before the IT unit approves (L2)")
    func workflow() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "lilla-edet", on: app)
            let document = try ContractDocument.load()
            let created = try await app.sendJSON(.POST, w.api, body(w)).decode(ProposalResponse.Snapshot.self)
            let path = "\(w.api)/\(created.id)"

            var res = try await app.sendJSON(.PUT, "\(path)/checklist", ["answers": ["typ": "okänd"]])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("answers.typ"))
            res = try await app.sendRaw(.PUT, "\(path)/checklist", #"{"answers": {"typ": "inforande"}}"#)
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("answers.egenutveckling"))  // required questions are named
            res = try await app.sendRaw(.PUT, "\(path)/checklist", Self.lillaEdetAnswers)
            #expect(res.status == .ok)
            try document.expectConforms(res, method: .PUT, path: "\(path)/checklist")
            #expect(try res.decode(ProposalResponse.Snapshot.self).route == "inforande")

            let decision =
                #"{"outcome": "approved", "decidedByBody": "Förvaltningen", "decidedByPerson": "Eva", "reasons": "Behövs", "decidedOn": "2026-03-02"}"#
            res = try await app.sendRaw(.POST, "\(path)/decision", decision)
            #expect(res.status == .unprocessableEntity)
            try document.expectConforms(res, method: .POST, path: "\(path)/decision")
            #expect(res.text.contains("proposal.not-decidable"))
            #expect(res.text.contains("approves – not done."))
            #expect(try await ProposalDecision.query(on: app.db).count() == 0)

            res = try await app.sendRaw(
                .POST, "\(path)/steps", #"{"stepKey": "it-enheten-approve", "outcome": "done"}"#)
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("\"field\":\"outcome\""))
            res = try await app.sendRaw(.POST, "\(path)/steps", #"{"stepKey": "okant-steg", "outcome": "done"}"#)
            #expect(res.status == .unprocessableEntity)
            res = try await app.sendRaw(
                .POST, "\(path)/steps",
                #"{"stepKey": "it-enheten-approve", "outcome": "approved", "note": "Passar plattformen"}"#)
            #expect(res.status == .created)
            try document.expectConforms(res, method: .POST, path: "\(path)/steps")

            res = try await app.sendRaw(
                .PUT, "\(path)/calculation",
                #"{"firstYear": 2026, "benefits": [{"description": "Tid", "kind": "indirect", "annualAmount": 100000, "probabilityPercent": 150, "fromYear": 2026, "owner": "Chef"}]}"#
            )
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("benefits[0].probabilityPercent"))
            res = try await app.sendRaw(
                .PUT, "\(path)/calculation",
                #"{"firstYear": 2026, "years": 3, "benefits": [{"description": "Tid", "kind": "indirect", "annualAmount": 100000, "probabilityPercent": 50, "fromYear": 2026, "owner": "Chef"}], "costs": [{"description": "Licens", "category": "software", "isRecurring": true, "amount": 20000, "year": 2026}]}"#
            )
            #expect(res.status == .ok)
            try document.expectConforms(res, method: .PUT, path: "\(path)/calculation")
            let figures = try #require(try res.decode(ProposalResponse.Snapshot.self).figures)
            #expect(figures.grossBenefit == 150_000)
            #expect(figures.costs == 60_000)

            res = try await app.sendRaw(.POST, "\(path)/decision", decision)
            #expect(res.status == .created)
            try document.expectConforms(res, method: .POST, path: "\(path)/decision")
            let show = try await app.get(path)
            try document.expectConforms(show, method: .GET, path: path)
            #expect(try show.decode(ProposalResponse.Snapshot.self).status == "approved")
            // Settled: nothing more is recorded.
            res = try await app.sendJSON(.PUT, path, body(w, title: "Ändrad"))
            #expect(res.status == .conflict)
            try document.expectConforms(res, method: .PUT, path: path)
        }
    }

    @Test("Another municipality's proposal is not found, whatever is asked")
    func tenantIsolation() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "standard", on: app)
            let other = try await Fixtures.tenant("annanby", on: app)
            let unit = try await Fixtures.orgUnit("Kommunledningsförvaltningen", in: other, on: app.db)
            let foreign = try await ProposalRules.create(
                ProposalDraft(title: "Hemligt", need: "N", orgUnitId: unit.id, category: .common), tenant: other,
                actor: Fixtures.actor, on: app.db)
            let path = "\(w.api)/\(foreign.id!)"
            #expect(try await app.get(path).status == .notFound)
            #expect(try await app.sendJSON(.PUT, path, body(w)).status == .notFound)
            #expect(try await app.sendRaw(.PUT, "\(path)/checklist", "{}").status == .notFound)
            #expect(
                try await app.sendRaw(.POST, "\(path)/steps", #"{"stepKey": "x", "outcome": "done"}"#).status
                    == .notFound)
            #expect(try await app.get(ProposalRoutes.show(w.slug, foreign.id!)).status == .notFound)
            #expect(try await Proposal.find(foreign.id, on: app.db)?.title == "Hemligt")
        }
    }

    @Test("An employee may submit and read but not record steps; the proposer may edit their own")
    func permissions() async throws {
        try await withTestApp { app in
            let w = try await ProposalWorld.make(profile: "lilla-edet", on: app)
            let employee = try await Fixtures.user("emil@testby.se", in: w.tenant, on: app)
            let res = try await app.sendJSON(.POST, w.api, body(w), as: employee)
            #expect(res.status == .created)
            let id = try res.decode(ProposalResponse.Snapshot.self).id
            #expect(try await app.sendRaw(.PUT, "\(w.api)/\(id)/checklist", Self.lillaEdetAnswers).status == .ok)
            #expect(
                try await app.sendJSON(.PUT, "\(w.api)/\(id)", body(w, title: "Bättre rubrik"), as: employee).status
                    == .ok)
            let step = try await app.sendRaw(
                .POST, "\(w.api)/\(id)/steps", #"{"stepKey": "it-enheten-approve", "outcome": "approved"}"#)
            #expect(step.status == .created)  // the administrator may
            let other = try await Fixtures.user("olle@testby.se", in: w.tenant, on: app)
            #expect(try await app.sendJSON(.PUT, "\(w.api)/\(id)", body(w), as: other).status == .forbidden)
            var headers = HTTPHeaders()
            headers.contentType = .json
            let refused = try await app.send(
                .POST, "\(w.api)/\(id)/decision", headers: headers,
                body: ByteBuffer(
                    string:
                        #"{"outcome": "approved", "decidedByBody": "F", "decidedByPerson": "E", "reasons": "R", "decidedOn": "2026-03-02"}"#
                ),
                as: employee)
            #expect(refused.status == .forbidden)
        }
    }
}
