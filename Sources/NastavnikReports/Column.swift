import Foundation
import NastavnikCore

/// A column of a report: the stable key scripts read in JSON and the Russian title people read.
public struct Column: Sendable, Equatable {
    public var key: String
    public var title: String

    public init(_ key: String, _ title: String) {
        self.key = key
        self.title = title
    }
}
