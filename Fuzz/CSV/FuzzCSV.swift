import NastavnikCore
import NastavnikImport

/// libFuzzer entry: the CSV reader with encoding and delimiter detection, and the header
/// matching that follows it. Built only with NASTAVNIK_FUZZ=1 (see Scripts/fuzz).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let reader = try? CSVReader(bytes: bytes) else { return 0 }
    var records = 0
    while let record = try? reader.next() {
        if records == 0 {
            _ = KindInference.infer(headers: record.fields)
            _ = record.fields.map(ImportKind.normalizeHeader)
        }
        for field in record.fields.prefix(8) {
            _ = CellValue.number(field)
            _ = LocalDate(parsing: field)
            _ = CellValue.list(field)
        }
        records += 1
        if records > 10_000 { break }
    }
    return 0
}
