# toll-report: a dataset's story as one PDF.  Its pages, its text (the
# totals toll-agg prints), its bytes on a second run, and what it refuses.

=== help
$ toll-report --help | head -n 2; toll report --help | head -n 1
--- stdout
Usage: toll-report [OPTION]... [FILE]... -o OUT.pdf
Writes a reports table's whole story as one PDF: a title page with the
Usage: toll-report [OPTION]... [FILE]... -o OUT.pdf

=== the 2020 war: six A4 pages (the Checks last)
$ toll-report ../datasets/2020-karabakh-war.tsv -o "$TEST_TMP/r.pdf" 2>/dev/null && pdfinfo "$TEST_TMP/r.pdf" | grep -E '^(Pages|Page size|Creator):'
--- stdout
Creator:         toll-report
Pages:           7
Page size:       595.28 x 841.89 pts (A4)

=== --letter pages
$ toll-report --letter ../datasets/2022-09-border-clashes.tsv -o "$TEST_TMP/r.pdf" 2>/dev/null && pdfinfo "$TEST_TMP/r.pdf" | grep '^Page size:'
--- stdout
Page size:       612 x 792 pts (letter)

=== the totals in the text are those toll-agg prints, figure by figure (thousands grouped, as the figure's notation is)
$ for f in ../datasets/*.tsv; do toll-report "$f" -o "$TEST_TMP/r.pdf" 2>/dev/null || exit 1; pdftotext -layout "$TEST_TMP/r.pdf" "$TEST_TMP/r.txt"; toll-agg -g event,category "$f" 2>/dev/null | awk -F'\t' -v txt="$TEST_TMP/r.txt" 'function g(v, s) { s = ""; while (length(v) > 3) { s = "," substr(v, length(v) - 2) s; v = substr(v, 1, length(v) - 3) } return v s } NR == 1 { next } { high = $5 == "" ? "none" : g($5); want = $2 " +.+ +" g($3) " +" g($4) " +" high " +" $7 "$"; found = 0; while ((getline line < txt) > 0) if (line ~ "^" want) found = 1; close(txt); n++; if (!found) { print "missing: " $0; bad++ } } END { print n " totals, " (bad + 0) " missing" }'; done
--- stdout
2 totals, 0 missing
3 totals, 0 missing
4 totals, 0 missing
6 totals, 0 missing

=== the totals of each side too
$ toll-report ../datasets/2020-karabakh-war.tsv -o "$TEST_TMP/r.pdf" 2>/dev/null; pdftotext -layout "$TEST_TMP/r.pdf" "$TEST_TMP/r.txt"; toll-agg -g event,side,category ../datasets/2020-karabakh-war.tsv 2>/dev/null | awk -F'\t' -v txt="$TEST_TMP/r.txt" 'function g(v, s) { s = ""; while (length(v) > 3) { s = "," substr(v, length(v) - 2) s; v = substr(v, 1, length(v) - 3) } return v s } NR == 1 { next } { high = $6 == "" ? "none" : g($6); want = $2 " +" $3 " +[^ ]+ +" g($4) " +" g($5) " +" high "$"; found = 0; while ((getline line < txt) > 0) if (line ~ "^" want) found = 1; close(txt); n++; if (!found) { print "missing: " $0; bad++ } } END { print n " rows, " (bad + 0) " missing" }'
--- stdout
10 rows, 0 missing

=== the same bytes on a second run, with SOURCE_DATE_EPOCH as the PDF's date
$ SOURCE_DATE_EPOCH=1795478400 toll-report ../datasets/2020-karabakh-war.tsv -o "$TEST_TMP/a.pdf" 2>/dev/null; SOURCE_DATE_EPOCH=1795478400 toll-report ../datasets/2020-karabakh-war.tsv -o "$TEST_TMP/b.pdf" 2>/dev/null; cmp "$TEST_TMP/a.pdf" "$TEST_TMP/b.pdf" && echo same; pdfinfo "$TEST_TMP/a.pdf" | grep '^CreationDate' | sed 's/  */ /'
--- stdout
same
CreationDate: Tue Nov 24 14:00:00 2026 +14

=== the footer names the data and its SHA-256, every page numbered
$ toll-report ../datasets/2023-09-karabakh-offensive.tsv -o "$TEST_TMP/r.pdf" 2>/dev/null; pdftotext "$TEST_TMP/r.pdf" - | grep -c "SHA-256 $(sha256sum ../datasets/2023-09-karabakh-offensive.tsv | cut -c1-64)"; pdftotext "$TEST_TMP/r.pdf" - | grep -o 'page [0-9]* of [0-9]*'
--- stdout
8
page 1 of 8
page 2 of 8
page 3 of 8
page 4 of 8
page 5 of 8
page 6 of 8
page 7 of 8
page 8 of 8

=== --as-of, --event, --combine and --title
$ toll-report --as-of 2022-09-14 --event 2022-09-armenia-azerbaijan-border --combine max --title 'Two days in' ../datasets/2022-09-border-clashes.tsv -o "$TEST_TMP/r.pdf" && pdftotext -layout "$TEST_TMP/r.pdf" - | grep -E '^(Two days in|As of|Sources combined by|Claims)|^killed ' | sed 's/  */ /g'; toll-agg --as-of 2022-09-14 --combine max -g event,category ../datasets/2022-09-border-clashes.tsv | grep killed
--- stdout
Two days in
killed 155. From 4 claims, reported 2022-09-13 to 2022-09-14.
Claims (rows) 4
As of 2022-09-14
Sources combined by max
killed 155 155 155 155 2
Claims of one party about another's losses, set aside
2022-09-armenia-azerbaijan-border	killed	155	155	155	1	2		sources	

=== an event that is not there
$ toll-report --event nowhere ../datasets/2022-09-border-clashes.tsv -o "$TEST_TMP/none.pdf"; s=$?; test -e "$TEST_TMP/none.pdf" && echo written; exit $s
--- stderr
toll-report: no event 'nowhere' in the data
--- exit 1

=== bad input: its line named, no file left behind
$ d=$(mktemp -d "$TEST_TMP/r.XXXXXX"); { cat data/good.tsv; printf '2022-09-clashes\t2022-09-31\tAFP\tArmenia\tkilled\tmilitary\t\t-5\t\t\n'; } >"$d/bad.tsv"; toll-report "$d/bad.tsv" -o "$d/r.pdf" 2>&1 | sed "s|$d/||"; ls -A "$d"
--- stdout
toll-report: bad.tsv:7:17: invalid date '2022-09-31' in column 'reported': September 2022 has 30 days
toll-report: bad.tsv:7:57: negative number '-5' in column 'best'
bad.tsv

=== garbage, an empty file, a missing file
$ d=$(mktemp -d "$TEST_TMP/r.XXXXXX"); toll-report data/garbage.bin -o "$d/g.pdf"; echo $?; toll-report data/empty.tsv -o "$d/e.pdf"; echo $?; toll-report nothere.tsv -o "$d/n.pdf"; echo $?; ls -A "$d" | wc -l
--- stdout
1
1
2
0
--- stderr
toll-report: data/garbage.bin:1:1: invalid UTF-8 in header
toll-report: data/empty.tsv:1:1: no header line
toll-report: cannot open 'nothere.tsv': No such file or directory

=== usage errors
$ toll-report data/good.tsv; toll-report --combine nonsense data/good.tsv -o x.pdf; toll-report --as-of yesterday data/good.tsv -o x.pdf; toll-report --bogus -o x.pdf
--- stderr
toll-report: no output given: -o FILE.pdf (or -o - for standard output)
Try 'toll-report --help' for more information.
toll-report: unknown policy 'nonsense' (expected consensus, range, min, max, latest, mean, median, prefer:SOURCE,... or each)
Try 'toll-report --help' for more information.
toll-report: invalid --as-of 'yesterday': expected a date: 2022-09-13, 2022-09-13T05:30[:00][Z|+04:00], 13 September 2022, 13-Sep-22, 2022-09, 2022-W37, 2022-Q3, 2022 (others with --date-format)
Try 'toll-report --help' for more information.
toll-report: unknown option '--bogus'
Try 'toll-report --help' for more information.
--- exit 2

=== a full disk
$ toll-report data/good.tsv -o - >/dev/full
--- stderr
toll-report: cannot write standard output: No space left on device
--- exit 2

=== -o a full device: an error, and the device stays a device; a symbolic link's file replaced
# A full device made in the scratch folder (as root; else skipped), never the system's.
$ [ "$(id -u)" = 0 ] || { echo "mknod needs root" >&2; exit 77; }; t=$PWD/data/good.tsv; d=$(mktemp -d "$TEST_TMP/r.XXXXXX") && cd "$d" && mknod full c 1 7 && toll-report "$t" -o full; echo full: $?; test -c full && echo old >t.pdf && ln -s t.pdf l.pdf && toll-report "$t" -o l.pdf && test -L l.pdf && head -c 5 t.pdf && echo && ls -A
--- stdout
full: 2
%PDF-
full
l.pdf
t.pdf
--- stderr
toll-report: cannot write 'full': No space left on device

=== names of any length and script: each event gets its page, its claims and its sources
# 501 bytes; 170 euro signs (cut by bytes, one would be split); an e with
# its accent 300 times; a family emoji 100 times; 20,000 bytes.
$ d=$(mktemp -d "$TEST_TMP/r.XXXXXX") && for name in "$(printf 'E%.0s' $(seq 501))" "$(printf '€%.0s' $(seq 170))" "$(printf 'é%.0s' $(seq 300))" "$(printf '👨‍👩‍👧‍👦%.0s' $(seq 100))" "$(printf 'X%.0s' $(seq 20000))"; do printf 'event\treported\tsource\tside\tcategory\tbest\n%s\t2022-09-13\tA\tArmenia\tkilled\t49\n%s\t2022-09-14\tA\tArmenia\tkilled\t105\n%s\t2022-09-14\t%s\tArmenia\tkilled\t100\n' "$name" "$name" "$name" "$(printf 'Ş%.0s' $(seq 300))" >"$d/t.tsv" && toll-check "$d/t.tsv" && toll-report "$d/t.tsv" -o "$d/t.pdf" && pdftotext "$d/t.pdf" - | grep -c 'claims by 2 sources'; done
--- stdout
1
1
1
1
1

=== standard input: no SHA-256
$ toll-report -o - <data/good.tsv 2>/dev/null | pdftotext -layout - - | grep 'SHA-256' | sed 's/  */ /g'
--- stdout
SHA-256 not computed (the data was read once, from a pipe)
SHA-256 not computed (the data was read once, from a pipe)
SHA-256 not computed (the data was read once, from a pipe)
SHA-256 not computed (the data was read once, from a pipe)
SHA-256 not computed (the data was read once, from a pipe)
SHA-256 not computed (the data was read once, from a pipe)
SHA-256 not computed (the data was read once, from a pipe)

=== interrupted while writing: its temporary files and output are removed
# (only toll's own files are looked at: valgrind keeps its own in TMPDIR; the
# report takes no temporary files of its own, and its output's hidden file
# beside -o exists while it is written, some seconds for 20,000 claims)
$ d=$(mktemp -d "$TEST_TMP/r.XXXXXX"); mkfifo "$d/in"; mkdir "$d/tmp"; (TMPDIR="$d/tmp" toll-report "$d/in" -o "$d/r.pdf" & echo $! >"$d/pid"; wait) & exec 3>"$d/in"; awk 'BEGIN { print "event\treported\tsource\tside\tcategory\tbest"; for (i = 0; i < 20000; i++) printf "e\t%d-01-01\ts%d\tA\tkilled\t%d\n", 1000 + i % 9000, i, i }' >&3; exec 3>&-; i=0; while ! ls -A "$d" | grep -q '^\.r\.pdf\.' && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done; ls -A "$d" | grep -c '^\.r\.pdf\.'; kill -TERM "$(cat "$d/pid")"; wait; ls -A "$d/tmp" | grep -c '^toll-'; ls -A "$d" | grep -c pdf
--- stdout
1
0
0
--- exit 1

=== a pipe named as the file is read once, by the table: its totals, no checksum
$ d=$(mktemp -d "$TEST_TMP/r.XXXXXX"); mkfifo "$d/in"; cat data/good.tsv >"$d/in" & toll-report "$d/in" -o "$d/r.pdf" 2>/dev/null; pdftotext -layout "$d/r.pdf" - | grep -E '^(Claims|SHA-256)' | sed 's/  */ /g'
--- stdout
SHA-256 not computed (the data was read once, from a pipe)
Claims (rows) 5
SHA-256 not computed (the data was read once, from a pipe)
SHA-256 not computed (the data was read once, from a pipe)
SHA-256 not computed (the data was read once, from a pipe)
SHA-256 not computed (the data was read once, from a pipe)
SHA-256 not computed (the data was read once, from a pipe)
Claims of one party about another's losses, set aside
SHA-256 not computed (the data was read once, from a pipe)

=== an event's toll period by period: the end of each month with a report, as toll-rev series gives it (units by the data's span: months for two years)
$ toll-report ../datasets/2020-karabakh-war.tsv -o "$TEST_TMP/r.pdf" 2>/dev/null; pdftotext -layout "$TEST_TMP/r.pdf" - | grep -A6 'The toll month by month' | tail -3 | sed 's/  */ /g'; toll-rev series --every month -g event,category ../datasets/2020-karabakh-war.tsv 2>/dev/null | awk -F'\t' '$NF > 0' | cut -f3,4,6,8 | sed -n 2,4p
--- stdout
2020-09 2020-09-30 killed 98 98
2020-10 2020-10-31 killed ~5,000 4,902
2020-11 2020-11-30 killed ~5,000 0
2020-09	2020-09-30	98	98
2020-10	2020-10-31	5000	4902
2020-11	2020-11-30	5000	0

