import Foundation

/// Where a governing document (styrdokument) stands: drafted, adopted by its deciding body, or repealed.
public enum DocumentStatus: String, LabelledValue {
    case draft = "utkast"
    case adopted = "faststalld"
    case repealed = "upphavd"

    public var label: Localized {
        switch self {
        case .draft: Localized(sv: "Utkast", en: "Draft")
        case .adopted: Localized(sv: "Fastställd", en: "Adopted")
        case .repealed: Localized(sv: "Upphävd", en: "Repealed")
        }
    }
}

/// A governing document as its owner and the administrator edit it (D1, D10). Whether it is published is
/// not part of the draft: only the administrator (the IT-chef) publishes, through its own step.
public struct GoverningDocumentDraft: RecordDraft, Hashable, Codable {
    public var title: String
    /// A document type key of the tenant's governance profile; its place in the precedence order follows.
    public var typeKey: String
    /// The person who answers for the document and its reviews.
    public var ownerPersonId: UUID
    /// The deciding body (beslutsinstans), as text or a body key of the profile.
    public var decidedBy: String
    public var decidedOn: CalendarDay?
    /// The decision's reference (diarienummer, paragraph).
    public var decisionReference: String
    public var validFrom: CalendarDay?
    public var validTo: CalendarDay?
    /// Months between reviews; nil: the interval the profile gives the document type.
    public var reviewEveryMonths: Int?
    /// Nil: the decision date (else the first day of validity) plus the review interval.
    public var nextReviewOn: CalendarDay?
    public var status: DocumentStatus

    public init(
        title: String, typeKey: String, ownerPersonId: UUID, decidedBy: String = "", decidedOn: CalendarDay? = nil,
        decisionReference: String = "", validFrom: CalendarDay? = nil, validTo: CalendarDay? = nil,
        reviewEveryMonths: Int? = nil, nextReviewOn: CalendarDay? = nil, status: DocumentStatus = .draft
    ) {
        self.title = title
        self.typeKey = typeKey
        self.ownerPersonId = ownerPersonId
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.decisionReference = decisionReference
        self.validFrom = validFrom
        self.validTo = validTo
        self.reviewEveryMonths = reviewEveryMonths
        self.nextReviewOn = nextReviewOn
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case title, typeKey, ownerPersonId, decidedBy, decidedOn, decisionReference, validFrom, validTo
        case reviewEveryMonths, nextReviewOn, status
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        typeKey = try c.decode(String.self, forKey: .typeKey)
        ownerPersonId = try c.decode(UUID.self, forKey: .ownerPersonId)
        decidedBy = try c.decodeIfPresent(String.self, forKey: .decidedBy) ?? ""
        decidedOn = try c.decodeIfPresent(CalendarDay.self, forKey: .decidedOn)
        decisionReference = try c.decodeIfPresent(String.self, forKey: .decisionReference) ?? ""
        validFrom = try c.decodeIfPresent(CalendarDay.self, forKey: .validFrom)
        validTo = try c.decodeIfPresent(CalendarDay.self, forKey: .validTo)
        reviewEveryMonths = try c.decodeIfPresent(Int.self, forKey: .reviewEveryMonths)
        nextReviewOn = try c.decodeIfPresent(CalendarDay.self, forKey: .nextReviewOn)
        status = try c.decodeIfPresent(DocumentStatus.self, forKey: .status) ?? .draft
    }

    public func normalized() -> GoverningDocumentDraft {
        var copy = self
        copy.title = title.trimmed
        copy.typeKey = typeKey.trimmed
        copy.decidedBy = decidedBy.trimmed
        copy.decisionReference = decisionReference.trimmed
        return copy
    }

    /// The years a document's dates may fall in.
    public static let years = 1900...2199

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(title, field: "title", label: Localized(sv: "Rubrik", en: "Title"), max: 200)
        v.requireText(typeKey, field: "typeKey", label: Localized(sv: "Dokumenttyp", en: "Document type"), max: 100)
        v.limit(decidedBy, field: "decidedBy", label: Localized(sv: "Beslutsinstans", en: "Deciding body"), max: 200)
        v.limit(
            decisionReference, field: "decisionReference",
            label: Localized(sv: "Beslutsreferens", en: "Decision reference"), max: 100)
        // A review day is derived from these by up to ten years (and a profile's interval); keeping them in
        // a sane range keeps every derived day a real date too.
        for (field, day) in [
            ("decidedOn", decidedOn), ("validFrom", validFrom), ("validTo", validTo), ("nextReviewOn", nextReviewOn),
        ] {
            if let day, !Self.years.contains(day.year) {
                v.add(
                    field, sv: "Ange ett datum mellan år \(Self.years.lowerBound) och \(Self.years.upperBound).",
                    en: "Enter a date between the years \(Self.years.lowerBound) and \(Self.years.upperBound).")
            }
        }
        if let from = validFrom, let to = validTo, to < from {
            v.add(
                "validTo", sv: "Dokumentet kan inte sluta gälla före det börjar gälla (\(from)).",
                en: "The document can't stop being valid before it starts (\(from)).")
        }
        if let months = reviewEveryMonths, months < 1 || months > 120 {
            v.add(
                "reviewEveryMonths", sv: "Ange revideringsintervallet i månader, 1–120.",
                en: "Enter the review interval in months, 1–120.")
        }
        if status != .draft && decidedOn == nil {
            v.add(
                "decidedOn", sv: "Ange beslutsdatum för ett fastställt eller upphävt dokument.",
                en: "Enter the decision date of an adopted or repealed document.")
        }
        return v.issues
    }

    /// The day the document is next due for review: the date given, else the decision date (or the first
    /// day of validity) plus the document's own interval or, without one, `typeInterval`.
    public func nextReview(typeInterval: ProfileDuration?) -> CalendarDay? {
        if let nextReviewOn { return nextReviewOn }
        guard let start = decidedOn ?? validFrom else { return nil }
        if let months = reviewEveryMonths { return start.adding(months: months) }
        return typeInterval?.after(start)
    }
}
