import Foundation
import NastavnikCore

/// The demo's anti-risk programmes and development documents (`Seeds/demo/programmes/index.json`,
/// issue 21): not drawn by `Scripts/gen-demo.py`, but drafted from the catalogue
/// (`programmes draft`) and finished by hand as a school would.
struct DemoProgrammes: Decodable {
    struct Programme: Decodable {
        var file: String
        var school: String
        var factor: Int
        var year: String
    }

    struct Document: Decodable {
        var school: String
        var kind: String
        var title: String
        var number: String?
        var date: String
        var period: String?
    }

    var programmes: [Programme]
    var documents: [Document]
}