=== data of a few months: the toll week by week (a table per event); an event of fewer than three periods with a report has no such table
$ toll-report ../datasets/2023-09-karabakh-offensive.tsv -o "$TEST_TMP/r.pdf" 2>/dev/null; pdftotext -layout "$TEST_TMP/r.pdf" - | grep -c 'The toll week by week'; printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2022-09-13\tA\tX\tkilled\t5\ne\t2022-09-14\tA\tX\tkilled\t7\n' >"$TEST_TMP/two.tsv"; toll-report "$TEST_TMP/two.tsv" -o "$TEST_TMP/r2.pdf"; pdftotext "$TEST_TMP/r2.pdf" - | grep -c 'The toll'
--- stdout
2
0
--- exit 1

=== a word too long for its column is broken without a hyphen added: its pieces join into it again
$ awk -F'\t' -v OFS='\t' 'NR == 5 { $3 = "Reportsofthegovernmentofarmeniaonsoldierskilledandmissing" } { print }' ../datasets/2022-09-border-clashes.tsv > "$TEST_TMP/w.tsv"; toll-report "$TEST_TMP/w.tsv" -o "$TEST_TMP/r.pdf" 2>/dev/null; pdftotext -raw "$TEST_TMP/r.pdf" - | grep 'Reportsof' | grep -v 'Reportsofthegovernmentofarmeniaonsoldierskilledandmissing' | grep -c .; pdftotext -raw "$TEST_TMP/r.pdf" - | tr -d '\n' | grep -o 'Reportsofthegovernmentofarmeniaonsoldierskilledandmissing' | wc -l
--- stdout
2
3

