/* test_chart.c: the chart's colours, kinds and option checks, figures as
 * labels, and outputs that appear whole or not at all. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suites.h"
#include "toll/chart.h"
#include "toll/figure.h"
#include "toll/out.h"
#include "chart/chart.h"

START_TEST(colours_by_name_and_hex)
{
	uint32_t v = 0;

	ck_assert_int_eq(toll_chart_color_parse("#D55E00", 7, &v), 0);
	ck_assert_uint_eq(v, 0xD55E00);
	ck_assert_int_eq(toll_chart_color_parse("#0072b2", 7, &v), 0);
	ck_assert_uint_eq(v, 0x0072B2);
	ck_assert_int_eq(toll_chart_color_parse("vermillion", 10, &v), 0);
	ck_assert_uint_eq(v, 0xD55E00);
	ck_assert_int_eq(toll_chart_color_parse("Sky Blue", 8, &v), 0);
	ck_assert_uint_eq(v, 0x56B4E9);
	ck_assert_int_eq(toll_chart_color_parse("bluish_green", 12, &v), 0);
	ck_assert_uint_eq(v, 0x009E73);
	ck_assert_int_eq(toll_chart_color_parse("reddish-purple", 14, &v), 0);
	ck_assert_uint_eq(v, 0xCC79A7);
	/* Not colours: short hex, a bad digit, a name outside Okabe and Ito's, nothing. */
	ck_assert_int_eq(toll_chart_color_parse("#12345", 6, &v), -1);
	ck_assert_int_eq(toll_chart_color_parse("#12345g", 7, &v), -1);
	ck_assert_int_eq(toll_chart_color_parse("purple", 6, &v), -1);
	ck_assert_int_eq(toll_chart_color_parse("", 0, &v), -1);
	ck_assert_int_eq(toll_chart_color_parse("blue2", 5, &v), -1);
}
END_TEST

START_TEST(kinds_from_the_table)
{
	enum toll_chart_kind k;
	size_t i;

	ck_assert_uint_eq(toll_chart_kinds(), 6);
	for (i = 0; i < toll_chart_kinds(); i++) {
		ck_assert_int_eq(toll_chart_kind_find(toll_chart_kind_name((enum toll_chart_kind)i), &k), 0);
		ck_assert_int_eq((int)k, (int)i);
		ck_assert_ptr_nonnull(toll_chart_kind_help((enum toll_chart_kind)i));
	}
	ck_assert_int_eq(toll_chart_kind_find("pie", &k), -1);
	ck_assert_ptr_null(toll_chart_kind_name((enum toll_chart_kind)99));
}
END_TEST

