/*
 * date.c: the one date reader: ISO 8601 dates and date-times, dates with
 * month names as exports write them, toll's own period labels, and the
 * strptime(3) patterns a user gives.
 */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "toll/date.h"

const char toll_date_forms[] =
	"expected a date: 2022-09-13, 2022-09-13T05:30[:00][Z|+04:00], 13 September 2022, "
	"13-Sep-22, 2022-09, 2022-W37, 2022-Q3, 2022 (others with --date-format)";

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
digits(const char *s, size_t n, int *v)
{
	size_t i;
	int x = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return 0;
}

static int
valid_day(int y, int mo, int d)
{
	return y >= 1 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= toll_days_in_month(y, mo);
}

/* Whether instant t (after its zone) is within 0001-01-01T00:00Z .. 9999-12-31T23:59:59Z. */
static int
in_range(int64_t t)
{
	return t >= toll_days_from_civil(1, 1, 1) * 86400 &&
	       t <= toll_days_from_civil(9999, 12, 31) * 86400 + 86399;
}

/*
 * The ISO forms: YYYY-MM-DD, then optionally 'T' or ' ', HH:MM, :SS, a
 * fraction of a second (dropped) and a zone (Z, +HH:MM, +HHMM, +HH; none
 * means UTC).
 */
static int
iso(const char *s, size_t len, toll_time *out)
{
	int y, mo, d, h = 0, mi = 0, se = 0, oh = 0, om = 0, sign = 0;
	size_t p;

	if (len < 10 || digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &mo) ||
	    s[7] != '-' || digits(s + 8, 2, &d) || !valid_day(y, mo, d))
		return -1;
	out->has_time = 0;
	if (len == 10)
		goto done;
	if (len < 16 || (s[10] != 'T' && s[10] != ' ') || digits(s + 11, 2, &h) || s[13] != ':' ||
	    digits(s + 14, 2, &mi))
		return -1;
	p = 16;
	if (p < len && s[p] == ':') {
		if (len < p + 3 || digits(s + p + 1, 2, &se))
			return -1;
		p += 3;
		if (p < len && (s[p] == '.' || s[p] == ',')) {
			size_t q = ++p;

			while (p < len && s[p] >= '0' && s[p] <= '9')
				p++;
			if (p == q)
				return -1;
		}
	}
	if (h > 23 || mi > 59 || se > 59)
		return -1;
	if (p == len) {
		sign = 0;
	} else if (p + 1 == len && s[p] == 'Z') {
		sign = 0;
	} else if (s[p] == '+' || s[p] == '-') {
		size_t z = len - p;

		if ((z != 3 && z != 5 && z != 6) || digits(s + p + 1, 2, &oh) != 0)
			return -1;
		if (z == 6 && s[p + 3] == ':' && digits(s + p + 4, 2, &om) == 0)
			;
		else if (z == 5 && digits(s + p + 3, 2, &om) == 0)
			;
		else if (z != 3)
			return -1;
		if (oh > 23 || om > 59)
			return -1;
		sign = s[p] == '+' ? 1 : -1;
	} else {
		return -1;
	}
	out->has_time = 1;
done:
	out->offset = sign * (oh * 3600 + om * 60);
	out->t = toll_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - out->offset;
	return in_range(out->t) ? 0 : -1;
}

/*
 * Month names, matched without regard to ASCII case, whole: English names
 * and their abbreviations, and Armenian ones (as the 1000plus.am victim
 * list writes them).  Another language is another block of lines here.
 */
