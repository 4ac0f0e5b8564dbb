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
	if ! (cd "$here/../data" && toll-plot "$@" -o "$out") >"$tmp/err" 2>&1; then
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

check bar-grouped bar -x event --series side img/totals.tsv --title 'Killed, by event and side' \
	--subtitle 'Whiskers: the range of the sources; arrows: at least' --caption 'Source: tests'
check bar-stacked bar -x side --series category --stacked img/stack.tsv --title 'Stacked, with the range of the total'
check bar-rotated bar -x place img/long.tsv --size 480x360 --vertical --title 'Long category names turn 45 degrees'
check bar-across bar -x place img/long.tsv --size 480x360 --title 'Long category names: bars across'
check bar-top bar -x country img/many.tsv --top 20 --sort value --labels --title '106 categories: the 20 largest, the rest as one'
check bar-wrapped bar -x place img/long.tsv --size 1400x400 --title 'Long category names wrap in their band'
check bar-negative bar -x year -y change img/negative.tsv --ylabel 'change on the year before'
check line-band line -x x --series group img/band.tsv --title 'Lines with bands' --xlabel 'day'
check line-palette-viridis line -x x --series group img/band.tsv --palette viridis --no-interval
check line-ylimits line -x x --series group img/band.tsv --palette grey --ymin 100 --ymax 200
check step-revisions step --series side img/revisions.tsv --title 'Tolls by report date' --ylabel 'killed'
check step-hours step img/hours.tsv --title 'Within two days: hours' --size 600x360
check step-one-point step img/one.tsv --size 400x300
check interval-estimates interval -y source,reported --series side img/estimates.tsv --title 'Estimates by source'
check interval-ymax interval -y source,reported --series side img/estimates.tsv --ymin 5000 --ymax 25000 --size 600x360
check hist-fd hist img/normal.tsv --title 'Freedman-Diaconis bins'
check hist-bins hist --bins 7 img/normal.tsv --size 400x300
check scripts bar -x side img/scripts.tsv --title 'Հայաստան · Azərbaycan · Россия · عربي' --size 500x320
check scale-2 bar -x event --series side img/totals.tsv --size 400x250 --scale 2
check bar-months bar -x start:month --series side img/months.tsv --title 'Empty months are kept' --size 600x360
check hist-log hist -x deaths --log-y img/skewed.tsv --title 'Counts on a log axis start at 1' --size 600x360
check dot-log dot -x event --series side img/totals.tsv --log-y --title 'Values that span orders of magnitude: dots on a log axis'
check dot-labels dot -x event img/events.tsv --log-y --labels --size 600x360 --title 'One dot an event, its range and notation'
check line-years line -x year -y killed img/years.tsv --title 'Years: whole ticks, no separators' --size 600x360
check pdf-as-png bar -x side img/stack.tsv --series category --format png --title 'PNG through --format'

# The publishing options (issue 16): references, then the pixels that must
# be there.
check opt-color step --series side img/revisions.tsv --color Azerbaijan=vermillion,Armenia=#000000 --size 600x360
check opt-mark step --series side img/revisions.tsv --mark '2022-09-14=ceasefire' --size 600x360
check opt-labels bar -x event --series side img/totals.tsv --labels --size 600x360
check opt-labels-interval interval -y source,reported --series side img/estimates.tsv --labels --size 600x360
check opt-labels-step step --series side img/revisions.tsv --labels --size 600x360
check opt-xrange line -x x --series group img/band.tsv --xmin 10 --xmax 30 --size 600x360
# toll-rev series' output as it is: its changes as bars, its running toll as a step line (as of each week's
# end), and a thousand days of one series, some "at least", as a line with no marks (nor a legend for them).
check series-change-bars bar -x period -y change --series side,category img/series.tsv --title 'Dead and wounded added each week' --size 600x360
check series-running-step step -x as_of --series side,category img/series.tsv --labels --title 'Running toll, as known at the end of each week' --size 600x360
check series-daily-line step -x as_of img/daily.tsv --title 'A thousand days of one series' --size 600x360
check opt-gaps line -x month --series side img/gaps.tsv --size 600x360 --title 'A line breaks at a month with no row'
check opt-mark-bar bar -x event --series side img/totals.tsv --mark '5000=5,000' --size 600x360

