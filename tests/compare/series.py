#!/usr/bin/env python3
"""toll-rev series against a second computation written here (standard
library only; the rules of one period are agg.py's, written from the
README).  Usage: series.py TOLL_BINDIR [SEED...].

For each seed: a generated table of running totals (several events, sides
and categories, each claim from one to four sources, daily cumulative
figures over four months with gaps, a few that fall, rows shuffled), then
for day, week and month and the policies consensus, median and latest:
  - toll-rev series against the tolls at each period's end computed here
    (the latest revision of each series up to that day, combined by the
    policy), with change (best minus the period before's, the first period
    all of it) and updated (the row's events reported in the period);
  - the changes of each row add up to its last toll;
  - each period's rows against toll-agg --as-of the period's label;
  - the same output with the rows in another order.
Then on the curated datasets (datasets/*.tsv: sides within sides, side
all, claimants, known conflicts), for several keys and policies, every
month with a report against toll-agg --as-of that month.
Prints "ok"/"FAIL" lines and "series: N passed, N failed"."""
import datetime
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from agg import reference  # noqa: E402  (one period's tolls, written from the README)

START = datetime.date(2022, 9, 1)
DAYS = 120


def generate(seed):
    rnd = random.Random(seed)
    rows = []
    for e in range(1, 6):
        for side in rnd.sample(["A", "B", "C"], rnd.randint(1, 3)):
            for status, cat in rnd.sample([("military", "killed"), ("civilian", "killed"),
                                           ("all", "wounded")], rnd.randint(1, 2)):
                first = rnd.randint(0, DAYS // 2)
                for s in rnd.sample(range(1, 9), rnd.randint(1, 4)):
                    total = rnd.randint(0, 20)
                    day = first + rnd.randint(0, 10)
                    while day < DAYS:
                        if rnd.random() < 0.06 and total > 5:
                            total -= rnd.randint(1, 5)          # a correction: it falls
                        else:
                            total += rnd.randint(0, 30)
                        kind = rnd.random()
                        if kind < 0.15:
                            fig = (str(total), "", "")           # at least
                        elif kind < 0.3:
                            fig = (str(total), str(total), str(total + rnd.randint(0, 9)))
                        else:
                            fig = ("", str(total), "")
                        rows.append(("e%d" % e, (START + datetime.timedelta(days=day)).isoformat(),
                                     "S%d" % s, side, cat, status) + fig)
                        day += rnd.choice([1, 1, 1, 2, 3, 7, 15])
    rnd.shuffle(rows)
    return rows


def period_of(date, unit):
    """The label of a day's period, and its last day."""
    d = datetime.date.fromisoformat(date)
    if unit == "day":
        return d.isoformat(), d
    if unit == "week":
        y, w, wd = d.isocalendar()
        return "%04d-W%02d" % (y, w), d + datetime.timedelta(days=7 - wd)
    nxt = datetime.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return "%04d-%02d" % (d.year, d.month), nxt - datetime.timedelta(days=1)


def periods(rows, unit):
    """Every period from the first report's to the last's: (label, last day)."""
    days = sorted(r[1] for r in rows)
    label, end = period_of(days[0], unit)
    last = period_of(days[-1], unit)[0]
    out = [(label, end)]
    while label != last:
        label, end = period_of((end + datetime.timedelta(days=1)).isoformat(), unit)
        out.append((label, end))
    return out


def table(text):
    lines = text.splitlines()
    return {tuple(f[:3]): f[3:] for f in (ln.split("\t") for ln in lines[1:])}


def expected(rows, unit, policy):
    pers = periods(rows, unit)
    fresh = {}
    for r in rows:
        fresh.setdefault((period_of(r[1], unit)[0], (r[3], r[5], r[4])), set()).add(r[0])
    out, last = {}, {}
    for label, end in pers:
        for key, f in table(reference(rows, policy, end.isoformat())).items():
            best = int(f[1])
            change = best - last.get(key, 0)
            last[key] = best
            out.setdefault(key, []).append([label, end.isoformat()] + f[:3] + [str(change)] + f[3:] +
                                           [str(len(fresh.get((label, key), ())))])
    lines = ["side\tstatus\tcategory\tperiod\tas_of\tlow\tbest\thigh\tchange\tevents\tseries\t"
             "qualifier\tbest_by\tadversary\tupdated"]
    for key in sorted(out, key=lambda k: [x.encode() for x in k]):
        lines += ["\t".join(list(key) + r) for r in out[key]]
    return "\n".join(lines) + "\n", pers


def write(rows, path):
    with open(path, "w") as f:
        f.write("event\treported\tsource\tside\tcategory\tstatus\tlow\tbest\thigh\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def main():
    bindir = sys.argv[1]
    seeds = [int(s) for s in sys.argv[2:]] or [1, 2]
    passed = failed = 0

    def check(name, ok, detail=""):
        nonlocal passed, failed
        if ok:
            print("ok series: " + name)
            passed += 1
        else:
            print("FAIL series: " + name + (": " + detail if detail else ""))
            failed += 1

    tmp = tempfile.mkdtemp()
    for seed in seeds:
        rows = generate(seed)
        path, path2 = os.path.join(tmp, "a.tsv"), os.path.join(tmp, "b.tsv")
        write(rows, path)
        write(list(reversed(rows)), path2)
        for unit in ("day", "week", "month"):
            for policy in ("consensus", "median", "latest"):
                name = "seed %d, every %s, %s" % (seed, unit, policy)
                args = [os.path.join(bindir, "toll-rev"), "series", "--every", unit, "-c", policy]
                got = subprocess.run(args + [path], capture_output=True, text=True)
                want, pers = expected(rows, unit, policy)
                diff = ""
                if got.stdout != want:
                    for w, g in zip(want.splitlines() + [""], got.stdout.splitlines() + [""]):
                        if w != g:
                            diff = "want %r, got %r" % (w, g)
                            break
                check(name + ", against the tolls computed here", got.returncode == 0 and
                      got.stdout == want, diff or got.stderr.strip())
                # The changes of each row add up to its last toll.
                sums, lastbest = {}, {}
                for ln in got.stdout.splitlines()[1:]:
                    f = ln.split("\t")
                    sums[tuple(f[:3])] = sums.get(tuple(f[:3]), 0) + int(f[8])
                    lastbest[tuple(f[:3])] = int(f[6])
                check(name + ", changes add up to the last toll", sums == lastbest and sums != {})
                # Each period's rows are toll-agg --as-of the period.
                bad = ""
                by_period = {}
                for ln in got.stdout.splitlines()[1:]:
                    f = ln.split("\t")
                    by_period.setdefault(f[3], []).append("\t".join(f[:3] + f[5:8] + f[9:14]))
                for label, _ in pers[:: max(1, len(pers) // 12)] + pers[-1:]:
                    agg = subprocess.run([os.path.join(bindir, "toll-agg"), "-c", policy, "--as-of",
                                          label, path], capture_output=True, text=True)
                    if agg.stdout.splitlines()[1:] != by_period.get(label, []):
                        bad = "as of " + label
                        break
                check(name + ", each period is toll-agg --as-of it", bad == "", bad)
                other = subprocess.run(args + [path2], capture_output=True, text=True)
                check(name + ", the same in another order", other.stdout == got.stdout)
    datasets = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets")
    for name in sorted(os.listdir(datasets)):
        if not name.endswith(".tsv"):
            continue
        path = os.path.join(datasets, name)
        for keys in ("side,status,category", "event,category", "source,category", "side,category"):
            for policy in ("consensus", "range", "latest", "each"):
                got = subprocess.run([os.path.join(bindir, "toll-rev"), "series", "--every", "month",
                                      "-g", keys, "-c", policy, path], capture_output=True, text=True)
                if got.returncode != 0:
                    continue   # refused as toll-agg refuses it (categories that do not nest, each)
                nk = len(keys.split(","))
                rows = {}
                for ln in got.stdout.splitlines()[1:]:
                    f = ln.split("\t")
                    rows.setdefault(f[nk], []).append(f)
                bad = ""
                for label, fs in sorted(rows.items()):
                    if all(f[-1] == "0" for f in fs):
                        continue
                    want = subprocess.run([os.path.join(bindir, "toll-agg"), "-g", keys, "-c", policy,
                                           "--as-of", label, path], capture_output=True, text=True)
                    mine = ["\t".join(f[:nk] + f[nk + 2:nk + 5] + f[nk + 6:-1]) for f in fs]
                    if want.stdout.splitlines()[1:] != mine:
                        bad = "as of " + label
                        break
                check("%s, -g %s, %s: each month with a report is toll-agg --as-of it" %
                      (name, keys, policy), bad == "", bad)
    print("series: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
