import NastavnikCore

/// libFuzzer entry: the roadmap term parser, with and without a period.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTerms(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: min(size, 4096)), as: UTF8.self)
    let period = LocalDate(year: 2020, month: 1, day: 1)!...LocalDate(year: 2023, month: 12, day: 31)!
    for parser in [TermParser(period: period), TermParser(period: nil)] {
        let parsed = parser.parse(text)
        // Invariants: dated occurrences are ordered ranges; an unreadable term has no dates.
        for o in parsed.occurrences where o.end < o.start { fatalError("occurrence ends before it starts: \(text)") }
        if parsed.flag == .unreadable && !parsed.occurrences.isEmpty { fatalError("unreadable yet dated: \(text)") }
    }
    return 0
}