# count IMAGE X0 Y0 X1 Y1 RRGGBB: the pixels of that colour in the rectangle.
count() { "$imgdiff" --count "$@"; }
# at_least NAME N IMAGE X0 Y0 X1 Y1 RRGGBB, at_most NAME N ...: a pixel count's bound.
at_least() {
	name=$1 n=$2
	shift 2
	got=$(count "$@")
	if [ "${got:-0}" -ge "$n" ]; then pass; else fail "$name: $got pixels of #$6, expected at least $n"; fi
}
at_most() {
	name=$1 n=$2
	shift 2
	got=$(count "$@")
	if [ "${got:-0}" -le "$n" ]; then pass; else fail "$name: $got pixels of #$6, expected at most $n"; fi
}
draw() { (cd "$here/../data" && toll-plot "$@") 2>"$tmp/err" || fail "toll-plot $*: $(cat "$tmp/err")"; }

# Eight series, eight colours: each of Okabe and Ito's drawn, none twice.
awk 'BEGIN { print "x\tside\tbest"; for (i = 1; i <= 8; i++) printf "1\ts%d\t%d\n2\ts%d\t%d\n", i, 10 * i, i, 10 * i + 5 }' >"$tmp/s8.tsv"
draw line -x x --series side "$tmp/s8.tsv" --no-interval --size 600x360 -o "$tmp/s8.png"
for rgb in 0072B2 D55E00 009E73 E69F00 CC79A7 56B4E9 F0E442 000000; do
	at_least "eight series: #$rgb drawn" 150 "$tmp/s8.png" 0 60 600 330 $rgb 4
done

# An open figure ("at least 31") is an arrow a little past its dot, not one across the plot.
printf 'event\tlow\tbest\thigh\nwar\t31\t31\t\nclash\t900\t1000\t1100\n' >"$tmp/open.tsv"
draw dot -x event "$tmp/open.tsv" --size 600x300 -o "$tmp/open.png"
at_least "open figure: its dot and arrow drawn" 40 "$tmp/open.png" 0 0 300 300 0072B2 30
at_most "open figure: no arrow across the plot" 0 "$tmp/open.png" 300 0 520 150 0072B2 30

# The other side's claim: a hollow diamond in ink above Azerbaijan's bar (at 430 of an axis to 500), none above Armenia's.
printf 'side\tcategory\tlow\tbest\thigh\tadversary\nArmenia\tkilled\t225\t225\t225\t\nAzerbaijan\tkilled\t79\t79\t79\t~430\n' >"$tmp/adv.tsv"
draw bar -x side "$tmp/adv.tsv" --size 600x360 -o "$tmp/adv.png"
at_least "adversary: a diamond over Azerbaijan's bar" 12 "$tmp/adv.png" 300 40 600 200 1a1a1a 30
at_most "adversary: none over Armenia's bar" 0 "$tmp/adv.png" 60 40 300 150 1a1a1a 30

# An approximate figure: its bar light (halfway to white), outlined; an exact one solid.
printf 'event\tlow\tbest\thigh\tqualifier\nwar\t300\t300\t300\t~\nclash\t290\t290\t290\t\n' >"$tmp/q.tsv"
draw bar "$tmp/q.tsv" --size 600x360 -o "$tmp/q.png"
at_least "approx: the approximate bar light" 3000 "$tmp/q.png" 60 60 330 300 7FB8D8 6
at_most "approx: the exact bar not light" 0 "$tmp/q.png" 330 60 600 300 7FB8D8 6
at_least "approx: the exact bar solid" 3000 "$tmp/q.png" 330 60 600 300 0072B2 6

