import ArgumentParser
import NastavnikCore
import NastavnikImport

/// Options that describe a roadmap beyond its rows.
struct RoadmapImportOptions: ParsableArguments {
    @Option(name: .customLong("roadmap-key"), help: "Идентификатор дорожной карты (по умолчанию имя файла).")
    var roadmapKey: String?
    @Option(name: .long, help: "Название дорожной карты.") var title: String?
    @Option(name: .long, help: "Период дорожной карты: 2020-2022, 2023 или 2024/25.") var period: String?
    @Option(
        name: .long,
        help:
            "Приказ, которым утверждена дорожная карта, с датой («… от 22.09.2020 № 803»): сроки без года считаются с этой даты, закончившиеся раньше — предупреждение."
    ) var order: String?
    @Option(name: .long, help: "Код ОО — для дорожной карты одной школы.") var school: String?

    /// The options given, as written on the command line.
    var given: [String] {
        [
            ("--roadmap-key", roadmapKey), ("--title", title), ("--period", period), ("--order", order),
            ("--school", school),
        ]
        .compactMap { $0.1 == nil ? nil : $0.0 }
    }

    func options() throws -> RoadmapOptions {
        if let order, let impossible = OrderText.impossibleDate(order) {
            throw UserError(
                "В --order дата приказа «\(impossible)» не существует в календаре: проверьте день и месяц («\(order)»)."
            )
        }
        var options = RoadmapOptions(key: roadmapKey, title: title, orderRef: order, schoolCode: school)
        if let period {
            guard let range = PeriodText.parse(period) else {
                throw UserError(
                    "Не удалось прочитать период «\(period)»: укажите, например, 2020-2022, 2023 или 2024/25.")
            }
            options.periodStart = range.start
            options.periodEnd = range.end
        }
        return options
    }
}
