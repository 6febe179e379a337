// Compares reading a sheet's XML with Foundation's XMLParser (SAX, libxml2 underneath) and with
// the import's own XMLTokenizer: both walk the same bytes in memory and collect every cell's
// value, so the difference is the parser's. Built and run by Scripts/bench-xml-parsers.
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects the text of every `<v>` and `<t>` element, as the sheet reader does.
final class Collector: NSObject, XMLParserDelegate {
    var inValue = false
    var cells = 0
    var characters = 0
    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == "v" || elementName == "t" { inValue = true }
        if elementName == "c" { cells += 1 }
    }
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        inValue = false
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { characters += string.utf8.count }
    }
}

func foundation(_ data: Data) -> (Int, Int) {
    let parser = XMLParser(data: data)
    let collector = Collector()
    parser.delegate = collector
    _ = parser.parse()
    return (collector.cells, collector.characters)
}

func ours(_ bytes: [UInt8]) throws -> (Int, Int) {
    var offset = 0
    var tokenizer = XMLTokenizer(nextChunk: {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 << 17 }
        return Array(bytes[offset..<min(bytes.count, offset + (1 << 17))])
    })
    var cells = 0
    var characters = 0
    var inValue = false
    var value: [UInt8] = []
    while true {
        switch try tokenizer.next() {
        case .open:
            if tokenizer.nameIs("v") || tokenizer.nameIs("t") { inValue = !tokenizer.selfClosing }
            if tokenizer.nameIs("c") { cells += 1 }
        case .close:
            inValue = false
        case .text:
            if inValue {
                value.removeAll(keepingCapacity: true)
                tokenizer.appendText(to: &value)
                characters += value.count
            }
        case .end:
            return (cells, characters)
        }
    }
}

let path = CommandLine.arguments[1]
let data = try Data(contentsOf: URL(fileURLWithPath: path))
let bytes = [UInt8](data)
let runs = Int(CommandLine.arguments.dropFirst(2).first ?? "3") ?? 3
var ratios: [Double] = []
for run in 1...runs {
    var start = Date()
    let a = foundation(data)
    let foundationSeconds = Date().timeIntervalSince(start)
    start = Date()
    let b = try ours(bytes)
    let oursSeconds = Date().timeIntervalSince(start)
    precondition(a.0 == b.0, "cells differ: \(a) \(b)")
    ratios.append(foundationSeconds / oursSeconds)
    print(
        String(
            format: "run %d: XMLParser %.3f s, XMLTokenizer %.3f s (%d cells, %d/%d value bytes), XMLParser/ours %.2f×",
            run, foundationSeconds, oursSeconds, a.0, a.1, b.1, foundationSeconds / oursSeconds))
}
print(String(format: "median XMLParser/XMLTokenizer: %.2f×", ratios.sorted()[ratios.count / 2]))
