=== --threads takes a whole number from 1
$ toll-check --threads 0 data/good.tsv
--- stderr
toll-check: invalid --threads '0': expected a whole number from 1 to 1024
Try 'toll-check --help' for more information.
--- exit 2

=== --threads: not a number
$ toll-agg --threads two data/good.tsv
--- stderr
toll-agg: invalid --threads 'two': expected a whole number from 1 to 1024
Try 'toll-agg --help' for more information.
--- exit 2

=== --threads: more than 1024
$ toll-stats --threads 2000 count data/stats.tsv
--- stderr
toll-stats: invalid --threads '2000': expected a whole number from 1 to 1024
Try 'toll-stats --help' for more information.
--- exit 2

=== --threads needs a value
$ toll-rev history data/rev.tsv --threads
--- stderr
toll-rev: option '--threads' needs a value
Try 'toll-rev --help' for more information.
--- exit 2

=== read in chunks of 50 bytes by 3 threads: the same rows, messages and line numbers as in order
$ TOLL_READ_CHUNK=50 toll-check -n --threads 3 data/threads.tsv
--- stderr
toll-check: data/threads.tsv:93:45: warning: 'best' 5 is below 82, the series' revision before it (line 85): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-check: data/threads.tsv:94:19: warning: side 'All sides' is a side of its own: the side that holds every side is written 'all'
toll-check: data/threads.tsv:95:4: invalid date '2022-09-31' in column 'reported': September 2022 has 30 days
toll-check: data/threads.tsv:96:28: invalid category 'kiled' in column 'category': expected killed, wounded, missing, captured, killed_or_missing or casualties
toll-check: data/threads.tsv:97:34: expected 11 fields, found 6
toll-check: data/threads.tsv:98:27: the side is within 'Armenia' on line 63, within 'Azerbaijan' here: a side has one holder in an event
toll-check: data/threads.tsv:99:50: 'best' 50 is above 'high' 45
toll-check: data/threads.tsv:90:52: warning: 'best' 25 is below 30, the series' revision before it (line 9): a cumulative figure fell; a correction, or a transposed digit? (if known, say [correction] in its note)
toll-check: data/threads.tsv:91:4: warning: duplicate revision: same series, date and figure as line 35; counted once
toll-check: data/threads.tsv:92:4: conflicting revisions: same series and date as line 36, different figure
--- exit 1

=== every program, every chunk size from 1 byte to more than the file: the same output, messages and status as one thread
$ for c in 1 2 3 7 20 64 150 400 1000 3000 7000; do for p in "toll-check -n" "toll-check -s" "toll-check -m 3" "toll-agg" "toll-agg -g event,side --combine max" "toll-rev history" "toll-rev summary" "toll-stats -g event,side count sum:best median:best" "toll-stats --every-revision -g event,side count sum:best median:best"; do $p --threads 1 data/threads.tsv >"$TEST_TMP/one" 2>&1; echo "exit $?" >>"$TEST_TMP/one"; TOLL_READ_CHUNK=$c $p --threads 3 data/threads.tsv >"$TEST_TMP/three" 2>&1; echo "exit $?" >>"$TEST_TMP/three"; cmp -s "$TEST_TMP/one" "$TEST_TMP/three" || echo "chunk $c: $p differs"; done; done; echo checked
--- stdout
checked

=== two files, the second with its columns in another order, read in chunks: the same as one thread
$ awk -F'\t' -v OFS='\t' '/^#/ || NF < 11 { next } { print $11, $10, $9, $8, $7, $6, $5, $4, $3, $2, $1 }' data/threads.tsv >"$TEST_TMP/reordered.tsv"; for c in 5 33 500; do for p in "toll-check -n" "toll-agg -g event,side" "toll-rev diff"; do $p --threads 1 data/threads.tsv "$TEST_TMP/reordered.tsv" >"$TEST_TMP/one" 2>&1; echo "exit $?" >>"$TEST_TMP/one"; TOLL_READ_CHUNK=$c $p --threads 2 data/threads.tsv "$TEST_TMP/reordered.tsv" >"$TEST_TMP/two" 2>&1; echo "exit $?" >>"$TEST_TMP/two"; cmp -s "$TEST_TMP/one" "$TEST_TMP/two" || echo "chunk $c: $p differs"; done; done; echo checked
--- stdout
checked

