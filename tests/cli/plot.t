# toll-plot: options, errors, output safety.  What the charts look like is
# tested in tests/img; here: what is written, where, and what is refused.

=== help
$ toll-plot --help | head -n 2
--- stdout
Usage: toll-plot KIND [OPTION]... [FILE]... -o OUT
Draws a chart of a TSV or CSV table with a header (a reports table, or

=== toll plot is toll-plot
$ toll plot --help | head -n 1
--- stdout
Usage: toll-plot KIND [OPTION]... [FILE]... -o OUT

=== no kind
$ toll-plot
--- stderr
toll-plot: no chart kind given (bar, line, step, interval, hist or dot)
Try 'toll-plot --help' for more information.
--- exit 2

=== unknown kind
$ toll-plot pie data/plot-bar.tsv -o "$TEST_TMP/x.png"
--- stderr
toll-plot: unknown chart kind 'pie' (bar, line, step, interval, hist or dot)
Try 'toll-plot --help' for more information.
--- exit 2

=== a PNG by -o's extension
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && toll-plot bar data/plot-bar.tsv -o "$d/bars.png" && ls "$d" && head -c 8 "$d/bars.png" | od -An -c
--- stdout
bars.png
 211   P   N   G  \r  \n 032  \n

=== PDF and SVG by extension, and --format over the extension
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && toll-plot bar data/plot-bar.tsv -o "$d/a.pdf" && toll-plot bar data/plot-bar.tsv -o "$d/b.SVG" && toll-plot bar data/plot-bar.tsv --format svg -o "$d/c.png" && head -c 8 "$d/a.pdf" && echo && head -c 5 "$d/b.SVG" && echo && head -c 5 "$d/c.png" && echo
--- stdout
%PDF-1.5
<?xml
<?xml

=== the file gets the mode of a new file, not mkstemp's private one
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && umask 022 && toll-plot bar data/plot-bar.tsv -o "$d/m.png" && ls -l "$d/m.png" | cut -c1-10
--- stdout
-rw-r--r--

=== -o - writes to standard output, PNG unless --format says
$ toll-plot bar data/plot-bar.tsv -o - | head -c 4 | od -An -c && toll-plot bar --format pdf -o - < data/plot-bar.tsv | head -c 5; echo
--- stdout
 211   P   N   G
%PDF-

=== without -o, standard output when it is not a terminal
$ toll-plot bar data/plot-bar.tsv | head -c 4 | od -An -c
--- stdout
 211   P   N   G

=== without -o, a terminal on standard output is refused
# script(1) gives the program a pseudo-terminal; a machine without one skips the case.
$ script -qec true /dev/null >/dev/null 2>&1 || { echo "no pseudo-terminal (script: $(script -qec true /dev/null 2>&1))" >&2; exit 77; }; script -qec 'toll-plot bar data/plot-bar.tsv' /dev/null >"$TEST_TMP/tty"; s=$?; tr -d '\r' <"$TEST_TMP/tty"; exit $s
--- stdout
toll-plot: standard output is a terminal: give -o FILE (or -o - to write there anyway)
Try 'toll-plot --help' for more information.
--- exit 2

=== --size and --scale set the PNG's pixels
$ toll-plot bar data/plot-bar.tsv --size 300x200 --scale 2 -o - | head -c 24 | tail -c 8 | od -An -tu1
--- stdout
   0   0   2  88   0   0   1 144

=== the default size is 800x500
$ toll-plot bar data/plot-bar.tsv -o - | head -c 24 | tail -c 8 | od -An -tu1
--- stdout
   0   0   3  32   0   0   1 244

=== PDF and SVG sizes are in points
$ toll-plot bar data/plot-bar.tsv --size 400x300 --format svg -o - | grep -o 'width="[^"]*" height="[^"]*"' | head -n 1
--- stdout
width="400pt" height="300pt"

=== the same input gives the same bytes, in every format
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && for f in png pdf svg; do toll-plot bar data/plot-bar.tsv -o "$d/1.$f" && sleep 1 && toll-plot bar data/plot-bar.tsv -o "$d/2.$f" && cmp "$d/1.$f" "$d/2.$f" && echo "$f same"; done
--- stdout
png same
pdf same
svg same

=== a PDF has no date unless SOURCE_DATE_EPOCH gives one
$ toll-plot bar data/plot-bar.tsv --format pdf -o - | grep -ac Date; SOURCE_DATE_EPOCH=1663027200 toll-plot bar data/plot-bar.tsv --format pdf -o - | grep -a Date
--- stdout
0
   /CreationDate (20220913000000Z)
   /ModDate (20220913000000Z)

=== a SOURCE_DATE_EPOCH that is not a number
$ SOURCE_DATE_EPOCH=yesterday toll-plot bar data/plot-bar.tsv -o -
--- stderr
toll-plot: SOURCE_DATE_EPOCH 'yesterday' is not a whole number of seconds
Try 'toll-plot --help' for more information.
--- exit 2

=== the title goes into the PDF's metadata
$ toll-plot bar data/plot-bar.tsv --title 'Killed, 13 Sep' --format pdf -o - | grep -a Title
--- stdout
   /Title (Killed, 13 Sep)

=== unknown column: nothing written
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && toll-plot bar -x region data/plot-bar.tsv -o "$d/x.png"; s=$?; ls "$d"; exit $s
--- stderr
toll-plot: unknown column 'region' (columns: side, low, best, high, source)
Try 'toll-plot --help' for more information.
--- exit 2

=== unknown column in --series and -y
$ toll-plot bar --series region data/plot-bar.tsv -o -; toll-plot line -y median data/plot-bad.tsv -o -
--- stderr
toll-plot: unknown column 'region' (columns: side, low, best, high, source)
Try 'toll-plot --help' for more information.
toll-plot: unknown column 'median' (columns: reported, side, best)
Try 'toll-plot --help' for more information.
--- exit 2

=== non-numeric value: nothing written, an existing file kept
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && echo old >"$d/keep.png" && toll-plot line data/plot-bad.tsv -o "$d/keep.png"; s=$?; ls "$d"; cat "$d/keep.png"; exit $s
--- stdout
keep.png
old
--- stderr
toll-plot: data/plot-bad.tsv:3:20: invalid number 'abc' in column 'best'
--- exit 1

=== unwritable -o
$ toll-plot bar data/plot-bar.tsv -o /nonexistent/folder/x.png
--- stderr
toll-plot: cannot create '/nonexistent/folder/x.png': No such file or directory
--- exit 2

=== -o a folder: nothing left behind in it
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && mkdir "$d/x.png" && cd "$d" && toll-plot bar "$OLDPWD/data/plot-bar.tsv" -o x.png; s=$?; ls -A; ls -A x.png; exit $s
--- stdout
x.png
--- stderr
toll-plot: cannot write 'x.png': Is a directory
--- exit 2

=== -o a symbolic link: the file it names is replaced whole, the link stays a link
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && mkdir "$d/sub" && echo old >"$d/sub/t.png" && ln -s sub/t.png "$d/l.png" && ln -s l.png "$d/l2.png" && toll-plot bar data/plot-bar.tsv -o "$d/l2.png" && toll-plot bar data/plot-bar.tsv -o "$d/plain.png" && test -L "$d/l.png" && test -L "$d/l2.png" && cmp "$d/sub/t.png" "$d/plain.png" && cd "$d" && ls -A . sub
--- stdout
.:
l.png
l2.png
plain.png
sub

sub:
t.png

=== -o a link to nothing: the file it names is made, in its folder
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && mkdir "$d/sub" && ln -s sub/new.png "$d/l.png" && toll-plot bar data/plot-bar.tsv -o "$d/l.png" && test -L "$d/l.png" && head -c 4 "$d/sub/new.png" | od -An -c && ls -A "$d/sub"
--- stdout
 211   P   N   G
new.png

=== -o a file with another hard link: written in place, the two names stay one file
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && echo old >"$d/a.png" && ln "$d/a.png" "$d/b.png" && toll-plot bar data/plot-bar.tsv -o "$d/a.png" && toll-plot bar data/plot-bar.tsv -o "$d/plain.png" && cmp "$d/b.png" "$d/plain.png" && test "$d/a.png" -ef "$d/b.png" && echo one file
--- stdout
one file

=== -o an existing file: replaced whole, with its own permissions
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && echo old >"$d/m.png" && chmod 640 "$d/m.png" && umask 022 && toll-plot bar data/plot-bar.tsv -o "$d/m.png" && ls -l "$d/m.png" | cut -c1-10 && head -c 4 "$d/m.png" | od -An -c
--- stdout
-rw-r-----
 211   P   N   G

=== -o a FIFO: the reader gets the whole chart, the FIFO stays a FIFO
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && mkfifo "$d/f" && { cat "$d/f" >"$d/got" & } && toll-plot bar data/plot-bar.tsv --format png -o "$d/f"; s=$?; [ $s = 0 ] || : >"$d/f"; wait; [ $s = 0 ] && toll-plot bar data/plot-bar.tsv -o "$d/plain.png" && cmp "$d/got" "$d/plain.png" && test -p "$d/f" && echo whole
--- stdout
whole

=== -o a socket: connected to, the listener gets the whole chart
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") || exit 2; python3 -c 'import socket, sys; s = socket.socket(socket.AF_UNIX); s.settimeout(60); s.bind(sys.argv[1]); s.listen(1); sys.stdout.write("ready\n"); sys.stdout.flush(); c = s.accept()[0]; f = open(sys.argv[2], "wb"); [f.write(b) for b in iter(lambda: c.recv(65536), b"")]' "$d/s" "$d/got" >"$d/ready" & n=0; while [ ! -s "$d/ready" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done; toll-plot bar data/plot-bar.tsv --format png -o "$d/s" && wait && toll-plot bar data/plot-bar.tsv -o "$d/plain.png" && cmp "$d/got" "$d/plain.png" && test -S "$d/s" && echo whole
--- stdout
whole

=== -o a device: written to, and its errors reported; a full device stays a device
# A null and a full device made in the scratch folder (as root; else skipped).
$ [ "$(id -u)" = 0 ] || { echo "mknod needs root" >&2; exit 77; }; t=$PWD/data/plot-bar.tsv; d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && cd "$d" && mknod null c 1 3 && mknod full c 1 7 && toll-plot bar "$t" --format png -o null && echo null: $?; toll-plot bar "$t" --format png -o full; echo full: $?; test -c null && test -c full && ls -A
--- stdout
null: 0
full: 2
full
null
--- stderr
toll-plot: cannot write 'full': No space left on device

=== -o a link loop
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && ln -s b "$d/a" && ln -s a "$d/b" && cd "$d" && toll-plot bar "$OLDPWD/data/plot-bar.tsv" --format png -o a
--- stderr
toll-plot: cannot create 'a': Too many levels of symbolic links
--- exit 2

=== labels and names of any length and script are drawn, cut at a character with an ellipsis
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && for name in "$(printf '€%.0s' $(seq 170))" "$(printf 'é%.0s' $(seq 300))" "$(printf '👨‍👩‍👧‍👦%.0s' $(seq 100))"; do printf 'side\tbest\n%s\t49\nB\t40\n' "$name" | toll-plot bar -x side --title "$name" -o "$d/b.png" && printf 'reported\tside\tbest\n2022-09-13\t%s\t49\n2022-09-14\tB\t40\n' "$name" | toll-plot step --series side -o "$d/s.svg" && echo drawn; done; printf 'side\tbest\nA\t1\n' | toll-plot bar --title "$(printf 'bad \377 byte')" -o "$d/t.svg" && grep -c "bad $(printf '\357\277\275') byte" "$d/t.svg"
--- stdout
drawn
drawn
drawn
1

=== dates from the first day a date can be to the last are put on an axis (not padded past them)
$ d=$(mktemp -d "$TEST_TMP/p.XXXXXX") && printf 'reported\tbest\n0001-01-01\t1\n9999-12-31\t2\n' | toll-plot line -o "$d/d.svg" && grep -c '>[0-9]000<' "$d/d.svg"
--- stdout
9

=== a full disk on standard output
$ toll-plot bar data/plot-bar.tsv -o - >/dev/full
--- stderr
toll-plot: cannot write standard output: No space left on device
--- exit 2

=== a format that cannot be told from the name
$ toll-plot bar data/plot-bar.tsv -o chart.jpg; toll-plot bar data/plot-bar.tsv -o chart
--- stderr
toll-plot: cannot tell the format of 'chart.jpg' from its name: end it in .png, .pdf or .svg, or give --format
Try 'toll-plot --help' for more information.
toll-plot: cannot tell the format of 'chart' from its name: end it in .png, .pdf or .svg, or give --format
Try 'toll-plot --help' for more information.
--- exit 2

=== bad --size
$ for s in 0x500 800 800x 800x500x 8e2x500 20000x500 800x49 ' 800x500' -800x500; do toll-plot bar data/plot-bar.tsv --size "$s" -o - 2>&1 | head -n 1; done
--- stdout
toll-plot: invalid --size '0x500': expected WIDTHxHEIGHT in pixels from 50 to 10000, or with units (6.5inx4in, 16cmx10cm, mm, pt)
toll-plot: invalid --size '800': expected WIDTHxHEIGHT in pixels from 50 to 10000, or with units (6.5inx4in, 16cmx10cm, mm, pt)
toll-plot: invalid --size '800x': expected WIDTHxHEIGHT in pixels from 50 to 10000, or with units (6.5inx4in, 16cmx10cm, mm, pt)
toll-plot: invalid --size '800x500x': expected WIDTHxHEIGHT in pixels from 50 to 10000, or with units (6.5inx4in, 16cmx10cm, mm, pt)
toll-plot: invalid --size '8e2x500': expected WIDTHxHEIGHT in pixels from 50 to 10000, or with units (6.5inx4in, 16cmx10cm, mm, pt)
toll-plot: invalid --size '20000x500': expected WIDTHxHEIGHT in pixels from 50 to 10000, or with units (6.5inx4in, 16cmx10cm, mm, pt)
toll-plot: invalid --size '800x49': expected WIDTHxHEIGHT in pixels from 50 to 10000, or with units (6.5inx4in, 16cmx10cm, mm, pt)
toll-plot: invalid --size ' 800x500': expected WIDTHxHEIGHT in pixels from 50 to 10000, or with units (6.5inx4in, 16cmx10cm, mm, pt)
toll-plot: invalid --size '-800x500': expected WIDTHxHEIGHT in pixels from 50 to 10000, or with units (6.5inx4in, 16cmx10cm, mm, pt)

=== too many pixels
$ toll-plot bar data/plot-bar.tsv --size 10000x10000 --scale 2 -o -
--- stderr
toll-plot: --size and --scale give more than 100 million pixels
Try 'toll-plot --help' for more information.
--- exit 2

=== bad option values
$ for o in --scale=0 --scale=x --format=gif --palette=rainbow --bins=0 --ymin=abc --ymax=; do toll-plot hist data/plot-bar.tsv "$o" -o - 2>&1 | head -n 1; done
--- stdout
toll-plot: invalid --scale '0': expected a number from 0.1 to 10
toll-plot: invalid --scale 'x': expected a number from 0.1 to 10
toll-plot: invalid --format 'gif': expected png, pdf or svg
toll-plot: invalid --palette 'rainbow': expected okabe-ito, viridis or grey
toll-plot: invalid --bins '0': expected a whole number from 1 to 10000
toll-plot: invalid --ymin 'abc': expected a number
toll-plot: invalid --ymax '': expected a number

=== options that do not go with the kind
$ toll-plot line --stacked -o - data/plot-bad.tsv 2>&1 | head -n 1; toll-plot bar --bins 5 -o - data/plot-bar.tsv 2>&1 | head -n 1; toll-plot hist --series side -o - data/plot-bar.tsv 2>&1 | head -n 1
--- stdout
toll-plot: --stacked is for bar charts
toll-plot: --bins is for hist charts
toll-plot: --series is for bar, line, step, interval and dot charts

=== --ymin must be below --ymax; --log-y needs them positive
$ toll-plot bar --ymin 10 --ymax 10 -o - data/plot-bar.tsv 2>&1 | head -n 1; toll-plot bar --log-y --ymin 0 -o - data/plot-bar.tsv 2>&1 | head -n 1
--- stdout
toll-plot: --ymin must be below --ymax
toll-plot: --log-y needs --ymin and --ymax above 0

=== --log-y and a value of 0
$ printf 'side\tbest\nA\t10\nB\t0\n' | toll-plot dot --log-y -o -
--- stderr
toll-plot: -:3:3: --log-y cannot show the value '0' in column 'best'
--- exit 1

=== bars are never on a log axis: the dot chart is named
$ toll-plot bar --log-y -o - data/plot-bar.tsv; echo "exit $?"; toll-plot bar --stacked --series side --log-y -o - data/plot-bar.tsv 2>&1 | head -n 1
--- stdout
exit 2
toll-plot: --log-y draws no bars: a bar on a log axis has no true length; draw values that span orders of magnitude with 'toll plot dot --log-y'
--- stderr
toll-plot: --log-y draws no bars: a bar on a log axis has no true length; draw values that span orders of magnitude with 'toll plot dot --log-y'
Try 'toll-plot --help' for more information.

=== a bar's value axis includes zero: --ymin above 0 (or --ymax below it) is refused
$ toll-plot bar --ymin 1000 -o - data/plot-bar.tsv; echo "exit $?"; toll-plot bar --ymax -5 -o - data/plot-bar.tsv 2>&1 | head -n 1; toll-plot hist --log-y --ymin 2 -o - data/plot-bar.tsv 2>&1 | head -n 1
--- stdout
exit 2
toll-plot: --ymax below 0 would cut the bars, which are read by their length from 0
toll-plot: --ymin above 1 would cut the bars, which are read by their length from 1; a dot chart ('toll plot dot') need not start at 1
--- stderr
toll-plot: --ymin above 0 would cut the bars, which are read by their length from 0; a dot chart ('toll plot dot') need not start at 0
Try 'toll-plot --help' for more information.

=== --ymax below the tallest bar (or the tallest stack) is refused: a bar is never cut
$ printf 'side\tcategory\tchange\nA\tkilled\t10\nA\twounded\t5\nB\tkilled\t-30\n' > "$TEST_TMP/b.tsv"; toll-plot bar -y change --series category --ymax 8 -o - "$TEST_TMP/b.tsv"; echo "exit $?"; toll-plot bar -y change --series category --stacked --ymax 12 -o - "$TEST_TMP/b.tsv"; toll-plot bar -y change --series category --ymin -20 -o - "$TEST_TMP/b.tsv"; toll-plot bar -y change --series category --stacked --ymin -30 --ymax 15 -o "$TEST_TMP/b.png" "$TEST_TMP/b.tsv" && echo drawn
--- stdout
exit 1
drawn
--- stderr
toll-plot: --ymax 8 would cut the tallest bar, 10: a bar is read by its length
toll-plot: --ymax 12 would cut the tallest stacked bar, 15: a bar is read by its length
toll-plot: --ymin -20 would cut the lowest bar, -30: a bar is read by its length

=== a dot chart: one row per category, a dot per series; a second row for one dot is an error
$ printf 'event\tside\tbest\nwar\tA\t30000\nwar\tB\t170\nclash\tA\t12\n' | toll-plot dot --series side --log-y -o "$TEST_TMP/d.png" && file -b "$TEST_TMP/d.png" | cut -d, -f1-2; printf 'event\tbest\nwar\t3\nwar\t4\n' | toll-plot dot -o -
--- stdout
PNG image data, 800 x 500
--- stderr
toll-plot: -:3:1: a second row for the dot of 'war' (the first is on line 2): sum rows with toll-agg first
--- exit 1

=== two rows for one bar are an error, not a sum
$ printf 'side\tcategory\tbest\nA\tkilled\t10\nA\twounded\t5\nA\tkilled\t3\n' | toll-plot bar --series category -o -
--- stderr
toll-plot: -:4:1: a second row for the bar of 'A' in its series (the first is on line 2): sum rows with toll-agg first
--- exit 1

=== an invalid date on the x axis
$ printf 'reported\tbest\n2022-09-13\t1\n2022-02-30\t2\n' | toll-plot step -o -
--- stderr
toll-plot: -:3:1: invalid date '2022-02-30' in column 'reported'
--- exit 1

=== numbers and dates are not mixed on the x axis
$ printf 'reported\tbest\n5\t1\n2022-09-13\t2\n' | toll-plot line -o -
--- stderr
toll-plot: -:3:1: invalid number '2022-09-13' in column 'reported'
--- exit 1

=== a figure out of order, said as toll-check says it, halves too
$ printf 'side\tlow\tbest\thigh\nA\t50\t10\t\nB\t1\t20\t15\nC\t30.5\t\t15\n' | toll-plot bar -o -
--- stderr
toll-plot: -:2:6: 'best' 10 is below 'low' 50
toll-plot: -:3:5: 'best' 20 is above 'high' 15
toll-plot: -:4:3: 'low' 30.5 is above 'high' 15
--- exit 1

=== every bad value is reported, up to --max-errors
$ printf 'side\tbest\nA\tx\nB\ty\nC\tz\n' | toll-plot bar -m 2 -o -
--- stderr
toll-plot: -:2:3: invalid number 'x' in column 'best'
toll-plot: -:3:3: invalid number 'y' in column 'best'
toll-plot: stopped after 2 errors
--- exit 1

=== nothing to draw
$ printf 'side\tbest\n' | toll-plot bar -o -; printf 'side\tbest\nA\t\n' | toll-plot bar -o -
--- stderr
toll-plot: nothing to draw: no row has a value
toll-plot: nothing to draw: no row has a value
--- exit 1

=== an empty file and binary garbage
$ toll-plot bar data/empty.tsv -o -; toll-plot bar data/garbage.bin -o -
--- stderr
toll-plot: data/empty.tsv:1:1: no header line
toll-plot: data/garbage.bin:1:1: invalid UTF-8 in header
--- exit 1

=== numbers past what a double holds
$ printf 'side\tbest\nA\t1e999\n' | toll-plot bar -o -
--- stderr
toll-plot: -:2:3: number too large '1e999' in column 'best'
--- exit 1

=== a reports table with the value notation: best and the range from value
$ toll-plot interval -y source data/value.tsv -o - | head -c 4 | od -An -c
--- stdout
 211   P   N   G

=== a font that is not installed is named
$ toll-plot bar data/plot-bar.tsv --font 'No Such Font Family' -o - 2>&1 >/dev/null | sed 's/drawing with .*/drawing with another/'
--- stdout
toll-plot: warning: font 'No Such Font Family' not found; drawing with another

=== values too far apart for an axis
$ printf 'v\n-1e308\n1e308\n' | toll-plot hist -x v -o -; printf 'x\tbest\n-1e308\t1\n1e308\t2\n' | toll-plot line -x x -o -
--- stderr
toll-plot: the values cannot be put on an axis
toll-plot: the values cannot be put on an axis
--- exit 1

=== more series or categories than a chart can show: one message, nothing drawn
$ awk 'BEGIN { print "side\tbest"; for (i = 0; i < 10005; i++) print "s" i "\t" i }' | toll-plot bar -o -; awk 'BEGIN { print "reported\tsource\tbest"; for (i = 0; i < 200; i++) print "2022-09-13\ts" i "\t" i }' | toll-plot step --series source -o -
--- stderr
toll-plot: -:10002:1: more than 10000 categories in column 'side': too many to draw
toll-plot: -:102:12: more than 100 series in column 'source': too many to draw
--- exit 1

=== two figures of one step series at one x: an error naming both lines, no chart
# The README's own example once drew the article's "at least 49" and the government's 105 as a zigzag.
$ toll rev history data/rev.tsv | toll-plot step --series side -o "$TEST_TMP/s.png"; test -e "$TEST_TMP/s.png" && echo drawn
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-plot: -:5:18: a second figure of series 'S' at reported '2022-09-13T00:00Z' (the first is on line 2): a step has one figure per x; give --series the column that tells them apart (such as source), or keep one
--- exit 1

=== ... the same for a line without series, and across files
$ printf 'x\tbest\n1\t5\n2\t6\n' >"$TEST_TMP/a.tsv"; printf 'x\tbest\n3\t7\n2\t9\n' >"$TEST_TMP/b.tsv"; toll-plot line -x x "$TEST_TMP/a.tsv" "$TEST_TMP/b.tsv" -o - 2>&1 >/dev/null | sed "s|$TEST_TMP/||g"
--- stdout
toll-plot: b.tsv:3:1: a second figure at x '2' (the first is on a.tsv:3): a line has one figure per x; give --series the column that tells them apart (such as source), or keep one

=== ... and none when the series tell them apart
$ toll rev history data/rev.tsv | toll-plot step --series side,source -o - | head -c 4 | od -c | head -1
--- stdout
0000000 211   P   N   G
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== toll-agg's bin labels are dates on x: months, weeks, quarters (the period's start)
$ printf 'start:month\tbest\n2022-07\t1\n2022-09\t3\n' | toll-plot line -x start:month -o - | head -c 4 | od -c | head -1; printf 'w\tbest\n2022-W37\t1\n2022-W52\t2\n2022-Q3\t5\n' | toll-plot step -x w -o - | head -c 4 | od -c | head -1
--- stdout
0000000 211   P   N   G
0000000 211   P   N   G

