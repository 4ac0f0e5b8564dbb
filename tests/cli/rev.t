# toll-rev on data/rev.tsv: source A revises 49+ -> 105 (a time of day) ->
# 135, B goes 50 -> 71 -> 77 -> 79 -> 78, Z 0 -> 5.  data/rev-new.tsv is a
# later version: A's 105 became 106, B's last row was replaced by another
# date, A's first date is written as a date and time (the same instant).

=== history: one row per revision, sorted by series and report time
$ toll-rev history data/rev.tsv
--- stdout
event	side	status	category	source	reported	low	best	high	revision	delta	days	qualifier
e	S	all	killed	A	2022-09-13	49	49		1		0	
e	S	all	killed	A	2022-09-14T06:00Z	105	105	105	2	56	1.3	
e	S	all	killed	A	2022-09-16	135	135	135	3	30	3	
e	S	all	killed	B	2022-09-13	50	50	50	1		0	
e	S	all	killed	B	2022-09-15	71	71	71	2	21	2	
e	S	all	killed	B	2022-09-16	77	77	77	3	6	3	
e	S	all	killed	B	2022-09-19	79	79	79	4	2	6	
e	S	all	killed	B	2022-09-20	78	78	78	5	-1	7	
e	S	all	killed	Z	2022-09-13	0	0	0	1		0	
e	S	all	killed	Z	2022-09-14	5	5	5	2	5	1	
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== history as of a date and time: a report at exactly T counts
$ toll-rev history --as-of 2022-09-14T06:00Z data/rev.tsv
--- stdout
event	side	status	category	source	reported	low	best	high	revision	delta	days	qualifier
e	S	all	killed	A	2022-09-13	49	49		1		0	
e	S	all	killed	A	2022-09-14T06:00Z	105	105	105	2	56	1.3	
e	S	all	killed	B	2022-09-13	50	50	50	1		0	
e	S	all	killed	Z	2022-09-13	0	0	0	1		0	
e	S	all	killed	Z	2022-09-14	5	5	5	2	5	1	
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== history: days with a time of day have one decimal
$ toll-rev history
--- stdin
event	reported	source	side	category	best
e	2022-09-13T10:00+04:00	S	A	killed	1
e	2022-09-15T06:00Z	S	A	killed	2
e	2022-09-16	S	A	killed	3
--- stdout
event	side	status	category	source	reported	low	best	high	revision	delta	days	qualifier
e	A	all	killed	S	2022-09-13T10:00+04:00	1	1	1	1		0.0	
e	A	all	killed	S	2022-09-15T06:00Z	2	2	2	2	1	2.0	
e	A	all	killed	S	2022-09-16	3	3	3	3	1	2.8	

=== summary: first and last figure, change, ratio, days
$ toll-rev summary data/rev.tsv
--- stdout
event	side	status	category	source	revisions	first_reported	first_best	last_reported	last_best	change	ratio	days	falls	last_qualifier
e	S	all	killed	A	3	2022-09-13	49	2022-09-16	135	86	2.75510204081633	3	0	
e	S	all	killed	B	5	2022-09-13	50	2022-09-20	78	28	1.56	7	1	
e	S	all	killed	Z	2	2022-09-13	0	2022-09-14	5	5		1	0	
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== summary as of a date
$ toll-rev summary --as-of 2022-09-15 data/rev.tsv
--- stdout
event	side	status	category	source	revisions	first_reported	first_best	last_reported	last_best	change	ratio	days	falls	last_qualifier
e	S	all	killed	A	2	2022-09-13	49	2022-09-14T06:00Z	105	56	2.14285714285714	1.3	0	
e	S	all	killed	B	2	2022-09-13	50	2022-09-15	71	21	1.42	2	0	
e	S	all	killed	Z	2	2022-09-13	0	2022-09-14	5	5		1	0	
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== summary of CSV input and of toll-check --normalize output: the same
$ toll-rev summary data/agg.tsv > "$TEST_TMP/a" && toll-rev summary data/agg.csv | diff "$TEST_TMP/a" - && toll-check -n data/agg.csv | toll-rev summary | diff "$TEST_TMP/a" - && echo same
--- stdout
same

