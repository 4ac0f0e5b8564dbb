/* test_ticks.c: axis ticks (Talbot's extended algorithm), log and date axes, number labels. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "toll/date.h"
#include "toll/ticks.h"

/* The labels of t joined by spaces. */
static const char *
labels(const toll_ticks *t)
{
	static char buf[TOLL_TICKS_MAX * TOLL_TICK_LABEL];
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < t->n; i++) {
		if (i > 0)
			strcat(buf, " ");
		strcat(buf, t->label[i]);
	}
	return buf;
}

static int64_t
at(const char *date)
{
	toll_time t;

	ck_assert_int_eq(toll_date_parse(date, strlen(date), &t), 0);
	return t.t;
}

START_TEST(linear_round_steps)
{
	toll_ticks t;

	/* The September 2022 tolls: steps of 20 up past the data. */
	ck_assert_int_eq(toll_ticks_linear(0, 135, 6, 1, &t), 0);
	ck_assert_str_eq(labels(&t), "0 20 40 60 80 100 120 140");
	ck_assert(t.lo == 0 && t.hi == 140);
	ck_assert_int_eq(toll_ticks_linear(0, 30000, 8, 1, &t), 0);
	ck_assert_str_eq(labels(&t), "0 5,000 10,000 15,000 20,000 25,000 30,000");
	ck_assert_int_eq(toll_ticks_linear(0, 1e6, 11, 1, &t), 0);
	ck_assert_str_eq(labels(&t), "0 100,000 200,000 300,000 400,000 500,000 600,000 700,000 "
	                             "800,000 900,000 1,000,000");
	/* Zero is a tick when the range crosses it; minus is U+2212. */
	ck_assert_int_eq(toll_ticks_linear(-0.37, 2.9, 5, 1, &t), 0);
	ck_assert_str_eq(labels(&t), "\xe2\x88\x92" "1 0 1 2 3");
	ck_assert_int_eq(toll_ticks_linear(-250, -40, 5, 1, &t), 0);
	ck_assert_str_eq(labels(&t), "\xe2\x88\x92" "250 \xe2\x88\x92" "200 \xe2\x88\x92" "150 "
	                             "\xe2\x88\x92" "100 \xe2\x88\x92" "50 0");
	/* One value: an axis from zero to it. */
	ck_assert_int_eq(toll_ticks_linear(5, 5, 5, 1, &t), 0);
	ck_assert_str_eq(labels(&t), "0 1 2 3 4 5");
	ck_assert_int_eq(toll_ticks_linear(0, 0, 5, 1, &t), 0);
	ck_assert(t.n >= 2 && t.v[0] == 0);
	/* Tight (not loose): the axis is the data range, the ticks inside it. */
	ck_assert_int_eq(toll_ticks_linear(8.1, 8.9, 5, 0, &t), 0);
	ck_assert_str_eq(labels(&t), "8.1 8.3 8.5 8.7 8.9");
	ck_assert(t.lo == 8.1 && t.hi == 8.9);
}
END_TEST

START_TEST(linear_properties)
{
	/* Over many random ranges: ticks cover the data, evenly, with distinct labels. */
	unsigned seed = 12345;
	int k;

	for (k = 0; k < 2000; k++) {
		double a, b, step;
		int m, rc;
		size_t i;
		toll_ticks t;

		seed = seed * 1103515245u + 12345u;
		a = ((double)(seed >> 8) / 16777216.0 - 0.3) * pow(10, (int)(seed % 9) - 2);
		seed = seed * 1103515245u + 12345u;
		b = a + (double)(seed >> 8) / 16777216.0 * pow(10, (int)(seed % 9) - 2);
		m = 2 + (int)(seed % 12);
		rc = toll_ticks_linear(a, b, m, 1, &t);
		ck_assert_int_eq(rc, 0);
		ck_assert(t.n >= 2 && t.n <= TOLL_TICKS_MAX);
		ck_assert(t.lo <= a && t.hi >= b);
		ck_assert(t.v[0] <= a + (b - a) * 1e-9 || t.v[0] == 0);
		step = t.v[1] - t.v[0];
		for (i = 1; i < t.n; i++) {
			ck_assert(fabs((t.v[i] - t.v[i - 1]) - step) <= step * 1e-6);
			ck_assert_str_ne(t.label[i], t.label[i - 1]);
		}
		/* Fewer ticks than four times what was asked for. */
		ck_assert(t.n <= (size_t)(4 * m));
	}
}
END_TEST

