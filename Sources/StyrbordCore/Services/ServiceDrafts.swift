import Foundation

/// How a service of the tjänstekatalog is priced (T7: cost defined and followed up).
public enum PriceModel: String, LabelledValue {
    case perUserMonth = "per-anvandare-manad"
    case perSystemYear = "per-system-ar"
    case fixedYear = "fast-per-ar"
    case fixedMonth = "fast-per-manad"
    case perHour = "per-timme"

    public var label: Localized {
        switch self {
        case .perUserMonth: Localized(sv: "Per användare och månad", en: "Per user and month")
        case .perSystemYear: Localized(sv: "Per system och år", en: "Per system and year")
        case .fixedYear: Localized(sv: "Fast pris per år", en: "Fixed price per year")
        case .fixedMonth: Localized(sv: "Fast pris per månad", en: "Fixed price per month")
        case .perHour: Localized(sv: "Per timme", en: "Per hour")
        }
    }
}

/// The four priorities an agreement gives response and resolution times for (P1 most urgent).
public enum IncidentPriority: String, CaseIterable, Sendable, Hashable, Codable {
    case p1 = "P1", p2 = "P2", p3 = "P3", p4 = "P4"
}

extension ServiceHours {
    /// The form the API and the database use: `always`, or `weekdays HH:MM-HH:MM` in Swedish time.
    public var code: String {
        switch self {
        case .always: return "always"
        case .weekdays(let opens, let closes):
            func time(_ m: Int) -> String { String(format: "%02d:%02d", m / 60, m % 60) }
            return "weekdays \(time(opens))-\(time(closes))"
        }
    }

    /// Reads `code`; nil for anything else, including a closing time not after the opening time.
    public init?(code raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text == "always" {
            self = .always
            return
        }
        guard text.hasPrefix("weekdays ") else { return nil }
        let parts = text.dropFirst("weekdays ".count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let opens = Self.minutes(parts[0]), let closes = Self.minutes(parts[1]),
            opens < closes
        else { return nil }
        self = .weekdays(opens: opens, closes: closes)
    }

    /// "07:00" → 420; "24:00" is the end of the day.
    static func minutes(_ text: Substring) -> Int? {
        let hm = text.split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2, hm[0].count == 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]),
            hm[0].allSatisfy(\.isASCII), hm[1].allSatisfy(\.isASCII), (0...24).contains(h), (0...59).contains(m),
            h < 24 || m == 0
        else { return nil }
        return h * 60 + m
    }

    /// The JSON Schema pattern for `code`.
    public static let codePattern = "^(always|weekdays ([01][0-9]|2[0-4]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9])$"
}

/// Availability targets are kept in hundredths of a per cent (99.5 % is 9950), so they compare exactly.
public enum AvailabilityTarget {
    public static func hundredths(_ percent: Double) -> Int { Int((percent * 100).rounded()) }
    public static func percent(_ hundredths: Int) -> Double { Double(hundredths) / 100 }

    /// "99,5 %" in Swedish, "99.5 %" in English.
    public static func format(_ percent: Double, _ lang: UILanguage = .sv, decimals: Int = 2) -> String {
        var text = String(format: "%.\(decimals)f", percent)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return (lang == .sv ? text.replacingOccurrences(of: ".", with: ",") : text) + " %"
    }

    static func check(_ percent: Double, field: String, _ v: inout Validator) {
        if !percent.isFinite || percent < 0 || percent > 100 {
            v.add(
                field, sv: "Ange tillgängligheten i procent, 0–100 (till exempel 99,5).",
                en: "Enter the availability in per cent, 0–100 (for example 99.5).")
        }
    }
}

private func checkPrice(_ price: Money?, model: PriceModel?, _ v: inout Validator) {
    guard let price else { return }
    if price.amountMinor < 0 || price.amountMinor > 100_000_000_000_00 {
        v.add(
            "price", sv: "Ange ett belopp mellan 0 och 100 miljarder kronor.",
            en: "Enter an amount between 0 and 100 billion kronor.")
    }
    if price.currency != "SEK" {
        v.add("price", sv: "Belopp anges i svenska kronor (SEK).", en: "Amounts are in Swedish kronor (SEK).")
    }
    if model == nil {
        v.add("priceModel", sv: "Ange hur priset räknas.", en: "Choose how the price is counted.")
    }
}