=== a year alone is a number; after dates it is the year's start; numbers and dates do not mix
$ printf 'x\tbest\n2022-09-13\t1\n2023\t3\n' | toll-plot line -x x -o - | head -c 4 | od -c | head -1; printf 'x\tbest\n2022\t1\n2022-09\t3\n' | toll-plot line -x x -o -; printf 'x\tbest\n2022-09\t1\n12.5\t3\n' | toll-plot line -x x -o -
--- stdout
0000000 211   P   N   G
--- stderr
toll-plot: -:3:1: invalid number '2022-09' in column 'x'
toll-plot: -:3:1: invalid date '12.5' in column 'x'
--- exit 1

=== --color: a value's colour, as #RRGGBB or an Okabe-Ito name
$ toll-plot bar -x side --series side data/plot-bar.tsv --color 'Armenia=#d55e00,Azerbaijan=Sky Blue' -o - | head -c 4 | od -An -c
--- stdout
 211   P   N   G

=== bad --color
$ toll-plot bar --series side data/plot-bar.tsv --color Armenia -o -; toll-plot bar --series side data/plot-bar.tsv --color '=red' -o -; toll-plot bar --series side data/plot-bar.tsv --color Armenia=purple -o -; toll-plot bar --series side data/plot-bar.tsv --color 'Armenia=#12345' -o -; toll-plot bar data/plot-bar.tsv --color Armenia=blue -o -
--- stderr
toll-plot: invalid --color 'Armenia': expected VALUE=COLOR,...
Try 'toll-plot --help' for more information.
toll-plot: invalid --color '=red': expected VALUE=COLOR,...
Try 'toll-plot --help' for more information.
toll-plot: invalid colour 'purple' in --color: expected #RRGGBB or one of black, orange, sky-blue, bluish-green, yellow, blue, vermillion, reddish-purple
Try 'toll-plot --help' for more information.
toll-plot: invalid colour '#12345' in --color: expected #RRGGBB or one of black, orange, sky-blue, bluish-green, yellow, blue, vermillion, reddish-purple
Try 'toll-plot --help' for more information.
toll-plot: --color gives colours to --series values: give --series
Try 'toll-plot --help' for more information.
--- exit 2

