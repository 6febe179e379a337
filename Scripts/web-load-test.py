#!/usr/bin/env python3
"""The web interface under a working day's load, and killed in the middle (issue 20).

Run by Scripts/web-load-test, which builds `nastavnik` and passes its path. Two phases on one demo
database in a temporary directory:

1. Load: USERS logged-in specialists for DURATION seconds, each over its own keep-alive connection,
   marking roadmap terms done (each mark's evidence a token of its own), completing trainings on
   people's cards (each certificate a token; each person and course once in the run) and reading
   pages, while a 100,000-row staff import runs through the CLI (the file's people added once,
   then the same file imported again and again until the phase ends). Afterwards: no answer was a 500
   or a broken connection; every mark and training the server answered «сохранено» (303 with its
   confirmation) is in the database and in the audit log exactly once, under its user's name; no
   refused one (409, 422, 503) wrote anything; the import's people are all there; `nastavnik
   doctor` is clean.
2. Faults: ROUNDS times, the same users against a fresh server that is killed with SIGKILL after a
   random 1–4 s. After each kill: `PRAGMA integrity_check` is «ok» and every change answered
   «сохранено» so far is there exactly once (a request cut by the kill has no answer and proves
   nothing either way). `doctor` at the end.

Prints the figures (requests by kind and answer, p50/p99 latency, the import's time) and exits 1
on any failure.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

READ_PAGES = ["/", "/schools", "/schools/SV010", "/staff?q=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2", "/roadmap",
              "/training", "/staff?school=SV010"]
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str
    cookies: list[str]


class Client:
    """One user's browser: a keep-alive connection and its cookies."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, fields: dict[str, str] | None = None) -> Answer:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            # A keep-alive connection the server closed between requests: once more on a new one.
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        data = response.read().decode("utf-8", "replace")
        set_cookies = [v for k, v in response.getheaders() if k.lower() == "set-cookie"]
        for cookie in set_cookies:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value:
                self.cookies[name] = value
            else:
                self.cookies.pop(name, None)
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, data, set_cookies)

    def log_in(self, login: str, password: str) -> None:
        page = self.request("GET", "/login")
        csrf = dict(HIDDEN.findall(page.body)).get("csrf", "")
        answer = self.request("POST", "/login", {"login": login, "password": password, "csrf": csrf, "next": "/"})
        if answer.status != 303 or "nastavnik_session" not in " ".join(answer.cookies):
            raise RuntimeError(f"{login}: login answered {answer.status}")

    def close(self) -> None:
        self.connection.close()


