"""Working day, imports: the specialist uploads a Windows-1251 staff file with two bad rows
through the import page, reads each error (line, column, value), downloads the rejected rows,
fixes them with Python's csv as a user would in Excel, uploads the fixed file, checks it and
imports it; the import log names the specialist and the new people are in the database."""

from __future__ import annotations

import csv
import io
import time

HEADER = ["Табельный номер", "ФИО", "Код ОО", "Должность", "Дата рождения"]
ROWS = [
    ["BD-1", "Астафьева Алла Андреевна", "SV010", "учитель", "01.02.1980"],
    ["BD-2", "Борисов Борис Борисович", "SV010", "учитель", "31.02.1980"],
    ["BD-3", "Власова Вера Викторовна", "SV010", "учитель", "03.04.1985"],
    ["BD-4", "Гусев Глеб Григорьевич", "НЕТ-ТАКОЙ", "учитель", "05.06.1990"],
]
FIXES = {"31.02.1980": "28.02.1980", "НЕТ-ТАКОЙ": "SV010"}


def write_cp1251(path, rows) -> None:
    with open(path, "w", encoding="cp1251", newline="") as file:
        writer = csv.writer(file, delimiter=";", lineterminator="\r\n")
        writer.writerows(rows)


def wait_done(r, what: str, timeout: float = 90) -> str:
    """The job page's text once its run is done (it refreshes itself every two seconds)."""
    deadline = time.monotonic() + timeout
    while True:
        # Short words are bound to the next by no-break spaces (Typography): read as spaces.
        text = r.text().replace("\xa0", " ")
        if "Идёт проверка" not in text and "Идёт загрузка" not in text:
            return text
        if time.monotonic() > deadline:
            r.check(False, f"import: {what} did not finish within {timeout:.0f} s")
            return text
        time.sleep(0.5)


def run(r) -> None:
    before = r.query("SELECT count(*) FROM import_log")[0][0]
    source = r.work / "штат-ноябрь.csv"
    write_cp1251(source, [HEADER] + ROWS)
    r.log_in("specialist")
    status = r.open("/imports")
    r.check(status == 200, f"import: /imports answered {status}")
    r.axe("working day: the import page")
    r.fill({"kind": "определить по заголовкам", "file": str(source)})
    status = r.submit(button="Проверить файл")
    r.check(status == 200, f"import: the upload answered {status}")
    text = wait_done(r, "the check")
    r.check("не выполнен: 2 ошибки в 2 строках" in text, f"import: the check does not report two errors: {text[:400]!r}")
    for line, column, value in (("3", "Дата рождения", "31.02.1980"), ("5", "Код ОО", "НЕТ-ТАКОЙ")):
        r.check(f"{line}\t{column}\t{value}\t" in text, f"import: no error row {line}, «{column}», {value}")
    r.axe("working day: the checked import")
    r.console("working day: the checked import")
    r.check(r.query("SELECT count(*) FROM staff WHERE staff_id LIKE 'BD-%'") == [(0,)],
            "import: the check wrote people")

    # The rejected rows, as the CLI's --rejects writes them: Windows-1251, semicolons.
    downloaded = {p.name for p in r.downloads.iterdir()}
    r.driver.execute_script("document.querySelector('a[href$=\"/rejects\"]').click()")
    rejects = r.wait_download(".csv", downloaded)
    if not r.check(rejects is not None, "import: the rejects file was not downloaded"):
        return
    rejected = list(csv.reader(io.StringIO(rejects.read_bytes().decode("cp1251")), delimiter=";"))
    r.check(rejected[0] == HEADER + ["Ошибки"], f"import: the rejects header is {rejected[0]}")
    r.check([row[0] for row in rejected[1:]] == ["BD-2", "BD-4"], f"import: the rejected rows are {rejected[1:]}")

    # Fixed as a user fixes them: the rejected rows corrected, the error column dropped, the good rows kept.
    fixed_rows = {row[0]: [FIXES.get(cell, cell) for cell in row[:len(HEADER)]] for row in rejected[1:]}
    fixed = r.work / "штат-ноябрь-исправленный.csv"
    write_cp1251(fixed, [HEADER] + [fixed_rows.get(row[0], row) for row in ROWS])
    r.open("/imports")
    r.fill({"file": str(fixed)})
    r.submit(button="Проверить файл")
    text = wait_done(r, "the check of the fixed file")
    r.check("будет добавлено 4, изменено 0, без изменений 0" in text,
            f"import: the fixed file's check says {text[:400]!r}")
    status = r.submit(button="Загрузить")
    r.check(status == 200, f"import: «Загрузить» answered {status}")
    text = wait_done(r, "the import")
    r.check("добавлено 4, изменено 0, без изменений 0" in text, f"import: the import says {text[:400]!r}")
    r.axe("working day: the imported file")

    r.open("/imports")
    r.check("штат-ноябрь-исправленный.csv" in r.text(), "import: the import log does not list the file")
    logged = r.query("SELECT file_name, imported_by, added FROM import_log ORDER BY id DESC LIMIT 1")
    r.check(r.query("SELECT count(*) FROM import_log")[0][0] == before + 1, "import: the log has not one new entry")
    r.check(bool(logged) and logged[0][0] == "штат-ноябрь-исправленный.csv" and "Проверочный specialist" in logged[0][1]
            and logged[0][2] == 4, f"import: the import log holds {logged}")
    people = r.query("SELECT staff_id, birth_date FROM staff WHERE staff_id LIKE 'BD-%' ORDER BY staff_id")
    r.check([p[0] for p in people] == ["BD-1", "BD-2", "BD-3", "BD-4"], f"import: the database holds {people}")
