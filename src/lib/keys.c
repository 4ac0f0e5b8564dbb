/* keys.c: grouping keys and date bins; see keys.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toll/date.h"
#include "toll/keys.h"

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

static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

size_t
toll_bin_label(int bin, int64_t t, char buf[TOLL_BIN_LABEL])
{
	int64_t days = floor_div(t, 86400), y;
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

/* Reads n digits at s; -1 if any is not one. */
static int
digits(const char *s, size_t n, int *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
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
toll_bin_next(int bin, int64_t start)
{
	int64_t y;
	int m, d;

	switch (bin) {
	case TOLL_BIN_DAY: return start + 86400;
	case TOLL_BIN_WEEK: return start + 7 * 86400;
	default: break;
	}
	toll_civil_from_days(floor_div(start, 86400), &y, &m, &d);
	if (bin == TOLL_BIN_YEAR)
		return toll_days_from_civil(y + 1, 1, 1) * 86400;
	m += bin == TOLL_BIN_QUARTER ? 3 : 1;
	if (m > 12) {
		m -= 12;
		y++;
	}
	return toll_days_from_civil(y, m, 1) * 86400;
}

int
toll_keys_parse(toll_keys *keys, const char *spec, toll_diag *d)
{
	char *err = d->msg;
	size_t errsz = sizeof d->msg;
	const char *p = spec;

	/* A problem of the arguments: no place in the data. */
	d->file = NULL;
	d->line = d->col = 0;
	if (*spec == '\0')
		return TOLL_OK;
	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		toll_key *nk, *k;

		if (len == 0) {
			snprintf(err, errsz, "empty column name in key list '%s'", spec);
			return TOLL_EUSAGE;
		}
		nk = realloc(keys->k, (keys->n + 1) * sizeof *nk);
		if (nk == NULL) {
			snprintf(err, errsz, "out of memory");
			return TOLL_ENOMEM;
		}
		keys->k = nk;
		k = &keys->k[keys->n];
		memset(k, 0, sizeof *k);
		k->col = -1;
		if ((k->spec = strndup(p, len)) == NULL) {
			snprintf(err, errsz, "out of memory");
			return TOLL_ENOMEM;
		}
		keys->n++;
		if (end == NULL)
			return TOLL_OK;
		p = end + 1;
	}
}

int
toll_keys_resolve(toll_keys *keys, const toll_field *cols, size_t n, toll_diag *d)
{
	char *err = d->msg;
	size_t errsz = sizeof d->msg;
	size_t i, j;

	/* A problem of the arguments: no place in the data. */
	d->file = NULL;
	d->line = d->col = 0;
	for (i = 0; i < keys->n; i++) {
		toll_key *k = &keys->k[i];
		const char *colon = strrchr(k->spec, ':');
		size_t len = strlen(k->spec);

		free(k->name);
		k->bin = TOLL_BIN_NONE;
		k->col = toll_column_find(cols, n, k->spec, len);
		if (k->col < 0 && colon != NULL) {
			size_t nlen = (size_t)(colon - k->spec);

			k->bin = toll_bin_parse(colon + 1, len - nlen - 1);
			if (k->bin == TOLL_BIN_NONE) {
				snprintf(err, errsz,
				         "unknown date unit '%s' in key '%s' (expected day, week, month, quarter or year)",
				         colon + 1, k->spec);
				return TOLL_EUSAGE;
			}
			k->col = toll_column_find(cols, n, k->spec, nlen);
			len = nlen;
		}
		if (k->col < 0) {
			char where[TOLL_DIAG_MSG / 4];

			snprintf(where, sizeof where, " in key '%s'", k->spec);
			toll_column_problem(cols, n, "unknown column", k->spec, len,
			                    k->bin == TOLL_BIN_NONE ? NULL : where, err, errsz);
			return TOLL_EUSAGE;
		}
		if ((k->name = strndup(k->spec, len)) == NULL) {
			snprintf(err, errsz, "out of memory");
			return TOLL_ENOMEM;
		}
		for (j = 0; j < i; j++)
			if (keys->k[j].col == k->col && keys->k[j].bin == k->bin) {
				snprintf(err, errsz, "key '%s' is given twice", k->spec);
				return TOLL_EUSAGE;
			}
	}
	return TOLL_OK;
}

void
toll_keys_free(toll_keys *keys)
{
	size_t i;

	for (i = 0; i < keys->n; i++) {
		free(keys->k[i].spec);
		free(keys->k[i].name);
	}
	free(keys->k);
	keys->k = NULL;
	keys->n = 0;
}

int
toll_key_value(const toll_key *k, const toll_field *f, const char *file,
               char buf[TOLL_BIN_LABEL], const char **val, size_t *len, toll_diag *d)
{
	toll_time t;

	if (k->bin == TOLL_BIN_NONE || f->len == 0) {
		*val = f->s;
		*len = f->len;
		return TOLL_OK;
	}
	if (toll_date_parse(f->s, f->len, &t) != 0) {
		char q[64];

		toll_diag_quote(q, sizeof q, f->s, f->len);
		return toll_diag_set(d, TOLL_EDATA, file, f->line, f->col,
		                     "invalid date '%s' in column '%s', grouped by %s", q, k->name,
		                     k->spec);
	}
	*len = toll_bin_label(k->bin, t.t, buf);
	*val = buf;
	return TOLL_OK;
}

void
toll_keys_write_header(const toll_keys *keys, toll_out *o)
{
	size_t i;

	for (i = 0; i < keys->n; i++) {
		toll_out_str(o, keys->k[i].spec);
		toll_out_tab(o);
	}
}

void
toll_keys_write_values(const toll_keys *keys, const char *values, toll_out *o)
{
	size_t i;

	for (i = 0; i < keys->n; i++) {
		size_t n = strlen(values);

		toll_out_field(o, values, n);
		toll_out_tab(o);
		values += n + 1;
	}
}
