# toll-agg on small tables checked by hand.  data/agg.tsv holds, for claim
# (e1, X, military, killed): A 10 then 20 (09-14), B "at least 15" (09-13),
# C 5-40 best 30 (09-15T12:00Z); for (e1, Y): A 7; for (e2, X): A 100.

=== consensus (default): B's "at least 15" and C's 5-40 hold A's 20: A's figure stands
$ toll-agg data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
X	military	killed	120	120	120	2	2		sources	
Y	military	killed	7	7	7	1	1		sources	

=== consensus as of 09-14: B's "at least 15" holds A's 20
$ toll-agg --as-of 2022-09-14 data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
X	military	killed	20	20	20	1	1		sources	
Y	military	killed	7	7	7	1	1		sources	

=== range: min of lows, median of bests, max of highs; open stays open
$ toll-agg --combine range data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
X	military	killed	105	120		2	4		sources	
Y	military	killed	7	7	7	1	1		sources	

=== range: of two bests, the lower (whole people: 15 and 20 give 15, not 17.5)
$ toll-agg -c range --as-of 2022-09-14 data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
X	military	killed	15	15		1	2		sources	
Y	military	killed	7	7	7	1	1		sources	

=== min: the whole figure of the smallest best (B, open)
$ toll-agg --combine min data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
X	military	killed	115	115		2	2		sources	
Y	military	killed	7	7	7	1	1		sources	

=== max: the whole figure of the largest best (C)
$ toll-agg -c max data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
X	military	killed	105	130	140	2	2		sources	
Y	military	killed	7	7	7	1	1		sources	

=== latest: the most recently reported series, as of a date
$ toll-agg --combine=latest --as-of 2022-09-14 data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
X	military	killed	20	20	20	1	1		sources	
Y	military	killed	7	7	7	1	1		sources	

=== mean: each of low, best, high; rounded to whole numbers (13.3 -> 13, 21.7 -> 22)
$ toll-agg --combine mean data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
X	military	killed	113	122		2	4		toll	
Y	military	killed	7	7	7	1	1		sources	

=== mean: a half is rounded to the even neighbour (17.5 -> 18); the best is toll's, not a source's
$ toll-agg --combine mean --as-of 2022-09-14 data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
X	military	killed	18	18		1	2		toll	
Y	military	killed	7	7	7	1	1		sources	

=== median: each of low, best, high; an unbounded high sorts last
$ toll-agg --combine median data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
X	military	killed	115	120	140	2	4		sources	
Y	military	killed	7	7	7	1	1		sources	

=== median: of two, the lower middle of each (highs 20 and unbounded: 20)
$ toll-agg --combine median --as-of 2022-09-14 data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
X	military	killed	15	15	20	1	2		sources	
Y	military	killed	7	7	7	1	1		sources	

=== prefer: the first listed source that has the claim (C in e1, A in e2)
$ toll-agg --combine prefer:C,A data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
X	military	killed	105	130	140	2	2		sources	
Y	military	killed	7	7	7	1	1		sources	

=== prefer: none of the sources has it: range
$ toll-agg --combine prefer:Z data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
X	military	killed	105	120		2	4		sources	
Y	military	killed	7	7	7	1	1		sources	

=== each: every series stands alone, so two sources' claims of one thing are never added
# The old answer, 140 to 165, added A's, B's and C's figures for the same soldiers.
$ toll-agg --combine each data/agg.tsv
--- stderr
toll-agg: data/agg.tsv:5: with --combine each, the claims of sources 'A' (line 4) and 'B' of 'X, military, killed' of event 'e1' would be added up in one row: add 'source' to -g, or combine them by another policy
--- exit 1

=== each, by side and source: each side's figures by who gave them
$ toll-agg -g side,source --combine each data/agg.tsv
--- stdout
side	source	low	best	high	events	series	qualifier	best_by	adversary
X	A	120	120	120	2	2		sources	
X	B	15	15		1	1		sources	
X	C	5	30	40	1	1		sources	
Y	A	7	7	7	1	1		sources	

=== a key outside the claim group takes the value of its latest revision
$ toll-agg -c range -g side,region data/agg.tsv
--- stdout
side	region	low	best	high	events	series	qualifier	best_by	adversary
X	east	100	100	100	1	1		sources	
X	west	5	20		1	3		sources	
Y	north	7	7	7	1	1		sources	

=== -g '' gives one total row
$ toll-agg -g '' data/agg.tsv
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
127	127	127	2	3		sources	

=== repeated -g add keys; event as a key
$ toll-agg -g event -g side data/agg.tsv
--- stdout
event	side	low	best	high	events	series	qualifier	best_by	adversary
e1	X	20	20	20	1	1		sources	
e1	Y	7	7	7	1	1		sources	
e2	X	100	100	100	1	1		sources	

=== as-of: a report at exactly T counts
$ toll-agg -c range -g '' --as-of 2022-09-15T12:00Z data/agg.tsv
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
12	27		1	4		sources	

=== as-of: a second before T it does not
$ toll-agg -c range -g '' --as-of 2022-09-15T11:59:59Z data/agg.tsv
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
22	22		1	3		sources	

=== as-of: the same instant in another zone
$ toll-agg -c range -g '' --as-of 2022-09-15T14:00+02:00 data/agg.tsv
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
12	27		1	4		sources	

