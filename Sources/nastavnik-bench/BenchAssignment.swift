import ArgumentParser
import Foundation
import NastavnikCLI
import NastavnikCore
import NastavnikImport

/// `nastavnik-bench`: solves an instance made by `shared/bench/assignment/gen_instances.py` (see
/// its README) with Core's `MinCostAssignment` and prints one JSON line:
/// `{"n", "total_cost", "unassigned", "seconds"}`. Used by `Scripts/bench-assignment`; a
/// developer's tool, apart from the product's `nastavnik` command.
@main
struct BenchAssignment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nastavnik-bench", abstract: "Решить тестовую задачу назначения (для Scripts/bench-assignment).")

    /// The solve's figures (seconds: the solve, not the reading).
    struct Outcome: Equatable {
        var n: Int
        var totalCost: Int64
        var unassigned: Int
        var seconds: Double
    }

    /// Help, usage and errors in Russian, as `nastavnik` prints them; an instance's refusal names
    /// the file, line and column.
    static func main() async { Foundation.exit(await run()) }

    /// Parses and runs a command line (the process's by default); the exit status.
    static func run(_ arguments: [String]? = nil) async -> Int32 {
        await RussianCommandLine.run(BenchAssignment.self, arguments: arguments) { error in
            switch error {
            case let error as BenchError: error.message
            case let error as CSVError: Importer.describe(error)
            default: nil
            }
        }
    }

    @Argument(help: "Каталог задачи (supported.csv, curators.csv, edges_kK.csv, meta.json).")
    var directory: String

    @Flag(name: .long, help: "Все пары (иначе только edges_kK.csv, K из meta.json).")
    var dense = false

    /// The instance's constants; the generator's defaults when meta.json lacks one.
    struct Meta {
        var k: Int?
        var unassignedPenalty: Int64 = 1_000_000
        var distanceUnit: Int64 = 100
        var deficitWeight: Int64 = 20
    }

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    func meta() throws -> Meta {
        var meta = Meta()
        guard let data = FileManager.default.contents(atPath: path("meta.json")) else { return meta }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BenchError("\(path("meta.json")): не JSON-объект.")
        }
        func integer(_ key: String) -> Int64? { (object[key] as? NSNumber).map { $0.int64Value } }
        meta.k = integer("k").map(Int.init)
        meta.unassignedPenalty = integer("unassigned_penalty") ?? meta.unassignedPenalty
        meta.distanceUnit = integer("dist_unit_m") ?? meta.distanceUnit
        meta.deficitWeight = integer("deficit_weight") ?? meta.deficitWeight
        // Distances are divided by the unit.
        guard meta.distanceUnit > 0 else {
            throw BenchError("\(path("meta.json")): dist_unit_m должно быть больше нуля, а не \(meta.distanceUnit).")
        }
        return meta
    }

    /// The sparse pairs: `edges_kK.csv` for the K of meta.json, else the one edges file there is.
    func edgesFile(_ meta: Meta) throws -> String {
        if let k = meta.k { return "edges_k\(k).csv" }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let edges = names.filter { $0.hasPrefix("edges_k") && $0.hasSuffix(".csv") }.sorted()
        guard edges.count == 1 else {
            throw BenchError(
                edges.isEmpty
                    ? "В «\(directory)» нет файла edges_kK.csv."
                    : "В «\(directory)» несколько файлов пар (\(edges.joined(separator: ", "))), а meta.json не называет k."
            )
        }
        return edges[0]
    }

    /// Every data row as integers, with its line; anything else is an error naming the file,
    /// line and column.
    func rows(_ name: String, columns: Int) throws -> [(line: Int, values: [Int])] {
        let reader = try CSVReader(path: path(name), delimiter: UInt8(ascii: ","))
        guard let header = try reader.next() else { throw BenchError("\(path(name)): файл пуст.") }
        var out: [(line: Int, values: [Int])] = []
        while let record = try reader.next() {
            if record.isBlank { continue }
            guard record.fields.count >= columns else {
                throw BenchError(
                    "\(path(name)):\(record.line): в строке \(record.fields.count) полей, нужно \(columns).")
            }
            out.append(
                (
                    record.line,
                    try record.fields.prefix(columns).enumerated().map { index, field in
                        let value = CellValue.trimmed(field)
                        guard let number = Int(value) else {
                            let column = index < header.fields.count ? header.fields[index] : String(index + 1)
                            throw BenchError(
                                "\(path(name)):\(record.line): столбец «\(column)»: не целое число (\(value)).")
                        }
                        return number
                    }
                ))
        }
        return out
    }

    func run() throws {
        let outcome = try solve()
        print(
            "{\"n\": \(outcome.n), \"total_cost\": \(outcome.totalCost), \"unassigned\": \(outcome.unassigned), \"seconds\": \(String(format: "%.4f", outcome.seconds))}"
        )
    }

    func solve() throws -> Outcome {
        let meta = try meta()
        let supported = try rows("supported.csv", columns: 11).map(\.values)
        let curatorRows = try rows("curators.csv", columns: 12)
        for (line, c) in curatorRows where c[3] < 0 {
            throw BenchError("\(path("curators.csv")):\(line): куратор \(c[0]): отрицательная вместимость \(c[3]).")
        }
        let curators = curatorRows.map(\.values)
        var edges = [[(provider: Int32, cost: Int64)]](repeating: [], count: supported.count)
        if dense {
            for (i, s) in supported.enumerated() {
                edges[i].reserveCapacity(curators.count)
                for (j, c) in curators.enumerated() {
                    let dx = Double(s[1] - c[1])
                    let dy = Double(s[2] - c[2])
                    var cost = Int64((dx * dx + dy * dy).squareRoot().rounded(.down)) / meta.distanceUnit
                    for subject in 0..<8 { cost += meta.deficitWeight * Int64(max(0, s[3 + subject] - c[4 + subject])) }
                    edges[i].append((Int32(j), cost))
                }
            }
        } else {
            let name = try edgesFile(meta)
            for (line, e) in try rows(name, columns: 3) {
                guard edges.indices.contains(e[0]), curators.indices.contains(e[1]) else {
                    throw BenchError(
                        "\(path(name)):\(line): пара \(e[0]),\(e[1]) называет школу или куратора, которых нет (школ \(supported.count), кураторов \(curators.count))."
                    )
                }
                edges[e[0]].append((Int32(e[1]), Int64(e[2])))
            }
        }
        let start = Date()
        let solution: MinCostAssignment.Solution
        do {
            solution = try MinCostAssignment(
                edges: edges, capacities: curators.map { $0[3] },
                unassignedCost: dense ? nil : meta.unassignedPenalty
            ).solve()
        } catch MinCostAssignment.Failure.infeasible(let client) {
            let places = curators.reduce(0) { $0 + $1[3] }
            throw BenchError(
                "Назначить всех нельзя: мест у кураторов \(places) на \(supported.count) школ (первой не хватило места школе \(client))."
            )
        }
        return Outcome(
            n: supported.count, totalCost: solution.pairCost, unassigned: solution.unassigned,
            seconds: Date().timeIntervalSince(start))
    }
}
