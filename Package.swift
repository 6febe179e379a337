// swift-tools-version: 6.1
import Foundation
import PackageDescription

// The products of the package dependencies that several targets use.
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let propertyBased: Target.Dependency = .product(name: "PropertyBased", package: "swift-property-based")

let package = Package(
    name: "Nastavnik",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nastavnik", targets: ["nastavnik"]),
        .library(name: "NastavnikCore", targets: ["NastavnikCore"]),
        .library(name: "NastavnikStore", targets: ["NastavnikStore"]),
        .library(name: "NastavnikImport", targets: ["NastavnikImport"]),
        .library(name: "NastavnikReports", targets: ["NastavnikReports"]),
        .library(name: "NastavnikApp", targets: ["NastavnikApp"]),
        .library(name: "NastavnikRegion", targets: ["NastavnikRegion"]),
        .library(name: "NastavnikCLI", targets: ["NastavnikCLI"]),
        .library(name: "NastavnikWeb", targets: ["NastavnikWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // The uploads' multipart/form-data, read as it arrives (issue 20: up to 200 MB to a file).
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
        // Named for their products the web target imports (TLS certificates, the server's log);
        // the versions are those Hummingbird resolves to.
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        // The region's consolidated database (issue 22): PostgreSQL 15 through its Swift client.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .target(name: "CPrefetch"),
        .target(name: "CAllocator"),
        // Deflate blocks and CRC-32 through the system zlib (zlib1g-dev, which ZIPFoundation needs too):
        // the Office packages' large parts deflated on every core.
        .target(name: "CDeflate", linkerSettings: [.linkedLibrary("z")]),
        .target(name: "NastavnikCore", dependencies: [crypto]),
        .target(
            name: "NastavnikStore",
            dependencies: [
                "NastavnikCore",
                "CPrefetch",
                grdb,
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // bcrypt for the accounts' passwords (issue 19: cost 12).
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        .target(
            name: "NastavnikImport",
            dependencies: ["NastavnikCore", "NastavnikStore", "NastavnikReports", "ZIPFoundation", grdb, crypto]
        ),
        .target(
            name: "NastavnikReports",
            dependencies: ["NastavnikCore", "NastavnikStore", "NastavnikRegion", "CDeflate"]),
        // The region's side (issue 22): the regional schema on PostgreSQL, a municipality's snapshot
        // pushed into it, and the region's read models.
        .target(
            name: "NastavnikRegion",
            dependencies: [
                "NastavnikCore", "NastavnikStore", grdb, crypto,
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The use cases both front ends call: Store fetches, Core decides, Store saves, Reports builds.
        .target(
            name: "NastavnikApp",
            dependencies: ["NastavnikCore", "NastavnikStore", "NastavnikImport", "NastavnikReports", "NastavnikRegion"]),
        // The demo's seeds (Seeds/demo, Seeds/roadmaps) as a resource bundle that SwiftPM puts beside
        // the binary: `nastavnik demo` finds them from any directory and from an installed copy.
        .target(
            name: "NastavnikSeeds", path: "Seeds",
            // programmes/: the catalogue of typical anti-risk measures `programmes draft` reads (issue 21).
            resources: [.copy("demo"), .copy("roadmaps"), .copy("programmes")]),
        // The department's web interface (issue 19): server-rendered pages over the use cases; its
        // templates, style sheet and script are resources found beside the binary.
        .target(
            name: "NastavnikWeb",
            dependencies: [
                "NastavnikCore", "NastavnikStore", "NastavnikReports", "NastavnikApp", crypto,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "NastavnikCLI",
            dependencies: [
                "NastavnikCore", "NastavnikStore", "NastavnikImport", "NastavnikReports", "NastavnikApp",
                "NastavnikSeeds", "NastavnikWeb", "CAllocator", argumentParser,
            ]
        ),
        .executableTarget(name: "nastavnik", dependencies: ["NastavnikCLI"]),
        // The assignment benchmark's solver driver (Scripts/bench-assignment): a developer's tool,
        // outside the product's library and command.
        .executableTarget(
            name: "nastavnik-bench",
            dependencies: ["NastavnikCore", "NastavnikImport", "NastavnikCLI", argumentParser]
        ),
        // What several test targets share (the seeded random source of the property tests, the scratch
        // directory of a test's files, the reading of a written Word document).
        .target(
            name: "NastavnikTestSupport", dependencies: ["ZIPFoundation", "NastavnikRegion"],
            path: "Tests/NastavnikTestSupport"),
        .testTarget(
            name: "NastavnikCoreTests",
            dependencies: ["NastavnikCore", "NastavnikTestSupport", propertyBased]),
        .testTarget(
            name: "NastavnikStoreTests",
            dependencies: ["NastavnikStore", grdb],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NastavnikImportTests",
            dependencies: ["NastavnikImport", "NastavnikStore", "NastavnikTestSupport", "ZIPFoundation", grdb],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NastavnikBenchTests", dependencies: ["nastavnik-bench", "NastavnikCLI", "NastavnikTestSupport"]),
        .testTarget(
            name: "NastavnikAppTests",
            dependencies: ["NastavnikApp", "NastavnikStore", "NastavnikCore", "NastavnikImport", "NastavnikReports"]),
        .testTarget(
            name: "NastavnikReportsTests",
            dependencies: ["NastavnikReports", "NastavnikStore", "NastavnikTestSupport", "ZIPFoundation"]),
        .testTarget(
            name: "NastavnikWebTests",
            dependencies: [
                "NastavnikWeb", "NastavnikApp", "NastavnikStore", "NastavnikCore", "NastavnikReports",
                "NastavnikImport", "NastavnikTestSupport", "ZIPFoundation", grdb,
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(
            name: "NastavnikRegionTests",
            dependencies: [
                "NastavnikRegion", "NastavnikApp", "NastavnikStore", "NastavnikCore", "NastavnikImport",
                "NastavnikReports", "NastavnikTestSupport", grdb,
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "NastavnikCLITests",
            dependencies: [
                "NastavnikCLI", "NastavnikStore", "NastavnikReports", "NastavnikApp", "NastavnikTestSupport", grdb,
                propertyBased,
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, built only for fuzzing (Scripts/fuzz sets NASTAVNIK_FUZZ=1): they define
// LLVMFuzzerTestOneInput and have no main of their own.
if ProcessInfo.processInfo.environment["NASTAVNIK_FUZZ"] != nil {
    package.targets += [
        .executableTarget(name: "fuzz-csv", dependencies: ["NastavnikImport", "NastavnikCore"], path: "Fuzz/CSV"),
        .executableTarget(name: "fuzz-terms", dependencies: ["NastavnikCore"], path: "Fuzz/Terms"),
    ]
    package.products += [
        .executable(name: "fuzz-csv", targets: ["fuzz-csv"]),
        .executable(name: "fuzz-terms", targets: ["fuzz-terms"]),
    ]
}
