#!/bin/sh
# make bench: side-by-side benchmarks.  Usage: tests/bench/run.sh BUILD [RUNS]
#
# Generates report tables with tests/bench/gen.c into tests/bench/out/
# (kept between runs), then times toll's programs and the tools a user
# would otherwise reach for, taking turns, and prints Markdown tables of
# median times and peak memory.  Ratios are what to read: absolute times
# depend on the machine.  Never part of make check.
set -eu
build=$1
runs=${2:-7}
here=$(cd "$(dirname "$0")" && pwd)
out="$here/out"
bin="$build/bin"
mkdir -p "$out" "$build/bench"

cc=${CC:-cc}
$cc -O2 -std=c11 -Wall -Wextra -o "$build/bench/gen" "$here/gen.c"
$cc -O2 -std=c11 -Wall -Wextra -o "$build/bench/measure" "$here/measure.c"
$cc -O2 -std=c11 -Wall -Wextra -o "$build/bench/gen_acled" "$here/gen_acled.c"
$cc -O2 -std=c11 -Wall -Wextra -o "$build/bench/gen_jsonl" "$here/gen_jsonl.c"
gen="$build/bench/gen"
measure="$build/bench/measure"

# name rows revisions-per-series
for spec in "1m 1000000 4" "250k-1rev 250000 1" "1m-1rev 1000000 1"; do
	set -- $spec
	[ -s "$out/$1.tsv" ] || "$gen" "$2" "$3" >"$out/$1.tsv"
done

have() { command -v "$1" >/dev/null 2>&1; }
# "the same WHAT (byte-identical output)" when files A and B are, else where to look.
agree() {
	if cmp -s "$2" "$3"; then
		echo "the same $1 (byte-identical output)"
	else
		echo "DIFFERENT $1: see $2 and $3"
	fi
}
[ -s "$out/acled-1m.csv" ] || "$build/bench/gen_acled" 1000000 >"$out/acled-1m.csv"
# A news-like corpus of 100 MB: the sentences of tests/data/news.txt
# among paragraphs of ordinary news prose (numbers of other things, dates,
# times), varied so that no two paragraphs are the same.
if [ ! -s "$out/news-100m.txt" ]; then
	awk -v target=104857600 '
		NR == FNR { if ($0 != "") s[n++] = $0; next }
		END {
			split("Yerevan Baku Moscow Tbilisi Ankara Tehran Stepanakert Goris Jermuk Tavush", town, " ")
			while (bytes < target) {
				i++
				p = sprintf("Talks in %s resumed on %d September %d at %02d:%02d, the %d-member delegation said. " \
				    "The ministry published %d pages of documents about the %d villages in the region, and %d reporters attended. ", \
				    town[i % 10 + 1], i % 28 + 1, 1990 + i % 35, i % 24, i % 60, i % 40 + 2, i % 900 + 10, i % 50 + 2, i % 90 + 5)
				p = p s[i % n] " " s[(i * 7) % n] "\n\n"
				printf "%s", p
				bytes += length(p)
			}
		}' "$here/../data/news.txt" /dev/null >"$out/news-100m.txt"
fi

# Prints one Markdown row per measured command: name, median, memory, ratio to the first.
table() {
	awk -F'\t' 'NR == 1 { base = $2 }
		{ printf "| %s | %.3f s | %.1f MiB | %.2f |\n", $1, $2, $3 / 1024, $2 / base
		  if ($4 != 0) bad = bad " " $1 }
		END { if (bad != "") printf "\nexit status not 0:%s\n", bad }'
}

f="$out/1m.tsv"
echo "toll-check on $(wc -l <"$f" | tr -d ' ') lines, $(du -m "$f" | cut -f1) MB ($runs runs each, median)"
echo
echo "| command | time | peak memory | time / toll-check |"
echo "| --- | --- | --- | --- |"
set -- "toll-check FILE" "$bin/toll-check $f"
set -- "$@" "toll-check < FILE (pipe: one reading, all revisions kept)" "$bin/toll-check < $f"
set -- "$@" "toll-check --normalize FILE" "$bin/toll-check --normalize $f"
if have mawk; then
	set -- "$@" "mawk -F'\\t' 'NF!=11{exit 1}' FILE" "mawk -F'\t' 'NF!=11{exit 1}' $f"