=== two claims of one day and source are labelled apart in the chart of latest claims (what tells them apart)
$ toll-report ../datasets/2022-09-border-clashes.tsv -o "$TEST_TMP/r.pdf" 2>/dev/null; pdftotext -raw "$TEST_TMP/r.pdf" - | tr '\n' ' ' | grep -o '2023-04-17, Armenian government ([a-z]*)' | sort
--- stdout
2023-04-17, Armenian government (civilian)
2023-04-17, Armenian government (military)

=== a report's instants are written as a reader writes them (date, time, offset), not raw
$ toll-report ../datasets/2023-09-karabakh-offensive.tsv -o "$TEST_TMP/r.pdf" 2>/dev/null; pdftotext -raw "$TEST_TMP/r.pdf" - | grep -c 'T[0-9][0-9]:'; pdftotext -raw "$TEST_TMP/r.pdf" - | tr '\n' ' ' | grep -o '2023-12-22 14:42 +04:00, Armenia Investigative Committee' | head -n 1
--- stdout
0
2023-12-22 14:42 +04:00, Armenia Investigative Committee

=== a claim set aside (one side's about the other's losses) is drawn apart in the chart of latest claims, with its legend entry; a dataset without one has none
$ toll-report ../datasets/2022-09-border-clashes.tsv -o "$TEST_TMP/r.pdf" 2>/dev/null; pdftotext -raw "$TEST_TMP/r.pdf" - | grep -c "the other side's claim (set aside)"; toll-report ../datasets/1988-1994-karabakh-war.tsv -o "$TEST_TMP/r.pdf" 2>/dev/null; pdftotext -raw "$TEST_TMP/r.pdf" - | grep -c "the other side's claim (set aside)"; true
--- stdout
1
0

