#!/bin/sh
# make check: no quadratic paths, bounded memory.  Each shape is generated
# at a size n and at 4n; what takes 4 times the input may take about 4
# times as long (n log n: a little more), so the time ratio must stay
# under 8 (a quadratic path gives 16).  Ratios, not absolute times: the
# machine is shared.  Peak memory (getrusage, through tests/bench/measure.c)
# must stay a small multiple of the largest record.
# Usage: tests/scale/run.sh BINDIR MEASURE.  Ends with "scale: N passed, N failed".
set -u
bindir=$(cd "$1" && pwd) || exit 2
measure=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/toll-scale.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
PATH="$bindir:$PATH"
LC_ALL=C
export PATH LC_ALL
passed=0
failed=0

# ratio NAME 'COMMAND with @ for the input' FILE_N FILE_4N: the time ratio of 4n to n.
ratio() {
	name=$1
	n1=$(echo "$2" | sed "s|@|$3|g")
	n4=$(echo "$2" | sed "s|@|$4|g")
	out=$("$measure" 5 n "$n1" 4n "$n4") || { echo "FAIL scale: $name: measure failed"; failed=$((failed + 1)); return; }
	echo "$out" | awk -F '\t' -v name="$name" '
		NR == 1 { t1 = $2; s1 = $4 }
		NR == 2 { t4 = $2; s4 = $4 }
		END {
			r = t4 / (t1 > 0.001 ? t1 : 0.001)
			if (s1 > 2 || s4 > 2) { printf "FAIL scale: %s: exit status %d and %d\n", name, s1, s4; exit 1 }
			if (r >= 8) { printf "FAIL scale: %s: 4n took %.1f times as long as n (%.3f s, %.3f s)\n", name, r, t1, t4; exit 1 }
			printf "ok scale: %s: 4n / n = %.1f (%.3f s, %.3f s)\n", name, r, t1, t4 }' &&
		passed=$((passed + 1)) || failed=$((failed + 1))
}

# memory NAME 'COMMAND' RECORD_BYTES: peak memory at most 8 times the record, plus 64 MiB
# (under AddressSanitizer, whose shadow memory and quarantine take their share: 3 times that).
san=1
case $bindir in *build-san*) san=3 ;; esac
memory() {
	out=$("$measure" 1 m "$2") || { echo "FAIL scale: $1: measure failed"; failed=$((failed + 1)); return; }
	echo "$out" | awk -F '\t' -v name="$1" -v rec="$3" -v san="$san" '
		{ kib = $3; limit = san * (8 * rec + 64 * 1048576) / 1024
		  if ($4 > 2) { printf "FAIL scale: %s: exit status %d\n", name, $4; exit 1 }
		  if (kib > limit) { printf "FAIL scale: %s: peak %.0f MiB for a record of %.0f MiB\n", name, kib / 1024, rec / 1048576; exit 1 }
		  printf "ok scale: %s: peak %.0f MiB for a record of %.0f MiB\n", name, kib / 1024, rec / 1048576 }' &&
		passed=$((passed + 1)) || failed=$((failed + 1))
}

# One series of R revisions, rows newest first (out of order for every reader).
series() {
	awk -v n="$1" 'BEGIN { print "event\treported\tsource\tside\tcategory\tbest"
		for (i = n; i >= 1; i--) printf "e\t%04d-%02d-%02dT%02d:%02d:%02dZ\tS\tA\tkilled\t%d\n",
			2000 + int(i / 100000) % 50, 1 + int(i / 10000) % 12, 1 + int(i / 1000) % 28,
			int(i / 60 / 60) % 24, int(i / 60) % 60, i % 60, i }'
}
series 25000 >"$tmp/rev1.tsv"
series 100000 >"$tmp/rev4.tsv"
ratio "toll-rev history, one series, rows newest first" "toll-rev history @" "$tmp/rev1.tsv" "$tmp/rev4.tsv"
ratio "toll-check from a pipe, one series, rows newest first" "toll-check < @" "$tmp/rev1.tsv" "$tmp/rev4.tsv"
ratio "toll-check of a file, one series, rows newest first" "toll-check @" "$tmp/rev1.tsv" "$tmp/rev4.tsv"
ratio "toll-agg from a pipe, one series" "toll-agg < @" "$tmp/rev1.tsv" "$tmp/rev4.tsv"
ratio "toll-rev series by day, one series, rows newest first" "toll-rev series --every day @" "$tmp/rev1.tsv" "$tmp/rev4.tsv"

# Events of one revision each (as ACLED's), on the days of one year: each day's are combined anew.
events() {
	awk -v n="$1" 'BEGIN { print "event\treported\tsource\tside\tcategory\tbest"
		for (i = 1; i <= n; i++) printf "e%d\t2022-%02d-%02d\tS%d\tside%d\tkilled\t%d\n", i, 1 + i % 12,
			1 + i % 28, i % 3, i % 4, i % 50 }'
}
events 25000 >"$tmp/ev1.tsv"
events 100000 >"$tmp/ev4.tsv"
ratio "toll-rev series by week, events of one revision each" "toll-rev series --every week -g side @" "$tmp/ev1.tsv" "$tmp/ev4.tsv"
ratio "toll-rev series by day, one total row" "toll-rev series --every day -g '' @" "$tmp/ev1.tsv" "$tmp/ev4.tsv"

