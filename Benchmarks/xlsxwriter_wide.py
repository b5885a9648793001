"""The whole-store workbook with XlsxWriter in constant-memory mode, the careful analyst's way: one pass over the
long CSV with the csv module into one array of doubles per indicator, then the sheets row by row.
Layout: a summary sheet with line charts of the county values (gender T) of the first indicators, then one sheet
per 50 indicators, rows area × period × gender, one value column per indicator.
Usage: xlsxwriter_wide.py DATA.csv OUT.xlsx"""
import csv
import math
import sys
from array import array

import xlsxwriter

from common import (GENDERS, KEY_COLUMNS, SUMMARY_INDICATORS, SUMMARY_SHEET, add_county_chart, is_county,
                    row_order, sheet_chunks, sheet_name)

source, target = sys.argv[1:3]
rows = {}     # (area, period, gender) → row number in the arrays
columns = {}  # indicator → array of values by row number, NaN where there is none
with open(source, newline="", encoding="utf-8") as file:
    reader = csv.reader(file, delimiter=";")
    header = next(reader)
    at = {name: header.index(name) for name in ("indicator", "area", "period", "gender", "value")}
    for record in reader:
        row = rows.setdefault((record[at["area"]], record[at["period"]], record[at["gender"]]), len(rows))
        column = columns.setdefault(record[at["indicator"]], array("d"))
        if len(column) <= row:
            column.extend([math.nan] * (row + 1 - len(column)))
        text = record[at["value"]]
        column[row] = float(text.replace(",", ".")) if text else math.nan


def value(indicator, row):
    column = columns[indicator]
    return column[row] if row < len(column) else math.nan


workbook = xlsxwriter.Workbook(target, {"constant_memory": True})
summary = workbook.add_worksheet(SUMMARY_SHEET)
periods = sorted({period for _, period, _ in rows})
counties = sorted({area for area, _, _ in rows if is_county(area)})
first_row = 0
for indicator in sorted(columns)[:SUMMARY_INDICATORS]:
    summary.write_row(first_row, 0, ["period", *counties])
    for offset, period in enumerate(periods, start=1):
        summary.write_string(first_row + offset, 0, period)
        for column, county in enumerate(counties, start=1):
            number = value(indicator, rows.get((county, period, GENDERS[0]), len(rows)))
            if not math.isnan(number):
                summary.write_number(first_row + offset, column, number)
    add_county_chart(workbook, summary, indicator, first_row, periods, counties)
    first_row += max(len(periods) + 2, 18)

order = sorted(rows, key=row_order)
for number, indicators in enumerate(sheet_chunks(columns)):
    sheet = workbook.add_worksheet(sheet_name(number))
    sheet.write_row(0, 0, KEY_COLUMNS + indicators)
    arrays = [columns[indicator] for indicator in indicators]
    for number, key in enumerate(order, start=1):
        sheet.write_row(number, 0, key)
        row = rows[key]
        for column, values in enumerate(arrays, start=len(KEY_COLUMNS)):
            if row < len(values) and not math.isnan(values[row]):
                sheet.write_number(number, column, values[row])
workbook.close()
print(f"wrote {target}: {len(order)} rows, {len(columns)} indicators")
