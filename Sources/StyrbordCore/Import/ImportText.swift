import Foundation

/// How headings and cell values typed by people are compared: "Ägande förvaltning:" must find
/// "agande forvaltning" and "Ja, känsliga" must find "ja kansliga".
enum ImportText {
    /// Lower-cased, without diacritics (å/ä → a, ö → o, é → e), every run of punctuation or whitespace
    /// turned into one space. With `stripParentheses`, "(K)" and "(timmar)" are dropped first unless
    /// nothing else is left.
    static func key(_ text: String, stripParentheses: Bool = false) -> String {
        var source = text
        if stripParentheses {
            let stripped = removingParenthesised(text)
            if !stripped.trimmed.isEmpty { source = stripped }
        }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in source.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            let props = scalar.properties
            if props.generalCategory == .nonspacingMark { continue }
            if props.isAlphabetic || props.numericType != nil {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    static func removingParenthesised(_ text: String) -> String {
        var out = ""
        var depth = 0
        for ch in text {
            if ch == "(" {
                depth += 1
            } else if ch == ")" && depth > 0 {
                depth -= 1
            } else if depth == 0 {
                out.append(ch)
            }
        }
        return out
    }

    /// A label as it reads inside a sentence: "Konfidentialitet (K)" → "konfidentialitet", while
    /// "NIS2" and "AI risk class" keep their capitals.
    static func inSentence(_ label: String) -> String {
        let chars = Array(removingParenthesised(label).trimmed)
        guard chars.count > 1, chars[0].isUppercase, chars[1].isLowercase else { return String(chars) }
        return chars[0].lowercased() + String(chars.dropFirst())
    }

    /// Excel lists use "-" for "nothing here"; such a cell is treated as empty.
    static func isPlaceholder(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0 == "-" || $0 == "–" || $0 == "—" || $0.isWhitespace }
    }

    /// Splits a list cell (see `ListText.split`).
    static func list(_ text: String, splitOnCommas: Bool = true) -> [String] {
        ListText.split(text, onCommas: splitOnCommas)
    }
}

/// The words accepted for the cases of one closed vocabulary: the stable code, both labels and the
/// synonyms municipalities actually write. Keys compare as `ImportText.key`.
struct ValueVocabulary<Value: Hashable & Sendable>: Sendable {
    private(set) var lookup: [String: Value] = [:]
    /// Words claimed by two different cases; a test keeps this empty.
    private(set) var conflicts: [String] = []
    /// What the error message offers as valid input.
    let suggestions: [String]

    init(_ words: [(Value, [String])], suggestions: [String]) {
        self.suggestions = suggestions
        for (value, list) in words {
            for word in list {
                for key in [ImportText.key(word), ImportText.key(word, stripParentheses: true)] where !key.isEmpty {
                    if let existing = lookup[key], existing != value {
                        conflicts.append(word)
                    } else {
                        lookup[key] = value
                    }
                }
            }
        }
    }

    func value(for text: String) -> Value? {
        lookup[ImportText.key(text)] ?? lookup[ImportText.key(text, stripParentheses: true)]
    }
}

extension ValueVocabulary where Value: LabelledValue {
    /// Code, Swedish and English label of every case, plus `synonyms`.
    init(_ type: Value.Type, synonyms: [Value: [String]] = [:]) {
        let words = Value.allCases.map { value in
            (value, [value.rawValue, value.label.sv, value.label.en] + (synonyms[value] ?? []))
        }
        self.init(words, suggestions: Value.allCases.map(\.label.sv))
    }
}

/// The words for yes and no in a spreadsheet column ("X" marks yes in many lists).
enum YesNo {
    static let yes = ["ja", "j", "x", "yes", "y", "1", "sant", "true"]
    static let no = ["nej", "n", "no", "0", "falskt", "false"]
}

/// The vocabularies of the system register as a municipality writes them in Excel.
enum ImportVocabulary {
    static let bool = ValueVocabulary<Bool>([(true, YesNo.yes), (false, YesNo.no)], suggestions: ["Ja", "Nej"])

