#!/bin/sh
# make fuzz: builds each entry point with clang's libFuzzer, AddressSanitizer
# and UBSan, and runs it for FUZZ_TIME seconds (default 60) on its corpus
# (build-fuzz/corpus/NAME, grown from tests/fuzz/seeds/NAME).  Inputs that
# crash, hang (10 s) or take 2 GiB go to tests/fuzz/regress/NAME/, which make
# check replays: commit them with the fix.
#   tests/fuzz/run.sh [NAME...]      (NAME: table tablepar figure date keys agg number chart extract)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
time=${FUZZ_TIME:-60}
cc=${FUZZ_CC:-clang}
out=$top/build-fuzz
[ $# -gt 0 ] || set -- table tablepar figure date keys agg number chart extract json
if ! command -v "$cc" >/dev/null 2>&1; then
	echo "fuzz: $cc is not installed (Debian: clang libclang-rt-14-dev)" >&2
	exit 2
fi
mkdir -p "$out/lib"
flags="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -D_DEFAULT_SOURCE -std=c11 -I$top/include -I$top/src $(pkg-config --cflags gsl jansson)"
cairo="$(pkg-config --cflags --libs cairo pangocairo pangoft2 fontconfig libpng)"
# The library once; the chart (src/lib/chart/, cairo) only for the chart target.
# An object is built again when its source or any header is newer: one
# compiled against an older struct reads garbage, and the "finding" is false.
rm -f "$out/lib/chart.o"
mkdir -p "$out/lib/chart"
newest=$(ls -t "$top"/include/toll/*.h "$top"/src/lib/*.h "$top"/src/lib/chart/*.h 2>/dev/null | head -n 1)
fresh() { [ "$1" -nt "$2" ] && { [ -z "$newest" ] || [ "$1" -nt "$newest" ]; }; }
for src in "$top"/src/lib/*.c; do
	obj=$out/lib/$(basename "$src" .c).o
	fresh "$obj" "$src" || $cc $flags -c -o "$obj" "$src"
done
for src in "$top"/src/lib/chart/*.c; do
	obj=$out/lib/chart/$(basename "$src" .c).o
	fresh "$obj" "$src" || $cc $flags -I"$top/src/lib" $(pkg-config --cflags cairo pangocairo pangoft2 fontconfig) \
		-c -o "$obj" "$src"
done
for t in "$@"; do
	if [ "$t" = chart ]; then
		$cc $flags -fsanitize=fuzzer -o "$out/$t" "$here/$t.c" "$out"/lib/*.o "$out"/lib/chart/*.o $cairo \
			$(pkg-config --libs gsl jansson) -lm
	else
		$cc $flags -fsanitize=fuzzer -o "$out/$t" "$here/$t.c" "$out"/lib/*.o $(pkg-config --libs gsl jansson) -lm
	fi
	mkdir -p "$out/corpus/$t" "$here/regress/$t"
	echo "== fuzz $t for ${time}s (log: build-fuzz/$t.log)"
	"$out/$t" -max_total_time="$time" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$here/regress/$t/" "$out/corpus/$t" "$here/seeds/$t" >"$out/$t.log" 2>&1 || true
	grep -E '^#[0-9]+ +(INITED|DONE)|^stat::(number_of_executed_units|peak_rss_mb)|ERROR|^SUMMARY|Test unit written' \
		"$out/$t.log" | tail -n 8
done
echo "fuzz: new inputs in tests/fuzz/regress (none is good news):"
find "$here/regress" -type f ! -name .keep -newer "$out/lib" -print | sed "s|^$top/||"