else
	echo "(mawk is not installed: skipped; as root, make bench installs it)" >&2
fi
"$measure" "$runs" "$@" | table
echo
echo "toll-check memory against the number of series and of rows"
echo
echo "| table | rows | series | time | peak memory |"
echo "| --- | --- | --- | --- | --- |"
for name in 250k-1rev 1m 1m-1rev; do
	f="$out/$name.tsv"
	counts=$("$bin/toll-check" --summary "$f" | sed -n 2p)
	rows=$(echo "$counts" | cut -f1)
	series=$(echo "$counts" | cut -f2)
	"$measure" "$runs" "$name" "$bin/toll-check $f" |
		awk -F'\t' -v r="$rows" -v s="$series" '{ printf "| %s | %s | %s | %.3f s | %.1f MiB |\n", $1, r, s, $2, $3 / 1024 }'
done

f="$out/1m.tsv"
echo
echo "toll-rev on the same table: every revision kept and sorted by series"
echo
echo "| command | time | peak memory | time / history |"
echo "| --- | --- | --- | --- |"
set -- "toll-rev history FILE" "$bin/toll-rev history $f"
set -- "$@" "toll-rev summary FILE" "$bin/toll-rev summary $f"
set -- "$@" "toll-rev diff FILE FILE" "$bin/toll-rev diff $f $f"
"$measure" "$runs" "$@" | table

# toll-stats against datamash and mawk.  datamash stops at an empty field,
# so all three read the table as toll-check --normalize writes it, less
# the rows whose best no source stated (--normalize leaves it empty: toll
# would supply a range's middle, which the others cannot); side, category
# and best are columns 4, 5 and 8.
n="$out/1m-norm.tsv"
[ -s "$n" ] && [ "$n" -nt "$f" ] && [ "$n" -nt "$bin/toll-check" ] ||
	"$bin/toll-check" --normalize "$f" | awk -F'\t' 'NR == 1 || $8 != ""' >"$n"
echo
if have datamash; then
	# (its last column, approximate, counts what datamash cannot know)
	"$bin/toll-stats" --every-revision -g side,category count sum:best mean:best median:best "$n" | sed 1d |
		cut -f 1-6 >"$build/bench/stats-toll.tsv"
	datamash -H -s -g 4,5 count 8 sum 8 mean 8 median 8 <"$n" | sed 1d >"$build/bench/stats-datamash.tsv"
	if paste "$build/bench/stats-toll.tsv" "$build/bench/stats-datamash.tsv" | awk -F'\t' '
		$1 != $7 || $2 != $8 { exit 1 }
		{ for (i = 3; i <= 6; i++) { d = $i - $(i + 6); if (d < 0) d = -d; if (d > 1e-9 * ($i < 0 ? -$i : $i) + 1e-9) exit 1 } }'
	then
		same="the same groups and numbers (datamash writes 14 digits, toll 15)"
	else
		same="DIFFERENT numbers: see $build/bench/stats-toll.tsv and stats-datamash.tsv"
	fi
	echo "toll-stats --every-revision -g side,category count sum:best mean:best median:best against datamash: $same"
else
	echo "(datamash is not installed: skipped; as root, make bench installs it)" >&2
	echo "toll-stats --every-revision -g side,category count sum:best mean:best median:best"
fi
echo
echo "| command | time | peak memory | time / toll-stats |"
echo "| --- | --- | --- | --- |"
set -- "toll-stats --every-revision -g side,category count sum:best mean:best median:best FILE" \
	"$bin/toll-stats --every-revision -g side,category count sum:best mean:best median:best $n"
if have datamash; then
	set -- "$@" "datamash -H -s -g 4,5 count 8 sum 8 mean 8 median 8 < FILE" \
		"sh -c 'datamash -H -s -g 4,5 count 8 sum 8 mean 8 median 8 <$n'"
fi
if have mawk; then
	set -- "$@" "mawk, count and sum only: c[\$4 FS \$5]++; s[\$4 FS \$5] += \$8" \
		"mawk -F'\t' 'NR > 1 { k = \$4 FS \$5; c[k]++; s[k] += \$8 } END { for (k in c) print k, c[k], s[k] }' $n"
