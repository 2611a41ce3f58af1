import Foundation
import Testing

@testable import StyrbordCore

@Suite("Compliance: services below the agreed level, systems without an agreement (T8, D7)")
struct ServiceRulesTests {
    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    static func terms(
        percent: Double = 99.5, hours: ServiceHours = .always, plannedCounts: Bool = false
    )
        -> AgreementTerms
    {
        AgreementTerms(
            agreedPercent: percent, serviceHours: hours, plannedMaintenanceCounts: plannedCounts,
            validFrom: CalendarDay(iso: "2025-06-01")!, validTo: nil)
    }

    func world(terms: AgreementTerms, outages: [Outage]) -> (ComplianceTestWorld, UUID, UUID) {
        var w = ComplianceTestWorld()
        let system = w.system("Ekonomisystem", category: .common, owner: w.klk)
        let owner = w.staff(system)
        let agreement = UUID()
        w.snapshot.agreements = [.init(id: agreement, systemID: system, ownerPersonID: owner, terms: terms)]
        w.snapshot.outages = [system: outages]
        return (w, system, agreement)
    }

    @Test("T8: six hours down in February (around the clock, 99.107 %) is below 99.5 % and a finding for that month")
    func belowAgreedLevel() throws {
        let (w, _, agreement) = world(
            terms: Self.terms(),
            outages: [Outage(start: Self.at("2026-02-10T06:00:00Z"), end: Self.at("2026-02-10T12:00:00Z"))])
        let findings = w.findings(ComplianceRules.serviceAvailability)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.object.kind == .agreement && finding.object.id == agreement)
        #expect(finding.detail == "2026-02")
        #expect(finding.requirement == "T8" && finding.severity == .warning)
        #expect(finding.dueOn == CalendarDay(iso: "2026-03-31")!)  // 30 days after the month ended
        #expect(finding.responsible?.name == "Olle Ägare")
        #expect(finding.message.sv.contains("99,11 %") && finding.message.sv.contains("99,5 %"))
        let score = w.evaluate().rules.first { $0.descriptor.id == ComplianceRules.serviceAvailability }?.score
        #expect(score == ComplianceScore(checked: 1, compliant: 0))
    }

    @Test("T8: the month still running is not judged; an outage outside office service hours costs nothing")
    func currentMonthAndServiceHours() {
        // March 2026 is today's month; the weekend outage in February falls outside weekdays 07–17.
        let (w, _, _) = world(
            terms: Self.terms(hours: .officeHours),
            outages: [
                Outage(start: Self.at("2026-03-01T00:00:00Z"), end: Self.at("2026-03-02T08:00:00Z")),
                Outage(start: Self.at("2026-02-14T00:00:00Z"), end: Self.at("2026-02-15T20:00:00Z")),
            ])
        #expect(w.findings(ComplianceRules.serviceAvailability).isEmpty)
    }

    @Test("T8: planned maintenance counts against availability only where the agreement says so")
    func plannedMaintenance() {
        let outage = Outage(
            start: Self.at("2026-02-10T00:00:00Z"), end: Self.at("2026-02-10T06:00:00Z"), isPlanned: true)
        #expect(world(terms: Self.terms(), outages: [outage]).0.findings(ComplianceRules.serviceAvailability).isEmpty)
        let counted = world(terms: Self.terms(plannedCounts: true), outages: [outage]).0
        #expect(counted.findings(ComplianceRules.serviceAvailability).map(\.detail) == ["2026-02"])
    }

    @Test("T8: months before the agreement started are not judged")
    func beforeTheAgreement() {
        var terms = Self.terms()
        terms.validFrom = CalendarDay(iso: "2026-02-15")!
        let (w, _, _) = world(
            terms: terms,
            outages: [Outage(start: Self.at("2026-01-10T06:00:00Z"), end: Self.at("2026-01-12T12:00:00Z"))])
        #expect(w.findings(ComplianceRules.serviceAvailability).isEmpty)
    }

    @Test(
        "D7: without the profile's service_agreements the rule asks nothing; with it, a system in production lacks one")
    func agreementRequired() throws {
        var w = ComplianceTestWorld()
        let common = w.system("Ekonomisystem", category: .common, owner: w.klk)
        w.staff(common)
        let business = w.system("Procapita", category: .business) { $0.availabilityLevel = 3 }
        w.staff(business)
        _ = w.system("Gammalt", category: .business, lifecycle: .decommissioned)
        #expect(w.findings(ComplianceRules.serviceAgreement).isEmpty)
        #expect(w.evaluate().rules.first { $0.descriptor.id == ComplianceRules.serviceAgreement }?.score.checked == 0)

        w.configuration.agreementRequirement = .init()
        let found: Set<UUID> = Set(w.findings(ComplianceRules.serviceAgreement).map(\.object.id))
        #expect(found == Set([common, business]))

        // Only availability level 3 and up: Procapita; and an agreement in force puts it right.
        w.configuration.agreementRequirement = .init(availabilityAtLeast: 3, source: "D7")
        let finding = try #require(w.findings(ComplianceRules.serviceAgreement).first)
        #expect(finding.object.id == business && finding.requirement == "D7" && finding.severity == .error)
        w.snapshot.agreements = [.init(id: UUID(), systemID: business, ownerPersonID: nil, terms: Self.terms())]
        #expect(w.findings(ComplianceRules.serviceAgreement).isEmpty)

        // An agreement that has ended does not count.
        w.snapshot.agreements[0].terms.validTo = CalendarDay(iso: "2026-02-28")!
        #expect(w.findings(ComplianceRules.serviceAgreement).count == 1)
        // Categories narrow it further.
        w.configuration.agreementRequirement = .init(categories: [.common], availabilityAtLeast: 3)
        #expect(w.findings(ComplianceRules.serviceAgreement).isEmpty)
    }

    @Test("The profile's service_agreements section is read, validated and becomes the rule's setting")
    func profileKnob() throws {
        var yaml = ShippedProfiles.yaml("standard")!
        yaml += "\nservice_agreements: {required_for: [verksamhetssystem], availability_at_least: 2, source: D7}\n"
        let parsed = ProfileParser.parse(yaml)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        let profile = try #require(parsed.profile)
        #expect(profile.serviceAgreements?.requiredFor == [.business])
        #expect(profile.serviceAgreements?.availabilityAtLeast == 2)
        let config = ComplianceConfiguration(profile: profile)
        #expect(config.agreementRequirement == .init(categories: [.business], availabilityAtLeast: 2, source: "D7"))
        let standard = try #require(ProfileParser.parse(ShippedProfiles.yaml("standard")!).profile)
        #expect(ComplianceConfiguration(profile: standard).agreementRequirement == nil)
        let wrong = yaml.replacingOccurrences(of: "availability_at_least: 2", with: "availability_at_least: 7")
        #expect(ProfileParser.parse(wrong).problems.contains { $0.message.en.contains("4") })
    }
}

