import Foundation
import Hummingbird
import NastavnikApp
import NastavnikRegion
import NastavnikStore

/// Turns every error into a Russian page of its own (403, 404, a busy database, any other
/// error), never a stack trace: the error itself goes to the server's log.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            return site.errorPage(error, request, context)
        }
    }
}

extension Site {
    /// The page that answers `error`.
    func errorPage(_ error: Error, _ request: Request, _ context: WebContext) -> Response {
        let (status, title, message): (HTTPResponse.Status, String, String)
        switch error {
        case WebError.loginRequired(let next):
            let target = next.hasPrefix("/") && !next.hasPrefix("//") && next != "/" ? next : nil
            return Response(
                status: .seeOther,
                headers: [.location: URLPath.query("/login", [("next", target)])])
        case WebError.forbidden:
            (status, title, message) = (
                .forbidden, "Доступ запрещён", "У вашей учётной записи нет прав на эту страницу или эту запись."
            )
        case WebError.invalidCSRF:
            (status, title, message) = (
                .forbidden, "Форма устарела",
                "Форма отправлена без действительного ключа защиты. Откройте страницу заново и повторите действие; "
                    + "ничего не изменено."
            )
        case WebError.notFound(let what): (status, title, message) = (.notFound, "Не найдено", what)
        case WebError.badRequest(let what): (status, title, message) = (.badRequest, "Неверный запрос", what)
        case WebError.tooLarge(let what): (status, title, message) = (.contentTooLarge, "Слишком большой файл", what)
        case let error as HTTPError where error.status == .notFound:
            (status, title, message) = (.notFound, "Страница не найдена", "Такой страницы нет: проверьте адрес.")
        case let error as HTTPError where error.status == .contentTooLarge:
            (status, title, message) = (.contentTooLarge, "Слишком большой запрос", "Запрос слишком велик.")
        case let error as HTTPError where (400..<500).contains(error.status.code):
            (status, title, message) = (error.status, "Неверный запрос", "Сервер не смог разобрать запрос.")
        case _ where StoreError.isBusy(error):
            (status, title, message) = (
                .serviceUnavailable, "База данных занята",
                "База данных занята загрузкой данных или другой операцией. Повторите через минуту."
            )
        case StoreError.notFound:
            (status, title, message) = (.notFound, "Не найдено", (error as? StoreError)?.errorDescription ?? "")
        case let error as AppError: (status, title, message) = (.badRequest, "Не удалось выполнить", error.message)
        case let error as RegionError:
            // The regional server is unreachable or refused: its Russian message never holds the password.
            logger.warning("Региональная база: \(error.message)")
            (status, title, message) = (.serviceUnavailable, "Региональная база недоступна", error.message)
        default:
            logger.error("Ошибка при обработке \(request.method) \(request.uri.path): \(String(reflecting: error))")
            (status, title, message) = (
                .internalServerError, "Ошибка сервера",
                "На сервере произошла ошибка; она записана в журнал сервера. Повторите позже или сообщите администратору."
            )
        }
        var view = PageView(title: title)
        view.blocks = [.paragraph(message), .links([LinkView(label: "На главную", href: "/")])]
        var response = page(view, request, context, status: status)
        if status == .serviceUnavailable { response.headers[.retryAfter] = "60" }
        return response
    }
}
