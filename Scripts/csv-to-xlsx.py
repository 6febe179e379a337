#!/usr/bin/env python3
"""Writes a semicolon CSV (UTF-8) as an .xlsx workbook the way Excel would hold it: dates
ДД.ММ.ГГГГ as date cells under a date format, whole and decimal numbers as numbers, the rest as
text (a personnel number stays text). For benchmarks: the same rows as CSV and as .xlsx.

    python3 Scripts/csv-to-xlsx.py IN.csv OUT.xlsx
"""
import csv
import datetime
import re
import sys

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


def main(source, target):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Педагоги")
    with open(source, encoding="utf-8-sig", newline="") as f:
        for i, row in enumerate(csv.reader(f, delimiter=";")):
            if i == 0:
                sheet.append(row)
                continue
            cells = []
            for value in row:
                if (m := DATE.match(value)):
                    cell = WriteOnlyCell(sheet, datetime.date(int(m[3]), int(m[2]), int(m[1])))
                    cell.number_format = "DD.MM.YYYY"
                elif NUMBER.match(value) and not value.startswith("0"):
                    number = float(value.replace(",", "."))
                    cell = WriteOnlyCell(sheet, int(number) if number.is_integer() else number)
                else:
                    cell = WriteOnlyCell(sheet, value if value else None)
                cells.append(cell)
            sheet.append(cells)
    workbook.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
