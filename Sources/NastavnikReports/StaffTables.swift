import NastavnikCore
import NastavnikStore

/// The tables of `staff list` and `staff positions`.
public enum StaffTables {
    /// The workers with their category, experience and latest training.
    public static func list(_ listings: [StaffListing]) -> ReportTable {
        ReportTable(
            columns: Column.staffIdentity + [
                Column("position_kind", "Вид должности"), .subjects, .category, .experienceYears,
                Column("early_career", "Молодой специалист"),
                Column("last_training_end", "Последние КПК"), Column("trained_within_3_years", "КПК за 3 года"),
            ],
            rows: listings.map { listing in
                let s = listing.line
                return s.identityCells + [
                    .text(s.positionKind.russian), .list(s.subjects),
                    Cell(s.category?.russian), s.experience.map { .number($0, decimals: 0) } ?? .empty,
                    .bool(s.earlyCareer), Cell(s.lastTrainingEnd),
                    .bool(listing.trainedWithinThreeYears),
                ]
            },
            emptyMessage: "Работников нет.")
    }

    /// A page of the staff search: who, where, the last training, its term, the early-career
    /// mark and the deficits, titled with the total and the page.
    public static func page(_ page: StaffPage) -> ReportTable {
        let found =
            page.totalIsExact
            ? "Найдено: \(page.total); страница \(page.page) из \(page.pageCount)"
            : "Найдено более \(page.total - 1); страница \(page.page)"
        return ReportTable(
            title: found,
            columns: Column.staffIdentity + [
                Column("school_name", "Школа"), Column("position_kind", "Вид должности"),
                Column("last_training_end", "Последние КПК"), Column("due_by", "Срок КПК"),
                Column("overdue", "Срок истёк"), Column("early_career", "Молодой специалист"),
                Column("deficits", "Дефициты"),
            ],
            rows: page.rows.map { r in
                [
                    Cell(r.staffID), .text(r.fullName), .text(r.schoolCode), .text(r.position), .text(r.schoolName),
                    .text(r.positionKind.russian), Cell(r.lastTrainingEnd), Cell(r.dueBy), .bool(r.overdue),
                    .bool(r.earlyCareer), .list(r.deficits),
                ]
            },
            emptyMessage: page.total == 0 ? "Никого не найдено." : "На этой странице никого нет.")
    }

    /// The positions with their kind, count and where the kind comes from.
    public static func positions(_ lines: [PositionLine]) -> ReportTable {
        ReportTable(
            columns: [
                .position, Column("kind", "Вид"), Column("count", "Работников"),
                Column("source", "Основание"),
            ],
            rows: lines.map { line in
                [
                    .text(line.title), .text(line.kind.russian), .integer(line.count),
                    .text(
                        line.overridden
                            ? "исправлено вручную"
                            : line.known ? "по списку должностей" : "нет в списке — проверьте"),
                ]
            },
            emptyMessage: "Работников нет.")
    }
}
