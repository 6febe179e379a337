import Foundation
import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikStore

/// The training forms of a person's card: enrol on a catalogue course and record a completed
/// one with its certificate, each through the use case of `training enrol` / `training
/// complete`, under the web user's name. The department's specialist only (`editTraining`).
struct TrainingFormRoutes {
    /// The two forms as a refused save left them (`nil`: a blank one).
    typealias Forms = (enrol: FormView?, complete: FormView?)

    let site: Site

    func add(to router: Router<WebContext>) {
        router.post("staff/:id/training/enrol") { request, context in try await enrol(request, context) }
        router.post("staff/:id/training/complete") { request, context in try await complete(request, context) }
    }

    /// The forms' blocks on the card of `staff`, opened on the person's training version.
    func blocks(staff: String, forms: Forms?, _ context: WebContext) async throws -> [Block] {
        let version = try await site.app.trainingVersion(staff: staff)
        let courses = try await site.app.catalogueCourses()
        let hidden = [(CSRFToken.field, context.csrf), ("version", String(version))]
        return [
            .form(
                forms?.enrol
                    ?? Self.enrolForm(staff: staff, hidden: hidden, courses: courses, values: ("", "", ""))),
            .form(
                forms?.complete
                    ?? Self.completeForm(
                        staff: staff, hidden: hidden, courses: courses, values: ("", site.today.russian, ""))),
        ]
    }

    /// The catalogue as a select's options: «код — название (даты)».
    static func courseOptions(_ courses: [PlanCourse]) -> [FormView.Option] {
        [.init(value: "", label: "выберите программу")]
            + courses.compactMap { course in
                course.code.map { code in
                    let dates = [course.start, course.end].compactMap { $0?.russian }.joined(separator: "–")
                    return .init(value: code, label: "\(code) — \(course.title)" + (dates.isEmpty ? "" : " (\(dates))"))
                }
            }
    }

    /// A training form of `staff`'s card posting to `path` (`enrol`, `complete`): the course
    /// first, then `fields`.
    static func form(
        staff: String, path: String, title: String, hidden: [(String, String)], courses: [PlanCourse],
        course: String, fields: [FormView.Field]
    ) -> FormView {
        FormView(
            action: "/staff/\(URLPath.segment(staff))/training/\(path)", title: title,
            fields: [
                .init(
                    name: "course", label: "Программа", kind: .select(courseOptions(courses)), value: course,
                    required: true)
            ] + fields,
            hidden: hidden.map { (name: $0.0, value: $0.1) }, submit: title)
    }

    /// «Записать на программу»: the course and, when they differ from the catalogue, its dates.
    static func enrolForm(
        staff: String, hidden: [(String, String)], courses: [PlanCourse],
        values: (course: String, start: String, end: String)
    ) -> FormView {
        let hint = "ДД.ММ.ГГГГ, если отличается от каталога."
        return form(
            staff: staff, path: "enrol", title: "Записать на программу", hidden: hidden, courses: courses,
            course: values.course,
            fields: [
                .init(name: "start", label: "Дата начала", kind: .date, value: values.start, hint: hint),
                .init(name: "end", label: "Дата окончания", kind: .date, value: values.end, hint: hint),
            ])
    }

    /// «Завершить обучение»: the course, the end date and the certificate's number.
    static func completeForm(
        staff: String, hidden: [(String, String)], courses: [PlanCourse],
        values: (course: String, end: String, certificate: String)
    ) -> FormView {
        form(
            staff: staff, path: "complete", title: "Завершить обучение", hidden: hidden, courses: courses,
            course: values.course,
            fields: [
                .init(
                    name: "end", label: "Дата окончания", kind: .date, value: values.end,
                    hint: "ДД.ММ.ГГГГ, не позже сегодняшнего дня.", required: true),
                .init(
                    name: "certificate", label: "Номер удостоверения", kind: .text, value: values.certificate,
                    hint: "Например, 772400012345; закрывает пункты ИППР по этой программе.", required: true),
            ])
    }

    /// What every training form starts with: the person, the user (the token, then the right),
    /// the fields trimmed, the version and the catalogue.
    private struct Posted {
        var staff: String
        var user: UserAccount
        var value: (String) -> String
        var version: Int64
        var hidden: [(String, String)]
        var courses: [PlanCourse]
    }

