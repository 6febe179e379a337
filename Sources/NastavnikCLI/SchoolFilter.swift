import ArgumentParser

/// `--school CODE`: only one school's rows.
struct SchoolFilter: ParsableArguments {
    @Option(name: .long, help: "Только школа с этим кодом.")
    var school: String?
}
