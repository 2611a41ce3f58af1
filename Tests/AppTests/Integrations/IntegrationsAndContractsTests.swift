import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

@Suite("Integrations and contracts")
struct IntegrationsAndContractsTests {
    @Test("An integration needs a target system or an external party, and both ends in this municipality")
    func integrationValidation() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let other = try await Fixtures.tenant("annanstad", on: app)
            let heroma = try await Fixtures.system("Heroma", in: t, on: app.db)
            let foreign = try await Fixtures.system("Främmande", in: other, on: app.db)
            let nowhere = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/integrations", ["sourceSystemId": heroma.id!.uuidString, "kind": "fil"])
            #expect(try nowhere.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["targetSystemId"])
            let crossing = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/integrations",
                ["sourceSystemId": heroma.id!.uuidString, "targetSystemId": foreign.id!.uuidString, "kind": "fil"])
            #expect(
                try crossing.decode(AppErrorMiddleware.APIErrorBody.self).errors?.map(\.field) == ["targetSystemId"])
            let external = try await app.sendJSON(
                .POST, "/api/v1/tenants/testby/integrations",
                [
                    "sourceSystemId": heroma.id!.uuidString, "kind": "fil", "externalParty": "Skatteverket",
                    "information": "Kontrolluppgifter", "frequency": "arsvis",
                ])
            #expect(external.status == .created)
            let list = try await app.get("/api/v1/tenants/testby/integrations?systemId=\(heroma.id!.uuidString)")
                .decode(ListResponse<IntegrationResponse>.self)
            #expect(list.items.map(\.draft.externalParty) == ["Skatteverket"])
        }
    }

    @Test("The integration form creates an integration and shows it on both systems")
    func integrationForm() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let lon = try await Fixtures.system("Personec lön", in: t, on: app.db)
            let eko = try await Fixtures.system("Raindance", in: t, on: app.db)
            let res = try await app.sendForm(
                IntegrationRoutes.create("testby"),
                [
                    "sourceSystemId": lon.id!.uuidString, "targetSystemId": eko.id!.uuidString, "kind": "fil",
                    "information": "Lönetransaktioner", "frequency": "manadsvis",
                ])
            #expect(res.status == .seeOther)
            let target = try await app.get(SystemRoutes.tab("testby", eko.id!, .integrations)).text
            #expect(target.contains("Lönetransaktioner"))
            #expect(target.contains("Tar emot från"))
        }
    }

    @Test("A contract typed in kronor is stored in öre and gives the last day to give notice")
    func contract() async throws {
        try await withTestApp { app in
            let t = try await Fixtures.tenant(on: app)
            let system = try await Fixtures.system("Public 360", in: t, on: app.db)
            let supplier = try await Fixtures.supplier("Tieto", in: t, on: app.db)
            let bad = try await app.sendForm(
                ContractRoutes.create("testby"),
                [
                    "systemId": system.id!.uuidString, "title": "Licensavtal", "yearlyLicenceCost": "mycket",
                    "endsOn": "2026-13-01",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Ange ett belopp i kronor"))
            #expect(bad.text.contains("Ange ett giltigt datum"))
            let res = try await app.sendForm(
                ContractRoutes.create("testby"),
                [
                    "systemId": system.id!.uuidString, "supplierId": supplier.id!.uuidString, "title": "Licensavtal",
                    "startsOn": "2023-01-01", "endsOn": "2026-12-31", "noticePeriodMonths": "6",
                    "yearlyLicenceCost": "125 000,50",
                ])
            #expect(res.status == .seeOther)
            let api = try await app.get("/api/v1/tenants/testby/contracts?systemId=\(system.id!.uuidString)").decode(
                ListResponse<ContractResponse>.self)
            let stored = try #require(api.items.first)
            #expect(stored.draft.yearlyLicenceCost?.amountMinor == 12_500_050)
            #expect(stored.noticeDeadline?.iso == "2026-06-30")
            let page = try await app.get(SystemRoutes.tab("testby", system.id!, .contracts)).text
            #expect(page.contains("2026-06-30"))
            #expect(page.contains("125\u{202F}000,50 kr"))
        }
    }
}
