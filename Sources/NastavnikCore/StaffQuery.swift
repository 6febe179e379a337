/// What the staff page asks for: a search, filters, an order by name and a page. Both front ends
/// (the command line and the web) build one and the store answers it with one request.
public struct StaffQuery: Sendable, Equatable {
    /// A page's rows when none is asked for.
    public static let defaultPageSize = 50
    /// The most rows a page may hold: a larger page would no longer be fast on a country's staff.
    public static let maximumPageSize = 500

    /// A name (any word's beginning; case and «ё» do not matter), a personnel number or a СНИЛС
    /// (exact, with or without its separators). Blank: no search.
    public var search: String?
    /// Only the staff of the school with this code.
    public var schoolCode: String?
    /// Only people whose 3-year training term (`TrainingRule.dueBy`) has passed on `asOf`.
    public var overdue: Bool
    /// Only people whose latest diagnostic found deficits (results below its threshold).
    public var deficit: Bool
    /// Only молодые специалисты by the rule in force (`EarlyCareerRule`).
    public var earlyCareer: Bool
    /// Only people of this position kind.
    public var kind: PositionKind?
    /// The page, from 1.
    public var page: Int
    /// Rows per page, 1…`maximumPageSize`.
    public var pageSize: Int
    /// The day the rules are applied on.
    public var asOf: LocalDate

    public init(
        search: String? = nil, schoolCode: String? = nil, overdue: Bool = false, deficit: Bool = false,
        earlyCareer: Bool = false, kind: PositionKind? = nil, page: Int = 1, pageSize: Int = StaffQuery.defaultPageSize,
        asOf: LocalDate
    ) {
        self.search = search
        self.schoolCode = schoolCode
        self.overdue = overdue
        self.deficit = deficit
        self.earlyCareer = earlyCareer
        self.kind = kind
        self.page = page
        self.pageSize = pageSize
        self.asOf = asOf
    }

    /// The rows to skip before the page.
    public var offset: Int { (max(page, 1) - 1) * pageSize }

    /// What is wrong with the page or its size, in Russian naming the option; nil when both are valid.
    public var problem: String? {
        if page < 1 { return "Номер страницы --page должен быть не меньше 1, указано \(page)." }
        if pageSize < 1 || pageSize > Self.maximumPageSize {
            return "Размер страницы --page-size должен быть от 1 до \(Self.maximumPageSize), указано \(pageSize)."
        }
        return nil
    }

    /// The search text folded as names are compared (`CellValue.fold`); nil when blank.
    public var foldedSearch: String? {
        guard let search else { return nil }
        let folded = CellValue.fold(search)
        return folded.isEmpty ? nil : folded
    }

    /// The search as a СНИЛС, when it is one (with or without separators).
    public var searchSNILS: SNILS? {
        guard let search, case .success(let snils) = SNILS.parse(search) else { return nil }
        return snils
    }

    /// Whether the search is a name: it has no digit. A text with a digit is a personnel number
    /// or a СНИЛС, found by its index alone and never by reading every name.
    public var searchesNames: Bool { !(search?.contains(where: \.isNumber) ?? true) }

    /// Whether `name` has a word that begins with `folded` (a search already folded), case and
    /// «ё» aside: «иван» finds «Петров Иван Сергеевич», «петров ив» finds it too.
    public static func name(_ name: String, hasWordStarting folded: String) -> Bool {
        let name = CellValue.fold(name)
        guard !folded.isEmpty else { return true }
        if name.hasPrefix(folded) { return true }
        var start = name.startIndex
        while let space = name[start...].firstIndex(of: " ") {
            start = name.index(after: space)
            if name[start...].hasPrefix(folded) { return true }
        }
        return false
    }
}
