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
        } catch {
            let status = try FormRefusal.status(for: error, &self)
            // A rule's refusal concerns one field: shown beside it rather than over the form.
            if status == .unprocessableContent, let refusalField, let refusal = problem {
                problem = nil
                setError(refusal, on: refusalField)
            }
            return (nil, status)
        }
    }
}
