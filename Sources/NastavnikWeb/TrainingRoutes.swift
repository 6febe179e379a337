import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// In-service training: the three-year rule's standing (273-ФЗ, ст. 47, ч. 5, п. 2), the
/// forecast, the training order with its draft order, and who is due for attestation. The
/// department's pages: a school's account gets 403.
struct TrainingRoutes {
    let site: Site

    /// How far ahead «срок скоро» looks on the status page: a quarter (a judgement; the forecast
    /// page takes any date).
    static let dueSoonDays = 90
    /// Rows on one page of a list; the downloads have them all.
    static let pageSize = 100

    func add(to router: Router<WebContext>) {
        router.get("training") { request, context in try await status(request, context) }
        router.get("training/forecast") { request, context in try await forecast(request, context) }
        router.get("training/order") { request, context in try await order(request, context) }
        router.get("training/attestation") { request, context in try await attestation(request, context) }
    }

    /// The school filter and the date the figures are as of, shared by every list here.
    private struct Common {
        var schools: [SchoolOverview]
        var school: String?
        var asOf: LocalDate
        var asOfText: String?
    }

    private func common(_ query: PageQuery, app: NastavnikApp) async throws -> Common {
        let schools = try await app.schools(status: nil)
        let school = try query.school(among: schools)
        let asOf = try query.date("as-of")
        return Common(schools: schools, school: school, asOf: asOf ?? site.today, asOfText: query.text("as-of"))
    }

    private func schoolField(_ common: Common) -> FilterForm.Field {
        .select("school", "Школа", value: common.school, choices: PageQuery.schoolChoices(common.schools))
    }

    private func asOfField(_ common: Common) -> FilterForm.Field {
        .text("as-of", "На дату", value: common.asOfText, hint: "ДД.ММ.ГГГГ; по умолчанию сегодня.")
    }

