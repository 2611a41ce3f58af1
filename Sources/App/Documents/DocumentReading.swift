import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Refusals about reading governing documents (L8).
enum DocumentReadingError: AppError {
    /// The account is not linked to a person of the register, so nobody can confirm.
    case noPerson
    /// The person has no open read confirmation for the document.
    case nothingToConfirm

    var status: HTTPResponseStatus { .conflict }
    var code: String {
        switch self {
        case .noPerson: "document.no-person"
        case .nothingToConfirm: "document.nothing-to-confirm"
        }
    }
    var userMessage: Localized {
        switch self {
        case .noPerson:
            Localized(
                sv: "Ditt konto är inte kopplat till en person i registret, så du kan inte bekräfta läsning.",
                en: "Your account is not linked to a person in the register, so you cannot confirm reading.")
        case .nothingToConfirm:
            Localized(
                sv: "Du har ingen läsbekräftelse att lämna för dokumentet.",
                en: "You have no read confirmation to give for the document.")
        }
    }
}

/// Whom a governing document concerns, the notices and read-confirmation requests sent when it changes,
/// and who has confirmed (L8).
enum DocumentReading {
    /// Why the people concerned are told.
    enum Occasion: String, Sendable {
        case published, version, changed, audience

        var notice: (kind: String, sv: String) {
            switch self {
            case .published: ("document.published", "Nytt styrdokument att läsa")
            case .version: ("document.version", "Ny version av styrdokument att läsa")
            case .changed: ("document.changed", "Styrdokument ändrat")
            case .audience: ("document.concerns", "Styrdokument som berör dig")
            }
        }
    }

    /// The audience as stored.
    static func audience(of document: GoverningDocument, on db: any Database) async throws -> DocumentAudienceDraft {
        let id = try document.requireID()
        let units = try await DocumentAudienceUnit.query(on: db).filter(\.$documentID == id).all().map(\.orgUnitID)
        let roles = try await DocumentAudienceRole.query(on: db).filter(\.$documentID == id).all().map(\.roleTypeID)
        return DocumentAudienceDraft(everyone: document.concernsEveryone, orgUnitIds: units, roleTypeIds: roles)
    }

    /// The draft after its own checks and the register's: every unit and role must be the tenant's.
    static func validated(
        _ draft: DocumentAudienceDraft, tenant: Tenant, on db: any Database
    ) async throws -> DocumentAudienceDraft {
        var (d, issues) = draft.checked()
        let units = try await SystemRules.existing(OrgUnit.self, Set(d.orgUnitIds), tenant: tenant, db: db)
        for (i, id) in d.orgUnitIds.enumerated() where !units.contains(id) {
            issues.append(
                ValidationIssue(
                    field: "orgUnitIds[\(i)]",
                    message: Localized(sv: "Enheten finns inte i registret.", en: "The unit does not exist.")))
        }
        let roles = try await SystemRules.existing(RoleType.self, Set(d.roleTypeIds), tenant: tenant, db: db)
        for (i, id) in d.roleTypeIds.enumerated() where !roles.contains(id) {
            issues.append(
                ValidationIssue(
                    field: "roleTypeIds[\(i)]",
                    message: Localized(sv: "Rollen finns inte i katalogen.", en: "The role does not exist.")))
        }
        try RecordStore.check(issues)
        return d
    }

    /// Replaces whom the document concerns. A published document then reaches the people newly concerned.
    static func setAudience(
        _ document: GoverningDocument, _ draft: DocumentAudienceDraft, tenant: Tenant, actor: AuditActor,
        on db: any Database
    ) async throws {
        let d = try await validated(draft, tenant: tenant, on: db)
        let before = try await audience(of: document, on: db)
        guard
            before.everyone != d.everyone || Set(before.orgUnitIds) != Set(d.orgUnitIds)
                || Set(before.roleTypeIds) != Set(d.roleTypeIds)
        else { return }
        let documentID = try document.requireID()
        try await db.writeTransaction { tx in
            try await DocumentAudienceUnit.query(on: tx).filter(\.$documentID == documentID).delete()
            try await DocumentAudienceRole.query(on: tx).filter(\.$documentID == documentID).delete()
            for unit in d.orgUnitIds {
                try await DocumentAudienceUnit(
                    id: actor.uuid(), tenantID: document.tenantID, documentID: documentID, orgUnitID: unit
                ).create(on: tx)
            }
            for role in d.roleTypeIds {
                try await DocumentAudienceRole(
                    id: actor.uuid(), tenantID: document.tenantID, documentID: documentID, roleTypeID: role
                ).create(on: tx)
            }
            document.concernsEveryone = d.everyone
            try await document.update(on: tx)
            if document.isPublished {
                try await announce(document, .audience, onlyNew: true, actor: actor, on: tx)
            }
            try await AuditLog.record(
                .update, objectType: GoverningDocument.objectType, objectID: documentID, label: document.title,
                tenantID: document.tenantID, before: before, after: d, message: "Berörda ändrade", actor: actor,
                on: tx)
        }
    }

