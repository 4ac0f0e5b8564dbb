/* test_date.c: the date forms of SPEC section 1 and the calendar. */
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
}
END_TEST

START_TEST(malformed_dates_are_rejected)
{
	static const char *bad[] = {
		"", "2022", "2022-9-13", "2022-09-13 ", " 2022-09-13", "2022/09/13", "13-09-2022",
		"2022-09-13T10:00", "2022-09-13T24:00Z", "2022-09-13T10:60Z", "2022-09-13T10:00:60Z",
		"2022-09-13T10Z", "2022-09-13T10:00+4:00", "2022-09-13T10:00+04", "2022-09-13T10:00+24:00",
		"2022-09-13T10:00+04:60", "2022-09-13t10:00Z", "2022-09-13T10:00z", "2022-09-13T10:00ZZ",
		"2022-09-13T10:00:5Z", "20220913", "2022-09-13T", "2022-09-1a", "+2022-09-13",
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
	char buf[160];

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
	why("2022-09-13T10:00", "a time of day needs its zone: Z or +HH:MM");
	why("13/09/2022", toll_date_forms);
	why("", toll_date_forms);
	why("2022-09-13T10:00+25:00", toll_date_forms);
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
	suite_add_tcase(s, tc);
	return s;
}