/// A service of the IT unit's tjänstekatalog (T7/T8): what it is, its price and how the price is counted.
public struct ServiceDraft: RecordDraft, Hashable, Codable {
    public var name: String
    public var description: String
    public var price: Money?
    public var priceModel: PriceModel?

    public init(name: String, description: String = "", price: Money? = nil, priceModel: PriceModel? = nil) {
        self.name = name
        self.description = description
        self.price = price
        self.priceModel = priceModel
    }

    enum CodingKeys: String, CodingKey { case name, description, price, priceModel }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        price = try c.decodeIfPresent(Money.self, forKey: .price)
        priceModel = try c.decodeIfPresent(PriceModel.self, forKey: .priceModel)
    }

    public func normalized() -> ServiceDraft {
        ServiceDraft(name: name.trimmed, description: description.trimmed, price: price, priceModel: priceModel)
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(name, field: "name", label: Localized(sv: "Tjänst", en: "Service"), max: 200)
        v.limit(description, field: "description", label: Localized(sv: "Beskrivning", en: "Description"), max: 5_000)
        checkPrice(price, model: priceModel, &v)
        return v.issues
    }
}

/// A level of a service (Bas, Standard, Plus …) with its own availability target, service hours and
/// support hours.
public struct ServiceLevelDraft: RecordDraft, Hashable, Codable {
    public var name: String
    public var availabilityPercent: Double
    /// `ServiceHours.code`: kept as written, so that a wrong one is a field's error.
    public var serviceHours: String
    public var supportHours: String
    public var description: String

    public init(
        name: String, availabilityPercent: Double, serviceHours: ServiceHours = .always,
        supportHours: ServiceHours = .officeHours, description: String = ""
    ) {
        self.name = name
        self.availabilityPercent = availabilityPercent
        self.serviceHours = serviceHours.code
        self.supportHours = supportHours.code
        self.description = description
    }

    enum CodingKeys: String, CodingKey { case name, availabilityPercent, serviceHours, supportHours, description }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        availabilityPercent = try c.decode(Double.self, forKey: .availabilityPercent)
        serviceHours = try c.decode(String.self, forKey: .serviceHours)
        supportHours = try c.decode(String.self, forKey: .supportHours)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
    }

    public var service: ServiceHours { ServiceHours(code: serviceHours) ?? .always }
    public var support: ServiceHours { ServiceHours(code: supportHours) ?? .officeHours }

    public func normalized() -> ServiceLevelDraft {
        var copy = self
        copy.name = name.trimmed
        copy.description = description.trimmed
        if availabilityPercent.isFinite {
            copy.availabilityPercent = AvailabilityTarget.percent(AvailabilityTarget.hundredths(availabilityPercent))
        }
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(name, field: "name", label: Localized(sv: "Nivå", en: "Level"), max: 100)
        v.limit(description, field: "description", label: Localized(sv: "Beskrivning", en: "Description"), max: 2_000)
        AvailabilityTarget.check(availabilityPercent, field: "availabilityPercent", &v)
        checkHours(serviceHours, field: "serviceHours", &v)
        checkHours(supportHours, field: "supportHours", &v)
        return v.issues
    }
}

/// Hours are kept as written and checked here: a wrong code is a field's error, not an unreadable request.
private func checkHours(_ code: String, field: String, _ v: inout Validator) {
    if ServiceHours(code: code) == nil {
        v.add(
            field,
            sv:
                "Ange tiderna som dygnet runt eller vardagar med öppnings- och stängningstid (till exempel 07:00–17:00).",
            en:
                "Give the hours as around the clock or weekdays with opening and closing times (for example 07:00–17:00)."
        )
    }
}

/// Response and resolution times for one priority, in minutes.
public struct PriorityTimes: Sendable, Hashable, Codable {
    public var responseMinutes: Int?
    public var resolutionMinutes: Int?

