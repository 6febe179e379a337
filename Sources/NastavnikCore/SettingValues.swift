import Foundation

/// The settings in force: the stored values over the defaults.
public struct SettingValues: Sendable, Equatable {
    /// Stored values by key (only those a department changed).
    public var stored: [String: String]

    public init(stored: [String: String] = [:]) { self.stored = stored }

    /// The value in force, in its stored form (a number with a decimal point).
    public func text(_ setting: Setting) -> String { stored[setting.id] ?? setting.defaultValue }

    /// The value in force as a Russian user reads it (a number with a decimal comma).
    public func display(_ setting: Setting) -> String {
        if case .number = setting.kind { return Setting.format(number(setting)) }
        return text(setting)
    }

    /// The value in force of a numeric setting.
    public func number(_ setting: Setting) -> Double {
        Double(text(setting).replacingOccurrences(of: ",", with: ".")) ?? Double(
            setting.defaultValue.replacingOccurrences(of: ",", with: "."))!
    }

    /// The items in force of a list setting.
    public func list(_ setting: Setting) -> [String] {
        text(setting).split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Whether the setting has its default value.
    public func isDefault(_ setting: Setting) -> Bool {
        stored[setting.id] == nil || stored[setting.id] == setting.defaultValue
    }
}
