import NastavnikCore
import NastavnikStore

/// The tables of `schools list`, `schools show` and `schools classify`.
public enum SchoolTables {
    /// The schools with their statuses and curators.
    public static func list(_ schools: [SchoolOverview]) -> ReportTable {
        ReportTable(
            columns: [
                .code, Column("name", "Наименование"), Column("municipality", "Муниципалитет"),
                Column("statuses", "Статус"), Column("internship_site", "Стажировочная площадка"),
                Column("students", "Обучающихся"), Column("staff", "Работников"), Column("curators", "Кураторы"),
            ],
            rows: schools.map { s in
                [
                    .text(s.code), .text(s.name), Cell(s.municipality), .list(s.statuses.map(\.russianShort)),
                    .bool(s.internshipSite), Cell(s.students), .integer(s.staffCount), .list(s.curators),
                ]
            },
            emptyMessage: "Школ нет: импортируйте список (nastavnik import schools ФАЙЛ).")
    }

    /// One school's card: its record, staff, trained share and curator pairings.
    public static func card(_ detail: SchoolDetail) -> Card {
        let r = detail.record
        let share = detail.trainedBase == 0 ? nil : Double(detail.trainedCount) * 100 / Double(detail.trainedBase)
        return Card(fields: [
            ("code", "Код ОО", .text(r.code)), ("name", "Наименование", .text(r.name)),
            ("municipality", "Муниципалитет", Cell(r.municipality)), ("kind", "Тип ОО", Cell(r.kind)),
            ("statuses", "Статус", .list(detail.statuses.map(\.russianShort))),
            ("internship_site", "Стажировочная площадка", .bool(r.internshipSite)),
            ("students", "Обучающихся", Cell(r.students)), ("head", "Директор", Cell(r.head)),
            ("address", "Адрес", Cell(r.address)),
            ("staff", "Работников", .integer(detail.staffCount)),
            ("pedagogical", "из них педагогических работников", .integer(detail.staffByKind[.pedagogical] ?? 0)),
            ("leading", "руководящих работников", .integer(detail.staffByKind[.leading] ?? 0)),
            ("trained_share", "Доля прошедших КПК за 3 года", share.map { .percent($0) } ?? .empty),
            (
                "curated_by", "Школа-куратор",
                .list(detail.curatedBy.map { "\($0.curatorSchoolCode) \($0.curatorSchoolName)" })
            ),
            (
                "coordinator", "Муниципальный координатор",
                .list(Array(Set(detail.curatedBy.compactMap(\.coordinator))).sorted())
            ),
            ("curates", "Курирует школы", .list(detail.curates.map { "\($0.schoolCode) \($0.schoolName)" })),
        ])
    }

    /// The proposed statuses beside the official ones; `differencesOnly` keeps the schools where they differ.
    public static func classification(
        _ schools: [SchoolClassification], rules: ClassificationRules, rating: [String: Int], differencesOnly: Bool
    ) -> ReportTable {
        ReportTable(
            columns: [
                .code, .name,
                Column("relative", "Относительный балл \(rules.determining.joined(separator: ", "))"),
                Column("deviation", "Отклонение от 1"), Column("rank", "Место в рейтинге"),
                Column("trend", "Изменение за период"),
                Column("other_relative", "Относительный балл других процедур (ВПР…; не определяет статус)"),
                Column("social_index", "Социальный индекс"), Column("proposed", "Предложенный статус"),
                Column("official", "Официальный статус"), Column("differs", "Расходится"),
                Column("reason", "Обоснование"),
            ],
            rows: schools.filter { !differencesOnly || $0.differs }.map { s -> [Cell] in
                [
                    .text(s.code), .text(s.name), s.relative.map { .number($0, decimals: 3) } ?? .empty,
                    s.deviation.map { .number($0, decimals: 3) } ?? .empty, Cell(rating[s.code]),
                    s.trend.map { .number($0, decimals: 3) } ?? .empty,
                    s.otherRelative.map { .number($0, decimals: 3) } ?? .empty,
                    s.socialIndex.map { .number($0, decimals: 1) } ?? .empty,
                    .list(s.statuses.map(\.russianShort)), .list(s.official.map(\.russianShort)), .bool(s.differs),
                    .text(s.reasons.joined(separator: "; ")),
                ]
            },
            emptyMessage: differencesOnly ? "Расхождений с официальными статусами нет." : "Школ нет.")
    }
}
