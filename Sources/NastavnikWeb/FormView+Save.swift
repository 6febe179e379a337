import Hummingbird
import NastavnikStore

extension FormView {
    /// Runs `write` (the save and its answer, a 303) when the form has no errors. Otherwise, or
    /// when the save is refused, returns no answer but the status for the form shown again with
    /// the refusal set: 422 for its errors or a refusal of the rule (beside `refusalField`, else
    /// over the form), 409 for a record changed since the form was opened, 503 while another
    /// program holds the database. Nothing is written in any of these cases.
    mutating func save(refusalField: String? = nil, _ write: () async throws -> Response) async throws
        -> (saved: Response?, status: HTTPResponse.Status)
    {
        guard !hasErrors else { return (nil, .unprocessableContent) }
        do {
            return (try await write(), .seeOther)
        } catch let error as StaleRecordError {
            problem = error.errorDescription
            return (nil, .conflict)
        } catch let error as StoreError where error != .busy {
            if let refusalField {
                setError(error.errorDescription ?? "", on: refusalField)
            } else {
                problem = error.errorDescription
            }
            return (nil, .unprocessableContent)
        } catch  where StoreError.isBusy(error) {
            problem = StoreError.busy.errorDescription
            return (nil, .serviceUnavailable)
        }
    }
}
