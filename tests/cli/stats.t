# toll-stats on small tables checked by hand.  data/stats.tsv: group a has
# v = 1, 2, 4 and w = 10, 20 (one empty); b has v = 5; c has no v, w = 30.

=== count, sum, mean, min, max; empty fields counted in nothing; no values: empty fields, count 0
$ toll-stats -g g count count:v sum:v mean:v min:v max:v data/stats.tsv
--- stdout
g	count	count_v	sum_v	mean_v	min_v	max_v
a	3	3	7	2.33333333333333	1	4
b	1	1	5	5	5	5
c	1	0				

=== quantiles as R type 7: median, q1, q3, p90, iqr of 1, 2, 4
$ toll-stats -g g median:v q1:v q3:v p90:v iqr:v data/stats.tsv
--- stdout
g	median_v	q1_v	q3_v	p90_v	iqr_v
a	2	1.5	3	3.6	1.5
b	5	5	5	5	0
c					

=== sd and var (sample, n - 1) need two values; mad is scaled by 1/qnorm(3/4)
$ toll-stats -g g sd:v var:v mad:v sd:w data/stats.tsv
--- stdout
g	sd_v	var_v	mad_v	sd_w
a	1.52752523165195	2.33333333333333	1.4826022185056	7.07106781186548
b			0	
c				

=== type 7 at the edges: two values, p0 and p100
$ toll-stats median:v q1:v q3:v p0:v p100:v p90:v p2.5:v
--- stdin
v
20
10
--- stdout
median_v	q1_v	q3_v	p0_v	p100_v	p90_v	p2.5_v
15	12.5	17.5	10	20	19	10.25

=== type 7 at the edges: one value is every quantile
$ toll-stats median:v q1:v p0:v p100:v iqr:v mad:v
--- stdin
v
-3.5
--- stdout
median_v	q1_v	p0_v	p100_v	iqr_v	mad_v
-3.5	-3.5	-3.5	-3.5	0	0

=== no keys: one row for the whole table; several columns at once
$ toll-stats count sum:v sum:w mean:w data/stats.tsv
--- stdout
count	sum_v	sum_w	mean_w
5	12	60	20

=== a header alone: one row, count 0, the rest empty
$ toll-stats count sum:v median:v poisson95:v
--- stdin
v
--- stdout
count	sum_v	median_v	poisson95_v_lo	poisson95_v_hi
0				

=== a header alone, grouped: no rows
$ toll-stats -g g count
--- stdin
g	v
--- stdout
g	count

=== poisson95: Garwood intervals for 0, 1, 10 and 1000 (R's poisson.test and scipy agree to 13 digits)
$ for n in 0 1 10 1000; do printf 'deaths\n%s\n' $n | toll-stats poisson95:deaths | sed 1d; done
--- stdout
0	3.68887945411394
0.0253178079842899	5.57164339093889
4.79538869613243	18.3903560420178
938.973018407695	1063.9521360163

=== poisson95 of large sums, where GSL's gamma quantile gives no number or a wrong one: found by bisection (scipy's gammaincinv gives the same digits)
$ for n in 50000 200000 1500000 1000000000 100000000000000; do printf 'deaths\n%s\n' $n | toll-stats poisson95:deaths | sed 1d; done
--- stdout
49562.6866503237	50440.2120354313
199124.424996541	200878.471499963
1497600.49145512	1502402.40365082
999938021.443928	1000061981.45041
99999980400361.1	100000019599642

