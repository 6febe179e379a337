/// An exact minimum-cost assignment of clients (supported schools, mentees) to providers
/// (curator schools, mentors) with capacities: a min-cost flow solved by successive shortest
/// paths with potentials (Dijkstra on reduced costs), integer costs, and an explicit
/// "unassigned" option of a fixed cost for clients no provider can take.
///
/// Each augmentation starts from one unassigned client and stops at the first provider with a
/// free place (as in Jonker–Volgenant), and only the nodes it settled have their potentials
/// moved: most augmentations touch a handful of nodes, so large sparse instances solve fast.
public struct MinCostAssignment: Sendable {
    /// Candidate pairs: `edges[client]` lists (provider, cost).
    public var edges: [[(provider: Int32, cost: Int64)]]
    public var capacities: [Int]
    /// The cost of leaving a client unassigned; `nil` means every client must be assigned.
    public var unassignedCost: Int64?

    public init(edges: [[(provider: Int32, cost: Int64)]], capacities: [Int], unassignedCost: Int64?) {
        self.edges = edges
        self.capacities = capacities
        self.unassignedCost = unassignedCost
    }

    public struct Solution: Sendable, Equatable {
        /// `assignment[client]`: the provider, or nil when unassigned.
        public var assignment: [Int?]
        /// The sum of the pairs' costs (unassigned clients not included).
        public var pairCost: Int64
        public var unassigned: Int
        /// The pairs' cost plus the unassigned clients' cost.
        public var totalCost: Int64
    }

    public enum Failure: Error, Equatable {
        /// No assignment of every client exists (and leaving one unassigned is not allowed).
        case infeasible(client: Int)
    }

    public func solve() throws -> Solution {
        let n = edges.count
        let m = capacities.count
        precondition(
            edges.allSatisfy { $0.allSatisfy { (0..<m).contains(Int($0.provider)) } },
            "an edge names a provider that does not exist")
        // Node ids: clients 0..<n, providers n..<n+m, the "unassigned" provider n+m.
        let unassignedNode = n + m
        let nodeCount = n + m + 1
        var potential = [Int64](repeating: 0, count: nodeCount)
        var assigned = [Int](repeating: -1, count: n)  // provider index, m for unassigned
        var load = [Int](repeating: 0, count: m + 1)
        var members = [[Int32]](repeating: [], count: m + 1)  // clients currently at a provider
        var costOf = [Int64](repeating: 0, count: n)  // the cost of the client's current pair

        var dist = [Int64](repeating: .max, count: nodeCount)
        var settled = [Bool](repeating: false, count: nodeCount)
        var pred = [Int32](repeating: -1, count: nodeCount)
        var touched: [Int32] = []
        var heap = BinaryHeap<Reach>()

        // A pair listed twice counts at its cheaper cost, the one the search relaxed along.
        func edgeCost(_ client: Int, _ provider: Int) -> Int64? {
            if provider == m { return unassignedCost }
            var cheapest: Int64?
            for e in edges[client] where Int(e.provider) == provider { cheapest = min(cheapest ?? e.cost, e.cost) }
            return cheapest
        }

        for start in 0..<n {
            // Dijkstra from `start` on reduced costs, until a provider with a free place is settled.
            for t in touched {
                dist[Int(t)] = .max
                settled[Int(t)] = false
                pred[Int(t)] = -1
            }
            touched.removeAll(keepingCapacity: true)
            heap.removeAll()
            dist[start] = 0
            touched.append(Int32(start))
            heap.push(Reach(distance: 0, node: Int32(start)))
            var target = -1
            var settledOrder: [Int32] = []
            while let reach = heap.pop() {
                let (d, node32) = (reach.distance, reach.node)
                let node = Int(node32)
                if settled[node] || d > dist[node] { continue }
                settled[node] = true
                settledOrder.append(node32)
                if node < n {
                    let base = potential[node]
                    func relax(_ providerNode: Int, _ cost: Int64) {
                        let nd = d + cost + base - potential[providerNode]
                        if nd < dist[providerNode] {
                            if dist[providerNode] == .max { touched.append(Int32(providerNode)) }
                            dist[providerNode] = nd
                            pred[providerNode] = node32
                            heap.push(Reach(distance: nd, node: Int32(providerNode)))
                        }
                    }
                    for e in edges[node] where assigned[node] != Int(e.provider) {
                        relax(n + Int(e.provider), e.cost)
                    }
                    if let u = unassignedCost, assigned[node] != m { relax(unassignedNode, u) }
                } else {
                    let provider = node - n
                    let capacity = provider == m ? Int.max : capacities[provider]
                    if load[provider] < capacity {
                        target = node
                        break
                    }
                    // Through a client placed here: it moves elsewhere, giving back its pair's cost.
                    for client32 in members[provider] {
                        let client = Int(client32)
                        let nd = d - costOf[client] + potential[node] - potential[client]
                        if nd < dist[client] {
                            if dist[client] == .max { touched.append(client32) }
                            dist[client] = nd
                            pred[client] = node32
                            heap.push(Reach(distance: nd, node: client32))
                        }
                    }
                }
            }
            guard target >= 0 else { throw Failure.infeasible(client: start) }
            let total = dist[target]
            // Potentials of the settled nodes move by (d − D); the others by 0, a constant shift.
            for node32 in settledOrder {
                let node = Int(node32)
                if node != target { potential[node] += dist[node] - total }
            }
            // Augment: the target provider gains a client; each client on the path moves one step.
            var providerNode = target
            while true {
                let client = Int(pred[providerNode])
                let provider = providerNode - n
                let old = assigned[client]
                if old >= 0, let index = members[old].firstIndex(of: Int32(client)) {
                    members[old].remove(at: index)
                    load[old] -= 1
                }
                assigned[client] = provider
                members[provider].append(Int32(client))
                load[provider] += 1
                costOf[client] = edgeCost(client, provider)!
                if client == start { break }
                providerNode = Int(pred[client])
            }
        }
        var pairCost: Int64 = 0
        var unassigned = 0
        var result = [Int?](repeating: nil, count: n)
        for client in 0..<n {
            if assigned[client] == m {
                unassigned += 1
            } else {
                result[client] = assigned[client]
                pairCost += costOf[client]
            }
        }
        return Solution(
            assignment: result, pairCost: pairCost, unassigned: unassigned,
            totalCost: pairCost + Int64(unassigned) * (unassignedCost ?? 0))
    }
}

extension MinCostAssignment {
    /// A node of the search reached at a (reduced) distance: the heap's element, least distance first.
    struct Reach: Comparable {
        var distance: Int64
        var node: Int32

        static func < (a: Reach, b: Reach) -> Bool { a.distance < b.distance }
    }
}
