"""Working day, the diagnostics: the methodologist sets an instrument's thresholds (a number
that is none refused first) and records an observed lesson with a deficit; the database holds
both once, under the methodologist's name."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote, urlencode


def attempts(r, label: str, form: str, tries: list[tuple[dict[str, str], int, str]]) -> None:
    """Fills and submits `form` once per try: the status and a text each answer must show (a
    refusal beside its field first, then the save's confirmation)."""
    for values, expected, shown in tries:
        r.fill(values, form=form)
        status = r.submit(form=form)
        r.check(status == expected and shown in r.text(),
                f"{label}: {values} answered {status} without «{shown}», not {expected}")


def run(r) -> None:
    instruments = r.query("SELECT DISTINCT instrument FROM diagnostic_campaign ORDER BY id LIMIT 1")
    instrument = instruments[0][0] if instruments else "*"
    r.log_in("methodologist")
    status = r.open("/diagnostics/thresholds?" + urlencode({"instrument": instrument}, quote_via=quote))
    r.check(status == 200, f"diagnostics: the thresholds page answered {status}")
    attempts(r, "diagnostics: the thresholds", "main form[method=post]", [
        ({"threshold-subject": "двенадцать", "max-subject": "30"}, 422, "не число"),
        ({"threshold-subject": "12,5", "max-subject": "30"}, 200, "сохранены"),
    ])
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
    attempts(r, "observations: the lesson", form, [
        ({"staff": teacher, "date": "31.02.2026", "observer": "Петрова Анна Ивановна"}, 422, "не дата"),
        ({"date": today, "class": "7А", "subject": "математика", "scores": "целеполагание=2",
          "deficits": "формирующее оценивание"}, 200, "Урок записан"),
    ])
    rows = r.query(
        "SELECT count(*) FROM main.lesson_observation o JOIN staff s ON s.id = o.staff_id"
        " WHERE s.staff_id = ? AND o.date = ?", teacher, date.today().isoformat())
    r.check(rows == [(1,)], f"observations: the lesson is in the database {rows} times, not once")