=== --mark: a date or number on x, a value for bar and interval
$ toll-plot step --series side data/plot-step.tsv --mark 2022-09-14=ceasefire --mark 2022-09-15 -o - | head -c 4 | od -An -c; toll-plot bar data/plot-bar.tsv --mark 100=hundred -o - | head -c 4 | od -An -c
--- stdout
 211   P   N   G
 211   P   N   G

=== bad --mark
$ toll-plot step --series side data/plot-step.tsv --mark yesterday=x -o -; toll-plot bar data/plot-bar.tsv --mark 2022-09-14 -o -
--- stderr
toll-plot: invalid --mark 'yesterday=x': expected a date
Try 'toll-plot --help' for more information.
toll-plot: invalid --mark '2022-09-14': expected a number
Try 'toll-plot --help' for more information.
--- exit 2

=== --xmin and --xmax
$ toll-plot step --series side data/plot-step.tsv --xmin 2022-09-13 --xmax 2022-09-20 -o - | head -c 4 | od -An -c; toll-plot step --series side data/plot-step.tsv --xmin 2022-09-20 --xmax 2022-09-13 -o -; toll-plot step --series side data/plot-step.tsv --xmin 14 -o -; toll-plot bar data/plot-bar.tsv --xmin 1 -o -
--- stdout
 211   P   N   G
