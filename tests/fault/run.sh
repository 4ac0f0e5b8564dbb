#!/bin/sh
# Faults injected into the programs with tests/fault/shim.c (LD_PRELOAD):
# no memory in the reading threads, no memory at all, a read error at a
# byte of the file, a file that grows or is cut while it is read.  With
# every thread count the result must be what one thread gives: the same
# output, messages and exit status, byte for byte; never a silent
# truncation.
#   tests/fault/run.sh BINDIR SHIM SANITIZE
# With SANITIZE=1 the cases are skipped, counted: the sanitizers' runtime
# replaces the functions the shim replaces.
# Ends with "fault: N passed, N failed, N skipped".
set -u
bindir=$(cd "$1" && pwd) || exit 2
shim=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
san=${3:-0}
cases=$(grep -cE '^[[:space:]]*(same|says) "' "$0")
if [ "$san" = 1 ]; then
	echo "skip fault: the sanitizers' runtime replaces malloc and read, as the shim does"
	echo "fault: 0 passed, 0 failed, $cases skipped"
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/toll-fault.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
PATH="$bindir:$PATH"
LC_ALL=C
export PATH LC_ALL
passed=0
failed=0

# 200,000 rows of 50,000 series (a fall, a bad date and a bad figure
# among them): 12 MB, many chunks of 512 KiB, and past the 256 KiB a
# reader's buffer starts with.
awk 'BEGIN {
	OFS = "\t"
	print "event", "reported", "source", "side", "category", "low", "best", "high"
	for (i = 1; i <= 200000; i++) {
		s = i % 50000
		d = sprintf("2022-%02d-%02d", 1 + int(i / 50000) * 3, 1 + s % 28)
		b = 10 + int(i / 50000) * 5 + s % 7
		if (i == 123457) b = 1
		if (i == 150001) d = "2022-02-30"
		if (i == 170003) b = "x"
		print "event" s % 9000, d, "source" s % 13, (s % 2 ? "Armenia" : "Azerbaijan"), "killed", b, b, b + 3
	}
}' >"$tmp/t.tsv"
file=$tmp/t.tsv

# run NAME [VAR=VALUE...] -- COMMAND...: runs COMMAND with the shim and the
# variables, into $tmp/NAME.out, .err and .status.
run() {
	name=$1
	shift
	vars=
	while [ "$1" != -- ]; do
		vars="$vars $1"
		shift
	done
	shift
	(cd "$tmp" && env LD_PRELOAD="$shim" TOLL_FAULT_FILE="$file" $vars "$@" >"$tmp/$name.out" 2>"$tmp/$name.err")
	echo $? >"$tmp/$name.status"
}

# same NAME A B: runs A and B gave the same output, messages and status.
same() {
	if cmp -s "$tmp/$2.out" "$tmp/$3.out" && cmp -s "$tmp/$2.err" "$tmp/$3.err" &&
		cmp -s "$tmp/$2.status" "$tmp/$3.status"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL fault: $1"
		for x in status err out; do
			cmp -s "$tmp/$2.$x" "$tmp/$3.$x" ||
				diff "$tmp/$2.$x" "$tmp/$3.$x" | head -n 6 | sed "s/^/  $x: /"
		done
	fi
}

# says NAME RUN STATUS TEXT: run RUN ended with STATUS and its last message holds TEXT.
says() {
	if [ "$(cat "$tmp/$2.status")" = "$3" ] && tail -n 1 "$tmp/$2.err" | grep -qF -- "$4"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL fault: $1: exit $(cat "$tmp/$2.status"), expected $3; last message: $(tail -n 1 "$tmp/$2.err")"
	fi
}

programs="check:toll-check -s
agg:toll-agg -g side,category
rev:toll-rev summary
stats:toll-stats -g side count sum:best median:best"

# --- No memory in the reading threads (allocations of 256 KiB or more
# fail there, every chunk's buffer among them): each chunk is read again
# in order, and the result is one thread's.
echo "$programs" | while IFS=: read -r key cmd; do
	run "$key-1" -- $cmd --threads 1 t.tsv
	run "$key-mem2" TOLL_FAULT_ALLOC_MIN=262144 TOLL_FAULT_ALLOC_THREADS=1 -- $cmd --threads 2 t.tsv
	run "$key-mem4" TOLL_FAULT_ALLOC_MIN=262144 TOLL_FAULT_ALLOC_THREADS=1 TOLL_READ_CHUNK=100000 -- $cmd --threads 4 t.tsv
done
same "toll-check: no memory in the reading threads, 2 threads: what one thread gives" check-1 check-mem2
same "toll-check: no memory in the reading threads, 4 threads, small chunks: what one thread gives" check-1 check-mem4
same "toll-agg: no memory in the reading threads, 2 threads: what one thread gives" agg-1 agg-mem2
same "toll-agg: no memory in the reading threads, 4 threads, small chunks: what one thread gives" agg-1 agg-mem4
same "toll-rev: no memory in the reading threads, 2 threads: what one thread gives" rev-1 rev-mem2
same "toll-rev: no memory in the reading threads, 4 threads, small chunks: what one thread gives" rev-1 rev-mem4
same "toll-stats: no memory in the reading threads, 2 threads: what one thread gives" stats-1 stats-mem2
same "toll-stats: no memory in the reading threads, 4 threads, small chunks: what one thread gives" stats-1 stats-mem4

# --- No memory anywhere for allocations of 1 MiB or more: out of memory,
# exit 2, at every thread count (never a shorter table read as whole).
for n in 1 2 4; do
	run "nomem-check-$n" TOLL_FAULT_ALLOC_MIN=1048576 -- toll-check -s --threads $n t.tsv
	run "nomem-rev-$n" TOLL_FAULT_ALLOC_MIN=1048576 -- toll-rev summary --threads $n t.tsv
