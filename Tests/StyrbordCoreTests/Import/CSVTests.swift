import Foundation
import Testing

@testable import StyrbordCore

@Suite struct CSVTests {
    @Test("Quoted fields keep delimiters, doubled quotes and line breaks")
    func quotedFields() throws {
        let text = "Namn;Beskrivning\r\n\"Lex; diarium\";\"Säger \"\"hej\"\"\r\npå två rader\"\r\n"
        let table = try CSV.table(text)
        #expect(table.delimiter == .semicolon)
        #expect(table.headers == ["Namn", "Beskrivning"])
        #expect(table.rows.map(\.fields) == [["Lex; diarium", "Säger \"hej\"\npå två rader"]])
    }

    @Test("Each row keeps the physical line it starts on, across multi-line fields and blank rows")
    func lineNumbers() throws {
        let text = "A;B\n1;\"x\ny\nz\"\n\n;;\n2;w\r3;v\r\n"
        let table = try CSV.table(text)
        #expect(table.headerLine == 1)
        #expect(table.rows.map(\.line) == [2, 7, 8])  // "z\"" ends line 4; line 5 is empty, line 6 only ";;"
        #expect(table.rows.map { $0.fields[0] } == ["1", "2", "3"])
    }

    @Test("CR, LF and CRLF line ends all end a row")
    func lineEnds() throws {
        for end in ["\r\n", "\n", "\r"] {
            let table = try CSV.table(["Namn", "A", "B"].joined(separator: end))
            #expect(table.rows.map(\.fields) == [["A"], ["B"]], "line end \(end.debugDescription)")
            #expect(table.rows.map(\.line) == [2, 3])
        }
    }

    @Test("The delimiter is detected from the heading row, ignoring delimiters inside quotes")
    func delimiterDetection() throws {
        #expect(CSV.detectDelimiter(in: "\"Namn, alias\";Förvaltning;Kategori\nx,y,z,w,v") == .semicolon)
        #expect(CSV.detectDelimiter(in: "Namn,\"Ägare; förvaltning\",Kategori") == .comma)
        #expect(CSV.detectDelimiter(in: "Namn\tÄgare\tKategori") == .tab)
        #expect(CSV.detectDelimiter(in: "Namn") == .semicolon)
        #expect(try CSV.table("Namn,Kategori\nA,B").rows.first?.fields == ["A", "B"])
    }

    @Test("Excel's sep= hint line sets the delimiter and is not the heading row")
    func separatorHint() throws {
        let table = try CSV.table("sep=,\r\nNamn,Kategori;x\r\nA,B;y\r\n")
        #expect(table.delimiter == .comma)
        #expect(table.headers == ["Namn", "Kategori;x"])
        #expect(table.headerLine == 2)
        #expect(table.rows.first?.line == 3)
    }

    @Test("Trailing delimiters and a trailing empty line are tolerated; short rows are padded")
    func tolerance() throws {
        let table = try CSV.table("Namn;Kategori;;\nA;B;;\nC\n\n")
        #expect(table.headers == ["Namn", "Kategori"])
        #expect(table.rows.map(\.fields) == [["A", "B"], ["C", ""]])
    }

    @Test("Text in an extra column is kept so that the importer can report it")
    func extraValuesKept() throws {
        let table = try CSV.table("Namn;Kategori\nA;B;oops\n")
        #expect(table.rows.first?.fields == ["A", "B", "oops"])
    }

    @Test("An unterminated quote is an error at the line where the quote opened")
    func unterminatedQuote() {
        #expect(throws: CSVError.self) { try CSV.table("Namn;Beskr\nA;ok\nB;\"aldrig\nstängd\n") }
        do {
            _ = try CSV.table("Namn;Beskr\nA;ok\nB;\"aldrig\nstängd\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.sv.contains("rad 3"))
        }
    }

    @Test("Text after a closing quote is an error naming the line; spaces are allowed")
    func textAfterClosingQuote() throws {
        #expect(try CSV.table("Namn;B\n\"A\"  ;x\n").rows.first?.fields == ["A", "x"])
        do {
            _ = try CSV.table("Namn;B\n\"A\"x;y\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
        }
    }

    @Test("A quote inside an unquoted field is kept as text, as Excel does")
    func strayQuote() throws {
        #expect(try CSV.table("Namn;Skärm\nA;24\" skärm\n").rows.first?.fields == ["A", "24\" skärm"])
    }

    @Test("An empty file is an error")
    func emptyFile() {
        #expect(throws: CSVError.self) { try CSV.table("\r\n;;\r\n") }
    }

    @Test("The Swedish Excel fixture parses with its BOM, CRLF, blank row and multi-line cell")
    func excelFixture() throws {
        let decoded = TextDecoding.decode(try FixtureFile.bytes("systemlista-excel-utf8-bom.csv"))
        #expect(decoded.encoding == .utf8WithBOM)
        let table = try CSV.table(decoded.text)
        #expect(table.delimiter == .semicolon)
        #expect(table.headers.count == 23)
        #expect(table.headers.first == "Systemnamn")
        #expect(table.headers[4] == "Ägande förvaltning")
        #expect(table.rows.map(\.line) == [2, 4, 6])
        #expect(table.rows[0].fields[2] == "Verksamhetssystem för individ- och familjeomsorg.\nInnehåller personakter.")
        #expect(table.rows.allSatisfy { $0.fields.count == 23 })
    }

    @Test("The comma fixture keeps commas, newlines and doubled quotes inside quoted fields")
    func commaFixture() throws {
        let decoded = TextDecoding.decode(try FixtureFile.bytes("systemlista-komma.csv"))
        #expect(decoded.encoding == .utf8)
        let table = try CSV.table(decoded.text)
        #expect(table.delimiter == .comma)
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(table.rows[0].fields[0] == "Lex, diarium")
        #expect(
            table.rows[0].fields[1]
                == "Diarie- och ärendehanteringssystem, \"Lex\" i dagligt tal\nanvänds av alla förvaltningar")
        #expect(table.rows[1].fields[1] == "Lärplattform för \"grundskola\", gymnasium")
        #expect(table.rows[1].fields[4] == "Acme, Inc.")
    }
}