fi
"$measure" "$runs" "$@" | table

# toll-plot against gnuplot (pngcairo) and matplotlib (Agg, the table read by
# pandas): a line of a million points and a small bar chart, 800x500 PNG.
l="$out/line-1m.tsv"
[ -s "$l" ] || awk 'BEGIN { s = 1; y = 0; print "x\ty"
	for (i = 0; i < 1000000; i++) { s = (s * 69069 + 1) % 4294967296; y += s / 4294967296 - 0.5; printf "%d\t%.3f\n", i, y } }' >"$l"
b="$out/bar-small.tsv"
printf 'side\tbest\nArmenia\t207\nAzerbaijan\t80\nArtsakh\t200\ncivilians\t31\nall sides\t6500\n' >"$b"
mpl=
for p in /usr/bin/python3 python3; do
	if have "$p" && "$p" -c 'import matplotlib, pandas' 2>/dev/null; then
		mpl=$p
		break
	fi
done
[ -n "$mpl" ] || echo "(matplotlib is not installed: skipped; as root, make bench installs it)" >&2
have gnuplot || echo "(gnuplot is not installed: skipped; as root, make bench installs it)" >&2
gp="set terminal pngcairo size 800,500; set output '$build/bench/plot-gnuplot.png'; set datafile separator '\\t'"
for job in line bar; do
	echo
	if [ $job = line ]; then
		echo "toll-plot: a line of $(($(wc -l <"$l") - 1)) points to an 800x500 PNG"
		set -- "toll-plot line -x x -y y FILE -o OUT.png" "$bin/toll-plot line -x x -y y $l -o $build/bench/plot-toll.png"
		[ -z "$mpl" ] || set -- "$@" "matplotlib (Agg), pandas reading: plot_matplotlib.py line" \
			"$mpl $here/plot_matplotlib.py line $l $build/bench/plot-mpl.png"
		have gnuplot && set -- "$@" "gnuplot (pngcairo): plot FILE skip 1 using 1:2 with lines" \
			"gnuplot -e \"$gp; plot '$l' skip 1 using 1:2 with lines\""
	else
		echo "toll-plot: a bar chart of 5 rows to an 800x500 PNG"
		set -- "toll-plot bar FILE -o OUT.png" "$bin/toll-plot bar $b -o $build/bench/plot-toll.png"
		have gnuplot && set -- "$@" "gnuplot (pngcairo): histograms, using 2:xtic(1)" \
			"gnuplot -e \"$gp; set style data histograms; set style fill solid; plot '$b' skip 1 using 2:xtic(1)\""
		[ -z "$mpl" ] || set -- "$@" "matplotlib (Agg), pandas reading: plot_matplotlib.py bar" \
			"$mpl $here/plot_matplotlib.py bar $b $build/bench/plot-mpl.png"
	fi
	echo
	echo "| command | time | peak memory | time / toll-plot |"
	echo "| --- | --- | --- | --- |"
	"$measure" "$runs" "$@" | table
done

# toll-agg against the same job in pandas (tests/bench/agg_pandas.py).
echo
py=
for p in /usr/bin/python3 python3; do
	if have "$p" && "$p" -c 'import pandas' 2>/dev/null; then
		py=$p
		break
	fi
done
if [ -z "$py" ]; then
	echo "(pandas is not installed: toll-agg not compared; as root, make bench installs it)" >&2
	exit 0
fi
"$bin/toll-agg" -c range "$f" >"$build/bench/agg-toll.tsv"
"$py" "$here/agg_pandas.py" "$f" >"$build/bench/agg-pandas.tsv"
same=$(agree numbers "$build/bench/agg-toll.tsv" "$build/bench/agg-pandas.tsv")
echo "toll-agg (range, by side, status, category) against pandas $("$py" -c 'import pandas; print(pandas.__version__)'): $same"
echo
set -- "toll-agg -c range FILE" "$bin/toll-agg -c range $f"
set -- "$@" "toll-agg FILE (consensus, the default)" "$bin/toll-agg $f"
set -- "$@" "pandas: agg_pandas.py FILE (reads every column)" "$py $here/agg_pandas.py $f"
set -- "$@" "pandas: agg_pandas.py --usecols FILE (the 9 columns needed)" "$py $here/agg_pandas.py --usecols $f"
# DuckDB, through its npm package, installed here for the benchmark only.
duck=
if have node && have npm; then
	if [ ! -d "$out/duckdb/node_modules/@duckdb/node-api" ]; then
		mkdir -p "$out/duckdb"
		(cd "$out/duckdb" && npm install --no-audit --no-fund --silent @duckdb/node-api >/dev/null 2>&1) ||
			echo "(the npm package @duckdb/node-api could not be installed: DuckDB not compared)" >&2
	fi
	[ -d "$out/duckdb/node_modules/@duckdb/node-api" ] && duck=1
