/// One school's coverage: counted workers and those reached in the period.
public struct CoverageLine: Sendable, Equatable {
    public var code: String
    public var name: String
    public var population: Int
    public var reached: Int
    public var share: Double? { population > 0 ? Double(reached) * 100 / Double(population) : nil }
}
