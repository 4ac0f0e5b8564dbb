#!/bin/sh
# The speed goals of issue 18, measured side by side (ratios, not absolute
# times) on the generated table of 1M rows, and printed against each goal:
#   toll-check at least 2 times as fast as mawk counting fields;
#   toll-agg at least 20 times pandas and 8 times DuckDB, in at most a third
#     of either's memory, with the same numbers;
#   toll-stats at least 15 times datamash, 4 times mawk, 10 times DuckDB;
#   toll-check and toll-agg reading at least 1 GB/s of a file in the page cache.
# Usage: tests/bench/goals.sh BUILD [RUNS]   (run by make bench, after run.sh
# has generated the tables and installed the peers it could).
set -eu
build=$1
runs=${2:-7}
here=$(cd "$(dirname "$0")" && pwd)
out="$here/out"
bin="$build/bin"
measure="$build/bench/measure"
f="$out/1m.tsv"
n="$out/1m-norm.tsv"
have() { command -v "$1" >/dev/null 2>&1; }
[ -s "$f" ] && [ -s "$n" ] && [ -x "$measure" ] || { echo "goals: run tests/bench/run.sh first" >&2; exit 2; }
bytes=$(wc -c <"$f")
py=
for p in /usr/bin/python3 python3; do
	if have "$p" && "$p" -c 'import pandas' 2>/dev/null; then py=$p; break; fi
done
duck=
[ -d "$out/duckdb/node_modules/@duckdb/node-api" ] && have node && duck=1
threads=$(nproc 2>/dev/null || echo 1)   # what --threads defaults to (up to 8)
cat "$f" "$n" >/dev/null   # in the page cache

# Same numbers first: the comparisons mean nothing otherwise.
"$bin/toll-agg" -c range "$f" >"$build/bench/goal-agg.tsv"
if [ -n "$py" ]; then
	"$py" "$here/agg_pandas.py" "$f" | cmp -s - "$build/bench/goal-agg.tsv" && echo "toll-agg and pandas: byte-identical tables" ||
		echo "toll-agg and pandas: DIFFERENT tables"
fi
if [ -n "$duck" ]; then
	node "$here/agg_duckdb.mjs" "$f" 2 | cmp -s - "$build/bench/goal-agg.tsv" && echo "toll-agg and DuckDB: byte-identical tables" ||
		echo "toll-agg and DuckDB: DIFFERENT tables"
	"$bin/toll-stats" --every-revision -g side,category count sum:best mean:best median:best "$n" >"$build/bench/goal-stats.tsv"
	node "$here/stats_duckdb.mjs" "$n" 2 | cmp -s - "$build/bench/goal-stats.tsv" && echo "toll-stats and DuckDB: byte-identical tables" ||
		echo "toll-stats and DuckDB: DIFFERENT tables"
fi
echo

# name command, measured together; then rows of the goals table.
sv="--every-revision -g side,category count sum:best mean:best median:best"
set -- "check" "$bin/toll-check $f" "check1" "$bin/toll-check --threads 1 $f"
have mawk && set -- "$@" "mawk" "mawk -F'\t' 'NF!=11{exit 1}' $f"
set -- "$@" "agg" "$bin/toll-agg -c range $f" "agg1" "$bin/toll-agg -c range --threads 1 $f"
[ -n "$py" ] && set -- "$@" "pandas" "$py $here/agg_pandas.py $f"
[ -n "$duck" ] && set -- "$@" "duckagg" "node $here/agg_duckdb.mjs $f 2"
set -- "$@" "stats" "$bin/toll-stats $sv $n" "stats1" "$bin/toll-stats --threads 1 $sv $n"
have datamash && set -- "$@" "datamash" "sh -c 'datamash -H -s -g 4,5 count 8 sum 8 mean 8 median 8 <$n'"
have mawk && set -- "$@" "mawks" "mawk -F'\t' 'NR > 1 { k = \$4 FS \$5; c[k]++; s[k] += \$8 } END { for (k in c) print k, c[k], s[k] }' $n"
[ -n "$duck" ] && set -- "$@" "duckstats" "node $here/stats_duckdb.mjs $n 2"
"$measure" "$runs" "$@" >"$build/bench/goals.txt"

awk -F'\t' -v bytes="$bytes" -v threads="$threads" '
	{ t[$1] = $2; m[$1] = $3 / 1024 }
	function row(what, a, b, goal, memgoal,   r, ok) {
		if (!(a in t) || !(b in t)) { printf "| %s | not measured (peer missing) | | |\n", what; return }
		r = t[b] / t[a]
		ok = (r >= goal)
		if (memgoal && m[a] * 3 > m[b]) ok = 0
		printf "| %s | %.3f s, %.0f MiB | %.3f s, %.0f MiB | %.1f | %s%s | %s |\n", what, t[a], m[a], t[b], m[b], r,
			goal, memgoal ? ", a third of the memory" : "", ok ? "reached" : "NOT reached"
	}
	function speed(what, a,   g) {
		g = bytes / t[a] / 1e9
		printf "| %s | %.3f s, %.0f MiB | %.0f MB | %.2f GB/s | 1 GB/s | %s |\n", what, t[a], m[a], bytes / 1e6, g,
			(g >= 1) ? "reached" : "NOT reached"
	}
	END {
		print "| goal (" threads " threads) | toll | peer | ratio | goal | |"
		print "| --- | --- | --- | --- | --- | --- |"
		row("toll-check / mawk counting fields", "check", "mawk", 2, 0)
		row("toll-agg / pandas", "agg", "pandas", 20, 1)
		row("toll-agg / DuckDB (2 threads)", "agg", "duckagg", 8, 1)
		row("toll-stats / datamash", "stats", "datamash", 15, 0)
		row("toll-stats / mawk (count and sum only)", "stats", "mawks", 4, 0)
		row("toll-stats / DuckDB (2 threads)", "stats", "duckstats", 10, 0)
		speed("toll-check reading", "check")
		speed("toll-agg reading", "agg")
		print ""
		print "| one thread (--threads 1) | time | peak memory | threads / one |"
		print "| --- | --- | --- | --- |"
		printf "| toll-check | %.3f s | %.0f MiB | %.2f |\n", t["check1"], m["check1"], t["check1"] / t["check"]
		printf "| toll-agg -c range | %.3f s | %.0f MiB | %.2f |\n", t["agg1"], m["agg1"], t["agg1"] / t["agg"]
		printf "| toll-stats | %.3f s | %.0f MiB | %.2f |\n", t["stats1"], m["stats1"], t["stats1"] / t["stats"]
	}' "$build/bench/goals.txt"
