import Foundation
import Hummingbird
import NastavnikApp
import NastavnikCore
import NastavnikReports
import NastavnikStore

/// The audit log (admin): who changed what and when, filtered and paged on the server, as `audit` prints it.
struct AuditRoutes {
    let site: Site

    /// The kinds of entry the log has, for its filter.
    static let actions: [AuditEntry.Action] = [.insert, .update, .delete, .bulkInsert, .restore]

    /// Entries on one page of the log.
    static let pageSize = 100

    func add(to router: Router<WebContext>) {
        router.get("audit") { request, context in try await log(request, context) }
    }

    private func log(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = PageQuery(request)
        let user = try context.require(.readAudit, request)
        let format = try Download.listFormat(request)
        let actor = query.text("who")
        let table = query.text("table")
        if let table, AuditVocabulary.tables[table] == nil {
            throw WebError.badRequest("Параметр table: неизвестная таблица «\(table)».")
        }
        let from = try query.date("from")
        let to = try query.date("to")
        if let from, let to, to < from {
            throw WebError.badRequest("Параметр to: дата «\(to.russian)» раньше начала периода «\(from.russian)».")
        }
        let text = query.text("q")
        let staff = query.text("staff")
        let actionText = query.text("action")
        var action: AuditEntry.Action?
        if let actionText {
            guard let value = Self.actions.first(where: { $0.rawValue == actionText || $0.russian == actionText })
            else {
                throw WebError.badRequest(
                    "Параметр action: неизвестное действие «\(actionText)»; возможны "
                        + Self.actions.map(\.russian).joined(separator: ", ") + ".")
            }
            action = value
        }
        let page = try query.page()
        // Dates are the local calendar's: `to` keeps its whole day.
        let filter = AuditFilter(
            actor: actor, table: table, from: from.map(AuditTables.localMidnight),
            until: to.map { AuditTables.localMidnight($0.adding(days: 1)) }, text: text, staffID: staff,
            action: action)
        let base: [(String, String?)] = [
            ("who", actor), ("table", table), ("from", query.text("from")),
            ("to", query.text("to")), ("q", text), ("staff", staff), ("action", action?.rawValue),
        ]
        let app = try await site.app(for: user)
        if format != .page {
            let entries = try await app.auditEntries(filter, limit: nil)
            return try Download.list(
                [AuditTables.table(entries)], format: format, title: "Журнал изменений", file: "Журнал изменений")
        }
        let total = try await app.auditCount(filter)
        let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        guard page <= pages else {
            throw WebError.badRequest("Параметр page: страницы «\(page)» нет; всего страниц: \(pages).")
        }
        let offset = (page - 1) * Self.pageSize
        let entries = try await app.auditEntries(filter, offset: offset, limit: Self.pageSize)
        var view = PageView(title: "Журнал изменений", subtitle: "Кто, когда, какая запись; новые записи сверху")
        view.blocks = [
            .filter(
                FilterForm(
                    action: "/audit",
                    fields: [
                        .select(
                            "table", "Таблица", value: table,
                            choices: [("", "все")]
                                + AuditVocabulary.tables.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }),
                        .select(
                            "action", "Действие", value: action?.rawValue,
                            choices: [("", "все")] + Self.actions.map { ($0.rawValue, $0.russian) }),
                        .text("who", "Кто", value: actor),
                        .text("from", "С даты", value: query.text("from"), hint: "ДД.ММ.ГГГГ"),
                        .text("to", "По дату", value: query.text("to"), hint: "ДД.ММ.ГГГГ"),
                        .text("q", "Текст", value: text, hint: "в записи, команде, прежних и новых значениях"),
                        .text("staff", "Табельный номер", value: staff),
                    ])),
            .table(
                TableView(
                    AuditTables.table(entries),
                    links: ["staff_id": StaffRoutes.personLink(column: 5)],
                    downloadBase: URLPath.query("/audit", base))),
        ]
        if total > Self.pageSize {
            let address = { (number: Int) in URLPath.query("/audit", base + [("page", String(number))]) }
            view.blocks.append(
                .pager(
                    PagerView(
                        summary: "Записи \(offset + 1)–\(offset + entries.count) из \(total)",
                        previous: page > 1 ? address(page - 1) : nil, next: page < pages ? address(page + 1) : nil)))
        }
        return site.page(view, request, context)
    }
}