    static let category = ValueVocabulary(
        SystemCategory.self,
        synonyms: [
            .common: [
                "Gemensamt", "Gemensam", "Kommungemensam", "Kommungemensamt system", "Gemensamt system",
                "Kommunövergripande", "Övergripande", "Common",
            ],
            .business: [
                "Verksamhet", "Verksamhetsspecifik", "Verksamhetsspecifikt", "Verksamhetsspecifikt system",
                "Business",
            ],
        ])

    static let systemType = ValueVocabulary(
        SystemType.self,
        synonyms: [
            .support: ["Stöd", "Support"],
            .infrastructure: ["Infra", "Infrastructure"],
            .platform: ["Platform"],
            .eService: ["Etjänst", "E-tjänster", "E-service"],
        ])

    static let lifecycle = ValueVocabulary(
        LifecycleStatus.self,
        synonyms: [
            .planned: ["Planerat", "Plan", "Upphandling", "Under upphandling", "Kommande"],
            .implementing: ["Införande", "Implementering", "Under implementering", "Pilot"],
            .inProduction: ["Drift", "Produktion", "I produktion", "Aktiv", "Aktivt", "Används", "I bruk", "Live"],
            .decommissioning: ["Avvecklas", "Ska avvecklas", "Utfasning", "Under utfasning", "Fasas ut"],
            .decommissioned: [
                "Avvecklat", "Avslutad", "Avslutat", "Ur drift", "Inaktiv", "Inaktivt", "Nedlagd",
                "Nedlagt",
            ],
        ])

    /// "Nej" in a "Verksamhetskritisk" column means "not singled out", which is the default level,
    /// not a claim that the system matters little.
    static let criticality = ValueVocabulary(
        Criticality.self,
        synonyms: [
            .low: ["L", "Ej kritisk", "Inte kritisk"],
            .medium: ["M", "Mellan", "Normal", "Måttlig", "Nej", "N", "No"],
            .high: ["H", "Verksamhetskritisk", "Verksamhetskritiskt", "Ja", "J", "X", "Yes"],
            .critical: ["Mycket hög", "Samhällsviktig"],
        ])

    static let operationMode = ValueVocabulary(
        OperationMode.self,
        synonyms: [
            .inHouse: [
                "Egen", "Eget", "Intern", "Internt", "Intern drift", "Lokal", "Lokalt", "On-prem", "On premise",
                "On premises", "IT-avdelningen", "Egen server", "Egna servrar",
            ],
            .external: [
                "Extern", "Externt", "Leverantör", "Leverantörsdrift", "Driftpartner", "Outsourcad",
                "Outsourcat", "Hostad", "Hostat", "Hosting", "Hosted",
            ],
            .cloud: ["Moln", "Molnet", "SaaS", "PaaS", "IaaS", "Cloud", "Molnbaserad", "Molnbaserat"],
        ])

    static let personalData = ValueVocabulary(
        PersonalDataLevel.self,
        synonyms: [
            .none: ["Inga", "Ingen", "Nej, inga"] + YesNo.no,
            .personal: ["Vanliga", "Ja, vanliga", "Ja, personuppgifter", "Ja (ej känsliga)"] + YesNo.yes,
            .sensitive: [
                "Känsliga", "Ja, känsliga", "Ja känsliga", "Ja, känsliga personuppgifter",
                "Särskilda kategorier", "Ja, särskilda kategorier", "Art. 9", "Sensitive",
            ],
        ])

    static let legalBasis = ValueVocabulary(
        LegalBasis.self,
        synonyms: [
            .consent: ["6.1 a", "6.1a", "Art. 6.1 a"],
            .contract: ["6.1 b", "6.1b", "Art. 6.1 b"],
            .legalObligation: ["Lag", "Lagkrav", "Rättsligt krav", "6.1 c", "6.1c", "Art. 6.1 c"],
            .vitalInterests: ["Vitalt intresse", "6.1 d", "6.1d", "Art. 6.1 d"],
            .publicTask: ["Uppgift av allmänt intresse", "Allmänintresse", "6.1 e", "6.1e", "Art. 6.1 e"],
            .publicAuthority: ["Myndighetsutövning (6.1 e)"],
            .legitimateInterests: ["6.1 f", "6.1f", "Art. 6.1 f"],
        ])

