import Foundation

/// The text encodings a municipality's spreadsheet export arrives in, as detected from its bytes.
public enum TextEncoding: String, LabelledValue {
    case utf8 = "utf-8"
    case utf8WithBOM = "utf-8-bom"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
    case windows1252 = "windows-1252"

    public var label: Localized {
        switch self {
        case .utf8: Localized(sv: "UTF-8", en: "UTF-8")
        case .utf8WithBOM: Localized(sv: "UTF-8 med BOM", en: "UTF-8 with BOM")
        case .utf16LittleEndian: Localized(sv: "UTF-16 (Excels ”Unicode-text”)", en: "UTF-16 (Excel's “Unicode text”)")
        case .utf16BigEndian: Localized(sv: "UTF-16 big-endian", en: "UTF-16 big-endian")
        case .windows1252: Localized(sv: "Windows-1252 (äldre Excel)", en: "Windows-1252 (older Excel)")
        }
    }
}

/// Text decoded from a file, with the encoding it was found to be in.
public struct DecodedText: Sendable, Hashable {
    public var text: String
    public var encoding: TextEncoding

    public init(text: String, encoding: TextEncoding) {
        self.text = text
        self.encoding = encoding
    }
}

/// Turns the bytes of an uploaded file into text without asking the user which encoding it has.
///
/// Order: a byte-order mark decides; then text that is valid UTF-8 is UTF-8 (Windows-1252 text with
/// any letter outside ASCII is almost never valid UTF-8); everything else is Windows-1252, which
/// Swedish Excel writes for "CSV (semikolonavgränsad)". Windows-1252 is decoded from our own table
/// because Foundation's support for it differs between macOS and Linux.
public enum TextDecoding {
    public static func decode(_ data: Data) -> DecodedText {
        decode([UInt8](data))
    }

    public static func decode(_ bytes: [UInt8]) -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return DecodedText(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), encoding: .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return DecodedText(text: utf16(bytes.dropFirst(2), littleEndian: true), encoding: .utf16LittleEndian)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return DecodedText(text: utf16(bytes.dropFirst(2), littleEndian: false), encoding: .utf16BigEndian)
        }
        // Text never contains NUL, so an ASCII letter next to a zero byte is UTF-16 whose BOM was lost
        // (valid UTF-8 otherwise, and the table would be full of NULs).
        if bytes.count >= 2 {
            if bytes[0] != 0 && bytes[1] == 0 {
                return DecodedText(text: utf16(bytes[...], littleEndian: true), encoding: .utf16LittleEndian)
            }
            if bytes[0] == 0 && bytes[1] != 0 {
                return DecodedText(text: utf16(bytes[...], littleEndian: false), encoding: .utf16BigEndian)
            }
        }
        if isValidUTF8(bytes) {
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8)
        }
        return DecodedText(text: windows1252(bytes), encoding: .windows1252)
    }

    /// True when every byte sequence is well-formed UTF-8 (no overlongs, no surrogates).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Code points for 0x80–0x9F, where Windows-1252 differs from Latin-1. The five bytes the code page
    /// leaves undefined map to the C1 control of the same value, as the WHATWG encoding standard does.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80–87
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88–8F
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90–97
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98–9F
    ]

    public static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)  // every table entry is a valid scalar
        }
        return String(scalars)
    }

    /// An odd trailing byte and unpaired surrogates become U+FFFD rather than failing the whole file.
    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 + 1)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        if index < bytes.endIndex { units.append(0xFFFD) }
        return String(decoding: units, as: UTF16.self)
    }
}
