#!/bin/sh
# toll-import on the real public exports of ../shared/data/real, read in
# place: each pipeline's totals (by country, month, type, side) against an
# independent computation with Python's csv module, written here from the
# files' own documentation, not from toll's output.
# Usage: tests/real/run.sh BINDIR.  Ends with "real: N passed, N failed".
set -u
bindir=$(cd "$1" && pwd) || exit 2
here=$(cd "$(dirname "$0")" && pwd)
real=${TOLL_REAL_DATA:-$here/../../../shared/data/real}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/toll-real.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
PATH="$bindir:$PATH"
LC_ALL=C
export PATH LC_ALL

passed=0
failed=0
if [ ! -f "$real/README.txt" ]; then
	echo "FAIL real: no real data at $real (set TOLL_REAL_DATA)"
	echo "real: 0 passed, 1 failed"
	exit 1
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "FAIL real: python3 is needed for the independent computations"
	echo "real: 0 passed, 1 failed"
	exit 1
fi

# check NAME: compares $tmp/toll (toll's answer) with $tmp/want (Python's).
check() {
	if [ -s "$tmp/want" ] && cmp -s "$tmp/toll" "$tmp/want"; then
		echo "ok real: $1"
		passed=$((passed + 1))
	else
		echo "FAIL real: $1"
		diff "$tmp/want" "$tmp/toll" | head -20 | sed 's/^/  /'
		failed=$((failed + 1))
	fi
}

# expect NAME STATUS WANTED_STATUS: an exit status.
expect() {
	if [ "$2" -eq "$3" ]; then
		echo "ok real: $1"
		passed=$((passed + 1))
	else
		echo "FAIL real: $1: exit $2, expected $3"
		failed=$((failed + 1))
	fi
}

# py SCRIPT: runs Python with the data folder as argv[1], output sorted as toll's (byte order).
py() {
	python3 -c "$1" "$real" | LC_ALL=C sort >"$tmp/want"
}

# The rows of a toll-agg output without its header, keys and the columns named.
cols() {
	awk -F '\t' -v want="$1" 'NR == 1 { n = split(want, w, ","); for (i = 1; i <= NF; i++) idx[$i] = i; next }
		{ line = ""; for (i = 1; i <= n; i++) line = line (i > 1 ? "\t" : "") $(idx[w[i]]); print line }' | LC_ALL=C sort
}

# Shared by the Python computations: sums into a dict, printed as TSV.
common='
import csv, sys, collections, datetime
csv.field_size_limit(1 << 30)
D = sys.argv[1]
def emit(c):
    for k, v in c.items():
        print("\t".join(list(k) + [str(x) for x in (v if isinstance(v, tuple) else (v,))]))
'

# --- ACLED, current layout: fatalities by country and month of event_date.
toll-import acled "$real/acled-benin-2022.csv" 2>"$tmp/err" | toll-agg -g country,start:month |
	cols country,start:month,best >"$tmp/toll"
py "$common
c = collections.Counter()
for r in csv.DictReader(open(D + '/acled-benin-2022.csv', newline='')):
    d = datetime.datetime.strptime(r['event_date'], '%d %B %Y')
    c[(r['country'], d.strftime('%Y-%m'))] += int(r['fatalities'])
emit(c)"
check "acled current layout: fatalities by country and month"
printf 'toll-import: acled (current layout): 811 read, 811 written, 0 refused, 0 widened, 0 defaulted\n' >"$tmp/want"
cp "$tmp/err" "$tmp/toll"
check "acled current layout: the summary"

# --- ACLED, older layout: by country and event type; the cut record refused, the
# event without event_id_cnty named by its data_id.
toll-import acled "$real/acled-old-2020-05.csv" 2>"$tmp/err" >"$tmp/old.tsv"
expect "acled older layout: a refused row is exit 1" $? 1
toll-agg -g country,event_type "$tmp/old.tsv" | cols country,event_type,best,events >"$tmp/toll"
py "$common
c = {}
for r in csv.DictReader(open(D + '/acled-old-2020-05.csv', newline='')):
    if r['fatalities'] == '':
        continue
    k = (r['country'], r['event_type'])
    f, e = c.get(k, (0, 0))
    c[k] = (f + int(r['fatalities']), e + 1)
