import Foundation

/// A form was opened on a version of a record that someone has changed since: saving it would
/// overwrite their change unseen, so nothing is written (issue 20, «Два человека сразу»).
public struct StaleRecordError: Error, LocalizedError, Equatable {
    /// Who made the change that is newer than the form, as the record names them.
    public var by: String?
    /// When (ISO 8601, as the record keeps it).
    public var at: String

    public init(by: String?, at: String) {
        self.by = by
        self.at = at
    }

    public var errorDescription: String? {
        let when = at.isEmpty ? "" : " в \(Self.moment(at))"
        return "Запись изменена пользователем \(by ?? "без имени")\(when); откройте её заново."
    }

    /// `at` on this computer's clock, ДД.ММ.ГГГГ ЧЧ:ММ (as it is stored when it cannot be read).
    static func moment(_ iso: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: iso) else { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "ru_RU")
        formatter.dateFormat = "dd.MM.yyyy HH:mm"
        return formatter.string(from: date)
    }
}