=== a file of several chunks of the default size (1 MiB), read by 2 threads: the same as one thread
$ awk 'BEGIN { print "event\treported\tsource\tside\tcategory\tlow\tbest\thigh\tnote"; for (i = 0; i < 60000; i++) { r = int(i / 1455); b = r * 10 + i % 7; printf "e%d\t2022-%02d-%02d\tS%d\tside %d\tkilled\t%s\t%d\t%s\tnote %d\n", i % 97, 1 + int(r / 28), 1 + r % 28, i % 5, i % 3, i % 6 ? "" : b, b, i % 10 ? "" : b + 9, i } }' >"$TEST_TMP/big.tsv"; for p in "toll-check -n" "toll-check -s" "toll-agg" "toll-stats -g side count sum:best median:best" "toll-stats --every-revision -g side count sum:best median:best"; do $p --threads 1 "$TEST_TMP/big.tsv" >"$TEST_TMP/one" 2>&1; echo "exit $?" >>"$TEST_TMP/one"; $p --threads 2 "$TEST_TMP/big.tsv" >"$TEST_TMP/two" 2>&1; echo "exit $?" >>"$TEST_TMP/two"; cmp -s "$TEST_TMP/one" "$TEST_TMP/two" && echo "$p: the same, $(wc -l <"$TEST_TMP/one") lines" || echo "$p differs"; done
--- stdout
toll-check -n: the same, 60002 lines
toll-check -s: the same, 3 lines
toll-agg: the same, 5 lines
toll-stats -g side count sum:best median:best: the same, 6 lines
toll-stats --every-revision -g side count sum:best median:best: the same, 5 lines

=== without a header line (--no-header, --names): the first record is a row, and the rest is read in chunks the same way
$ for c in 1 9 100 2000; do for p in "toll-stats --no-header -g 4 count" "toll-stats --no-header --names a,b,c,d,e,f,g,h,i,j,k -g d,f count"; do $p --threads 1 data/threads.tsv >"$TEST_TMP/one" 2>&1; echo "exit $?" >>"$TEST_TMP/one"; TOLL_READ_CHUNK=$c $p --threads 3 data/threads.tsv >"$TEST_TMP/three" 2>&1; echo "exit $?" >>"$TEST_TMP/three"; cmp -s "$TEST_TMP/one" "$TEST_TMP/three" || echo "chunk $c: $p differs"; done; done; cat "$TEST_TMP/three"
--- stdout
toll-stats: data/threads.tsv:97:34: expected 11 fields, found 6
exit 1

=== toll-stats of more than 64 columns: numbers read in the reading thread, rows still split in chunks, the same result
$ awk 'BEGIN { for (c = 1; c <= 70; c++) printf "%s%s", (c > 1 ? "\t" : ""), "c" c; print ""; for (r = 0; r < 2000; r++) { for (c = 1; c <= 70; c++) printf "%s%d", (c > 1 ? "\t" : ""), (r * c) % 97; print "" } }' >"$TEST_TMP/wide.tsv"; ops=$(for c in $(seq 1 70); do printf 'sum:c%d ' "$c"; done); toll-stats --threads 1 -g c1 $ops "$TEST_TMP/wide.tsv" >"$TEST_TMP/one"; TOLL_READ_CHUNK=999 toll-stats --threads 3 -g c1 $ops "$TEST_TMP/wide.tsv" >"$TEST_TMP/three"; cmp "$TEST_TMP/one" "$TEST_TMP/three" && wc -l <"$TEST_TMP/three" && cut -f 1,71 "$TEST_TMP/three" | sed -n 3p
--- stdout
98
1	1470

=== toll-stats computes its groups' results in threads (from 65,536 values): the same results whatever the threads
# The columns shown are those that need no long double (valgrind computes it as a double).
$ awk 'BEGIN { x = 7; print "g\tv\tc"; for (i = 0; i < 120000; i++) { x = (x * 1103515245 + 12345) % 2147483648; g = x % 100; g = g < 50 ? "a" : g < 80 ? "b" : g < 95 ? "c" : "d" (g % 3); printf "%s\t%s\t%d\n", g, (x % 9 == 0 && g == "b") ? "" : (x % 100000) / 100 - 200, x % 50 } print "e\t\t3" }' >"$TEST_TMP/values.tsv"; ops="count median:v q1:v q3:v p90:v iqr:v sd:v var:v mad:v ci95:v min:v max:v sum:v mean:v median:c"; for n in 1 2 3 8; do toll-stats --threads $n --resamples 50 -g g $ops "$TEST_TMP/values.tsv" >"$TEST_TMP/out$n"; echo "exit $?" >>"$TEST_TMP/out$n"; done; for n in 2 3 8; do cmp -s "$TEST_TMP/out1" "$TEST_TMP/out$n" || echo "$n threads differ"; done; cut -f1,2,3,4,6,10 "$TEST_TMP/out1"
--- stdout
g	count	median_v	q1_v	p90_v	mad_v
a	61613	300.16	51.2	702.4	373.852975418373
b	33651	307.52	59.52	704.64	361.992157670328
c	19394	290.88	42.88	692.8	367.685350189389
d0	5330	312.96	40.96	680.96	391.406985685479
d1	12	-105.03	-105.03	-105.03	0
e	1				
exit 0
