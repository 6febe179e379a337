/// Whom a row of a diagnostics summary covers: one school, or the whole municipality.
public enum DiagnosticScope: Sendable, Hashable {
    case school(code: String, name: String)
    case municipality

    /// Groups items by school — schools ordered by code, then name, as the summaries list them —
    /// followed, when asked, by the municipality with every item.
    public static func grouped<Item>(
        _ items: [Item], withMunicipality: Bool,
        school: (Item) -> (code: String, name: String)
    ) -> [(scope: DiagnosticScope, items: [Item])] {
        // «code|name» is the order the tables have always had (a shorter code sorts by its «|»).
        var groups: [String: (scope: DiagnosticScope, items: [Item])] = [:]
        for item in items {
            let (code, name) = school(item)
            groups["\(code)|\(name)", default: (.school(code: code, name: name), [])].items.append(item)
        }
        var result = groups.keys.sorted().map { groups[$0]! }
        if withMunicipality { result.append((.municipality, items)) }
        return result
    }
}
