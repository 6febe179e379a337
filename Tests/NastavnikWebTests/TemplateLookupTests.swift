import Mustache
import NastavnikReports
import Testing

@testable import NastavnikWeb

/// Reflection's answer for `name`, as swift-mustache gives it (an absent optional is no value):
/// what the view types' own answers are tested against.
func reflectedChild(_ object: Any, _ name: String) -> Any? {
    guard let value = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else {
        return nil
    }
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .optional else { return value }
    return mirror.children.first?.value
}

/// The view types' own answers to the templates' names are reflection's, field by field.
@Suite struct TemplateLookupTests {
    static func agree(_ value: some MustacheParent) {
        // A name that is no field of the type is no value, as reflection finds none.
        #expect(value.child(named: "noSuchField") == nil)
        for label in Mirror(reflecting: value).children.compactMap(\.label) {
            #expect(
                String(describing: value.child(named: label)) == String(describing: reflectedChild(value, label)),
                "\(type(of: value)).\(label)")
        }
    }

    @Test func everyViewTypeAnswersAsReflectionWould() {
        let link = LinkView(label: "Школы", href: "/schools", current: true)
        let table = TableView(
            ReportTable(
                title: "Т", columns: [Column("code", "Код"), Column("n", "Число")], rows: [[.text("SV1"), .integer(3)]]),
            links: ["code": { _ in "/schools/SV1" }], downloadBase: "/schools")
        let card = CardView(Card(title: "К", fields: [("a", "Поле", .text("знач"))]))
        let form = FilterForm(
            action: "/staff",
            fields: [
                .text("q", "Поиск", value: "а", hint: "подсказка"), .checkbox("overdue", "Просрочено", checked: true),
                .select("kind", "Вид", value: "x", choices: [("x", "икс")]),
            ])
        let blocks: [Block] = [
            .heading("З"), .paragraph("П"), .note("Н"), .figures([FigureView(label: "ш", value: "1", href: "/")]),
            .table(table), .card(card), .filter(form), .pager(PagerView(summary: "с", previous: nil, next: "/n")),
            .links([link]),
        ]
        var page = PageView(title: "Т", subtitle: nil)
        page.account = .init(name: "И", role: "р", csrf: "c")
        page.navigation = [link]
        page.blocks = blocks
        Self.agree(page)
        Self.agree(page.account!)
        Self.agree(link)
        for block in blocks { Self.agree(block) }
        Self.agree(blocks[3].figures[0])
        Self.agree(table)
        Self.agree(table.columns[0])
        Self.agree(card)
        Self.agree(card.fields[0])
        Self.agree(form)
        for field in form.fields { Self.agree(field) }
        Self.agree(form.fields[2].options[0])
        Self.agree(PagerView(summary: "с", previous: "/p", next: nil))
    }
}