emit(c)"
check "acled older layout: fatalities and events by country and event type"
printf '%s\n' "toll-import: $real/acled-old-2020-05.csv:5072:150: missing value in column 'fatalities'" \
	'toll-import: acled (older layout): 5071 read, 5070 written, 1 refused, 0 widened, 1 defaulted' >"$tmp/want"
cp "$tmp/err" "$tmp/toll"
check "acled older layout: the refusal names its line, the summary"
awk -F '\t' '$1 == "7080698" { print $1 }' "$tmp/old.tsv" >"$tmp/toll"
echo 7080698 >"$tmp/want"
check "acled older layout: an event without event_id_cnty is its data_id"

# --- ACLED, upper-case layout (notes with line breaks): by COUNTRY and month.
toll-import acled "$real/acled-upper-katehara.csv" 2>/dev/null | toll-agg -g country,start:month |
	cols country,start:month,best,events >"$tmp/toll"
py "$common
c = {}
for r in csv.DictReader(open(D + '/acled-upper-katehara.csv', newline='')):
    d = datetime.datetime.strptime(r['EVENT_DATE'], '%d-%B-%Y')
    k = (r['COUNTRY'], d.strftime('%Y-%m'))
    f, e = c.get(k, (0, 0))
    c[k] = (f + int(r['FATALITIES']), e + 1)
emit(c)"
check "acled upper-case layout: fatalities and events by country and month"

# --- UCDP GED: low, best, high by country; 13 events widened to hold their best.
ged='
def ged():
    for r in csv.DictReader(open(D + "/ucdp-ged231-sample1000.csv", newline="")):
        l, b, h = int(r["low"]), int(r["best"]), int(r["high"])
        yield r, min(l, b, h), b, max(l, b, h)
'
toll-import ucdp-ged "$real/ucdp-ged231-sample1000.csv" 2>"$tmp/err" >"$tmp/ged.tsv"
toll-agg -g country "$tmp/ged.tsv" | cols country,low,best,high >"$tmp/toll"
py "$common$ged
c = {}
for r, l, b, h in ged():
    o = c.get((r['country'],), (0, 0, 0))
    c[(r['country'],)] = (o[0] + l, o[1] + b, o[2] + h)
emit(c)"
check "ucdp-ged: low, best, high by country"
cp "$tmp/toll" "$tmp/by-country"
printf 'toll-import: ucdp-ged: 1000 read, 1000 written, 0 refused, 13 widened, 0 defaulted\n' >"$tmp/want"
cp "$tmp/err" "$tmp/toll"
check "ucdp-ged: the summary counts the widened events"

toll-agg -g type_of_violence,start:year "$tmp/ged.tsv" | cols type_of_violence,start:year,best,events >"$tmp/toll"
py "$common$ged
c = {}
for r, l, b, h in ged():
    k = (r['type_of_violence'], r['date_start'][:4])
    o = c.get(k, (0, 0))
    c[k] = (o[0] + b, o[1] + 1)
emit(c)"
check "ucdp-ged: best and events by type of violence and year"

# Split by side, each death still counted once; and the sides' own totals.
toll-import ucdp-ged --split-sides "$real/ucdp-ged231-sample1000.csv" 2>/dev/null >"$tmp/split.tsv"
toll-agg -g country "$tmp/split.tsv" | cols country,low,best,high >"$tmp/toll"
cp "$tmp/by-country" "$tmp/want"
check "ucdp-ged --split-sides: the same totals by country"
toll-agg -g status "$tmp/split.tsv" | cols status,best >"$tmp/toll"
py "$common$ged
c = collections.Counter()
for r, l, b, h in ged():
    c[('all',)] += b
    c[('military',)] += int(r['deaths_a']) + int(r['deaths_b'])
    c[('civilian',)] += int(r['deaths_civilians'])
    c[('unknown',)] += int(r['deaths_unknown'])
emit(c)"
check "ucdp-ged --split-sides: deaths by status"