@dataclass
class Tally:
    """What every user saw, shared between the threads under a lock."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    statuses: dict[tuple[str, int], int] = field(default_factory=dict)
    #: token → (occurrence id, user's name): marks answered «сохранено».
    saved: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: tokens of marks refused with an answer (must not be written).
    refused: set[str] = field(default_factory=set)
    #: certificate → (personnel number, user's name): trainings answered «сохранено».
    completed: dict[str, tuple[str, str]] = field(default_factory=dict)
    refused_completions: set[str] = field(default_factory=set)
    #: a few refusals' reasons, printed with the figures.
    reasons: set[str] = field(default_factory=set)
    #: (person, course) pairs each user still has to complete: each pair once in the whole run,
    #: so a certificate is never overwritten by a later one (that would be a new training).
    pending: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    #: requests with no answer (the server was killed under them).
    unanswered: int = 0
    failures: list[str] = field(default_factory=list)

    def next_completion(self, user: int) -> tuple[str, str] | None:
        with self.lock:
            queue = self.pending.get(user)
            return queue.pop() if queue else None

    def record(self, kind: str, status: int, seconds: float) -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            self.statuses[(kind, status)] = self.statuses.get((kind, status), 0) + 1
            if status >= 500 and status != 503:
                self.failures.append(f"{kind}: answer {status}")


def post_form(client: Client, tally: Tally, page: str, page_kind: str, action: str, kind: str,
              fields: dict[str, str], saved: dict, refused: set, token: str, record: tuple[str, str]) -> None:
    """Opens `page`, posts its form to `action` with `fields` (the page's CSRF token and version
    added), as a user does, and files the answer: «сохранено» (303 with its confirmation) under
    `token` in `saved`, a refusal (409, 422, 503) in `refused`, anything else as a failure."""
    started = time.monotonic()
    opened = client.request("GET", page)
    tally.record(page_kind, opened.status, time.monotonic() - started)
    if opened.status != 200:
        return
    hidden = dict(HIDDEN.findall(opened.body))
    fields = {"csrf": hidden.get("csrf", ""), "version": hidden.get("version", ""), **fields}
    started = time.monotonic()
    answer = client.request("POST", action, fields)
    tally.record(kind, answer.status, time.monotonic() - started)
    with tally.lock:
        flash = [c.split(";", 1)[0].partition("=")[2] for c in answer.cookies if c.startswith("nastavnik_flash=")]
        if answer.status == 303 and any(flash):
            saved[token] = record
        elif answer.status in (409, 422, 503):
            refused.add(token)
            reason = re.search(r'class="error"[^>]*>([^<]+)', answer.body)
            if reason and len(tally.reasons) < 5:
                tally.reasons.add(f"{kind} {answer.status}: {reason.group(1)}")
        else:
            tally.failures.append(f"{kind} {action}: answer {answer.status}")


def mark(client: Client, tally: Tally, occurrence: int, token: str, name: str, today: str) -> None:
    post_form(client, tally, f"/roadmap/occurrences/{occurrence}", "term page",
              f"/roadmap/occurrences/{occurrence}/status", "mark",
              {"status": "выполнено", "date": today, "evidence": f"Нагрузка {token}", "note": ""},
              tally.saved, tally.refused, token, (occurrence, name))


def complete(client: Client, tally: Tally, person: str, course: str, token: str, name: str, today: str) -> None:
    card = "/staff/" + urllib.parse.quote(person)
    post_form(client, tally, card, "person card", card + "/training/complete", "training completed",
              {"course": course, "end": today, "certificate": token},
              tally.completed, tally.refused_completions, token, (person, name))


def user_loop(number: int, port: int, password: str, occurrences: list[int], tally: Tally, until: float,
              today: str, seed: int) -> None:
    rng = random.Random(seed)
    name = f"Нагрузочный {number}"
    client = Client(port)
    sequence = 0
    try:
        client.log_in(f"lt-{number}", password)
        while time.monotonic() < until:
            sequence += 1
            draw = rng.random()
            pair = tally.next_completion(number) if draw < 0.15 else None
            if pair:
                complete(client, tally, pair[0], pair[1], f"LTC{seed}u{number}n{sequence}", name, today)
            elif draw < 0.55:
                # A few terms shared by all: two users marking one term at once is part of the day.
                occurrence = rng.choice(occurrences[:12] if rng.random() < 0.3 else occurrences)
                mark(client, tally, occurrence, f"LT{seed}u{number}n{sequence};", name, today)
            else:
                path = rng.choice(READ_PAGES)
                started = time.monotonic()
                answer = client.request("GET", path)
                tally.record("page " + path.split("?")[0], answer.status, time.monotonic() - started)
    except (ConnectionError, http.client.HTTPException, socket.timeout, OSError):
        with tally.lock:
            tally.unanswered += 1
    except RuntimeError as error:
        with tally.lock:
            tally.failures.append(str(error))
    finally:
        client.close()


def run_users(users: int, port: int, password: str, occurrences: list[int], tally: Tally, seconds: float,
              today: str, seed: int) -> None:
    until = time.monotonic() + seconds
    threads = [threading.Thread(target=user_loop, args=(n, port, password, occurrences, tally, until, today,
                                                        seed * 100 + n))
               for n in range(1, users + 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


class Server:
    def __init__(self, binary: Path, db: Path, work: Path):
        self.binary, self.db, self.work = binary, db, work
        self.process: subprocess.Popen | None = None
        self.port = 0

    def start(self) -> None:
        self.port = free_port()
        log = open(self.work / "server.log", "a")
        env = {k: v for k, v in os.environ.items() if k not in ("NASTAVNIK_DB", "NASTAVNIK_WEB_RESOURCES")}
        self.process = subprocess.Popen([str(self.binary), "serve", "--db", str(self.db), "--port", str(self.port)],
                                        stdout=log, stderr=log, cwd=self.work, env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("the server stopped at start (see server.log)")
                time.sleep(0.1)
        raise RuntimeError("the server does not answer")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def check_saved(db: Path, tally: Tally, label: str) -> int:
    """Every mark answered «сохранено» is in the history and the audit log exactly once, under its
    user's name; every refused one is in neither. Returns the failures found."""
    failures = 0
    connection = sqlite3.connect(db, timeout=30)
    try:
        # (what, its table, its column, how the change is named, saved token → value and user, refused tokens)
        kinds = [
            ("mark", "occurrence_status_change", "evidence", lambda t: f"Нагрузка {t}",
             {t: (f"Нагрузка {t}", name) for t, (_, name) in tally.saved.items()}, tally.refused),
            ("training", "training", "certificate", lambda t: t,
             {t: (t, name) for t, (_, name) in tally.completed.items()}, tally.refused_completions),
        ]
        for what, table, column, value, saved, refused in kinds:
            stored: dict[str, int] = {}
            for (text,) in connection.execute(f"SELECT {column} FROM {table} WHERE {column} LIKE '%LT%'"):
                stored[text] = stored.get(text, 0) + 1
            logged: dict[str, list[str]] = {}
            for actor, new_values in connection.execute(
                    "SELECT actor, new_values FROM audit_log WHERE table_name = ? AND new_values LIKE '%LT%'",
                    (table,)):
                logged.setdefault(json.loads(new_values).get(column, ""), []).append(actor)
            for token, (text, name) in saved.items():
                if stored.get(text, 0) != 1:
                    failures += 1
                    tally.failures.append(f"{label}: {what} {token} answered «сохранено» is in {table} "
                                          f"{stored.get(text, 0)} times")
                actors = logged.get(text, [])
                if len(actors) != 1 or name not in actors[0]:
                    failures += 1
                    tally.failures.append(f"{label}: {what} {token} is in the audit log as {actors}")
            for token in refused:
                if stored.get(value(token), 0):
                    failures += 1
                    tally.failures.append(f"{label}: refused {what} {token} was written")
    finally:
        connection.close()
    return failures


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000