fi
if [ -n "$duck" ]; then
	node "$here/agg_duckdb.mjs" "$f" 2 >"$build/bench/agg-duckdb.tsv"
	dsame=$(agree numbers "$build/bench/agg-toll.tsv" "$build/bench/agg-duckdb.tsv")
	echo "toll-agg against DuckDB $(node -e "console.log(require('$out/duckdb/node_modules/@duckdb/node-api/package.json').version)" 2>/dev/null) (2 threads): $dsame"
	echo
	set -- "$@" "DuckDB, 2 threads: agg_duckdb.mjs FILE" "node $here/agg_duckdb.mjs $f 2"
fi
echo "| command | time | peak memory | time / toll-agg |"
echo "| --- | --- | --- | --- |"
"$measure" "$runs" "$@" | table

# toll-import acled against the same mapping in pandas (tests/bench/import_pandas.py).
a="$out/acled-1m.csv"
"$bin/toll-import" acled "$a" >"$build/bench/import-toll.tsv" 2>/dev/null
"$py" "$here/import_pandas.py" "$a" >"$build/bench/import-pandas.tsv"
same=$(agree table "$build/bench/import-toll.tsv" "$build/bench/import-pandas.tsv")
echo
echo "toll-import acled on a generated export of $(($(wc -l <"$a") - 1)) lines, $(du -m "$a" | cut -f1) MB, against pandas: $same"
echo
echo "| command | time | peak memory | time / toll-import |"
echo "| --- | --- | --- | --- |"
set -- "toll-import acled FILE" "$bin/toll-import acled $a"
set -- "$@" "pandas: import_pandas.py FILE" "$py $here/import_pandas.py $a"
"$measure" "$runs" "$@" | table

# toll-import of 1M JSON Lines records against the same mapping in pandas
# (tests/bench/import_json_pandas.py): issue 29's goal, 10 times as fast in
# a third of the memory.
j="$out/events-1m.jsonl"
[ -s "$j" ] || "$build/bench/gen_jsonl" 1000000 >"$j"
jmap="--map event=event_id_cnty,reported=event_date,side=country,best=fatalities --set source=ACLED,category=killed"
"$bin/toll-import" table $jmap "$j" >"$build/bench/json-toll.tsv" 2>/dev/null
"$py" "$here/import_json_pandas.py" "$j" >"$build/bench/json-pandas.tsv"
same=$(agree table "$build/bench/json-toll.tsv" "$build/bench/json-pandas.tsv")
echo
echo "toll-import table on $(wc -l <"$j" | tr -d ' ') JSON Lines records, $(du -m "$j" | cut -f1) MB, against pandas: $same"
echo
echo "| command | time | peak memory | time / toll-import |"
echo "| --- | --- | --- | --- |"
set -- "toll-import table --map ... FILE.jsonl" "$bin/toll-import table $jmap $j"
set -- "$@" "pandas: import_json_pandas.py FILE.jsonl (json.loads, json_normalize)" "$py $here/import_json_pandas.py $j"
"$measure" "$runs" "$@" | table | tee "$build/bench/json.md"
awk -F' [|] ' 'NR == 1 { t = $2 + 0; m = $3 + 0 } NR == 2 { pt = $2 + 0; pm = $3 + 0 }
	END { if (NR == 2) printf "\ngoal: 10 times as fast in a third of the memory: %.1f times as fast, %.2f of the memory: %s\n",
	      pt / t, m / pm, (pt / t >= 10 && m / pm <= 1 / 3) ? "reached" : "NOT reached" }' "$build/bench/json.md"

