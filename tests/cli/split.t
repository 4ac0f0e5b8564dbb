# toll-split -k K: a reports table in K parts by event (toll(7), PARTS).
# Each part is a table with the header and its rows as they were, after
# lines that say where they came from, so that every message about a
# part names the original file and line; toll-agg --part I/K reads part
# I, and toll-agg --merge adds the parts' outputs.  Each case works in a
# folder of its own under $TEST_TMP.

=== the parts: PREFIX1.tsv to PREFIXK.tsv, each with the header and its rows as they were; every row in one part
$ d="$TEST_TMP/c1"; mkdir "$d"; toll-split -k 4 -o "$d/p" data/events.tsv; echo "exit $?"; ls "$d"; for i in 1 2 3 4; do sed -n 1,3p "$d/p$i.tsv" | cut -c1-40; done | sort | uniq -c | sed 's/^ *//'; grep -hv '^#' "$d"/p?.tsv | LC_ALL=C sort > "$d/rows"; (for i in 1 2 3; do head -n 1 data/events.tsv; done; cat data/events.tsv) | LC_ALL=C sort | cmp - "$d/rows" && echo "every line once, the header in each part"

--- stdout
exit 0
p1.tsv
p2.tsv
p3.tsv
p4.tsv
4 #@1 data/events.tsv
1 #toll split 1/4
1 #toll split 2/4
1 #toll split 3/4
1 #toll split 4/4
4 event	reported	source	side	category	low	
every line once, the header in each part

=== an event's rows are all in one part, the part --part reads: toll-agg of each part, merged, is toll-agg of the whole, byte for byte
$ d="$TEST_TMP/c2"; mkdir "$d"; toll-split -k 4 -o "$d/p" data/events.tsv && for i in 1 2 3 4; do toll-agg --part $i/4 -g country,category "$d/p$i.tsv" > "$d/a$i" || echo "part $i failed"; done; toll-agg -g country,category data/events.tsv > "$d/whole"; toll-agg --merge "$d"/a[1-4] | cmp - "$d/whole" && echo same; for i in 1 2 3 4; do toll-check -n --part $i/4 data/events.tsv > "$d/w$i"; toll-check -n --part $i/4 "$d/p$i.tsv" | cmp -s - "$d/w$i" || echo "part $i differs"; done; for i in 1 2 3 4; do grep -v '^#' "$d/p$i.tsv" | tail -n +2 | cut -f1 | sort -u; done | sort | uniq -d | wc -l

--- stdout
same
0

