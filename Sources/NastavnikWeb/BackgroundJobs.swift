import Foundation

/// The long work forms started, kept in the server's memory by id for the user who started
/// each (a restart forgets them; what they wrote stays, each one transaction). Each runs on a
/// thread of its own, not on the few threads requests are answered on.
final class BackgroundJobs: @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [String: BackgroundJob] = [:]

    /// How long a finished job's page is kept (a judgement: a working day).
    static let lifetime: TimeInterval = 12 * 3600

    init() {}

    /// Starts `work` on a thread of its own and returns the job's id at once. `work` reports its
    /// progress in words through its argument and returns the confirmation and where to see
    /// the result; an error it throws is the job's refusal (`message` turns it into words).
    func start(
        owner: String, title: String, message: @escaping @Sendable (Error) -> String,
        work: @escaping @Sendable (_ report: @escaping @Sendable (String) -> Void) throws -> (String, LinkView)
    ) -> String {
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let now = Date()
        lock.withLock {
            jobs = jobs.filter { $0.value.outcome == nil || now.timeIntervalSince($0.value.started) < Self.lifetime }
            jobs[id] = BackgroundJob(id: id, owner: owner, title: title, started: now)
        }
        Thread.detachNewThread { [self] in
            let outcome: BackgroundJob.Outcome
            do {
                let (text, link) = try work { [self] words in lock.withLock { jobs[id]?.progress = words } }
                outcome = .done(text, link: link)
            } catch {
                outcome = .failed(message(error))
            }
            lock.withLock { jobs[id]?.outcome = outcome }
        }
        return id
    }

    /// The job `id` as it is now, when `owner` started it.
    func job(_ id: String, owner: String) -> BackgroundJob? {
        lock.withLock { jobs[id].flatMap { $0.owner == owner ? $0 : nil } }
    }
}
