import NastavnikCore

public struct ImportOptions: Sendable {
    public var encoding: TextEncoding?
    public var delimiter: UInt8?
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