=== diff: added, removed, changed; the same instant written otherwise is no change; exit 1
$ toll-rev diff data/rev.tsv data/rev-new.tsv
--- stdout
change	event	side	status	category	source	reported	old_low	old_best	old_high	new_low	new_best	new_high
changed	e	S	all	killed	A	2022-09-14T06:00Z	105	105	105	106	106	106
removed	e	S	all	killed	B	2022-09-20	78	78	78			
added	e	S	all	killed	B	2022-09-21				80	81	90
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
--- exit 1

=== diff: the old version from standard input (as from git show)
$ toll-rev diff - data/rev-new.tsv < data/rev.tsv | cut -f1
--- stdout
change
changed
removed
added
--- stderr
toll-rev: -:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== diff of a table with itself: no rows, exit 0
$ toll-rev diff data/rev.tsv data/rev.tsv
--- stdout
change	event	side	status	category	source	reported	old_low	old_best	old_high	new_low	new_best	new_high
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== diff as of a date before the differences: exit 0
$ toll-rev diff --as-of 2022-09-14T05:59Z data/rev.tsv data/rev-new.tsv
--- stdout
change	event	side	status	category	source	reported	old_low	old_best	old_high	new_low	new_best	new_high
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== diff: a series that is new or gone altogether
$ toll-rev diff data/ties.tsv data/agg.tsv | cut -f1,6 | sort | uniq -c | sed 's/^ *//'
--- stdout
4 added	A
1 added	B
1 added	C
1 change	source
2 removed	A
2 removed	B
1 removed	C

=== diff: invalid data is trouble (exit 2), since exit 1 means differences
$ toll-rev diff data/rev.tsv data/truncated.tsv > "$TEST_TMP/out"; echo "exit $?"; wc -c < "$TEST_TMP/out"
--- stdout
exit 2
0
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-rev: data/truncated.tsv:3:21: expected 6 fields, found 5

=== diff needs two tables
$ toll-rev diff data/rev.tsv
--- stderr
toll-rev: diff needs two tables, OLD and NEW
Try 'toll-rev --help' for more information.
--- exit 2

=== diff reads standard input once
$ toll-rev diff - -
--- stderr
toll-rev: diff can read only one of OLD and NEW from standard input
Try 'toll-rev --help' for more information.
--- exit 2

=== conflicting revisions: the message of toll-check, exit 1, no rows
$ toll-rev history
--- stdin
event	reported	source	side	category	best
e	2022-09-13	S	A	killed	5
e	2022-09-13	S	A	killed	6
--- stderr
toll-rev: -:3:3: conflicting revisions: same series and date as line 2, different figure
--- exit 1

=== a duplicate revision is a warning and counts once
$ toll-rev history
--- stdin
event	reported	source	side	category	best
e	2022-09-13	S	A	killed	5
e	2022-09-13	S	A	killed	5
--- stdout
event	side	status	category	source	reported	low	best	high	revision	delta	days	qualifier
e	A	all	killed	S	2022-09-13	5	5	5	1		0	
--- stderr
toll-rev: -:3:3: warning: duplicate revision: same series, date and figure as line 2; counted once

=== invalid rows: the messages of toll-check
$ toll-rev summary data/truncated.tsv 2>&1 | sed 's/^toll-rev:/toll-check:/' > "$TEST_TMP/rev"; toll-check data/truncated.tsv 2> "$TEST_TMP/check"; diff "$TEST_TMP/check" "$TEST_TMP/rev" && echo same
--- stdout
same

=== binary garbage
$ toll-rev history data/garbage.bin
--- stderr
toll-rev: data/garbage.bin:1:1: invalid UTF-8 in header
--- exit 1

=== an empty file
$ toll-rev summary data/empty.tsv
--- stderr
toll-rev: data/empty.tsv:1:1: no header line
--- exit 1

=== a header only
$ toll-rev summary data/header-only.tsv
--- stdout
event	side	status	category	source	revisions	first_reported	first_best	last_reported	last_best	change	ratio	days	falls	last_qualifier

=== an unreadable file
$ toll-rev history data/no-such-file.tsv
--- stderr
toll-rev: cannot open 'data/no-such-file.tsv': No such file or directory
--- exit 2

