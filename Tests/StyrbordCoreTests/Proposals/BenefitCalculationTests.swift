import Foundation
import Testing

@testable import StyrbordCore

@Suite("Nyttokalkyl")
struct BenefitCalculationTests {
    /// A worked example, figured by hand: an e-service for building permits, 2027–2031 at 4 %.
    /// Costs 500 000 development and 50 000 training in 2027, operations 100 000 a year; benefits
    /// 300 000 a year of saved handling (certain) and 100 000 of indirect benefit at 50 % from 2028.
    static let eService = BenefitCalculation(
        firstYear: 2027, years: 5, discountRatePercent: 4,
        benefits: [
            .init(
                description: "Färre manuella handläggningsmoment", annualAmount: 300_000, fromYear: 2028,
                owner: "Avdelningschef bygglov"),
            .init(
                description: "Kortare väntetid för sökande", kind: .indirect, annualAmount: 100_000,
                probabilityPercent: 50, fromYear: 2028, owner: "Förvaltningschef"),
        ],
        qualitativeBenefits: [.init(description: "Bättre service dygnet runt", owner: "Förvaltningschef")],
        costs: [
            .init(description: "Anpassning och införande", category: .development, amount: 500_000, year: 2027),
            .init(description: "Utbildning av handläggare", category: .training, amount: 50_000, year: 2027),
            .init(
                description: "Drift och licens", category: .operations, isRecurring: true, amount: 100_000,
                year: 2027),
        ],
        risks: [.init(description: "Låg användning", probability: 3, consequence: 4, action: "Informationsinsats")])

    @Test("PENG figures of a worked example: bruttonytta, kostnader, nettonytta, payback year and NPV at 4 %")
    func workedExample() {
        let f = Self.eService.figures
        #expect(f.years.map(\.year) == [2027, 2028, 2029, 2030, 2031])
        #expect(f.years.map(\.benefit) == [0, 350_000, 350_000, 350_000, 350_000])
        #expect(f.years.map(\.cost) == [650_000, 100_000, 100_000, 100_000, 100_000])
        #expect(f.years.map(\.cumulativeNet) == [-650_000, -400_000, -150_000, 100_000, 350_000])
        #expect(f.grossBenefit == 1_400_000)
        #expect(f.directBenefit == 1_200_000)
        #expect(f.indirectBenefit == 200_000)
        #expect(f.costs == 1_050_000)
        #expect(f.netBenefit == 350_000)
        #expect(f.paybackYear == 2030)
        #expect(f.paybackYears == 4)
        // −650 000 + 250 000 × (1/1.04 + 1/1.04² + 1/1.04³ + 1/1.04⁴) = 257 473.8
        #expect(f.netPresentValue == 257_474)
        #expect(f.years.map(\.presentValue) == [-650_000, 240_385, 231_139, 222_249, 213_701])
        #expect(f.costsByCategory == [.development: 500_000, .training: 50_000, .operations: 500_000])
        #expect(Self.eService.risks.first?.value == 12)
        #expect(Self.eService.validate().isEmpty)
    }

    @Test("At 0 % the net present value is the net benefit; a calculation that never pays back has no payback year")
    func zeroRateAndNoPayback() {
        var c = Self.eService
        c.discountRatePercent = 0
        #expect(c.figures.netPresentValue == c.figures.netBenefit)
        c.benefits = [.init(description: "Liten nytta", annualAmount: 10_000, fromYear: 2028, owner: "X")]
        let f = c.figures
        #expect(f.netBenefit == 40_000 - 1_050_000)
        #expect(f.paybackYear == nil)
        #expect(f.paybackYears == nil)
    }

    @Test("A dip after an early surplus moves the payback year to when the cumulative net stays positive")
    func paybackAfterADip() {
        let c = BenefitCalculation(
            firstYear: 2030, years: 4, discountRatePercent: 0,
            benefits: [.init(description: "Besparing", annualAmount: 100_000, fromYear: 2030, owner: "X")],
            costs: [
                .init(description: "Start", category: .software, amount: 50_000, year: 2030),
                .init(description: "Byte av servrar", category: .hardware, amount: 300_000, year: 2031),
            ])
        #expect(c.figures.years.map(\.cumulativeNet) == [50_000, -150_000, -50_000, 50_000])
        #expect(c.figures.paybackYear == 2033)
    }

    @Test("Lines outside the period count only for the years inside it; ends before starts count nothing")
    func linesClippedToThePeriod() {
        let c = BenefitCalculation(
            firstYear: 2027, years: 3, discountRatePercent: 0,
            benefits: [
                .init(description: "Före", annualAmount: 1_000, fromYear: 2020, untilYear: 2027, owner: "X"),
                .init(description: "Efter", annualAmount: 1_000, fromYear: 2040, owner: "X"),
                .init(description: "Baklänges", annualAmount: 1_000, fromYear: 2029, untilYear: 2028, owner: "X"),
            ],
            costs: [
                .init(description: "Sent", category: .other, amount: 5, year: 2035),
                .init(
                    description: "Löpande", category: .support, isRecurring: true, amount: 7, year: 2028,
                    untilYear: 2040),
            ])
        #expect(c.figures.years.map(\.benefit) == [1_000, 0, 0])
        #expect(c.figures.years.map(\.cost) == [0, 7, 7])
    }

    @Test("T6: the operations-phase parts the costs leave out are named; PENG: a benefit without owner is refused")
    func coverageAndOwners() {
        #expect(
            Self.eService.uncoveredOperationsCosts == [
                .software, .hardware, .serverCapacity, .communications, .support,
            ])
        var c = Self.eService
        c.benefits[1].owner = "  "
        #expect(c.benefitsWithoutOwner == [1])
        #expect(c.validate().map(\.field) == ["benefits[1].owner"])
    }

    @Test("Every bad value is named by its path; nothing traps on absurd input")
    func validation() {
        let c = BenefitCalculation(
            firstYear: 1999, years: 0, discountRatePercent: .nan,
            benefits: [.init(description: "", annualAmount: -1, probabilityPercent: 101, fromYear: 3000, owner: "X")],
            costs: [
                .init(
                    description: "x", category: .other, isRecurring: true, amount: Int.max, year: 1999, untilYear: 1990)
            ],
            risks: [.init(description: "r", probability: 0, consequence: 6)])
        #expect(
            c.validate().map(\.field) == [
                "firstYear", "years", "discountRatePercent", "benefits[0].description", "benefits[0].annualAmount",
                "benefits[0].probabilityPercent", "benefits[0].fromYear", "costs[0].amount", "costs[0].untilYear",
                "risks[0].probability", "risks[0].consequence",
            ])
        #expect(c.figures.years.count == 1)
        let far = BenefitCalculation(
            firstYear: .max, years: .max, costs: [.init(description: "x", category: .other, amount: .max, year: .max)])
        #expect(far.validate().map(\.field) == ["firstYear", "years", "costs[0].amount"])
        #expect(far.figures.costs == BenefitCalculation.maxAmount)
    }

    @Test("Every year named lies in 2000–2129, as the API document says: an end year far out is refused, not clipped")
    func yearBounds() {
        var c = Self.eService
        c.benefits[0].untilYear = 2130
        c.costs[0].untilYear = 12_345  // a one-off cost's end year is checked too
        #expect(c.validate().map(\.field) == ["benefits[0].untilYear", "costs[0].untilYear"])
        c.benefits[0].untilYear = 2129
        c.costs[0].untilYear = nil
        #expect(c.validate().isEmpty)
        #expect(BenefitCalculation.years == 2000...2129)
    }
}
