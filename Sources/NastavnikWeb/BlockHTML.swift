/// The blocks of a page as HTML, written in Swift: a template looked each of a block's ten
/// parts up through the context stack (several dynamic casts a miss), which made half of a
/// school card's time. Every value goes through `HTMLText` (the template's escaping); only the
/// charts' SVG, which `SVGChart` escapes itself, is inserted as it is. The layout around the
/// blocks stays a template (`layout.mustache`).
enum BlockHTML {
    /// The HTML of `blocks`, in order.
    static func render(_ blocks: [Block]) -> String {
        var html = ""
        for block in blocks { append(block, to: &html) }
        return html
    }

    private static func append(_ block: Block, to html: inout String) {
        if let confirmation = block.confirmation {
            element("p class=\"confirmation\" role=\"status\"", confirmation, closing: "p", to: &html)
        }
        if let heading = block.heading { element("h2", heading, to: &html) }
        if let paragraph = block.paragraph { element("p", paragraph, to: &html) }
        if let note = block.note { element("p class=\"note\"", note, closing: "p", to: &html) }
        if !block.figures.isEmpty { append(block.figures, to: &html) }
        if let filter = block.filter { append(filter, to: &html) }
        if let form = block.form { append(form, to: &html) }
        if let card = block.card { append(card, to: &html) }
        if let chart = block.chart {
            html += "<figure class=\"chart\">\n"
            element("figcaption", chart.title, to: &html)
            html += chart.svg
            html += "\n</figure>\n"
        }
        if let table = block.table { append(table, to: &html) }
        if let pager = block.pager { append(pager, to: &html) }
        if !block.links.isEmpty {
            html += "<ul class=\"links\">"
            for link in block.links {
                html += "<li>"
                anchor(link.href, link.label, to: &html)
                html += "</li>"
            }
            html += "</ul>\n"
        }
    }

    /// `<tag>text</tag>` and a line break; `tag` may carry attributes (then `closing` names it).
    private static func element(_ tag: String, _ text: String, closing: String? = nil, to html: inout String) {
        wrap("<\(tag)>", text, "</\(closing ?? tag)>\n", to: &html)
    }

    /// `open`, `text` escaped, `close`.
    private static func wrap(_ open: String, _ text: String, _ close: String, to html: inout String) {
        html += open
        HTMLText.append(text, to: &html)
        html += close
    }

    /// ` name="value"`, escaped.
    private static func attribute(_ name: String, _ value: String, to html: inout String) {
        html += " \(name)=\""
        HTMLText.append(value, to: &html)
        html += "\""
    }

    private static func anchor(_ href: String, _ label: String, extra: String = "", to html: inout String) {
        html += "<a"
        attribute("href", href, to: &html)
        wrap(extra + ">", label, "</a>", to: &html)
    }

    private static func append(_ figures: [FigureView], to html: inout String) {
        html += "<ul class=\"figures\">\n"
        for figure in figures {
            html += figure.alert ? "<li class=\"figure alert\">" : "<li class=\"figure\">"
            if let href = figure.href {
                html += "<a"
                attribute("href", href, to: &html)
                html += ">"
            }
            wrap("<span class=\"value\">", figure.value, "</span> ", to: &html)
            wrap("<span class=\"label\">", figure.label, "</span>", to: &html)
            if figure.href != nil { html += "</a>" }
            if let note = figure.note { wrap("<span class=\"fnote\">", note, "</span>", to: &html) }
            html += "</li>\n"
        }
        html += "</ul>\n"
    }

    private static func append(_ form: FilterForm, to html: inout String) {
        html += "<form class=\"filter\" method=\"get\""
        attribute("action", form.action, to: &html)
        html += " role=\"search\">\n"
        for field in form.fields {
            html += field.checkbox ? "<div class=\"field check\">\n" : "<div class=\"field\">\n"
            if field.checkbox {
                html += "<input type=\"checkbox\""
                attribute("id", field.id, to: &html)
                attribute("name", field.name, to: &html)
                html += " value=\"1\"" + (field.checked ? " checked>" : ">")
                label(field, to: &html)
            } else {
                label(field, to: &html)
                if field.select {
                    html += "<select"
                    attribute("id", field.id, to: &html)
                    attribute("name", field.name, to: &html)
                    html += ">"
                    for option in field.options {
                        html += "<option"
                        attribute("value", option.value, to: &html)
                        wrap(option.selected ? " selected>" : ">", option.label, "</option>", to: &html)
                    }
                    html += "</select>"
                } else {
                    html += "<input type=\"text\""
                    attribute("id", field.id, to: &html)
                    attribute("name", field.name, to: &html)
                    attribute("value", field.value, to: &html)
                    if field.error != nil {
                        attribute("aria-describedby", field.id + "-error", to: &html)
                        html += " aria-invalid=\"true\""
                    }
                    html += ">"
                }
            }
            if let error = field.error {
                html += "\n<p class=\"error\""
                attribute("id", field.id + "-error", to: &html)
                wrap(">", error, "</p>", to: &html)
            }
            if let hint = field.hint { wrap("<small>", hint, "</small>", to: &html) }
            html += "\n</div>\n"
        }
        wrap("<button type=\"submit\">", form.submit, "</button>\n</form>\n", to: &html)
    }