=== as-of before every report: only the header
$ toll-agg --as-of 2000-01-01 data/agg.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary

=== CSV with the value notation, rows in another order: the same result
$ toll-agg data/agg.tsv > "$TEST_TMP/tsv" && toll-agg data/agg.csv | diff "$TEST_TMP/tsv" - && echo same

--- stdout
same

=== toll-check --normalize output through toll-agg: the same result
$ toll-agg -g side,region data/agg.tsv > "$TEST_TMP/a" && toll-check -n data/agg.csv | toll-agg -g side,region | diff "$TEST_TMP/a" - && echo same
--- stdout
same

=== ties of min, max, latest: the later report, then the smaller source name
$ for p in min max latest; do toll-agg -g category -c $p data/ties.tsv | sed 1d; done
--- stdout
killed	20	20	20	1	1		sources	
wounded	20	20	20	1	1		sources	
killed	20	20	20	1	1		sources	
wounded	20	20	20	1	1		sources	
killed	20	20	20	1	1		sources	
wounded	20	20	20	1	1		sources	

=== ties: the later report wins over the smaller source name
$ toll-agg -g category,source -c latest data/ties.tsv
--- stdout
category	source	low	best	high	events	series	qualifier	best_by	adversary
killed	A	20	20	20	1	1		sources	
wounded	B	20	20	20	1	1		sources	

=== date bins: day (of end: the report date cannot be grouped by)
$ toll-agg -g end:day data/bins.tsv
--- stdout
end:day	low	best	high	events	series	qualifier	best_by	adversary
2021-01-03	1	1	1	1	1		sources	
2022-09-12	8	8	8	1	1		sources	
2022-09-14	4	4	4	1	1		sources	
2024-12-30	2	2	2	1	1		sources	

=== date bins: ISO week (2021-01-03 is in 2020-W53, 2024-12-30 in 2025-W01)
$ toll-agg -g end:week data/bins.tsv
--- stdout
end:week	low	best	high	events	series	qualifier	best_by	adversary
2020-W53	1	1	1	1	1		sources	
2022-W37	12	12	12	2	2		sources	
2025-W01	2	2	2	1	1		sources	

=== date bins: month
$ toll-agg -g end:month data/bins.tsv
--- stdout
end:month	low	best	high	events	series	qualifier	best_by	adversary
2021-01	1	1	1	1	1		sources	
2022-09	12	12	12	2	2		sources	
2024-12	2	2	2	1	1		sources	

=== date bins: quarter
$ toll-agg -g end:quarter data/bins.tsv
--- stdout
end:quarter	low	best	high	events	series	qualifier	best_by	adversary
2021-Q1	1	1	1	1	1		sources	
2022-Q3	12	12	12	2	2		sources	
2024-Q4	2	2	2	1	1		sources	

=== date bins: year
$ toll-agg -g end:year data/bins.tsv
--- stdout
end:year	low	best	high	events	series	qualifier	best_by	adversary
2021	1	1	1	1	1		sources	
2022	12	12	12	2	2		sources	
2024	2	2	2	1	1		sources	

=== grouping by the report date is refused, and why: a report's month is not when its deaths happened
$ toll-agg -g reported:month,category ../datasets/2020-karabakh-war.tsv; toll-agg -g event,reported ../datasets/2020-karabakh-war.tsv
--- stderr
toll-agg: cannot group by 'reported:month': a claim's report date is not when its deaths happened (each series would count whole in the month of its last revision): toll-rev series --every month gives the toll at the end of each month, --as-of DATE what was known then, start:month or end:month groups by when the deaths happened
Try 'toll-agg --help' for more information.
toll-agg: cannot group by 'reported': a claim's report date is not when its deaths happened (each series would count whole in the instant of its last revision): toll-rev series --every UNIT gives the toll at the end of each period, --as-of DATE what was known then, start or end groups by when the deaths happened
Try 'toll-agg --help' for more information.
--- exit 2

=== date bins of another column; an empty date is an empty key
$ toll-agg -g note:day data/bins.tsv
--- stdout
note:day	low	best	high	events	series	qualifier	best_by	adversary
	8	8	8	1	1		sources	
2021-01-03	1	1	1	1	1		sources	
2022-09-14	4	4	4	1	1		sources	
2024-12-30	2	2	2	1	1		sources	

=== a binned key outside the claim group: the latest revision's bin
# The four sources of one claim (range): its latest report is B's, which ends in 2025-W01.
$ sed 's/^e[0-9]/e/' data/bins.tsv | toll-agg -c range -g end:week
--- stdout
end:week	low	best	high	events	series	qualifier	best_by	adversary
2025-W01	1	2	8	1	4		sources	

=== a binned column that holds no date
$ toll-agg -g region:month data/agg.tsv
--- stderr
toll-agg: data/agg.tsv:3:40: invalid date 'north' in column 'region', grouped by region:month
toll-agg: data/agg.tsv:4:40: invalid date 'north' in column 'region', grouped by region:month
toll-agg: data/agg.tsv:5:40: invalid date 'south' in column 'region', grouped by region:month
toll-agg: data/agg.tsv:6:50: invalid date 'west' in column 'region', grouped by region:month
toll-agg: data/agg.tsv:7:39: invalid date 'north' in column 'region', grouped by region:month
toll-agg: data/agg.tsv:8:41: invalid date 'east' in column 'region', grouped by region:month
--- exit 1

