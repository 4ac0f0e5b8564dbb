/*
 * ticks.c: axis ticks for numbers (Talbot's extended Wilkinson algorithm),
 * logarithmic axes and dates.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "toll/date.h"
#include "toll/diag.h"
#include "toll/ticks.h"

/* The "nice" step multipliers, most preferred first, and the weights of
 * simplicity, coverage, density and legibility, as in the paper. */
static const double nice_q[] = { 1, 5, 2, 2.5, 4, 3 };
#define NQ (sizeof nice_q / sizeof nice_q[0])
static const double w_simple = 0.25, w_cover = 0.2, w_dense = 0.5, w_legible = 0.05;

static double
simplicity(size_t qi, int j, double lmin, double lmax, double lstep)
{
	double rem = fmod(lmin, lstep), eps = 1e-10 * lstep;
	int zero = (fabs(rem) < eps || lstep - fabs(rem) < eps) && lmin <= 0 && lmax >= 0;

	return 1.0 - (double)qi / (NQ - 1) - j + zero;
}

static double
simplicity_max(size_t qi, int j)
{
	return 1.0 - (double)qi / (NQ - 1) - j + 1;
}

static double
coverage(double dmin, double dmax, double lmin, double lmax)
{
	double r = 0.1 * (dmax - dmin);

	return 1.0 - 0.5 * ((dmax - lmax) * (dmax - lmax) + (dmin - lmin) * (dmin - lmin)) / (r * r);
}

static double
coverage_max(double dmin, double dmax, double span)
{
	double range = dmax - dmin, r = 0.1 * range;

	if (span > range) {
		double half = (span - range) / 2;
		return 1.0 - 0.5 * (2 * half * half) / (r * r);
	}
	return 1.0;
}

static double
density(int k, int m, double dmin, double dmax, double lmin, double lmax)
{
	double r = (k - 1) / (lmax - lmin);
	double rt = (m - 1) / (fmax(lmax, dmax) - fmin(dmin, lmin));

	return 2.0 - fmax(r / rt, rt / r);
}

static double
density_max(int k, int m)
{
	return k >= m ? 2.0 - (double)(k - 1) / (m - 1) : 1.0;
}

int
toll_step_decimals(double step)
{
	int d;

	for (d = 0; d < 9; d++) {
		double s = step * pow(10, d);
		if (fabs(s - round(s)) < 1e-6 * s)
			break;
	}
	return d;
}

/*
 * Fills out->v with lmin, lmin + step, ... (k ticks) and labels them.  The
 * ticks are multiples of unit (step / j: Talbot's skipping steps start at
 * any multiple of the base step), so they are rounded to it.
 */
static void
fill_linear(toll_ticks *out, double lmin, double step, double unit, int k)
{
	int i, dec = toll_step_decimals(unit);

	dec = dec > toll_step_decimals(step) ? dec : toll_step_decimals(step);
	out->n = 0;
	for (i = 0; i < k && out->n < TOLL_TICKS_MAX; i++) {
		double v = lmin + i * step;
		/* Multiples of the unit, without the drift of repeated addition. */
		v = round(v / unit) * unit;
		if (fabs(v) < unit * 1e-9)
			v = 0;
		out->v[out->n] = v;
		toll_format_number(v, dec, out->label[out->n], TOLL_TICK_LABEL);
		out->n++;
	}
}

/*
 * One function (103 lines): Talbot's search over steps, skipping and
 * densities, with its bounds, as the paper gives it.
 */
