/// What the layout template shows: the page's title, the account and its menu, and the blocks.
struct PageView: Sendable {
    var title: String
    var subtitle: String?
    var account: AccountView?
    var navigation: [LinkView] = []
    var breadcrumbs: [LinkView] = []
    var blocks: [Block] = []
    /// The page's own downloads (the whole page's report as HTML, XLSX, DOCX, MD).
    var downloads: [LinkView] = []
    /// Seconds after which the page loads itself again (work under way), without a script.
    var refresh: String?

    /// The account shown in the header, with the CSRF token of its logout form.
    struct AccountView: Sendable {
        var name: String
        var role: String
        var csrf: String
    }
}
