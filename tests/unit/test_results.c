/*
 * test_results.c: toll-agg's and toll-rev's results as values
 * (toll_agg_finish(), toll_revs_list()), the tables of text the programs
 * write from them, and a table of no file (toll_table_of_columns()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "toll/agg.h"
#include "toll/rev.h"
#include "toll/timeline.h"

/* Reports of two sides, one revised (49, then 105, then at least 135), one a range. */
static const char claims[] =
	"event\treported\tsource\tside\tcategory\tlow\tbest\thigh\n"
	"e\t2022-09-13\tPM\tArmenia\tkilled\t\t49\t\n"
	"e\t2022-09-14\tPM\tArmenia\tkilled\t\t105\t\n"
	"e\t2022-09-15T10:00\tPM\tArmenia\tkilled\t135\t\t\n"
	"e\t2022-09-14\tMoD\tAzerbaijan\tkilled\t70\t\t77\n"
	"e\t2022-09-13\tAFP\tArmenia\tkilled\t\t100\t\n";

/* Reads claims into an aggregation by keys with policy pol (and into revs, when not NULL). */
static toll_reports *
read_claims_every(const char *keys, const char *pol, int every, toll_keys *k, toll_policy *p,
                  toll_agg **a, toll_revs *revs);

static toll_reports *
read_claims(const char *keys, const char *pol, toll_keys *k, toll_policy *p, toll_agg **a, toll_revs *revs)
{
	return read_claims_every(keys, pol, TOLL_BIN_NONE, k, p, a, revs);
}

/* read_claims(), every revision kept for the periods of unit every (TOLL_BIN_NONE: none). */
static toll_reports *
read_claims_every(const char *keys, const char *pol, int every, toll_keys *k, toll_policy *p,
                  toll_agg **a, toll_revs *revs)
{
	static char *paths[1];
	toll_as_of all = TOLL_AS_OF_ALL;
	toll_reports *rd;
	toll_entry e;
	toll_diag d;
	int rc;

	paths[0] = (char *)unit_tmpfile(claims, sizeof claims - 1, ".tsv");
	memset(k, 0, sizeof *k);
	ck_assert_int_eq(toll_keys_parse(k, keys, &d), TOLL_OK);
	ck_assert_int_eq(toll_policy_parse(p, pol, &d), TOLL_OK);
	ck_assert_ptr_nonnull(*a = toll_agg_new(p, k, &all));
	if (every != TOLL_BIN_NONE)
		ck_assert_int_eq(toll_agg_set_every(*a, every), TOLL_OK);
	ck_assert_int_eq(toll_reports_new(&rd, paths, 1, NULL, TOLL_REPORTS_HISTORY), TOLL_OK);
	while ((rc = toll_reports_next(rd, &e, &d)) != TOLL_END) {
		if (rc == TOLL_HEADER) {
			ck_assert_int_eq(toll_agg_header(*a, rd, &d), TOLL_OK);
			continue;
		}
		ck_assert_msg(rc == TOLL_OK, "%s", d.msg);
		ck_assert_int_eq(toll_agg_add(*a, rd, &e, &d), TOLL_OK);
		if (revs != NULL)
			ck_assert_int_eq(toll_revs_add(revs, &e, &d), TOLL_OK);
	}
	return rd;
}

