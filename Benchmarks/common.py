"""What the competitor scripts share: reading the benchmark's long CSV the way an analyst would, and the
wide workbook layout of `naravard export --format xlsx --layout wide`."""
import numpy as np
import pandas as pd

# synth.py bench's default dialect: ';', decimal comma, UTF-8; area codes keep their leading zeros.
CSV_OPTIONS = {"sep": ";", "decimal": ",", "dtype": {"area": str, "period": str, "gender": str}}
GENDERS = ("T", "K", "M")
INDICATORS_PER_SHEET = 50
SUMMARY_INDICATORS = 10
SUMMARY_SHEET = "Sammanfattning"
KEY_COLUMNS = ["område", "period", "kön"]


def read_long(path):
    """The whole file as a DataFrame: indicator, area, period, gender, numerator, denominator, value."""
    return pd.read_csv(path, **CSV_OPTIONS)


def series_matrix(frame):
    """One row per series (indicator, area, gender) and one column per period, NaN where there is no value.
    Returns (keys, periods, values)."""
    names = ["indicator", "area", "gender"]
    series, keys = pd.MultiIndex.from_frame(frame[names]).factorize()
    period, periods = pd.factorize(frame["period"], sort=True)
    values = np.full((len(keys), len(periods)), np.nan)
    values[series, period] = frame["value"].to_numpy(dtype=float)
    return pd.DataFrame(keys.tolist(), columns=names), list(periods), values


def sheet_name(number):
    """The value sheets are "Värden 1", "Värden 2", … as in naravard's workbook."""
    return f"Värden {number + 1}"


def sheet_chunks(indicators):
    """The indicators, INDICATORS_PER_SHEET to a sheet, in id order."""
    ordered = sorted(indicators)
    return [ordered[start:start + INDICATORS_PER_SHEET] for start in range(0, len(ordered), INDICATORS_PER_SHEET)]


def is_county(area):
    """A county's own rows use the code 00CC."""
    return area.startswith("00")


def row_order(key):
    """Rows sort by area code, period, then gender T, K, M."""
    area, period, gender = key
    return area, period, GENDERS.index(gender)


def add_county_chart(workbook, sheet, indicator, first_row, periods, counties):
    """A native line chart of the counties' values (gender T) of one indicator, from the summary block that
    starts at first_row: a header row, then one row per period with the period in column 0 and one column
    per county."""
    chart = workbook.add_chart({"type": "line"})
    last_row = first_row + len(periods)
    for column, county in enumerate(counties, start=1):
        chart.add_series({
            "name": [SUMMARY_SHEET, first_row, column],
            "categories": [SUMMARY_SHEET, first_row + 1, 0, last_row, 0],
            "values": [SUMMARY_SHEET, first_row + 1, column, last_row, column],
        })
    chart.set_title({"name": indicator})
    sheet.insert_chart(first_row, len(counties) + 2, chart)
