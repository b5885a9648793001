"""The loop an analyst would write with pymannkendall: original_test (Mann–Kendall and Sen's slope) series by
series. Prints one CSV row per series. With --limit N only the first N series are tested, and --timing FILE gets
"tested total extra_microseconds", the time the untested series would add at the measured rate.
Usage: pymannkendall_trends.py DATA.csv [--limit N] [--timing FILE]"""
import argparse
import csv
import sys
import time

import numpy as np
import pymannkendall

from common import read_long, series_matrix

arguments = argparse.ArgumentParser()
arguments.add_argument("data")
arguments.add_argument("--limit", type=int)
arguments.add_argument("--timing")
options = arguments.parse_args()

keys, periods, values = series_matrix(read_long(options.data))
tested = len(values) if options.limit is None else min(options.limit, len(values))
output = csv.writer(sys.stdout, lineterminator="\n")
output.writerow(["indicator", "area", "gender", "n", "mk_s", "mk_z", "mk_p", "sen_slope", "trend"])
start = time.perf_counter()
for key, series in zip(keys.itertuples(index=False), values[:tested]):
    n = int(np.count_nonzero(~np.isnan(series)))
    if n < 2:
        output.writerow([*key, n, "", "", "", "", ""])
        continue
    result = pymannkendall.original_test(series)
    output.writerow([*key, n, int(result.s), result.z, result.p, result.slope, result.trend])
loop = time.perf_counter() - start
if options.timing:
    with open(options.timing, "w") as timing:
        timing.write(f"{tested} {len(values)} {round(loop * 1e6 * (len(values) - tested) / max(tested, 1))}\n")
