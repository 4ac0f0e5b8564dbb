"""The chart jobs of toll-plot's benchmark done with matplotlib (Agg), as a
user would: pandas reads the table, matplotlib draws it to an 800x500 PNG.
   plot_matplotlib.py line FILE OUT.png   y against x, one line
   plot_matplotlib.py bar FILE OUT.png    best by the first column, bars"""
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

kind, path, out = sys.argv[1:4]
df = pd.read_csv(path, sep="\t")
fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
if kind == "line":
    ax.plot(df["x"].to_numpy(), df["y"].to_numpy(), linewidth=1.2)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
else:
    ax.bar(df.iloc[:, 0].astype(str), df["best"])
    ax.set_ylabel("best")
fig.savefig(out)
