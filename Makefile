# toll: casualty statistics toolkit.  See README.md.
#
#   make                build the programs into build/bin and their manual pages into
#                       build/man (build-san with SANITIZE=1)
#   make demo           install missing packages (as root), build, show the datasets' figures
#   make plots          the report figures of datasets/ into plots/ (PNG and PDF)
#   make check          install missing packages (as root), build, run every test
#   make bench          the side-by-side benchmarks of tests/bench
#   make check-valgrind the golden tests under valgrind
#   make fuzz           libFuzzer on every parser, FUZZ_TIME=60 seconds each (needs clang)
#   make install        programs, libtoll (shared and static), headers, toll.pc,
#                       manual pages, bash completion; PREFIX=/usr/local DESTDIR=
#                       BINDIR LIBDIR INCLUDEDIR MANDIR BASHCOMPDIR
#   make install-strip  the same, programs and library stripped
#   make uninstall      removes what make install put there
#   make dist           build/toll-VERSION.tar.gz, which builds without git
#   make SANITIZE=1 …   everything built with AddressSanitizer and UBSan
#   make WERROR=1 …     warnings are errors (CI)

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
PKG_CONFIG ?= pkg-config
INSTALL    ?= install
SOVERSION   = 0

CFLAGS   ?= -O3 -g
WARN      = -std=c11 -Wall -Wextra -Wpedantic
ifeq ($(WERROR),1)
WARN     += -Werror
endif
ifeq ($(SANITIZE),1)
BUILD     = build-san
SAN       = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else
BUILD     = build
SAN       =
endif
ALL_CFLAGS = $(WARN) -D_DEFAULT_SOURCE -pthread -Iinclude -Isrc -I$(BUILD) $(SAN) $(CFLAGS)

# The programs are optimised across files at link time with GCC (3-6%
# faster on large tables): they link libtoll-lto.a, the library's sources
# compiled again to GCC's intermediate code.  libtoll.a and libtoll.so,
# which are installed, and the tests are plain objects, for any compiler.
# Not with SANITIZE=1, nor without GCC and gcc-ar; LTO= turns it off.
GCC_AR    ?= gcc-ar
ifeq ($(origin LTO),undefined)
ifeq ($(SANITIZE),1)
LTO       :=
else
LTO       := $(shell printf '\043if defined __clang__ || !defined __GNUC__\n\043error\n\043endif\n' | \
               $(CC) -flto=auto -x c -c -o /dev/null - 2>/dev/null && command -v $(GCC_AR) >/dev/null && \
               echo -flto=auto)
endif
endif

# The release is src/VERSION; the commit is git's, or src/COMMIT in a
# tarball of make dist (which has no .git).
VERSION := $(shell cat src/VERSION)
COMMIT  := $(shell git describe --always --dirty --abbrev=12 2>/dev/null || cat src/COMMIT 2>/dev/null)
ALL_LDFLAGS = $(SAN) -pthread $(LDFLAGS)
LDLIBS   += -lm

# Libraries come from pkg-config only, and only where they are used.
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell $(PKG_CONFIG) --libs check 2>/dev/null)
GSL_CFLAGS   = $(shell $(PKG_CONFIG) --cflags gsl 2>/dev/null)
GSL_LIBS     = $(shell $(PKG_CONFIG) --libs gsl 2>/dev/null)
CAIRO_CFLAGS = $(shell $(PKG_CONFIG) --cflags cairo pangocairo pangoft2 fontconfig libpng 2>/dev/null)
CAIRO_LIBS   = $(shell $(PKG_CONFIG) --libs cairo pangocairo pangoft2 fontconfig libpng 2>/dev/null)
JSON_CFLAGS  = $(shell $(PKG_CONFIG) --cflags jansson 2>/dev/null)
JSON_LIBS    = $(shell $(PKG_CONFIG) --libs jansson 2>/dev/null)

