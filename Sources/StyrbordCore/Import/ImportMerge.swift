/// Updating an existing system from a file changes only what the file has columns for: a list with
/// name, förvaltning and category must not wipe the classification or GDPR record kept in Styrbord.
extension ITSystemDraft {
    /// `self` with the values of the mapped fields taken from `imported`.
    public func merging(_ imported: ITSystemDraft, fields: Set<SystemImportField.Kind>) -> ITSystemDraft {
        var d = self
        for kind in fields {
            switch kind {
            case .name: d.name = imported.name
            case .aliases: d.aliases = imported.aliases
            case .description: d.description = imported.description
            case .category: d.category = imported.category
            case .systemType: d.systemType = imported.systemType
            case .ownerOrgUnit: d.ownerOrgUnitId = imported.ownerOrgUnitId
            case .userOrgUnits: d.userOrgUnitIds = imported.userOrgUnitIds
            case .managementObject: d.managementObjectId = imported.managementObjectId
            case .lifecycleStatus: d.lifecycleStatus = imported.lifecycleStatus
            case .plannedStartOn: d.plannedStartOn = imported.plannedStartOn
            case .productionStartOn: d.productionStartOn = imported.productionStartOn
            case .decommissionPlannedOn: d.decommissionPlannedOn = imported.decommissionPlannedOn
            case .decommissionedOn: d.decommissionedOn = imported.decommissionedOn
            case .criticality: d.criticality = imported.criticality
            case .operationMode: d.operationMode = imported.operationMode
            case .operatorSupplier: d.operatorSupplierId = imported.operatorSupplierId
            case .product: d.product = imported.product
            case .version: d.version = imported.version
            case .supplier: d.supplierId = imported.supplierId
            case .userCount: d.userCount = imported.userCount
            case .confidentiality: d.classification.confidentiality = imported.classification.confidentiality
            case .integrity: d.classification.integrity = imported.classification.integrity
            case .availability: d.classification.availability = imported.classification.availability
            case .traceability: d.classification.traceability = imported.classification.traceability
            case .classifiedOn: d.classification.classifiedOn = imported.classification.classifiedOn
            case .classificationValidUntil: d.classification.validUntil = imported.classification.validUntil
            case .personalData: d.personalData.level = imported.personalData.level
            case .purpose: d.personalData.purpose = imported.personalData.purpose
            case .legalBasis: d.personalData.legalBasis = imported.personalData.legalBasis
            case .dataSubjectCategories:
                d.personalData.dataSubjectCategories = imported.personalData.dataSubjectCategories
            case .processorAgreement: d.personalData.processorAgreement = imported.personalData.processorAgreement
            case .processorAgreementRef:
                d.personalData.processorAgreementRef = imported.personalData.processorAgreementRef
            case .retention: d.personalData.retention = imported.personalData.retention
            case .nis2: d.nis2 = imported.nis2
            case .usesAI: d.ai.usesAI = imported.ai.usesAI
            case .aiRiskClass: d.ai.riskClass = imported.ai.riskClass
            case .rpoHours: d.backup.rpoHours = imported.backup.rpoHours
            case .rtoHours: d.backup.rtoHours = imported.backup.rtoHours
            case .tags: d.tags = imported.tags
            case .documentationLink:
                // The file carries addresses, not titles: keep the registered links as they are and add
                // the addresses that are new. An import never removes a link.
                let known = Set(d.documentationLinks.map(\.url))
                d.documentationLinks += imported.documentationLinks.filter { !known.contains($0.url) }
            case .role: break  // roles are not part of the draft
            }
        }
        return d
    }
}
