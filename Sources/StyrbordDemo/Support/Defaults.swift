import Foundation
import StyrbordCore

/// What the demo assumes follows from a system's criticality, data and type when nothing more specific
/// is known: the showcase and the generator both fill their systems from these.
enum SystemDefaults {
    /// Critical systems support a service cybersäkerhetslagen covers; high ones an important one.
    static func nis2(_ criticality: Criticality) -> Nis2Applicability {
        switch criticality {
        case .critical: .essential
        case .high: .important
        case .medium, .low: .notCovered
        }
    }

    /// The tighter the criticality, the less data may be lost (RPO) and the faster it must be back (RTO).
    static func backup(_ criticality: Criticality) -> ITSystemDraft.Backup {
        switch criticality {
        case .critical: .init(isBackedUp: true, rpoHours: 1, rtoHours: 4)
        case .high: .init(isBackedUp: true, rpoHours: 4, rtoHours: 24)
        case .medium: .init(isBackedUp: true, rpoHours: 24, rtoHours: 48)
        case .low: .init(isBackedUp: true, rpoHours: 24, rtoHours: 120)
        }
    }

    /// KLASSA levels as a classification workshop would typically set them: confidentiality and
    /// traceability from the personal data, integrity and availability from criticality.
    static func classification(
        data: PersonalDataLevel, criticality: Criticality, type: SystemType, classifiedBy: UUID
    ) -> ITSystemDraft.Classification {
        let (confidentiality, traceability): (ClassificationLevel, ClassificationLevel) =
            switch data {
            case .none: (.l1, .l1)
            case .personal: (.l2, .l2)
            case .sensitive: (criticality.rank >= Criticality.high.rank ? .l4 : .l3, .l3)
            }
        let (integrity, availability): (ClassificationLevel, ClassificationLevel) =
            switch criticality {
            case .critical: (.l3, type == .infrastructure ? .l4 : .l3)
            case .high: (.l3, .l2)
            case .medium: (.l2, .l2)
            case .low: (.l1, .l1)
            }
        return ITSystemDraft.Classification(
            confidentiality: confidentiality, integrity: integrity, availability: availability,
            traceability: traceability, classifiedByPersonId: classifiedBy)
    }
}
