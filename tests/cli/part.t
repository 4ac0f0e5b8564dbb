# --part I/K: the programs that read reports tables read only the rows of
# the events whose hash leaves I - 1 divided by K: the K parts hold every
# row once, an event whole in one part, and each message names the file
# and line read.

=== the parts of a table hold every row once: their normalized rows are the whole table's
$ for f in ../datasets/*.tsv; do for i in 1 2 3; do toll-check -n --part $i/3 "$f" 2>/dev/null | tail -n +2; done | LC_ALL=C sort > "$TEST_TMP/parts"; toll-check -n "$f" 2>/dev/null | tail -n +2 | LC_ALL=C sort > "$TEST_TMP/whole"; cmp -s "$TEST_TMP/parts" "$TEST_TMP/whole" && echo "$(basename "$f"): $(wc -l < "$TEST_TMP/whole") rows, the same"; done
--- stdout
1988-1994-karabakh-war.tsv: 10 rows, the same
2020-karabakh-war.tsv: 56 rows, the same
2022-09-border-clashes.tsv: 19 rows, the same
2023-09-karabakh-offensive.tsv: 24 rows, the same

=== an event's rows are all in one part: no event in two parts, 40 countries' 300 events spread over four
$ for i in 1 2 3 4; do toll-check -n --part $i/4 data/events.tsv | tail -n +2 | cut -f1 | sort -u > "$TEST_TMP/e$i"; wc -l < "$TEST_TMP/e$i"; done; cat "$TEST_TMP"/e[1-4] | sort | uniq -d | wc -l
--- stdout
71
87
79
63
0

=== toll-agg of the parts, added, is toll-agg of the whole (low, best, high, events, series)
$ for i in 1 2 3 4; do toll-agg --part $i/4 -g country,category data/events.tsv | tail -n +3; done | awk -F'\t' '{ k = $1 "\t" $2; l[k] += $3; b[k] += $4; h[k] = ($5 == "" || h[k] == "none") ? "none" : h[k] + $5; e[k] += $6; s[k] += $7 } END { for (k in l) print k "\t" l[k] "\t" b[k] "\t" (h[k] == "none" ? "" : h[k]) "\t" e[k] "\t" s[k] }' | LC_ALL=C sort > "$TEST_TMP/parts"; toll-agg -g country,category data/events.tsv | tail -n +2 | cut -f1-7 | LC_ALL=C sort > "$TEST_TMP/whole"; cmp "$TEST_TMP/parts" "$TEST_TMP/whole" && wc -l < "$TEST_TMP/whole"
--- stdout
80

=== a bad row is said once, by the part its event is in (one the reader cannot split, by part 1), with the file and line read
$ for i in 1 2 3; do toll-check --part $i/3 data/threads.tsv; echo "exit $?" >&2; done 2>&1 >/dev/null | grep -v '^exit' | LC_ALL=C sort > "$TEST_TMP/parts"; toll-check data/threads.tsv 2>&1 | LC_ALL=C sort > "$TEST_TMP/whole"; cmp "$TEST_TMP/parts" "$TEST_TMP/whole" && wc -l < "$TEST_TMP/whole"; for i in 1 2 3; do toll-check --part $i/3 data/threads.tsv 2>/dev/null; echo "part $i: exit $?"; done; toll-check --part 1/3 data/threads.tsv 2>&1 | grep fields
--- stdout
10
part 1: exit 1
part 2: exit 1
part 3: exit 0
toll-check: data/threads.tsv:97:34: expected 11 fields, found 6

=== an event as read: quoted in CSV, escaped in TSV, after a byte-order mark, it is the same event, in the same part
$ printf '\357\273\277event\treported\tsource\tside\tcategory\tbest\ntab\\there\t2022-01-01\ts\tall\tkilled\t1\n' > "$TEST_TMP/a.tsv"; printf 'event,reported,source,side,category,best\n"tab\there",2022-01-02,s,all,killed,2\n' > "$TEST_TMP/b.csv"; for i in 1 2 3 4 5 6 7; do a=$(toll-check -n --part $i/7 "$TEST_TMP/a.tsv" | tail -n +2 | wc -l); b=$(toll-check -n --part $i/7 "$TEST_TMP/b.csv" | tail -n +2 | wc -l); [ "$a$b" = 00 ] || echo "part $i of 7: $a and $b"; done
--- stdout
part 5 of 7: 1 and 1

=== --part on toll-rev and toll-agg's threads: the same rows whatever the threads
$ for i in 1 2; do toll-rev history --part $i/2 ../datasets/2020-karabakh-war.tsv | tail -n +2; done | wc -l; toll-rev history ../datasets/2020-karabakh-war.tsv | tail -n +2 | wc -l; toll-agg --part 2/3 --threads 4 -g event data/threads.tsv 2>/dev/null | md5sum > "$TEST_TMP/t4"; toll-agg --part 2/3 --threads 1 -g event data/threads.tsv 2>/dev/null | md5sum | cmp - "$TEST_TMP/t4" && echo same
--- stdout
56
56
same

=== usage errors: a part out of range, not I/K
$ for p in 0/4 5/4 1/0 1/x x/2 1/2/3 -1/2 1/1000001 ''; do toll-agg --part "$p" data/events.tsv; echo "exit $?"; done 2>&1 | sort | uniq -c | sed 's/^ *//'
--- stdout
9 Try 'toll-agg --help' for more information.
9 exit 2
1 toll-agg: invalid --part '': expected I/K, whole numbers with 1 <= I <= K <= 1000000 (part I of K)
1 toll-agg: invalid --part '-1/2': expected I/K, whole numbers with 1 <= I <= K <= 1000000 (part I of K)
1 toll-agg: invalid --part '0/4': expected I/K, whole numbers with 1 <= I <= K <= 1000000 (part I of K)
1 toll-agg: invalid --part '1/0': expected I/K, whole numbers with 1 <= I <= K <= 1000000 (part I of K)
1 toll-agg: invalid --part '1/1000001': expected I/K, whole numbers with 1 <= I <= K <= 1000000 (part I of K)
1 toll-agg: invalid --part '1/2/3': expected I/K, whole numbers with 1 <= I <= K <= 1000000 (part I of K)
1 toll-agg: invalid --part '1/x': expected I/K, whole numbers with 1 <= I <= K <= 1000000 (part I of K)
1 toll-agg: invalid --part '5/4': expected I/K, whole numbers with 1 <= I <= K <= 1000000 (part I of K)
1 toll-agg: invalid --part 'x/2': expected I/K, whole numbers with 1 <= I <= K <= 1000000 (part I of K)

