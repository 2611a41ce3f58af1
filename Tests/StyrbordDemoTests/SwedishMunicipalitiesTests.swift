import Testing

@testable import StyrbordDemo

@Suite struct SwedishMunicipalitiesTests {
    let all = DemoData.swedishMunicipalities

    @Test("Sweden has exactly 290 municipalities, each named once")
    func count() {
        #expect(all.count == 290)
        #expect(Set(all.map(\.name)).count == 290)
        #expect(Set(all.map(\.slug)).count == 290)
    }

    @Test("The list runs in Swedish alphabetical order from Ale to Övertorneå")
    func order() {
        #expect(all.first?.name == "Ale")
        #expect(all.dropFirst().first?.name == "Alingsås")
        #expect(all.last?.name == "Övertorneå")
        let names = all.map(\.name)
        #expect(names.firstIndex(of: "Örebro")! > names.firstIndex(of: "Ängelholm")!)
        #expect(names.firstIndex(of: "Ängelholm")! > names.firstIndex(of: "Åre")!)
        #expect(names.firstIndex(of: "Åre")! > names.firstIndex(of: "Ystad")!)
    }

    @Test("Slugs are lower-case ASCII words joined by hyphens")
    func slugs() {
        let bySlug = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0.slug) })
        #expect(bySlug["Upplands Väsby"] == "upplands-vasby")
        #expect(bySlug["Malung-Sälen"] == "malung-salen")
        #expect(bySlug["Östra Göinge"] == "ostra-goinge")
        #expect(bySlug["Dals-Ed"] == "dals-ed")
        #expect(bySlug["Håbo"] == "habo")
        for slug in all.map(\.slug) {
            let words = slug.split(separator: "-", omittingEmptySubsequences: false)
            #expect(words.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("a"..."z").contains($0) } }, "\(slug)")
        }
    }

    @Test("Names are spelled with å, ä and ö, and counties hold the right number")
    func spelling() {
        let names = Set(all.map(\.name))
        for name in [
            "Övertorneå", "Älvkarleby", "Åtvidaberg", "Mörbylånga", "Härjedalen", "Lilla Edet", "Tanum", "Fagersta",
        ] {
            #expect(names.contains(name), "\(name)")
        }
        let counties = Dictionary(grouping: all, by: \.county).mapValues(\.count)
        #expect(counties.count == 21)
        #expect(counties["Västra Götalands län"] == 49)
        #expect(counties["Skåne län"] == 33)
        #expect(counties["Stockholms län"] == 26)
        #expect(counties["Gotlands län"] == 1)
    }

    @Test("Official names follow Swedish genitive and the cities that call themselves stad")
    func officialNames() {
        let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0.officialName) })
        #expect(byName["Ale"] == "Ale kommun")
        #expect(byName["Tanum"] == "Tanums kommun")
        #expect(byName["Lilla Edet"] == "Lilla Edets kommun")
        #expect(byName["Alingsås"] == "Alingsås kommun")
        #expect(byName["Falun"] == "Falu kommun")
        #expect(byName["Malmö"] == "Malmö stad")
        #expect(byName["Gotland"] == "Region Gotland")
    }
}
