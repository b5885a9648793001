#!/usr/bin/env bash
# Benchmarks, run by hand (never by the tests): ingest of a million-row file, trends and the roll-up over
# a national-scale store (300 indicators × 311 areas × 3 genders × 40 quarters), the committee report.
# Needs python3 with numpy (for ../shared/bench/gen_data.py) and GNU time. Work files go to $BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
generator=../shared/bench/gen_data.py
work=${BENCH_DIR:-/tmp/naravard-bench}
mkdir -p "$work"
swift build -c release --product naravard >&2
naravard="$PWD/.build/release/naravard"
measure() { /usr/bin/time -f "%e s wall, %M KB max RSS" "$@"; }

echo "== trend engine alone: 279 900 series"
swift run -c release trend-engine-benchmark 2>/dev/null

echo "== ingest: 1 007 640 rows (27 indicators × 311 areas × 40 quarters × 3 genders)"
[ -f "$work/million.csv" ] || python3 "$generator" --indicators 27 --areas 311 --quarters 40 \
    --out "$work/million.csv" --catalog-out "$work/million-catalog"
rm -f "$work"/million.sqlite*
"$naravard" init --db "$work/million.sqlite" >/dev/null
"$naravard" catalog load "$work/million-catalog" --db "$work/million.sqlite" >/dev/null
measure "$naravard" ingest "$work/million.csv" --db "$work/million.sqlite" 2>&1 | grep -v "rows ("
echo "== ingest again: every row unchanged"
measure "$naravard" ingest "$work/million.csv" --db "$work/million.sqlite" 2>&1 | grep -v "rows ("

if [ "${NATIONAL:-1}" = 1 ]; then
    echo "== national store: 11 196 000 rows"
    [ -f "$work/national.csv" ] || python3 "$generator" --preset national --out "$work/national.csv" --catalog-out "$work/national-catalog"
    if [ ! -f "$work/national.sqlite" ]; then
        "$naravard" init --db "$work/national.sqlite" >/dev/null
        "$naravard" catalog load "$work/national-catalog" --db "$work/national.sqlite" >/dev/null
        measure "$naravard" ingest "$work/national.csv" --db "$work/national.sqlite" 2>&1 | grep -v "rows ("
    fi
    echo "== trends over every series of the national store"
    measure "$naravard" trends --db "$work/national.sqlite" --format csv > "$work/national-trends.csv"
    echo "   $(($(wc -l < "$work/national-trends.csv") - 1)) series"
    echo "== direction-shift roll-up over the national store"
    measure "$naravard" shifts --db "$work/national.sqlite" --format json > /dev/null
fi