=== toll-agg --merge of the parts is, byte for byte, toll-agg of the whole: every dataset, keys, policies (a mean's halves), --as-of, --include-adversary, date bins, one total row
$ n=0; for args in "-g side,status,category" "-g event,category -c mean" "-g category -c median" "-g side,category --as-of 2022-09-14" "-g side,category --include-adversary" "-g category,end:month -c max" "-g event,source,category -c each"; do for f in ../datasets/*.tsv data/events.tsv; do for i in 1 2 3; do eval toll-agg --part $i/3 $args "$f" > "$TEST_TMP/p$i" 2>/dev/null; done; eval toll-agg $args "$f" > "$TEST_TMP/w" 2>/dev/null; toll-agg --merge "$TEST_TMP/p1" "$TEST_TMP/p2" "$TEST_TMP/p3" | cmp -s - "$TEST_TMP/w" && n=$((n + 1)) || echo "differs: $args $f"; done; done; echo "$n the same"
--- stdout
35 the same

=== a part says what it is a part of; the merge reads it, in any order of the parts
$ for i in 1 2; do toll-agg --part $i/2 -g side,category --as-of 2022-09 -c max ../datasets/2022-09-border-clashes.tsv > "$TEST_TMP/p$i"; done; head -n 1 "$TEST_TMP/p2"; toll-agg --merge "$TEST_TMP/p2" "$TEST_TMP/p1"
--- stdout
# toll-agg part 2/2: -g side,category -c max --as-of 2022-09-30
side	category	low	best	high	events	series	qualifier	best_by	adversary
Armenia	captured	20	20	20	1	1		sources	
Armenia	killed	135	135		1	1		sources	
Armenia	killed_or_missing	207	207	207	1	2		sources	
Armenia	wounded	296	296	296	1	2		sources	
Azerbaijan	killed	79	79	79	1	1		sources	
Azerbaijan	wounded	282	282	282	1	1		sources	

=== --merge refuses a part missing, a part twice, a part of another run, a file that is no part, standard input, and options that a part fixes
$ for i in 1 2 3; do toll-agg --part $i/3 -g country,category data/events.tsv > "$TEST_TMP/p$i"; done; toll-agg --part 1/3 -g country,category -c max data/events.tsv > "$TEST_TMP/other"; cd "$TEST_TMP"; toll-agg --merge p1 p3; echo "exit $?"; toll-agg --merge p1 p2 p3 p2; echo "exit $?"; toll-agg --merge p1 p2 other; echo "exit $?"; toll-agg -g country data/events.tsv 2>/dev/null > whole; toll-agg --merge whole; echo "exit $?"; toll-agg --merge - < p1; echo "exit $?"; toll-agg --merge -g country p1 p2 p3; echo "exit $?"; toll-agg --merge; echo "exit $?"; toll-agg --merge nowhere; echo "exit $?"
--- stdout
exit 1
exit 1
exit 1
exit 1
exit 2
exit 2
exit 2
exit 2
--- stderr
toll-agg: 1 of the 3 parts of '-g country,category -c consensus --as-of all' missing (2): the others add up to no run's output
toll-agg: p2:1:1: part 2 of 3 again ('p2' is it): each part counts once
toll-agg: other:1:1: a part of another run ('1/3: -g country,category -c max --as-of all'; 'p1' is a part of 3 of '-g country,category -c consensus --as-of all')
toll-agg: whole:1:1: not a part: its first line is not toll-agg --part's "# toll-agg part I/K: ..."
toll-agg: --merge reads files (the first line of each says its part), not standard input
Try 'toll-agg --help' for more information.
toll-agg: --merge takes the parts' keys, policy and date: no -g, -c, --as-of, --include-adversary or --part with it
Try 'toll-agg --help' for more information.
toll-agg: --merge: no parts given (the files toll-agg --part wrote)
Try 'toll-agg --help' for more information.
toll-agg: cannot open 'nowhere': No such file or directory

=== --merge checks each row as toll-agg writes it (a bad figure named at its place), and sums past toll-agg's limit as toll-agg does
$ for i in 1 2; do toll-agg --part $i/2 -g country,category data/events.tsv > "$TEST_TMP/p$i"; done; sed '3s/\t[0-9]*\t/\tx\t/' "$TEST_TMP/p2" > "$TEST_TMP/bad"; toll-agg --merge "$TEST_TMP/p1" "$TEST_TMP/bad" 2>"$TEST_TMP/err"; echo "exit $?"; sed "s|$TEST_TMP/||" "$TEST_TMP/err"; printf '# toll-agg part %s/2: -g side -c consensus --as-of all\nside\tlow\tbest\thigh\tevents\tseries\tqualifier\tbest_by\tadversary\nA\t0\t9223372036854775807\t\t1\t1\t\tsources\t\n' 1 > "$TEST_TMP/b1"; printf '# toll-agg part %s/2: -g side -c consensus --as-of all\nside\tlow\tbest\thigh\tevents\tseries\tqualifier\tbest_by\tadversary\nA\t0\t1\t\t1\t1\t\tsources\t\n' 2 > "$TEST_TMP/b2"; toll-agg --merge "$TEST_TMP/b1" "$TEST_TMP/b2" 2>"$TEST_TMP/err"; echo "exit $?"; sed "s|$TEST_TMP/||" "$TEST_TMP/err"
--- stdout
exit 1
toll-agg: bad:3:19: invalid low 'x': not as toll-agg writes it
exit 1
toll-agg: b2:3:1: the sum of 'best' for side 'A' is larger than 9223372036854775807