# Of a line (or step), an approximate figure is its marker, light and outlined, and the legend says so;
# an exact one has no marker, and no legend entry.
printf 'x\tbest\tqualifier\n1\t100\t\n2\t300\t~\n3\t450\t\n' >"$tmp/ql.tsv"
printf 'x\tbest\tqualifier\n1\t100\t\n2\t300\t\n3\t450\t\n' >"$tmp/ql0.tsv"
draw line -x x "$tmp/ql.tsv" --size 600x360 --boxes "$tmp/ql.boxes" -o "$tmp/ql.png"
draw line -x x "$tmp/ql0.tsv" --size 600x360 --boxes "$tmp/ql0.boxes" -o "$tmp/ql0.png"
at_least "approx line: the approximate point's marker light" 8 "$tmp/ql.png" 314 154 326 166 7FB8D8 3
at_most "approx line: an exact point has no light marker" 2 "$tmp/ql0.png" 314 147 326 159 7FB8D8 3
if grep -q 'about (an approximate figure)' "$tmp/ql.boxes" && ! grep -q 'about' "$tmp/ql0.boxes"; then pass; else
	fail "approx line: the legend's entry, only where an approximate figure is drawn"; fi

# A claim set aside (set_aside "yes", as toll-report gives its step charts): its line dotted, its points
# hollow diamonds, with the legend's entry; beside a solid line of the same length, far fewer pixels.
printf 'reported\tseries\tbest\tset_aside\n2022-09-13\tA\t100\t\n2022-09-20\tA\t100\t\n2022-09-13\tB\t300\tyes\n2022-09-20\tB\t300\tyes\n' >"$tmp/sa.tsv"
draw step --series series "$tmp/sa.tsv" --size 600x360 --boxes "$tmp/sa.boxes" -o "$tmp/sa.png"
solid=$(count "$tmp/sa.png" 0 40 600 330 0072B2 30)
dotted=$(count "$tmp/sa.png" 0 40 600 330 D55E00 30)
if [ "${dotted:-0}" -gt 40 ] && [ $((dotted * 2)) -lt "${solid:-0}" ]; then pass; else
	fail "set aside: its line dotted ($dotted pixels against $solid solid)"; fi
if grep -q "the other side's claim (set aside)" "$tmp/sa.boxes"; then pass; else fail "set aside: no legend entry"; fi

# Bars and whiskers are in the layout's boxes (shapes the labels keep clear of): 12 bars, 6 whiskers;
# and no label over any.
awk 'BEGIN { print "cat\tseries\tlow\tbest\thigh"; for (i = 0; i < 6; i++) { printf "%c\ts1\t100\t150\t190\n", 97 + i; printf "%c\ts2\t\t1000\t\n", 97 + i } }' >"$tmp/gb.tsv"
draw bar -x cat --series series --labels "$tmp/gb.tsv" --size 500x300 --boxes "$tmp/gb.boxes" -o "$tmp/gb.png"
shapes=$(grep -c '^shape' "$tmp/gb.boxes")
if [ "$shapes" -eq 18 ] && "$imgdiff" --overlaps "$tmp/gb.boxes" >/dev/null 2>&1; then pass; else
	fail "bars as boxes: $shapes shapes (expected 18), or a label over one"; fi

