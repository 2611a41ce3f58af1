import Fluent
import Foundation
import StyrbordCore
import Vapor

/// The change process in use in the showcase, written through the same rules the pages use: a proposal
/// for a common system prepared and assessed and now waiting for the IT-styrgrupp's decision at its
/// next meeting, a larger proposal waiting for its förvaltning's lokalt IT-forum, and a styrgrupp
/// meeting held last month with approved minutes. No plans: making the year's plans is the newcomer's.
extension DemoLoader {
    static func loadShowcaseProcess(slug: String, app: Application, actor: AuditActor) async throws -> String {
        let db = app.db
        let today = app.dependencies.today
        guard let tenant = try await Tenant.query(on: db).filter(\.$slug == slug).first() else { return "" }
        let tree = OrgTree(units: try await RegisterRows.orgUnits(tenant: try tenant.requireID(), on: db))
        let systems = try await ITSystem.scoped(to: tenant, on: db).sort(\.$sortKey).all()
        guard let common = systems.first(where: { $0.category == .common && $0.decommissionedOn == nil }),
            let business = systems.first(where: {
                $0.category == .business && $0.decommissionedOn == nil && $0.ownerOrgUnitID != nil
            }),
            let businessUnit = business.ownerOrgUnitID,
            let commonUnit = common.ownerOrgUnitID ?? tree.entries.first?.id
        else { return "" }
        let year = today.year

        // 1. A common e-signing service: answered, calculated, prepared; the styrgrupp decides next.
        let signing = try await ProposalRules.create(
            ProposalDraft(
                title: "Gemensam tjänst för e-underskrift",
                need: "Avtal och beslut skrivs ut för att undertecknas och skannas sedan in igen.",
                needsAnalysis: "Kartläggning i tre förvaltningar: 4 000 underskrifter om året.",
                orgUnitId: commonUnit, systemIds: [try common.requireID()], category: .common,
                expectedCost: 450_000),
            tenant: tenant, actor: actor, on: db)
        try await ProposalRules.saveChecklist(
            signing,
            answers: ChecklistAnswers(answers: [
                "typ": .text("nytt-system"), "kostnad": .integer(450_000), "ny-teknik": .bool(false),
                "personuppgifter": .bool(true), "samma-behov": .bool(true),
                "beskrivning": .text("Alla förvaltningar kan skriva under digitalt."),
            ]), tenant: tenant, actor: actor, on: db)
        let operations: [BenefitCalculation.CostCategory] = [
            .software, .hardware, .serverCapacity, .communications, .training, .operations, .support,
        ]
        try await ProposalRules.saveCalculation(
            signing,
            CalculationRequest(
                firstYear: year, years: 5,
                benefits: [
                    .init(
                        description: "Mindre utskrift, porto och skanning", annualAmount: 260_000,
                        probabilityPercent: 80, fromYear: year + 1, owner: "Kommundirektören"),
                    .init(
                        description: "Kortare handläggningstid", kind: .indirect, annualAmount: 120_000,
                        probabilityPercent: 60, fromYear: year + 1, owner: "Förvaltningscheferna"),
                ],
                costs: [.init(description: "Införande", category: .development, amount: 150_000, year: year)]
                    + operations.map {
                        .init(
                            description: $0.label.sv, category: $0, isRecurring: true,
                            amount: $0 == .software ? 60_000 : 5_000, year: year)
                    },
                risks: [.init(description: "Låg användning", probability: 2, consequence: 3, action: "Utbildning")]),
            tenant: tenant, actor: actor, on: db)
        var state = try await ProposalState.load(signing, tenant: tenant, today: today, on: db)
        for step in state.workflow.steps where !step.isDecision {
            state = try await ProposalState.load(signing, tenant: tenant, today: today, on: db)
            let assessments = Dictionary(
                uniqueKeysWithValues: step.step.against.map { ($0, "Bedömt vid centrala IT-forumets möte.") })
            let outcome = StepOutcome.allCases.first { $0.fits(step.step.action) } ?? .done
            try await ProposalRules.recordStep(
                StepRecordDraft(stepKey: step.step.key, outcome: outcome, assessments: assessments),
                for: state, actor: actor, on: db)
        }

        // 2. A larger change in a verksamhetssystem: waiting for its förvaltning's lokalt IT-forum.
        let learning = try await ProposalRules.create(
            ProposalDraft(
                title: "Digital närvaro och frånvaroanmälan",
                need: "Vårdnadshavare ringer in frånvaro och personalen för in den för hand.",
                orgUnitId: businessUnit, systemIds: [try business.requireID()], category: .business,
                expectedCost: 250_000),
            tenant: tenant, actor: actor, on: db)
        try await ProposalRules.saveChecklist(
            learning,
            answers: ChecklistAnswers(answers: [
                "typ": .text("andring"), "kostnad": .integer(250_000), "ny-teknik": .bool(false),
                "personuppgifter": .bool(true), "samma-behov": .bool(false),
                "beskrivning": .text("Färre samtal och säkrare frånvarouppföljning."),
            ]), tenant: tenant, actor: actor, on: db)

        // 3. The IT-styrgrupp met last month (approved minutes) and meets again in two weeks, with the
        // e-signing service on the agenda for its decision.
        let held = try await MeetingRules.create(
            MeetingDraft(
                forumKey: "it-styrgrupp", date: today.adding(days: -30), startTime: TimeOfDay("13:00"),
                endTime: TimeOfDay("15:00"), place: "Kommunstyrelsens sessionssal"),
            tenant: tenant, actor: actor, on: db)
        var meeting = try await MeetingState.load(held, tenant: tenant, today: today, on: db)
        let info = try await MeetingRules.addItem(
            AgendaItemDraft(title: "Informationssäkerhetsarbetet: lägesrapport"), to: meeting, tenant: tenant,
            today: today, actor: actor, on: db)
        meeting = try await MeetingState.load(held, tenant: tenant, today: today, on: db)
        try await MeetingRules.recordMinutes(
            MinutesDraft(note: "Säkerhetschefen redogjorde för årets arbete. Informationen noterades."), for: info,
            in: meeting, tenant: tenant, today: today, actor: actor, on: db)
        meeting = try await MeetingState.load(held, tenant: tenant, today: today, on: db)
        try await MeetingRules.saveAttendance(
            AttendanceDraft(members: meeting.sitting.people.map { .init(personId: $0.personID, present: true) }),
            for: meeting, tenant: tenant, actor: actor, on: db)
        try await MeetingRules.approve(meeting, actor: actor, on: db)

        let next = try await MeetingRules.create(
            MeetingDraft(
                forumKey: "it-styrgrupp", date: today.adding(days: 14), startTime: TimeOfDay("13:00"),
                endTime: TimeOfDay("15:00"), place: "Kommunstyrelsens sessionssal"),
            tenant: tenant, actor: actor, on: db)
        meeting = try await MeetingState.load(next, tenant: tenant, today: today, on: db)
        _ = try await MeetingRules.addItem(
            AgendaItemDraft(proposalId: try signing.requireID()), to: meeting, tenant: tenant, today: today,
            actor: actor, on: db)
        return
            "Proposals \(signing.diarienummer) (waiting for the IT-styrgrupp's decision on \(today.adding(days: 14)))"
            + " and \(learning.diarienummer); two IT-styrgrupp meetings."
    }
}
