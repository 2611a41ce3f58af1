import Foundation

/// The records a system list may refer to by name, loaded by the app from the tenant's database.
/// Names match ignoring case, diacritics, punctuation and spacing; an exact (case-insensitive) match
/// wins over a looser one, so "Kultur" and "Kúltur" can both exist.
public struct ImportDirectory: Sendable {
    /// A record that can be named in a cell.
    public struct Entry: Sendable, Hashable {
        public var id: UUID
        public var name: String
        /// Other names that find it: an org unit's short name ("BUF"), a person's e-mail.
        public var otherNames: [String]

        public init(id: UUID, name: String, otherNames: [String] = []) {
            self.id = id
            self.name = name
            self.otherNames = otherNames.filter { !$0.trimmed.isEmpty }
        }

        public static func orgUnit(id: UUID, name: String, shortName: String = "") -> Entry {
            Entry(id: id, name: name, otherNames: [shortName])
        }

        public static func person(id: UUID, name: String, email: String = "") -> Entry {
            Entry(id: id, name: name, otherNames: [email])
        }
    }

    /// How a name matched.
    public enum Match: Sendable, Hashable {
        case none
        case one(UUID)
        /// Several records share the name; the user must be more precise.
        case ambiguous(count: Int)
    }

    /// Entries matched by name, looked up exactly and then loosely.
    struct Index: Sendable {
        private var exact: [String: Set<UUID>] = [:]
        private var loose: [String: Set<UUID>] = [:]

        init(_ entries: [Entry]) {
            for entry in entries {
                for name in [entry.name] + entry.otherNames {
                    exact[name.trimmed.lowercased(), default: []].insert(entry.id)
                    loose[ImportText.key(name), default: []].insert(entry.id)
                }
            }
        }

        func match(_ name: String) -> Match {
            let ids = exact[name.trimmed.lowercased()] ?? loose[ImportText.key(name)] ?? []
            switch ids.count {
            case 0: return .none
            case 1: return .one(ids.first!)
            default: return .ambiguous(count: ids.count)
            }
        }
    }

    let orgUnits: Index
    let managementObjects: Index
    let suppliers: Index
    let persons: Index
    let personEmails: Index
    let systems: Index

    /// - Parameters:
    ///   - orgUnits: `Entry.orgUnit`, found by name or short name.
    ///   - persons: `Entry.person`, found by e-mail or name.
    ///   - systems: the register's systems, so the plan can tell which rows already exist.
    public init(
        orgUnits: [Entry] = [], managementObjects: [Entry] = [], suppliers: [Entry] = [], persons: [Entry] = [],
        systems: [Entry] = []
    ) {
        self.orgUnits = Index(orgUnits)
        self.managementObjects = Index(managementObjects)
        self.suppliers = Index(suppliers)
        self.persons = Index(persons.map { Entry(id: $0.id, name: $0.name) })
        self.personEmails = Index(persons.compactMap { p in p.otherNames.first.map { Entry(id: p.id, name: $0) } })
        self.systems = Index(systems)
    }

    public func orgUnit(named name: String) -> Match { orgUnits.match(name) }
    public func managementObject(named name: String) -> Match { managementObjects.match(name) }
    public func supplier(named name: String) -> Match { suppliers.match(name) }
    public func system(named name: String) -> Match { systems.match(name) }
    /// E-mail addresses match exactly (ignoring case); names also loosely.
    public func person(name: String?, email: String?) -> Match {
        if let email, !email.isEmpty, case .one(let id) = personEmails.match(email) { return .one(id) }
        guard let name, !name.isEmpty else { return .none }
        return persons.match(name)
    }
}

/// What storing an import would do, with every reference resolved to an id. The app writes all of it
/// in one transaction, or nothing when `issues` is not empty.
public struct SystemImportPlan: Sendable {
    /// A system to store, from one line of the file.
    public struct System: Sendable, Hashable {
        public var line: Int
        /// Ready to store: every reference holds an id (an existing record's or a new one's).
        public var draft: ITSystemDraft
        /// Set when a system of the same name is already in the register; the app decides whether
        /// that is an update or a conflict.
        public var existingSystemId: UUID?
        public var roles: [Role]
    }

    /// A person who will hold a role on the system from the day of the import.
    public struct Role: Sendable, Hashable {
        public var roleKey: String
        public var holding: RoleHolding
        public var personId: UUID
    }

    /// A supplier named in the file but not in the register: created with this id.
    public struct NewSupplier: Sendable, Hashable {
        public var id: UUID
        public var name: String
        public var firstLine: Int
    }

    /// A person named in the file but not in the register: created with this id. A cell with only an
    /// e-mail address gives the address as the name until someone edits it.
    public struct NewPerson: Sendable, Hashable {
        public var id: UUID
        public var name: String
        public var email: String
        public var firstLine: Int
    }

    public var systems: [System]
    public var newSuppliers: [NewSupplier]
    public var newPersons: [NewPerson]
    /// The preview's issues and those found while resolving, sorted by line.
    public var issues: [ImportIssue]

    /// True when there is something to store and nothing stops it.
    public var canImport: Bool { issues.isEmpty && !systems.isEmpty }
}

