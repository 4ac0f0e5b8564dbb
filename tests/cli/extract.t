# toll-extract: figures out of news text.  The expected rows of news.txt
# (26 sentences written from the kinds of reports in the curated datasets'
# sources, tests/data/PROVENANCE.md)
# were decided sentence by sentence before they were compared.

=== the seed article: the 49 (open, Armenian, military, killed) and the 6,500, nothing else
# data/seed-excerpts.txt: the article's sentences with numbers (PROVENANCE.md)
$ toll-extract -e 2022-09-armenia-azerbaijan-border -s 'Thomas Osborne' -r 2022-09-14 data/seed-excerpts.txt
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	claimant	kind	quote	offset
2022-09-armenia-azerbaijan-border	2022-09-14	Thomas Osborne	Armenia	killed	military	49	49				total	According to his words, 49 Armenian soldiers died during the night, a figure that could be higher.	482
2022-09-armenia-azerbaijan-border	2022-09-14	Thomas Osborne	all	killed		6500	6500	6500			total	The latter ended with 6,500 dead and a ceasefire reached with the mediation of Russia.	1176

=== the seed article into toll-check: a draft reports table
$ toll-extract -e 2022-09-armenia-azerbaijan-border -s 'Thomas Osborne' -r 2022-09-14 data/seed-excerpts.txt | toll-check -n | cut -f 1-12
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end
2022-09-armenia-azerbaijan-border	2022-09-14	Thomas Osborne	Armenia	killed	military	49	49				
2022-09-armenia-azerbaijan-border	2022-09-14	Thomas Osborne	all	killed	all	6500	6500	6500			

=== --explain: which rules made each figure, and why every other number is not one
$ toll-extract --explain data/seed-excerpts.txt >/dev/null
--- stderr
toll-extract: data/seed-excerpts.txt:75: 14: not a figure: date: a day of a month
toll-extract: data/seed-excerpts.txt:88: 2022: not a figure: date: a day of a month
toll-extract: data/seed-excerpts.txt:103: 07:35: not a figure: a time of day
toll-extract: data/seed-excerpts.txt:109: 6: not a figure: category: no word of death, injury, disappearance or capture
toll-extract: data/seed-excerpts.txt:194: 2020: not a figure: year
toll-extract: data/seed-excerpts.txt:262: 13: not a figure: date: a day of a month
toll-extract: data/seed-excerpts.txt:458: seven: not a figure: head: what it counts is not people ('points')
toll-extract: data/seed-excerpts.txt:482: 49: a figure: head: 'soldiers'; category: killed ('died', its verb); side: Armenia; status: military ('soldiers'); interval: open (the sentence says it may grow: 'higher'); kind: total
toll-extract: data/seed-excerpts.txt:690: 09:00: not a figure: a time of day
toll-extract: data/seed-excerpts.txt:721: 13: not a figure: date: a day of a month
toll-extract: data/seed-excerpts.txt:924: six: not a figure: head: what it counts is not people ('republics')
toll-extract: data/seed-excerpts.txt:1089: two: not a figure: category: no word of death, injury, disappearance or capture
toll-extract: data/seed-excerpts.txt:1148: 1990s: not a figure: a decade
toll-extract: data/seed-excerpts.txt:1170: 2020: not a figure: year
toll-extract: data/seed-excerpts.txt:1176: 6500: a figure: head: 'dead'; category: killed ('dead', its head); kind: total