START_TEST(agg_result_as_values)
{
	toll_keys k;
	toll_policy p;
	toll_agg *a;
	toll_agg_result *res;
	toll_reports *rd = read_claims("side", "mean", &k, &p, &a, NULL);
	toll_out *o;
	char buf[TOLL_AGG_TEXT];
	toll_diag d;
	long c;

	ck_assert_int_eq(toll_agg_finish(a, rd, &res, &d), TOLL_OK);
	ck_assert_uint_eq(res->n, 2);
	/* Rows by key: Armenia, then Azerbaijan. */
	ck_assert_str_eq(toll_agg_result_text(res, 0, 0, buf), "Armenia");
	ck_assert_str_eq(toll_agg_result_text(res, 1, 0, buf), "Azerbaijan");
	/* The mean of the PM's latest (at least 135) and AFP's 100, in whole people: 118, toll's. */
	ck_assert(res->row[0].own.any && res->row[0].own.open);
	ck_assert_int_eq(res->row[0].own.best.n, 118);
	ck_assert_int_eq(res->row[0].own.best.half, 0);
	ck_assert(res->row[0].own.flags & TOLL_BEST_SUPPLIED);
	ck_assert_uint_eq(res->row[0].series, 2);
	/* Azerbaijan's range: its best supplied by toll, the middle rounded down. */
	ck_assert_int_eq(res->row[1].own.low.n, 70);
	ck_assert_int_eq(res->row[1].own.best.n, 73);
	ck_assert_int_eq(res->row[1].own.high.n, 77);
	ck_assert(res->row[1].own.flags & TOLL_BEST_SUPPLIED);
	ck_assert(!res->row[1].adversary.any);
	/* Its texts are those the writer writes. */
	ck_assert_uint_eq(toll_agg_result_columns(res), 9);
	ck_assert_str_eq(toll_agg_result_column(res, 0), "side");
	ck_assert_int_eq(c = toll_agg_result_find(res, "best"), 2);
	ck_assert_str_eq(toll_agg_result_text(res, 0, (size_t)c, buf), "118");
	ck_assert_str_eq(toll_agg_result_text(res, 0, (size_t)toll_agg_result_find(res, "high"), buf), "");
	ck_assert_str_eq(toll_agg_result_text(res, 1, (size_t)toll_agg_result_find(res, "best_by"), buf), "toll");
	ck_assert_int_eq(toll_agg_result_find(res, "nothing"), -1);
	o = unit_out_open();
	toll_agg_result_write(res, o);
	ck_assert_str_eq(unit_out_text(o),
	                 "side\tlow\tbest\thigh\tevents\tseries\tqualifier\tbest_by\tadversary\n"
	                 "Armenia\t118\t118\t\t1\t2\t\ttoll\t\n"
	                 "Azerbaijan\t70\t73\t77\t1\t1\t\ttoll\t\n");
	toll_agg_result_free(res);
	toll_agg_result_free(NULL);
	toll_agg_free(a);
	toll_reports_free(rd);
	toll_policy_free(&p);
	toll_keys_free(&k);
}
END_TEST

/* One side's claim about the other's losses is set aside; each side's own and a third party's are not. */
START_TEST(series_set_aside)
{
	static const char text[] =
		"event\treported\tsource\tside\tcategory\tbest\tclaimant\n"
		"e\t2022-09-14\tMoD\tAzerbaijan\tkilled\t79\tAzerbaijan\n"
		"e\t2022-10-14\tSpeaker\tAzerbaijan\tkilled\t430\tArmenia\n"
		"e\t2022-09-14\tPM\tArmenia\tkilled\t105\tArmenia\n"
		"e\t2022-09-15\tAFP\tArmenia\tkilled\t100\t\n";
	char *paths[1] = { (char *)unit_tmpfile(text, sizeof text - 1, ".tsv") };
	toll_as_of all = TOLL_AS_OF_ALL;
	toll_keys k;
	toll_policy p;
	toll_agg *a;
	toll_agg_result *res;
	toll_reports *rd;
	toll_entry e;
	toll_diag d;
	size_t series[4], n = 0;
	int rc;

	memset(&k, 0, sizeof k);
	memset(&p, 0, sizeof p);
	ck_assert_int_eq(toll_keys_parse(&k, "side", &d), TOLL_OK);
	ck_assert_int_eq(toll_policy_parse(&p, "consensus", &d), TOLL_OK);
	ck_assert_ptr_nonnull(a = toll_agg_new(&p, &k, &all));
	ck_assert_int_eq(toll_reports_new(&rd, paths, 1, NULL, TOLL_REPORTS_HISTORY), TOLL_OK);
	while ((rc = toll_reports_next(rd, &e, &d)) != TOLL_END) {
		if (rc == TOLL_HEADER) {
			ck_assert_int_eq(toll_agg_header(a, rd, &d), TOLL_OK);
			continue;
		}
		ck_assert_msg(rc == TOLL_OK, "%s", d.msg);
		ck_assert_int_eq(toll_agg_add(a, rd, &e, &d), TOLL_OK);
		ck_assert_uint_lt(n, 4);
		series[n++] = e.series;
	}
	ck_assert_int_eq(toll_agg_finish(a, rd, &res, &d), TOLL_OK);
	ck_assert(!toll_agg_series_set_aside(a, series[0]));
	ck_assert(toll_agg_series_set_aside(a, series[1]));
	ck_assert(!toll_agg_series_set_aside(a, series[2]));
	ck_assert(!toll_agg_series_set_aside(a, series[3]));
	ck_assert(!toll_agg_series_set_aside(a, 1000));
	toll_agg_result_free(res);
	toll_agg_free(a);
	toll_reports_free(rd);
	toll_policy_free(&p);
	toll_keys_free(&k);
}
END_TEST

