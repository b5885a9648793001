"""Ingest as an analyst with pandas would: read_csv, then to_sql into a SQLite file, plus one index.
Usage: pandas_ingest.py DATA.csv STORE.sqlite"""
import sqlite3
import sys

from common import read_long

source, target = sys.argv[1:3]
frame = read_long(source)
with sqlite3.connect(target) as connection:
    frame.to_sql("observations", connection, index=False)
    connection.execute("CREATE INDEX observations_key ON observations(indicator, area, period, gender)")
print(f"{len(frame)} rows")