    private func posted(_ request: Request, _ context: WebContext) async throws -> Posted {
        let staff = try context.parameters.require("id")
        guard let user = context.user else { throw WebError.loginRequired(next: "/staff/\(URLPath.segment(staff))") }
        let form = try await context.postedForm(request)
        try context.require(.editTraining, request)
        let value = { (name: String) in (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let versionText = value("version")
        guard let version = Int64(versionText) else {
            throw WebError.badRequest(
                "Поле version: «\(versionText)» — не версия записи; откройте карточку работника заново.")
        }
        // An unknown person is a 404 before anything else.
        _ = try await site.app.trainingVersion(staff: staff)
        return Posted(
            staff: staff, user: user, value: value, version: version,
            hidden: [(CSRFToken.field, context.csrf), ("version", versionText)],
            courses: try await site.app.catalogueCourses())
    }

    /// The course field's error when it names no course of the catalogue.
    private static func checkCourse(_ code: String, _ courses: [PlanCourse], in view: inout FormView) {
        if code.isEmpty {
            view.setError("Поле «Программа»: выберите программу.", on: "course")
        } else if !courses.contains(where: { $0.code == code }) {
            view.setError("Поле «Программа»: нет программы с кодом «\(code)».", on: "course")
        }
    }

    /// The card again with `forms`, answering `status`.
    private func refused(
        _ posted: Posted, _ request: Request, _ context: WebContext, _ forms: Forms, _ status: HTTPResponse.Status
    )
        async throws -> Response
    {
        try await StaffRoutes(site: site).cardPage(
            id: posted.staff, request, context, trainingForms: forms, status: status)
    }

    /// Saves through `write` (`FormView.save`, a refusal of the rule beside `field`) and leads
    /// back to the card, or shows the card again with the form as typed (`isEnrol`: the enrolment).
    private func save(
        _ posted: Posted, _ request: Request, _ context: WebContext, view: FormView, field: String,
        isEnrol: Bool, write: () async throws -> String
    ) async throws -> Response {
        var view = view
        let outcome = try await view.save(refusalField: field) {
            site.saved(try await write(), redirectTo: "/staff/\(URLPath.segment(posted.staff))", context)
        }
        if let saved = outcome.saved { return saved }
        return try await refused(posted, request, context, isEnrol ? (view, nil) : (nil, view), outcome.status)
    }

    private func enrol(_ request: Request, _ context: WebContext) async throws -> Response {
        let posted = try await posted(request, context)
        let (course, startText, endText) = (posted.value("course"), posted.value("start"), posted.value("end"))
        var view = Self.enrolForm(
            staff: posted.staff, hidden: posted.hidden, courses: posted.courses, values: (course, startText, endText))
        Self.checkCourse(course, posted.courses, in: &view)
        let start = view.date(startText, field: "start", label: "Дата начала", missing: nil, today: site.today)
        let end = view.date(endText, field: "end", label: "Дата окончания", missing: nil, today: site.today)
        // The rule's refusals (the course ended, no seats, already enrolled, the end before the
        // start) concern the course chosen: beside it.
        return try await save(posted, request, context, view: view, field: "course", isEnrol: true) {
            let message = try await site.writer(for: posted.user, command: "веб: запись на КПК \(posted.staff)")
                .enrol(
                    staff: posted.staff, course: course, start: start, end: end, asOf: site.today,
                    expectedVersion: posted.version)
            return "Сохранено: " + message
        }
    }

    private func complete(_ request: Request, _ context: WebContext) async throws -> Response {
        let posted = try await posted(request, context)
        let (course, endText, certificate) = (
            posted.value("course"), posted.value("end"), posted.value("certificate")
        )
        var view = Self.completeForm(
            staff: posted.staff, hidden: posted.hidden, courses: posted.courses,
            values: (course, endText, certificate))
        Self.checkCourse(course, posted.courses, in: &view)
        let end = view.date(
            endText, field: "end", label: "Дата окончания", missing: FormView.missingDate, today: site.today)
        if certificate.isEmpty {
            view.setError(
                "Поле «Номер удостоверения»: укажите номер удостоверения о повышении квалификации.", on: "certificate")
        }
        let title = posted.courses.first { $0.code == course }?.title ?? course
        // The rule's refusals (an end after today or before the start) concern the end date.
        return try await save(posted, request, context, view: view, field: "end", isEnrol: false) {
            // A missing end date is an error of the view, which then never gets here.
            guard let end else { throw WebError.badRequest("Поле «Дата окончания»: укажите дату.") }
            let result = try await site.writer(for: posted.user, command: "веб: завершение КПК \(posted.staff)")
                .complete(
                    staff: posted.staff, course: course, certificate: certificate, end: end, today: site.today,
                    expectedVersion: posted.version)
            return "Сохранено: \(result.name) — обучение по программе «\(title)» завершено \(end.russian), "
                + "удостоверение № \(certificate). Закрыто пунктов ИППР: \(result.closedItems)."
        }
    }
}
