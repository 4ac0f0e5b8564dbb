#!/bin/sh
# The report figures of datasets/, for `make plots`: each figure's command is
# written once below, run (for a PNG and a PDF) and shown in plots/README.md.
#   sh src/plots.sh BINDIR [OUTDIR [BOXDIR]]
# Run from the top of the repository.  OUTDIR (default plots) lets the tests
# render the figures elsewhere and compare them with the committed ones;
# BOXDIR, where each figure's texts are written as boxes (toll-plot
# --boxes, BOXDIR/NAME.tsv), for the tests to check that none overlap.
set -eu
bindir=$(cd "$1" && pwd)
out=${2:-plots}
boxdir=${3:-}
PATH="$bindir:$PATH"
# Nothing in a figure may depend on the clock or the place: the PDFs carry
# the date the datasets were last curated.
SOURCE_DATE_EPOCH=1795478400
LC_ALL=C
TZ=UTC
export PATH SOURCE_DATE_EPOCH LC_ALL TZ

mkdir -p "$out"
readme="$out/README.md.tmp"
cat >"$readme" <<'EOF'
# Report figures

Rendered from `datasets/` by `make plots`, which runs the command under each
figure twice: as shown, for the PNG, and with `.pdf` in place of `.png`, for
the PDF.  The commands run from the top of the repository with `build/bin`
on `PATH`; `make check` renders them again and compares them with these
files.

EOF

# figure NAME TITLE COMMAND: runs COMMAND (which writes plots/NAME.png) for
# the PNG and for the PDF, and adds the figure to the README.
figure() {
	name=$1 title=$2 cmd=$3
	for ext in png pdf; do
		box=
		[ -n "$boxdir" ] && [ "$ext" = png ] && box="--boxes $boxdir/$name.tsv "
		run=$(printf '%s\n' "$cmd" | sed "s|-o plots/$name\.png|$box-o $out/$name.$ext|")
		sh -c "set -e; $run" || { echo "plots: $name.$ext failed" >&2; exit 1; }
	done
	{
		printf '## %s\n\n' "$title"
		printf '![%s](%s.png)\n\n' "$title" "$name"
		printf '[PDF](%s.pdf)\n\n' "$name"
		printf '```sh\n%s\n```\n\n' "$cmd"
	} >>"$readme"
}

figure 2022-09-tolls-by-report-date \
	"September 2022: each side's toll of its soldiers as it was reported" \
"toll rev history --as-of 2022-09-30 datasets/2022-09-border-clashes.tsv |
  awk -F'\t' 'NR == 1 || (\$4 == \"killed\" && \$5 ~ /^(Armenian government|Azerbaijan MoD)\$/)' |
  toll plot step --series side --color Armenia=blue,Azerbaijan=vermillion,Artsakh=bluish-green \\
    --title 'Armenia-Azerbaijan border clashes, September 2022: soldiers killed' \\
    --subtitle 'Each side on its own losses, by the day the figure was made public (to 30 September)' \\
    --xlabel 'reported' --ylabel 'soldiers killed' -o plots/2022-09-tolls-by-report-date.png"

figure 2020-war-official-tolls \
	"The 2020 war: each side's toll of its dead as it was known each day" \
"toll rev series --every day -g side,category datasets/2020-karabakh-war.tsv 2>/dev/null |
  awk -F'\t' 'NR == 1 || (\$2 == \"killed\" && \$1 ~ /^(Armenia|Azerbaijan)\$/)' |
  toll plot step -x as_of --series side --color Armenia=blue,Azerbaijan=vermillion --labels \\
    --title 'The 2020 war over Nagorno-Karabakh: each side’s toll of its dead' \\
    --subtitle 'Soldiers and civilians, as known each day from every claim (Armenia’s with Artsakh’s); band: the range' \\
    --xlabel 'as of' --ylabel 'killed' -o plots/2020-war-official-tolls.png"

figure 1988-1994-estimates \
	"The first war: estimates of the dead, by source" \
