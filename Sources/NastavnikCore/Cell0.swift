extension Cell0 {
    static func decimal(_ v: Double) -> String {
        let rounded = (v * 100).rounded() / 100
        return String(rounded).replacingOccurrences(of: ".", with: ",")
    }
}

enum Cell0 {
    static func hours(_ h: Double) -> String { h == h.rounded() ? String(Int(h)) : String(h) }
}
