/*
 * date.h: the one date reader of every toll program.
 *
 * Accepted forms:
 *   - ISO 8601: YYYY-MM-DD (00:00 UTC); YYYY-MM-DD, 'T' or ' ', HH:MM,
 *     optionally :SS and a fraction of a second (dropped), optionally a
 *     zone Z, +HH:MM, +HHMM or +HH (none: UTC);
 *   - a day, a month name and a year, as exports write them: "28 December
 *     2022", "9-May-20", "01-January-2015", "14 Հոկ, 2020", "January 1,
 *     1842" (English and Armenian names; a two-digit year is 1969-2068);
 *   - toll's period labels, meaning their first day: 2022-09, 2022-W37,
 *     2022-Q3, 2022;
 *   - the strptime(3) patterns set with toll_date_formats_set(), tried
 *     before all but YYYY-MM-DD ("%m/%d/%Y" reads 8/5/1914).
 * Years run from 0001 to 9999; days are checked against the real
 * (proleptic Gregorian) calendar; seconds stop at 59 (no leap seconds).
 */
#ifndef TOLL_DATE_H
#define TOLL_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef struct toll_time {
	int64_t t;      /* seconds since 1970-01-01T00:00:00Z; orders instants in UTC */
	int has_time;   /* 1 when a time of day (and zone) was given */
	int32_t offset; /* the zone it was written in, seconds east of UTC (0: UTC, or none given) */
} toll_time;

/* The calendar day of t where it was written (in its own zone), in days since 1970-01-01. */
int64_t toll_time_local_day(const toll_time *t);

/*
 * What was known as of a date (--as-of): a date and time is an instant,
 * every claim reported at or before it; a date alone is a day, every
 * claim reported on it or before in the claim's own time zone (a claim
 * of 2023-09-20T21:30+04:00 is of 20 September, though it is 17:30 UTC);
 * a period label is its last day (2022-09: up to 30 September; 2022: up
 * to 31 December; 2022-W37, 2022-Q3).
 */
typedef struct toll_as_of {
	int by_day;     /* 1: every claim of day or before; 0: of instant t or before */
	int64_t t;      /* the instant; INT64_MAX with by_day 0: everything */
	int64_t day;    /* the last day, in days since 1970-01-01 */
} toll_as_of;

#define TOLL_AS_OF_ALL { 0, INT64_MAX, 0 }

/* Parses an as-of date; returns 0, or -1 when s is no date (toll_date_why() says why). */
int toll_as_of_parse(const char *s, size_t len, toll_as_of *out);

/* Whether a claim reported at t is known as of a. */
int toll_as_of_includes(const toll_as_of *a, const toll_time *t);

/* Whether a says anything: not everything ever reported. */
int toll_as_of_limits(const toll_as_of *a);

/* The as-of date as text, for reports: "2022-09-14", "2023-09-19T18:00Z". */
void toll_as_of_text(const toll_as_of *a, char *buf, size_t bufsz);

/* Parses s[0..len); returns 0 and fills *out, or -1 when s is not a valid date. */
int toll_date_parse(const char *s, size_t len, toll_time *out);

/*
 * Why s[0..len) is not a valid date, for messages, into buf: "February
 * 2022 has 28 days", "no month 13", or, when it is not of a date's form
 * at all, the accepted forms (toll_date_forms).
 */
void toll_date_why(const char *s, size_t len, char *buf, size_t bufsz);

/*
 * Sets the strptime(3) patterns (--date-format) every later
 * toll_date_parse() tries; the array must outlive the reading.  NULL, 0
 * goes back to the built-in forms alone.
 */
void toll_date_formats_set(const char *const *formats, size_t n);

/* The accepted forms, for messages. */
extern const char toll_date_forms[];

/* Days since 1970-01-01 of a proleptic Gregorian date (m 1..12, d 1..31). */
int64_t toll_days_from_civil(int64_t y, int m, int d);

/* The inverse of toll_days_from_civil. */
void toll_civil_from_days(int64_t days, int64_t *y, int *m, int *d);

/* Days in month m (1..12) of year y. */
int toll_days_in_month(int64_t y, int m);

/*
 * Date bins, for grouping keys (toll/keys.h) and charts: a day
 * (2022-09-13), an ISO week (2022-W37), a month (2022-09), a quarter
 * (2022-Q3) or a year (2022), in UTC.
 */
enum toll_bin {
	TOLL_BIN_NONE = 0, TOLL_BIN_DAY, TOLL_BIN_WEEK, TOLL_BIN_MONTH, TOLL_BIN_QUARTER,
	TOLL_BIN_YEAR
};

/* Longest bin label, with its NUL: "-2022-W37" fits. */
#define TOLL_BIN_LABEL 16

/* The unit name of a bin ("week"); "" for TOLL_BIN_NONE. */
const char *toll_bin_name(int bin);

/* The bin for a unit name ("week"), or TOLL_BIN_NONE. */
int toll_bin_parse(const char *s, size_t len);

/* Writes the label of the bin holding instant t (seconds since 1970, UTC); returns its length. */
size_t toll_bin_label(int bin, int64_t t, char buf[TOLL_BIN_LABEL]);

/*
 * Reads a bin label as toll_bin_label() writes it: a day 2022-09-13, an
 * ISO week 2022-W37, a month 2022-09, a quarter 2022-Q3 or a year 2022.
 * Returns 0 with the bin's unit in *bin and its first instant in *start,
 * or -1 when s[0..len) is no bin label.
 */
int toll_bin_label_parse(const char *s, size_t len, int *bin, int64_t *start);

/* The first instant of the bin after the one that starts at start. */
int64_t toll_bin_next(int bin, int64_t start);

/* The first instant of the bin holding instant t (as toll_bin_label() bins it). */
int64_t toll_bin_start(int bin, int64_t t);

#endif