"toll check --normalize datasets/1988-1994-karabakh-war.tsv |
  awk -F'\t' -v OFS='\t' 'NR == 1 || \$5 == \"killed\" { if (\$4 == \"all\") \$4 = \"all sides\"; print }' |
  toll plot interval -y source,reported --series side --labels \\
    --color Armenia=blue,Azerbaijan=vermillion,Artsakh=bluish-green,'all sides=black' \\
    --title 'The first war over Nagorno-Karabakh (1988-1994): estimates of the dead' \\
    --subtitle 'Dot: the estimate stated (hollow: none was, the middle of the range); line: the range given; ~: about' \\
    --xlabel 'killed' -o plots/1988-1994-estimates.png"

figure deaths-by-event \
	"Each conflict's dead, each death counted once" \
"toll agg -g event,category datasets/*.tsv 2>/dev/null |
  awk -F'\t' 'NR == 1 || \$2 == \"killed\"' |
  toll plot dot -x event --log-y --labels \\
    --title 'Armenia and Azerbaijan, 1988-2023: the dead of each conflict' \\
    --subtitle 'Sources combined by consensus, each side by its own and independent sources; each death once; line: the range, arrow: at least' \\
    --caption 'Source: datasets/*.tsv, combined by toll agg -g event,category' \\
    --xlabel 'killed (log scale)' -o plots/deaths-by-event.png"

# The gallery: each kind of chart sparse and crowded, PNG only, for a
# reviewer to see every kind of figure in one place (and the tests to check
# that no text of any covers another).
# shot NAME TITLE COMMAND: runs COMMAND (which writes plots/NAME.png) at 640x400.
shot() {
	name=$1 title=$2 cmd=$3
	box=
	[ -n "$boxdir" ] && box="--boxes $boxdir/$name.tsv "
	run=$(printf '%s\n' "$cmd" | sed "s|-o plots/$name\.png|--size 640x400 $box-o $out/$name.png|")
	sh -c "set -e; $run" || { echo "plots: $name.png failed" >&2; exit 1; }
	{
		printf '### %s\n\n' "$title"
		printf '![%s](%s.png)\n\n' "$title" "$name"
		printf '```sh\n%s\n```\n\n' "$cmd"
	} >>"$readme"
}

cat >>"$readme" <<'EOF'
# Gallery: every kind of chart, sparse and crowded

Each drawn at 640x400 (`--size 640x400`, left out of the commands); `make
check` checks on each that no text covers another.

EOF
shot gallery-bar-sparse "bar, sparse: the 2020 war's dead by side" \
"toll agg -g side,category datasets/2020-karabakh-war.tsv 2>/dev/null |
  awk -F'\t' 'NR == 1 || \$2 == \"killed\"' |
  toll plot bar -x side --labels --title 'The 2020 war: the dead of each side' -o plots/gallery-bar-sparse.png"
shot gallery-bar-crowded "bar, crowded: claims by source, every dataset (bars across, sorted)" \
"toll stats -g source count:best datasets/*.tsv 2>/dev/null |
  toll plot bar -x source -y count_best --sort value --labels --ylabel 'Claims' \\
    --title 'Claims in datasets/, by source' -o plots/gallery-bar-crowded.png"
shot gallery-dot-sparse "dot, sparse: each conflict's dead on a log axis" \
"toll agg -g event,category datasets/*.tsv 2>/dev/null |
  awk -F'\t' 'NR == 1 || \$2 == \"killed\"' |
  toll plot dot -x event --log-y --title 'The dead of each conflict' -o plots/gallery-dot-sparse.png"
shot gallery-dot-crowded "dot, crowded: each conflict's toll of every kind, by category" \
"toll agg -g event,category datasets/*.tsv 2>/dev/null |
  toll plot dot -x event --series category --log-y --labels --title 'Each conflict, every category' -o plots/gallery-dot-crowded.png"
shot gallery-line-sparse "line, sparse: the 2020 war's toll month by month" \
"toll rev series --every month -g side,category datasets/2020-karabakh-war.tsv 2>/dev/null |
  awk -F'\t' 'NR == 1 || (\$2 == \"killed\" && \$1 ~ /^(Armenia|Azerbaijan)\$/)' |
  toll plot line -x period --series side --title 'The 2020 war: the toll at the end of each month' -o plots/gallery-line-sparse.png"
