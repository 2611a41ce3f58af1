import Foundation
import Testing

@testable import StyrbordCore

@Suite("Integration graph and neighbourhood layout")
struct IntegrationGraphTests {
    let ids = (0..<6).map { _ in UUID() }

    func edge(_ a: Int, _ b: Int) -> IntegrationGraph.Edge { .init(id: UUID(), source: ids[a], target: ids[b]) }

    @Test("Dependencies and dependents are transitive, nearest first, and a cycle ends")
    func walk() {
        // 0 → 1 → 2 → 3, 3 → 2 (cycle), 4 → 2
        let graph = IntegrationGraph(edges: [edge(0, 1), edge(1, 2), edge(2, 3), edge(3, 2), edge(4, 2)])
        let up = graph.dependencies(of: ids[2])
        #expect(up.map { ids.firstIndex(of: $0.system)! } == [1, 3, 4, 0])
        #expect(up.map(\.distance) == [1, 1, 1, 2])
        #expect(graph.dependents(of: ids[0]).map { ids.firstIndex(of: $0.system)! } == [1, 2, 3])
        #expect(graph.dependencies(of: ids[2], maxDistance: 1).count == 3)
    }

    @Test("The picture puts dependencies left and dependents right, each column in name order")
    func layout() {
        let graph = IntegrationGraph(edges: [edge(0, 2), edge(1, 2), edge(2, 3)])
        let names = [ids[0]: "Beta", ids[1]: "Alfa", ids[2]: "Mitten", ids[3]: "Gamma"]
        let layout = NeighbourhoodLayout(center: ids[2], graph: graph, names: names)
        let column = Dictionary(uniqueKeysWithValues: layout.nodes.map { ($0.system, $0.column) })
        #expect(column[ids[2]] == 0)
        #expect(column[ids[0]] == -1 && column[ids[1]] == -1)
        #expect(column[ids[3]] == 1)
        let left = layout.nodes.filter { $0.column == -1 }.sorted { $0.y < $1.y }.map { names[$0.system]! }
        #expect(left == ["Alfa", "Beta"])
        #expect(
            Set(layout.links.map { "\(names[$0.from]!)→\(names[$0.to]!)" }) == [
                "Alfa→Mitten", "Beta→Mitten", "Mitten→Gamma",
            ])
        #expect(
            layout.nodes.allSatisfy {
                $0.x + NeighbourhoodLayout.boxWidth <= layout.width
                    && $0.y + NeighbourhoodLayout.boxHeight <= layout.height
            })
    }
}
