import Foundation
import NastavnikApp
import NastavnikImport

/// One uploaded file and the work done on it: a check (a dry run), then perhaps the import
/// itself, each run in the background while its page shows how far it has got. Kept in the
/// server's memory (`ImportJobs`) for the user who uploaded it.
final class ImportJob: @unchecked Sendable {
    /// What a run does: check the file (nothing written) or import it.
    enum Phase: Sendable, Equatable {
        case check, apply
    }

    /// Where the job is.
    enum State: Sendable, Equatable {
        /// The file is uploaded; its check has not begun.
        case uploaded
        /// The file is being read: its line `line` so far.
        case running(Phase, line: Int)
        /// The run is done: the file checked, imported or refused.
        case finished(Phase, ImportOutcome)
        /// The run could not be made (the database busy with another import): `message` says why.
        case stopped(Phase, message: String)
    }

    /// What a page shows of the job at one moment: where it is, the kind chosen for its last run
    /// (`nil`: told from the headers) and whether the file is imported (it is imported once only).
    struct Snapshot: Sendable {
        var state: State
        var kind: ImportKind?
        var applied = false
    }

    /// The job's number in its address (random: nobody guesses another's), the login of the user
    /// who uploaded the file (nobody else sees the job), the file's name on the user's computer
    /// (the import log names it) and the job's own folder (the file under that name, the rejects).
    let id: String, owner: String, fileName: String, directory: URL
    /// The rejected rows of the last run: a workbook's as a workbook, a text file's as text in the
    /// file's own encoding and delimiter, as `nastavnik import --rejects` writes them.
    let rejectsPath: String
    private let lock = NSLock()
    private var current: Snapshot
    /// When the job was last started or looked at: an idle job is dropped (`ImportJobs`).
    private var touched = Date()
    /// When the file was uploaded.
    let created = Date()

    init(id: String, owner: String, fileName: String, directory: URL, kind: ImportKind?) {
        self.id = id
        self.owner = owner
        self.fileName = fileName
        self.directory = directory
        self.current = Snapshot(state: .uploaded, kind: kind)
        // A workbook is told by its first bytes (a ZIP archive), as the importer tells it.
        let handle = FileHandle(forReadingAtPath: Self.file(fileName, in: directory).path)
        let head = (try? handle?.read(upToCount: 2)) ?? nil
        try? handle?.close()
        let workbook = head.map(Array.init) == Array("PK".utf8)
        self.rejectsPath = directory.appendingPathComponent(workbook ? "rejects.xlsx" : "rejects.csv").path
    }

    /// The uploaded file, in a folder of its own: a file named like the rejects is not overwritten.
    var path: String { Self.file(fileName, in: directory).path }

    /// Where a job in `directory` keeps the file named `fileName`.
    static func file(_ fileName: String, in directory: URL) -> URL {
        directory.appendingPathComponent("file", isDirectory: true).appendingPathComponent(fileName)
    }

    var snapshot: Snapshot {
        lock.withLock {
            touched = Date()
            return current
        }
    }

    var lastTouched: Date { lock.withLock { touched } }

    /// Where the job is, in a few words, for the list of a user's files.
    var stateText: String {
        switch lock.withLock({ current.state }) {
        case .uploaded, .running(.check, _): "идёт проверка"
        case .running(.apply, _): "идёт загрузка"
        case .stopped(_, let message): message
        case .finished(let phase, let outcome):
            outcome.failed
                ? "ошибок: \(outcome.summary.errors.count)"
                : phase == .check ? "проверен, ошибок нет" : "загружен"
        }
    }

    var isRunning: Bool {
        lock.withLock {
            if case .running = current.state { return true }
            return false
        }
    }

    /// Starts a run of `phase` with `kind`; false when a run is under way or the file is imported.
    func begin(_ phase: Phase, kind: ImportKind?) -> Bool {
        lock.withLock {
            if case .running = current.state { return false }
            if current.applied { return false }
            current.kind = kind
            current.state = .running(phase, line: 0)
            touched = Date()
            return true
        }
    }

    /// The run has read up to the file's line `line`.
    func progress(_ line: Int) {
        lock.withLock {
            if case .running(let phase, _) = current.state { current.state = .running(phase, line: line) }
        }
    }

    func finish(_ phase: Phase, _ outcome: ImportOutcome) {
        lock.withLock {
            current.state = .finished(phase, outcome)
            if phase == .apply && !outcome.failed { current.applied = true }
        }
    }

    func stop(_ phase: Phase, message: String) {
        lock.withLock { current.state = .stopped(phase, message: message) }
    }
}