PROGRAMS = toll toll-check toll-agg toll-rev toll-stats toll-plot toll-import toll-extract toll-report toll-split
LIB_SRC  = $(wildcard src/lib/*.c src/lib/chart/*.c src/lib/story/*.c src/lib/import/*.c)
LIB_OBJ  = $(LIB_SRC:src/lib/%.c=$(BUILD)/lib/%.o)
CLI_OBJ  = $(BUILD)/cli.o
LIBTOLL  = $(BUILD)/libtoll.a
LTO_OBJ  = $(LIB_SRC:src/lib/%.c=$(BUILD)/lto/%.o)
LIBTOLL_LTO = $(BUILD)/libtoll-lto.a
ifeq ($(strip $(LTO)),)
PROG_LIB = $(LIBTOLL)
else
PROG_LIB = $(LIBTOLL_LTO)
endif
BINS     = $(PROGRAMS:%=$(BUILD)/bin/%)
MANS     = $(PROGRAMS:%=$(BUILD)/man/%.1) $(BUILD)/man/toll.7
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT     = $(BUILD)/tests/unit
IMGDIFF  = $(BUILD)/tests/imgdiff
FUZZ_TARGETS = table tablepar figure date keys agg number chart extract json
FUZZ_REPLAY  = $(FUZZ_TARGETS:%=$(BUILD)/tests/fuzz/%)
HOSTILE_GEN  = $(BUILD)/tests/hostile-gen
MEASURE      = $(BUILD)/tests/measure
FAULT_SHIM   = $(BUILD)/tests/fault/shim.so
HEADERS  = $(wildcard include/toll/*.h) $(wildcard src/lib/*.h) $(wildcard src/lib/chart/*.h) $(wildcard src/lib/story/*.h) $(wildcard src/lib/import/*.h) src/cli.h

.PHONY: FORCE all man install-strip dist demo plots check check-deps check-valgrind fuzz bench install uninstall clean
.SUFFIXES:
.SECONDARY:

all: $(BINS) $(MANS)

# version.h is rewritten only when the version or the commit changed.
$(BUILD)/version.h: FORCE
	@mkdir -p $(@D)
	@printf '#define TOLL_VERSION "%s"\n#define TOLL_COMMIT "%s"\n' '$(VERSION)' '$(COMMIT)' >$@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
FORCE:

$(BUILD)/lib/%.o: src/lib/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The programs' own objects are linked into the programs only.
$(BUILD)/%.o: src/%.c $(HEADERS) $(BUILD)/version.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LTO) -c -o $@ $<

$(BUILD)/lto/%.o: src/lib/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LTO) -c -o $@ $<
$(BUILD)/lto/stats.o: ALL_CFLAGS += $(GSL_CFLAGS)
$(BUILD)/lto/json.o: ALL_CFLAGS += $(JSON_CFLAGS)
$(BUILD)/lto/chart/%.o $(BUILD)/lto/story/%.o: ALL_CFLAGS += $(CAIRO_CFLAGS) $(GSL_CFLAGS) -Isrc/lib

$(LIBTOLL_LTO): $(LTO_OBJ)
	@rm -f $@
	$(GCC_AR) rcs $@ $^

# Only the statistics module uses GSL, and only toll-stats links it.
$(BUILD)/lib/stats.o: ALL_CFLAGS += $(GSL_CFLAGS)
$(BUILD)/bin/toll-stats: LDLIBS += $(GSL_LIBS)

# Only the JSON reader uses jansson, and only toll-import and toll-extract (--docs) link it.
$(BUILD)/lib/json.o: ALL_CFLAGS += $(JSON_CFLAGS)
$(BUILD)/bin/toll-import: LDLIBS += $(JSON_LIBS)
$(BUILD)/bin/toll-extract: LDLIBS += $(JSON_LIBS)

# Only the chart (src/lib/chart/) and the report drawn with it
# (src/lib/story/) use cairo and pango, and only toll-plot and
# toll-report link them (with GSL, for histograms).
$(BUILD)/lib/chart/%.o $(BUILD)/lib/story/%.o: ALL_CFLAGS += $(CAIRO_CFLAGS) $(GSL_CFLAGS)
$(BUILD)/lib/chart/%.o $(BUILD)/lib/story/%.o: ALL_CFLAGS += -Isrc/lib
$(BUILD)/toll-plot.o: ALL_CFLAGS += $(GSL_CFLAGS)
$(BUILD)/bin/toll-plot $(BUILD)/bin/toll-report: LDLIBS += $(CAIRO_LIBS) $(GSL_LIBS)

$(LIBTOLL): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# libtoll.so: the same sources compiled as position-independent code; only
# toll_* names are exported (src/lib/libtoll.map), and the chart's own
# helpers are hidden by their header.
PIC_OBJ  = $(LIB_SRC:src/lib/%.c=$(BUILD)/pic/%.o)
SHLIB    = $(BUILD)/libtoll.so.$(VERSION)
$(BUILD)/pic/%.o: src/lib/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC -c -o $@ $<
$(BUILD)/pic/chart/%.o $(BUILD)/pic/story/%.o: ALL_CFLAGS += $(CAIRO_CFLAGS) $(GSL_CFLAGS) -Isrc/lib
$(BUILD)/pic/stats.o: ALL_CFLAGS += $(GSL_CFLAGS)
$(BUILD)/pic/json.o: ALL_CFLAGS += $(JSON_CFLAGS)
$(SHLIB): $(PIC_OBJ) src/lib/libtoll.map
	$(CC) $(ALL_LDFLAGS) -shared -Wl,-soname,libtoll.so.$(SOVERSION) -Wl,--version-script=src/lib/libtoll.map \
		-o $@ $(PIC_OBJ) $(CAIRO_LIBS) $(GSL_LIBS) $(JSON_LIBS) -lm

# The man pages from each program's --help
# (src/man/help2roff.awk) and from src/man/toll.7; the completion from src/completion.bash.
$(BUILD)/man/%.1: $(BUILD)/bin/% src/man/names.txt src/man/help2roff.awk
	@mkdir -p $(@D)
	$(BUILD)/bin/$* --help | awk -v prog=$* -v version='$(VERSION)' \
		-v name="$$(sed -n 's/^$* //p' src/man/names.txt)" -f src/man/help2roff.awk >$@.tmp && mv $@.tmp $@
$(BUILD)/man/toll.7: src/man/toll.7
	@mkdir -p $(@D)
	sed 's/@VERSION@/$(VERSION)/' $< >$@
man: $(MANS)

$(BUILD)/bin/%: $(BUILD)/%.o $(CLI_OBJ) $(PROG_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) $(LTO) -o $@ $< $(CLI_OBJ) $(PROG_LIB) $(LDLIBS)

$(UNIT): $(UNIT_SRC) $(LIBTOLL) $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) $(CAIRO_CFLAGS) -Isrc/lib -o $@ $(UNIT_SRC) $(LIBTOLL) $(ALL_LDFLAGS) $(CHECK_LIBS) $(CAIRO_LIBS) $(GSL_LIBS) $(JSON_LIBS) -lm

# The image comparison of tests/img, with cairo's PNG reader.
$(IMGDIFF): tests/img/imgdiff.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CAIRO_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $(CAIRO_LIBS) -lm

# The chart layout's entry point links cairo and pango, as toll-plot does.
$(BUILD)/tests/fuzz/chart: tests/fuzz/chart.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(LIBTOLL) $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CAIRO_CFLAGS) -o $@ $< tests/fuzz/replay.c $(LIBTOLL) $(ALL_LDFLAGS) $(CAIRO_LIBS) $(GSL_LIBS) -lm

# The JSON reader's entry point links jansson, as toll-import does.
$(BUILD)/tests/fuzz/json: tests/fuzz/json.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(LIBTOLL) $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< tests/fuzz/replay.c $(LIBTOLL) $(ALL_LDFLAGS) $(JSON_LIBS) -lm

# Each fuzz entry point built to replay saved inputs (make check), without clang.
$(BUILD)/tests/fuzz/%: tests/fuzz/%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(LIBTOLL) $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< tests/fuzz/replay.c $(LIBTOLL) $(ALL_LDFLAGS) $(GSL_LIBS) -lm

# Times and peak memory of commands, for tests/scale (and make bench).
$(MEASURE): tests/bench/measure.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS)

# Faults for tests/fault/run.sh, loaded with LD_PRELOAD (not sanitized:
# the sanitizers replace what it replaces).
$(FAULT_SHIM): tests/fault/shim.c
	@mkdir -p $(@D)
	$(CC) $(WARN) -O2 -g -fPIC -shared -o $@ $<

$(HOSTILE_GEN): tests/hostile/gen.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS)

# The main job: every curated table checked (as one table, so a series split
# across files is checked too), what each conflict's toll comes to (each death
# counted once), how the 2020 war's official figures were revised, how much
# revised figures grew, and the report figures rendered into plots/.
DATASETS = $(wildcard datasets/*.tsv)

demo:
	@sh .ci/deps build
	@$(MAKE) --no-print-directory all
	@echo "== datasets/*.tsv checked as one table (a warning: a count that fell)"
	@$(BUILD)/bin/toll check --summary $(DATASETS)
	@echo
	@echo "== what each conflict's toll comes to, each death counted once: sources combined"
	@echo "   by consensus, totals and their parts reconciled (empty high: at least)"
	@$(BUILD)/bin/toll agg -g event,category $(DATASETS)
	@echo
	@echo "== how each source revised its figures of the 2020 war (falls: counts that went down)"
	@$(BUILD)/bin/toll rev summary datasets/2020-karabakh-war.tsv 2>/dev/null
	@echo
	@echo "== how much the figures revised at least once grew, first report to last, by category"
	@$(BUILD)/bin/toll rev summary $(DATASETS) 2>/dev/null | awk -F'\t' 'NR == 1 || $$6 > 1' | \
		$(BUILD)/bin/toll stats -g category count median:ratio max:ratio median:days
	@echo
	@echo "== the report figures and reports, rendered into plots/ (see plots/README.md)"
	@sh src/plots.sh $(BUILD)/bin plots 2>/dev/null
	@ls plots

# The report figures of datasets/, PNG and PDF, and a report of each, with plots/README.md.
plots:
	@sh .ci/deps build
	@$(MAKE) --no-print-directory all
	@sh src/plots.sh $(BUILD)/bin plots 2>/dev/null
	@echo "plots: $$(ls plots | tr '\n' ' ')"

# Everything the suite runs, datamash (toll-stats is compared with it) among it.
check-deps:
	@sh .ci/deps build test

check: check-deps
	@$(MAKE) --no-print-directory all $(UNIT) $(IMGDIFF) $(FUZZ_REPLAY) $(HOSTILE_GEN) $(MEASURE) $(FAULT_SHIM)
	@sh tests/run.sh $(BUILD)

# The golden tests with every program under valgrind (no errors, no leaks).
check-valgrind: check-deps
	@sh .ci/deps valgrind
	@$(MAKE) --no-print-directory all
	@sh tests/valgrind.sh $(BUILD)

# libFuzzer over every parser and a whole toll-agg run, FUZZ_TIME seconds
# each (default 60); what crashes goes to tests/fuzz/regress/, which make
# check replays.
fuzz:
	@sh .ci/deps build fuzz
	@sh tests/fuzz/run.sh

# The peers compared with are installed when possible, else skipped.
bench:
	@sh .ci/deps build
	@sh .ci/deps bench || echo "bench: going on without them"
	@$(MAKE) --no-print-directory all
	@sh tests/bench/run.sh $(BUILD)

# toll.pc names the library's folder as a run path, unless the dynamic
# linker searches it by itself: a program built with pkg-config against
# PREFIX=$$HOME/.local or /usr/local runs without LD_LIBRARY_PATH or ldconfig.
MULTIARCH := $(shell $(CC) -print-multiarch 2>/dev/null)
SYSLIBDIRS = /lib /usr/lib /lib64 /usr/lib64 $(if $(MULTIARCH),/lib/$(MULTIARCH) /usr/lib/$(MULTIARCH))
PC_RPATH   = $(if $(filter $(patsubst %/,%,$(LIBDIR)),$(SYSLIBDIRS)),, -Wl$(comma)-rpath$(comma)$${libdir})
comma := ,

# The programs link libtoll.a (built into them, with LTO where the
# compiler has it): installed programs need no libtoll.so, whatever the
# prefix.  libtoll.a and libtoll.so are built for those who link with toll.
install: all $(LIBTOLL) $(SHLIB) $(MANS)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(INCLUDEDIR)/toll $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(BASHCOMPDIR)
	for p in $(PROGRAMS); do $(INSTALL) -m 755 $(INSTALL_STRIP) $(BUILD)/bin/$$p $(DESTDIR)$(BINDIR)/$$p || exit 1; done
	$(INSTALL) -m 644 $(LIBTOLL) $(DESTDIR)$(LIBDIR)/libtoll.a
	$(INSTALL) -m 755 $(INSTALL_STRIP) $(SHLIB) $(DESTDIR)$(LIBDIR)/libtoll.so.$(VERSION)
	ln -sf libtoll.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libtoll.so.$(SOVERSION)
	ln -sf libtoll.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libtoll.so
	$(INSTALL) -m 644 include/toll/*.h $(DESTDIR)$(INCLUDEDIR)/toll/
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCLUDEDIR@|$(INCLUDEDIR)|; s|@VERSION@|$(VERSION)|' \
		-e 's|@RPATH@|$(PC_RPATH)|' \
		src/toll.pc.in >$(DESTDIR)$(PKGCONFIGDIR)/toll.pc
	for p in $(PROGRAMS); do $(INSTALL) -m 644 $(BUILD)/man/$$p.1 $(DESTDIR)$(MANDIR)/man1/ || exit 1; done
	$(INSTALL) -m 644 $(BUILD)/man/toll.7 $(DESTDIR)$(MANDIR)/man7/
	$(INSTALL) -m 644 src/completion.bash $(DESTDIR)$(BASHCOMPDIR)/toll
	for p in $(PROGRAMS); do [ $$p = toll ] || ln -sf toll $(DESTDIR)$(BASHCOMPDIR)/$$p; done

install-strip:
	$(MAKE) --no-print-directory install INSTALL_STRIP=-s

uninstall:
	for p in $(PROGRAMS); do rm -f $(DESTDIR)$(BINDIR)/$$p $(DESTDIR)$(MANDIR)/man1/$$p.1 \
		$(DESTDIR)$(BASHCOMPDIR)/$$p; done
	rm -f $(DESTDIR)$(LIBDIR)/libtoll.a $(DESTDIR)$(LIBDIR)/libtoll.so $(DESTDIR)$(LIBDIR)/libtoll.so.$(SOVERSION) \
		$(DESTDIR)$(LIBDIR)/libtoll.so.$(VERSION) $(DESTDIR)$(PKGCONFIGDIR)/toll.pc $(DESTDIR)$(MANDIR)/man7/toll.7
	rm -rf $(DESTDIR)$(INCLUDEDIR)/toll

# A tarball of the commit, with src/COMMIT saying which: it builds without git.
dist:
	@mkdir -p $(BUILD)
	rm -rf $(BUILD)/toll-$(VERSION) && mkdir -p $(BUILD)/toll-$(VERSION)/src
	git archive --format=tar --prefix=toll-$(VERSION)/ HEAD | tar -x -C $(BUILD)
	printf '%s\n' '$(COMMIT)' >$(BUILD)/toll-$(VERSION)/src/COMMIT
	tar -C $(BUILD) -czf $(BUILD)/toll-$(VERSION).tar.gz toll-$(VERSION)
	rm -rf $(BUILD)/toll-$(VERSION)
	@echo "dist: $(BUILD)/toll-$(VERSION).tar.gz"

clean:
	rm -rf build build-san build-fuzz tests/bench/out
