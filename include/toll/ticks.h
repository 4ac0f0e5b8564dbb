/*
 * ticks.h: where an axis puts its ticks and what it writes there.
 *
 * Numbers: Talbot, Lin and Hanrahan's extended algorithm ("An Extension of
 * Wilkinson's Algorithm for Positioning Tick Labels on Axes", InfoVis 2010),
 * which weighs simplicity (steps of 1, 5, 2, 2.5, 4, 3 times a power of
 * ten, zero as a tick), coverage of the data and closeness to the wanted
 * number of ticks.  Logarithmic axes tick at powers of ten.  Dates tick at
 * calendar boundaries (hours, days, Mondays, months, quarters, years) taken
 * in UTC and are labelled by day, month or year as the step needs.
 *
 * Nothing here draws or measures text: the chart module asks for fewer
 * ticks when the labels it measured would overlap.
 */
#ifndef TOLL_TICKS_H
#define TOLL_TICKS_H

#include <stddef.h>
#include <stdint.h>

#include "toll/out.h"   /* toll_format_number(), which writes the labels */

#define TOLL_TICKS_MAX 64
#define TOLL_TICK_LABEL TOLL_NUMBER_TEXT

typedef struct toll_ticks {
	double lo, hi;        /* the axis range: the data's, widened to the outer ticks */
	size_t n;             /* ticks, at most TOLL_TICKS_MAX */
	double v[TOLL_TICKS_MAX];
	char label[TOLL_TICKS_MAX][TOLL_TICK_LABEL];   /* UTF-8 */
} toll_ticks;

/*
 * Ticks for the data range [dmin, dmax] (dmin <= dmax, both finite), about m
 * of them (m >= 2), labelled with thousands separators and as many
 * decimals as the step needs.  When loose is set the ticks cover the data
 * and the axis runs from the first tick to the last; otherwise the axis is
 * the data range and ticks fall inside it.  Returns TOLL_OK, or TOLL_EDATA
 * when the range cannot be ticked (not finite, or too wide for a double's
 * precision).
 */
int toll_ticks_linear(double dmin, double dmax, int m, int loose, toll_ticks *out);

/*
 * Ticks of a logarithmic axis for [dmin, dmax] (0 < dmin <= dmax): powers of
 * ten (every second or fifth power when there are more than m), with 2 and
 * 5 times them over a range of less than two powers.  The axis runs from
 * the power of ten below dmin to the one above dmax.  Returns TOLL_OK, or
 * TOLL_EDATA.
 */
int toll_ticks_log(double dmin, double dmax, int m, toll_ticks *out);

/* The instants of dates: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z (toll(7), THE REPORTS TABLE). */
#define TOLL_TIME_MIN (-62135596800LL)
#define TOLL_TIME_MAX 253402300799LL

/*
 * Ticks of a date axis over [t0, t1] (seconds since 1970-01-01T00:00Z), at
 * most m of them, at the finest calendar step that gives no more: 1, 2, 3,
 * 6 or 12 hours, 1 or 2 days, weeks (Mondays), 1, 2, 3 or 6 months, or 1,
 * 2, 5, 10, 20, 50... years.  The axis is [t0, t1] itself.  Labels: "2020"
 * for years; "Oct 2020", "Nov", ... for months, with the year on the first
 * tick and on January; "13 Sep 2022", "14 Sep", ... for days, with the
 * year on the first tick and where it changes; "06:00" for hours, with
 * the day on the first tick and at midnight.  With days set (dates without
 * times of day) the step is a day at the finest.  Returns TOLL_OK, or
 * TOLL_EDATA.
 */
int toll_ticks_date(int64_t t0, int64_t t1, int m, int days, toll_ticks *out);

/* The decimals that label the multiples of step exactly: 0 for 1000, 1 for 2.5, 2 for 0.05. */
int toll_step_decimals(double step);

#endif