--- stderr
toll-plot: --xmin must be below --xmax
Try 'toll-plot --help' for more information.
toll-plot: invalid --xmin '14': expected a date
Try 'toll-plot --help' for more information.
toll-plot: --xmin and --xmax are for line, step and hist charts
Try 'toll-plot --help' for more information.
--- exit 2

=== a histogram's --xmin and --xmax leave values out, all of them: an error
$ toll-plot hist data/plot-bar.tsv --xmin 100000 -o -
--- stderr
toll-plot: no value between --xmin and --xmax
--- exit 1

=== --labels is not for histograms
$ toll-plot hist data/plot-bar.tsv --labels -o -
--- stderr
toll-plot: --labels is for bar, line, step, interval and dot charts
Try 'toll-plot --help' for more information.
--- exit 2

=== --size with units, --dpi
$ toll-plot bar data/plot-bar.tsv --size 2inx1in -o - | head -c 24 | tail -c 8 | od -An -tu1; toll-plot bar data/plot-bar.tsv --size 2inx1in --dpi 72 -o - | head -c 24 | tail -c 8 | od -An -tu1; toll-plot bar data/plot-bar.tsv --size 5cmx30mm --format pdf -o - | grep -ao 'MediaBox[^]]*]'
--- stdout
   0   0   2  88   0   0   1  44
   0   0   0 144   0   0   0  72
