#!/bin/sh
# Chart tests, as cairo's own: each case renders a PNG at a fixed size and
# compares it with its reference in tests/img/ref: byte for byte first, then
# pixel by pixel within a tolerance (imgdiff).  A failing case leaves its
# output and a difference image beside the reference, as NAME.out.png and
# NAME.diff.png.  Then the report figures: src/plots.sh renders them afresh
# and they must equal the committed plots/.
#   tests/img/run.sh BINDIR IMGDIFF            run the tests
#   tests/img/run.sh BINDIR IMGDIFF --update   write the references anew
# (an argument, not the environment: a stray variable must not bless
# every reference).
# Ends with "img: N passed, N failed".
set -u
update=0
[ "${3:-}" = --update ] && update=1
bindir=$(cd "$1" && pwd) || exit 2
imgdiff=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/toll-img.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
PATH="$bindir:$PATH"
LC_ALL=C
TZ=Pacific/Kiritimati
export PATH LC_ALL TZ
unset SOURCE_DATE_EPOCH
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL img: $*"; }

# same REF OUT NAME: byte-equal, or within the tolerance; else the evidence is kept.
same() {
	cmp -s "$1" "$2" && return 0
	"$imgdiff" "$1" "$2" "$tmp/diff.png" >"$tmp/why" 2>&1 && return 0
	cp "$2" "${1%.png}.out.png"
	[ -f "$tmp/diff.png" ] && cp "$tmp/diff.png" "${1%.png}.diff.png"
	echo "  $(cat "$tmp/why"); see ${1%.png}.out.png and ${1%.png}.diff.png"
	return 1
}

# check NAME ARGS...: toll-plot ARGS -o NAME.png against ref/NAME.png.
check() {
	name=$1
	shift
	out=$tmp/$name.png
	rm -f "$here/ref/$name.out.png" "$here/ref/$name.diff.png"
	if ! (cd "$here" && toll-plot "$@" -o "$out") >"$tmp/err" 2>&1; then
		fail "$name: toll-plot failed: $(cat "$tmp/err")"
		return
	fi
	if [ "$update" = 1 ]; then
		cp "$out" "$here/ref/$name.png"
		pass
	elif [ ! -f "$here/ref/$name.png" ]; then
		fail "$name: no reference ref/$name.png (--update makes it)"
	elif same "$here/ref/$name.png" "$out"; then
		pass
	else
		fail "$name: differs from ref/$name.png"
	fi
}

check bar-grouped bar -x event --series side data/totals.tsv --title 'Killed, by event and side' \
	--subtitle 'Whiskers: the range of the sources; arrows: at least' --caption 'Source: tests'
check bar-stacked bar -x side --series category --stacked data/stack.tsv --title 'Stacked, with the range of the total'
check bar-rotated bar -x place data/long.tsv --size 480x360 --title 'Long category names turn 45 degrees'
check bar-wrapped bar -x place data/long.tsv --size 1400x400 --title 'Long category names wrap in their band'
check bar-negative bar -x year -y change data/negative.tsv --ylabel 'change on the year before'
check bar-log bar -x event --series side data/totals.tsv --log-y --no-interval --title 'A log scale'
check line-band line -x x --series group data/band.tsv --title 'Lines with bands' --xlabel 'day'
check line-palette-viridis line -x x --series group data/band.tsv --palette viridis --no-interval
check line-ylimits line -x x --series group data/band.tsv --palette grey --ymin 100 --ymax 200
check step-revisions step --series side data/revisions.tsv --title 'Tolls by report date' --ylabel 'killed'
check step-hours step data/hours.tsv --title 'Within two days: hours' --size 600x360
check step-one-point step data/one.tsv --size 400x300
check interval-estimates interval -y source,reported --series side data/estimates.tsv --title 'Estimates by source'
check interval-ymax interval -y source,reported --series side data/estimates.tsv --ymin 5000 --ymax 25000 --size 600x360
check hist-fd hist data/normal.tsv --title 'Freedman-Diaconis bins'
check hist-bins hist --bins 7 data/normal.tsv --size 400x300
check scripts bar -x side data/scripts.tsv --title 'Հայաստան · Azərbaycan · Россия · عربي' --size 500x320
check scale-2 bar -x event --series side data/totals.tsv --size 400x250 --scale 2
check bar-stacked-ymin bar -x side --series category --stacked data/stack.tsv --ymin 1000 --no-interval --title 'Stacks add up from zero, whatever the axis shows'
check bar-stacked-log bar -x side --series category --stacked data/stack.tsv --log-y --no-interval --title 'Stacks on a log axis'
check bar-months bar -x start:month --series side data/months.tsv --title 'Empty months are kept' --size 600x360
check hist-log hist -x deaths --log-y data/skewed.tsv --title 'A log axis starts below the smallest bin' --size 600x360
check line-years line -x year -y killed data/years.tsv --title 'Years: whole ticks, no separators' --size 600x360
check pdf-as-png bar -x side data/stack.tsv --series category --format png --title 'PNG through --format'

# The report figures: rendered again, compared with the committed plots/.
if (cd "$top" && sh src/plots.sh "$bindir" "$tmp/plots") >"$tmp/err" 2>&1; then
	if cmp -s "$top/plots/README.md" "$tmp/plots/README.md"; then
		pass
	else
		fail "plots/README.md is not what make plots writes"
	fi
	for f in "$tmp"/plots/*.png "$tmp"/plots/*.pdf; do
		n=$(basename "$f")
		ref=$top/plots/$n
		if [ ! -f "$ref" ]; then
			fail "plots/$n: not committed (run make plots)"
		elif cmp -s "$ref" "$f"; then
			pass
		elif [ "${f%.pdf}" = "$f" ]; then
			rm -f "$tmp/ref.png"
			cp "$ref" "$tmp/ref.png"
			if same "$tmp/ref.png" "$f"; then pass; else fail "plots/$n differs from what make plots renders"; fi
		elif command -v pdftoppm >/dev/null 2>&1; then
			# Another cairo may write other bytes for the same page: compare the pages.
			pdftoppm -png -r 72 -singlefile "$ref" "$tmp/ref" && pdftoppm -png -r 72 -singlefile "$f" "$tmp/new"
			if same "$tmp/ref.png" "$tmp/new.png"; then pass; else fail "plots/$n differs from what make plots renders"; fi
		else
			fail "plots/$n differs byte for byte, and pdftoppm is not there to compare its page"
		fi
	done
	for f in "$top"/plots/*; do
		[ -f "$tmp/plots/$(basename "$f")" ] || fail "plots/$(basename "$f") is not made by make plots"
	done
else
	fail "src/plots.sh failed: $(cat "$tmp/err")"
fi

echo "img: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