=== status is a key even when the table has no such column
$ toll-agg -c range -g status,category data/ties.tsv
--- stdout
status	category	low	best	high	events	series	qualifier	best_by	adversary
all	killed	5	20	30	1	3		sources	
all	wounded	1	20	30	1	2		sources	

=== sums past 2^63 - 1 are an error, not a wrong number
$ toll-agg -g side
--- stdin
event	reported	source	side	category	best
e	2022-09-13	A	S	killed	9223372036854775807
f	2022-09-13	A	S	killed	1
--- stderr
toll-agg: the sum of 'low' for side 'S' is larger than 9223372036854775807
--- exit 1

=== the largest figure sums alone; of two huge bests the lower, exactly
$ toll-agg -g side
--- stdin
event	reported	source	side	category	best
e	2022-09-13	A	S	killed	9223372036854775807
e	2022-09-13	B	S	killed	9223372036854775806
--- stdout
side	low	best	high	events	series	qualifier	best_by	adversary
S	9223372036854775806	9223372036854775806	9223372036854775807	1	2		sources	

=== conflicting revisions: the message of toll-check, no rows
$ toll-agg
--- stdin
event	reported	source	side	category	status	low	best	high
e	2022-09-13	S	A	killed		5		
e	2022-09-13T00:00Z	S	A	killed			6	
--- stderr
toll-agg: -:3:3: conflicting revisions: same series and date as line 2, different figure
--- exit 1

=== conflicting revisions after --as-of are still an error
$ toll-agg --as-of 2000-01-01
--- stdin
event	reported	source	side	category	best
e	2022-09-13	S	A	killed	5
e	2022-09-13	S	A	killed	6
--- stderr
toll-agg: -:3:3: conflicting revisions: same series and date as line 2, different figure
--- exit 1

=== a duplicate revision is a warning and counts once
$ toll-agg -g ''
--- stdin
event	reported	source	side	category	best
e	2022-09-13	S	A	killed	5
e	2022-09-13	S	A	killed	5
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
5	5	5	1	1		sources	
--- stderr
toll-agg: -:3:3: warning: duplicate revision: same series, date and figure as line 2; counted once

=== rows out of order in a file: the latest revision wins, conflicts found in a second reading
$ toll-agg -g '' data/out-of-order.tsv; echo "exit $?"
--- stdout
exit 1
--- stderr
toll-agg: data/out-of-order.tsv:5:3: warning: duplicate revision: same series, date and figure as line 3; counted once
toll-agg: data/out-of-order.tsv:4:3: conflicting revisions: same series and date as line 2, different figure
toll-agg: data/out-of-order.tsv:7:3: warning: duplicate revision: same series, date and figure as line 6; counted once

=== invalid rows: the messages of toll-check, no rows
$ toll-agg data/truncated.tsv 2>&1 | sed 's/^toll-agg:/toll-check:/' > "$TEST_TMP/agg"; toll-check data/truncated.tsv 2> "$TEST_TMP/check"; diff "$TEST_TMP/check" "$TEST_TMP/agg" && echo same

--- stdout
same

=== binary garbage
$ toll-agg data/garbage.bin > "$TEST_TMP/out"; echo "exit $?"; wc -c < "$TEST_TMP/out"
--- stdout
exit 1
0
--- stderr
toll-agg: data/garbage.bin:1:1: invalid UTF-8 in header

=== an empty file
$ toll-agg data/empty.tsv
--- stderr
toll-agg: data/empty.tsv:1:1: no header line
--- exit 1

=== a header only: no rows
$ toll-agg data/header-only.tsv
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary

=== an unreadable file
$ toll-agg data/no-such-file.tsv
--- stderr
toll-agg: cannot open 'data/no-such-file.tsv': No such file or directory
--- exit 2

=== unknown -g column: a usage error
$ toll-agg -g side,country data/agg.tsv
--- stderr
toll-agg: unknown column 'country' (columns: event, reported, source, side, category, status, low, best, high, region)
Try 'toll-agg --help' for more information.
--- exit 2

=== unknown date unit
$ toll-agg -g reported:fortnight data/agg.tsv
--- stderr
toll-agg: unknown date unit 'fortnight' in key 'reported:fortnight' (expected day, week, month, quarter or year)
Try 'toll-agg --help' for more information.
--- exit 2

=== unknown column of a binned key
$ toll-agg -g published:month data/agg.tsv
--- stderr
toll-agg: unknown column 'published' in key 'published:month' (columns: event, reported, source, side, category, status, low, best, high, region)
Try 'toll-agg --help' for more information.
--- exit 2

=== an empty key name
$ toll-agg -g side,,category data/agg.tsv
--- stderr
toll-agg: empty column name in key list 'side,,category'
Try 'toll-agg --help' for more information.
--- exit 2

=== a key given twice
$ toll-agg -g side,side data/agg.tsv
--- stderr
toll-agg: key 'side' is given twice
Try 'toll-agg --help' for more information.
--- exit 2

=== a figure column as key
$ toll-agg -g best data/agg.tsv
--- stderr
toll-agg: cannot group by 'best': it is a figure column
Try 'toll-agg --help' for more information.
--- exit 2