=== missing mode
$ toll-rev
--- stderr
toll-rev: missing mode: history, summary, diff or series
Try 'toll-rev --help' for more information.
--- exit 2

=== unknown mode
$ toll-rev log data/rev.tsv
--- stderr
toll-rev: unknown mode 'log': expected history, summary, diff or series
Try 'toll-rev --help' for more information.
--- exit 2

=== bad --as-of
$ toll-rev summary --as-of 2022-13-01 data/rev.tsv
--- stderr
toll-rev: invalid --as-of '2022-13-01': no month 13
Try 'toll-rev --help' for more information.
--- exit 2

=== bad --max-errors
$ toll-rev summary -m x data/rev.tsv
--- stderr
toll-rev: invalid --max-errors 'x': expected a whole number
Try 'toll-rev --help' for more information.
--- exit 2

=== a full disk on standard output
$ toll-rev summary data/rev.tsv > /dev/full
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-rev: cannot write standard output: No space left on device
--- exit 2

=== toll rev runs toll-rev
$ toll rev summary --as-of 2022-09-13 data/rev.tsv | cut -f5,6
--- stdout
source	revisions
A	1
B	1
Z	1
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== --version: the release in src/VERSION, and the commit git describes
$ v=$(cat ../src/VERSION); toll-rev --version | sed -E "s/^toll-rev \\(toll\\) $v \\(git [0-9a-f]{7,}(-dirty)?\\)$/ok/"
--- stdout
ok

=== --help: usage on standard output, exit 0; toll help rev is the same
$ toll-rev --help > "$TEST_TMP/h" && toll help rev | cmp - "$TEST_TMP/h" && head -3 "$TEST_TMP/h"
--- stdout
Usage: toll-rev history [OPTION]... [FILE]...
  or:  toll-rev summary [OPTION]... [FILE]...
  or:  toll-rev diff [OPTION]... OLD NEW

=== options may come after the mode
$ toll-rev summary data/rev.tsv --as-of 2022-09-13 | cut -f5,6
--- stdout
source	revisions
A	1
B	1
Z	1
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== diff: a change of high or low alone is a change; so are open to closed and closed to open
$ toll-rev diff data/rev-bounds-old.tsv data/rev-bounds-new.tsv
--- stdout
change	event	side	status	category	source	reported	old_low	old_best	old_high	new_low	new_best	new_high
changed	e	S	all	killed	A	2022-09-13	40	49	60	40	49	70
changed	e	S	all	killed	A	2022-09-14	100	105		100	105	110
changed	e	S	all	killed	A	2022-09-15	130	135	140	130	135	
changed	e	S	all	killed	A	2022-09-16	140	150	160	145	150	160
--- exit 1

=== an approximate figure stays approximate: history says ~ in qualifier, summary in last_qualifier
$ printf 'event\treported\tsource\tside\tcategory\tqualifier\tlow\tbest\nc\t2022-10-14\tspeaker\tAz\tkilled\t~\t\t430\nc\t2022-11-01\tspeaker\tAz\tkilled\t\t\t450\nc\t2022-09-19\tMoD\tAz\tkilled\t\t\t79\nc\t2022-09-18\tMoD\tAz\tkilled\tvague\t12\t\n' >"$TEST_TMP/a.tsv"; toll-rev history "$TEST_TMP/a.tsv"; toll-rev summary "$TEST_TMP/a.tsv"
--- stdout
event	side	status	category	source	reported	low	best	high	revision	delta	days	qualifier
c	Az	all	killed	MoD	2022-09-18	12	12		1		0	vague
c	Az	all	killed	MoD	2022-09-19	79	79	79	2	67	1	
c	Az	all	killed	speaker	2022-10-14	430	430	430	1		0	~
c	Az	all	killed	speaker	2022-11-01	450	450	450	2	20	18	
event	side	status	category	source	revisions	first_reported	first_best	last_reported	last_best	change	ratio	days	falls	last_qualifier
c	Az	all	killed	MoD	2	2022-09-18	12	2022-09-19	79	67	6.58333333333333	1	0	
c	Az	all	killed	speaker	2	2022-10-14	430	2022-11-01	450	20	1.04651162790698	18	0	

