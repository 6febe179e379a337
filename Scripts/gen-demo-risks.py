#!/usr/bin/env python3
"""Writes Seeds/demo/risks.csv: the «500+» risk profiles of the demo's supported schools.

The demo municipality's region hands its supported schools' profiles (НОР, ЗПР, ЗУР, ШНСУ in
Seeds/demo/schools.csv) for 2024 and 2025, one row per school, year and factor, in the long
layout of `nastavnik import risks`, as Russian Excel writes a CSV (Windows-1251, `;`, CRLF).

Its own `random.Random(21)`: Scripts/gen-demo.py's single stream, which other tests depend on,
is not touched. The levels are drawn by status (a НОР school has more high levels), a 2025
level keeps its 2024 value two times in three, a НОР school's factor 6 (учебная неуспешность)
is high, and a ШНСУ school's social factors (7, 8, 10) lean high. Two runs write identical bytes.

    python3 Scripts/gen-demo-risks.py [--out DIR]
"""
import argparse
import csv
import io
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SUPPORTED = ["НОР", "ЗПР", "ЗУР", "ШНСУ"]
# Probability of (high, medium) by the school's most serious status; the rest is low.
WEIGHTS = {"НОР": (0.35, 0.40), "ЗПР": (0.25, 0.40), "ЗУР": (0.12, 0.40), "ШНСУ": (0.15, 0.35)}
LEVELS = ["высокий", "средний", "низкий"]
SOCIAL = {7, 8, 10}


def draw(rng, weights):
    x = rng.random()
    return LEVELS[0] if x < weights[0] else LEVELS[1] if x < weights[0] + weights[1] else LEVELS[2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(HERE, "..", "Seeds", "demo"))
    args = parser.parse_args()
    with open(os.path.join(args.out, "schools.csv"), encoding="cp1251", newline="") as f:
        schools = list(csv.DictReader(f, delimiter=";"))
    rng = random.Random(21)
    rows = []
    for school in schools:
        statuses = [s.strip() for s in school["Статус"].split(";") if s.strip()]
        supported = [s for s in SUPPORTED if s in statuses]
        if not supported:
            continue
        weights = WEIGHTS[supported[0]]
        previous = {}
        for year in (2024, 2025):
            for factor in range(1, 11):
                level = draw(rng, weights)
                if year == 2025 and rng.random() < 2 / 3:
                    level = previous[factor]
                if "ШНСУ" in statuses and factor in SOCIAL and level == "низкий":
                    level = "средний"
                if "НОР" in statuses and factor == 6:
                    level = "высокий"
                previous[factor] = level
                note = "по данным мониторинга региона" if year == 2025 and level == "высокий" and factor == 6 else ""
                rows.append([school["Код ОО"], str(year), str(factor), level, note])
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Код ОО", "Год", "Фактор риска", "Уровень риска", "Комментарий"])
    writer.writerows(rows)
    with open(os.path.join(args.out, "risks.csv"), "wb") as f:
        f.write(out.getvalue().encode("cp1251"))
    print(f"risks.csv: {len(rows)} levels of {len(rows) // 20} schools, 2024 and 2025")


if __name__ == "__main__":
    main()
