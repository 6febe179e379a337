import NastavnikCore

public struct ImportOptions: Sendable {
    public var encoding: TextEncoding?
    public var delimiter: UInt8?
    /// The sheet of a workbook to read (its name or its number from 1); `nil`: the first whose
    /// header reads as the kind's.
    public var sheet: String?
    public var dryRun = false
    /// Where to write the rejected rows with their errors, for fixing in Excel.
    public var rejectsPath: String?
    /// The date that decides an implied training status.
    public var today: LocalDate
    public var importedBy: String?
    public var roadmap = RoadmapOptions()
    /// Whether rows may be checked straight from their bytes (`RowMapper.handleRaw`); tests
    /// turn it off to compare with the general path.
    var readsRowsAsBytes = true
    /// Called with the number of the file's line last read, every `progressEvery` rows and once
    /// at the end of the rows: a front end shows how far a large file has got.
    public var progress: (@Sendable (_ line: Int) -> Void)?
    /// How many rows between two calls of `progress`.
    public var progressEvery = 10_000
    /// The names under which the front end took the roadmap's own options (`--title`, …): a file
    /// whose kind its headers tell is refused, naming the first, when it is not a roadmap.
    public var roadmapOptionNames: [String] = []

    public init(
        encoding: TextEncoding? = nil, delimiter: UInt8? = nil, dryRun: Bool = false, rejectsPath: String? = nil,
        today: LocalDate = .today(), importedBy: String? = nil, roadmap: RoadmapOptions = RoadmapOptions()
    ) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.dryRun = dryRun
        self.rejectsPath = rejectsPath
        self.today = today
        self.importedBy = importedBy
        self.roadmap = roadmap
    }
}