MediaBox [ 0 0 141.732283 85.03937 ]

=== bad --size units and --dpi
$ toll-plot bar data/plot-bar.tsv --size 2ftx1in -o -; toll-plot bar data/plot-bar.tsv --size 0.5inx1in -o -; toll-plot bar data/plot-bar.tsv --size 800.5x500 -o -; toll-plot bar data/plot-bar.tsv --dpi 20 -o -; toll-plot bar data/plot-bar.tsv --dpi 300 --scale 2 -o -
--- stderr
toll-plot: invalid --size '2ftx1in': expected WIDTHxHEIGHT in pixels from 50 to 10000, or with units (6.5inx4in, 16cmx10cm, mm, pt)
Try 'toll-plot --help' for more information.
toll-plot: invalid --size '0.5inx1in': expected WIDTHxHEIGHT in pixels from 50 to 10000, or with units (6.5inx4in, 16cmx10cm, mm, pt)
Try 'toll-plot --help' for more information.
toll-plot: invalid --size '800.5x500': expected WIDTHxHEIGHT in pixels from 50 to 10000, or with units (6.5inx4in, 16cmx10cm, mm, pt)
Try 'toll-plot --help' for more information.
toll-plot: invalid --dpi '20': expected a number from 36 to 1200
Try 'toll-plot --help' for more information.
toll-plot: --dpi and --scale cannot be used together
Try 'toll-plot --help' for more information.
--- exit 2

