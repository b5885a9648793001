#!/usr/bin/env python3
"""The project's one generator of SYNTHETIC data: every number it writes is made up. Deterministic: the same
arguments give the same bytes.

  synth.py bench --preset small|medium|national --out FILE [--catalog-out DIR]
      long CSV at national scale for scripts/bench and the trend engine's benchmark (numpy; bench.py)
  synth.py samples [--out DIR]
      the sample files of Examples/, in the forms analysts have (PyYAML to read the catalogue; samples.py)
  synth.py counts --quarters N --seed S [--indicators PV01,OV01] --out FILE
      counts for the bundled catalogue's quarterly indicators from 1901Q1, for the Swift tests and
      scripts/crash-test (standard library only; counts.py)
"""
import argparse
import importlib


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    modes = parser.add_subparsers(dest="mode", required=True)

    bench = modes.add_parser("bench", help="national-scale long CSV (scripts/bench)")
    bench.add_argument("--preset", choices=["medium", "national", "small"], help="sets --indicators/--areas/--quarters")
    bench.add_argument("--indicators", type=int, help="number of indicators NV001.. (max 999)")
    bench.add_argument("--areas", type=int, help="number of areas (max 311: 21 regions + 290 municipalities)")
    bench.add_argument("--quarters", type=int, help="number of quarters from 2019Q1 (max 400)")
    bench.add_argument("--seed", type=int, default=20240101)
    bench.add_argument("--plain", action="store_true", help="',' separator and decimal point")
    bench.add_argument("--out", required=True, help="output file ('-' for stdout)")
    bench.add_argument("--quiet", action="store_true")
    bench.add_argument("--catalog-out", help="also write DIR/<id>.yaml indicator definitions (design.md schema) "
                       "and DIR/areas.csv (code;name;county;kind) for the areas in the data")

    samples = modes.add_parser("samples", help="the sample files of Examples/")
    samples.add_argument("--out", help="folder to write (default Examples/)")

    counts = modes.add_parser("counts", help="counts for the tests and scripts/crash-test")
    counts.add_argument("--quarters", type=int, required=True, help="number of quarters from 1901Q1")
    counts.add_argument("--seed", type=int, required=True)
    counts.add_argument("--indicators", help="comma-separated quarterly indicators (default: every one)")
    counts.add_argument("--out", required=True, help="output file ('-' for stdout)")

    args = parser.parse_args()
    # Each mode's module (next to this file) imports only what it needs: counts runs without numpy or PyYAML.
    importlib.import_module(args.mode).run(args)


if __name__ == "__main__":
    main()