=== series: a cumulative series by week: the toll at each week's end, its change (the first week's is all of it), the weeks without a report carried forward (updated 0); a fall within a week is the reader's warning, a known correction none
$ toll-rev series --every week -g side,category data/cumulative.tsv
--- stdout
side	category	period	as_of	low	best	high	change	events	series	qualifier	best_by	adversary	updated
North	killed	2023-W40	2023-10-08	413	413	413	413	1	1		sources		1
North	killed	2023-W41	2023-10-15	900	900	900	487	1	1		sources		1
North	killed	2023-W42	2023-10-22	2778	2778	2778	1878	1	1		sources	≥1,500	1
North	killed	2023-W43	2023-10-29	5791	5791	5791	3013	1	1		sources	≥1,500	1
North	killed	2023-W44	2023-11-05	9061	9061	9061	3270	1	1		sources	≥1,500	1
North	killed	2023-W45	2023-11-12	9061	9061	9061	0	1	1		sources	≥1,500	0
North	wounded	2023-W40	2023-10-08	2300	2300	2300	2300	1	1		sources		1
North	wounded	2023-W41	2023-10-15	4500	4500	4500	2200	1	1		sources		1
North	wounded	2023-W42	2023-10-22	10859	10859	10859	6359	1	1		sources		1
North	wounded	2023-W43	2023-10-29	10859	10859	10859	0	1	1		sources		0
North	wounded	2023-W44	2023-11-05	21543	21543	21543	10684	1	1		sources		1
North	wounded	2023-W45	2023-11-12	21543	21543	21543	0	1	1		sources		0
South	killed	2023-W40	2023-10-08	700	700	700	700	1	1		sources		1
South	killed	2023-W41	2023-10-15	1300	1300	1300	600	1	1		sources		1
South	killed	2023-W42	2023-10-22	1300	1300	1300	0	1	1		sources		0
South	killed	2023-W43	2023-10-29	1300	1300	1300	0	1	1		sources		0
South	killed	2023-W44	2023-11-05	1300	1300	1300	0	1	1		sources		0
South	killed	2023-W45	2023-11-12	1200	1200	1200	-100	1	1		sources		1
--- stderr
toll-rev: data/cumulative.tsv:9:56: warning: 'best' 2778 is below 2808, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== series: by month, a row per category; the changes of each add up to its last toll
$ toll-rev series --every month -g category data/cumulative.tsv 2>/dev/null | tee "$TEST_TMP/m.tsv"; awk -F'\t' 'NR > 1 { s[$1] += $7; b[$1] = $5 } END { for (c in s) print c, s[c], b[c] }' "$TEST_TMP/m.tsv" | sort
--- stdout
category	period	as_of	low	best	high	change	events	series	qualifier	best_by	adversary	updated
killed	2023-10	2023-10-31	9825	9825	9825	9825	1	2		sources	≥1,500	1
killed	2023-11	2023-11-30	10261	10261	10261	436	1	2		sources	≥1,500	1
wounded	2023-10	2023-10-31	21543	21543	21543	21543	1	1		sources		1
wounded	2023-11	2023-11-30	21543	21543	21543	0	1	1		sources		0
killed 10261 10261
wounded 21543 21543

=== series: each row is toll-agg --as-of its period (here 2023-W42, by day)
$ toll-rev series --every day data/cumulative.tsv | awk -F'\t' '$4 == "2023-10-22"' | cut -f1-3,6-8,10-14; toll-agg --as-of 2023-10-22 data/cumulative.tsv | tail -n +2
--- stdout
North	all	killed	2778	2778	2778	1	1		sources	≥1,500
North	all	wounded	10859	10859	10859	1	1		sources	
South	all	killed	1300	1300	1300	1	1		sources	
North	all	killed	2778	2778	2778	1	1		sources	≥1,500
North	all	wounded	10859	10859	10859	1	1		sources	
South	all	killed	1300	1300	1300	1	1		sources	
--- stderr
toll-rev: data/cumulative.tsv:9:56: warning: 'best' 2778 is below 2808, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-rev: data/cumulative.tsv:9: warning: the toll of side 'North', status 'all', category 'killed' fell from 2808 in 2023-10-16 to 2778 in 2023-10-17: this revision is below its series' one before (line 8) (if known, say [correction] in its note)
toll-agg: data/cumulative.tsv:9:56: warning: 'best' 2778 is below 2808, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== series: a toll that falls from one period to the next is a warning naming both lines, unless the revision says [correction]
$ printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2023-10-12\tGov\tA\tkilled\t1300\ne\t2023-11-10\tGov\tA\tkilled\t1200\n' | toll-rev series --every month -g side
--- stdout
side	period	as_of	low	best	high	change	events	series	qualifier	best_by	adversary	updated
A	2023-10	2023-10-31	1300	1300	1300	1300	1	1		sources		1
A	2023-11	2023-11-30	1200	1200	1200	-100	1	1		sources		1
--- stderr
toll-rev: -:3:27: warning: 'best' 1200 is below 1300, the series' revision before it (line 2): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-rev: -:3: warning: the toll of side 'A' fell from 1300 in 2023-10 to 1200 in 2023-11: this revision is below its series' one before (line 2) (if known, say [correction] in its note)

