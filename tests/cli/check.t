=== a valid table gives no output and exit 0
$ toll-check data/good.tsv

=== --normalize completes figures (a best no source stated stays empty: toll would supply it), fills status, keeps other columns
$ toll-check --normalize data/good.tsv
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end	note
2022-09-clashes	2022-09-13	Armenian government	Armenia	killed	military	49	49					could be higher
2022-09-clashes	2022-09-14	Armenian government	Armenia	killed	military	105	105	105				
2022-09-clashes	2022-09-13	Azerbaijan MoD	Azerbaijan	killed	military	50	50	50				42 army + 8 border service
1988-1994-war	2009-01-01	encyclopedia	all	killed	all	28000		38000				range
2020-war	2020-10-22T18:30+03:00	Vladimir Putin	all	killed	all	5000	5000	5000				approaching 5,000

=== every value notation of toll(7), columns put in canonical order
$ toll-check -n data/value.tsv
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end	note
e	2022-09-13	A	Armenia	killed	all	49	49	49				
e	2022-09-13	B	Armenia	killed	all	49	49					
e	2022-09-13	C	Armenia	killed	all	49	49					
e	2022-09-13	D	Armenia	killed	all	49	49					
e	2022-09-13	E	Armenia	killed	all	50	50					
e	2022-09-13	F	Armenia	killed	all	0		100				
e	2022-09-13	G	Armenia	killed	all	0		100				
e	2022-09-13	H	Armenia	killed	all	0		99				
e	2022-09-13	I	Armenia	killed	all	6500	6500	6500	~			
e	2022-09-13	J	Armenia	killed	all	6500	6500	6500	~			
e	2022-09-13	K	Armenia	killed	all	100		150				
e	2022-09-13	L	Armenia	killed	all	100	120	150				
e	2022-09-13	M	Armenia	killed	all	1000	1000					

=== CSV: quoted commas, doubled quotes, line breaks in quotes, CRLF; TSV escapes written
$ toll-check --normalize data/quoted.csv
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end	note
2022-09, border	2022-09-19	Armenia Security Council	Armenia	killed_or_missing	all	207	207	207				incl. 3 civilians killed,\r\n2 missing
e	2022-09-19	The "council"	Armenia	wounded	all	1293	1293	1293				back\\slash and\ttab

=== CSV to TSV and back through --normalize is stable
$ toll-check -n data/quoted.csv | toll-check -n - | toll-check -n
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end	note
2022-09, border	2022-09-19	Armenia Security Council	Armenia	killed_or_missing	all	207	207	207				incl. 3 civilians killed,\r\n2 missing
e	2022-09-19	The "council"	Armenia	wounded	all	1293	1293	1293				back\\slash and\ttab

=== TSV escapes are decoded and written back the same
$ toll-check -n
--- stdin
event	reported	source	side	category	best	note
e	2022-09-13	S	A	killed	1	tab\there, line\nbreak, cr\r, backslash\\, other \x kept
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end	note
e	2022-09-13	S	A	killed	all	1	1	1				tab\there, line\nbreak, cr\r, backslash\\, other \\x kept

=== a byte-order mark and CRLF line ends are accepted
$ toll-check -n data/bom-crlf.tsv
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end
e	2022-09-13	S	A	killed	all	7	7	7			

=== --csv reads standard input as CSV
$ toll-check --csv -n
--- stdin
event,reported,source,side,category,best
e,2022-09-13,S,A,killed,"1,000"
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end
e	2022-09-13	S	A	killed	all	1000	1000	1000			

=== --tsv reads a .csv name as TSV
$ toll-check --tsv data/quoted.csv
--- stderr
toll-check: data/quoted.csv:1:1: missing required column 'event': the header is one column holding commas; is this a CSV file? read it with --csv
--- exit 1

=== --summary counts rows, series, events and dates
$ toll-check --summary data/good.tsv
--- stdout
rows	series	events	warnings	first_reported	last_reported
5	4	3	0	2009-01-01	2022-09-14

=== several files are one table; columns matched by name
$ toll-check -n data/bom-crlf.tsv data/second.tsv
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end
e	2022-09-13	S	A	killed	all	7	7	7			
e	2022-09-15	S	A	killed	all	9	9	9			
e	2022-09-14	S	A	killed	all	8	8	8			

=== files whose columns differ are read together, the difference said; a file without a column a reports table needs is skipped
$ toll-check data/good.tsv data/other-columns.tsv; toll-agg -g event data/good.tsv data/other-columns.tsv | grep -c .; printf 'event\treported\tsource\tside\tbest\nx\t2022-09-13\tS\tA\t1\n' | toll-check data/good.tsv -; printf 'event\treported\tsource\tside\tcategory\tnote\nx\t2022-09-13\tS\tA\tkilled\tn\n' | toll-check data/good.tsv -
--- stdout
5
--- stderr
toll-check: data/other-columns.tsv:1:1: warning: the columns differ from those of 'data/good.tsv': 'status' (not here) is empty in these rows; 'best' (not here) is empty in these rows; 'high' (not here) is empty in these rows; 'note' (not here) is empty in these rows
toll-agg: data/other-columns.tsv:1:1: warning: the columns differ from those of 'data/good.tsv': 'status' (not here) is empty in these rows; 'best' (not here) is empty in these rows; 'high' (not here) is empty in these rows; 'note' (not here) is empty in these rows
toll-check: -:1:1: no column 'category', which the first file has: a reports table needs it; the file is skipped
toll-check: -:1:1: no figure: none of the columns 'value', 'low', 'best' and 'high' that the first file has; the file is skipped
--- exit 1

