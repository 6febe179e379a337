import Foundation
import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The curator schools: the pairs in force, the optimal suggestion with its changes (locks,
/// forbidden pairs, capacities), the pairs recorded by an order, and the order.
struct CuratorRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("curators") { request, context in try await pairings(request, context) }
        router.get("curators/suggestions") { request, context in try await suggestions(request, context) }
        router.get("curators/order") { request, context in try await order(request, context) }
        router.post("curators/assign") { request, context in try await assign(request, context) }
        router.post("curators/capacity") { request, context in try await capacity(request, context) }
    }

    /// The curated school's card (its code is the first cell) and the curator school's (the third);
    /// `curator` names the curator school in a suggestion, a person in a pair.
    static func links(curatorColumn: String) -> [String: ([Cell]) -> String?] {
        [
            "school_code": SchoolRoutes.schoolLink, "school": SchoolRoutes.schoolLink, "curator_code": curatorLink,
            curatorColumn: curatorLink,
        ]
    }

    static func curatorLink(_ row: [Cell]) -> String? { RecordLinks.school(column: 2)(row) }

    private func pairings(_ request: Request, _ context: WebContext) async throws -> Response {
        let (app, format) = try await site.readAllList(request, context)
        let table = CuratorReports.pairings(try await app.curatorPairings())
        if format != .page {
            return try Download.list([table], format: format, title: "Кураторы", file: "Школы-кураторы")
        }
        var view = PageView(title: "Школы-кураторы", subtitle: "Действующие пары «школа — куратор»")
        view.blocks = [
            .links([LinkView(label: "Оптимальные пары (предложение)", href: "/curators/suggestions")]),
            .table(TableView(table, links: Self.links(curatorColumn: "curator_school"), downloadBase: "/curators")),
        ]
        if !table.rows.isEmpty {
            // After «Записать назначения» the order's number and date come along to its download.
            let query = PageQuery(request)
            let orderBase = URLPath.query(
                "/curators/order", [("number", query.text("number")), ("date", query.text("date"))])
            view.blocks += [
                .heading("Проект приказа о закреплении школ-кураторов"), .links(Download.links(orderBase)),
            ]
        }
        return site.page(view, request, context)
    }

    private func suggestions(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = PageQuery(request)
        return try await suggestionsPage(CuratorSuggestionInput(query.text), request, context, forms: nil)
    }

    /// The suggestion computed from `input` with, for an account that may decide, the forms to
    /// record it and to set a curator's capacity: `forms` as a refused save left them, else blank.
    private func suggestionsPage(
        _ input: CuratorSuggestionInput, _ request: Request, _ context: WebContext,
        forms: Forms?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (app, format) = try await site.readAllList(request, context)
        let user = try context.account(request)
        // Read before the suggestion: a change made while it is computed makes the save stale.
        let version = try await site.app.curatorsVersion()
        var input = input
        if input.problems.isEmpty {
            input.problems += try await app.curatorConstraintProblems(lock: input.lock, forbid: input.forbid)
        }
        var suggestions: [CuratorSuggestion] = []
        if input.problems.isEmpty {
            do {
                suggestions = try await app.suggestCurators(
                    years: input.years, capacity: input.capacity, lock: input.lock, forbid: input.forbid,
                    labels: NastavnikApp.curatorFormLabels)
            } catch let refusal as CuratorConstraints.Refusal {
                // Only a locked pair is refused here (its school needs no curator, or its curator may not be one).
                input.problems.append(("lock", refusal.message))
            }
        }
        if let problem = input.problems.first, format != .page {
            throw WebError.badRequest(problem.message)
        }
        let table = CuratorReports.suggestions(suggestions)
        if format != .page {
            return try Download.list([table], format: format, title: "Предложение кураторов", file: "Пары кураторов")
        }
        var view = PageView(title: "Оптимальные пары «школа — куратор»", subtitle: "Предложение; ничего не записано")
        view.breadcrumbs = [LinkView(label: "Кураторы", href: "/curators")]
        view.blocks = [
            .note(
                "Пары с наименьшей суммарной стоимостью. \(CuratorCost.explanation) Куратор берёт до "
                    + "\(input.capacity) школ, если для него не записано иное."),
            .filter(input.filterForm()),
        ]
        guard input.problems.isEmpty else {
            return site.page(view, request, context, status: status == .ok ? .unprocessableContent : status)
        }
        view.blocks.append(
            .table(
                TableView(
                    table, links: Self.links(curatorColumn: "curator"),
                    downloadBase: URLPath.query("/curators/suggestions", input.items))))
        if user.role.may(.editCurators) {
            let pairs = Self.pairs(suggestions)
            let hidden =
                [(CSRFToken.field, context.csrf), ("version", String(version))]
                + input.items.map {
                    ($0.0, $0.1 ?? "")
                }
            if !pairs.isEmpty {
                view.blocks.append(.heading("Записать назначения"))
                view.blocks.append(
                    .paragraph(
                        "Будет записано \(RussianPlural.count(pairs.count, "пара", "пары", "пар")) из таблицы; "
                            + "прежняя пара школы с другим куратором закончится датой приказа."))
                view.blocks.append(
                    .form(
                        forms?.record
                            ?? Self.recordForm(
                                hidden: hidden + [("pairs", Self.pairsText(pairs))], number: "",
                                date: site.today.russian)))
            }
            view.blocks.append(.heading("Вместимость школы-куратора"))
            let schools = try await app.schools(status: nil)
            view.blocks.append(
                .form(forms?.capacity ?? Self.capacityForm(hidden: hidden, schools: schools, school: "", capacity: "")))
        }
        return site.page(view, request, context, status: status)
    }

    /// The suggested pairs (the schools left without a curator are not among them).
    static func pairs(_ suggestions: [CuratorSuggestion]) -> [(school: String, curator: String)] {
        suggestions.compactMap { s in s.curator.map { (s.school.code, $0.code) } }
    }

    /// The pairs as the form carries them: ШКОЛА:КУРАТОР separated by commas.
    static func pairsText(_ pairs: [(school: String, curator: String)]) -> String {
        pairs.map { "\($0.school):\($0.curator)" }.joined(separator: ",")
    }

    /// The form «Записать назначения»: the order's number and date; the pairs and the suggestion's
    /// inputs ride along hidden.
    static func recordForm(hidden: [(String, String)], number: String, date: String) -> FormView {
        FormView(
            action: "/curators/assign", title: "Приказ о закреплении школ-кураторов",
            fields: [
                .init(
                    name: "number", label: "Номер приказа", kind: .text, value: number, hint: "Например, 45.",
                    required: true),
                .init(
                    name: "date", label: "Дата приказа", kind: .date, value: date,
                    hint: "ДД.ММ.ГГГГ; с этой даты пары действуют.", required: true),
            ],
            hidden: hidden.map { (name: $0.0, value: $0.1) }, submit: "Записать назначения")
    }

    /// The form setting how many schools one curator school takes (`curators capacity`).
    static func capacityForm(hidden: [(String, String)], schools: [SchoolOverview], school: String, capacity: String)
        -> FormView
    {
        FormView(
            action: "/curators/capacity", title: "Сколько школ может курировать школа",
            fields: [
                .init(
                    name: "curator_school", label: "Школа-куратор",
                    kind: .select(
                        [.init(value: "", label: "выберите школу")]
                            + schools.map { .init(value: $0.code, label: "\($0.code) — \($0.name)") }),
                    value: school, required: true),
                .init(
                    name: "school_capacity", label: "Вместимость", kind: .text, value: capacity,
                    hint: "Целое число от 0 до \(CuratorSuggestionInput.capacityLimit); 0 — ни одной школы.",
                    required: true),
            ],
            hidden: hidden.map { (name: $0.0, value: $0.1) }, submit: "Записать вместимость и пересчитать")
    }

    /// The form's fields, trimmed (`nil` when empty).
    private static func values(_ form: FormBody) -> (String) -> String? {
        { name in
            let value = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : value
        }
    }

    /// The version the form was opened on; a value that is not one is a 400.
    private static func version(_ form: FormBody) throws -> Int64 {
        let text = form["version"] ?? ""
        guard let version = Int64(text) else {
            throw WebError.badRequest("Поле version: «\(text)» — не версия записи; откройте предложение заново.")
        }
        return version
    }

    /// The forms as a refused save left them (`nil`: a blank one).
    typealias Forms = (record: FormView?, capacity: FormView?)

    /// What both forms start with: the user (the token, then the right), the fields trimmed,
    /// the version they were opened on, and the suggestion's inputs that ride along hidden.
    private struct Posted {
        var user: UserAccount
        var value: (String) -> String?
        var version: Int64
        var input: CuratorSuggestionInput
        var hidden: [(String, String)]
    }

    private func posted(_ request: Request, _ context: WebContext) async throws -> Posted {
        guard let user = context.user else { throw WebError.loginRequired(next: "/curators/suggestions") }
        let form = try await context.postedForm(request)
        try context.require(.editCurators, request)
        let value = Self.values(form)
        let version = try Self.version(form)
        let input = CuratorSuggestionInput(value)
        return Posted(
            user: user, value: value, version: version, input: input,
            hidden: [(CSRFToken.field, context.csrf), ("version", String(version))]
                + input.items.map { ($0.0, $0.1 ?? "") })
    }

    /// Saves the form through `write` (`FormView.save`); a refusal shows the suggestion again
    /// with the form as typed (the record form when `isRecord`, else the capacity form).
    private func save(
        _ posted: Posted, _ request: Request, _ context: WebContext, view: FormView, isRecord: Bool,
        write: () async throws -> Response
    ) async throws -> Response {
        var view = view
        let outcome = try await view.save(write)
        if let saved = outcome.saved { return saved }
        return try await suggestionsPage(
            posted.input, request, context, forms: isRecord ? (view, nil) : (nil, view), status: outcome.status)
    }

    /// Records the suggested pairs with the order's number and date, all or none, through the
    /// use case of `curators assign`, under the user's name.
    private func assign(_ request: Request, _ context: WebContext) async throws -> Response {
        let posted = try await posted(request, context)
        let (numberText, dateText, pairsText) = (
            posted.value("number") ?? "", posted.value("date") ?? "", posted.value("pairs") ?? ""
        )
        var view = Self.recordForm(hidden: posted.hidden + [("pairs", pairsText)], number: numberText, date: dateText)
        if numberText.isEmpty { view.setError("Поле «Номер приказа»: укажите номер приказа.", on: "number") }
        let date = view.date(
            dateText, field: "date", label: "Дата приказа", missing: FormView.missingDate, today: site.today)
        var pairs: [(school: String, curator: String)] = []
        for text in CuratorSuggestionInput.pairs(pairsText) {
            let parts = text.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                throw WebError.badRequest("Поле pairs: «\(text)» — не пара ШКОЛА:КУРАТОР; откройте предложение заново.")
            }
            pairs.append((parts[0], parts[1]))
        }
        if pairs.isEmpty { view.problem = "Пар для записи нет: в предложении ни у одной школы нет куратора." }
        return try await save(posted, request, context, view: view, isRecord: true) {
            // A missing date is an error of the view, which then never gets here.
            guard let date else { throw WebError.badRequest("Поле «Дата приказа»: укажите дату.") }
            let count = try await site.writer(for: posted.user, command: "веб: назначение кураторов").assignCurators(
                pairs, orderNumber: numberText, orderDate: date, expectedVersion: posted.version)
            return site.saved(
                "Назначения кураторов записаны: \(RussianPlural.count(count, "пара", "пары", "пар")), "
                    + "приказ № \(numberText) от \(date.russian).",
                redirectTo: URLPath.query("/curators", [("number", numberText), ("date", date.russian)]), context)
        }
    }

    /// Sets how many schools a curator school takes (`curators capacity`), then shows the
    /// suggestion computed again.
    private func capacity(_ request: Request, _ context: WebContext) async throws -> Response {
        let posted = try await posted(request, context)
        let (schoolText, capacityText) = (posted.value("curator_school") ?? "", posted.value("school_capacity") ?? "")
        let schools = try await site.app.schools(status: nil)
        var view = Self.capacityForm(
            hidden: posted.hidden, schools: schools, school: schoolText, capacity: capacityText)
        if schoolText.isEmpty {
            view.setError("Поле «Школа-куратор»: выберите школу.", on: "curator_school")
        } else if !schools.contains(where: { $0.code == schoolText }) {
            view.setError("Поле «Школа-куратор»: нет школы с кодом «\(schoolText)».", on: "curator_school")
        }
        let limit = CuratorSuggestionInput.capacityLimit
        let capacity = Int(capacityText).flatMap { (0...limit).contains($0) ? $0 : nil }
        if capacity == nil {
            view.setError(
                capacityText.isEmpty
                    ? "Поле «Вместимость»: укажите, сколько школ может курировать школа."
                    : "Поле «Вместимость»: «\(capacityText)» — укажите целое число от 0 до \(limit).",
                on: "school_capacity")
        }
        return try await save(posted, request, context, view: view, isRecord: false) {
            // A missing capacity is an error of the view, which then never gets here.
            guard let capacity else { throw WebError.badRequest("Поле «Вместимость»: укажите число.") }
            let code = try await site.writer(for: posted.user, command: "веб: вместимость куратора \(schoolText)")
                .setCuratorCapacity(school: schoolText, capacity: capacity, expectedVersion: posted.version)
            return site.saved(
                "Записано: школа \(code) может курировать "
                    + "\(RussianPlural.count(capacity, "школу", "школы", "школ")); предложение пересчитано.",
                redirectTo: URLPath.query("/curators/suggestions", posted.input.items), context)
        }
    }

    private func order(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = PageQuery(request)
        let user = try context.require(.readAll, request)
        let format = try Download.documentFormat(request)
        let date = try query.date("date")
        let app = try await site.app(for: user)
        let document = try await app.curatorOrder(date: date, number: query.text("number"))
        return try Download.document(document, format: format, file: "Приказ о кураторах")
    }
}
