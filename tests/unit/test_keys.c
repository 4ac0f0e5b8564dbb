/* test_keys.c: grouping keys, date bins, the string map. */
#include <stdio.h>
#include <string.h>

#include "suites.h"
#include "toll/date.h"
#include "toll/keys.h"
#include "toll/strmap.h"

static const char *
label(int bin, const char *date)
{
	static char buf[TOLL_BIN_LABEL];
	toll_time t;

	ck_assert_int_eq(toll_date_parse(date, strlen(date), &t), 0);
	ck_assert_uint_eq(toll_bin_label(bin, t.t, buf), strlen(buf));
	return buf;
}

START_TEST(bins)
{
	ck_assert_str_eq(label(TOLL_BIN_DAY, "2022-09-13"), "2022-09-13");
	/* In UTC: 23:30 at -02:00 is the next day. */
	ck_assert_str_eq(label(TOLL_BIN_DAY, "2022-09-13T23:30-02:00"), "2022-09-14");
	ck_assert_str_eq(label(TOLL_BIN_DAY, "2022-09-14T01:30+04:00"), "2022-09-13");
	ck_assert_str_eq(label(TOLL_BIN_MONTH, "2022-09-30T23:59:59Z"), "2022-09");
	ck_assert_str_eq(label(TOLL_BIN_QUARTER, "2022-01-01"), "2022-Q1");
	ck_assert_str_eq(label(TOLL_BIN_QUARTER, "2022-06-30"), "2022-Q2");
	ck_assert_str_eq(label(TOLL_BIN_QUARTER, "2022-07-01"), "2022-Q3");
	ck_assert_str_eq(label(TOLL_BIN_QUARTER, "2022-12-31"), "2022-Q4");
	ck_assert_str_eq(label(TOLL_BIN_YEAR, "0001-01-01"), "0001");
	ck_assert_str_eq(label(TOLL_BIN_YEAR, "9999-12-31T23:59Z"), "9999");
}
END_TEST

START_TEST(iso_weeks)
{
	/* ISO 8601 weeks at the turns of years, before 1970 too. */
	ck_assert_str_eq(label(TOLL_BIN_WEEK, "2022-09-12"), "2022-W37");
	ck_assert_str_eq(label(TOLL_BIN_WEEK, "2022-09-18"), "2022-W37");
	ck_assert_str_eq(label(TOLL_BIN_WEEK, "2022-09-19"), "2022-W38");
	ck_assert_str_eq(label(TOLL_BIN_WEEK, "2021-01-03"), "2020-W53");
	ck_assert_str_eq(label(TOLL_BIN_WEEK, "2021-01-04"), "2021-W01");
	ck_assert_str_eq(label(TOLL_BIN_WEEK, "2024-12-30"), "2025-W01");
	ck_assert_str_eq(label(TOLL_BIN_WEEK, "2026-01-01"), "2026-W01");
	ck_assert_str_eq(label(TOLL_BIN_WEEK, "2027-01-01"), "2026-W53");
	ck_assert_str_eq(label(TOLL_BIN_WEEK, "1970-01-01"), "1970-W01");
	ck_assert_str_eq(label(TOLL_BIN_WEEK, "1969-12-29"), "1970-W01");
	ck_assert_str_eq(label(TOLL_BIN_WEEK, "1969-12-28"), "1969-W52");
	ck_assert_str_eq(label(TOLL_BIN_WEEK, "1988-02-20"), "1988-W07");
	ck_assert_str_eq(label(TOLL_BIN_WEEK, "0001-01-01"), "0001-W01");
}
END_TEST

START_TEST(bin_names)
{
	ck_assert_int_eq(toll_bin_parse("week", 4), TOLL_BIN_WEEK);
	ck_assert_int_eq(toll_bin_parse("year", 4), TOLL_BIN_YEAR);
	ck_assert_int_eq(toll_bin_parse("Week", 4), TOLL_BIN_NONE);
	ck_assert_int_eq(toll_bin_parse("weeks", 5), TOLL_BIN_NONE);
	ck_assert_int_eq(toll_bin_parse("", 0), TOLL_BIN_NONE);
}
END_TEST

static const toll_field columns[] = {
	{ "event", 5, 1, 1 }, { "reported", 8, 1, 7 }, { "a:b", 3, 1, 16 }, { "a", 1, 1, 20 }
};

/* Bin labels read back: the start of their period, every unit, and the next period. */
START_TEST(bin_labels_read_back)
{
	static const int units[] = { TOLL_BIN_DAY, TOLL_BIN_WEEK, TOLL_BIN_MONTH, TOLL_BIN_QUARTER,
	                             TOLL_BIN_YEAR };
	static const char *const bad[] = {
		"", "202", "2022-13", "2022-00", "2022-Q5", "2022-Q0", "2022-W00", "2022-W53",
		"2020-W54", "2022-9", "2022-09-31", "0000", "2022-09-13T00:00Z", "20221", "2022-W5",
		"abcd", "2022/09",
	};
	char label[TOLL_BIN_LABEL], again[TOLL_BIN_LABEL];
	int64_t t, start;
	size_t i, u, n;
	int bin;

	for (t = -86400LL * 800; t < 86400LL * 20000; t += 86400 * 3 + 3600)
		for (u = 0; u < sizeof units / sizeof units[0]; u++) {
			n = toll_bin_label(units[u], t, label);
			ck_assert_int_eq(toll_bin_label_parse(label, n, &bin, &start), 0);
			ck_assert_int_eq(bin, units[u]);
			ck_assert_msg(start <= t && t < toll_bin_next(bin, start), "%s", label);
			ck_assert_uint_eq(toll_bin_label(bin, start, again), n);
			ck_assert(memcmp(label, again, n) == 0);
		}
	ck_assert_int_eq(toll_bin_label_parse("2020-W53", 8, &bin, &start), 0);
	ck_assert_int_eq(toll_bin_label_parse("2022-Q3", 7, &bin, &start), 0);
	ck_assert(start == toll_days_from_civil(2022, 7, 1) * 86400);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(toll_bin_label_parse(bad[i], strlen(bad[i]), &bin, &start) == -1, "%s",
		              bad[i]);
}
END_TEST

