import Foundation
import Testing
@testable import NastavnikCLI

/// `bench-assignment` reads instances of `shared/bench/assignment/gen_instances.py` as the
/// generator writes them, for any k.
@Suite struct BenchAssignmentCommandTests {
    let sandbox: CLISandbox

    init() throws {
        sandbox = try CLISandbox()
        // Two schools, two curators of one place each; k = 2 names the edges file.
        _ = sandbox.write("meta.json", #"{"n": 2, "m": 2, "k": 2, "unassigned_penalty": 1000000, "dist_unit_m": 100, "deficit_weight": 20}"#)
        _ = sandbox.write("supported.csv", "i,x_m,y_m,d0,d1,d2,d3,d4,d5,d6,d7\n0,0,0,1,0,0,0,0,0,0,0\n1,1000,0,0,0,0,0,0,0,0,0\n")
        _ = sandbox.write("curators.csv", "j,x_m,y_m,cap,s0,s1,s2,s3,s4,s5,s6,s7\n0,0,0,1,0,0,0,0,0,0,0,0\n1,1000,0,1,3,0,0,0,0,0,0,0\n")
    }

    var directory: String { sandbox.path("") }

    @Test func readsTheEdgesFileMetaNamesAndSolvesDenseToo() throws {
        // School 0 next to curator 0 but weak where it is weak: 20; with curator 1, 10 + 0.
        _ = sandbox.write("edges_k2.csv", "i,j,cost\n0,0,20\n0,1,10\n1,0,10\n1,1,0\n")
        let sparse = run(["bench-assignment", directory])
        #expect(sparse.status == 0, "\(sparse.err)")
        let json = try jsonObject(sparse.out)
        #expect(json["total_cost"] as? Int == 20)
        #expect(json["unassigned"] as? Int == 0)
        let dense = try jsonObject(run(["bench-assignment", directory, "--dense"]).out)
        #expect(dense["total_cost"] as? Int == 20)
    }

    @Test func badEdgesAreNamedNotGuessed() {
        _ = sandbox.write("edges_k2.csv", "i,j,cost\n0,0,20\n0,x,10\n")
        #expect(run(["bench-assignment", directory]).err.contains("edges_k2.csv:3: столбец «j»: не целое число (x)."))
        _ = sandbox.write("edges_k2.csv", "i,j,cost\n0,0,20\n2,0,10\n")
        #expect(run(["bench-assignment", directory]).err.contains("edges_k2.csv:3: пара 2,0 называет школу или куратора, которых нет (школ 2, кураторов 2)."))
        // Dense with fewer places than schools.
        _ = sandbox.write("curators.csv", "j,x_m,y_m,cap,s0,s1,s2,s3,s4,s5,s6,s7\n0,0,0,1,0,0,0,0,0,0,0,0\n")
        let dense = run(["bench-assignment", directory, "--dense"])
        #expect(dense.status == 1)
        #expect(dense.err.contains("Назначить всех нельзя: мест у кураторов 1 на 2 школ"))
    }
}
