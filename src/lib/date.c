/* date.c: strict ISO 8601 parsing of the forms in SPEC section 1. */
#include <stdio.h>

#include "toll/date.h"

const char toll_date_forms[] =
	"expected YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] followed by Z or +HH:MM";

/*
 * The civil-from-days conversions follow Howard Hinnant's public-domain
 * algorithms ("chrono-compatible low-level date algorithms"), which are
 * exact for every year we accept.
 */
int64_t
toll_days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
toll_civil_from_days(int64_t z, int64_t *py, int *pm, int *pd)
{
	int64_t era, doe, yoe, y, doy, mp;
	int d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = (int)(doy - (153 * mp + 2) / 5 + 1);
	m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*py = y + (m <= 2);
	*pm = m;
	*pd = d;
}

int
toll_days_in_month(int64_t y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && leap);
}

/* Reads exactly n digits at s into *v; -1 if any is not a digit. */
static int
digits(const char *s, int n, int *v)
{
	int i, x = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return 0;
}

int
toll_date_parse(const char *s, size_t len, toll_time *out)
{
	int y, mo, d, h = 0, mi = 0, se = 0, oh = 0, om = 0, sign = 0;
	size_t p;

	/* The common form, YYYY-MM-DD, read in one go. */
	if (len == 10 && s[4] == '-' && s[7] == '-') {
		unsigned d0 = (unsigned)(s[0] - '0'), d1 = (unsigned)(s[1] - '0'), d2 = (unsigned)(s[2] - '0'),
		         d3 = (unsigned)(s[3] - '0'), d5 = (unsigned)(s[5] - '0'), d6 = (unsigned)(s[6] - '0'),
		         d8 = (unsigned)(s[8] - '0'), d9 = (unsigned)(s[9] - '0');

		if (d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || d5 > 9 || d6 > 9 || d8 > 9 || d9 > 9)
			return -1;
		y = (int)(d0 * 1000 + d1 * 100 + d2 * 10 + d3);
		mo = (int)(d5 * 10 + d6);
		d = (int)(d8 * 10 + d9);
		if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > toll_days_in_month(y, mo))
			return -1;
		out->has_time = 0;
		out->t = toll_days_from_civil(y, mo, d) * 86400;
		return 0;
	}

	if (len < 10 || digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &mo) ||
	    s[7] != '-' || digits(s + 8, 2, &d))
		return -1;
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > toll_days_in_month(y, mo))
		return -1;
	out->has_time = 0;
	if (len == 10)
		goto done;
	/* A time of day must carry its zone. */
	if (len < 17 || s[10] != 'T' || digits(s + 11, 2, &h) || s[13] != ':' ||
	    digits(s + 14, 2, &mi))
		return -1;
	p = 16;
	if (s[p] == ':') {
		if (len < p + 4 || digits(s + p + 1, 2, &se))
			return -1;
		p += 3;
	}
	if (h > 23 || mi > 59 || se > 59)
		return -1;
	if (p == len - 1 && s[p] == 'Z') {
		sign = 0;
	} else if (p + 6 == len && (s[p] == '+' || s[p] == '-') && s[p + 3] == ':' &&
	           digits(s + p + 1, 2, &oh) == 0 && digits(s + p + 4, 2, &om) == 0) {
		if (oh > 23 || om > 59)
			return -1;
		sign = s[p] == '+' ? 1 : -1;
	} else {
		return -1;
	}
	out->has_time = 1;
done:
	out->t = toll_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se -
	         sign * (oh * 3600 + om * 60);
	return 0;
}

void
toll_date_why(const char *s, size_t len, char *buf, size_t bufsz)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"
	};
	int y, mo, d, h, mi, se = 0;

	if (len >= 10 && digits(s, 4, &y) == 0 && s[4] == '-' && digits(s + 5, 2, &mo) == 0 &&
	    s[7] == '-' && digits(s + 8, 2, &d) == 0) {
		if (y < 1) {
			snprintf(buf, bufsz, "years run from 0001 to 9999");
			return;
		}
		if (mo < 1 || mo > 12) {
			snprintf(buf, bufsz, "no month %02d", mo);
			return;
		}
		if (d < 1 || d > toll_days_in_month(y, mo)) {
			snprintf(buf, bufsz, "%s %04d has %d days", months[mo - 1], y,
			         toll_days_in_month(y, mo));
			return;
		}
		if (len >= 16 && s[10] == 'T' && digits(s + 11, 2, &h) == 0 && s[13] == ':' &&
		    digits(s + 14, 2, &mi) == 0) {
			if (len >= 19 && s[16] == ':' && digits(s + 17, 2, &se) != 0)
				se = 0;
			if (h > 23 || mi > 59 || se > 59) {
				snprintf(buf, bufsz, "no time %.*s", len >= 19 && s[16] == ':' ? 8 : 5, s + 11);
				return;
			}
			if (len == 16 || (len == 19 && s[16] == ':')) {
				snprintf(buf, bufsz, "a time of day needs its zone: Z or +HH:MM");
				return;
			}
		}
	}
	snprintf(buf, bufsz, "%s", toll_date_forms);
}
