#!/bin/sh
# Golden tests of the programs.  Usage: tests/cli/run.sh BINDIR [FILE.t]...
#
# A .t file holds cases, each:
#   === name
#   # comments
#   $ command line, run by sh in tests/cli with the programs on PATH
#   --- stdin        (lines given to the command; /dev/null when absent)
#   --- stdout       (expected standard output; empty when absent)
#   --- stderr       (expected standard error; empty when absent)
#   --- exit N       (expected exit status; 0 when absent)
# Output is compared byte for byte.  Prints "ok"/"FAIL" lines and ends with
# "cli: N passed, N failed".
set -u
bindir=$(cd "$1" && pwd) || exit 2
shift
here=$(cd "$(dirname "$0")" && pwd)
[ $# -gt 0 ] || set -- "$here"/*.t

tmp=$(mktemp -d "${TMPDIR:-/tmp}/toll-cli.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

PATH="$bindir:$PATH"
LC_ALL=C
# Nothing may depend on the time zone: run in one far from UTC.
TZ=Pacific/Kiritimati
export PATH LC_ALL TZ

passed=0
failed=0
for t in "$@"; do
	base=$(basename "$t" .t)
	rm -rf "$tmp/cases"
	mkdir "$tmp/cases"
	awk -v dir="$tmp/cases" '
		function start(kind) { file = sprintf("%s/%04d.%s", dir, n, kind); printf "" > file; close(file) }
		/^=== / { n++; section = ""; print substr($0, 5) > sprintf("%s/%04d.name", dir, n); next }
		n == 0 { next }
		section == "" && /^# / { next }
		section == "" && /^\$ / { print substr($0, 3) > sprintf("%s/%04d.cmd", dir, n); next }
		/^--- (stdin|stdout|stderr)$/ { section = $2; start(section); next }
		/^--- exit [0-9]+$/ { section = ""; print $3 > sprintf("%s/%04d.exit", dir, n); next }
		section != "" { print > sprintf("%s/%04d.%s", dir, n, section) }
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
		(cd "$here" && TEST_TMP="$tmp" sh -c "$(cat "$c.cmd")" <"$c.stdin" >"$c.out" 2>"$c.err")
		got=$?
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
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
