import Foundation

/// A municipality as the region knows it: its identity and its latest push (`region status`).
public struct RegionMunicipalityStatus: Sendable, Equatable {
    public var id: String
    public var oktmo: String
    public var name: String
    public var lastPushAt: Date?
    /// The day the latest push's figures were computed on.
    public var asOf: String?
    public var lastBatch: String?
    public var personalData: Bool?
    /// How many batches the region has recorded for it.
    public var pushes: Int
    /// The latest push's receipt.
    public var receipt: RegionReceipt?

    /// The rows the region holds for it per table (the latest receipt's added, changed and unchanged).
    public func liveRows(_ table: String) -> Int {
        guard let counts = receipt?.tables.first(where: { $0.table == table }) else { return 0 }
        return counts.added + counts.changed + counts.unchanged
    }
}