shot gallery-line-crowded "line, crowded: every side's toll, day by day" \
"toll rev series --every day -g side,category datasets/2020-karabakh-war.tsv 2>/dev/null |
  awk -F'\t' 'NR == 1 || \$2 == \"killed\"' |
  toll plot line -x as_of --series side --labels --title 'The 2020 war: every toll as known each day' -o plots/gallery-line-crowded.png"
shot gallery-step-sparse "step, sparse: one side's revisions" \
"toll rev history datasets/2022-09-border-clashes.tsv |
  awk -F'\t' 'NR == 1 || (\$2 == \"Azerbaijan\" && \$4 == \"killed\")' |
  toll plot step --series source --labels --title \"Azerbaijan's dead: its ministry's figures and an Armenian claim\" -o plots/gallery-step-sparse.png"
shot gallery-step-crowded "step, crowded: every toll, with marks" \
"toll rev series --every day -g side,category datasets/2022-09-border-clashes.tsv 2>/dev/null |
  awk -F'\t' 'NR == 1 || \$2 ~ /^killed/' |
  toll plot step -x as_of --series side,category --labels --xmax 2022-10-31 \\
    --mark 2022-09-14=ceasefire --mark 2022-09-16=talks \\
    --title 'September 2022: every toll as known each day' -o plots/gallery-step-crowded.png"
shot gallery-interval-sparse "interval, sparse: the 2023 offensive's claims of the dead" \
"toll check --normalize datasets/2023-09-karabakh-offensive.tsv |
  awk -F'\t' 'NR == 1 || \$5 == \"killed\"' |
  toll plot interval -y source,reported --series side --labels --title 'The 2023 offensive: each claim of the dead' -o plots/gallery-interval-sparse.png"
shot gallery-interval-crowded "interval, crowded: every claim of the 2020 war's dead" \
"toll check --normalize datasets/2020-karabakh-war.tsv |
  awk -F'\t' 'NR == 1 || \$5 == \"killed\"' |
  toll plot interval -y source,reported --series side --labels --title 'The 2020 war: every claim of the dead' -o plots/gallery-interval-crowded.png"
shot gallery-hist-sparse "hist, sparse: the figures of one dataset" \
"toll check --normalize datasets/2023-09-karabakh-offensive.tsv |
  toll plot hist --title 'The 2023 offensive: the figures claimed' -o plots/gallery-hist-sparse.png"
shot gallery-hist-crowded "hist, crowded: every figure claimed, counts on a log axis" \
"toll check --normalize datasets/*.tsv |
  toll plot hist --log-y --bins 40 --title 'Every figure in datasets/' -o plots/gallery-hist-crowded.png"

# report DATASET: the dataset's whole story as one PDF, listed in the README.
report() {
	name=$(basename "$1" .tsv)
	toll report "$1" -o "$out/report-$name.pdf" || { echo "plots: report-$name.pdf failed" >&2; exit 1; }
	printf -- '- [%s](report-%s.pdf): `toll report %s -o plots/report-%s.pdf`\n\n' "$name" "$name" "$1" "$name" >>"$readme"
	# Every page, small, to look at without opening the PDF.
	pdftoppm -png -r 40 "$out/report-$name.pdf" "$out/report-$name-page"
	for png in "$out/report-$name-page"-*.png; do
		printf '[![%s](%s)](report-%s.pdf) ' "$(basename "$png" .png)" "$(basename "$png")" "$name" >>"$readme"
	done
	printf '\n\n' >>"$readme"
}

cat >>"$readme" <<'EOF'
# Reports

Each dataset's whole story as one PDF (`toll report`): a title page with
the dataset's summary, then for each event its totals, how its figures were
revised, what each source claimed, and the sources.

EOF
for f in datasets/*.tsv; do
	report "$f"
done
# One page of the 2020 war's report, for the README.
pdftoppm -png -r 80 -f 2 -l 2 -singlefile "$out/report-2020-karabakh-war.pdf" "$out/report-page"
printf '\n![Page 2 of the report of the 2020 war](report-page.png)\n' >>"$readme"

mv "$readme" "$out/README.md"