=== series: a claim that changes how the claims combine may lower the toll: the warning says so
$ printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2023-10-12\tA\tX\tkilled\t100\ne\t2023-11-10\tB\tX\tkilled\t40\n' | toll-rev series --every month -g side -c median
--- stdout
side	period	as_of	low	best	high	change	events	series	qualifier	best_by	adversary	updated
X	2023-10	2023-10-31	100	100	100	100	1	1		sources		1
X	2023-11	2023-11-30	40	40	40	-60	1	2		sources		1
--- stderr
toll-rev: -:3: warning: the toll of side 'X' fell from 100 in 2023-10 to 40 in 2023-11: this claim changed how the claims combine

=== series: with --as-of, the periods run to the as-of date's, and no later revision counts
$ toll-rev series --every week -g side,category --as-of 2023-10-20 data/cumulative.tsv 2>/dev/null | cut -f1-4,6,8,14; toll-rev series --every month -g side,category --as-of 2023-12-15 data/cumulative.tsv 2>/dev/null | cut -f1-4,6,8,14
--- stdout
side	category	period	as_of	best	change	updated
North	killed	2023-W40	2023-10-08	413	413	1
North	killed	2023-W41	2023-10-15	900	487	1
North	killed	2023-W42	2023-10-20	2778	1878	1
North	wounded	2023-W40	2023-10-08	2300	2300	1
North	wounded	2023-W41	2023-10-15	4500	2200	1
North	wounded	2023-W42	2023-10-20	10859	6359	1
South	killed	2023-W40	2023-10-08	700	700	1
South	killed	2023-W41	2023-10-15	1300	600	1
South	killed	2023-W42	2023-10-20	1300	0	0
side	category	period	as_of	best	change	updated
North	killed	2023-10	2023-10-31	8525	8525	1
North	killed	2023-11	2023-11-30	9061	536	1
North	killed	2023-12	2023-12-15	9061	0	0
North	wounded	2023-10	2023-10-31	21543	21543	1
North	wounded	2023-11	2023-11-30	21543	0	0
North	wounded	2023-12	2023-12-15	21543	0	0
South	killed	2023-10	2023-10-31	1300	1300	1
South	killed	2023-11	2023-11-30	1200	-100	1
South	killed	2023-12	2023-12-15	1200	0	0

=== series: a revision written late in its own time zone is of its own day (as --as-of reads a date)
$ printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2023-10-16T23:30+03:00\tMoH\tA\tkilled\t10\ne\t2023-10-17T00:30+03:00\tMoH\tA\tkilled\t12\n' | toll-rev series --every day -g ''
--- stdout
period	as_of	low	best	high	change	events	series	qualifier	best_by	adversary	updated
2023-10-16	2023-10-16	10	10	10	10	1	1		sources		1
2023-10-17	2023-10-17	12	12	12	2	1	1		sources		1

=== series: rows are the same whatever the order of the input
$ (head -1 data/cumulative.tsv; tail -n +2 data/cumulative.tsv | sort -r) >"$TEST_TMP/r.tsv"; toll-rev series --every week data/cumulative.tsv 2>/dev/null >"$TEST_TMP/a.out"; toll-rev series --every week "$TEST_TMP/r.tsv" 2>/dev/null | cmp - "$TEST_TMP/a.out" && echo same
--- stdout
same

