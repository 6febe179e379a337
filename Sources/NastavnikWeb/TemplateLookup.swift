import Mustache

// The view types answer the templates' names themselves: swift-mustache otherwise finds each
// name by reflection (`Mirror`), which took most of a large page's time (a school's card: 0.2 s).
// A name not listed falls back to reflection, so a field added later still renders.

/// Reflection's answer for `name`, as swift-mustache gives it (an absent optional is no value).
func reflectedChild(_ object: Any, _ name: String) -> Any? {
    guard let value = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else {
        return nil
    }
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .optional else { return value }
    return mirror.children.first?.value
}

extension PageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "subtitle": subtitle
        case "account": account
        case "navigation": navigation
        case "breadcrumbs": breadcrumbs
        case "blocks": blocks
        case "downloads": downloads
        default: reflectedChild(self, name)
        }
    }
}

extension PageView.AccountView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "role": role
        case "csrf": csrf
        default: reflectedChild(self, name)
        }
    }
}

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "current": current
        default: reflectedChild(self, name)
        }
    }
}

extension Block: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "paragraph": paragraph
        case "note": note
        case "figures": figures
        case "table": table
        case "card": card
        case "chart": chart
        case "filter": filter
        case "pager": pager
        case "links": links
        default: reflectedChild(self, name)
        }
    }
}

extension FigureView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        case "href": href
        case "note": note
        case "alert": alert
        default: reflectedChild(self, name)
        }
    }
}

extension TableView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "caption": caption
        case "columns": columns
        case "rows": rows
        case "emptyMessage": emptyMessage
        case "downloads": downloads
        default: reflectedChild(self, name)
        }
    }
}

extension TableView.ColumnView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "numeric": numeric
        default: reflectedChild(self, name)
        }
    }
}

extension TableView.RowView: MustacheParent {
    func child(named name: String) -> Any? { name == "cells" ? cells : reflectedChild(self, name) }
}

extension TableView.CellView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "href": href
        case "numeric": numeric
        default: reflectedChild(self, name)
        }
    }
}

extension CardView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "fields": fields
        default: reflectedChild(self, name)
        }
    }
}

extension CardView.Field: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        case "href": href
        default: reflectedChild(self, name)
        }
    }
}

extension ChartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "svg": svg
        default: reflectedChild(self, name)
        }
    }
}

extension PagerView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "previous": previous
        case "next": next
        default: reflectedChild(self, name)
        }
    }
}

extension FilterForm: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "action": action
        case "fields": fields
        case "submit": submit
        default: reflectedChild(self, name)
        }
    }
}

extension FilterForm.Field: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "label": label
        case "value": value
        case "options": options
        case "checked": checked
        case "hint": hint
        case "id": id
        case "text": text
        case "select": select
        case "checkbox": checkbox
        default: reflectedChild(self, name)
        }
    }
}

extension FilterForm.Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: reflectedChild(self, name)
        }
    }
}
