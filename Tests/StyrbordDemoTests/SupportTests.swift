import Foundation
import StyrbordCore
import Testing

@testable import StyrbordDemo

@Suite struct SupportTests {
    @Test("SplitMix64 gives the reference sequence for seed 0")
    func splitMixReference() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("Demo IDs are version 4 UUIDs, stable, and differ by kind, ordinal and municipality")
    func ids() {
        let a = DemoIDFactory(seed: 1, municipality: 0)
        let b = DemoIDFactory(seed: 1, municipality: 1)
        let id = a.id(.system, 7)
        #expect(id == DemoIDFactory(seed: 1, municipality: 0).id(.system, 7))
        #expect(id.uuidString.dropFirst(14).first == "4")
        #expect(["8", "9", "A", "B"].contains(id.uuidString.dropFirst(19).first.map(String.init)))
        #expect(id != a.id(.person, 7))
        #expect(id != a.id(.system, 8))
        #expect(id != b.id(.system, 7))
        #expect(id != DemoIDFactory(seed: 2, municipality: 0).id(.system, 7))
    }

    @Test("Folding turns Swedish names into e-mail-safe ASCII")
    func folding() {
        #expect("Åsa Öberg".asciiFolded == "asa-oberg")
        #expect("Lars-Göran".asciiFolded == "lars-goran")
        #expect("Linnéa Kovačević".asciiFolded == "linnea-kovacevic")
        #expect("Upplands  Väsby".slug == "upplands-vasby")
    }

    @Test("Organisation numbers get a valid Luhn check digit")
    func organisationNumbers() {
        #expect(OrganisationNumber.withCheckDigit("212000999") == "212000-9994")
        #expect(OrganisationNumber.withCheckDigit("212000001").isSwedishOrganisationNumber)
        #expect(!"212000-9995".isSwedishOrganisationNumber)
    }

    @Test("Every supplier in the catalogue is valid and has a unique key and organisation number")
    func catalogue() {
        let all = SupplierCatalogue.all
        #expect(Set(all.map(\.key)).count == all.count)
        #expect(Set(all.map(\.organisationNumber)).count == all.count)
        for supplier in all {
            #expect(supplier.draft(contactName: "Test Testsson").normalized().validate().isEmpty, "\(supplier.name)")
        }
    }

    @Test("The generator's hubs and integration platform name real common systems")
    func hubs() {
        let slots = Set(GeneratorCatalogue.commonSlots.map(\.name))
        #expect(Set(GeneratorCatalogue.hubs.map(\.slot)).isSubset(of: slots))
        #expect(slots.contains(GeneratorCatalogue.integrationPlatform))
        #expect(slots.count == GeneratorCatalogue.commonSlots.count)
    }
}
