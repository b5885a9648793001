"""Ingest into DuckDB, the fast columnar anchor: read_csv straight into a table of a database file, no index.
Usage: duckdb_ingest.py DATA.csv STORE.duckdb"""
import sys

import duckdb

source, target = sys.argv[1:3]
with duckdb.connect(target) as connection:
    connection.execute(
        "CREATE TABLE observations AS SELECT * FROM read_csv(?, delim = ';', decimal_separator = ',', header = true,"
        " types = {'area': 'VARCHAR'})", [source])
    (count,) = connection.execute("SELECT count(*) FROM observations").fetchone()
print(f"{count} rows")