=== every dataset: the parts' normalized rows are the whole table's, and the 2020 war's totals merge to its own
$ d="$TEST_TMP/c3"; mkdir "$d"; for f in ../datasets/*.tsv; do toll-split -k 3 -o "$d/d" "$f" || echo "$f failed"; for i in 1 2 3; do toll-check -n --part $i/3 "$d/d$i.tsv" | tail -n +2; done 2>/dev/null | LC_ALL=C sort > "$d/parts"; toll-check -n "$f" 2>/dev/null | tail -n +2 | LC_ALL=C sort | cmp -s - "$d/parts" && echo "$(basename "$f"): the same"; done; toll-split -k 3 -o "$d/w" ../datasets/2020-karabakh-war.tsv; for i in 1 2 3; do toll-agg --part $i/3 "$d/w$i.tsv" > "$d/m$i" 2>/dev/null; done; toll-agg ../datasets/2020-karabakh-war.tsv > "$d/whole" 2>/dev/null; toll-agg --merge "$d"/m[1-3] | cmp - "$d/whole" && echo merged

--- stdout
1988-1994-karabakh-war.tsv: the same
2020-karabakh-war.tsv: the same
2022-09-border-clashes.tsv: the same
2023-09-karabakh-offensive.tsv: the same
merged

=== a message about a part names the original file and line: the parts' messages are the whole table's
$ d="$TEST_TMP/c4"; mkdir "$d"; toll-split -k 3 -o "$d/t" data/threads.tsv; echo "exit $?"; for i in 1 2 3; do toll-check --part $i/3 "$d/t$i.tsv"; done 2>&1 | LC_ALL=C sort > "$d/parts"; toll-check data/threads.tsv 2>&1 | LC_ALL=C sort | cmp - "$d/parts" && wc -l < "$d/parts"; toll-check "$d/t1.tsv" 2>&1 | grep fields; grep -c '^#@' "$d/t1.tsv"

--- stdout
exit 0
10
toll-check: data/threads.tsv:97:34: expected 11 fields, found 6
9

=== a duplicate revision names both places, each in its own file, across two files split together
$ d="$TEST_TMP/c5"; mkdir "$d"; f=../datasets/2022-09-border-clashes.tsv; (grep -v '^#' "$f" | head -n 1; grep -v '^#' "$f" | sed -n '3p;9p') > "$d/again.tsv"; toll-split -k 2 -o "$d/w" "$f" "$d/again.tsv"; for i in 1 2; do toll-check --part $i/2 "$d/w$i.tsv"; done 2>&1 | sed "s|$d/||"; for i in 1 2; do toll-check --part $i/2 "$f" "$d/again.tsv"; done 2>&1 | sed "s|$d/||"

--- stdout
toll-check: again.tsv:2:35: warning: duplicate revision: same series, date and figure as ../datasets/2022-09-border-clashes.tsv:6; counted once
toll-check: again.tsv:3:35: warning: duplicate revision: same series, date and figure as ../datasets/2022-09-border-clashes.tsv:12; counted once
toll-check: again.tsv:2:35: warning: duplicate revision: same series, date and figure as ../datasets/2022-09-border-clashes.tsv:6; counted once
toll-check: again.tsv:3:35: warning: duplicate revision: same series, date and figure as ../datasets/2022-09-border-clashes.tsv:12; counted once

=== CSV: quoted events, a record of two lines, CRLF, a byte-order mark: each row in its event's part, each message at its place
$ d="$TEST_TMP/c6"; mkdir "$d"; printf '\357\273\277event,reported,source,side,category,best\r\n"e,1",2022-09-13,MoD,A,killed,5\r\ne2,2022-09-13,MoD,A,killed,x\r\n"e\r\n3",2022-09-14,MoD,B,killed,7\r\ne4,2022-09-14,MoD,B,killed\r\ne5,2022-09-15,MoD,B,killed,"9"\r\n' > "$d/in.csv"; cd "$d" && toll-split -k 3 in.csv && ls part*; for i in 1 2 3; do toll-check -n --part $i/3 in.csv > w$i 2>&1; toll-check -n --part $i/3 part$i.csv 2>&1 | cmp -s - w$i || echo "part $i differs"; done; for i in 1 2 3; do toll-check part$i.csv; done

--- stdout
part1.csv
part2.csv
part3.csv
--- stderr
toll-check: in.csv:6:27: expected 6 fields, found 5
toll-check: in.csv:3:28: invalid number 'x' in column 'best'

=== an event escaped in TSV and quoted in CSV is one event, in one part
$ d="$TEST_TMP/c7"; mkdir "$d"; printf 'event\treported\tsource\tside\tcategory\tbest\ntab\\there\t2022-01-01\ts\tall\tkilled\t1\n' > "$d/a.tsv"; printf 'event,reported,source,side,category,best\n"tab\there",2022-01-02,s,all,killed,2\n' > "$d/b.csv"; toll-split -k 7 -o "$d/a" "$d/a.tsv"; toll-split -k 7 -o "$d/b" "$d/b.csv"; cd "$d" && grep -c here a?.tsv b?.csv | grep -v ':0$'

--- stdout
a5.tsv:1
b5.csv:1

=== a part that holds another part's event is said, row by row: its rows could be counted twice
$ d="$TEST_TMP/c8"; mkdir "$d"; toll-split -k 3 -o "$d/p" data/events.tsv; cat "$d/p2.tsv" > "$d/bad.tsv"; grep -v '^#' "$d/p3.tsv" | sed -n 2,3p >> "$d/bad.tsv"; toll-check "$d/bad.tsv"; echo "exit $?"; toll-agg --part 2/3 "$d/bad.tsv" > /dev/null 2>&1; echo "exit $?"

--- stdout
exit 1
exit 1
--- stderr
toll-check: data/events.tsv:344:1: event 'ev9' belongs in part 3/3, not in this part 2/3 of toll split: its rows could be counted in two parts
toll-check: data/events.tsv:345:1: event 'ev11' belongs in part 3/3, not in this part 2/3 of toll split: its rows could be counted in two parts

=== --part reads no part of another: said, and the file is left out
$ d="$TEST_TMP/c9"; mkdir "$d"; toll-split -k 3 -o "$d/p" data/events.tsv; cd "$d"; toll-agg --part 1/3 -g '' p2.tsv; echo "exit $?"; toll-agg --part 2/4 -g '' p2.tsv p1.tsv; echo "exit $?"

--- stdout
exit 1
exit 1
--- stderr
toll-agg: 'p2.tsv' is part 2/3 of toll split: --part 1/3 reads none of it
toll-agg: 'p2.tsv' is part 2/3 of toll split: --part 2/4 reads none of it
toll-agg: 'p1.tsv' is part 1/3 of toll split: --part 2/4 reads none of it

=== a part of a part: split again, it still names the original lines
$ d="$TEST_TMP/c10"; mkdir "$d"; toll-split -k 2 -o "$d/p" data/threads.tsv; toll-split -k 3 -o "$d/q" "$d/p1.tsv"; head -n 2 "$d/q1.tsv"; toll-check --part 1/2 data/threads.tsv 2>&1 | LC_ALL=C sort > "$d/want"; for i in 1 2 3; do toll-check "$d/q$i.tsv"; done 2>&1 | LC_ALL=C sort | cmp - "$d/want" && echo "the same messages"

--- stdout
#toll split 1/3
#@2 data/threads.tsv
the same messages

=== standard input: its rows are of '-'; one part
$ d="$TEST_TMP/c11"; mkdir "$d"; toll-split -k 1 -o "$d/s" < ../datasets/2022-09-border-clashes.tsv; head -n 2 "$d/s1.tsv"; grep -vc '^#' "$d/s1.tsv"

--- stdout
#toll split 1/1
#@4 -
20

=== usage: how many parts, and a prefix that names files
$ for a in '' '-k 0' '-k 1025' '-k x' '-k 2 -o ""' '-k 2 -o -x' '-k 2 -q'; do eval toll-split $a data/events.tsv; echo "exit $?"; done 2>&1 | grep -v '^Try'

--- stdout
toll-split: how many parts? -k K (1 to 1024)
exit 2
toll-split: invalid -k '0': expected a whole number of parts from 1 to 1024
exit 2
toll-split: invalid -k '1025': expected a whole number of parts from 1 to 1024
exit 2
toll-split: invalid -k 'x': expected a whole number of parts from 1 to 1024
exit 2
toll-split: invalid -o '': a prefix of file names, not empty, not beginning with '-'
exit 2
toll-split: invalid -o '-x': a prefix of file names, not empty, not beginning with '-'
exit 2
toll-split: unknown option '-q'
exit 2

=== a header that is no reports table, an empty file, garbage, a missing file: said, and no part is written
$ d="$TEST_TMP/c13"; mkdir "$d"; for f in data/stats.tsv data/empty.tsv data/garbage.bin missing.tsv; do toll-split -k 2 -o "$d/p" "$f"; echo "exit $?"; done; ls "$d"

--- stdout
exit 1
exit 1
exit 1
exit 2
--- stderr
toll-split: data/stats.tsv:1:1: missing required column 'event' (columns: g, v, w, when)
toll-split: data/empty.tsv:1:1: no header line
toll-split: data/garbage.bin:1:1: invalid UTF-8 in header
toll-split: cannot open 'missing.tsv': No such file or directory

=== files with two headers: said, no part; a folder that is not there: said
$ d="$TEST_TMP/c14"; mkdir "$d"; toll-split -k 2 -o "$d/p" data/events.tsv ../datasets/2020-karabakh-war.tsv; echo "exit $?"; toll-split -k 2 -o "$d/nowhere/p" data/events.tsv 2>&1 | sed "s|$d/||"; ls "$d"

--- stdout
exit 1
toll-split: cannot create 'nowhere/p1.tsv': No such file or directory
--- stderr
toll-split: ../datasets/2020-karabakh-war.tsv:4: a header or format unlike the first file's: a part has one header; split this file on its own (another -o)

=== a CSV record that begins '#@' would read as a line of toll split's; a file name with a tab cannot be named in a part
$ d="$TEST_TMP/c15"; mkdir "$d"; cd "$d"; printf 'event,reported,source,side,category,best\n#@1 x,2022-01-01,s,all,killed,1\n' > h.csv; toll-split -k 2 -o h h.csv; echo "exit $?"; cp "$OLDPWD/data/events.tsv" "a	b.tsv"; toll-split -k 2 -o t "a	b.tsv"; echo "exit $?"; ls

--- stdout
exit 1
exit 2
a	b.tsv
h.csv
--- stderr
toll-split: h.csv:2:1: a CSV record that begins '#@' would be read as a line of toll split's: quote its first field
toll-split: cannot name 'a	b.tsv' in a part: a name with a line break, a tab, a backslash or a quote; rename the file

=== a part's own lines: a bad '#toll split' line, a bad '#@' line (said at the part's own line)
$ d="$TEST_TMP/c16"; mkdir "$d"; cd "$d"; printf '#toll split 3/2\nevent\treported\tsource\tside\tcategory\tbest\n' > m.tsv; toll-check m.tsv; printf '#toll split 1/1\n#@1 a.tsv\nevent\treported\tsource\tside\tcategory\tbest\n#@x\ne\t2022-01-01\ts\tall\tkilled\t1\n#@9 \ne\t2022-01-02\ts\tall\tkilled\tz\n' > d.tsv; toll-check d.tsv; echo "exit $?"

--- stdout
exit 1
--- stderr
toll-check: m.tsv:1:1: a part of toll split begins '#toll split I/K', with 1 <= I <= K <= 1000000
toll-check: d.tsv:4:1: a line of a part of toll split that begins '#@' is '#@LINE' or '#@LINE FILE'
toll-check: d.tsv:6:1: a line of a part of toll split that begins '#@' is '#@LINE' or '#@LINE FILE'
toll-check: a.tsv:5:27: invalid number 'z' in column 'best'

=== --no-header and --names: the parts have no header line either, and are read with the same options
$ d="$TEST_TMP/c17"; mkdir "$d"; cd "$d"; printf 'e1\t2022-01-01\ts\tall\tkilled\t5\ne2\t2022-01-01\ts\tall\tkilled\t6\ne3\t2022-01-01\ts\tall\tkilled\tx\n' > nh.tsv; toll-split -k 2 -o nh --no-header --names event,reported,source,side,category,best nh.tsv; cat nh1.tsv; for i in 1 2; do toll-check -n --part $i/2 --no-header --names event,reported,source,side,category,best nh$i.tsv | cut -f1,8; done

--- stdout
#toll split 1/2
#@2 nh.tsv
e2	2022-01-01	s	all	killed	6
event	best
e2	6
--- stderr
toll-check: nh.tsv:3:28: invalid number 'x' in column 'best'

=== K parts open at once: a soft limit of descriptors below K is raised; a hard one is said, and no part is left
$ d="$TEST_TMP/c18"; mkdir "$d"; (ulimit -S -n 64; toll-split -k 300 -o "$d/s" data/events.tsv; echo "exit $?"); ls "$d" | wc -l; grep -hv '^#' "$d"/s*.tsv | wc -l; rm -f "$d"/s*; (ulimit -n 64; toll-split -k 300 -o "$d/s" data/events.tsv 2>&1 | sed "s|$d/s[0-9]*|PART|"); ls "$d" | wc -l

--- stdout
exit 0
300
643
toll-split: cannot create 'PART.tsv': Too many open files
0

=== revisions out of order in two files split together: the second reading's messages name both original files and lines
$ d="$TEST_TMP/c19"; mkdir "$d"; cd "$d"; cp "$OLDPWD/data/out-of-order.tsv" a.tsv; cp a.tsv b.tsv; toll-split -k 2 -o p a.tsv b.tsv; for i in 1 2; do toll-check --part $i/2 p$i.tsv; done 2>&1 | LC_ALL=C sort > parts; for i in 1 2; do toll-check --part $i/2 a.tsv b.tsv; done 2>&1 | LC_ALL=C sort | cmp - parts && cat parts

--- stdout
toll-check: a.tsv:4:3: conflicting revisions: same series and date as line 2, different figure
toll-check: a.tsv:5:3: warning: duplicate revision: same series, date and figure as line 3; counted once
toll-check: a.tsv:7:3: warning: duplicate revision: same series, date and figure as line 6; counted once
toll-check: b.tsv:2:3: warning: duplicate revision: same series, date and figure as a.tsv:2; counted once
toll-check: b.tsv:3:3: warning: duplicate revision: same series, date and figure as a.tsv:3; counted once
toll-check: b.tsv:4:3: conflicting revisions: same series and date as a.tsv:2, different figure
toll-check: b.tsv:5:3: warning: duplicate revision: same series, date and figure as a.tsv:3; counted once
toll-check: b.tsv:6:3: warning: duplicate revision: same series, date and figure as a.tsv:6; counted once
toll-check: b.tsv:7:3: warning: duplicate revision: same series, date and figure as a.tsv:6; counted once