    static let processorAgreement = ValueVocabulary(
        ProcessorAgreementStatus.self,
        synonyms: [
            .notNeeded: [
                "Behövs ej", "Ej aktuellt", "Inte aktuellt", "Ej tillämpligt", "Ej relevant", "E/T", "N/A",
                "Ej behov",
            ],
            .missing: ["Ej tecknat", "Inte tecknat", "Nej, saknas"] + YesNo.no,
            .inPlace: ["Tecknat", "Tecknad", "Klart", "Signerat", "Påskrivet", "Ja, finns"] + YesNo.yes,
        ])

    static let nis2 = ValueVocabulary(
        Nis2Applicability.self,
        synonyms: [
            .notAssessed: ["Ej bedömt", "Inte bedömd", "Okänt", "Vet ej", "Ej klart"],
            .notCovered: ["Omfattas ej", "Ej"] + YesNo.no,
            .important: ["Viktig", "Viktig verksamhet", "Ja, viktig", "Important"],
            .essential: ["Väsentlig", "Väsentlig verksamhet", "Ja, väsentlig", "Essential"],
        ])

    static let aiRiskClass = ValueVocabulary(
        AIRiskClass.self,
        synonyms: [
            .notAssessed: ["Ej bedömt", "Inte bedömd", "Okänt", "Vet ej"],
            .minimal: ["Minimal risk"],
            .limited: ["Begränsad", "Begränsad risk", "Transparenskrav"],
            .high: ["Hög", "Hög risk"],
            .prohibited: ["Oacceptabel", "Förbjuden", "Oacceptabel risk"],
        ])

    /// Level names without their number, for cells like "Måttlig" or "2 - Måttlig".
    static let levelNames = ValueVocabulary<ClassificationLevel>(
        [
            (.l0, ["Försumbar", "Negligible", "Ingen"]), (.l1, ["Låg", "Low"]), (.l2, ["Måttlig", "Moderate"]),
            (.l3, ["Allvarlig", "Serious", "Hög"]), (.l4, ["Mycket allvarlig", "Very serious", "Mycket hög"]),
        ], suggestions: ClassificationLevel.allCases.map(\.label.sv))

    /// Every vocabulary, by name, so a test can prove none of them claims a word twice.
    static var conflicts: [String: [String]] {
        [
            "bool": bool.conflicts, "category": category.conflicts, "systemType": systemType.conflicts,
            "lifecycle": lifecycle.conflicts, "criticality": criticality.conflicts,
            "operationMode": operationMode.conflicts, "personalData": personalData.conflicts,
            "legalBasis": legalBasis.conflicts, "processorAgreement": processorAgreement.conflicts,
            "nis2": nis2.conflicts, "aiRiskClass": aiRiskClass.conflicts, "levelNames": levelNames.conflicts,
        ].filter { !$0.value.isEmpty }
    }
}

/// Parses the cell types that are not a closed vocabulary. A failure carries the message for the user.
enum CellParser {
    static func day(_ text: String) -> Result<CalendarDay, LocalizedFailure> {
        let t = text.trimmed
        // Excel writes dates with a time when the cell was formatted as date and time: keep the day.
        let datePart = t.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? t
        let rest = String(t.dropFirst(datePart.count)).trimmed
        if !rest.isEmpty, !isTimeOfDay(rest) { return .failure(notADate(t)) }

        let digits = datePart.allSatisfy { $0.isASCII && $0.isNumber }
        if digits && datePart.count == 8 {
            let y = Int(datePart.prefix(4))!
            let m = Int(datePart.dropFirst(4).prefix(2))!
            let d = Int(datePart.suffix(2))!
            return CalendarDay(year: y, month: m, day: d).map { .success($0) } ?? .failure(noSuchDay(t))
        }
        let parts = datePart.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return .failure(notADate(t)) }
        guard parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 else {
            // 3/4/2024 is 3 April in Sweden and 4 March in the US: refuse to guess.
            return .failure(
                LocalizedFailure(
                    sv: "\"\(t)\" kan läsas som olika datum. Skriv datum som åååå-mm-dd, till exempel 2024-04-03.",
                    en: "\"\(t)\" can be read as different dates. Write dates as yyyy-mm-dd, for example 2024-04-03."))
        }
        return CalendarDay(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
            .map { .success($0) } ?? .failure(noSuchDay(t))
    }

