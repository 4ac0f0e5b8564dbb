#!/bin/sh
# No circle among libtoll's modules: a module is a file of src/lib/ (with
# table.c and tablepar.c one module, src/lib/chart/, src/lib/story/ and
# src/lib/import/ one), and it may use only those below it.  Two graphs
# are checked, each with tsort(1), which names a loop:
#   - the calls: for each object file of BUILD/lib, the functions it
#     uses (nm -u) and the module that defines them;
#   - the includes: each file's #include "toll/X.h", and each public
#     header's, as module X.
# The check is first shown to fail on a made-up circle.
#   tests/deps/run.sh TOP BUILD
# Ends with "deps: N passed, N failed".
set -u
top=$(cd "$1" && pwd) || exit 2
build=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/toll-deps.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LC_ALL=C
export LC_ALL
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL deps: $*"; }

# The module of a path: src/lib/chart/x.c is chart, tablepar is table, include/toll/keys.h keys.
module() {
	case $1 in
	*/chart/* | */chart.h) echo chart ;;
	*/story/* | */story.h) echo story ;;
	*/import/* | */import.h) echo import ;;
	*) n=${1##*/}
	   n=${n%.*}
	   case $n in tablepar | table_int) n=table ;; esac
	   echo "$n" ;;
	esac
}

# Edges "USER USED" in file $2: passes, or fails naming the loop.
acyclic() {
	what=$1
	sort -u "$2" >"$tmp/edges"
	if tsort "$tmp/edges" >/dev/null 2>"$tmp/loop"; then
		pass
	else
		fail "$what: a circle of modules: $(grep -v 'input contains a loop' "$tmp/loop" |
			sed 's/^tsort: //' | tr '\n' ' ')"
	fi
}

# The check fails on a circle (made up: date uses keys, keys uses date).
printf 'date keys\nkeys date\nreport table\n' | sort -u >"$tmp/edges"
if tsort "$tmp/edges" >/dev/null 2>&1; then fail "tsort finds no loop in a made-up circle"; else pass; fi

# The calls between the modules' object files.
objs=$(find "$build/lib" -name '*.o' | sort)
if [ -z "$objs" ]; then
	fail "no object files in $build/lib"
else
	for o in $objs; do
		m=$(module "$o")
		nm --defined-only "$o" | awk -v m="$m" '$2 ~ /^[TDRB]$/ { print "D", m, $3 }'
		nm -u "$o" | awk -v m="$m" '{ print "U", m, $2 }'
	done | awk '$1 == "D" { def[$3] = $2; next }
		{ use[++n] = $2 " " $3 }
		END {
			for (i = 1; i <= n; i++) {
				split(use[i], a, " ")
				if ((a[2] in def) && def[a[2]] != a[1])
					print a[1], def[a[2]]
			}
		}' >"$tmp/calls"
	acyclic "calls" "$tmp/calls"
fi

# The includes, of the library's sources and of the public headers.
for f in $(find "$top/src/lib" "$top/include/toll" -name '*.[ch]' | sort); do
	m=$(module "$f")
	sed -n 's/^#include "toll\/\([a-z0-9_]*\)\.h".*/\1/p' "$f" | while read -r h; do
		u=$(module "include/toll/$h.h")
		[ "$u" = "$m" ] || echo "$m $u"
	done
done >"$tmp/includes"
acyclic "includes" "$tmp/includes"

echo "deps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
