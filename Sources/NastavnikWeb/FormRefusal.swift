import HTTPTypes
import NastavnikApp
import NastavnikStore

/// How a form's refused save is answered: the form again with the refusal over it, and the
/// status — 409 for a record changed since the form was opened, 503 while an import holds the
/// database, 422 for a rule of the store or the use case.
enum FormRefusal {
    /// Sets `view`'s problem from `error` and gives the status; an error that is none of these
    /// is thrown on.
    static func status(for error: Error, _ view: inout FormView) throws -> HTTPResponse.Status {
        switch error {
        case let stale as StaleRecordError:
            view.problem = stale.errorDescription
            return .conflict
        case let error as StoreError:
            if case .busy = error {
                view.problem = StoreError.busy.errorDescription
                return .serviceUnavailable
            }
            view.problem = error.errorDescription
            return .unprocessableContent
        case let error as AppError:
            view.problem = error.message
            return .unprocessableContent
        default:
            guard StoreError.isBusy(error) else { throw error }
            view.problem = StoreError.busy.errorDescription
            return .serviceUnavailable
        }
    }
}