    public init(responseMinutes: Int? = nil, resolutionMinutes: Int? = nil) {
        self.responseMinutes = responseMinutes
        self.resolutionMinutes = resolutionMinutes
    }

    /// A year: no agreement promises anything slower.
    public static let maxMinutes = 525_600
}

/// An agreement on service level (SLA, driftavtal) for one system between its systemägare and the
/// driftpartner: a supplier of the register or, when `supplierId` is nil, the IT unit itself (D7, T8).
public struct AgreementDraft: RecordDraft, Hashable, Codable {
    public var systemId: UUID
    /// The catalogue's level the agreement uses; nil for an agreement outside the catalogue.
    public var serviceLevelId: UUID?
    /// The systemägare who signs for the business (D2).
    public var ownerPersonId: UUID
    /// The driftpartner; nil: the municipality's own IT unit.
    public var supplierId: UUID?
    public var availabilityPercent: Double
    /// `ServiceHours.code`, as for a level.
    public var serviceHours: String
    public var supportHours: String
    /// Planned maintenance counts as downtime (off: announced maintenance windows do not count).
    public var plannedMaintenanceCounts: Bool
    public var times: [IncidentPriority: PriorityTimes]
    public var responsibilities: String
    public var price: Money?
    public var priceModel: PriceModel?
    public var validFrom: CalendarDay
    public var validTo: CalendarDay?
    public var noticePeriodMonths: Int?

    public init(
        systemId: UUID, serviceLevelId: UUID? = nil, ownerPersonId: UUID, supplierId: UUID? = nil,
        availabilityPercent: Double, serviceHours: ServiceHours = .always, supportHours: ServiceHours = .officeHours,
        plannedMaintenanceCounts: Bool = false, times: [IncidentPriority: PriorityTimes] = [:],
        responsibilities: String = "", price: Money? = nil, priceModel: PriceModel? = nil, validFrom: CalendarDay,
        validTo: CalendarDay? = nil, noticePeriodMonths: Int? = nil
    ) {
        self.systemId = systemId
        self.serviceLevelId = serviceLevelId
        self.ownerPersonId = ownerPersonId
        self.supplierId = supplierId
        self.availabilityPercent = availabilityPercent
        self.serviceHours = serviceHours.code
        self.supportHours = supportHours.code
        self.plannedMaintenanceCounts = plannedMaintenanceCounts
        self.times = times
        self.responsibilities = responsibilities
        self.price = price
        self.priceModel = priceModel
        self.validFrom = validFrom
        self.validTo = validTo
        self.noticePeriodMonths = noticePeriodMonths
    }

    enum CodingKeys: String, CodingKey {
        case systemId, serviceLevelId, ownerPersonId, supplierId, availabilityPercent, serviceHours, supportHours
        case plannedMaintenanceCounts, responsibilities, price, priceModel, validFrom, validTo, noticePeriodMonths
        case p1ResponseMinutes, p1ResolutionMinutes, p2ResponseMinutes, p2ResolutionMinutes
        case p3ResponseMinutes, p3ResolutionMinutes, p4ResponseMinutes, p4ResolutionMinutes
    }

    private static func keys(_ p: IncidentPriority) -> (CodingKeys, CodingKeys) {
        switch p {
        case .p1: (.p1ResponseMinutes, .p1ResolutionMinutes)
        case .p2: (.p2ResponseMinutes, .p2ResolutionMinutes)
        case .p3: (.p3ResponseMinutes, .p3ResolutionMinutes)
        case .p4: (.p4ResponseMinutes, .p4ResolutionMinutes)
        }
    }

