#!/bin/sh
# make check: every fuzz entry point replays its seeds and every input that
# ever crashed or hung it (tests/fuzz/regress/NAME/, written there by make
# fuzz).  Usage: tests/fuzz/replay.sh BINDIR, with BINDIR holding the
# replay builds.  Ends with "fuzz: N passed, N failed" (one per input).
set -u
bindir=$1
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
for t in table tablepar figure date keys agg number chart extract json; do
	for f in "$here"/seeds/$t/* "$here"/regress/$t/*; do
		[ -f "$f" ] || continue
		if "$bindir/$t" "$f" >/dev/null 2>"$bindir/$t.err"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			echo "FAIL fuzz: $t ${f#"$here"/}"
			sed 's/^/  /' "$bindir/$t.err" | head -n 20
		fi
	done
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
