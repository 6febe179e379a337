import Hummingbird
import NastavnikCore
import NastavnikReports

/// The department's reports, as `report municipality` and `report school` write them: HTML to
/// print, XLSX, DOCX and Markdown, the lists appended on request (`--full`).
struct ReportRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("reports") { request, context in try await index(request, context) }
        router.get("reports/municipality") { request, context in try await municipality(request, context) }
        router.get("reports/school") { request, context in try await school(request, context) }
    }

    /// Where the lists are when a report leaves them out (the command line's note, for the web).
    static let whereToFind = "Они — на отдельных листах книги (XLSX) или в полной версии отчёта (со списками)."

    private func index(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.require(.readAll, request)
        let app = try await site.app(for: user)
        let schools = try await app.schools(status: nil)
        var view = PageView(title: "Отчёты", subtitle: "Для управления образования, на \(site.today.russian)")
        view.blocks = [
            .heading("Отчёт по муниципалитету"),
            .paragraph(
                "Статусы и кураторы, кадры, повышение квалификации, дефициты, дорожная карта, показатели, "
                    + "наставничество и мероприятия."),
            .links(Download.links("/reports/municipality")),
            .paragraph("Полная версия — со списками (молодые специалисты, пары, мероприятия, просроченные сроки):"),
            .links(Download.links("/reports/municipality?full=1", formats: [.html, .docx, .md])),
            .heading("Отчёт по школе"),
            .filter(
                FilterForm(
                    action: "/reports/school",
                    fields: [
                        .select(
                            "code", "Школа", value: nil, choices: schools.map { ($0.code, "\($0.code) \($0.name)") }),
                        .select(
                            "format", "Формат", value: Download.DocumentFormat.html.rawValue,
                            choices: Download.DocumentFormat.allCases.map { ($0.rawValue, $0.label) }),
                        .checkbox("full", "Со списками", checked: false),
                        .text("date", "На дату", value: nil, hint: "ДД.ММ.ГГГГ; пусто — сегодня"),
                    ], submit: "Сформировать")),
        ]
        return site.page(view, request, context)
    }

    private func municipality(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.require(.readAll, request)
        let (format, full, date) = try options(request)
        let app = try await site.app(for: user)
        return try Self.download(
            try await app.municipalReport(asOf: date), format: format, full: full,
            file: "Отчёт по муниципалитету \(date.iso)")
    }

    private func school(_ request: Request, _ context: WebContext) async throws -> Response {
        guard let code = PageQuery(request).text("code") else {
            try context.require(.readAll, request)
            throw WebError.badRequest("Параметр code: укажите код школы.")
        }
        let user = try context.requireSchool(code, request)
        let (format, full, date) = try options(request)
        let app = try await site.app(for: user)
        return try Self.download(
            try await app.schoolReport(code: code, asOf: date), format: format, full: full,
            file: "Отчёт по школе \(code) \(date.iso)")
    }

    /// The format, whether the lists are appended, and the date of a report's request.
    private func options(_ request: Request) throws -> (Download.DocumentFormat, Bool, LocalDate) {
        let query = PageQuery(request)
        return (try Download.documentFormat(request), try query.flag("full"), try query.date("date") ?? site.today)
    }

    /// As `ReportOptions.write`: the lists appended when asked for and always in a workbook
    /// (on sheets of their own), else the figures with a note on where the lists are.
    static func download(_ built: Report, format: Download.DocumentFormat, full: Bool, file: String) throws
        -> Response
    {
        let report = full || format == .xlsx ? built : built.summary(whereToFind: whereToFind)
        return try Download.report(report, format: format, file: file)
    }
}
