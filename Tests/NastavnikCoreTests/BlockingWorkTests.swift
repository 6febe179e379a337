import Foundation
import NastavnikCore
import Testing

/// Work on a thread of its own: its result or its error.
@Suite struct BlockingWorkTests {
    @Test func workGivesItsResultOrItsError() async throws {
        #expect(try await BlockingWork.run { 6 * 7 } == 42)
        struct Failed: Error, Equatable {}
        await #expect(throws: Failed.self) { try await BlockingWork.run { throw Failed() } }
    }
}