extension SystemImportPreview {
    /// Ties every name in the rows to a record of the directory. Unknown org units and management
    /// objects are errors (they are the register's structure, set up before importing); unknown
    /// suppliers and persons are planned as new records, because the Excel list is where they come from.
    /// `makeID` gives the ids of new records, so that tests can pin them.
    public func resolve(using directory: ImportDirectory, makeID: () -> UUID = UUID.init) -> SystemImportPlan {
        var issues = self.issues
        var systems: [SystemImportPlan.System] = []
        var newSuppliers: [SystemImportPlan.NewSupplier] = []
        var newSupplierByKey: [String: UUID] = [:]
        var newPersons: [SystemImportPlan.NewPerson] = []
        var newPersonByKey: [String: UUID] = [:]

        for row in rows {
            var draft = row.draft
            func issue(_ ref: NameReference, field: SystemImportField.Kind, _ sv: String, _ en: String) {
                issues.append(
                    ImportIssue(
                        line: row.line, column: ref.column, field: field.code,
                        message: Localized(sv: sv, en: en)))
            }
            func orgUnit(_ ref: NameReference, field: SystemImportField.Kind) -> UUID? {
                switch directory.orgUnit(named: ref.name) {
                case .one(let id): return id
                case .none:
                    issue(
                        ref, field: field,
                        "Det finns ingen organisationsenhet som heter \"\(ref.name)\". Lägg upp den först eller rätta namnet.",
                        "There is no org unit called \"\(ref.name)\". Create it first or correct the name.")
                case .ambiguous(let n):
                    issue(
                        ref, field: field,
                        "\(n) organisationsenheter heter \"\(ref.name)\". Ange förkortningen i stället.",
                        "\(n) org units are called \"\(ref.name)\". Use the short name instead.")
                }
                return nil
            }
            func supplier(_ ref: NameReference, field: SystemImportField.Kind) -> UUID? {
                switch directory.supplier(named: ref.name) {
                case .one(let id): return id
                case .ambiguous(let n):
                    issue(
                        ref, field: field,
                        "\(n) leverantörer heter \"\(ref.name)\". Slå ihop dem i registret först.",
                        "\(n) suppliers are called \"\(ref.name)\". Merge them in the register first.")
                    return nil
                case .none:
                    let key = ImportText.key(ref.name)
                    if let id = newSupplierByKey[key] { return id }
                    let id = makeID()
                    newSupplierByKey[key] = id
                    newSuppliers.append(.init(id: id, name: ref.name, firstLine: row.line))
                    return id
                }
            }

            if let ref = row.ownerOrgUnit { draft.ownerOrgUnitId = orgUnit(ref, field: .ownerOrgUnit) }
            var userUnits = row.userOrgUnits
            if userUnits.count > 1, let whole = row.userOrgUnitsCell, case .one = directory.orgUnit(named: whole) {
                userUnits = [NameReference(name: whole, column: userUnits[0].column)]  // one unit with a comma in its name
            }
            draft.userOrgUnitIds = userUnits.compactMap { orgUnit($0, field: .userOrgUnits) }
            if let ref = row.managementObject {
                switch directory.managementObject(named: ref.name) {
                case .one(let id): draft.managementObjectId = id
                case .none:
                    issue(
                        ref, field: .managementObject,
                        "Det finns inget förvaltningsobjekt som heter \"\(ref.name)\". Lägg upp det först eller rätta namnet.",
                        "There is no management object called \"\(ref.name)\". Create it first or correct the name.")
                case .ambiguous(let n):
                    issue(
                        ref, field: .managementObject,
                        "\(n) förvaltningsobjekt heter \"\(ref.name)\". Ge dem olika namn i registret först.",
                        "\(n) management objects are called \"\(ref.name)\". Give them different names in the register first."
                    )
                }
            }
            if let ref = row.supplier { draft.supplierId = supplier(ref, field: .supplier) }
            if let ref = row.operatorSupplier { draft.operatorSupplierId = supplier(ref, field: .operatorSupplier) }

            var roles: [SystemImportPlan.Role] = []
            for holder in row.roleHolders {
                let ref = NameReference(name: holder.displayName, column: holder.column)
                let field = SystemImportField.Kind.role(key: holder.roleKey, holding: holder.holding)
                switch directory.person(name: holder.name, email: holder.email) {
                case .one(let id):
                    roles.append(.init(roleKey: holder.roleKey, holding: holder.holding, personId: id))
                case .ambiguous(let n):
                    issue(
                        ref, field: field,
                        "\(n) personer heter \"\(holder.displayName)\". Ange e-postadressen i stället.",
                        "\(n) people are called \"\(holder.displayName)\". Give the e-mail address instead.")
                case .none:
                    // Many lists put the owning nämnd or förvaltning in the systemägare column; that
                    // must not become a person.
                    if holder.email == nil, case .one = directory.orgUnit(named: holder.displayName) {
                        issue(
                            ref, field: field,
                            "\"\(holder.displayName)\" är en organisationsenhet, inte en person. Ange namn eller e-post på den som har rollen.",
                            "\"\(holder.displayName)\" is an org unit, not a person. Give the name or e-mail of the person holding the role."
                        )
                        continue
                    }
                    let key = holder.email.map { "@" + $0.lowercased() } ?? ImportText.key(holder.displayName)
                    let id: UUID
                    if let existing = newPersonByKey[key] {
                        id = existing
                    } else {
                        id = makeID()
                        newPersonByKey[key] = id
                        newPersons.append(
                            .init(
                                id: id, name: holder.name ?? holder.email ?? "", email: holder.email ?? "",
                                firstLine: row.line))
                    }
                    roles.append(.init(roleKey: holder.roleKey, holding: holder.holding, personId: id))
                }
            }
            var existing: UUID?
            if case .one(let id) = directory.system(named: draft.name) { existing = id }
            systems.append(.init(line: row.line, draft: draft, existingSystemId: existing, roles: roles))
        }
        // Stable by line, so a row's issues keep their column order.
        issues = issues.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
        return SystemImportPlan(systems: systems, newSuppliers: newSuppliers, newPersons: newPersons, issues: issues)
    }
}
