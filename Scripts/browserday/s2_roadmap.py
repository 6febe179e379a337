"""Working day, the roadmap: the specialist marks an overdue term done with its evidence through
the term's form, the scanned order attached as a PDF; the page says so, the history shows it
under the specialist's name and lists the file, the file downloads back byte for byte, and the
database holds the mark and the file once."""

from __future__ import annotations

import hashlib


def minimal_pdf() -> bytes:
    """A one-page PDF a reader opens: its objects, the cross-reference table with their byte
    offsets, and the trailer (ISO 32000-1, 7.5)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def run(r) -> None:
    rows = r.query("""
        SELECT o.id FROM activity_occurrence o JOIN activity a ON a.id = o.activity_id
        WHERE o.status = 'planned' AND o.end_date < '2026-11-22' ORDER BY o.end_date, o.id LIMIT 1""")
    if not r.check(bool(rows), "roadmap: the demo has no overdue planned term to mark"):
        return
    term = rows[0][0]
    r.log_in("specialist")
    status = r.open(f"/roadmap/occurrences/{term}")
    r.check(status == 200, f"roadmap: /roadmap/occurrences/{term} answered {status}")
    # Done without its evidence: refused beside the field, nothing written.
    r.fill({"status": "выполнено", "date": "20.11.2026", "evidence": ""})
    status = r.submit()
    r.check(status == 422, f"roadmap: a mark without evidence answered {status}, not 422")
    r.check("документ-основание" in r.text().lower(), "roadmap: no error beside «Документ-основание»")
    pdf = minimal_pdf()
    scan = r.work / "prikaz-301.pdf"
    scan.write_bytes(pdf)
    r.fill({"status": "выполнено", "date": "20.11.2026", "evidence": "Приказ № 301 от 20.11.2026",
            "file": str(scan)})
    status = r.submit()
    r.check(status == 200, f"roadmap: the mark answered {status}")
    r.check("Приказ № 301 от 20.11.2026" in r.text(), "roadmap: the term's history does not show the evidence")
    r.check("приложен файл «prikaz-301.pdf»" in r.text(), "roadmap: the confirmation does not name the file")
    stored = r.query("SELECT id, sha256, content_type FROM evidence_file WHERE occurrence_id = ?", term)
    r.check(len(stored) == 1 and stored[0][1] == hashlib.sha256(pdf).hexdigest()
            and stored[0][2] == "application/pdf", f"roadmap: the file in the database is {stored}")
    # The history lists the file; its link downloads it back as it was sent.
    from selenium.webdriver.common.by import By
    before = {p.name for p in r.downloads.glob("*")}
    links = r.driver.find_elements(By.LINK_TEXT, "prikaz-301.pdf")
    if r.check(bool(links), "roadmap: the term's page has no link to the file"):
        links[0].click()
        downloaded = r.wait_download(".pdf", before)
        r.check(downloaded is not None and downloaded.read_bytes() == pdf,
                "roadmap: the downloaded file differs from the one attached")
    r.axe("working day: the marked term")
    r.console("working day: the marked term")
    saved = r.query(
        "SELECT count(*) FROM occurrence_status_change WHERE occurrence_id = ? AND evidence = ?",
        term, "Приказ № 301 от 20.11.2026")
    r.check(saved == [(1,)], f"roadmap: the mark is in the database {saved} times, not once")
    logged = r.query(
        "SELECT actor FROM audit_log WHERE table_name = 'occurrence_status_change' ORDER BY id DESC LIMIT 1")
    r.check(bool(logged) and "Проверочный specialist" in logged[0][0],
            f"roadmap: the audit log names {logged}, not the specialist")