done
says "toll-check: no memory, 1 thread: out of memory, exit 2" nomem-check-1 2 "out of memory"
says "toll-check: no memory, 2 threads: out of memory, exit 2" nomem-check-2 2 "out of memory"
says "toll-check: no memory, 4 threads: out of memory, exit 2" nomem-check-4 2 "out of memory"
says "toll-rev: no memory, 1 thread: out of memory, exit 2" nomem-rev-1 2 "out of memory"
says "toll-rev: no memory, 2 threads: out of memory, exit 2" nomem-rev-2 2 "out of memory"
says "toll-rev: no memory, 4 threads: out of memory, exit 2" nomem-rev-4 2 "out of memory"
# (toll-rev series keeps every revision, and its sweep's arrays: out of memory too, whichever fails)
run "nomem-series" TOLL_FAULT_ALLOC_MIN=1048576 -- toll-rev series --every month t.tsv
run "nomem-series-sweep" TOLL_FAULT_ALLOC_MIN=4194304 -- toll-rev series --every day -g source t.tsv
says "toll-rev series: no memory: out of memory, exit 2" nomem-series 2 "out of memory"
says "toll-rev series: no memory for the sweep: out of memory, exit 2" nomem-series-sweep 2 "out of memory"

# --- A read error in the middle of the line after the fall of line
# 123,458: the rows and messages before it (the fall among them, in the
# chunk that fails), then the error, exit 2; the same with threads and
# chunks of any size.
bad=$(awk 'NR < 123459 { n += length($0) + 1 } END { print n + 30 }' "$file")
echo "$programs" | while IFS=: read -r key cmd; do
	run "$key-eio1" TOLL_FAULT_READ_AT=$bad -- $cmd --threads 1 t.tsv
	run "$key-eio2" TOLL_FAULT_READ_AT=$bad -- $cmd --threads 2 t.tsv
	run "$key-eio3" TOLL_FAULT_READ_AT=$bad TOLL_READ_CHUNK=4099 -- $cmd --threads 3 t.tsv
done
says "toll-check: a read error: named, exit 2" check-eio1 2 "cannot read 't.tsv': Input/output error"
same "toll-check: a read error, 2 threads: what one thread gives" check-eio1 check-eio2
same "toll-check: a read error, 3 threads, small chunks: what one thread gives" check-eio1 check-eio3
says "toll-agg: a read error: named, exit 2" agg-eio1 2 "cannot read 't.tsv': Input/output error"
same "toll-agg: a read error, 2 threads: what one thread gives" agg-eio1 agg-eio2
same "toll-agg: a read error, 3 threads, small chunks: what one thread gives" agg-eio1 agg-eio3
same "toll-rev: a read error, 2 threads: what one thread gives" rev-eio1 rev-eio2
same "toll-rev: a read error, 3 threads, small chunks: what one thread gives" rev-eio1 rev-eio3
same "toll-stats: a read error, 2 threads: what one thread gives" stats-eio1 stats-eio2
same "toll-stats: a read error, 3 threads, small chunks: what one thread gives" stats-eio1 stats-eio3
# (toll-check prints the problems it found before the error: the rows before it were read.)
if grep -q ':123458:' "$tmp/check-eio3.err" && ! grep -q ':150002:' "$tmp/check-eio3.err"; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	echo "FAIL fault: toll-check: a read error: the problems before it are reported, none after"
fi

# --- A file that grows while read is read to the size it had when opened;
# one that is cut while read is an error.  The same at every thread count.
cp "$file" "$tmp/orig.tsv"
row=$(printf 'late\t2022-12-31\tS\tArmenia\tkilled\t5\t5\t5')
rows=$(awk -v r="$row" 'BEGIN { for (i = 0; i < 3000; i++) printf "%s\\n", r }')
echo "$programs" | while IFS=: read -r key cmd; do
	(cd "$tmp" && $cmd --threads 1 orig.tsv >"$key-orig.out" 2>"$key-orig.err"; echo $? >"$key-orig.status")
	sed -i 's/orig\.tsv/t.tsv/g' "$tmp/$key-orig.err"
	for n in 1 4; do
		cp "$tmp/orig.tsv" "$file"
		export TOLL_FAULT_APPEND
		TOLL_FAULT_APPEND=$(printf "$rows")
		run "$key-grow$n" -- $cmd --threads $n t.tsv
		unset TOLL_FAULT_APPEND
		cp "$tmp/orig.tsv" "$file"
		run "$key-cut$n" TOLL_FAULT_TRUNCATE=9000000 -- $cmd --threads $n t.tsv
	done
done
same "toll-check: rows appended while read are not read, 1 thread" check-orig check-grow1
same "toll-check: rows appended while read are not read, 4 threads" check-orig check-grow4
same "toll-agg: rows appended while read are not read, 4 threads" agg-orig agg-grow4
same "toll-stats: rows appended while read are not read, 4 threads" stats-orig stats-grow4
says "toll-check: a file cut while read: an error, exit 2" check-cut1 2 "changed while it was read"
same "toll-check: a file cut while read, 4 threads: what one thread gives" check-cut1 check-cut4
says "toll-rev: a file cut while read: an error, exit 2" rev-cut1 2 "changed while it was read"
same "toll-rev: a file cut while read, 4 threads: what one thread gives" rev-cut1 rev-cut4
same "toll-stats: a file cut while read, 4 threads: what one thread gives" stats-cut1 stats-cut4

echo "fault: $passed passed, $failed failed, 0 skipped"
[ "$failed" -eq 0 ]
