#!/bin/sh
# What make install puts where, and that a user can use it: the programs,
# libtoll (shared, with its soname, and static), the headers and toll.pc
# (a C program compiled against them with pkg-config and run), the manual
# pages (man --warnings), the bash completion (sourced in bash), strip,
# uninstall; and a make dist tarball that builds without git and says its
# version.
#   tests/install/run.sh TOP SANITIZE    (SANITIZE: 1 for the sanitizer build)
# Ends with "install: N passed, N failed".
set -u
top=$(cd "$1" && pwd) || exit 2
san=${2:-0}
here=$top/tests/install
tmp=$(mktemp -d "${TMPDIR:-/tmp}/toll-install.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LC_ALL=C
export LC_ALL
unset SOURCE_DATE_EPOCH
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL install: $*"; }
ok() { if "$@" >"$tmp/out" 2>&1; then pass; else fail "$*: $(head -n 3 "$tmp/out")"; fi; }

programs="toll toll-check toll-agg toll-rev toll-stats toll-plot toll-import toll-extract toll-report"
version=$(cat "$top/src/VERSION")
prefix=$tmp/prefix
sanflags=
[ "$san" = 1 ] && sanflags="-fsanitize=address,undefined -fno-omit-frame-pointer"

if ! make -s -C "$top" install PREFIX="$prefix" SANITIZE="$san" >"$tmp/log" 2>&1; then
	fail "make install: $(tail -n 5 "$tmp/log")"
	echo "install: $passed passed, $failed failed"
	exit 1
fi
pass

# What is where.
for p in $programs; do
	[ -x "$prefix/bin/$p" ] && pass || fail "bin/$p not installed"
	[ -f "$prefix/share/man/man1/$p.1" ] && pass || fail "share/man/man1/$p.1 not installed"
	[ -e "$prefix/share/bash-completion/completions/$p" ] && pass || fail "completion for $p not installed"
done
for f in lib/libtoll.a lib/libtoll.so lib/libtoll.so.0 "lib/libtoll.so.$version" lib/pkgconfig/toll.pc \
         share/man/man7/toll.7 include/toll/figure.h include/toll/chart.h include/toll/story.h; do
	[ -e "$prefix/$f" ] && pass || fail "$f not installed"
done
[ ! -e "$prefix/include/toll/hashtab.h" ] && [ ! -e "$prefix/include/hashtab.h" ] && pass ||
	fail "an internal header was installed"

# The shared library: its soname, and only toll_ names exported.
if readelf -d "$prefix/lib/libtoll.so.$version" | grep -q 'SONAME.*\[libtoll\.so\.0\]'; then pass; else
	fail "libtoll.so has no soname libtoll.so.0"; fi
nm -D --defined-only "$prefix/lib/libtoll.so.$version" | awk '$2 ~ /^[TDRB]$/ { print $3 }' >"$tmp/syms"
if [ -s "$tmp/syms" ] && ! grep -v '^toll_' "$tmp/syms" | grep -q . && ! grep -q '^toll_ch_\|^toll_doc_' "$tmp/syms"; then
	pass
else
	fail "libtoll.so exports other names: $(grep -v '^toll_' "$tmp/syms" | head -n 5 | tr '\n' ' ')$(grep '^toll_ch_\|^toll_doc_' "$tmp/syms" | head -n 3 | tr '\n' ' ')"
fi
# The installed headers name nothing outside toll_ and TOLL_ (but C's own).
cat "$prefix"/include/toll/*.h | grep -v '^ \*\|^/\*\|^#include' |
	grep -oE '^(typedef |struct |enum |extern |[a-z_][a-z0-9_ *]* )[a-z_][a-z0-9_]*' |
	grep -oE '[a-z_][a-z0-9_]*$' | sort -u |
	grep -vE '^(toll_|_cairo$|int$|void$|char$|double$|size_t$|long$|unsigned$|const$|uint32_t$|int64_t$|uint8_t$|uint64_t$|struct$|enum$|typedef$|static$|extern$)' >"$tmp/names" || true
if [ -s "$tmp/names" ]; then fail "installed headers declare: $(tr '\n' ' ' <"$tmp/names")"; else pass; fi

# A C program against the installed copy, with pkg-config, shared and static.
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
# toll.pc names the prefix's lib/ as the run path: no LD_LIBRARY_PATH.
if cc -std=c11 -Wall -Wextra -Werror $sanflags -o "$tmp/ex" "$here/example.c" $(pkg-config --cflags --libs toll) \
	2>"$tmp/err"; then
	pass
	env -u LD_LIBRARY_PATH "$tmp/ex" "$top/datasets/2022-09-border-clashes.tsv" >"$tmp/out" 2>"$tmp/err"
	if [ $? -eq 0 ] && [ "$(cat "$tmp/out")" = "'at least 49' is ≥49: low 49, open 1
19 valid rows, 0 problems" ]; then pass; else fail "example (shared): $(cat "$tmp/out" "$tmp/err")"; fi
	if ldd "$tmp/ex" | grep -q "$prefix/lib/libtoll.so.0"; then pass; else fail "example not linked to the installed libtoll.so.0"; fi
else
	fail "cc example.c \$(pkg-config --cflags --libs toll): $(head -n 5 "$tmp/err")"
fi
if cc -std=c11 $sanflags -o "$tmp/ex-static" "$here/example.c" $(pkg-config --cflags toll) "$prefix/lib/libtoll.a" \
	$(pkg-config --static --libs toll | sed 's/-ltoll//') 2>"$tmp/err" &&
	"$tmp/ex-static" "$top/datasets/2022-09-border-clashes.tsv" | grep -q '^19 valid rows'; then
	pass
else
	fail "example (static): $(head -n 5 "$tmp/err")"
fi

# A C program importing as toll-import does (toll/import.h), against the
# installed shared library: the same rows and summary as the program's.
if cc -std=c11 -Wall -Wextra -Werror $sanflags -o "$tmp/imp" "$here/import.c" $(pkg-config --cflags --libs toll) \
	2>"$tmp/err"; then
	env -u LD_LIBRARY_PATH "$tmp/imp" "$top/tests/data/losses.json" >"$tmp/imp.out" 2>"$tmp/imp.err"
	rc=$?
	"$prefix/bin/toll-import" table --set event=invasion,side=Russia,category=killed \
		--map reported=date,source=source.name,best=personnel,qualifier=personnel* --keep '' \
		"$top/tests/data/losses.json" >"$tmp/prog.out" 2>"$tmp/prog.err"
	if [ $rc -eq 0 ] && cmp -s "$tmp/imp.out" "$tmp/prog.out" && [ "$(wc -l <"$tmp/imp.out")" -eq 6 ] &&
		[ "$(cat "$tmp/imp.err")" = "$(sed 's/^toll-import: //; s/$/ (0 problems)/' "$tmp/prog.err")" ]; then
		pass
	else
		fail "import example: exit $rc: $(cat "$tmp/imp.err" "$tmp/prog.err" | tr '\n' ' ')"
	fi
else
	fail "cc import.c \$(pkg-config --cflags --libs toll): $(head -n 5 "$tmp/err")"
fi

# Manual pages: man finds them, and groff has nothing to say about them.
for p in $programs; do
	w=$(man --warnings -l "$prefix/share/man/man1/$p.1" 2>&1 >/dev/null)
	[ -z "$w" ] && pass || fail "man --warnings $p.1: $w"
done
w=$(man --warnings -l "$prefix/share/man/man7/toll.7" 2>&1 >/dev/null)
[ -z "$w" ] && pass || fail "man --warnings toll.7: $w"
if MANPATH="$prefix/share/man" man -w toll-agg | grep -q "$prefix/share/man/man1/toll-agg.1"; then pass; else
	fail "man toll-agg does not find the installed page"; fi
# The page is the help: every option of --help is in it.
"$prefix/bin/toll-agg" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u >"$tmp/opts"
MANWIDTH=200 man -l "$prefix/share/man/man1/toll-agg.1" 2>/dev/null | grep -oE -- '--[a-z][a-z-]+' | sort -u >"$tmp/mopts"
if cmp -s "$tmp/opts" "$tmp/mopts"; then pass; else fail "toll-agg.1 and --help name other options: $(diff "$tmp/opts" "$tmp/mopts" | tr '\n' ' ')"; fi

# The version from the installed program: the release, and the commit.
if "$prefix/bin/toll-agg" --version | grep -qE "^toll-agg \(toll\) $version( \(git [0-9a-f]+(-dirty)?\))?$"; then pass; else
	fail "installed toll-agg --version: $("$prefix/bin/toll-agg" --version)"; fi

# Bash completion, sourced as bash-completion would.
printf 'event\treported\tsource\tside\tcategory\tbest\n' >"$tmp/t.tsv"
complete_words() {
	PATH="$prefix/bin:$PATH" bash -c '
		. "$1/share/bash-completion/completions/toll"
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_toll
		printf "%s\n" "${COMPREPLY[@]}"' sh "$prefix" "$@" 2>&1 | sort | tr '\n' ' '
}
want() {
	name=$1 expect=$2
	shift 2
	got=$(complete_words "$@")
	if [ "$got" = "$expect" ]; then pass; else fail "completion $name: '$got', expected '$expect'"; fi
}
want "subcommands" "agg " toll ag
want "options from --help" "--combine " toll-agg --comb
want "options of toll agg" "--combine " toll agg --comb
want "policies" "max mean median min " toll-agg --combine m
want "chart kinds" "bar " toll-plot b
want "rev commands" "diff " toll-rev d
want "import formats" "acled " toll-import a
want "import formats under toll" "table " toll import t
want "columns from the header" "side source " toll-agg "$tmp/t.tsv" -g s
want "a list of columns" "event,side event,source " toll-agg "$tmp/t.tsv" -g event,s
want "columns under toll" "category " toll plot bar "$tmp/t.tsv" -x cat
want "--format" "pdf png " toll-plot --format p
want "policies from toll-agg's help" "prefer: " toll-agg --combine p
want "--palette from toll-plot's help" "viridis " toll-plot --palette=v
want "toll-rev's commands from its usage" "series summary " toll-rev s
want "--every from toll-rev's help" "month " toll-rev series --every m

# bash-completion itself finds the installed completion when a command is
# first completed: a prefix of $HOME/.local is XDG_DATA_HOME's (below it,
# share/), /usr/local one of XDG_DATA_DIRS.
if [ -f /usr/share/bash-completion/bash_completion ]; then
	got=$(XDG_DATA_HOME="$prefix/share" bash -c '. /usr/share/bash-completion/bash_completion
		__load_completion toll-rev && complete -p toll-rev' 2>&1)
	if [ "$got" = "complete -F _toll toll-rev" ]; then pass; else fail "bash-completion does not load the installed completion: $got"; fi
else
	fail "bash-completion is not installed (make check installs it as root: .ci/deps test)"
fi

# Uninstall removes everything install put there; install-strip strips.
ok make -s -C "$top" uninstall PREFIX="$prefix" SANITIZE="$san"
left=$(find "$prefix" -type f -o -type l | head -n 5)
[ -z "$left" ] && pass || fail "uninstall left: $left"
if make -s -C "$top" install-strip PREFIX="$tmp/stripped" SANITIZE="$san" >"$tmp/log" 2>&1 &&
	! nm "$tmp/stripped/bin/toll-agg" 2>/dev/null | grep -q . && "$tmp/stripped/bin/toll-agg" --version >/dev/null; then
	pass
else
	fail "install-strip: $(tail -n 3 "$tmp/log")"
fi
# DESTDIR: everything under it, nothing elsewhere.
if make -s -C "$top" install DESTDIR="$tmp/dest" PREFIX=/usr/local SANITIZE="$san" >"$tmp/log" 2>&1 &&
	[ -x "$tmp/dest/usr/local/bin/toll" ] && [ -f "$tmp/dest/usr/local/share/man/man7/toll.7" ]; then
	pass
else
	fail "install DESTDIR: $(tail -n 3 "$tmp/log")"
fi

# A tarball of make dist builds where there is no git, and says its version
# (a plain build: the caller's make variables, SANITIZE among them, are not
# the tarball's).
if [ -d "$top/.git" ] && command -v git >/dev/null 2>&1; then
	commit=$(git -C "$top" describe --always --dirty --abbrev=12)
	if make -s -C "$top" dist BUILD="$tmp/distbuild" >"$tmp/log" 2>&1; then
		mkdir -p "$tmp/unpacked"
		tar -xzf "$tmp/distbuild/toll-$version.tar.gz" -C "$tmp/unpacked"
		d=$tmp/unpacked/toll-$version
		if [ -f "$d/src/COMMIT" ] && [ ! -d "$d/.git" ] &&
			GIT_CEILING_DIRECTORIES="$tmp" env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s -C "$d" SANITIZE=0 build/bin/toll-check >"$tmp/log" 2>&1 &&
			[ "$("$d/build/bin/toll-check" --version)" = "toll-check (toll) $version (git $commit)" ]; then
			pass
		else
			fail "make dist: the tarball does not build or say its version: $(tail -n 3 "$tmp/log") (in $d: $(ls "$d" "$d/src" 2>&1 | tr '\n' ' '))"
		fi
	else
		fail "make dist: $(tail -n 3 "$tmp/log")"
	fi
fi

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