=== poisson95 of a sum of counts, per group (7 and 5; scipy's chi2.ppf gives the same digits)
$ toll-stats -g g poisson95:v data/stats.tsv
--- stdout
g	poisson95_v_lo	poisson95_v_hi
a	2.81436305151987	14.4226753617024
b	1.62348639011842	11.6683320793227
c		

=== poisson95 needs counts: a negative number
$ toll-stats poisson95:v
--- stdin
v
3
-1
--- stderr
toll-stats: -:3:1: poisson95 needs counts, whole numbers from 0: not '-1' in column 'v'
--- exit 1

=== poisson95 needs counts: a fraction
$ toll-stats poisson95:v
--- stdin
v
2.5
--- stderr
toll-stats: -:2:1: poisson95 needs counts, whole numbers from 0: not '2.5' in column 'v'
--- exit 1

=== ci95: the same seed gives the same interval; it holds the mean
$ a=$(toll-stats --seed 7 --resamples 2000 ci95:v mean:v data/stats.tsv | sed 1d); b=$(toll-stats --seed 7 --resamples 2000 ci95:v mean:v data/stats.tsv | sed 1d); [ "$a" = "$b" ] && echo "$a" | awk -F'\t' '{ print ($1 <= $3 && $3 <= $2) ? "holds the mean" : "does not" }'
--- stdout
holds the mean

=== ci95: another seed gives another interval
$ seq 1 37 > "$TEST_TMP/v"; a=$(printf 'v\n' | cat - "$TEST_TMP/v" | toll-stats --seed 7 --resamples 500 ci95:v); b=$(printf 'v\n' | cat - "$TEST_TMP/v" | toll-stats --seed 8 --resamples 500 ci95:v); [ "$a" != "$b" ] && echo different
--- stdout
different

=== ci95 of 1, 2, 4: each extreme mean (all three draws alike) has chance 1/27, above 2.5%
$ toll-stats -g g ci95:v data/stats.tsv
--- stdout
g	ci95_v_lo	ci95_v_hi
a	1	4
b	5	5
c		

=== ci95 with the default seed, pinned: a change in the draws shows here
$ seq 1 37 | sed '1i v' | toll-stats ci95:v mean:v
--- stdout
ci95_v_lo	ci95_v_hi	mean_v
15.5945945945946	22.4864864864865	19

=== ci95 of equal values is that value; of no values, empty
$ toll-stats ci95:v ci95:w
--- stdin
v	w
6	
6	
6	
--- stdout
ci95_v_lo	ci95_v_hi	ci95_w_lo	ci95_w_hi
6	6		

=== grouped by a date bin, in any order of the input
$ toll-stats -g when:month count sum:v data/stats.tsv
--- stdout
when:month	count	sum_v
2022-09	3	7
2022-10	1	5
2023-01	1	

=== CSV input, numbers with exponents and signs
$ toll-stats --csv -g g sum:v max:v min:v
--- stdin
g,v
x,1.5e3
x,-2
x,+.5
y,1E-3
--- stdout
g	sum_v	max_v	min_v
x	1498.5	1500	-2
y	0.001	0.001	0.001

=== large values: no exponent, integral ones without decimals
$ toll-stats sum:v mean:v
--- stdin
v
4000000000000000000
6000000000000000000
--- stdout
sum_v	mean_v
10000000000000000000	5000000000000000000

=== the decimal point is '.' whatever the locale
$ LC_ALL=de_DE.UTF-8 LC_NUMERIC=de_DE.UTF-8 toll-stats mean:v
--- stdin
v
1
2
--- stdout
mean_v
1.5

=== toll-agg into toll-stats: each event's reconciled toll, summed per category
# (the README's own pipeline on datasets/ is checked with the README's examples)
# killed_or_missing of e5 is its later 225 killed, not the stale 207: a holder is never below its parts.
$ toll-agg -g event,category data/nest.tsv 2>/dev/null | toll-stats -g category count sum:best median:best
--- stdout
category	count	sum_best	median_best	approximate
killed	5	515	70	0
killed_or_missing	1	225	225	0

=== a value that is not a number: file, line, column; no rows
# 1,000 is a number (one reader of numbers for every program); 1,00 is not.
$ toll-stats -g g sum:v
--- stdin
g	v
a	1
a	one
a	1,000
a	1,00
--- stderr
toll-stats: -:3:3: invalid number 'one' in column 'v'
toll-stats: -:5:3: invalid number '1,00' in column 'v'
--- exit 1

=== nan, inf and hexadecimal are not numbers here
$ toll-stats sum:v
--- stdin
v
nan
inf
0x10
--- stderr
toll-stats: -:2:1: invalid number 'nan' in column 'v'
toll-stats: -:3:1: invalid number 'inf' in column 'v'
toll-stats: -:4:1: invalid number '0x10' in column 'v'
--- exit 1

=== a number past the range of a double
$ toll-stats sum:v
--- stdin
v
1e999
--- stderr
toll-stats: -:2:1: number out of range '1e999' in column 'v'
--- exit 1

=== --max-errors stops reading
$ toll-stats -m 1 sum:v
--- stdin
v
x
y
--- stderr
toll-stats: -:2:1: invalid number 'x' in column 'v'
toll-stats: stopped after 1 errors
--- exit 1

=== a binned key that holds no date
$ toll-stats -g g:year count data/stats.tsv
--- stderr
toll-stats: data/stats.tsv:2:1: invalid date 'a' in column 'g', grouped by g:year
toll-stats: data/stats.tsv:3:1: invalid date 'a' in column 'g', grouped by g:year
toll-stats: data/stats.tsv:4:1: invalid date 'a' in column 'g', grouped by g:year
toll-stats: data/stats.tsv:5:1: invalid date 'b' in column 'g', grouped by g:year
toll-stats: data/stats.tsv:6:1: invalid date 'c' in column 'g', grouped by g:year
--- exit 1

=== a row with the wrong number of fields
$ toll-stats sum:best data/truncated.tsv
--- stderr
toll-stats: data/truncated.tsv:3:21: expected 6 fields, found 5
--- exit 1

=== binary garbage
$ toll-stats count data/garbage.bin
--- stderr
toll-stats: data/garbage.bin:1:1: invalid UTF-8 in header
--- exit 1

=== an empty file
$ toll-stats count data/empty.tsv
--- stderr
toll-stats: data/empty.tsv:1:1: no header line
--- exit 1

=== an unreadable file
$ toll-stats count data/no-such-file.tsv
--- stderr
toll-stats: cannot open 'data/no-such-file.tsv': No such file or directory
--- exit 2

=== unknown column in an operation
$ toll-stats sum:deaths data/stats.tsv
--- stderr
toll-stats: unknown column 'deaths' in 'sum:deaths' (columns: g, v, w, when)
Try 'toll-stats --help' for more information.
--- exit 2

=== unknown -g column
$ toll-stats -g region count data/stats.tsv
--- stderr
toll-stats: unknown column 'region' (columns: g, v, w, when)
Try 'toll-stats --help' for more information.
--- exit 2

=== an unknown operation with a column
$ toll-stats medain:v data/stats.tsv
--- stderr
toll-stats: unknown operation 'medain'
Try 'toll-stats --help' for more information.
--- exit 2

=== an operation without its column
$ toll-stats median data/stats.tsv
--- stderr
toll-stats: operation 'median' needs a column: median:COLUMN
Try 'toll-stats --help' for more information.
--- exit 2

=== an empty column name
$ toll-stats sum: data/stats.tsv
--- stderr
toll-stats: empty column name in 'sum:'
Try 'toll-stats --help' for more information.
--- exit 2

=== a percentile past 100
$ toll-stats p101:v data/stats.tsv
--- stderr
toll-stats: percentile 'p101' is not from p0 to p100
Try 'toll-stats --help' for more information.
--- exit 2

=== no operation
$ toll-stats data/stats.tsv
--- stderr
toll-stats: no operation given (count, sum:COLUMN, median:COLUMN, ...)
Try 'toll-stats --help' for more information.
--- exit 2

=== bad --seed and --resamples
$ toll-stats --seed -1 ci95:v data/stats.tsv; toll-stats --resamples 0 ci95:v data/stats.tsv
--- stderr
toll-stats: invalid --seed '-1': expected a whole number from 0 to 4294967295
Try 'toll-stats --help' for more information.
toll-stats: invalid --resamples '0': expected a whole number from 1 to 100000000
Try 'toll-stats --help' for more information.
--- exit 2

=== a full disk on standard output
$ toll-stats count data/stats.tsv > /dev/full
--- stderr
toll-stats: cannot write standard output: No space left on device
--- exit 2

=== --help; toll help stats is the same
$ toll-stats --help > "$TEST_TMP/h" && toll help stats | cmp - "$TEST_TMP/h" && head -1 "$TEST_TMP/h"
--- stdout
Usage: toll-stats [OPTION]... OP[:COLUMN]... [FILE]...

=== toll stats runs toll-stats
$ toll stats count data/stats.tsv
--- stdout
count
5

=== --version: the release in src/VERSION, and the commit git describes
$ v=$(cat ../src/VERSION); toll-stats --version | sed -E "s/^toll-stats \\(toll\\) $v \\(git [0-9a-f]{7,}(-dirty)?\\)$/ok/"
--- stdout
ok

=== a reports table's figures are read as every program reads them: ranges completed, separators
# best empty: completed (at least 49 -> 49; 20 to 30 -> 25; up to 100 -> 100); 6,500 and 6 500 are numbers.
$ toll-stats -g side count:best sum:best mean:best sum:low
--- stdin
event	reported	source	side	category	low	best	high
e	2022-09-13	A	X	killed	49		
e	2022-09-13	B	X	killed	20		30
e	2022-09-13	C	X	killed			100
e	2022-09-13	D	Y	killed		6,500	
e	2022-09-13	E	Y	killed	6 000	6 500	7,000.0
--- stdout
side	count_best	sum_best	mean_best	sum_low
X	3	174	58	69
Y	2	13000	6500	12500

=== an open figure's high is unbounded: what includes it is too (an empty field)
$ toll-stats -g side sum:high max:high min:high count:high
--- stdin
event	reported	source	side	category	low	best	high
e	2022-09-13	A	X	killed	49		
e	2022-09-13	B	X	killed	20		30
e	2022-09-13	D	Y	killed		6500	
--- stdout
side	sum_high	max_high	min_high	count_high
X			30	2
Y	6500	6500	6500	1

=== toll-agg's output: halves, and empty highs that are unbounded
$ toll-agg -g side data/agg.tsv | toll-stats count:best sum:best max:high
--- stdout
count_best	sum_best	max_high	approximate
2	127	120	0

=== a table in the value notation: low, best and high from 'value'
$ toll-stats median:best min:low max:high data/value.tsv
--- stdout
median_best	min_low	max_high	approximate
100	0		2

=== 'value' itself is not a number column
$ toll-stats sum:value data/value.tsv
--- stderr
toll-stats: column 'value' holds figures in the value notation: ask for low, best or high
Try 'toll-stats --help' for more information.
--- exit 2

=== in a table of claims, a negative figure is an error at its place; one out of order is widened, with a warning that counts them
$ tee "$TEST_TMP/in.tsv" | toll-stats sum:low sum:best sum:high; (cd "$TEST_TMP" && toll-stats --every-revision sum:best in.tsv); printf 'event\treported\tsource\tside\tcategory\tlow\tbest\n1\t2020-01-01\tU\tall\tkilled\t-3\t4\n' | toll-stats sum:best
--- stdin
event	reported	source	side	category	low	best	high
e1	2020-01-01	U	all	killed	3	2	4
e2	2020-01-01	U	all	killed	1	5	3
e3	2020-01-01	U	all	killed	50	10	
e4	2020-01-01	U	all	killed	0	1	1
--- stdout
sum_low	sum_best	sum_high
13	18	
sum_best
18
--- stderr
toll-stats: warning: -:2: 3 figures counted had a best outside [low, high] or low above high: each interval widened to hold its numbers, the best kept, as toll-import does for UCDP GED
toll-stats: warning: in.tsv:2: 3 figures counted had a best outside [low, high] or low above high: each interval widened to hold its numbers, the best kept, as toll-import does for UCDP GED
toll-stats: -:2:27: negative number '-3' in column 'low'
--- exit 1

=== in any other table, low, best and high are columns of numbers as they stand (a raw UCDP GED export)
$ toll-stats -g date_start:month sum:low sum:best sum:high count:best
--- stdin
id	date_start	low	best	high
1	2020-01-05	3	2	4
2	2020-01-09	1	5	3
3	2020-02-01	0	1	
4	2020-02-03	-3	4	5
--- stdout
date_start:month	sum_low	sum_best	sum_high	count_best
2020-01	4	7	7	2
2020-02	-3	5	5	2

=== an unknown column: did you mean, and the columns
$ toll-stats sum:bets -g Sied data/agg.tsv
--- stderr
toll-stats: unknown column 'Sied': did you mean 'side'? (columns: event, reported, source, side, category, status, low, best, high, region)
Try 'toll-stats --help' for more information.
--- exit 2

=== a CSV file read as TSV: the message says so
$ toll-stats --tsv count:best data/agg.csv
--- stderr
toll-stats: unknown column 'best' in 'count:best': the header is one column holding commas; is this a CSV file? read it with --csv
Try 'toll-stats --help' for more information.
--- exit 2

=== whole results are exact to 2^53
$ toll-stats max:x min:x
--- stdin
x
1234567890123456
9007199254740992
--- stdout
max_x	min_x
9007199254740992	1234567890123456

=== a result beyond a double is refused with its group and column, and nothing is written
$ toll-stats -g g sum:x mean:x
--- stdin
g	x
b	1
a	1e308
a	1e308
--- stderr
toll-stats: 'sum_x' (of column 'x') in group g=a is beyond the largest number a double holds (about 1.8e308): no result written
--- exit 1

=== approximate: with a qualifier column, a last column counts each group's approximate or vague figures (a sum of them is no exact count)
$ toll-stats -g side count sum:best
--- stdin
side	qualifier	best	best_by
Az	~	430	sources
Az		79	sources
Arm	vague	12	sources
Arm		3	sources
X		1	sources
--- stdout
side	count	sum_best	approximate
Arm	2	15	1
Az	2	509	1
X	1	1	0

=== ... and without one, no such column: no figure can say so
$ toll-stats -g side sum:best
--- stdin
side	best
Az	430
--- stdout
side	sum_best
Az	430

=== a reports table's rows that are not totals (kind) are not counted, and it says so
$ printf 'event\treported\tsource\tside\tcategory\tbest\tkind\ne\t2022-09-14\tAFP\tall\tkilled\t105\ttotal\ne\t2022-09-14\tAFP\tall\tkilled\t49\tprevious\ne\t2022-09-14\tAFP\tall\tkilled\t16\tincrement\n' | toll-stats sum:best
--- stdout
sum_best
105
--- stderr
toll-stats: warning: 2 rows are not a total (kind increment, previous, part or other): no toll counts them
