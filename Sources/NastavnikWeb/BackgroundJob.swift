import Foundation

/// Long work a form started (a whole municipality's plans), as its page shows it: what it is,
/// how far it has got and, once done, what came of it (issue 20: «Long work … shows its
/// progress on a page that updates itself … and can be left and come back to»).
struct BackgroundJob: Sendable {
    /// Its number in its address (random: nobody guesses another's).
    var id: String
    /// The login of the user who started it: nobody else sees it.
    var owner: String
    /// What it does, as the page's heading says it («Составление планов на 2026/27»).
    var title: String
    var started: Date
    /// How far it has got, in words («записано планов: 150 из 333»); empty before the first word.
    var progress = ""
    /// Nil while it runs.
    var outcome: Outcome?

    /// What came of it.
    enum Outcome: Sendable {
        /// Done: the confirmation, and where to see the result (label, address).
        case done(String, link: LinkView)
        /// Refused or failed, nothing written: why, in Russian.
        case failed(String)
    }
}
