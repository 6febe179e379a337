import ArgumentParser
import NastavnikCore

/// `--as-of ДД.ММ.ГГГГ`: the date a command's figures are for, today by default.
struct AsOfOption: ParsableArguments {
    @Option(name: .long, help: "На дату (ДД.ММ.ГГГГ); по умолчанию сегодня.")
    var asOf: LocalDate?

    /// The date asked for, or today.
    var date: LocalDate { asOf ?? .today() }
}
