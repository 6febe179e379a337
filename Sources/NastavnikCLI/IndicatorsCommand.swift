import ArgumentParser
import Foundation
import NastavnikCore
import NastavnikReports
import NastavnikStore

struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Целевые показатели по кадрам (Заиграевский 3.1, 3.2; охват — Ставрополь 2.1, 2.7) по школам и муниципалитету; для каждого показателя — совокупность и знаменатель.")

    @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня.")
    var asOf: LocalDate?

    @Option(name: .long, help: "Только школа с этим кодом.")
    var school: String?

    @OptionGroup var format: FormatOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let indicators = try database.open().staffIndicators(asOf: asOf ?? .today(), schoolCode: school)
        let schools = indicators.table(includeTotal: school == nil), figures = indicators.figuresTable()
        let renderer = JSONRenderer()
        try format.emit([schools, figures], json: .object([("schools", renderer.value(schools)), ("indicators", renderer.value(figures))]))
    }
}