=== sentences of every kind of report
$ toll-extract data/news.txt | cut -f 4-12,14
--- stdout
side	category	status	low	best	high	qualifier	claimant	kind	offset
all	killed	military	105	105	105		Armenia	total	0
Azerbaijan	killed	military	50	50	50		Azerbaijan	total	82
all	killed		105	105	105			previous	166
all	killed		135	135				total	166
all	killed	military	16	16				increment	255
all	wounded	military	293	293	293			total	334
all	wounded		168	168	168			part	334
Azerbaijan	wounded	civilian	2	2	2			total	411
Armenia	captured	military	20	20	20		Armenia	total	488
all	killed_or_missing		207	207	207		Armenia	total	488
all	killed		20	60	100			other	611
all	killed		170	170				other	682
all	wounded		300	300	300	~		total	682
all	killed	civilian	12	12		vague		total	749
all	wounded		100	100		vague		other	811
all	killed		6500	6500	6500	~		other	883
all	killed		30000	30000	30000	~		other	1122
Azerbaijan	killed	military	2901	2901				total	1193
Armenia	killed	military	49	49	49			total	1253
all	killed	military	3825	3825	3825			total	1306
all	killed	civilian	3	3	3			other	1450
all	missing		2	2	2			total	1450
all	killed	military	20	60	100			other	1526
all	killed	military	79	79	79		Azerbaijan	total	1675
all	wounded		282	282	282		Azerbaijan	total	1675
all	killed	civilian	14	14	14			other	1730
all	wounded		46	46	46			other	1730
all	captured	military	7	7	7			part	1792
all	captured	military	12	12	12			total	1792

=== from standard input, with the quotes
$ toll-extract -r 2022-09-19 -s 'Armenia Security Council' -e e
--- stdin
Armenia said 20 of its soldiers had been taken prisoner, and the Security Council said 207 people were killed or missing.
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	claimant	kind	quote	offset
e	2022-09-19	Armenia Security Council	Armenia	captured	military	20	20	20		Armenia	total	Armenia said 20 of its soldiers had been taken prisoner, and the Security Council said 207 people were killed or missing.	0
e	2022-09-19	Armenia Security Council	all	killed_or_missing		207	207	207		Armenia	total	Armenia said 20 of its soldiers had been taken prisoner, and the Security Council said 207 people were killed or missing.	0

=== nothing found: the header alone, exit 0
$ toll-extract
--- stdin
The ceasefire entered into force at 09:00 on September 13, 2022.
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	claimant	kind	quote	offset

=== bad input: binary garbage and invalid UTF-8 are read as text, never a crash
$ printf '\000\377\376 3 people died.\n' | toll-extract | cut -f 4-8
--- stdout
side	category	status	low	best
all	killed		3	3

=== --reported must be a date
$ toll-extract -r yesterday
--- stderr
toll-extract: invalid --reported 'yesterday': expected a date: 2022-09-13, 2022-09-13T05:30[:00][Z|+04:00], 13 September 2022, 13-Sep-22, 2022-09, 2022-W37, 2022-Q3, 2022 (others with --date-format)
Try 'toll-extract --help' for more information.
--- exit 2

=== an unknown option
$ toll-extract --csv
--- stderr
toll-extract: unknown option '--csv'
Try 'toll-extract --help' for more information.
--- exit 2

=== an unreadable file
$ toll-extract /nonexistent/news.txt
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	claimant	kind	quote	offset
--- stderr
toll-extract: cannot open '/nonexistent/news.txt': No such file or directory
--- exit 2

=== toll extract runs toll-extract
$ toll extract -s AFP
--- stdin
At least 16 more servicemen have been killed, the ministry said.
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	claimant	kind	quote	offset
		AFP	all	killed	military	16	16				increment	At least 16 more servicemen have been killed, the ministry said.	0

=== UTF-16 and UTF-32 text, with a byte-order mark or without: read as the UTF-8 made of it
# (offsets count the bytes of that UTF-8)
$ for enc in UTF-16 UTF-16LE UTF-16BE UTF-32; do printf 'About 49 Armenian soldiers died.\n\nAzerbaijan said 50 of its soldiers were killed.\n' | iconv -f UTF-8 -t $enc | toll-extract | cut -f 4-11,14 | tail -n +2; done
--- stdout
Armenia	killed	military	49	49	49	~		0
Azerbaijan	killed	military	50	50	50		Azerbaijan	34
Armenia	killed	military	49	49	49	~		0
Azerbaijan	killed	military	50	50	50		Azerbaijan	34
Armenia	killed	military	49	49	49	~		0
Azerbaijan	killed	military	50	50	50		Azerbaijan	34
Armenia	killed	military	49	49	49	~		0
Azerbaijan	killed	military	50	50	50		Azerbaijan	34

