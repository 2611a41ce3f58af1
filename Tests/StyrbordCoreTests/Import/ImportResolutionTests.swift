import Foundation
import Testing

@testable import StyrbordCore

@Suite struct ImportResolutionTests {
    /// Ids 00000000-0000-0000-0000-0000000000NN, so that expectations can name them.
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    /// Hands out ids from 100 up, as the app's pinned UUID generator would in a test.
    final class IDSequence: @unchecked Sendable {
        var next = 100
        func make() -> UUID {
            defer { next += 1 }
            return ImportResolutionTests.id(next)
        }
    }

    let directory = ImportDirectory(
        orgUnits: [
            .orgUnit(id: id(1), name: "Socialförvaltningen", shortName: "SOC"),
            .orgUnit(id: id(2), name: "Kommunstyrelsens förvaltning", shortName: "KS"),
            .orgUnit(id: id(3), name: "Barn- och utbildningsförvaltningen", shortName: "BUF"),
        ],
        managementObjects: [.init(id: id(11), name: "Vård och omsorg"), .init(id: id(12), name: "Ekonomi")],
        suppliers: [.init(id: id(21), name: "Tieto Evry"), .init(id: id(22), name: "CGI")],
        persons: [
            .person(id: id(31), name: "Eva Ek", email: "eva.ek@exempel.se"),
            .person(id: id(32), name: "Karin Lindqvist", email: "karin.lindqvist@exempel.se"),
            .person(id: id(33), name: "Per Ståhl", email: "per.stal@exempel.se"),
            .person(id: id(34), name: "Anna Berg", email: "anna.berg@exempel.se"),
            .person(id: id(35), name: "Anna Berg", email: "anna.berg2@exempel.se"),
        ],
        systems: [.init(id: id(41), name: "Raindance")])

    @Test("Names resolve to ids; unknown suppliers and persons are planned as new, once each")
    func excelFixture() throws {
        let preview = SystemImporter().prepare(try FixtureFile.bytes("systemlista-excel-utf8-bom.csv"))
        let ids = IDSequence()
        let plan = preview.resolve(using: directory, makeID: ids.make)
        #expect(plan.issues == [])
        #expect(plan.canImport)
        #expect(plan.systems.count == 3)

        let procapita = plan.systems[0]
        #expect(procapita.draft.ownerOrgUnitId == Self.id(1))
        #expect(procapita.draft.managementObjectId == Self.id(11))
        #expect(procapita.draft.supplierId == Self.id(21))
        #expect(procapita.draft.operatorSupplierId == Self.id(21))
        #expect(procapita.existingSystemId == nil)
        #expect(procapita.roles.map(\.personId) == [Self.id(32), Self.id(100), Self.id(101)])
        #expect(procapita.roles.map(\.holding) == [.primary, .primary, .deputy])

        let raindance = plan.systems[1]
        #expect(raindance.draft.ownerOrgUnitId == Self.id(2))  // "KS" is the short name
        #expect(raindance.draft.userOrgUnitIds == [Self.id(3), Self.id(1)])
        #expect(raindance.existingSystemId == Self.id(41))
        #expect(raindance.roles.map(\.personId) == [Self.id(31), Self.id(33)])  // by name, by e-mail

        #expect(plan.newSuppliers.map(\.name) == ["Microsoft"])
        #expect(plan.newSuppliers.first?.firstLine == 6)
        #expect(plan.systems[2].draft.supplierId == plan.newSuppliers.first?.id)
        #expect(plan.newPersons.map(\.name) == ["Jonas Berg", "Maria Öberg", "Lars Holm", "Sara Nyström"])
        #expect(plan.newPersons.map(\.email) == ["", "", "lars.holm@exempel.se", ""])
        #expect(plan.newPersons.map(\.firstLine) == [2, 2, 6, 6])
    }

