/* test_stats.c: the number parser and the operations of toll-stats. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "toll/stats.h"

START_TEST(operations)
{
	toll_stat_op op;
	toll_diag ud;

	ck_assert_int_eq(toll_stat_op_parse(&op, "median:best", &ud), 0);
	ck_assert_int_eq(op.stat, TOLL_STAT_MEDIAN);
	ck_assert_str_eq(op.column, "best");
	ck_assert_str_eq(op.name, "median_best");
	toll_stat_op_free(&op);
	ck_assert_int_eq(toll_stat_op_parse(&op, "p2.5:a:b", &ud), 0);
	ck_assert_int_eq(op.stat, TOLL_STAT_PCT);
	ck_assert(op.p == 0.025);
	ck_assert_str_eq(op.column, "a:b");
	ck_assert_str_eq(op.name, "p2.5_a:b");
	toll_stat_op_free(&op);
	ck_assert_int_eq(toll_stat_op_parse(&op, "count", &ud), 0);
	ck_assert_ptr_null(op.column);
	ck_assert_str_eq(op.name, "count");
	toll_stat_op_free(&op);
	ck_assert_int_eq(toll_stat_op_parse(&op, "p100:x", &ud), 0);
	ck_assert(op.p == 1);
	toll_stat_op_free(&op);

	ck_assert_int_eq(toll_stat_op_parse(&op, "p100.5:x", &ud), TOLL_EUSAGE);
	ck_assert_str_eq(ud.msg, "percentile 'p100.5' is not from p0 to p100");
	ck_assert_int_eq(toll_stat_op_parse(&op, "sum", &ud), TOLL_EUSAGE);
	ck_assert_str_eq(ud.msg, "operation 'sum' needs a column: sum:COLUMN");
	ck_assert_int_eq(toll_stat_op_parse(&op, "avg:x", &ud), TOLL_EUSAGE);
	ck_assert_str_eq(ud.msg, "unknown operation 'avg'");

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

	tcase_add_test(tc, operations);
	suite_add_tcase(s, tc);
	return s;
}
