import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// The deadlines in a person's calendar feed, from every registered source.
@Suite struct PersonalDeadlinesTests {
    @Test(
        "D10/T9/D7: the owner's document review, the systemägare's access review, a breach's 72 hours, an incident action and an agreement's notice day"
    )
    func areaDeadlines() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant("fristby", on: app)
            let unit = try await Fixtures.orgUnit("Förvaltning A", in: tenant, on: app.db)
            let olle = try await Fixtures.person("Olle Ägare", in: tenant, on: app.db)
            let emil = try await Fixtures.person("Emil Medarbetare", in: tenant, on: app.db)
            let system = try await Fixtures.system("Ärendesystemet", owner: unit, in: tenant, on: app.db)
            try await Fixtures.assign(RoleCatalogue.systemOwner, to: olle, on: system, in: tenant, db: app.db)
            let systemID = try system.requireID()

            // D10: Olle's guideline, decided 2024-03-01; riktlinjer are reviewed every three years.
            let document = try await DocumentRules.create(
                GoverningDocumentDraft(
                    title: "Riktlinjer för IT", typeKey: "riktlinje", ownerPersonId: try olle.requireID(),
                    decidedOn: CalendarDay(year: 2024, month: 3, day: 1), status: .adopted),
                tenant: tenant, actor: Fixtures.actor, on: app.db)
            // A personal data breach in Olle's system, discovered an hour ago, with an action for Emil.
            let incident = try await IncidentRules.report(
                IncidentDraft(
                    kind: .personalDataBreach, severity: .high, title: "Fel mottagare",
                    description: "Ett brev gick fel.",
                    occurredAt: testNow.addingTimeInterval(-7_200), discoveredAt: testNow.addingTimeInterval(-3_600),
                    systemIds: [systemID]), tenant: tenant, actor: Fixtures.actor, on: app.db)
            _ = try await IncidentRules.addAction(
                incident,
                IncidentActionDraft(
                    description: "Be mottagaren radera brevet", responsiblePersonId: try emil.requireID(),
                    dueOn: testToday.adding(days: 5)), tenant: tenant, actor: Fixtures.actor, on: app.db)
            // D7: Olle's agreement ends 2027-12-31 with three months' notice.
            _ = try await AgreementRules.create(
                AgreementDraft(
                    systemId: systemID, ownerPersonId: try olle.requireID(), availabilityPercent: 99.5,
                    validFrom: CalendarDay(year: 2026, month: 1, day: 1)!,
                    validTo: CalendarDay(year: 2027, month: 12, day: 31), noticePeriodMonths: 3),
                tenant: tenant, actor: Fixtures.actor, on: app.db)

            let olles = try await PersonalDeadlines.all(
                personID: olle.requireID(), tenant: tenant, today: testToday, on: app.db)
            let review = try #require(olles.first { $0.uid.hasPrefix("document-review-") })
            #expect(review.date == CalendarDay(year: 2027, month: 3, day: 1))
            #expect(review.link == DocumentRoutes.show("fristby", try document.requireID()))
            let imy = try #require(olles.first { $0.uid.hasPrefix("incident-imy-") })
            #expect(imy.date == CalendarDay(testNow.addingTimeInterval(71 * 3_600)))
            #expect(imy.title == "Anmäl till IMY senast: Fel mottagare")
            #expect(olles.contains { $0.uid.hasPrefix("agreement-notice-") })
            #expect(!olles.contains { $0.uid.hasPrefix("incident-action-") })
            // T9: no grants yet, so no access review is due; Emil has his action and nothing of Olle's.
            #expect(!olles.contains { $0.uid.hasPrefix("access-review-") })
            let emils = try await PersonalDeadlines.all(
                personID: emil.requireID(), tenant: tenant, today: testToday, on: app.db)
            #expect(emils.map(\.date) == [testToday.adding(days: 5)])
            #expect(emils.first?.uid.hasPrefix("incident-action-") == true)

