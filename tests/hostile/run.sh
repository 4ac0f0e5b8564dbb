#!/bin/sh
# Hostile inputs for every program (make check): random bytes, truncated
# files, NUL bytes, invalid UTF-8, a 5 MB field, 50,000 columns, blank lines
# only, numbers past 64 bits, sums that overflow, impossible dates and times,
# an unterminated CSV quote, a million series.  Each run must end (within
# two minutes) with exit status 0, 1 or 2, never a signal, and when not 0
# with a first line of standard error that starts with the program's name;
# a chart that was not made must leave no file.  Then a full disk on
# standard output for every program, and a pipe closed early.
#   tests/hostile/run.sh BINDIR GEN     (GEN: the built tests/hostile/gen.c)
# Ends with "hostile: N passed, N failed".
set -u
bindir=$(cd "$1" && pwd) || exit 2
gen=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/toll-hostile.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
PATH="$bindir:$PATH"
LC_ALL=C
export PATH LC_ALL
"$gen" "$tmp" || exit 2
passed=0
failed=0
fail() { failed=$((failed + 1)); echo "FAIL hostile: $*"; }

# run NAME PROG ARGS...: one run, judged as above.
run() {
	name=$1
	prog=$2
	shift 2
	rm -f "$tmp/chart.png"
	timeout 120 "$prog" "$@" >"$tmp/out" 2>"$tmp/err"
	s=$?
	first=$(head -n 1 "$tmp/err")
	# The front door's messages are those of the program it runs.
	own=$prog
	[ "$prog" = toll ] && own=toll-$1
	if [ "$s" -eq 124 ]; then
		fail "$name: $prog $*: no end within two minutes"
	elif [ "$s" -gt 2 ]; then
		fail "$name: $prog $*: exit status $s: $first"
	elif [ "$s" -ne 0 ] && [ "${first#"$own: "}" = "$first" ]; then
		fail "$name: $prog $*: exit status $s without a message of its own: '$first'"
	elif [ "$s" -ne 0 ] && [ -e "$tmp/chart.png" ]; then
		fail "$name: $prog $*: exit status $s, and a chart was left behind"
	else
		passed=$((passed + 1))
	fi
}

