#!/bin/sh
# The parts table (issue 34): toll-agg -g side,category over one generated
# table in 1, 2 and 4 parts (--part I/K), run one after the other on this
# machine: each part's time and peak memory, the merge's, and whether the
# merge is byte for byte the whole run's.  Part of make bench, never of
# make check.
#   tests/bench/parts.sh BUILD OUT [ROWS] [RUNS]
set -eu
build=$1
out=$2
rows=${3:-4000000}
runs=${4:-3}
gen="$build/bench/gen"
measure="$build/bench/measure"
bin="$build/bin"

f="$out/parts-$rows.tsv"
[ -s "$f" ] || "$gen" "$rows" 4 >"$f"
mb=$(wc -c <"$f" | awk '{ printf "%.0f", $1 / 1e6 }')
"$bin/toll-agg" -g side,category "$f" >"$out/parts-whole.tsv" 2>/dev/null

echo
echo "Parts: toll-agg -g side,category of $rows rows ($mb MB) in K parts, each run alone (median of $runs)"
echo
echo "| K | a part: time | a part: peak memory | the K parts, one after the other | merge | merge = one run |"
echo "| --- | --- | --- | --- | --- | --- |"
for k in 1 2 4; do
	set --
	i=1
	while [ "$i" -le "$k" ]; do
		if [ "$k" -eq 1 ]; then
			set -- "$@" "part$i" "$bin/toll-agg -g side,category $f"
		else
			set -- "$@" "part$i" "$bin/toll-agg --part $i/$k -g side,category $f"
			"$bin/toll-agg" --part "$i/$k" -g side,category "$f" >"$out/part-$i-of-$k.tsv" 2>/dev/null
		fi
		i=$((i + 1))
	done
	"$measure" "$runs" "$@" >"$out/parts-$k.m"
	if [ "$k" -eq 1 ]; then
		merge="-" same="-"
	else
		parts=$(i=1; while [ "$i" -le "$k" ]; do printf '%s ' "$out/part-$i-of-$k.tsv"; i=$((i + 1)); done)
		merge=$("$measure" "$runs" merge "$bin/toll-agg --merge $parts" | awk -F'\t' '{ printf "%.3f s", $2 }')
		# shellcheck disable=SC2086
		if "$bin/toll-agg" --merge $parts | cmp -s - "$out/parts-whole.tsv"; then same=yes; else same=NO; fi
	fi
	awk -F'\t' -v k="$k" -v merge="$merge" -v same="$same" '
		{ t += $2; if ($2 > tmax) tmax = $2; if ($3 > mmax) mmax = $3 }
		END { printf "| %d | %.3f s (the slowest) | %.0f MiB | %.3f s | %s | %s |\n", k, tmax, mmax / 1024, t, merge, same }' "$out/parts-$k.m"
done

# toll split: the table written once as K part files; then each part reads
# only its own rows.
echo
echo "toll split -k K of the same table, then toll-agg --part I/K of each part file (median of $runs)"
echo
echo "| K | toll split: time | peak memory | a part file: time | a part file: peak memory | merge = one run |"
echo "| --- | --- | --- | --- | --- | --- |"
for k in 2 4; do
	sm=$("$measure" "$runs" split "$bin/toll-split -k $k -o $out/split$k- $f")
	set --
	i=1
	while [ "$i" -le "$k" ]; do
		set -- "$@" "part$i" "$bin/toll-agg --part $i/$k -g side,category $out/split$k-$i.tsv"
		"$bin/toll-agg" --part "$i/$k" -g side,category "$out/split$k-$i.tsv" >"$out/spart-$i-of-$k.tsv" 2>/dev/null
		i=$((i + 1))
	done
	"$measure" "$runs" "$@" >"$out/split-$k.m"
	parts=$(i=1; while [ "$i" -le "$k" ]; do printf '%s ' "$out/spart-$i-of-$k.tsv"; i=$((i + 1)); done)
	# shellcheck disable=SC2086
	if "$bin/toll-agg" --merge $parts | cmp -s - "$out/parts-whole.tsv"; then same=yes; else same=NO; fi
	printf '%s\n' "$sm" | awk -F'\t' -v k="$k" -v same="$same" -v m="$out/split-$k.m" '
		{ st = $2; sm = $3 }
		END {
			while ((getline line < m) > 0) { split(line, a, "\t"); if (a[2] > tmax) tmax = a[2]; if (a[3] > mmax) mmax = a[3] }
			printf "| %d | %.3f s | %.0f MiB | %.3f s (the slowest) | %.0f MiB | %s |\n", k, st, sm / 1024, tmax, mmax / 1024, same
		}'
	rm -f "$out"/split$k-*.tsv
done