toll-import ucdp-ged --strict "$real/ucdp-ged231-sample1000.csv" >/dev/null 2>"$tmp/err"
expect "ucdp-ged --strict: out-of-order figures refused, exit 1" $? 1
grep -c 'out of order (--strict)' "$tmp/err" >"$tmp/toll"
echo 13 >"$tmp/want"
check "ucdp-ged --strict: the 13 events named"

# --- A pandas table: unnamed index column, floats "344.0", periods YYYYMM.
toll-import table --row-events --map end=period,best=fatalities_UCDP --date-format %Y%m \
	--set reported=2025-01-31,source=UCDP,side=all,category=killed \
	"$real/ucdp-monthly-country-pandas.csv" 2>/dev/null | toll-agg -g isocode,end:year |
	cols isocode,end:year,best >"$tmp/toll"
py "$common
c = collections.Counter()
for r in csv.DictReader(open(D + '/ucdp-monthly-country-pandas.csv', newline='')):
    c[(r['isocode'], r['period'][:4])] += int(float(r['fatalities_UCDP']))
emit(c)"
check "pandas table: fatalities by country and year"

# --- WWI: M/D/YYYY dates, figures like 2.00E+05.
toll-import table --map event=battle,side=country,best=numbers --date-format %m/%d/%Y \
	--set reported=2018-11-11,source=wwi-explorer,category=casualties \
	"$real/wwi-battle-casualties.csv" 2>/dev/null | toll-agg -g side,start:year |
	cols side,start:year,best >"$tmp/toll"
py "$common
c = collections.Counter()
for r in csv.DictReader(open(D + '/wwi-battle-casualties.csv', newline='')):
    c[(r['country'], r['start'].split('/')[2])] += int(float(r['numbers']))
emit(c)"
check "wwi table: casualties by country and year"

# --- War Atlas: ranges; the row without a side refused.
toll-import table --map event=battle_slug,low=casualties_low,high=casualties_high \
	--set reported=2025-01-01,source=War\ Atlas,category=casualties \
	"$real/waratlas-battle_casualties.csv" 2>"$tmp/err" >"$tmp/wa.tsv"
expect "war atlas table: the row without a side is refused, exit 1" $? 1
toll-agg -g category "$tmp/wa.tsv" | cols category,low,best,high,events >"$tmp/toll"
py "$common
c = {}
for r in csv.DictReader(open(D + '/waratlas-battle_casualties.csv', newline='')):
    if r['side'] == '':
        continue
    l, h = int(r['casualties_low']), int(r['casualties_high'])
    o = c.get(('casualties',), (0, 0, 0, set()))
    c[('casualties',)] = (o[0] + l, o[1] + (l + h) // 2, o[2] + h, o[3] | {r['battle_slug']})
emit({k: v[:3] + (len(v[3]),) for k, v in c.items()})"
check "war atlas table: low, best, high and battles"

# --- The victim list: no header, one row per person, Armenian statuses and months.
toll-import table --no-header --names index,id,name,born,died,status,rank,phone,compensation,allowance \
	--row-events --map end=died,category=status --keep rank \
	--set reported=2021-03-01,source=1000plus.am,side=Armenia,status=military \
	--value-map 'category:Զոհված=killed,Անհայտ բացակայող=missing,I խմբի հաշմանդամ=wounded,II խմբի հաշմանդամ=wounded' \
	"$real/karabakh-2020-victims.csv" 2>/dev/null | toll-agg -g category,end:month |
	cols category,end:month,best >"$tmp/toll"
py "$common
months = {'Հնվ': 1, 'Փտրվ': 2, 'Մրտ': 3, 'Ապր': 4, 'Մայ': 5, 'Հուն': 6, 'Հուլ': 7, 'Օգս': 8,
          'Սեպ': 9, 'Հոկ': 10, 'Նոյ': 11, 'Դեկ': 12}
cat = {'Զոհված': 'killed', 'Անհայտ բացակայող': 'missing'}
c = collections.Counter()
for r in csv.reader(open(D + '/karabakh-2020-victims.csv', newline='')):
    day, mon, year = r[4].replace(',', '').split()
    c[(cat.get(r[5], 'wounded'), '%s-%02d' % (year, months[mon]))] += 1
emit(c)"
check "victim list: people by category and month of death"

echo "real: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