START_TEST(keys)
{
	toll_keys k = { NULL, 0 };
	toll_diag ud;

	ck_assert_int_eq(toll_keys_parse(&k, "", &ud), 0);
	ck_assert_uint_eq(k.n, 0);
	ck_assert_int_eq(toll_keys_parse(&k, "event,reported:week", &ud), 0);
	ck_assert_int_eq(toll_keys_parse(&k, "a:b,a:year", &ud), 0);
	ck_assert_uint_eq(k.n, 4);
	ck_assert_int_eq(toll_keys_resolve(&k, columns, 4, &ud), 0);
	ck_assert_int_eq(k.k[0].col, 0);
	ck_assert_int_eq(k.k[0].bin, TOLL_BIN_NONE);
	ck_assert_int_eq(k.k[1].col, 1);
	ck_assert_int_eq(k.k[1].bin, TOLL_BIN_WEEK);
	ck_assert_str_eq(k.k[1].name, "reported");
	ck_assert_str_eq(k.k[1].spec, "reported:week");
	/* A column whose name has a colon is that column ... */
	ck_assert_int_eq(k.k[2].col, 2);
	ck_assert_int_eq(k.k[2].bin, TOLL_BIN_NONE);
	/* ... and the last colon starts a unit. */
	ck_assert_int_eq(k.k[3].col, 3);
	ck_assert_int_eq(k.k[3].bin, TOLL_BIN_YEAR);
	toll_keys_free(&k);
	ck_assert_uint_eq(k.n, 0);
}
END_TEST

START_TEST(key_errors)
{
	static const struct {
		const char *spec, *msg;
	} cases[] = {
		{ "event,", "empty column name in key list 'event,'" },
		{ ",event", "empty column name in key list ',event'" },
		{ "side", "unknown column 'side' (columns: event, reported, a:b, a)" },
		{ "side:month", "unknown column 'side' in key 'side:month' (columns: event, reported, a:b, a)" },
		{ "Evnet", "unknown column 'Evnet': did you mean 'event'? (columns: event, reported, a:b, a)" },
		{ "repotred:week", "unknown column 'repotred' in key 'repotred:week': did you mean "
		  "'reported'? (columns: event, reported, a:b, a)" },
		{ "reported:days", "unknown date unit 'days' in key 'reported:days' (expected day, week, month, quarter or year)" },
		{ "event,event", "key 'event' is given twice" },
		{ "reported:day,reported:day", "key 'reported:day' is given twice" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		toll_keys k = { NULL, 0 };
		toll_diag ud;

		if (toll_keys_parse(&k, cases[i].spec, &ud) == 0)
			ck_assert_int_eq(toll_keys_resolve(&k, columns, 4, &ud), TOLL_EUSAGE);
		ck_assert_str_eq(ud.msg, cases[i].msg);
		toll_keys_free(&k);
	}
}
END_TEST

START_TEST(strmap)
{
	toll_strmap *m = toll_strmap_new();
	size_t id, i;
	int added;
	char key[32];

	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(toll_strmap_intern(m, "", 0, &id, &added), TOLL_OK);
	ck_assert_uint_eq(id, 0);
	ck_assert_int_eq(added, 1);
	/* Keys may hold NUL bytes; enough keys to grow the table many times. */
	for (i = 0; i < 100000; i++) {
		int n = snprintf(key, sizeof key, "k-%zu", i);

		key[1] = '\0';
		ck_assert_int_eq(toll_strmap_intern(m, key, (size_t)n, &id, &added), TOLL_OK);
		ck_assert_int_eq(added, 1);
		ck_assert_uint_eq(id, i + 1);
	}
	for (i = 0; i < 100000; i += 997) {
		int n = snprintf(key, sizeof key, "k-%zu", i);
		toll_str s;

		key[1] = '\0';
		ck_assert_int_eq(toll_strmap_intern(m, key, (size_t)n, &id, &added), TOLL_OK);
		ck_assert_int_eq(added, 0);
		ck_assert_uint_eq(id, i + 1);
		s = toll_strmap_key(m, id);
		ck_assert_uint_eq(s.len, (size_t)n);
		ck_assert_int_eq(memcmp(s.s, key, s.len), 0);
	}
	ck_assert_uint_eq(toll_strmap_count(m), 100001);
	toll_strmap_free(m);
	toll_strmap_free(NULL);
}
END_TEST

Suite *
keys_suite(void)
{
	Suite *s = suite_create("keys");
	TCase *tc = tcase_create("keys");

	tcase_add_test(tc, bins);
	tcase_add_test(tc, iso_weeks);
	tcase_add_test(tc, bin_names);
	tcase_add_test(tc, bin_labels_read_back);
	tcase_add_test(tc, keys);
	tcase_add_test(tc, key_errors);
	tcase_add_test(tc, strmap);
	suite_add_tcase(s, tc);
	return s;
}
