import Foundation
import Testing

@testable import StyrbordCore

@Suite struct CSVWriterTests {
    @Test("Output is UTF-8 with BOM, semicolons and CRLF")
    func format() {
        var writer = CSVWriter()
        writer.appendRow(["Systemnamn", "Ägande förvaltning"])
        writer.appendRow(["Lön", "KS"])
        #expect(writer.bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(
            String(decoding: writer.bytes.dropFirst(3), as: UTF8.self) == "Systemnamn;Ägande förvaltning\r\nLön;KS\r\n")
    }

    @Test("Fields with a delimiter, quote, line break or edge spaces are quoted")
    func quoting() {
        #expect(CSVWriter.cell("a;b") == "\"a;b\"")
        #expect(CSVWriter.cell("säger \"hej\"") == "\"säger \"\"hej\"\"\"")
        #expect(CSVWriter.cell("rad 1\r\nrad 2") == "\"rad 1\nrad 2\"")
        #expect(CSVWriter.cell(" inledande") == "\" inledande\"")
        #expect(CSVWriter.cell("avslutande ") == "\"avslutande \"")
        #expect(CSVWriter.cell("a,b") == "a,b")
        #expect(CSVWriter.cell("a,b", delimiter: .comma) == "\"a,b\"")
        #expect(CSVWriter.cell("Lön") == "Lön")
    }

    @Test("Cells that a spreadsheet would run as a formula get a leading apostrophe")
    func formulaInjection() {
        #expect(CSVWriter.cell("=HYPERLINK(\"http://evil\")") == "\"'=HYPERLINK(\"\"http://evil\"\")\"")
        #expect(CSVWriter.cell("+46 8 123") == "'+46 8 123")
        #expect(CSVWriter.cell("-2+3") == "'-2+3")
        #expect(CSVWriter.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.cell("\tcmd") == "'\tcmd")
        #expect(CSVWriter.cell("\rcmd") == "\"'\ncmd\"")
        #expect(CSVWriter.cell("a=b") == "a=b")
        #expect(CSVWriter.cell("E-post") == "E-post")
    }

    @Test("The importer removes the guard again, and only the guard")
    func guardRemoval() {
        #expect(CSV.removingFormulaGuard("'=1+1") == "=1+1")
        #expect(CSV.removingFormulaGuard("'-5") == "-5")
        #expect(CSV.removingFormulaGuard("'citat'") == "'citat'")
        #expect(CSV.removingFormulaGuard("'") == "'")
    }

    @Test("What the writer writes, the parser reads back unchanged")
    func writeThenParse() throws {
        let rows = [
            ["Namn", "Text"], ["=cmd|' /C calc'!A0", "rad 1\nrad 2"], ["\"citat\"; semikolon", " kant "],
            ["-1", "@x"],
        ]
        var writer = CSVWriter()
        rows.forEach { writer.appendRow($0) }
        let table = try CSV.table(TextDecoding.decode(writer.bytes).text)
        let read = table.rows.map { $0.fields.map(CSV.removingFormulaGuard) }
        #expect(table.headers == rows[0])
        #expect(read == Array(rows.dropFirst()))
    }
}