# toll-extract over the news-like corpus and over real news (AG's News of
# tests/extract, repeated to 16 MiB), beside a regex extractor in Python
# (tests/extract/regex_baseline.py) and grep finding its numbers.
n="$out/news-100m.txt"
ag="$out/ag-16m.txt"
if [ ! -s "$ag" ]; then
	: >"$ag"
	while [ "$(wc -c <"$ag")" -lt 16777216 ]; do
		cut -f 2 "$here/../extract/ag-1.tsv" "$here/../extract/ag-2.tsv" | awk '{ print; print "" }' >>"$ag"
	done
fi
for text in "$n" "$ag"; do
mb=$(($(wc -c <"$text") / 1048576))
echo
echo "toll-extract on $(basename "$text"), $mb MiB ($(grep -c . "$text") paragraphs), MB/s = MiB per second"
echo
echo "| command | time | peak memory | MiB/s | time / toll-extract |"
echo "| --- | --- | --- | --- | --- |"
set -- "toll-extract FILE" "$bin/toll-extract $text"
set -- "$@" "toll-extract --threads 1 FILE" "$bin/toll-extract --threads 1 $text"
if [ "$text" = "$ag" ]; then
	set -- "$@" "regex_baseline.py < FILE (a regex extractor in Python)" "$py $here/../extract/regex_baseline.py < $text"
fi
set -- "$@" "grep -oE '[0-9][0-9,]*' FILE | wc -l (finds the numbers, reads nothing)" "grep -oE '[0-9][0-9,]*' $text | wc -l"
"$measure" "$runs" "$@" | awk -F'\t' -v mb="$mb" 'NR == 1 { base = $2 }
	{ printf "| %s | %.3f s | %.1f MiB | %.0f | %.2f |\n", $1, $2, $3 / 1024, mb / $2, $2 / base }'
done

# A batch of 2,000 news items (AG's News of tests/extract, in turn): one
# run over them as JSON Lines and as a folder of files, against a run per
# item, as a user without --docs would do.
docs="$out/docs-2000"
if [ ! -s "$docs.jsonl" ]; then
	rm -rf "$docs"
	mkdir -p "$docs"
	cut -f 2 "$here/../extract/ag-1.tsv" "$here/../extract/ag-2.tsv" | awk -v dir="$docs" '
		{ item[n++] = $0 }
		END {
			for (i = 0; i < 2000; i++) {
				t = item[i % n]
				printf "%s\n", t > (dir "/" sprintf("ag%04d.txt", i))
				close(dir "/" sprintf("ag%04d.txt", i))
				gsub(/\\/, "\\\\", t)
				gsub(/"/, "\\\"", t)
				printf "{\"id\":\"ag%04d\",\"source\":\"AG\",\"text\":\"%s\"}\n", i, t
			}
		}' >"$docs.jsonl"
fi
echo
echo "toll-extract on 2,000 news items: one run, or a run per item"
echo
echo "| command | time | peak memory | time / toll-extract --docs |"
echo "| --- | --- | --- | --- |"
set -- "toll-extract --docs docs.jsonl" "$bin/toll-extract --docs $docs.jsonl"
set -- "$@" "toll-extract --docs FOLDER" "$bin/toll-extract --docs $docs"
set -- "$@" "for f in FOLDER/*; do toll-extract \$f; done" "for f in $docs/*; do $bin/toll-extract --threads 1 \$f; done"
"$measure" "$runs" "$@" | awk -F'\t' 'NR == 1 { base = $2 }
	{ printf "| %s | %.3f s | %.1f MiB | %.1f |\n", $1, $2, $3 / 1024, $2 / base }'

# Time and memory against rows: 10k to 10M.
sh "$here/scale.sh" "$build" "$out" "$runs"

# toll-agg in 1, 2 and 4 parts (--part I/K) and their merge.
sh "$here/parts.sh" "$build" "$out" 4000000 "$runs"

# The goals of issue 18, every ratio side by side in one run.
echo
echo "Goals: 1M rows ($(($(wc -c <"$out/1m.tsv") / 1000000)) MB), median of $runs runs each"
echo
sh "$here/goals.sh" "$build" "$runs"
