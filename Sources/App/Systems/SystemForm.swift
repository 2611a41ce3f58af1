import Foundation
import StyrbordCore

/// Maps between the system form's fields and `ITSystemDraft`. Field names are the API's JSON paths,
/// so a validation issue from StyrbordCore lands next to the right input.
enum SystemForm {
    static let maxLinks = 10

    /// The form's values for a stored (or new) draft.
    static func values(from d: ITSystemDraft) -> FormData {
        var v: [String: [String]] = [
            "name": [d.name],
            "aliases": [ListText.join(d.aliases)],
            "description": [d.description],
            "category": [d.category.rawValue],
            "systemType": [d.systemType.rawValue],
            "ownerOrgUnitId": [d.ownerOrgUnitId?.uuidString ?? ""],
            "userOrgUnitIds": d.userOrgUnitIds.map(\.uuidString),
            "managementObjectId": [d.managementObjectId?.uuidString ?? ""],
            "lifecycleStatus": [d.lifecycleStatus.rawValue],
            "plannedStartOn": [d.plannedStartOn?.iso ?? ""],
            "productionStartOn": [d.productionStartOn?.iso ?? ""],
            "decommissionPlannedOn": [d.decommissionPlannedOn?.iso ?? ""],
            "decommissionedOn": [d.decommissionedOn?.iso ?? ""],
            "criticality": [d.criticality.rawValue],
            "operationMode": [d.operationMode.rawValue],
            "operatorSupplierId": [d.operatorSupplierId?.uuidString ?? ""],
            "product": [d.product],
            "version": [d.version],
            "supplierId": [d.supplierId?.uuidString ?? ""],
            "userCount": [d.userCount.map(String.init) ?? ""],
            "classification.confidentiality": [d.classification.confidentiality.map { String($0.rawValue) } ?? ""],
            "classification.integrity": [d.classification.integrity.map { String($0.rawValue) } ?? ""],
            "classification.availability": [d.classification.availability.map { String($0.rawValue) } ?? ""],
            "classification.traceability": [d.classification.traceability.map { String($0.rawValue) } ?? ""],
            "classification.classifiedByPersonId": [d.classification.classifiedByPersonId?.uuidString ?? ""],
            "classification.classifiedOn": [d.classification.classifiedOn?.iso ?? ""],
            "classification.validUntil": [d.classification.validUntil?.iso ?? ""],
            "personalData.level": [d.personalData.level.rawValue],
            "personalData.purpose": [d.personalData.purpose],
            "personalData.legalBasis": [d.personalData.legalBasis?.rawValue ?? ""],
            "personalData.dataSubjectCategories": [ListText.join(d.personalData.dataSubjectCategories)],
            "personalData.processorAgreement": [d.personalData.processorAgreement?.rawValue ?? ""],
            "personalData.processorAgreementRef": [d.personalData.processorAgreementRef],
            "personalData.retention": [d.personalData.retention],
            "nis2": [d.nis2.rawValue],
            "ai.usesAI": d.ai.usesAI ? ["true"] : [],
            "ai.riskClass": [d.ai.riskClass?.rawValue ?? ""],
            "ai.description": [d.ai.description],
            "backup.isBackedUp": [d.backup.isBackedUp.map { $0 ? "true" : "false" } ?? ""],
            "backup.rpoHours": [d.backup.rpoHours.map(String.init) ?? ""],
            "backup.rtoHours": [d.backup.rtoHours.map(String.init) ?? ""],
            "tags": [ListText.join(d.tags)],
        ]
        for (i, link) in d.documentationLinks.enumerated() {
            v["documentationLinks[\(i)].title"] = [link.title]
            v["documentationLinks[\(i)].url"] = [link.url]
        }
        return FormData(v)
    }