=== data of more than 200 events is refused, with the way to report it by groups (a column of the data named), and no file
$ toll-report data/events.tsv -o "$TEST_TMP/e.pdf"; s=$?; test -e "$TEST_TMP/e.pdf" && echo written; exit $s
--- stderr
toll-report: 300 events: more than 200 for one report; choose one with --event, or report them by groups with --by (--by country)
--- exit 1

=== --by country: a title page with the totals in all (as toll-agg -g category prints them), a page of the countries, the checks
$ toll-report --by country data/events.tsv -o "$TEST_TMP/e.pdf" && pdfinfo "$TEST_TMP/e.pdf" | grep '^Pages:'; pdftotext -layout "$TEST_TMP/e.pdf" - | tr -d '\f' | grep -E '^(killed|By |Grouped by|Groups|Events|Checks)' | sed 's/  */ /g'; toll-agg -g category data/events.tsv
--- stdout
Pages:           5
killed ≥7,350 (300 events); wounded 174 (43 events). From 343 claims, reported 2022-01-01 to
Events 300
Grouped by country
Groups (with a category) 80
By country
Checks
category	low	best	high	events	series	qualifier	best_by	adversary
killed	7350	7350		300	300		sources	
wounded	174	174	174	43	43		sources	

=== --by country: every row of the countries' table is the one toll-agg -g country,category prints (figure, low, best, high, events)
$ toll-report --by country data/events.tsv -o "$TEST_TMP/e.pdf"; pdftotext -layout "$TEST_TMP/e.pdf" "$TEST_TMP/e.txt"; toll-agg -g country,category data/events.tsv | awk -F'\t' -v txt="$TEST_TMP/e.txt" 'function g(v, s) { s = ""; while (length(v) > 3) { s = "," substr(v, length(v) - 2) s; v = substr(v, 1, length(v) - 3) } return v s } NR == 1 { next } { high = $5 == "" ? "none" : g($5); want = $1 " +" $2 " +.+ +" g($3) " +" g($4) " +" high " +" $6 "$"; found = 0; while ((getline line < txt) > 0) if (line ~ "^" want) found = 1; close(txt); n++; if (!found) { print "missing: " $0; bad++ } } END { print n " rows, " (bad + 0) " missing" }'
--- stdout
80 rows, 0 missing