=== bad --combine policy
$ toll-agg --combine average data/agg.tsv
--- stderr
toll-agg: unknown policy 'average' (expected consensus, range, min, max, latest, mean, median, prefer:SOURCE,... or each)
Try 'toll-agg --help' for more information.
--- exit 2

=== prefer with an empty source
$ toll-agg --combine prefer:A, data/agg.tsv
--- stderr
toll-agg: empty source name in policy 'prefer:A,'
Try 'toll-agg --help' for more information.
--- exit 2

=== bad --as-of date
$ toll-agg --as-of 2022-02-30 data/agg.tsv
--- stderr
toll-agg: invalid --as-of '2022-02-30': February 2022 has 28 days
Try 'toll-agg --help' for more information.
--- exit 2

=== --as-of needs a value
$ toll-agg data/agg.tsv --as-of
--- stderr
toll-agg: option '--as-of' needs a value
Try 'toll-agg --help' for more information.
--- exit 2

=== unknown option
$ toll-agg --frobnicate data/agg.tsv
--- stderr
toll-agg: unknown option '--frobnicate'
Try 'toll-agg --help' for more information.
--- exit 2

=== a full disk on standard output
$ toll-agg data/agg.tsv > /dev/full
--- stderr
toll-agg: cannot write standard output: No space left on device
--- exit 2

=== toll agg runs toll-agg
$ toll agg -g '' data/agg.tsv
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
127	127	127	2	3		sources	

=== --version: the release in src/VERSION, and the commit git describes
$ v=$(cat ../src/VERSION); toll-agg --version | sed -E "s/^toll-agg \\(toll\\) $v \\(git [0-9a-f]{7,}(-dirty)?\\)$/ok/"
--- stdout
ok

=== rows out of order of report: the latest revision counts, wherever it is
$ printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2022-09-15\tS\tA\tkilled\t77\ne\t2022-09-13\tS\tA\tkilled\t49\n' > "$TEST_TMP/o.tsv"; toll-agg -g '' "$TEST_TMP/o.tsv"
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
77	77	77	1	1		sources	

=== --help: usage on standard output, exit 0; toll help agg is the same
$ toll-agg --help > "$TEST_TMP/h" && toll help agg | cmp - "$TEST_TMP/h" && head -1 "$TEST_TMP/h" && grep -c 'prefer:A,B' "$TEST_TMP/h"
--- stdout
Usage: toll-agg [OPTION]... [FILE]...
1

=== a bad binned date in one series' first row, a good one in the next: one message, no rows
$ toll-agg -g when:month
--- stdin
event	reported	source	side	category	best	when
e	2022-09-13	A	S	killed	1	soon
e	2022-09-13	B	S	killed	2	2022-09-01
e	2022-09-14	A	S	killed	3	2022-09-02
--- stderr
toll-agg: -:2:27: invalid date 'soon' in column 'when', grouped by when:month
--- exit 1

=== a death is counted once: totals and their parts are reconciled, never added
# e1: all sides' 100 holds X's 40 + 5 and Y's 30-45: 100.  e2: the parts (70) exceed the
# total's 50, reported last: the total bounds them, with a warning.  e3: the same, but the
# parts were reported after the total: their sum stands.  e4: an open total (at least 60):
# the parts' 70.  e5: killed or missing 207, then 222 + 3 killed reported later: 225.
$ toll-agg -g event data/nest.tsv
--- stdout
event	low	best	high	events	series	qualifier	best_by	adversary
e1	100	100	100	1	4		sources	
e2	50	50	50	1	3		sources	
e3	70	70	70	1	3		sources	
e4	70	70		1	3		sources	
e5	225	225	225	1	3		sources	
--- stderr
toll-agg: data/nest.tsv:7: warning: the parts of 'all, all, killed' of event 'e2' add up to at least 70, above its high 50 (lines 8 and 9): the total, reported last, bounds them (if known, say [known conflict] in its note)
toll-agg: data/nest.tsv:10: warning: the parts of 'all, all, killed' of event 'e3' add up to at least 70, above its high 50 (lines 11 and 12): their sum stands, reported after the total (if known, say [known conflict] in its note)
toll-agg: data/nest.tsv:16: warning: the parts of 'X, all, killed_or_missing' of event 'e5' add up to at least 225, above its high 207 (lines 17 and 18): their sum stands, reported after the total (if known, say [known conflict] in its note)

=== ... the events of a row are added (they are other deaths): 100 + 50 + 70 + 70 + 225
$ toll-agg -g '' data/nest.tsv 2>/dev/null
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
515	515		5	16		sources	

=== ... only within one row: by side, the total stands in its own row, and holds its parts' claims (series 4); a range's middle is toll's best
$ toll-agg -g event,side data/nest.tsv 2>/dev/null | head -4
--- stdout
event	side	low	best	high	events	series	qualifier	best_by	adversary
e1	X	45	45	45	1	2		sources	
e1	Y	30	37	45	1	1		toll	
e1	all	100	100	100	1	4		sources	

=== a total bounds its parts only from above: parts that hold more raise low and best
$ toll-agg -g ''
--- stdin
event	reported	source	side	category	status	low	best	high
e	2022-01-10	T	all	killed	all	50		200
e	2022-01-06	A	X	killed	military		80	
e	2022-01-06	B	Y	killed	civilian		60	
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
140	140	200	1	3		sources	

