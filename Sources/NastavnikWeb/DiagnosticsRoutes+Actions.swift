import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The diagnostics' forms (issue 20): the thresholds of an instrument (as `nastavnik
/// diagnostics thresholds` sets them, all competences at once) and an observed lesson (as
/// `nastavnik observations add`). Each checks the CSRF token and the role, shows every error
/// beside its field with the values kept (422), refuses thresholds changed since the form was
/// opened (409), and logs the change under the web user's name.
extension DiagnosticsRoutes {
    /// The instruments whose thresholds may be set: the default «*» and each campaign's.
    private func instruments() async throws -> [String] {
        var instruments: [String] = ["*"]
        for c in try await site.app.diagnosticCampaigns() where !instruments.contains(c.instrument) {
            instruments.append(c.instrument)
        }
        return instruments
    }

    static func instrumentLabel(_ instrument: String) -> String {
        instrument == "*" ? "по умолчанию (для всех инструментов)" : instrument
    }

    /// The thresholds form of `instrument` with `values` by field name, as typed.
    static func thresholdForm(instrument: String, version: String, values: [String: String]) -> FormView {
        var fields: [FormView.Field] = []
        for c in DiagnosticsTables.shown {
            fields.append(
                .init(
                    name: "threshold-" + c.rawValue, label: "\(c.russian.sentenceCased): порог",
                    kind: .text, value: values["threshold-" + c.rawValue] ?? "",
                    hint: "Балл, который нужно превысить; пусто — не задан."))
            fields.append(
                .init(
                    name: "max-" + c.rawValue, label: "\(c.russian.sentenceCased): максимальный балл", kind: .text,
                    value: values["max-" + c.rawValue] ?? "", hint: "Необязательно."))
        }
        return FormView(
            action: "/diagnostics/thresholds", title: "Пороги: \(instrumentLabel(instrument))", fields: fields,
            hidden: [(CSRFToken.field, ""), ("version", version), ("instrument", instrument)],
            submit: "Сохранить пороги")
    }

    /// A number as the form shows it (a decimal comma, no trailing zeros).
    static func shown(_ value: Double) -> String {
        let decimals = value == value.rounded() ? 0 : (value * 10 == (value * 10).rounded() ? 1 : 2)
        return Cell.russianNumber(value, decimals: decimals)
    }

    func thresholds(_ request: Request, _ context: WebContext) async throws -> Response {
        try await thresholdsPage(request, context, instrument: PageQuery(request).text("instrument") ?? "*")
    }

    /// The thresholds of every instrument and, for an account that may change them, the form of
    /// `instrument`'s: `form` as a refused save left it, else the values in force.
    private func thresholdsPage(
        _ request: Request, _ context: WebContext, instrument: String, form: FormView? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.require(.readAll, request)
        let instruments = try await instruments()
        guard instruments.contains(instrument) else {
            throw WebError.badRequest(
                "Параметр instrument: нет инструмента «\(instrument)»; возможны: \(instruments.joined(separator: ", "))."
            )
        }
        var all: [(instrument: String, thresholds: [Competence: Double])] = []
        for i in instruments { all.append((i, try await site.app.diagnosticThresholds(instrument: i))) }
        // One link per instrument (there are a few), the one shown marked.
        let links = instruments.map {
            LinkView(
                label: ($0 == instrument ? "● " : "") + "Пороги " + Self.instrumentLabel($0),
                href: URLPath.query("/diagnostics/thresholds", [("instrument", $0)]))
        }
        var view = Self.subpage("Пороги компетенций")
        view.blocks = [
            .links(links),
            .note(
                "Педагог выше порога, если его балл больше порога. Где порог инструмента не задан, действует порог по умолчанию."
            ),
            .table(TableView(DiagnosticsTables.thresholds(all))),
        ]
        if var refused = form {
            refused.hidden[0].value = context.csrf
            view.blocks.append(.form(refused))
        } else if user.role.may(.editDiagnostics) {
            let (values, version) = try await site.app.thresholdsToEdit(instrument: instrument)
            var typed: [String: String] = [:]
            for (c, value) in values {
                typed["threshold-" + c.rawValue] = Self.shown(value.threshold)
                typed["max-" + c.rawValue] = value.maxScore.map(Self.shown)
            }
            var blank = Self.thresholdForm(instrument: instrument, version: String(version), values: typed)
            blank.hidden[0].value = context.csrf
            view.blocks.append(.form(blank))
        }
        return site.page(view, request, context, status: status)
    }

