import Foundation
import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports

/// The proposed statuses beside the official ones (`schools classify`); an account that may edit
/// schools accepts a proposal school by school (it becomes the official statuses).
struct ClassificationRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("classification") { request, context in try await list(request, context, refused: nil) }
        router.post("classification/accept") { request, context in try await accept(request, context) }
    }

    private func list(
        _ request: Request, _ context: WebContext, refused: FormView?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let query = PageQuery(request)
        let (app, format) = try await site.readAllList(request, context)
        let years = try query.years()
        let yearsText = query.text("years")
        let differences = try query.flag("differences")
        // `save: false`: the web shows the proposal; saving it is the command line's `--save`,
        // and accepting one makes it official (`accept`).
        let (rules, schools, rating) = try await app.classifySchools(years: years, save: false)
        let table = SchoolTables.classification(schools, rules: rules, rating: rating, differencesOnly: differences)
        if format != .page {
            return try Download.list([table], format: format, title: "Классификация", file: "Классификация школ")
        }
        var view = PageView(
            title: "Классификация школ",
            subtitle: "Предложенные статусы по методу Ставрополя рядом с официальными")
        view.blocks = [
            .note(
                "Статус предлагают по среднему относительному баллу ЕГЭ и ОГЭ за 3 года (балл школы ÷ балл региона) "
                    + "и его отклонению от 1; ВПР показан, но статус не определяет. Пороги — настройки classification.*. "
                    + "Предложение ничего не меняет: официальный статус остаётся главным."),
            .filter(
                FilterForm(
                    action: "/classification",
                    fields: [
                        .text("years", "Годы", value: yearsText, hint: "например, 2022-2024; пусто — три последних"),
                        .checkbox("differences", "Только расхождения с официальным статусом", checked: differences),
                    ])),
            .table(
                TableView(
                    table, links: ["code": SchoolRoutes.schoolLink, "name": SchoolRoutes.schoolLink],
                    downloadBase: URLPath.query(
                        "/classification", [("years", yearsText), ("differences", differences ? "1" : nil)]))),
        ]
        let user = try context.account(request)
        if user.role.may(.editSchools) {
            var forms: [FormView] = []
            for school in schools where school.differs {
                forms.append(
                    Self.acceptForm(
                        school, years: yearsText ?? "", csrf: context.csrf,
                        version: String(try await site.app.schoolStatusVersion(code: school.code))))
            }
            if let refused,
                let index = forms.firstIndex(where: { $0.hidden.contains { $0 == ("code", Self.code(refused)) } })
            {
                forms[index] = refused
            } else if let refused {
                forms.insert(refused, at: 0)
            }
            if !forms.isEmpty {
                view.blocks.append(.heading("Принять предложения"))
                view.blocks.append(
                    .note(
                        "Принятое предложение становится официальным статусом школы; основание записывается "
                            + "в журнал изменений. Номер и дату приказа можно указать на карточке школы."))
                view.blocks += forms.map { .form($0) }
            }
        }
        return site.page(view, request, context, status: status)
    }

    /// The statuses as a user reads them: «НОР, ЗПР», or «без статуса».
    static func names(_ statuses: [SchoolStatus]) -> String {
        statuses.isEmpty ? "без статуса" : statuses.sorted().map(\.russianShort).joined(separator: ", ")
    }

    /// The code of the school a form accepts the proposal for.
    static func code(_ form: FormView) -> String { form.hidden.first { $0.name == "code" }?.value ?? "" }

    /// The button that accepts `school`'s proposal, as it was shown (its statuses travel with it).
    static func acceptForm(_ school: SchoolClassification, years: String, csrf: String, version: String) -> FormView {
        FormView(
            action: "/classification/accept",
            title: "\(school.code) \(school.name): \(names(school.official)) → \(names(school.statuses))", fields: [],
            hidden: [
                (CSRFToken.field, csrf), ("version", version), ("code", school.code),
                ("statuses", school.statuses.sorted().map(\.rawValue).joined(separator: ",")), ("years", years),
            ],
            submit: "Принять: \(names(school.statuses))")
    }

    /// Makes one school's proposal official, when it is still the one shown (409 otherwise).
    private func accept(_ request: Request, _ context: WebContext) async throws -> Response {
        guard let user = context.user else { throw WebError.loginRequired(next: "/classification") }
        let form = try await context.postedForm(request)
        try context.require(.editSchools, request)
        let value = { (name: String) in (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let (code, versionText, yearsText) = (value("code"), value("version"), value("years"))
        guard let version = Int64(versionText) else {
            throw WebError.badRequest("Поле version: «\(versionText)» — не версия записи; откройте страницу заново.")
        }
        var statuses: [SchoolStatus] = []
        for raw in value("statuses").split(separator: ",") {
            guard let status = SchoolStatus(rawValue: String(raw)) else {
                throw WebError.badRequest("Поле statuses: неизвестный статус «\(raw)».")
            }
            statuses.append(status)
        }
        var years: ClosedRange<Int>?
        if !yearsText.isEmpty {
            guard let period = PeriodText.parse(yearsText) else {
                throw WebError.badRequest(
                    "Поле years: годы «\(yearsText)» не распознаны; укажите, например, 2022-2024.")
            }
            years = period.start.year...period.end.year
        }
        let proposals = try await site.app.classifySchools(years: years, save: false).schools
        guard let school = proposals.first(where: { $0.code == code }) else {
            throw WebError.badRequest("Поле code: школы «\(code)» нет среди классифицированных.")
        }
        var view = Self.acceptForm(school, years: yearsText, csrf: context.csrf, version: versionText)
        let render = { (form: FormView, status: HTTPResponse.Status) in
            try await list(request, context, refused: form, status: status)
        }
        return try await FormSave.run(view, render: render) {
            guard
                let old = try await site.writer(for: user, command: "веб: принятие предложения классификации \(code)")
                    .acceptProposal(schoolCode: code, years: years, expected: statuses, expectedVersion: version)
            else {
                view.problem =
                    "Предложение для школы \(code) изменилось (было «\(Self.names(statuses))», теперь "
                    + "«\(Self.names(school.statuses))»): ничего не записано; проверьте его и примите заново."
                return try await render(view, .conflict)
            }
            return site.saved(
                "Предложение принято: школа \(code) — \(Self.names(old)) → \(Self.names(statuses)).",
                redirectTo: URLPath.query("/classification", [("years", yearsText.isEmpty ? nil : yearsText)]),
                context)
        }
    }
}