static const struct month_name {
	const char *name;
	int month;
} month_names[] = {
	{ "January", 1 }, { "February", 2 }, { "March", 3 }, { "April", 4 }, { "May", 5 },
	{ "June", 6 }, { "July", 7 }, { "August", 8 }, { "September", 9 }, { "October", 10 },
	{ "November", 11 }, { "December", 12 },
	{ "Jan", 1 }, { "Feb", 2 }, { "Mar", 3 }, { "Apr", 4 }, { "Jun", 6 }, { "Jul", 7 },
	{ "Aug", 8 }, { "Sep", 9 }, { "Sept", 9 }, { "Oct", 10 }, { "Nov", 11 }, { "Dec", 12 },
	/* Armenian: full names, then the abbreviations of 1000plus.am. */
	{ "Հունվար", 1 }, { "Փետրվար", 2 }, { "Մարտ", 3 }, { "Ապրիլ", 4 }, { "Մայիս", 5 },
	{ "Հունիս", 6 }, { "Հուլիս", 7 }, { "Օգոստոս", 8 }, { "Սեպտեմբեր", 9 },
	{ "Հոկտեմբեր", 10 }, { "Նոյեմբեր", 11 }, { "Դեկտեմբեր", 12 },
	{ "Հնվ", 1 }, { "Փտրվ", 2 }, { "Մրտ", 3 }, { "Ապր", 4 }, { "Մայ", 5 }, { "Հուն", 6 },
	{ "Հուլ", 7 }, { "Օգս", 8 }, { "Սեպ", 9 }, { "Հոկ", 10 }, { "Նոյ", 11 }, { "Դեկ", 12 },
};

static int
month_of(const char *s, size_t len)
{
	size_t i, k;

	for (i = 0; i < sizeof month_names / sizeof month_names[0]; i++) {
		const char *n = month_names[i].name;

		if (strlen(n) != len)
			continue;
		for (k = 0; k < len; k++) {
			int a = (unsigned char)s[k], b = (unsigned char)n[k];

			if (a >= 'A' && a <= 'Z')
				a += 'a' - 'A';
			if (b >= 'A' && b <= 'Z')
				b += 'a' - 'A';
			if (a != b)
				break;
		}
		if (k == len)
			return month_names[i].month;
	}
	return 0;
}

/* A date with a month name: its three parts, and why it is no date when it is not. */
typedef struct named {
	int y, mo, d;
	int ok;        /* 1: three parts of the right kinds */
} named;

/*
 * Splits s into three parts at runs of ' ', '-', ',' and '.', one of them
 * a month name: "28 December 2022", "9-May-20", "01-January-2015",
 * "14 Հոկ, 2020" (day first) or "January 1, 1842" (month first).  A year
 * of two digits is 1969-2068 (POSIX's rule for %y).
 */
static void
split_named(const char *s, size_t len, named *n)
{
	size_t at[3], nl[3], i = 0, k = 0;
	int v[3], mo, y;

	n->ok = 0;
	while (i < len && k < 3) {
		size_t b = i;

		while (i < len && s[i] != ' ' && s[i] != '-' && s[i] != ',' && s[i] != '.')
			i++;
		if (i == b)
			return;
		at[k] = b;
		nl[k++] = i - b;
		while (i < len && (s[i] == ' ' || s[i] == '-' || s[i] == ',' || s[i] == '.'))
			i++;
	}
	if (k != 3 || i != len || (s[len - 1] < '0' || s[len - 1] > '9'))
		return;
	for (i = 0; i < 3; i++)
		v[i] = nl[i] <= 4 && digits(s + at[i], nl[i], &v[i]) == 0 ? v[i] : -1;
	if (v[0] >= 0 && v[1] < 0 && (mo = month_of(s + at[1], nl[1])) > 0 && nl[0] <= 2) {
		n->d = v[0];           /* 28 December 2022 */
	} else if (v[0] < 0 && v[1] >= 0 && (mo = month_of(s + at[0], nl[0])) > 0 && nl[1] <= 2) {
		n->d = v[1];           /* January 1, 1842 */
	} else {
		return;
	}
	if (v[2] < 0 || (nl[2] != 2 && nl[2] != 4))
		return;
	y = v[2];
	if (nl[2] == 2)
		y += y >= 69 ? 1900 : 2000;
	n->y = y;
	n->mo = mo;
	n->ok = 1;
}

/* The patterns given with --date-format, tried before the built-in forms. */
static const char *const *user_formats;
static size_t n_user_formats;

void
toll_date_formats_set(const char *const *formats, size_t n)
{
	user_formats = formats;
	n_user_formats = n;
}

static int
has_time_directive(const char *f)
{
	for (; *f; f++)
		if (*f == '%' && f[1] != '\0') {
			f++;
			if (strchr("HIMSTRrpz", *f) != NULL)
				return 1;
		}
	return 0;
}

