#!/usr/bin/env python3
"""The web interface in a real browser (issue 19): headless Chromium driven by Selenium.

Run by Scripts/browser-test, which builds `nastavnik`, makes a fresh demo database with one
account per role, starts `nastavnik serve` and passes its address here. For each role this
logs in through the form, opens every page of the tables below, checks what each must show,
checks the refusals (403), downloads a list as XLSX and reads it with openpyxl, runs axe-core
on every page (serious or critical violations fail), saves screenshots under out/screens/, and
logs out. Exit status 1 on any failure, each printed.

To cover a new page, add a row to PAGES (and, where a role must be refused, to FORBIDDEN).

Then a department's working day (issue 20): the steps in Scripts/browserday/, each a module with
`run(r: Run)`, run in the order of their file names (`s1_…`, `s2_…`), on the same server and
database, each starting logged out. A step changes data through the forms as a user would and
checks the result on the pages, in downloads and, where the page cannot tell, in the database
(`r.db`, read-only through sqlite3) or with the command line (`r.cli(...)`).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# The data: what every role opens and what each page must show. Figures and names come from the
# demo (Seeds/demo, loaded as of 22.11.2026). Extend these tables as pages are added.
# ---------------------------------------------------------------------------------------------

#: The accounts Scripts/browser-test creates (login = "bt-" + role); the password is passed in.
ROLES = ["admin", "specialist", "methodologist", "viewer", "school"]
#: The roles that read the whole municipality.
READERS = ["admin", "specialist", "methodologist", "viewer"]
#: The school of the `school` account and another school it must not see.
OWN_SCHOOL = "SV010"
OTHER_SCHOOL = "SV002"
#: A person of the own school (its director) and one of another school (SV001's director).
OWN_PERSON = "SV-0445"
OTHER_PERSON = "SV-0001"


@dataclass
class Page:
    """A page to open: its name (for the screenshot), address, who opens it, what it must show."""

    name: str
    path: str
    roles: list[str]
    #: Texts the page's visible text must contain (a heading, a figure, a school's name).
    shows: list[str]
    #: The text of its <h1>.
    heading: str | None
    #: Saved as out/screens/<role>-<name>.png (main pages; the rest are only checked).
    screenshot: bool = True
    #: Being built in another branch: a 404 is reported as "not yet" instead of failing. Once the
    #: page exists it is checked in full (status, heading, texts, axe-core, screenshot); drop the
    #: flag when it is merged.
    pending: bool = False


PAGES: list[Page] = [
    Page("dashboard", "/", READERS, ["Школы", "Повышение квалификации за 3 года", "34"], "Обзор муниципалитета"),
    Page(
        "schools", "/schools", READERS,
        ["МБОУ «Светлореченская СОШ № 1»", "МАОУ «Лицей № 2 г. Светлореченска»", "Скачать XLSX"], "Школы",
    ),
    Page(
        "schools-nor", "/schools?status=НОР", READERS, ["МБОУ «Заречная СОШ № 2»"], "Школы", screenshot=False,
    ),
    Page("school", f"/schools/{OWN_SCHOOL}", READERS + ["school"], [f"Код ОО {OWN_SCHOOL}", "НОР"],
         "МБОУ «Заречная СОШ № 2»"),
    Page("other-school", f"/schools/{OTHER_SCHOOL}", READERS, [f"Код ОО {OTHER_SCHOOL}"],
         "МБОУ «Светлореченская СОШ № 2»", screenshot=False),
    # A school's account starts at its own school's card.
    Page("home", "/", ["school"], [f"Код ОО {OWN_SCHOOL}"], "МБОУ «Заречная СОШ № 2»", screenshot=False),
    Page("staff", "/staff", READERS + ["school"], ["Найдено:", "Срок КПК истёк"], None),
    Page("staff-search", "/staff?q=Иванов", READERS, ["Иванов"], "Работники", screenshot=False),
    Page("person", f"/staff/{OWN_PERSON}", READERS + ["school"], ["Вишневская Антонина Геннадьевна",
         "Повышение квалификации", "Аттестация"], "Вишневская Антонина Геннадьевна"),
    Page("roadmap", "/roadmap", READERS + ["school"], [], "Дорожная карта"),
    Page("training", "/training", READERS, ["Правило"], "Повышение квалификации"),
    Page("diagnostics", "/diagnostics", READERS, [], "Диагностика профессиональных дефицитов"),
    Page("plans", "/plans", READERS + ["school"], [], "Индивидуальные планы профессионального развития"),
    Page("mentoring", "/mentoring", READERS, [], "Наставничество"),
    Page("seminars", "/seminars", READERS, [], "Семинары и мероприятия"),
    Page("coverage", "/seminars/coverage", READERS, ["30"], "Охват методическими мероприятиями",
         screenshot=False),
    Page("classification", "/classification", READERS, [], "Классификация школ"),
    Page("curators", "/curators", READERS, [], "Школы-кураторы"),
    Page("indicators", "/indicators", READERS, [], "Целевые показатели по кадрам"),
    Page("risks", "/risks", READERS, ["Ф10"], "Рисковые профили школ («500+»)"),
    Page("reports", "/reports", READERS, [], "Отчёты", screenshot=False),
    Page("audit", "/audit", ["admin"], [], "Журнал изменений"),
    Page("users", "/admin/users", ["admin"], ["bt-admin"], "Пользователи", screenshot=False),
]

#: (role, address): the role must get 403 and the Russian refusal page.
FORBIDDEN: list[tuple[str, str]] = [
    ("school", "/schools"),
    ("school", f"/schools/{OTHER_SCHOOL}"),
    ("school", "/schools?format=xlsx"),
    ("school", f"/staff/{OTHER_PERSON}"),
    ("school", "/training"),
    ("specialist", "/audit"),
    ("viewer", "/audit"),
    ("methodologist", "/admin/users"),
]
#: The same for pages still being built (a 404 is reported as "not yet").
FORBIDDEN_PENDING: list[tuple[str, str]] = []


@dataclass
class Workbook:
    """A list downloaded by clicking its link, then read with openpyxl."""

    role: str
    page: str
    link: str
    #: Texts the header row must contain, and cells one data row must hold.
    header: list[str]
    row: list[str]


DOWNLOADS: list[Workbook] = [
    Workbook("specialist", "/schools", "Скачать XLSX", ["Код ОО", "Наименование"],
             [OWN_SCHOOL, "МБОУ «Заречная СОШ № 2»"]),
    Workbook("school", "/staff", "Скачать XLSX", ["Табельный номер", "ФИО"],
             [OWN_PERSON, "Вишневская Антонина Геннадьевна"]),
]

#: (role, page name): also shown at a phone's width (390×844), saved as <role>-<name>-phone.png.
PHONE: list[tuple[str, str]] = [("specialist", "dashboard")]

DESKTOP = (1366, 900)
PHONE_SIZE = (390, 844)
#: Console messages that are not failures (none: the site serves its icon too).
CONSOLE_IGNORED: list[str] = []
#: axe-core impacts that fail the test (the others are printed as notes).
FAILING_IMPACTS = {"serious", "critical"}
TIMEOUT = 20
#: Seconds axe-core's run on a page may take.
AXE_TIMEOUT = 180

# ---------------------------------------------------------------------------------------------

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import TimeoutException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from axe_selenium_python import Axe  # noqa: E402
import openpyxl  # noqa: E402


@dataclass
class Run:
    base: str
    password: str
    screens: Path
    downloads: Path
    driver: webdriver.Chrome
    failures: list[str] = field(default_factory=list)
    checked: int = 0
    notes: dict[str, int] = field(default_factory=dict)
    axe_version: str = ""
    #: Pages of the tables that answered 404: not built yet.
    pending: set[str] = field(default_factory=set)
    #: (page, a school's account?) already run through axe-core.
    audited: set[tuple[str, bool]] = field(default_factory=set)
    #: The server's database (for the working day's checks) and the `nastavnik` it runs.
    db: Path | None = None
    bin: Path | None = None
    #: A scratch directory for the files a step makes (an import's file, its fixed copy).
    work: Path | None = None

    def fail(self, message: str) -> None:
        self.failures.append(message)
        print(f"  НЕ ПРОЙДЕНО: {message}", flush=True)

    def check(self, ok: bool, message: str) -> bool:
        self.checked += 1
        if not ok:
            self.fail(message)
        return ok

    # -- the browser --------------------------------------------------------------------------

    def open(self, path: str) -> int:
        """Opens `path` and returns the HTTP status of the document (after redirects)."""
        self.driver.get_log("browser")  # what the console says from now on is this page's
        self.driver.get(self.base + path)
        WebDriverWait(self.driver, TIMEOUT).until(
            lambda d: d.execute_script("return document.readyState") == "complete")
        return int(self.driver.execute_script(
            "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0;"))

    def console(self, label: str) -> None:
        """Errors in the browser's console since the last look: a script error, a resource that
        did not load, a Content-Security-Policy violation."""
        for entry in self.driver.get_log("browser"):
            message = entry.get("message", "")
            if entry.get("level") == "SEVERE" and not any(i in message for i in CONSOLE_IGNORED):
                self.fail(f"{label}: browser console: {message}")

    def text(self) -> str:
        return self.driver.execute_script("return document.body.innerText")

    def heading(self) -> str:
        headings = self.driver.find_elements(By.TAG_NAME, "h1")
        return headings[0].text.strip() if headings else ""

    def axe(self, label: str) -> None:
        """axe-core on the current page: serious and critical violations fail, the rest are counted."""
        axe = Axe(self.driver)
        axe.inject()
        if not self.axe_version:
            self.axe_version = self.driver.execute_script("return axe.version")
            print(f"  axe-core {self.axe_version}", flush=True)
        # axe-core's run is the one asynchronous script: on the shared two-core machine with
        # builds on both cores the admin's walk ended in a «script timeout» in four runs of five
        # (20 s); axe's own time says nothing of the page, so it gets more.
        self.driver.set_script_timeout(AXE_TIMEOUT)
        try:
            results = axe.run(options="{resultTypes: ['violations']}")
        finally:
            self.driver.set_script_timeout(TIMEOUT)
        self.checked += 1
        for violation in results["violations"]:
            impact = violation.get("impact") or "minor"
            if impact in FAILING_IMPACTS:
                targets = "; ".join(", ".join(map(str, node["target"])) for node in violation["nodes"][:5])
                summary = violation["nodes"][0].get("failureSummary", "").replace("\n", " ")
                self.fail(f"{label}: axe {impact} {violation['id']} — {violation['help']} [{targets}] {summary}")
            else:
                key = f"{violation['id']} ({impact})"
                self.notes[key] = self.notes.get(key, 0) + 1

    def screenshot(self, name: str) -> None:
        path = self.screens / f"{name}.png"
        self.driver.save_screenshot(str(path))

    def phone(self, on: bool) -> None:
        viewport(self.driver, PHONE_SIZE if on else DESKTOP, mobile=on)

    # -- the working day's tools --------------------------------------------------------------

    def find(self, css: str):
        """The one element `css` finds on the page (waiting for it up to TIMEOUT)."""
        return WebDriverWait(self.driver, TIMEOUT).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))

    def fill(self, values: dict[str, str], form: str = "main form[method=post]") -> None:
        """Types `values` into the fields of `form` by their names (a select by its option's text
        or value), as a user would: the field is cleared first."""
        from selenium.webdriver.support.ui import Select
        for name, value in values.items():
            element = self.find(f"{form} [name='{name}']")
            if element.tag_name == "select":
                select = Select(element)
                try:
                    select.select_by_visible_text(value)
                except Exception:
                    select.select_by_value(value)
            elif element.get_attribute("type") == "file":
                element.send_keys(value)
            elif element.get_attribute("type") in ("checkbox", "radio"):
                if element.is_selected() != (value not in ("", "0", "нет")):
                    element.click()
            else:
                element.clear()
                element.send_keys(value)

    def submit(self, form: str = "main form[method=post]", button: str | None = None) -> int:
        """Submits `form` with its button (the one whose text is `button`, else the first) and
        returns the answer's HTTP status once the next page has loaded."""
        buttons = self.driver.find_elements(By.CSS_SELECTOR, f"{form} button[type=submit], {form} input[type=submit]")
        chosen = next((b for b in buttons if button is None or (b.text or b.get_attribute("value")) == button), None)
        if not self.check(chosen is not None, f"no button «{button}» in {form} on {self.driver.current_url}"):
            return 0
        self.driver.get_log("browser")  # what the console says from now on is the answer's
        # The old page is marked and the wait is for a page without the mark. Waiting for the old
        # element to go stale raced the navigation: Chromium may answer a look at a node of the
        # document being replaced with «Node with given id does not belong to the document»
        # (an unknown error, not a stale element), so any error while the page changes means
        # "not yet".
        self.driver.execute_script("window.__browserTestOldPage = true")
        chosen.click()
        WebDriverWait(self.driver, TIMEOUT).until(lambda d: self._answer_loaded(d))
        status = int(self.driver.execute_script(
            "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0;"))
        if status >= 400:
            # The console reports a refused form's status as a resource that failed to load; the
            # caller checks the status itself.
            self.driver.get_log("browser")
        return status

    @staticmethod
    def _answer_loaded(driver) -> bool:
        try:
            return bool(driver.execute_script(
                "return window.__browserTestOldPage !== true && document.readyState === 'complete'"))
        except WebDriverException:
            return False

    def wait_download(self, suffix: str, before: set[str] | None = None, timeout: float = 30) -> Path | None:
        """The newest file ending in `suffix` that Chromium finished downloading (not in `before`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [p for p in self.downloads.glob(f"*{suffix}") if before is None or p.name not in before]
            if found:
                return max(found, key=lambda p: p.stat().st_mtime)
            time.sleep(0.2)
        self.fail(f"no *{suffix} downloaded within {timeout:.0f} s")
        return None

    def query(self, sql: str, *args) -> list[tuple]:
        """Rows of `sql` on the server's database, opened read-only."""
        import sqlite3
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10) as connection:
            return connection.execute(sql, args).fetchall()

    def cli(self, *arguments: str) -> subprocess.CompletedProcess:
        """`nastavnik ARGUMENTS --db <the server's database>`, as a user at the terminal would run it."""
        return subprocess.run([str(self.bin), *arguments, "--db", str(self.db)], capture_output=True, text=True,
                              timeout=300)

    # -- the steps ----------------------------------------------------------------------------

    def log_in(self, role: str) -> bool:
        login = "bt-" + role
        status = self.open("/login")
        self.check(status == 200, f"{role}: /login answered {status}")
        self.axe(f"{role} /login")
        self.driver.find_element(By.ID, "login").send_keys(login)
        self.driver.find_element(By.ID, "password").send_keys(self.password)
        self.driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        try:
            WebDriverWait(self.driver, TIMEOUT).until(lambda d: "/login" not in d.current_url)
            WebDriverWait(self.driver, TIMEOUT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "form.account")))
        except TimeoutException:
            self.fail(f"{role}: logging in as {login} did not leave the login page: {self.text()[:300]!r}")
            return False
        return self.check(f"Проверочный {role}" in self.text(), f"{role}: the header does not name the account")

    def wrong_password(self) -> None:
        self.open("/login")
        self.driver.find_element(By.ID, "login").send_keys("bt-viewer")
        self.driver.find_element(By.ID, "password").send_keys("не тот пароль")
        self.driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        WebDriverWait(self.driver, TIMEOUT).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.error")))
        self.check("/login" in self.driver.current_url, "a wrong password left the login page")
        self.axe("/login with an error")

    def keyboard(self, role: str) -> None:
        """From the top of a page the first Tab shows the skip link, and Enter on it goes to <main>."""
        self.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        active = self.driver.switch_to.active_element
        if not self.check(active.get_attribute("class") == "skip",
                          f"{role}: the first Tab focuses {active.tag_name}.{active.get_attribute('class')}, "
                          "not the skip link"):
            return
        left = self.driver.execute_script("return arguments[0].getBoundingClientRect().left", active)
        self.check(left >= 0, f"{role}: the focused skip link is off the screen ({left} px)")
        active.send_keys(Keys.ENTER)
        WebDriverWait(self.driver, TIMEOUT).until(lambda d: d.current_url.endswith("#main"))

    def log_out(self, role: str) -> None:
        self.driver.find_element(By.CSS_SELECTOR, "form.account button[type=submit]").click()
        try:
            WebDriverWait(self.driver, TIMEOUT).until(lambda d: d.current_url.endswith("/login"))
        except TimeoutException:
            self.fail(f"{role}: «Выйти» did not lead to the login page")
            return
        status = self.open("/schools/" + OWN_SCHOOL)
        self.check("/login" in self.driver.current_url and status == 200,
                   f"{role}: after logging out a card still opens ({self.driver.current_url}, {status})")

    def page(self, role: str, page: Page) -> None:
        label = f"{role} {page.path}"
        status = self.open(page.path)
        if page.pending and status == 404:
            self.pending.add(page.path)
            return
        if not self.check(status == 200, f"{label}: HTTP {status} ({self.heading()!r})"):
            return
        if page.heading is None:
            self.check(self.heading() != "", f"{label}: no <h1>")
        else:
            self.check(self.heading() == page.heading, f"{label}: <h1> is {self.heading()!r}, not {page.heading!r}")
        text = self.text()
        for expected in page.shows:
            self.check(expected in text, f"{label}: the page does not show «{expected}»")
        self.check("Traceback" not in text and "Fatal error" not in text, f"{label}: shows an error trace")
        self.console(label)
        if self.driver.find_elements(By.CSS_SELECTOR, "table.sortable"):
            # site.js ran (served from the bundle, allowed by the Content-Security-Policy): sort buttons.
            self.check(bool(self.driver.find_elements(By.CSS_SELECTOR, "table.sortable th button.sort")),
                       f"{label}: the table has no sort buttons (site.js did not run)")
        # The same page shows the same markup to every role that reads everything: axe-core and the
        # screenshot once for them (the first of READERS, the specialist's screenshot for the
        # README), and once for the school's account, which sees its own school.
        seen = (page.name, role == "school")
        if seen not in self.audited:
            self.audited.add(seen)
            self.axe(label)
        if page.screenshot and role in ("specialist", "school"):
            self.screenshot(f"{role}-{page.name}")
        if (role, page.name) in PHONE:
            self.phone(True)
            try:
                self.open(page.path)
                self.axe(label + " (phone width)")
                width = self.driver.execute_script("return document.documentElement.scrollWidth")
                self.check(width <= PHONE_SIZE[0], f"{label}: at a phone's width the page is {width} px wide")
                self.screenshot(f"{role}-{page.name}-phone")
            finally:
                self.phone(False)

    def forbidden(self, role: str, path: str, pending: bool = False) -> None:
        status = self.open(path)
        if pending and status == 404:
            self.pending.add(path)
            return
        self.check(status == 403, f"{role} {path}: HTTP {status}, not 403")
        self.check(self.heading() == "Доступ запрещён", f"{role} {path}: the refusal's <h1> is {self.heading()!r}")
        self.axe(f"{role} {path} (403)")

    def download(self, book: Workbook) -> None:
        label = f"{book.role} {book.page} «{book.link}»"
        self.open(book.page)
        before = set(self.downloads.iterdir())
        self.driver.find_element(By.LINK_TEXT, book.link).click()

        def finished(_driver):
            new = [p for p in set(self.downloads.iterdir()) - before if not p.name.endswith(".crdownload")]
            return new[0] if new else False

        try:
            path = WebDriverWait(self.driver, TIMEOUT, poll_frequency=0.1).until(finished)
        except TimeoutException:
            self.fail(f"{label}: no file arrived in {self.downloads}")
            return
        # Chromium renames the finished file; its size is final once the .crdownload is gone.
        self.check(path.suffix == ".xlsx", f"{label}: downloaded {path.name}, not an .xlsx")
        try:
            workbook = openpyxl.load_workbook(path, read_only=True)
        except Exception as error:  # noqa: BLE001 — any reason the workbook does not open is the failure
            self.fail(f"{label}: openpyxl cannot open {path.name}: {error}")
            return
        rows = [[("" if v is None else str(v)) for v in row] for row in workbook.active.iter_rows(values_only=True)]
        header_index = next((i for i, row in enumerate(rows) if all(h in " ".join(row) for h in book.header)), None)
        if not self.check(header_index is not None, f"{label}: no header row with {book.header} in {rows[:3]}"):
            return
        found = any(all(cell in row for cell in book.row) for row in rows[header_index + 1:])
        self.check(found, f"{label}: no row with {book.row}")
        print(f"  {path.name}: {len(rows) - header_index - 1} rows, header {rows[header_index][:4]}…")


