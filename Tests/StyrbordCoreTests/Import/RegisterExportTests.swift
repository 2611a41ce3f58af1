import Foundation
import Testing

@testable import StyrbordCore

@Suite struct RegisterExportTests {
    /// A system with every exportable field set, and text that tests the CSV format's edges.
    static let full = SystemExportRow(
        draft: ITSystemDraft(
            name: "Procapita", aliases: ["IFO-systemet", "PC, gamla"],
            description: "Individ- och familjeomsorg; \"akter\"\n-5 % kostnad nästa år", category: .business,
            systemType: .eService, lifecycleStatus: .decommissioning,
            plannedStartOn: CalendarDay(year: 2011, month: 6, day: 1),
            productionStartOn: CalendarDay(year: 2012, month: 3, day: 1),
            decommissionPlannedOn: CalendarDay(year: 2026, month: 12, day: 31), criticality: .critical,
            operationMode: .external, product: "Lifecare", version: "=4.2", userCount: 1200,
            classification: .init(
                confidentiality: .l3, integrity: .l2, availability: .l4, traceability: .l0,
                classifiedOn: CalendarDay(year: 2024, month: 1, day: 10),
                validUntil: CalendarDay(year: 2027, month: 1, day: 10)),
            personalData: .init(
                level: .sensitive, purpose: "Handläggning av ärenden", legalBasis: .publicAuthority,
                dataSubjectCategories: ["Klienter", "Anhöriga, närstående"], processorAgreement: .inPlace,
                processorAgreementRef: "KS 2023/114", retention: "Gallras efter 5 år"),
            nis2: .important, ai: .init(usesAI: true, riskClass: .limited), backup: .init(rpoHours: 24, rtoHours: 8),
            documentationLinks: [
                .init(title: "Dokumentation", url: "https://intranat.exempel.se/procapita"),
                .init(title: "Dokumentation", url: "https://wiki.exempel.se/ifo?x=1,2"),
            ],
            tags: ["ifo", "socialtjänst"]),
        ownerOrgUnit: "Socialförvaltningen", userOrgUnits: ["Kultur, fritid och turism", "KS"],
        managementObject: "Vård och omsorg", supplier: "Tieto Evry", operatorSupplier: "@Hosting AB",
        roleHolders: [
            .init(roleKey: RoleCatalogue.systemOwner, person: "Karin Lindqvist"),
            .init(roleKey: RoleCatalogue.systemManager, person: "Berg, Jonas"),
            .init(roleKey: RoleCatalogue.systemManager, person: "Ali Hassan"),
            .init(roleKey: RoleCatalogue.systemManager, holding: .deputy, person: "maria.oberg@exempel.se"),
            .init(roleKey: RoleCatalogue.operationsResponsible, person: "Lars Holm <lars.holm@exempel.se>"),
        ])

    static let minimal = SystemExportRow(draft: ITSystemDraft(name: "Lönesystemet", category: .common))

    @Test("Every heading of the systems export is one the importer maps back to the same field")
    func headingsRecognised() {
        for language in UILanguage.allCases {
            let headings = RegisterExport.systemHeadings(language: language)
            let mapping = ImportMapping.suggested(headers: headings)
            #expect(
                mapping.columns.map { $0.field?.code } == SystemImportSchema.standard.fields.map(\.code), "\(language)")
            #expect(mapping.validate() == [])
        }
    }

    @Test("Export → import round-trips every field, in both languages")
    func roundTrip() throws {
        for language in UILanguage.allCases {
            let bytes = RegisterExport.systemsCSV([Self.full, Self.minimal], language: language)
            let preview = SystemImporter().prepare(bytes)
            #expect(preview.issues == [], "\(language)")
            #expect(preview.encoding == .utf8WithBOM)
            #expect(preview.rows.count == 2)
            guard preview.rows.count == 2 else { continue }
            #expect(preview.rows[0].draft == Self.full.draft.normalized(), "\(language)")
            #expect(preview.rows[1].draft == Self.minimal.draft.normalized(), "\(language)")

            let row = preview.rows[0]
            #expect(row.ownerOrgUnit?.name == "Socialförvaltningen")
            #expect(row.userOrgUnits.map(\.name) == ["Kultur, fritid och turism", "KS"])
            #expect(row.managementObject?.name == "Vård och omsorg")
            #expect(row.supplier?.name == "Tieto Evry")
            #expect(row.operatorSupplier?.name == "@Hosting AB")
            let exported = Self.full.roleHolders.map { "\($0.roleKey)/\($0.holding.rawValue)=\($0.person)" }
            #expect(row.roleHolders.map { "\($0.roleKey)/\($0.holding.rawValue)=\($0.displayName)" } == exported)
        }
    }

    @Test("Cells that could run as formulas are guarded in the file")
    func formulaGuardInFile() {
        let text = String(decoding: RegisterExport.systemsCSV([Self.full]).dropFirst(3), as: UTF8.self)
        #expect(text.contains(";'=4.2;"))
        #expect(text.contains(";'@Hosting AB;"))
        #expect(!text.contains(";=4.2;"))
    }

    @Test("The roles report lists each assignment with Swedish labels")
    func rolesCSV() throws {
        let bytes = RegisterExport.rolesCSV([
            RoleExportRow(
                scopeName: "Procapita", scope: .system,
                roleName: Localized(sv: "Systemförvaltare", en: "System manager"),
                holding: .deputy, personName: "Maria Öberg", personEmail: "maria.oberg@exempel.se",
                validFrom: CalendarDay(year: 2024, month: 1, day: 1)!, decisionReference: "=SOC 2024/12")
        ])
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let table = try CSV.table(TextDecoding.decode(bytes).text)
        #expect(table.headers.first == "Gäller för")
        #expect(
            table.rows.first?.fields == [
                "Procapita", "System", "Systemförvaltare", "Ersättare", "Maria Öberg", "maria.oberg@exempel.se",
                "2024-01-01", "", "'=SOC 2024/12",
            ])
    }

    @Test("The integrations export names both ends and the kind in the chosen language")
    func integrationsCSV() throws {
        let draft = IntegrationDraft(
            sourceSystemId: UUID(), targetSystemId: nil, kind: .file, information: "Löneunderlag; månadsvis",
            frequency: .monthly, externalParty: "Skatteverket")
        let bytes = RegisterExport.integrationsCSV(
            [IntegrationExportRow(draft: draft, sourceSystem: "Lön")], language: .en)
        let table = try CSV.table(TextDecoding.decode(bytes).text)
        #expect(
            table.headers == [
                "From system", "To system", "External party", "Kind", "Information", "Frequency", "Description",
            ])
        #expect(
            table.rows.first?.fields == [
                "Lön", "", "Skatteverket", "File transfer", "Löneunderlag; månadsvis", "Monthly", "",
            ])
    }
}
