/* test_date.c: the date forms of toll(7), THE REPORTS TABLE and the calendar. */
#include <string.h>

#include "suites.h"
#include "toll/date.h"

static int
parse(const char *s, toll_time *t)
{
	return toll_date_parse(s, strlen(s), t);
}

START_TEST(date_only_is_midnight_utc)
{
	toll_time t;

	ck_assert_int_eq(parse("1970-01-01", &t), 0);
	ck_assert_int_eq(t.t, 0);
	ck_assert_int_eq(t.has_time, 0);
	ck_assert_int_eq(parse("2022-09-13", &t), 0);
	ck_assert_int_eq(t.t, 1663027200);
}
END_TEST

START_TEST(times_with_zones_order_in_utc)
{
	toll_time a, b, c;

	ck_assert_int_eq(parse("2023-09-19T22:30+04:00", &a), 0);
	ck_assert_int_eq(a.has_time, 1);
	ck_assert_int_eq(parse("2023-09-19T18:30Z", &b), 0);
	ck_assert_int_eq(a.t, b.t);
	ck_assert_int_eq(parse("2023-09-19T18:30:01-00:00", &c), 0);
	ck_assert_int_eq(c.t, b.t + 1);
	ck_assert_int_eq(parse("2023-09-19T00:00-05:30", &c), 0);
	ck_assert_int_eq(c.t, 1695081600 + 5 * 3600 + 1800);
}
END_TEST

/* --as-of as people mean it: a day in each claim's own zone, a period to its end. */
START_TEST(as_of_by_day_and_period)
{
	toll_as_of a;
	toll_time t;

	/* A day: every claim of that day where it was written, whatever UTC says. */
	ck_assert_int_eq(toll_as_of_parse("2023-09-20", 10, &a), 0);
	ck_assert_int_eq(a.by_day, 1);
	ck_assert_int_eq(parse("2023-09-20T21:30+04:00", &t), 0);   /* 17:30 UTC */
	ck_assert_int_eq(t.offset, 4 * 3600);
	ck_assert(toll_as_of_includes(&a, &t));
	ck_assert_int_eq(parse("2023-09-21T02:00+04:00", &t), 0);   /* 22:00 UTC on the 20th */
	ck_assert(!toll_as_of_includes(&a, &t));
	ck_assert_int_eq(parse("2023-09-20T23:00-05:00", &t), 0);   /* 04:00 UTC on the 21st */
	ck_assert(toll_as_of_includes(&a, &t));
	ck_assert_int_eq(parse("2023-09-20", &t), 0);
	ck_assert(toll_as_of_includes(&a, &t));
	ck_assert_int_eq(parse("2023-09-21", &t), 0);
	ck_assert(!toll_as_of_includes(&a, &t));
	/* A date and time: an instant. */
	ck_assert_int_eq(toll_as_of_parse("2023-09-20T18:00Z", 17, &a), 0);
	ck_assert_int_eq(a.by_day, 0);
	ck_assert_int_eq(parse("2023-09-20T21:30+04:00", &t), 0);
	ck_assert(toll_as_of_includes(&a, &t));
	ck_assert_int_eq(parse("2023-09-20T22:00+04:00", &t), 0);
	ck_assert(toll_as_of_includes(&a, &t));
	ck_assert_int_eq(parse("2023-09-20T22:01+04:00", &t), 0);
	ck_assert(!toll_as_of_includes(&a, &t));
	/* Periods: to their last day. */
	ck_assert_int_eq(toll_as_of_parse("2022-09", 7, &a), 0);
	ck_assert_int_eq(a.day, toll_days_from_civil(2022, 9, 30));
	ck_assert_int_eq(toll_as_of_parse("2024-02", 7, &a), 0);
	ck_assert_int_eq(a.day, toll_days_from_civil(2024, 2, 29));
	ck_assert_int_eq(toll_as_of_parse("2022", 4, &a), 0);
	ck_assert_int_eq(a.day, toll_days_from_civil(2022, 12, 31));
	ck_assert_int_eq(toll_as_of_parse("2022-Q3", 7, &a), 0);
	ck_assert_int_eq(a.day, toll_days_from_civil(2022, 9, 30));
	ck_assert_int_eq(toll_as_of_parse("2022-W37", 8, &a), 0);
	ck_assert_int_eq(a.day, toll_days_from_civil(2022, 9, 18));   /* the Sunday */
	/* Not dates. */
	ck_assert_int_eq(toll_as_of_parse("2022-13-01", 10, &a), -1);
	ck_assert_int_eq(toll_as_of_parse("2022-13", 7, &a), -1);
	ck_assert_int_eq(toll_as_of_parse("yesterday", 9, &a), -1);
}
END_TEST

