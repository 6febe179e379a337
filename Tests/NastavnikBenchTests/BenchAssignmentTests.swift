import Foundation
import NastavnikCLI
import NastavnikTestSupport
import Testing

@testable import nastavnik_bench

/// `nastavnik-bench` reads instances of `shared/bench/assignment/gen_instances.py` as the
/// generator writes them, for any k, with the constants of their meta.json.
@Suite struct BenchAssignmentTests {
    let sandbox: ScratchDirectory

    init() throws {
        sandbox = try ScratchDirectory(prefix: "nastavnik-bench")
        // Constants unlike the generator's defaults (100 m, 20, 1,000,000), so that reading them
        // shows in the totals.
        sandbox.write(
            "meta.json", #"{"n": 2, "m": 2, "k": 2, "unassigned_penalty": 50, "dist_unit_m": 50, "deficit_weight": 7}"#)
        sandbox.write(
            "supported.csv", "i,x_m,y_m,d0,d1,d2,d3,d4,d5,d6,d7\n0,0,0,1,0,0,0,0,0,0,0\n1,1000,0,0,0,0,0,0,0,0,0\n")
        sandbox.write(
            "curators.csv",
            "j,x_m,y_m,cap,s0,s1,s2,s3,s4,s5,s6,s7\n0,0,0,1,0,0,0,0,0,0,0,0\n1,1000,0,1,3,0,0,0,0,0,0,0\n")
        // A decoy: the default k's file, which must not be read.
        sandbox.write("edges_k20.csv", "i,j,cost\n0,0,0\n1,1,0\n")
    }

    var directory: String { sandbox.path("") }

    func solve(_ extra: [String] = []) throws -> (cost: Int64, unassigned: Int) {
        let outcome = try BenchAssignment.parse([directory] + extra).solve()
        return (outcome.totalCost, outcome.unassigned)
    }

    /// The Russian refusal of the instance, or "" when it is solved.
    func refusal(_ extra: [String] = []) throws -> String {
        do {
            _ = try BenchAssignment.parse([directory] + extra).solve()
            return ""
        } catch let error as BenchError {
            return error.message
        }
    }

    @Test func readsTheEdgesFileAndConstantsMetaNames() throws {
        // School 1 has one pair dearer than leaving it unassigned at meta's penalty of 50.
        sandbox.write("edges_k2.csv", "i,j,cost\n0,0,1\n0,1,9\n1,0,60\n")
        let sparse = try solve()
        #expect(sparse.cost == 1)
        #expect(sparse.unassigned == 1)
        // Dense costs with 50 m units and 7 per deficit point: school 0 with curator 0 costs 7,
        // with curator 1 20; school 1 with curator 0 20, with curator 1 0.
        let dense = try solve(["--dense"])
        #expect(dense.cost == 7)
        #expect(dense.unassigned == 0)
    }

    @Test func withoutKTheOneEdgesFileIsRead() throws {
        sandbox.write("meta.json", #"{"n": 2, "m": 2}"#)
        try FileManager.default.removeItem(atPath: sandbox.path("edges_k20.csv"))
        sandbox.write("edges_k5.csv", "i,j,cost\n0,0,3\n1,1,4\n")
        #expect(try solve().cost == 7)
        sandbox.write("edges_k20.csv", "i,j,cost\n0,0,0\n")
        #expect(
            try refusal().contains("несколько файлов пар (edges_k20.csv, edges_k5.csv), а meta.json не называет k."))
    }

    @Test func badInputIsNamedNotGuessed() throws {
        // Lines are the file's own, blank lines included.
        sandbox.write("edges_k2.csv", "i,j,cost\n0,0,20\n\n0,x,10\n")
        #expect(try refusal().contains("edges_k2.csv:4: столбец «j»: не целое число (x)."))
        sandbox.write("edges_k2.csv", "i,j,cost\n0,0,20\n\n2,0,10\n")
        #expect(
            try refusal().contains(
                "edges_k2.csv:4: пара 2,0 называет школу или куратора, которых нет (школ 2, кураторов 2)."))
        sandbox.write("edges_k2.csv", "i,j,cost\n0,0\n")
        #expect(try refusal().contains("edges_k2.csv:2: в строке 2 полей, нужно 3."))
        sandbox.write("meta.json", "[1, 2]")
        #expect(try refusal().contains("meta.json: не JSON-объект."))
        sandbox.write("meta.json", #"{"k": 2, "dist_unit_m": 0}"#)
        #expect(try refusal().contains("meta.json: dist_unit_m должно быть больше нуля, а не 0."))
        sandbox.write("meta.json", #"{"k": 2}"#)
        // Dense with fewer places than schools; then a negative capacity.
        sandbox.write("curators.csv", "j,x_m,y_m,cap,s0,s1,s2,s3,s4,s5,s6,s7\n0,0,0,1,0,0,0,0,0,0,0,0\n")
        #expect(try refusal(["--dense"]).contains("Назначить всех нельзя: мест у кураторов 1 на 2 школ"))
        sandbox.write("curators.csv", "j,x_m,y_m,cap,s0,s1,s2,s3,s4,s5,s6,s7\n0,0,0,-1,0,0,0,0,0,0,0,0\n")
        #expect(try refusal().contains("curators.csv:2: куратор 0: отрицательная вместимость -1."))
    }
}

/// The tool speaks as `nastavnik` does: Russian help, usage and errors, the file named.
@Suite struct BenchAssignmentCommandLineTests {
    func run(_ arguments: [String]) async -> (status: Int32, out: String, err: String) {
        let console = Console(capturing: true)
        let status = await Console.$current.withValue(console) { await BenchAssignment.run(arguments) }
        return (status, console.output, console.errors)
    }

    @Test func aMissingInstanceIsARussianErrorNamingTheFile() async {
        let result = await run(["/nonexistent-instance"])
        #expect(result.status == 1)
        #expect(
            result.err == "Ошибка: не удалось прочитать файл «/nonexistent-instance/supported.csv»: файл не найден\n")
    }

    @Test func helpAndUsageAreRussian() async {
        let help = await run(["--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("ИСПОЛЬЗОВАНИЕ: nastavnik-bench <directory> [--dense]"))
        #expect(help.out.contains("Показать справку."))
        #expect(!help.out.contains("USAGE") && !help.out.contains("Show help"))
        let missing = await run([])
        #expect(missing.status == 64)
        #expect(missing.err.hasPrefix("Ошибка: не указан обязательный параметр <directory>."))
    }
}