/* s read with the pattern f, all of it; the calendar checked as for every date. */
static int
with_format(const char *s, size_t len, const char *f, toll_time *out)
{
	char buf[128];
	struct tm tm;
	const char *end;
	int y, mo;

	if (len >= sizeof buf || memchr(s, '\0', len) != NULL)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	memset(&tm, 0, sizeof tm);
	tm.tm_mday = 1;
	end = strptime(buf, f, &tm);
	if (end == NULL || *end != '\0')
		return -1;
	y = tm.tm_year + 1900;
	mo = tm.tm_mon + 1;
	if (!valid_day(y, mo, tm.tm_mday) || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 59)
		return -1;
	out->has_time = has_time_directive(f);
	out->offset = 0;
	out->t = toll_days_from_civil(y, mo, tm.tm_mday) * 86400 + tm.tm_hour * 3600 +
	         tm.tm_min * 60 + tm.tm_sec;
#ifdef __GLIBC__
	out->offset = (int32_t)tm.tm_gmtoff;
	out->t -= tm.tm_gmtoff;
#endif
	return in_range(out->t) ? 0 : -1;
}

int
toll_date_parse(const char *s, size_t len, toll_time *out)
{
	size_t i;
	named n;
	int bin;
	int64_t start;

	/* The common form, YYYY-MM-DD, read in one go. */
	if (len == 10 && s[4] == '-' && s[7] == '-') {
		unsigned d0 = (unsigned)(s[0] - '0'), d1 = (unsigned)(s[1] - '0'), d2 = (unsigned)(s[2] - '0'),
		         d3 = (unsigned)(s[3] - '0'), d5 = (unsigned)(s[5] - '0'), d6 = (unsigned)(s[6] - '0'),
		         d8 = (unsigned)(s[8] - '0'), d9 = (unsigned)(s[9] - '0');
		int y, mo, d;

		if (d0 <= 9 && d1 <= 9 && d2 <= 9 && d3 <= 9 && d5 <= 9 && d6 <= 9 && d8 <= 9 && d9 <= 9) {
			y = (int)(d0 * 1000 + d1 * 100 + d2 * 10 + d3);
			mo = (int)(d5 * 10 + d6);
			d = (int)(d8 * 10 + d9);
			if (!valid_day(y, mo, d))
				return -1;
			out->has_time = 0;
			out->offset = 0;
			out->t = toll_days_from_civil(y, mo, d) * 86400;
			return 0;
		}
	}
	for (i = 0; i < n_user_formats; i++)
		if (with_format(s, len, user_formats[i], out) == 0)
			return 0;
	if (len < 4)
		return -1;
	if (s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
	    s[2] <= '9' && s[3] >= '0' && s[3] <= '9') {
		if (iso(s, len, out) == 0)
			return 0;
		if (len <= 8 && toll_bin_label_parse(s, len, &bin, &start) == 0) {
			out->has_time = 0;
			out->offset = 0;
			out->t = start;
			return 0;
		}
	}
	split_named(s, len, &n);
	if (n.ok && valid_day(n.y, n.mo, n.d)) {
		out->has_time = 0;
		out->offset = 0;
		out->t = toll_days_from_civil(n.y, n.mo, n.d) * 86400;
		return 0;
	}
	return -1;
}

static int64_t
floor_days(int64_t t)
{
	return t / 86400 - (t % 86400 < 0);
}

int64_t
toll_time_local_day(const toll_time *t)
{
	return floor_days(t->t + t->offset);
}

int
toll_as_of_parse(const char *s, size_t len, toll_as_of *out)
{
	toll_time t;
	int bin;
	int64_t start;

	out->by_day = 0;
	out->t = INT64_MAX;
	out->day = 0;
	/* A period label: its last day (the day before the next period starts). */
	if (len >= 4 && len <= 8 && toll_bin_label_parse(s, len, &bin, &start) == 0 &&
	    bin != TOLL_BIN_DAY) {
		out->by_day = 1;
		out->day = floor_days(toll_bin_next(bin, start)) - 1;
		return 0;
	}
	if (toll_date_parse(s, len, &t) != 0)
		return -1;
	if (t.has_time) {
		out->t = t.t;
	} else {
		out->by_day = 1;
		out->day = floor_days(t.t);
	}
	return 0;
}