/* An axis across zero has zero among its ticks: -100 to 10,700 (weekly changes, one a fall) is not -1,000, 1,000, ... */
START_TEST(linear_across_zero)
{
	static const double ranges[][2] = { { -100, 10700 }, { -157, 913 }, { -3.5, 97 }, { -9000, 400 } };
	toll_ticks t;
	size_t r, i;

	for (r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
		int zero = 0;

		ck_assert_int_eq(toll_ticks_linear(ranges[r][0], ranges[r][1], 6, 1, &t), TOLL_OK);
		for (i = 0; i < t.n; i++)
			zero |= t.v[i] == 0;
		ck_assert_msg(zero, "no tick at 0 from %g to %g", ranges[r][0], ranges[r][1]);
		ck_assert(t.lo <= ranges[r][0] && t.hi >= ranges[r][1]);
	}
}
END_TEST

START_TEST(linear_refuses)
{
	toll_ticks t;

	ck_assert_int_eq(toll_ticks_linear(NAN, 1, 5, 1, &t), TOLL_EDATA);
	ck_assert_int_eq(toll_ticks_linear(0, INFINITY, 5, 1, &t), TOLL_EDATA);
	ck_assert_int_eq(toll_ticks_linear(2, 1, 5, 1, &t), TOLL_EDATA);
	/* Too wide for a double's arithmetic. */
	ck_assert_int_eq(toll_ticks_linear(-1.7e308, 1.7e308, 5, 1, &t), TOLL_EDATA);
	/* Too narrow for its precision: one value, drawn from zero. */
	ck_assert_int_eq(toll_ticks_linear(1e15, 1e15 + 0.001, 5, 1, &t), 0);
	ck_assert(t.lo == 0 && t.hi >= 1e15 + 0.001);
	/* Large but fine. */
	ck_assert_int_eq(toll_ticks_linear(0, 9.2e18, 5, 1, &t), 0);
	ck_assert(t.hi >= 9.2e18);
}
END_TEST

START_TEST(log_ticks)
{
	toll_ticks t;

	ck_assert_int_eq(toll_ticks_log(3, 90000, 8, &t), 0);
	ck_assert_str_eq(labels(&t), "1 10 100 1,000 10,000 100,000");
	ck_assert(t.lo == 1 && t.hi == 100000);
	/* Two powers or fewer: 2 and 5 times them too. */
	ck_assert_int_eq(toll_ticks_log(20, 150, 8, &t), 0);
	ck_assert_str_eq(labels(&t), "10 20 50 100 200 500 1,000");
	ck_assert_int_eq(toll_ticks_log(0.002, 5, 8, &t), 0);
	ck_assert_str_eq(labels(&t), "0.001 0.01 0.1 1 10");
	/* More powers than ticks: every second one, or fifth; the axis ends on a tick. */
	ck_assert_int_eq(toll_ticks_log(1, 1e12, 8, &t), 0);
	ck_assert_str_eq(labels(&t), "1 100 10,000 1,000,000 100,000,000 10,000,000,000 "
	                             "1,000,000,000,000");
	ck_assert_int_eq(toll_ticks_log(1, 1e12, 5, &t), 0);
	ck_assert_str_eq(labels(&t), "1 100,000 10,000,000,000 1,000,000,000,000,000");
	ck_assert(t.hi == 1e15);
	ck_assert_int_eq(toll_ticks_log(0, 10, 5, &t), TOLL_EDATA);
	ck_assert_int_eq(toll_ticks_log(-1, 10, 5, &t), TOLL_EDATA);
}
END_TEST

