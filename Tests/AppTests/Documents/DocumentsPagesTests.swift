import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// The governing documents page: the register in precedence order and the D1 question.
@Suite("Governing documents pages")
struct DocumentsPagesTests {
    @Test("D1: the page lists documents by precedence and answers which of two prevails")
    func listAndPrecedence() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant(on: app)
            let rut = try await Fixtures.person("Rut Riktlinje", in: tenant, on: app.db)
            func make(_ title: String, _ type: String) async throws -> GoverningDocument {
                try await DocumentRules.create(
                    GoverningDocumentDraft(
                        title: title, typeKey: type, ownerPersonId: try rut.requireID(),
                        decidedOn: CalendarDay(year: 2025, month: 1, day: 1), status: .adopted),
                    tenant: tenant, actor: Fixtures.actor, on: app.db)
            }
            let guideline = try await make("Riktlinje för lösenord", "riktlinje")
            let policy = try await make("Informationssäkerhetspolicy", "informationssakerhetspolicy")
            _ = try await DocumentRules.addVersion(
                to: policy, fileName: "policy.md", bytes: Array("# Policy\n".utf8), mediaType: nil,
                actor: Fixtures.actor, on: app.db)
            let url =
                DocumentRoutes.index("testby") + "?a=\(try guideline.requireID())&b=\(try policy.requireID())"
            let res = try await app.get(url)
            #expect(res.status == .ok)
            let html = res.text
            // The policy ranks above the guideline, so it comes first, with its file.
            let policyAt = try #require(
                html.range(of: "\(try policy.requireID().uuidString)\">Informationssäkerhetspolicy</a>"))
            let guidelineAt = try #require(
                html.range(of: "\(try guideline.requireID().uuidString)\">Riktlinje för lösenord</a>"))
            #expect(policyAt.lowerBound < guidelineAt.lowerBound)
            #expect(html.contains(">policy.md</a>"))
            #expect(html.contains("Informationssäkerhetspolicy gäller före Riktlinje för lösenord"))
            // The administrator publishes the policy from the page; the employee then sees it, and only it.
            #expect(html.contains("aria-label=\"Publicera: Informationssäkerhetspolicy\""))
            let published = try await app.sendForm(
                DocumentRoutes.publication("testby", try policy.requireID()), [("published", "true")])
            #expect(published.status == .seeOther)
            #expect(try await GoverningDocument.find(policy.id, on: app.db)?.isPublished == true)
            let employee = try await Fixtures.user("anna@testby.se", in: tenant, on: app)
            let seen = try await app.get(DocumentRoutes.index("testby"), as: employee).text
            #expect(
                seen.contains("\(try policy.requireID().uuidString)\">Informationssäkerhetspolicy</a>")
                    && !seen.contains("Riktlinje för lösenord"))
            #expect(!seen.contains("/publication"))
            // An employee without documents sees none of the unpublished ones.
            let stored = try #require(try await GoverningDocument.find(policy.id, on: app.db))
            _ = try await DocumentRules.setPublished(stored, false, actor: Fixtures.actor, on: app.db)
            #expect(try await app.get(DocumentRoutes.index("testby"), as: employee).text.contains("Inga styrdokument."))
        }
    }
}
