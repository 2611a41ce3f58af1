import Foundation
import Testing

@testable import StyrbordCore

@Suite struct SystemImportTests {
    let importer = SystemImporter()

    func prepare(_ text: String, userMapping: [String: String] = [:]) -> SystemImportPreview {
        importer.prepare(Array(text.utf8), userMapping: userMapping)
    }

    @Test("A Swedish Excel export (UTF-8 BOM, semicolons, CRLF, åäö headings) becomes drafts and references")
    func excelFixture() throws {
        let preview = importer.prepare(try FixtureFile.bytes("systemlista-excel-utf8-bom.csv"))
        #expect(preview.issues == [])
        #expect(preview.encoding == .utf8WithBOM)
        #expect(preview.delimiter == .semicolon)
        #expect(preview.mapping.columns.allSatisfy { $0.field != nil })
        #expect(preview.skippedLines == [])  // line 5 is ";;;…", dropped by the CSV reader already
        #expect(preview.rows.map(\.line) == [2, 4, 6])

        let procapita = preview.rows[0]
        #expect(procapita.draft.name == "Procapita")
        #expect(procapita.draft.aliases == ["IFO-systemet"])
        #expect(
            procapita.draft.description == "Verksamhetssystem för individ- och familjeomsorg.\nInnehåller personakter.")
        #expect(procapita.draft.category == .business)
        #expect(procapita.ownerOrgUnit == NameReference(name: "Socialförvaltningen", column: "Ägande förvaltning"))
        #expect(procapita.managementObject?.name == "Vård och omsorg")
        #expect(procapita.draft.lifecycleStatus == .inProduction)
        #expect(procapita.draft.productionStartOn == CalendarDay(year: 2012, month: 3, day: 1))
        #expect(procapita.draft.criticality == .high)
        #expect(procapita.draft.operationMode == .external)
        #expect(procapita.operatorSupplier?.name == "Tieto Evry")
        #expect(procapita.supplier?.name == "Tieto Evry")
        #expect(procapita.draft.userCount == 1200)
        #expect(procapita.draft.classification.confidentiality == .l3)
        #expect(procapita.draft.classification.integrity == .l2)
        #expect(procapita.draft.classification.availability == .l3)
        #expect(procapita.draft.personalData.level == .sensitive)
        #expect(procapita.draft.personalData.legalBasis == .publicAuthority)
        #expect(procapita.draft.personalData.processorAgreement == .inPlace)
        #expect(
            procapita.roleHolders.map { "\($0.roleKey)/\($0.holding.rawValue)=\($0.displayName)" } == [
                "systemagare/ordinarie=Karin Lindqvist", "systemforvaltare/ordinarie=Jonas Berg",
                "systemforvaltare/ersattare=Maria Öberg",
            ])
        #expect(procapita.draft.ownerOrgUnitId == nil)

        let raindance = preview.rows[1]
        #expect(raindance.draft.aliases == ["Ekonomisystemet", "RD"])
        #expect(raindance.draft.category == .common)
        #expect(raindance.userOrgUnits.map(\.name) == ["Barn- och utbildningsförvaltningen", "Socialförvaltningen"])
        #expect(raindance.draft.productionStartOn == CalendarDay(year: 2008, month: 1, day: 1))
        #expect(raindance.draft.criticality == .critical)
        #expect(raindance.draft.operationMode == .inHouse)
        #expect(raindance.operatorSupplier == nil)
        #expect(raindance.draft.classification.confidentiality == .l2)
        #expect(raindance.draft.classification.integrity == .l3)
        #expect(raindance.draft.personalData.level == .personal)
        #expect(raindance.draft.personalData.legalBasis == .legalObligation)
        #expect(raindance.roleHolders.last?.email == "per.stal@exempel.se")

        let office = preview.rows[2]
        #expect(office.draft.aliases == ["M365", "Microsoft 365"])
        #expect(office.draft.productionStartOn == CalendarDay(year: 2019, month: 1, day: 15))
        #expect(office.draft.operationMode == .cloud)
        #expect(office.draft.userCount == 2400)
        #expect(office.draft.personalData.legalBasis == .publicTask)
        #expect(office.roleHolders[1].name == "Lars Holm")
        #expect(office.roleHolders[1].email == "lars.holm@exempel.se")
    }

    @Test("A Windows-1252 file from older Excel reads å, ö and the en dash")
    func windows1252File() {
        // "Systemnamn;Förvaltning;Beskrivning\r\nLön;KS;Lön – månadslön\r\n" in Windows-1252.
        var bytes = Array("Systemnamn;F".utf8) + [0xF6] + Array("rvaltning;Beskrivning\r\nL".utf8) + [0xF6]
        bytes += Array("n;KS;L".utf8) + [0xF6] + Array("n ".utf8) + [0x96] + Array(" m".utf8) + [0xE5]
        bytes += Array("nadsl".utf8) + [0xF6] + Array("n\r\n".utf8)
        let preview = importer.prepare(bytes)
        #expect(preview.encoding == .windows1252)
        #expect(preview.issues == [])
        #expect(preview.mapping.columns.map { $0.field?.code } == ["name", "ownerOrgUnit", "description"])
        #expect(preview.rows.first?.draft.name == "Lön")
        #expect(preview.rows.first?.draft.description == "Lön – månadslön")
    }

    @Test("A comma file with quoted commas, line breaks and doubled quotes")
    func commaFixture() throws {
        let preview = importer.prepare(try FixtureFile.bytes("systemlista-komma.csv"))
        #expect(preview.issues == [])
        #expect(preview.delimiter == .comma)
        #expect(preview.rows.map(\.line) == [2, 4])
        let lex = preview.rows[0]
        #expect(lex.draft.name == "Lex, diarium")
        #expect(
            lex.draft.description
                == "Diarie- och ärendehanteringssystem, \"Lex\" i dagligt tal\nanvänds av alla förvaltningar")
        #expect(lex.draft.category == .common)
        #expect(lex.supplier?.name == "Formpipe Software AB")
        #expect(lex.draft.tags == ["diarium", "ärende"])
        #expect(preview.rows[1].supplier?.name == "Acme, Inc.")
        #expect(preview.rows[1].draft.category == .business)
    }

    @Test("Excel's Unicode text (UTF-16 LE, tabs)")
    func utf16Fixture() throws {
        let preview = importer.prepare(try FixtureFile.bytes("systemlista-unicode-text.txt"))
        #expect(preview.encoding == .utf16LittleEndian)
        #expect(preview.delimiter == .tab)
        #expect(preview.issues == [])
        #expect(preview.rows.map(\.draft.name) == ["Timecare", "Hypergene"])
        #expect(preview.rows.map(\.draft.personalData.level) == [.personal, PersonalDataLevel.none])
        #expect(preview.rows.map(\.draft.classification.confidentiality) == [.l2, .l1])
        #expect(preview.rows[0].ownerOrgUnit?.name == "Socialförvaltningen")
    }

    @Test("Broken rows report every problem with its line and column, and the import is refused")
    func brokenRows() {
        let preview = prepare(
            """
            Systemnamn;Kategori;Driftstart;Förvaltning;Konfidentialitet (K);Antal användare
            Lön;Kultur;3/4/2024;KS;K9;många
            Diarium;Kommungemensamt;2024-01-01;KS;2;10
            diarium;Verksamhet;;KS;;
            ;Verksamhet;;;;
            Sprängt;Verksamhet;2024-01-01;KS;;;extra

            """)
        #expect(preview.hasErrors)
        let places = preview.issues.map { "\($0.line) \($0.column ?? "-") \($0.field)" }
        #expect(
            places == [
                "2 Kategori category", "2 Driftstart productionStartOn", "2 Konfidentialitet (K) confidentiality",
                "2 Antal användare userCount", "4 Systemnamn name", "5 Systemnamn name", "6 Kolumn G row",
            ])
        let texts = preview.issues.map(\.text.sv)
        #expect(
            texts[0]
                == "Rad 2, kolumn \"Kategori\": \"Kultur\" är inget giltigt värde för kategori. Giltiga värden: Kommungemensamt, Verksamhetssystem."
        )
        #expect(texts[1].contains("åååå-mm-dd"))
        #expect(texts[4].contains("rad 3"))
        #expect(preview.issues[5].message.sv == "Ange namn.")
    }

    @Test("Messages name the field as it reads in a sentence and list the valid values")
    func valueMessages() {
        let preview = prepare("Systemnamn;Behandlar personuppgifter;NIS2\nLön;Kanske;Ja\n")
        #expect(
            preview.issues.map(\.message.sv) == [
                "\"Kanske\" är inget giltigt värde för personuppgifter. Giltiga värden: Inga personuppgifter, Personuppgifter, Känsliga personuppgifter.",
                "\"Ja\" är inget giltigt värde för NIS2. Giltiga värden: Ej bedömd, Omfattas inte, Omfattas – viktig verksamhet, Omfattas – väsentlig verksamhet.",
            ])
    }

    @Test("Draft validation issues land on the column of the field they concern")
    func draftValidationMapped() {
        let preview = prepare(
            """
            Systemnamn;Status;Avvecklingsdatum;Driftform;Driftpartner;Dokumentation
            Gamla lönen;I drift;2020-01-01;Egen drift;Tieto;intranät/lön
            """)
        let places = preview.issues.map { "\($0.line) \($0.column ?? "-") \($0.field)" }
        #expect(
            places == [
                "2 Avvecklingsdatum decommissionedOn", "2 Driftpartner operator", "2 Dokumentation documentationLink",
            ])
    }

    @Test("Empty cells are inferred from their neighbours; written values never are")
    func inference() {
        let preview = prepare(
            """
            Systemnamn;Driftpartner;Avvecklingsdatum;Riskklass AI
            Gamla lönen;Tieto;2020-01-01;Hög risk
            """)
        #expect(preview.issues == [])
        let draft = preview.rows[0].draft
        #expect(draft.operationMode == .external)
        #expect(draft.lifecycleStatus == .decommissioned)
        #expect(draft.ai.usesAI)
        #expect(draft.category == .business)
    }

    @Test("Rows empty in every mapped column are skipped, even with text in ignored columns")
    func skipping() {
        let preview = prepare(
            """
            Systemnamn;Kommentar;Förvaltning
            Lön;;KS
            ;bara en kommentar;
            -;;–
            Diarium;;KS
            """)
        #expect(preview.issues == [])
        #expect(preview.skippedLines == [3, 4])
        #expect(preview.rows.map(\.draft.name) == ["Lön", "Diarium"])
    }

    @Test("A user's mapping is applied before the rows are read")
    func userMapping() {
        let text = "Namn;Ansvarig;Ägare\nLön;Anna Berg;KS\n"
        let preview = prepare(text, userMapping: ["Ansvarig": "role.systemforvaltare", "Ägare": "ownerOrgUnit"])
        #expect(preview.issues == [])
        #expect(preview.rows[0].roleHolders.first?.roleKey == RoleCatalogue.systemManager)
        #expect(preview.rows[0].ownerOrgUnit?.name == "KS")
        #expect(prepare(text).rows[0].roleHolders.isEmpty)
    }

    @Test("A mapping error stops the rows from being read")
    func mappingErrorStops() {
        let preview = prepare("Systemnamn;Förvaltning;Verksamhet\nLön;KS;Kultur\n")
        #expect(preview.rows.isEmpty)
        #expect(preview.issues.map(\.field) == ["ownerOrgUnit"])
    }

    @Test("A file that isn't CSV is reported as one issue with its line")
    func unreadableFile() {
        let preview = prepare("Systemnamn;Beskrivning\nLön;\"aldrig stängd\n")
        #expect(preview.delimiter == nil)
        #expect(preview.issues.map(\.line) == [2])
        #expect(preview.issues.first?.field == "file")
    }

    @Test("Several people in one role cell, one per line or separated by semicolons")
    func severalHolders() {
        let preview = prepare("Systemnamn;Teknisk systemförvaltare\nLön;\"Berg, Anna\nOlle Ek; eva@kommun.se\"\n")
        #expect(preview.rows[0].roleHolders.map(\.displayName) == ["Berg, Anna", "Olle Ek", "eva@kommun.se"])
    }

    @Test("Our own formula guard is removed on import")
    func formulaGuardRemoved() {
        let preview = prepare("Systemnamn;Beskrivning\nLön;'-5 % kostnad\n")
        #expect(preview.rows[0].draft.description == "-5 % kostnad")
    }

    @Test("Role cells give a name, an e-mail or both")
    func roleHolders() {
        func parse(_ s: String) -> RoleHolderReference {
            RoleHolderReference(roleKey: "systemagare", holding: .primary, cell: s, column: "Systemägare")
        }
        #expect(parse("Anna Berg").name == "Anna Berg")
        #expect(parse("Anna Berg").email == nil)
        #expect(parse("anna.berg@kommun.se").email == "anna.berg@kommun.se")
        #expect(parse("anna.berg@kommun.se").name == nil)
        let both = parse("Anna Berg <anna.berg@kommun.se>")
        #expect(both.name == "Anna Berg")
        #expect(both.email == "anna.berg@kommun.se")
        #expect(parse("Anna Berg (anna.berg@kommun.se)").email == "anna.berg@kommun.se")
        #expect(parse("Anna Berg (IT)").name == "Anna Berg (IT)")
    }
}
