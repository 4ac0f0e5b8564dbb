#!/bin/sh
# The scaling table: time and peak memory of toll-check, toll-agg and
# toll-stats at 10k, 100k, 1M and 10M rows of tests/bench/gen.c's tables
# (4 revisions a series), with the series each holds: time should grow
# with rows, memory with series.  Part of make bench, never of make check.
#   tests/bench/scale.sh BUILD OUT [RUNS]
set -eu
build=$1
out=$2
runs=${3:-3}
gen="$build/bench/gen"
measure="$build/bench/measure"
bin="$build/bin"

echo
echo "Scaling: time and peak memory against rows (median of $runs runs each)"
echo
echo "| rows | MB | series | toll-check | toll-agg | toll-stats --every-revision -g side,category count sum:best median:best |"
echo "| --- | --- | --- | --- | --- | --- |"
for rows in 10000 100000 1000000 10000000; do
	f="$out/scale-$rows.tsv"
	[ -s "$f" ] || "$gen" "$rows" 4 >"$f"
	mb=$(wc -c <"$f" | awk '{ printf "%.1f", $1 / 1e6 }')
	series=$("$bin/toll-check" --summary "$f" 2>/dev/null | awk -F'\t' 'NR == 2 { print $2 }')
	"$measure" "$runs" check "$bin/toll-check $f" agg "$bin/toll-agg $f" \
		stats "$bin/toll-stats --every-revision -g side,category count sum:best median:best $f" |
		awk -F'\t' -v rows="$rows" -v mb="$mb" -v series="${series:-?}" '
			{ cell[NR] = sprintf("%.3f s, %.1f MiB", $2, $3 / 1024) }
			END { printf "| %d | %s | %s | %s | %s | %s |\n", rows, mb, series, cell[1], cell[2], cell[3] }'
done