for f in "$tmp"/*.tsv "$tmp"/*.csv; do
	n=$(basename "$f")
	run "$n" toll-check "$f"
	run "$n" toll-check --normalize "$f"
	run "$n" toll-agg "$f"
	run "$n" toll-agg -g source,reported:week --combine mean "$f"
	run "$n" toll-rev history "$f"
	run "$n" toll-rev summary "$f"
	run "$n" toll-rev diff "$f" "$f"
	run "$n" toll-rev diff --latest "$f" "$f"
	run "$n" toll-rev series --every week -g side,category "$f"
	run "$n" toll-rev series --every day -g '' --combine median "$f"
	run "$n" toll-stats -g side count sum:best median:best "$f"
	run "$n" toll-plot bar -x source -o "$tmp/chart.png" "$f"
	run "$n" toll-plot step --series source -o "$tmp/chart.png" "$f"
	run "$n" toll-plot interval -o "$tmp/chart.png" "$f"
	run "$n" toll-plot hist -o "$tmp/chart.png" "$f"
	run "$n" toll-report -o "$tmp/chart.png" "$f"
	run "$n" toll check "$f"
	run "$n" toll-import table "$f"
	run "$n" toll-import acled --reported timestamp --time-precision 1 "$f"
	run "$n" toll-import ucdp-ged --split-sides "$f"
	run "$n" toll-extract --explain "$f"
	run "$n" toll-extract --docs "$f"
	# toll-split: whole parts or none, and its parts read as the table is.
	rm -rf "$tmp/split"
	mkdir "$tmp/split"
	run "$n" toll-split -k 3 -o "$tmp/split/p" "$f"
	if [ "$s" -ne 0 ] && [ -n "$(ls "$tmp/split")" ]; then
		fail "$n: toll-split: exit status $s, and parts were left behind: $(ls "$tmp/split" | tr '\n' ' ')"
	elif [ "$s" -eq 0 ]; then
		for p in "$tmp"/split/p*; do
			run "$n, $(basename "$p")" toll-agg -g source,reported:week "$p"
		done
	fi
	run "$n" toll-import table --no-header --row-events --map end=2 \
		--set reported=2022-01-01,source=s,side=a,category=killed "$f"
	run "$n" toll-import table --no-header --map event=1,end=2 \
		--set source=s,side=a,category=killed,best=1 --releases 2022-01-01,2022-06-01 "$f" "$f"
done

# The same TSV files read in chunks of 4 KiB by three threads: the same rules hold.
TOLL_READ_CHUNK=4096
export TOLL_READ_CHUNK
for f in "$tmp"/*.tsv; do
	n="$(basename "$f"), 3 threads"
	run "$n" toll-check --threads 3 --normalize "$f"
	run "$n" toll-agg --threads 3 -g source,reported:week --combine mean "$f"
	run "$n" toll-rev --threads 3 summary "$f"
	run "$n" toll-stats --threads 3 -g side count sum:best median:best "$f"
done
unset TOLL_READ_CHUNK

# A record one byte longer than 64 MiB (TSV), and an unterminated CSV quote
# of 100 MB: refused at the limit, whatever the buffer's size then.
head -c 67108865 /dev/zero | tr '\0' x | { printf 'event\treported\tsource\tside\tcategory\tbest\n'; cat; printf '\n'; } >"$tmp/long-record.tsv"
toll-check "$tmp/long-record.tsv" >/dev/null 2>"$tmp/err"
if [ $? -eq 1 ] && [ "$(cat "$tmp/err")" = "toll-check: $tmp/long-record.tsv:2:1: record longer than 64 MiB; rest of file skipped" ]; then
	passed=$((passed + 1))
else
	fail "a record of 64 MiB and a byte: $(head -c 300 "$tmp/err")"
fi
# (a record of 64 MiB exactly is read, and its figure judged)
pre=$(printf 'e\t2022-09-13\tA\tA\tkilled\t' | wc -c)
head -c $((67108864 - pre)) /dev/zero | tr '\0' x | { printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2022-09-13\tA\tA\tkilled\t'; cat; printf '\n'; } >"$tmp/record-64.tsv"
toll-check "$tmp/record-64.tsv" >/dev/null 2>"$tmp/err"
if [ $? -eq 1 ] && grep -q "^toll-check: $tmp/record-64.tsv:2:" "$tmp/err" && ! grep -q 'record longer' "$tmp/err"; then
	passed=$((passed + 1))
else
	fail "a record of 64 MiB and its fields: $(head -c 300 "$tmp/err")"
fi
rm -f "$tmp/long-record.tsv" "$tmp/record-64.tsv"
{ printf 'event,reported,source,side,category,best\ne,2022-09-13,A,A,killed,"'; head -c 100000000 /dev/zero | tr '\0' x; } >"$tmp/open-quote.csv"
toll-check "$tmp/open-quote.csv" >/dev/null 2>"$tmp/err"
if [ $? -eq 1 ] && grep -q "record longer than 64 MiB" "$tmp/err"; then
	passed=$((passed + 1))
else
	fail "an unterminated CSV quote of 100 MB: $(head -c 300 "$tmp/err")"
fi
rm -f "$tmp/open-quote.csv"

# A full disk on standard output: exit 2 with a message, for every program.
good="$tmp/good.tsv"
printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2022-09-13\tA\tA\tkilled\t49\n' >"$good"
full() {
	"$@" >/dev/full 2>"$tmp/err"
	s=$?
	first=$(head -n 1 "$tmp/err")
	if [ "$s" -eq 2 ] && [ -n "$first" ]; then
		passed=$((passed + 1))
	else
		fail "/dev/full: $*: exit status $s, '$first'"
	fi
}
full toll-check --normalize "$good"
full toll-import table "$good"
# ... and toll-import's summary does not count as written the rows it could not write.
awk 'BEGIN { print "event\treported\tsource\tside\tcategory\tbest"; for (i = 0; i < 100000; i++) print "e" i "\t2022-09-13\tA\tA\tkilled\t" i }' >"$tmp/many.tsv"
toll-import table "$tmp/many.tsv" >/dev/full 2>"$tmp/err"
if [ $? -eq 2 ] && [ "$(cat "$tmp/err")" = "toll-import: cannot write standard output: No space left on device" ]; then
	passed=$((passed + 1))
else
	fail "/dev/full: toll-import table: $(cat "$tmp/err")"
fi
printf '49 soldiers died.\n' >"$tmp/news.txt"
printf '{"id":"a","text":"49 soldiers died."}\n' >"$tmp/docs.jsonl"
full toll-extract "$tmp/news.txt"
full toll-check --summary "$good"
full toll-agg "$good"
full toll-rev history "$good"
full toll-rev summary "$good"
full toll-rev diff "$good" "$tmp/million-series.tsv"
full toll-rev series --every day "$good"
full toll-stats count "$good"
full toll-plot bar -o - "$good"
full toll-report -o - "$good"
full toll help
full toll-extract --docs "$tmp/docs.jsonl"
for p in toll toll-check toll-agg toll-rev toll-stats toll-plot toll-report toll-split toll-extract; do
	full "$p" --help
	full "$p" --version
done

# A pipe closed early: the writer ends silently, by SIGPIPE (141) as GNU
# tools end, or 0 when everything fit in the pipe first; never a message,
# never a hang.
closed() {
	s=$( { timeout 120 "$@" 2>"$tmp/err"; echo $? >"$tmp/status"; } | head -c 100 >/dev/null; cat "$tmp/status")
	first=$(head -n 1 "$tmp/err")
	if { [ "$s" -eq 0 ] || [ "$s" -eq 141 ]; } && [ -z "$first" ]; then
		passed=$((passed + 1))
	else
		fail "closed pipe: $*: exit status $s, '$first'"
	fi
}
m="$tmp/million-series.tsv"
closed toll-check --normalize "$m"
closed toll-agg -g source "$m"
closed toll-rev history "$m"
closed toll-rev series --every month -g source "$m"
closed toll-stats -g source count "$m"
closed toll-plot hist -o - "$m"
closed toll-report -o - "$good"
closed toll-import table "$m"

echo "hostile: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
