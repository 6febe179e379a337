#!/usr/bin/env python3
"""Writes Seeds/demo/risks.csv: the «500+» risk profiles of the demo's supported schools.

The demo municipality's region hands its supported schools (НОР, ЗПР, ЗУР, ШНСУ in
Seeds/demo/schools.csv) the levels of the two factors nothing in Nastavnik can measure — 1
(материально-техническая оснащённость) and 4 (адаптивность учебного процесса), assessed by the
schools' questionnaires — for 2024 and 2025, one row per school, year and factor, in the long
layout of `nastavnik import risks`, as Russian Excel writes a CSV (Windows-1251, `;`, CRLF). The
other eight factors the demo loader proposes from the demo's own data and confirms (`risks
propose --save`), so the profile agrees with the figures.

Its own `random.Random(21)`: Scripts/gen-demo.py's single stream, which other tests depend on,
is not touched. The levels are drawn by status (a НОР school has more high levels) and a 2025
level keeps its 2024 value two times in three. Two runs write identical bytes.

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
MEASURED_BY_QUESTIONNAIRE = (1, 4)


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
            for factor in MEASURED_BY_QUESTIONNAIRE:
                level = draw(rng, weights)
                if year == 2025 and rng.random() < 2 / 3:
                    level = previous[factor]
                previous[factor] = level
                note = "по анкете школы" if level == "высокий" else ""
                rows.append([school["Код ОО"], str(year), str(factor), level, note])
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Код ОО", "Год", "Фактор риска", "Уровень риска", "Комментарий"])
    writer.writerows(rows)
    with open(os.path.join(args.out, "risks.csv"), "wb") as f:
        f.write(out.getvalue().encode("cp1251"))
    print(f"risks.csv: {len(rows)} levels of {len(rows) // 4} schools, 2024 and 2025")


if __name__ == "__main__":
    main()
