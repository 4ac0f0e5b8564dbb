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

# report DATASET: the dataset's whole story as one PDF, listed in the README.
report() {
	name=$(basename "$1" .tsv)
	toll report "$1" -o "$out/report-$name.pdf" || { echo "plots: report-$name.pdf failed" >&2; exit 1; }
	printf -- '- [%s](report-%s.pdf): `toll report %s -o plots/report-%s.pdf`\n' "$name" "$name" "$1" "$name" >>"$readme"
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
