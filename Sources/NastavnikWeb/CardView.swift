import NastavnikReports

/// A record's card (a school's, a person's) as a definition list.
struct CardView: Sendable {
    var title: String?
    var fields: [Field]

    /// One field of a card: its label and value, and a link when the value is a record of its own.
    struct Field: Sendable {
        var label: String
        var value: String
        var href: String?
    }

    /// A Reports card's fields; `links` maps a field's key to the address of what its value names.
    init(_ card: Card, links: [String: (Cell) -> String?] = [:]) {
        self.title = card.title.isEmpty ? nil : card.title
        self.fields = card.fields.map { key, label, cell in
            Field(label: label, value: cell.display.isEmpty ? "—" : cell.display, href: links[key]?(cell))
        }
    }
}