int
toll_ticks_linear(double dmin, double dmax, int m, int loose, toll_ticks *out)
{
	double best = -2, blmin = 0, bstep = 0, bunit = 1, range;
	int bk = 0, j, k, z;
	size_t qi;

	memset(out, 0, sizeof *out);
	if (!isfinite(dmin) || !isfinite(dmax) || dmin > dmax)
		return TOLL_EDATA;
	if (m < 2)
		m = 2;
	if (m > TOLL_TICKS_MAX)
		m = TOLL_TICKS_MAX;
	/* A single value: a range around it, from zero when it is positive. */
	if (dmax - dmin <= fabs(dmax) * 1e-12) {
		double v = dmin;
		if (v > 0) {
			dmin = 0;
		} else if (v < 0) {
			dmax = 0;
		} else {
			dmin = 0;
			dmax = 1;
		}
		if (dmin == dmax)
			dmax = dmin + 1;
	}
	range = dmax - dmin;
	if (!isfinite(range) || range < fmax(fabs(dmin), fabs(dmax)) * 1e-12)
		return TOLL_EDATA;
	/* Every loop ends by the score bounds; the counters also cap them. */
	for (j = 1; j <= 20; j++) {
		int stop_j = 0;
		for (qi = 0; qi < NQ; qi++) {
			double q = nice_q[qi], sm = simplicity_max(qi, j);

			if (w_simple * sm + w_cover + w_dense + w_legible < best) {
				stop_j = 1;
				break;
			}
			for (k = 2; k <= TOLL_TICKS_MAX; k++) {
				double dm = density_max(k, m), delta;

				if (w_simple * sm + w_cover + w_dense * dm + w_legible < best)
					break;
				delta = range / (k + 1) / j / q;
				for (z = (int)ceil(log10(delta)); z < 400; z++) {
					double step = j * q * pow(10, z), cm, start, min_start, max_start;

					if (!isfinite(step))
						break;
					cm = coverage_max(dmin, dmax, step * (k - 1));
					if (w_simple * sm + w_cover * cm + w_dense * dm + w_legible < best)
						break;
					min_start = floor(dmax / step) * j - (double)(k - 1) * j;
					max_start = ceil(dmin / step) * j;
					if (min_start > max_start)
						continue;
					if (max_start - min_start > 1000)
						continue;
					for (start = min_start; start <= max_start; start++) {
						double lmin = start * (step / j), lmax = lmin + step * (k - 1);
						double s = simplicity(qi, j, lmin, lmax, step);
						double c = coverage(dmin, dmax, lmin, lmax);
						double g = density(k, m, dmin, dmax, lmin, lmax);
						double score = w_simple * s + w_cover * c + w_dense * g + w_legible;
						double eps = step * 1e-9;

						/* An axis across zero has it among its ticks (a bar's base, a fall's sign). */
						if (dmin < 0 && dmax > 0 && fabs(remainder(lmin, step)) > eps)
							continue;
						if (score > best && (!loose || (lmin <= dmin + eps && lmax >= dmax - eps))) {
							best = score;
							blmin = lmin;
							bstep = step;
							bunit = step / j;
							bk = k;
						}
					}
				}
			}
		}
		if (stop_j)
			break;
	}
	if (bk == 0)
		return TOLL_EDATA;
	fill_linear(out, blmin, bstep, bunit, bk);
	if (loose) {
		out->lo = fmin(dmin, out->v[0]);
		out->hi = fmax(dmax, out->v[out->n - 1]);
	} else {
		size_t i, n = 0;
		/* Only the ticks inside the data range stay. */
		for (i = 0; i < out->n; i++) {
			if (out->v[i] < dmin - bstep * 1e-9 || out->v[i] > dmax + bstep * 1e-9)
				continue;
			out->v[n] = out->v[i];
			memmove(out->label[n], out->label[i], TOLL_TICK_LABEL);
			n++;
		}
		out->n = n;
		out->lo = dmin;
		out->hi = dmax;
	}
	return TOLL_OK;
}

