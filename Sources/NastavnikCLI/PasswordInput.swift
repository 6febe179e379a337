import Foundation

/// How `users add` and `users passwd` get a password: asked twice without echo on a terminal,
/// or read as one line from standard input when that is not a terminal (so that scripts can
/// create accounts: `echo "$PASSWORD" | nastavnik users add …`).
enum PasswordInput {
    /// The password, or a Russian error when the two typed differ or none was given.
    static func read(console: Console = .current) throws -> String {
        guard console.inputIsTerminal else {
            guard let line = console.readLine(), !line.isEmpty else {
                throw UserError("Пароль не получен: передайте его одной строкой на стандартный ввод.")
            }
            return line
        }
        let first = silently(prompt: "Пароль: ", console: console)
        let second = silently(prompt: "Пароль ещё раз: ", console: console)
        guard let first, !first.isEmpty else { throw UserError("Пароль не введён.") }
        guard first == second else { throw UserError("Пароли не совпадают. Повторите команду.") }
        return first
    }

    /// A line typed at the terminal with its echo off; the echo is restored afterwards.
    private static func silently(prompt: String, console: Console) -> String? {
        console.err(prompt)
        var saved = termios()
        let canHide = tcgetattr(STDIN_FILENO, &saved) == 0
        if canHide {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer {
            if canHide { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
            console.err("\n")
        }
        return console.readLine()
    }
}
