#!/usr/bin/env python3
"""toll-agg against a second implementation of its rules, written here from
the README (standard library only).  Usage: agg.py TOLL_AGG [SEED...].

For each seed: a generated reports table (many sources per claim, some
claims with more than 32, open and closed intervals, ties of best and of
report time, revisions, a date for --as-of), then every policy but 'each'
with the default keys (side, status, category), as of the last report and
as of a date in the middle.  Whole people: the lower median, a mean rounded
half to even; best_by 'toll' where the best is one no source stated.  Prints "ok"/"FAIL" lines and "agg: N passed,
N failed"."""
import random
import subprocess
import sys
import tempfile

SERIES = 40       # sources S01..S40


def generate(seed):
    rnd = random.Random(seed)
    rows = []
    for e in range(1, 13):
        for side in rnd.sample(["A", "B", "C"], rnd.randint(1, 3)):
            for status, cat in rnd.sample([("military", "killed"), ("civilian", "killed"),
                                           ("all", "wounded"), ("unknown", "missing")], 2):
                nsrc = 35 if rnd.random() < 0.2 else rnd.randint(1, 6)
                for s in rnd.sample(range(1, SERIES + 1), nsrc):
                    for rev in range(rnd.randint(1, 3)):
                        day = 1 + rnd.randint(0, 5) * 3 + rev   # ties of time across sources
                        low = rnd.choice([5, 10, 20, 40, 40, 60])
                        best = low + rnd.choice([0, 0, 3, 5, 10])
                        kind = rnd.random()
                        if kind < 0.2:
                            fig = (str(low), "", "")            # at least: open
                        elif kind < 0.35:
                            fig = ("", "", str(best + 7))       # up to
                        elif kind < 0.6:
                            fig = ("", str(best), "")           # a point
                        else:
                            fig = (str(low), str(best), str(best + rnd.choice([0, 2, 9])))
                        rows.append(("e%02d" % e, "2022-09-%02d" % day, "S%02d" % s, side, cat,
                                     status) + fig)
    rnd.shuffle(rows)
    return rows


def complete(low, best, high):
    """toll(7), THE REPORTS TABLE: (low, best, high), high None when unbounded."""
    lo = int(low) if low else None
    be = int(best) if best else None
    hi = int(high) if high else None
    if be is None and lo is None and hi is not None:
        return 0, hi, hi
    if lo is None:
        lo = 0 if hi is not None or be is None else be
    if be is None:
        be = lo if hi is None and low else (lo + hi) // 2
    if hi is None and not low:
        hi = be                 # best alone: a point
    return lo, be, hi