# Crowded charts: no text drawn over another (the layout's boxes, --boxes),
# and the labels left out said.
crowded() {
	name=$1
	shift
	if ! (cd "$here/../data" && toll-plot "$@" --boxes "$tmp/$name.tsv" -o "$tmp/$name.png") 2>"$tmp/err"; then
		fail "$name: toll-plot failed: $(cat "$tmp/err")"
		return
	fi
	if "$imgdiff" --overlaps "$tmp/$name.tsv" >"$tmp/why" 2>&1; then pass; else fail "$name: texts overlap: $(head -n 3 "$tmp/why")"; fi
	dropped=$(grep -c '^dropped' "$tmp/$name.tsv")
	if [ "$dropped" -eq 0 ] || grep -q "note: $dropped labels\{0,1\} left out" "$tmp/err"; then pass; else fail "$name: $dropped labels left out, not said: $(cat "$tmp/err")"; fi
}
crowded crowded-bars bar -x country img/many.tsv --vertical --labels
crowded crowded-bars-top bar -x country img/many.tsv --top 30 --labels --mark 10000=ten\ thousand
crowded crowded-dots dot -x country img/many.tsv --top 25 --sort value --labels --log-y --size 500x440
crowded crowded-interval interval -y source,reported --series side img/estimates.tsv --labels --size 400x300
crowded crowded-steps step --series side img/revisions.tsv --labels --size 400x300 --mark 2022-09-14=ceasefire --mark 2022-09-15=talks --mark 2022-09-16=more\ talks
crowded crowded-bars-small bar -x event --series side img/totals.tsv --labels --size 300x200
crowded crowded-small-legend step --series side,source img/revisions.tsv --size 400x300 --labels --title 'The border clashes of September 2022: each side on its own dead, as it was reported day by day'
# The boxes are where the text is: a label's box holds its ink, none of it outside.
draw bar -x event --series side img/totals.tsv --labels --size 600x360 --boxes "$tmp/b.tsv" -o "$tmp/b.png"
n_lab=$(awk -F'\t' '$1 == "label"' "$tmp/b.tsv" | wc -l)
if [ "$n_lab" -ge 7 ]; then pass; else fail "--boxes: $n_lab labels of 7 bars"; fi
# Many categories: each bar a row with its own name; more than fit refused, naming --top.
draw bar -x country img/many.tsv --top 20 --boxes "$tmp/t.tsv" -o "$tmp/t.png"
n_cat=$(awk -F'\t' '$1 == "category"' "$tmp/t.tsv" | wc -l)
if [ "$n_cat" -eq 21 ]; then pass; else fail "--top 20: $n_cat category names, expected 21 (20 and the others)"; fi
if grep -q '^category	86 others	' "$tmp/t.tsv"; then pass; else fail "--top 20: no '86 others' row"; fi
# The rows' names are each level with its bar: a name's middle within its row.
if awk -F'\t' '$1 == "category" { n++; mid = ($4 + $8) / 2; if (mid < prev) bad = 1; prev = mid } END { exit bad || n == 0 }' "$tmp/t.tsv"; then pass; else fail "--top 20: the rows' names are not in order down the chart"; fi


