/* test_figure.c: numbers, the completion rules and the value notation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "toll/figure.h"
#include "toll/out.h"
#include "toll/report.h"

static int
num(const char *s, int64_t *v)
{
	return toll_number_parse(s, strlen(s), v);
}

static int
val(const char *s, toll_figure *f)
{
	toll_range r;
	int rc;

	memset(&r, 0x55, sizeof r);
	rc = toll_value_parse(s, strlen(s), &r);
	if (rc == TOLL_FIG_OK)
		toll_figure_from_range(&r, f);
	return rc;
}

/* The completion rules on whole numbers, through the one function that states them. */
static int
complete(int hl, int64_t low, int hb, int64_t best, int hh, int64_t high, toll_figure *f)
{
	toll_range r;
	int rc = toll_range_complete(hl, toll_num_whole(low), hb, toll_num_whole(best), hh,
	                             toll_num_whole(high), &r);

	if (rc == TOLL_FIG_OK)
		toll_figure_from_range(&r, f);
	return rc;
}

static int
dec(const char *s, double *v)
{
	return toll_decimal_parse(s, strlen(s), v);
}

/* Checks a parsed value: low, best, high (-1: unbounded), qualifier. */
static void
expect(const char *s, int64_t low, int64_t best, int64_t high, char q)
{
	toll_figure f;
	int r = val(s, &f);

	ck_assert_msg(r == TOLL_FIG_OK, "'%s': %s", s, toll_figure_strerror(r));
	ck_assert_msg(f.low == low && f.best == best, "'%s': low %lld best %lld", s,
	              (long long)f.low, (long long)f.best);
	if (high < 0)
		ck_assert_msg(f.open, "'%s' should be open", s);
	else
		ck_assert_msg(!f.open && f.high == high, "'%s': high %lld", s, (long long)f.high);
	ck_assert_int_eq(f.qualifier, q);
}

/* Decimals (toll-agg's halves) are completed by the same rules, and whole numbers stay exact to 2^63. */
START_TEST(range_completion)
{
	toll_range r;
	toll_figure f;

	ck_assert_int_eq(toll_range_complete(1, toll_num_any(2.5), 0, toll_num_any(0), 1,
	                                     toll_num_any(7.5), &r), TOLL_FIG_OK);
	ck_assert(r.best.d == 5 && r.best.whole && r.low.d == 2.5 && r.high.d == 7.5);
	ck_assert_int_eq(toll_range_complete(1, toll_num_any(7401.5), 1, toll_num_whole(7401), 0,
	                                     toll_num_any(0), &r), TOLL_FIG_BEST_LOW);
	/* Whole numbers past 2^53 are compared and halved exactly. */
	ck_assert_int_eq(complete(1, INT64_MAX - 1, 0, 0, 1, INT64_MAX, &f), TOLL_FIG_OK);
	ck_assert(f.best == INT64_MAX - 1);
	ck_assert_int_eq(complete(1, INT64_MAX - 2, 0, 0, 1, INT64_MAX, &f), TOLL_FIG_OK);
	ck_assert(f.low == INT64_MAX - 2 && f.best == INT64_MAX - 1 && f.high == INT64_MAX);
	ck_assert_int_eq(complete(1, INT64_MAX - 1, 1, INT64_MAX, 1, INT64_MAX - 1, &f),
	                 TOLL_FIG_BEST_HIGH);
	ck_assert_int_eq(complete(1, (INT64_C(1) << 53) + 1, 1, INT64_C(1) << 53, 0, 0, &f),
	                 TOLL_FIG_BEST_LOW);
}
END_TEST

START_TEST(order_messages)
{
	char buf[64];

	toll_figure_order_message(TOLL_FIG_BEST_LOW, "50", "10", "", buf, sizeof buf);
	ck_assert_str_eq(buf, "'best' 10 is below 'low' 50");
	toll_figure_order_message(TOLL_FIG_BEST_HIGH, "1", "20", "15", buf, sizeof buf);
	ck_assert_str_eq(buf, "'best' 20 is above 'high' 15");
	toll_figure_order_message(TOLL_FIG_LOW_HIGH, "30.5", "", "15", buf, sizeof buf);
	ck_assert_str_eq(buf, "'low' 30.5 is above 'high' 15");
}
END_TEST