    private static func append(_ form: FormView, to html: inout String) {
        html += "<form class=\"edit\" method=\"post\""
        attribute("action", form.action, to: &html)
        if form.sendsFile { html += " enctype=\"multipart/form-data\"" }
        html += " novalidate>\n"
        wrap("<fieldset>\n<legend>", form.title, "</legend>\n", to: &html)
        if let problem = form.problem {
            element("p class=\"error\" role=\"alert\" id=\"form-error\"", problem, closing: "p", to: &html)
        }
        for hidden in form.hidden {
            html += "<input type=\"hidden\""
            attribute("name", hidden.name, to: &html)
            attribute("value", hidden.value, to: &html)
            html += ">\n"
        }
        for field in form.fields { append(field, to: &html) }
        wrap("<button type=\"submit\">", form.submit, "</button>\n</fieldset>\n</form>\n", to: &html)
    }

    /// A form's field: its label, its control (tied to its hint and error by `aria-describedby`),
    /// the error beside it, then the hint.
    private static func append(_ field: FormView.Field, to html: inout String) {
        let classes = (field.kind == .checkbox ? "field check" : "field") + (field.error == nil ? "" : " invalid")
        html += "<div class=\"\(classes)\">\n"
        html += "<label"
        attribute("for", field.id, to: &html)
        wrap(">", field.label, "</label>\n", to: &html)
        var control = ""
        attribute("id", field.id, to: &control)
        attribute("name", field.name, to: &control)
        let described = [field.error.map { _ in field.errorID }, field.hint.map { _ in field.hintID }].compactMap { $0 }
        if !described.isEmpty { attribute("aria-describedby", described.joined(separator: " "), to: &control) }
        if field.error != nil { control += " aria-invalid=\"true\"" }
        if field.required { control += " required" }
        switch field.kind {
        case .text, .date:
            html += "<input type=\"text\"" + control
            if field.kind == .date { html += " inputmode=\"numeric\" placeholder=\"ДД.ММ.ГГГГ\" autocomplete=\"off\"" }
            attribute("value", field.value, to: &html)
            html += ">\n"
        case .checkbox:
            html += "<input type=\"checkbox\" value=\"1\"" + control + (field.value == "1" ? " checked>\n" : ">\n")
        case .password:
            html += "<input type=\"password\" autocomplete=\"new-password\"" + control + ">\n"
        case .textarea:
            wrap("<textarea" + control + " rows=\"3\">", field.value, "</textarea>\n", to: &html)
        case .file(let accept):
            // A browser never shows a file input a value: a refused form asks for the file again.
            html += "<input type=\"file\"" + control
            attribute("accept", accept, to: &html)
            html += ">\n"
        case .select(let options):
            html += "<select" + control + ">"
            for option in options {
                html += "<option"
                attribute("value", option.value, to: &html)
                wrap(option.value == field.value ? " selected>" : ">", option.label, "</option>", to: &html)
            }
            html += "</select>\n"
        }
        if let error = field.error {
            html += "<p class=\"error\""
            attribute("id", field.errorID, to: &html)
            wrap(">", error, "</p>\n", to: &html)
        }
        if let hint = field.hint {
            html += "<small"
            attribute("id", field.hintID, to: &html)
            wrap(">", hint, "</small>\n", to: &html)
        }
        html += "</div>\n"
    }

    private static func label(_ field: FilterForm.Field, to html: inout String) {
        html += "<label"
        attribute("for", field.id, to: &html)
        wrap(">", field.label, "</label>", to: &html)
    }

    private static func append(_ card: CardView, to html: inout String) {
        html += "<section class=\"card\">\n"
        if let title = card.title { wrap("<h2>", title, "</h2>", to: &html) }
        html += "\n<dl>\n"
        for field in card.fields {
            wrap("<div><dt>", field.label, "</dt><dd>", to: &html)
            if let href = field.href {
                anchor(href, field.value, to: &html)
            } else {
                HTMLText.append(field.value, to: &html)
            }
            html += "</dd></div>\n"
        }
        html += "</dl>\n</section>\n"
    }

    private static func append(_ table: TableView, to html: inout String) {
        if let caption = table.caption { element("h3", caption, to: &html) }
        if let empty = table.emptyMessage {
            element("p class=\"note\"", empty, closing: "p", to: &html)
        } else {
            html += "<div class=\"scroll\" tabindex=\"0\" role=\"region\""
            attribute("aria-label", table.caption ?? "Таблица", to: &html)
            html += ">\n<table class=\"sortable\">\n<thead><tr>"
            for column in table.columns {
                wrap(
                    column.numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">", column.title, "</th>",
                    to: &html)
            }
            html += "</tr></thead>\n<tbody>\n"
            html += table.body
            html += "</tbody>\n</table>\n</div>\n"
        }
        if !table.downloads.isEmpty {
            html += "<p class=\"downloads\">"
            for link in table.downloads {
                anchor(link.href, link.label, extra: " download", to: &html)
                html += " "
            }
            html += "</p>\n"
        }
    }

    private static func append(_ pager: PagerView, to html: inout String) {
        wrap("<nav class=\"pager\" aria-label=\"Страницы списка\"><span>", pager.summary, "</span> ", to: &html)
        if let previous = pager.previous { anchor(previous, "← Предыдущие", extra: " rel=\"prev\"", to: &html) }
        html += " "
        if let next = pager.next { anchor(next, "Следующие →", extra: " rel=\"next\"", to: &html) }
        html += "</nav>\n"
    }
}
