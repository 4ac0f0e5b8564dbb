#!/bin/sh
# The documented make targets as a user meets them: each in a fresh copy of
# the repository (what a clone of this work tree would hold: its files that
# git does not ignore, and nothing that make check has built), in the
# orders the README gives.  Copy A: make uninstall and make dist before
# anything is built, then make, make install, the installed programs and
# libtoll used, make uninstall.  Copy B: make demo, then make install.
#   tests/targets/run.sh TOP SANITIZE
# With SANITIZE=1 (make check SANITIZE=1) the cases are skipped, counted:
# they build plain copies, which the plain make check already does.
# Ends with "targets: N passed, N failed, N skipped".
set -u
top=$(cd "$1" && pwd) || exit 2
san=${2:-0}
cases=$(grep -cE '^[[:space:]]*(ok|is) "' "$0")
if [ "$san" = 1 ]; then
	echo "skip targets: the make targets are tried in fresh copies by the plain make check"
	echo "targets: 0 passed, 0 failed, $cases skipped"
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/toll-targets.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LC_ALL=C
export LC_ALL
unset SOURCE_DATE_EPOCH
passed=0
failed=0
version=$(cat "$top/src/VERSION")

# ok NAME COMMAND...: the command succeeds (its output is in $tmp/out).
ok() {
	name=$1
	shift
	if "$@" >"$tmp/out" 2>&1; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL targets: $name"
		echo "  \$ $*"
		tail -n 8 "$tmp/out" | sed 's/^/  /'
	fi
}

# is NAME TEST...: a test(1) expression holds.
is() {
	name=$1
	shift
	if [ "$@" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL targets: $name"
	fi
}

# mk DIR ARGS...: make in DIR as a user runs it, without the make variables
# of the make check that runs this (SANITIZE, WERROR, -j).
mk() {
	d=$1
	shift
	env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -C "$d" "$@"
}

# fresh NAME: a copy of the repository in $tmp/NAME, committed as a clone
# would be (make dist archives the commit).
fresh() {
	d=$tmp/$1
	mkdir -p "$d"
	if [ -d "$top/.git" ] && command -v git >/dev/null 2>&1; then
		(cd "$top" && git ls-files -z --cached --others --exclude-standard |
			tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$d" &&
			git -C "$d" init -q &&
			git -C "$d" add -A &&
			git -C "$d" -c user.name=toll-tests -c user.email=toll-tests@localhost commit -q -m "fresh copy"
	else
		(cd "$top" && tar --exclude=./build --exclude=./build-san --exclude=./build-fuzz \
			--exclude=./tests/bench/out -cf - .) | tar -xf - -C "$d"
	fi
}

# --- Copy A.
fresh a
a=$tmp/a
ok "make uninstall with nothing installed" mk "$a" uninstall PREFIX="$tmp/none"
if [ -d "$a/.git" ]; then
	ok "make dist in a fresh clone, nothing built" mk "$a" dist
	is "make dist: build/toll-$version.tar.gz" -s "$a/build/toll-$version.tar.gz"
	tar -tzf "$a/build/toll-$version.tar.gz" >"$tmp/list" 2>&1
	is "make dist: the tarball holds the sources, the test data and src/COMMIT, no build output" \
		"$(grep -cE "^toll-$version/(Makefile|src/COMMIT|tests/data/PROVENANCE.md|tests/data/real/ucdp-ged231-sample150.csv)$" "$tmp/list"):$(grep -c "^toll-$version/build" "$tmp/list")" = 4:0
	rm -rf "$a/build"
fi
# In parallel here (a missing dependency shows), in order in copy B.
ok "make, in a fresh clone" mk "$a" -j2
ok "make install after make" mk "$a" -j2 install PREFIX="$tmp/pa"
ok "the installed toll agg runs" "$tmp/pa/bin/toll" agg "$top/datasets/2022-09-border-clashes.tsv"
ok "the installed programs need no libtoll.so: they are linked with libtoll.a" \
	sh -c "! ldd '$tmp/pa/bin/toll-agg' | grep -q libtoll"
# A program of the user's, compiled as the README says, runs without
# LD_LIBRARY_PATH: toll.pc gives the library's folder as the run path.
ok "cc example.c \$(pkg-config --cflags --libs toll)" \
	sh -c "cc -o '$tmp/ex' '$top/tests/install/example.c' \$(PKG_CONFIG_PATH='$tmp/pa/lib/pkgconfig' pkg-config --cflags --libs toll)"
ok "the example runs without LD_LIBRARY_PATH" env -u LD_LIBRARY_PATH "$tmp/ex" "$top/datasets/2022-09-border-clashes.tsv"
ok "make uninstall after make install" mk "$a" uninstall PREFIX="$tmp/pa"
is "make uninstall leaves nothing" -z "$(find "$tmp/pa" -type f -o -type l)"

# --- Copy B: the quick start's order, as typed.
fresh b
b=$tmp/b
ok "make demo, in a fresh clone" mk "$b" demo
ok "make install after make demo" mk "$b" install PREFIX="$tmp/pb"
ok "the installed toll-check runs" "$tmp/pb/bin/toll-check" "$top/datasets/2022-09-border-clashes.tsv"

echo "targets: $passed passed, $failed failed, 0 skipped"
[ "$failed" -eq 0 ]
