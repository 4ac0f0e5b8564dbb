/*
 * date.h: the dates and times of SPEC section 1.
 *
 * Accepted forms: YYYY-MM-DD (00:00 UTC), and YYYY-MM-DDTHH:MM or
 * YYYY-MM-DDTHH:MM:SS followed by Z, +HH:MM or -HH:MM.  Years run from
 * 0001 to 9999; days are checked against the real (proleptic Gregorian)
 * calendar; seconds stop at 59 (no leap seconds).
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

/* The accepted forms, for messages. */
extern const char toll_date_forms[];

/* Days since 1970-01-01 of a proleptic Gregorian date (m 1..12, d 1..31). */
int64_t toll_days_from_civil(int64_t y, int m, int d);

/* The inverse of toll_days_from_civil. */
void toll_civil_from_days(int64_t days, int64_t *y, int *m, int *d);

/* Days in month m (1..12) of year y. */
int toll_days_in_month(int64_t y, int m);

#endif