    /// The API's field names of a priority's two times.
    public static func fieldNames(_ p: IncidentPriority) -> (response: String, resolution: String) {
        let (a, b) = keys(p)
        return (a.stringValue, b.stringValue)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        systemId = try c.decode(UUID.self, forKey: .systemId)
        serviceLevelId = try c.decodeIfPresent(UUID.self, forKey: .serviceLevelId)
        ownerPersonId = try c.decode(UUID.self, forKey: .ownerPersonId)
        supplierId = try c.decodeIfPresent(UUID.self, forKey: .supplierId)
        availabilityPercent = try c.decode(Double.self, forKey: .availabilityPercent)
        serviceHours = try c.decode(String.self, forKey: .serviceHours)
        supportHours = try c.decode(String.self, forKey: .supportHours)
        plannedMaintenanceCounts = try c.decodeIfPresent(Bool.self, forKey: .plannedMaintenanceCounts) ?? false
        responsibilities = try c.decodeIfPresent(String.self, forKey: .responsibilities) ?? ""
        price = try c.decodeIfPresent(Money.self, forKey: .price)
        priceModel = try c.decodeIfPresent(PriceModel.self, forKey: .priceModel)
        validFrom = try c.decode(CalendarDay.self, forKey: .validFrom)
        validTo = try c.decodeIfPresent(CalendarDay.self, forKey: .validTo)
        noticePeriodMonths = try c.decodeIfPresent(Int.self, forKey: .noticePeriodMonths)
        times = [:]
        for p in IncidentPriority.allCases {
            let (response, resolution) = Self.keys(p)
            let t = PriorityTimes(
                responseMinutes: try c.decodeIfPresent(Int.self, forKey: response),
                resolutionMinutes: try c.decodeIfPresent(Int.self, forKey: resolution))
            if t != PriorityTimes() { times[p] = t }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(systemId, forKey: .systemId)
        try c.encodeIfPresent(serviceLevelId, forKey: .serviceLevelId)
        try c.encode(ownerPersonId, forKey: .ownerPersonId)
        try c.encodeIfPresent(supplierId, forKey: .supplierId)
        try c.encode(availabilityPercent, forKey: .availabilityPercent)
        try c.encode(serviceHours, forKey: .serviceHours)
        try c.encode(supportHours, forKey: .supportHours)
        try c.encode(plannedMaintenanceCounts, forKey: .plannedMaintenanceCounts)
        try c.encode(responsibilities, forKey: .responsibilities)
        try c.encodeIfPresent(price, forKey: .price)
        try c.encodeIfPresent(priceModel, forKey: .priceModel)
        try c.encode(validFrom, forKey: .validFrom)
        try c.encodeIfPresent(validTo, forKey: .validTo)
        try c.encodeIfPresent(noticePeriodMonths, forKey: .noticePeriodMonths)
        for p in IncidentPriority.allCases {
            let (response, resolution) = Self.keys(p)
            try c.encodeIfPresent(times[p]?.responseMinutes, forKey: response)
            try c.encodeIfPresent(times[p]?.resolutionMinutes, forKey: resolution)
        }
    }

    public func normalized() -> AgreementDraft {
        var copy = self
        copy.responsibilities = responsibilities.trimmed
        if availabilityPercent.isFinite {
            copy.availabilityPercent = AvailabilityTarget.percent(AvailabilityTarget.hundredths(availabilityPercent))
        }
        copy.times = times.filter { $0.value != PriorityTimes() }
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        AvailabilityTarget.check(availabilityPercent, field: "availabilityPercent", &v)
        checkHours(serviceHours, field: "serviceHours", &v)
        checkHours(supportHours, field: "supportHours", &v)
        v.limit(
            responsibilities, field: "responsibilities",
            label: Localized(sv: "Ansvarsfördelning", en: "Responsibilities"), max: 10_000)
        for p in IncidentPriority.allCases {
            let (responseField, resolutionField) = Self.fieldNames(p)
            let t = times[p] ?? PriorityTimes()
            for (field, value) in [(responseField, t.responseMinutes), (resolutionField, t.resolutionMinutes)] {
                if let value, !(1...PriorityTimes.maxMinutes).contains(value) {
                    v.add(
                        field, sv: "Ange tiden i minuter, 1–\(PriorityTimes.maxMinutes).",
                        en: "Enter the time in minutes, 1–\(PriorityTimes.maxMinutes).")
                }
            }
            if let response = t.responseMinutes, let resolution = t.resolutionMinutes, resolution < response,
                response <= PriorityTimes.maxMinutes
            {
                v.add(
                    resolutionField, sv: "Åtgärdstiden för \(p.rawValue) kan inte vara kortare än svarstiden.",
                    en: "The resolution time for \(p.rawValue) can't be shorter than the response time.")
            }
        }
        checkPrice(price, model: priceModel, &v)
        if let validTo, validTo < validFrom {
            v.add(
                "validTo", sv: "Avtalet kan inte upphöra före det börjar gälla (\(validFrom)).",
                en: "The agreement can't end before it starts (\(validFrom)).")
        }
        if let months = noticePeriodMonths, !(0...120).contains(months) {
            v.add(
                "noticePeriodMonths", sv: "Ange uppsägningstiden i månader, 0–120.",
                en: "Enter the notice period in months, 0–120.")
        }
        return v.issues
    }

    public var service: ServiceHours { ServiceHours(code: serviceHours) ?? .always }
    public var support: ServiceHours { ServiceHours(code: supportHours) ?? .officeHours }

    /// The agreement is in force on `day`.
    public func isValid(on day: CalendarDay) -> Bool { validFrom <= day && (validTo.map { day <= $0 } ?? true) }

    /// The last day to give notice so that the agreement ends on `validTo`; nil without an end.
    public var noticeDeadline: CalendarDay? {
        guard let validTo else { return nil }
        return validTo.advanced(byMonths: -(noticePeriodMonths ?? 0))
    }
}

/// An outage (avbrott) of a system: from `startsAt` to `endsAt` (nil while it goes on), planned or not.
public struct OutageDraft: RecordDraft, Hashable, Codable {
    public var systemId: UUID
    public var startsAt: Date
    public var endsAt: Date?
    public var isPlanned: Bool
    public var description: String

