import Foundation

/// D2/E3: every system (of the configured categories) has an owning förvaltning, and a kommungemensamt
/// system is owned where the municipality says: by the kommunstyrelse under the standard configuration
/// (E3/F2/F3: "the kommunstyrelse decides which systems are common and owns them").
struct OwnerRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.owner,
            title: Localized(sv: "Ägande förvaltning", en: "Owning administration"),
            summary: Localized(
                sv: "Varje system ägs av en förvaltning; kommungemensamma system ägs där styrningen anger (E3).",
                en: "Every system is owned by an administration; common systems are owned where governance says (E3)."
            ),
            objectKind: .system)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        let required = context.configuration.ownerRequiredCategories
        let commonOwners = context.commonOwnerUnits
        let ownerNames = ownerList(context)
        for system in context.activeSystems where required.contains(system.category) || system.category == .common {
            let object = context.object(for: system)
            guard let owner = system.ownerOrgUnitID, let unit = context.units[owner] else {
                guard required.contains(system.category) else { continue }
                result.check(object)
                result.report(
                    finding(
                        system, object, context, settings, detail: "missing",
                        message: Localized(
                            sv: "Systemet har ingen ägande förvaltning.", en: "The system has no owning administration."
                        )
                    ))
                continue
            }
            result.check(object)
            if system.category == .common, let commonOwners, !commonOwners.contains(owner) {
                result.report(
                    finding(
                        system, object, context, settings, detail: "common-owner",
                        message: Localized(
                            sv:
                                "Kommungemensamt system som ägs av \(unit.name); kommungemensamma system ägs av \(ownerNames.sv).",
                            en: "A common system owned by \(unit.name); common systems are owned by \(ownerNames.en)."))
                )
            }
        }
    }

    private func finding(
        _ system: ComplianceSnapshot.System, _ object: ComplianceObject, _ context: ComplianceContext,
        _ settings: ComplianceConfiguration.RuleSettings, detail: String, message: Localized
    ) -> ComplianceFinding {
        ComplianceFinding(
            ruleID: descriptor.id, requirement: settings.requirement, severity: settings.severity, object: object,
            detail: detail, responsible: context.responsible(forSystem: system.id),
            dueOn: context.due(after: system.registeredOn), message: message)
    }

    /// "Kommunstyrelsen" or "Kommunstyrelsen eller Servicenämnden": the configured owners found in the tenant.
    private func ownerList(_ context: ComplianceContext) -> Localized {
        let wanted = Set(context.configuration.commonSystemOwners.map { $0.lowercased() })
        var seen = Set<UUID>()
        let names = context.snapshot.orgUnits.filter {
            (wanted.contains($0.shortName.lowercased()) || wanted.contains($0.name.lowercased()))
                && seen.insert($0.id).inserted
        }.map(\.name)
        guard let last = names.last else { return Localized(verbatim: "") }
        let head = names.dropLast().joined(separator: ", ")
        return head.isEmpty
            ? Localized(verbatim: last) : Localized(sv: "\(head) eller \(last)", en: "\(head) or \(last)")
    }
}

/// T9: every system in use (not planned, not decommissioned) has a complete KLASSA classification that
/// has not expired. A classification without its own "valid until" holds for the configured months.
struct ClassificationRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.classification,
            title: Localized(sv: "Informationsklassning", en: "Information classification"),
            summary: Localized(
                sv:
                    "System i bruk har en informationsklassning (konfidentialitet, riktighet, tillgänglighet) som inte har gått ut (T9).",
                en:
                    "Systems in use have an information classification (confidentiality, integrity, availability) that has not expired (T9)."
            ),
            objectKind: .system)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        let validity = context.configuration.classificationValidityMonths
        let day = context.day
        for system in context.activeSystems where system.lifecycle != .planned {
            let object = context.object(for: system)
            result.check(object)
            func report(_ detail: String, due: CalendarDay, _ message: Localized) {
                result.report(
                    ComplianceFinding(
                        ruleID: descriptor.id, requirement: settings.requirement, severity: settings.severity,
                        object: object, detail: detail, responsible: context.responsible(forSystem: system.id),
                        dueOn: due, message: message))
            }
            guard system.isClassified else {
                report(
                    "missing", due: context.due(after: system.registeredOn),
                    Localized(
                        sv: "Systemet är inte informationsklassat.", en: "The system has no information classification."
                    ))
                continue
            }
            let validUntil =
                system.classificationValidUntil
                ?? validity.flatMap { months in system.classifiedOn.map { $0.advanced(byMonths: months) } }
            if let validUntil {
                if validUntil < day {
                    report(
                        "expired", due: validUntil,
                        Localized(
                            sv: "Informationsklassningen gällde till \(validUntil) och behöver göras om.",
                            en: "The information classification was valid until \(validUntil) and must be redone."))
                }
            } else if validity != nil {
                report(
                    "undated", due: context.due(after: system.registeredOn),
                    Localized(
                        sv: "Informationsklassningen saknar datum, så det går inte att se om den fortfarande gäller.",
                        en: "The information classification has no date, so nobody can tell whether it still holds."))
            }
        }
    }
}