=== overlapping claims (all sides' soldiers, one side's dead of every status) under one total
# all/military 100 and X/all 70 overlap in X's soldiers (50): they are never added
# together; the larger split counts: by status 100 + 20 (civilians) = 120.
$ toll-agg -g ''
--- stdin
event	reported	source	side	category	status	best
e	2022-01-06	A	all	killed	military	100
e	2022-01-06	B	X	killed	all	70
e	2022-01-06	B	X	killed	military	50
e	2022-01-06	B	X	killed	civilian	20
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
120	120	170	1	4		sources	

=== categories that do not nest are never added up in one row
$ toll-agg -g '' ../datasets/2022-09-border-clashes.tsv; printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2022-01-01\tA\tX\tcasualties\t10\ne\t2022-01-01\tA\tX\tkilled_or_missing\t5\n' | toll-agg -g side; printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2022-01-01\tA\tX\tkilled\t10\nf\t2022-01-01\tA\tX\twounded\t5\n' | toll-agg -g side
--- stderr
toll-agg: categories killed, wounded, captured and killed_or_missing do not nest, and one row would add them up (the total): add 'category' to -g, or keep one category
toll-agg: categories killed_or_missing and casualties do not nest, and one row would add them up (side 'X'): add 'category' to -g, or keep one category
toll-agg: categories killed and wounded do not nest, and one row would add them up (side 'X'): add 'category' to -g, or keep one category
--- exit 1

=== categories that nest may share a row: casualties with killed and wounded, killed or missing with killed and missing
$ toll-agg -g side
--- stdin
event	reported	source	side	category	best
e	2022-01-01	A	X	casualties	100
e	2022-01-01	A	X	killed	30
e	2022-01-01	A	X	wounded	90
e	2022-01-01	A	Y	killed	3
e	2022-01-01	A	Y	missing	4
e	2022-01-01	A	Y	killed_or_missing	5
--- stdout
side	low	best	high	events	series	qualifier	best_by	adversary
X	100	100	100	1	3		sources	
Y	5	5	5	1	3		sources	
--- stderr
toll-agg: -:2: warning: the parts of 'X, all, casualties' of event 'e' add up to at least 120, above its high 100 (lines 3 and 4): the total, reported last, bounds them (if known, say [known conflict] in its note)
toll-agg: -:7: warning: the parts of 'Y, all, killed_or_missing' of event 'e' add up to at least 7, above its high 5 (lines 5 and 6): the total, reported last, bounds them (if known, say [known conflict] in its note)

=== consensus: a claim whose period ended before another's stated end is out (Putin's mid-war 5,000)
# Putin's period ends 10-22; X states no end and was reported after the article's end: it stays.
$ toll-agg -g ''
--- stdin
event	reported	source	side	category	best	end
w	2020-10-22	Putin	all	killed	5000	2020-10-22
w	2022-09-14	article	all	killed	6500	2020-11-10
w	2021-01-01	X	all	killed	6000	
w	2020-11-01	Y	all	killed	5500	
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
6000	6000	6500	1	2		sources	