    /// The active people the document concerns on `day`.
    static func concernedPeople(
        _ document: GoverningDocument, day: CalendarDay, on db: any Database
    ) async throws -> Set<UUID> {
        let audience = try await audience(of: document, on: db)
        let people = try await Person.query(on: db).filter(\.$tenantID == document.tenantID)
            .filter(\.$isActive == true).field(\.$id).field(\.$orgUnitID).all()
        let active = people.compactMap { p in p.id.map { (person: $0, orgUnit: p.orgUnitID) } }
        if audience.everyone {
            return audience.people(active: active, parentOf: [:], roleHolders: [])
        }
        var parentOf: [UUID: UUID] = [:]
        if !audience.orgUnitIds.isEmpty {
            for unit in try await OrgUnit.query(on: db).filter(\.$tenantID == document.tenantID)
                .field(\.$id).field(\.$parentID).all()
            {
                if let id = unit.id, let parent = unit.parentID { parentOf[id] = parent }
            }
        }
        var holders = Set<UUID>()
        if !audience.roleTypeIds.isEmpty {
            for a in try await RoleAssignment.query(on: db).filter(\.$tenantID == document.tenantID)
                .filter(\.$roleTypeID ~~ audience.roleTypeIds).all()
            where a.isCurrent(on: day) {
                holders.insert(a.personID)
            }
        }
        return audience.people(active: active, parentOf: parentOf, roleHolders: holders)
    }

    /// Inside the writer's transaction: tells the people the document concerns (a notice each, through the
    /// Notifier) and asks each to confirm reading its latest version, once per version. `onlyNew`: only
    /// the people not yet asked about that version (the audience grew).
    static func announce(
        _ document: GoverningDocument, _ occasion: Occasion, onlyNew: Bool = false, actor: AuditActor,
        on tx: any Database
    ) async throws {
        let documentID = try document.requireID()
        guard
            let version = try await DocumentVersion.query(on: tx).filter(\.$documentID == documentID)
                .sort(\.$number, .descending).first()
        else { return }  // nothing to read yet: publishing without a file tells nobody
        let today = CalendarDay(actor.now())
        let concerned = try await concernedPeople(document, day: today, on: tx)
        let versionID = try version.requireID()
        let asked = Set(
            try await DocumentReadRequest.query(on: tx).filter(\.$versionID == versionID).all().map(\.personID))
        let newlyAsked = concerned.subtracting(asked)
        let recipients = onlyNew ? newlyAsked : concerned
        guard !recipients.isEmpty else { return }
        for person in newlyAsked.sorted(by: { $0.uuidString < $1.uuidString }) {
            let request = DocumentReadRequest()
            request.id = actor.uuid()
            request.tenantID = document.tenantID
            request.documentID = documentID
            request.versionID = versionID
            request.personID = person
            request.requestedAt = actor.now()
            request.requestedOn = today.iso
            try await request.create(on: tx)
        }
        let slug = try await Tenant.find(document.tenantID, on: tx)?.slug ?? ""
        let (kind, title) = occasion.notice
        try await Notifier.post(
            Notifier.Message(
                kind: kind, title: "\(title): \(document.title)",
                body:
                    "\(document.title), version \(version.number) (\(version.fileName)). Läs dokumentet och bekräfta att du har läst det.",
                link: DocumentRoutes.show(slug, documentID), subjectType: "document", subjectID: documentID),
            to: Array(recipients), tenantID: document.tenantID, actor: actor, on: tx)
        if !newlyAsked.isEmpty {
            try await AuditLog.record(
                .create, objectType: DocumentReadRequest.objectType, objectID: versionID,
                label: "\(document.title), version \(version.number)", tenantID: document.tenantID,
                before: ReadRequests?.none,
                after: ReadRequests(version: version.number, people: newlyAsked.count, occasion: occasion.rawValue),
                message: "Läsbekräftelse begärd", actor: actor, on: tx)
        }
    }

    /// What history records of the requests made at once.
    struct ReadRequests: Codable, Hashable {
        var version: Int
        var people: Int
        var occasion: String
    }

    /// What history records of a confirmation.
    struct Confirmation: Codable, Hashable {
        var versions: [Int]
        var confirmedAt: Date?
    }

