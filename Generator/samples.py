"""`synth.py samples`: the SYNTHETIC sample data of Examples/, from the indicator catalogue in Indicators/.

    python3 Generator/synth.py samples        # writes Examples/ (--out DIR writes DIR instead)

Every number written is SYNTHETIC: made up by this generator to look like Norrbotten's data, for demos and tests
only. It is not real data from Region Norrbotten, the municipalities, Kolada, Socialstyrelsen or anyone else.

The output is deterministic (random.Random(2025)), so rerunning the script gives the same bytes. Indicators added
after the first release (NEW) draw from their own generators (random.Random of their id), and the first release's
indicators keep their order and draws, so adding an indicator leaves every other indicator's numbers as they were.
Retired indicators (HF07, PC02) keep their data: it is their history.
Python 3 standard library only, plus PyYAML for *reading* the catalogue (the YAML files in Indicators/).

Files written (see Examples/README.md):
  kvartalsdata-kommuner.csv  Windows-1252, ';', decimal comma, CRLF, municipality names, periods "2021 kv1"/"2021K1",
                             quarterly indicators of shifts 1-2, 2021Q1-2025Q4, gender T (+ K/M for three indicators)
  kvartalsdata-koder.csv     UTF-8 with BOM, ',', decimal point, SCB codes, periods "2024Q1",
                             quarterly indicators of shifts 3-4, 2021Q1-2025Q4, gender T
  arsdata.csv                UTF-8, ';', decimal comma, yearly indicators 2021-2025 by code (except those in
                             KOLADA_MODEL, which come from kolada.json); a survey published for the county too has
                             a county row (0025) per year, and a county-only one (`levels: [county]`) only those
  kolada.json                Kolada API JSON for the indicators in KOLADA_MODEL (HF01 and the ones added in issue 17)

Rules the data keep (the importer refuses anything else):
  value = factor * numerator / denominator (factor 100 percent, 1000 per_1000, 10000 per_10000,
  100000 per_100000, 1 days/index/count/sek), written rounded half-up to 1 decimal (2 for index), so
  |value - factor*num/den| <= half a unit of the last decimal. Exact ties (x.x5) are avoided by nudging a
  denominator up by one, so that no reader can round the other way. numerator <= denominator for percent;
  counts are integers >= 0; a count indicator has value = numerator and no denominator; a 0/0 row has an
  empty value; no key (indicator, area, period, gender) appears twice across the files.
"""

import json
import math
import random
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import yaml  # PyYAML, used only to read the catalogue

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "Indicators"

RNG = random.Random(2025)

YEARS = range(2021, 2026)
QUARTERS = [(y, q) for y in YEARS for q in (1, 2, 3, 4)]

FACTOR = {"percent": 100, "per_1000": 1000, "per_10000": 10000, "per_100000": 100000,
          "days": 1, "index": 1, "count": 1, "sek": 1}
DECIMALS = {"index": 2, "count": 0}  # everything else: 1 decimal

# ---------------------------------------------------------------------------------------------------------------
# Geography: read codes, names and population 2023-12-31 from the catalogue; age structure and growth are SYNTHETIC
# assumptions (shares of the total population 65+, 75+, 80+; yearly population change).
# ---------------------------------------------------------------------------------------------------------------
AGE = {  # code: (share 65+, share 75+, share 80+, yearly population change)
    "2580": (0.210, 0.100, 0.055, +0.004),  # Luleå
    "2582": (0.250, 0.120, 0.065, +0.001),  # Boden
    "2581": (0.235, 0.110, 0.060, +0.003),  # Piteå
    "2560": (0.280, 0.135, 0.075, -0.003),  # Älvsbyn
    "2505": (0.300, 0.145, 0.080, -0.006),  # Arvidsjaur
    "2506": (0.320, 0.155, 0.085, -0.010),  # Arjeplog
    "2514": (0.290, 0.140, 0.077, -0.004),  # Kalix
    "2583": (0.270, 0.125, 0.068, -0.005),  # Haparanda
    "2513": (0.360, 0.180, 0.100, -0.012),  # Överkalix
    "2518": (0.350, 0.175, 0.097, -0.011),  # Övertorneå
    "2584": (0.220, 0.100, 0.055, -0.002),  # Kiruna
    "2523": (0.240, 0.110, 0.060, -0.005),  # Gällivare
    "2521": (0.330, 0.160, 0.090, -0.010),  # Pajala
    "2510": (0.310, 0.150, 0.083, -0.008),  # Jokkmokk
}
WOMEN = {"total": 0.49, "65": 0.52, "75": 0.56, "80": 0.58}  # share of women in each age group


