import Foundation
import Testing

@testable import StyrbordCore

@Suite struct ImportMappingTests {
    let schema = SystemImportSchema.standard

    @Test("Headings municipalities use select the right field")
    func synonyms() {
        let cases: [(String, String)] = [
            ("Systemnamn", "name"), ("System", "name"), ("Namn", "name"), ("IT-system", "name"),
            ("Förvaltning", "ownerOrgUnit"), ("Ägande förvaltning", "ownerOrgUnit"),
            ("Systemägande förvaltning", "ownerOrgUnit"), ("Verksamhet", "ownerOrgUnit"),
            ("Kritikalitet", "criticality"), ("Verksamhetskritisk", "criticality"),
            ("Personuppgifter", "personalData"), ("Behandlar personuppgifter", "personalData"),
            ("Leverantör", "supplier"), ("Driftform", "operationMode"), ("Drift", "operationMode"),
            ("Driftpartner", "operator"), ("Konfidentialitet (K)", "confidentiality"), ("K", "confidentiality"),
            ("Riktighet (R)", "integrity"), ("Tillgänglighet (T)", "availability"), ("Spårbarhet", "traceability"),
            ("Systemägare", "role.systemagare"), ("Systemförvaltare", "role.systemforvaltare"),
            ("Ersättare systemförvaltare", "role.systemforvaltare.ersattare"),
            ("Teknisk systemförvaltare", "role.teknisk-systemforvaltare"), ("Driftsansvarig", "role.driftsansvarig"),
            ("Informationsägare", "role.informationsagare"), ("Systemägare IT", "role.systemagare-it"),
            ("PUB-avtal", "processorAgreement"), ("RPO (timmar)", "rpoHours"), ("Status", "lifecycleStatus"),
            ("Förvaltningsobjekt", "managementObject"), ("Antal användare", "userCount"),
        ]
        for (heading, code) in cases {
            #expect(schema.field(forHeading: heading)?.code == code, "heading \(heading)")
        }
    }

    @Test("Matching ignores case, spacing, diacritics, trailing punctuation and parenthesised parts")
    func lenientMatching() {
        for heading in [
            "ÄGANDE FÖRVALTNING", "agande forvaltning", "  Ägande   förvaltning: ", "Ägande förvaltning (namn)",
            "Ägande_förvaltning", "Ägande förvaltning*",
        ] {
            #expect(schema.field(forHeading: heading)?.kind == .ownerOrgUnit, "heading \(heading)")
        }
        #expect(schema.field(forHeading: "Kommentar") == nil)
        #expect(schema.field(forHeading: "Användare") == nil)  // too vague to guess: a count or a list of units?
    }

    @Test("No heading is claimed by two fields")
    func noHeadingConflicts() {
        #expect(schema.conflicts == [])
    }

    @Test("Every register field and every system role has a column; tenant roles don't")
    func schemaCoverage() {
        let codes = Set(schema.fields.map(\.code))
        for role in RoleCatalogue.standard {
            #expect(codes.contains("role.\(role.key)") == (role.scope == .system), "role \(role.key)")
        }
        #expect(codes.contains("role.systemforvaltare.ersattare"))
        #expect(schema.fields.count == 40 + 6 + 1)
        #expect(Set(schema.fields.map(\.code)).count == schema.fields.count)
    }

    @Test("The suggested mapping follows the headings and leaves unknown columns out")
    func suggested() {
        let mapping = ImportMapping.suggested(headers: ["Systemnamn", "Kommentar", "Förvaltning", ""])
        #expect(mapping.columns.map { $0.field?.code } == ["name", nil, "ownerOrgUnit", nil])
        #expect(mapping.columns[3].displayName == "Kolumn D")
        #expect(mapping.validate() == [])
    }

    @Test("A user's mapping overrides the suggestion, by code or by field label, and can ignore a column")
    func userMapping() {
        let suggested = ImportMapping.suggested(headers: ["Namn", "Ansvarig", "Förvaltning", "Anteckning"])
        let (mapping, issues) = suggested.overriding(with: [
            "Ansvarig": "role.systemforvaltare", "förvaltning": "ignore", "Anteckning": "Beskrivning",
        ])
        #expect(issues == [])
        #expect(mapping.columns.map { $0.field?.code } == ["name", "role.systemforvaltare", nil, "description"])
    }

    @Test("Mapping choices that name a missing column or an unknown field are reported")
    func badUserMapping() {
        let suggested = ImportMapping.suggested(headers: ["Namn", "Ägare"])
        let (_, issues) = suggested.overriding(with: ["Ägarn": "ownerOrgUnit", "Ägare": "owner"], headerLine: 3)
        #expect(issues.count == 2)
        #expect(issues.allSatisfy { $0.line == 3 && $0.field == "mapping" })
        #expect(issues.contains { $0.column == "Ägarn" && $0.message.sv.contains("ingen kolumn") })
        #expect(issues.contains { $0.column == "Ägare" && $0.message.sv.contains("\"owner\" är inget fält") })
    }

    @Test("The same field from two columns is an error naming both headings")
    func duplicatedField() throws {
        let mapping = ImportMapping.suggested(headers: ["Systemnamn", "Förvaltning", "Verksamhet"])
        let issues = mapping.validate(headerLine: 1)
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.field == "ownerOrgUnit")
        #expect(issue.column == "Verksamhet")
        #expect(issue.message.sv.contains("\"Förvaltning\""))
        #expect(issue.message.sv.contains("\"Verksamhet\""))
    }

    @Test("Without a name column the mapping is invalid")
    func nameRequired() {
        let issues = ImportMapping.suggested(headers: ["Förvaltning", "Kategori"]).validate(headerLine: 1)
        #expect(issues.map(\.field) == ["name"])
        #expect(issues.first?.text.sv.hasPrefix("Rad 1: ingen kolumn") == true)
    }

    @Test("Excel column letters")
    func columnLetters() {
        #expect(ImportMapping.columnLetters(0) == "A")
        #expect(ImportMapping.columnLetters(25) == "Z")
        #expect(ImportMapping.columnLetters(26) == "AA")
        #expect(ImportMapping.columnLetters(701) == "ZZ")
    }
}