=== SVG text is <text>, or outlines with --svg-outlines
$ toll-plot bar data/plot-bar.tsv --title 'A <b> & "c"' --format svg -o - | grep -c '<text'; toll-plot bar data/plot-bar.tsv --title 'A <b> & "c"' --format svg -o - | grep -o '>A &lt;b&gt; &amp; &quot;c&quot;<'; toll-plot bar data/plot-bar.tsv --svg-outlines --format svg -o - | grep -c '<text'
--- stdout
19
>A &lt;b&gt; &amp; &quot;c&quot;<
0
--- exit 1

=== --labels: an approximate figure is labelled ~430, from a qualifier column, the value notation or toll-agg's output
$ printf 'event\treported\tsource\tside\tcategory\tqualifier\tbest\nc\t2022-10-14\tS\tAz\tkilled\t~\t430\nc\t2022-09-19\tM\tAz\tkilled\t\t79\n' >"$TEST_TMP/q.tsv"; toll-plot interval --labels --format pdf -o - "$TEST_TMP/q.tsv" | pdftotext - - | grep -E '~|–'; printf 'side\tvalue\nAz\tabout 430\nArm\t225\n' | toll-plot bar -x side --labels --format pdf -o - | pdftotext - - | grep -E '~|–'; printf 'side\tlow\tbest\thigh\tqualifier\nAz\t79\t430\t430\t~\n' | toll-plot bar -x side --labels --format pdf -o - | pdftotext - - | grep -E '~|–'
--- stdout
~430
~430
79–430 (~430)

