#!/bin/sh
# make check-valgrind: the golden tests of tests/cli with every program run
# under valgrind's memcheck.  Any invalid read or write, use of an
# uninitialised value, or memory definitely or indirectly lost makes the
# program exit 99, which fails its case; valgrind's reports are kept in
# build/valgrind/ (standard error stays the program's, for the comparison).
#   tests/valgrind.sh BUILD
set -u
build=$1
here=$(cd "$(dirname "$0")" && pwd)
bindir=$(cd "$build/bin" && pwd) || exit 2
logs=$(cd "$build" && pwd)/valgrind
vg=$(command -v valgrind) || { echo "check-valgrind: valgrind is not installed" >&2; exit 2; }
# One case copies toll alone to show it cannot find its programs; a copied
# wrapper still runs the real toll beside them, so it is skipped.
TOLL_UNDER_VALGRIND=1
export TOLL_UNDER_VALGRIND
rm -rf "$logs"
mkdir -p "$logs/bin"
for p in "$bindir"/*; do
	n=$(basename "$p")
	cat >"$logs/bin/$n" <<WRAP
#!/bin/sh
exec "$vg" -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \\
	--errors-for-leak-kinds=definite,indirect --suppressions="$here/valgrind.supp" \\
	--log-file="$logs/$n.%p.log" "$p" "\$@"
WRAP
	chmod +x "$logs/bin/$n"
done
status=0
sh "$here/cli/run.sh" "$logs/bin" || status=1
# Every report, even of a case that passed.
reports=$(find "$logs" -name '*.log' -size +0 | wc -l)
if [ "$reports" -gt 0 ]; then
	echo "check-valgrind: $reports reports in $logs:"
	find "$logs" -name '*.log' -size +0 | head -n 5 | while read -r f; do echo "== $f"; head -n 30 "$f"; done
	status=1
fi
exit $status
