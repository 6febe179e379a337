import Foundation

enum Output {
    /// Writes bytes to a file created with mode 0600 (reports hold personal data), or to stdout.
    static func write(_ bytes: [UInt8], to path: String?) throws {
        try stream(to: path) { sink in try sink(bytes) }
    }

    /// Hands `body` a sink for chunks of bytes, going to stdout or to a file created with mode
    /// 0600: a list of a million rows is written as it is rendered.
    static func stream(to path: String?, _ body: (_ sink: @escaping ([UInt8]) throws -> Void) throws -> Void) throws {
        guard let path else {
            let console = Console.current
            try body { console.outBytes($0) }
            return
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { try? fm.removeItem(atPath: path) }
        guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw UserError("Не удалось записать файл «\(path)».")
        }
        defer { try? handle.close() }
        try body { try handle.write(contentsOf: $0) }
        Console.current.err("Записано: \(path)\n")
    }
}
