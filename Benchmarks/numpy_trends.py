"""Mann–Kendall S, its tie-corrected variance, Z and two-sided p, and Sen's slope for every series
(indicator × area × gender) of the long CSV, vectorised with numpy a block of series at a time.
Prints one CSV row per series. Usage: numpy_trends.py DATA.csv"""
import math
import sys

import numpy as np

from common import read_long, series_matrix

BLOCK = 4096  # series at a time: the pairwise differences of a block take BLOCK × pairs × 8 bytes

keys, periods, values = series_matrix(read_long(sys.argv[1]))
later, earlier = np.triu_indices(len(periods), 1)[::-1]
distance = (later - earlier).astype(float)
s, variance, slope = (np.empty(len(values)) for _ in range(3))
for start in range(0, len(values), BLOCK):
    x = values[start:start + BLOCK]
    differences = x[:, later] - x[:, earlier]
    s[start:start + BLOCK] = np.nansum(np.sign(differences), axis=1)
    present = ~np.isnan(x)
    n = present.sum(axis=1)
    # Tie correction: a group of t equal values contributes t(t−1)(2t+5), i.e. (t−1)(2t+5) from each member.
    ties = (x[:, :, None] == x[:, None, :]).sum(axis=2)
    tie_term = np.where(present, (ties - 1) * (2 * ties + 5), 0).sum(axis=1)
    variance[start:start + BLOCK] = (n * (n - 1) * (2 * n + 5) - tie_term) / 18
    with np.errstate(all="ignore"):
        slope[start:start + BLOCK] = np.nanmedian(differences / distance, axis=1)
with np.errstate(all="ignore"):
    z = np.where(variance > 0, (s - np.sign(s)) / np.sqrt(variance), np.nan)
p = np.frompyfunc(lambda value: math.erfc(abs(value) / math.sqrt(2)), 1, 1)(z).astype(float)
keys["n"] = (~np.isnan(values)).sum(axis=1)
keys["mk_s"] = s.astype(int)
keys["mk_z"] = z
keys["mk_p"] = p
keys["sen_slope"] = slope
keys.to_csv(sys.stdout, index=False)