START_TEST(options_that_suit_the_kind)
{
	toll_chart_opts o;
	toll_diag ud;

	memset(&o, 0, sizeof o);
	o.kind = TOLL_CHART_LINE;
	o.stacked = 1;
	ck_assert_int_eq(toll_chart_opts_check(&o, 0, &ud), TOLL_EUSAGE);
	ck_assert_str_eq(ud.msg, "--stacked is for bar charts");
	o.stacked = 0;
	o.labels = 1;
	ck_assert_int_eq(toll_chart_opts_check(&o, TOLL_CHART_GIVEN_XRANGE, &ud), 0);
	o.kind = TOLL_CHART_HIST;
	ck_assert_int_eq(toll_chart_opts_check(&o, 0, &ud), TOLL_EUSAGE);
	ck_assert_str_eq(ud.msg, "--labels is for bar, line, step, interval and dot charts");
	o.labels = 0;
	ck_assert_int_eq(toll_chart_opts_check(&o, TOLL_CHART_GIVEN_SERIES, &ud), TOLL_EUSAGE);
	ck_assert_str_eq(ud.msg, "--series is for bar, line, step, interval and dot charts");
	o.kind = TOLL_CHART_BAR;
	ck_assert_int_eq(toll_chart_opts_check(&o, TOLL_CHART_GIVEN_XRANGE, &ud), TOLL_EUSAGE);
	ck_assert_str_eq(ud.msg, "--xmin and --xmax are for line, step and hist charts");
	o.bins = 3;
	ck_assert_int_eq(toll_chart_opts_check(&o, 0, &ud), TOLL_EUSAGE);
	ck_assert_str_eq(ud.msg, "--bins is for hist charts");
	o.bins = 0;
	/* A bar is read by its length: no log axis, an axis from 0. */
	o.log_y = 1;
	ck_assert_int_eq(toll_chart_opts_check(&o, 0, &ud), TOLL_EUSAGE);
	ck_assert_ptr_nonnull(strstr(ud.msg, "toll plot dot --log-y"));
	o.kind = TOLL_CHART_DOT;
	ck_assert_int_eq(toll_chart_opts_check(&o, 0, &ud), 0);
	o.kind = TOLL_CHART_HIST;
	ck_assert_int_eq(toll_chart_opts_check(&o, 0, &ud), 0);
	o.has_ymin = 1;
	o.ymin = 1;
	ck_assert_int_eq(toll_chart_opts_check(&o, 0, &ud), 0);
	o.ymin = 1.5;
	ck_assert_int_eq(toll_chart_opts_check(&o, 0, &ud), TOLL_EUSAGE);
	o.log_y = 0;
	o.kind = TOLL_CHART_BAR;
	o.ymin = 0;
	ck_assert_int_eq(toll_chart_opts_check(&o, 0, &ud), 0);
	o.ymin = 0.5;
	ck_assert_int_eq(toll_chart_opts_check(&o, 0, &ud), TOLL_EUSAGE);
	ck_assert_str_eq(ud.msg, "--ymin above 0 would cut the bars, which are read by their length "
	                 "from 0; a dot chart ('toll plot dot') need not start at 0");
	o.kind = TOLL_CHART_DOT;
	ck_assert_int_eq(toll_chart_opts_check(&o, 0, &ud), 0);
}
END_TEST

static const char *
notation(int64_t low, int64_t best, int64_t high, int open, char q)
{
	static char buf[96];
	toll_range g;

	memset(&g, 0, sizeof g);
	g.low = toll_num_whole(low);
	g.best = toll_num_whole(best);
	g.high = toll_num_whole(high);
	g.open = open;
	g.qualifier = q;
	toll_range_notation(&g, buf, sizeof buf);
	return buf;
}

START_TEST(figures_as_labels)
{
	toll_range g;

	ck_assert_str_eq(notation(6500, 6500, 6500, 0, 0), "6,500");
	ck_assert_str_eq(notation(600, 600, 600, 0, '~'), "~600");
	ck_assert_str_eq(notation(135, 135, 135, 1, 0), "\xe2\x89\xa5" "135");
	ck_assert_str_eq(notation(20, 60, 100, 0, 0), "20\xe2\x80\x93" "100");
	ck_assert_str_eq(notation(20, 35, 100, 0, 0), "20\xe2\x80\x93" "100 (35)");
	/* A completed best of a range of whole numbers rounds: still the range alone. */
	ck_assert_str_eq(notation(304, 479, 655, 0, 0), "304\xe2\x80\x93" "655");
	ck_assert_str_eq(notation(1000000, 1000000, 1000000, 0, 0), "1,000,000");
	/* A median of toll-agg's ends in .5. */
	memset(&g, 0, sizeof g);
	g.low = g.best = g.high = toll_num_any(254.5);
	{
		char buf[32];
		toll_range_notation(&g, buf, sizeof buf);
		ck_assert_str_eq(buf, "254.5");
	}
	/* Parsed and written back: the notation reads as the figure it came from. */
	ck_assert_int_eq(toll_value_parse("at least 49", 11, &g), TOLL_FIG_OK);
	{
		char buf[32];
		toll_range_notation(&g, buf, sizeof buf);
		ck_assert_str_eq(buf, "\xe2\x89\xa5" "49");
		ck_assert_int_eq(toll_value_parse(buf, strlen(buf), &g), TOLL_FIG_OK);
		ck_assert_int_eq(g.open, 1);
		ck_assert_int_eq(g.low.i, 49);
	}
}
END_TEST

