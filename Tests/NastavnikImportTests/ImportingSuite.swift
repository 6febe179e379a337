@testable import NastavnikImport
@testable import NastavnikStore

/// A fresh sandbox, database and importer: what each test of an import suite starts from.
struct ImportBase {
    let sandbox: Sandbox
    let db: NastavnikDatabase
    let importer: Importer

    init() throws {
        sandbox = try Sandbox()
        (db, importer) = try sandbox.importing()
    }
}

/// A suite whose tests import into their own fresh database (`base`, made by the suite's `init`).
protocol ImportingSuite {
    var base: ImportBase { get }
}

extension ImportingSuite {
    var sandbox: Sandbox { base.sandbox }
    var db: NastavnikDatabase { base.db }
    var importer: Importer { base.importer }
}
