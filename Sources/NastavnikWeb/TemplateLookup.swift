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
        // The blocks are written in Swift (`BlockHTML`), which escapes every value.
        case "content": BlockHTML.render(blocks)
        case "downloads": downloads
        case "refresh": refresh
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
