# What every program that reads tables shares: --delimiter, --no-header,
# --names, --na, --date-format, a pandas index column, names without case.

=== NA, N/A, NaN and null are not stated
$ toll-check --normalize
--- stdin
event	reported	source	side	category	low	best	high	start
e	2022-09-13	S	A	killed	49	NA	null	N/A
e	2022-09-14	S	A	killed	NaN	105	NA	NA
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end
e	2022-09-13	S	A	killed	all	49	49				
e	2022-09-14	S	A	killed	all	105	105	105			

=== --na says which spellings are not stated
$ toll-check --na - --normalize
--- stdin
event	reported	source	side	category	low	best
e	2022-09-13	S	A	killed	-	49
e	2022-09-14	S	A	killed	NA	105
--- stderr
toll-check: -:3:25: invalid number 'NA' in column 'low'
--- exit 1

=== --na '': none but the empty field
$ toll-check --na ''
--- stdin
event	reported	source	side	category	low	best
e	2022-09-14	S	A	killed	NA	105
--- stderr
toll-check: -:2:25: invalid number 'NA' in column 'low'
--- exit 1

=== --delimiter: semicolons, quoted as in CSV
$ toll-stats --delimiter ';' -g country sum:n
--- stdin
country;n;note
"Armenia";49;"a; b"
Armenia;56;
Azerbaijan;50;
--- stdout
country	sum_n
Armenia	105
Azerbaijan	50

=== --delimiter: one character only
$ toll-stats --delimiter ';;' count
--- stderr
toll-stats: invalid --delimiter ';;': expected one ASCII character (or '\t'), not a quote or a line break
Try 'toll-stats --help' for more information.
--- exit 2

=== --no-header: columns numbered
$ toll-stats --csv --no-header -g 1 sum:2
--- stdin
Armenia,49
Armenia,56
--- stdout
1	sum_2
Armenia	105

=== --no-header: columns named by --names
$ toll-stats --csv --no-header --names side,n -g side sum:n
--- stdin
Armenia,49
Armenia,56
--- stdout
side	sum_n
Armenia	105

=== --names renames a header
$ toll-stats --csv --names a,b sum:b
--- stdin
x,y
p,2
q,3
--- stdout
sum_b
5

=== --names must name every column
$ toll-stats --csv --names a sum:a
--- stdin
x,y
p,2
--- stderr
toll-stats: -:1:1: --names gives 1 names, the header has 2 columns
--- exit 1

=== a pandas index column is a column named index
$ toll-stats --csv -g isocode sum:fatalities max:index
--- stdin
,isocode,period,fatalities
0,AFG,201001,344.0
1,AFG,201002,536.0
2,ALB,201001,0.0
--- stdout
isocode	sum_fatalities	max_index
AFG	880	1
ALB	0	2

=== columns found without regard to case when no name matches exactly
$ toll-stats --csv -g country,event_date:month sum:fatalities
--- stdin
COUNTRY,EVENT_DATE,FATALITIES
Benin,28 December 2022,2
Benin,1 December 2022,3
Benin,9-Nov-22,1
--- stdout
country	event_date:month	sum_fatalities
Benin	2022-11	1
Benin	2022-12	5

=== a reports table with upper-case names
$ toll-agg -g event
--- stdin
EVENT	REPORTED	SOURCE	SIDE	CATEGORY	BEST
e	13 September 2022	S	A	killed	49
--- stdout
event	low	best	high	events	series	qualifier	best_by	adversary
e	49	49	49	1	1		sources	

=== --date-format reads other dates; the calendar is still checked
$ toll-stats --csv --date-format %m/%d/%Y -g start:year sum:n
--- stdin
start,n
8/5/1914,20000
2/30/1915,1
2022-09-13,5
--- stderr
toll-stats: -:3:1: invalid date '2/30/1915' in column 'start', grouped by start:year
--- exit 1

=== --date-format must be a pattern
$ toll-stats --date-format mm/dd/yyyy count
--- stderr
toll-stats: invalid --date-format 'mm/dd/yyyy': expected a strptime pattern such as %m/%d/%Y
Try 'toll-stats --help' for more information.
--- exit 2

=== dates as exports write them, in every program
$ toll-agg -g end:month
--- stdin
event	reported	source	side	category	best	end
e	2013-01-03 00:00:00.000	S	A	killed	2	2013-01-03 00:00:00.000
f	9-May-20	S	A	killed	3	9-May-20
g	28 December 2022	S	A	killed	4	28 December 2022
h	2022-09-13T05:30	S	A	killed	5	2022-09-13T05:30
--- stdout
end:month	low	best	high	events	series	qualifier	best_by	adversary
2013-01	2	2	2	1	1		sources	
2020-05	3	3	3	1	1		sources	
2022-09	5	5	5	1	1		sources	
2022-12	4	4	4	1	1		sources	

=== a file without a header read with one: a warning, not a silent loss of its first record
$ toll-stats --csv count
--- stdin
2020,5
2021,6
--- stdout
count
1
--- stderr
toll-stats: -:1: warning: the header looks like a record (its names are numbers or dates): if the file has no header line, give --no-header (and --names)

=== ... and with --no-header every record counts, without the warning
$ toll-stats --csv --no-header count
--- stdin
2020,5
2021,6
--- stdout
count
2

=== a reports table without a header: the missing column says why
$ toll-check
--- stdin
e	2022-09-13	S	A	killed	49
--- stderr
toll-check: -:1:1: missing required column 'event' (the header looks like a record: if the file has no header line, give --no-header and --names) (columns: e, 2022-09-13, S, A, killed, 49)
--- exit 1

=== toll-import warns too
$ toll-import table --csv --row-events --set reported=2022-01-01,source=s,side=a,category=killed --keep ''
--- stdin
0,4288,14 Oct 2020
1,4287,27 Sep 2020
--- stdout
event	reported	source	side	category	status	low	best	high	start	end
-:2	2022-01-01	s	a	killed			1			
--- stderr
toll-import: -:1: warning: the header looks like a record (its names are numbers or dates): if the file has no header line, give --no-header (and --names)
toll-import: table: 1 read, 1 written, 0 refused, 0 widened, 0 defaulted