=== consensus: claims of the same period are kept, however far apart (no claimant column: 79 and about 430 are two sources' claims; the best is the lower middle)
$ toll-agg -g side
--- stdin
event	reported	source	side	category	qualifier	best	end
c	2022-09-19	MoD	Az	killed		79	2022-09-14
c	2022-10-14	speaker	Az	killed	~	430	2022-09-14
--- stdout
side	low	best	high	events	series	qualifier	best_by	adversary
Az	79	79	430	1	2		sources	

=== consensus: an interval that holds another's says less; the same interval twice stays
# 20,000-30,000 holds about 30,000; Reuters' and AFP's 30,000 are the same: both stay.
$ toll-agg -g side
--- stdin
event	reported	source	side	category	low	best	high
w	2014-01-01	HJS	all	killed	20000		30000
w	2020-10-15	Reuters	all	killed		30000	
w	2022-09-16	AFP	all	killed		30000	
w	2022-09-14	article	X	killed	49		
w	2022-09-14	government	X	killed		105	
--- stdout
side	low	best	high	events	series	qualifier	best_by	adversary
X	105	105	105	1	1		sources	
all	30000	30000	30000	1	3		sources	

=== consensus: stale claims go first, then vaguer ones (each step leaves one at least)
# "at least 49" through 09-16 makes the 105 through 09-14 stale: it alone is left.
$ toll-agg -g side
--- stdin
event	reported	source	side	category	low	best	end
c	2022-09-16	A	X	killed	49		2022-09-16
c	2022-09-14	B	X	killed		105	2022-09-14
--- stdout
side	low	best	high	events	series	qualifier	best_by	adversary
X	49	49		1	1		sources	

=== claimant: a side's figures are its own and independent claims; the other party's are set aside, shown apart in 'adversary'
# Azerbaijan's ministry says 79 of its soldiers; Armenia's speaker says about 430 of them.
$ toll-agg -g side
--- stdin
event	reported	source	side	claimant	category	qualifier	best
c	2022-09-19	MoD	Azerbaijan	Azerbaijan	killed		79
c	2022-10-14	speaker	Azerbaijan	Armenia	killed	~	430
c	2023-04-17	government	Armenia	Armenia	killed		225
--- stdout
side	low	best	high	events	series	qualifier	best_by	adversary
Armenia	225	225	225	1	1		sources	
Azerbaijan	79	79	79	1	1		sources	~430

=== --include-adversary: the other party's claims counted as any other's
$ toll-agg -g side --include-adversary
--- stdin
event	reported	source	side	claimant	category	qualifier	best
c	2022-09-19	MoD	Azerbaijan	Azerbaijan	killed		79
c	2022-10-14	speaker	Azerbaijan	Armenia	killed	~	430
c	2023-04-17	government	Armenia	Armenia	killed		225
--- stdout
side	low	best	high	events	series	qualifier	best_by	adversary
Armenia	225	225	225	1	1		sources	
Azerbaijan	79	79	430	1	2		sources	

=== claimant: a party is one with claims about itself in the event; any other claimant is independent (Russia), and a side that holds the claim's side is its own (Armenia of Artsakh)
$ toll-agg -g side
--- stdin
event	reported	source	side	claimant	within	category	best
c	2022-09-19	MoD	Azerbaijan	Azerbaijan		killed	79
c	2022-09-20	Kremlin	Azerbaijan	Russia		killed	90
c	2022-09-20	government	Artsakh	Armenia	Armenia	killed	10
c	2022-09-21	government	Armenia	Armenia		killed	30
--- stdout
side	low	best	high	events	series	qualifier	best_by	adversary
Armenia	30	30	30	1	2		sources	
Artsakh	10	10	10	1	1		sources	
Azerbaijan	79	79	90	1	2		sources	

=== claimant: no claimant is independent; a claim about every side (all) is nobody's adversary
$ toll-agg -g side
--- stdin
event	reported	source	side	claimant	category	best
c	2022-09-19	MoD	Azerbaijan	Azerbaijan	killed	79
c	2022-09-20	AFP	Azerbaijan		killed	80
c	2022-09-21	government	Armenia	Armenia	killed	30
c	2022-09-22	government	all	Armenia	killed	300
--- stdout
side	low	best	high	events	series	qualifier	best_by	adversary
Armenia	30	30	30	1	1		sources	
Azerbaijan	79	79	80	1	2		sources	
all	300	300	300	1	4		sources	

=== claimant: the other party's claims summed apart, each in the notation (an open one, a range with toll's best)
$ toll-agg -g ''
--- stdin
event	reported	source	side	claimant	category	low	best	high
c	2022-09-19	MoD	Azerbaijan	Azerbaijan	killed		79	
c	2022-10-14	speaker	Azerbaijan	Armenia	killed	400		
c	2022-09-16	government	Armenia	Armenia	killed		135	
c	2022-09-17	MoD	Armenia	Azerbaijan	killed	200		300
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
214	214	214	1	2		sources	≥600 (650)

=== consensus: a party's later word replaces its earlier, whichever office said it (a ministry's 2,996, then the government's 3,702)
$ toll-agg -g side
--- stdin
event	reported	source	side	claimant	category	best
w	2020-12-11	Health Ministry	Armenia	Armenia	killed	2996
w	2021-08-26	government	Armenia	Armenia	killed	3702
w	2021-04-20	Military Prosecutor	Azerbaijan	Azerbaijan	killed	2889
w	2021-06-02	MoD	Azerbaijan	Azerbaijan	killed	2900
w	2022-07-23	Military Prosecutor	Azerbaijan	Azerbaijan	killed	2908
--- stdout
side	low	best	high	events	series	qualifier	best_by	adversary
Armenia	3702	3702	3702	1	1		sources	
Azerbaijan	2908	2908	2908	1	1		sources	

=== ... without a claimant the offices are two sources, combined as any two
$ toll-agg -g side
--- stdin
event	reported	source	side	category	best
w	2020-12-11	Health Ministry	Armenia	killed	2996
w	2021-08-26	government	Armenia	killed	3702
--- stdout
side	low	best	high	events	series	qualifier	best_by	adversary
Armenia	2996	2996	3702	1	2		sources	

=== consensus: the missing are counted as they stand on the day: the latest report, whoever made it (105, then 21)
$ toll-agg -g category
--- stdin
event	reported	source	side	category	best
b	2023-09-26	authorities	Artsakh	missing	105
b	2023-12-22	Investigative Committee	Artsakh	missing	21
b	2023-09-26	authorities	Artsakh	killed	68
b	2023-12-22	Investigative Committee	Artsakh	killed	218
--- stdout
category	low	best	high	events	series	qualifier	best_by	adversary
killed	68	68	218	1	2		sources	
missing	21	21	21	1	1		sources	

=== approximate: "about 30,000" does not make 20,000-30,000 redundant; the best is about 30,000 (qualifier ~), the range stays
$ toll-agg -g ''
--- stdin
event	reported	source	side	category	low	best	high	qualifier
w	2014-01-01	HJS	all	killed	20000		30000	
w	2020-10-15	Reuters	all	killed		30000		~
w	2022-09-16	AFP	all	killed		30000		~
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
20000	30000	30000	1	3	~	sources	

