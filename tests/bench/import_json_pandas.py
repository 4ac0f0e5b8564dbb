#!/usr/bin/python3
"""toll-import table's mapping of a JSON Lines file, written in pandas: the
benchmark's peer.

    import_json_pandas.py FILE.jsonl

Reads the records of tests/bench/gen_jsonl.c (json.loads per line,
pandas.json_normalize for the nested location), maps them as

    toll-import table --map event=event_id_cnty,reported=event_date,side=country,best=fatalities \\
        --set source=ACLED,category=killed FILE.jsonl

does (a record without fatalities left out; the other keys kept, by dotted
path, in the order they first appear; a list as compact JSON) and writes
the same TSV.  It does not validate anything.
"""
import csv
import json
import sys

import pandas as pd

USED = {"event_id_cnty", "event_date", "country", "fatalities"}


def escape(s):
    return (s.str.replace("\\", "\\\\", regex=False).str.replace("\t", "\\t", regex=False)
            .str.replace("\n", "\\n", regex=False).str.replace("\r", "\\r", regex=False))


def text(v):
    if isinstance(v, list):
        return json.dumps(v, separators=(",", ":"), ensure_ascii=False)
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, float) and v == int(v) and abs(v) < 1e15:
        return str(int(v))   # 30.0000 is 30, as toll writes a decimal: its shortest
    return str(v)


def paths(o, prefix=""):
    """The dotted paths of o's keys, in order, nested objects opened."""
    for k, v in o.items():
        if isinstance(v, dict) and v:
            yield from paths(v, prefix + k + ".")
        else:
            yield prefix + k


def main(path):
    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    d = pd.json_normalize(records)
    d = d[d["fatalities"].notna()]
    n = len(d)
    out = pd.DataFrame({
        "event": d["event_id_cnty"].values,
        "reported": d["event_date"].values,
        "source": ["ACLED"] * n,
        "side": d["country"].values,
        "category": ["killed"] * n,
        "status": [""] * n,
        "low": [""] * n,
        "best": d["fatalities"].astype("int64").astype(str).values,
        "high": [""] * n,
        "start": [""] * n,
        "end": [""] * n,
    })
    # The columns kept: the keys not used, in the order the first 1,000 records give them.
    kept = []
    for r in records[:1000]:
        for c in paths(r):
            if c not in USED and c not in kept:
                kept.append(c)
    for c in kept:
        out[c] = escape(d[c].map(text)).values
    out.to_csv(sys.stdout, sep="\t", index=False, quoting=csv.QUOTE_NONE, escapechar=None,
               quotechar="\x01", lineterminator="\n")


if __name__ == "__main__":
    main(sys.argv[1])
