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
toll-rev: missing mode: history, summary or diff
Try 'toll-rev --help' for more information.
--- exit 2

=== unknown mode
$ toll-rev log data/rev.tsv
--- stderr
toll-rev: unknown mode 'log': expected history, summary or diff
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
