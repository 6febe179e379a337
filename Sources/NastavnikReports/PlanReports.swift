import NastavnikCore
import NastavnikStore

/// The development plans as tables and as the printed plans, built from the stored plans.
public enum PlanReports {
    /// The list of plans (`plans list`).
    /// With `factorSettings`, a last column names the risk factors the plan's items address
    /// (`SupportFactors`, issue 21).
    public static func list(_ plans: [PlanLine], factorSettings: SettingValues? = nil) -> ReportTable {
        let table = ReportTable(
            columns: [
                Column("id", "№ плана"), .staffID, .fullName,
                .schoolCode, Column("school_year", "Учебный год"), Column("version", "Версия"),
                Column("current", "Действующая"), Column("items", "Пунктов"), Column("done", "Выполнено"),
                Column("topics", "Темы"),
            ],
            rows: plans.map { p in
                [
                    .integer(Int(p.id)), Cell(p.staffID), .text(p.fullName), .text(p.schoolCode), .text(p.schoolYear),
                    .integer(p.version), .bool(p.current), .integer(p.items.count),
                    .integer(p.items.filter { $0.status == .done }.count),
                    .list(Array(Set(p.items.compactMap(\.topic))).sorted()),
                ]
            },
            emptyMessage: "Планов нет: nastavnik plans generate --year 2026/27.")
        guard let factorSettings else { return table }
        return withFactors(table, plans.map { $0.items.map(\.kind) }, settings: factorSettings)
    }

    /// `table` with a last column «Факторы риска»: those the kinds of each row address.
    static func withFactors(_ table: ReportTable, _ kinds: [[PlanItemKind]], settings: SettingValues) -> ReportTable {
        var out = table
        out.columns.append(Column("risk_factors", "Факторы риска"))
        for (index, rowKinds) in kinds.enumerated() where index < out.rows.count {
            let factors = Set(rowKinds.flatMap { SupportFactors.factors(of: $0, in: settings) }).sorted()
            out.rows[index].append(.text(SupportFactors.text(factors)))
        }
        return out
    }

    /// A plan's items (the item numbers are those `plans mark` takes).
    public static func items(_ plan: PlanLine) -> ReportTable {
        ReportTable(
            columns: itemColumns(topic: "Тема (дефицит)"), rows: plan.items.map(itemCells), emptyMessage: "Пунктов нет."
        )
    }

    /// The columns of a plan's items, from the item number to its evidence; `topic`: the topic column's title.
    static func itemColumns(topic: String) -> [Column] {
        [
            Column("item", "№ пункта"), Column("kind", "Форма"), Column("topic", topic),
            Column("description", "Мероприятие"), Column("deadline", "Срок"),
            Column("expected_result", "Ожидаемый результат"), Column("status", "Статус"),
            Column("evidence", "Подтверждение"),
        ]
    }

    /// The cells under `itemColumns(topic:)`.
    static func itemCells(_ i: PlanItemLine) -> [Cell] {
        [
            .integer(Int(i.id)), .text(i.kind.russian), Cell(i.topic), .text(i.description), Cell(i.deadline),
            Cell(i.expectedResult), .text(i.status.russian), Cell(i.evidence),
        ]
    }

    /// One plan with its heading (`plans show`).
    /// With `factorSettings`, a last column names the risk factors each item addresses (issue 21).
    public static func show(_ plan: PlanLine, factorSettings: SettingValues? = nil) -> ReportTable {
        var table = items(plan)
        if let factorSettings { table = withFactors(table, plan.items.map { [$0.kind] }, settings: factorSettings) }
        table.title =
            "ИППР: \(plan.fullName) (\(plan.staffID ?? "—")), \(plan.schoolName), \(plan.schoolYear) уч. год, версия \(plan.version)"
        return table
    }

    /// The printed plans, one section (a page) per teacher. `label`: the school year, `school`: the school's code, when chosen.
    public static func printed(_ plans: [PlanLine], label: String?, school: String?) -> Report {
        Report(
            title: "Индивидуальные планы профессионального развития педагогов",
            subtitle: [label.map { "\($0) учебный год" }, school.map { "школа \($0)" }].compactMap { $0 }.joined(
                separator: ", "),
            sections: plans.isEmpty
                ? [.empty("Планы", "Планов нет.")]
                : plans.map { p in
                    ReportSection(
                        title: "\(p.fullName) — \(p.position), \(p.schoolName)",
                        blocks: [
                            .paragraph(
                                "Учебный год \(p.schoolYear), версия плана \(p.version). Табельный номер: \(p.staffID ?? "—")."
                            ),
                            .table(items(p)),
                            .paragraph("Педагог: ____________________    Заместитель директора: ____________________"),
                        ])
                })
    }

    /// Every item of every plan in one table, for a spreadsheet.
    public static func allItems(_ plans: [PlanLine]) -> ReportTable {
        let rows = plans.flatMap { p in
            p.items.map { i in
                [Cell(p.staffID), .text(p.fullName), .text(p.schoolCode), .text(p.schoolYear), .integer(p.version)]
                    + itemCells(i)
            }
        }
        return ReportTable(
            columns: [
                .staffID, .fullName, .schoolCode, Column("school_year", "Учебный год"), Column("version", "Версия"),
            ]
                + itemColumns(topic: "Тема"),
            rows: rows)
    }
}