=== bytes that are not of the encoding become U+FFFD, and the text goes on
$ printf '\377\376\000\330A\000 \0003\000 \000p\000e\000o\000p\000l\000e\000 \000d\000i\000e\000d\000.\000' | toll-extract | cut -f 4-8,13
--- stdout
side	category	status	low	best	quote
all	killed		3	3	�A 3 people died.

=== binary data: read as text all the same, and said
$ f=$TEST_TMP/binary.txt; head -c 4096 /dev/zero | tr '\0' '\1' | awk 'BEGIN { printf "3 people died.\n\n" } { print } END { for (i = 0; i < 200; i++) printf "%c", 0 }' >"$f"; toll-extract "$f" 2>&1 >/dev/null | sed "s|$f|F|"; toll-extract <"$f" | cut -f 4-8
--- stdout
toll-extract: warning: 'F' may not be text: 200 NUL bytes in its first 4313
side	category	status	low	best
all	killed		3	3
--- stderr
toll-extract: warning: '-' may not be text: 200 NUL bytes in its first 4313

=== claimant: a side named in who said it (before the verb, after it, 'according to'), the verb nearest the figure; none named, none; 'its' soldiers are the claimant's
$ toll-extract | cut -f 4,5,8,10,11
--- stdin
Armenia's parliament speaker said about 430 Azerbaijani soldiers were killed.
About 430 Azerbaijani soldiers were killed, said Armenia’s parliament speaker Alen Simonyan.
According to the Azerbaijani defence ministry, 71 servicemen were killed.
Azerbaijan's defence ministry said 50 of its servicemen died.
AFP reported that 6,500 people died.
Officials said 12 civilians were wounded.
The Armenians' health ministry said 2,996 soldiers died, and Azerbaijan said 2,908 of its soldiers died.
--- stdout
side	category	best	qualifier	claimant
Azerbaijan	killed	430	~	Armenia
Azerbaijan	killed	430	~	Armenia
all	killed	71		Azerbaijan
Azerbaijan	killed	50		Azerbaijan
all	killed	6500		
all	wounded	12		
all	killed	2996		Armenia
Azerbaijan	killed	2908		Azerbaijan

=== no silent loss: a figure after 600 words of one sentence is read (a long sentence is read in overlapping windows)
$ awk 'BEGIN { printf "Officials said that"; for (i = 0; i < 70; i++) printf " and the convoy moved on slowly through the valley"; print " while 37 soldiers were killed in the attack." }' >"$TEST_TMP/long.txt"; toll-extract "$TEST_TMP/long.txt" | cut -f4-8
--- stdout
side	category	status	low	best
all	killed	military	37	37

=== no silent loss: a sentence of 150 figures: each read once, in the text's order (more than one window of numbers)
$ awk 'BEGIN { printf "The ministry listed"; for (i = 1; i <= 150; i++) printf " %d people killed in the village,", i; print " in all." }' >"$TEST_TMP/many.txt"; toll-extract "$TEST_TMP/many.txt" | tail -n +2 | cut -f8 | awk '{ n++; if ($1 != n) bad++ } END { print n, bad + 0 }'
--- stdout
150 0