def report(tally: Tally, title: str) -> None:
    print(f"-- {title}")
    print(f"   {'kind':<24} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8}   answers")
    for kind in sorted(tally.latencies):
        values = tally.latencies[kind]
        answers = ", ".join(f"{s}×{n}" for (k, s), n in sorted(tally.statuses.items()) if k == kind)
        print(f"   {kind:<24} {len(values):>8} {percentile(values, 50):>8.1f} {percentile(values, 99):>8.1f}   "
              f"{answers}")
    print(f"   trainings completed: {len(tally.completed)}, refused with an answer: "
          f"{len(tally.refused_completions)}")
    for reason in sorted(tally.reasons):
        print(f"   e.g. {reason}")
    print(f"   marks saved: {len(tally.saved)}, refused with an answer: {len(tally.refused)}, "
          f"requests without an answer: {tally.unanswered}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--seeds", required=True, type=Path)
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    work, binary = args.work, args.bin
    db = work / "load.sqlite"
    password = f"load-{random.randrange(10**9)}"
    today = time.strftime("%d.%m.%Y")

    def cli(*arguments: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([str(binary), *arguments, "--db", str(db)], input=stdin, capture_output=True,
                              text=True, cwd=work)

    print("== demo database, accounts, a staff file", flush=True)
    done = subprocess.run([str(binary), "demo", "--db", str(db), "--seeds", str(args.seeds)], capture_output=True,
                          text=True, cwd=work)
    if done.returncode != 0:
        print(done.stderr)
        return 1
    for number in range(1, args.users + 1):
        added = cli("users", "add", f"lt-{number}", "--name", f"Нагрузочный {number}", "--role", "specialist",
                    stdin=password + "\n")
        if added.returncode != 0:
            print(added.stderr)
            return 1
    subprocess.run([sys.executable, str(Path(__file__).parent / "gen-staff.py"), "--rows", str(args.rows),
                    "--schools", "300", "--out", str(work / "staff")], check=True, capture_output=True)
    schools = cli("import", "schools", str(work / "staff" / "schools.csv"))
    if schools.returncode != 0:
        print(schools.stderr)
        return 1
    with sqlite3.connect(db) as connection:
        occurrences = [row[0] for row in connection.execute(
            "SELECT id FROM activity_occurrence ORDER BY id")]
        staff_before = connection.execute("SELECT count(*) FROM staff").fetchone()[0]
        people = [row[0] for row in connection.execute(
            "SELECT staff_id FROM staff WHERE staff_id IS NOT NULL ORDER BY staff_id")]
        # Courses a completion dated today may close: begun by today (or with no dates).
        begun = {row[0] for row in connection.execute(
            "SELECT code FROM course WHERE code IS NOT NULL AND (start_date IS NULL OR start_date <= date('now'))")}
    failures: list[str] = []

    # -- phase 1: the load with an import --------------------------------------------------------
    server = Server(binary, db, work)
    server.start()
    # The courses a person's card offers to complete (the catalogue's), as a user picks them.
    probe = Client(server.port)
    probe.log_in("lt-1", password)
    card = probe.request("GET", "/staff/" + urllib.parse.quote(people[0])).body
    probe.close()
    select = re.search(r'name="course"[^>]*>(.*?)</select>', card, re.S)
    courses = sorted(c for c in re.findall(r'<option value="([^"]+)"', select.group(1) if select else "")
                     if c in begun)
    if not courses:
        print("web-load-test: the person's card offers no course to complete")
        return 1
    pairs = [(person, course) for person in people for course in courses]
    random.Random(5).shuffle(pairs)
    # Each user its own share of the pairs, for both phases.
    shares = {n: pairs[n - 1::args.users] for n in range(1, args.users + 1)}
    print(f"== phase 1: {args.users} users for {args.duration:.0f} s on port {server.port}, "
          f"a {args.rows}-row staff import from the CLI after 5 s", flush=True)
    tally = Tally(pending=shares)
    import_result: dict[str, object] = {}

    def run_import() -> None:
        # The file's 100,000 people are added by the first import; the same file imported again and
        # again (each time compared row by row, nothing to change) keeps the CLI holding the
        # database's writer through the whole phase.
        time.sleep(5)
        runs: list[tuple[int, float, str]] = []
        while time.monotonic() < until - 2:
            started = time.monotonic()
            result = cli("import", "staff", str(work / "staff" / "staff.csv"))
            runs.append((result.returncode, time.monotonic() - started,
                         (result.stdout.strip().splitlines() or [""])[-1] + result.stderr[-300:]))
        import_result["runs"] = runs

    until = time.monotonic() + args.duration
    importer = threading.Thread(target=run_import)
    importer.start()
    run_users(args.users, server.port, password, occurrences, tally, args.duration, today, seed=1)
    importer.join()
    server.stop()
    report(tally, "phase 1")
    runs = import_result.get("runs", [])
    for number, (code, seconds, text) in enumerate(runs, 1):
        if number <= 2 or number == len(runs) or code != 0:
            print(f"   CLI import {number}: exit {code}, {seconds:.1f} s — {text}")
        if code != 0:
            failures.append(f"phase 1: import {number} failed: {text}")
    print(f"   CLI imports while the users worked: {len(runs)}, "
          f"{sum(r[1] for r in runs):.1f} s holding the writer in all")
    if not runs:
        failures.append("phase 1: no import ran")
    if tally.unanswered:
        failures.append(f"phase 1: {tally.unanswered} requests had no answer")
    check_saved(db, tally, "phase 1")
    with sqlite3.connect(db) as connection:
        staff_after = connection.execute("SELECT count(*) FROM staff").fetchone()[0]
    if staff_after != staff_before + args.rows:
        failures.append(f"phase 1: {staff_after} staff, expected {staff_before} + {args.rows}")
    doctor = cli("doctor")
    print(f"   doctor: exit {doctor.returncode}")
    if doctor.returncode != 0:
        failures.append(f"phase 1: doctor: {doctor.stdout[-800:]} {doctor.stderr[-400:]}")
    failures += tally.failures

    # -- phase 2: killed in the middle -----------------------------------------------------------
    print(f"== phase 2: {args.rounds} rounds, the server killed (SIGKILL) under the same load", flush=True)
    crash = Tally(pending=shares)
    rng = random.Random(2)
    for round_number in range(1, args.rounds + 1):
        server.start()
        seconds = rng.uniform(1, 4)
        killer = threading.Timer(seconds, server.kill)
        killer.start()
        run_users(args.users, server.port, password, occurrences, crash, seconds + 2, today,
                  seed=round_number + 1)
        killer.join()
        server.kill()
        with sqlite3.connect(db, timeout=30) as connection:
            integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            crash.failures.append(f"round {round_number}: integrity_check: {integrity}")
        lost = check_saved(db, crash, f"round {round_number}")
        print(f"   round {round_number}: killed after {seconds:.1f} s; saved so far {len(crash.saved)}; "
              f"integrity {integrity}; missing or doubled {lost}", flush=True)
    report(crash, "phase 2")
    doctor = cli("doctor")
    print(f"   doctor after the kills: exit {doctor.returncode}")
    if doctor.returncode != 0:
        failures.append(f"phase 2: doctor: {doctor.stdout[-800:]} {doctor.stderr[-400:]}")
    # A 500 while the server is being killed is still a 500; a cut request is not counted.
    failures += crash.failures

    for failure in failures:
        print(f"  НЕ ПРОЙДЕНО: {failure}")
    print(f"web-load-test: {'failed' if failures else 'passed'} ({len(failures)} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
