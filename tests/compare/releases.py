#!/usr/bin/env python3
"""Releases of a list against a direct comparison written here (standard
library only).  Usage: releases.py TOLL_BINDIR [SEED...].

For each seed: three releases of a generated list of victims (an id, a
name, a date of death, a count of 1 or, for a few rows, a family of 2 to
5), each a CSV file: the next release keeps most people, drops some (a
name found alive, a double entry), corrects some (a name, a date, a
count) and adds many.  Then:
  - toll-import table --releases over the three files: toll-agg gives the
    latest release's total, and toll-agg --as-of each release's date that
    release's total;
  - each release imported alone, toll-rev diff --latest of two of them
    lists exactly the ids added, removed and changed (another count),
    found here by comparing the two CSV files by id;
  - toll-rev series --every month over the stacked releases: the toll at
    each release's month is that release's total, and the changes add up
    to the latest.
Prints "ok"/"FAIL" lines and "releases: N passed, N failed"."""
import csv
import os
import random
import subprocess
import sys
import tempfile

DATES = ["2021-01-15", "2021-06-01", "2022-03-10"]


def generate(seed):
    rnd = random.Random(seed)
    people, next_id, releases = {}, 1, []
    for n, grow in enumerate([400, 350, 500]):
        if n > 0:
            for pid in rnd.sample(sorted(people), len(people) // 20):
                del people[pid]                          # withdrawn
            for pid in rnd.sample(sorted(people), len(people) // 10):
                name, date, count = people[pid]
                what = rnd.randrange(3)
                people[pid] = (name + " Jr" if what == 0 else name,
                               "2020-11-%02d" % rnd.randint(1, 28) if what == 1 else date,
                               str(int(count) + 1) if what == 2 else count)
        for _ in range(grow):
            people[str(next_id)] = ("Person %d" % next_id, "2020-%02d-%02d" % (rnd.randint(9, 11),
                                    rnd.randint(1, 28)), str(rnd.choice([1] * 20 + [2, 3, 5])))
            next_id += 1
        rows = [(pid,) + people[pid] for pid in people]
        rnd.shuffle(rows)
        releases.append(rows)
    return releases


def write(rows, path):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "date_of_death", "count"])
        w.writerows(rows)


def read(path):
    with open(path, newline="") as f:
        return {r["id"]: (r["name"], r["date_of_death"], r["count"]) for r in csv.DictReader(f)}


def main():
    bindir = sys.argv[1]
    seeds = [int(s) for s in sys.argv[2:]] or [1, 2]
    passed = failed = 0
    tmp = tempfile.mkdtemp()

    def run(*args, stdin=None):
        return subprocess.run([os.path.join(bindir, args[0])] + list(args[1:]), capture_output=True,
                              text=True, input=stdin)

    def check(name, ok, detail=""):
        nonlocal passed, failed
        print(("ok releases: " if ok else "FAIL releases: ") + name + ("" if ok or not detail else ": " + detail))
        passed += ok
        failed += not ok

    imp = ["toll-import", "table", "--map", "event=id,start=date_of_death,best=count",
           "--set", "source=List,side=all,category=killed"]
    for seed in seeds:
        files = []
        for i, rows in enumerate(generate(seed)):
            files.append(os.path.join(tmp, "r%d.csv" % i))
            write(rows, files[-1])
        lists = [read(f) for f in files]
        totals = [sum(int(v[2]) for v in lst.values()) for lst in lists]
        stacked = run(*(imp + ["--releases", ",".join(DATES)] + files))
        check("seed %d: the stacked import" % seed, stacked.returncode == 0, stacked.stderr)
        with open(os.path.join(tmp, "stacked.tsv"), "w") as f:
            f.write(stacked.stdout)
        agg = run("toll-agg", "-g", "", os.path.join(tmp, "stacked.tsv"))
        got = agg.stdout.splitlines()[1].split("\t")[1] if agg.returncode == 0 else agg.stderr
        check("seed %d: the stacked releases total the latest (%d)" % (seed, totals[-1]),
              got == str(totals[-1]), "got " + got)
        for date, total in zip(DATES, totals):
            agg = run("toll-agg", "-g", "", "--as-of", date, os.path.join(tmp, "stacked.tsv"))
            got = agg.stdout.splitlines()[1].split("\t")[1] if agg.returncode == 0 else agg.stderr
            check("seed %d: as of %s, that release's total (%d)" % (seed, date, total),
                  got == str(total), "got " + got)
        # Each release alone, and diff --latest against a comparison by id.
        alone = []
        for i, f in enumerate(files):
            r = run(*(imp + ["--releases", DATES[i], f]))
            alone.append(os.path.join(tmp, "alone%d.tsv" % i))
            with open(alone[-1], "w") as out:
                out.write(r.stdout)
        for i in range(len(files) - 1):
            old, new = lists[i], lists[i + 1]
            want = {("added", k) for k in new.keys() - old.keys()}
            want |= {("removed", k) for k in old.keys() - new.keys()}
            want |= {("changed", k) for k in old.keys() & new.keys() if old[k][2] != new[k][2]}
            diff = run("toll-rev", "diff", "--latest", alone[i], alone[i + 1])
            got = {(f[0], f[1]) for f in (ln.split("\t") for ln in diff.stdout.splitlines()[1:])}
            check("seed %d: diff --latest of releases %d and %d: %d added, %d removed, %d changed" %
                  (seed, i + 1, i + 2, sum(w[0] == "added" for w in want),
                   sum(w[0] == "removed" for w in want), sum(w[0] == "changed" for w in want)),
                  got == want and diff.returncode == (1 if want else 0),
                  "%d rows differ" % len(got ^ want))
        # Series by month: each release's month holds its total; the changes add up.
        ser = run("toll-rev", "series", "--every", "month", "-g", "", os.path.join(tmp, "stacked.tsv"))
        rows = {f[0]: f for f in (ln.split("\t") for ln in ser.stdout.splitlines()[1:])}
        ok = all(rows.get(d[:7], [None] * 4)[3] == str(t) for d, t in zip(DATES, totals))
        check("seed %d: series by month, each release's month its total" % seed, ok, ser.stderr)
        check("seed %d: series by month, the changes add up to the latest" % seed,
              sum(int(f[5]) for f in rows.values()) == totals[-1])
    print("releases: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