=== straight into toll-agg: an earlier figure, an increment and parts are no tolls, and say so
# data/extract-article.txt: an article written for this test (PROVENANCE.md) with a
# figure that grew ("risen to 105, up from 49"), an increment, parts and an earlier count.
$ toll-extract -e border-2022 -s AFP -r 2022-09-14 data/extract-article.txt | toll-agg
--- stdout
side	status	category	low	best	high	events	series	qualifier	best_by	adversary
Armenia	military	killed	49	49		1	1		sources	
Azerbaijan	military	killed	50	50	50	1	1		sources	
all	all	captured	20	20	20	1	1		sources	
all	all	killed	105	105	105	1	3		sources	
all	military	wounded	293	293	293	1	1		sources	
--- stderr
toll-agg: -:4: warning: 5 rows are not a total (kind increment, previous, part or other; the first on this line): no toll counts them

=== the article's rows: the kind of each
$ toll-extract -e border-2022 -s AFP -r 2022-09-14 data/extract-article.txt | cut -f 4-12
--- stdout
side	category	status	low	best	high	qualifier	claimant	kind
Armenia	killed	military	49	49				total
all	killed		105	105	105			total
all	killed		49	49	49			previous
all	killed	military	16	16	16			increment
all	wounded	military	293	293	293			total
all	wounded		168	168	168			part
all	captured		20	20	20			total
all	captured		12	12	12			previous
Azerbaijan	killed	military	50	50	50		Azerbaijan	total
all	killed	military	3	3	3		Azerbaijan	part

=== one series, two totals in one text: the newest ("had reached") is the total, the other previous
$ toll-extract -e typhoon -s Reuters -r 2004-10-21 | cut -f 6-12
--- stdin
Media reports said at least nine people had died, but the broadcaster said the toll had reached 11.
--- stdout
status	low	best	high	qualifier	claimant	kind
	9	9				previous
	11	11	11			total

=== one series, two totals and none said newest: the first is the total, the other is other, and --explain says so
$ toll-extract --explain -e flood -s AFP -r 2004-10-21 2>&1 >/dev/null | grep kind:
--- stdin
Floods killed 12 people on Monday.

