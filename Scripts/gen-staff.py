#!/usr/bin/env python3
"""Generates a large staff file (and its schools) for the import benchmark.

    python3 Scripts/gen-staff.py --rows 1000000 --schools 40000 --out DIR

Writes DIR/schools.csv and DIR/staff.csv: UTF-8, `;`, Russian headers, about 120 bytes a row,
deterministic (one seeded random generator)."""
import argparse
import os
import random

SURNAMES = ["Иванов", "Петров", "Сидоров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов",
            "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов"]
NAMES_M = ["Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Иван", "Михаил", "Николай"]
NAMES_F = ["Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна", "Мария"]
PATR_M = ["Александрович", "Сергеевич", "Иванович", "Петрович", "Николаевич"]
PATR_F = ["Александровна", "Сергеевна", "Ивановна", "Петровна", "Николаевна"]
POSITIONS = ["учитель"] * 8 + ["учитель начальных классов", "заместитель директора по УВР", "педагог-психолог"]
SUBJECTS = ["математика", "русский язык, литература", "физика", "история, обществознание", "биология", "химия",
            "английский язык", "информатика", "география", ""]
CATEGORIES = ["высшая", "первая", "СЗД", "без категории"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--schools", type=int, default=40_000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "schools.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Код ОО;Наименование ОО;Статус\n")
        for i in range(args.schools):
            f.write(f"B{i:06d};МБОУ «СОШ № {i}»;{rng.choice(['НОР', 'эффективная', '', ''])}\n")
    with open(os.path.join(args.out, "staff.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("Табельный номер;ФИО;Код ОО;Должность;Предметы;Дата рождения;Педстаж;Квалификационная категория\n")
        for i in range(args.rows):
            female = rng.random() < 0.8
            surname = rng.choice(SURNAMES) + ("а" if female else "")
            name = rng.choice(NAMES_F if female else NAMES_M)
            patronymic = rng.choice(PATR_F if female else PATR_M)
            subjects = rng.choice(SUBJECTS)
            if "," in subjects:
                subjects = f'"{subjects}"'
            f.write(f"P{i:07d};{surname} {name} {patronymic};B{rng.randrange(args.schools):06d};"
                    f"{rng.choice(POSITIONS)};{subjects};{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}."
                    f"{rng.randint(1958, 2002)};{rng.randint(0, 40)};{rng.choice(CATEGORIES)}\n")


if __name__ == "__main__":
    main()
