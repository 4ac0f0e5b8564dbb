#!/bin/sh
# Golden tests of the programs, and of the README's examples.
# Usage: tests/cli/run.sh BINDIR [FILE.t]...
#
# A .t file holds cases, each:
#   === name
#   # comments
#   $ command line, run by sh in tests/ (so data/ is tests/data) with the programs on PATH
#   --- stdin        (lines given to the command; /dev/null when absent)
#   --- stdout       (expected standard output; empty when absent)
#   --- stderr       (expected standard error; empty when absent)
#   --- exit N       (expected exit status; 0 when absent)
# A command that exits 77 is skipped, with the first line of its standard
# error as the reason (for what a machine may lack, such as a pseudo-terminal).
# Output is compared byte for byte.  Blank lines that end a case before
# the next '===' only separate cases.  Prints "FAIL" and "skip" lines and
# ends with "cli: N passed, N failed, N skipped".
set -u
bindir=$(cd "$1" && pwd) || exit 2
shift
here=$(cd "$(dirname "$0")" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/toll-cli.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

PATH="$bindir:$PATH"
LC_ALL=C
# Nothing may depend on the time zone: run in one far from UTC.
TZ=Pacific/Kiritimati
export PATH LC_ALL TZ

# With no files named: every .t file, and the README's examples (readme.awk).
if [ $# -eq 0 ]; then
	set -- "$here"/*.t
	top=$(cd "$here/../.." && pwd)
	for f in README.md src/README.md; do
		[ -f "$top/$f" ] || continue
		t=$tmp/$(echo "$f" | tr / -).t
		shown=0
		[ "$f" = README.md ] || shown=1
		awk -v top="$top" -v file="$f" -v shown="$shown" -f "$here/readme.awk" "$top/$f" >"$t" || exit 2
		set -- "$@" "$t"
	done
fi

passed=0
failed=0
skipped=0
for t in "$@"; do
	base=$(basename "$t" .t)
	rm -rf "$tmp/cases"
	mkdir "$tmp/cases"
	awk -v dir="$tmp/cases" '
		function start(kind) { if (file != "") close(file); file = sprintf("%s/%04d.%s", dir, n, kind); printf "" > file }
		function put(kind, text,   f) { f = sprintf("%s/%04d.%s", dir, n, kind); print text > f; close(f) }
		# Blank lines just before the next case (or the end) separate cases.
		function flush() { while (blank > 0) { print "" > file; blank-- } }
		/^=== / { blank = 0; n++; section = ""; put("name", substr($0, 5)); next }
		n == 0 { next }
		section == "" && /^# / { next }
		section == "" && /^\$ / { put("cmd", substr($0, 3)); next }
		/^--- (stdin|stdout|stderr)$/ { flush(); section = $2; start(section); next }
		/^--- exit [0-9]+$/ { flush(); section = ""; put("exit", $3); next }
		section != "" && $0 == "" { blank++; next }
		section != "" { flush(); print > file }
	' "$t"
	for namefile in "$tmp/cases"/*.name; do
		[ -e "$namefile" ] || continue
		c=${namefile%.name}
		name="$base: $(cat "$namefile")"
		[ -f "$c.stdin" ] || : >"$c.stdin"
		[ -f "$c.stdout" ] || : >"$c.stdout"
		[ -f "$c.stderr" ] || : >"$c.stderr"
		want=0
		[ -f "$c.exit" ] && want=$(cat "$c.exit")
		if [ ! -f "$c.cmd" ]; then
			echo "FAIL $name: no command"
			failed=$((failed + 1))
			continue
		fi
		(cd "$here/.." && TEST_TMP="$tmp" sh -c "$(cat "$c.cmd")" <"$c.stdin" >"$c.out" 2>"$c.err")
		got=$?
		# Exit status 77 (automake's "skipped"): the machine cannot run the case.
		if [ "$got" = 77 ] && [ "$want" != 77 ]; then
			echo "skip $name: $(head -n 1 "$c.err")"
			skipped=$((skipped + 1))
			continue
		fi
		if [ "$got" = "$want" ] && cmp -s "$c.out" "$c.stdout" && cmp -s "$c.err" "$c.stderr"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			echo "FAIL $name"
			echo "  \$ $(cat "$c.cmd")"
			[ "$got" = "$want" ] || echo "  exit status $got, expected $want"
			cmp -s "$c.out" "$c.stdout" || diff -u "$c.stdout" "$c.out" | sed 's/^/  stdout /' | head -n 40
			cmp -s "$c.err" "$c.stderr" || diff -u "$c.stderr" "$c.err" | sed 's/^/  stderr /' | head -n 40
		fi
	done
done
echo "cli: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
