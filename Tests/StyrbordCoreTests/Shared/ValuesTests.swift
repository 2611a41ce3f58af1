import Foundation
import Testing

@testable import StyrbordCore

@Suite("Dates, money and Swedish sorting")
struct ValuesTests {
    @Test("A calendar day parses yyyy-MM-dd only, and only days that exist")
    func calendarDayParsing() {
        #expect(CalendarDay(iso: "2024-02-29")?.iso == "2024-02-29")  // leap year
        #expect(CalendarDay(iso: "2023-02-29") == nil)
        #expect(CalendarDay(iso: "1900-02-29") == nil)  // not a leap year (divisible by 100)
        #expect(CalendarDay(iso: "2000-02-29") != nil)  // a leap year (divisible by 400)
        #expect(CalendarDay(iso: "2025-04-31") == nil)
        #expect(CalendarDay(iso: "2025-13-01") == nil)
        #expect(CalendarDay(iso: " 2025-01-05 ")?.iso == "2025-01-05")
        for bad in ["2025-1-05", "05/01/2025", "2025-01-05T10:00", "20250105", "", "abcd-ef-gh", "2025–01–05"] {
            #expect(CalendarDay(iso: bad) == nil, "\(bad)")
        }
    }

    @Test("Days and months add like a Swedish calendar, and sort as dates")
    func calendarArithmetic() throws {
        let end = try #require(CalendarDay(iso: "2026-12-31"))
        #expect(end.adding(months: -6).iso == "2026-06-30")
        #expect(end.adding(days: 1).iso == "2027-01-01")
        #expect(try #require(CalendarDay(iso: "2024-03-30")).adding(days: 2).iso == "2024-04-01")  // across the DST change
        #expect(try #require(CalendarDay(iso: "2026-01-01")).days(until: end) == 364)
        #expect(CalendarDay(iso: "2026-01-02")! > CalendarDay(iso: "2025-12-31")!)
        // Midnight UTC on 1 March is still 1 March in Stockholm, 23:30 UTC on 28 Feb already is.
        #expect(CalendarDay(Date(timeIntervalSince1970: 1_772_323_200 - 1_800)).iso == "2026-03-01")
    }

    @Test("Amounts typed in kronor become öre and print the Swedish way")
    func money() {
        #expect(Money.parseKronor("125 000")?.amountMinor == 12_500_000)
        #expect(Money.parseKronor("125 000,50 kr")?.amountMinor == 12_500_050)
        #expect(Money.parseKronor("99,5")?.amountMinor == 9_950)
        #expect(Money.parseKronor("12.345.678") == nil)
        #expect(Money.parseKronor("mycket") == nil)
        #expect(Money.parseKronor("1,234") == nil)
        #expect(Money(amountMinor: 12_500_050).formatted(.sv) == "125\u{202F}000,50 kr")
        #expect(Money(kronor: 1_000_000).formatted(.en) == "1,000,000 kr")
    }

    @Test("Names sort as Swedish: z before å, å before ä, ä before ö, case ignored")
    func swedishOrder() {
        let names = ["Öppna data", "Ärendehantering", "Åtgärdsregister", "Zeta", "ärende", "Alfa", "Éva", "Ecos"]
        let sorted = names.sorted { SortKey.swedish($0) < SortKey.swedish($1) }
        #expect(
            sorted == ["Alfa", "Ecos", "Éva", "Zeta", "Åtgärdsregister", "ärende", "Ärendehantering", "Öppna data"])
        // The keys are digits only, so every database collation orders them the same way.
        let key = SortKey.swedish("Åsa Öberg")
        #expect(key.allSatisfy { $0.isNumber })
    }

    @Test("Organisation numbers need the Luhn check digit; e-mail addresses need a domain")
    func identifiers() {
        #expect("212000-1355".isSwedishOrganisationNumber)  // a municipality's number
        #expect("2120001355".isSwedishOrganisationNumber)
        #expect(!"212000-1356".isSwedishOrganisationNumber)
        #expect(!"21200-01355".isSwedishOrganisationNumber)
        #expect("anna.berg@sjovik.se".looksLikeEmail)
        #expect(!"anna.berg@sjovik".looksLikeEmail)
        #expect(!"anna berg@sjovik.se".looksLikeEmail)
    }
}

@Suite("UUID text")
struct UUIDTextTests {
    @Test("The fast parser agrees with Foundation on valid ids and rejects everything else")
    func parsing() {
        for _ in 0..<200 {
            let id = UUID()
            #expect(UUID.parsing(id.uuidString) == id)
            #expect(UUID.parsing(id.uuidString.lowercased()) == id)
        }
        for bad in [
            "", "not-a-uuid", "0000000000000000000000000000000000000", "00000000-0000-0000-0000-00000000000",
            "00000000-0000-0000-0000-0000000000000", "00000000x0000-0000-0000-000000000000",
            "g0000000-0000-0000-0000-000000000000",
        ] {
            #expect(UUID.parsing(bad) == nil, "\(bad)")
        }
    }
}

@Suite("List text")
struct ListTextTests {
    @Test("Whatever is joined splits back into the same items, commas inside items included")
    func roundTrip() {
        let lists: [[String]] = [
            [], ["Elever"], ["Elever", "vårdnadshavare"], ["drift, underhåll"], ["Gata, park", "VA"],
        ]
        for items in lists {
            #expect(ListText.split(ListText.join(items)) == items, "\(items)")
        }
        #expect(ListText.join(["Elever", "personal"]) == "Elever, personal")  // what people type stays readable
        #expect(
            ListText.split("Kultur, fritid och turism; Socialförvaltningen") == [
                "Kultur, fritid och turism", "Socialförvaltningen",
            ])
        #expect(ListText.split("Berg, Anna", onCommas: false) == ["Berg, Anna"])
    }
}
