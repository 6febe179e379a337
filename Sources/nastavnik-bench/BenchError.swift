/// A refusal of an instance, in Russian, naming the file, line and column.
struct BenchError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
