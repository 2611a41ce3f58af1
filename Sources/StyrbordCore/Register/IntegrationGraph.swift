import Foundation

/// The systems of a tenant as a directed graph of integrations. An integration carries information
/// from its source to its target, so the target depends on the source.
public struct IntegrationGraph: Sendable {
    public struct Edge: Sendable, Hashable {
        public var id: UUID
        public var source: UUID
        public var target: UUID
        public init(id: UUID, source: UUID, target: UUID) {
            self.id = id
            self.source = source
            self.target = target
        }
    }

    /// A system reached by walking the graph, and how many integrations away it is.
    public struct Reach: Sendable, Hashable {
        public var system: UUID
        public var distance: Int
        /// The system one step closer to the start, so a page can show the path.
        public var via: UUID
    }

    private var outgoing: [UUID: [UUID]] = [:]
    private var incoming: [UUID: [UUID]] = [:]

    public init(edges: [Edge]) {
        for edge in edges where edge.source != edge.target {
            outgoing[edge.source, default: []].append(edge.target)
            incoming[edge.target, default: []].append(edge.source)
        }
    }

    /// Systems `system` depends on: its sources, their sources, and so on (breadth first, nearest first).
    public func dependencies(of system: UUID, maxDistance: Int = .max) -> [Reach] {
        walk(from: system, along: incoming, maxDistance: maxDistance)
    }

    /// Systems that depend on `system`, directly or through others.
    public func dependents(of system: UUID, maxDistance: Int = .max) -> [Reach] {
        walk(from: system, along: outgoing, maxDistance: maxDistance)
    }

    private func walk(from start: UUID, along next: [UUID: [UUID]], maxDistance: Int) -> [Reach] {
        var seen: Set<UUID> = [start]
        var frontier = [start]
        var result: [Reach] = []
        var distance = 0
        while !frontier.isEmpty && distance < maxDistance {
            distance += 1
            var following: [UUID] = []
            for node in frontier {
                for neighbour in next[node, default: []] where seen.insert(neighbour).inserted {
                    result.append(Reach(system: neighbour, distance: distance, via: node))
                    following.append(neighbour)
                }
            }
            frontier = following
        }
        return result
    }
}

/// Positions for a picture of a system's neighbourhood: dependencies in columns to the left,
/// dependents to the right, the system itself in the middle. Pure geometry, so it is unit-tested
/// and the web layer only draws it.
public struct NeighbourhoodLayout: Sendable {
    public struct Node: Sendable, Hashable {
        public var system: UUID
        /// Negative: a dependency that many steps upstream; positive: a dependent; 0: the system.
        public var column: Int
        public var x: Int
        public var y: Int
    }

    public struct Link: Sendable, Hashable {
        public var from: UUID
        public var to: UUID
    }

    public var nodes: [Node]
    public var links: [Link]
    public var width: Int
    public var height: Int
    public static let boxWidth = 170
    public static let boxHeight = 36

    /// - Parameters:
    ///   - names: used only to order each column alphabetically, so the picture is stable.
    ///   - maxDistance: how many steps to draw each way (the lists on the page show everything).
    public init(center: UUID, graph: IntegrationGraph, names: [UUID: String], maxDistance: Int = 2) {
        let upstream = graph.dependencies(of: center, maxDistance: maxDistance)
        let downstream = graph.dependents(of: center, maxDistance: maxDistance)
        var columns: [Int: [UUID]] = [0: [center]]
        var placed: Set<UUID> = [center]
        for reach in upstream where placed.insert(reach.system).inserted {
            columns[-reach.distance, default: []].append(reach.system)
        }
        for reach in downstream where placed.insert(reach.system).inserted {
            columns[reach.distance, default: []].append(reach.system)
        }
        let keys = columns.keys.sorted()
        let minColumn = keys.first ?? 0
        let gapX = 60
        let gapY = 14
        let margin = 10
        let tallest = columns.values.map(\.count).max() ?? 1
        let height = margin * 2 + tallest * Self.boxHeight + (tallest - 1) * gapY
        var nodes: [Node] = []
        for key in keys {
            let members = columns[key]!.sorted {
                (names[$0] ?? "").localizedStandardCompare(names[$1] ?? "") == .orderedAscending
            }
            let columnHeight = members.count * Self.boxHeight + (members.count - 1) * gapY
            let top = (height - columnHeight) / 2
            for (index, system) in members.enumerated() {
                nodes.append(
                    Node(
                        system: system, column: key,
                        x: margin + (key - minColumn) * (Self.boxWidth + gapX),
                        y: top + index * (Self.boxHeight + gapY)))
            }
        }
        // Links: each reached system to the one it was reached through, in the direction information flows.
        var links: [Link] = []
        for reach in upstream where placed.contains(reach.system) {
            links.append(Link(from: reach.system, to: reach.via))
        }
        for reach in downstream where placed.contains(reach.system) {
            links.append(Link(from: reach.via, to: reach.system))
        }
        self.nodes = nodes
        self.links = links
        self.width = margin * 2 + keys.count * Self.boxWidth + (keys.count - 1) * gapX
        self.height = height
    }
}
