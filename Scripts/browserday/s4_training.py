"""Working day, training: the specialist records a completed course with its certificate on a
teacher's card (a missing certificate is refused first); the card then shows it, and the
database and the audit log hold it under the specialist's name."""

from __future__ import annotations

CERTIFICATE = "772400054321"
FORM = "main form[action$='/training/complete']"


def run(r) -> None:
    from selenium.webdriver.common.by import By

    people = r.query("""
        SELECT staff_id FROM staff WHERE staff_id IS NOT NULL AND position_kind = 'pedagogical'
        AND forgotten_at IS NULL ORDER BY staff_id LIMIT 1""")
    # A catalogue course that has ended by the demo's date, with a start: one can complete it.
    courses = r.query("""
        SELECT code, end_date FROM course WHERE code IS NOT NULL AND external = 0 AND start_date IS NOT NULL
        AND end_date < '2026-11-22' ORDER BY end_date DESC LIMIT 1""")
    if not r.check(bool(people) and bool(courses), "training: the demo has no teacher or no ended course"):
        return
    person, (code, end) = people[0][0], courses[0]
    y, m, d = end.split("-")
    end_text = f"{d}.{m}.{y}"
    r.log_in("specialist")
    status = r.open(f"/staff/{person}")
    r.check(status == 200, f"training: /staff/{person} answered {status}")
    if not r.check("Завершить обучение" in r.text(), "training: the card has no form «Завершить обучение»"):
        return
    r.fill({"course": code, "end": end_text, "certificate": ""}, form=FORM)
    status = r.submit(form=FORM)
    r.check(status == 422, f"training: a completion without the certificate answered {status}, not 422")
    r.check("укажите номер удостоверения" in r.text(), "training: no error beside «Номер удостоверения»")
    r.fill({"course": code, "end": end_text, "certificate": CERTIFICATE}, form=FORM)
    status = r.submit(form=FORM)
    r.check(status == 200, f"training: the completion answered {status}")
    r.check(f"удостоверение № {CERTIFICATE}" in r.text(), "training: no confirmation naming the certificate")
    cells = [c.text for c in r.driver.find_elements(By.CSS_SELECTOR, "main table td")]
    r.check(CERTIFICATE in cells, "training: the card's table does not show the certificate")
    r.axe("working day: the completed training")
    r.console("working day: the completed training")
    saved = r.query("""
        SELECT count(*) FROM training t JOIN staff s ON s.id = t.staff_id JOIN course c ON c.id = t.course_id
        WHERE s.staff_id = ? AND c.code = ? AND t.status = 'completed' AND t.certificate = ?""",
                    person, code, CERTIFICATE)
    r.check(saved == [(1,)], f"training: the completion is in the database {saved} times, not once")
    logged = r.query("SELECT DISTINCT actor FROM audit_log WHERE table_name = 'training' AND command = ?",
                     f"веб: завершение КПК {person}")
    r.check(len(logged) == 1 and "Проверочный specialist" in logged[0][0],
            f"training: the audit log names {logged}, not the specialist")
