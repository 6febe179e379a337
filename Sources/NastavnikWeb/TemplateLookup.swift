import Mustache

// The view types answer the templates' names themselves: swift-mustache otherwise finds each
// name by reflection (`Mirror`), which took most of a large page's time (a school's card: 0.2 s).
// A name a type does not have is no value at once (the template then looks in the enclosing
// object, as it does after reflection finds nothing). `TemplateLookupTests` checks that every
// stored property is answered as reflection answers it, so a field added later must be listed.

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
        default: nil
        }
    }
}

extension PageView.AccountView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "role": role
        case "csrf": csrf
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "current": current
        default: nil
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
        default: nil
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
        default: nil
        }
    }
}

extension TableView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "caption": caption
        case "columns": columns
        case "body": body
        case "emptyMessage": emptyMessage
        case "downloads": downloads
        default: nil
        }
    }
}

extension TableView.ColumnView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "numeric": numeric
        default: nil
        }
    }
}

extension CardView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "fields": fields
        default: nil
        }
    }
}

extension CardView.Field: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        case "href": href
        default: nil
        }
    }
}

extension ChartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "svg": svg
        default: nil
        }
    }
}

extension PagerView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "previous": previous
        case "next": next
        default: nil
        }
    }
}

extension FilterForm: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "action": action
        case "fields": fields
        case "submit": submit
        default: nil
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
        default: nil
        }
    }
}

extension FilterForm.Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}
