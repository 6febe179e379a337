import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The seminars' forms (issue 20), each through the use case of its `nastavnik seminars`
/// command: save the planner's proposal as events (`seminars create`), change an event's date,
/// time or host, move an invited teacher to another event, tick who came (`seminars
/// attendance`). Each checks the CSRF token and the role, shows every error beside its field
/// with the values kept (422), refuses a form opened on an event changed since (409), and logs
/// the change under the web user's name.
extension SeminarRoutes {
    /// The number of the event in the address (404 for one that is not a number).
    static func eventID(_ context: WebContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard let id = Int64(text) else { throw WebError.notFound("Мероприятие «\(text)» не найдено.") }
        return id
    }

    /// A form's values, trimmed.
    static func values(_ form: FormBody) -> (String) -> String {
        { (form[$0] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The form's version field as a number; a form without one is not one of ours (400).
    static func version(_ text: String) throws -> Int64 {
        guard let version = Int64(text) else {
            throw WebError.badRequest("Поле version: «\(text)» — не версия записи; откройте страницу заново.")
        }
        return version
    }

    /// The blank forms of an event's page: its date, time and host; moving an invited teacher
    /// (when another event and someone to move exist); the attendance (once the day has come).
    func eventForms(_ event: EventLine) async throws -> [FormView] {
        let app = site.app
        let version = String(try await app.eventVersion(event.id))
        let schools = try await app.schools(status: nil)
        var forms = [
            Self.scheduleForm(
                event, schools: schools, version: version,
                values: (event.date.russian, event.startTime ?? "", event.hostCode ?? ""))
        ]
        let others = try await app.events().filter { $0.id != event.id }
        if !others.isEmpty, event.participants.contains(where: { $0.attended == nil && $0.staffID != nil }) {
            forms.append(Self.moveForm(event, others: others, version: version, values: ("", "")))
        }
        if event.date <= site.today {
            let ticked = Set(event.participants.compactMap { $0.attended == true ? $0.staffID : nil })
            forms.append(Self.attendanceForm(event, version: version, ticked: ticked))
        }
        return forms
    }

    static func scheduleForm(
        _ event: EventLine, schools: [SchoolOverview], version: String,
        values: (date: String, time: String, host: String)
    ) -> FormView {
        FormView(
            action: "/seminars/\(event.id)/schedule", title: "Дата, время и площадка",
            fields: [
                .init(
                    name: "date", label: "Дата", kind: .date, value: values.date, hint: "ДД.ММ.ГГГГ.", required: true),
                .init(name: "time", label: "Начало", kind: .text, value: values.time, hint: "ЧЧ:ММ, например 14:00."),
                .init(
                    name: "host", label: "Площадка",
                    kind: .select(
                        [FormView.Option(value: "", label: "без площадки")]
                            + schools.map {
                                FormView.Option(value: $0.school.code, label: "\($0.school.code) \($0.school.name)")
                            }),
                    value: values.host),
            ],
            hidden: [(CSRFToken.field, ""), ("version", version)], submit: "Сохранить дату и площадку")
    }

    static func moveForm(
        _ event: EventLine, others: [EventLine], version: String, values: (staff: String, to: String)
    ) -> FormView {
        let movable = event.participants.filter { $0.attended == nil && $0.staffID != nil }
        return FormView(
            action: "/seminars/\(event.id)/move", title: "Перевести участника в другую группу",
            fields: [
                .init(
                    name: "staff", label: "Участник",
                    kind: .select(
                        [FormView.Option(value: "", label: "выберите")]
                            + movable.map { FormView.Option(value: $0.staffID!, label: "\($0.name) (\($0.school))") }),
                    value: values.staff, required: true),
                .init(
                    name: "to", label: "В мероприятие",
                    kind: .select(
                        [FormView.Option(value: "", label: "выберите")]
                            + others.map {
                                FormView.Option(
                                    value: String($0.id), label: "№ \($0.id), \($0.date.russian): \($0.title)")
                            }),
                    value: values.to, required: true),
            ],
            hidden: [(CSRFToken.field, ""), ("version", version)], submit: "Перевести")
    }

    static func attendanceForm(_ event: EventLine, version: String, ticked: Set<String>) -> FormView {
        FormView(
            action: "/seminars/\(event.id)/attendance", title: "Отметить пришедших",
            fields: event.participants.compactMap { p in
                p.staffID.map {
                    FormView.Field(
                        name: "present-" + $0, label: "\(p.name), \(p.school)", kind: .checkbox,
                        value: ticked.contains($0) ? "1" : "")
                }
            },
            hidden: [(CSRFToken.field, ""), ("version", version)], submit: "Записать посещаемость")
    }

    /// A form posted on an event: the event's number, the user who may change seminars (after
    /// the form's token is checked; 403 otherwise), the form, the version it was opened on (400
    /// without one) and the event (404 for an unknown one).
    private func posted(_ request: Request, _ context: WebContext) async throws -> (
        id: Int64, user: UserAccount, form: FormBody, version: Int64, event: EventLine
    ) {
        let id = try Self.eventID(context)
        guard context.user != nil else { throw WebError.loginRequired(next: "/seminars/\(id)") }
        let form = try await context.postedForm(request)
        let user = try context.require(.editSeminars, request)
        let version = try Self.version(Self.values(form)("version"))
        return (id, user, form, version, try await self.event(context, site.app))
    }

    /// The event's page with `view` in place of its blank form, answered with `status`.
    private func again(
        _ id: Int64, _ view: FormView, _ request: Request, _ context: WebContext, status: HTTPResponse.Status
    ) async throws -> Response {
        let event = try await self.event(context, site.app)
        return try await eventPage(event, request, context, replacing: view, status: status)
    }

    // MARK: Date, time and host

    func schedule(_ request: Request, _ context: WebContext) async throws -> Response {
        let (id, user, form, version, event) = try await posted(request, context)
        let value = Self.values(form)
        let (dateText, timeText, host) = (value("date"), value("time"), value("host"))
        let schools = try await site.app.schools(status: nil)
        var view = Self.scheduleForm(
            event, schools: schools, version: String(version), values: (dateText, timeText, host))
        let date = view.date(
            dateText, field: "date", label: "Дата", missing: "укажите дату мероприятия, ДД.ММ.ГГГГ.", today: site.today)
        if !timeText.isEmpty, let problem = NastavnikApp.startTimeProblem(timeText) {
            view.setError("Поле «Начало»: " + problem, on: "time")
        }
        if !host.isEmpty, !schools.contains(where: { $0.school.code == host }) {
            view.setError("Поле «Площадка»: нет школы с кодом «\(host)».", on: "host")
        }
        guard !view.hasErrors, let date else {
            return try await again(id, view, request, context, status: .unprocessableContent)
        }
        return try await save(id, view, request, context) {
            let old = try await site.writer(for: user, command: "веб: дата и площадка мероприятия \(id)")
                .rescheduleEvent(
                    id: id, date: date, startTime: timeText.isEmpty ? nil : timeText,
                    hostCode: host.isEmpty ? nil : host, expectedVersion: version)
            return "Сохранено: мероприятие № \(id) — \(old.date.russian) → \(date.russian)"
                + (timeText.isEmpty ? "" : " в \(timeText)") + ", "
                + (host.isEmpty ? "без площадки." : "площадка \(host).")
        }
    }

    /// Runs `change` (the use case, giving the confirmation) and leads back to the event's page
    /// saying so, or shows `view` again with the refusal.
    private func save(
        _ id: Int64, _ view: FormView, _ request: Request, _ context: WebContext,
        _ change: () async throws -> String
    ) async throws -> Response {
        do {
            return site.saved(try await change(), redirectTo: "/seminars/\(id)", context)
        } catch {
            var view = view
            let status = try FormRefusal.status(for: error, &view)
            return try await again(id, view, request, context, status: status)
        }
    }

    // MARK: Moving a teacher

    func move(_ request: Request, _ context: WebContext) async throws -> Response {
        let (id, user, form, version, event) = try await posted(request, context)
        let value = Self.values(form)
        let (staff, toText) = (value("staff"), value("to"))
        let others = try await site.app.events().filter { $0.id != id }
        var view = Self.moveForm(event, others: others, version: String(version), values: (staff, toText))
        let name = event.participants.first { $0.staffID == staff }?.name
        if staff.isEmpty {
            view.setError("Поле «Участник»: выберите, кого перевести.", on: "staff")
        } else if name == nil {
            view.setError("Поле «Участник»: «\(staff)» не приглашён на это мероприятие.", on: "staff")
        }
        let target = Int64(toText).flatMap { to in others.first { $0.id == to } }
        if toText.isEmpty {
            view.setError("Поле «В мероприятие»: выберите мероприятие.", on: "to")
        } else if target == nil {
            view.setError("Поле «В мероприятие»: нет другого мероприятия № «\(toText)».", on: "to")
        }
        guard !view.hasErrors, let target, let name else {
            return try await again(id, view, request, context, status: .unprocessableContent)
        }
        return try await save(id, view, request, context) {
            try await site.writer(for: user, command: "веб: перевод участника из мероприятия \(id)")
                .moveSeminarParticipant(staffID: staff, from: id, to: target.id, expectedVersion: version)
            return "Сохранено: \(name) переведён(а) из мероприятия № \(id) в № \(target.id) (\(target.date.russian))."
        }
    }

    // MARK: Attendance

    func attendance(_ request: Request, _ context: WebContext) async throws -> Response {
        let (id, user, form, version, event) = try await posted(request, context)
        let invited = event.participants.compactMap(\.staffID)
        let ticked = Set(invited.filter { form["present-" + $0] == "1" })
        var view = Self.attendanceForm(event, version: String(version), ticked: ticked)
        for problem in NastavnikApp.attendanceUntickedProblems(event, ticked: ticked) {
            view.setError(problem.message, on: "present-" + problem.staffID)
        }
        if ticked.isEmpty, !view.hasErrors {
            view.problem = "Отметьте хотя бы одного пришедшего."
        }
        guard !view.hasErrors else { return try await again(id, view, request, context, status: .unprocessableContent) }
        return try await save(id, view, request, context) {
            let result = try await site.writer(for: user, command: "веб: посещаемость мероприятия \(id)")
                .recordAttendance(
                    event: id, present: invited.filter(ticked.contains), sheet: nil, asOf: site.today,
                    expectedVersion: version)
            return "Посещаемость мероприятия № \(id) записана: пришли \(result.present) из \(invited.count)"
                + ", закрыто пунктов ИППР: \(result.closedItems)."
        }
    }
}

extension SeminarRoutes {
    // MARK: Saving the proposal

    /// The form «Сохранить как мероприятия» with `values` by field name, as typed.
    static func planForm(_ values: [String: String]) -> FormView {
        let value = { (name: String) in values[name] ?? "" }
        return FormView(
            action: "/seminars/plan", title: "Сохранить как мероприятия",
            fields: [
                .init(
                    name: "topic", label: "Тема (дефицит)", kind: .text, value: value("topic"),
                    hint: "Например, формирующее оценивание.", required: true),
                .init(name: "from", label: "С даты", kind: .date, value: value("from"), required: true),
                .init(name: "to", label: "По дату", kind: .date, value: value("to"), required: true),
                .init(
                    name: "capacity", label: "Участников в группе", kind: .text, value: value("capacity"),
                    hint: "От 1 до 1000.", required: true),
                .init(
                    name: "kind", label: "Вид",
                    kind: .select(EventKind.allCases.map { .init(value: $0.russian, label: $0.russian) }),
                    value: value("kind"), required: true),
                .init(name: "time", label: "Начало", kind: .text, value: value("time"), hint: "ЧЧ:ММ, например 14:00."),
                .init(
                    name: "minutes", label: "Продолжительность, минут", kind: .text, value: value("minutes"),
                    hint: "От 1 до 1440."),
                .init(
                    name: "activity", label: "Мероприятие дорожной карты", kind: .text, value: value("activity"),
                    hint: "Номер срока, который выполняется (необязательно)."),
            ],
            hidden: [(CSRFToken.field, "")], submit: "Сохранить как мероприятия")
    }

    /// Saves the planner's proposal as events with their invited, through `createSeminars` (as
    /// `seminars create`); a refusal shows the form again with each error beside its field.
    func savePlan(_ request: Request, _ context: WebContext) async throws -> Response {
        guard context.user != nil else { throw WebError.loginRequired(next: "/seminars/plan") }
        let form = try await context.postedForm(request)
        let user = try context.require(.editSeminars, request)
        let value = Self.values(form)
        let names = ["topic", "from", "to", "capacity", "kind", "time", "minutes", "activity"]
        var view = Self.planForm(Dictionary(uniqueKeysWithValues: names.map { ($0, value($0)) }))
        view.hidden[0].value = context.csrf
        let topic = value("topic")
        if topic.isEmpty { view.setError("Поле «Тема (дефицит)»: укажите тему.", on: "topic") }
        var dates: [String: LocalDate] = [:]
        for (name, label) in [("from", "С даты"), ("to", "По дату")] {
            dates[name] = view.date(
                value(name), field: name, label: label, missing: "укажите дату, ДД.ММ.ГГГГ.", today: site.today)
        }
        if let from = dates["from"], let to = dates["to"], to < from {
            view.setError("Поле «По дату»: \(to.russian) раньше даты начала \(from.russian).", on: "to")
        }
        let capacity = Self.number(value("capacity"), "capacity", "Участников в группе", in: 1...1000, &view)
        let minutes = Self.number(
            value("minutes").isEmpty ? "90" : value("minutes"), "minutes", "Продолжительность, минут", in: 1...1440,
            &view)
        let kind = EventKind(userValue: value("kind"))
        if kind == nil {
            view.setError(
                "Поле «Вид»: неизвестный вид «\(value("kind"))»; возможны: \(EventKind.russianList).", on: "kind")
        }
        let time = value("time").isEmpty ? "14:00" : value("time")
        if let problem = NastavnikApp.startTimeProblem(time) { view.setError("Поле «Начало»: " + problem, on: "time") }
        var activity: Int64?
        if !value("activity").isEmpty {
            activity = Int64(value("activity"))
            if activity == nil {
                view.setError(
                    "Поле «Мероприятие дорожной карты»: «\(value("activity"))» — не номер срока.", on: "activity")
            }
        }
        guard !view.hasErrors, let kind, let capacity, let minutes, let from = dates["from"], let to = dates["to"]
        else { return try await planAgain(view, request, context) }
        let seminarRequest = SeminarRequest(
            topic: topic, from: from, to: to, capacity: capacity, kind: kind.russian, startTime: time,
            minutes: minutes, activity: activity)
        do {
            let plan = try await site.writer(for: user, command: "веб: семинары «\(topic)»").createSeminars(
                seminarRequest, today: site.today)
            guard let first = plan.eventIDs.first else {
                view.problem =
                    "По теме «\(topic)» с \(from.russian) по \(to.russian) некого пригласить: сохранять нечего."
                return try await planAgain(view, request, context)
            }
            let invited = plan.sessions.reduce(0) { $0 + $1.participants.count }
            return site.saved(
                "Сохранено мероприятий: \(plan.eventIDs.count) (№ \(plan.eventIDs.map(String.init).joined(separator: ", "))),"
                    + " «\(topic)», приглашено: \(invited).",
                redirectTo: "/seminars/\(first)", context)
        } catch StoreError.notFound(_, let key) where activity != nil {
            view.setError("Поле «Мероприятие дорожной карты»: нет срока № \(key).", on: "activity")
            return try await planAgain(view, request, context)
        } catch {
            let status = try FormRefusal.status(for: error, &view)
            return try await planAgain(view, request, context, status: status)
        }
    }

    /// A whole number in `range` from field `name`, or nil with the error beside it.
    static func number(
        _ text: String, _ name: String, _ label: String, in range: ClosedRange<Int>, _ view: inout FormView
    ) -> Int? {
        if let number = CellValue.integer(text), range.contains(number) { return number }
        view.setError(
            text.isEmpty
                ? "Поле «\(label)»: укажите число от \(range.lowerBound) до \(range.upperBound)."
                : "Поле «\(label)»: «\(text)» — не число от \(range.lowerBound) до \(range.upperBound).", on: name)
        return nil
    }

    /// The proposal's page with the refused save form.
    private func planAgain(
        _ form: FormView, _ request: Request, _ context: WebContext,
        status: HTTPResponse.Status = .unprocessableContent
    ) async throws -> Response {
        var view = PageView(title: "Предложение семинаров по теме")
        view.breadcrumbs = [LinkView(label: "Семинары", href: "/seminars")]
        view.blocks = [.form(form)]
        return site.page(view, request, context, status: status)
    }
}