    @Test("An unknown org unit is an error naming line, column and value")
    func unknownOrgUnit() {
        var lines = ["Systemnamn;Förvaltning"]
        for i in 2...13 { lines.append("System \(i);KS") }
        lines.append("Kulturportalen;Kultur")
        let plan = SystemImporter().prepare(Array(lines.joined(separator: "\r\n").utf8)).resolve(using: directory)
        #expect(!plan.canImport)
        #expect(plan.issues.count == 1)
        #expect(
            plan.issues.first?.text.sv.hasPrefix(
                "Rad 14, kolumn \"Förvaltning\": det finns ingen organisationsenhet som heter \"Kultur\"") == true)
        #expect(plan.issues.first?.field == "ownerOrgUnit")
    }

    @Test("Every unresolved reference is reported, not just the first")
    func allIssues() {
        let text = """
            Systemnamn;Förvaltning;Används av;Förvaltningsobjekt;Systemägare;Systemförvaltare
            Lön;Kultur;KS, Fritid;Okänt objekt;Anna Berg;Socialförvaltningen
            Diarium;KS;;;anna.berg2@exempel.se;Nils Ny
            """
        let plan = SystemImporter().prepare(Array(text.utf8)).resolve(using: directory)
        let places = plan.issues.map { "\($0.line) \($0.column ?? "-") \($0.field)" }
        #expect(
            places == [
                "2 Förvaltning ownerOrgUnit", "2 Används av userOrgUnits", "2 Förvaltningsobjekt managementObject",
                "2 Systemägare role.systemagare", "2 Systemförvaltare role.systemforvaltare",
            ])
        #expect(plan.issues[3].message.sv.contains("e-postadressen"))  // two Anna Berg
        #expect(plan.issues[4].message.sv.contains("är en organisationsenhet, inte en person"))
        #expect(plan.systems[1].roles.map(\.personId).first == Self.id(35))
        #expect(plan.newPersons.map(\.name) == ["Nils Ny"])
        #expect(!plan.canImport)
    }

    @Test("Preview issues carry over into the plan, sorted by line")
    func previewIssuesKept() {
        let text = "Systemnamn;Förvaltning;Kategori\nA;Kultur;Fel\nB;KS;Verksamhet\nA;KS;Verksamhet\n"
        let plan = SystemImporter().prepare(Array(text.utf8)).resolve(using: directory)
        #expect(plan.issues.map(\.line) == [2, 2, 4])
        #expect(plan.issues.map(\.field) == ["category", "ownerOrgUnit", "name"])
    }

    @Test("Lookups ignore case and diacritics, but an exact name wins")
    func lookups() {
        let dir = ImportDirectory(orgUnits: [
            .init(id: Self.id(1), name: "Kultur"), .init(id: Self.id(2), name: "Kúltur"),
            .init(id: Self.id(3), name: "Socialförvaltningen"),
        ])
        #expect(dir.orgUnit(named: "kultur") == .one(Self.id(1)))
        #expect(dir.orgUnit(named: "Kúltur") == .one(Self.id(2)))
        #expect(dir.orgUnit(named: "KULTÜR") == .ambiguous(count: 2))
        #expect(dir.orgUnit(named: "socialforvaltningen") == .one(Self.id(3)))
        #expect(dir.orgUnit(named: "Fritid") == .none)
    }

    @Test("The same new person named by e-mail on two rows is created once")
    func newPersonDeduplicated() {
        let text = "Systemnamn;Systemägare;Systemförvaltare\nA;Ny@Exempel.se;\nB;;ny@exempel.se\n"
        let ids = IDSequence()
        let plan = SystemImporter().prepare(Array(text.utf8)).resolve(using: directory, makeID: ids.make)
        #expect(plan.newPersons.count == 1)
        #expect(plan.newPersons.first?.name == "Ny@Exempel.se")
        #expect(plan.systems.map { $0.roles.first?.personId } == [Self.id(100), Self.id(100)])
    }
}