@Suite("Services: drafts, hours and deadlines")
struct ServiceDraftTests {
    @Test("Service hours read and write their codes; nonsense is refused")
    func hoursCodes() {
        #expect(ServiceHours(code: "always") == .always)
        #expect(ServiceHours(code: "weekdays 07:00-17:00") == .officeHours)
        #expect(ServiceHours.officeHours.code == "weekdays 07:00-17:00")
        #expect(ServiceHours(code: "weekdays 17:00-07:00") == nil)
        #expect(ServiceHours(code: "weekdays 25:00-26:00") == nil)
        #expect(ServiceHours(code: "sometimes") == nil)
        #expect(ServiceHours(code: "weekdays 00:00-24:00") == .weekdays(opens: 0, closes: 1_440))
    }

    @Test("An agreement's problems are named by field")
    func agreementValidation() {
        var d = AgreementDraft(
            systemId: UUID(), ownerPersonId: UUID(), availabilityPercent: 101,
            times: [.p1: PriorityTimes(responseMinutes: 0, resolutionMinutes: 10)], price: Money(kronor: 10),
            validFrom: CalendarDay(iso: "2026-01-01")!, validTo: CalendarDay(iso: "2025-01-01")!,
            noticePeriodMonths: 121)
        d.serviceHours = "weekdays"
        let fields = Set(d.checked().issues.map(\.field))
        #expect(
            fields == [
                "availabilityPercent", "serviceHours", "p1ResponseMinutes", "priceModel", "validTo",
                "noticePeriodMonths",
            ])
    }

    @Test("Availability targets keep hundredths: 99.456 is stored as 99.46")
    func hundredths() {
        let d = AgreementDraft(
            systemId: UUID(), ownerPersonId: UUID(), availabilityPercent: 99.456,
            validFrom: CalendarDay(iso: "2026-01-01")!
        ).normalized()
        #expect(d.availabilityPercent == 99.46)
        #expect(AvailabilityTarget.format(99.5) == "99,5 %" && AvailabilityTarget.format(99.5, .en) == "99.5 %")
    }

    @Test("Outage instants are read with or without fractions; unreadable ones are a field's error")
    func outageInstants() throws {
        let json =
            #"{"systemId":"\#(UUID().uuidString)","startsAt":"2026-02-10T06:00:00.5Z","endsAt":"nonsense","description":"Fel"}"#
        let d = try JSONDecoder().decode(OutageDraft.self, from: Data(json.utf8))
        #expect(d.startsAt == ISO8601DateFormatter().date(from: "2026-02-10T06:00:00Z")!.addingTimeInterval(0.5))
        #expect(d.checked().issues.map(\.field) == ["endsAt"])
    }

    @Test("Deadlines: the last day to give notice and the last day, from a day on; none without an end")
    func deadlines() {
        let id = UUID(), owner = UUID()
        let list = AgreementDeadline.upcoming(
            agreementID: id, systemName: "Ekonomisystem", validTo: CalendarDay(iso: "2026-12-31")!,
            noticePeriodMonths: 6, personIDs: [owner], from: CalendarDay(iso: "2026-03-02")!)
        #expect(list.map(\.kind) == [.notice, .expiry])
        #expect(list.map(\.date.iso) == ["2026-06-30", "2026-12-31"])
        #expect(list.allSatisfy { $0.personIDs == [owner] && $0.agreementID == id })
        let later = AgreementDeadline.upcoming(
            agreementID: id, systemName: "E", validTo: CalendarDay(iso: "2026-12-31")!, noticePeriodMonths: 6,
            personIDs: [owner], from: CalendarDay(iso: "2026-07-01")!)
        #expect(later.map(\.kind) == [.expiry])
        #expect(
            AgreementDeadline.upcoming(
                agreementID: id, systemName: "E", validTo: nil, noticePeriodMonths: 6, personIDs: [],
                from: CalendarDay(iso: "2026-01-01")!
            ).isEmpty)
    }

    @Test("Months: adding across years, last days, and the twelve before a month")
    func months() {
        let jan = CalendarMonth(year: 2026, month: 1)!
        #expect(jan.adding(months: -1) == CalendarMonth(year: 2025, month: 12)!)
        #expect(CalendarMonth(year: 2024, month: 2)!.lastDay == CalendarDay(iso: "2024-02-29")!)
        let twelve = CalendarMonth.months(endingWith: jan, count: 12)
        #expect(twelve.count == 12 && twelve.first?.iso == "2025-02" && twelve.last?.iso == "2026-01")
    }
}
