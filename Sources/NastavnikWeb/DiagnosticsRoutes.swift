import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The diagnostics of professional deficits (campaigns, the summary with its charts, the
/// dynamics between campaigns, the thresholds) and the observed lessons: what `nastavnik
/// diagnostics` and `nastavnik observations list` print.
struct DiagnosticsRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("diagnostics") { request, context in try await summary(request, context) }
        router.get("diagnostics/dynamics") { request, context in try await dynamics(request, context) }
        router.get("observations") { request, context in try await observations(request, context) }
        router.get("diagnostics/thresholds") { request, context in try await thresholds(request, context) }
        router.post("diagnostics/thresholds") { request, context in try await saveThresholds(request, context) }
        router.post("observations") { request, context in try await recordObservation(request, context) }
    }

    /// The summary of a campaign (or of each teacher's latest result), by school, with the
    /// deficit heatmap, the campaigns and the thresholds of each instrument.
    private func summary(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = PageQuery(request)
        let (app, format) = try await site.readAllList(request, context)
        let (schools, school) = try await query.school(app)
        let campaigns = try await app.diagnosticCampaigns()
        let campaign = try query.campaign("campaign", among: campaigns)
        let base = URLPath.query("/diagnostics", [("school", school), ("campaign", campaign.map { String($0.id) })])
        let filter = FilterForm(
            action: "/diagnostics",
            fields: [
                PageQuery.schoolField(schools, school),
                .select(
                    "campaign", "Кампания", value: campaign.map { String($0.id) },
                    choices: PageQuery.campaignChoices(campaigns, first: "последний результат каждого педагога")),
            ])
        var view = PageView(title: "Диагностика профессиональных дефицитов")
        view.blocks = [.filter(filter)]
        if campaigns.isEmpty {
            if format != .page { throw WebError.notFound("Диагностика не загружена: выгружать нечего.") }
            view.blocks.append(.note("Диагностика не загружена: nastavnik import diagnostics ФАЙЛ."))
        } else {
            let summary = try await app.diagnosticsSummary(
                schoolCode: school, campaign: campaign.map { String($0.id) })
            if format != .page {
                return try Download.list(
                    [summary.schools, summary.deficits], format: format, title: "Диагностика",
                    file: "Диагностика")
            }
            view.blocks.append(.heading("Сводка"))
            view.blocks += summary.charts.map { Block.chart(ChartView($0)) }
            view.blocks.append(
                .table(
                    TableView(
                        summary.schools, links: RecordLinks.standard(summary.schools), downloadBase: base)))
            view.blocks.append(.table(TableView(summary.deficits)))
        }
        let campaignTable = DiagnosticsTables.campaigns(campaigns)
        let campaignLink: ([Cell]) -> String? = { row in
            URLPath.query("/diagnostics", [("school", school), ("campaign", row[0].display)])
        }
        view.blocks.append(.heading("Кампании"))
        view.blocks.append(.table(TableView(campaignTable, links: ["id": campaignLink, "date": campaignLink])))
        var instruments: [String] = ["*"]
        for c in campaigns where !instruments.contains(c.instrument) { instruments.append(c.instrument) }
        var thresholds: [(instrument: String, thresholds: [Competence: Double])] = []
        for instrument in instruments {
            thresholds.append((instrument, try await app.diagnosticThresholds(instrument: instrument)))
        }
        view.blocks.append(.heading("Пороги"))
        view.blocks.append(.table(TableView(DiagnosticsTables.thresholds(thresholds))))
        view.blocks.append(
            .links([
                LinkView(label: "Динамика между кампаниями", href: "/diagnostics/dynamics"),
                LinkView(label: "Пороги по инструментам", href: "/diagnostics/thresholds"),
                LinkView(label: "Посещённые уроки", href: "/observations"),
            ]))
        return site.page(view, request, context)
    }

    /// A page under the diagnostics, its breadcrumb leading back to them.
    static func subpage(_ title: String) -> PageView {
        var view = PageView(title: title)
        view.breadcrumbs = [LinkView(label: "Диагностика", href: "/diagnostics")]
        return view
    }

    /// The change between two campaigns (by default the last two) by school and by teacher.
    private func dynamics(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = PageQuery(request)
        let (app, format) = try await site.readAllList(request, context)
        let (schools, school) = try await query.school(app)
        let campaigns = try await app.diagnosticCampaigns()
        let from =
            try query.campaign("from", among: campaigns)
            ?? (campaigns.count > 1 ? campaigns[campaigns.count - 2] : nil)
        let to = try query.campaign("to", among: campaigns) ?? campaigns.last
        var view = Self.subpage("Динамика диагностики")
        view.blocks = [
            .filter(
                FilterForm(
                    action: "/diagnostics/dynamics",
                    fields: [
                        .select(
                            "from", "Первая кампания", value: from.map { String($0.id) },
                            choices: PageQuery.campaignChoices(campaigns, first: nil)),
                        .select(
                            "to", "Вторая кампания", value: to.map { String($0.id) },
                            choices: PageQuery.campaignChoices(campaigns, first: nil)),
                        PageQuery.schoolField(schools, school),
                    ]))
        ]
        guard let from, let to, from.id != to.id else {
            if format != .page { throw WebError.badRequest("Параметры from и to: выберите две разные кампании.") }
            view.blocks.append(
                .note(
                    campaigns.count < 2
                        ? "Для динамики нужны хотя бы две кампании диагностики."
                        : "Выберите две разные кампании."))
            return site.page(view, request, context)
        }
        let dynamics = try await app.diagnosticsDynamics(from: String(from.id), to: String(to.id), schoolCode: school)
        if format != .page {
            return try Download.list(
                [dynamics.schools, dynamics.teachers], format: format, title: "Динамика",
                file: "Динамика диагностики")
        }
        view.subtitle = "\(from.date.russian) → \(to.date.russian)"
        let base = URLPath.query(
            "/diagnostics/dynamics", [("from", String(from.id)), ("to", String(to.id)), ("school", school)])
        view.blocks += [
            .table(TableView(dynamics.schools, links: RecordLinks.standard(dynamics.schools), downloadBase: base)),
            .table(
                TableView(
                    dynamics.teachers, links: RecordLinks.standard(dynamics.teachers, people: ["full_name": "staff_id"])
                )),
        ]
        return site.page(view, request, context)
    }

    private func observations(_ request: Request, _ context: WebContext) async throws -> Response {
        try await observationsPage(request, context)
    }

    /// The observed lessons, of a school or of one teacher, and, for an account that may record
    /// them, the form «Записать посещённый урок»: `form` as a refused save left it, else a blank one.
    func observationsPage(
        _ request: Request, _ context: WebContext, form: FormView? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let query = PageQuery(request)
        let (app, format) = try await site.readAllList(request, context)
        let (schools, school) = try await query.school(app)
        let staff = query.text("staff")
        let table = ObservationTables.list(try await app.observations(staff: staff, schoolCode: school))
        if format != .page {
            return try Download.list([table], format: format, title: "Посещённые уроки", file: "Посещённые уроки")
        }
        var view = Self.subpage("Посещённые уроки")
        view.blocks = [
            .filter(
                FilterForm(
                    action: "/observations",
                    fields: [
                        PageQuery.schoolField(schools, school),
                        .text("staff", "Табельный номер учителя", value: staff),
                    ])),
            .table(
                TableView(
                    table, links: RecordLinks.standard(table, people: ["full_name": "staff_id"]),
                    downloadBase: URLPath.query("/observations", [("school", school), ("staff", staff)]))),
        ]
        let user = try context.account(request)
        if let form {
            view.blocks.insert(.form(form), at: 1)
        } else if user.role.may(.editObservations) {
            var blank = Self.observationForm([
                "date": site.today.russian, "observer": user.fullName, "staff": staff ?? "",
            ])
            blank.hidden[0].value = context.csrf
            view.blocks.append(.form(blank))
        }
        return site.page(view, request, context, status: status)
    }
}
