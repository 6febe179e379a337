/// The schools an indicator counts, by their official statuses.
public enum IndicatorSchools: String, Sendable, Hashable, Codable {
    /// Every school of the municipality.
    case all
    /// НОР and the risk zones (ЗПР, ЗУР): Заиграевский's «ОУ с НОР, ЗР».
    case lowResultsAndRisk
    /// НОР only (Заиграевский 3.2: «в школах с НОР»).
    case lowResults

    /// Whether a school with these official statuses is counted.
    public func includes(_ statuses: [SchoolStatus]) -> Bool {
        switch self {
        case .all: true
        case .lowResultsAndRisk: statuses.contains { $0 == .lowResults || $0 == .highRisk || $0 == .moderateRisk }
        case .lowResults: statuses.contains(.lowResults)
        }
    }
}