=== --sort, --top, --horizontal and --vertical: their values, and the kinds they are for
$ toll-plot bar --sort size -o - data/plot-bar.tsv 2>&1 | head -n 1; toll-plot bar --top 0 -o - data/plot-bar.tsv 2>&1 | head -n 1; toll-plot line --top 3 -o - data/plot-bar.tsv 2>&1 | head -n 1; toll-plot interval --sort value -o - data/plot-bar.tsv 2>&1 | head -n 1; toll-plot dot --horizontal -o - data/plot-bar.tsv 2>&1 | head -n 1; toll-plot hist --vertical -o - data/plot-bar.tsv 2>&1 | head -n 1
--- stdout
toll-plot: invalid --sort 'size': expected value, label or none
toll-plot: invalid --top '0': expected a whole number from 1 to 10000
toll-plot: --top is for bar and dot charts
toll-plot: --sort is for bar and dot charts
toll-plot: --horizontal is for bar charts
toll-plot: --vertical is for bar charts

=== --top N: the N largest and the rest summed as one, drawn last; --sort value: largest first
$ toll-plot bar -x country --top 3 --sort value --labels --boxes - -o "$TEST_TMP/t.png" data/img/many.tsv | awk -F'\t' '$1 == "category" || $1 == "label" { print $1 "\t" $2 }'
--- stdout
category	Country number 7 of the list
category	Country number 39 of the list
category	Country number 43 of the list
category	103 others
label	16,920–27,496 (21,151)
label	14,798–24,047 (18,498)
label	14,412–23,420 (18,016)
label	171,704–279,051 (214,689)

=== more categories than rows fit: refused, naming --top and the size that fits
$ toll-plot bar -x country --horizontal -o - data/img/many.tsv; toll-plot dot -x country -o - data/img/many.tsv --size 400x300
--- stderr
toll-plot: 106 categories, and room for the names of 33 at this --size: --top 32 draws the largest (the rest as one), or make the chart taller (--size 800x1429)
toll-plot: 106 categories, and room for the names of 17 at this --size: --top 16 draws the largest (the rest as one), or make the chart taller (--size 400x1429)
--- exit 1

=== labels that would cover other text are left out, and said; --boxes lists every text
$ toll-plot bar -x country --vertical --labels --boxes "$TEST_TMP/b.tsv" -o "$TEST_TMP/b.png" data/img/many.tsv 2>&1 | sed 's/: .*/: .../'; cut -f1 "$TEST_TMP/b.tsv" | sort | uniq -c | awk '{ print $2, ($1 > 0) }'; test "$(grep -c '^dropped' "$TEST_TMP/b.tsv")" -gt 0 && echo some dropped
--- stdout
toll-plot: ...
axis 1
category 1
dropped 1
label 1
role 1
shape 1
tick 1
some dropped

