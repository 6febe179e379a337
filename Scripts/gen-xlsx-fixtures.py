#!/usr/bin/env python3
"""Writes the .xlsx fixtures of the import tests with openpyxl (pip install openpyxl).

    python3 Scripts/gen-xlsx-fixtures.py [DIR]   # default Tests/NastavnikImportTests/Fixtures/xlsx

The workbooks are committed; this script says how they were made and remakes them. Each one
holds what a department's Excel file holds: a title merged above the table, dates as real date
cells, numbers as numbers, a personnel number typed as text, empty cells Excel does not write,
several sheets. `staff-libreoffice.xlsx` is the openpyxl workbook saved again by LibreOffice
(`soffice --headless --convert-to xlsx`), which also computes the formula's cached value; the
script makes it when `soffice` is on the PATH and leaves the committed one otherwise.
"""
import datetime
import os
import random
import shutil
import subprocess
import sys
import tempfile

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

OUT = sys.argv[1] if len(sys.argv) > 1 else "Tests/NastavnikImportTests/Fixtures/xlsx"
HEADER = ["Табельный номер", "ФИО", "Код ОО", "Должность", "Предметы", "Дата рождения",
          "Педагогический стаж (лет)", "Квалификационная категория", "Дата аттестации"]
ROWS = [
    ["00123", "Семёнова Алёна Юрьевна", "X01", "учитель", "математика; информатика",
     datetime.date(1991, 4, 3), 7.5, "первая", datetime.date(2022, 12, 12)],
    ["00124", "Ёлкин Пётр Ильич", "X02", "директор", None,
     datetime.date(1968, 2, 1), 30, "высшая", datetime.date(2021, 5, 20)],
    ["00125", "Щукина Ольга Сергеевна", "X01", "учитель начальных классов", "начальные классы",
     datetime.date(1999, 9, 15), 2, "без категории", None],
]


def fixed(workbook):
    # Stable metadata, so that remaking a fixture does not change it without reason.
    stamp = datetime.datetime(2026, 12, 1, 9, 0, 0)
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    workbook.properties.creator = "Nastavnik tests"
    return workbook


def staff_sheet(workbook, title, rows=ROWS, formula=False):
    sheet = workbook.create_sheet(title)
    sheet["A1"] = "Сведения о педагогических работниках на 01.09.2025"
    sheet["A1"].font = Font(bold=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
        r = sheet.max_row
        for column in (6, 9):
            cell = sheet.cell(row=r, column=column)
            if cell.value is not None:
                cell.number_format = "DD.MM.YYYY"
        sheet.cell(row=r, column=1).number_format = "@"
    if formula:
        # The position of the last worker computed from the first's: Excel and LibreOffice keep
        # the formula's result beside it, which is what an import reads.
        sheet.cell(row=sheet.max_row, column=4).value = "=D4"
    return sheet


def schools(path):
    workbook = fixed(Workbook())
    sheet = workbook.active
    sheet.title = "Школы"
    sheet.append(["Код ОО", "Наименование ОО", "Статус", "Численность обучающихся"])
    sheet.append(["X01", "МБОУ «Заречная СОШ»", "НОР", 1215])
    sheet.append(["X02", "МБОУ «Лесная ООШ»", "ЗПР; ШНСУ", 87])
    workbook.save(path)


def staff(path, epoch1904=False, formula=False):
    workbook = fixed(Workbook())
    notes = workbook.active
    notes.title = "Пояснения"
    notes["A1"] = "Заполните лист «Педагоги». Даты — в формате ДД.ММ.ГГГГ."
    if epoch1904:
        workbook.epoch = CALENDAR_MAC_1904
    staff_sheet(workbook, "Педагоги", formula=formula)
    workbook.save(path)


def staff_errors(path):
    workbook = fixed(Workbook())
    sheet = workbook.active
    sheet.title = "Лист1"
    sheet.append(HEADER)
    sheet.append(["00201", "Петров Иван Иванович", "X01", "учитель", "физика",
                  "31.02.1980", 12, "первая", datetime.date(2023, 3, 1)])
    sheet.cell(row=2, column=9).number_format = "DD.MM.YYYY"
    sheet.append(["00202", "Сидорова Анна Петровна", "Z99", "учитель", "химия",
                  datetime.date(1985, 6, 7), "много", "высшая", None])
    sheet.cell(row=3, column=6).number_format = "DD.MM.YYYY"
    workbook.save(path)


def staff_large(path, count=100_000):
    rng = random.Random(17)
    surnames = ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов", "Васильев", "Соколов"]
    names = ["Иван", "Пётр", "Алексей", "Сергей", "Андрей", "Дмитрий"]
    patronymics = ["Иванович", "Петрович", "Сергеевич", "Андреевич"]
    positions = ["учитель", "педагог-психолог", "учитель-логопед", "социальный педагог"]
    categories = ["первая", "высшая", "без категории", "соответствие занимаемой должности"]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Педагоги")
    sheet.append(HEADER)
    for i in range(count):
        born = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(0, 14000))
        sheet.append([f"{i + 1:06d}", f"{rng.choice(surnames)} {rng.choice(names)} {rng.choice(patronymics)}",
                      f"X{rng.randrange(1, 3):02d}", rng.choice(positions), "математика",
                      born, rng.randrange(0, 40), rng.choice(categories), None])
    workbook.save(path)