/// T4/L7 (GDPR art. 30): a system in use that processes personal data has a record of processing:
/// purpose, legal basis and categories of data subjects.
struct ProcessingRecordRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.processingRecord,
            title: Localized(sv: "Registerförteckning (GDPR)", en: "Record of processing (GDPR)"),
            summary: Localized(
                sv:
                    "System som behandlar personuppgifter har ändamål, rättslig grund och kategorier av registrerade angivna (GDPR art. 30, T4).",
                en:
                    "Systems that process personal data state purpose, legal basis and categories of data subjects (GDPR art. 30, T4)."
            ),
            objectKind: .system)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        for system in context.activeSystems
        where system.lifecycle != .planned && system.personalData.processesPersonalData {
            let object = context.object(for: system)
            result.check(object)
            var missingSv: [String] = []
            var missingEn: [String] = []
            if !system.hasProcessingPurpose {
                missingSv.append("ändamål")
                missingEn.append("purpose")
            }
            if system.legalBasis == nil {
                missingSv.append("rättslig grund")
                missingEn.append("legal basis")
            }
            if !system.hasDataSubjectCategories {
                missingSv.append("kategorier av registrerade")
                missingEn.append("categories of data subjects")
            }
            guard !missingSv.isEmpty else { continue }
            result.report(
                ComplianceFinding(
                    ruleID: descriptor.id, requirement: settings.requirement, severity: settings.severity,
                    object: object, detail: "incomplete", responsible: context.responsible(forSystem: system.id),
                    dueOn: context.due(after: system.registeredOn),
                    message: Localized(
                        sv: "Registerförteckningen saknar \(Self.list(missingSv, and: "och")).",
                        en: "The record of processing lacks \(Self.list(missingEn, and: "and")).")))
        }
    }

    static func list(_ items: [String], and: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(and) " + items.last!
    }
}

/// T4 (GDPR art. 28): a system in use that processes personal data has a processor agreement, or someone
/// has decided that none is needed.
struct ProcessorAgreementRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.processorAgreement,
            title: Localized(sv: "Personuppgiftsbiträdesavtal", en: "Processor agreement"),
            summary: Localized(
                sv:
                    "System som behandlar personuppgifter har ett personuppgiftsbiträdesavtal, eller ett beslut om att inget behövs (GDPR art. 28).",
                en:
                    "Systems that process personal data have a processor agreement, or a decision that none is needed (GDPR art. 28)."
            ),
            objectKind: .system)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        for system in context.activeSystems
        where system.lifecycle != .planned && system.personalData.processesPersonalData {
            let object = context.object(for: system)
            result.check(object)
            let message: Localized
            let detail: String
            switch system.processorAgreement {
            case .inPlace, .notNeeded: continue
            case .missing:
                detail = "missing"
                message = Localized(
                    sv: "Personuppgiftsbiträdesavtal saknas.", en: "There is no processor agreement.")
            case nil:
                detail = "unassessed"
                message = Localized(
                    sv: "Det är inte angivet om ett personuppgiftsbiträdesavtal finns eller behövs.",
                    en: "Nobody has stated whether a processor agreement exists or is needed.")
            }
            result.report(
                ComplianceFinding(
                    ruleID: descriptor.id, requirement: settings.requirement, severity: settings.severity,
                    object: object, detail: detail, responsible: context.responsible(forSystem: system.id),
                    dueOn: context.due(after: system.registeredOn), message: message))
        }
    }
}
