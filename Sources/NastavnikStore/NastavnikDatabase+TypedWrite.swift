import GRDB

extension NastavnikDatabase {
    /// One write transaction whose refusals (a `StoreError` thrown inside it, which rolls it back)
    /// and SQLite's failures come out as one channel: SQLite's as `.invalid` with its Russian
    /// sentence, the text a front end shows for it.
    func typedWrite<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try write(body)
        } catch let error as StoreError {
            throw error
        } catch  where StoreError.isBusy(error) {
            throw .busy
        } catch {
            throw .invalid(russianStoreErrorDescription(error) ?? "\(error)")
        }
    }
}