=== --normalize keeps qualifier, start, end and other columns in place
$ toll-check -n
--- stdin
note	end	start	qualifier	best	category	side	source	reported	event	url
about	2020-11-10	2020-09-27	~	6,500	killed	all	AFP	2022-09-16	2020-war	https://example.org/a?b=1
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end	note	url
2020-war	2022-09-16	AFP	all	killed	all	6500	6500	6500	~	2020-09-27	2020-11-10	about	https://example.org/a?b=1

=== a header alone is a valid empty table
$ toll-check -n data/header-only.tsv
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end

=== an empty file has no header
$ toll-check data/empty.tsv
--- stderr
toll-check: data/empty.tsv:1:1: no header line
--- exit 1

=== a file of comments and blank lines has no header
$ toll-check
--- stdin
# nothing

# here
--- stderr
toll-check: -:4:1: no header line
--- exit 1

=== comments and blank lines are skipped, lines still counted
$ toll-check
--- stdin
# a comment

event	reported	source	side	category	status	low	best	high
# another

e	2022-09-13	S	A	dead		1		
--- stderr
toll-check: -:6:18: invalid category 'dead' in column 'category': expected killed, wounded, missing, captured, killed_or_missing or casualties
--- exit 1

=== a truncated last row
$ toll-check data/truncated.tsv
--- stderr
toll-check: data/truncated.tsv:3:21: expected 6 fields, found 5
--- exit 1

=== random bytes
$ toll-check data/garbage.bin
--- stderr
toll-check: data/garbage.bin:1:1: invalid UTF-8 in header
--- exit 1

=== missing required column
$ toll-check
--- stdin
event	reported	source	category	best
--- stderr
toll-check: -:1:1: missing required column 'side' (columns: event, reported, source, category, best)
--- exit 1

=== 'value' and 'low' together
$ toll-check
--- stdin
event	reported	source	side	category	low	value
--- stderr
toll-check: -:1:41: columns 'value' and 'low' cannot both be given
--- exit 1

=== no figure column
$ toll-check
--- stdin
event	reported	source	side	category	note
--- stderr
toll-check: -:1:1: no figure column: need 'value' or 'low', 'best', 'high'
--- exit 1

=== duplicate column name
$ toll-check
--- stdin
event	reported	source	side	category	best	source
--- stderr
toll-check: -:1:42: duplicate column 'source'
--- exit 1

=== empty column name
$ toll-check --csv
--- stdin
event,reported,source,side,category,best,
--- stderr
toll-check: -:1:42: empty column name
--- exit 1

=== too few and too many fields
$ toll-check
--- stdin
event	reported	source	side	category	status	low	best	high
e	2022-09-13	S	A	killed		1
e	2022-09-13	S	A	killed		1			extra
--- stderr
toll-check: -:2:27: expected 9 fields, found 7
toll-check: -:3:30: expected 9 fields, found 10
--- exit 1

=== impossible dates and times
$ toll-check --max-errors 0
--- stdin
event	reported	source	side	category	value
e	2022-02-29	S	A	killed	1
e	2022-04-31	S	A	killed	1
e	2022-13-01	S	A	killed	1
e	2022-09-13T24:00Z	S	A	killed	1
e	2022-09-13T10:61Z	S	A	killed	1
e	2022-09-13T10:00:60Z	S	A	killed	1
e	2022-09-13T10:00	S	A	killed	1
e	13/09/2022	S	A	killed	1
e	2022-09-13T10:00+25:00	S	A	killed	1
e	0000-01-01	S	A	killed	1
e		S	A	killed	1
--- stderr
toll-check: -:2:3: invalid date '2022-02-29' in column 'reported': February 2022 has 28 days
toll-check: -:3:3: invalid date '2022-04-31' in column 'reported': April 2022 has 30 days
toll-check: -:4:3: invalid date '2022-13-01' in column 'reported': no month 13
toll-check: -:5:3: invalid date '2022-09-13T24:00Z' in column 'reported': no time 24:00
toll-check: -:6:3: invalid date '2022-09-13T10:61Z' in column 'reported': no time 10:61
toll-check: -:7:3: invalid date '2022-09-13T10:00:60Z' in column 'reported': no time 10:00:60
toll-check: -:9:3: invalid date '13/09/2022' in column 'reported': expected a date: 2022-09-13, 2022-09-13T05:30[:00][Z|+04:00], 13 September 2022, 13-Sep-22, 2022-09, 2022-W37, 2022-Q3, 2022 (others with --date-format)
toll-check: -:10:3: invalid date '2022-09-13T10:00+25:00' in column 'reported': expected a date: 2022-09-13, 2022-09-13T05:30[:00][Z|+04:00], 13 September 2022, 13-Sep-22, 2022-09, 2022-W37, 2022-Q3, 2022 (others with --date-format)
toll-check: -:11:3: invalid date '0000-01-01' in column 'reported': years run from 0001 to 9999
toll-check: -:12:3: missing value in column 'reported'
--- exit 1

