"""Working day, the plans: the methodologist generates one school's plans for the school year,
opens a plan, marks an item done with its evidence (first without it: refused beside the field)
and sees it done; the database holds the mark once, under the methodologist's name."""

from __future__ import annotations

import datetime

SCHOOL = "SV010"


def school_year(today: datetime.date) -> str:
    first = today.year if today.month >= 9 else today.year - 1
    return f"{first}/{str(first + 1)[-2:]}"


def run(r) -> None:
    today = datetime.date.today()
    year = school_year(today)
    r.log_in("methodologist")
    status = r.open("/plans")
    r.check(status == 200, f"plans: /plans answered {status}")
    generate = "main form[action='/plans/generate']"
    r.fill({"year": year, "school": SCHOOL}, form=generate)
    status = r.submit(form=generate)
    r.check(status == 200, f"plans: generating answered {status}")
    r.check(f"Планы на {year} учебный год (школа {SCHOOL})" in r.text(),
            "plans: no confirmation with the counts after generating")
    rows = r.query("""
        SELECT p.id, i.id FROM development_plan p JOIN staff st ON st.id = p.staff_id
        JOIN school s ON s.id = st.school_id JOIN plan_item i ON i.plan_id = p.id
        WHERE s.code = ? AND p.school_year = ? AND p.superseded_by IS NULL AND i.status = 'planned'
        ORDER BY p.id, i.position LIMIT 1""", SCHOOL, year)
    if not r.check(bool(rows), f"plans: no plan with an open item for {SCHOOL} after generating"):
        return
    plan, item = rows[0]
    status = r.open(f"/plans/{plan}")
    r.check(status == 200, f"plans: /plans/{plan} answered {status}")
    r.axe("working day: a plan")
    status = r.open(f"/plans/{plan}/items/{item}")
    r.check(status == 200, f"plans: /plans/{plan}/items/{item} answered {status}")
    mark = f"main form[action='/plans/{plan}/items/{item}/status']"
    day = today.strftime("%d.%m.%Y")
    # Done without its evidence: refused beside the field, nothing written.
    r.fill({"status": "выполнено", "date": day, "evidence": ""}, form=mark)
    status = r.submit(form=mark)
    r.check(status == 422, f"plans: a mark without evidence answered {status}, not 422")
    r.check("укажите подтверждение" in r.text(), "plans: no error beside «Подтверждение»")
    evidence = "Удостоверение № 512 от 01.12.2026"
    r.fill({"status": "выполнено", "date": day, "evidence": evidence}, form=mark)
    status = r.submit(form=mark)
    r.check(status == 200, f"plans: the mark answered {status}")
    text = r.text()
    r.check(f"Сохранено: пункт № {item}" in text, "plans: no confirmation of the mark")
    r.check(evidence in text, "plans: the plan does not show the evidence")
    r.axe("working day: the marked plan")
    r.console("working day: the marked plan")
    saved = r.query("SELECT status, evidence FROM plan_item WHERE id = ?", item)
    r.check(saved == [("done", evidence)], f"plans: the item in the database is {saved}")
    logged = r.query(
        "SELECT actor FROM audit_log WHERE table_name = 'plan_item' AND row_key = ? ORDER BY id DESC LIMIT 1",
        f"№ {item}")
    r.check(bool(logged) and "Проверочный methodologist" in logged[0][0],
            f"plans: the audit log names {logged}, not the methodologist")
