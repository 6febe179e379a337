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

/// The view types' own answers to the layout's names are reflection's, field by field; the blocks
/// are written in Swift (`BlockHTMLTests`) and reach the layout as `content`.
@Suite struct TemplateLookupTests {
    static func agree(_ value: some MustacheParent, except skipped: Set<String> = []) {
        // A name that is no field of the type is no value, as reflection finds none.
        #expect(value.child(named: "noSuchField") == nil)
        for label in Mirror(reflecting: value).children.compactMap(\.label) where !skipped.contains(label) {
            #expect(
                String(describing: value.child(named: label)) == String(describing: reflectedChild(value, label)),
                "\(type(of: value)).\(label)")
        }
    }

    @Test func everyViewTypeAnswersAsReflectionWould() {
        let link = LinkView(label: "Школы", href: "/schools", current: true)
        var page = PageView(title: "Т", subtitle: "П")
        page.account = .init(name: "И", role: "р", csrf: "c")
        page.navigation = [link]
        page.breadcrumbs = [link]
        page.downloads = [link]
        page.blocks = [.heading("З"), .paragraph("<П>")]
        Self.agree(page, except: ["blocks"])
        #expect(page.child(named: "blocks") == nil)
        #expect(page.child(named: "content") as? String == BlockHTML.render(page.blocks))
        Self.agree(page.account!)
        Self.agree(link)
    }
}
