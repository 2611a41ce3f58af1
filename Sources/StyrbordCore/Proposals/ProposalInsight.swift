import Foundation

/// What the register says a proposal touches (D4: "konsekvenser för andra förvaltningar, system"): the
/// systems that depend on the touched ones, directly or through others, and the other förvaltningar and
/// the role holders those systems have.
public struct ProposalImpact: Sendable, Hashable {
    /// A system as impact needs it: who owns it and who uses it.
    public struct SystemInfo: Sendable, Hashable {
        public var id: UUID
        public var name: String
        public var ownerOrgUnitId: UUID?
        public var userOrgUnitIds: [UUID]

        public init(id: UUID, name: String, ownerOrgUnitId: UUID? = nil, userOrgUnitIds: [UUID] = []) {
            self.id = id
            self.name = name
            self.ownerOrgUnitId = ownerOrgUnitId
            self.userOrgUnitIds = userOrgUnitIds
        }
    }

    /// Someone holding a role on an affected system today.
    public struct RoleHolder: Sendable, Hashable {
        public var systemId: UUID
        public var personId: UUID
        public var personName: String
        public var roleName: String

        public init(systemId: UUID, personId: UUID, personName: String, roleName: String) {
            self.systemId = systemId
            self.personId = personId
            self.personName = personName
            self.roleName = roleName
        }
    }

    /// A system that depends on a touched one, `distance` integrations away, through `via`.
    public struct Dependent: Sendable, Hashable {
        public var system: SystemInfo
        public var distance: Int
        public var via: UUID
    }

    public var touched: [SystemInfo]
    public var dependents: [Dependent]
    /// Förvaltningar other than the proposal's own that own or use a touched or dependent system.
    public var otherAdministrations: [UUID]
    public var roleHolders: [RoleHolder]

    /// - Parameters:
    ///   - administration: the förvaltning a unit belongs to (the unit itself when it has none above).
    ///   - ownAdministration: the proposal's förvaltning.
    public init(
        touched touchedIDs: [UUID], graph: IntegrationGraph, systems: [UUID: SystemInfo], holders: [RoleHolder],
        ownAdministration: UUID?, administration: (UUID) -> UUID
    ) {
        touched = touchedIDs.compactMap { systems[$0] }
        var seen = Set(touchedIDs)
        var dependents: [Dependent] = []
        for id in touchedIDs {
            for reach in graph.dependents(of: id) where seen.insert(reach.system).inserted {
                if let info = systems[reach.system] {
                    dependents.append(Dependent(system: info, distance: reach.distance, via: reach.via))
                }
            }
        }
        self.dependents = dependents.sorted { ($0.distance, $0.system.name) < ($1.distance, $1.system.name) }
        let affected = touched + dependents.map(\.system)
        var administrations: [UUID] = []
        for system in affected {
            for unit in [system.ownerOrgUnitId].compactMap({ $0 }) + system.userOrgUnitIds {
                let admin = administration(unit)
                if admin != ownAdministration && !administrations.contains(admin) { administrations.append(admin) }
            }
        }
        otherAdministrations = administrations
        let affectedIDs = Set(affected.map(\.id))
        roleHolders = holders.filter { affectedIDs.contains($0.systemId) }
    }

    /// How many förvaltningar the proposal affects, its own included (a classification rule may ask).
    public var affectedAdministrationCount: Int { 1 + otherAdministrations.count }
}

/// T3/D4: existing systems and open proposals in other förvaltningar that may meet the same need. The
/// similarity is deliberately simple so that it can be explained: the significant words two texts share.
public enum ProposalOverlap {
    /// Something that may overlap: a system (its name and description) or another open proposal.
    public struct Candidate: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, Codable { case system, proposal }
        public var kind: Kind
        public var id: UUID
        public var name: String
        public var text: String
        /// The förvaltning that owns it; nil when none is recorded.
        public var administration: UUID?

        public init(kind: Kind, id: UUID, name: String, text: String, administration: UUID?) {
            self.kind = kind
            self.id = id
            self.name = name
            self.text = text
            self.administration = administration
        }
    }

    public struct Match: Sendable, Hashable {
        public var candidate: Candidate
        /// The shared words, as they read in the candidate, in alphabetical order.
        public var sharedWords: [String]
        /// Shared words over all distinct words of both (Jaccard), 0–1.
        public var score: Double
    }

    /// Words that say nothing about a purpose: Swedish function words and the register's own vocabulary.
    public static let stopWords: Set<String> = [
        "och", "att", "det", "som", "en", "ett", "den", "de", "är", "för", "med", "till", "av", "på", "i", "om",
        "inte", "har", "kan", "ska", "skall", "vi", "oss", "vår", "våra", "vårt", "man", "från", "eller", "så",
        "men", "när", "där", "här", "alla", "samt", "även", "också", "sig", "sin", "sina", "sitt", "hos",
        "under", "över", "efter", "inom", "mellan", "genom", "utan", "vid", "mer", "mycket", "nya", "ny", "nytt",
        "behov", "behöver", "system", "systemet", "systemen", "förvaltning", "förvaltningen", "kommun",
        "kommunen", "används", "använda", "ta", "få", "göra", "blir", "bli", "vara", "varit", "idag", "dag",
        "the", "and", "for", "of", "to", "a", "an", "in", "on", "with", "is", "are", "new",
    ]

    /// The significant words of a text, lower-cased, each with its comparison key (a rough Swedish stem,
    /// so that "bokning" and "bokningen" match). Words under three letters, numbers and stop words are dropped.
    public static func words(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        let tokens = text.lowercased().split { !($0.isLetter || $0.isNumber) }
        for token in tokens {
            let word = String(token)
            // Numbers (years, diarienummer) say nothing about a purpose either.
            guard word.count >= 3, !stopWords.contains(word), !word.allSatisfy(\.isNumber) else { continue }
            let key = stem(word)
            if result[key] == nil { result[key] = word }
        }
        return result
    }

    /// Drops one common Swedish inflection ending while at least four letters remain.
    public static func stem(_ word: String) -> String {
        for suffix in ["arna", "erna", "orna", "ande", "ende", "else", "ning", "en", "et", "er", "ar", "or", "na", "n"]
        where word.hasSuffix(suffix) && word.count - suffix.count >= 4 {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    /// The candidates outside `ownAdministration` that share at least `minShared` significant words
    /// with `text`, or one word when that is a third of all the distinct words; best first.
    public static func matches(
        for text: String, ownAdministration: UUID?, candidates: [Candidate], minShared: Int = 2
    ) -> [Match] {
        let mine = words(text)
        guard !mine.isEmpty else { return [] }
        var found: [Match] = []
        for candidate in candidates where candidate.administration != ownAdministration || ownAdministration == nil {
            let theirs = words(candidate.name + " " + candidate.text)
            let shared = Set(mine.keys).intersection(theirs.keys)
            guard !shared.isEmpty else { continue }
            let union = Set(mine.keys).union(theirs.keys).count
            let score = Double(shared.count) / Double(union)
            guard shared.count >= minShared || score >= 1.0 / 3 else { continue }
            found.append(
                Match(candidate: candidate, sharedWords: shared.compactMap { theirs[$0] }.sorted(), score: score))
        }
        return found.sorted {
            ($0.sharedWords.count, $0.score, $1.candidate.name) > ($1.sharedWords.count, $1.score, $0.candidate.name)
        }
    }
}
