#!/bin/sh
# make check: the unit tests of src/lib, the golden tests of the programs,
# the chart images and report figures, then toll-stats against GNU datamash
# (when it is installed), then make install into a temporary prefix.  Usage:
# tests/run.sh BUILD.  Ends with "N passed, N failed".
set -u
build=$1
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp "${TMPDIR:-/tmp}/toll-check.XXXXXX") || exit 2
trap 'rm -f "$log"' EXIT INT TERM

status=0
# Sanitizer builds carry their own LeakSanitizer suppressions (src/cli.c):
# the programs run here as a user would run them, with no LSAN_OPTIONS.
unset LSAN_OPTIONS
# Check forks each test by default; its own summary is turned into ours.
CK_VERBOSITY=normal "$build/tests/unit" >"$log" 2>&1 || status=1
cat "$log"
cli=$(mktemp "${TMPDIR:-/tmp}/toll-cli.XXXXXX") || exit 2
sh "$here/cli/run.sh" "$build/bin" >"$cli" 2>&1 || status=1
cat "$cli"
cat "$cli" >>"$log"
sh "$here/img/run.sh" "$build/bin" "$build/tests/imgdiff" >"$cli" 2>&1 || status=1
cat "$cli"
cat "$cli" >>"$log"
sh "$here/real/run.sh" "$build/bin" >"$cli" 2>&1 || status=1
cat "$cli"
cat "$cli" >>"$log"
sh "$here/scale/run.sh" "$build/bin" "$build/tests/measure" >"$cli" 2>&1 || status=1
cat "$cli"
cat "$cli" >>"$log"
sh "$here/hostile/run.sh" "$build/bin" "$build/tests/hostile-gen" >"$cli" 2>&1 || status=1
cat "$cli"
cat "$cli" >>"$log"
sh "$here/fuzz/replay.sh" "$build/tests/fuzz" >"$cli" 2>&1 || status=1
cat "$cli"
cat "$cli" >>"$log"
python3 "$here/compare/agg.py" "$build/bin/toll-agg" 1 2 3 >"$cli" 2>&1 || status=1
cat "$cli"
cat "$cli" >>"$log"
sh "$here/compare/datamash.sh" "$build/bin" >"$cli" 2>&1 || status=1
cat "$cli"
cat "$cli" >>"$log"
# make install into a temporary prefix, as a user would use it.
san=0
case $build in *-san) san=1 ;; esac
sh "$here/install/run.sh" "$here/.." "$san" >"$cli" 2>&1 || status=1
cat "$cli"
cat "$cli" >>"$log"
rm -f "$cli"

passed=$(sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
failed=$(sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$log" | awk '{s += $1} END {print s + 0}')
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
