"""Working day, mentoring: the methodologist takes a suggested pair through the suggestions'
form, opens the pair and logs a meeting; the database holds the pair and the meeting once,
under the methodologist's name."""

from __future__ import annotations

import datetime
import json


def run(r) -> None:
    suggested = r.cli("mentoring", "suggest", "--format", "json")
    if not r.check(suggested.returncode == 0, f"mentoring: mentoring suggest failed: {suggested.stderr}"):
        return
    rows = [row for row in json.loads(suggested.stdout) if row.get("mentor_id")]
    if not r.check(bool(rows), "mentoring: nobody is suggested a mentor"):
        return
    mentee, mentor = rows[0]["mentee_id"], rows[0]["mentor_id"]
    r.log_in("methodologist")
    status = r.open("/mentoring/suggestions")
    r.check(status == 200, f"mentoring: /mentoring/suggestions answered {status}")
    assign = "main form[action='/mentoring/suggestions/assign']"
    day = datetime.date.today().strftime("%d.%m.%Y")
    r.fill({f"pair-{mentee}": "закрепить", "start": day, "goal": "адаптация в школе"}, form=assign)
    status = r.submit(form=assign)
    r.check(status == 200, f"mentoring: taking the pair answered {status}")
    r.check("Закреплено пар: 1" in r.text(), "mentoring: no confirmation of the pair taken")
    pairs = r.query("""
        SELECT m.id FROM mentorship m JOIN staff a ON a.id = m.mentor_id JOIN staff b ON b.id = m.mentee_id
        WHERE a.staff_id = ? AND b.staff_id = ?""", mentor, mentee)
    if not r.check(len(pairs) == 1, f"mentoring: the pair {mentor} → {mentee} is in the database {len(pairs)} times"):
        return
    pair = pairs[0][0]
    status = r.open(f"/mentoring/pairs/{pair}")
    r.check(status == 200, f"mentoring: /mentoring/pairs/{pair} answered {status}")
    meeting = f"main form[action='/mentoring/pairs/{pair}/meetings']"
    r.fill({"date": day, "topic": "Знакомство, план работы", "note": "посетили урок наставника"}, form=meeting)
    status = r.submit(form=meeting)
    r.check(status == 200, f"mentoring: logging the meeting answered {status}")
    text = r.text()
    r.check("Встреча записана" in text, "mentoring: no confirmation of the meeting")
    r.check("Знакомство, план работы" in text, "mentoring: the pair's page does not list the meeting")
    r.axe("working day: a mentoring pair")
    r.console("working day: a mentoring pair")
    saved = r.query("SELECT topic FROM mentoring_meeting WHERE mentorship_id = ?", pair)
    r.check(saved == [("Знакомство, план работы",)], f"mentoring: the pair's meetings in the database are {saved}")
    logged = r.query(
        "SELECT actor FROM audit_log WHERE table_name = 'mentoring_meeting' ORDER BY id DESC LIMIT 1")
    r.check(bool(logged) and "Проверочный methodologist" in logged[0][0],
            f"mentoring: the audit log names {logged}, not the methodologist")