=== --by country: the chart draws the 34 largest countries by their best and sums the other 6 (their killed added: 6 others)
$ toll-report --by country data/events.tsv -o "$TEST_TMP/e.pdf"; pdftotext -f 2 -l 2 "$TEST_TMP/e.pdf" - | grep -E '^(6 others|Killed, best estimate)$'
--- stdout
6 others
Killed, best estimate

=== --by country,end:month: a section per country, each with its months' rows as toll-agg -g country,end:month,category prints them
$ toll-report --by country,end:month data/events.tsv -o "$TEST_TMP/e.pdf"; pdftotext -layout "$TEST_TMP/e.pdf" "$TEST_TMP/e.txt"; tr -d '\f' < "$TEST_TMP/e.txt" | grep -c '^By country, then month of death$'; toll-agg -g country,end:month,category data/events.tsv | awk -F'\t' -v txt="$TEST_TMP/e.txt" 'function g(v, s) { s = ""; while (length(v) > 3) { s = "," substr(v, length(v) - 2) s; v = substr(v, 1, length(v) - 3) } return v s } NR == 1 { next } { high = $6 == "" ? "none" : g($6); want = $2 " +" $3 " +.+ +" g($4) " +" g($5) " +" high " +" $7 "$"; heads[$1] = 1; found = 0; while ((getline line < txt) > 0) if (line ~ "^" want) found = 1; close(txt); n++; if (!found) { print "missing: " $0; bad++ } } END { for (h in heads) { found = 0; while ((getline line < txt) > 0) { sub(/^\f/, "", line); if (line == h) found = 1 } close(txt); nh++; if (!found) { print "no section: " h; bad++ } } print n " rows in " nh " sections, " (bad + 0) " missing" }'
--- stdout
1
163 rows in 40 sections, 0 missing

