=== 'toll check' runs toll-check with the arguments
$ toll check --summary data/good.tsv
--- stdout
rows	series	events	warnings	first_reported	last_reported
5	4	3	0	2009-01-01	2022-09-14

=== the exit status of the program is toll's
$ toll check data/empty.tsv
--- stderr
toll-check: data/empty.tsv:1:1: no header line
--- exit 1

=== 'toll check' finds toll-check beside toll even when PATH does not have it
$ t=$(command -v toll); PATH=/nonexistent "$t" check -n data/header-only.tsv
--- stdout
event	reported	source	side	category	status	low	best	high	qualifier	start	end

=== toll help lists the commands
$ toll help
--- stdout
Usage: toll COMMAND [ARG]...
       toll help [COMMAND]
toll is a casualty statistics toolkit: 'toll COMMAND' runs the program
toll-COMMAND with the arguments given.

Commands:
  check    validate report tables; --normalize writes canonical TSV
  agg      combine revised, conflicting claims into low/best/high totals
  rev      revision history, summaries and diffs of report tables
  stats    grouped statistics of numeric columns, with GSL
  plot     charts to PNG, PDF or SVG, with cairo and pango
  import   ACLED, UCDP GED and any table as a reports table
  extract  casualty figures out of news text, each with its sentence
  report   a dataset's whole story as one PDF: totals, revisions, claims
  split    a reports table in K parts by event, for runs on several hosts

  -h, --help     show this help and exit
  -V, --version  show the version and exit

'toll help COMMAND' shows the help of toll-COMMAND.

=== toll --help is the same
$ toll help >"$TEST_TMP/help" && toll --help | cmp - "$TEST_TMP/help" && echo same
--- stdout
same

=== toll help COMMAND shows the program's help
$ toll help check | head -n 2
--- stdout
Usage: toll-check [OPTION]... [FILE]...
Validate report tables: every rule of the toll format, every row.

=== toll --version: the release and the commit
$ v=$(cat ../src/VERSION); toll --version | sed -E "s/^toll $v \\(git [0-9a-f]{7,}(-dirty)?\\)$/ok/"
--- stdout
ok

=== no command: the usage on standard error
$ toll 2>"$TEST_TMP/usage"; echo "exit $?"; toll help | cmp - "$TEST_TMP/usage" && echo same
--- stdout
exit 2
same

=== unknown command
$ toll frobnicate x
--- stderr
toll: 'frobnicate' is not a toll command; see 'toll help'
--- exit 2

=== help for an unknown command
$ toll help frobnicate
--- stderr
toll: 'frobnicate' is not a toll command; see 'toll help'
--- exit 2

=== unknown option
$ toll --frobnicate
--- stderr
toll: unknown option '--frobnicate'
Try 'toll --help' for more information.
--- exit 2

=== a command whose program cannot be found
$ [ -z "${TOLL_UNDER_VALGRIND:-}" ] || { echo "under valgrind toll is a wrapper: a copy still finds the programs" >&2; exit 77; }; cp "$(command -v toll)" "$TEST_TMP/toll-alone" && PATH=/nonexistent "$TEST_TMP/toll-alone" check data/good.tsv
--- stderr
toll: cannot run 'toll-check': No such file or directory
--- exit 2

=== help takes one command name
$ toll help check extra
--- stderr
toll: 'help' takes one command name
Try 'toll --help' for more information.
--- exit 2

=== every --help example on the project's own data runs, with nothing on standard error but the data's warnings and toll-stats' note
# Examples naming files a user brings (reports.csv, export.csv, page.html, ...) are left out.
$ d=$(mktemp -d "$TEST_TMP/ex.XXXXXX"); ln -s "$(pwd)/../datasets" "$d/datasets"; cd "$d"; for p in toll-check toll-agg toll-rev toll-stats toll-plot toll-import toll-extract toll-report toll-split; do $p --help | awk '/^Examples?:/ { f = 1; next } f && /^  / { sub(/^  /, ""); line = line $0; if (line ~ /\\$/) { sub(/\\$/, "", line); next } print line; line = "" }' ; done | grep 'datasets/' | grep -v -E 'reports\.(csv|tsv)|export\.csv|ged231|page\.html|events\.tsv|x\.tsv|v1:' >ex.sh; n=0; while IFS= read -r cmd; do n=$((n + 1)); sh -c "$cmd" >/dev/null 2>err || echo "fails: $cmd"; grep -v -e 'latest revision of each series counted' -e ': warning: ' err | awk -v c="$cmd" '{ print "stderr of " c ": " $0 }'; done <ex.sh; echo "$n examples"
--- stdout
10 examples

=== every option a --help names is one getopt takes, and every option line's help starts at column 24 or two spaces after a longer name
# (one table of options per program makes both: a line out of place, or an option the help
# names that the table lacks, shows here; toll-import's formats set theirs at column 26)
$ for p in toll-check toll-agg toll-rev toll-stats toll-plot toll-import toll-extract toll-report toll-split; do for o in $($p --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do $p $o </dev/null 2>&1 >/dev/null | grep -e "unknown option" | sed "s/^/$p: /"; done; $p --help | awk -v p="$p" '/^Examples?:/ { exit } match($0, /^ +(-[a-zA-Z](, --[^ ]+| [A-Z]+)?|--[^ ]+)/) { n = RLENGTH; s = substr($0, n + 1); k = match(s, /[^ ]/) - 1; if (k <= 0 || substr(s, k + 1, 2) == "--") next; if (!((n < 23 && n + k == 23) || (n >= 23 && k == 2) || (p == "toll-import" && (n + k == 25 || (n >= 25 && k == 1))))) print p ": " $0 }'; done; echo done
--- stdout
done
