import Foundation
import Testing

@testable import StyrbordCore

@Suite struct CellParsingTests {
    @Test("No vocabulary accepts one word for two values")
    func noConflicts() {
        #expect(ImportVocabulary.conflicts == [:])
    }

    @Test("Enum values by code, Swedish label, English label and synonyms, ignoring case and diacritics")
    func vocabularies() {
        #expect(ImportVocabulary.category.value(for: "kommungemensamt") == .common)
        #expect(ImportVocabulary.category.value(for: "Gemensamt") == .common)
        #expect(ImportVocabulary.category.value(for: "KOMMUNGEMENSAM") == .common)
        #expect(ImportVocabulary.category.value(for: "Verksamhet") == .business)
        #expect(ImportVocabulary.category.value(for: "Business system") == .business)
        #expect(ImportVocabulary.category.value(for: "Kultur") == nil)
        #expect(ImportVocabulary.lifecycle.value(for: "I drift") == .inProduction)
        #expect(ImportVocabulary.lifecycle.value(for: "Produktion") == .inProduction)
        #expect(ImportVocabulary.lifecycle.value(for: "under avveckling") == .decommissioning)
        #expect(ImportVocabulary.lifecycle.value(for: "i-drift") == .inProduction)
        #expect(ImportVocabulary.criticality.value(for: "Hög") == .high)
        #expect(ImportVocabulary.criticality.value(for: "hog") == .high)
        #expect(ImportVocabulary.criticality.value(for: "Medel") == .medium)
        #expect(ImportVocabulary.criticality.value(for: "Låg") == .low)
        #expect(ImportVocabulary.criticality.value(for: "Ja") == .high)
        #expect(ImportVocabulary.operationMode.value(for: "SaaS") == .cloud)
        #expect(ImportVocabulary.operationMode.value(for: "Run by a partner") == .external)
        #expect(ImportVocabulary.nis2.value(for: "Omfattas – väsentlig verksamhet") == .essential)
        #expect(ImportVocabulary.nis2.value(for: "Ja") == nil)  // important or essential? must be said
        #expect(ImportVocabulary.legalBasis.value(for: "Art. 6.1 e") == .publicTask)
        #expect(ImportVocabulary.aiRiskClass.value(for: "Begränsad risk (transparenskrav)") == .limited)
    }

    @Test("Booleans as Swedish lists write them")
    func booleans() {
        for yes in ["Ja", "J", "x", "Yes", "1", "Sant", "JA"] {
            #expect(ImportVocabulary.bool.value(for: yes) == true, "\(yes)")
        }
        for no in ["Nej", "N", "No", "0", "Falskt", "nej"] {
            #expect(ImportVocabulary.bool.value(for: no) == false, "\(no)")
        }
        #expect(ImportVocabulary.bool.value(for: "Kanske") == nil)
    }

    @Test("Personal data: Ja is personal, Känsliga is sensitive, Nej is none")
    func personalData() {
        #expect(ImportVocabulary.personalData.value(for: "Ja") == .personal)
        #expect(ImportVocabulary.personalData.value(for: "Ja, känsliga") == .sensitive)
        #expect(ImportVocabulary.personalData.value(for: "Känsliga") == .sensitive)
        #expect(ImportVocabulary.personalData.value(for: "Känsliga personuppgifter") == .sensitive)
        #expect(ImportVocabulary.personalData.value(for: "Nej") == PersonalDataLevel.none)
        #expect(ImportVocabulary.personalData.value(for: "Inga personuppgifter") == PersonalDataLevel.none)
    }

    @Test("Classification levels: 2, K2, Nivå 2, 2 - Måttlig, Måttlig")
    func levels() {
        for text in [
            "2", "K2", "k 2", "Nivå 2", "2 - Måttlig", "2 – Måttlig", "Måttlig", "2 (Måttlig)", "2 – Moderate",
        ] {
            #expect((try? CellParser.level(text).get()) == .l2, "\(text)")
        }
        #expect((try? CellParser.level("0").get()) == .l0)
        #expect((try? CellParser.level("4 – Mycket allvarlig").get()) == .l4)
        for bad in ["5", "K7", "Hemlig", "2 - Allvarlig"] {
            #expect((try? CellParser.level(bad).get()) == nil, "\(bad)")
        }
    }

    @Test("Dates: yyyy-MM-dd, with an Excel time, and yyyyMMdd")
    func dates() {
        let day = CalendarDay(year: 2024, month: 4, day: 3)
        for text in ["2024-04-03", "2024-4-3", "2024-04-03 00:00", "2024-04-03 13:45:10", "20240403", " 2024-04-03 "] {
            #expect((try? CellParser.day(text).get()) == day, "\(text)")
        }
    }

    @Test("Ambiguous and invalid dates are refused with a message asking for yyyy-mm-dd")
    func badDates() {
        for text in ["3/4/2024", "03.04.2024", "4/3/24"] {
            guard case .failure(let f) = CellParser.day(text) else {
                Issue.record("\(text) was accepted")
                continue
            }
            #expect(f.message.sv.contains("åååå-mm-dd"))
            #expect(f.message.sv.contains("olika datum"))
        }
        for text in ["2024-02-30", "igår", "2024-04-03 25:00", "20241301"] {
            #expect((try? CellParser.day(text).get()) == nil, "\(text)")
        }
    }

    @Test("Numbers with spaces, no-break spaces or narrow no-break spaces between thousands")
    func numbers() {
        #expect(CellParser.integer("1 200") == 1200)
        #expect(CellParser.integer("1\u{00A0}200") == 1200)
        #expect(CellParser.integer("12\u{202F}500") == 12500)
        #expect(CellParser.integer("350") == 350)
        #expect(CellParser.integer("24 h", units: ["h"]) == 24)
        #expect(CellParser.integer("1,5") == nil)
        #expect(CellParser.integer("ca 300") == nil)
        #expect(CellParser.integer("-3") == nil)
    }

    @Test("Lists split on the strongest separator present")
    func lists() {
        #expect(ImportText.list("Elever, vårdnadshavare, personal") == ["Elever", "vårdnadshavare", "personal"])
        #expect(
            ImportText.list("Kultur, fritid och turism; Socialförvaltningen") == [
                "Kultur, fritid och turism", "Socialförvaltningen",
            ])
        #expect(ImportText.list("a | b") == ["a", "b"])
        #expect(ImportText.list("a\nb, c") == ["a", "b, c"])
        #expect(ImportText.list("Berg, Anna", splitOnCommas: false) == ["Berg, Anna"])
        #expect(ImportText.list(" ; ;") == [])
    }

    @Test("Keys fold case, diacritics and punctuation")
    func keys() {
        #expect(ImportText.key("Ägande  förvaltning:") == "agande forvaltning")
        #expect(ImportText.key("Konfidentialitet (K)", stripParentheses: true) == "konfidentialitet")
        #expect(ImportText.key("(K)", stripParentheses: true) == "k")
        #expect(ImportText.key("E-tjänst") == "e tjanst")
    }
}