=== --by: the same bytes on a second run; standard input read once
$ SOURCE_DATE_EPOCH=1795478400 toll-report --by country,end:month data/events.tsv -o "$TEST_TMP/a.pdf"; SOURCE_DATE_EPOCH=1795478400 toll-report --by country,end:month -o - < data/events.tsv > "$TEST_TMP/b.pdf"; SOURCE_DATE_EPOCH=1795478400 toll-report --by country,end:month data/events.tsv -o "$TEST_TMP/c.pdf"; cmp "$TEST_TMP/a.pdf" "$TEST_TMP/c.pdf" && echo same; pdftotext "$TEST_TMP/b.pdf" - | grep -c 'read once, from a pipe'
--- stdout
same
26

=== --by a date alone: a bar along time for every period from the first to the last; a report of a few events tells them by groups too
$ toll-report --by end:month data/events.tsv -o "$TEST_TMP/e.pdf" && pdftotext -f 2 -l 2 "$TEST_TMP/e.pdf" - | grep -E '^(Month of death|Jan 2022|Feb 2022|Mar 2022)$'; toll-report --by side ../datasets/2020-karabakh-war.tsv -o "$TEST_TMP/s.pdf" 2>/dev/null && pdftotext -layout "$TEST_TMP/s.pdf" - | grep -E '^The data holds|^(Armenia|Azerbaijan) +killed' | sed 's/  */ /g'
--- stdout
Jan 2022
Feb 2022
Mar 2022
Month of death
The data holds 1 event: this report tells it by side (as toll-agg -g side,category gives them). A page
Armenia killed 3,782 3,782 3,782 3,782 1
Azerbaijan killed 2,999 2,999 2,999 2,999 1

=== --by: what one side says of another's losses is listed in the checks by group
$ toll-report --by side ../datasets/2022-09-border-clashes.tsv -o "$TEST_TMP/s.pdf" 2>/dev/null && pdftotext "$TEST_TMP/s.pdf" - | grep 'the other side says'
--- stdout
• Azerbaijan, killed: the other side says ~430; not counted in the side's figure