=== dates with times and zones are valid
$ toll-check
--- stdin
event	reported	source	side	category	value
e	2024-02-29T23:59:59Z	S	A	killed	1
e	2023-09-19T22:30+04:00	S	A	killed	2
e	2023-09-19T22:30:05-03:30	S	A	killed	3

=== invalid category and status
$ toll-check
--- stdin
event	reported	source	side	category	status	low	best	high
e	2022-09-13	S	A	dead	soldiers	1		
e	2022-09-13	S	A	Killed	Military	1		
--- stderr
toll-check: -:2:18: invalid category 'dead' in column 'category': expected killed, wounded, missing, captured, killed_or_missing or casualties
toll-check: -:2:23: invalid status 'soldiers' in column 'status': expected military, civilian, unknown or all (the default)
toll-check: -:3:18: invalid category 'Killed' in column 'category': expected killed, wounded, missing, captured, killed_or_missing or casualties
toll-check: -:3:25: invalid status 'Military' in column 'status': expected military, civilian, unknown or all (the default)
--- exit 1

=== bad numbers: not a number, negative, past 64 bits
$ toll-check
--- stdin
event	reported	source	side	category	status	low	best	high
e	2022-09-13	S	A	killed		1.5	-3	99999999999999999999
e	2022-09-13	S	A	killed		1,00	12 0000	0x10
--- stderr
toll-check: -:2:26: not a whole number '1.5' in column 'low'
toll-check: -:2:30: negative number '-3' in column 'best'
toll-check: -:2:33: number too large '99999999999999999999' in column 'high'
toll-check: -:3:26: invalid number '1,00' in column 'low'
toll-check: -:3:31: invalid number '12 0000' in column 'best'
toll-check: -:3:39: invalid number '0x10' in column 'high'
--- exit 1

=== figures out of order
$ toll-check
--- stdin
event	reported	source	side	category	status	low	best	high
e	2022-09-13	S	A	killed		20	10	30
e	2022-09-13	S	A	killed		20	40	30
e	2022-09-13	T	A	killed		40		30
--- stderr
toll-check: -:2:29: 'best' 10 is below 'low' 20
toll-check: -:3:29: 'best' 40 is above 'high' 30
toll-check: -:4:26: 'low' 40 is above 'high' 30
--- exit 1

=== no figure stated
$ toll-check
--- stdin
event	reported	source	side	category	status	low	best	high
e	2022-09-13	S	A	killed				
--- stderr
toll-check: -:2:26: no figure: 'low', 'best' and 'high' are all empty
--- exit 1

=== required text missing
$ toll-check
--- stdin
event	reported	source	side	category	status	low	best	high
	2022-09-13					1		
--- stderr
toll-check: -:2:1: missing value in column 'event'
toll-check: -:2:13: missing value in column 'source'
toll-check: -:2:14: missing value in column 'side'
toll-check: -:2:15: missing value in column 'category'
--- exit 1

=== bad values
$ toll-check
--- stdin
event	reported	source	side	category	value
e	2022-09-13	S	A	killed	many
e	2022-09-13	T	A	killed	150-100
e	2022-09-13	U	A	killed	-4
e	2022-09-13	W	A	killed	
e	2022-09-13	X	A	killed	<0
e	2022-09-13	Y	A	killed	>9223372036854775807
--- stderr
toll-check: -:2:25: invalid value 'many' in column 'value': expected 49, 6,500, at least 49, 49+, more than 49, up to 100, fewer than 100, about 6,500, 100-150, 100 to 150, between 100 and 150, 100-150 (120)
toll-check: -:3:25: invalid value '150-100' in column 'value': low is above high
toll-check: -:4:25: negative number '-4' in column 'value'
toll-check: -:5:25: missing value in column 'value'
toll-check: -:6:25: invalid value '<0' in column 'value': expected 49, 6,500, at least 49, 49+, more than 49, up to 100, fewer than 100, about 6,500, 100-150, 100 to 150, between 100 and 150, 100-150 (120)
toll-check: -:7:25: number too large '>9223372036854775807' in column 'value'
--- exit 1