# --color: Azerbaijan's line vermillion, Armenia's black, and no series in
# the palette's first colour (blue), which the colours given leave alone.
draw step --series side img/revisions.tsv --color Azerbaijan=vermillion,Armenia=#000000 --size 600x360 -o "$tmp/c.png"
at_least "--color: vermillion drawn" 200 "$tmp/c.png" 0 0 600 360 D55E00
at_least "--color: black drawn" 200 "$tmp/c.png" 0 60 600 330 000000
at_most "--color: the palette's first colour not used" 0 "$tmp/c.png" 0 0 600 360 0072B2
# The same colour for a value whatever the other series: Azerbaijan alone.
awk -F'\t' 'NR == 1 || $2 == "Azerbaijan"' "$here/../data/img/revisions.tsv" >"$tmp/az.tsv"
draw step --series side "$tmp/az.tsv" --color Azerbaijan=vermillion --size 600x360 -o "$tmp/c1.png"
at_least "--color: the value's colour without the others" 200 "$tmp/c1.png" 0 0 600 360 D55E00
# --mark: a dashed line in the plot's ink, which the chart without has not.
draw step --series side img/revisions.tsv --size 600x360 -o "$tmp/m0.png"
draw step --series side img/revisions.tsv --size 600x360 --mark 2022-09-14=ceasefire -o "$tmp/m1.png"
n0=$(count "$tmp/m0.png" 0 40 600 320 454545 30)
n1=$(count "$tmp/m1.png" 0 40 600 320 454545 30)
if [ $((n1 - n0)) -ge 100 ]; then pass; else fail "--mark: $n0 then $n1 pixels of the mark's ink"; fi
# --labels: text above the bars, where the chart without has none.
draw bar -x event --series side img/totals.tsv --size 600x360 -o "$tmp/l0.png"
draw bar -x event --series side img/totals.tsv --size 600x360 --labels -o "$tmp/l1.png"
n0=$(count "$tmp/l0.png" 40 40 600 300 1a1a1a 40)
n1=$(count "$tmp/l1.png" 40 40 600 300 1a1a1a 40)
if [ $((n1 - n0)) -ge 150 ]; then pass; else fail "--labels: $n0 then $n1 pixels of text ink"; fi
# Gaps: nothing of the first series' colour between March and May (no April row).
draw line -x month --series side img/gaps.tsv --size 600x360 -o "$tmp/g.png"
at_least "gaps: the first series drawn" 100 "$tmp/g.png" 0 0 600 360 0072B2
x_mar=$(( 60 + (600 - 60) * 2 / 7 )) x_may=$(( 60 + (600 - 60) * 4 / 7 ))
at_most "gaps: no line across April" 5 "$tmp/g.png" $((x_mar + 25)) 40 $((x_may - 25)) 320 0072B2
# --size with units: 6.5in x 4in at 300 dpi (the default for a printed size),
# the resolution in the PNG; a PDF page of 468 x 288 points.
draw bar -x event --series side img/totals.tsv --size 6.5inx4in -o "$tmp/s.png"
if od -An -tu1 -j16 -N8 "$tmp/s.png" | tr -s ' ' | grep -q '^ 0 0 7 158 0 0 4 176$'; then pass; else fail "--size 6.5inx4in: not 1950x1200 pixels"; fi
if grep -aq 'pHYs' "$tmp/s.png" && od -An -tx1 "$tmp/s.png" | tr -d ' \n' | grep -q '7048597300002e2300002e2301'; then pass; else fail "--size 6.5inx4in: no 300 dpi pHYs chunk"; fi
draw bar -x event --series side img/totals.tsv --size 6.5inx4in -o "$tmp/s.pdf"
if grep -aq 'MediaBox \[ *0 0 468 288 *\]' "$tmp/s.pdf"; then pass; else fail "--size 6.5inx4in: the PDF page is not 468x288 points"; fi
draw bar -x event --series side img/totals.tsv --size 16cmx10cm -o "$tmp/s2.pdf"
if grep -aq 'MediaBox \[ *0 0 453.54' "$tmp/s2.pdf"; then pass; else fail "--size 16cmx10cm: the PDF page is not 453.54 points wide"; fi
# SVG: text as <text> in the font named, or outlines when asked.
draw bar -x event --series side img/totals.tsv --title 'Killed & missing' -o "$tmp/t.svg"
if grep -q '<text [^>]*font-family="DejaVu Sans"[^>]*font-weight="bold"[^>]*>Killed &amp; missing</text>' "$tmp/t.svg"; then pass; else fail "svg: the title is not a <text> element"; fi
if grep -q "<text[^>]*>2020 war</text>" "$tmp/t.svg"; then pass; else fail "svg: a category label is not a <text> element"; fi
# A wrapped, centred category label: each of its lines centred, in SVG as in PNG (not all at one left edge).
draw bar -x place img/long.tsv --vertical --size 1400x400 -o "$tmp/w.svg"
x1=$(grep '>Stepanakert</text>' "$tmp/w.svg" | sed 's/.* x="\([0-9.]*\)".*/\1/')
x2=$(grep '>(Khankendi),</text>' "$tmp/w.svg" | sed 's/.* x="\([0-9.]*\)".*/\1/')
if [ -n "$x1" ] && [ -n "$x2" ] && [ "$x1" != "$x2" ]; then pass; else fail "svg: the lines of a centred label start at one x ($x1, $x2)"; fi
draw bar -x event --series side img/totals.tsv --title 'Killed & missing' --svg-outlines -o "$tmp/o.svg"
if ! grep -q '<text' "$tmp/o.svg" && grep -q '<symbol\|glyph' "$tmp/o.svg"; then pass; else fail "--svg-outlines: text is not outlines"; fi

# The report figures: rendered again, compared with the committed plots/.
mkdir -p "$tmp/boxes"
if (cd "$top" && sh src/plots.sh "$bindir" "$tmp/plots" "$tmp/boxes") >"$tmp/err" 2>&1; then
	# No text of a figure covers another: the layout's own boxes, checked here.
	for f in "$tmp"/boxes/*.tsv; do
		if "$imgdiff" --overlaps "$f" >"$tmp/why" 2>&1; then pass; else fail "plots/$(basename "$f" .tsv).png: texts overlap: $(head -n 3 "$tmp/why")"; fi
	done
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