=== series needs --every
$ toll-rev series data/cumulative.tsv
--- stderr
toll-rev: series needs --every: day, week, month, quarter or year
Try 'toll-rev --help' for more information.
--- exit 2

=== series: --every takes a unit of the date bins
$ toll-rev series --every fortnight data/cumulative.tsv
--- stderr
toll-rev: invalid --every 'fortnight': expected day, week, month, quarter or year
Try 'toll-rev --help' for more information.
--- exit 2

=== series' options are series' only
$ toll-rev history -g side data/cumulative.tsv
--- stderr
toll-rev: -g is an option of series, not of history
Try 'toll-rev --help' for more information.
--- exit 2

=== series: --every with another mode is refused too
$ toll-rev summary --every week data/cumulative.tsv
--- stderr
toll-rev: --every is an option of series, not of summary
Try 'toll-rev --help' for more information.
--- exit 2

=== series: grouping by the report date is refused, as by toll-agg
$ toll-rev series --every week -g reported:week data/cumulative.tsv
--- stderr
toll-rev: cannot group by 'reported:week': a claim's report date is not when its deaths happened (each series would count whole in the week of its last revision): toll-rev series --every week gives the toll at the end of each week, --as-of DATE what was known then, start:week or end:week groups by when the deaths happened
Try 'toll-rev --help' for more information.
--- exit 2

=== series: categories that do not nest in one row are refused, as by toll-agg
$ toll-rev series --every week -g side data/cumulative.tsv
--- stderr
toll-rev: data/cumulative.tsv:9:56: warning: 'best' 2778 is below 2808, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-rev: categories killed and wounded do not nest, and one row would add them up (side 'North'): add 'category' to -g, or keep one category
--- exit 1

=== series: an empty table has no rows; a table of bad rows none either
$ toll-rev series --every day data/header-only.tsv; toll-rev series --every day data/truncated.tsv
--- stdout
side	status	category	period	as_of	low	best	high	change	events	series	qualifier	best_by	adversary	updated
--- stderr
toll-rev: data/truncated.tsv:3:21: expected 6 fields, found 5
--- exit 1

=== diff --latest: two releases of a list, each dated its day, compared series by series: those added, removed, and with another figure
$ for i in 1 2; do toll-import table --releases 2023-0$((i * 4 - 2))-01 --map event=id --set source=List,side=all,category=killed,best=$i --keep '' data/release-$i.csv 2>/dev/null >"$TEST_TMP/r$i.tsv"; done; toll-rev diff --latest "$TEST_TMP/r1.tsv" "$TEST_TMP/r2.tsv"
--- stdout
change	event	side	status	category	source	reported	old_low	old_best	old_high	new_low	new_best	new_high
changed	1	all	all	killed	List	2023-06-01	1	1	1	2	2	2
removed	2	all	all	killed	List	2023-02-01	1	1	1			
changed	3	all	all	killed	List	2023-06-01	1	1	1	2	2	2
added	4	all	all	killed	List	2023-06-01				2	2	2
--- exit 1

=== diff without --latest: releases of different dates have no revision in common
$ for i in 1 2; do toll-import table --releases 2023-0$((i * 4 - 2))-01 --map event=id --set source=List,side=all,category=killed,best=1 --keep '' data/release-$i.csv 2>/dev/null >"$TEST_TMP/r$i.tsv"; done; toll-rev diff "$TEST_TMP/r1.tsv" "$TEST_TMP/r2.tsv" | cut -f1,2,7 | sort
--- stdout
added	1	2023-06-01
added	3	2023-06-01
added	4	2023-06-01
change	event	reported
removed	1	2023-02-01
removed	2	2023-02-01
removed	3	2023-02-01

=== diff --latest: nothing changed, nothing written but the header
$ toll-rev diff --latest data/rev.tsv data/rev.tsv
--- stdout
change	event	side	status	category	source	reported	old_low	old_best	old_high	new_low	new_best	new_high
--- stderr
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-rev: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== --latest is diff's only
$ toll-rev history --latest data/rev.tsv
--- stderr
toll-rev: --latest is an option of diff, not of history
Try 'toll-rev --help' for more information.
--- exit 2
