import Foundation
import Testing

@testable import StyrbordCore

@Suite struct TextDecodingTests {
    @Test("A UTF-8 BOM is detected and stripped")
    func utf8WithBOM() {
        let decoded = TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Systemägare".utf8))
        #expect(decoded.encoding == .utf8WithBOM)
        #expect(decoded.text == "Systemägare")
        #expect(decoded.text.unicodeScalars.first != "\u{FEFF}")
    }

    @Test("Valid UTF-8 without a BOM is UTF-8")
    func plainUTF8() {
        let decoded = TextDecoding.decode(Array("Förvaltning;Åtgärd".utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == "Förvaltning;Åtgärd")
    }

    @Test("Windows-1252 bytes decode with the 0x80–0x9F table and Latin-1 above")
    func windows1252() {
        // "Ägare – Öberg € “x” Š" as Swedish Excel writes it: Ä=C4, en dash=96, Ö=D6, €=80, “=93, ”=94, Š=8A.
        let bytes: [UInt8] = [
            0xC4, 0x67, 0x61, 0x72, 0x65, 0x20, 0x96, 0x20, 0xD6, 0x62, 0x65, 0x72, 0x67, 0x20,
            0x80, 0x20, 0x93, 0x78, 0x94, 0x20, 0x8A, 0x20, 0xE5, 0xE4, 0xF6,
        ]
        let decoded = TextDecoding.decode(bytes)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text == "Ägare – Öberg € “x” Š åäö")
    }

    @Test("Every byte 0x80–0x9F maps to its code point, undefined ones to C1 controls")
    func windows1252Table() {
        let decoded = TextDecoding.windows1252(Array(0x80...0x9F))
        let scalars = decoded.unicodeScalars.map(\.value)
        #expect(scalars.count == 32)
        #expect(scalars[0x00] == 0x20AC)  // €
        #expect(scalars[0x01] == 0x81)  // undefined
        #expect(scalars[0x0A] == 0x160)  // Š
        #expect(scalars[0x16] == 0x2013)  // –
        #expect(scalars[0x17] == 0x2014)  // —
        #expect(scalars[0x1F] == 0x178)  // Ÿ
    }

    @Test("UTF-16 LE and BE with a BOM, as Excel's Unicode text")
    func utf16() throws {
        let text = "System\tFörvaltning\r\n"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(TextDecoding.decode(le) == DecodedText(text: text, encoding: .utf16LittleEndian))
        #expect(TextDecoding.decode(be) == DecodedText(text: text, encoding: .utf16BigEndian))
    }

    @Test("UTF-16 LE that lost its BOM is still recognised by its zero bytes")
    func utf16WithoutBOM() {
        let le: [UInt8] = "Namn;Kö".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = TextDecoding.decode(le)
        #expect(decoded.encoding == .utf16LittleEndian)
        #expect(decoded.text == "Namn;Kö")
    }

    @Test("Malformed UTF-8 sequences are rejected by the validator")
    func utf8Validation() {
        #expect(TextDecoding.isValidUTF8(Array("åäö €".utf8)))
        #expect(!TextDecoding.isValidUTF8([0xE5]))  // Windows-1252 å
        #expect(!TextDecoding.isValidUTF8([0xC0, 0xAF]))  // overlong "/"
        #expect(!TextDecoding.isValidUTF8([0xED, 0xA0, 0x80]))  // surrogate
    }

    @Test("The encoding has a label in both languages")
    func labels() {
        #expect(TextEncoding.windows1252.label.sv.contains("Windows-1252"))
        #expect(TextEncoding.utf8WithBOM.label.en == "UTF-8 with BOM")
    }
}