=== start after end, bad start, bad qualifier
$ toll-check
--- stdin
event	reported	source	side	category	best	qualifier	start	end
e	2022-09-13	S	A	killed	1	~	2020-11-10	2020-09-27
e	2022-09-13	T	A	killed	1	about	2020-02-30	
--- stderr
toll-check: -:2:29: 'start' 2020-11-10 is after 'end' 2020-09-27
toll-check: -:3:27: invalid qualifier 'about' in column 'qualifier'
toll-check: -:3:33: invalid date '2020-02-30' in column 'start': February 2020 has 29 days
--- exit 1

=== duplicate revision: a warning, counted once
$ toll-check --summary
--- stdin
event	reported	source	side	category	status	low	best	high
e	2022-09-13	S	A	killed		5		
e	2022-09-13	S	A	killed		5		
--- stdout
rows	series	events	warnings	first_reported	last_reported
2	1	1	1	2022-09-13	2022-09-13
--- stderr
toll-check: -:3:3: warning: duplicate revision: same series, date and figure as line 2; counted once

=== conflicting revisions
$ toll-check
--- stdin
event	reported	source	side	category	status	low	best	high
e	2022-09-13	S	A	killed		5		
e	2022-09-13T00:00Z	S	A	killed			6	
--- stderr
toll-check: -:3:3: conflicting revisions: same series and date as line 2, different figure
--- exit 1

=== conflicting revisions across files
$ toll-check data/second.tsv -
--- stdin
event	reported	source	side	category	best
e	2022-09-15	S	A	killed	10
--- stderr
toll-check: -:2:3: conflicting revisions: same series and date as data/second.tsv:2, different figure
--- exit 1

=== 'at least 5' and '5' differ
$ toll-check
--- stdin
event	reported	source	side	category	status	low	best	high
e	2022-09-13	S	A	killed		5		
e	2022-09-13	S	A	killed			5	
--- stderr
toll-check: -:3:3: conflicting revisions: same series and date as line 2, different figure
--- exit 1

=== an unterminated quote at the end of a CSV file
$ toll-check --csv
--- stdin
event,reported,source,side,category,best
e,2022-09-13,S,A,killed,"5
--- stderr
toll-check: -:2:25: unterminated quoted field
--- exit 1

=== stray quotes in CSV
$ toll-check --csv
--- stdin
event,reported,source,side,category,best
e,2022-09-13,S "x",A,killed,5
e,2022-09-13,"S"x,A,killed,5
e,2022-09-14,S,A,killed,5
--- stderr
toll-check: -:2:16: unexpected quote in unquoted field
toll-check: -:3:17: unexpected character after closing quote
--- exit 1

=== invalid UTF-8 and NUL bytes
$ printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2022-09-13\tS\377\tA\tkilled\t1\ne\t2022-09-14\tS\tA\000\tkilled\t1\n' | toll-check
--- stderr
toll-check: -:2:14: invalid UTF-8 in column 'source'
toll-check: -:3:16: NUL byte in column 'side'
--- exit 1