# The ФИС ФРДО upload template for ДПО as a provider fills it: one sheet «Шаблон», every column
# of the template (headers spelled as template versions differ: a space after the slash, a
# no-break space, quotes), dates as text ДД.ММ.ГГГГ (one a real date cell), СНИЛС as text.
FRDO_HEADER = [
    "Название документа", "Вид документа", "Статус документа", "Подтверждение утраты",
    "Подтверждение обмена", "Подтверждение уничтожения", "Серия документа", "Номер документа",
    "Дата выдачи документа", "Регистрационный номер",
    "Дополнительная профессиональная программа (повышение квалификации/ профессиональная переподготовка)",
    "«Наименование дополнительной профессиональной программы»",
    "Наименование области профессиональной деятельности", "Уровень образования ВО/СПО",
    "Фамилия указанная в дипломе о ВО или СПО", "Серия диплома о ВО или СПО", "Номер диплома о ВО или СПО",
    "Год начала обучения", "Год окончания обучения", "Срок обучения,\u00a0часов", "Фамилия получателя",
    "Имя получателя", "Отчество получателя ", "Дата рождения получателя", "Пол получателя", "СНИЛС",
    "Форма обучения", "Гражданство получателя (код страны по ОКСМ)", "Источник финансирования обучения",
]


def frdo_row(status, number, issued, surname, name, patronymic, born, snils):
    return ["Удостоверение о повышении квалификации", "Удостоверение о повышении квалификации", status,
            "Нет", "Нет", "Нет", "772412", number, issued, f"ПК-{number}", "Повышение квалификации",
            "Функциональная грамотность: математическая", None, "Высшее образование", surname, None, None,
            2025, 2025, 36, surname, name, patronymic, born, "Жен", snils, "Очно-заочная", "643",
            "Федеральный бюджет"]


def frdo(path):
    workbook = fixed(Workbook())
    sheet = workbook.active
    sheet.title = "Шаблон"
    sheet.append(FRDO_HEADER)
    # Matched by СНИЛС (the name written with е for ё).
    sheet.append(frdo_row("Оригинал", "0001234", "15.10.2025", "Семенова", "Алена", "Юрьевна",
                          "03.04.1991", "112-233-445 95"))
    # Matched by name and birth date: no СНИЛС, the birth date a real date cell.
    sheet.append(frdo_row("Оригинал", "0001235", "15.10.2025", "Ёлкин", "Пётр", "Ильич",
                          datetime.date(1968, 2, 1), None))
    sheet.cell(row=sheet.max_row, column=24).number_format = "DD.MM.YYYY"
    sheet.cell(row=sheet.max_row, column=25).value = "Муж"
    # A duplicate of the first certificate: it must not count twice.
    sheet.append(frdo_row("Дубликат", "0001299", "20.01.2026", "Семенова", "Алена", "Юрьевна",
                          "03.04.1991", "11223344595"))
    # Nobody on the staff (until a staff file adds her).
    sheet.append(frdo_row("Оригинал", "0001236", "15.10.2025", "Новикова", "Ирина", "Олеговна",
                          "12.12.1990", None))
    for row in sheet.iter_rows(min_row=2):
        row[25].number_format = "@"
    workbook.save(path)


def libreoffice(source, path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print(f"soffice not found: {path} left as it is")
        return
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([soffice, "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                        "--outdir", work, source], check=True, capture_output=True)
        shutil.move(os.path.join(work, os.path.basename(source)), path)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    schools(os.path.join(OUT, "schools.xlsx"))
    staff(os.path.join(OUT, "staff-openpyxl.xlsx"))
    staff(os.path.join(OUT, "staff-1904.xlsx"), epoch1904=True)
    staff_errors(os.path.join(OUT, "staff-errors.xlsx"))
    staff_large(os.path.join(OUT, "staff-100k.xlsx"))
    frdo(os.path.join(OUT, "frdo.xlsx"))
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "staff-libreoffice.xlsx")
        staff(source, formula=True)
        libreoffice(source, os.path.join(OUT, "staff-libreoffice.xlsx"))
