import Foundation
import NastavnikCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Work on threads of its own: its result, its error, and background work's lower priority.
@Suite struct BlockingWorkTests {
    @Test func workGivesItsResultOrItsError() async throws {
        #expect(try await BlockingWork.run { 6 * 7 } == 42)
        struct Failed: Error, Equatable {}
        await #expect(throws: Failed.self) { try await BlockingWork.run { throw Failed() } }
    }

    #if os(Linux)
        @Test func backgroundWorkRunsTenNiceLevelsBelowUrgentWork() async throws {
            @Sendable func nice() -> Int32 { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
            let urgent = try await BlockingWork.run(.urgent) { nice() }
            let background = try await BlockingWork.run(.background) { nice() }
            // A nice value is at most 19.
            #expect(background == min(urgent + 10, 19))
        }
    #endif
}