int
toll_as_of_includes(const toll_as_of *a, const toll_time *t)
{
	return a->by_day ? toll_time_local_day(t) <= a->day : t->t <= a->t;
}

int
toll_as_of_limits(const toll_as_of *a)
{
	return a->by_day || a->t != INT64_MAX;
}

void
toll_as_of_text(const toll_as_of *a, char *buf, size_t bufsz)
{
	int64_t y, days = a->by_day ? a->day : floor_days(a->t);
	int m, d;

	toll_civil_from_days(days, &y, &m, &d);
	if (a->by_day) {
		snprintf(buf, bufsz, "%04lld-%02d-%02d", (long long)y, m, d);
	} else {
		int64_t secs = a->t - days * 86400;

		snprintf(buf, bufsz, "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)y, m, d, (int)(secs / 3600),
		         (int)(secs / 60 % 60), (int)(secs % 60));
	}
}

static const char *const english_months[] = {
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"
};

void
toll_date_why(const char *s, size_t len, char *buf, size_t bufsz)
{
	int y, mo, d, h, mi, se = 0;
	named n;

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
			snprintf(buf, bufsz, "%s %04d has %d days", english_months[mo - 1], y,
			         toll_days_in_month(y, mo));
			return;
		}
		if (len >= 16 && (s[10] == 'T' || s[10] == ' ') && digits(s + 11, 2, &h) == 0 &&
		    s[13] == ':' && digits(s + 14, 2, &mi) == 0) {
			if (len >= 19 && s[16] == ':' && digits(s + 17, 2, &se) != 0)
				se = 0;
			if (h > 23 || mi > 59 || se > 59) {
				snprintf(buf, bufsz, "no time %.*s", len >= 19 && s[16] == ':' ? 8 : 5, s + 11);
				return;
			}
		}
		{
			toll_time t;

			/* Valid as written, out of range once its zone is applied. */
			if (iso(s, len, &t) != 0 && (y == 1 || y == 9999)) {
				char fixed[64];

				if (len < sizeof fixed) {
					memcpy(fixed, s, len);
					memcpy(fixed, "2000", 4);
					if (iso(fixed, len, &t) == 0) {
						snprintf(buf, bufsz, "in UTC it falls outside 0001-01-01 to 9999-12-31");
						return;
					}
				}
			}
		}
	}
	split_named(s, len, &n);
	if (n.ok) {
		if (n.d < 1 || n.d > toll_days_in_month(n.y, n.mo)) {
			snprintf(buf, bufsz, "%s %04d has %d days", english_months[n.mo - 1], n.y,
			         toll_days_in_month(n.y, n.mo));
			return;
		}
		if (n.y < 1 || n.y > 9999) {
			snprintf(buf, bufsz, "years run from 0001 to 9999");
			return;
		}
	}
	snprintf(buf, bufsz, "%s", toll_date_forms);
}

/* Date bins: a day, an ISO week, a month, a quarter or a year, and their labels. */

static const char *const bin_names[] = { "", "day", "week", "month", "quarter", "year" };

const char *
toll_bin_name(int bin)
{
	return bin > TOLL_BIN_NONE && bin <= TOLL_BIN_YEAR ? bin_names[bin] : "";
}

int
toll_bin_parse(const char *s, size_t len)
{
	int i;

	for (i = TOLL_BIN_DAY; i <= TOLL_BIN_YEAR; i++)
		if (strlen(bin_names[i]) == len && memcmp(bin_names[i], s, len) == 0)
			return i;
	return TOLL_BIN_NONE;
}

