#!/usr/bin/python3
"""toll-agg's default job written in pandas, the benchmark's peer.

    agg_pandas.py [--usecols] FILE.tsv

--usecols reads only the columns the job needs (pandas' fastest way); by
default every column is read, as toll-agg reads and checks them all.

Reads a reports table, completes the figures by toll(7), keeps the latest
revision of each series, combines the series of each claim group by 'range'
(low: min of lows, best: the lower median of bests, high: max of highs) and
sums per side, status and category, writing the table toll-agg writes (an
unbounded high as an empty field; best_by 'toll' when a claim's best is a
range's middle that no source stated; the generated tables have no
qualifier or claimant, so those columns stay empty).  It does not validate
anything.
"""
import sys

import numpy as np
import pandas as pd

SERIES = ["event", "side", "status", "category", "source"]
CLAIM = ["event", "side", "status", "category"]
KEYS = ["side", "status", "category"]


def number(x):
    """A whole number, as toll writes them (an unbounded one: empty)."""
    return "" if np.isinf(x) else "%d" % x


def main(path, usecols):
    df = pd.read_csv(path, sep="\t", dtype={"low": "float64", "best": "float64",
                                            "high": "float64"},
                     usecols=SERIES + ["reported", "low", "best", "high"] if usecols else None)
    df["status"] = df["status"].fillna("all")
    has_low, has_best, has_high = df["low"].notna(), df["best"].notna(), df["high"].notna()
    only_best = has_best & ~has_low & ~has_high
    is_open = has_low & ~has_high
    low = np.where(only_best, df["best"], df["low"].fillna(0))
    high = np.where(only_best, df["best"],
                    np.where(has_high, df["high"], np.where(is_open, np.inf, 0)))
    best = np.where(has_best, df["best"],
                    np.where(is_open, low,
                             np.where(~has_low, high, np.floor((low + high) / 2))))
    df["low"], df["best"], df["high"] = low, best, high
    df["supplied"] = ~has_best & has_high
    df["t"] = pd.to_datetime(df["reported"], utc=True)
    latest = df.sort_values("t", kind="stable").drop_duplicates(SERIES, keep="last")
    g = latest.groupby(CLAIM, sort=False)
    claims = g.agg(low=("low", "min"), high=("high", "max"),
                   series=("source", "size")).reset_index()
    claims["best"] = g["best"].quantile(0.5, interpolation="lower").values
    # The claim's best is toll's when every series that gave it had it supplied.
    m = latest.merge(claims[CLAIM + ["best"]].rename(columns={"best": "cbest"}), on=CLAIM)
    sup = m[m["best"] == m["cbest"]].groupby(CLAIM)["supplied"].all().rename("supplied")
    claims = claims.merge(sup.reset_index(), on=CLAIM, how="left")
    # groupby's sum compensates rounding (Kahan), which turns inf into NaN.
    claims["open"] = np.isinf(claims["high"])
    claims["high"] = claims["high"].where(~claims["open"], 0)
    out = claims.groupby(KEYS).agg(
        low=("low", "sum"), best=("best", "sum"), high=("high", "sum"), open=("open", "any"),
        events=("event", "nunique"), series=("series", "sum"),
        supplied=("supplied", "any")).reset_index()
    out["high"] = out["high"].where(~out["open"], np.inf)
    out = out.sort_values(KEYS, key=lambda c: c.str.encode("utf-8"))
    lines = ["\t".join(KEYS + ["low", "best", "high", "events", "series", "qualifier", "best_by",
                              "adversary"])]
    for r in out.itertuples(index=False):
        lines.append("\t".join([r.side, r.status, r.category, number(r.low), number(r.best),
                                number(r.high), str(r.events), str(r.series), "",
                                "toll" if r.supplied else "sources", ""]))
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--usecols":
        main(sys.argv[2], True)
    elif len(sys.argv) == 2:
        main(sys.argv[1], False)
    else:
        sys.exit("usage: agg_pandas.py [--usecols] FILE.tsv")