int
toll_ticks_log(double dmin, double dmax, int m, toll_ticks *out)
{
	int e0, e1, e, every = 1;

	memset(out, 0, sizeof *out);
	if (!(dmin > 0) || !isfinite(dmax) || dmin > dmax)
		return TOLL_EDATA;
	if (m < 2)
		m = 2;
	e0 = (int)floor(log10(dmin) + 1e-12);
	e1 = (int)ceil(log10(dmax) - 1e-12);
	if (e1 == e0)
		e1++;
	while ((e1 - e0 + every - 1) / every + 1 > m)
		every = every == 1 ? 2 : every == 2 ? 5 : every * 2;
	/* The axis ends on a tick. */
	e1 = e0 + (e1 - e0 + every - 1) / every * every;
	out->lo = pow(10, e0);
	out->hi = pow(10, e1);
	for (e = e0; e <= e1 && out->n < TOLL_TICKS_MAX; e++) {
		static const int mult[] = { 1, 2, 5 };
		size_t i;

		if ((e - e0) % every != 0)
			continue;
		for (i = 0; i < 3 && out->n < TOLL_TICKS_MAX; i++) {
			double v = mult[i] * pow(10, e);
			if (i > 0 && (e1 - e0 > 2 || e == e1))
				break;
			out->v[out->n] = v;
			toll_format_number(v, e < 0 ? -e : 0, out->label[out->n], TOLL_TICK_LABEL);
			out->n++;
		}
	}
	return TOLL_OK;
}

/* Date steps, finest first. */
enum unit { U_HOUR, U_DAY, U_WEEK, U_MONTH, U_YEAR };
static const struct { enum unit unit; int n; } date_steps[] = {
	{ U_HOUR, 1 }, { U_HOUR, 2 }, { U_HOUR, 3 }, { U_HOUR, 6 }, { U_HOUR, 12 },
	{ U_DAY, 1 }, { U_DAY, 2 }, { U_WEEK, 1 }, { U_WEEK, 2 },
	{ U_MONTH, 1 }, { U_MONTH, 2 }, { U_MONTH, 3 }, { U_MONTH, 6 },
	{ U_YEAR, 1 }, { U_YEAR, 2 }, { U_YEAR, 5 }, { U_YEAR, 10 }, { U_YEAR, 20 },
	{ U_YEAR, 50 }, { U_YEAR, 100 }, { U_YEAR, 200 }, { U_YEAR, 500 }, { U_YEAR, 1000 },
	{ U_YEAR, 2000 }, { U_YEAR, 5000 }, { U_YEAR, 10000 }
};

