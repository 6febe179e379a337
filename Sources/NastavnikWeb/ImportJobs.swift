import Foundation
import Logging
import NastavnikApp
import NastavnikImport
import NastavnikStore

/// The uploaded files being checked and imported, in the server's memory by their job's number,
/// each in a folder of its own under `directory` (beside the database). A restarted server has
/// none: it clears the folder when it starts.
final class ImportJobs: @unchecked Sendable {
    /// Where uploads are written, a folder a job.
    let directory: URL
    /// The largest file accepted, in bytes.
    let limit: Int
    private let lock = NSLock()
    private var jobs: [String: ImportJob] = [:]

    /// The largest file an upload accepts by default: 200 MB (issue 20, «Импорт через загрузку»).
    static let defaultLimit = 200 * 1024 * 1024
    /// How long a job nobody looks at is kept, with its file (a setting's default, a judgement:
    /// a working day).
    static let idleLifetime: TimeInterval = 12 * 3600
    /// How many jobs a user keeps: a new upload drops the oldest beyond these (a judgement).
    static let perUser = 5

    /// Jobs in `directory`, which is emptied of a previous run's files.
    init(directory: URL, limit: Int = defaultLimit) {
        self.directory = directory
        self.limit = limit
        try? FileManager.default.removeItem(at: directory)
        // The files hold personal data: only the service's user reads the folder, as the database.
        try? FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// The uploads folder of the database at `databasePath`: beside it, named after it.
    static func directory(besideDatabase databasePath: String) -> URL {
        URL(fileURLWithPath: databasePath + ".uploads", isDirectory: true)
    }

    /// A new job's number and folder (not made yet: the upload makes it).
    func newFolder() -> (id: String, directory: URL) {
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return (id, directory.appendingPathComponent(id, isDirectory: true))
    }

    /// Keeps `job`, dropping jobs idle too long and the owner's oldest beyond `perUser`.
    func add(_ job: ImportJob) {
        let dropped: [ImportJob] = lock.withLock {
            jobs[job.id] = job
            let now = Date()
            var dropped = jobs.values.filter {
                !$0.isRunning && now.timeIntervalSince($0.lastTouched) > Self.idleLifetime
            }
            let own = jobs.values.filter { $0.owner == job.owner && !$0.isRunning && $0.id != job.id }
                .sorted { $0.lastTouched > $1.lastTouched }
            dropped += own.dropFirst(Self.perUser - 1)
            for old in dropped { jobs[old.id] = nil }
            return dropped
        }
        for old in dropped { try? FileManager.default.removeItem(at: old.directory) }
    }

    /// The jobs `owner` uploaded, the latest first.
    func jobs(owner: String) -> [ImportJob] {
        lock.withLock { jobs.values.filter { $0.owner == owner }.sorted { $0.created > $1.created } }
    }

    /// The job numbered `id` when `owner` uploaded it; another user's is as good as missing.
    func job(_ id: String, owner: String) -> ImportJob? {
        lock.withLock { jobs[id].flatMap { $0.owner == owner ? $0 : nil } }
    }

    /// Runs `phase` of `job` in the background through `app` (acting for the user); false when
    /// the job is already running or imported. A busy database ends the run with its message.
    func run(
        _ job: ImportJob, _ phase: ImportJob.Phase, kind: ImportKind?, app: NastavnikApp, by user: String,
        logger: Logger
    )
        -> Bool
    {
        guard job.begin(phase, kind: kind) else { return false }
        let rejects = job.rejectsPath
        // A thread of its own: the import reads and writes for minutes on a large file, and the
        // server's requests are answered on a thread a core.
        Thread.detachNewThread {
            // The rejects of an earlier run must not pass for this one's.
            try? FileManager.default.removeItem(atPath: rejects)
            var options = ImportOptions(dryRun: phase == .check, rejectsPath: rejects, importedBy: user)
            options.progressEvery = 1000
            options.progress = { line in job.progress(line) }
            do {
                let outcome = try app.importFileOnThisThread(kind: kind, path: job.path, options: options)
                job.finish(phase, Self.shown(outcome, job: job))
                // An imported file's people are in the database now: its copy goes.
                if phase == .apply && !outcome.failed { try? FileManager.default.removeItem(at: job.directory) }
            } catch  where StoreError.isBusy(error) {
                job.stop(phase, message: StoreError.busy.errorDescription ?? "База данных занята.")
            } catch {
                logger.error("Импорт «\(job.fileName)» не выполнен: \(String(reflecting: error))")
                job.stop(
                    phase,
                    message:
                        "Файл «\(job.fileName)» не удалось \(phase == .check ? "проверить" : "загрузить"): "
                        + error.localizedDescription)
            }
        }
        return true
    }

    /// `outcome` naming the file as the user knows it rather than by its path on the server.
    static func shown(_ outcome: ImportOutcome, job: ImportJob) -> ImportOutcome {
        var outcome = outcome
        let path = job.path
        outcome.summary.file = job.fileName
        func rename(_ issue: ImportIssue) -> ImportIssue {
            var issue = issue
            issue.message = issue.message.replacingOccurrences(of: path, with: job.fileName)
            return issue
        }
        outcome.summary.errors = outcome.summary.errors.map(rename)
        outcome.summary.warnings = outcome.summary.warnings.map(rename)
        return outcome
    }
}
