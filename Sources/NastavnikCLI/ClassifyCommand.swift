import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

extension SchoolsCommand {
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Предложить статусы школ по результатам (относительный балл = средний балл школы ÷ средний по региону, за 3 года; рейтинг) и социальному контексту, с обоснованием; официальный статус остаётся главным.")

        @Option(name: .long, help: "Годы: 2022-2024 (по умолчанию три последних).")
        var years: String?

        @Option(name: .long, help: "НОР: средний относительный балл ниже.")
        var low: DecimalNumber = 0.90

        @Option(name: .long, help: "ЗПР: ниже (0,95) или снижение за период.")
        var highRisk: DecimalNumber = 0.95

        @Option(name: .long, help: "ЗУР: ниже (0,98).")
        var moderateRisk: DecimalNumber = 0.98

        @Option(name: .long, help: "Эффективная: не ниже (1,05).")
        var effective: DecimalNumber = 1.05

        @Option(name: .long, help: "ШНСУ: индекс социального неблагополучия не ниже (30).")
        var social: DecimalNumber = 30

        @Flag(name: .long, help: "Сохранить предложенные статусы (отдельно от официальных).")
        var save = false

        @Flag(name: .long, help: "Только школы, где предложение расходится с официальным статусом.")
        var differences = false

        @OptionGroup var format: FormatOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let range = try yearRange(years)
            var rules = ClassificationRules()
            rules.lowResults = low.value
            rules.highRisk = highRisk.value
            rules.moderateRisk = moderateRisk.value
            rules.effective = effective.value
            rules.adverseSocial = social.value
            let db = try database.open()
            let schools = try db.classificationData(years: range)
            // The rating: schools by mean relative score, best first.
            let ranked = schools.filter { $0.meanRelative != nil }.sorted { ($0.meanRelative!, $1.code) > ($1.meanRelative!, $0.code) }
            let rank = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1.code, $0 + 1) })
            var rows: [[Cell]] = []
            var proposals: [(code: String, statuses: [SchoolStatus], reason: String)] = []
            for s in schools {
                let (statuses, reasons) = rules.classify(s)
                let differs = Set(statuses) != Set(s.official)
                proposals.append((s.code, statuses, reasons.joined(separator: "; ")))
                if differences && !differs { continue }
                rows.append([.text(s.code), .text(s.name), s.meanRelative.map { .number($0, decimals: 3) } ?? .empty,
                             s.meanRelative.map { .number($0 - 1, decimals: 3) } ?? .empty, Cell(rank[s.code]),
                             s.trend.map { .number($0, decimals: 3) } ?? .empty, s.socialIndex.map { .number($0, decimals: 1) } ?? .empty,
                             .list(statuses.map(\.russianShort)), .list(s.official.map(\.russianShort)), .bool(differs),
                             .text(reasons.joined(separator: "; "))])
            }
            if save { try db.saveProposedStatuses(proposals) }
            try format.emit([ReportTable(
                title: "",
                columns: [Column("code", "Код ОО"), Column("name", "Школа"), Column("relative", "Относительный балл"),
                          Column("deviation", "Отклонение от 1"), Column("rank", "Место в рейтинге"), Column("trend", "Изменение за период"),
                          Column("social_index", "Социальный индекс"), Column("proposed", "Предложенный статус"),
                          Column("official", "Официальный статус"), Column("differs", "Расходится"), Column("reason", "Обоснование")],
                rows: rows, emptyMessage: differences ? "Расхождений с официальными статусами нет." : "Школ нет.")])
        }
    }
}