START_TEST(date_ticks)
{
	toll_ticks t;

	/* A week in September 2022: days, the year once. */
	ck_assert_int_eq(toll_ticks_date(at("2022-09-13"), at("2022-09-19"), 8, 0, &t), 0);
	ck_assert_str_eq(labels(&t), "13 Sep 2022 14 Sep 15 Sep 16 Sep 17 Sep 18 Sep 19 Sep");
	/* Too many days for four ticks: Mondays, two weeks apart. */
	ck_assert_int_eq(toll_ticks_date(at("2022-09-13"), at("2022-11-12"), 4, 0, &t), 0);
	ck_assert_str_eq(labels(&t), "19 Sep 2022 3 Oct 17 Oct 31 Oct");
	/* The turn of a year: the new year is named where it starts. */
	ck_assert_int_eq(toll_ticks_date(at("2022-12-28"), at("2023-01-05"), 9, 0, &t), 0);
	ck_assert_str_eq(labels(&t), "28 Dec 2022 29 Dec 30 Dec 31 Dec 1 Jan 2023 2 Jan 3 Jan 4 Jan "
	                             "5 Jan");
	/* The 2020 war and its revisions: months, the year on the first and on January. */
	ck_assert_int_eq(toll_ticks_date(at("2020-09-27"), at("2021-09-01"), 12, 0, &t), 0);
	ck_assert_str_eq(labels(&t), "Oct 2020 Nov Dec Jan 2021 Feb Mar Apr May Jun Jul Aug Sep");
	ck_assert_int_eq(toll_ticks_date(at("2020-09-27"), at("2021-09-01"), 5, 0, &t), 0);
	ck_assert_str_eq(labels(&t), "Oct 2020 Jan 2021 Apr Jul");
	/* Decades: years. */
	ck_assert_int_eq(toll_ticks_date(at("1988-01-01"), at("2023-11-14"), 8, 0, &t), 0);
	ck_assert_str_eq(labels(&t), "1990 1995 2000 2005 2010 2015 2020");
	/* A day: hours, the day at the first tick and at midnight, in UTC (18:30 to 17:30). */
	ck_assert_int_eq(toll_ticks_date(at("2023-09-19T22:30+04:00"), at("2023-09-20T21:30+04:00"), 5,
	                                 0, &t), 0);
	ck_assert_str_eq(labels(&t), "20 Sep 00:00 06:00 12:00");
	ck_assert_int_eq(toll_ticks_date(at("2023-09-19T12:00Z"), at("2023-09-20T12:00Z"), 5, 0, &t), 0);
	ck_assert_str_eq(labels(&t), "19 Sep 12:00 18:00 20 Sep 00:00 06:00 12:00");
	/* Dates without times: days at the finest. */
	ck_assert_int_eq(toll_ticks_date(at("2022-09-12"), at("2022-09-14"), 8, 1, &t), 0);
	ck_assert_str_eq(labels(&t), "12 Sep 2022 13 Sep 14 Sep");
	ck_assert_int_eq(toll_ticks_date(at("2022-09-13"), at("2022-09-12"), 5, 0, &t), TOLL_EDATA);
	ck_assert_int_eq(toll_ticks_date(-70000000000LL, 0, 5, 0, &t), TOLL_EDATA);
	/* The whole calendar does not hang. */
	ck_assert_int_eq(toll_ticks_date(at("0001-01-01"), at("9999-12-31"), 6, 0, &t), 0);
	ck_assert_str_eq(labels(&t), "2000 4000 6000 8000");
}
END_TEST

START_TEST(number_labels)
{
	char b[TOLL_TICK_LABEL];

	toll_format_number(6500, 0, b, sizeof b);
	ck_assert_str_eq(b, "6,500");
	toll_format_number(-1234567.891, 2, b, sizeof b);
	ck_assert_str_eq(b, "\xe2\x88\x92" "1,234,567.89");
	toll_format_number(999, 0, b, sizeof b);
	ck_assert_str_eq(b, "999");
	toll_format_number(2.5, 1, b, sizeof b);
	ck_assert_str_eq(b, "2.5");
	/* Nothing negative about a value that rounds to zero. */
	toll_format_number(-0.001, 1, b, sizeof b);
	ck_assert_str_eq(b, "0.0");
	toll_format_number(1e18, 0, b, sizeof b);
	ck_assert_str_eq(b, "1,000,000,000,000,000,000");
	toll_format_number(NAN, 0, b, sizeof b);
	ck_assert_str_eq(b, "?");
	/* Cut to the buffer, always terminated. */
	toll_format_number(123456789, 0, b, 6);
	ck_assert_str_eq(b, "123,4");
	ck_assert_int_eq(toll_step_decimals(1000), 0);
	ck_assert_int_eq(toll_step_decimals(2.5), 1);
	ck_assert_int_eq(toll_step_decimals(0.05), 2);
	ck_assert_int_eq(toll_step_decimals(0.25), 2);
}
END_TEST

Suite *
ticks_suite(void)
{
	Suite *s = suite_create("ticks");
	TCase *tc = tcase_create("ticks");

	tcase_add_test(tc, linear_round_steps);
	tcase_add_test(tc, linear_properties);
	tcase_add_test(tc, linear_refuses);
	tcase_add_test(tc, linear_across_zero);
	tcase_add_test(tc, log_ticks);
	tcase_add_test(tc, date_ticks);
	tcase_add_test(tc, number_labels);
	suite_add_tcase(s, tc);
	return s;
}
