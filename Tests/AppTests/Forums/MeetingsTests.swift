import Fluent
import Foundation
import StyrbordCore
import Testing
import VaporTesting

@testable import App

/// Forums and their meetings (issue 5, D4/E2/F3): agendas from the waiting proposals, minutes that move
/// the proposals on, locking by approval, the calendar feeds and the cadence rule.
@Suite("Forums and meetings")
struct MeetingsTests {
    @Test("D4: the convener builds the agenda from the waiting proposals, records the minutes, the proposal moves on")
    func convenerFlow() async throws {
        try await withTestApp { app in
            let f = try await ForumWorld.make(profile: "danderyd", on: app)
            let id = try await f.w.submitForm("Gemensam lärplattform", cost: "900000", on: app)
            _ = try await app.sendForm(ProposalRoutes.checklist(f.slug, id), danderydAnswers(strategic: true))

            // The forums page names Kim as the lokalt IT-forum's convener for her förvaltning.
            let forums = try await app.get(ForumRoutes.show(f.slug, "lokalt-it-forum"), as: f.emilUser)
            #expect(forums.status == .ok)
            #expect(forums.text.contains("Kim Samordnare"))
            #expect(forums.text.contains(f.w.unit.name))

            // An employee without the role may not schedule; Kim may, through the form.
            var res = try await app.sendForm(
                ForumRoutes.meetings(f.slug, "lokalt-it-forum"),
                [
                    ("orgUnitId", f.w.unit.id!.uuidString), ("date", "2026-03-01"), ("startTime", "09:00"),
                    ("endTime", "10:00"), ("place", "Rum 3"),
                ], as: f.emilUser)
            #expect(res.status == .forbidden)
            res = try await app.sendForm(
                ForumRoutes.meetings(f.slug, "lokalt-it-forum"),
                [
                    ("orgUnitId", f.w.unit.id!.uuidString), ("date", "2026-03-01"), ("startTime", "09:00"),
                    ("endTime", "10:00"), ("place", "Rum 3"),
                ], as: f.kimUser)
            #expect(res.status == .seeOther, "\(res.text.prefix(400))")
            let meetingID = try #require(
                res.location.flatMap { UUID(uuidString: String($0.split(separator: "/").last ?? "")) })

            // The proposal waits for the forum and is offered on the meeting's page.
            var page = try await app.get(ForumRoutes.meeting(f.slug, meetingID), as: f.kimUser)
            #expect(page.text.contains("Gemensam lärplattform"))
            res = try await app.sendForm(
                ForumRoutes.items(f.slug, meetingID), [("proposalId", id.uuidString)], as: f.kimUser)
            #expect(res.status == .seeOther, "\(res.text.prefix(400))")
            var m = try await f.show(meetingID, on: app)
            let item = try #require(m.items?.first)
            #expect(item.proposalId == id && item.stepKey == "lokalt-it-forum-prepare")
            #expect(m.waitingProposals?.isEmpty == true)

            // Minutes without an outcome come back with the message next to the field and the note kept.
            res = try await app.sendForm(
                ForumRoutes.minutes(f.slug, meetingID, item.id), [("item1.note", "Beredd utan utfall")], as: f.kimUser)
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Välj utfall."))
            #expect(res.text.contains("Beredd utan utfall"))
            res = try await app.sendForm(
                ForumRoutes.minutes(f.slug, meetingID, item.id),
                [("item1.outcome", "done"), ("item1.note", "Beredd; går vidare till centrala forumet.")], as: f.kimUser)
            #expect(res.status == .seeOther, "\(res.text.prefix(400))")

            // The proposal's step is recorded, as if on its own page, and its next step is someone else's.
            let p = try await f.w.proposal(id, on: app)
            #expect(p.steps.first { $0.key == "lokalt-it-forum-prepare" }?.state == "done")
            let record = try await ProposalStepRecord.query(on: app.db).filter(\.$proposalID == id).first()
            #expect(record?.note == "Beredd; går vidare till centrala forumet.")
            m = try await f.show(meetingID, on: app)
            #expect(m.items?.first?.outcome == "done")
            page = try await app.get(ForumRoutes.meeting(f.slug, meetingID), as: f.kimUser)
            #expect(page.text.contains("Beredd; går vidare"))
            // History names the meeting's changes.
            let history = try await AuditEntry.query(on: app.db).filter(
                \.$objectType ~~ [Meeting.objectType, MeetingItem.objectType]
            ).count()
            #expect(history >= 3)
        }
    }

    @Test("Approved minutes lock the meeting and its items: 409 in the API and on the pages")
    func approvalLocks() async throws {
        try await withTestApp { app in
            let f = try await ForumWorld.make(profile: "danderyd", on: app)
            let meetingID = try await f.meeting("lokalt-it-forum", unit: f.w.unit, as: f.kimUser, on: app)
            var res = try await app.sendJSON(
                .POST, "\(f.api)/meetings/\(meetingID)/items", AgendaItemDraft(title: "Information"), as: f.kimUser)
            #expect(res.status == .created)
            let item = try #require(try await f.show(meetingID, on: app).items?.first)
            res = try await app.sendJSON(
                .PUT, "\(f.api)/meetings/\(meetingID)/attendance",
                AttendanceDraft(members: [.init(personId: f.kim.id!, present: true)], guests: ["Eva Ek, kommunjurist"]),
                as: f.kimUser)
            #expect(res.status == .ok, "\(res.text.prefix(300))")
            res = try await app.send(.POST, "\(f.api)/meetings/\(meetingID)/approve", as: f.kimUser)
            #expect(res.status == .ok, "\(res.text.prefix(300))")
            #expect(try await f.show(meetingID, on: app).approved)

            let locked: [(HTTPMethod, String, any Encodable)] = [
                (.POST, "\(f.api)/meetings/\(meetingID)/items", AgendaItemDraft(title: "Sent tillägg")),
                (.PUT, "\(f.api)/meetings/\(meetingID)/items/\(item.id)/minutes", MinutesDraft(note: "Ändrat")),
                (.PUT, "\(f.api)/meetings/\(meetingID)/attendance", AttendanceDraft(guests: [])),
                (
                    .PUT, "\(f.api)/meetings/\(meetingID)",
                    MeetingDraft(
                        forumKey: "lokalt-it-forum", orgUnitId: f.w.unit.id, date: CalendarDay(iso: "2026-03-01"),
                        startTime: TimeOfDay("10:00"), endTime: TimeOfDay("12:00"))
                ),
            ]
            for (method, path, body) in locked {
                res = try await app.sendJSON(method, path, AnyEncodable(body), as: f.kimUser)
                #expect(res.status == .conflict, "\(path)")
                #expect((try? res.decode(APIErrorSnapshot.self).code) == "meeting.locked")
            }
            res = try await app.delete("\(f.api)/meetings/\(meetingID)/items/\(item.id)", as: f.kimUser)
            #expect(res.status == .conflict)
            res = try await app.send(.POST, "\(f.api)/meetings/\(meetingID)/approve", as: f.kimUser)
            #expect(res.status == .conflict)
            res = try await app.sendForm(
                ForumRoutes.minutes(f.slug, meetingID, item.id), [("item1.note", "Ändrat")], as: f.kimUser)
            #expect(res.status == .conflict)
            // The page shows no forms any more, and the minutes stay as approved.
            let page = try await app.get(ForumRoutes.meeting(f.slug, meetingID), as: f.kimUser)
            #expect(!page.text.contains(ForumRoutes.approve(f.slug, meetingID)))
            #expect(page.text.contains("Justerat"))
            #expect(try await MeetingItem.query(on: app.db).count() == 1)
        }
    }

    @Test("Minutes can't be approved before the meeting; a meeting ending before it starts is refused, input kept")
    func refusals() async throws {
        try await withTestApp { app in
            let f = try await ForumWorld.make(profile: "danderyd", on: app)
            let future = try await f.meeting(
                "lokalt-it-forum", unit: f.w.unit, date: "2026-04-01", as: f.kimUser, on: app)
            var res = try await app.send(.POST, "\(f.api)/meetings/\(future)/approve", as: f.kimUser)
            #expect(res.status == .unprocessableEntity)
            #expect((try? res.decode(APIErrorSnapshot.self).code) == "meeting.not-held")
            res = try await app.sendForm(
                ForumRoutes.meetings(f.slug, "lokalt-it-forum"),
                [
                    ("orgUnitId", f.w.unit.id!.uuidString), ("date", "2026-03-10"), ("startTime", "11:00"),
                    ("endTime", "10:00"), ("place", "Stora salen"),
                ], as: f.kimUser)
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Mötet måste sluta efter att det börjat."))
            #expect(res.text.contains("Stora salen"))
            // Kim convenes her own förvaltning's forum only; nor does a central forum take a förvaltning.
            res = try await app.sendJSON(
                .POST, "\(f.api)/meetings",
                MeetingDraft(
                    forumKey: "lokalt-it-forum", orgUnitId: f.w.otherUnit.id, date: CalendarDay(iso: "2026-03-10"),
                    startTime: TimeOfDay("09:00"), endTime: TimeOfDay("10:00")), as: f.kimUser)
            #expect(res.status == .forbidden)
            res = try await app.sendJSON(
                .POST, "\(f.api)/meetings",
                MeetingDraft(
                    forumKey: "centralt-strategiskt-it-forum", orgUnitId: f.w.unit.id,
                    date: CalendarDay(iso: "2026-03-10"), startTime: TimeOfDay("09:00"), endTime: TimeOfDay("10:00")))
            #expect(res.status == .unprocessableEntity)
            // A routine proposal waits for the lokalt IT-forum, once; not for the central forum.
            let id = try await f.w.submitForm(on: app)
            res = try await app.sendJSON(
                .POST, "\(f.api)/meetings/\(future)/items", AgendaItemDraft(proposalId: id), as: f.kimUser)
            #expect(res.status == .created)
            res = try await app.sendJSON(
                .POST, "\(f.api)/meetings/\(future)/items", AgendaItemDraft(proposalId: id), as: f.kimUser)
            #expect(res.status == .unprocessableEntity)
            let central = try await f.meeting("centralt-strategiskt-it-forum", on: app)
            res = try await app.sendJSON(.POST, "\(f.api)/meetings/\(central)/items", AgendaItemDraft(proposalId: id))
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("is not waiting for this forum"))
        }
    }

    @Test("ICS: a forum's and a person's feed at a secret address; a wrong or renewed secret is not found")
    func calendarFeeds() async throws {
        try await withTestApp { app in
            let f = try await ForumWorld.make(profile: "danderyd", on: app)
            let meetingID = try await f.meeting("lokalt-it-forum", unit: f.w.unit, as: f.kimUser, on: app)
            _ = try await app.sendJSON(
                .POST, "\(f.api)/meetings/\(meetingID)/items", AgendaItemDraft(title: "Budget; 2027, förslag"),
                as: f.kimUser)
            var res = try await app.send(.POST, "\(f.api)/forums/lokalt-it-forum/calendar-feed", as: f.kimUser)
            #expect(res.status == .created)
            let first = try res.decode(CalendarFeedResponse.self).url
            #expect(first.hasPrefix("/t/\(f.slug)/calendar/cal_") && first.hasSuffix(".ics"))

            res = try await app.get(first, as: .anonymous)
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.description.hasPrefix("text/calendar") == true)
            let (calendar, events) = calendarEvents(res.text)
            #expect(calendar["BEGIN"] == "VCALENDAR" && calendar["VERSION"] == "2.0")
            #expect(calendar["X-WR-CALNAME"]?.hasPrefix("Lokalt IT-forum") == true)
            let event = try #require(events.first)
            #expect(events.count == 1)
            #expect(event["UID"] == "meeting-\(meetingID.uuidString.lowercased())@styrbord")
            #expect(event["SUMMARY"] == "Lokalt IT-forum (\(f.w.unit.name))")
            #expect(event["DTSTART"] == "20260301T080000Z")  // 09:00 in Stockholm in winter
            #expect(event["LOCATION"] == "Sessionssalen")
            #expect(event["DESCRIPTION"]?.contains("1. Budget\\; 2027\\, förslag") == true)

            // Renewing ends the old address.
            res = try await app.send(.POST, "\(f.api)/forums/lokalt-it-forum/calendar-feed", as: f.kimUser)
            let second = try res.decode(CalendarFeedResponse.self).url
            #expect(try await app.get(first, as: .anonymous).status == .notFound)
            #expect(try await app.get(second, as: .anonymous).status == .ok)
            let wrong = "/t/\(f.slug)/calendar/cal_" + String(repeating: "x", count: 43) + ".ics"
            #expect(try await app.get(wrong, as: .anonymous).status == .notFound)
            // Another municipality's address with this secret: not found.
            _ = try await Fixtures.tenant("annanby", on: app)
            #expect(
                try await app.get(second.replacingOccurrences(of: "/t/\(f.slug)/", with: "/t/annanby/"), as: .anonymous)
                    .status == .notFound)
            // An employee may not renew the forum's feed.
            res = try await app.send(.POST, "\(f.api)/forums/lokalt-it-forum/calendar-feed", as: f.emilUser)
            #expect(res.status == .forbidden)

            // Kim's own feed has the meetings of the forums she sits in; Emil's has none.
            res = try await app.send(.POST, "\(f.api)/calendar-feed", as: f.kimUser)
            let kims = try res.decode(CalendarFeedResponse.self).url
            #expect(calendarEvents(try await app.get(kims, as: .anonymous).text).events.count == 1)
            res = try await app.send(.POST, "\(f.api)/calendar-feed", as: f.emilUser)
            let emils = try res.decode(CalendarFeedResponse.self).url
            #expect(calendarEvents(try await app.get(emils, as: .anonymous).text).events.isEmpty)
            // The administrator's account has no person: 409.
            res = try await app.send(.POST, "\(f.api)/calendar-feed")
            #expect(res.status == .conflict)
            // Nothing stores the secret itself.
            let stored = try await CalendarFeedToken.query(on: app.db).all().map(\.tokenHash)
            #expect(!stored.contains { second.contains($0) })
        }
    }

    @Test("F5: another municipality's meetings are not found, nor listed")
    func tenantIsolation() async throws {
        try await withTestApp { app in
            let f = try await ForumWorld.make(profile: "danderyd", on: app)
            let meetingID = try await f.meeting("lokalt-it-forum", unit: f.w.unit, as: f.kimUser, on: app)
            _ = try await Fixtures.tenant("annanby", on: app)
            #expect(try await app.get("/api/v1/tenants/annanby/meetings/\(meetingID)").status == .notFound)
            #expect(try await app.get("/t/annanby/meetings/\(meetingID)").status == .notFound)
            let list = try await app.get("/api/v1/tenants/annanby/meetings")
            #expect(list.status == .ok && !list.text.contains(meetingID.uuidString))
            // Kim is not a member of annanby: she is answered as if it did not exist.
            #expect(try await app.get("/api/v1/tenants/annanby/forums", as: f.kimUser).status == .notFound)
            let mine = try await app.get("\(f.api)/meetings?forumKey=lokalt-it-forum")
            #expect(mine.text.contains(meetingID.uuidString))
            #expect(try await app.get("\(f.api)/meetings?forumKey=").status == .badRequest)
        }
    }

    @Test(
        "D4/E2: forums.cadence – nothing on day one; once the profile has been in force a while, a forum without meetings is a finding"
    )
    func cadence() async throws {
        try await withTestApp { app in
            let f = try await ForumWorld.make(profile: "standard", on: app)
            var report = try await ComplianceReports.evaluate(tenant: f.w.tenant, day: testToday, on: app.db)
            #expect(report.findings.filter { $0.ruleID == ComplianceRules.forumCadence }.isEmpty)

            // The profile took effect half a year ago: the IT-styrgrupp (at least 4 a year) owes two meetings.
            for version in try await ProfileVersion.query(on: app.db).filter(\.$tenantID == f.w.tenant.id!).all() {
                version.createdAt = testNow.addingTimeInterval(-183 * 86_400)
                try await version.update(on: app.db)
            }
            let c = await ComplianceReports.configuration(for: f.w.tenant, on: app.db)
            #expect(
                c.meetingsCountFrom == CalendarDay(testNow.addingTimeInterval(-183 * 86_400)),
                "\(c.forumCadences.map(\.key))")
            report = try await ComplianceReports.evaluate(tenant: f.w.tenant, day: testToday, on: app.db)
            let findings = report.findings.filter { $0.ruleID == ComplianceRules.forumCadence }
            let styrgrupp = try #require(
                findings.first { $0.object.label == "IT-styrgrupp" },
                "\(report.findings.map { "\($0.ruleID) \($0.object.label)" })")
            #expect(styrgrupp.requirement == "D4, E2")
            #expect(styrgrupp.responsible?.name == "Ivar IT-chef")
            #expect(
                findings.contains {
                    $0.object.label == "Lokalt IT-forum (\(f.w.unit.name))" && $0.responsible?.name == "Kim Samordnare"
                })

            // Two meetings held since: the IT-styrgrupp is on course again.
            for date in ["2025-10-01", "2026-01-15"] {
                _ = try await f.meeting("it-styrgrupp", date: date, on: app)
            }
            report = try await ComplianceReports.evaluate(tenant: f.w.tenant, day: testToday, on: app.db)
            #expect(
                !report.findings.contains {
                    $0.ruleID == ComplianceRules.forumCadence && $0.object.label == "IT-styrgrupp"
                })
        }
    }

    @Test(
        "D4: Danderyd – lokalt IT-forum, the central forum's eleven points, central ledningsgrupp, decision, through meetings"
    )
    func danderydThroughMeetings() async throws {
        try await withTestApp { app in
            let f = try await ForumWorld.make(profile: "danderyd", on: app)
            let id = try await f.w.submitForm("Gemensam lärplattform", cost: "900000", on: app)
            _ = try await app.sendForm(ProposalRoutes.checklist(f.slug, id), danderydAnswers(strategic: true))
            _ = try await app.sendForm(ProposalRoutes.calculation(f.slug, id), paying())

            // 1. The förvaltning's lokalt IT-forum prepares it.
            let local = try await f.meeting("lokalt-it-forum", unit: f.w.unit, as: f.kimUser, on: app)
            try await agendaAndMinutes(f, local, id, outcome: .done, as: f.kimUser, on: app)
            // The IT-chef is contacted (a role's step, on the proposal's page).
            var res = try await app.sendForm(
                ProposalRoutes.steps(f.slug, id), [("stepKey", "it-chef-contact"), ("outcome", "done")])
            #expect(res.status == .seeOther)

            // 2. The centralt strategiskt IT-forum, convened by the IT-chef, assesses against the eleven
            // points and then recommends, at one meeting.
            let central = try await f.meeting("centralt-strategiskt-it-forum", as: f.ivarUser, on: app)
            var m = try await f.show(central, on: app)
            #expect(m.waitingProposals?.map(\.stepKey) == ["centralt-strategiskt-it-forum-assess"])
            let points = try await ProfileRules.current(f.w.tenant, on: app.db).1.assessmentPoints.map(\.key)
            #expect(points.count == 11)
            // Leaving a point out is refused in the minutes as on the proposal's page: the step is incomplete.
            try await agendaAndMinutes(
                f, central, id, outcome: .done,
                assessments: Dictionary(uniqueKeysWithValues: points.map { ($0, "Bedömt vid mötet: \($0)") }),
                as: f.ivarUser, on: app)
            m = try await f.show(central, on: app)
            #expect(m.waitingProposals?.map(\.stepKey) == ["central-rekommendation"])
            try await agendaAndMinutes(f, central, id, outcome: .recommended, as: f.ivarUser, on: app)
            let stored = try await ProposalStepRecord.query(on: app.db)
                .filter(\.$stepKey == "centralt-strategiskt-it-forum-assess").first()
            #expect(stored?.assessments.count == 11)

            // 3. The central ledningsgrupp (chaired by the kommundirektör; the administrator here) recommends.
            let ledning = try await f.meeting("central-ledningsgrupp", on: app)
            try await agendaAndMinutes(f, ledning, id, outcome: .recommended, as: .automatic, on: app)
            for meeting in [local, central, ledning] {
                res = try await app.send(.POST, "\(f.api)/meetings/\(meeting)/approve")
                #expect(res.status == .ok)
            }

            // 4. The decision maker under the delegation decides.
            var p = try await f.w.proposal(id, on: app)
            #expect(p.mayBeDecided, "\(p.reasonsNotDecidable)")
            res = try await app.sendForm(ProposalRoutes.decision(f.slug, id), decisionFields())
            #expect(res.status == .seeOther)
            p = try await f.w.proposal(id, on: app)
            #expect(p.status == "approved")
        }
    }

    @Test(
        "E4/E5: the beredningsgrupp is consulted at its meeting, then the IT-styrgrupp's chair records the decision at the styrgrupp's"
    )
    func decisionAtTheMeeting() async throws {
        try await withTestApp { app in
            let f = try await ForumWorld.make(profile: "e-forvaltning", category: .common, on: app)
            let karin = try await Fixtures.person("Karin Kommundirektör", in: f.w.tenant, on: app.db)
            try await ForumWorld.assign("kommundirektor", to: karin, unit: nil, in: f.w.tenant, on: app.db)
            let id = try await f.w.submitForm("Nytt diariesystem", category: .common, on: app)
            _ = try await app.sendForm(
                ProposalRoutes.checklist(f.slug, id),
                [("answers.typ", "nytt"), ("answers.kommundirektor-behovs", "no"), ("answers.beskrivning", "Diarium")])
            var p = try await f.w.proposal(id, on: app)
            for step in p.steps
            where !step.isDecision && step.key != "it-strategisk-beredningsgrupp-consult"
                && !step.key.hasPrefix("it-strategisk")
            {
                let res = try await app.sendForm(
                    ProposalRoutes.steps(f.slug, id), [("stepKey", step.key), ("outcome", "done")])
                #expect(res.status == .seeOther)
            }

            // Before the beredningsgrupp is consulted the styrgrupp has nothing to decide.
            let styrgrupp = try await f.meeting("it-styrgrupp", date: "2026-03-02", on: app)
            var m = try await f.show(styrgrupp, on: app)
            #expect(m.waitingProposals?.isEmpty == true)
            var res = try await app.sendJSON(
                .POST, "\(f.api)/meetings/\(styrgrupp)/items", AgendaItemDraft(proposalId: id))
            #expect(res.status == .unprocessableEntity)

            let beredning = try await f.meeting("it-strategisk-beredningsgrupp", date: "2026-02-20", on: app)
            try await agendaAndMinutes(f, beredning, id, outcome: .done, as: .automatic, on: app)

            // Now it waits for the styrgrupp's decision; the page offers the decision form with the chair's name.
            m = try await f.show(styrgrupp, on: app)
            #expect(m.waitingProposals?.map(\.stepKey) == ["it-styrgrupp-decide"])
            res = try await app.sendForm(ForumRoutes.items(f.slug, styrgrupp), [("proposalId", id.uuidString)])
            #expect(res.status == .seeOther)
            let item = try #require(try await f.show(styrgrupp, on: app).items?.first)
            var page = try await app.get(ForumRoutes.meeting(f.slug, styrgrupp))
            #expect(page.text.contains("Fatta beslut"))
            #expect(page.text.contains("value=\"Karin Kommundirektör\""))

            // Reasons missing: the form comes back naming the field; nothing is decided.
            let p1 = "item\(1)."
            res = try await app.sendForm(
                ForumRoutes.decision(f.slug, styrgrupp, item.id),
                [(p1 + "outcome", "approved"), (p1 + "decidedByPerson", "Karin Kommundirektör"), (p1 + "reasons", " ")])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("Motivering"))
            #expect(try await ProposalDecision.query(on: app.db).count() == 0)

            res = try await app.sendForm(
                ForumRoutes.decision(f.slug, styrgrupp, item.id),
                [
                    (p1 + "outcome", "approved"), (p1 + "decidedByPerson", "Karin Kommundirektör"),
                    (p1 + "reasons", "Gemensamt diarium minskar dubbelarbete."),
                    (p1 + "conditions", "Upphandlas via ramavtal."),
                ])
            #expect(res.status == .seeOther, "\(res.text.prefix(600))")
            p = try await f.w.proposal(id, on: app)
            #expect(p.status == "approved")
            #expect(p.decision?.decidedByBody == "IT-styrgruppen")
            let decision = try #require(try await ProposalDecision.query(on: app.db).first())
            #expect(decision.decidedOn == "2026-03-02")
            #expect(decision.decidedByPerson == "Karin Kommundirektör")
            m = try await f.show(styrgrupp, on: app)
            #expect(m.items?.first?.decisionId == decision.id)
            page = try await app.get(ForumRoutes.meeting(f.slug, styrgrupp))
            #expect(page.text.contains("Beslut: "))
            #expect(page.text.contains("Gemensamt diarium minskar dubbelarbete."))

            // Decided: the API refuses a second decision at the item (the proposal is settled).
            res = try await app.sendJSON(
                .PUT, "\(f.api)/meetings/\(styrgrupp)/items/\(item.id)/decision",
                MeetingDecisionDraft(outcome: .rejected, decidedByPerson: "Karin", reasons: "Nej"))
            #expect(res.status == .conflict)
            #expect(try await ProposalDecision.query(on: app.db).count() == 1)
        }
    }

    @Test("A decision is recorded only at the item where the forum decides; minutes items refuse it")
    func decisionOnlyAtDecisionItems() async throws {
        try await withTestApp { app in
            let f = try await ForumWorld.make(profile: "danderyd", on: app)
            let id = try await f.w.submitForm("Gemensam lärplattform", cost: "900000", on: app)
            _ = try await app.sendForm(ProposalRoutes.checklist(f.slug, id), danderydAnswers(strategic: true))
            let local = try await f.meeting("lokalt-it-forum", unit: f.w.unit, as: f.kimUser, on: app)
            var res = try await app.sendJSON(
                .POST, "\(f.api)/meetings/\(local)/items", AgendaItemDraft(proposalId: id), as: f.kimUser)
            #expect(res.status == .created)
            let item = try #require(try await f.show(local, on: app).items?.first)
            res = try await app.sendJSON(
                .PUT, "\(f.api)/meetings/\(local)/items/\(item.id)/decision",
                MeetingDecisionDraft(outcome: .approved, decidedByPerson: "Kim", reasons: "Bra"), as: f.kimUser)
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("outcome"))
            #expect(try await ProposalDecision.query(on: app.db).count() == 0)
        }
    }

    @Test("A meeting nothing was recorded at can be cancelled: it stays, feeds say CANCELLED, it no longer counts")
    func cancelling() async throws {
        try await withTestApp { app in
            let f = try await ForumWorld.make(profile: "standard", on: app)
            let meeting = try await f.meeting("it-styrgrupp", date: "2026-01-15", on: app)
            var res = try await app.sendJSON(
                .POST, "\(f.api)/meetings/\(meeting)/cancel", ["reason": "Ordföranden sjuk"])
            #expect(res.status == .ok, "\(res.text.prefix(400))")
            let m = try await f.show(meeting, on: app)
            #expect(m.cancelled)
            #expect(m.cancellationReason == "Ordföranden sjuk")
            // Nothing more is recorded at it.
            res = try await app.sendJSON(
                .POST, "\(f.api)/meetings/\(meeting)/items", AgendaItemDraft(title: "Övrigt"))
            #expect(res.status == .conflict)
            #expect(try res.decode(APIErrorSnapshot.self).code == "meeting.cancelled")
            // The forum's feed tells subscribers.
            res = try await app.send(.POST, "\(f.api)/forums/it-styrgrupp/calendar-feed")
            let url = try res.decode(CalendarFeedResponse.self).url
            let feed = try await app.get(url, as: .anonymous)
            #expect(feed.text.contains("STATUS:CANCELLED"))
            // It is not counted as held.
            let overview = try await ForumOverview.load(tenant: f.w.tenant, today: testToday, on: app.db)
            #expect(overview.heldThisYear["it-styrgrupp"] == nil)

            // A meeting with minutes has been held: it can't be cancelled, on the page as in the API.
            let held = try await f.meeting("it-styrgrupp", date: "2026-02-01", on: app)
            res = try await app.sendJSON(.POST, "\(f.api)/meetings/\(held)/items", AgendaItemDraft(title: "Info"))
            let item = try #require(try await f.show(held, on: app).items?.first)
            res = try await app.sendJSON(
                .PUT, "\(f.api)/meetings/\(held)/items/\(item.id)/minutes", MinutesDraft(note: "Informerades."))
            #expect(res.status == .ok)
            res = try await app.sendForm(ForumRoutes.cancel(f.slug, held), [("reason", "")])
            #expect(res.status == .unprocessableEntity)
            #expect(!(try await f.show(held, on: app).cancelled))
            res = try await app.sendJSON(.POST, "\(f.api)/meetings/\(held)/cancel", ["reason": ""])
            #expect(res.status == .conflict)
        }
    }

    /// Puts the proposal on the meeting's agenda at its waiting step and records the outcome.
    private func agendaAndMinutes(
        _ f: ForumWorld, _ meeting: UUID, _ proposal: UUID, outcome: StepOutcome, assessments: [String: String] = [:],
        as user: TestUser, on app: Application
    ) async throws {
        var res = try await app.sendJSON(
            .POST, "\(f.api)/meetings/\(meeting)/items", AgendaItemDraft(proposalId: proposal), as: user)
        #expect(res.status == .created, "\(res.text.prefix(400))")
        let item = try #require(try await f.show(meeting, on: app).items?.last)
        res = try await app.sendJSON(
            .PUT, "\(f.api)/meetings/\(meeting)/items/\(item.id)/minutes",
            MinutesDraft(outcome: outcome, assessments: assessments, note: "Protokollfört."), as: user)
        #expect(res.status == .ok, "\(res.text.prefix(400))")
    }
}

/// Lets a list of differently typed bodies be sent alike.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