=== --by: usage errors (no key, category, with --event, an unknown column, an unknown unit), and no file
$ for a in '--by=' '--by category' '--by country,category' '--by country --event ev1' '--by nowhere' '--by end:fortnight'; do toll-report $a data/events.tsv -o "$TEST_TMP/u.pdf"; echo "exit $?"; test -e "$TEST_TMP/u.pdf" && echo written; done; true
--- stdout
exit 2
exit 2
exit 2
exit 2
exit 2
exit 2
--- stderr
toll-report: --by: no key given (e.g. --by country)
Try 'toll-report --help' for more information.
toll-report: --by: category is a key of every table of the report; leave it out
Try 'toll-report --help' for more information.
toll-report: --by: category is a key of every table of the report; leave it out
Try 'toll-report --help' for more information.
toll-report: --by and --event: a report is of one event or by groups
Try 'toll-report --help' for more information.
toll-report: unknown column 'nowhere' (columns: event, reported, source, side, category, low, best, high, country, end, status)
Try 'toll-report --help' for more information.
toll-report: unknown date unit 'fortnight' in key 'end:fortnight' (expected day, week, month, quarter or year)
Try 'toll-report --help' for more information.

=== --by with two keys: a first key of more than 200 values is refused (a section each), one key is not (a table)
$ awk 'BEGIN { OFS = "\t"; print "event", "reported", "source", "side", "category", "best", "place", "end"; for (i = 0; i < 250; i++) print "e" i, "2022-01-01", "s", "all", "killed", i, "p" i, "2022-01-01" }' > "$TEST_TMP/p.tsv"; toll-report --by place,end:month "$TEST_TMP/p.tsv" -o "$TEST_TMP/p.pdf"; echo "exit $?"; test -e "$TEST_TMP/p.pdf" && echo written; toll-report --by place "$TEST_TMP/p.tsv" -o "$TEST_TMP/p.pdf" && pdftotext -f 2 -l 2 "$TEST_TMP/p.pdf" - | grep -E '^(216 others|p249)$'
--- stdout
exit 1
p249
216 others
--- stderr
toll-report: 250 values of place: more than 200 sections for one report; put a key of fewer values first

=== a revised claim set aside (one side's about the other's losses) is drawn apart in the step chart of revisions too, with its legend entry
$ printf 'event\treported\tsource\tside\tclaimant\tcategory\tbest\ne\t2022-09-13\tMoD\tAzerbaijan\tAzerbaijan\tkilled\t50\ne\t2022-09-14\tMoD\tAzerbaijan\tAzerbaijan\tkilled\t79\ne\t2022-09-14\tSpeaker\tAzerbaijan\tArmenia\tkilled\t300\ne\t2022-09-16\tSpeaker\tAzerbaijan\tArmenia\tkilled\t430\ne\t2022-09-13\tGov\tArmenia\tArmenia\tkilled\t49\n' > "$TEST_TMP/adv.tsv"; toll-report "$TEST_TMP/adv.tsv" -o "$TEST_TMP/adv.pdf" && pdftotext -f 2 -l 2 "$TEST_TMP/adv.pdf" - | grep -E "^(How the figures|the other side's claim|Azerbaijan, Speaker)"
--- stdout
How the figures of the killed were revised
Azerbaijan, Speaker
the other side's claim (set aside)

=== --by of a table with no row: a report that says so; a group with an empty key is "(none)"
$ toll-report --by side data/header-only.tsv -o "$TEST_TMP/h.pdf" && pdftotext -layout "$TEST_TMP/h.pdf" - | grep -E '^(No claim|The data holds)'; printf 'event\treported\tsource\tside\tcategory\tbest\tcountry\ne1\t2022-01-01\ts\tall\tkilled\t5\t\ne2\t2022-01-01\ts\tall\tkilled\t7\tX\n' > "$TEST_TMP/e.tsv"; toll-report --by country "$TEST_TMP/e.tsv" -o "$TEST_TMP/e.pdf" 2>&1; pdftotext -layout "$TEST_TMP/e.pdf" - | grep -E '^(In all|killed|X +killed|\(none\) +killed)' | sed 's/  */ /g'
--- stdout
No claim in the data.
The data holds 0 events: this report tells them by side (as toll-agg -g side,category gives them). A
In all
killed 12 (2 events). From 2 claims, reported 2022-01-01 to 2022-01-01.
(none) killed 5 5 5 5 1
X killed 7 7 7 7 1
