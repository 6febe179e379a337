/// One row of the staff list: the worker and whether the training rule holds for them.
public struct StaffListing: Sendable, Equatable {
    public var line: StaffLine
    /// Training within the last 3 years by the default rule, as the list has always said.
    public var trainedWithinThreeYears: Bool

    public init(line: StaffLine, trainedWithinThreeYears: Bool) {
        self.line = line
        self.trainedWithinThreeYears = trainedWithinThreeYears
    }
}