def median2(v):
    """In halves: the lower of the two middle ones (whole people); None
    (unbounded) sorts last."""
    key = sorted(v, key=lambda x: (x is None, x or 0))
    m = key[(len(key) - 1) // 2]
    return None if m is None else 2 * m


def mean2(v):
    """In halves: the mean rounded to the nearest whole number, a half to the even one."""
    s, n = sum(v), len(v)
    q, r = divmod(s, n)
    if 2 * r > n or (2 * r == n and q % 2):
        q += 1
    return 2 * q


def flags(claims, best2):
    """Whether a best (in halves) is toll's: every claim that gave it had it
    supplied, or none gave it (a mean)."""
    gave = [c for c in claims if 2 * c[3] == best2]
    return all(c[5] for c in gave) if gave else True


def combine(policy, claims):
    """claims: [(reported, source, low, best, high, supplied)] ->
    (low2, best2, high2 or None, chosen, supplied)."""
    def recent(c):          # later report first, then the smaller source name
        return (c[0], [-ord(ch) for ch in c[1]])

    def whole(c):
        return 2 * c[2], 2 * c[3], None if c[4] is None else 2 * c[4], 1, c[5]
    if policy in ("min", "max"):
        pick = None
        for c in claims:
            if pick is None or (c[3] < pick[3] if policy == "min" else c[3] > pick[3]) or \
               (c[3] == pick[3] and recent(c) > recent(pick)):
                pick = c
        return whole(pick)
    if policy == "latest":
        return whole(max(claims, key=recent))
    if policy.startswith("prefer:"):
        for want in policy[7:].split(","):
            for c in claims:
                if c[1] == want:
                    return whole(c)
        policy = "range"
    if policy == "mean":
        high = None if any(c[4] is None for c in claims) else mean2([c[4] for c in claims])
        best = mean2([c[3] for c in claims])
        return mean2([c[2] for c in claims]), best, high, len(claims), flags(claims, best)
    if policy == "median":
        best = median2([c[3] for c in claims])
        return (median2([c[2] for c in claims]), best, median2([c[4] for c in claims]),
                len(claims), flags(claims, best))
    if policy == "consensus":
        # Without stated ends nothing is stale, and without claimants no
        # party's word replaces another's; the missing count as they stand:
        # only the claims reported last.  Then a claim whose interval holds
        # another's (exact, as every claim here is), and is not the same
        # interval, says less: out.
        if claims[0][6] in ("missing", "captured"):
            last = max(c[0] for c in claims)
            claims = [c for c in claims if c[0] == last]

        def holds(a, b):
            ah = float("inf") if a[4] is None else a[4]
            bh = float("inf") if b[4] is None else b[4]
            return a[2] <= b[2] and ah >= bh and (a[2], ah) != (b[2], bh)
        claims = [a for a in claims if not any(holds(a, b) for b in claims)]
    high = None if any(c[4] is None for c in claims) else 2 * max(c[4] for c in claims)
    best = median2([c[3] for c in claims])
    return 2 * min(c[2] for c in claims), best, high, len(claims), flags(claims, best)


def number(h):
    assert h % 2 == 0, "a best in halves"
    return "%d" % (h // 2)


def reference(rows, policy, as_of):
    latest = {}
    for r in rows:
        if r[1] > as_of:
            continue
        key = (r[0], r[3], r[5], r[4], r[2])       # event, side, status, category, source
        if key not in latest or r[1] > latest[key][0]:
            # A best no source stated (here: "up to N") is toll's.
            latest[key] = (r[1],) + complete(*r[6:9]) + (not r[7] and bool(r[8]),)
    claims = {}
    for (event, side, status, cat, source), (rep, lo, be, hi, sup) in latest.items():
        claims.setdefault((event, side, status, cat), []).append((rep, source, lo, be, hi, sup, cat))
    groups = {}
    for (event, side, status, cat), cl in claims.items():
        lo, be, hi, n, sup = combine(policy, cl)
        g = groups.setdefault((side, status, cat), [0, 0, 0, set(), 0, False])
        g[0] += lo
        g[1] += be
        g[2] = None if g[2] is None or hi is None else g[2] + hi
        g[3].add(event)
        g[4] += n
        g[5] = g[5] or sup
    out = ["side\tstatus\tcategory\tlow\tbest\thigh\tevents\tseries\tqualifier\tbest_by\tadversary"]
    for k in sorted(groups, key=lambda k: [x.encode() for x in k]):
        lo, be, hi, ev, n, sup = groups[k]
        out.append("\t".join(list(k) + [number(lo), number(be), "" if hi is None else number(hi),
                                        str(len(ev)), str(n), "", "toll" if sup else "sources", ""]))
    return "\n".join(out) + "\n"


def main():
    agg = sys.argv[1]
    seeds = [int(s) for s in sys.argv[2:]] or [1, 2, 3]
    passed = failed = 0
    for seed in seeds:
        rows = generate(seed)
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
            f.write("event\treported\tsource\tside\tcategory\tstatus\tlow\tbest\thigh\n")
            for r in rows:
                f.write("\t".join(r) + "\n")
            path = f.name
        for policy in ("consensus", "range", "min", "max", "latest", "mean", "median",
                       "prefer:S07,S03"):
            for as_of in ("9999-12-31", "2022-09-08"):
                want = reference(rows, policy, as_of)
                args = [agg, "-c", policy, path] + (["--as-of", as_of] if as_of < "9999" else [])
                got = subprocess.run(args, capture_output=True, text=True)
                name = "seed %d, %s, as of %s" % (seed, policy, as_of)
                if got.returncode == 0 and got.stdout == want:
                    print("ok agg: " + name)
                    passed += 1
                else:
                    print("FAIL agg: " + name + (": " + got.stderr.strip() if got.stderr else ""))
                    wl, gl = want.splitlines(), got.stdout.splitlines()
                    for i in range(max(len(wl), len(gl))):
                        if (wl[i:i + 1] or [""])[0] != (gl[i:i + 1] or [""])[0]:
                            print("  want " + (wl[i:i + 1] or [""])[0])
                            print("  got  " + (gl[i:i + 1] or [""])[0])
                            break
                    failed += 1
    print("agg: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
