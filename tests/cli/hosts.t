# Runs on several hosts with GNU parallel, as the README shows: each case
# starts a private sshd on 127.0.0.2 and 127.0.0.3 (tests/hosts/sshd.sh:
# its keys, configuration and logs in $TEST_TMP; nothing else is ever a
# target), runs a pipeline across both, checks that both ran jobs and that
# the result is byte for byte one run's, and stops them.  Skipped (exit 77)
# on a machine without sshd, ssh, parallel or rsync.  A document of a
# corpus cut in pieces needs an id: without one it is named by its line in
# its piece.

=== toll-agg on two hosts that share the file system: each part where parallel sends it, the merge is one run's
$ h="$TEST_TMP/h1"; sshd="$(pwd)/hosts/sshd.sh"; ssh=$(sh "$sshd" start "$h") || exit $?; trap 'sh "$sshd" stop "$h"' EXIT; export HOME="$h/home"; mkdir -p "$HOME" "$h/work"; bin=$(cd "$(dirname "$(command -v toll-agg)")" && pwd); cp data/events.tsv "$h/work/"; cd "$h/work" && parallel --will-cite --env LC_ALL --ssh "$ssh" -S 1/127.0.0.2,1/127.0.0.3 --wd "$h/work" --joblog jobs "$bin/toll-agg --part {}/4 -g country,category events.tsv > agg{}" ::: 1 2 3 4; echo "exit $?"; tail -n +2 jobs | cut -f2 | sort -u; toll-agg -g country,category events.tsv > whole; toll-agg --merge agg1 agg2 agg3 agg4 | cmp - whole && echo "the merge is one run's: $(wc -l < whole) lines"

--- stdout
exit 0
127.0.0.2
127.0.0.3
the merge is one run's: 81 lines

=== toll-split's parts sent to the hosts and the outputs brought back (--transferfile, --return, --cleanup); a bad row is said at its original file and line
$ h="$TEST_TMP/h2"; sshd="$(pwd)/hosts/sshd.sh"; ssh=$(sh "$sshd" start "$h") || exit $?; command -v rsync >/dev/null || { echo "no rsync" >&2; exit 77; }; trap 'sh "$sshd" stop "$h"' EXIT; export HOME="$h/home"; mkdir -p "$HOME" "$h/work"; bin=$(cd "$(dirname "$(command -v toll-agg)")" && pwd); toll-split -k 4 -o "$h/work/part" data/events.tsv; toll-split -k 2 -o "$h/work/t" data/threads.tsv; cd "$h/work" && parallel --will-cite --env LC_ALL --ssh "$ssh" -S 1/127.0.0.2,1/127.0.0.3 --wd "$h/remote" --transferfile part{}.tsv --return agg{} --cleanup --joblog jobs "$bin/toll-agg --part {}/4 -g country,category part{}.tsv > agg{}" ::: 1 2 3 4; echo "exit $?"; tail -n +2 jobs | cut -f2 | sort -u; ls "$h/remote" 2>/dev/null | wc -l; toll-agg -g country,category "$OLDPWD/data/events.tsv" > whole; toll-agg --merge agg1 agg2 agg3 agg4 | cmp - whole && echo "the merge is one run's"; parallel --will-cite --env LC_ALL --ssh "$ssh" -S 1/127.0.0.2,1/127.0.0.3 --wd "$h/remote" --transferfile t{}.tsv --cleanup "$bin/toll-check --part {}/2 t{}.tsv" ::: 1 2 2>&1 | LC_ALL=C sort > said; (cd "$OLDPWD" && toll-check data/threads.tsv 2>&1) | LC_ALL=C sort | cmp - said && grep fields said

--- stdout
exit 0
127.0.0.2
127.0.0.3
0
the merge is one run's
toll-check: data/threads.tsv:97:34: expected 11 fields, found 6

=== toll-extract on a corpus of JSON Lines, a piece to each host (--pipepart, -k): the rows are one run's
$ h="$TEST_TMP/h3"; sshd="$(pwd)/hosts/sshd.sh"; ssh=$(sh "$sshd" start "$h") || exit $?; trap 'sh "$sshd" stop "$h"' EXIT; export HOME="$h/home"; mkdir -p "$HOME" "$h/work"; bin=$(cd "$(dirname "$(command -v toll-extract)")" && pwd); for i in 1 2 3 4 5 6 7 8; do cat data/docs.jsonl; done | awk '!/"id": / { sub(/^[{]/, "{\"id\": \"x\", ") } { sub(/"id": "/, "\"id\": \"" NR "-") } 1' > "$h/work/docs.jsonl"; cd "$h/work" && parallel --will-cite --env LC_ALL --ssh "$ssh" -S 1/127.0.0.2,1/127.0.0.3 --pipepart -a docs.jsonl --block -2 -k --joblog jobs "$bin/toll-extract --docs -e clashes" > pieces; echo "exit $?"; tail -n +2 jobs | cut -f2 | sort -u; awk 'NR == 1 { h = $0 } NR == 1 || $0 != h' pieces > rows; toll-extract --docs -e clashes docs.jsonl | cmp - rows && echo "one run's rows: $(($(wc -l < rows) - 1)), from $(grep -c . docs.jsonl) documents"

--- stdout
exit 0
127.0.0.2
127.0.0.3
one run's rows: 232, from 208 documents