# One claim with S sources (toll-agg sorts them to combine).
sources() {
	awk -v n="$1" 'BEGIN { print "event\treported\tsource\tside\tcategory\tlow\tbest\thigh"
		for (i = 1; i <= n; i++) printf "e\t2022-09-13\tS%d\tA\tkilled\t%d\t%d\t%s\n", i, i % 97, i % 97 + i % 5, i % 3 ? i % 97 + 9 : "" }'
}
sources 25000 >"$tmp/src1.tsv"
sources 100000 >"$tmp/src4.tsv"
ratio "toll-agg, one claim of many sources, consensus" "toll-agg @" "$tmp/src1.tsv" "$tmp/src4.tsv"
ratio "toll-agg, one claim of many sources, median" "toll-agg -c median @" "$tmp/src1.tsv" "$tmp/src4.tsv"

# A label of many line breaks (TSV escapes), drawn by toll-plot.
label() {
	awk -v n="$1" 'BEGIN { printf "side\tbest\nA"; for (i = 0; i < n; i++) printf "x\\n"; printf "\t3\nB\t5\n" }'
}
label 20000 >"$tmp/lab1.tsv"
label 80000 >"$tmp/lab4.tsv"
ratio "toll-plot, a label of many line breaks" "toll-plot bar -x side -o $tmp/out.png @" "$tmp/lab1.tsv" "$tmp/lab4.tsv"

# Many fields per row, many bytes per field.
wide() {
	awk -v n="$1" 'BEGIN { for (r = 0; r < 200; r++) { for (i = 1; i <= n; i++) printf "%s%s", (i > 1 ? "\t" : ""), (r ? i : "c" i); print "" } }'
}
wide 5000 >"$tmp/wide1.tsv"
wide 20000 >"$tmp/wide4.tsv"
ratio "toll-stats, rows of many fields" "toll-stats sum:c1 sum:c5000 @" "$tmp/wide1.tsv" "$tmp/wide4.tsv"
long() {
	awk -v n="$1" 'BEGIN { print "event\treported\tsource\tside\tcategory\tbest\tnote"
		s = "0123456789abcdef"; while (length(s) < n) s = s s
		for (r = 0; r < 4; r++) printf "e%d\t2022-09-13\tS\tA\tkilled\t%d\t%s\n", r, r, s }'
}
long 2097152 >"$tmp/long1.tsv"
long 8388608 >"$tmp/long4.tsv"
ratio "toll-check, fields of many bytes" "toll-check --normalize @" "$tmp/long1.tsv" "$tmp/long4.tsv"
ratio "toll-agg, fields of many bytes kept as a key" "toll-agg -g note @" "$tmp/long1.tsv" "$tmp/long4.tsv"

# News text: many sentences, and one paragraph of no sentence end at all.
news() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "At least %d Armenian soldiers died on Tuesday, and %d civilians were wounded in %d villages.\n", i % 500, i % 70, i % 9 }'
}
news 20000 >"$tmp/news1.txt"
news 80000 >"$tmp/news4.txt"
ratio "toll-extract, sentences" "toll-extract @" "$tmp/news1.txt" "$tmp/news4.txt"
runon() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%d soldiers died and ", i % 500; print "" }'
}
runon 50000 >"$tmp/runon1.txt"
runon 200000 >"$tmp/runon4.txt"
ratio "toll-extract, one sentence without end" "toll-extract @" "$tmp/runon1.txt" "$tmp/runon4.txt"
# Bytes that are not UTF-8 (every other one, 0xff): each made a space, in one pass.
awk 'BEGIN { for (i = 0; i < 65536; i++) printf "a\377" }' >"$tmp/bad1.txt"
cat "$tmp/bad1.txt" "$tmp/bad1.txt" "$tmp/bad1.txt" "$tmp/bad1.txt" >"$tmp/bad4.txt"
ratio "toll-extract, invalid UTF-8" "toll-extract @" "$tmp/bad1.txt" "$tmp/bad4.txt"

# Peak memory with the largest records, every program that reads them.
label_bytes() {
	awk -v n="$1" 'BEGIN { s = "xxxxxxxxxxxxxxxx"; while (length(s) < n) s = s s
		printf "event\treported\tsource\tside\tcategory\tbest\nE\t2022-09-13\tS\t%s\tkilled\t3\nE\t2022-09-13\tS\tB\tkilled\t5\n", s }'
}
label_bytes 16777216 >"$tmp/big.tsv"
big=$(wc -c <"$tmp/big.tsv")
memory "toll-plot, a 16 MiB label" "toll-plot bar -x side -o $tmp/out.png $tmp/big.tsv" "$big"
memory "toll-check, a 16 MiB field" "toll-check --normalize $tmp/big.tsv" "$big"
memory "toll-agg, a 16 MiB key" "toll-agg $tmp/big.tsv" "$big"
memory "toll-rev, a 16 MiB key" "toll-rev history $tmp/big.tsv" "$big"
memory "toll-stats, a 16 MiB key" "toll-stats -g side sum:best $tmp/big.tsv" "$big"
memory "toll-import, a 16 MiB field" "toll-import table $tmp/big.tsv" "$big"
memory "toll-extract, a 16 MiB line" "toll-extract $tmp/big.tsv" "$big"

echo "scale: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
