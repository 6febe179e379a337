"""Working day, the diagnostics: the methodologist sets an instrument's thresholds (a number
that is none refused first) and records an observed lesson with a deficit; the database holds
both once, under the methodologist's name."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode


def run(r) -> None:
    instruments = r.query("SELECT DISTINCT instrument FROM diagnostic_campaign ORDER BY id LIMIT 1")
    instrument = instruments[0][0] if instruments else "*"
    r.log_in("methodologist")
    status = r.open("/diagnostics/thresholds?" + urlencode({"instrument": instrument}))
    r.check(status == 200, f"diagnostics: the thresholds page answered {status}")
    r.fill({"threshold-subject": "двенадцать", "max-subject": "30"})
    status = r.submit()
    r.check(status == 422, f"diagnostics: a threshold that is no number answered {status}, not 422")
    r.check("не число" in r.text(), "diagnostics: no error beside the threshold")
    r.fill({"threshold-subject": "12,5", "max-subject": "30"})
    status = r.submit()
    r.check(status == 200, f"diagnostics: saving the thresholds answered {status}")
    r.check("сохранены" in r.text(), "diagnostics: no confirmation of the thresholds")
    r.axe("working day: the thresholds")
    r.console("working day: the thresholds")
    saved = r.query(
        "SELECT threshold, max_score FROM competence_threshold WHERE instrument = ? AND competence = 'subject'",
        instrument)
    r.check(saved == [(12.5, 30.0)], f"diagnostics: the subject threshold is {saved}, not 12,5 of 30")
    logged = r.query(
        "SELECT actor FROM audit_log WHERE table_name = 'competence_threshold' ORDER BY id DESC LIMIT 1")
    r.check(bool(logged) and "Проверочный methodologist" in logged[0][0],
            f"diagnostics: the audit log names {logged}, not the methodologist")

    teacher = r.query("SELECT staff_id FROM staff WHERE staff_id IS NOT NULL ORDER BY id LIMIT 1")[0][0]
    status = r.open("/observations")
    r.check(status == 200, f"observations: the page answered {status}")
    form = "main form[action='/observations'][method=post]"
    today = date.today().strftime("%d.%m.%Y")
    r.fill({"staff": teacher, "date": "31.02.2026", "observer": "Петрова Анна Ивановна"}, form=form)
    status = r.submit(form=form)
    r.check(status == 422, f"observations: 31.02.2026 answered {status}, not 422")
    r.check("не дата" in r.text(), "observations: no error beside the date")
    r.fill({"date": today, "class": "7А", "subject": "математика", "scores": "целеполагание=2",
            "deficits": "формирующее оценивание"}, form=form)
    status = r.submit(form=form)
    r.check(status == 200, f"observations: recording the lesson answered {status}")
    r.check("Урок записан" in r.text() or "Запись об уроке обновлена" in r.text(),
            "observations: no confirmation of the lesson")
    rows = r.query(
        "SELECT count(*) FROM main.lesson_observation o JOIN staff s ON s.id = o.staff_id"
        " WHERE s.staff_id = ? AND o.date = ?", teacher, date.today().isoformat())
    r.check(rows == [(1,)], f"observations: the lesson is in the database {rows} times, not once")
