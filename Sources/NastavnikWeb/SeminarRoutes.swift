import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The seminars: the events, one event with its registration sheet and invitation, the coverage
/// against the 30 % and 80 % targets, and the planner's proposal, as `nastavnik seminars
/// list|invite|coverage|plan` make them; the forms that change them are in `SeminarRoutes+Actions`.
struct SeminarRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("seminars") { request, context in try await list(request, context) }
        router.get("seminars/coverage") { request, context in try await coverage(request, context) }
        router.get("seminars/plan") { request, context in try await plan(request, context) }
        router.get("seminars/:id") { request, context in try await event(request, context) }
        router.get("seminars/:id/invitation") { request, context in try await invitation(request, context) }
        router.post("seminars/plan") { request, context in try await savePlan(request, context) }
        router.post("seminars/:id/schedule") { request, context in try await schedule(request, context) }
        router.post("seminars/:id/move") { request, context in try await move(request, context) }
        router.post("seminars/:id/attendance") { request, context in try await attendance(request, context) }
    }

    private func list(_ request: Request, _ context: WebContext) async throws -> Response {
        let (app, format) = try await site.readAllList(request, context)
        let table = SeminarReports.events(try await app.events())
        if format != .page {
            return try Download.list([table], format: format, title: "Мероприятия", file: "Мероприятия")
        }
        let eventLink: ([Cell]) -> String? = { row in "/seminars/" + URLPath.segment(row[0].display) }
        var view = PageView(title: "Семинары и мероприятия")
        view.blocks = [
            .links([
                LinkView(label: "Охват против целевых 30 % и 80 %", href: "/seminars/coverage"),
                LinkView(label: "Предложение групп по теме (без сохранения)", href: "/seminars/plan"),
            ]),
            .table(
                TableView(
                    table,
                    links: [
                        "id": eventLink, "title": eventLink, "host": RecordLinks.school(table, codeColumn: "host"),
                    ],
                    downloadBase: "/seminars")),
        ]
        return site.page(view, request, context)
    }

    /// The event of the `id` path parameter (404 for an unknown one).
    func event(_ context: WebContext, _ app: NastavnikApp) async throws -> EventLine {
        let id = try context.parameters.require("id")
        guard let number = Int64(id) else { throw WebError.notFound("Мероприятие «\(id)» не найдено.") }
        do { return try await app.event(number) } catch let error as AppError { throw WebError.notFound(error.message) }
    }

    /// One event: its details, the invited by school and the registration sheet (XLSX/CSV: the
    /// sheet, which reads back as the attendance file).
    private func event(_ request: Request, _ context: WebContext) async throws -> Response {
        let (app, format) = try await site.readAllList(request, context)
        let event = try await self.event(context, app)
        if format != .page {
            return try Download.list(
                [SeminarReports.registrationSheet(event)], format: format, title: "Лист регистрации",
                file: "Лист регистрации \(event.id)")
        }
        return try await eventPage(event, request, context)
    }

    /// An event's page and, for an account that may change seminars, its forms: `replacing` (a
    /// form as a refused save left it) in place of the blank form with the same address.
    func eventPage(
        _ event: EventLine, _ request: Request, _ context: WebContext, replacing: FormView? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.account(request)
        let sheet = SeminarReports.registrationSheet(event)
        let report = SeminarReports.invitation(event)
        var view = PageView(title: report.title, subtitle: report.subtitle)
        view.breadcrumbs = [LinkView(label: "Семинары", href: "/seminars")]
        let path = "/seminars/" + URLPath.segment(String(event.id))
        var blocks: [Block] = []
        if let code = event.hostCode {
            blocks.append(
                .links([
                    LinkView(
                        label: "Площадка: \(code) \(event.hostName ?? "")", href: "/schools/" + URLPath.segment(code))
                ]))
        }
        blocks.append(
            .table(
                TableView(
                    sheet, links: RecordLinks.standard(sheet, people: ["full_name": "staff_id"]), downloadBase: path)))
        if user.role.may(.editSeminars) {
            var forms = try await eventForms(event)
            if let replacing {
                // A refused form is shown even where the page no longer offers it blank.
                if let index = forms.firstIndex(where: { $0.action == replacing.action }) {
                    forms[index] = replacing
                } else {
                    forms.append(replacing)
                }
            }
            for var form in forms {
                form.hidden[0].value = context.csrf
                blocks.append(.form(form))
            }
        }
        view.blocks = blocks
        view.downloads = Download.links(path + "/invitation")
        return site.page(view, request, context, status: status)
    }

    /// The invitation by school with the registration sheet, for print (`seminars invite`).
    private func invitation(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.require(.readAll, request)
        let format = try Download.documentFormat(request)
        let event = try await self.event(context, try await site.app(for: user))
        return try Download.report(
            SeminarReports.invitation(event), format: format, file: "Мероприятие \(event.id)", pageBreaks: true)
    }

    /// Coverage over a school year (by default the current one) against the targets: with
    /// `kind`, that kind's (its roadmap line's when it has a target); without, both targets.
    private func coverage(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = PageQuery(request)
        let (app, format) = try await site.readAllList(request, context)
        let year = StaffIndicators.schoolYear(containing: site.today)
        let defaultPeriod = "\(year.lowerBound.year)/\(String(year.upperBound.year).suffix(2))"
        let period = query.text("period") ?? defaultPeriod
        guard PeriodText.parse(period) != nil else {
            throw WebError.badRequest(
                "Параметр period: период «\(period)» не распознан; укажите учебный год как 2026/27.")
        }
        let kindText = query.text("kind")
        var kinds: [String] = CoverageTarget.allCases.map { target in
            // Each target's line is counted whole from any one of its kinds.
            EventKind.allCases.first { target.eventKinds.contains($0) }!.russian
        }
        if let kindText {
            guard let kind = EventKind(userValue: kindText) else {
                throw WebError.badRequest(
                    "Параметр kind: неизвестный вид мероприятия «\(kindText)»; возможны: \(EventKind.russianList).")
            }
            kinds = [kind.russian]
        }
        var results: [SeminarCoverage] = []
        for kind in kinds { results.append(try await app.seminarCoverage(period: period, kind: kind)) }
        let tables = results.map {
            SeminarReports.coverage(
                $0.lines, period: $0.period, supportedCodes: $0.supportedCodes, target: $0.target, kind: $0.kind)
        }
        if format != .page { return try Download.list(tables, format: format, title: "Охват", file: "Охват") }
        var view = PageView(title: "Охват методическими мероприятиями")
        view.breadcrumbs = [LinkView(label: "Семинары", href: "/seminars")]
        view.blocks = [
            .filter(
                FilterForm(
                    action: "/seminars/coverage",
                    fields: [
                        .text("period", "Учебный год или период", value: period, hint: "например, 2026/27"),
                        .select(
                            "kind", "Вид мероприятия", value: kindText.flatMap(EventKind.init(userValue:))?.russian,
                            choices: [("", "обе цели: 30 % и 80 %")]
                                + EventKind.allCases.map { ($0.russian, $0.russian) }),
                    ])),
            .note(
                "Цели дорожной карты: не менее 30 % педагогических работников школ с НОР, ЗПР, ЗУР и ШНСУ — "
                    + "мастер-классы, творческие лаборатории, консультации, семинары и вебинары, наставничество; "
                    + "не менее 80 % — методические объединения."),
        ]
        let base = URLPath.query("/seminars/coverage", [("period", period), ("kind", kindText)])
        for (result, table) in zip(results, tables) {
            view.blocks.append(
                .chart(ChartView(SeminarReports.coverageChart(result.lines, target: result.target, kind: result.kind))))
            view.blocks.append(
                .table(
                    TableView(
                        table, links: RecordLinks.standard(table),
                        downloadBase: table == tables.last ? base : nil)))
        }
        return site.page(view, request, context)
    }

    /// The planner's proposal for a topic: groups, hosts, presenters and dates (`seminars plan`),
    /// with the form that saves it (`seminars create`) for an account that may change seminars.
    private func plan(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = PageQuery(request)
        let (app, format) = try await site.readAllList(request, context)
        let topic = query.text("topic")
        let from = try query.date("from")
        let to = try query.date("to")
        if let from, let to, to < from {
            throw WebError.badRequest("Параметр to: дата «\(to.russian)» раньше даты from «\(from.russian)».")
        }
        let capacity = try query.integer("capacity", in: 1...1000) ?? 25
        let kindText = query.text("kind") ?? EventKind.seminar.russian
        guard let kind = EventKind(userValue: kindText) else {
            throw WebError.badRequest(
                "Параметр kind: неизвестный вид мероприятия «\(kindText)»; возможны: \(EventKind.russianList).")
        }
        var view = PageView(title: "Предложение семинаров по теме")
        view.breadcrumbs = [LinkView(label: "Семинары", href: "/seminars")]
        view.blocks = [
            .note(
                "Предложение: пока не нажато «Сохранить как мероприятия» под таблицей, ничего не сохраняется (как nastavnik seminars plan и create)."
            ),
            .filter(
                FilterForm(
                    action: "/seminars/plan",
                    fields: [
                        .text("topic", "Тема (дефицит)", value: topic, hint: "например, формирующее оценивание"),
                        .text(
                            "from", "С даты", value: from?.russian, hint: "ДД.ММ.ГГГГ; по умолчанию через две недели"),
                        .text("to", "По дату", value: to?.russian, hint: "по умолчанию через два месяца после начала"),
                        .text("capacity", "Участников в группе", value: String(capacity)),
                        .select(
                            "kind", "Вид", value: kind.russian,
                            choices: EventKind.allCases.map { ($0.russian, $0.russian) }),
                    ])),
        ]
        guard let topic else {
            if format != .page { throw WebError.badRequest("Параметр topic: укажите тему (дефицит).") }
            view.blocks.append(.paragraph("Укажите тему — дефицит, по которому собрать группы."))
            return site.page(view, request, context)
        }
        let proposal = try await app.planSeminars(
            SeminarRequest(topic: topic, from: from, to: to, capacity: capacity, kind: kind.russian), today: site.today)
        let table = SeminarReports.sessions(proposal.sessions, topic: proposal.topic).table
        if format != .page {
            return try Download.list([table], format: format, title: "Предложение", file: "Предложение семинаров")
        }
        view.subtitle = "«\(topic)», \(kind.russian)"
        let user = try context.account(request)
        view.blocks.append(
            .table(
                TableView(
                    table,
                    downloadBase: URLPath.query(
                        "/seminars/plan",
                        [
                            ("topic", topic), ("from", from?.russian), ("to", to?.russian),
                            ("capacity", String(capacity)), ("kind", kind.russian),
                        ]))))
        if user.role.may(.editSeminars), !proposal.sessions.isEmpty {
            let start = from ?? site.today.adding(days: 14)
            var form = Self.planForm([
                "topic": topic, "from": start.russian, "to": (to ?? start.adding(months: 2)).russian,
                "capacity": String(capacity), "kind": kind.russian, "time": "14:00", "minutes": "90",
            ])
            form.hidden[0].value = context.csrf
            view.blocks.append(.form(form))
        }
        return site.page(view, request, context)
    }
}