/* The names in dir, one line each, sorted by readdir's order: what a failed output left. */
static int
entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

START_TEST(atomic_outputs)
{
	char dir[] = "/tmp/toll-unit-atomic.XXXXXX", path[256];
	toll_atomic *a;
	toll_diag d;
	struct stat st;
	FILE *f;
	char got[16] = "";

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/out.pdf", dir);
	/* Abandoned: nothing left. */
	ck_assert_int_eq(toll_atomic_open(&a, path, &d), TOLL_OK);
	ck_assert_int_eq(write(toll_atomic_fd(a), "half", 4), 4);
	ck_assert_int_eq(entries(dir), 1);
	toll_atomic_abort(a);
	ck_assert_int_eq(entries(dir), 0);
	/* Committed: the file, whole, with the mode a new file gets. */
	ck_assert_int_eq(toll_atomic_open(&a, path, &d), TOLL_OK);
	ck_assert_int_eq(write(toll_atomic_fd(a), "whole", 5), 5);
	ck_assert_int_eq(toll_atomic_commit(a, &d), TOLL_OK);
	ck_assert_int_eq(entries(dir), 1);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_ne(st.st_mode & 0044, 0);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(fgets(got, sizeof got, f));
	fclose(f);
	ck_assert_str_eq(got, "whole");
	/* A hard link: written in place, the two names one file still. */
	{
		char twin[300], sym[300];
		struct stat st2;

		snprintf(twin, sizeof twin, "%s/twin.pdf", dir);
		ck_assert_int_eq(link(path, twin), 0);
		ck_assert_int_eq(toll_atomic_open(&a, path, &d), TOLL_OK);
		ck_assert_int_eq(write(toll_atomic_fd(a), "again", 5), 5);
		ck_assert_int_eq(entries(dir), 2);   /* the copy is made in $TMPDIR, unlinked */
		ck_assert_int_eq(toll_atomic_commit(a, &d), TOLL_OK);
		ck_assert_int_eq(stat(path, &st), 0);
		ck_assert_int_eq(stat(twin, &st2), 0);
		ck_assert(st.st_ino == st2.st_ino && st2.st_size == 5);
		unlink(twin);
		/* A symbolic link: the file it names is replaced, the link stays. */
		snprintf(sym, sizeof sym, "%s/link.pdf", dir);
		ck_assert_int_eq(symlink("out.pdf", sym), 0);
		ck_assert_int_eq(toll_atomic_open(&a, sym, &d), TOLL_OK);
		ck_assert_int_eq(write(toll_atomic_fd(a), "linked", 6), 6);
		ck_assert_int_eq(toll_atomic_commit(a, &d), TOLL_OK);
		ck_assert_int_eq(lstat(sym, &st2), 0);
		ck_assert(S_ISLNK(st2.st_mode));
		ck_assert_int_eq(stat(path, &st), 0);
		ck_assert_int_eq(st.st_size, 6);
		unlink(sym);
	}
	/* A folder in its way: an error naming it, and nothing left. */
	unlink(path);
	ck_assert_int_eq(mkdir(path, 0755), 0);
	ck_assert_int_eq(toll_atomic_open(&a, path, &d), TOLL_EIO);
	ck_assert_ptr_nonnull(strstr(d.msg, "cannot write"));
	ck_assert_ptr_nonnull(strstr(d.msg, "Is a directory"));
	ck_assert_int_eq(entries(dir), 1);
	rmdir(path);
	/* A folder that is not there. */
	snprintf(path, sizeof path, "%s/no/out.pdf", dir);
	ck_assert_int_eq(toll_atomic_open(&a, path, &d), TOLL_EIO);
	ck_assert_ptr_nonnull(strstr(d.msg, "cannot create"));
	rmdir(dir);
}
END_TEST