    /// One page of `rows` as a table with the pager, or the whole list as a file.
    private func paged(
        _ table: ReportTable, base: String, request: Request, view: inout PageView
    ) throws {
        let page = try PageQuery(request).page()
        let pages = max(1, (table.rows.count + Self.pageSize - 1) / Self.pageSize)
        guard page <= pages else {
            throw WebError.badRequest("Параметр page: страницы «\(page)» нет; всего страниц \(pages).")
        }
        var shown = table
        shown.rows = Array(table.rows.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize))
        view.blocks.append(
            .table(
                TableView(
                    shown, links: RecordLinks.standard(table, people: ["full_name": "staff_id"]), downloadBase: base)))
        if pages > 1 {
            let joiner = base.contains("?") ? "&" : "?"
            view.blocks.append(
                .pager(
                    PagerView(
                        summary: "Страница \(page) из \(pages), всего строк: \(table.rows.count)",
                        previous: page > 1 ? base + joiner + "page=\(page - 1)" : nil,
                        next: page < pages ? base + joiner + "page=\(page + 1)" : nil)))
        }
    }

    private func status(_ request: Request, _ context: WebContext) async throws -> Response {
        let (app, format) = try await site.readAllList(request, context)
        let query = PageQuery(request)
        let common = try await common(query, app: app)
        let overdue = try query.flag("overdue")
        let lines = try await app.trainingStatus(asOf: common.asOf, schoolCode: common.school, nonCompliant: overdue)
        let table = ReportTable(
            columns: TrainingReports.statusColumns, rows: lines.map(TrainingReports.statusRow),
            emptyMessage: "Нет работников.")
        if format != .page {
            return try Download.list([table], format: format, title: "Обучение", file: "Обучение — правило 3 лет")
        }
        let filterItems: [(String, String?)] = [("school", common.school), ("as-of", common.asOfText)]
        let base = URLPath.query("/training", filterItems + [("overdue", overdue ? "1" : nil)])
        var view = PageView(
            title: "Повышение квалификации",
            subtitle: "Правило «не реже раза в 3 года» на \(common.asOf.russian)")
        view.blocks = [
            .filter(
                FilterForm(
                    action: "/training",
                    fields: [
                        schoolField(common), .checkbox("overdue", "Только нарушившие правило", checked: overdue),
                        asOfField(common),
                    ]))
        ]
        if !overdue {
            let soonDate = common.asOf.adding(days: Self.dueSoonDays)
            let soon = try await app.trainingForecast(until: soonDate, asOf: common.asOf, schoolCode: common.school)
            let outside = lines.filter { !$0.compliant }.count
            let trained = lines.filter(\.trainedWithin3Years).count
            let share = lines.isEmpty ? 0 : Double(trained) * 100 / Double(lines.count)
            view.blocks.append(
                .figures([
                    FigureView(label: "работников", value: String(lines.count)),
                    FigureView(label: "в правиле", value: String(lines.count - outside)),
                    FigureView(
                        label: "нарушили правило", value: String(outside),
                        href: URLPath.query("/training", filterItems + [("overdue", "1")]), alert: outside > 0),
                    FigureView(
                        label: "срок истекает за \(Self.dueSoonDays) дней", value: String(soon.lines.count - outside),
                        href: URLPath.query(
                            "/training/forecast", filterItems + [("until", soonDate.russian)])),
                    FigureView(
                        label: "прошли КПК за 3 года", value: Cell.number(share, decimals: 1).display + " %"),
                ]))
        }
        view.blocks.append(
            .links([
                LinkView(label: "Прогноз: кто выпадет из правила", href: "/training/forecast"),
                LinkView(label: "Заказ на курсовую подготовку", href: "/training/order"),
                LinkView(label: "Аттестация: кому предстоит", href: "/training/attestation"),
            ]))
        try paged(table, base: base, request: request, view: &view)
        return site.page(view, request, context)
    }

    /// A list's page title, the label of its count, and its download's name.
    typealias ListTexts = (title: String, figure: String, file: String)
    static let forecastTexts: ListTexts = (
        "Прогноз: кто выпадет из правила «раз в 3 года»", "выпадут или уже вне правила", "Прогноз КПК"
    )
    static let attestationTexts: ListTexts = ("Аттестация: кому предстоит", "предстоит аттестация", "Аттестация")

    /// A list up to a date (`until`, a year ahead unless asked) for a school or all, as of a date:
    /// the forecast and the attestation list.
    private func untilList(
        _ path: String, _ request: Request, _ context: WebContext, texts: ListTexts,
        build: (NastavnikApp, LocalDate, String?, LocalDate) async throws -> (table: ReportTable, count: Int)
    ) async throws -> Response {
        let (app, format) = try await site.readAllList(request, context)
        let query = PageQuery(request)
        let common = try await common(query, app: app)
        // A year ahead unless asked: the horizon of the next training order and attestation plan.
        let until = try query.date("until") ?? common.asOf.adding(months: 12)
        guard until >= common.asOf else {
            throw WebError.badRequest(
                "Параметр until: дата \(until.russian) раньше даты отсчёта \(common.asOf.russian).")
        }
        let list = try await build(app, until, common.school, common.asOf)
        if format != .page {
            return try Download.list([list.table], format: format, title: texts.file, file: texts.file)
        }
        let base = URLPath.query(
            path, [("until", query.text("until")), ("school", common.school), ("as-of", common.asOfText)])
        var view = PageView(title: texts.title, subtitle: "С \(common.asOf.russian) до \(until.russian)")
        view.breadcrumbs = [LinkView(label: "Повышение квалификации", href: "/training")]
        view.blocks = [
            .filter(
                FilterForm(
                    action: path,
                    fields: [
                        .text(
                            "until", "До даты", value: query.text("until"), hint: "ДД.ММ.ГГГГ; по умолчанию через год."),
                        schoolField(common), asOfField(common),
                    ])),
            .figures([FigureView(label: texts.figure, value: String(list.count))]),
        ]
        try paged(list.table, base: base, request: request, view: &view)
        return site.page(view, request, context)
    }

    private func forecast(_ request: Request, _ context: WebContext) async throws -> Response {
        try await untilList("/training/forecast", request, context, texts: Self.forecastTexts) {
            app, until, school, asOf in
            let forecast = try await app.trainingForecast(until: until, asOf: asOf, schoolCode: school)
            let table = ReportTable(
                columns: TrainingReports.forecastColumns,
                rows: forecast.lines.map {
                    TrainingReports.forecastRow($0, plannedEnd: forecast.plannedEnds[$0.rowID])
                },
                emptyMessage: "До \(until.russian) из правила никто не выпадет.")
            return (table, forecast.lines.count)
        }
    }

    private func attestation(_ request: Request, _ context: WebContext) async throws -> Response {
        try await untilList("/training/attestation", request, context, texts: Self.attestationTexts) {
            app, until, school, asOf in
            let list = try await app.attestationDue(until: until, schoolCode: school, asOf: asOf)
            let table = AttestationReports.due(
                list.lines.map { ($0.staff, $0.listing, $0.lastAttestation) }, asOf: list.asOf, until: list.until)
            return (table, list.lines.count)
        }
    }

    private func order(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.require(.readAll, request)
        let query = PageQuery(request)
        let format = query.text("format") == nil ? nil : try Download.documentFormat(request)
        // The current year unless asked: an order is drawn up for the year under way or the next.
        let year = try query.integer("year", in: 2000...2100) ?? site.today.year
        let groupText = query.text("group-by")
        var grouping = TrainingReports.Grouping.provider
        if let groupText {
            guard let value = TrainingReports.Grouping(rawValue: groupText) else {
                throw WebError.badRequest(
                    "Параметр group-by: неизвестная группировка «\(groupText)»; возможны provider, school, course.")
            }
            grouping = value
        }
        let orderDate = try query.date("order-date")
        let orderNumber = query.text("order-number")
        let asOf = try query.date("as-of") ?? site.today
        let app = try await site.app(for: user)
        let order = try await app.trainingOrder(year: year, asOf: asOf)
        let tables = TrainingReports.orderTables(order.assignments, groupBy: grouping, year: year)
        let file = "training-order-\(year)"
        switch format {
        case .xlsx:
            // As `training order --format xlsx`: one sheet per table.
            return Download.file(
                try XLSXWriter().render(
                    sheets: tables.map { XLSXWriter.Sheet(name: $0.title, tables: [$0]) },
                    title: "Заказ на курсовую подготовку на \(year) год"),
                name: file + ".xlsx", type: Download.xlsxType)
        case .some(let format):
            let document = TrainingReports.orderDocument(
                order.assignments, tables: tables, year: year, date: orderDate, number: orderNumber,
                municipality: order.municipality)
            return try Download.document(document, format: format, file: file)
        case nil:
            break
        }
        var view = PageView(
            title: "Заказ на курсовую подготовку на \(year) год",
            subtitle: "Программы, начавшиеся до \(asOf.russian), не предлагаются")
        view.breadcrumbs = [LinkView(label: "Повышение квалификации", href: "/training")]
        view.blocks = [
            .filter(
                FilterForm(
                    action: "/training/order",
                    fields: [
                        .text("year", "Год", value: String(year)),
                        .select(
                            "group-by", "Группировка", value: grouping.rawValue,
                            choices: [
                                ("provider", "по организаторам"), ("school", "по школам"), ("course", "по программам"),
                            ]),
                        .text("order-date", "Дата приказа", value: query.text("order-date"), hint: "ДД.ММ.ГГГГ"),
                        .text("order-number", "Номер приказа", value: orderNumber),
                        .text(
                            "as-of", "На дату", value: query.text("as-of"), hint: "ДД.ММ.ГГГГ; по умолчанию сегодня."),
                    ]))
        ]
        for table in tables {
            view.blocks.append(
                .table(TableView(table, links: RecordLinks.standard(table, people: ["full_name": "staff_id"]))))
        }
        view.downloads = Download.links(
            URLPath.query(
                "/training/order",
                [
                    ("year", String(year)), ("group-by", grouping.rawValue), ("order-date", query.text("order-date")),
                    ("order-number", orderNumber), ("as-of", query.text("as-of")),
                ]))
        return site.page(view, request, context)
    }
}