START_TEST(figure_notation)
{
	toll_agg_figure f;
	char buf[64];

	memset(&f, 0, sizeof f);
	toll_agg_figure_notation(&f, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	f.any = 1;
	f.low.n = 79;
	f.best.n = 100;
	f.high.n = 430;
	f.flags = TOLL_BEST_APPROX;
	toll_agg_figure_notation(&f, buf, sizeof buf);
	ck_assert_str_eq(buf, "79\xe2\x80\x93" "430 (~100)");
	f.low = f.best = f.high;
	f.open = 1;
	f.flags = 0;
	toll_agg_figure_notation(&f, buf, sizeof buf);
	ck_assert_str_eq(buf, "\xe2\x89\xa5" "430");
	f.best.half = 1;
	toll_half_text(f.best, buf, sizeof buf);
	ck_assert_str_eq(buf, "430.5");
}
END_TEST

START_TEST(revisions_as_values)
{
	toll_keys k;
	toll_policy p;
	toll_agg *a;
	toll_as_of all = TOLL_AS_OF_ALL;
	toll_revs *revs = toll_revs_new(&all);
	toll_reports *rd = read_claims("side", "consensus", &k, &p, &a, revs);
	toll_rev_list *l;
	toll_diag d;
	char buf[TOLL_REV_TEXT];
	toll_str t;
	size_t nc;
	toll_out *o;

	ck_assert_int_eq(toll_revs_list(revs, toll_reports_index(rd), &l, &d), TOLL_OK);
	/* Armenia AFP (1), Armenia PM (3), Azerbaijan MoD (1), in that order. */
	ck_assert_uint_eq(l->n, 5);
	ck_assert_uint_eq(l->nseries, 3);
	ck_assert_uint_eq(l->first[1], 1);
	ck_assert_uint_eq(l->first[3], 5);
	ck_assert(l->rev[3].revision == 3 && l->rev[3].open && l->rev[3].has_time);
	ck_assert_int_eq(l->rev[2].best, 105);
	ck_assert(l->rev[1].key == l->rev[3].key && l->rev[0].key != l->rev[1].key);
	ck_assert_uint_eq(toll_rev_list_rows(l, TOLL_REV_HISTORY), 5);
	ck_assert_uint_eq(toll_rev_list_rows(l, TOLL_REV_SUMMARY), 3);
	ck_assert_str_eq(toll_rev_columns(TOLL_REV_SUMMARY, &nc)[6], "first_reported");
	ck_assert_uint_eq(nc, 15);
	/* The delta from 105 to at least 135, and the days to a time of day: 2.4. */
	t = toll_rev_list_text(l, TOLL_REV_HISTORY, 3, 10, buf);
	ck_assert(t.len == 2 && memcmp(t.s, "30", 2) == 0);
	t = toll_rev_list_text(l, TOLL_REV_HISTORY, 3, 11, buf);
	ck_assert(t.len == 3 && memcmp(t.s, "2.4", 3) == 0);
	t = toll_rev_list_text(l, TOLL_REV_HISTORY, 1, 10, buf);
	ck_assert_uint_eq(t.len, 0);
	/* The summary's ratio: 135 / 49. */
	t = toll_rev_list_text(l, TOLL_REV_SUMMARY, 1, 11, buf);
	ck_assert_str_eq(buf, "2.75510204081633");
	o = unit_out_open();
	toll_rev_list_write(l, TOLL_REV_SUMMARY, o);
	ck_assert_str_eq(unit_out_text(o),
	                 "event\tside\tstatus\tcategory\tsource\trevisions\tfirst_reported\tfirst_best\t"
	                 "last_reported\tlast_best\tchange\tratio\tdays\tfalls\tlast_qualifier\n"
	                 "e\tArmenia\tall\tkilled\tAFP\t1\t2022-09-13\t100\t2022-09-13\t100\t0\t1\t0\t0\t\n"
	                 "e\tArmenia\tall\tkilled\tPM\t3\t2022-09-13\t49\t2022-09-15T10:00\t135\t86\t"
	                 "2.75510204081633\t2.4\t0\t\n"
	                 "e\tAzerbaijan\tall\tkilled\tMoD\t1\t2022-09-14\t73\t2022-09-14\t73\t0\t1\t0\t0\t\n");
	toll_rev_list_free(l);
	toll_rev_list_free(NULL);
	toll_revs_free(revs);
	toll_agg_free(a);
	toll_reports_free(rd);
	toll_policy_free(&p);
	toll_keys_free(&k);
}
END_TEST

START_TEST(table_of_columns)
{
	static const char *const names[] = { "event", "best", "series" };
	static const char *const twice[] = { "best", "best" };
	static const char *const empty[] = { "a", "" };
	toll_table *t;
	toll_diag d;
	size_t n;

	ck_assert_int_eq(toll_table_of_columns(&t, "mem", names, 3, &d), TOLL_OK);
	ck_assert_int_eq(toll_table_column(t, "series"), 2);
	ck_assert_int_eq(toll_table_column(t, "low"), -1);
	ck_assert_str_eq(toll_table_columns(t, &n)[1].s, "best");
	ck_assert_uint_eq(n, 3);
	toll_table_free(t);
	ck_assert_int_eq(toll_table_of_columns(&t, "mem", twice, 2, &d), TOLL_EDATA);
	ck_assert_ptr_null(t);
	ck_assert_str_eq(d.msg, "duplicate column 'best'");
	ck_assert_str_eq(d.file, "mem");
	ck_assert_int_eq(d.col, 6);
	ck_assert_int_eq(toll_table_of_columns(&t, "mem", empty, 2, &d), TOLL_EDATA);
	ck_assert_str_eq(d.msg, "empty column name");
}
END_TEST

START_TEST(double_text)
{
	char buf[TOLL_DOUBLE_TEXT], small[4];

	ck_assert_uint_eq(toll_double_text(0.1 + 0.2, buf, sizeof buf), 3);
	ck_assert_str_eq(buf, "0.3");
	ck_assert_uint_eq(toll_double_text(1e300, buf, sizeof buf), 301);
	ck_assert_uint_eq(toll_double_text(-12.25, small, sizeof small), 6);
	ck_assert_str_eq(small, "-12");
	ck_assert_uint_eq(toll_double_text(0.0 / 0.0, buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "");
}
END_TEST

/* Tolls day by day: each row as of its day's end, the change from the day before, the days carried. */
START_TEST(timeline_as_values)
{
	toll_keys k;
	toll_policy p;
	toll_agg *a;
	toll_timeline *tl;
	toll_timeline_row r;
	toll_reports *rd = read_claims_every("side", "max", TOLL_BIN_DAY, &k, &p, &a, NULL);
	char buf[TOLL_AGG_TEXT];
	toll_diag d;
	static const struct { const char *side, *day; int64_t best, change; uint64_t updated; } want[] = {
		{ "Armenia", "2022-09-13", 100, 100, 1 },   /* the larger of the PM's 49 and AFP's 100 */
		{ "Armenia", "2022-09-14", 105, 5, 1 },
		{ "Armenia", "2022-09-15", 135, 30, 1 },    /* at least 135 */
		{ "Azerbaijan", "2022-09-14", 73, 73, 1 },  /* 70-77, its middle toll's */
		{ "Azerbaijan", "2022-09-15", 73, 0, 0 },   /* nothing new: carried forward */
	};
	size_t i;

	/*
	 * The unit may change once every revision is kept (not to none); a
	 * unit after rows kept as latest only is refused, and so is a
	 * timeline of an aggregation without one.
	 */
	ck_assert_int_eq(toll_agg_set_every(a, TOLL_BIN_NONE), TOLL_EUSAGE);
	ck_assert_int_eq(toll_agg_set_every(a, TOLL_BIN_WEEK), TOLL_OK);
	ck_assert_int_eq(toll_agg_timeline(a, rd, &tl, &d), TOLL_OK);
	ck_assert_uint_eq(toll_timeline_rows(tl), 2);   /* Armenia and Azerbaijan in 2022-W37 */
	toll_timeline_free(tl);
	ck_assert_int_eq(toll_agg_set_every(a, TOLL_BIN_DAY), TOLL_OK);
	{
		toll_agg_result *res;

		ck_assert_int_eq(toll_agg_finish(a, rd, &res, &d), TOLL_EUSAGE);
		ck_assert_ptr_null(res);
	}
	ck_assert_int_eq(toll_agg_timeline(a, rd, &tl, &d), TOLL_OK);
	ck_assert_uint_eq(toll_timeline_rows(tl), 5);
	for (i = 0; i < 5; i++) {
		toll_timeline_row_at(tl, i, &r);
		ck_assert_str_eq(r.agg.keys, want[i].side);
		ck_assert_str_eq(r.label, want[i].day);
		ck_assert_int_eq(r.agg.own.best.n, want[i].best);
		ck_assert(r.change == (toll_i128)want[i].change * 2);
		ck_assert_uint_eq(r.updated, want[i].updated);
	}
	toll_timeline_row_at(tl, 2, &r);
	ck_assert(r.agg.own.open);
	/* The table of text: the key, period, ..., change, ..., updated. */
	ck_assert_uint_eq(toll_timeline_columns(tl), 13);
	ck_assert_str_eq(toll_timeline_column(tl, 1), "period");
	ck_assert_str_eq(toll_timeline_column(tl, 2), "as_of");
	ck_assert_str_eq(toll_timeline_column(tl, 6), "change");
	ck_assert_str_eq(toll_timeline_text(tl, 0, 2, buf), "2022-09-13");
	ck_assert_str_eq(toll_timeline_text(tl, 1, 6, buf), "5");
	ck_assert_str_eq(toll_timeline_text(tl, 3, 10, buf), "toll");
	ck_assert_str_eq(toll_timeline_text(tl, 4, 12, buf), "0");
	ck_assert_str_eq(toll_timeline_text(tl, 2, 5, buf), "");
	toll_timeline_free(tl);
	toll_agg_free(a);
	toll_reports_free(rd);
	toll_keys_free(&k);
	toll_policy_free(&p);
	rd = read_claims("side", "max", &k, &p, &a, NULL);
	ck_assert_int_eq(toll_agg_set_every(a, TOLL_BIN_DAY), TOLL_EUSAGE);
	ck_assert_int_eq(toll_agg_timeline(a, rd, &tl, &d), TOLL_EUSAGE);
	ck_assert_ptr_null(tl);
	toll_agg_free(a);
	toll_reports_free(rd);
	toll_keys_free(&k);
	toll_policy_free(&p);
}
END_TEST

Suite *
results_suite(void)
{
	Suite *s = suite_create("results");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, agg_result_as_values);
	tcase_add_test(tc, series_set_aside);
	tcase_add_test(tc, figure_notation);
	tcase_add_test(tc, revisions_as_values);
	tcase_add_test(tc, timeline_as_values);
	tcase_add_test(tc, table_of_columns);
	tcase_add_test(tc, double_text);
	suite_add_tcase(s, tc);
	return s;
}