    private static func isTimeOfDay(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return false }
        let numbers = parts.enumerated().map { i, p -> Int? in
            let whole = i == 2 ? String(p.split(separator: ".").first ?? "") : String(p)  // seconds may have a fraction
            guard (1...2).contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(whole)
        }
        guard let h = numbers[0], let m = numbers[1], h < 24, m < 60 else { return false }
        return parts.count == 2 || (numbers[2].map { $0 < 60 } ?? false)
    }

    private static func notADate(_ t: String) -> LocalizedFailure {
        LocalizedFailure(
            sv: "\"\(t)\" är inget datum. Skriv datum som åååå-mm-dd, till exempel 2024-04-03.",
            en: "\"\(t)\" is not a date. Write dates as yyyy-mm-dd, for example 2024-04-03.")
    }

    private static func noSuchDay(_ t: String) -> LocalizedFailure {
        LocalizedFailure(sv: "Datumet \(t) finns inte i kalendern.", en: "The date \(t) does not exist.")
    }

    /// A whole number as Swedish Excel shows it: "1 200" with a space, no-break space, narrow no-break
    /// space or thin space between thousands, optionally followed by one of `units` ("24 h").
    static func integer(_ text: String, units: [String] = []) -> Int? {
        var t = text.trimmed.lowercased()
        for unit in units.sorted(by: { $0.count > $1.count }) where t.hasSuffix(unit) {
            t = String(t.dropLast(unit.count))
            break
        }
        let digits = t.filter { !($0.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "\u{2009}") }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// KLASSA levels as lists write them: "2", "K2", "Nivå 2", "2 - Måttlig", "Måttlig".
    static func level(_ text: String) -> Result<ClassificationLevel, LocalizedFailure> {
        var tokens = ImportText.key(text, stripParentheses: true).split(separator: " ").map(String.init)
        if let first = tokens.first, ["niva", "klass", "k", "r", "t", "s"].contains(first), tokens.count > 1 {
            tokens.removeFirst()
        }
        if let first = tokens.first, first.count == 2, "krts".contains(first.first!), first.last!.isNumber {
            tokens[0] = String(first.last!)
        }
        let invalid = LocalizedFailure(
            sv:
                "\"\(text.trimmed)\" är ingen klassningsnivå. Ange en nivå 0–4 enligt KLASSA, till exempel 2 eller \"2 – Måttlig\".",
            en:
                "\"\(text.trimmed)\" is not a classification level. Give a level 0–4 as in KLASSA, for example 2 or \"2 – Moderate\"."
        )
        guard let first = tokens.first else { return .failure(invalid) }
        if first.allSatisfy(\.isNumber) {
            guard let n = Int(first), let level = ClassificationLevel(rawValue: n) else { return .failure(invalid) }
            let rest = tokens.dropFirst().joined(separator: " ")
            if !rest.isEmpty, let named = ImportVocabulary.levelNames.value(for: rest), named != level {
                return .failure(
                    LocalizedFailure(
                        sv: "\"\(text.trimmed)\" säger både nivå \(n) och \(named.label.sv). Ange en av dem.",
                        en: "\"\(text.trimmed)\" says both level \(n) and \(named.label.en). Give one of them."))
            }
            return .success(level)
        }
        return ImportVocabulary.levelNames.value(for: text).map { .success($0) } ?? .failure(invalid)
    }
}

/// A parse failure with its user-facing message.
struct LocalizedFailure: Error, Sendable {
    var message: Localized
    init(sv: String, en: String) { message = Localized(sv: sv, en: en) }
}
