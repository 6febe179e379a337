import Foundation
import Hummingbird

/// The page of long work a form started (`BackgroundJobs`): how far it has got, refreshed every
/// two seconds without a script while it runs, then what came of it. It can be left and opened
/// again from its address; only the user who started it sees it (another gets 404, as if there
/// were none).
struct JobRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("jobs/:id") { request, context in try await page(request, context) }
    }

    private func page(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.account(request)
        let id = try context.parameters.require("id")
        guard let job = site.jobs.job(id, owner: user.login) else {
            throw WebError.notFound(
                "Задание «\(id)» не найдено: его начал другой пользователь, или сервер перезапускался.")
        }
        return site.page(Self.view(job, now: Date()), request, context)
    }

    /// The page of `job` as it is at `now`.
    static func view(_ job: BackgroundJob, now: Date) -> PageView {
        var view = PageView(title: job.title)
        switch job.outcome {
        case nil:
            view.refresh = "2"
            let seconds = max(0, Int(now.timeIntervalSince(job.started)))
            view.blocks = [
                .paragraph(
                    "Идёт работа (\(seconds) с)" + (job.progress.isEmpty ? "." : ": \(job.progress).")),
                .note("Страница обновляется сама каждые 2 секунды; её можно закрыть и открыть позже по этому адресу."),
            ]
        case .done(let text, let link):
            view.blocks = [.confirmation(text), .links([link])]
        case .failed(let message):
            view.blocks = [.note("Не выполнено, ничего не записано: " + message)]
        }
        return view
    }
}
