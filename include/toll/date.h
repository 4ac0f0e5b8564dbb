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
} toll_time;

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

#endif
