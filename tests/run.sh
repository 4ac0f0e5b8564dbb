#!/bin/sh
# make check: the unit tests of src/lib, the modules' order (no circle), the golden tests of the programs,
# the chart images and report figures, the real-data pipelines (the shipped
# samples always, the whole public files when they are beside the
# repository), the scale, hostile-input, fault-injection and fuzz-replay suites, toll-agg
# against a second implementation and toll-stats against GNU datamash,
# make install into a temporary prefix, and the documented make targets in
# fresh copies of the repository, toll-rev series and the releases of a
# list against computations written in the tests.  Usage: tests/run.sh BUILD.
# Ends with "N passed, N failed, N skipped".
set -u
build=$1
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp "${TMPDIR:-/tmp}/toll-check.XXXXXX") || exit 2
out=$(mktemp "${TMPDIR:-/tmp}/toll-suite.XXXXXX") || exit 2
trap 'rm -f "$log" "$out"' EXIT INT TERM

status=0
# Sanitizer builds carry their own LeakSanitizer suppressions (src/cli.c):
# the programs run here as a user would run them, with no LSAN_OPTIONS.
unset LSAN_OPTIONS
san=0
case $build in *-san) san=1 ;; esac

# suite COMMAND...: runs one suite, shows its output and keeps it for the count.
suite() {
	"$@" >"$out" 2>&1 || status=1
	cat "$out"
	cat "$out" >>"$log"
}

# Check forks each test by default; its own summary is turned into ours.
suite env CK_VERBOSITY=normal "$build/tests/unit"
# No circle among the library's modules (calls and includes).
suite sh "$here/deps/run.sh" "$here/.." "$build"
suite sh "$here/cli/run.sh" "$build/bin"
suite sh "$here/img/run.sh" "$build/bin" "$build/tests/imgdiff"
suite sh "$here/real/run.sh" "$build/bin" samples
suite sh "$here/real/run.sh" "$build/bin" real
suite sh "$here/scale/run.sh" "$build/bin" "$build/tests/measure"
suite sh "$here/hostile/run.sh" "$build/bin" "$build/tests/hostile-gen"
suite sh "$here/fault/run.sh" "$build/bin" "$build/tests/fault/shim.so" "$san"
suite sh "$here/fuzz/replay.sh" "$build/tests/fuzz"
suite python3 "$here/compare/agg.py" "$build/bin/toll-agg" 1 2 3
# toll-rev series and the releases of a list against computations written in the tests.
suite python3 "$here/compare/series.py" "$build/bin" 1 2
suite python3 "$here/compare/releases.py" "$build/bin" 1 2
suite sh "$here/compare/datamash.sh" "$build/bin"
# toll-extract against hand-annotated real news text: its scores, and the goal on the held-out set.
suite python3 "$here/extract/score.py" "$build/bin/toll-extract"
# make install into a temporary prefix, as a user would use it.
suite sh "$here/install/run.sh" "$here/.." "$san"
# The documented targets from fresh copies of the repository.
suite sh "$here/targets/run.sh" "$here/.." "$san"

# Each suite ends with "NAME: N passed, N failed[, N skipped]".
count() {
	sed -n "s/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed\(, \([0-9]*\) skipped\)\{0,1\}$/$1/p" "$log" |
		awk '{s += $1} END {print s + 0}'
}
passed=$(count '\1')
failed=$(count '\2')
skipped=$(count '\4')
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
