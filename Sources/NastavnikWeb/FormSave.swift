import Foundation
import Hummingbird
import NastavnikApp
import NastavnikStore

/// A form's save, with the refusals every form answers the same way: the form again with the
/// user's values and the refusal above its fields — 409 when the record changed since the form
/// was opened (`StaleRecordError`), 422 when a use case or the store refuses it, 503 when an
/// import from the command line holds the database. Nothing is written in any of these cases.
enum FormSave {
    /// Runs `write` (which answers the saved form's redirect); on a refusal, `render` answers
    /// `view` with the refusal set and its status.
    static func run(
        _ view: FormView, render: (FormView, HTTPResponse.Status) async throws -> Response,
        _ write: () async throws -> Response
    ) async throws -> Response {
        var view = view
        do {
            return try await write()
        } catch let error as StaleRecordError {
            // The posted version stays in the form: saving it again is refused again until reopened.
            view.problem = error.errorDescription
            return try await render(view, .conflict)
        } catch StoreError.invalid(let message) {
            view.problem = message
            return try await render(view, .unprocessableContent)
        } catch let error as AppError {
            view.problem = error.message
            return try await render(view, .unprocessableContent)
        } catch  where StoreError.isBusy(error) {
            view.problem = StoreError.busy.errorDescription
            return try await render(view, .serviceUnavailable)
        }
    }

    /// A refusal in words, for work that has no form to show again (a background job's page).
    static func message(_ error: Error) -> String {
        if let stale = error as? StaleRecordError { return stale.errorDescription ?? "" }
        if let app = error as? AppError { return app.message }
        if StoreError.isBusy(error) { return StoreError.busy.errorDescription ?? "" }
        if let store = error as? StoreError { return store.errorDescription ?? "\(store)" }
        return (error as? LocalizedError)?.errorDescription ?? "\(error)"
    }
}