START_TEST(numbers_with_separators)
{
	int64_t v;

	ck_assert_int_eq(num("0", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(num("6500", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 6500);
	ck_assert_int_eq(num("6,500", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 6500);
	ck_assert_int_eq(num("1_000_000", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 1000000);
	ck_assert_int_eq(num("007", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 7);
	ck_assert_int_eq(num("9223372036854775807", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, INT64_MAX);
	/* As newsrooms write them: spaces, no-break, thin and narrow no-break spaces. */
	ck_assert_int_eq(num("6 500", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 6500);
	ck_assert_int_eq(num("6\xc2\xa0" "500", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 6500);
	ck_assert_int_eq(num("1\xe2\x80\x89" "000\xe2\x80\x89" "000", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 1000000);
	ck_assert_int_eq(num("6\xe2\x80\xaf" "500", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 6500);
	/* Integral decimals are whole numbers. */
	ck_assert_int_eq(num("344.0", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 344);
	ck_assert_int_eq(num("6,500.00", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 6500);
	ck_assert_int_eq(num("00000000000000000000000001", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 1);
	/* Spreadsheet notation, when the number is whole. */
	ck_assert_int_eq(num("2.00E+05", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 200000);
	ck_assert_int_eq(num("1.25e2", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 125);
	ck_assert_int_eq(num("1e3", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 1000);
	ck_assert_int_eq(num("1500E-2", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 15);
	ck_assert_int_eq(num("0e-5", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(num("9.223372036854775807E18", &v), TOLL_FIG_OK);
	ck_assert_int_eq(v, INT64_MAX);
}
END_TEST

/* A bound that is not whole: the middle is floored, but never below low. */
START_TEST(middle_of_bounds_not_whole)
{
	toll_range g;

	ck_assert_int_eq(toll_range_complete(1, toll_num_any(0.25), 0, toll_num_any(0), 1,
	                                     toll_num_any(0.25), &g), TOLL_FIG_OK);
	ck_assert(g.best.d == 0.25);
	ck_assert_int_eq(toll_range_complete(1, toll_num_any(0.5), 0, toll_num_any(0), 1,
	                                     toll_num_any(3.5), &g), TOLL_FIG_OK);
	ck_assert(g.best.d == 2);
}
END_TEST

START_TEST(bad_numbers)
{
	static const char *syntax[] = {
		"", "1,5", "1,50", "1,5000", ",100", "100,", "1,000_000", "1__000", "+5",
		" 5", "5 ", "1e", "1e+", "1E3x", "e3", "0x10", "-", "--5", "五", "12,34,567", "6 500,000", "344.",
		"1.0.0", "6\xc2" "500", "6  500", ".5",
	};
	size_t i;
	int64_t v;

	for (i = 0; i < sizeof syntax / sizeof syntax[0]; i++)
		ck_assert_msg(num(syntax[i], &v) == (i == 0 ? TOLL_FIG_EMPTY : TOLL_FIG_SYNTAX),
		              "'%s'", syntax[i]);
	ck_assert_int_eq(num("1.5", &v), TOLL_FIG_FRACTION);
	ck_assert_int_eq(num("344.01", &v), TOLL_FIG_FRACTION);
	ck_assert_int_eq(num("1.25e1", &v), TOLL_FIG_FRACTION);
	ck_assert_int_eq(num("15E-1", &v), TOLL_FIG_FRACTION);
	ck_assert_int_eq(num("1e19", &v), TOLL_FIG_RANGE);
	ck_assert_int_eq(num("1e999999", &v), TOLL_FIG_RANGE);
	ck_assert_int_eq(num("-5", &v), TOLL_FIG_NEGATIVE);
	ck_assert_int_eq(num("-1.5", &v), TOLL_FIG_NEGATIVE);
	ck_assert_int_eq(num("-5,000", &v), TOLL_FIG_NEGATIVE);
	ck_assert_int_eq(num("9223372036854775808", &v), TOLL_FIG_RANGE);
	ck_assert_int_eq(num("99999999999999999999999999", &v), TOLL_FIG_RANGE);
	ck_assert_int_eq(num("-99999999999999999999999999", &v), TOLL_FIG_NEGATIVE);
}
END_TEST

START_TEST(completion_rules)
{
	toll_figure f;

	/* only best: a point */
	ck_assert_int_eq(complete(0, 0, 1, 49, 0, 0, &f), TOLL_FIG_OK);
	ck_assert(f.low == 49 && f.best == 49 && f.high == 49 && !f.open);
	/* low only: open, best = low */
	ck_assert_int_eq(complete(1, 135, 0, 0, 0, 0, &f), TOLL_FIG_OK);
	ck_assert(f.low == 135 && f.best == 135 && f.open);
	/* high only: low = 0, best = high */
	ck_assert_int_eq(complete(0, 0, 0, 0, 1, 100, &f), TOLL_FIG_OK);
	ck_assert(f.low == 0 && f.best == 100 && f.high == 100 && !f.open);
	/* low and high: best = floor of the middle */
	ck_assert_int_eq(complete(1, 28000, 0, 0, 1, 38001, &f), TOLL_FIG_OK);
	ck_assert(f.low == 28000 && f.best == 33000 && f.high == 38001);
	/* low and best, high empty: open */
	ck_assert_int_eq(complete(1, 20, 1, 60, 0, 0, &f), TOLL_FIG_OK);
	ck_assert(f.low == 20 && f.best == 60 && f.open);
	/* best and high: low = 0 */
	ck_assert_int_eq(complete(0, 0, 1, 30, 1, 100, &f), TOLL_FIG_OK);
	ck_assert(f.low == 0 && f.best == 30 && f.high == 100);
	/* the middle of huge bounds does not overflow */
	ck_assert_int_eq(complete(1, INT64_MAX - 1, 0, 0, 1, INT64_MAX, &f), TOLL_FIG_OK);
	ck_assert(f.best == INT64_MAX - 1);
	ck_assert_int_eq(complete(0, 0, 0, 0, 0, 0, &f), TOLL_FIG_EMPTY);
}
END_TEST

START_TEST(completion_order_errors)
{
	toll_figure f;

	ck_assert_int_eq(complete(1, 20, 1, 10, 1, 30, &f), TOLL_FIG_BEST_LOW);
	ck_assert_int_eq(complete(1, 20, 1, 40, 1, 30, &f), TOLL_FIG_BEST_HIGH);
	ck_assert_int_eq(complete(1, 40, 0, 0, 1, 30, &f), TOLL_FIG_LOW_HIGH);
	ck_assert_int_eq(complete(1, 40, 1, 35, 1, 30, &f), TOLL_FIG_LOW_HIGH);
	ck_assert_int_eq(complete(1, 40, 1, 39, 0, 0, &f), TOLL_FIG_BEST_LOW);
	ck_assert_int_eq(complete(0, 0, 1, 101, 1, 100, &f), TOLL_FIG_BEST_HIGH);
}
END_TEST

/* Widened, not refused: the smallest interval that holds every number stated, best kept. */
START_TEST(completion_widened)
{
	static const struct {
		int hl; int64_t l; int hb; int64_t b; int hh; int64_t h;
		int64_t wl, wb, wh; int open, widened;
	} c[] = {
		{ 1, 20, 1, 10, 1, 30, 10, 10, 30, 0, 1 },   /* best below low */
		{ 1, 20, 1, 40, 1, 30, 20, 40, 40, 0, 1 },   /* best above high */
		{ 1, 40, 0, 0, 1, 30, 30, 35, 40, 0, 1 },    /* low above high: swapped, middle */
		{ 1, 40, 1, 35, 1, 30, 30, 35, 40, 0, 1 },
		{ 1, 40, 1, 39, 0, 0, 39, 39, 0, 1, 1 },     /* open: its low comes down */
		{ 0, 0, 1, 101, 1, 100, 0, 101, 101, 0, 1 }, /* no low: 0 */
		{ 1, 3, 1, 5, 1, 8, 3, 5, 8, 0, 0 },         /* in order: as toll_range_complete() */
	};
	size_t i;
	toll_range g;

	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		ck_assert_int_eq(toll_range_complete_widened(c[i].hl, toll_num_whole(c[i].l), c[i].hb,
		                                             toll_num_whole(c[i].b), c[i].hh,
		                                             toll_num_whole(c[i].h), &g), TOLL_FIG_OK);
		ck_assert_msg(g.low.i == c[i].wl && g.best.i == c[i].wb && g.open == c[i].open &&
		              (c[i].open || g.high.i == c[i].wh) && g.widened == c[i].widened,
		              "case %zu: %lld %lld %lld open %d widened %d", i, (long long)g.low.i,
		              (long long)g.best.i, (long long)g.high.i, g.open, g.widened);
	}
	ck_assert_int_eq(toll_range_complete_widened(0, toll_num_whole(0), 0, toll_num_whole(0), 0,
	                                             toll_num_whole(0), &g), TOLL_FIG_EMPTY);
}
END_TEST

START_TEST(value_notation)
{
	expect("49", 49, 49, 49, 0);
	expect(">=49", 49, 49, -1, 0);
	expect(">= 49", 49, 49, -1, 0);
	expect("49+", 49, 49, -1, 0);
	expect("at least 49", 49, 49, -1, 0);
	expect("At Least 1,000", 1000, 1000, -1, 0);
	expect(">49", 50, 50, -1, 0);
	expect("<=100", 0, 100, 100, 0);
	expect("up to 100", 0, 100, 100, 0);
	expect("UP TO 100", 0, 100, 100, 0);
	expect("<100", 0, 99, 99, 0);
	expect("~6500", 6500, 6500, 6500, '~');
	expect("~ 6500", 6500, 6500, 6500, '~');
	expect("about 6,500", 6500, 6500, 6500, '~');
	expect("100-150", 100, 125, 150, 0);
	expect("100 - 150", 100, 125, 150, 0);
	expect("100-150 (120)", 100, 120, 150, 0);
	expect("100 - 150 ( 120 )", 100, 120, 150, 0);
	expect("28,000-38,000", 28000, 33000, 38000, 0);
	expect("  49  ", 49, 49, 49, 0);
	expect("\xe2\x89\xa5" "49", 49, 49, -1, 0);
	expect("\xe2\x89\xa4" "100", 0, 100, 100, 0);
	expect("20\xe2\x80\x93" "30", 20, 25, 30, 0);
	expect("0", 0, 0, 0, 0);
	/* As newsrooms write them. */
	expect("more than 6,500", 6501, 6501, -1, 0);
	expect("over 200", 201, 201, -1, 0);
	expect("Above 10", 11, 11, -1, 0);
	expect("fewer than 100", 0, 99, 99, 0);
	expect("less than 100", 0, 99, 99, 0);
	expect("under 100", 0, 99, 99, 0);
	expect("below 100", 0, 99, 99, 0);
	expect("at most 100", 0, 100, 100, 0);
	expect("no more than 100", 0, 100, 100, 0);
	expect("100 or fewer", 0, 100, 100, 0);
	expect("100 or less", 0, 100, 100, 0);
	expect("49 or more", 49, 49, -1, 0);
	expect("no fewer than 49", 49, 49, -1, 0);
	expect("approx. 6500", 6500, 6500, 6500, '~');
	expect("approx 6500", 6500, 6500, 6500, '~');
	expect("approximately 6,500", 6500, 6500, 6500, '~');
	expect("c. 6500", 6500, 6500, 6500, '~');
	expect("c.6500", 6500, 6500, 6500, '~');
	expect("ca. 6500", 6500, 6500, 6500, '~');
	expect("circa 6500", 6500, 6500, 6500, '~');
	expect("around 6500", 6500, 6500, 6500, '~');
	expect("roughly 6500", 6500, 6500, 6500, '~');
	expect("some 511", 511, 511, 511, '~');
	expect("nearly 5,000", 5000, 5000, 5000, '~');
	expect("almost 5 000", 5000, 5000, 5000, '~');
	expect("an estimated 30,000", 30000, 30000, 30000, '~');
	expect("6 500", 6500, 6500, 6500, 0);
	expect("20 to 100", 20, 60, 100, 0);
	expect("between 20 and 100", 20, 60, 100, 0);
	expect("Between 6 500 and 7 000", 6500, 6750, 7000, 0);
	expect("20 to 100 (68)", 20, 68, 100, 0);
	expect("344.0", 344, 344, 344, 0);
}
END_TEST

/* Any number: C's form, or with separators; one reader for every program. */
START_TEST(decimals)
{
	static const struct {
		const char *s;
		double v;
	} good[] = {
		{ "0", 0 }, { "-0", 0 }, { "42", 42 }, { "+7", 7 }, { "-12", -12 }, { "1.5", 1.5 },
		{ ".5", 0.5 }, { "5.", 5 }, { "-2.25e2", -225 }, { "1E-3", 0.001 }, { "1e+3", 1000 },
		{ "123456789012345", 123456789012345.0 }, { "1234567890123456789", 1234567890123456789.0 },
		{ "0.1", 0.1 }, { "1,000", 1000 }, { "1_000", 1000 }, { "-6 500.5", -6500.5 },
		{ "6\xc2\xa0" "500", 6500 }, { "135.5", 135.5 }, { "1,234,567.25", 1234567.25 },
	};
	static const char *bad[] = {
		"", "-", "+", ".", "e5", "1e", "1e+", "0x10", "nan", "inf", "-inf",
		" 1", "1 ", "1.2.3", "--1", "1e5.5", "\xd9\xa1", "1,00", "1,000e3", "12,34",
	};
	size_t i;
	double v;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		ck_assert_msg(dec(good[i].s, &v) == TOLL_FIG_OK, "%s", good[i].s);
		ck_assert_msg(v == good[i].v, "%s: %g", good[i].s, v);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(dec(bad[i], &v) == (i == 0 ? TOLL_FIG_EMPTY : TOLL_FIG_SYNTAX), "%s", bad[i]);
	ck_assert_int_eq(dec("1e999", &v), TOLL_FIG_RANGE);
	ck_assert_int_eq(dec("-1e999", &v), TOLL_FIG_RANGE);
	/* Not NUL-terminated: only len bytes are read. */
	ck_assert_int_eq(toll_decimal_parse("12x", 2, &v), TOLL_FIG_OK);
	ck_assert(v == 12);
}
END_TEST

/* Decimals read without strtod() are the same doubles strtod() gives. */
START_TEST(decimal_fast_path)
{
	unsigned seed = 99;
	int k;

	for (k = 0; k < 200000; k++) {
		char buf[40];
		double got, want;
		unsigned long long m;
		int frac, n;

		seed = seed * 1103515245u + 12345u;
		m = ((unsigned long long)seed << 20 ^ (seed >> 3)) % 1000000000000000ULL;
		frac = (int)(seed >> 27) % 16;
		n = snprintf(buf, sizeof buf, "%s%llu", k % 3 == 0 ? "-" : "", m);
		if (frac > 0 && frac < n) {
			memmove(buf + n - frac + 1, buf + n - frac, (size_t)frac + 1);
			buf[n - frac] = '.';
			n++;
		}
		want = strtod(buf, NULL);
		ck_assert_int_eq(toll_decimal_parse(buf, (size_t)n, &got), TOLL_FIG_OK);
		ck_assert_msg(got == want, "%s: %.17g, strtod %.17g", buf, got, want);
	}
}
END_TEST

/* Reads the figure of the data row of a small TSV table. */
static int
read_row(const char *tsv, unsigned flags, toll_range *g, int *empty, toll_diag d[TOLL_FIGURE_MAX_PROBLEMS])
{
	const char *path = unit_tmpfile(tsv, strlen(tsv), ".tsv");
	char *paths[1];
	toll_table *t;
	toll_row row;
	toll_diag dd;
	toll_figure_cols fc;
	int n;

	paths[0] = (char *)path;
	ck_assert_int_eq(toll_table_new(&t, paths, 1, NULL), TOLL_OK);
	ck_assert_int_eq(toll_table_next(t, &row, &dd), TOLL_HEADER);
	toll_figure_cols_find(&fc, t);
	ck_assert_int_eq(toll_table_next(t, &row, &dd), TOLL_OK);
	n = toll_figure_read(&fc, &row, flags, g, empty, d);
	toll_table_free(t);
	return n;
}

/* The reader of a row's figure that every program shares. */
START_TEST(figure_of_a_row)
{
	toll_diag d[TOLL_FIGURE_MAX_PROBLEMS];
	toll_range g;
	int empty;

	/* Completion: low alone is open, best is low. */
	ck_assert_int_eq(read_row("low\tbest\thigh\n49\t\t\n", TOLL_FIGURE_WHOLE, &g, &empty, d), 0);
	ck_assert(!empty && g.low.i == 49 && g.best.i == 49 && g.open);
	/* Separators, integral decimals and halves (not in whole mode). */
	ck_assert_int_eq(read_row("low\tbest\thigh\n6 500\t6,600.0\t7_000\n", TOLL_FIGURE_WHOLE, &g,
	                          &empty, d), 0);
	ck_assert(g.low.i == 6500 && g.best.i == 6600 && g.high.i == 7000 && !g.open);
	ck_assert_int_eq(read_row("low\tbest\thigh\n49\t135.5\t\n", 0, &g, &empty, d), 0);
	ck_assert(g.best.d == 135.5 && !g.best.whole && g.open);
	ck_assert_int_eq(read_row("low\tbest\thigh\n49\t135.5\t\n", TOLL_FIGURE_WHOLE, &g, &empty, d), 1);
	ck_assert_str_eq(d[0].msg, "not a whole number '135.5' in column 'best'");
	ck_assert_int_eq(d[0].line, 2);
	ck_assert_int_eq(d[0].col, 4);
	/* The value notation, and its qualifier. */
	ck_assert_int_eq(read_row("x\tvalue\na\tabout 6,500\n", 0, &g, &empty, d), 0);
	ck_assert(g.best.i == 6500 && g.qualifier == '~');
	ck_assert_int_eq(read_row("x\tvalue\na\tlots\n", 0, &g, &empty, d), 1);
	ck_assert_str_eq(d[0].msg, "invalid value 'lots' in column 'value': expected 49, 6,500, at "
	                 "least 49, 49+, more than 49, up to 100, fewer than 100, about 6,500, 100-150, "
	                 "100 to 150, between 100 and 150, 100-150 (120)");
	/* Nothing stated. */
	ck_assert_int_eq(read_row("low\tbest\thigh\tx\n\t\t\ta\n", 0, &g, &empty, d), 0);
	ck_assert(empty);
	ck_assert_int_eq(read_row("x\tvalue\na\t\n", 0, &g, &empty, d), 0);
	ck_assert(empty);
	/* Order, negative numbers, several problems at once. */
	ck_assert_int_eq(read_row("low\tbest\thigh\n50\t10\t\n", 0, &g, &empty, d), 1);
	ck_assert_str_eq(d[0].msg, "'best' 10 is below 'low' 50");
	ck_assert_int_eq(read_row("low\tbest\thigh\n-1\tx\t2.5\n", TOLL_FIGURE_WHOLE, &g, &empty, d), 3);
	ck_assert_str_eq(d[0].msg, "negative number '-1' in column 'low'");
	ck_assert_str_eq(d[1].msg, "invalid number 'x' in column 'best'");
	ck_assert_str_eq(d[2].msg, "not a whole number '2.5' in column 'high'");
	ck_assert_int_eq(read_row("best\tqualifier\n5\tabout\n", 0, &g, &empty, d), 1);
	ck_assert_str_eq(d[0].msg, "invalid qualifier 'about' in column 'qualifier'");
}
END_TEST

START_TEST(value_errors)
{
	static const char *syntax[] = {
		"abc", "49 people", "at least", "atleast 49", ">=", "~", "about", "100-", "x-150",
		"100-150 12", "100-150 (120", "100-150 (120) x", "~100-150", "~49+", ">=49+",
		"<0", "49++", "at least49", "(120)", "100-+150", "> = 49", "between 20", "between 20 to 30",
		"between 20 and 30 (25)", "20 to", "over", "49 or", "49 or moreover", "some", "c.", "overall 5",
	};
	size_t i;
	toll_figure f;

	for (i = 0; i < sizeof syntax / sizeof syntax[0]; i++)
		ck_assert_msg(val(syntax[i], &f) == TOLL_FIG_SYNTAX, "'%s' gave %s", syntax[i],
		              toll_figure_strerror(val(syntax[i], &f)));
	ck_assert_int_eq(val("", &f), TOLL_FIG_EMPTY);
	ck_assert_int_eq(val("   ", &f), TOLL_FIG_EMPTY);
	ck_assert_int_eq(val("-5", &f), TOLL_FIG_NEGATIVE);
	ck_assert_int_eq(val("100--150", &f), TOLL_FIG_NEGATIVE);
	ck_assert_int_eq(val("99999999999999999999", &f), TOLL_FIG_RANGE);
	ck_assert_int_eq(val(">9223372036854775807", &f), TOLL_FIG_RANGE);
	ck_assert_int_eq(val("150-100", &f), TOLL_FIG_LOW_HIGH);
	ck_assert_int_eq(val("100-150 (200)", &f), TOLL_FIG_BEST_HIGH);
	ck_assert_int_eq(val("100-150 (50)", &f), TOLL_FIG_BEST_LOW);
	ck_assert_int_eq(val("1.5", &f), TOLL_FIG_FRACTION);
	ck_assert_int_eq(val("about 6.5", &f), TOLL_FIG_FRACTION);
}
END_TEST

START_TEST(whole_people)
{
	int64_t two[] = { 3702, 2996 }, one[] = { 7 }, four[] = { 40, 10, 30, 20 };
	int64_t open[] = { 20, INT64_MAX }, big[] = { INT64_MAX - 1, INT64_MAX };
	int64_t m[] = { 15, 20 }, h[] = { 16, 17 }, r[] = { 1, 1, 2 }, e[] = { 10, 13, 13 };
	int64_t v[40];
	size_t i;

	/* The lower of the two in the middle: a figure one of them gave. */
	ck_assert_int_eq(toll_median_lower(two, 2), 2996);
	ck_assert_int_eq(toll_median_lower(one, 1), 7);
	ck_assert_int_eq(toll_median_lower(four, 4), 20);
	ck_assert(toll_median_lower(open, 2) == 20);
	ck_assert(toll_median_lower(big, 2) == INT64_MAX - 1);
	for (i = 0; i < 40; i++)
		v[i] = (int64_t)(((i + 1) * 7) % 41);   /* 1 to 40, out of order, past the insertion sort */
	ck_assert_int_eq(toll_median_lower(v, 40), 20);
	/* The mean, exact, rounded half to even: 17.5 -> 18, 16.5 -> 16, 4/3 -> 1, 12 -> 12. */
	ck_assert_int_eq(toll_mean_whole(m, 2), 18);
	ck_assert_int_eq(toll_mean_whole(h, 2), 16);
	ck_assert_int_eq(toll_mean_whole(r, 3), 1);
	ck_assert_int_eq(toll_mean_whole(e, 3), 12);
	ck_assert(toll_mean_whole(big, 2) == INT64_MAX - 1);   /* 2^63 - 1.5: no overflow, to even */
}
END_TEST

/* The notation of g, as a chart or a report writes it. */
static const char *
notation(double low, double best, double high, int open, char q)
{
	static char buf[96];
	toll_range g;

	memset(&g, 0, sizeof g);
	g.low = toll_num_any(low);
	g.best = toll_num_any(best);
	g.high = toll_num_any(high);
	g.open = open;
	g.qualifier = q;
	toll_range_notation(&g, buf, sizeof buf);
	return buf;
}

START_TEST(notation_says_what_is_known)
{
	ck_assert_str_eq(notation(6500, 6500, 6500, 0, 0), "6,500");
	ck_assert_str_eq(notation(430, 430, 430, 0, '~'), "~430");
	ck_assert_str_eq(notation(49, 49, 0, 1, 0), "\xe2\x89\xa5" "49");
	/* An open figure whose best is above its low keeps the best. */
	ck_assert_str_eq(notation(600, 650, 0, 1, 0), "\xe2\x89\xa5" "600 (650)");
	ck_assert_str_eq(notation(600, 650, 0, 1, '~'), "\xe2\x89\xa5" "600 (~650)");
	ck_assert_str_eq(notation(20000, 25000, 30000, 0, 0), "20,000\xe2\x80\x93" "30,000");
	ck_assert_str_eq(notation(20000, 30000, 30000, 0, '~'), "20,000\xe2\x80\x93" "30,000 (~30,000)");
}
END_TEST

START_TEST(a_best_toll_supplies_is_marked)
{
	toll_range g;

	/* A range's middle, rounded down, and a high alone: supplied; a stated best, an open figure: not. */
	ck_assert_int_eq(toll_value_parse("20,000-30,000", 13, &g), TOLL_FIG_OK);
	ck_assert(g.supplied && g.best.i == 25000);
	ck_assert_int_eq(toll_value_parse("20001-30000", 11, &g), TOLL_FIG_OK);
	ck_assert(g.supplied && g.best.i == 25000);
	ck_assert_int_eq(toll_value_parse("up to 100", 9, &g), TOLL_FIG_OK);
	ck_assert(g.supplied && g.best.i == 100);
	ck_assert_int_eq(toll_value_parse("100-150 (120)", 13, &g), TOLL_FIG_OK);
	ck_assert(!g.supplied && g.best.i == 120);
	ck_assert_int_eq(toll_value_parse("at least 49", 11, &g), TOLL_FIG_OK);
	ck_assert(!g.supplied && g.best.i == 49);
	ck_assert_int_eq(toll_value_parse("about 430", 9, &g), TOLL_FIG_OK);
	ck_assert(!g.supplied && g.qualifier == '~' && g.low.i == 430 && g.high.i == 430);
}
END_TEST

/* The qualifier column's one reader and writer, and the names of columns written for a header. */
START_TEST(qualifier_text_and_back)
{
	static const int cols[] = { TOLL_CLAIM_COLUMNS, TOLL_COL_CLAIMANT };
	toll_out *o;

	ck_assert_str_eq(toll_qualifier_text('~'), "~");
	ck_assert_str_eq(toll_qualifier_text('v'), "vague");
	ck_assert_str_eq(toll_qualifier_text('\0'), "");
	ck_assert_int_eq(toll_qualifier_read("~", 1), '~');
	ck_assert_int_eq(toll_qualifier_read("vague", 5), 'v');
	ck_assert_int_eq(toll_qualifier_read("", 0), '\0');
	ck_assert_int_eq(toll_qualifier_read("about", 5), -1);
	ck_assert_int_eq(toll_qualifier_read("vag", 3), -1);
	ck_assert_int_eq(toll_qualifier_read("~~", 2), -1);
	/* Each text read back is what it was. */
	ck_assert_int_eq(toll_qualifier_read(toll_qualifier_text('v'), 5), 'v');

	o = unit_out_open();
	toll_columns_write(o, cols, sizeof cols / sizeof cols[0]);
	toll_out_eol(o);
	ck_assert_str_eq(unit_out_text(o), "event\treported\tsource\tside\tcategory\tstatus\tlow\t"
	                 "best\thigh\tqualifier\tclaimant\n");
}
END_TEST

Suite *
figure_suite(void)
{
	Suite *s = suite_create("figure");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, numbers_with_separators);
	tcase_add_test(tc, bad_numbers);
	tcase_add_test(tc, middle_of_bounds_not_whole);
	tcase_add_test(tc, completion_rules);
	tcase_add_test(tc, range_completion);
	tcase_add_test(tc, order_messages);
	tcase_add_test(tc, completion_order_errors);
	tcase_add_test(tc, completion_widened);
	tcase_add_test(tc, value_notation);
	tcase_add_test(tc, value_errors);
	tcase_add_test(tc, decimals);
	tcase_add_test(tc, decimal_fast_path);
	tcase_add_test(tc, figure_of_a_row);
	tcase_add_test(tc, whole_people);
	tcase_add_test(tc, notation_says_what_is_known);
	tcase_add_test(tc, a_best_toll_supplies_is_marked);
	tcase_add_test(tc, qualifier_text_and_back);
	suite_add_tcase(s, tc);
	return s;
}