=== approximate: a point with no invented margin; a sum with an approximate best is approximate, with a vague one vague
$ printf 'event\treported\tsource\tside\tcategory\tqualifier\tlow\tbest\na\t2022-09-19\tS\tX\tkilled\t~\t\t430\na\t2022-09-19\tS\tY\tkilled\tvague\t12\t\nb\t2022-09-19\tS\tX\tkilled\t\t\t5\nb\t2022-09-19\tS\tZ\tkilled\t\t\t7\n' >"$TEST_TMP/q.tsv"; toll-agg -g side "$TEST_TMP/q.tsv"; toll-agg -g event "$TEST_TMP/q.tsv"
--- stdout
side	low	best	high	events	series	qualifier	best_by	adversary
X	435	435	435	2	2	~	sources	
Y	12	12		1	1	vague	sources	
Z	7	7	7	1	1		sources	
event	low	best	high	events	series	qualifier	best_by	adversary
a	442	442		1	2	vague	sources	
b	12	12	12	1	2		sources	

=== approximate: only an exact claim makes a range say less (70-90 out beside 79); about 80 stays beside 79
$ toll-agg -g ''
--- stdin
event	reported	source	side	category	low	best	high	qualifier
a	2022-09-19	S	X	killed	70		90	
a	2022-09-19	T	X	killed		80		~
a	2022-09-19	U	X	killed		79		
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
79	79	80	1	2		sources	

=== supplied: a range with no best gets its middle from toll, marked 'toll' in best_by; a stated best is 'sources'
$ toll-agg -g event
--- stdin
event	reported	source	side	category	low	best	high
w	2014-01-01	HJS	all	killed	20000		30000
v	2014-01-01	HJS	all	killed	20001		30000
u	2014-01-01	HJS	all	killed	20000	21000	30000
t	2014-01-01	HJS	all	killed		49	
--- stdout
event	low	best	high	events	series	qualifier	best_by	adversary
t	49	49	49	1	1		sources	
u	20000	21000	30000	1	1		sources	
v	20001	25000	30000	1	1		toll	
w	20000	25000	30000	1	1		toll	

=== one consistent table: by status, 'all' is never below military and civilian together
$ toll-agg -g status
--- stdin
event	reported	source	side	category	status	best
e	2022-09-19	gov	A	killed	all	200
e	2022-09-20	gov	A	killed	military	190
e	2022-09-20	gov	A	killed	civilian	15
--- stdout
status	low	best	high	events	series	qualifier	best_by	adversary
all	205	205	205	1	3		sources	
civilian	15	15	15	1	1		sources	
military	190	190	190	1	1		sources	
--- stderr
toll-agg: -:2: warning: the parts of 'A, all, killed' of event 'e' add up to at least 205, above its high 200 (lines 3 and 4): their sum stands, reported after the total (if known, say [known conflict] in its note)

=== one consistent table: by category, killed_or_missing is never below killed (the 2022 Armenian 207 and 225)
$ toll-agg -g category
--- stdin
event	reported	source	side	category	status	best
e	2022-09-19	gov	Armenia	killed_or_missing	all	207
e	2023-04-17	gov	Armenia	killed	military	222
e	2023-04-17	gov	Armenia	killed	civilian	3
--- stdout
category	low	best	high	events	series	qualifier	best_by	adversary
killed	225	225	225	1	2		sources	
killed_or_missing	225	225	225	1	3		sources	
--- stderr
toll-agg: -:2: warning: the parts of 'Armenia, all, killed_or_missing' of event 'e' add up to at least 225, above its high 207 (lines 3 and 4): their sum stands, reported after the total (if known, say [known conflict] in its note)

=== one consistent table: the 'all' row of a war is its total by every grouping
$ cd ../datasets && toll-agg -g event,category 2020-karabakh-war.tsv 2>/dev/null | awk -F '\t' '$2 == "killed" { print $3, $4, $5 }'; toll-agg -g event,side,category 2020-karabakh-war.tsv 2>/dev/null | awk -F '\t' '$2 == "all" && $3 == "killed" { print $4, $5, $6 }'; toll-agg -g event,status,category 2020-karabakh-war.tsv 2>/dev/null | awk -F '\t' '$2 == "all" && $3 == "killed" { print $4, $5, $6 }'; toll-agg -g side,status,category 2020-karabakh-war.tsv 2>/dev/null | awk -F '\t' '$1 == "all" && $2 == "all" && $3 == "killed" { print $4, $5, $6 }'
--- stdout
6781 6781 
6781 6781 
6781 6781 
6781 6781 

=== a [known conflict] in the total's note: the parts above it are not warned again; a part's tag is not the total's
$ toll-agg -g ''
--- stdin
event	reported	source	side	category	status	best	note
e	2022-09-19	gov	A	killed	all	200	[known conflict] counts the war only
e	2022-09-20	gov	A	killed	military	190	
e	2022-09-20	gov	A	killed	civilian	15	
f	2022-09-19	gov	A	killed	all	200	
f	2022-09-20	gov	A	killed	military	190	[known conflict]
f	2022-09-20	gov	A	killed	civilian	15	
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
410	410	410	2	6		sources	
--- stderr
toll-agg: -:5: warning: the parts of 'A, all, killed' of event 'f' add up to at least 205, above its high 200 (lines 6 and 7): their sum stands, reported after the total (if known, say [known conflict] in its note)

=== each: sources kept apart by -g source are fine
$ toll-agg -g side,source --combine each data/agg.tsv | head -3
--- stdout
side	source	low	best	high	events	series	qualifier	best_by	adversary
X	A	120	120	120	2	2		sources	
X	B	15	15		1	1		sources	