=== invalid values are shown safely in messages
$ printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2022-09-13\tS\tA\tkilled\t1\\t2\001\033[31m\n' | toll-check
--- stderr
toll-check: -:2:25: invalid number '1\x092\x01\x1b[31m' in column 'best'
--- exit 1

=== text in any script
$ toll-check -n
--- stdin
event	reported	source	side	category	value
2022-09	2022-09-13	Հայաստանի ՊՆ	Hայաստան	killed	49
2022-09	2022-09-13	Azərbaycan MN	Azərbaycan	killed	50
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end
2022-09	2022-09-13	Հայաստանի ՊՆ	Hայաստան	killed	all	49	49	49			
2022-09	2022-09-13	Azərbaycan MN	Azərbaycan	killed	all	50	50	50			

=== invalid rows give no output rows
$ toll-check -n
--- stdin
event	reported	source	side	category	status	low	best	high
e	2022-09-13	S	A	killed		5		
e	2022-09-13	T	A	killed		x		
--- stderr
toll-check: -:3:26: invalid number 'x' in column 'low'
--- exit 1

=== --max-errors stops early
$ toll-check --max-errors 2
--- stdin
event	reported	source	side	category	status	low	best	high
e	2022-09-13	S	A	killed		x		
e	2022-09-13	S	A	killed		y		
e	2022-09-13	S	A	killed		z		
--- stderr
toll-check: -:2:26: invalid number 'x' in column 'low'
toll-check: -:3:26: invalid number 'y' in column 'low'
toll-check: stopped after 2 errors
--- exit 1

=== --max-errors 0 has no limit
$ toll-check -m 0
--- stdin
event	reported	source	side	category	status	low	best	high
e	2022-09-13	S	A	killed		x		
e	2022-09-13	S	A	killed		y		
e	2022-09-13	S	A	killed		z		
--- stderr
toll-check: -:2:26: invalid number 'x' in column 'low'
toll-check: -:3:26: invalid number 'y' in column 'low'
toll-check: -:4:26: invalid number 'z' in column 'low'
--- exit 1

=== a 5 MB field
$ awk 'BEGIN { printf "event\treported\tsource\tside\tcategory\tbest\n"; s = "x"; for (i = 0; i < 22; i++) s = s s; s = s substr(s, 1, 1048576); printf "%s\t2022-09-13\tS\tA\tkilled\t1\n", s }' | toll-check --summary
--- stdout
rows	series	events	warnings	first_reported	last_reported
1	1	1	0	2022-09-13	2022-09-13

=== 50,000 columns
$ awk 'BEGIN { printf "event\treported\tsource\tside\tcategory\tbest"; for (i = 0; i < 50000; i++) printf "\tc%d", i; printf "\n" }' | toll-check --summary
--- stdout
rows	series	events	warnings	first_reported	last_reported
0	0	0	0		

=== a record past 64 MiB is refused
$ awk 'BEGIN { printf "event\treported\tsource\tside\tcategory\tbest\n"; s = "x"; for (i = 0; i < 27; i++) s = s s; print s }' | toll-check
--- stderr
toll-check: -:2:1: record longer than 64 MiB; rest of file skipped
--- exit 1

=== nonexistent file
$ toll-check data/nonexistent.tsv
--- stderr
toll-check: cannot open 'data/nonexistent.tsv': No such file or directory
--- exit 2

=== a directory
$ toll-check data
--- stderr
toll-check: cannot read 'data': Is a directory
--- exit 2

=== an unreadable file does not stop the others
$ toll-check data/nonexistent.tsv data/empty.tsv data/good.tsv
--- stderr
toll-check: cannot open 'data/nonexistent.tsv': No such file or directory
toll-check: data/empty.tsv:1:1: no header line
--- exit 2

=== a full disk on standard output
$ toll-check -n data/good.tsv >/dev/full
--- stderr
toll-check: cannot write standard output: No space left on device
--- exit 2

=== --max-errors needs a number
$ toll-check --max-errors=many data/good.tsv
--- stderr
toll-check: invalid --max-errors 'many': expected a whole number
Try 'toll-check --help' for more information.
--- exit 2

=== --max-errors needs a value
$ toll-check data/good.tsv --max-errors
--- stderr
toll-check: option '--max-errors' needs a value
Try 'toll-check --help' for more information.
--- exit 2

=== unknown long option
$ toll-check --frobnicate
--- stderr
toll-check: unknown option '--frobnicate'
Try 'toll-check --help' for more information.
--- exit 2

=== unknown short option
$ toll-check -x
--- stderr
toll-check: unknown option '-x'
Try 'toll-check --help' for more information.
--- exit 2

=== --normalize and --summary exclude each other
$ toll-check -n -s data/good.tsv
--- stderr
toll-check: --normalize and --summary cannot be used together
Try 'toll-check --help' for more information.
--- exit 2

=== --version: the release in src/VERSION, and the commit git describes
$ v=$(cat ../src/VERSION); toll-check --version | sed -E "s/^toll-check \\(toll\\) $v \\(git [0-9a-f]{7,}(-dirty)?\\)$/ok/"
--- stdout
ok

=== --help
$ toll-check --help
--- stdout
Usage: toll-check [OPTION]... [FILE]...
Validate report tables: every rule of the toll format, every row.
With no FILE, or when FILE is -, read standard input.  Several files are
read as one table.

  -n, --normalize      write the table as canonical TSV: columns in the
                       order of the format, figures completed (but a
                       best no source stated: left empty), 'value'
                       expanded to low, best, high and qualifier
  -s, --summary        write one row of counts: rows, series, events,
                       warnings, first and last report date
  -a, --as-of=T        with -n or -s: only the rows reported by T
                       (YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] with Z or
                       +HH:MM); every row is checked all the same
      --threads=N      read a large TSV file with N threads (default: the
                       processors, at most 8); the output is the same
                       whatever N
      --part=I/K       read only part I of K: the rows of the events whose
                       hash leaves I - 1 divided by K (toll(7), PARTS);
                       the K parts hold every row once
      --csv            read every input as CSV (default: CSV for names
                       ending in .csv, TSV otherwise)
      --tsv            read every input as TSV
      --delimiter=C    fields are split at C (one character, or '\t'),
                       quoted as in CSV
      --no-header      no header line: the columns are named by --names,
                       else 1, 2, 3, ...
      --names=A,B,...  the columns' names (with a header: renames them)
      --na=LIST        spellings of "not stated", comma-separated, besides
                       the empty field (default: NA,N/A,NaN,null; '': none)
      --date-format=P  also read dates by the strptime pattern P, e.g.
                       %m/%d/%Y (may be repeated)
  -m, --max-errors=N   stop after N problems (default 20; 0: no limit)
  -h, --help           show this help and exit
  -V, --version        show the version and exit

Problems are reported as 'toll-check: FILE:LINE:COL: message'; a table
with problems gives no output rows.
Exit status: 0 valid, 1 invalid data, 2 usage or I/O error.

Example: toll-check --normalize reports.csv > reports.tsv