=== more than eight series: refused, never a colour drawn twice
$ awk 'BEGIN { print "x\tside\tbest"; for (i = 1; i <= 9; i++) printf "1\ts%d\t%d\n2\ts%d\t%d\n", i, i, i, i + 1 }' > "$TEST_TMP/s.tsv"; toll-plot line -x x --series side -o - "$TEST_TMP/s.tsv"; echo "exit $?"; head -n 17 "$TEST_TMP/s.tsv" | toll-plot line -x x --series side -o "$TEST_TMP/s8.png" && echo eight drawn
--- stdout
exit 1
eight drawn
--- stderr
toll-plot: 9 series, more than the 8 colours a reader tells apart: draw fewer (filter the rows of the series column first, or group them coarser), or draw them as the categories of a bar or dot chart, where --top N keeps the largest

=== --xmin and --xmax: the legend and the caption name only what is drawn
$ printf 'x\tside\tsource\tbest\n1\tA\tsa\t10\n2\tA\tsa\t12\n5\tB\tsb\t3\n6\tB\tsb\t4\n' > "$TEST_TMP/x.tsv"; for r in '--xmax 3' '--xmin 4' '--xmin 2 --xmax 5'; do toll-plot line -x x --series side $r --boxes - -o "$TEST_TMP/x.png" "$TEST_TMP/x.tsv" | awk -F'\t' -v r="$r" '$1 == "legend" || $1 == "caption" { print r ": " $1 ": " $2 }'; done
--- stdout
--xmax 3: legend: A
--xmax 3: caption: Source: sa
--xmin 4: legend: B
--xmin 4: caption: Source: sb
--xmin 2 --xmax 5: legend: A
--xmin 2 --xmax 5: legend: B
--xmin 2 --xmax 5: caption: Source: sa, sb

=== the other side's claim (toll-agg's adversary column) is drawn apart, with its own legend entry; stacked bars have none
$ printf 'side\tcategory\tlow\tbest\thigh\tadversary\nArmenia\tkilled\t225\t225\t225\t\nAzerbaijan\tkilled\t79\t79\t79\t~430\n' > "$TEST_TMP/a.tsv"; for k in bar dot; do toll-plot $k -x side --boxes - -o "$TEST_TMP/a.png" "$TEST_TMP/a.tsv" | awk -F'\t' -v k=$k '$1 == "legend" || $1 == "tick" && $2 == "400" { print k ": " $1 " " $2 }'; done; toll-plot bar -x side --series category --stacked --boxes - -o "$TEST_TMP/a.png" "$TEST_TMP/a.tsv" | awk -F"\t" '$1 == "legend"' | wc -l
--- stdout
bar: tick 400
bar: legend the other side's claim (set aside)
dot: tick 400
dot: legend the other side's claim (set aside)
0

=== months and days as categories are written as dates ("Sep 2022"), other categories as they are
$ printf 'month\tbest\n2022-09\t5\n2022-10\t7\n' | toll-plot bar --boxes - -o "$TEST_TMP/m.png" | awk -F'\t' '$1 == "category" { print $2 }'; printf 'day\tbest\n2022-09-13\t5\n2022-09-14\t7\n' | toll-plot dot --boxes - -o "$TEST_TMP/m.png" | awk -F'\t' '$1 == "category" { print $2 }'; printf 'code\tbest\n2022-09\t5\nX-1\t7\n' | toll-plot bar --boxes - -o "$TEST_TMP/m.png" | awk -F'\t' '$1 == "category" { print $2 }'
--- stdout
Sep 2022
Oct 2022
13 Sep 2022
14 Sep 2022
2022-09
X-1

=== an approximate figure ("~30,000") is drawn light with an outline, and the legend says what that is
$ printf 'event\tlow\tbest\thigh\tqualifier\nwar\t30000\t30000\t30000\t~\nclash\t79\t79\t79\t\n' > "$TEST_TMP/q.tsv"; for k in bar dot; do toll-plot $k --boxes - -o "$TEST_TMP/q.png" "$TEST_TMP/q.tsv" | awk -F'\t' -v k=$k '$1 == "legend" { print k ": " $2 }'; done; awk -F'\t' -v OFS='\t' 'NR > 1 { $5 = "" } 1' "$TEST_TMP/q.tsv" | toll-plot dot --boxes - -o "$TEST_TMP/q.png" | awk -F'\t' '$1 == "legend"' | wc -l
--- stdout
bar: about (an approximate figure)
dot: about (an approximate figure)
0

=== a step chart cut by --xmin: the caption names the source of the figure held into the range, not those before it
$ printf 'x\tside\tsource\tbest\n1\tA\ts0\t10\n2\tA\tsa\t12\n5\tA\tsb\t13\n' | toll-plot step -x x --series side --xmin 3 --boxes - -o "$TEST_TMP/x.png" | awk -F'\t' '$1 == "caption" { print $2 }'
--- stdout
Source: sa, sb
