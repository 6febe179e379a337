import Foundation
import NastavnikCore

/// Writes the rejected rows of an import, in the file's own encoding and delimiter, with a last
/// column «Ошибки», so that a user can fix them in Excel and import the file again.
final class RejectsWriter {
    private let path: String
    private let delimiter: Character
    private let encoding: TextEncoding
    private let header: [String]
    private var handle: FileHandle?

    init(path: String, header: [String], delimiter: UInt8, encoding: TextEncoding) {
        self.path = path
        self.header = header
        self.delimiter = Character(UnicodeScalar(delimiter))
        self.encoding = encoding
    }

    private func open() throws -> FileHandle {
        if let handle { return handle }
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw StoreLikeError("не удалось создать файл «\(path)»")
        }
        try handle.truncate(atOffset: 0)
        self.handle = handle
        if encoding == .utf8 { try handle.write(contentsOf: [0xEF, 0xBB, 0xBF]) }
        try writeLine(header + ["Ошибки"])
        return handle
    }

    private func writeLine(_ fields: [String]) throws {
        let text = DelimitedText.record(fields, delimiter: delimiter)
        switch encoding {
        case .utf8:
            try handle?.write(contentsOf: Data(text.utf8))
        case .cp1251:
            var lossy = false
            try handle?.write(contentsOf: Windows1251.encode(text, lossy: &lossy))
        }
    }

    func write(fields: [String], issues: [ImportIssue]) throws {
        _ = try open()
        var row = fields
        if row.count < header.count { row += Array(repeating: "", count: header.count - row.count) }
        let messages = issues.map { issue in
            (issue.column.map { "«\($0)»: " } ?? "") + issue.message
        }
        try writeLine(Array(row.prefix(header.count)) + [messages.joined(separator: "; ")])
    }

    func close() throws {
        try handle?.close()
        handle = nil
    }
}