/* What is shown of a text: cut at a character as a reader counts them, never inside one. */
START_TEST(text_shown_by_characters)
{
	char buf[TOLL_CHART_TEXT_BUF], in[8192], want[8192], *dup;
	size_t i, n;

	/* Short text is whole; control characters are spaces. */
	ck_assert_str_eq(toll_ch_shown("a\tb\nc", 5, buf), "a b c");
	/* Invalid UTF-8 (a cut euro sign, a lone continuation byte) is U+FFFD, never passed on. */
	ck_assert_str_eq(toll_ch_shown("x\xe2\x82y\x80", 5, buf), "x\xef\xbf\xbd\xef\xbf\xbdy\xef\xbf\xbd");
	/* 201 euro signs: 200 of them, then the ellipsis (not 199 and a half). */
	for (i = n = 0; i < 201; i++)
		memcpy(in + n, "\xe2\x82\xac", 3), n += 3;
	memcpy(want, in, 600);
	memcpy(want + 600, "\xe2\x80\xa6", 4);
	ck_assert_str_eq(toll_ch_shown(in, n, buf), want);
	/* An e and its combining acute are one character: 250 of them cut after the 200th pair. */
	for (i = n = 0; i < 250; i++)
		memcpy(in + n, "e\xcc\x81", 3), n += 3;
	memcpy(want, in, 600);
	memcpy(want + 600, "\xe2\x80\xa6", 4);
	ck_assert_str_eq(toll_ch_shown(in, n, buf), want);
	/* A family emoji (four people joined by ZWJ, 25 bytes) is one character: never split. */
	for (i = n = 0; i < 210; i++)
		memcpy(in + n, "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xe2\x80\x8d"
		       "\xf0\x9f\x91\xa6", 25), n += 25;
	toll_ch_shown(in, n, buf);
	n = strlen(buf);
	ck_assert_int_gt(n, 3);
	ck_assert_str_eq(buf + n - 3, "\xe2\x80\xa6");
	ck_assert_int_eq((n - 3) % 25, 0);
	ck_assert_int_eq(memcmp(buf, in, n - 3), 0);
	/* With room for fewer: the same rule. */
	dup = toll_ch_shown_dup("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 9, 2);
	ck_assert_str_eq(dup, "e\xcc\x81" "e\xcc\x81" "\xe2\x80\xa6");
	free(dup);
	dup = toll_ch_shown_dup("abc", 3, 3);
	ck_assert_str_eq(dup, "abc");
	free(dup);
}
END_TEST

/* Palettes and output formats by name, and their names for messages, from one table. */
START_TEST(palettes_and_formats_by_name)
{
	enum toll_chart_palette p;
	enum toll_chart_format f;
	char buf[96];

	ck_assert_int_eq(toll_chart_palette_find("viridis", &p), 0);
	ck_assert_int_eq(p, TOLL_PALETTE_VIRIDIS);
	ck_assert_int_eq(toll_chart_palette_find("gray", &p), 0);
	ck_assert_int_eq(p, TOLL_PALETTE_GREY);
	ck_assert_int_eq(toll_chart_palette_find("Viridis", &p), -1);
	ck_assert_int_eq(toll_chart_format_find("SVG", &f), 0);
	ck_assert_int_eq(f, TOLL_CHART_SVG);
	ck_assert_int_eq(toll_chart_format_find("jpg", &f), -1);
	toll_chart_palette_names(buf, sizeof buf);
	ck_assert_str_eq(buf, "okabe-ito, viridis or grey");
	toll_chart_format_names(buf, sizeof buf);
	ck_assert_str_eq(buf, "png, pdf or svg");
	toll_chart_format_names(buf, 6);
	ck_assert_str_eq(buf, "png, ");
}
END_TEST

Suite *
chart_suite(void)
{
	Suite *s = suite_create("chart");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, colours_by_name_and_hex);
	tcase_add_test(tc, text_shown_by_characters);
	tcase_add_test(tc, kinds_from_the_table);
	tcase_add_test(tc, options_that_suit_the_kind);
	tcase_add_test(tc, figures_as_labels);
	tcase_add_test(tc, atomic_outputs);
	tcase_add_test(tc, palettes_and_formats_by_name);
	suite_add_tcase(s, tc);
	return s;
}