START_TEST(calendar_is_checked)
{
	toll_time t;

	ck_assert_int_eq(parse("2022-02-28", &t), 0);
	ck_assert_int_eq(parse("2022-02-29", &t), -1);
	ck_assert_int_eq(parse("2024-02-29", &t), 0);
	ck_assert_int_eq(parse("1900-02-29", &t), -1);
	ck_assert_int_eq(parse("2000-02-29", &t), 0);
	ck_assert_int_eq(parse("2022-04-31", &t), -1);
	ck_assert_int_eq(parse("2022-13-01", &t), -1);
	ck_assert_int_eq(parse("2022-00-10", &t), -1);
	ck_assert_int_eq(parse("2022-01-00", &t), -1);
	ck_assert_int_eq(parse("0000-01-01", &t), -1);
	ck_assert_int_eq(parse("0001-01-01", &t), 0);
	ck_assert_int_eq(parse("9999-12-31T23:59:59Z", &t), 0);
	/* Every instant is within years 0001 to 9999 once its zone is applied. */
	ck_assert_int_eq(parse("9999-12-31T23:59-14:00", &t), -1);
	ck_assert_int_eq(parse("9999-12-31T09:59-14:00", &t), 0);
	ck_assert_int_eq(parse("0001-01-01T00:00+14:00", &t), -1);
	ck_assert_int_eq(parse("0001-01-01T00:00+00:00", &t), 0);
	ck_assert_int_eq(parse("0001-01-01T00:00-01:00", &t), 0);
}
END_TEST

START_TEST(malformed_dates_are_rejected)
{
	static const char *bad[] = {
		"", "202", "2022-9-13", "2022-09-13 ", " 2022-09-13", "2022/09/13", "13-09-2022",
		"2022-09-13T24:00Z", "2022-09-13T10:60Z", "2022-09-13T10:00:60Z",
		"2022-09-13T10Z", "2022-09-13T10:00+4:00", "2022-09-13T10:00+24:00",
		"2022-09-13T10:00+04:60", "2022-09-13t10:00Z", "2022-09-13T10:00z", "2022-09-13T10:00ZZ",
		"2022-09-13T10:00:5Z", "20220913", "2022-09-13T", "2022-09-1a", "+2022-09-13",
		"2022-09-13 10:00:00.", "2022-09-13  10:00", "2022-13", "2022-W54", "2022-Q5", "12022",
		"8/5/1914", "32 December 2022", "28 Decembre 2022", "28 December", "December 2022",
		"28 December 22022", "28 December 2022 ", "-28 December 2022", "28 Dec 202",
		"9-May-2", "May 9 2020 10:00", "29 February 2022", "0 May 2020",
		"2023-09-19T22:30+", "2023-09-19T22:30+0", "2023-09-19T22:30+04:", "2023-09-19 22:30-",
	};
	size_t i;
	toll_time t;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(parse(bad[i], &t) == -1, "accepted '%s'", bad[i]);
}
END_TEST

static void
why(const char *s, const char *want)
{
	char buf[200];

	toll_date_why(s, strlen(s), buf, sizeof buf);
	ck_assert_str_eq(buf, want);
}

/* Why a date is not one, for messages. */
START_TEST(why_a_date_is_not_one)
{
	why("2022-02-29", "February 2022 has 28 days");
	why("2024-02-30", "February 2024 has 29 days");
	why("2022-13-01", "no month 13");
	why("2022-00-01", "no month 00");
	why("0000-01-01", "years run from 0001 to 9999");
	why("2022-09-13T24:00Z", "no time 24:00");
	why("2022-09-13T10:00:61Z", "no time 10:00:61");
	why("29 February 2023", "February 2023 has 28 days");
	why("9999-12-31T23:59-14:00", "in UTC it falls outside 0001-01-01 to 9999-12-31");
	why("0001-01-01 00:00+01", "in UTC it falls outside 0001-01-01 to 9999-12-31");
	why("31-Apr-20", "April 2020 has 30 days");
	why("13/09/2022", toll_date_forms);
	why("", toll_date_forms);
	why("2022-09-13T10:00+25:00", toll_date_forms);
}
END_TEST

/* The forms exports write, all of them one instant in UTC. */
START_TEST(export_forms)
{
	static const struct {
		const char *s;
		int64_t t;
		int has_time;
	} ok[] = {
		{ "2013-01-03 00:00:00", 1357171200, 1 },          /* UCDP GED */
		{ "2013-01-03 00:00:00.000", 1357171200, 1 },
		{ "2022-09-13T10:00", 1663063200, 1 },             /* no zone: UTC */
		{ "2022-09-13 10:00+04", 1663063200 - 4 * 3600, 1 },
		{ "2022-09-13T10:00:30.25-0130", 1663063230 + 5400, 1 },
		{ "28 December 2022", 1672185600, 0 },              /* ACLED, current */
		{ "28 december 2022", 1672185600, 0 },
		{ "9-May-20", 1588982400, 0 },                      /* ACLED, older */
		{ "9-May-69", -20476800, 0 },
		{ "01-January-2015", 1420070400, 0 },               /* ACLED, upper case */
		{ "January 1, 1842", -4039286400, 0 },
		{ "14 Հոկ, 2020", 1602633600, 0 },                  /* 1000plus.am */
		{ "10 Հուլ, 1975", 174182400, 0 },
		{ "2 Sept 2022", 1662076800, 0 },
		{ "2022-09", 1661990400, 0 },                       /* toll's periods */
		{ "2022-W37", 1662940800, 0 },
		{ "2022-Q3", 1656633600, 0 },
		{ "2022", 1640995200, 0 },
	};
	size_t i;
	toll_time t;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		ck_assert_msg(parse(ok[i].s, &t) == 0, "refused '%s'", ok[i].s);
		ck_assert_msg(t.t == ok[i].t, "'%s' read as %lld", ok[i].s, (long long)t.t);
		ck_assert_int_eq(t.has_time, ok[i].has_time);
	}
}
END_TEST

