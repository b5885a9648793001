"""`synth.py counts`: made-up but valid counts for quarterly indicators of the bundled catalogue and its 14
municipalities, from 1901Q1 (years no real data has), for the Swift tests and scripts/crash-test. Standard library
only, so that it runs on a fresh machine.

Per indicator (the ones asked for, in that order, or every quarterly indicator of Indicators/indicators/ by file
name), municipality (code order) and quarter: the K and M numerators are 0-500, their denominators the numerator
plus 1-500, and T is K + M for both; rows T, K, M. A count or index indicator has no denominator: its row carries
the numerator as its value only. random.Random(seed) draws in that order, so a seed gives the same bytes on any
Python 3.
"""
import random
import re
import sys
from pathlib import Path

CATALOG = Path(__file__).resolve().parent.parent / "Indicators"
START_YEAR = 1901


def field(text, name):
    """A top-level scalar of an indicator's YAML file."""
    return re.search(rf"^{name}: (\S+)", text, re.M).group(1)


def indicators(ids):
    """(id, unit) of the quarterly indicators asked for, or of every quarterly one when ids is empty."""
    if ids:
        paths = [CATALOG / "indicators" / f"{id}.yaml" for id in ids]
        for path in paths:
            if not path.is_file():
                sys.exit(f"synth.py counts: no indicator {path.stem} in {CATALOG / 'indicators'}")
    else:
        paths = sorted((CATALOG / "indicators").glob("*.yaml"))
    chosen = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if field(text, "frequency") == "quarter":
            chosen.append((field(text, "id"), field(text, "unit")))
        elif ids:
            sys.exit(f"synth.py counts: {path.stem} is not a quarterly indicator")
    return chosen


def municipalities():
    """The SCB codes of the geography's municipalities, in code order."""
    text = (CATALOG / "geography" / "norrbotten.yaml").read_text(encoding="utf-8")
    return sorted(re.findall(r'\{id: "(\d{4})", kind: municipality', text))


def run(args):
    """Writes the counts that synth.py's `counts` arguments ask for."""
    if args.quarters < 1:
        sys.exit("synth.py counts: --quarters must be at least 1")
    ids = [id for id in (args.indicators or "").split(",") if id]
    chosen, areas = indicators(ids), municipalities()
    rng = random.Random(args.seed)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    out.write("indicator;area;period;gender;numerator;denominator;value\n")
    for id, unit in chosen:
        for area in areas:
            for q in range(args.quarters):
                period = f"{START_YEAR + q // 4}Q{q % 4 + 1}"
                k, m = rng.randint(0, 500), rng.randint(0, 500)
                dk, dm = k + rng.randint(1, 500), m + rng.randint(1, 500)
                for gender, n, d in (("T", k + m, dk + dm), ("K", k, dk), ("M", m, dm)):
                    if unit in ("count", "index"):
                        out.write(f"{id};{area};{period};{gender};;;{n}\n")
                    else:
                        out.write(f"{id};{area};{period};{gender};{n};{d};\n")
    if out is not sys.stdout:
        out.close()