    /// Reads the submitted form. Values that can't be read (a malformed date, an unknown option) become
    /// issues on their field; the draft is then still returned so the rest can be validated too.
    static func draft(from f: FormData) -> (ITSystemDraft, [ValidationIssue]) {
        var p = FormParser(f)
        var d = ITSystemDraft(
            name: f["name"], category: p.choice("category", SystemCategory.self, required: true) ?? .business)
        d.aliases = ListText.split(f["aliases"])
        d.description = f.raw["description"]?.first ?? ""
        d.systemType = p.choice("systemType", SystemType.self) ?? .support
        d.ownerOrgUnitId = p.uuid("ownerOrgUnitId")
        d.userOrgUnitIds = f.all("userOrgUnitIds").compactMap(UUID.init(uuidString:))
        d.managementObjectId = p.uuid("managementObjectId")
        d.lifecycleStatus = p.choice("lifecycleStatus", LifecycleStatus.self) ?? .inProduction
        d.plannedStartOn = p.day("plannedStartOn")
        d.productionStartOn = p.day("productionStartOn")
        d.decommissionPlannedOn = p.day("decommissionPlannedOn")
        d.decommissionedOn = p.day("decommissionedOn")
        d.criticality = p.choice("criticality", Criticality.self) ?? .medium
        d.operationMode = p.choice("operationMode", OperationMode.self) ?? .inHouse
        d.operatorSupplierId = p.uuid("operatorSupplierId")
        d.product = f["product"]
        d.version = f["version"]
        d.supplierId = p.uuid("supplierId")
        d.userCount = p.integer("userCount")
        d.classification = .init(
            confidentiality: p.level("classification.confidentiality"),
            integrity: p.level("classification.integrity"),
            availability: p.level("classification.availability"),
            traceability: p.level("classification.traceability"),
            classifiedByPersonId: p.uuid("classification.classifiedByPersonId"),
            classifiedOn: p.day("classification.classifiedOn"),
            validUntil: p.day("classification.validUntil"))
        d.personalData = .init(
            level: p.choice("personalData.level", PersonalDataLevel.self) ?? .none,
            purpose: f.raw["personalData.purpose"]?.first ?? "",
            legalBasis: p.choice("personalData.legalBasis", LegalBasis.self),
            dataSubjectCategories: ListText.split(f["personalData.dataSubjectCategories"]),
            processorAgreement: p.choice("personalData.processorAgreement", ProcessorAgreementStatus.self),
            processorAgreementRef: f["personalData.processorAgreementRef"],
            retention: f["personalData.retention"])
        d.nis2 = p.choice("nis2", Nis2Applicability.self) ?? .notAssessed
        d.ai = .init(
            usesAI: f.isChecked("ai.usesAI"), riskClass: p.choice("ai.riskClass", AIRiskClass.self),
            description: f.raw["ai.description"]?.first ?? "")
        d.backup = .init(
            isBackedUp: p.optionalBool("backup.isBackedUp"), rpoHours: p.integer("backup.rpoHours"),
            rtoHours: p.integer("backup.rtoHours"))
        d.documentationLinks = (0..<maxLinks).compactMap { i in
            let title = f["documentationLinks[\(i)].title"], url = f["documentationLinks[\(i)].url"]
            return title.isEmpty && url.isEmpty ? nil : ITSystemDraft.Link(title: title, url: url)
        }
        d.tags = ListText.split(f["tags"])
        return (d, p.issues)
    }
}

extension FormParser {
    /// One whole number read from `form`, its problem (if any) added to `issues`: for forms that
    /// collect their issues in a list rather than in a parser.
    static func integer(_ form: FormData, _ field: String, _ issues: inout [ValidationIssue]) -> Int? {
        var parser = FormParser(form)
        defer { issues += parser.issues }
        return parser.integer(field)
    }

    /// One optional date read from `form`, its problem (if any) added to `issues`.
    static func day(_ form: FormData, _ field: String, _ issues: inout [ValidationIssue]) -> CalendarDay? {
        var parser = FormParser(form)
        defer { issues += parser.issues }
        return parser.day(field)
    }
}

/// Reads typed values out of form fields, collecting a message for each value it can't read.
struct FormParser {
    let form: FormData
    private(set) var issues: [ValidationIssue] = []

    init(_ form: FormData) { self.form = form }

    mutating func fail(_ field: String, sv: String, en: String) {
        issues.append(ValidationIssue(field: field, message: Localized(sv: sv, en: en)))
    }

    mutating func choice<T: LabelledValue>(_ field: String, _ type: T.Type, required: Bool = false) -> T? {
        let raw = form[field]
        if raw.isEmpty {
            if required { fail(field, sv: "Välj ett alternativ.", en: "Choose an option.") }
            return nil
        }
        guard let value = T(rawValue: raw) else {
            fail(field, sv: "Välj ett av alternativen i listan.", en: "Choose one of the options in the list.")
            return nil
        }
        return value
    }

    mutating func uuid(_ field: String) -> UUID? {
        let raw = form[field]
        guard !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else {
            fail(field, sv: "Välj ett av alternativen i listan.", en: "Choose one of the options in the list.")
            return nil
        }
        return id
    }

    mutating func day(_ field: String, required: Bool = false) -> CalendarDay? {
        let raw = form[field]
        if raw.isEmpty {
            if required { fail(field, sv: "Ange ett datum.", en: "Enter a date.") }
            return nil
        }
        guard let day = CalendarDay(iso: raw) else {
            fail(
                field, sv: "Ange ett giltigt datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-01.",
                en: "Enter a valid date as YYYY-MM-DD, for example 2026-03-01.")
            return nil
        }
        return day
    }

    mutating func integer(_ field: String) -> Int? {
        let raw = form[field].filter { !$0.isWhitespace && $0 != "\u{202F}" && $0 != "\u{00A0}" }
        guard !raw.isEmpty else { return nil }
        guard let value = Int(raw) else {
            fail(field, sv: "Ange ett heltal.", en: "Enter a whole number.")
            return nil
        }
        return value
    }

    mutating func level(_ field: String) -> ClassificationLevel? {
        guard let n = integer(field) else { return nil }
        guard let level = ClassificationLevel(rawValue: n) else {
            fail(field, sv: "Välj en nivå mellan 0 och 4.", en: "Choose a level between 0 and 4.")
            return nil
        }
        return level
    }

    mutating func optionalBool(_ field: String) -> Bool? {
        switch form[field] {
        case "": return nil
        case "true": return true
        case "false": return false
        default:
            fail(field, sv: "Välj Ja, Nej eller Vet ej.", en: "Choose Yes, No or Unknown.")
            return nil
        }
    }

    mutating func money(_ field: String) -> Money? {
        let raw = form[field]
        guard !raw.isEmpty else { return nil }
        guard let money = Money.parseKronor(raw) else {
            fail(
                field, sv: "Ange ett belopp i kronor, till exempel 125 000.",
                en: "Enter an amount in kronor, for example 125000.")
            return nil
        }
        return money
    }
}
