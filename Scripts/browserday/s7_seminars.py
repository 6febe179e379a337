"""Working day, the seminars: the methodologist plans a seminar for a deficit from the planner's
proposal, saves it as events (a bad field refused first), changes the start time, downloads the
invitation, ticks who came on the list of the invited, and sees the 30 % coverage on the
dashboard go up — the figure read before and after."""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import urlencode

TOPIC = "мотивация обучающихся"
LABEL = "мастер-классы"


def coverage(r) -> int | None:
    """The dashboard's count of workers covered by the 30 % line's events («N из M»)."""
    status = r.open("/")
    r.check(status == 200, f"seminars: the dashboard answered {status}")
    tile = r.driver.execute_script(
        "const li = [...document.querySelectorAll('li.figure')].find(e => e.innerText.includes(arguments[0]));"
        " return li ? li.innerText : null;", LABEL)
    found = re.search(r"(\d+) из (\d+)", tile or "")
    r.check(found is not None, f"seminars: no coverage tile «{LABEL}» on the dashboard: {tile!r}")
    return int(found.group(1)) if found else None


def run(r) -> None:
    # Past days of this school year: attendance is ticked only once an event has taken place.
    start, end = date.today() - timedelta(days=20), date.today() - timedelta(days=1)
    first, last = start.strftime("%d.%m.%Y"), end.strftime("%d.%m.%Y")
    r.log_in("methodologist")
    before = coverage(r)
    newest = r.query("SELECT coalesce(max(id), 0) FROM event")[0][0]
    status = r.open("/seminars/plan?" + urlencode({"topic": TOPIC, "from": first, "to": last, "capacity": "15"}))
    r.check(status == 200, f"seminars: the proposal answered {status}")
    r.check("Сохранить как мероприятия" in r.text(), "seminars: the proposal has no form to save it")
    # A bad group size: refused beside the field, nothing saved.
    r.fill({"capacity": "0"})
    status = r.submit()
    r.check(status == 422, f"seminars: a group of 0 answered {status}, not 422")
    r.check("не число от 1 до 1000" in r.text(), "seminars: no error beside «Участников в группе»")
    r.check(r.query("SELECT count(*) FROM event WHERE id > ?", newest) == [(0,)], "seminars: a refused plan saved events")
    r.fill({"capacity": "15"})
    status = r.submit()
    r.check(status == 200, f"seminars: saving the plan answered {status}")
    r.check("Сохранено мероприятий" in r.text(), "seminars: no confirmation of the saved events")
    events = r.query("SELECT id FROM event WHERE id > ? ORDER BY date, id", newest)
    if not r.check(bool(events), "seminars: the plan saved no event"):
        return
    event = events[0][0]
    r.axe("working day: a saved seminar")
    r.console("working day: a saved seminar")
    # The start time moved.
    status = r.open(f"/seminars/{event}")
    r.fill({"time": "15:30"}, form=f"main form[action='/seminars/{event}/schedule']")
    status = r.submit(form=f"main form[action='/seminars/{event}/schedule']")
    r.check(status == 200, f"seminars: changing the time answered {status}")
    r.check(r.query("SELECT start_time FROM event WHERE id = ?", event) == [("15:30",)],
            "seminars: the start time was not saved")
    # The invitation, as the CLI's renderer makes it.
    before_files = {p.name for p in r.downloads.glob("*.docx")}
    r.find(f"a[href='/seminars/{event}/invitation?format=docx']").click()
    r.wait_download(".docx", before_files)
    # Everyone invited came.
    invited = [row[0] for row in r.query(
        "SELECT s.staff_id FROM event_participant p JOIN staff s ON s.id = p.staff_id"
        " WHERE p.event_id = ? AND s.staff_id IS NOT NULL", event)]
    status = r.open(f"/seminars/{event}")
    form = f"main form[action='/seminars/{event}/attendance']"
    r.fill({f"present-{staff}": "1" for staff in invited}, form=form)
    status = r.submit(form=form)
    r.check(status == 200, f"seminars: the attendance answered {status}")
    r.check(f"Посещаемость мероприятия № {event} записана" in r.text(), "seminars: no confirmation of the attendance")
    came = r.query("SELECT count(*) FROM event_participant WHERE event_id = ? AND attended = 1", event)
    r.check(came == [(len(invited),)], f"seminars: {came} recorded as present, not {len(invited)}")
    logged = r.query(
        "SELECT DISTINCT actor FROM audit_log WHERE table_name = 'event_participant' AND row_key = ?", str(event))
    r.check(bool(logged) and all("Проверочный methodologist" in a for (a,) in logged),
            f"seminars: the audit log names {logged}, not the methodologist")
    after = coverage(r)
    r.check(before is not None and after is not None and after > before,
            f"seminars: the dashboard's coverage went from {before} to {after}, not up")
