import Foundation
import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The roadmap: its terms by direction with filters, a term's card with its history, the
/// calendar (.ics) and the monitoring report. A school's account sees its school's terms only
/// (`OccurrenceFilter.schoolCode`: an activity given to the school, or a roadmap imported for it).
struct RoadmapRoutes {
    /// The filters of the list and the calendar, read from the query.
    struct Filters {
        var filter: OccurrenceFilter
        /// The query's values as given, to keep in links and in the form.
        var items: [(String, String?)]
        var roadmaps: [RoadmapSummary]
        var schools: [SchoolOverview]
    }

    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("roadmap") { request, context in try await list(request, context) }
        router.get("roadmap/calendar.ics") { request, context in try await calendar(request, context) }
        router.get("roadmap/report") { request, context in try await report(request, context) }
        router.get("roadmap/occurrences/:id") { request, context in try await occurrence(request, context) }
        router.post("roadmap/occurrences/:id/status") { request, context in try await mark(request, context) }
        router.get("roadmap/files/:id") { request, context in try await evidenceFile(request, context) }
    }

    /// Reads and checks the filters; a school's account is held to its school (another school's
    /// code is a 403).
    private func filters(_ request: Request, _ context: WebContext, app: NastavnikApp) async throws -> Filters {
        let query = PageQuery(request)
        let scope = try context.schoolScope(request)
        let roadmaps = try await app.roadmaps()
        let roadmap = query.text("roadmap")
        if let roadmap, !roadmaps.contains(where: { $0.key == roadmap || String($0.id) == roadmap }) {
            throw WebError.badRequest("Параметр roadmap: нет дорожной карты «\(roadmap)».")
        }
        let overdue = try query.flag("overdue")
        let dueWithin = try query.integer("due-within", in: 1...3650)
        let responsible = query.text("responsible")
        let statusText = query.text("status")
        var status: OccurrenceStatus?
        if let statusText {
            guard let value = OccurrenceStatus(userValue: statusText) else {
                throw WebError.badRequest(
                    "Параметр status: неизвестный статус «\(statusText)»; возможны "
                        + OccurrenceStatus.allCases.map(\.russian).joined(separator: ", ") + ".")
            }
            status = value
        }
        var schools: [SchoolOverview] = []
        var school: String?
        if let scope {
            if let asked = query.text("school"), asked != scope { throw WebError.forbidden }
            school = scope
        } else {
            schools = try await app.schools(status: nil)
            school = try query.school(among: schools)
        }
        let filter = OccurrenceFilter(
            roadmap: roadmap, dueWithinDays: dueWithin, overdueOnly: overdue, responsible: responsible,
            status: status, schoolCode: school)
        let items: [(String, String?)] = [
            ("roadmap", roadmap), ("overdue", overdue ? "1" : nil), ("due-within", dueWithin.map(String.init)),
            ("responsible", responsible), ("status", statusText), ("school", scope == nil ? school : nil),
        ]
        return Filters(filter: filter, items: items, roadmaps: roadmaps, schools: schools)
    }

    /// The list's tables: one per roadmap and direction, in the roadmap's order.
    static func tables(_ rows: [OccurrenceRow], severalRoadmaps: Bool) -> [ReportTable] {
        var groups: [(key: String, rows: [OccurrenceRow])] = []
        for row in rows {
            let direction = row.direction ?? "Без направления"
            let key = severalRoadmaps ? "\(row.roadmapTitle). \(direction)" : direction
            if let last = groups.indices.last, groups[last].key == key {
                groups[last].rows.append(row)
            } else {
                groups.append((key, [row]))
            }
        }
        guard !groups.isEmpty else {
            return [RoadmapTables.occurrences([], title: "", emptyMessage: "Сроков с такими условиями нет.")]
        }
        return groups.map { RoadmapTables.occurrences($0.rows, title: $0.key) }
    }

    private func list(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.account(request)
        let format = try Download.listFormat(request)
        let app = try await site.app(for: user)
        let filters = try await filters(request, context, app: app)
        let rows = try await app.occurrences(filters.filter, asOf: site.today)
        let tables = Self.tables(rows, severalRoadmaps: filters.filter.roadmap == nil && filters.roadmaps.count > 1)
        if format != .page {
            return try Download.list(tables, format: format, title: "Дорожная карта", file: "Дорожная карта")
        }
        let base = URLPath.query("/roadmap", filters.items)
        var view = PageView(title: "Дорожная карта", subtitle: "Сроки мероприятий, статусы на \(site.today.russian)")
        var fields: [FilterForm.Field] = []
        if filters.roadmaps.count > 1 {
            fields.append(
                .select(
                    "roadmap", "Дорожная карта", value: filters.filter.roadmap,
                    choices: [("", "все")] + filters.roadmaps.map { ($0.key, $0.title) }))
        }
        fields += [
            .checkbox("overdue", "Только просроченные", checked: filters.filter.overdueOnly),
            .text(
                "due-within", "Срок окончания в ближайшие N дней", value: filters.filter.dueWithinDays.map(String.init),
                hint: "Число дней, например 30."),
            .text("responsible", "Ответственный", value: filters.filter.responsible, hint: "Часть имени или названия."),
            .select(
                "status", "Статус", value: filters.filter.status?.russian,
                choices: [("", "все")] + OccurrenceStatus.allCases.map { ($0.russian, $0.russian) }),
        ]
        if !filters.schools.isEmpty {
            fields.append(
                .select(
                    "school", "Школа", value: filters.filter.schoolCode,
                    choices: PageQuery.schoolChoices(filters.schools)))
        }
        let overdue = rows.filter { $0.status == .overdue }.count
        view.blocks = [
            .filter(FilterForm(action: "/roadmap", fields: fields)),
            .figures([
                FigureView(label: "сроков в списке", value: String(rows.count)),
                FigureView(
                    label: "просрочено", value: String(overdue),
                    href: URLPath.query("/roadmap", filters.items.filter { $0.0 != "overdue" } + [("overdue", "1")]),
                    alert: overdue > 0),
            ]),
            .links([
                LinkView(label: "Календарь сроков (.ics)", href: URLPath.query("/roadmap/calendar.ics", filters.items)),
                LinkView(
                    label: "Отчёт о выполнении за квартал",
                    href: URLPath.query("/roadmap/report", [("roadmap", filters.filter.roadmap)])),
            ]),
        ]
        for (index, table) in tables.enumerated() {
            // The whole list downloads once, under its last table.
            view.blocks.append(
                .table(
                    TableView(
                        table, links: ["id": Self.occurrenceLink],
                        downloadBase: index == tables.count - 1 ? base : nil)))
        }
        return site.page(view, request, context)
    }

    /// The card of the term whose number is a row's first cell.
    static func occurrenceLink(_ row: [Cell]) -> String? { "/roadmap/occurrences/" + URLPath.segment(row[0].display) }

    /// The address of the evidence file whose number is a row's first cell.
    static func fileLink(_ row: [Cell]) -> String? { "/roadmap/files/" + URLPath.segment(row[0].display) }

    /// The number of the term in the address.
    private static func occurrenceID(_ context: WebContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard let id = Int64(text) else { throw WebError.notFound("Срок мероприятия № «\(text)» не найден.") }
        return id
    }

    private func occurrence(_ request: Request, _ context: WebContext) async throws -> Response {
        try await occurrencePage(id: try Self.occurrenceID(context), request, context, form: nil)
    }

    /// The term's card and history and, for an account that may mark it, the form: `form` as a
    /// refused save left it, else a blank one for today.
    private func occurrencePage(
        id: Int64, _ request: Request, _ context: WebContext, form: FormView?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.account(request)
        let scope = try context.schoolScope(request)
        let app = try await site.app(for: user)
        let row = try await app.occurrence(id: id, asOf: site.today)
        if let scope, row.schoolCode != scope { throw WebError.forbidden }
        let history = try await app.occurrenceHistory(id: id)
        var view = PageView(
            title: ActivityLabel.text(number: row.number, activity: row.activity),
            subtitle: "Срок № \(row.id): \(row.status.russian) на \(site.today.russian)")
        view.breadcrumbs = [LinkView(label: "Дорожная карта", href: "/roadmap")]
        var card = RoadmapTables.occurrenceCard(row)
        card.title = ""
        let files = try await app.evidenceFiles(occurrence: id)
        view.blocks = [
            .card(CardView(card, links: ["school_code": { "/schools/" + URLPath.segment($0.display) }])),
            .heading("История статусов и документы-основания"),
            .table(TableView(RoadmapTables.history(history))),
            .table(TableView(RoadmapTables.evidenceFiles(files), links: ["file": Self.fileLink])),
        ]
        if let form {
            view.blocks.append(.form(form))
        } else if Self.mayMark(user, row, request, context) {
            let version = try await site.app.occurrenceVersion(id: id)
            view.blocks.append(
                .form(
                    Self.markForm(
                        id: id, csrf: context.csrf, version: String(version),
                        values: (OccurrenceStatus.done.russian, site.today.russian, "", ""))))
        }
        return site.page(view, request, context, status: status)
    }

    /// Whether `user` may mark `row`: the roadmap's specialist or the admin, or the school's own
    /// account for its school's term.
    private static func mayMark(_ user: UserAccount, _ row: OccurrenceRow, _ request: Request, _ context: WebContext)
        -> Bool
    {
        (try? context.requireChange(
            .markRoadmap, orOwnSchool: .markOwnSchoolRoadmap, recordSchool: row.schoolCode, request)) != nil
    }

    /// The form «Отметить выполнение» with `values` (status, date, evidence, note) as typed.
    static func markForm(
        id: Int64, csrf: String, version: String, values: (status: String, date: String, evidence: String, note: String)
    ) -> FormView {
        FormView(
            action: "/roadmap/occurrences/\(id)/status", title: "Отметить выполнение",
            fields: [
                .init(
                    name: "status", label: "Статус",
                    kind: .select(OccurrenceStatus.markable.map { .init(value: $0.russian, label: $0.russian) }),
                    value: values.status, required: true),
                .init(
                    name: "date", label: "Дата", kind: .date, value: values.date,
                    hint: "ДД.ММ.ГГГГ, не позже сегодняшнего дня.", required: true),
                .init(
                    name: "evidence", label: "Документ-основание", kind: .text, value: values.evidence,
                    hint:
                        "Название и номер документа, например «Приказ № 214 от 12.09.2026»; для «выполнено» обязателен."
                ),
                .init(name: "note", label: "Примечание", kind: .textarea, value: values.note),
                // Last: the text fields arrive before the file, and a browser cannot keep a
                // chosen file after a refusal, so it is chosen again only when needed.
                .init(
                    name: "file", label: "Файл документа", kind: .file(accept: NastavnikApp.evidenceAccept), value: "",
                    hint: "Скан или документ: PDF, DOCX, XLSX, JPG или PNG, до 20 МБ; необязательно."),
            ],
            hidden: [(CSRFToken.field, csrf), ("version", version)], submit: "Сохранить отметку")
    }

    /// Marks the term as the form says, through the same use case as `roadmap mark`, under the
    /// user's name, with the evidence file when one was chosen (stored with the mark, all or
    /// nothing); a refusal shows the form again with the values and each error beside its field.
    /// The form is sent as `multipart/form-data` (it has a file field); a plain form is read too.
    private func mark(_ request: Request, _ context: WebContext) async throws -> Response {
        let id = try Self.occurrenceID(context)
        // A visitor logs in and comes back to the term's page (the form's address has no page).
        guard let user = context.user else { throw WebError.loginRequired(next: "/roadmap/occurrences/\(id)") }
        // An account that may mark nothing is refused before a byte of its file is read (up to
        // 40 MB); whether it may mark this school's term is known once the term is read, below.
        guard user.role.may(.markRoadmap) || user.role.may(.markOwnSchoolRoadmap) else { throw WebError.forbidden }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nastavnik-evidence-" + UUID().uuidString)
        // The uploaded file is read into the database or refused: its copy on disk never stays.
        defer { try? FileManager.default.removeItem(at: directory) }
        let form: FormBody
        var upload: UploadedFile?
        if MultipartReader.boundary(request.headers[.contentType]) != nil {
            // Twice the rule's limit is read, so that a file a little too large is named beside
            // its field (422) rather than cut off (413).
            let posted = try await context.postedUpload(
                request, into: directory, limit: 2 * NastavnikApp.evidenceSizeLimit)
            (form, upload) = (posted.body, posted.files["file"])
        } else {
            form = try await context.postedForm(request)
        }
        let row = try await site.app.occurrence(id: id, asOf: site.today)
        try context.requireChange(
            .markRoadmap, orOwnSchool: .markOwnSchoolRoadmap, recordSchool: row.schoolCode, request)
        let value = { (name: String) in (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let (statusText, dateText, evidenceText, noteText) = (
            value("status"), value("date"), value("evidence"), value("note")
        )
        let versionText = value("version")
        guard let version = Int64(versionText) else {
            throw WebError.badRequest(
                "Поле version: «\(versionText)» — не версия записи; откройте страницу срока заново.")
        }
        var view = Self.markForm(
            id: id, csrf: context.csrf, version: versionText, values: (statusText, dateText, evidenceText, noteText))
        let status = OccurrenceStatus.markable(statusText)
        if status == nil {
            view.setError("Поле «Статус»: " + OccurrenceStatus.unknownMarkStatus(statusText), on: "status")
        }
        let date = view.date(
            dateText, field: "date", label: "Дата", missing: "укажите дату отметки, ДД.ММ.ГГГГ.", today: site.today)
        let evidence = evidenceText.isEmpty ? nil : evidenceText
        if let status, let date {
            for problem in NastavnikApp.occurrenceMarkProblems(
                status: status, date: date, evidence: evidence, today: site.today)
            {
                view.setError(problem.message, on: problem.field)
            }
        }
        var file: EvidenceAttachment?
        if let upload {
            switch NastavnikApp.evidenceAttachment(at: upload.url, fileName: upload.fileName) {
            case .success(let attachment): file = attachment
            case .failure(let error): view.setError("Поле «Файл документа»: " + error.message, on: "file")
            }
        }
        guard !view.hasErrors, let status, let date else {
            return try await occurrencePage(id: id, request, context, form: view, status: .unprocessableContent)
        }
        let render = { (form: FormView, status: HTTPResponse.Status) in
            try await occurrencePage(id: id, request, context, form: form, status: status)
        }
        return try await FormSave.run(view, render: render) {
            let old = try await site.writer(for: user, command: "веб: отметка срока \(id)").markOccurrence(
                id: id, status: status, date: date, evidence: evidence, note: noteText.isEmpty ? nil : noteText,
                by: user.fullName, expectedVersion: version, file: file)
            return site.saved(
                "Сохранено: срок № \(id) — «\(old.russian)» → «\(status.russian)» на \(date.russian)"
                    + (evidence.map { ", основание: \($0)" } ?? "")
                    + (file.map { ", приложен файл «\($0.fileName)»" } ?? "") + ".",
                redirectTo: "/roadmap/occurrences/\(id)", context)
        }
    }

    /// An evidence file, as stored, to whoever may see its term: a school's account its own
    /// school's files only (403 otherwise).
    private func evidenceFile(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.account(request)
        let scope = try context.schoolScope(request)
        let text = try context.parameters.require("id")
        guard let id = Int64(text) else { throw WebError.notFound("Файл документа-основания № «\(text)» не найден.") }
        let app = try await site.app(for: user)
        let found: (file: EvidenceFile, bytes: [UInt8], schoolCode: String?)
        do {
            found = try await app.evidenceFile(id: id)
        } catch StoreError.notFound {
            throw WebError.notFound("Файл документа-основания № \(id) не найден.")
        }
        if let scope, found.schoolCode != scope { throw WebError.forbidden }
        return Download.file(found.bytes, name: found.file.fileName, type: found.file.contentType)
    }

    private func calendar(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.account(request)
        let app = try await site.app(for: user)
        let filters = try await filters(request, context, app: app)
        let calendar = try await app.roadmapCalendar(filters.filter, asOf: site.today)
        return Download.file(
            Array(ICalendarWriter(name: calendar.name).render(calendar.entries).utf8), name: "Дорожная карта.ics",
            type: "text/calendar; charset=utf-8")
    }

    private func report(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.account(request)
        let scope = try context.schoolScope(request)
        let query = PageQuery(request)
        let format = query.text("format") == nil ? nil : try Download.documentFormat(request)
        let app = try await site.app(for: user)
        let roadmaps = try await app.roadmaps()
        let roadmap = query.text("roadmap")
        if let roadmap, !roadmaps.contains(where: { $0.key == roadmap || String($0.id) == roadmap }) {
            throw WebError.badRequest("Параметр roadmap: нет дорожной карты «\(roadmap)».")
        }
        let today = site.today
        let periodText = query.text("period") ?? "\(today.year)Q\((today.month - 1) / 3 + 1)"
        guard let period = ReportPeriod.parse(periodText) else {
            throw WebError.badRequest(
                "Параметр period: не удалось прочитать период «\(periodText)»; укажите, например, 2026Q4, «IV квартал 2026» или 2026."
            )
        }
        let report = try await app.roadmapReport(
            period: period, periodText: periodText, roadmap: roadmap, schoolCode: scope)
        if let format { return try Download.report(report, format: format, file: "roadmap-\(period.lowerBound.iso)") }
        var view = PageView(title: report.title)
        view.breadcrumbs = [LinkView(label: "Дорожная карта", href: "/roadmap")]
        var fields: [FilterForm.Field] = [
            .text(
                "period", "Период", value: periodText,
                hint: "2026Q4, «IV квартал 2026», 2026 или 01.10.2026-31.12.2026.")
        ]
        if roadmaps.count > 1 {
            fields.append(
                .select(
                    "roadmap", "Дорожная карта", value: roadmap,
                    choices: [("", "все")] + roadmaps.map { ($0.key, $0.title) }))
        }
        view.blocks = [.filter(FilterForm(action: "/roadmap/report", fields: fields))] + ReportView.blocks(report)
        view.downloads = Download.links(
            URLPath.query("/roadmap/report", [("period", periodText), ("roadmap", roadmap)]))
        return site.page(view, request, context)
    }
}
