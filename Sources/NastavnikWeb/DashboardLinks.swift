import NastavnikReports

/// The address of the list behind a figure of the dashboard or a school's page.
enum DashboardLinks {
    static func url(_ link: DashboardLink) -> String {
        switch link {
        case .schools(let status): URLPath.query("/schools", [("status", status?.russianShort)])
        case .schoolsWithoutStatus: URLPath.query("/schools", [("status", SchoolRoutes.withoutStatus)])
        case .school(let code): "/schools/" + URLPath.segment(code)
        case .staff(let school, let overdue, let deficit):
            URLPath.query("/staff", [("school", school), ("overdue", overdue ? "1" : nil), ("deficit", deficit)])
        case .diagnostics(let school): URLPath.query("/diagnostics", [("school", school)])
        case .roadmap(let overdue, let within, let school):
            URLPath.query(
                "/roadmap",
                [("overdue", overdue ? "1" : nil), ("due-within", within.map(String.init)), ("school", school)])
        case .occurrence(let id): "/roadmap/occurrences/\(id)"
        case .seminars: "/seminars/coverage"
        case .plans(let school): URLPath.query("/plans", [("school", school)])
        case .mentoring(let school): URLPath.query("/mentoring", [("school", school)])
        }
    }

    /// A figure as a tile: its count (and share of its total), what it counts, a target beside it.
    static func tile(_ figure: DashboardFigure) -> FigureView {
        var value = String(figure.count)
        var note: String?
        if let share = figure.share {
            value = Cell.russianNumber(share, decimals: 1) + "\u{00A0}%"
            note = "\(figure.count) из \(figure.total ?? 0)"
        }
        if let target = figure.target {
            note = (note.map { $0 + "; " } ?? "") + "цель \(Cell.russianNumber(target, decimals: 0))\u{00A0}%"
        }
        return FigureView(
            label: figure.title, value: value, href: url(figure.link), note: note,
            alert: figure.meetsTarget == false)
    }
}