def viewport(driver: webdriver.Chrome, size: tuple[int, int], mobile: bool) -> None:
    """The page's viewport exactly `size` (a window's size would include no chrome in headless
    mode, but its height differs between versions)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": mobile})


def make_driver(downloads: Path) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
    options.add_argument("--headless=new")
    if os.geteuid() == 0 or os.environ.get("CI"):
        # Chromium refuses to start as root with its sandbox (CI runs as root).
        options.add_argument("--no-sandbox")
    for argument in ["--disable-dev-shm-usage", "--disable-gpu", "--lang=ru-RU", "--force-device-scale-factor=1",
                     "--hide-scrollbars", "--no-first-run", "--disable-extensions", "--font-render-hinting=none",
                     f"--window-size={DESKTOP[0]},{DESKTOP[1]}"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "safebrowsing.enabled": False, "intl.accept_languages": "ru-RU,ru"})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", shutil.which("chromedriver")
                                                     or "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    viewport(driver, DESKTOP, mobile=False)
    driver.set_page_load_timeout(TIMEOUT)
    driver.set_script_timeout(TIMEOUT)
    return driver


def pages(run: Run) -> None:
    """Every role through every page of the tables, the refusals and the downloads."""
    print("== the login page refuses a wrong password", flush=True)
    run.wrong_password()
    for role in ROLES:
        print(f"== {role}", flush=True)
        if not run.log_in(role):
            continue
        run.keyboard(role)
        for page in PAGES:
            if role in page.roles:
                run.page(role, page)
        for who, path in FORBIDDEN:
            if who == role:
                run.forbidden(role, path)
        for who, path in FORBIDDEN_PENDING:
            if who == role:
                run.forbidden(role, path, pending=True)
        for book in DOWNLOADS:
            if book.role == role:
                run.download(book)
        run.log_out(role)


def working_day(run: Run) -> None:
    """The department's working day: the modules of Scripts/browserday/ in their names' order."""
    folder = Path(__file__).resolve().parent / "browserday"
    for path in sorted(folder.glob("s*.py")):
        print(f"== working day: {path.stem}", flush=True)
        spec = importlib.util.spec_from_file_location(f"browserday_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        failures = len(run.failures)
        try:
            module.run(run)
        except WebDriverException as error:
            run.fail(f"{path.stem}: the browser failed: {error.msg or error}")
        except Exception as error:  # a step's own mistake fails the step, not the whole run
            run.fail(f"{path.stem}: {type(error).__name__}: {error}")
        # Each step starts logged out.
        run.driver.delete_all_cookies()
        print(f"   {path.stem}: {len(run.failures) - failures} failed", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the server's address, e.g. http://127.0.0.1:8080")
    parser.add_argument("--password", required=True)
    parser.add_argument("--screens", required=True, type=Path)
    parser.add_argument("--downloads", required=True, type=Path)
    parser.add_argument("--db", type=Path, help="the server's database (for the working day)")
    parser.add_argument("--bin", type=Path, help="the nastavnik the server runs (for the working day)")
    parser.add_argument("--work", type=Path, help="a scratch directory for the working day's files")
    parser.add_argument("--only-day", action="store_true", help="only the working day's steps")
    args = parser.parse_args()
    args.screens.mkdir(parents=True, exist_ok=True)
    args.downloads.mkdir(parents=True, exist_ok=True)
    for old in args.screens.glob("*.png"):
        old.unlink()

    started = time.monotonic()
    driver = make_driver(args.downloads.resolve())
    run = Run(args.base.rstrip("/"), args.password, args.screens, args.downloads.resolve(), driver,
              db=args.db, bin=args.bin, work=args.work)
    try:
        if not args.only_day:
            pages(run)
        if run.db is not None:
            working_day(run)
    except WebDriverException as error:
        run.fail(f"the browser failed: {error.msg or error}")
    finally:
        driver.quit()

    screens = sorted(p.name for p in args.screens.glob("*.png"))
    print(f"screenshots ({len(screens)}) in {args.screens}: {', '.join(screens)}")
    if run.pending:
        print(f"not built yet (404, skipped): {', '.join(sorted(run.pending))}")
    if run.notes:
        print("axe, minor and moderate (not failing): "
              + ", ".join(f"{k} ×{v}" for k, v in sorted(run.notes.items())))
    passed = run.checked - len(run.failures)
    print(f"browser checks took {time.monotonic() - started:.1f} s")
    # The plain closing line a CI reads: "N passed, N failed".
    print(f"browser: {passed} passed, {len(run.failures)} failed")
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main())
