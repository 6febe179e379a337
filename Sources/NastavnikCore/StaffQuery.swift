/// What the staff page asks for: a search, filters, an order and a page. Both front ends (the
/// command line and the web) build one; the store answers it (`NastavnikDatabase.staffPage`).
public struct StaffQuery: Sendable, Equatable {
    /// A page's rows when none is asked for.
    public static let defaultPageSize = 50
    /// The most rows a page may hold: a larger page would no longer be fast on a country's staff.
    public static let maximumPageSize = 500
    /// The last page a query may ask for: far beyond a country's staff, and no overflow.
    public static let maximumPage = 1_000_000

    /// The search, read from the typed text (`StaffSearch.init`); nil: everyone.
    public var search: StaffSearch?
    /// Only the staff of the school with this code.
    public var schoolCode: String?
    /// Only pedagogical and leading workers whose 3-year training term (`TrainingRule.dueBy`)
    /// has passed on the page's date, as `training status` says.
    public var overdue: Bool
    /// Only people whose latest diagnostic found this deficit topic (case and «ё» aside).
    public var deficit: String?
    /// Only молодые специалисты (pedagogical workers, by the rule in force: `EarlyCareerRule`).
    public var earlyCareer: Bool
    /// Only people of this position kind.
    public var kind: PositionKind?
    public var order: StaffOrder
    /// The page, from 1.
    public var page: Int
    /// Rows per page, 1…`maximumPageSize`.
    public var pageSize: Int

    public init(
        search: StaffSearch? = nil, schoolCode: String? = nil, overdue: Bool = false, deficit: String? = nil,
        earlyCareer: Bool = false, kind: PositionKind? = nil, order: StaffOrder = .schoolAndName, page: Int = 1,
        pageSize: Int = StaffQuery.defaultPageSize
    ) {
        self.search = search
        self.schoolCode = schoolCode
        self.overdue = overdue
        self.deficit = deficit
        self.earlyCareer = earlyCareer
        self.kind = kind
        self.order = order
        self.page = page
        self.pageSize = pageSize
    }

    /// A query from typed text: the search read by `StaffSearch`, a blank school or deficit
    /// taken as none.
    public init(
        text: String?, schoolCode: String? = nil, overdue: Bool = false, deficit: String? = nil,
        earlyCareer: Bool = false, kind: PositionKind? = nil, order: StaffOrder = .schoolAndName, page: Int = 1,
        pageSize: Int = StaffQuery.defaultPageSize
    ) {
        func blankless(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        self.init(
            search: text.flatMap(StaffSearch.init), schoolCode: blankless(schoolCode), overdue: overdue,
            deficit: blankless(deficit), earlyCareer: earlyCareer, kind: kind, order: order, page: page,
            pageSize: pageSize)
    }

    /// The rows to skip before the page.
    public var offset: Int { (max(page, 1) - 1) * pageSize }

    /// What is wrong with the page or its size, in Russian naming the parameter (`page`,
    /// `page-size`: the CLI's `--page` and `--page-size`, the web's query parameters); nil when
    /// both are valid.
    public var problem: String? {
        if page < 1 || page > Self.maximumPage {
            return "Номер страницы (page) должен быть от 1 до \(Self.maximumPage), указано \(page)."
        }
        if pageSize < 1 || pageSize > Self.maximumPageSize {
            return "Размер страницы (page-size) должен быть от 1 до \(Self.maximumPageSize), указано \(pageSize)."
        }
        return nil
    }

    /// The deficit topic as the store compares it (folded), nil for none.
    public var foldedDeficit: String? { deficit.map(CellValue.fold) }
}