=== sides within sides: Armenia's total and Artsakh's part are counted once
# Armenia 3,777 holds Artsakh's 1,434 soldiers and its 31 civilians: with
# Azerbaijan's 2,900, 6,677.  Without 'within' the same rows make 8,142.
$ toll-agg -g event,category data/within.tsv; sed 's/\tArmenia$/\t/; s/\tArtsakh$/\t/' data/within.tsv | toll-agg -g event,category
--- stdout
event	category	low	best	high	events	series	qualifier	best_by	adversary
w	killed	6677	6677	6677	1	6		sources	
event	category	low	best	high	events	series	qualifier	best_by	adversary
w	killed	8142	8142	8142	1	6		sources	

=== ... by side, a side and the sides within it stand in rows of their own; the holder is never below its parts (Artsakh's later 1,434 raises Armenia's 1,000)
$ toll-agg -g side
--- stdin
event	reported	source	side	category	best	within
w	2021-08-26	gov	Armenia	killed	1000	
w	2021-09-01	MoD	Artsakh	killed	1434	Armenia
w	2021-09-01	MoD	Azerbaijan	killed	2900	
--- stdout
side	low	best	high	events	series	qualifier	best_by	adversary
Armenia	1434	1434	1434	1	2		sources	
Artsakh	1434	1434	1434	1	1		sources	
Azerbaijan	2900	2900	2900	1	1		sources	
--- stderr
toll-agg: -:2: warning: the parts of 'Armenia, all, killed' of event 'w' add up to at least 1434, above its high 1000 (line 3): their sum stands, reported after the total (if known, say [known conflict] in its note)

=== ... reconciled when they share a row
$ toll-agg -g ''
--- stdin
event	reported	source	side	category	best	within
w	2021-08-26	gov	Armenia	killed	1000	
w	2021-09-01	MoD	Artsakh	killed	1434	Armenia
w	2021-09-01	MoD	Azerbaijan	killed	2900	
--- stdout
low	best	high	events	series	qualifier	best_by	adversary
4334	4334	4334	1	3		sources	
--- stderr
toll-agg: -:2: warning: the parts of 'Armenia, all, killed' of event 'w' add up to at least 1434, above its high 1000 (line 3): their sum stands, reported after the total (if known, say [known conflict] in its note)

=== within holds for its event only
$ toll-agg -g event
--- stdin
event	reported	source	side	category	best	within
a	2021-01-01	gov	Armenia	killed	100	
a	2021-01-01	MoD	Artsakh	killed	60	Armenia
b	2021-01-01	gov	Armenia	killed	100	
b	2021-01-01	MoD	Artsakh	killed	60	
--- stdout
event	low	best	high	events	series	qualifier	best_by	adversary
a	100	100	100	1	2		sources	
b	160	160	160	1	2		sources	

=== more than 32 sources of one claim: their bests sorted for the median (worked by hand: 1 to 40, the lower middle 20)
$ awk 'BEGIN { print "event\treported\tsource\tside\tcategory\tbest"; for (i = 1; i <= 40; i++) printf "e\t2022-09-13\tS%02d\tA\tkilled\t%d\n", i, (i * 7) % 41 }' | toll-agg -c range
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
A	all	killed	1	20	40	1	40		sources	

=== more than 32 sources: the median of lows and highs too (41 sources, 0 to 40: 20)
$ awk 'BEGIN { print "event\treported\tsource\tside\tcategory\tlow\thigh"; for (i = 0; i <= 40; i++) printf "e\t2022-09-13\tS%02d\tA\tkilled\t%d\t%d\n", i, (i * 7) % 41, (i * 7) % 41 + 100 }' | toll-agg -c median
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
A	all	killed	20	70	120	1	41		toll	

=== --as-of a day: every claim of that day where it was made (a claim of 21:30 at UTC+4 is of that day)
$ printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2023-09-19T22:30+04:00\tS\tA\tkilled\t27\ne\t2023-09-20T21:30+04:00\tS\tA\tkilled\t200\ne\t2023-09-21T02:00+04:00\tS\tA\tkilled\t210\n' >"$TEST_TMP/z.tsv"; for d in 2023-09-19 2023-09-20 2023-09-20T17:29Z 2023-09-20T17:30Z 2023-09-21; do printf '%s\t' $d; toll-agg -g '' --as-of $d "$TEST_TMP/z.tsv" | tail -n 1; done
--- stdout
2023-09-19	27	27	27	1	1		sources	
2023-09-20	200	200	200	1	1		sources	
2023-09-20T17:29Z	27	27	27	1	1		sources	
2023-09-20T17:30Z	200	200	200	1	1		sources	
2023-09-21	210	210	210	1	1		sources	

=== --as-of a month, a quarter, a week or a year: to its last day
$ for d in 2022-08 2022-09 2022-W37 2022-Q3 2022; do printf '%s\t' $d; awk -F '\t' '$7 == "killed" || /^event/' ../datasets/2022-09-border-clashes.tsv | toll-agg -g side --as-of $d | awk 'NR > 1 { printf "%s %s  ", $1, $3 } END { print "" }'; done
--- stdout
2022-08	
2022-09	Armenia 135  Azerbaijan 79  
2022-W37	Armenia 135  Azerbaijan 77  
2022-Q3	Armenia 135  Azerbaijan 79  
2022	Armenia 135  Azerbaijan 79  
