import Foundation
import StyrbordCore

/// A tenant's organisation tree in memory (a municipality has tens of units, not thousands), for
/// indented pickers, "this unit and everything below it" filters and readable paths.
struct OrgTree: Sendable {
    struct Entry: Sendable {
        var id: UUID
        var name: String
        var shortName: String
        var kind: OrgUnitKind
        var parentID: UUID?
        var depth: Int
    }

    /// What the tree needs of an org unit.
    struct Unit: Sendable {
        var id: UUID
        var parentID: UUID?
        var name: String
        var sortKey: String
        var shortName: String
        var kind: OrgUnitKind
    }

    /// Depth-first order, children sorted by name: the order of the tree page and every picker.
    private(set) var entries: [Entry] = []
    private var byID: [UUID: Entry] = [:]
    private var children: [UUID: [UUID]] = [:]

    init(units: [OrgUnit]) {
        self.init(
            units: units.compactMap { u in
                u.id.map {
                    Unit(
                        id: $0, parentID: u.parentID, name: u.name, sortKey: u.sortKey, shortName: u.shortName,
                        kind: u.kind)
                }
            })
    }

    init(units: [Unit]) {
        let sorted = units.sorted { $0.sortKey < $1.sortKey }
        var roots: [UUID] = []
        let ids = Set(sorted.map(\.id))
        for unit in sorted {
            let id = unit.id
            if let parent = unit.parentID, ids.contains(parent) {
                children[parent, default: []].append(id)
            } else {
                roots.append(id)
            }
        }
        let lookup = Dictionary(uniqueKeysWithValues: sorted.map { ($0.id, $0) })
        var visited = Set<UUID>()
        func visit(_ id: UUID, depth: Int) {
            guard visited.insert(id).inserted, let unit = lookup[id] else { return }  // a cycle can't loop forever
            let entry = Entry(
                id: id, name: unit.name, shortName: unit.shortName, kind: unit.kind, parentID: unit.parentID,
                depth: depth)
            entries.append(entry)
            byID[id] = entry
            for child in children[id] ?? [] { visit(child, depth: depth + 1) }
        }
        for root in roots { visit(root, depth: 0) }
    }

    func entry(_ id: UUID?) -> Entry? { id.flatMap { byID[$0] } }

    func name(_ id: UUID?) -> String? { entry(id)?.name }

    /// The unit and every unit below it.
    func subtree(of id: UUID) -> Set<UUID> {
        var result: Set<UUID> = [id]
        var stack = [id]
        while let next = stack.popLast() {
            for child in children[next] ?? [] where result.insert(child).inserted { stack.append(child) }
        }
        return result
    }

    /// Names from the root down to the unit: "Kommunstyrelsen › Kommunledningskontoret › IT-avdelningen".
    func path(_ id: UUID) -> [Entry] {
        var result: [Entry] = []
        var current = byID[id]
        var guardCount = 0
        while let entry = current, guardCount < 50 {
            result.insert(entry, at: 0)
            current = entry.parentID.flatMap { byID[$0] }
            guardCount += 1
        }
        return result
    }

    func children(of id: UUID) -> [Entry] { (children[id] ?? []).compactMap { byID[$0] } }

    /// The nearest förvaltning at or above the unit: reports group systems by förvaltning.
    func administration(of id: UUID?) -> Entry? {
        guard let id else { return nil }
        return path(id).last { $0.kind == .administration } ?? path(id).first
    }

    /// Options for a picker, indented by depth.
    func options() -> [(value: String, label: String)] {
        entries.map { ($0.id.uuidString, String(repeating: "\u{2003}", count: $0.depth) + $0.name) }
    }
}
