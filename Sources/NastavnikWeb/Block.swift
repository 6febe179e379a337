import NastavnikReports

/// One block of a page, as the `blocks` template shows it: exactly one of its parts is set.
struct Block: Sendable {
    var heading: String?
    var paragraph: String?
    var note: String?
    var figures: [FigureView] = []
    var table: TableView?
    var card: CardView?
    var chart: ChartView?
    var filter: FilterForm?
    var form: FormView?
    /// A confirmation of what a form did (`FlashMessage`), shown once at the top of a page.
    var confirmation: String?
    var pager: PagerView?
    var links: [LinkView] = []

    // Running text is set as the printed reports are (Typography: no line break after a short
    // word or before a dash, «ёлочки»); the template escapes it afterwards.
    static func heading(_ text: String) -> Block { Block(heading: Typography.russian(text)) }
    static func paragraph(_ text: String) -> Block { Block(paragraph: Typography.russian(text)) }
    static func note(_ text: String) -> Block { Block(note: Typography.russian(text)) }
    static func figures(_ figures: [FigureView]) -> Block { Block(figures: figures) }
    static func table(_ table: TableView) -> Block { Block(table: table) }
    static func card(_ card: CardView) -> Block { Block(card: card) }
    static func chart(_ chart: ChartView) -> Block { Block(chart: chart) }
    static func filter(_ form: FilterForm) -> Block { Block(filter: form) }
    static func form(_ form: FormView) -> Block { Block(form: form) }
    static func confirmation(_ text: String) -> Block { Block(confirmation: text) }
    static func pager(_ pager: PagerView) -> Block { Block(pager: pager) }
    static func links(_ links: [LinkView]) -> Block { Block(links: links) }
}
