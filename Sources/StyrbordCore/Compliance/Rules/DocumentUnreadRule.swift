import Foundation

/// L8: when a governing document changes, the people it concerns are told and confirm they have read it.
/// A published document with read confirmations still missing after `readConfirmationDays` is a finding
/// for its owner, who follows up with those who have not confirmed.
struct DocumentUnreadRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.documentUnread,
            title: Localized(sv: "Olästa styrdokument", en: "Unread governing documents"),
            summary: Localized(
                sv:
                    "De som ett publicerat styrdokument berör bekräftar att de läst det inom utsatt tid när det ändras (L8).",
                en:
                    "The people a published governing document concerns confirm they have read it in time when it changes (L8)."
            ),
            objectKind: .document)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        let days = context.configuration.readConfirmationDays
        var pending: [UUID: [ComplianceSnapshot.PendingReading]] = [:]
        for p in context.snapshot.pendingReadings { pending[p.documentID, default: []].append(p) }
        for document in context.snapshot.documents where document.isPublished && document.status == .adopted {
            let object = ComplianceObject(
                kind: .document, id: document.id, label: document.title, systemID: nil, administrationID: nil)
            result.check(object)
            let overdue = (pending[document.id] ?? []).filter {
                ReadConfirmation.isOverdue(requestedOn: $0.requestedOn, today: context.day, days: days)
            }
            guard let earliest = overdue.map(\.requestedOn).min() else { continue }
            let count = overdue.reduce(0) { $0 + $1.count }
            let due = ReadConfirmation.due(requestedOn: earliest, days: days)
            let responsible = context.people[document.ownerPersonID].map {
                ComplianceResponsible(
                    personID: $0.id, name: $0.name, roleKey: "dokumentagare",
                    roleName: Localized(sv: "Dokumentägare", en: "Document owner"), basis: .owner)
            }
            result.report(
                ComplianceFinding(
                    ruleID: descriptor.id, requirement: settings.requirement, severity: settings.severity,
                    object: object, detail: "unread", responsible: responsible, dueOn: due,
                    message: Localized(
                        sv: count == 1
                            ? "En person som \(document.title) berör har inte bekräftat att hen läst det inom \(days) dagar. Dokumentägaren påminner."
                            : "\(count) personer som \(document.title) berör har inte bekräftat att de läst det inom \(days) dagar. Dokumentägaren påminner.",
                        en: count == 1
                            ? "One person \(document.title) concerns has not confirmed reading it within \(days) days. The document's owner follows up."
                            : "\(count) people \(document.title) concerns have not confirmed reading it within \(days) days. The document's owner follows up."
                    )))
        }
    }
}
