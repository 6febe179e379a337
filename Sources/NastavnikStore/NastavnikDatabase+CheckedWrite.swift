import GRDB

extension NastavnikDatabase {
    /// One write transaction whose refusals come out as a front end shows them: a `StoreError`
    /// or a `StaleRecordError` (a form opened on an older version) as thrown, SQLite's busy
    /// lock as `.busy`, any other failure as `.invalid` with its Russian sentence. As
    /// `typedWrite`, for the writes a web form makes, which may be stale.
    func checkedWrite<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try write(body)
        } catch let error as StoreError {
            throw error
        } catch let error as StaleRecordError {
            throw error
        } catch  where StoreError.isBusy(error) {
            throw StoreError.busy
        } catch {
            throw StoreError.invalid(russianStoreErrorDescription(error) ?? "\(error)")
        }
    }
}
