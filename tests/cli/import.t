# toll-import: exports in, the reports table out (tests/real/run.sh checks
# the real public files against independent computations).

=== the help names the formats
$ toll-import --help | sed -n '1p;9,13p'
--- stdout
Usage: toll-import FORMAT [OPTION]... [FILE]...
  acled     ACLED exports: the current layout, the older one (data_id,
            event_id_no_cnty) and the upper-case one, found by the header.
            event: event_id_cnty (else data_id); start, end and reported:
            event_date; source ACLED (ACLED's own in acled_source); side
            all; status civilian for violence against civilians, else

=== a FORMAT is needed
$ toll-import
--- stderr
toll-import: a FORMAT is needed: acled, ucdp-ged or table
Try 'toll-import --help' for more information.
--- exit 2

=== an unknown format
$ toll-import acled2 data/acled-v1.csv
--- stderr
toll-import: unknown format 'acled2': expected acled, ucdp-ged or table
Try 'toll-import --help' for more information.
--- exit 2

=== options of another format are refused, not ignored
$ toll-import table --split-sides data/ged.csv; toll-import ucdp-ged --deleted x data/ged.csv; toll-import acled --row-events data/acled-v1.csv; toll-import table --reported 2022-01-01 data/ged.csv
--- stderr
toll-import: --split-sides is for ucdp-ged
Try 'toll-import --help' for more information.
toll-import: --deleted is for acled
Try 'toll-import --help' for more information.
toll-import: --row-events is for table
Try 'toll-import --help' for more information.
toll-import: --reported is for acled and ucdp-ged: give --set reported=DATE
Try 'toll-import --help' for more information.
--- exit 2

=== acled: one export, dates as ACLED writes them, NA not stated, line breaks kept
$ toll-import acled data/acled-v1.csv
--- stdout
event	reported	source	side	category	status	low	best	high	start	end	acled_source	country	admin1	admin2	admin3	event_type	sub_event_type	actor1	actor2	latitude	longitude	iso3	notes
ARM1	2022-09-13	ACLED	all	killed	all		49		2022-09-13	2022-09-13	Armenian MoD	Armenia	Syunik	Goris		Battles	Armed clash	Military Forces of Azerbaijan (2003-)	Military Forces of Armenia (2018-)	39.5	46.3		Clashes on the border.\n49 soldiers killed.
ARM2	2022-09-14	ACLED	all	killed	civilian		1		2022-09-14	2022-09-14	Armenian MoD	Armenia	Gegharkunik	Vardenis		Violence against civilians	Attack	Military Forces of Azerbaijan (2003-)	Civilians (Armenia)	40.2	45.7		A civilian killed.
ARM3	2022-09-15	ACLED	all	killed	all		3		2022-09-15	2022-09-15	Armenian MoD	Armenia	Vayots Dzor	Jermuk		Battles	Armed clash	Military Forces of Armenia (2018-)		39.8	45.7		Shelling.
--- stderr
toll-import: acled (current layout): 3 read, 3 written, 0 refused, 0 widened, 0 defaulted

=== acled: successive exports are revisions by timestamp; deletions withdraw events
$ toll-import acled --reported timestamp --deleted data/acled-deleted.csv data/acled-v1.csv data/acled-v2.csv | cut -f 1-9,24-
--- stdout
event	reported	source	side	category	status	low	best	high	notes	note
ARM1	2022-09-13T20:13:20Z	ACLED	all	killed	all		49		Clashes on the border.\n49 soldiers killed.	
ARM2	2022-09-15	ACLED	all	killed	civilian		1		A civilian killed.	
ARM3	2022-09-16T03:46:40Z	ACLED	all	killed	all		3		Shelling.	
ARM1	2022-09-17T07:33:20Z	ACLED	all	killed	all		105		Revised.	
ARM2	2022-09-18T11:20:00Z	ACLED	all	killed	civilian		0			[correction] deleted by ACLED
ARM9	2022-09-18T11:20:00Z	ACLED	all	killed	all		0			[correction] deleted by ACLED
--- stderr
toll-import: acled (current layout): 8 read, 6 written, 0 refused, 0 widened, 0 defaulted, 2 unchanged, 2 deletions

=== acled: the revisions read back: what ACLED said on a day, and how it changed; a deletion is a known correction (no warning); status all holds the civilian event too
$ toll-import acled --reported timestamp --deleted data/acled-deleted.csv data/acled-v1.csv data/acled-v2.csv 2>/dev/null >"$TEST_TMP/rev.tsv"; cd "$TEST_TMP" && toll-agg -g event --as-of 2022-09-15 rev.tsv; toll-agg -g status rev.tsv 2>/dev/null
--- stdout
event	low	best	high	events	series	qualifier	best_by	adversary
ARM1	49	49	49	1	1		sources	
ARM2	1	1	1	1	1		sources	
status	low	best	high	events	series	qualifier	best_by	adversary
all	108	108	108	4	4		sources	
civilian	0	0	0	1	1		sources	

=== acled: --reported takes event_date or timestamp
$ toll-import acled --reported 2022-01-01 data/acled-v1.csv
--- stderr
toll-import: invalid --reported '2022-01-01' for acled: expected event_date or timestamp
Try 'toll-import --help' for more information.
--- exit 2

=== acled: rows coded less precisely left out, and counted
$ toll-import acled --time-precision 2 --geo-precision 1 data/acled-v1.csv | cut -f 1
--- stdout
event
ARM1
--- stderr
toll-import: acled (current layout): 3 read, 1 written, 0 refused, 0 widened, 0 defaulted, 2 left out by precision

=== acled: a precision that is no number
$ toll-import acled --time-precision x data/acled-v1.csv
--- stderr
toll-import: invalid --time-precision 'x': expected a whole number
Try 'toll-import --help' for more information.
--- exit 2

=== acled: rows it cannot read are named and left out; the good ones are written
$ toll-import acled --csv
--- stdin
event_id_cnty,event_date,event_type,country,fatalities,timestamp
A1,9-May-20,Battles,Yemen,7,1589220519
A2,31-Apr-20,Battles,Yemen,1,1589220519
A3,9-May-20,Battles,Yemen,-2,1589220519
A4,9-May-20,Battles,Yemen,NA,1589220519
A5,9-May-20,Battles,Yemen,12a,1589220519
A6,9-May-20,Battles
A7,01-January-2015,Riots/Protests,India,2.00E+01,1589220519
--- stdout
event	reported	source	side	category	status	low	best	high	start	end	acled_source	country	admin1	admin2	admin3	event_type	sub_event_type	actor1	actor2	latitude	longitude	iso3	notes
A1	2020-05-09	ACLED	all	killed	all		7		2020-05-09	2020-05-09		Yemen				Battles							
A7	2015-01-01	ACLED	all	killed	all		20		2015-01-01	2015-01-01		India				Riots/Protests							
--- stderr
toll-import: -:3:4: invalid date '31-Apr-20' in column 'event_date': April 2020 has 30 days
toll-import: -:4:27: negative number '-2' in column 'fatalities'
toll-import: -:6:27: invalid number '12a' in column 'fatalities': expected a whole number from 0
toll-import: -:7:20: expected 6 fields, found 3
toll-import: acled (current layout): 7 read, 2 written, 4 refused, 0 widened, 0 defaulted, 1 skipped (no figure)
--- exit 1

=== acled: however many rows are refused, every good row is written
$ awk 'BEGIN { print "event_id_cnty,event_date,fatalities"; for (i = 0; i < 25; i++) print "A" i ",9-May-20,x"; print "B,9-May-20,1" }' | toll-import acled --csv 2>/dev/null | cut -f 1,8
--- stdout
event	best
B	1

=== acled: -m stops where it is told to
$ awk 'BEGIN { print "event_id_cnty,event_date,fatalities"; for (i = 0; i < 25; i++) print "A" i ",9-May-20,x"; print "B,9-May-20,1" }' | toll-import acled --csv -m 2 | cut -f 1,8
--- stdout
event	best
--- stderr
toll-import: -:2:13: invalid number 'x' in column 'fatalities': expected a whole number from 0
toll-import: -:3:13: invalid number 'x' in column 'fatalities': expected a whole number from 0
toll-import: stopped after 2 errors
toll-import: acled (current layout): 2 read, 0 written, 2 refused, 0 widened, 0 defaulted

=== acled: violence against civilians is civilian however its letters are cased (older releases write both)
$ printf 'GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ALLY_ACTOR_1,COUNTRY,FATALITIES\n51,1AR,1,01-January-2015,2015,1,Violence against civilians,,Armenia,1\n51,2AR,2,01-January-2015,2015,1,Violence Against Civilians,,Armenia,2\n51,3AR,3,01-January-2015,2015,1,VIOLENCE AGAINST CIVILIANS,,Armenia,4\n51,4AR,4,01-January-2015,2015,1,Violence against civilians (attack),,Armenia,8\n' | toll-import acled --csv | cut -f 1,6,8
--- stdout
event	status	best
1AR	civilian	1
2AR	civilian	2
3AR	civilian	4
4AR	all	8
--- stderr
toll-import: acled (upper-case layout): 4 read, 4 written, 0 refused, 0 widened, 0 defaulted

=== acled: --set status overrides ACLED's rule
$ toll-import acled --set status=unknown data/acled-v1.csv 2>/dev/null | cut -f 1,6
--- stdout
event	status
ARM1	unknown
ARM2	unknown
ARM3	unknown

=== acled: not an ACLED export
$ toll-import acled data/ged.csv
--- stderr
toll-import: data/ged.csv:1: not an ACLED export: missing column 'event_id_cnty' (columns: id, year, active_year, type_of_violence, conflict_name, dyad_name, side_a, side_b, where_prec, date_prec, country, region, latitude, longitude, date_start, date_end, deaths_a, deaths_b, deaths_civilians, deaths_unknown, best, high, low); a reduced export: give --map event=COLUMN
--- exit 1

=== acled: --reported timestamp needs the column
$ toll-import acled --reported timestamp --csv
--- stdin
event_id_cnty,event_date,fatalities
A1,9-May-20,7
--- stderr
toll-import: -:1: --reported timestamp: missing column 'timestamp' (columns: event_id_cnty, event_date, fatalities)
--- exit 1

=== acled: a deletion list that is not one
$ toll-import acled --deleted data/acled-v2.csv data/acled-v1.csv | cut -f 1
--- stdout
event
ARM1
ARM2
ARM3
--- stderr
toll-import: data/acled-v2.csv:1: not an ACLED deletion list: missing column 'deleted_timestamp' (columns: event_id_cnty, event_date, year, time_precision, event_type, sub_event_type, actor1, actor2, country, admin1, admin2, admin3, latitude, longitude, geo_precision, source, notes, fatalities, timestamp)
toll-import: acled (current layout): 3 read, 3 written, 0 refused, 0 widened, 0 defaulted, 0 deletions

=== ucdp-ged: figures widened to hold best, dates of GED's CSV, a bad number named
$ toll-import ucdp-ged data/ged.csv
--- stdout
event	reported	source	side	category	status	low	best	high	start	end	type_of_violence	conflict_name	dyad_name	country	region	where_prec	date_prec	latitude	longitude	active_year
1	2020-09-27	UCDP GED	all	killed	all	30	35	40	2020-09-27	2020-09-27	1	Azerbaijan: Nagorno-Karabakh	Government of Azerbaijan - Republic of Artsakh	Azerbaijan	Europe	1	1	39.8	46.7	1
2	2020-10-31	UCDP GED	all	killed	all	1	2	3	2020-10-01	2020-10-31	1	Azerbaijan: Nagorno-Karabakh	Government of Azerbaijan - Republic of Artsakh	Azerbaijan	Europe	4	3	39.8	46.7	1
--- stderr
toll-import: data/ged.csv:4:229: invalid number 'x' in column 'low': expected a whole number from 0
toll-import: ucdp-ged: 3 read, 2 written, 1 refused, 1 widened, 0 defaulted
--- exit 1

=== ucdp-ged: --split-sides, the sides' deaths under the event's high
$ toll-import ucdp-ged --split-sides data/ged.csv 2>/dev/null | cut -f 1-11
--- stdout
event	reported	source	side	category	status	low	best	high	start	end
1	2020-09-27	UCDP GED	all	killed	all	30	35	40	2020-09-27	2020-09-27
1	2020-09-27	UCDP GED	Government of Azerbaijan	killed	military	0	10	40	2020-09-27	2020-09-27
1	2020-09-27	UCDP GED	Republic of Artsakh	killed	military	0	20	40	2020-09-27	2020-09-27
1	2020-09-27	UCDP GED	all	killed	civilian	0	5	40	2020-09-27	2020-09-27
1	2020-09-27	UCDP GED	all	killed	unknown	0	0	40	2020-09-27	2020-09-27
2	2020-10-31	UCDP GED	all	killed	all	1	2	3	2020-10-01	2020-10-31
2	2020-10-31	UCDP GED	Government of Azerbaijan	killed	military	0	1	3	2020-10-01	2020-10-31
2	2020-10-31	UCDP GED	Republic of Artsakh	killed	military	0	1	3	2020-10-01	2020-10-31
2	2020-10-31	UCDP GED	all	killed	civilian	0	0	3	2020-10-01	2020-10-31
2	2020-10-31	UCDP GED	all	killed	unknown	0	0	3	2020-10-01	2020-10-31

=== ucdp-ged: split or not, each death counted once
$ toll-import ucdp-ged data/ged.csv 2>/dev/null | toll-agg -g country; toll-import ucdp-ged --split-sides data/ged.csv 2>/dev/null | toll-agg -g country
--- stdout
country	low	best	high	events	series	qualifier	best_by	adversary
Azerbaijan	31	37	43	2	2		sources	
country	low	best	high	events	series	qualifier	best_by	adversary
Azerbaijan	31	37	43	2	10		sources	

=== ucdp-ged: every order of the three is widened to the smallest interval that holds them
# (GED writes best, high, low; each of the three can be the largest.)
$ printf 'id,date_start,date_end,best,high,low\n1,2020-09-27,2020-09-27,3,10,5\n2,2020-09-27,2020-09-27,12,10,5\n3,2020-09-27,2020-09-27,5,1,10\n4,2020-09-27,2020-09-27,2,9,1\n' | toll-import ucdp-ged --csv | cut -f 1,7-9
--- stdout
event	low	best	high
1	3	3	10
2	5	12	12
3	1	5	10
4	1	2	9
--- stderr
toll-import: ucdp-ged: 4 read, 4 written, 0 refused, 3 widened, 0 defaulted

=== ucdp-ged: --strict refuses what it would widen
$ toll-import ucdp-ged --strict data/ged.csv | cut -f 1
--- stdout
event
1
--- stderr
toll-import: data/ged.csv:3:221: low 3, best 2, high 1 are out of order (--strict)
toll-import: data/ged.csv:4:229: invalid number 'x' in column 'low': expected a whole number from 0
toll-import: ucdp-ged: 3 read, 1 written, 2 refused, 0 widened, 0 defaulted

=== ucdp-ged: a release has its date
$ toll-import ucdp-ged --release 24.1 --reported 2024-06-01 --max-where-prec 2 data/ged.csv 2>&1 | cut -f 1-3,12
--- stdout
toll-import: data/ged.csv:4:229: invalid number 'x' in column 'low': expected a whole number from 0
event	reported	source	release
1	2024-06-01	UCDP GED	24.1
toll-import: ucdp-ged: 3 read, 1 written, 1 refused, 0 widened, 0 defaulted, 1 left out by precision

=== ucdp-ged: a release without its date is refused
$ toll-import ucdp-ged --release 24.1 data/ged.csv
--- stderr
toll-import: --release needs --reported DATE, the release's date: otherwise two releases of one event are reported the same day
Try 'toll-import --help' for more information.
--- exit 2

=== ucdp-ged: --reported must be a date
$ toll-import ucdp-ged --reported yesterday data/ged.csv
--- stderr
toll-import: invalid --reported 'yesterday': expected the release's date
Try 'toll-import --help' for more information.
--- exit 2

=== table: columns mapped, constants set, a default where a field is empty, values mapped, the rest kept
$ toll-import table --csv --map event=battle,side=country,best=numbers,start=from --set reported=2018-11-11,source=wwi,category=casualties,side=unknown --value-map side:Britain=United\ Kingdom --date-format %m/%d/%Y
--- stdin
battle,country,numbers,from,front
Liège,Belgium,20000,8/5/1914,Western
Verdun,France,"428,500",2/21/1916,Western
Masurian Lakes,,2.00E+05,2/7/1915,Eastern
Somme,Britain,420000,7/1/1916,Western
Gallipoli,Turkey,1.5,4/25/1915,Southern
--- stdout
event	reported	source	side	category	status	low	best	high	start	end	front
Liège	2018-11-11	wwi	Belgium	casualties			20000		1914-08-05		Western
Verdun	2018-11-11	wwi	France	casualties			428500		1916-02-21		Western
Masurian Lakes	2018-11-11	wwi	unknown	casualties			200000		1915-02-07		Eastern
Somme	2018-11-11	wwi	United Kingdom	casualties			420000		1916-07-01		Western
--- stderr
toll-import: -:6:18: not a whole number '1.5' in column 'numbers'
toll-import: table: 5 read, 4 written, 1 refused, 0 widened, 1 defaulted
--- exit 1

=== table: columns named as the reports table's are taken as they are, value read in the notation
$ toll-import table --keep where
--- stdin
event	reported	source	side	category	value	where
e1	13 September 2022	Armenia MoD	Armenia	killed	at least 135	Jermuk
e1	2022-09-14	Armenia MoD	Armenia	killed	100-150 (120)	Jermuk
--- stdout
event	reported	source	side	category	status	low	best	high	start	end	where	qualifier
e1	2022-09-13	Armenia MoD	Armenia	killed		135	135				Jermuk	
e1	2022-09-14	Armenia MoD	Armenia	killed		100	120	150			Jermuk	
--- stderr
toll-import: table: 2 read, 2 written, 0 refused, 0 widened, 0 defaulted

=== table: a victim list, one row per person, no header
$ toll-import table --csv --no-header --names n,name,died,status --row-events --map end=died,category=status --set reported=2021-03-01,source=list,side=Armenia --value-map 'category:Զոհված=killed,Անհայտ բացակայող=missing' --keep name
--- stdin
0,Ա,"14 Հոկ, 2020",Զոհված
1,Բ,"27 Սեպ, 2020",Անհայտ բացակայող
2,Գ,"14 Հոկ, 2020",Զոհված
--- stdout
event	reported	source	side	category	status	low	best	high	start	end	name
-:1	2021-03-01	list	Armenia	killed			1			2020-10-14	Ա
-:2	2021-03-01	list	Armenia	missing			1			2020-09-27	Բ
-:3	2021-03-01	list	Armenia	killed			1			2020-10-14	Գ
--- stderr
toll-import: table: 3 read, 3 written, 0 refused, 0 widened, 0 defaulted

=== table: what every reports row needs must come from somewhere
$ toll-import table --csv --map event=a,best=b
--- stdin
a,b
x,1
--- stderr
toll-import: no column gives 'reported': give --map reported=COLUMN or --set reported=VALUE
Try 'toll-import --help' for more information.
--- exit 2

=== table: no figure at all
$ toll-import table --csv --set reported=2022-01-01,source=s,side=a,category=killed
--- stdin
event,n
x,1
--- stderr
toll-import: no column gives the figure: give --map best=COLUMN (or low, high, value)
Try 'toll-import --help' for more information.
--- exit 2

=== table: an unknown input column, with a suggestion
$ toll-import table --csv --map event=battel
--- stdin
battle,n
x,1
--- stderr
toll-import: unknown column 'battel' in --map event=battel: did you mean 'battle'? (columns: battle, n)
Try 'toll-import --help' for more information.
--- exit 2

=== table: --row-events makes the events
$ toll-import table --csv --row-events --map event=a
--- stdin
a,b
x,1
--- stderr
toll-import: --row-events makes the events: 'event' cannot be mapped too
Try 'toll-import --help' for more information.
--- exit 2

=== table: malformed --map, --set and --value-map
$ toll-import table --map event; toll-import table --set =x; toll-import table --value-map category; toll-import table --value-map category:a
--- stderr
toll-import: invalid --map 'event': expected COLUMN=INPUT_COLUMN
Try 'toll-import --help' for more information.
toll-import: invalid --set '=x': expected COLUMN=VALUE
Try 'toll-import --help' for more information.
toll-import: invalid --value-map 'category': expected COLUMN:FROM=TO,...
Try 'toll-import --help' for more information.
toll-import: invalid --value-map 'category:a': expected COLUMN:FROM=TO,...
Try 'toll-import --help' for more information.
--- exit 2

=== table: an unknown column to keep
$ toll-import table --csv --keep nope --set reported=2022-01-01,source=s,side=a,category=killed,best=1
--- stdin
event,n
x,1
--- stderr
toll-import: unknown column 'nope' in --keep (columns: event, n)
Try 'toll-import --help' for more information.
--- exit 2

=== table: a --value-map of no output column
$ toll-import table --csv --value-map zone:a=b --set reported=2022-01-01,source=s,side=a,category=killed,best=1
--- stdin
event,n
x,1
--- stderr
toll-import: --value-map: no output column 'zone'
Try 'toll-import --help' for more information.
--- exit 2

=== toll import runs toll-import
$ toll import table --csv --set reported=2022-01-01,source=s,side=a,category=killed,best=1 --keep ''
--- stdin
event,n
x,1
--- stdout
event	reported	source	side	category	status	low	best	high	start	end
x	2022-01-01	s	a	killed			1			
--- stderr
toll-import: table: 1 read, 1 written, 0 refused, 0 widened, 0 defaulted

=== table: a column mapped twice
$ toll-import table --csv --map event=a,event=b
--- stdin
a,b
x,1
--- stderr
toll-import: column 'event' is mapped twice
Try 'toll-import --help' for more information.
--- exit 2

=== table: a table too wide to keep whole says so, and --keep chooses
$ awk 'BEGIN { printf "event,reported,source,side,category,best"; for (i = 1; i <= 1100; i++) printf ",c%d", i; print ""; printf "e,2022-01-01,s,a,killed,1"; for (i = 1; i <= 1100; i++) printf ",%d", i; print "" }' > wide.csv; toll-import table wide.csv; echo "exit $?"; toll-import table --keep c7,c1100 wide.csv | cut -f 1,12-; rm -f wide.csv
--- stdout
exit 2
event	c7	c1100
e	7	1100
--- stderr
toll-import: too many columns to keep (at most 1023 in all): choose them with --keep
Try 'toll-import --help' for more information.
toll-import: table: 1 read, 1 written, 0 refused, 0 widened, 0 defaulted

=== table: the claimant column is taken as it is, and toll-agg sets the other party's claim aside; ACLED has none (independent)
$ printf 'who\tsaid_by\tby\tn\tday\nAz\tArm\tspeaker\t430\t2022-10-14\nAz\tAz\tMoD\t79\t2022-09-19\nArm\tArm\tgovernment\t225\t2023-04-17\n' | toll-import table --map side=who,claimant=said_by,source=by,best=n,reported=day --set event=e,category=killed 2>/dev/null | tee "$TEST_TMP/c.tsv" | cut -f 3,4,8,12; toll-agg -g side "$TEST_TMP/c.tsv" | cut -f 1-4,9; toll-import acled data/acled-v1.csv 2>/dev/null | head -1 | tr '\t' '\n' | grep claimant || echo 'acled: no claimant column'
--- stdout
source	side	best	claimant
speaker	Az	430	Arm
MoD	Az	79	Az
government	Arm	225	Arm
side	low	best	high	adversary
Arm	225	225	225	
Az	79	79	79	430
acled: no claimant column

=== table: a sparse figure column: rows without a figure (empty, NA, and what --na adds) are left out and counted, exit 0
$ toll-import table --map event=country,best=deaths --set reported=2021-01-01,source=X,side=all,category=killed --keep year --csv --na NA,n/a,-
--- stdin
country,year,deaths
A,2020,5
B,2020,
C,2021,NA
D,2021,-
E,2021,n/a
F,2021,7
--- stdout
event	reported	source	side	category	status	low	best	high	start	end	year
A	2021-01-01	X	all	killed			5				2020
F	2021-01-01	X	all	killed			7				2021
--- stderr
toll-import: table: 6 read, 2 written, 0 refused, 0 widened, 0 defaulted, 4 skipped (no figure)

=== table: --strict refuses a row without a figure, for any format
$ toll-import acled --strict data/acled-v1.csv >/dev/null; toll-import table --strict --map event=country,best=deaths --set reported=2021-01-01,source=X,side=all,category=killed --keep '' --csv
--- stdin
country,deaths
A,5
B,NA
--- stdout
event	reported	source	side	category	status	low	best	high	start	end
A	2021-01-01	X	all	killed			5			
--- stderr
toll-import: acled (current layout): 3 read, 3 written, 0 refused, 0 widened, 0 defaulted
toll-import: -:3:3: missing value in column 'deaths' (--strict: a row without a figure is refused)
toll-import: table: 2 read, 1 written, 1 refused, 0 widened, 0 defaulted
--- exit 1

=== table: the value notation's "about" is kept as the qualifier; an empty value is no figure
$ toll-import table --map event=country,value=claim --set reported=2021-01-01,source=X,side=all,category=killed --keep '' --csv | tee "$TEST_TMP/q.tsv"; toll-agg -g event "$TEST_TMP/q.tsv" | cut -f 1-4,7
--- stdin
country,claim
A,about 2800
B,"2,000-3,000"
C,
D,at least 49
E,nearly 300
--- stdout
event	reported	source	side	category	status	low	best	high	start	end	qualifier
A	2021-01-01	X	all	killed		2800	2800	2800			~
B	2021-01-01	X	all	killed		2000	2500	3000			
D	2021-01-01	X	all	killed		49	49				
E	2021-01-01	X	all	killed		300	300	300			~
event	low	best	high	qualifier
A	2800	2800	2800	~
B	2000	2500	3000	
D	49	49		
E	300	300	300	~
--- stderr
toll-import: table: 5 read, 4 written, 0 refused, 0 widened, 0 defaulted, 1 skipped (no figure)

=== table: a qualifier column in words is read with the best as the value notation reads them
$ toll-import table --map event=country,best=deaths,qualifier=q --set reported=2021-01-01,source=X,side=all,category=killed --keep '' --csv
--- stdin
country,deaths,q
A,2800,about
B,50,more than
C,49,at least
D,100,up to
E,9,~
F,9,vague
G,9,
H,9,perhaps
I,,about
--- stdout
event	reported	source	side	category	status	low	best	high	start	end	qualifier
A	2021-01-01	X	all	killed		2800	2800	2800			~
B	2021-01-01	X	all	killed		51	51				
C	2021-01-01	X	all	killed		49	49				
D	2021-01-01	X	all	killed		0	100	100			
E	2021-01-01	X	all	killed			9				~
F	2021-01-01	X	all	killed			9				vague
G	2021-01-01	X	all	killed			9				
--- stderr
toll-import: -:9:5: invalid qualifier 'perhaps' in column 'q': expected ~, vague, or words the value notation reads before a number: about, at least, more (than), up to, fewer than
toll-import: table: 9 read, 7 written, 1 refused, 0 widened, 0 defaulted, 1 skipped (no figure)
--- exit 1

=== table: a column 'value' beside a figure from best is not kept (it would be a second figure)
$ cat >"$TEST_TMP/v.csv"; toll-import table --map event=country,best=deaths --set reported=2021-01-01,source=X,side=all,category=killed "$TEST_TMP/v.csv" | toll-check; toll-import table --map event=country,best=deaths --set reported=2021-01-01,source=X,side=all,category=killed --keep value "$TEST_TMP/v.csv"
--- stdin
country,deaths,value
A,5,about 5
--- stderr
toll-import: warning: column 'value' is not kept: the figure comes from low, best or high (keep it as text with --map value_text=value)
toll-import: table: 1 read, 1 written, 0 refused, 0 widened, 0 defaulted
toll-import: --keep value: the figure comes from low, best or high, and a column 'value' would be a second one (keep it as text with --map value_text=value)
Try 'toll-import --help' for more information.
--- exit 2

=== a fraction of a person is refused with one message by toll-import and by every reader of the reports table
$ cd "$TEST_TMP"; printf 'id,year,nwound\n1,2012,8.5\n2,2012,3\n' >g.csv; toll-import table --map event=id,best=nwound --set reported=2013-01-01,source=GTD,side=all,category=wounded g.csv >/dev/null; printf 'event\treported\tsource\tside\tcategory\tbest\n1\t2013-01-01\tGTD\tall\twounded\t8.5\n' >g.tsv; toll-check g.tsv; toll-agg g.tsv; toll-rev summary g.tsv; toll-stats sum:best g.tsv
--- stderr
toll-import: g.csv:2:8: not a whole number '8.5' in column 'nwound'
toll-import: table: 2 read, 1 written, 1 refused, 0 widened, 0 defaulted
toll-check: g.tsv:2:30: not a whole number '8.5' in column 'best'
toll-agg: g.tsv:2:30: not a whole number '8.5' in column 'best'
toll-rev: g.tsv:2:30: not a whole number '8.5' in column 'best'
toll-stats: g.tsv:2:30: not a whole number '8.5' in column 'best'
--- exit 1

=== acled: --keep chooses the columns kept (timestamp written as a date); a reduced export without ids takes its event from --map
$ toll-import acled --keep country,timestamp data/acled-v1.csv; toll-import acled --csv --map event=country+event_date --keep '' | cut -f 1,2,8
--- stdin
event_date,country,event_type,fatalities
13 September 2022,Armenia,Battles,49
13 September 2022,Azerbaijan,Battles,50
--- stdout
event	reported	source	side	category	status	low	best	high	start	end	acled_source	country	timestamp
ARM1	2022-09-13	ACLED	all	killed	all		49		2022-09-13	2022-09-13	Armenian MoD	Armenia	2022-09-13T20:13:20Z
ARM2	2022-09-14	ACLED	all	killed	civilian		1		2022-09-14	2022-09-14	Armenian MoD	Armenia	2022-09-15
ARM3	2022-09-15	ACLED	all	killed	all		3		2022-09-15	2022-09-15	Armenian MoD	Armenia	2022-09-16T03:46:40Z
event	reported	best
Armenia/13 September 2022	2022-09-13	49
Azerbaijan/13 September 2022	2022-09-13	50
--- stderr
toll-import: acled (current layout): 3 read, 3 written, 0 refused, 0 widened, 0 defaulted
toll-import: acled (current layout): 2 read, 2 written, 0 refused, 0 widened, 0 defaulted

=== ucdp-ged: --keep and --map as for any format
$ toll-import ucdp-ged --keep country --map event=dyad_name+id data/ged.csv 2>/dev/null | cut -f 1,7-9,12
--- stdout
event	low	best	high	country
Government of Azerbaijan - Republic of Artsakh/1	30	35	40	Azerbaijan
Government of Azerbaijan - Republic of Artsakh/2	1	2	3	Azerbaijan

=== table: a composite key names an event by several columns (a monthly country table); an empty part stays empty
$ toll-import table --map event=iso+period,best=deaths --set reported=2021-01-01,source=X,side=all,category=killed --keep '' --csv >"$TEST_TMP/o.tsv"; echo "exit $?"; cut -f 1,8 "$TEST_TMP/o.tsv"
--- stdin
iso,period,deaths
AFG,2020-01,5
AFG,2020-02,7
SYR,2020-01,3
SYR,,2
,,4
--- stdout
exit 1
event	best
AFG/2020-01	5
AFG/2020-02	7
SYR/2020-01	3
SYR/	2
--- stderr
toll-import: -:6:1: missing value in column 'event'
toll-import: table: 5 read, 4 written, 1 refused, 0 widened, 0 defaulted

=== table: --set does not silently replace the file's own column: --map says whether to fill it or keep it apart
$ cat >"$TEST_TMP/s.csv"; toll-import table --map event=id --set reported=2021-01-01,side=all,category=killed,source=ACLED "$TEST_TMP/s.csv"; toll-import table --map event=id,source=source --set reported=2021-01-01,side=all,category=killed,source=ACLED "$TEST_TMP/s.csv" 2>/dev/null | cut -f 1,3; toll-import table --map event=id,their_source=source --set reported=2021-01-01,side=all,category=killed,source=ACLED "$TEST_TMP/s.csv" 2>/dev/null | cut -f 1,3,12
--- stdin
id,source,best
1,Reuters,5
2,,7
--- stdout
event	source
1	Reuters
2	ACLED
event	source	their_source
1	ACLED	Reuters
2	ACLED	
--- stderr
toll-import: --set source=ACLED: the file has a column 'source': give --map source=source as well to fill only its empty fields, or --map OTHER=source to keep it under another name
Try 'toll-import --help' for more information.

=== JSON: an array of records, nested keys by dotted path, a qualifier column in words, found by content
$ toll-import table --set event=invasion,side=Russia,category=killed --map reported=date,source=source.name,best=personnel,qualifier=personnel* --keep day data/losses.json | tee "$TEST_TMP/l.tsv"; toll-agg -g side "$TEST_TMP/l.tsv" | cut -f 1-4,7; toll-rev history "$TEST_TMP/l.tsv" | cut -f 2,6,7 | tail -n 2
--- stdout
event	reported	source	side	category	status	low	best	high	start	end	qualifier	day
invasion	2022-02-25	General Staff	Russia	killed		2800	2800	2800			~	2
invasion	2022-02-26	General Staff	Russia	killed		3501	3501					3
invasion	2022-02-27	General Staff	Russia	killed		4300	4300	4300			~	4
invasion	2022-02-28	General Staff	Russia	killed		5300	5300	5300			~	5
invasion	2022-03-01	General Staff	Russia	killed			5710					6
side	low	best	high	qualifier
Russia	5710	5710	5710	
Russia	2022-02-28	5300
Russia	2022-03-01	5710
--- stderr
toll-import: table: 5 read, 5 written, 0 refused, 0 widened, 0 defaulted

=== JSON Lines: one record a line, blank lines skipped, every column not used kept, null empty
$ toll-import table --row-events --map start=date_of_death,end=date_of_death,side=place.country --set reported=2021-01-01,source=list,category=killed data/victims.jsonl
--- stdout
event	reported	source	side	category	status	low	best	high	start	end	name	place.region	age	notes
victims.jsonl:1	2021-01-01	list	Artsakh	killed	military		1		2020-09-27	2020-09-27	A. Petrosyan	Martuni	19	
victims.jsonl:2	2021-01-01	list	Artsakh	killed	military		1		2020-09-27	2020-09-27	B. Grigoryan	Hadrut	20	
victims.jsonl:3	2021-01-01	list	Artsakh	killed	civilian		1		2020-10-04	2020-10-04	C. Hakobyan	Stepanakert	67	
victims.jsonl:5	2021-01-01	list	Artsakh	killed	military		1		2020-10-04	2020-10-04	D. Sargsyan	Jabrayil		
--- stderr
toll-import: data/victims.jsonl:6:1: missing value in column 'side'
toll-import: table: 5 read, 4 written, 1 refused, 0 widened, 0 defaulted
--- exit 1

=== JSON: what is wrong is said at its place, the records before it are written
$ cd "$TEST_TMP"; for j in '[]' '[{"a":1},]' '[{"a":1} {"a":2}]' '[{"a":1}' '[{"a":1}] x' '{"a":1}\n[1]' '{"a":"x\\u0000y"}' '[{"a":1},{"a":12345678901234567890123}]' '[{"a":1},\n {"a":2,,}]'; do printf '%b\n' "$j" >e.json; toll-import table --map event=a --set reported=2020-01-01,source=X,side=all,category=killed,best=1 e.json 2>&1 >/dev/null | grep -v '^toll-import: table'; done
--- stdout
toll-import: e.json:2:1: no records in this JSON
toll-import: e.json:1:10: invalid JSON: a record expected after ','
toll-import: e.json:1:10: invalid JSON: ',' or ']' expected after a record
toll-import: e.json:2:1: the JSON array is not closed: ']' expected
toll-import: e.json:1:11: text after the JSON array's end
toll-import: e.json:2:1: a JSON record is an object of named fields, not an array
toll-import: e.json:1:15: invalid JSON: a NUL character (\u0000) in a string
toll-import: e.json:1:37: invalid JSON: too big integer
toll-import: e.json:2:9: invalid JSON: string or '}' expected near ','

=== JSON given to any other program: "this is JSON", and what reads it
$ toll-check data/losses.json; toll-agg -g side data/victims.jsonl; printf '  \n [ {"a": 1} ]' | toll-stats count
--- stderr
toll-check: data/losses.json:1:1: this is JSON, not a TSV or CSV table: toll-import table reads JSON records (toll-import table --map OUT=KEY ... FILE)
toll-agg: data/victims.jsonl:1:1: this is JSON, not a TSV or CSV table: toll-import table reads JSON records (toll-import table --map OUT=KEY ... FILE)
toll-stats: -:2:2: this is JSON, not a TSV or CSV table: toll-import table reads JSON records (toll-import table --map OUT=KEY ... FILE)
--- exit 1

=== table: a wide table in one run, a row per figure column (category and status), its totals as awk sums the columns
$ cat >"$TEST_TMP/w.csv"; toll-import table --map event=country+year --set reported=2022-01-01,source=X,side=all --wide killed=deaths,wounded=injured,killed/civilian=civ_dead --keep '' "$TEST_TMP/w.csv" | tee "$TEST_TMP/w.tsv" | cut -f 1,5,6,8; toll-agg -g category,status "$TEST_TMP/w.tsv" | cut -f 1-4; awk -F, 'NR > 1 { k += $3; w += $4; c += $5 } END { print "awk: killed " k ", wounded " w ", civilians killed " c }' "$TEST_TMP/w.csv"
--- stdin
country,year,deaths,injured,civ_dead
A,2020,5,12,1
B,2020,,3,
C,2021,7,NA,2
C,2022,40,55,9
--- stdout
event	category	status	best
A/2020	killed		5
A/2020	wounded		12
A/2020	killed	civilian	1
B/2020	wounded		3
C/2021	killed		7
C/2021	killed	civilian	2
C/2022	killed		40
C/2022	wounded		55
C/2022	killed	civilian	9
category	status	low	best
killed	all	52	52
killed	civilian	12	12
wounded	all	70	70
awk: killed 52, wounded 70, civilians killed 12
--- stderr
toll-import: table: 4 read, 9 written, 0 refused, 0 widened, 0 defaulted, 3 skipped (no figure)

=== table: --wide's errors: mapped figures, a category or status toll does not know, an unknown column, another format
$ toll-import table --map event=country,best=fatalities --set reported=2022-01-01,source=X,side=all --wide killed=fatalities data/acled-v1.csv; toll-import table --map event=country --set reported=2022-01-01,source=X,side=all --wide dead=fatalities data/acled-v1.csv; toll-import table --map event=country --set reported=2022-01-01,source=X,side=all --wide killed/soldiers=fatalities data/acled-v1.csv; toll-import table --map event=country --set reported=2022-01-01,source=X,side=all --wide killed=fatality data/acled-v1.csv; toll-import acled --wide killed=x data/acled-v1.csv; toll-import table --wide killed data/acled-v1.csv
--- stderr
toll-import: --wide gives the figures and their categories: low, best, high, value and category cannot be mapped too
Try 'toll-import --help' for more information.
toll-import: --wide dead=fatalities: invalid category 'dead': expected killed, wounded, missing, captured, killed_or_missing or casualties
Try 'toll-import --help' for more information.
toll-import: --wide killed/soldiers=fatalities: invalid status 'soldiers': expected military, civilian, unknown or all
Try 'toll-import --help' for more information.
toll-import: unknown column 'fatality' in --wide killed=fatality (columns: event_id_cnty, event_date, year, time_precision, event_type, sub_event_type, actor1, actor2, country, admin1, admin2, admin3, latitude, longitude, geo_precision, source, notes, fatalities, timestamp)
Try 'toll-import --help' for more information.
toll-import: --wide is for table
Try 'toll-import --help' for more information.
toll-import: invalid --wide 'killed': expected CATEGORY[/STATUS]=INPUT_COLUMN
Try 'toll-import --help' for more information.
--- exit 2

=== several files: a kept column a later file lacks is empty, said; one lacking a column the import reads is skipped
$ cd "$TEST_TMP"; printf 'id,deaths,x\n1,5,a\n' >i1.csv; printf 'id,deaths,y\n2,6,b\n' >i2.csv; printf 'id,y\n3,b\n' >i3.csv; toll-import table --map event=id,best=deaths --set reported=2020-01-01,source=X,side=all,category=killed i1.csv i2.csv i3.csv | cut -f 1,8,12; toll-stats sum:deaths i1.csv i2.csv
--- stdout
event	best	x
1	5	a
2	6	
sum_deaths
11
--- stderr
toll-import: i2.csv:1:1: warning: the columns differ from those of 'i1.csv': 'y' (not in the first) is left out; 'x' (not here) is empty in these rows
toll-import: i3.csv:1:1: no column 'deaths', which the first file has and the import reads; the file is skipped
toll-import: table: 2 read, 2 written, 0 refused, 0 widened, 0 defaulted
toll-stats: i2.csv:1:1: warning: the columns differ from those of 'i1.csv': 'y' (not in the first) is left out; 'x' (not here) is empty in these rows

=== json: keys that first appear after the first 1,000 records are not read, and said (how many, the first one's line and key)
$ cd "$TEST_TMP" && i=0 && while [ $i -lt 1000 ]; do i=$((i + 1)); echo "{\"id\": $i, \"n\": 1}"; done >late.jsonl && printf '{"id": 1001, "n": 2, "extra": {"deep": 5}}\n{"id": 1002, "n": 3}\n{"id": 1003, "n": 4, "more": 1}\n' >>late.jsonl && toll-import table --map event=id,best=n --set reported=2024-01-01,source=s,side=a,category=killed late.jsonl | tail -n 3
--- stdout
1001	2024-01-01	s	a	killed			2			
1002	2024-01-01	s	a	killed			3			
1003	2024-01-01	s	a	killed			4			
--- stderr
toll-import: late.jsonl:1001: warning: 2 records have keys that the first 1000 records of their file do not have (here 'extra.deep'): the columns are theirs, and these keys are not read
toll-import: table: 1003 read, 1003 written, 0 refused, 0 widened, 0 defaulted

=== table --releases: each file a whole release as of its date; a row absent from a later release is withdrawn there (a revision of 0, noted [correction]), one as in the release before is not written again
$ toll-import table --releases 2023-02-01,2023-06-01 --map event=id,start=date_of_death --set source=List,side=all,category=killed,best=1 data/release-1.csv data/release-2.csv
--- stdout
event	reported	source	side	category	status	low	best	high	start	end	name	note
1	2023-02-01	List	all	killed			1		2023-01-02		A	
2	2023-02-01	List	all	killed			1		2023-01-03		B	
3	2023-02-01	List	all	killed			1		2023-01-04		C	
3	2023-06-01	List	all	killed			1		2023-01-04		C2	
4	2023-06-01	List	all	killed			1		2023-01-05		D	
2	2023-06-01	List	all	killed		0	0	0				[correction] withdrawn: not in the release of 2023-06-01
--- stderr
toll-import: table: 6 read, 6 written, 0 refused, 0 widened, 0 defaulted, 1 unchanged since the release before, 1 withdrawn

=== table --releases: the stacked releases total the latest; as of the first, the first
$ toll-import table --releases 2023-02-01,2023-06-01 --map event=id,start=date_of_death --set source=List,side=all,category=killed,best=1 data/release-1.csv data/release-2.csv 2>/dev/null >"$TEST_TMP/s.tsv"; toll-agg -g '' "$TEST_TMP/s.tsv" | cut -f2; toll-agg -g '' --as-of 2023-02-01 "$TEST_TMP/s.tsv" | cut -f2
--- stdout
best
3
best
3

=== table --releases: a person back in a later release is a revision again
$ toll-import table --releases 2023-02-01,2023-06-01,2023-09-01 --map event=id --set source=List,side=all,category=killed,best=1 --keep '' data/release-1.csv data/release-2.csv data/release-1.csv 2>/dev/null | cut -f1,2,8,12
--- stdout
event	reported	best	note
1	2023-02-01	1	
2	2023-02-01	1	
3	2023-02-01	1	
4	2023-06-01	1	
2	2023-06-01	0	[correction] withdrawn: not in the release of 2023-06-01
2	2023-09-01	1	
4	2023-09-01	0	[correction] withdrawn: not in the release of 2023-09-01

=== table --releases: a release with nobody in it withdraws everyone
$ toll-import table --releases 2023-02-01,2023-06-01 --map event=id --set source=List,side=all,category=killed,best=1 --keep '' data/release-1.csv data/release-empty.csv | cut -f1,2,8
--- stdout
event	reported	best
1	2023-02-01	1
2	2023-02-01	1
3	2023-02-01	1
1	2023-06-01	0
2	2023-06-01	0
3	2023-06-01	0
--- stderr
toll-import: table: 3 read, 6 written, 0 refused, 0 widened, 0 defaulted, 0 unchanged since the release before, 3 withdrawn

=== table --releases: one date a file
$ toll-import table --releases 2023-02-01 --map event=id --set source=List,side=all,category=killed,best=1 data/release-1.csv data/release-2.csv
--- stderr
toll-import: --releases gives 1 date for 2 files: one date a file, in the files' order
Try 'toll-import --help' for more information.
--- exit 2

=== table --releases: dates that follow one another
$ toll-import table --releases 2023-06-01,2023-02-01 --map event=id --set source=List,side=all,category=killed,best=1 data/release-1.csv data/release-2.csv
--- stderr
toll-import: --releases dates must follow one another: '2023-02-01' is not after the one before it
Try 'toll-import --help' for more information.
--- exit 2

=== table --releases: a date that is no date
$ toll-import table --releases 2023-02-30 --map event=id --set source=List,side=all,category=killed,best=1 data/release-1.csv
--- stderr
toll-import: invalid --releases date '2023-02-30': February 2023 has 28 days
Try 'toll-import --help' for more information.
--- exit 2

=== table --releases: the rows' date is the release's, not also a mapped or set one
$ toll-import table --releases 2023-02-01 --map event=id,reported=date_of_death --set source=List,side=all,category=killed,best=1 data/release-1.csv; toll-import table --releases 2023-02-01 --map event=id --set reported=2023-01-01,source=List,side=all,category=killed,best=1 data/release-1.csv
--- stderr
toll-import: --releases dates the rows: 'reported' cannot be mapped or set too
Try 'toll-import --help' for more information.
toll-import: --releases dates the rows: 'reported' cannot be mapped or set too
Try 'toll-import --help' for more information.
--- exit 2

=== table --releases: rows are matched by their event, which --row-events makes of their line
$ toll-import table --releases 2023-02-01 --row-events --set source=List,side=all,category=killed data/release-1.csv
--- stderr
toll-import: --releases matches rows from one release to the next by their event: --row-events names them by their line; map event to the list's id (--map event=ID)
Try 'toll-import --help' for more information.
--- exit 2

=== --releases is the table format's
$ toll-import acled --releases 2023-02-01 data/acled-v1.csv
--- stderr
toll-import: --releases is for table
Try 'toll-import --help' for more information.
--- exit 2

=== table: a daily running total of the dead and the injured (two columns) is one series of each in one run, read by toll-rev series: the first day's toll is never lost
$ toll-import table --wide killed=cumulative_killed,wounded=cumulative_injured --map reported=date --set event=war,side=North,source='Health Ministry' data/cumulative.csv 2>/dev/null >"$TEST_TMP/c.tsv"; toll-rev series --every week -g category "$TEST_TMP/c.tsv" | cut -f1-3,5,7,10
--- stdout
category	period	as_of	best	change	qualifier
killed	2023-W40	2023-10-08	499	499	
killed	2023-W41	2023-10-15	2507	2008	
killed	2023-W42	2023-10-22	3508	1001	
wounded	2023-W40	2023-10-08	939	939	
wounded	2023-W41	2023-10-15	4215	3276	
wounded	2023-W42	2023-10-22	6546	2331	

=== table: a daily series of claimed losses, "about" and "more than", by week: the qualifier stays with the toll
$ toll-import table --set event=invasion,side=Russia,category=killed --map reported=date,source=source.name,best=personnel,qualifier=personnel* --keep day data/losses.json 2>/dev/null | toll-rev series --every week -g side | cut -f1-2,4-7,10
--- stdout
side	period	low	best	high	change	qualifier
Russia	2022-W08	4300	4300	4300	4300	~
Russia	2022-W09	5710	5710	5710	1410	