    /// Sets an instrument's thresholds through `setDiagnosticThresholds`; each bad number is
    /// named beside its field.
    func saveThresholds(_ request: Request, _ context: WebContext) async throws -> Response {
        guard context.user != nil else { throw WebError.loginRequired(next: "/diagnostics/thresholds") }
        let form = try await context.postedForm(request)
        let user = try context.require(.editDiagnostics, request)
        let value = { (name: String) in (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let versionText = value("version")
        guard let version = Int64(versionText) else {
            throw WebError.badRequest("Поле version: «\(versionText)» — не версия записи; откройте страницу заново.")
        }
        let instrument = value("instrument")
        guard try await instruments().contains(instrument) else {
            throw WebError.badRequest("Поле instrument: нет инструмента «\(instrument)».")
        }
        var typed: [String: String] = [:]
        for c in DiagnosticsTables.shown {
            typed["threshold-" + c.rawValue] = value("threshold-" + c.rawValue)
            typed["max-" + c.rawValue] = value("max-" + c.rawValue)
        }
        var view = Self.thresholdForm(instrument: instrument, version: versionText, values: typed)
        let own = try await site.app.thresholdsToEdit(instrument: instrument).values
        var values: [Competence: (threshold: Double, maxScore: Double?)] = [:]
        for c in DiagnosticsTables.shown {
            let (thresholdField, maxField) = ("threshold-" + c.rawValue, "max-" + c.rawValue)
            let (thresholdText, maxText) = (typed[thresholdField]!, typed[maxField]!)
            let label = c.russian.sentenceCased
            let threshold = CellValue.number(thresholdText)
            let maxScore = CellValue.number(maxText)
            if thresholdText.isEmpty {
                if own[c] != nil {
                    view.setError(
                        "Поле «\(label): порог»: порог задан; укажите число (удалить его нельзя).", on: thresholdField)
                } else if !maxText.isEmpty {
                    view.setError("Поле «\(label): порог»: укажите порог к максимальному баллу.", on: thresholdField)
                }
            } else if threshold == nil {
                view.setError(
                    "Поле «\(label): порог»: «\(thresholdText)» — не число; например 12 или 12,5.", on: thresholdField)
            }
            if !maxText.isEmpty, maxScore == nil {
                view.setError("Поле «\(label): максимальный балл»: «\(maxText)» — не число; например 30.", on: maxField)
            }
            guard let threshold, maxText.isEmpty || maxScore != nil else { continue }
            for problem in NastavnikApp.thresholdProblems(threshold: threshold, maxScore: maxScore) {
                let field = problem.field == "max" ? maxField : thresholdField
                let name = problem.field == "max" ? "максимальный балл" : "порог"
                view.setError("Поле «\(label): \(name)»: \(problem.message)", on: field)
            }
            values[c] = (threshold, maxScore)
        }
        if values.isEmpty, !view.hasErrors { view.problem = "Укажите хотя бы один порог." }
        guard !view.hasErrors else {
            return try await thresholdsPage(
                request, context, instrument: instrument, form: view, status: .unprocessableContent)
        }
        do {
            try await site.writer(for: user, command: "веб: пороги «\(instrument)»").setDiagnosticThresholds(
                instrument: instrument, values, expectedVersion: version)
            let list = DiagnosticsTables.shown.compactMap { c in
                values[c].map { "\(c.russian) — выше \(Self.shown($0.threshold))" }
            }
            return site.saved(
                "Пороги \(instrument == "*" ? "по умолчанию" : "для «\(instrument)»") сохранены: "
                    + list.joined(separator: ", ") + ".",
                redirectTo: URLPath.query("/diagnostics/thresholds", [("instrument", instrument)]), context)
        } catch {
            let status = try FormRefusal.status(for: error, &view)
            return try await thresholdsPage(request, context, instrument: instrument, form: view, status: status)
        }
    }

    // MARK: Observed lessons

    /// The form «Записать посещённый урок» with `values` by field name, as typed.
    static func observationForm(_ values: [String: String]) -> FormView {
        let field = { (name: String, label: String, kind: FormView.Kind, hint: String?, required: Bool) in
            FormView.Field(
                name: name, label: label, kind: kind, value: values[name] ?? "", hint: hint, required: required)
        }
        return FormView(
            action: "/observations", title: "Записать посещённый урок",
            fields: [
                field("staff", "Табельный номер учителя", .text, nil, true),
                field("date", "Дата урока", .date, "ДД.ММ.ГГГГ, не позже сегодняшнего дня.", true),
                field("observer", "Кто посещал", .text, "ФИО.", true),
                field("role", "Роль наблюдателя", .text, "Заместитель директора, куратор, методист.", false),
                field("class", "Класс", .text, nil, false),
                field("subject", "Предмет", .text, nil, false),
                field("focus", "Цель посещения", .text, nil, false),
                field("scores", "Оценки по критериям", .textarea, "По строке: «целеполагание=2».", false),
                field("deficits", "Выявленные дефициты", .textarea, "По строке; попадут в ИППР.", false),
                field("note", "Рекомендации", .textarea, nil, false),
            ],
            hidden: [(CSRFToken.field, "")], submit: "Записать урок")
    }

    /// Records an observed lesson through `recordObservation` (as `observations add`).
    func recordObservation(_ request: Request, _ context: WebContext) async throws -> Response {
        guard context.user != nil else { throw WebError.loginRequired(next: "/observations") }
        let form = try await context.postedForm(request)
        let user = try context.require(.editObservations, request)
        let names = ["staff", "date", "observer", "role", "class", "subject", "focus", "scores", "deficits", "note"]
        var typed: [String: String] = [:]
        for name in names { typed[name] = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let value = { (name: String) in typed[name]! }
        var view = Self.observationForm(typed)
        view.hidden[0].value = context.csrf
        if value("staff").isEmpty { view.setError("Поле «Табельный номер учителя»: укажите его.", on: "staff") }
        if value("observer").isEmpty { view.setError("Поле «Кто посещал»: укажите ФИО.", on: "observer") }
        let date = view.date(
            value("date"), field: "date", label: "Дата урока", missing: "укажите дату, ДД.ММ.ГГГГ.", today: site.today)
        if let date, let problem = NastavnikApp.observationDateProblem(date, today: site.today) {
            view.setError("Поле «Дата урока»: " + problem, on: "date")
        }
        let lines = { (name: String) in
            value(name).split(whereSeparator: \.isNewline).map { CellValue.trimmed(String($0)) }.filter { !$0.isEmpty }
        }
        let (scores, bad) = ObservationEntry.scores(lines("scores"))
        if !bad.isEmpty {
            view.setError(
                "Поле «Оценки по критериям»: записывайте «критерий=балл»: \(bad.joined(separator: ", ")).", on: "scores"
            )
        }
        guard !view.hasErrors, let date else {
            return try await observationsPage(request, context, form: view, status: .unprocessableContent)
        }
        let optional = { (name: String) in value(name).isEmpty ? nil : value(name) }
        let deficits = lines("deficits")
        let entry = ObservationEntry(
            date: date, observer: value("observer"), observerRole: optional("role"), className: optional("class"),
            subject: optional("subject"), focus: optional("focus"), scores: scores, deficits: deficits,
            note: optional("note"))
        do {
            let added = try await site.writer(for: user, command: "веб: посещённый урок \(value("staff"))")
                .recordObservation(entry, staff: value("staff"))
            return site.saved(
                (added ? "Урок записан" : "Запись об уроке обновлена")
                    + ": \(value("staff")), \(date.russian), посещал(а) \(value("observer"))"
                    + (deficits.isEmpty ? "." : "; дефициты: \(deficits.joined(separator: ", ")) — учтутся в ИППР."),
                redirectTo: URLPath.query("/observations", [("staff", value("staff"))]), context)
        } catch let error as AppError {
            // The one refusal of the use case itself: no such teacher.
            view.setError("Поле «Табельный номер учителя»: \(error.message)", on: "staff")
            return try await observationsPage(request, context, form: view, status: .unprocessableContent)
        } catch {
            let status = try FormRefusal.status(for: error, &view)
            return try await observationsPage(request, context, form: view, status: status)
        }
    }
}
