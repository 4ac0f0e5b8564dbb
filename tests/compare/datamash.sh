#!/bin/sh
# toll-stats against GNU datamash, operation by operation, on generated data.
# Usage: tests/compare/datamash.sh BINDIR.  Prints "datamash: N passed, N
# failed"; without datamash the comparison fails (it did not run).
set -u
bindir=$1
if ! command -v datamash >/dev/null 2>&1; then
	# Not a silent skip: a comparison that did not run is counted as failed.
	echo "FAIL datamash: datamash is not installed, so toll-stats was not compared with it"
	echo "(as root, make check installs it: apt-get install datamash)"
	echo "datamash: 0 passed, 1 failed"
	exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/toll-dm.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LC_ALL=C
export LC_ALL

# Rows in eight groups, one of them a single row; values with decimals,
# negatives, repeats and a wide range, from a fixed generator.  3,001 rows,
# and 160,001: enough values that toll-stats computes the groups' results
# in threads (--threads 3).
gen() {
	awk -v n="$1" 'BEGIN {
		x = 12345; print "g\tv"
		for (i = 0; i < n; i++) {
			x = (x * 1103515245 + 12345) % 2147483648
			g = "g" (x % 7)
			v = (x % 100000) / 100 - 200
			if (x % 11 == 0) v = int(v)
			if (x % 13 == 0) v = v * 1000
			print g "\t" v
		}
		print "single\t42.5"
	}'
}
gen 3000 >"$tmp/small.tsv"
gen 160000 >"$tmp/large.tsv"

passed=0
failed=0
# toll-stats operation, then datamash's, then the relative tolerance.
while read -r ours theirs tol; do
for size in small large; do
	"$bindir/toll-stats" --threads 3 -g g "$ours:v" "$tmp/$size.tsv" | sed 1d >"$tmp/ours" 2>"$tmp/err"
	datamash -H -s -g 1 "$theirs" 2 <"$tmp/$size.tsv" | sed 1d >"$tmp/theirs"
	if paste "$tmp/ours" "$tmp/theirs" | awk -F'\t' -v tol="$tol" '
		function num(s) { return s == "" || s == "nan" ? "none" : s + 0 }
		{
			n++
			if ($1 != $3) { bad = "group " $1 " against " $3; exit }
			a = num($2); b = num($4)
			if (a == "none" || b == "none") { if (a != b) { bad = $1 ": " $2 " against " $4; exit } ; next }
			d = a - b; if (d < 0) d = -d
			m = a < 0 ? -a : a; if ((b < 0 ? -b : b) > m) m = (b < 0 ? -b : b); if (m < 1) m = 1
			if (d > tol * m) { bad = $1 ": " $2 " against " $4; exit }
		}
		END { if (bad != "" || n != 8) { print "  " (bad != "" ? bad : n " groups"); exit 1 } }' >"$tmp/why"
	then
		passed=$((passed + 1))
		echo "ok datamash: $ours = $theirs ($size)"
	else
		failed=$((failed + 1))
		echo "FAIL datamash: $ours against $theirs ($size)"
		cat "$tmp/why" "$tmp/err"
	fi
done
done <<'OPS'
count count 0
sum sum 1e-12
mean mean 1e-12
min min 0
max max 0
median median 1e-12
q1 q1 1e-12
q3 q3 1e-12
p1 perc:1 1e-12
p10 perc:10 1e-12
p90 perc:90 1e-12
p100 perc:100 1e-12
iqr iqr 1e-12
sd sstdev 1e-12
var svar 1e-12
mad mad 1e-5
OPS
echo "datamash: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
