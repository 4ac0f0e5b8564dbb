#!/usr/bin/python3
"""toll-import acled's mapping written in pandas, the benchmark's peer.

    import_pandas.py FILE.csv

Reads an ACLED export in the current layout (every column as text, NA as
missing, as toll reads them), maps it as toll-import acled does and writes
the same TSV (TSV escapes for tabs, line breaks and backslashes).  It does
not validate anything.
"""
import csv
import sys

import numpy as np
import pandas as pd

KEPT = ["country", "admin1", "admin2", "admin3", "event_type", "sub_event_type", "actor1",
        "actor2", "latitude", "longitude", "iso3", "notes"]


def escape(s):
    return (s.str.replace("\\", "\\\\", regex=False).str.replace("\t", "\\t", regex=False)
            .str.replace("\n", "\\n", regex=False).str.replace("\r", "\\r", regex=False))


def main(path):
    d = pd.read_csv(path, dtype=str, na_values=["NA", "N/A", "NaN", "null"],
                    keep_default_na=False)
    date = pd.to_datetime(d["event_date"], format="%d %B %Y").dt.strftime("%Y-%m-%d")
    n = len(d)
    out = pd.DataFrame({
        "event": d["event_id_cnty"],
        "reported": date,
        "source": ["ACLED"] * n,
        "side": ["all"] * n,
        "category": ["killed"] * n,
        "status": np.where(d["event_type"] == "Violence against civilians", "civilian", "all"),
        "low": [""] * n,
        "best": d["fatalities"].astype(np.int64).astype(str),
        "high": [""] * n,
        "start": date,
        "end": date,
        "acled_source": d["source"],
    })
    for c in KEPT:
        out[c] = escape(d[c]) if c in d.columns else ""
    out.to_csv(sys.stdout, sep="\t", index=False, quoting=csv.QUOTE_NONE, escapechar=None,
               quotechar="\x01", lineterminator="\n")


if __name__ == "__main__":
    main(sys.argv[1])
