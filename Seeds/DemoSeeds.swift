import Foundation

/// The demo's seeds bundled with the program: `demo/` and `roadmaps/` copied by SwiftPM into the
/// resource bundle `Nastavnik_NastavnikSeeds.resources` (`.bundle` on macOS) beside the binary.
public enum DemoSeeds {
    /// The bundle's names beside the executable, on Linux and on macOS.
    static let bundleNames = ["Nastavnik_NastavnikSeeds.resources", "Nastavnik_NastavnikSeeds.bundle"]

    /// The directory holding `demo/` and `roadmaps/` in the bundle beside the running executable,
    /// or nil when the binary was copied without its bundle.
    public static var directory: String? {
        let beside = Bundle.main.bundleURL
        // `Bundle.module` stops the program when it finds no bundle: it is asked only once one is there.
        guard
            bundleNames.contains(where: {
                FileManager.default.fileExists(atPath: beside.appendingPathComponent($0).path)
            })
        else { return nil }
        return Bundle.module.resourcePath
    }
}
