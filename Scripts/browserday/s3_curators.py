"""Working day, the curators: the specialist takes the suggestion, records its pairs with the
order's number and date (a missing number is refused first), reads the confirmation, and
downloads the order as DOCX, which python-docx opens and finds every recorded school in."""

from __future__ import annotations

ORDER = "Приказ от 01.12.2026 № 45"
FORM = "main form[action='/curators/assign']"


def run(r) -> None:
    from selenium.webdriver.common.by import By

    r.log_in("specialist")
    status = r.open("/curators/suggestions")
    r.check(status == 200, f"curators: /curators/suggestions answered {status}")
    if not r.check("Записать назначения" in r.text(), "curators: the suggestion has no form «Записать назначения»"):
        return
    # Without the order's number: refused beside the field, nothing written.
    r.fill({"number": "", "date": "01.12.2026"}, form=FORM)
    status = r.submit(form=FORM)
    r.check(status == 422, f"curators: a record without the order's number answered {status}, not 422")
    r.check("укажите номер приказа" in r.text(), "curators: no error beside «Номер приказа»")
    r.fill({"number": "45", "date": "01.12.2026"}, form=FORM)
    status = r.submit(form=FORM)
    r.check(status == 200, f"curators: recording the pairs answered {status}")
    text = r.text()
    r.check("Назначения кураторов записаны:" in text and "приказ № 45 от 01.12.2026" in text,
            "curators: no confirmation naming the pairs and the order")
    r.axe("working day: the recorded curators")
    r.console("working day: the recorded curators")
    recorded = r.query("""
        SELECT s.name, c.name FROM curator_pairing p JOIN school s ON s.id = p.school_id
        JOIN school c ON c.id = p.curator_school_id WHERE p.until IS NULL AND p.order_ref = ?""", ORDER)
    r.check(bool(recorded), "curators: no pair in the database carries the order")
    r.check(f"записаны: {len(recorded)} " in text,
            f"curators: the confirmation does not say {len(recorded)} pairs: {text[:300]!r}")
    logged = r.query("SELECT DISTINCT actor FROM audit_log WHERE table_name = 'curator_pairing' "
                     "AND command = 'веб: назначение кураторов'")
    r.check(len(logged) == 1 and "Проверочный specialist" in logged[0][0],
            f"curators: the audit log names {logged}, not the specialist")
    # The order, as DOCX, with the number and the date just recorded.
    before = {p.name for p in r.downloads.iterdir()}
    links = r.driver.find_elements(By.CSS_SELECTOR, "main a[href*='/curators/order'][href*='format=docx']")
    if not r.check(bool(links), "curators: no DOCX link to the order"):
        return
    r.check("number=45" in links[0].get_attribute("href"), "curators: the order's link does not carry its number")
    links[0].click()
    path = r.wait_download(".docx", before)
    if path is None:
        return
    import docx
    try:
        document = docx.Document(str(path))
    except Exception as error:  # noqa: BLE001 — any reason the document does not open is the failure
        r.fail(f"curators: python-docx cannot open {path.name}: {error}")
        return
    words = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            words += [cell.text for cell in row.cells]
    # The document binds «№» to its number with a no-break space (Typography).
    body = "\n".join(words).replace("\u00a0", " ")
    missing = sorted({name for pair in recorded for name in pair if name not in body})
    r.check(not missing, f"curators: the order lacks the schools {missing[:5]}")
    r.check("45" in body and "01.12.2026" in body, "curators: the order does not name its number and date")
