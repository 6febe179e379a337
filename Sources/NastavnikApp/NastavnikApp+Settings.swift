import NastavnikCore
import NastavnikStore

extension NastavnikApp {
    /// The settings' values in force.
    public func settings() async throws -> SettingValues { try database.settings() }

    /// Sets `setting` to `value` (nil: back to its default) and returns the values in force;
    /// a value the setting does not take is refused (`StoreError`).
    @discardableResult
    public func setSetting(_ setting: Setting, to value: String?) async throws -> SettingValues {
        try database.setSetting(setting, value)
        return try database.settings()
    }
}