static const char *const month_abbr[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* The first tick at or after t for the step, and the one after tick. */
static int64_t
date_first(int64_t t, enum unit u, int n)
{
	int64_t day = floor_div(t, 86400), y;
	int mo, d;

	switch (u) {
	case U_HOUR: {
		int64_t h = floor_div(t + 3600 - 1, 3600);
		/* Hours of the day that are multiples of n. */
		while (((h % 24) + 24) % 24 % n != 0)
			h++;
		return h * 3600;
	}
	case U_DAY:
		if (day * 86400 < t)
			day++;
		while (((day % n) + n) % n != 0)
			day++;
		return day * 86400;
	case U_WEEK:
		if (day * 86400 < t)
			day++;
		/* 1970-01-01 was a Thursday: Mondays are day 4 modulo 7. */
		while (((day - 4) % 7 + 7) % 7 != 0)
			day++;
		if (n == 2)
			while (((day - 4) / 7) % 2 != 0)
				day += 7;
		return day * 86400;
	case U_MONTH:
		toll_civil_from_days(day, &y, &mo, &d);
		if (d != 1 || day * 86400 < t) {
			if (++mo > 12) {
				mo = 1;
				y++;
			}
		}
		while ((mo - 1) % n != 0)
			if (++mo > 12) {
				mo = 1;
				y++;
			}
		return toll_days_from_civil(y, mo, 1) * 86400;
	case U_YEAR:
		toll_civil_from_days(day, &y, &mo, &d);
		if (mo != 1 || d != 1 || day * 86400 < t)
			y++;
		while (y % n != 0)
			y++;
		return toll_days_from_civil(y, 1, 1) * 86400;
	}
	return t;
}

static int64_t
date_next(int64_t t, enum unit u, int n)
{
	int64_t y;
	int mo, d;

	switch (u) {
	case U_HOUR:
		return t + (int64_t)n * 3600;
	case U_DAY:
		return t + (int64_t)n * 86400;
	case U_WEEK:
		return t + (int64_t)n * 7 * 86400;
	case U_MONTH:
		toll_civil_from_days(floor_div(t, 86400), &y, &mo, &d);
		mo += n;
		while (mo > 12) {
			mo -= 12;
			y++;
		}
		return toll_days_from_civil(y, mo, 1) * 86400;
	case U_YEAR:
		toll_civil_from_days(floor_div(t, 86400), &y, &mo, &d);
		return toll_days_from_civil(y + n, 1, 1) * 86400;
	}
	return t + 1;
}

static void
date_label(int64_t t, enum unit u, int first, int64_t prev, char *buf)
{
	int64_t y, py;
	int mo, d, pmo, pd;
	int64_t secs = t - floor_div(t, 86400) * 86400;

	toll_civil_from_days(floor_div(t, 86400), &y, &mo, &d);
	toll_civil_from_days(floor_div(prev, 86400), &py, &pmo, &pd);
	switch (u) {
	case U_YEAR:
		snprintf(buf, TOLL_TICK_LABEL, "%lld", (long long)y);
		break;
	case U_MONTH:
		if (first || mo == 1)
			snprintf(buf, TOLL_TICK_LABEL, "%s %lld", month_abbr[mo - 1], (long long)y);
		else
			snprintf(buf, TOLL_TICK_LABEL, "%s", month_abbr[mo - 1]);
		break;
	case U_DAY:
	case U_WEEK:
		if (first || y != py)
			snprintf(buf, TOLL_TICK_LABEL, "%d %s %lld", d, month_abbr[mo - 1], (long long)y);
		else
			snprintf(buf, TOLL_TICK_LABEL, "%d %s", d, month_abbr[mo - 1]);
		break;
	case U_HOUR:
		if (first || secs == 0)
			snprintf(buf, TOLL_TICK_LABEL, "%d %s %02d:00", d, month_abbr[mo - 1],
			         (int)(secs / 3600));
		else
			snprintf(buf, TOLL_TICK_LABEL, "%02d:00", (int)(secs / 3600));
		break;
	}
}

int
toll_ticks_date(int64_t t0, int64_t t1, int m, int days, toll_ticks *out)
{
	/* Years 1 to 9999, as the dates of toll(7). */
	const int64_t tmin = TOLL_TIME_MIN, tmax = TOLL_TIME_MAX;
	size_t s;

	memset(out, 0, sizeof *out);
	if (t0 > t1 || t0 < tmin || t1 > tmax)
		return TOLL_EDATA;
	if (m < 1)
		m = 1;
	if (m > TOLL_TICKS_MAX)
		m = TOLL_TICKS_MAX;
	out->lo = (double)t0;
	out->hi = (double)t1;
	for (s = 0; s < sizeof date_steps / sizeof date_steps[0]; s++) {
		enum unit u = date_steps[s].unit;
		int n = date_steps[s].n, count = 0;
		int64_t t;
		double span = (double)(t1 - t0);

		if (days && u == U_HOUR)
			continue;
		/* Skip steps that would give far too many ticks without walking them. */
		if (span / ((u == U_HOUR ? 3600.0 : u == U_DAY ? 86400.0 : u == U_WEEK ? 604800.0 :
		             u == U_MONTH ? 2419200.0 : 31536000.0) * n) > m + 1)
			continue;
		for (t = date_first(t0, u, n); t <= t1 && t <= tmax; t = date_next(t, u, n))
			count++;
		if (count > m)
			continue;
		out->n = 0;
		for (t = date_first(t0, u, n); t <= t1 && out->n < TOLL_TICKS_MAX; t = date_next(t, u, n)) {
			date_label(t, u, out->n == 0, out->n ? (int64_t)out->v[out->n - 1] : t,
			           out->label[out->n]);
			out->v[out->n++] = (double)t;
		}
		return TOLL_OK;
	}
	return TOLL_OK;
}
