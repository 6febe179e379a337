import Foundation
import Testing

@testable import NastavnikCore

@Suite struct LoginThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func theFifthFailureLocksForFifteenMinutes() {
        let throttle = LoginThrottle()
        var state = LoginThrottle.State()
        for attempt in 1...4 {
            state = throttle.failed(state, at: start)
            #expect(state.failedCount == attempt)
            #expect(throttle.lock(of: state, at: start) == nil)
        }
        state = throttle.failed(state, at: start)
        let until = start.addingTimeInterval(15 * 60)
        #expect(throttle.lock(of: state, at: start) == until)
        #expect(throttle.lock(of: state, at: until.addingTimeInterval(-1)) == until)
        #expect(throttle.lock(of: state, at: until) == nil)
    }

    @Test func aFailureAfterTheLockCountsFromOne() {
        let throttle = LoginThrottle(maximumFailures: 2, lockMinutes: 1)
        let locked = throttle.failed(throttle.failed(.init(), at: start), at: start)
        #expect(throttle.lock(of: locked, at: start) == start.addingTimeInterval(60))
        let later = throttle.failed(locked, at: start.addingTimeInterval(61))
        #expect(later == LoginThrottle.State(failedCount: 1, lockedUntil: nil))
    }

    @Test func successClearsTheCount() {
        let throttle = LoginThrottle()
        let state = throttle.failed(throttle.failed(.init(), at: start), at: start)
        #expect(state.failedCount == 2)
        #expect(throttle.succeeded(state) == LoginThrottle.State())
    }

    @Test func theSettingsStateTheDefaults() {
        #expect(Settings.accountsLockoutFailures.defaultValue == "5")
        #expect(Settings.accountsLockoutMinutes.defaultValue == "15")
        #expect(Settings.accountsPasswordMinimumLength.defaultValue == "10")
        #expect(LoginThrottle() == LoginThrottle(maximumFailures: 5, lockMinutes: 15))
    }
}