size_t
toll_bin_label(int bin, int64_t t, char buf[TOLL_BIN_LABEL])
{
	int64_t days = floor_days(t), y;
	int m, d, n = 0;

	toll_civil_from_days(days, &y, &m, &d);
	switch (bin) {
	case TOLL_BIN_DAY:
		n = snprintf(buf, TOLL_BIN_LABEL, "%04lld-%02d-%02d", (long long)y, m, d);
		break;
	case TOLL_BIN_WEEK: {
		/* ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday. */
		int64_t wd = ((days % 7) + 7 + 3) % 7;       /* 0 Monday .. 6 Sunday; 1970-01-01 was a Thursday */
		int64_t thursday = days - wd + 3, wy;
		int wm, wdd;

		toll_civil_from_days(thursday, &wy, &wm, &wdd);
		n = snprintf(buf, TOLL_BIN_LABEL, "%04lld-W%02d", (long long)wy,
		             (int)((thursday - toll_days_from_civil(wy, 1, 1)) / 7 + 1));
		break;
	}
	case TOLL_BIN_MONTH:
		n = snprintf(buf, TOLL_BIN_LABEL, "%04lld-%02d", (long long)y, m);
		break;
	case TOLL_BIN_QUARTER:
		n = snprintf(buf, TOLL_BIN_LABEL, "%04lld-Q%d", (long long)y, (m - 1) / 3 + 1);
		break;
	case TOLL_BIN_YEAR:
		n = snprintf(buf, TOLL_BIN_LABEL, "%04lld", (long long)y);
		break;
	default:
		buf[0] = '\0';
		break;
	}
	return n > 0 ? (size_t)n : 0;
}

/* The Monday of ISO week 1 of year y, in days since 1970. */
static int64_t
iso_week1(int y)
{
	int64_t jan4 = toll_days_from_civil(y, 1, 4);
	int64_t wd = ((jan4 % 7) + 7 + 3) % 7;   /* 0 Monday .. 6 Sunday */

	return jan4 - wd;
}

int
toll_bin_label_parse(const char *s, size_t len, int *bin, int64_t *start)
{
	int y, a;
	toll_time t;

	if (len < 4 || digits(s, 4, &y) != 0 || y < 1)
		return -1;
	if (len == 4) {
		*bin = TOLL_BIN_YEAR;
		*start = toll_days_from_civil(y, 1, 1) * 86400;
		return 0;
	}
	if (len == 10 && toll_date_parse(s, len, &t) == 0) {
		*bin = TOLL_BIN_DAY;
		*start = t.t;
		return 0;
	}
	if (s[4] != '-')
		return -1;
	if (len == 7 && digits(s + 5, 2, &a) == 0 && a >= 1 && a <= 12) {
		*bin = TOLL_BIN_MONTH;
		*start = toll_days_from_civil(y, a, 1) * 86400;
		return 0;
	}
	if (len == 7 && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') {
		*bin = TOLL_BIN_QUARTER;
		*start = toll_days_from_civil(y, (s[6] - '1') * 3 + 1, 1) * 86400;
		return 0;
	}
	if (len == 8 && s[5] == 'W' && digits(s + 6, 2, &a) == 0 && a >= 1 &&
	    a <= (iso_week1(y + 1) - iso_week1(y)) / 7) {
		*bin = TOLL_BIN_WEEK;
		*start = (iso_week1(y) + (a - 1) * 7) * 86400;
		return 0;
	}
	return -1;
}

int64_t
toll_bin_start(int bin, int64_t t)
{
	int64_t days = floor_days(t), y;
	int m, d;

	if (bin == TOLL_BIN_WEEK)
		return (days - ((days % 7) + 7 + 3) % 7) * 86400;   /* its Monday */
	if (bin != TOLL_BIN_MONTH && bin != TOLL_BIN_QUARTER && bin != TOLL_BIN_YEAR)
		return days * 86400;
	toll_civil_from_days(days, &y, &m, &d);
	m = bin == TOLL_BIN_YEAR ? 1 : bin == TOLL_BIN_QUARTER ? (m - 1) / 3 * 3 + 1 : m;
	return toll_days_from_civil(y, m, 1) * 86400;
}

int64_t
toll_bin_next(int bin, int64_t start)
{
	int64_t y;
	int m, d;

	switch (bin) {
	case TOLL_BIN_DAY: return start + 86400;
	case TOLL_BIN_WEEK: return start + 7 * 86400;
	default: break;
	}
	toll_civil_from_days(floor_days(start), &y, &m, &d);
	if (bin == TOLL_BIN_YEAR)
		return toll_days_from_civil(y + 1, 1, 1) * 86400;
	m += bin == TOLL_BIN_QUARTER ? 3 : 1;
	if (m > 12) {
		m -= 12;
		y++;
	}
	return toll_days_from_civil(y, m, 1) * 86400;
}
