import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The forms that change mentoring, each through the use case of its `nastavnik mentoring`
/// command and under the web user's name: take suggested pairs (`mentoring assign`, the chosen
/// ones all or none), record the mentor's and the mentee's consent, log a meeting (`mentoring
/// meeting`) and end a pair (`mentoring end`). Only a role that may edit mentoring sends them;
/// a form opened on a pair changed since is refused (the pair's version: its row and its
/// meetings', `NastavnikDatabase.mentorshipVersion`).
struct MentoringActionRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.post("mentoring/suggestions/assign") { request, context in try await assign(request, context) }
        router.get("mentoring/pairs/:id") { request, context in
            try await pairPage(try Self.pairID(context), request, context, forms: [:])
        }
        router.post("mentoring/pairs/:id/consent") { request, context in try await consent(request, context) }
        router.post("mentoring/pairs/:id/meetings") { request, context in try await meeting(request, context) }
        router.post("mentoring/pairs/:id/end") { request, context in try await end(request, context) }
    }

    /// The forms of a pair as mentoring programmes name them (Целевая модель наставничества).
    static let pairForms = [
        "педагог – молодой специалист", "учитель – учитель", "руководитель – руководитель", "групповая",
    ]

    /// The number of the pair in the address.
    static func pairID(_ context: WebContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard let id = Int64(text) else { throw WebError.notFound("Наставническая пара № «\(text)» не найдена.") }
        return id
    }

    /// The field of a suggestion: the mentee's personnel number.
    static func pairField(_ suggestion: MentorSuggestion) -> String { "pair-" + suggestion.mentee.id }

    // MARK: The forms

    /// «Закрепить пары»: a select per suggestion with a mentor, then the pairs' common fields.
    static func assignForm(csrf: String, suggestions: [MentorSuggestion], values: [String: String]) -> FormView {
        var fields: [FormView.Field] = suggestions.compactMap { s in
            guard let mentor = s.mentor else { return nil }
            return .init(
                name: pairField(s),
                label:
                    "\(s.mentee.fullName) (\(s.mentee.schoolCode)) — наставник \(mentor.fullName) (\(mentor.schoolCode))",
                kind: .select([.init(value: "", label: "не закреплять"), .init(value: mentor.id, label: "закрепить")]),
                value: values[pairField(s)] ?? "")
        }
        fields += [
            .init(
                name: "start", label: "Начало", kind: .date, value: values["start"] ?? "", hint: "ДД.ММ.ГГГГ.",
                required: true),
            .init(
                name: "form", label: "Форма наставничества",
                kind: .select([.init(value: "", label: "не указана")] + pairForms.map { .init(value: $0, label: $0) }),
                value: values["form"] ?? ""),
            .init(name: "goal", label: "Цель", kind: .text, value: values["goal"] ?? ""),
            .init(
                name: "consent", label: "Согласие наставников", kind: .date, value: values["consent"] ?? "",
                hint: "Дата письменного согласия (ТК РФ, ст. 351.8), если уже дано; ДД.ММ.ГГГГ."),
        ]
        return FormView(
            action: "/mentoring/suggestions/assign", title: "Закрепить пары", fields: fields,
            hidden: [(CSRFToken.field, csrf)], submit: "Закрепить выбранные пары")
    }

    /// A form about pair `pair` posted to its `path` (consent, meetings, end), with its version.
    static func pairForm(
        _ pair: Int64, _ path: String, _ title: String, submit: String, csrf: String, version: Int64,
        fields: [FormView.Field]
    ) -> FormView {
        FormView(
            action: "/mentoring/pairs/\(pair)/\(path)", title: title, fields: fields,
            hidden: [(CSRFToken.field, csrf), ("version", String(version))], submit: submit)
    }

    /// «Согласие»: the dates of the mentor's and the mentee's written consent.
    static func consentForm(pair: Int64, csrf: String, version: Int64, values: [String: String]) -> FormView {
        pairForm(
            pair, "consent", "Согласие", submit: "Сохранить согласие", csrf: csrf, version: version,
            fields: [
                .init(
                    name: "mentor", label: "Согласие наставника", kind: .date, value: values["mentor"] ?? "",
                    hint: "Дата письменного согласия (ТК РФ, ст. 351.8); пусто — не менять."),
                .init(
                    name: "mentee", label: "Согласие наставляемого", kind: .date, value: values["mentee"] ?? "",
                    hint: "Дата; пусто — не менять."),
            ])
    }

    /// «Записать встречу»: its date, topic and note.
    static func meetingForm(pair: Int64, csrf: String, version: Int64, values: [String: String]) -> FormView {
        pairForm(
            pair, "meetings", "Записать встречу", submit: "Записать встречу", csrf: csrf, version: version,
            fields: [
                .init(
                    name: "date", label: "Дата", kind: .date, value: values["date"] ?? "",
                    hint: "ДД.ММ.ГГГГ: прошедшая встреча, в пределах срока пары.", required: true),
                .init(name: "topic", label: "Тема", kind: .text, value: values["topic"] ?? "", required: true),
                .init(name: "note", label: "Что сделали", kind: .textarea, value: values["note"] ?? ""),
            ])
    }

    /// «Завершить пару»: the date and why.
    static func endForm(pair: Int64, csrf: String, version: Int64, values: [String: String]) -> FormView {
        let reasonHint = "Например, «цели достигнуты», «увольнение наставника»."
        return pairForm(
            pair, "end", "Завершить пару", submit: "Завершить пару", csrf: csrf, version: version,
            fields: [
                .init(
                    name: "date", label: "Дата окончания", kind: .date, value: values["date"] ?? "",
                    hint: "ДД.ММ.ГГГГ, не раньше начала пары.", required: true),
                .init(
                    name: "reason", label: "Причина", kind: .text, value: values["reason"] ?? "", hint: reasonHint,
                    required: true),
            ])
    }

    // MARK: The pair's page

    /// A pair's card with its meetings and, for a role that may edit mentoring, its forms
    /// (`forms` by name — "consent", "meeting", "end" — as a refused submission left them).
    func pairPage(
        _ id: Int64, _ request: Request, _ context: WebContext, forms: [String: FormView],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.require(.readAll, request)
        let app = try await site.app(for: user)
        let pair: MentorshipLine
        do { pair = try await app.mentorship(id) } catch let error as AppError {
            throw WebError.notFound(error.message)
        }
        let meetings = try await app.mentoringMeetings(id)
        var view = PageView(
            title: "Пара № \(id): \(pair.mentorName) → \(pair.menteeName)",
            subtitle: pair.end.map { "Завершена \($0.russian)" } ?? "Действующая")
        view.breadcrumbs = [LinkView(label: "Наставничество", href: "/mentoring")]
        let card = Card(fields: [
            ("mentor", "Наставник", .text("\(pair.mentorName) (\(pair.mentorID ?? "—")), \(pair.mentorSchool)")),
            ("mentee", "Наставляемый", .text("\(pair.menteeName) (\(pair.menteeID ?? "—")), \(pair.menteeSchool)")),
            ("form", "Форма", Cell(pair.form)), ("goal", "Цель", Cell(pair.goal)),
            ("start", "Начало", Cell(pair.start)),
            ("end", "Окончание", Cell(pair.end)), ("end_reason", "Причина окончания", Cell(pair.endReason)),
            ("consent", "Согласие наставника", Cell(pair.consent)),
            ("mentee_consent", "Согласие наставляемого", Cell(pair.menteeConsent)),
        ])
        view.blocks = [
            .card(CardView(card)),
            .heading("Встречи"),
            .table(
                TableView(
                    ReportTable(
                        columns: [Column("date", "Дата"), Column("topic", "Тема"), Column("note", "Что сделали")],
                        rows: meetings.map { [Cell($0.date), Cell($0.topic), Cell($0.note)] },
                        emptyMessage: "Встреч не записано."))),
        ]
        if user.role.may(.editMentoring) {
            let version = try await site.app.mentorshipVersion(id: id)
            let csrf = context.csrf
            view.blocks.append(
                .form(
                    forms["consent"]
                        ?? Self.consentForm(
                            pair: id, csrf: csrf, version: version,
                            values: [
                                "mentor": pair.consent?.russian ?? "", "mentee": pair.menteeConsent?.russian ?? "",
                            ]
                        )))
            // A pair ended (its end is past or today) takes no more meetings; a planned end may still be moved.
            if (pair.end.map { $0 > site.today } ?? true) || forms["meeting"] != nil || forms["end"] != nil {
                view.blocks.append(
                    .form(
                        forms["meeting"]
                            ?? Self.meetingForm(
                                pair: id, csrf: csrf, version: version, values: ["date": site.today.russian])))
                view.blocks.append(
                    .form(
                        forms["end"]
                            ?? Self.endForm(
                                pair: id, csrf: csrf, version: version, values: ["date": site.today.russian])))
            }
        }
        return site.page(view, request, context, status: status)
    }

    // MARK: The actions

    /// Records the chosen suggestions, all or none, from the given start.
    private func assign(_ request: Request, _ context: WebContext) async throws -> Response {
        let posted = try await PostedEdit.read(
            request, context, permission: .editMentoring, back: "/mentoring/suggestions")
        let suggestions = try await site.app.suggestMentors(asOf: site.today)
        var values = Dictionary(
            uniqueKeysWithValues: ["start", "form", "goal", "consent"].map { ($0, posted.value($0)) })
        var pairs: [(mentor: String, mentee: String)] = []
        var names: [String] = []
        for suggestion in suggestions {
            let field = Self.pairField(suggestion)
            guard let mentor = posted.optional(field) else { continue }
            values[field] = mentor
            if mentor == suggestion.mentor?.id {
                pairs.append((mentor, suggestion.mentee.id))
                names.append("\(suggestion.mentee.fullName) — \(suggestion.mentor?.fullName ?? mentor)")
            }
        }
        var view = Self.assignForm(csrf: context.csrf, suggestions: suggestions, values: values)
        // A chosen mentee no longer suggested, or with another mentor now: the page is out of date.
        let chosen = posted.form.fields.filter { $0.key.hasPrefix("pair-") && !$0.value.isEmpty }.count
        if chosen > pairs.count {
            view.problem =
                "Предложения изменились с тех пор, как страница открыта (\(chosen - pairs.count) из выбранных уже не предлагаются); откройте её заново."
        } else if pairs.isEmpty {
            view.problem = "Выберите хотя бы одну пару: «закрепить» в её строке."
        }
        let start = posted.date("start", "Начало", missing: FormView.missingDate, today: site.today, in: &view)
        let consent = posted.date("consent", "Согласие наставников", missing: nil, today: site.today, in: &view)
        if let consent, let problem = MentoringMeetingRule.consentProblem(consent, today: site.today) {
            view.setError("Поле «Согласие наставников»: " + problem, on: "consent")
        }
        let form = posted.optional("form")
        if let form, !Self.pairForms.contains(form) {
            view.setError("Поле «Форма наставничества»: неизвестная форма «\(form)».", on: "form")
        }
        let page = { (form: FormView, status: HTTPResponse.Status) in
            try await MentoringRoutes(site: site).suggestionsPage(request, context, assign: form, status: status)
        }
        guard !view.hasErrors, let start else { return try await page(view, .unprocessableContent) }
        return try await PostedEdit.save(view, page: page) {
            try await site.writer(for: posted.user, command: "веб: закрепление наставников").assignMentors(
                pairs, form: form, start: start, goal: posted.optional("goal"), consent: consent)
            return site.saved(
                "Закреплено пар: \(pairs.count) с \(start.russian) — " + names.joined(separator: "; ") + ".",
                redirectTo: "/mentoring", context)
        }
    }

    /// Reads a posted form about the pair of the address: the editor, the version, the pair.
    private func posted(_ request: Request, _ context: WebContext) async throws -> (
        PostedEdit, Int64, MentorshipLine
    ) {
        let id = try Self.pairID(context)
        let posted = try await PostedEdit.read(
            request, context, permission: .editMentoring, back: "/mentoring/pairs/\(id)")
        let version = try posted.version()
        let pair: MentorshipLine
        do { pair = try await site.app.mentorship(id) } catch let error as AppError {
            throw WebError.notFound(error.message)
        }
        return (posted, version, pair)
    }

    private func consent(_ request: Request, _ context: WebContext) async throws -> Response {
        let (posted, version, pair) = try await posted(request, context)
        let values = ["mentor": posted.value("mentor"), "mentee": posted.value("mentee")]
        var view = Self.consentForm(pair: pair.id, csrf: context.csrf, version: version, values: values)
        let mentor = posted.date("mentor", "Согласие наставника", missing: nil, today: site.today, in: &view)
        let mentee = posted.date("mentee", "Согласие наставляемого", missing: nil, today: site.today, in: &view)
        for (name, label, date) in [
            ("mentor", "Согласие наставника", mentor), ("mentee", "Согласие наставляемого", mentee),
        ] {
            if let date, let problem = MentoringMeetingRule.consentProblem(date, today: site.today) {
                view.setError("Поле «\(label)»: " + problem, on: name)
            }
        }
        if !view.hasErrors, mentor == nil, mentee == nil {
            view.setError(
                "Поле «Согласие наставника»: укажите дату согласия наставника или наставляемого.", on: "mentor")
        }
        let page = { (form: FormView, status: HTTPResponse.Status) in
            try await pairPage(pair.id, request, context, forms: ["consent": form], status: status)
        }
        guard !view.hasErrors else { return try await page(view, .unprocessableContent) }
        return try await PostedEdit.save(view, page: page) {
            try await site.writer(for: posted.user, command: "веб: согласие пары \(pair.id)").recordConsent(
                mentorship: pair.id, mentor: mentor, mentee: mentee, expectedVersion: version)
            let parts = [mentor.map { "наставника — \($0.russian)" }, mentee.map { "наставляемого — \($0.russian)" }]
            return site.saved(
                "Согласие записано, пара № \(pair.id): " + parts.compactMap { $0 }.joined(separator: ", ") + ".",
                redirectTo: "/mentoring/pairs/\(pair.id)", context)
        }
    }

    private func meeting(_ request: Request, _ context: WebContext) async throws -> Response {
        let (posted, version, pair) = try await posted(request, context)
        let values = ["date": posted.value("date"), "topic": posted.value("topic"), "note": posted.value("note")]
        var view = Self.meetingForm(pair: pair.id, csrf: context.csrf, version: version, values: values)
        let date = posted.date("date", "Дата", missing: FormView.missingDate, today: site.today, in: &view)
        if let date,
            let problem = MentoringMeetingRule.dateProblem(date, start: pair.start, end: pair.end, today: site.today)
        {
            view.setError("Поле «Дата»: " + problem, on: "date")
        }
        let topic = posted.optional("topic")
        if topic == nil { view.setError("Поле «Тема»: укажите, чему была посвящена встреча.", on: "topic") }
        let page = { (form: FormView, status: HTTPResponse.Status) in
            try await pairPage(pair.id, request, context, forms: ["meeting": form], status: status)
        }
        guard !view.hasErrors, let date else { return try await page(view, .unprocessableContent) }
        return try await PostedEdit.save(view, page: page) {
            try await site.writer(for: posted.user, command: "веб: встреча пары \(pair.id)").addMeeting(
                mentorship: pair.id, date: date, topic: topic, note: posted.optional("note"), expectedVersion: version)
            return site.saved(
                "Встреча записана: пара № \(pair.id) (\(pair.mentorName) → \(pair.menteeName)), \(date.russian), «\(topic ?? "")».",
                redirectTo: "/mentoring/pairs/\(pair.id)", context)
        }
    }

    private func end(_ request: Request, _ context: WebContext) async throws -> Response {
        let (posted, version, pair) = try await posted(request, context)
        let values = ["date": posted.value("date"), "reason": posted.value("reason")]
        var view = Self.endForm(pair: pair.id, csrf: context.csrf, version: version, values: values)
        let date = posted.date("date", "Дата окончания", missing: FormView.missingDate, today: site.today, in: &view)
        if let date, let problem = MentorMatching.endProblem(start: pair.start, end: date) {
            view.setError("Поле «Дата окончания»: \(problem).", on: "date")
        }
        let reason = posted.optional("reason")
        if reason == nil { view.setError("Поле «Причина»: укажите, почему пара завершена.", on: "reason") }
        let page = { (form: FormView, status: HTTPResponse.Status) in
            try await pairPage(pair.id, request, context, forms: ["end": form], status: status)
        }
        guard !view.hasErrors, let date else { return try await page(view, .unprocessableContent) }
        return try await PostedEdit.save(view, page: page) {
            try await site.writer(for: posted.user, command: "веб: окончание пары \(pair.id)").endMentorship(
                pair.id, on: date, reason: reason, expectedVersion: version)
            return site.saved(
                "Пара № \(pair.id) (\(pair.mentorName) → \(pair.menteeName)) завершена \(date.russian): \(reason ?? "").",
                redirectTo: "/mentoring/pairs/\(pair.id)", context)
        }
    }
}
