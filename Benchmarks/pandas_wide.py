"""The whole-store workbook the quick pandas way: read_csv, pivot to one column per indicator, to_excel (with
XlsxWriter as the engine) one sheet per 50 indicators, and a summary sheet with line charts of the county values
(gender T) of the first indicators. Usage: pandas_wide.py DATA.csv OUT.xlsx"""
import sys

import pandas as pd

from common import (GENDERS, KEY_COLUMNS, SUMMARY_INDICATORS, SUMMARY_SHEET, add_county_chart, is_county,
                    read_long, sheet_chunks, sheet_name)

source, target = sys.argv[1:3]
frame = read_long(source)
frame["gender"] = pd.Categorical(frame["gender"], categories=GENDERS, ordered=True)
wide = frame.pivot(index=["area", "period", "gender"], columns="indicator", values="value").sort_index()
wide.index.names = KEY_COLUMNS
wide.columns.name = None

with pd.ExcelWriter(target, engine="xlsxwriter") as writer:
    county_rows = wide.xs(GENDERS[0], level="kön")
    county_rows = county_rows[[is_county(area) for area in county_rows.index.get_level_values("område")]]
    periods = sorted(county_rows.index.get_level_values("period").unique())
    first_row = 0
    for indicator in sorted(wide.columns)[:SUMMARY_INDICATORS]:
        block = county_rows[indicator].unstack("område").reindex(pd.Index(periods, name="period"))
        block.columns.name = None
        block.to_excel(writer, sheet_name=SUMMARY_SHEET, startrow=first_row)
        add_county_chart(writer.book, writer.sheets[SUMMARY_SHEET], indicator, first_row, periods, list(block.columns))
        first_row += max(len(periods) + 2, 18)
    for number, indicators in enumerate(sheet_chunks(wide.columns)):
        wide[indicators].to_excel(writer, sheet_name=sheet_name(number), merge_cells=False)
print(f"wrote {target}: {len(wide)} rows, {len(wide.columns)} indicators")
