/// The links between the pages of a long list.
struct PagerView: Sendable {
    /// «Работники 51–100 из 1 234».
    var summary: String
    var previous: String?
    var next: String?
}
