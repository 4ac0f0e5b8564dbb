/* test_figure.c: numbers, the completion rules and the value notation. */
#include <string.h>

#include "suites.h"
#include "toll/figure.h"

static int
num(const char *s, int64_t *v)
{
	return toll_number_parse(s, strlen(s), v);
}

static int
val(const char *s, toll_figure *f)
{
	memset(f, 0x55, sizeof *f);
	return toll_value_parse(s, strlen(s), f);
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

/* The completion of decimals follows the integer rules exactly where both apply, and keeps halves. */
START_TEST(range_completion)
{
	int hl, hb, hh, lo, be, hi;
	toll_figure f;
	toll_range r;

	for (hl = 0; hl < 2; hl++)
		for (hb = 0; hb < 2; hb++)
			for (hh = 0; hh < 2; hh++)
				for (lo = 0; lo < 5; lo++)
					for (be = 0; be < 5; be++)
						for (hi = 0; hi < 5; hi++) {
							int a = toll_figure_complete(hl, lo, hb, be, hh, hi, &f);
							int b = toll_range_complete(hl, lo, hb, be, hh, hi, &r);
							ck_assert_int_eq(a, b);
							if (a != TOLL_FIG_OK)
								continue;
							ck_assert(r.low == (double)f.low && r.best == (double)f.best);
							ck_assert_int_eq(r.open, f.open);
							ck_assert(f.open || r.high == (double)f.high);
						}
	ck_assert_int_eq(toll_range_complete(1, 2.5, 0, 0, 1, 7.5, &r), TOLL_FIG_OK);
	ck_assert(r.best == 5 && r.low == 2.5 && r.high == 7.5);
	ck_assert_int_eq(toll_range_complete(1, 7401.5, 1, 7401, 0, 0, &r), TOLL_FIG_BEST_LOW);
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
}
END_TEST

START_TEST(bad_numbers)
{
	static const char *syntax[] = {
		"", "1.5", "1,5", "1,50", "1,5000", ",100", "100,", "1,000_000", "1__000", "+5",
		" 5", "5 ", "1e3", "0x10", "-", "--5", "五", "12,34,567",
	};
	size_t i;
	int64_t v;

	for (i = 0; i < sizeof syntax / sizeof syntax[0]; i++)
		ck_assert_msg(num(syntax[i], &v) == (i == 0 ? TOLL_FIG_EMPTY : TOLL_FIG_SYNTAX),
		              "'%s'", syntax[i]);
	ck_assert_int_eq(num("-5", &v), TOLL_FIG_NEGATIVE);
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
	ck_assert_int_eq(toll_figure_complete(0, 0, 1, 49, 0, 0, &f), TOLL_FIG_OK);
	ck_assert(f.low == 49 && f.best == 49 && f.high == 49 && !f.open);
	/* low only: open, best = low */
	ck_assert_int_eq(toll_figure_complete(1, 135, 0, 0, 0, 0, &f), TOLL_FIG_OK);
	ck_assert(f.low == 135 && f.best == 135 && f.open);
	/* high only: low = 0, best = high */
	ck_assert_int_eq(toll_figure_complete(0, 0, 0, 0, 1, 100, &f), TOLL_FIG_OK);
	ck_assert(f.low == 0 && f.best == 100 && f.high == 100 && !f.open);
	/* low and high: best = floor of the middle */
	ck_assert_int_eq(toll_figure_complete(1, 28000, 0, 0, 1, 38001, &f), TOLL_FIG_OK);
	ck_assert(f.low == 28000 && f.best == 33000 && f.high == 38001);
	/* low and best, high empty: open */
	ck_assert_int_eq(toll_figure_complete(1, 20, 1, 60, 0, 0, &f), TOLL_FIG_OK);
	ck_assert(f.low == 20 && f.best == 60 && f.open);
	/* best and high: low = 0 */
	ck_assert_int_eq(toll_figure_complete(0, 0, 1, 30, 1, 100, &f), TOLL_FIG_OK);
	ck_assert(f.low == 0 && f.best == 30 && f.high == 100);
	/* the middle of huge bounds does not overflow */
	ck_assert_int_eq(toll_figure_complete(1, INT64_MAX - 1, 0, 0, 1, INT64_MAX, &f), TOLL_FIG_OK);
	ck_assert(f.best == INT64_MAX - 1);
	ck_assert_int_eq(toll_figure_complete(0, 0, 0, 0, 0, 0, &f), TOLL_FIG_EMPTY);
}
END_TEST

START_TEST(completion_order_errors)
{
	toll_figure f;

	ck_assert_int_eq(toll_figure_complete(1, 20, 1, 10, 1, 30, &f), TOLL_FIG_BEST_LOW);
	ck_assert_int_eq(toll_figure_complete(1, 20, 1, 40, 1, 30, &f), TOLL_FIG_BEST_HIGH);
	ck_assert_int_eq(toll_figure_complete(1, 40, 0, 0, 1, 30, &f), TOLL_FIG_LOW_HIGH);
	ck_assert_int_eq(toll_figure_complete(1, 40, 1, 35, 1, 30, &f), TOLL_FIG_LOW_HIGH);
	ck_assert_int_eq(toll_figure_complete(1, 40, 1, 39, 0, 0, &f), TOLL_FIG_BEST_LOW);
	ck_assert_int_eq(toll_figure_complete(0, 0, 1, 101, 1, 100, &f), TOLL_FIG_BEST_HIGH);
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
}
END_TEST

START_TEST(value_errors)
{
	static const char *syntax[] = {
		"abc", "49 people", "at least", "atleast 49", ">=", "~", "about", "100-", "x-150",
		"100-150 120", "100-150 (120", "100-150 (120) x", "~100-150", "~49+", ">=49+",
		"<0", "1.5", "49++", "at least49", "(120)", "100-+150", "> = 49",
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
}
END_TEST

Suite *
figure_suite(void)
{
	Suite *s = suite_create("figure");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, numbers_with_separators);
	tcase_add_test(tc, bad_numbers);
	tcase_add_test(tc, completion_rules);
	tcase_add_test(tc, range_completion);
	tcase_add_test(tc, order_messages);
	tcase_add_test(tc, completion_order_errors);
	tcase_add_test(tc, value_notation);
	tcase_add_test(tc, value_errors);
	suite_add_tcase(s, tc);
	return s;
}
