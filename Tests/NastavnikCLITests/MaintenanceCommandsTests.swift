import Foundation
import NastavnikCore
import NastavnikStore
import Testing

@testable import NastavnikCLI

@Suite struct MaintenanceCommandsTests {
    @Test func backupRestoreAndDoctor() async throws {
        let sandbox = try await CLISandbox(importing: [CSVFixture.schools("S1;Первая")])
        let db = sandbox.db
        let copy = sandbox.path("copy.sqlite")
        #expect(await run(["backup", copy, "--db", db]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: copy)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // Changes after the backup are undone by the restore; the replaced file is kept.
        #expect(
            await run(["import", "schools", sandbox.write("s2.csv", "Код ОО;Наименование ОО\nS2;Вторая\n"), "--db", db])
                .status == 0)
        let restored = await run(["restore", copy, "--db", db])
        #expect(restored.status == 0, "\(restored.err)")
        #expect(restored.out.contains("Прежний файл сохранён"))
        let list = await run(["schools", "list", "--db", db, "--format", "csv"]).out
        #expect(list.contains("S1;") && !list.contains("S2;"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: sandbox.url.path).filter {
            $0.contains("before-restore")
        }
        #expect(kept.count == 1)
        // A file that is not a database, or a damaged one, is refused and nothing changes.
        let bad = await run(["restore", sandbox.write("bad.sqlite", "не база"), "--db", db])
        #expect(bad.status == 1)
        #expect(bad.err.contains("не база данных SQLite"))
        let doctor = await run(["doctor", "--db", db])
        #expect(doctor.status == 0)
        #expect(doctor.out.contains("✓ Целостность (integrity_check): ok"))
        #expect(doctor.out.contains("Всё в порядке."))
        chmod(db, 0o644)
        let loose = await run(["doctor", "--db", db])
        #expect(loose.status == 1)
        #expect(loose.out.contains("✗ Права на файл: 644"))
    }
}