=== rows out of order of report in a file are checked in a second reading
$ toll-check data/out-of-order.tsv
--- stderr
toll-check: data/out-of-order.tsv:5:3: warning: duplicate revision: same series, date and figure as line 3; counted once
toll-check: data/out-of-order.tsv:4:3: conflicting revisions: same series and date as line 2, different figure
toll-check: data/out-of-order.tsv:7:3: warning: duplicate revision: same series, date and figure as line 6; counted once
--- exit 1

=== the same rows from a pipe are checked in one reading
$ cat data/out-of-order.tsv | toll-check
--- stderr
toll-check: -:4:3: conflicting revisions: same series and date as line 2, different figure
toll-check: -:5:3: warning: duplicate revision: same series, date and figure as line 3; counted once
toll-check: -:7:3: warning: duplicate revision: same series, date and figure as line 6; counted once
--- exit 1

=== a NUL byte in the header
$ printf 'event\treported\000\tsource\n' | toll-check
--- stderr
toll-check: -:1:7: NUL byte in header
--- exit 1

=== invalid UTF-8 in a field past the last column
$ printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2022-09-13\tS\tA\tkilled\t1\t\377\n' | toll-check
--- stderr
toll-check: -:2:27: invalid UTF-8 in field 7
--- exit 1

=== every curated dataset is valid, and they read as one table (the one fall, 3,822 to 3,773, is tagged [correction])
$ toll-check --summary ../datasets/*.tsv
--- stdout
rows	series	events	warnings	first_reported	last_reported
109	60	5	0	2008-01-01	2023-12-22T14:42+04:00

=== invalid UTF-8 past the last column of a second file
$ printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2022-09-13\tS\tA\tkilled\t1\t\377\n' | toll-check data/header-only.tsv -
--- stderr
toll-check: -:2:27: invalid UTF-8 in field 7
--- exit 1

=== quoted and escaped fields in any script
$ toll-check --csv -n
--- stdin
event,reported,source,side,category,best,note
"Հայաստան",2022-09-13,"ՊՆ, ""Armenia""",Azərbaycan,killed,1,"Россия
عربي"
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end	note
Հայաստան	2022-09-13	ՊՆ, "Armenia"	Azərbaycan	killed	all	1	1	1				Россия\nعربي

=== a closed pipe on standard output: an end by SIGPIPE, without a word, as GNU tools end
$ { sleep 1; toll-check -n data/good.tsv; echo "exit $?" >&2; } | true
--- stderr
exit 141

=== --normalize keeps duplicate revisions (a warning each): it rewrites the table, not its meaning
$ toll-check -n
--- stdin
event	reported	source	side	category	best
e	2022-09-13	S	A	killed	5
e	2022-09-13	S	A	killed	5
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end
e	2022-09-13	S	A	killed	all	5	5	5			
e	2022-09-13	S	A	killed	all	5	5	5			
--- stderr
toll-check: -:3:3: warning: duplicate revision: same series, date and figure as line 2; counted once

=== --as-of with --normalize: the rows reported by T (at exactly T too)
$ toll-check -n --as-of 2022-09-14T06:00Z data/rev.tsv | cut -f2,3,8
--- stdout
reported	source	best
2022-09-13	A	49
2022-09-14T06:00Z	A	105
2022-09-13	B	50
2022-09-13	Z	0
2022-09-14	Z	5
--- stderr
toll-check: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== --as-of with --summary: counts as of T
$ toll-check -s --as-of 2022-09-14 data/agg.tsv
--- stdout
rows	series	events	warnings	first_reported	last_reported
4	3	1	0	2022-09-13	2022-09-14

=== --as-of before every report: no rows, no series
$ toll-check -s --as-of 2000-01-01 data/rev.tsv
--- stdout
rows	series	events	warnings	first_reported	last_reported
0	0	0	1		
--- stderr
toll-check: data/rev.tsv:9:26: warning: 'best' 78 is below 79, the series' revision before it (line 8): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== --as-of checks every row all the same
$ toll-check -s --as-of 2000-01-01
--- stdin
event	reported	source	side	category	best
e	2022-09-13	S	A	killed	5
e	2022-09-13	S	A	killed	6
--- stderr
toll-check: -:3:3: conflicting revisions: same series and date as line 2, different figure
--- exit 1

=== --as-of alone is a usage error
$ toll-check --as-of 2022-09-13 data/rev.tsv
--- stderr
toll-check: --as-of needs --normalize or --summary: every row is checked
Try 'toll-check --help' for more information.
--- exit 2

=== bad --as-of
$ toll-check -s --as-of 2022-09-31 data/rev.tsv
--- stderr
toll-check: invalid --as-of '2022-09-31': September 2022 has 30 days
Try 'toll-check --help' for more information.
--- exit 2

=== the reserved side 'all' holds every side; other spellings of it are sides of their own: a warning
$ toll-check
--- stdin
event	reported	source	side	category	best
e	2022-09-13	S	all sides	killed	5
e	2022-09-13	T	All	killed	5
e	2022-09-13	U	both sides	killed	5
e	2022-09-13	V	all	killed	5
e	2022-09-13	W	alliance	killed	5
--- stderr
toll-check: -:2:16: warning: side 'all sides' is a side of its own: the side that holds every side is written 'all'
toll-check: -:3:16: warning: side 'All' is a side of its own: the side that holds every side is written 'all'
toll-check: -:4:16: warning: side 'both sides' is a side of its own: the side that holds every side is written 'all'

=== a cumulative figure that falls is questioned, naming both lines; missing and captured may fall
# A falls from 105 to 50 (killed); C's missing fall as the missing are found: no warning.
$ toll-check --summary
--- stdin
event	reported	source	side	category	best
e	2022-09-13	A	X	killed	49
e	2022-09-14	A	X	killed	105
e	2022-09-15	A	X	killed	50
e	2022-09-15	A	X	wounded	10
e	2022-09-16	A	X	wounded	9
e	2022-09-13	C	X	missing	100
e	2022-09-14	C	X	missing	30
--- stdout
rows	series	events	warnings	first_reported	last_reported
7	3	1	2	2022-09-13	2022-09-16
--- stderr
toll-check: -:4:25: warning: 'best' 50 is below 105, the series' revision before it (line 3): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-check: -:6:26: warning: 'best' 9 is below 10, the series' revision before it (line 5): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== ... judged against the revision reported just before it, also when rows come out of order, in a file or a pipe
# 100 (09-13), 50 (09-15), then 40 (09-14): 50 < 100 and 40 < 100; the same in one reading and in two.
$ printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2022-09-13\tA\tX\tkilled\t100\ne\t2022-09-15\tA\tX\tkilled\t50\ne\t2022-09-14\tA\tX\tkilled\t40\n' >"$TEST_TMP/o.tsv"; toll-check "$TEST_TMP/o.tsv" 2>&1 | sed "s|$TEST_TMP/||"; toll-check <"$TEST_TMP/o.tsv"
--- stdout
toll-check: o.tsv:3:25: warning: 'best' 50 is below 100, the series' revision before it (line 2): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-check: o.tsv:4:25: warning: 'best' 40 is below 100, the series' revision before it (line 2): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
--- stderr
toll-check: -:3:25: warning: 'best' 50 is below 100, the series' revision before it (line 2): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-check: -:4:25: warning: 'best' 40 is below 100, the series' revision before it (line 2): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== within: one holder per side and event, no side within itself or a side within it, 'all' within none
$ toll-check
--- stdin
event	reported	source	side	category	best	within
e	2020-01-01	A	Artsakh	killed	5	Armenia
e	2020-01-02	A	Artsakh	killed	6	Armenia
e	2020-01-01	B	Artsakh	killed	5	Russia
e	2020-01-01	B	Armenia	killed	50	Artsakh
e	2020-01-01	C	X	killed	50	X
f	2020-01-01	C	Armenia	killed	50	Artsakh
e	2020-01-01	C	all	killed	50	X
e	2020-01-01	D	Y	killed	50	all
--- stderr
toll-check: -:4:33: the side is within 'Armenia' on line 2, within 'Russia' here: a side has one holder in an event
toll-check: -:5:34: 'Armenia' cannot be within 'Artsakh', which is within it (line 2)
toll-check: -:6:28: invalid side 'X' in column 'within': a side cannot be within itself
toll-check: -:8:30: the side 'all' holds every side: it is within none
--- exit 1

=== within is kept where it stands by --normalize
$ toll-check -n data/within.tsv | head -2
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end	within
w	2021-08-26	gov	Armenia	killed	all	3777	3777	3777				

=== a file converted to CRLF twice is refused, not read with every high dropped
$ printf 'event\treported\tsource\tside\tcategory\tlow\tbest\thigh\r\r\ne\t2022-09-13\tS\tA\tkilled\t49\t49\t60\r\r\n' | toll-check
--- stderr
toll-check: -:1:50: carriage return (CR) in header (a TSV field writes one as \r; CRLF ends a line only once)
--- exit 1

=== a raw carriage return inside a TSV field is an error at its place
$ printf 'event\treported\tsource\tside\tcategory\tbest\ne\t2022-09-13\tS\tA\r B\tkilled\t49\r\n' | toll-check
--- stderr
toll-check: -:2:17: carriage return (CR) in column 'side' (a TSV field writes one as \r; CRLF ends a line only once)
--- exit 1

=== an instant is within 0001 to 9999 once its zone is applied
$ printf 'event\treported\tsource\tside\tcategory\tbest\ne\t9999-12-31T23:59-14:00\tS\tA\tkilled\t1\ne\t0001-01-01T00:00+14:00\tS\tA\tkilled\t1\n' | toll-check
--- stderr
toll-check: -:2:3: invalid date '9999-12-31T23:59-14:00' in column 'reported': in UTC it falls outside 0001-01-01 to 9999-12-31
toll-check: -:3:3: invalid date '0001-01-01T00:00+14:00' in column 'reported': in UTC it falls outside 0001-01-01 to 9999-12-31
--- exit 1

=== a fall is a fall of best: a range reaching below the last best is none, nor is an unchanged best
$ printf 'event\treported\tsource\tside\tcategory\tlow\tbest\thigh\ne\t2022-09-13\tS\tA\tkilled\t100\t100\t100\ne\t2022-09-14\tS\tA\tkilled\t80\t120\t150\ne\t2022-09-15\tS\tA\tkilled\t90\t120\t\ne\t2022-09-16\tS\tA\tkilled\t\t110\t\n' | toll-check
--- stderr
toll-check: -:5:26: warning: 'best' 110 is below 120, the series' revision before it (line 4): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== a fall whose note says [correction] (in any case) is known: not warned again; the word alone, or the tag on another row, is not the tag
$ printf 'event\treported\tsource\tside\tcategory\tbest\tnote\ne\t2022-09-13\tS\tA\tkilled\t100\t\ne\t2022-09-14\tS\tA\tkilled\t90\trecount [correction] of the 13th\ne\t2022-09-15\tS\tA\tkilled\t80\ta correction\ne\t2022-09-16\tS\tA\tkilled\t120\t[correction]\ne\t2022-09-17\tS\tA\tkilled\t110\t[Correction]\ne\t2022-09-18\tS\tA\tkilled\t100\t(correction)\n' | toll-check --summary
--- stdout
rows	series	events	warnings	first_reported	last_reported
6	1	1	2	2022-09-13	2022-09-18
--- stderr
toll-check: -:4:25: warning: 'best' 80 is below 90, the series' revision before it (line 3): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-check: -:7:25: warning: 'best' 100 is below 110, the series' revision before it (line 6): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)

=== claimant: who makes the claim, a party or none; 'all' is no one's claim
$ printf 'event\treported\tsource\tside\tclaimant\tcategory\tbest\ne\t2022-09-13\tS\tA\tall\tkilled\t1\ne\t2022-09-13\tT\tA\tB\tkilled\t1\ne\t2022-09-13\tU\tA\t\tkilled\t1\n' | toll-check
--- stderr
toll-check: -:2:18: claimant 'all': a claim is one party's; leave it empty for a source that is no party
--- exit 1

=== --normalize writes claimant after the figure's columns, before the others
$ printf 'claimant\tevent\treported\tsource\tside\tcategory\tbest\tnote\nB\te\t2022-09-13\tT\tA\tkilled\t1\tx\n\te\t2022-09-13\tU\tA\tkilled\t2\ty\n' | toll-check -n
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end	claimant	note
e	2022-09-13	T	A	killed	all	1	1	1				B	x
e	2022-09-13	U	A	killed	all	2	2	2					y

=== claimant: a series is one party's claims: another claimant on a revision of it is an error, naming the first
$ printf 'event\treported\tsource\tside\tclaimant\tcategory\tbest\ne\t2022-09-19\tAFP\tAz\tAz\tkilled\t79\ne\t2022-10-14\tAFP\tAz\tArm\tkilled\t430\ne\t2022-10-15\tAFP\tAz\t\tkilled\t431\ne\t2022-10-15\tAFP\tArm\t\tkilled\t1\ne\t2022-10-16\tAFP\tArm\tAz\tkilled\t2\ne\t2022-10-16\tMoD\tAz\tAz\tkilled\t80\n' | toll-check
--- stderr
toll-check: -:3:21: claimant 'Arm' here, 'Az' on line 2, in one series (the same event, side, status, category and source): a series is one party's claims; give the other party's claims a source of their own
toll-check: -:4:21: no claimant here, 'Az' on line 2, in one series (the same event, side, status, category and source): a series is one party's claims; give the other party's claims a source of their own
toll-check: -:6:22: claimant 'Az' here, none on line 5, in one series (the same event, side, status, category and source): a series is one party's claims; give the other party's claims a source of their own
--- exit 1

=== kind: a figure that is not a total (toll-extract's earlier, increment, part, other) is checked, then left out of every series, said once
$ printf 'event\treported\tsource\tside\tcategory\tbest\tkind\ne\t2022-09-14\tAFP\tall\tkilled\t105\ttotal\ne\t2022-09-14\tAFP\tall\tkilled\t49\tprevious\ne\t2022-09-14\tAFP\tall\tkilled\t16\tincrement\ne\t2022-09-14\tAFP\tall\tkilled\t\tpart\n' | toll-check -n
--- stderr
toll-check: -:5:29: no figure: 'low', 'best' and 'high' are all empty
toll-check: -:3: warning: 2 rows are not a total (kind increment, previous, part or other; the first on this line): no toll counts them
--- exit 1

=== kind: an invalid kind says which are valid
$ printf 'event\treported\tsource\tside\tcategory\tbest\tkind\ne\t2022-09-14\tAFP\tall\tkilled\t105\tTotal\ne\t2022-09-14\tAFP\tall\tkilled\t5\t\n' | toll-check
--- stderr
toll-check: -:2:33: invalid kind 'Total' in column 'kind': expected total (the default), increment, previous, part or other
--- exit 1