/* A pattern given with --date-format: tried first, the calendar still checked. */
START_TEST(user_formats)
{
	static const char *const us[] = { "%m/%d/%Y", "%d.%m.%Y %H:%M" };
	toll_time t;

	ck_assert_int_eq(parse("8/5/1914", &t), -1);
	toll_date_formats_set(us, 2);
	ck_assert_int_eq(parse("8/5/1914", &t), 0);
	ck_assert_int_eq(t.t, toll_days_from_civil(1914, 8, 5) * 86400);
	ck_assert_int_eq(t.has_time, 0);
	ck_assert_int_eq(parse("2/29/2023", &t), -1);
	ck_assert_int_eq(parse("8/5/1914x", &t), -1);
	ck_assert_int_eq(parse("13.09.2022 05:30", &t), 0);
	ck_assert_int_eq(t.t, 1663047000);
	ck_assert_int_eq(t.has_time, 1);
	ck_assert_int_eq(parse("2022-09-13", &t), 0);   /* the built-in forms still hold */
	ck_assert_int_eq(parse("9-May-20", &t), 0);
	toll_date_formats_set(NULL, 0);
	ck_assert_int_eq(parse("8/5/1914", &t), -1);
}
END_TEST

START_TEST(civil_round_trip)
{
	int64_t d, y;
	int m, dd;

	for (d = toll_days_from_civil(1, 1, 1); d < toll_days_from_civil(9999, 12, 31); d += 997) {
		toll_civil_from_days(d, &y, &m, &dd);
		ck_assert_int_eq(toll_days_from_civil(y, m, dd), d);
		ck_assert_int_le(dd, toll_days_in_month(y, m));
	}
	toll_civil_from_days(19248, &y, &m, &dd);
	ck_assert_int_eq(y, 2022);
	ck_assert_int_eq(m, 9);
	ck_assert_int_eq(dd, 13);
}
END_TEST

/* A bin's first instant: that of its label (2022-W37 starts on Monday 12 September), for every day and unit. */
START_TEST(bin_start_is_its_label)
{
	int64_t day, start;
	int bin, got;

	for (day = toll_days_from_civil(1999, 12, 1); day < toll_days_from_civil(2005, 2, 1); day += 3)
		for (bin = TOLL_BIN_DAY; bin <= TOLL_BIN_YEAR; bin++) {
			char label[TOLL_BIN_LABEL];
			int64_t t = day * 86400 + 3600 * (day % 24);

			ck_assert_int_eq(toll_bin_label_parse(label, toll_bin_label(bin, t, label), &got, &start), 0);
			ck_assert_int_eq(toll_bin_start(bin, t), start);
			ck_assert(toll_bin_start(bin, t) <= t && t < toll_bin_next(bin, start));
		}
	ck_assert_int_eq(toll_bin_start(TOLL_BIN_WEEK, toll_days_from_civil(2022, 9, 18) * 86400),
	                 toll_days_from_civil(2022, 9, 12) * 86400);
	/* Before 1970, days are whole too. */
	ck_assert_int_eq(toll_bin_start(TOLL_BIN_DAY, -1), -86400);
	ck_assert_int_eq(toll_bin_start(TOLL_BIN_MONTH, toll_days_from_civil(1914, 8, 5) * 86400 + 5),
	                 toll_days_from_civil(1914, 8, 1) * 86400);
}
END_TEST

Suite *
date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, date_only_is_midnight_utc);
	tcase_add_test(tc, times_with_zones_order_in_utc);
	tcase_add_test(tc, calendar_is_checked);
	tcase_add_test(tc, malformed_dates_are_rejected);
	tcase_add_test(tc, why_a_date_is_not_one);
	tcase_add_test(tc, civil_round_trip);
	tcase_add_test(tc, export_forms);
	tcase_add_test(tc, user_formats);
	tcase_add_test(tc, as_of_by_day_and_period);
	tcase_add_test(tc, bin_start_is_its_label);
	suite_add_tcase(s, tc);
	return s;
}