Police said 15 people died in the floods.
--- stdout
toll-extract: -:0: 12: a figure: head: 'people'; category: killed ('killed', the verb before it); kind: total
toll-extract: -:36: 15: a figure: head: 'people'; category: killed ('died', its verb); kind: total
toll-extract: -:36: 15: kind: other (its series' total is 12, -:0)

=== ...and toll-agg counts the total only
$ toll-extract -e flood -s AFP -r 2004-10-21 | toll-agg -g category | cut -f 1-4
--- stdin
Floods killed 12 people on Monday.

Police said 15 people died in the floods.
--- stdout
category	low	best	high
killed	12	12	12
--- stderr
toll-agg: -:3: warning: 1 row is not a total (kind increment, previous, part or other; the first on this line): no toll counts it

=== --threads: the text cut at blank lines, a part a thread, and the same rows and explanations whatever N
$ f=$TEST_TMP/big.txt; for i in $(seq 600); do cat data/news.txt data/extract-article.txt; echo; done >"$f"; for n in 1 2 3 8; do toll-extract --threads $n --explain -e e -s s -r 2022-09-14 "$f" 2>&1 | cksum; done | uniq -c | awk '{ print $1, "runs, one output" }'; wc -c <"$f" | awk '{ print ($1 > 4 * 262144) ? "more than a thread'"'"'s piece" : "too short to test" }'
--- stdout
4 runs, one output
more than a thread's piece

=== --threads takes a whole number from 1
$ toll-extract --threads 0 data/news.txt
--- stderr
toll-extract: invalid --threads '0': expected a whole number from 1 to 1024
Try 'toll-extract --help' for more information.
--- exit 2

=== the rules, a sentence each, with --explain: people by default, each clause its verb, parts, earlier figures, hypotheticals, numbers, dates
$ toll-extract --explain -e e -s s -r 2022-09-14 2>&1 >/dev/null
--- stdin
Gunmen killed 14 Hindu pilgrims and abducted 2 dozen villagers.

The attack killed at least 30 and injured at least 80 others.

Twenty-three Palestinians and three Israelis were killed.

At least 11 people, including two US citizens, were killed.

The toll climbed to 105, up from 49.

The storm could kill up to a million people, officials warned.

Rebels threatened to kill 3 soldiers.

Between 200 and 500 people died in fighting on 17 and 18 June.

The floods killed 300 cattle and damaged 40 homes.
--- stdout
toll-extract: -:0: 14: a figure: head: 'pilgrims'; category: killed ('killed', the verb before it); kind: total
toll-extract: -:0: 24: a figure: head: 'villagers'; category: captured ('abducted', the verb before it); status: civilian ('villagers'); kind: total
toll-extract: -:65: 30: a figure: head: none (the number stands alone); category: killed ('killed', the verb before it); interval: 'at least'; kind: total
toll-extract: -:65: 80: a figure: head: 'others'; category: wounded ('injured', the verb before it); interval: 'at least'; kind: total
toll-extract: -:128: 23: a figure: head: 'palestinians'; category: killed ('killed', its verb); side: Palestine; kind: total
toll-extract: -:128: 3: a figure: head: 'israelis'; category: killed ('killed', its verb); side: Israel; kind: total
toll-extract: -:187: 11: a figure: head: 'people'; category: killed ('killed', its verb); interval: 'at least'; kind: total
toll-extract: -:187: 2: a figure: head: 'citizens'; category: killed (its total's); side: United States; kind: part
toll-extract: -:248: 105: a figure: head: none (the number stands alone); category: killed ('toll', the toll's); kind: total
toll-extract: -:248: 49: a figure: head: none (the number stands alone); category: killed (the figure it is earlier than); kind: previous
toll-extract: -:313: a million: not a figure: hypothetical: 'could'
toll-extract: -:376: 3: not a figure: hypothetical: 'threatened'
toll-extract: -:389: 350: a figure: head: 'people'; category: killed ('died', its verb); interval: a range ('200-500'); kind: total
toll-extract: -:436: 17: not a figure: date: a day of a month
toll-extract: -:443: 18: not a figure: date: a day of a month
toll-extract: -:471: 300: not a figure: head: what it counts is not people ('cattle')
toll-extract: -:494: 40: not a figure: head: what it counts is not people ('homes')
toll-extract: -:0: 14: kind: previous (its series' total is 105, -:248)
toll-extract: -:65: 30: kind: previous (its series' total is 105, -:248)
toll-extract: -:187: 11: kind: previous (its series' total is 105, -:248)
toll-extract: -:389: 350: kind: other (its series' total is 105, -:248)

=== a batch of documents (JSON Lines): each row carries its document's id and url, its source and date; -e fills what a document lacks
$ toll-extract --docs -e clashes data/docs.jsonl | cut -f1-3,8,12,14- | head -n 12

--- stdout
event	reported	source	best	kind	offset	document	url
clashes	2022-09-13	Armenian MoD	105	total	0	n01	https://example.org/news/1
clashes	2022-09-14	Azerbaijani MoD	50	total	0	n02	
clashes	2022-09-15	Armenian PM	105	previous	0	n03	https://example.org/news/3
clashes	2022-09-15	Armenian PM	135	total	0	n03	https://example.org/news/3
clashes	2022-09-13	AFP	16	increment	0	data/docs.jsonl:4	
clashes	2022-09-14	Armenian MoD	293	total	0	n05	https://example.org/news/5
clashes	2022-09-14	Armenian MoD	168	part	0	n05	https://example.org/news/5
clashes	2022-09-15	Azerbaijani MoD	2	total	0	6	
clashes	2022-09-13	Armenian PM	20	total	0	n07	https://example.org/news/7
clashes	2022-09-13	Armenian PM	207	total	0	n07	https://example.org/news/7
explosion	2022-09-14	AFP	60	total	0	n08	

=== a batch is a run per document: the same rows, each document settled on its own
$ toll-extract --docs -e clashes data/docs.jsonl | tail -n +2 | cut -f1-14 > "$TEST_TMP/batch"; n=0; while IFS= read -r line; do n=$((n + 1)); printf '%s\n' "$line" > "$TEST_TMP/doc.json"; toll-extract --docs -e clashes "$TEST_TMP/doc.json" | tail -n +2 | cut -f1-14; done < data/docs.jsonl > "$TEST_TMP/each"; cmp "$TEST_TMP/batch" "$TEST_TMP/each" && echo "$n documents, $(wc -l < "$TEST_TMP/batch") rows, the same"; sed -n 1p data/news.txt | toll-extract -s 'Armenian MoD' -r 2022-09-13 -e clashes | tail -n +2 > "$TEST_TMP/one"; head -n 1 "$TEST_TMP/batch" | cmp - "$TEST_TMP/one" && echo "the first document's row is a run's of its text"

--- stdout
26 documents, 29 rows, the same
the first document's row is a run's of its text

=== a folder of documents: each file one, in the order of their names, its name its id; hidden files and folders are not documents
$ d="$TEST_TMP/corpus"; mkdir -p "$d/sub"; sed -n 1p data/news.txt > "$d/b.txt"; sed -n 5p data/news.txt > "$d/a.txt"; echo 'Nine people were killed.' > "$d/.draft"; toll-extract --docs -s AFP -r 2022-09-14 "$d" | cut -f3-4,8,14- | sed "s|$TEST_TMP/||"

--- stdout
source	side	best	offset	document	url
AFP	all	105	0	corpus/a.txt	
AFP	all	135	0	corpus/a.txt	
AFP	all	105	0	corpus/b.txt	

=== --files-from: the files a list names, one a line (- for standard input); a file missing is said, the others read
$ sed -n 1p data/news.txt > "$TEST_TMP/one.txt"; printf '%s\n\n%s\n%s\n' "$TEST_TMP/one.txt" "$TEST_TMP/none.txt" data/extract-article.txt | toll-extract --files-from - -e e > "$TEST_TMP/out" 2>&1; echo "exit $?"; cut -f1,8,14- "$TEST_TMP/out" | sed "s|$TEST_TMP/||"

--- stdout
exit 2
toll-extract: cannot open 'none.txt': No such file or directory
event	best	offset	document	url
e	105	0	one.txt	
e	49	23	data/extract-article.txt	
e	105	156	data/extract-article.txt	
e	49	156	data/extract-article.txt	
e	16	264	data/extract-article.txt	
e	293	318	data/extract-article.txt	
e	168	318	data/extract-article.txt	
e	20	318	data/extract-article.txt	
e	12	418	data/extract-article.txt	
e	50	462	data/extract-article.txt	
e	3	462	data/extract-article.txt	

=== a table of documents in TSV or CSV is read as JSON is
$ printf 'id,reported,text\nx1,2022-09-13,"Officials said 293 soldiers were wounded, 168 of them in serious condition."\n' > "$TEST_TMP/docs.csv"; toll-extract --docs "$TEST_TMP/docs.csv" 2>&1 | cut -f2,5,8,14-; printf 'id\treported\ttext\nx1\t2022-09-13\tOfficials said 293 soldiers were wounded.\n' | toll-extract --docs | cut -f2,8,14-

--- stdout
reported	category	best	offset	document	url
2022-09-13	wounded	293	0	x1	
2022-09-13	wounded	168	0	x1	
reported	best	offset	document	url
2022-09-13	293	0	x1	

=== --explain in a batch names each document by its file and line
$ head -n 2 data/docs.jsonl | toll-extract --docs --explain 2>&1 >/dev/null | cut -c1-60

--- stdout
toll-extract: -:1:0: 105: a figure: head: 'servicemen'; cate
toll-extract: -:2:0: 50: a figure: head: 'soldiers'; categor

=== bad documents: a bad date (the document left out, the others read), no text column, truncated JSON, garbage, a missing file, a list with files
$ printf '{"id":1,"reported":"2022-13-01","text":"5 people were killed."}\n{"id":2,"text":"9 people were killed."}\n' | toll-extract --docs > "$TEST_TMP/out"; echo "exit $?"; cut -f8,15 "$TEST_TMP/out"; printf 'id\tbody\n1\tx\n' | toll-extract --docs; echo "exit $?"; printf '{"id":1,"text":"5 kil' | toll-extract --docs; echo "exit $?"; toll-extract --docs data/garbage.bin; echo "exit $?"; toll-extract --docs nothere.jsonl; echo "exit $?"; toll-extract --files-from - data/news.txt </dev/null; echo "exit $?"; toll-extract --files-from nothere.list; echo "exit $?"

--- stdout
exit 1
best	document
9	2
event	reported	source	side	category	status	low	best	high	qualifier	claimant	kind	quote	offset	document	url
exit 1
event	reported	source	side	category	status	low	best	high	qualifier	claimant	kind	quote	offset	document	url
exit 1
event	reported	source	side	category	status	low	best	high	qualifier	claimant	kind	quote	offset	document	url
exit 1
event	reported	source	side	category	status	low	best	high	qualifier	claimant	kind	quote	offset	document	url
exit 2
exit 2
event	reported	source	side	category	status	low	best	high	qualifier	claimant	kind	quote	offset	document	url
exit 2
--- stderr
toll-extract: -:1:1: invalid date in 'reported': no month 13; the document is left out
toll-extract: -:1:1: no column 'text': a document is a record with the keys text and id, source, reported, url, event (a file of text is read without --docs, or in a folder with it; another column by --map text=COLUMN)
toll-extract: -:1:21: invalid JSON: premature end of input near '"5 kil'
toll-extract: data/garbage.bin:1:1: invalid UTF-8 in header
toll-extract: cannot open 'nothere.jsonl': No such file or directory
toll-extract: --files-from names the documents: no FILE
Try 'toll-extract --help' for more information.
toll-extract: cannot open 'nothere.list': No such file or directory

=== --map: a table of documents whose columns have other names (as UCDP GED's source_headline, date_start)
$ printf 'doc_id,published,outlet,headline\nk1,2022-09-13,Armenpress,"Forty-nine Armenian soldiers died during the night, the prime minister said."\nk2,2022-09-14,APA,"Azerbaijan said 50 of its servicemen died."\n' > "$TEST_TMP/heads.csv"; toll-extract --docs --map text=headline,id=doc_id,reported=published --map source=outlet -e clashes "$TEST_TMP/heads.csv" | cut -f1-4,8,15

--- stdout
event	reported	source	side	best	document
clashes	2022-09-13	Armenpress	Armenia	49	k1
clashes	2022-09-14	APA	Azerbaijan	50	k2

=== --map: its errors; a column named for a key that a file lacks (the file is left out)
$ toll-extract --map text=body data/docs.jsonl; echo "exit $?"; toll-extract --docs --map body=text data/docs.jsonl; echo "exit $?"; toll-extract --docs --map text data/docs.jsonl; echo "exit $?"; toll-extract --docs --map text=body data/docs.jsonl; echo "exit $?"

--- stdout
exit 2
exit 2
exit 2
event	reported	source	side	category	status	low	best	high	qualifier	claimant	kind	quote	offset	document	url
exit 1
--- stderr
toll-extract: --map names the columns of tables of documents: it needs --docs
Try 'toll-extract --help' for more information.
toll-extract: invalid --map key 'body': one of text, id, source, reported, url, event
Try 'toll-extract --help' for more information.
toll-extract: invalid --map 'text': expected KEY=COLUMN, KEY one of text, id, source, reported, url, event
Try 'toll-extract --help' for more information.
toll-extract: data/docs.jsonl:1:1: no column 'body', named for the documents' text
