/// A link as a template shows it.
struct LinkView: Sendable {
    var label: String
    var href: String
    /// The link to the page being shown (`aria-current`).
    var current = false
}
