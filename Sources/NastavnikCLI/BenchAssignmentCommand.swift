import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikImport

/// Solves an instance made by `shared/bench/assignment/gen_instances.py` (see its README) and
/// prints one JSON line: `{"n", "total_cost", "unassigned", "seconds"}`. Used by
/// `Scripts/bench-assignment`; hidden from the help.
struct BenchAssignmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-assignment", abstract: "Решить тестовую задачу назначения (для Scripts/bench-assignment).",
        shouldDisplay: false)

    @Argument(help: "Каталог задачи (supported.csv, curators.csv, edges_k20.csv, meta.json).")
    var directory: String

    @Flag(name: .long, help: "Все пары (иначе только edges_k20.csv).")
    var dense = false

    func run() throws {
        func rows(_ name: String) throws -> [[Int]] {
            let reader = try CSVReader(path: (directory as NSString).appendingPathComponent(name), delimiter: UInt8(ascii: ","))
            _ = try reader.next()
            var out: [[Int]] = []
            while let record = try reader.next() {
                if !record.isBlank { out.append(record.fields.map { Int($0) ?? 0 }) }
            }
            return out
        }
        let supported = try rows("supported.csv")
        let curators = try rows("curators.csv")
        var edges = [[(provider: Int32, cost: Int64)]](repeating: [], count: supported.count)
        if dense {
            for (i, s) in supported.enumerated() {
                edges[i].reserveCapacity(curators.count)
                for (j, c) in curators.enumerated() {
                    let dx = Double(s[1] - c[1]), dy = Double(s[2] - c[2])
                    var cost = Int64((dx * dx + dy * dy).squareRoot().rounded(.down)) / 100
                    for subject in 0..<8 { cost += 20 * Int64(max(0, s[3 + subject] - c[4 + subject])) }
                    edges[i].append((Int32(j), cost))
                }
            }
        } else {
            for e in try rows("edges_k20.csv") { edges[e[0]].append((Int32(e[1]), Int64(e[2]))) }
        }
        let start = Date()
        let solution = try MinCostAssignment(edges: edges, capacities: curators.map { $0[3] },
                                             unassignedCost: dense ? nil : 1_000_000).solve()
        let seconds = Date().timeIntervalSince(start)
        Console.current.out("{\"n\": \(supported.count), \"total_cost\": \(solution.pairCost), \"unassigned\": \(solution.unassigned), \"seconds\": \(String(format: "%.4f", seconds))}\n")
    }
}
