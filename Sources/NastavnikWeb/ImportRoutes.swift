import Foundation
import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikImport
import NastavnikReports
import NastavnikStore

/// Imports by upload (issue 20): a file sent from the browser, checked first (a dry run in the
/// background, its progress on a page that refreshes itself), its errors shown and its rejected
/// rows downloaded, then imported all or nothing, through the same use case as `nastavnik
/// import`; and the import log.
struct ImportRoutes {
    let site: Site

    /// Files on one page of the import log.
    static let pageSize = 100
    /// The file types accepted, as a file input's `accept` says them.
    static let accept = ".csv,.tsv,.txt,.xlsx"
    /// The value of «определить по заголовкам» in the kind's select.
    static let inferred = "auto"

    func add(to router: Router<WebContext>) {
        router.get("imports") { try await list($0, $1) }
        router.post("imports") { try await upload($0, $1) }
        router.get("imports/:id") { try await job($0, $1) }
        router.get("imports/:id/rejects") { try await rejects($0, $1) }
        router.post("imports/:id/check") { try await check($0, $1) }
        router.post("imports/:id/apply") { try await apply($0, $1) }
    }

    // MARK: The upload form and the log

    /// The select of kinds: «определить по заголовкам», then each kind by its Russian name.
    static func kindOptions() -> [FormView.Option] {
        [FormView.Option(value: inferred, label: "определить по заголовкам")]
            + ImportKind.allCases.map { FormView.Option(value: $0.rawValue, label: capitalized($0.russianTitle)) }
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// The upload form with the kind chosen.
    static func uploadForm(csrf: String, kind: String, limit: Int) -> FormView {
        FormView(
            action: "/imports", title: "Загрузить файл",
            fields: [
                .init(
                    name: "kind", label: "Вид файла", kind: .select(kindOptions()), value: kind,
                    hint: "Обычно вид определяется по заголовкам столбцов; выберите его, если заголовки не подошли."),
                .init(
                    name: "file", label: "Файл", kind: .file(accept: accept), value: "",
                    hint:
                        "CSV, TSV или TXT (UTF-8 или Windows-1251; разделитель ; , или TAB) либо книга Excel .xlsx, "
                        + "не больше \(limit / (1024 * 1024)) МБ. Файл можно перетащить на это поле.",
                    required: true),
            ],
            hidden: [(CSRFToken.field, csrf)], submit: "Проверить файл")
    }

    private func list(_ request: Request, _ context: WebContext) async throws -> Response {
        try await listPage(request, context, form: nil)
    }

    /// The upload form (`form` as a refused upload left it) and the import log, newest first.
    private func listPage(
        _ request: Request, _ context: WebContext, form: FormView?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.require(.runImports, request)
        let format = try Download.listFormat(request)
        let app = try await site.app(for: user)
        if format != .page {
            return try Download.list(
                [ImportTables.log(try await app.importLog(limit: nil))], format: format, title: "Журнал импорта",
                file: "Журнал импорта")
        }
        let page = try PageQuery(request).page()
        let total = try await app.importLogCount()
        let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        guard page <= pages else {
            throw WebError.badRequest("Параметр page: страницы «\(page)» нет; всего страниц: \(pages).")
        }
        let offset = (page - 1) * Self.pageSize
        let entries = try await app.importLog(offset: offset, limit: Self.pageSize)
        var view = PageView(
            title: "Импорт", subtitle: "Сначала файл проверяется, ничего не записывая; загрузка — после проверки")
        view.blocks = [
            .form(form ?? Self.uploadForm(csrf: context.csrf, kind: Self.inferred, limit: site.imports.limit))
        ]
        let own = site.imports.jobs(owner: user.login)
        if !own.isEmpty {
            // The files checked or imported lately: a page left during a long check is found here.
            view.blocks += [
                .heading("Ваши файлы"),
                .links(
                    own.map {
                        LinkView(label: "«\($0.fileName)» — \($0.stateText)", href: "/imports/\($0.id)")
                    }),
            ]
        }
        view.blocks += [
            .heading("Журнал импорта"),
            .table(TableView(ImportTables.log(entries), downloadBase: "/imports")),
        ]
        if total > Self.pageSize {
            let address = { (number: Int) in URLPath.query("/imports", [("page", String(number))]) }
            view.blocks.append(
                .pager(
                    PagerView(
                        summary: "Файлы \(offset + 1)–\(offset + entries.count) из \(total)",
                        previous: page > 1 ? address(page - 1) : nil, next: page < pages ? address(page + 1) : nil)))
        }
        return site.page(view, request, context, status: status)
    }

    // MARK: Upload

    /// Reads the upload straight to disk, checks the form and starts the file's check; a refused
    /// form comes back with each error beside its field and nothing left on the server.
    private func upload(_ request: Request, _ context: WebContext) async throws -> Response {
        // A forbidden role is refused before a byte of its file is read.
        let user = try context.require(.runImports, request)
        guard MultipartReader.boundary(request.headers[.contentType]) != nil else {
            // A form sent without its file (or by a script): the token first, then the missing file.
            let form = try await context.postedForm(request)
            var view = Self.uploadForm(
                csrf: context.csrf, kind: form["kind"] ?? Self.inferred, limit: site.imports.limit)
            view.setError("Поле «Файл»: выберите файл для загрузки.", on: "file")
            return try await listPage(request, context, form: view, status: .unprocessableContent)
        }
        let (id, directory) = site.imports.newFolder()
        let form: UploadedForm
        do {
            form = try await context.postedUpload(request, into: directory, limit: site.imports.limit)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        let kindText = (form["kind"] ?? "").trimmingCharacters(in: .whitespaces)
        var view = Self.uploadForm(csrf: context.csrf, kind: kindText, limit: site.imports.limit)
        let kind = Self.kind(kindText)
        if kind == nil {
            view.setError(Self.unknownKind(kindText), on: "kind")
        }
        let file = form.files["file"]
        if let problem = Self.problem(with: file) { view.setError(problem, on: "file") }
        guard !view.hasErrors, let kind, let file else {
            try? FileManager.default.removeItem(at: directory)
            return try await listPage(request, context, form: view, status: .unprocessableContent)
        }
        // The file under its own name: the import log and the messages name it.
        let name = Self.storedName(file.fileName)
        let kept = ImportJob.file(name, in: directory)
        try FileManager.default.createDirectory(at: kept.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: file.url, to: kept)
        let job = ImportJob(id: id, owner: user.login, fileName: name, directory: directory, kind: kind)
        site.imports.add(job)
        _ = run(job, .check, kind: kind, user: user)
        return redirect(to: "/imports/\(id)")
    }

    /// A kind's select value read: `.some(nil)` for «определить по заголовкам», `nil` for an unknown one.
    static func kind(_ text: String) -> ImportKind?? {
        if text == inferred { return .some(nil) }
        return ImportKind(rawValue: text).map { .some($0) }
    }

    static func unknownKind(_ text: String) -> String {
        text.isEmpty
            ? "Поле «Вид файла»: выберите вид файла или «определить по заголовкам»."
            : "Поле «Вид файла»: неизвестный вид «\(text)»; выберите из списка."
    }

    /// What is wrong with the uploaded file, in Russian naming it; `nil` when it may be checked.
    static func problem(with file: UploadedFile?) -> String? {
        guard let file else { return "Поле «Файл»: выберите файл для загрузки." }
        let suffix = (file.fileName as NSString).pathExtension.lowercased()
        guard ["csv", "tsv", "txt", "xlsx"].contains(suffix) else {
            let known = suffix == "xls" ? "; книгу Excel 97–2003 сохраните как .xlsx или CSV" : ""
            return "Поле «Файл»: «\(file.fileName)» — не CSV, TSV, TXT или XLSX\(known)."
        }
        guard file.size > 0 else { return "Поле «Файл»: файл «\(file.fileName)» пуст." }
        return nil
    }

    /// A file name as the server keeps it: the user's, without what a file system refuses.
    static func storedName(_ name: String) -> String {
        var kept = String(name.unicodeScalars.filter { $0.value >= 32 && $0 != "/" && $0 != "\\" }.map(Character.init))
        if kept.utf8.count > 200 {
            let suffix = (kept as NSString).pathExtension
            kept = String(kept.prefix(120)) + (suffix.isEmpty ? "" : "." + suffix)
        }
        return kept.isEmpty || kept.hasPrefix(".") ? "файл" + kept : kept
    }

    /// Starts a run under the user's name: the import log and the audit log name them.
    private func run(_ job: ImportJob, _ phase: ImportJob.Phase, kind: ImportKind?, user: UserAccount) -> Bool {
        let writer = site.writer(for: user, command: "веб: импорт «\(job.fileName)»")
        return site.imports.run(
            job, phase, kind: kind, app: writer, by: Site.actorName(user), logger: site.logger)
    }

    // MARK: A job

    /// The job in the address, when the logged-in user uploaded it; else 404.
    private func ownJob(_ request: Request, _ context: WebContext) throws -> (ImportJob, UserAccount) {
        let user = try context.require(.runImports, request)
        let id = try context.parameters.require("id")
        guard let job = site.imports.job(id, owner: user.login) else {
            throw WebError.notFound(
                "Проверка файла № «\(id)» не найдена: она устарела или сервер перезапускался. Загрузите файл заново.")
        }
        return (job, user)
    }

    private func job(_ request: Request, _ context: WebContext) async throws -> Response {
        let (job, _) = try ownJob(request, context)
        return site.page(jobPage(job, context), request, context)
    }

    /// The job's page: the progress while it runs (refreshed every two seconds), else what the
    /// check found or what the import did, and the forms to check again or to import.
    func jobPage(_ job: ImportJob, _ context: WebContext, problem: String? = nil) -> PageView {
        let snapshot = job.snapshot
        var view = PageView(title: "Файл «\(job.fileName)»")
        view.breadcrumbs = [LinkView(label: "Импорт", href: "/imports")]
        let kindName = snapshot.kind.map { Self.capitalized($0.russianTitle) } ?? "определяется по заголовкам"
        view.subtitle = "Вид файла: \(kindName)"
        if let problem { view.blocks.append(.note(problem)) }
        switch snapshot.state {
        // A file just uploaded is as good as one whose check has begun.
        case .uploaded: Self.showProgress(&view, phase: .check, line: 0)
        case .running(let phase, let line): Self.showProgress(&view, phase: phase, line: line)
        case .stopped(_, let message):
            view.blocks.append(.note(message))
            view.blocks.append(.form(recheckForm(job, snapshot, context)))
        case .finished(let phase, let outcome):
            view.blocks += outcomeBlocks(job, outcome, phase: phase)
            if phase == .apply && !outcome.failed {
                view.blocks.append(
                    .links([LinkView(label: "Журнал импорта и загрузка другого файла", href: "/imports")]))
            } else {
                if phase == .check && !outcome.failed {
                    view.blocks.append(
                        .form(
                            FormView(
                                action: "/imports/\(job.id)/apply", title: "Загрузить в базу данных", fields: [],
                                hidden: [(CSRFToken.field, context.csrf), ("kind", outcome.summary.kind)],
                                submit: "Загрузить")))
                }
                view.blocks.append(.form(recheckForm(job, snapshot, context)))
            }
        }
        return view
    }

    /// How far a run has got, on a page that loads itself again every two seconds.
    static func showProgress(_ view: inout PageView, phase: ImportJob.Phase, line: Int) {
        view.refresh = "2"
        view.blocks += [
            .paragraph(
                (phase == .check ? "Идёт проверка файла" : "Идёт загрузка файла")
                    + (line > 0 ? ": прочитано строк файла — \(line)." : ": файл открывается.")),
            .note(
                "Страница обновляется сама каждые 2 секунды. Её можно закрыть и вернуться позже: "
                    + "работа продолжится, ссылка на неё — в адресной строке."),
        ]
    }

    /// What a finished run found: its sentence, its figures, the errors and warnings as tables.
    private func outcomeBlocks(_ job: ImportJob, _ outcome: ImportOutcome, phase: ImportJob.Phase) -> [Block] {
        let summary = outcome.summary
        let sentence = ImportTables.sentence(
            summary, failed: outcome.failed, dryRunNote: " Это проверка: ничего не записано.")
        var blocks: [Block] = [outcome.failed ? .note(sentence) : .confirmation(sentence)]
        let future = phase == .check
        blocks.append(
            .figures([
                FigureView(label: future ? "будет добавлено" : "добавлено", value: String(summary.added)),
                FigureView(label: future ? "будет изменено" : "изменено", value: String(summary.changed)),
                FigureView(label: "без изменений", value: String(summary.unchanged)),
                FigureView(label: "предупреждений", value: String(summary.warnings.count)),
                FigureView(label: "ошибок", value: String(summary.errors.count), alert: !summary.errors.isEmpty),
            ]))
        if !summary.errors.isEmpty {
            blocks.append(
                .table(TableView(ImportTables.issues(summary.errors, title: "Ошибки", emptyMessage: ""))))
            if FileManager.default.fileExists(atPath: job.rejectsPath) {
                blocks.append(
                    .links([
                        LinkView(
                            label: "Скачать отклонённые строки с описанием ошибок (исправьте их и загрузите снова)",
                            href: "/imports/\(job.id)/rejects")
                    ]))
            }
        }
        if !summary.warnings.isEmpty {
            blocks.append(
                .table(TableView(ImportTables.issues(summary.warnings, title: "Предупреждения", emptyMessage: ""))))
        }
        return blocks
    }

    /// The form that checks the file again, perhaps as another kind.
    private func recheckForm(_ job: ImportJob, _ snapshot: ImportJob.Snapshot, _ context: WebContext) -> FormView {
        FormView(
            action: "/imports/\(job.id)/check", title: "Проверить снова",
            fields: [
                .init(
                    name: "kind", label: "Вид файла", kind: .select(Self.kindOptions()),
                    value: snapshot.kind?.rawValue ?? Self.inferred)
            ],
            hidden: [(CSRFToken.field, context.csrf)], submit: "Проверить снова")
    }

    /// The rejected rows of the last run, as `nastavnik import --rejects` writes them.
    private func rejects(_ request: Request, _ context: WebContext) async throws -> Response {
        let (job, _) = try ownJob(request, context)
        let path = job.rejectsPath
        guard !job.isRunning, FileManager.default.fileExists(atPath: path) else {
            throw WebError.notFound("В файле «\(job.fileName)» нет отклонённых строк.")
        }
        let base = (job.fileName as NSString).deletingPathExtension
        let workbook = path.hasSuffix(".xlsx")
        var type = Download.xlsxType
        if !workbook {
            // The rejects keep the file's encoding: the browser is told which.
            let encoding: String? = {
                if case .finished(_, let outcome) = job.snapshot.state { return outcome.summary.encoding }
                return nil
            }()
            type = "text/csv; charset=" + (encoding == TextEncoding.cp1251.rawValue ? "windows-1251" : "utf-8")
        }
        return Download.streamedFile(
            path: path, removing: nil, name: "\(base) — отклонённые строки.\(workbook ? "xlsx" : "csv")", type: type)
    }

    // MARK: Check again, import

    /// Checks the file again as the kind the form names.
    private func check(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.require(.runImports, request)
        let form = try await context.postedForm(request)
        let text = (form["kind"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let kind = Self.kind(text) else { throw WebError.badRequest(Self.unknownKind(text)) }
        let (job, _) = try ownJob(request, context)
        guard run(job, .check, kind: kind, user: user) else { return try refused(job, request, context) }
        return redirect(to: "/imports/\(job.id)")
    }

    /// Imports the file as it was checked: the form names the kind checked, and a file checked
    /// since as another kind, or refused, is not imported.
    private func apply(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.require(.runImports, request)
        let form = try await context.postedForm(request)
        let text = (form["kind"] ?? "").trimmingCharacters(in: .whitespaces)
        guard let kind = ImportKind(rawValue: text) else {
            throw WebError.badRequest(
                "Поле kind: «\(text)» — не вид файла; откройте страницу проверки заново и нажмите «Загрузить».")
        }
        let (job, _) = try ownJob(request, context)
        guard case .finished(.check, let outcome) = job.snapshot.state, !outcome.failed,
            outcome.summary.kind == kind.rawValue
        else {
            return try refused(job, request, context)
        }
        guard run(job, .apply, kind: kind, user: user) else { return try refused(job, request, context) }
        return redirect(to: "/imports/\(job.id)")
    }

    /// The job's page with why the form was refused (409): a run under way, the file imported
    /// already, or not checked as the form says.
    private func refused(_ job: ImportJob, _ request: Request, _ context: WebContext) throws -> Response {
        let snapshot = job.snapshot
        let problem: String
        if snapshot.applied {
            problem = "Файл «\(job.fileName)» уже загружен: второй раз он не загружается."
        } else if case .running = snapshot.state {
            problem = "Файл «\(job.fileName)» ещё обрабатывается: дождитесь конца."
        } else {
            problem =
                "Файл «\(job.fileName)» не проверен как этот вид или проверка нашла ошибки: проверьте его снова и загрузите после проверки без ошибок."
        }
        return site.page(jobPage(job, context, problem: problem), request, context, status: .conflict)
    }
}