            // Once IMY has been told, the 72 hours leave the feed.
            incident.imyNotified = true
            incident.imyNotifiedAt = testNow
            try await incident.save(on: app.db)
            #expect(
                !(try await PersonalDeadlines.all(
                    personID: olle.requireID(), tenant: tenant, today: testToday, on: app.db
                ).contains { $0.uid.hasPrefix("incident-imy-") }))
        }
    }

    @Test("D3/D7: the systemägare's plan revision and contract notice date are in their feed as all-day events")
    func planAndContract() async throws {
        try await withTestApp { app in
            let tenant = try await Fixtures.tenant("fristby", on: app)
            let unit = try await Fixtures.orgUnit("Förvaltning A", in: tenant, on: app.db)
            let olle = try await Fixtures.person("Olle Ägare", in: tenant, on: app.db)
            let emil = try await Fixtures.person("Emil Medarbetare", in: tenant, on: app.db)
            let system = try await Fixtures.system("Ärendesystemet", owner: unit, in: tenant, on: app.db)
            try await Fixtures.assign(RoleCatalogue.systemOwner, to: olle, on: system, in: tenant, db: app.db)
            let plan = try await PlanRules.create(
                PlanDraft(kind: "systemforvaltningsplan", systemId: system.id, startYear: 2026), tenant: tenant,
                actor: Fixtures.actor, on: app.db)
            try await PlanRules.adopt(
                plan, AdoptionDraft(adoptedOn: CalendarDay(year: 2026, month: 2, day: 1), adoptedBy: "Olle"),
                actor: Fixtures.actor, on: app.db)
            _ = try await ContractRules.create(
                ContractDraft(
                    systemId: system.requireID(), title: "Driftavtal",
                    endsOn: CalendarDay(year: 2026, month: 12, day: 31), noticePeriodMonths: 6),
                tenant: tenant, actor: Fixtures.actor, on: app.db)

            let deadlines = try await PersonalDeadlines.all(
                personID: olle.requireID(), tenant: tenant, today: testToday, on: app.db)
            let profile = try await ProfileRules.current(tenant, on: app.db).1
            let revision = try #require(
                planRevisionDeadline(
                    adoptedOn: CalendarDay(year: 2026, month: 2, day: 1)!,
                    kind: PlanRules.kind("systemforvaltningsplan", in: profile)))
            let notice = try #require(deadlines.first { $0.uid.hasPrefix("contract-notice-") })
            #expect(notice.date == CalendarDay(year: 2026, month: 6, day: 30))
            #expect(notice.title == "Sista dag att säga upp: Driftavtal (Ärendesystemet)")
            #expect(notice.link == SystemRoutes.show("fristby", try system.requireID()))
            let planDeadline = try #require(deadlines.first { $0.uid.hasPrefix("plan-revision-") })
            #expect(planDeadline.date == revision)
            #expect(planDeadline.link == PlanRoutes.show("fristby", try plan.requireID()))
            // Emil answers for nothing.
            #expect(
                try await PersonalDeadlines.all(
                    personID: emil.requireID(), tenant: tenant, today: testToday, on: app.db
                )
                .isEmpty)

            // The person's feed carries them as whole days with an absolute link.
            let secret = try await CalendarFeeds.renew(
                .person, subject: olle.requireID().uuidString, label: olle.name, tenant: tenant, actor: Fixtures.actor,
                on: app.db)
            let res = try await app.get(
                ForumRoutes.feed("fristby", secret: secret), headers: ["Host": "styrbord.fristby.se"], as: .anonymous)
            #expect(res.status == .ok)
            let text = res.text.replacingOccurrences(of: "\r\n ", with: "")
            #expect(text.contains("DTSTART;VALUE=DATE:20260630\r\n"))
            #expect(text.contains("SUMMARY:Sista dag att säga upp: Driftavtal (Ärendesystemet)\r\n"))
            #expect(text.contains("URL:http://styrbord.fristby.se/t/fristby/plans/\(try plan.requireID())\r\n"))
        }
    }

    @Test("D4: a proposal waiting for the person's forum is due at the forum's next meeting")
    func proposalStep() async throws {
        try await withTestApp { app in
            let f = try await ForumWorld.make(profile: "danderyd", on: app)
            let id = try await f.w.submitForm("Gemensam lärplattform", cost: "900000", on: app)
            _ = try await app.sendForm(ProposalRoutes.checklist(f.slug, id), danderydAnswers(strategic: true))
            _ = try await f.meeting("lokalt-it-forum", unit: f.w.unit, date: "2026-03-12", as: f.kimUser, on: app)

            let deadlines = try await PersonalDeadlines.all(
                personID: f.kim.requireID(), tenant: f.w.tenant, today: testToday, on: app.db)
            let step = try #require(deadlines.first { $0.uid.hasPrefix("proposal-step-\(id.uuidString.lowercased())") })
            #expect(step.date == CalendarDay(year: 2026, month: 3, day: 12))
            #expect(step.title.contains("Gemensam lärplattform"))
            #expect(step.link == ProposalRoutes.show(f.slug, id))
            // Emil sits in no forum.
            #expect(
                try await PersonalDeadlines.proposalSteps(
                    .init(
                        tenant: f.w.tenant, personID: UUID(), today: testToday,
                        profile: try await ProfileRules.current(f.w.tenant, on: app.db).1), app.db
                ).isEmpty)
        }
    }
}
