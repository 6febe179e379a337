import Foundation

/// Why a login was refused, in Russian as the login page shows it. A wrong password and an
/// unknown login read the same, so that the page does not tell which logins exist.
public enum AuthenticationError: Error, LocalizedError, Equatable {
    case wrongPassword
    /// Locked after too many failures, until this moment.
    case locked(until: Date, timeZone: TimeZone)
    case disabled

    public var errorDescription: String? {
        switch self {
        case .wrongPassword: "Неверный логин или пароль."
        case .locked(let until, let timeZone):
            "Слишком много неудачных попыток входа: вход заблокирован до \(Self.clock(until, timeZone))."
        case .disabled: "Учётная запись отключена. Обратитесь к администратору."
        }
    }

    /// A moment as ЧЧ:ММ on the server's clock.
    static func clock(_ date: Date, _ timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
