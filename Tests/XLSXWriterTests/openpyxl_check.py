#!/usr/bin/env python3
"""Open .xlsx files with openpyxl, an independent reader, and summarise what it finds.

Usage: python3 openpyxl_check.py FILE.xlsx [FILE.xlsx ...]

For each file prints the sheet names, then per sheet its dimensions, the number of charts and of
conditional-format rules and data validations, and the first few non-empty cells. Exits non-zero when openpyxl is missing,
a file cannot be loaded, or a workbook has no sheets.
"""

import sys

try:
    import openpyxl
except ImportError:  # pragma: no cover - depends on the environment
    print("openpyxl_check: openpyxl is not installed (pip install openpyxl==3.1.5)", file=sys.stderr)
    sys.exit(2)

SAMPLE_CELLS = 6


def describe(path):
    """Print a summary of one workbook; return an error message or None."""
    try:
        workbook = openpyxl.load_workbook(path)  # not read_only: charts and formats are only loaded this way
    except Exception as error:  # openpyxl raises many kinds of errors for broken files
        return f"{path}: cannot be loaded by openpyxl {openpyxl.__version__}: {type(error).__name__}: {error}"
    if not workbook.sheetnames:
        return f"{path}: the workbook has no sheets"

    print(f"{path}: openpyxl {openpyxl.__version__}")
    print(f"  sheets: {workbook.sheetnames}")
    print(f"  active: {workbook.active.title if workbook.active is not None else None}")
    for sheet in workbook.worksheets:
        rules = sum(len(entry.rules) for entry in sheet.conditional_formatting)
        charts = len(getattr(sheet, "_charts", []))
        tables = list(sheet.tables.keys())
        print(
            f"  [{sheet.title}] dimensions={sheet.dimensions} max_row={sheet.max_row} "
            f"max_column={sheet.max_column} charts={charts} conditional_formats={rules} "
            f"tables={tables} merged={[str(r) for r in sheet.merged_cells.ranges]} "
            f"freeze={sheet.freeze_panes} data_validations={len(sheet.data_validations.dataValidation)}"
        )
        shown = 0
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                print(f"    {cell.coordinate} = {cell.value!r} ({cell.data_type})")
                shown += 1
                if shown >= SAMPLE_CELLS:
                    break
            if shown >= SAMPLE_CELLS:
                break
    for chartsheet in workbook.chartsheets:
        print(f"  [{chartsheet.title}] chartsheet")
    return None


def main(arguments):
    if not arguments:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    failures = [message for message in map(describe, arguments) if message]
    for message in failures:
        print(f"openpyxl_check: {message}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
