extension String {
    /// Swedish text as lower-case ASCII for e-mail addresses and slugs: å and ä become a, ö becomes o,
    /// é becomes e (and so on for the few other accents in names); anything else outside a–z, 0–9 and "-" becomes a hyphen.
    var asciiFolded: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "-": result.unicodeScalars.append(scalar)
            case "å", "ä", "á", "à", "â": result.append("a")
            case "ö", "ø", "ó", "ò", "ô": result.append("o")
            case "é", "è", "ê", "ë": result.append("e")
            case "ü", "ú": result.append("u")
            case "í", "ï": result.append("i")
            case "č", "ć", "ç": result.append("c")
            case "š": result.append("s")
            case "ž": result.append("z")
            case "ñ": result.append("n")
            default: result.append("-")
            }
        }
        return result
    }

    /// A URL slug: ASCII-folded, words joined by single hyphens ("Upplands Väsby" → "upplands-vasby").
    var slug: String {
        asciiFolded.split(separator: "-").joined(separator: "-")
    }
}

/// Swedish organisationsnummer: nine digits plus a Luhn check digit, written NNNNNN-NNNN.
enum OrganisationNumber {
    static func withCheckDigit(_ nineDigits: String) -> String {
        precondition(nineDigits.count == 9 && nineDigits.allSatisfy(\.isASCII))
        var sum = 0
        for (i, character) in nineDigits.enumerated() {
            let product = character.wholeNumberValue! * (i % 2 == 0 ? 2 : 1)
            sum += product > 9 ? product - 9 : product
        }
        let check = (10 - sum % 10) % 10
        return String(nineDigits.prefix(6)) + "-" + String(nineDigits.suffix(3)) + String(check)
    }
}