def load_catalog():
    indicators, munis = {}, []
    for path in sorted(CATALOG.rglob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "shifts" in doc:
            continue
        if "areas" in doc:
            munis += [a for a in doc["areas"] if a["kind"] == "municipality"]
            continue
        indicators[doc["id"]] = doc  # retired ones too: their data is history
    munis.sort(key=lambda a: a["id"])
    return indicators, munis


INDICATORS, MUNIS = load_catalog()
NAME = {m["id"]: m["name"] for m in MUNIS}
POP2023 = {m["id"]: m["population"] for m in MUNIS}
assert set(AGE) == set(POP2023), "AGE must list exactly the catalogue's municipalities"


def years_from_2023(y, q=4):
    """Time in years from 2023-12-31 (end of 2023Q4) to the end of quarter q of year y."""
    return (y - 2023) + (q - 4) / 4


def population(code, y, q=4, age="total"):
    """Synthetic population at the end of a quarter: grows or shrinks gently; the old get a little older."""
    s65, s75, s80, growth = AGE[code]
    t = years_from_2023(y, q)
    pop = POP2023[code] * (1 + growth) ** t
    ageing = 1 + 0.008 * t
    share = {"total": 1.0, "65": s65 * ageing, "75": s75 * ageing, "80": s80 * ageing}[age]
    return round(pop * share)


def split(n, age):
    """Split a population count into (women, men)."""
    k = round(n * WOMEN[age])
    return k, n - k


# ---------------------------------------------------------------------------------------------------------------
# Random helpers (all from RNG, so the output is deterministic)
# ---------------------------------------------------------------------------------------------------------------
def poisson(lam):
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, round(RNG.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= RNG.random()
        if p <= limit:
            return k
        k += 1


def binomial(n, p):
    if n <= 0:
        return 0
    p = min(max(p, 0.0), 1.0)
    var = n * p * (1 - p)
    if var > 25:
        return min(n, max(0, round(RNG.gauss(n * p, math.sqrt(var)))))
    if n > 400:  # rare events in a large group
        return min(n, poisson(n * p))
    return sum(RNG.random() < p for _ in range(n))


def logit(p):
    return math.log(p / (1 - p))


def expit(x):
    return 1 / (1 + math.exp(-x))


# ---------------------------------------------------------------------------------------------------------------
# The SYNTHETIC model per indicator.
#   kind   'prop' (percent: numerator ~ Binomial(den, p)), 'rate' (numerator ~ Poisson(den * level / factor)),
#          'days', 'index', 'count', 'survey' (a value without counts)
#   base   regional level at 2021Q1 (or 2021), in the indicator's unit
#   trend  change per year: ('abs', d) adds d units a year, ('rel', r) multiplies by (1 + r) a year
#   den    how the denominator is made: (age group, multiplier, 'stock' | 'events')
#          stock = the population itself; events = Poisson(population * multiplier)
#   sd     between-municipality spread (logit scale for 'prop', log scale for rates), od = quarter-to-quarter noise
#   season multipliers for Q1..Q4 (winter falls, ED visits, summer holidays)
# The trend is in the strategy's direction except where noted "worsening".
# ---------------------------------------------------------------------------------------------------------------
WINTER = (1.15, 0.92, 0.85, 1.08)
SUMMER_LOW = (1.05, 1.0, 0.7, 1.1)

MODEL = {
    # shift 1 --------------------------------------------------------------------------------------------------
    "HF02": dict(kind="survey", base=56.0, trend=("abs", +0.3), sd=2.5, od=0.6),      # worsening (more overweight)
    "HF03": dict(kind="rate", base=900, trend=("rel", -0.02), den=("65", 1, "stock"), sd=0.12, od=0.05,
                 season=WINTER, genders=True),
    "HF04": dict(kind="prop", base=55.0, trend=("abs", +1.5), den=("65", 1, "stock"), sd=0.25, od=0.03),
    "HF05": dict(kind="rate", base=8.0, trend=("abs", +1.2), den=("total", 0.99, "stock"), sd=0.25, od=0.06,
                 season=SUMMER_LOW),
    "HF06": dict(kind="prop", base=45.0, trend=("abs", +2.5), den=("total", 0.009, "events"), sd=0.25, od=0.06,
                 season=SUMMER_LOW),
    "HF07": dict(kind="rate", base=88, trend=("rel", -0.015), den=("65", 1, "stock"), sd=0.15, od=0.01,
                 genders=True, women=1.35),                                            # neutral, slowly falling
    # shift 2 --------------------------------------------------------------------------------------------------
    "PC01": dict(kind="survey", base=60.0, trend=("abs", +0.6), sd=2.0, od=1.0),
    "PC02": dict(kind="survey", base=78.0, trend=("abs", +0.7), sd=2.0, od=0.8, years=(2021, 2023, 2025)),
    "PC03": dict(kind="survey", base=86.0, trend=("abs", +0.3), sd=2.5, od=1.5),
    "PC04": dict(kind="rate", base=12.0, trend=("abs", +1.5), den=("total", 1, "stock"), sd=0.25, od=0.08,
                 season=SUMMER_LOW),
    "PC05": dict(kind="prop", base=40.0, trend=("abs", +5.0), den=("75", 0.015, "events"), sd=0.3, od=0.05,
                 genders=True),
    "PC06": dict(kind="prop", base=20.0, trend=("abs", +3.0), den="PC05", sd=0.3, od=0.06),
    # shift 3 --------------------------------------------------------------------------------------------------
    "PV01": dict(kind="prop", base=24.0, trend=("abs", +2.5), den=("total", 0.995, "stock"), sd=0.3, od=0.02),
    "PV02": dict(kind="index", base=0.30, trend=("abs", +0.015), sd=0.04, od=0.012),
    "PV03": dict(kind="prop", base=55.0, trend=("abs", +3.0), den=("total", 0.009, "events"), sd=0.35, od=0.05),
    "PV04": dict(kind="prop", base=48.0, trend=("abs", +1.0), den=("total", 0.55, "events"), sd=0.12, od=0.02),
    "PV05": dict(kind="prop", base=84.0, trend=("abs", -0.5), den=("total", 0.12, "events"), sd=0.2, od=0.04),
    # ^ worsening (SKR: 84 -> 82 %)
    "PV06": dict(kind="rate", base=195, trend=("rel", -0.04), den=("total", 1, "stock"), sd=0.12, od=0.05,
                 season=WINTER, age_scaled=True),
    "PV07": dict(kind="prop", base=16.0, trend=("abs", +0.4), den=("65", 0.065, "events"), sd=0.12, od=0.04),
    # ^ worsening (more readmissions)
    "PV08": dict(kind="days", base=4.6, trend=("abs", -0.3), den=("total", 0.004, "events"), sd=0.2, od=0.12),
    "PV09": dict(kind="rate", base=130, trend=("rel", -0.02), den=("80", 1, "stock"), sd=0.12, od=0.04,
                 season=WINTER),
    "PV10": dict(kind="prop", base=7.0, trend=("abs", -0.4), den=("75", 1, "stock"), sd=0.15, od=0.03),
    "PV11": dict(kind="prop", base=84.0, trend=("abs", +1.0), den=("80", 0.12, "stock"), sd=0.4, od=0.05),
    # shift 4 --------------------------------------------------------------------------------------------------
    "OV01": dict(kind="prop", base=10.0, trend=("abs", +2.5), den=("total", 0.9, "events"), sd=0.25, od=0.04),
    "OV02": dict(kind="rate", base=110, trend=("rel", +0.015), den=("65", 1, "stock"), sd=0.12, od=0.02),
    # ^ neutral, slowly rising
    "OV03": dict(kind="rate", base=22, trend=("rel", +0.20), den=("75", 1, "stock"), sd=0.2, od=0.08,
                 boost={"2514": 1.6, "2583": 1.6, "2513": 1.6, "2518": 1.6, "2510": 1.4}),  # model areas
    "OV04": dict(kind="rate", base=3400, trend=("rel", -0.015), den=("total", 1, "stock"), sd=0.08, od=0.03,
                 season=WINTER, age_scaled=True),
    "OV05": dict(kind="prop", base=19.0, trend=("abs", +0.4), den=("total", 35.0, "sek"), sd=0.08, od=0.01),
    "OV06": dict(kind="count", base=0.03, trend=("rel", +0.06), sd=0.3, od=0.06,
                 per_muni={"2580": 0.004, "2582": 0.010, "2581": 0.008, "2584": 0.012, "2523": 0.015}),
    "OV07": dict(kind="prop", base=33.0, trend=("abs", -1.0), den=("65", 0.045, "events"), sd=0.15, od=0.04),
}
# HF01 has a Kolada id: it is written to kolada.json, not to arsdata.csv.
# The others are the Kolada KPIs added in issue 17: `genders` False gives T only, `years` the years Kolada has.
KOLADA_MODEL = {
    "HF01": dict(base=69.5, trend=+0.2, sd=2.0, od=0.5, riket=72.0, other={"0001": 74.5}),
    "HF08": dict(base=19.0, trend=-0.3, sd=3.0, od=1.5, riket=15.5, genders=False),
    "HF09": dict(base=210.0, trend=-4.0, sd=0.0, od=8.0, riket=180.0, genders=False),
    "OV08": dict(base=9.5, trend=-0.1, sd=1.2, od=0.3, riket=8.6, genders=False),
    "PC07": dict(base=78.0, trend=+0.6, sd=0.0, od=0.6, riket=77.0, genders=False, years=(2024, 2025)),
    "PC08": dict(base=74.0, trend=+0.8, sd=0.0, od=0.6, riket=75.5, genders=False, years=(2024, 2025)),
    "PC09": dict(base=82.0, trend=+0.4, sd=0.0, od=0.6, riket=81.0, genders=False, years=(2024, 2025)),
}

missing_models = set(INDICATORS) - set(MODEL) - set(KOLADA_MODEL)
assert not missing_models, f"no synthetic model for {sorted(missing_models)}"

# The indicators of the first release and the shift each had then: their data is written in that order, so that the
# shared random stream gives them the same numbers however the catalogue changes (OV05 has moved to shift 3).
FIRST_RELEASE = {"HF01", "HF02", "HF03", "HF04", "HF05", "HF06", "HF07", "PC01", "PC02", "PC03", "PC04", "PC05",
                 "PC06", "PV01", "PV02", "PV03", "PV04", "PV05", "PV06", "PV07", "PV08", "PV09", "PV10", "OV01",
                 "OV02", "OV03", "OV04", "OV05", "OV06", "OV07"}
FIRST_SHIFT = {"OV05": 4}


def order_key(ind):
    """Write order: the first release's indicators by their shift then, the new ones after them."""
    shift = FIRST_SHIFT.get(ind, INDICATORS[ind]["shift"])
    return (ind not in FIRST_RELEASE, shift, ind)


class own_generator:
    """Draw from random.Random(ind) instead of the shared RNG while generating a NEW indicator."""

    def __init__(self, ind):
        self.ind = ind

    def __enter__(self):
        global RNG
        self.saved = RNG
        if self.ind not in FIRST_RELEASE:
            RNG = random.Random(self.ind)

    def __exit__(self, *exc):
        global RNG
        RNG = self.saved


def county_only(ind):
    """Published only for the county (`levels` without municipality): the files carry the county's rows."""
    return "municipality" not in INDICATORS[ind].get("levels", ["municipality"])

# A handful of rows reported as missing ('..') in the Windows-1252 file: (indicator, code, year, quarter).
MISSING = {("HF06", "2506", 2021, 3), ("PC04", "2518", 2022, 2), ("HF05", "2521", 2023, 1),
           ("PC06", "2510", 2024, 4), ("PC06", "2584", 2025, 4), ("HF06", "2583", 2025, 4)}

# Municipal effects: one fixed draw per (indicator, municipality). The first release's indicators draw from RNG in
# their order then; the ones added since from their own generator.
EFFECT = {(i, c): RNG.gauss(0, MODEL.get(i, KOLADA_MODEL.get(i))["sd"])
          for i in sorted(FIRST_RELEASE) for c in sorted(POP2023)}
for _i in sorted(set(INDICATORS) - FIRST_RELEASE):
    _rng = random.Random(_i)
    EFFECT.update({(_i, c): _rng.gauss(0, MODEL.get(_i, KOLADA_MODEL.get(_i))["sd"]) for c in sorted(POP2023)})


def level(ind, y, q=1):
    """Regional level in the indicator's unit at the given period (before municipal effects and noise)."""
    m = MODEL[ind]
    t = (y - 2021) + (q - 1) / 4
    kind, d = m["trend"]
    lv = m["base"] + d * t if kind == "abs" else m["base"] * (1 + d) ** t
    if "season" in m and q:
        lv *= m["season"][q - 1]
    return lv


# ---------------------------------------------------------------------------------------------------------------
# Exact values and formatting
# ---------------------------------------------------------------------------------------------------------------
def exact(unit, num, den):
    return Fraction(FACTOR[unit] * num, den)


def is_tie(unit, num, den):
    """True when factor*num/den lies exactly halfway between two written values."""
    if den == 0:
        return False
    scaled = exact(unit, num, den) * 10 ** DECIMALS.get(unit, 1)
    return scaled.denominator == 2


def rounded(unit, x):
    """Round half-up to the unit's number of decimals; returns a Decimal."""
    places = DECIMALS.get(unit, 1)
    q = Decimal(1).scaleb(-places)
    if isinstance(x, Fraction):
        d = Decimal(x.numerator) / Decimal(x.denominator)
    else:
        d = Decimal(repr(x))
    return d.quantize(q, rounding=ROUND_HALF_UP)


def untie(unit, rec):
    """Nudge a denominator up by one until the value is not an exact tie."""
    while rec["den"] and is_tie(unit, rec["num"], rec["den"]):
        rec["den"] += 1


# ---------------------------------------------------------------------------------------------------------------
# Generating one observation: a dict(num=, den=, value=) or a survey/index value
# ---------------------------------------------------------------------------------------------------------------
def denominator(ind, code, y, q, gender, annual=False):
    m = MODEL[ind]
    age, mult, how = m["den"]
    pop = population(code, y, q, age)
    if gender != "T":
        k, mm = split(pop, age)
        pop = k if gender == "K" else mm
    if how == "stock":
        return round(pop * mult)
    if how == "sek":  # thousands of SEK: net cost per inhabitant grows 4 % a year
        return round(pop * mult * 1.04 ** (y - 2021) * RNG.uniform(0.97, 1.03))
    expected = pop * mult
    if "season" in m and q and not annual:
        expected *= m["season"][q - 1]
    return poisson(expected)


def rate_level(ind, code, y, q, gender):
    m = MODEL[ind]
    lv = level(ind, y, q) * math.exp(EFFECT[ind, code]) * math.exp(RNG.gauss(0, m["od"]))
    if m.get("age_scaled"):
        lv *= AGE[code][0] / 0.25  # older municipalities: more inpatient care
    lv *= m.get("boost", {}).get(code, 1.0)
    if gender != "T" and "women" in m:  # women / men ratio at equal regional level
        r, w = m["women"], WOMEN[m["den"][0]]
        men = lv / (w * r + (1 - w))
        lv = men * r if gender == "K" else men
    return lv


def prop_level(ind, code, y, q):
    m = MODEL[ind]
    p = level(ind, y, q if q else 1) / 100
    return expit(logit(p) + EFFECT[ind, code] + RNG.gauss(0, m["od"]))


def observe(ind, code, y, q, gender="T", den_override=None, annual=False):
    unit = INDICATORS[ind]["unit"]
    m = MODEL[ind]
    kind = m["kind"]
    if kind == "prop":
        den = den_override if den_override is not None else denominator(ind, code, y, q, gender, annual)
        num = binomial(den, prop_level(ind, code, y, q))
        return dict(num=num, den=den)
    if kind == "rate":
        den = denominator(ind, code, y, q, gender)
        lam = den * rate_level(ind, code, y, q, gender) / FACTOR[unit]
        return dict(num=poisson(lam), den=den)
    if kind == "days":
        patients = denominator(ind, code, y, q, gender)
        mean = max(0.5, level(ind, y, q) * math.exp(EFFECT[ind, code]))
        days = poisson(patients * mean * math.exp(RNG.gauss(0, m["od"]))) if patients else 0
        return dict(num=days, den=patients)
    if kind == "count":
        rate = m.get("per_muni", {}).get(code, m["base"])
        t = (y - 2021) + (q - 1) / 4
        lam = population(code, y, q) * rate * (1 + m["trend"][1]) ** t * math.exp(EFFECT[ind, code] / 2)
        n = poisson(lam * math.exp(RNG.gauss(0, m["od"])))
        return dict(num=n, den=None)
    if kind == "index":
        noise = m["od"] * math.sqrt(10000 / POP2023[code])  # smaller municipalities: fewer patients, more noise
        v = level(ind, y, q) + EFFECT[ind, code] + RNG.gauss(0, noise)
        return dict(num=None, den=None, value=min(0.95, max(0.05, v)))
    raise ValueError(kind)


def finish(unit, rec):
    """Set the written value of a record with counts (None for a 0/0 row)."""
    if "value" in rec:
        rec["value"] = rounded(unit, rec["value"])
    elif rec["den"] is None:  # count indicator
        rec["value"] = Decimal(rec["num"])
    elif rec["den"] == 0:
        assert rec["num"] == 0
        rec["value"] = None
    else:
        assert unit != "percent" or rec["num"] <= rec["den"]
        rec["value"] = rounded(unit, exact(unit, rec["num"], rec["den"]))
    return rec


def observe_genders(ind, code, y, q):
    """K, M and T = K + M, with ties removed from all three."""
    unit = INDICATORS[ind]["unit"]
    k, m = observe(ind, code, y, q, "K"), observe(ind, code, y, q, "M")
    while True:
        untie(unit, k)
        untie(unit, m)
        t = dict(num=k["num"] + m["num"], den=k["den"] + m["den"])
        if not is_tie(unit, t["num"], t["den"]):
            break
        m["den"] += 1
    return {"T": finish(unit, t), "K": finish(unit, k), "M": finish(unit, m)}


def quarterly(ind):
    """All quarterly observations of one indicator: {(code, y, q, gender): record}."""
    unit = INDICATORS[ind]["unit"]
    out = {}
    for code in sorted(POP2023):
        for y, q in QUARTERS:
            if MODEL[ind].get("genders"):
                for g, rec in observe_genders(ind, code, y, q).items():
                    out[code, y, q, g] = rec
                continue
            den_from = MODEL[ind]["den"] if isinstance(MODEL[ind].get("den"), str) else None
            if den_from:  # same target group as another indicator
                rec = observe(ind, code, y, q, den_override=QUARTERLY_CACHE[den_from][code, y, q, "T"]["den"])
            else:
                rec = observe(ind, code, y, q)
            untie(unit, rec)
            out[code, y, q, "T"] = finish(unit, rec)
    return out


QUARTERLY_CACHE = {}


# ---------------------------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------------------------
def dec_comma(d):
    return "" if d is None else str(d).replace(".", ",")


def dec_point(d):
    return "" if d is None else str(d)


def thousands(n, sep=" "):
    return f"{n:,}".replace(",", sep)


def ordered(indicators, shifts, freq):
    return [i for i in sorted(indicators, key=order_key)
            if FIRST_SHIFT.get(i, INDICATORS[i]["shift"]) in shifts and INDICATORS[i]["frequency"] == freq and i in MODEL]


def write_kommuner(folder):
    """Windows-1252, ';', decimal comma, CRLF, municipality names, shifts 1-2 quarterly."""
    lines = ["Indikator;Kommun;Period;Kön;Täljare;Nämnare;Värde"]
    for ind in ordered(INDICATORS, (1, 2), "quarter"):
        data = QUARTERLY_CACHE[ind]
        for code in sorted(POP2023, key=lambda c: NAME[c]):
            for y, q in QUARTERS:
                for g in ("T", "K", "M"):
                    rec = data.get((code, y, q, g))
                    if rec is None:
                        continue
                    period = f"{y} kv{q}" if RNG.random() < 0.5 else f"{y}K{q}"
                    if (ind, code, y, q) in MISSING:
                        lines.append(f"{ind};{NAME[code]};{period};{g};..;..;..")
                        continue
                    den = str(rec["den"])
                    if ind == "PC04" and rec["den"] >= 10000:
                        den = thousands(rec["den"])  # "79 352"
                    if ind == "HF05" and code == "2580" and y == 2025:
                        den = thousands(rec["den"], "\u00a0")  # no-break space, as some exports write it
                    lines.append(f"{ind};{NAME[code]};{period};{g};{rec['num']};{den};{dec_comma(rec['value'])}")
    with open(folder / "kvartalsdata-kommuner.csv", "w", encoding="cp1252", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")
    return len(lines) - 1


def write_koder(folder):
    """UTF-8 with BOM, ',', decimal point, SCB codes, shifts 3-4 quarterly, gender T."""
    lines = ["indicator,area,period,gender,numerator,denominator,value"]
    for ind in ordered(INDICATORS, (3, 4), "quarter"):
        data = QUARTERLY_CACHE[ind]
        for code in sorted(POP2023):
            for y, q in QUARTERS:
                rec = data[code, y, q, "T"]
                num = "" if rec["num"] is None else str(rec["num"])
                den = "" if rec["den"] is None else str(rec["den"])
                lines.append(f"{ind},{code},{y}Q{q},T,{num},{den},{dec_point(rec['value'])}")
    with open(folder / "kvartalsdata-koder.csv", "w", encoding="utf-8-sig", newline="") as f:
        f.write("\n".join(lines) + "\n")
    return len(lines) - 1


def write_arsdata(folder):
    """UTF-8, ';', decimal comma, yearly indicators by code. Surveys: value only; registers: counts and value.
    A survey published for the county as well (`levels` with county, as Kolada gives it) gets a county row, the
    population-weighted mean of the municipal draws; a county-only survey gets only that row."""
    lines = ["indikator;kod;period;kön;täljare;nämnare;värde"]
    for ind in ordered(INDICATORS, (1, 2, 3, 4), "year"):
        m, unit = MODEL[ind], INDICATORS[ind]["unit"]
        draws = {}
        for code in sorted(POP2023):
            for y in m.get("years", YEARS):
                if m["kind"] == "survey":
                    if (ind, code, y) == ("PC03", "2506", 2022):  # too few respondents: reported as missing
                        lines.append(f"{ind};{code};{y};T;;;..")
                        continue
                    t = y - 2021
                    # municipal survey values are pooled over four years: small municipalities vary a little more
                    noise = m["od"] * math.sqrt(10000 / POP2023[code]) ** 0.5
                    v = m["base"] + m["trend"][1] * t + EFFECT[ind, code]
                    v += RNG.gauss(0, noise)
                    draws.setdefault(y, {})[code] = v
                    if not county_only(ind):
                        lines.append(f"{ind};{code};{y};T;;;{dec_comma(rounded(unit, v))}")
                    continue
                rec = observe(ind, code, y, 0, annual=True)
                untie(unit, rec)
                finish(unit, rec)
                lines.append(f"{ind};{code};{y};T;{rec['num']};{rec['den']};{dec_comma(rec['value'])}")
        if "county" in INDICATORS[ind].get("levels", []):
            for y, by_code in draws.items():
                region = sum(v * POP2023[c] for c, v in by_code.items()) / sum(POP2023[c] for c in by_code)
                lines.append(f"{ind};0025;{y};T;;;{dec_comma(rounded(unit, region))}")
    with open(folder / "arsdata.csv", "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    return len(lines) - 1


def write_kolada(folder):
    """Kolada API JSON for the indicators of KOLADA_MODEL: the 14 municipalities (not for a county-only KPI), the
    region (0025), Riket (0000) and for HF01 one county not in the geography (0001, Region Stockholm). One value
    is null."""
    rows = []
    for ind in sorted(KOLADA_MODEL):
        with own_generator(ind):
            rows += kolada_rows(ind)
    # As the Kolada API answers (v2 adds "count"); one entry per line so that diffs stay readable.
    entries = ",\n  ".join(json.dumps(r, ensure_ascii=False) for r in rows)
    with open(folder / "kolada.json", "w", encoding="utf-8") as f:
        f.write(f'{{"count": {len(rows)}, "values": [\n  {entries}\n]}}\n')
    return len(rows), sum(len(r["values"]) for r in rows)


def kolada_rows(ind):
    """One indicator's Kolada entries: municipalities (unless county-only), the region, Riket, other counties."""
    km = KOLADA_MODEL[ind]
    kpi = INDICATORS[ind]["kolada"]
    unit = INDICATORS[ind]["unit"]
    rows = []
    for y in km.get("years", YEARS):
        t = y - 2021
        totals = {}
        areas = [(c, km["base"] + km["trend"] * t + EFFECT[ind, c]) for c in sorted(POP2023)]
        for code, mean in areas:
            totals[code] = mean + RNG.gauss(0, km["od"] * (10000 / POP2023[code]) ** 0.25)
        region = sum(totals[c] * POP2023[c] for c in totals) / sum(POP2023.values())
        extra = [("0025", region + RNG.gauss(0, 0.1)), ("0000", km["riket"] + 0.1 * t + RNG.gauss(0, 0.1))]
        extra += [(c, v + 0.1 * t + RNG.gauss(0, 0.2)) for c, v in km.get("other", {}).items()]
        if county_only(ind):  # Kolada publishes it for regions only
            totals = {}
        for code, total in list(totals.items()) + extra:
            if not km.get("genders", True):
                values = [{"gender": "T", "status": "", "value": float(rounded(unit, total)), "count": 1}]
                rows.append({"kpi": kpi, "municipality": code, "period": y, "values": values})
                continue
            gap = RNG.uniform(1.0, 3.0)  # women report good health a little less often than men
            values = []
            for g, v in (("T", total), ("K", total - gap / 2), ("M", total + gap / 2)):
                value = float(rounded("percent", v))
                if (code, y, g) == ("2506", 2022, "K"):  # too few respondents: Kolada gives null
                    value = None
                values.append({"gender": g, "status": "", "value": value, "count": 1})
            rows.append({"kpi": kpi, "municipality": code, "period": y, "values": values})
    return rows


def run(args):
    """Writes the four sample files into args.out (default Examples/)."""
    folder = Path(args.out) if args.out else ROOT / "Examples"
    folder.mkdir(exist_ok=True)
    # Quarterly data first, in a fixed order (PC05 before PC06, which shares its denominator).
    for ind in sorted((i for i in MODEL if INDICATORS[i]["frequency"] == "quarter"), key=order_key):
        with own_generator(ind):
            QUARTERLY_CACHE[ind] = quarterly(ind)
    n1 = write_kommuner(folder)
    n2 = write_koder(folder)
    n3 = write_arsdata(folder)
    n4, n4v = write_kolada(folder)
    print(f"kvartalsdata-kommuner.csv  {n1} rows")
    print(f"kvartalsdata-koder.csv     {n2} rows")
    print(f"arsdata.csv                {n3} rows")
    print(f"kolada.json                {n4} entries, {n4v} values")
