/* test_stats.c: the number parser and the operations of toll-stats. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "toll/stats.h"

static int
number(const char *s, double *v)
{
	return toll_stats_number(s, strlen(s), v);
}

/* Decimals read without strtod() are the same doubles strtod() gives. */
START_TEST(number_fast_path)
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
		ck_assert_int_eq(toll_stats_number(buf, (size_t)n, &got), 0);
		ck_assert_msg(got == want, "%s: %.17g, strtod %.17g", buf, got, want);
	}
}
END_TEST

START_TEST(numbers)
{
	static const struct {
		const char *s;
		double v;
	} good[] = {
		{ "0", 0 }, { "-0", 0 }, { "42", 42 }, { "+7", 7 }, { "-12", -12 }, { "1.5", 1.5 },
		{ ".5", 0.5 }, { "5.", 5 }, { "-2.25e2", -225 }, { "1E-3", 0.001 }, { "1e+3", 1000 },
		{ "123456789012345", 123456789012345.0 }, { "1234567890123456789", 1234567890123456789.0 },
		{ "0.1", 0.1 },
	};
	static const char *bad[] = {
		"", "-", "+", ".", "e5", "1e", "1e+", "1,000", "1_000", "0x10", "nan", "inf", "-inf",
		" 1", "1 ", "1.2.3", "--1", "1e5.5", "١",
	};
	size_t i;
	double v;

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		ck_assert_msg(number(good[i].s, &v) == 0, "%s", good[i].s);
		ck_assert_msg(v == good[i].v, "%s: %g", good[i].s, v);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(number(bad[i], &v) == -1, "%s", bad[i]);
	ck_assert_int_eq(number("1e999", &v), -2);
	ck_assert_int_eq(number("-1e999", &v), -2);
	/* Not NUL-terminated: only len bytes are read. */
	ck_assert_int_eq(toll_stats_number("12x", 2, &v), 0);
	ck_assert(v == 12);
}
END_TEST

START_TEST(operations)
{
	toll_stat_op op;
	char err[256];

	ck_assert_int_eq(toll_stat_op_parse(&op, "median:best", err, sizeof err), 0);
	ck_assert_int_eq(op.stat, TOLL_STAT_MEDIAN);
	ck_assert_str_eq(op.column, "best");
	ck_assert_str_eq(op.name, "median_best");
	toll_stat_op_free(&op);
	ck_assert_int_eq(toll_stat_op_parse(&op, "p2.5:a:b", err, sizeof err), 0);
	ck_assert_int_eq(op.stat, TOLL_STAT_PCT);
	ck_assert(op.p == 0.025);
	ck_assert_str_eq(op.column, "a:b");
	ck_assert_str_eq(op.name, "p2.5_a:b");
	toll_stat_op_free(&op);
	ck_assert_int_eq(toll_stat_op_parse(&op, "count", err, sizeof err), 0);
	ck_assert_ptr_null(op.column);
	ck_assert_str_eq(op.name, "count");
	toll_stat_op_free(&op);
	ck_assert_int_eq(toll_stat_op_parse(&op, "p100:x", err, sizeof err), 0);
	ck_assert(op.p == 1);
	toll_stat_op_free(&op);

	ck_assert_int_eq(toll_stat_op_parse(&op, "p100.5:x", err, sizeof err), -1);
	ck_assert_str_eq(err, "percentile 'p100.5' is not from p0 to p100");
	ck_assert_int_eq(toll_stat_op_parse(&op, "sum", err, sizeof err), -1);
	ck_assert_str_eq(err, "operation 'sum' needs a column: sum:COLUMN");
	ck_assert_int_eq(toll_stat_op_parse(&op, "avg:x", err, sizeof err), -1);
	ck_assert_str_eq(err, "unknown operation 'avg'");

	ck_assert(toll_stat_op_is("ci95:x"));
	ck_assert(toll_stat_op_is("p50"));
	ck_assert(!toll_stat_op_is("p"));
	ck_assert(!toll_stat_op_is("pa:x"));
	ck_assert(!toll_stat_op_is("data.tsv"));
	ck_assert(!toll_stat_op_is("Sum:x"));
}
END_TEST

Suite *
stats_suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tc = tcase_create("stats");

	tcase_add_test(tc, number_fast_path);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, operations);
	suite_add_tcase(s, tc);
	return s;
}