    public init(systemId: UUID, startsAt: Date, endsAt: Date? = nil, isPlanned: Bool = false, description: String = "")
    {
        self.systemId = systemId
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.isPlanned = isPlanned
        self.description = description
    }

    enum CodingKeys: String, CodingKey { case systemId, startsAt, endsAt, isPlanned, description }

    /// Instants are read as RFC 3339 text, with or without fractions of a second. One that can't be read
    /// becomes the distant past, which `validate()` refuses with a message naming the field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        systemId = try c.decode(UUID.self, forKey: .systemId)
        startsAt = Self.instant(try c.decode(String.self, forKey: .startsAt)) ?? .distantPast
        endsAt = try c.decodeIfPresent(String.self, forKey: .endsAt).map { Self.instant($0) ?? .distantPast }
        isPlanned = try c.decodeIfPresent(Bool.self, forKey: .isPlanned) ?? false
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(systemId, forKey: .systemId)
        try c.encode(Self.text(startsAt), forKey: .startsAt)
        try c.encodeIfPresent(endsAt.map(Self.text), forKey: .endsAt)
        try c.encode(isPlanned, forKey: .isPlanned)
        try c.encode(description, forKey: .description)
    }

    public static func instant(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    public static func text(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    public func normalized() -> OutageDraft {
        // Whole seconds: what both databases keep.
        var copy = self
        copy.startsAt = Date(timeIntervalSince1970: startsAt.timeIntervalSince1970.rounded(.down))
        copy.endsAt = endsAt.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }
        copy.description = description.trimmed
        return copy
    }

    static let earliest = CalendarDay(year: 2000, month: 1, day: 1)!.startInSweden
    static let latest = CalendarDay(year: 2100, month: 1, day: 1)!.startInSweden

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(
            description, field: "description", label: Localized(sv: "Beskrivning", en: "Description"), max: 5_000)
        if !(Self.earliest..<Self.latest).contains(startsAt) {
            v.add(
                "startsAt", sv: "Ange en starttid mellan år 2000 och 2099.", en: "Enter a start between 2000 and 2099.")
        }
        if let endsAt {
            if !(Self.earliest..<Self.latest).contains(endsAt) {
                v.add(
                    "endsAt", sv: "Ange en sluttid mellan år 2000 och 2099.", en: "Enter an end between 2000 and 2099.")
            } else if endsAt <= startsAt {
                v.add(
                    "endsAt", sv: "Avbrottet måste sluta efter att det började.",
                    en: "The outage must end after it starts.")
            }
        }
        return v.issues
    }
}