    /// The person confirms having read the document: every open request they have for it. Refused when
    /// there is none.
    @discardableResult
    static func confirm(
        _ document: GoverningDocument, personID: UUID, actor: AuditActor, on db: any Database
    ) async throws -> [DocumentReadRequest] {
        let documentID = try document.requireID()
        return try await db.writeTransaction { tx in
            let open = try await DocumentReadRequest.query(on: tx).filter(\.$documentID == documentID)
                .filter(\.$personID == personID).filter(\.$confirmedAt == nil).all()
            guard !open.isEmpty else { throw DocumentReadingError.nothingToConfirm }
            let now = actor.now()
            for request in open {
                request.confirmedAt = now
                try await request.update(on: tx)
            }
            let numbers = try await DocumentVersion.query(on: tx).filter(\.$id ~~ open.map(\.versionID)).all()
                .map(\.number).sorted()
            let name = try await Person.find(personID, on: tx)?.name ?? ""
            try await AuditLog.record(
                .update, objectType: DocumentReadRequest.objectType, objectID: try open[0].requireID(),
                label: "\(document.title): \(name)", tenantID: document.tenantID,
                before: Confirmation(versions: numbers, confirmedAt: nil),
                after: Confirmation(versions: numbers, confirmedAt: now), message: "Läsning bekräftad", actor: actor,
                on: tx)
            return open
        }
    }

    /// One person asked to read the latest version that has requests.
    struct Reader: Sendable {
        var personID: UUID
        var name: String
        var requestedOn: CalendarDay
        var confirmedAt: Date?
        var isOverdue: Bool
    }

    /// Who has and who has not confirmed the latest version anyone was asked to read.
    struct Status: Sendable {
        var versionNumber: Int?
        var readers: [Reader]
        var tally: ReadingTally
    }

    static func status(
        _ document: GoverningDocument, today: CalendarDay, days: Int = ReadConfirmation.standardDays,
        on db: any Database
    ) async throws -> Status {
        let documentID = try document.requireID()
        let requests = try await DocumentReadRequest.query(on: db).filter(\.$documentID == documentID).all()
        let versions = try await DocumentVersion.query(on: db).filter(\.$documentID == documentID).all()
        let numbers = Dictionary(uniqueKeysWithValues: versions.compactMap { v in v.id.map { ($0, v.number) } })
        guard let latest = requests.compactMap({ numbers[$0.versionID] }).max() else {
            return Status(versionNumber: nil, readers: [], tally: ReadingTally())
        }
        let current = requests.filter { numbers[$0.versionID] == latest }
        let people = try await Person.query(on: db).filter(\.$id ~~ current.map(\.personID)).all()
        let byID = Dictionary(uniqueKeysWithValues: people.compactMap { p in p.id.map { ($0, p) } })
        var tally = ReadingTally()
        let readers = current.map { r -> Reader in
            let day = CalendarDay(iso: r.requestedOn) ?? today
            let overdue =
                r.confirmedAt == nil && ReadConfirmation.isOverdue(requestedOn: day, today: today, days: days)
            tally.requested += 1
            if r.confirmedAt != nil { tally.confirmed += 1 }
            if overdue { tally.overdue += 1 }
            return Reader(
                personID: r.personID, name: byID[r.personID]?.name ?? "?", requestedOn: day,
                confirmedAt: r.confirmedAt, isOverdue: overdue)
        }.sorted { (byID[$0.personID]?.sortKey ?? "") < (byID[$1.personID]?.sortKey ?? "") }
        return Status(versionNumber: latest, readers: readers, tally: tally)
    }

    /// The documents a person still has to confirm, with the day each was asked for (oldest first).
    static func toRead(
        personID: UUID, tenant: Tenant, on db: any Database
    ) async throws -> [(document: GoverningDocument, requestedOn: CalendarDay)] {
        let open = try await DocumentReadRequest.scoped(to: tenant, on: db).filter(\.$personID == personID)
            .filter(\.$confirmedAt == nil).all()
        guard !open.isEmpty else { return [] }
        var earliest: [UUID: String] = [:]
        for r in open where earliest[r.documentID].map({ r.requestedOn < $0 }) ?? true {
            earliest[r.documentID] = r.requestedOn
        }
        let documents = try await GoverningDocument.scoped(to: tenant, on: db)
            .filter(\.$id ~~ Array(earliest.keys)).filter(\.$isPublished == true).all()
        return documents.compactMap { d in
            guard let id = d.id, let day = earliest[id].flatMap(CalendarDay.init(iso:)) else { return nil }
            return (d, day)
        }.sorted { ($0.requestedOn, $0.document.title) < ($1.requestedOn, $1.document.title) }
    }
}
