import Foundation

/// The demo's plan for the target indicators (`Seeds/demo/indicators.json`): the baseline is
/// the computed value of `baselineYear`, each target year's plan the baseline plus `steps[code]`
/// per year since.
struct DemoIndicatorPlan: Decodable {
    var baselineYear: Int
    var targetYears: [Int]
    var steps: [String: Double]

    enum CodingKeys: String, CodingKey {
        case baselineYear = "baseline_year"
        case targetYears = "target_years"
        case steps
    }
}
