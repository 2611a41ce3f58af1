import Fluent
import Foundation
import StyrbordCore

/// An IT system (systemförvaltningsobjekt) in the register: what a municipality keeps about it today
/// and what 2026 law asks (GDPR art. 30, NIS2, the AI Act).
final class ITSystem: Model, TenantScoped, @unchecked Sendable {
    static let schema = "it_systems"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "sort_key") var sortKey: String
    /// Lower-cased name, aliases, description, product, version and tags: what free-text search matches.
    @Field(key: "search_text") var searchText: String
    @Field(key: "aliases") var aliasesJSON: String
    @Field(key: "description") var description: String
    @Field(key: "category") var category: SystemCategory
    @Field(key: "system_type") var systemType: SystemType
    @OptionalField(key: "owner_org_unit_id") var ownerOrgUnitID: UUID?
    @OptionalField(key: "management_object_id") var managementObjectID: UUID?
    @Field(key: "lifecycle_status") var lifecycleStatus: LifecycleStatus
    /// Position in the lifecycle, for sorting planned → decommissioned.
    @Field(key: "lifecycle_rank") var lifecycleRank: Int
    @OptionalField(key: "planned_start_on") var plannedStartOn: String?
    @OptionalField(key: "production_start_on") var productionStartOn: String?
    @OptionalField(key: "decommission_planned_on") var decommissionPlannedOn: String?
    @OptionalField(key: "decommissioned_on") var decommissionedOn: String?
    @Field(key: "criticality") var criticality: Criticality
    @Field(key: "criticality_rank") var criticalityRank: Int
    @Field(key: "operation_mode") var operationMode: OperationMode
    @OptionalField(key: "operator_supplier_id") var operatorSupplierID: UUID?
    @Field(key: "product") var product: String
    @Field(key: "version") var version: String
    @OptionalField(key: "supplier_id") var supplierID: UUID?
    @OptionalField(key: "user_count") var userCount: Int?
    @OptionalField(key: "confidentiality") var confidentiality: Int?
    @OptionalField(key: "integrity") var integrity: Int?
    @OptionalField(key: "availability") var availability: Int?
    @OptionalField(key: "traceability") var traceability: Int?
    @OptionalField(key: "classified_by_person_id") var classifiedByPersonID: UUID?
    @OptionalField(key: "classified_on") var classifiedOn: String?
    @OptionalField(key: "classification_valid_until") var classificationValidUntil: String?
    @Field(key: "personal_data_level") var personalDataLevel: PersonalDataLevel
    @Field(key: "pd_purpose") var pdPurpose: String
    @OptionalField(key: "pd_legal_basis") var pdLegalBasis: LegalBasis?
    @Field(key: "pd_subject_categories") var pdSubjectCategoriesJSON: String
    @OptionalField(key: "pd_processor_agreement") var pdProcessorAgreement: ProcessorAgreementStatus?
    @Field(key: "pd_processor_agreement_ref") var pdProcessorAgreementRef: String
    @Field(key: "pd_retention") var pdRetention: String
    @Field(key: "nis2") var nis2: Nis2Applicability
    @Field(key: "ai_used") var aiUsed: Bool
    @OptionalField(key: "ai_risk_class") var aiRiskClass: AIRiskClass?
    @Field(key: "ai_description") var aiDescription: String
    @OptionalField(key: "backup_enabled") var backupEnabled: Bool?
    @OptionalField(key: "rpo_hours") var rpoHours: Int?
    @OptionalField(key: "rto_hours") var rtoHours: Int?
    @Field(key: "documentation_links") var documentationLinksJSON: String
    @Field(key: "tags") var tagsJSON: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // Lists are stored as JSON text: array and JSON column types differ between SQLite and
    // PostgreSQL, and nothing queries inside these lists (search uses `search_text`).
    var aliases: [String] {
        get { JSONText.decode(aliasesJSON, as: [String].self) ?? [] }
        set { aliasesJSON = JSONText.encode(newValue) }
    }
    var pdSubjectCategories: [String] {
        get { JSONText.decode(pdSubjectCategoriesJSON, as: [String].self) ?? [] }
        set { pdSubjectCategoriesJSON = JSONText.encode(newValue) }
    }
    var documentationLinks: [ITSystemDraft.Link] {
        get { JSONText.decode(documentationLinksJSON, as: [ITSystemDraft.Link].self) ?? [] }
        set { documentationLinksJSON = JSONText.encode(newValue) }
    }
    var tags: [String] {
        get { JSONText.decode(tagsJSON, as: [String].self) ?? [] }
        set { tagsJSON = JSONText.encode(newValue) }
    }

    /// Listed by hand: FluentKit otherwise finds the properties by reflection on every row it decodes,
    /// which dominated the register's response time. `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $name, $sortKey, $searchText, $aliasesJSON, $description, $category, $systemType,
            $ownerOrgUnitID, $managementObjectID, $lifecycleStatus, $lifecycleRank, $plannedStartOn, $productionStartOn,
            $decommissionPlannedOn, $decommissionedOn, $criticality, $criticalityRank, $operationMode,
            $operatorSupplierID, $product, $version, $supplierID, $userCount, $confidentiality, $integrity,
            $availability, $traceability, $classifiedByPersonID, $classifiedOn, $classificationValidUntil,
            $personalDataLevel, $pdPurpose, $pdLegalBasis, $pdSubjectCategoriesJSON, $pdProcessorAgreement,
            $pdProcessorAgreementRef, $pdRetention, $nis2, $aiUsed, $aiRiskClass, $aiDescription, $backupEnabled,
            $rpoHours, $rtoHours, $documentationLinksJSON, $tagsJSON, $createdAt, $updatedAt,
        ]
    }

    init() {}

    init(id: UUID, tenantID: UUID, draft: ITSystemDraft, now: Date) {
        self.id = id
        self.tenantID = tenantID
        self.createdAt = now
        apply(draft, now: now)
    }

    /// Copies a validated draft into the record. The org units that use the system live in
    /// `system_user_org_units` and are written by `SystemStore`.
    func apply(_ d: ITSystemDraft, now: Date) {
        name = d.name
        sortKey = SortKey.swedish(d.name)
        searchText = Self.searchText(for: d)
        aliases = d.aliases
        description = d.description
        category = d.category
        systemType = d.systemType
        ownerOrgUnitID = d.ownerOrgUnitId
        managementObjectID = d.managementObjectId
        lifecycleStatus = d.lifecycleStatus
        lifecycleRank = LifecycleStatus.allCases.firstIndex(of: d.lifecycleStatus)!
        plannedStartOn = d.plannedStartOn?.iso
        productionStartOn = d.productionStartOn?.iso
        decommissionPlannedOn = d.decommissionPlannedOn?.iso
        decommissionedOn = d.decommissionedOn?.iso
        criticality = d.criticality
        criticalityRank = d.criticality.rank
        operationMode = d.operationMode
        operatorSupplierID = d.operatorSupplierId
        product = d.product
        version = d.version
        supplierID = d.supplierId
        userCount = d.userCount
        confidentiality = d.classification.confidentiality?.rawValue
        integrity = d.classification.integrity?.rawValue
        availability = d.classification.availability?.rawValue
        traceability = d.classification.traceability?.rawValue
        classifiedByPersonID = d.classification.classifiedByPersonId
        classifiedOn = d.classification.classifiedOn?.iso
        classificationValidUntil = d.classification.validUntil?.iso
        personalDataLevel = d.personalData.level
        pdPurpose = d.personalData.purpose
        pdLegalBasis = d.personalData.legalBasis
        pdSubjectCategories = d.personalData.dataSubjectCategories
        pdProcessorAgreement = d.personalData.processorAgreement
        pdProcessorAgreementRef = d.personalData.processorAgreementRef
        pdRetention = d.personalData.retention
        nis2 = d.nis2
        aiUsed = d.ai.usesAI
        aiRiskClass = d.ai.riskClass
        aiDescription = d.ai.description
        backupEnabled = d.backup.isBackedUp
        rpoHours = d.backup.rpoHours
        rtoHours = d.backup.rtoHours
        documentationLinks = d.documentationLinks
        tags = d.tags
        updatedAt = now
    }

    /// The record as a draft; `userOrgUnitIds` must be supplied from the join table.
    func draft(userOrgUnitIds: [UUID]) -> ITSystemDraft {
        ITSystemDraft(
            name: name, aliases: aliases, description: description, category: category, systemType: systemType,
            ownerOrgUnitId: ownerOrgUnitID, userOrgUnitIds: userOrgUnitIds, managementObjectId: managementObjectID,
            lifecycleStatus: lifecycleStatus, plannedStartOn: day(plannedStartOn),
            productionStartOn: day(productionStartOn),
            decommissionPlannedOn: day(decommissionPlannedOn), decommissionedOn: day(decommissionedOn),
            criticality: criticality, operationMode: operationMode, operatorSupplierId: operatorSupplierID,
            product: product, version: version, supplierId: supplierID, userCount: userCount,
            classification: .init(
                confidentiality: confidentiality.flatMap(ClassificationLevel.init(rawValue:)),
                integrity: integrity.flatMap(ClassificationLevel.init(rawValue:)),
                availability: availability.flatMap(ClassificationLevel.init(rawValue:)),
                traceability: traceability.flatMap(ClassificationLevel.init(rawValue:)),
                classifiedByPersonId: classifiedByPersonID, classifiedOn: day(classifiedOn),
                validUntil: day(classificationValidUntil)),
            personalData: .init(
                level: personalDataLevel, purpose: pdPurpose, legalBasis: pdLegalBasis,
                dataSubjectCategories: pdSubjectCategories, processorAgreement: pdProcessorAgreement,
                processorAgreementRef: pdProcessorAgreementRef, retention: pdRetention),
            nis2: nis2, ai: .init(usesAI: aiUsed, riskClass: aiRiskClass, description: aiDescription),
            backup: .init(isBackedUp: backupEnabled, rpoHours: rpoHours, rtoHours: rtoHours),
            documentationLinks: documentationLinks, tags: tags)
    }

    private func day(_ iso: String?) -> CalendarDay? { iso.flatMap(CalendarDay.init(iso:)) }

    static func searchText(for d: ITSystemDraft) -> String {
        ([d.name] + d.aliases + [d.description, d.product, d.version] + d.tags)
            .filter { !$0.isEmpty }.joined(separator: " \u{1F} ").lowercased()
    }

    static let what = Localized(sv: "Systemet", en: "The system")
}

/// An org unit that uses a system (beyond the one that owns it).
final class SystemUserOrgUnit: Model, @unchecked Sendable {
    static let schema = "system_user_org_units"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "system_id") var systemID: UUID
    @Field(key: "org_unit_id") var orgUnitID: UUID

    /// Listed by hand to avoid reflection per row (see `ITSystem.properties`).
    var properties: [any AnyProperty] { [$id, $tenantID, $systemID, $orgUnitID] }

    init() {}

    init(id: UUID, tenantID: UUID, systemID: UUID, orgUnitID: UUID) {
        self.id = id
        self.tenantID = tenantID
        self.systemID = systemID
        self.orgUnitID = orgUnitID
    }
}
