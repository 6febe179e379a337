"""Working day, the roadmap: the specialist marks an overdue term done with its evidence through
the term's form; the page says so, the history shows it under the specialist's name, and the
database holds it once."""

from __future__ import annotations


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
    r.fill({"status": "выполнено", "date": "20.11.2026", "evidence": "Приказ № 301 от 20.11.2026"})
    status = r.submit()
    r.check(status == 200, f"roadmap: the mark answered {status}")
    r.check("Приказ № 301 от 20.11.2026" in r.text(), "roadmap: the term's history does not show the evidence")
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
