import Foundation

/// D10: governing documents are reviewed at least at their interval (guidelines at least every three
/// years). An adopted document past its next review is a finding for its owner.
struct DocumentReviewRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.documentReview,
            title: Localized(sv: "Styrdokument att revidera", en: "Governing documents due for review"),
            summary: Localized(
                sv: "Fastställda styrdokument revideras senast när revideringsintervallet har gått (D10).",
                en: "Adopted governing documents are reviewed by the end of their review interval (D10)."),
            objectKind: .document)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        for document in context.snapshot.documents where document.status == .adopted {
            let type = context.configuration.documentTypes[document.typeKey]
            let draft = GoverningDocumentDraft(
                title: document.title, typeKey: document.typeKey, ownerPersonId: document.ownerPersonID,
                decidedOn: document.decidedOn, validFrom: document.validFrom,
                reviewEveryMonths: document.reviewEveryMonths, nextReviewOn: document.nextReviewOn, status: .adopted)
            let object = ComplianceObject(
                kind: .document, id: document.id, label: document.title, systemID: nil, administrationID: nil)
            result.check(object)
            guard let due = draft.nextReview(typeInterval: type?.reviewEvery), due < context.day else { continue }
            let owner = context.people[document.ownerPersonID]
            let responsible = owner.map {
                ComplianceResponsible(
                    personID: $0.id, name: $0.name, roleKey: "dokumentagare",
                    roleName: Localized(sv: "Dokumentägare", en: "Document owner"), basis: .owner)
            }
            let typeName = type?.name ?? Localized(verbatim: document.typeKey)
            result.report(
                ComplianceFinding(
                    ruleID: descriptor.id, requirement: type?.source ?? settings.requirement,
                    severity: settings.severity, object: object, detail: "review", responsible: responsible,
                    dueOn: due,
                    message: Localized(
                        sv:
                            "\(typeName.sv) \(document.title) skulle ha reviderats senast \(due). Dokumentägaren ser över det och beslutsinstansen fastställer det på nytt.",
                        en:
                            "The \(typeName.en.lowercased()) \(document.title) was due for review by \(due). Its owner reviews it and the deciding body adopts it again."
                    )))
        }
    }
}
