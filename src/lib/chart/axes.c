/*
 * chart/axes.c: the value axis and the x axis: their ranges, their ticks
 * (as many as fit), the mapping of values to the page, and their drawing.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"

double
toll_ch_vmap(const toll_chart *c, double v)
{
	double lo = c->vt.lo, hi = c->vt.hi, f;

	if (c->o.log_y) {
		v = v > 0 ? log10(v) : log10(lo) - 1;
		lo = log10(lo);
		hi = log10(hi);
	}
	f = (v - lo) / (hi - lo);
	/* The axis stops short of the plot's far edge: dots on the last tick stay whole. */
	if (toll_ch_across(c))
		return c->px0 + f * (c->px1 - VALUE_INSET - c->px0);
	return c->py1 - f * (c->py1 - c->py0 - VALUE_INSET);
}

double
toll_ch_xmap(const toll_chart *c, double x)
{
	return c->px0 + (x - c->xlo) / (c->xhi - c->xlo) * (c->px1 - c->px0);
}

/* A coordinate on the middle of a device pixel, for crisp one-pixel lines. */
double
toll_ch_snap(const toll_chart *c, double v)
{
	double s = c->o.format == TOLL_CHART_PNG ? c->o.scale : 1;
	return (floor(v * s) + 0.5) / s;
}

/* The top of what data may cover: the plot's, or the line of --ymax. */
double
toll_ch_clip_top(const toll_chart *c)
{
	return c->o.has_ymax ? toll_ch_vmap(c, c->vt.hi) - 0.5 : c->py0 - 1;
}

/* ---- value ranges ---- */


/* The range of the points' values (y, and low and high where drawn). */
void
toll_ch_points_range(const toll_chart *c, double *vmin, double *vmax)
{
	double lo = INFINITY, hi = -INFINITY;
	size_t i;

	int clip = (c->kind->flags & KIND_X_AXIS) && (c->o.has_xmin || c->o.has_xmax);

	for (i = 0; i < c->n; i++) {
		/* Points outside --xmin and --xmax are not seen: the axis fits those that are. */
		if (clip && ((c->o.has_xmin && c->x[i] < c->o.xmin) || (c->o.has_xmax && c->x[i] > c->o.xmax)))
			continue;
		/* Plain comparisons: fmin() and fmax() are calls, per point. */
		lo = c->y[i] < lo ? c->y[i] : lo;
		hi = c->y[i] > hi ? c->y[i] : hi;
		if (band_of(c, i)) {
			lo = fmin(lo, c->lo[i]);
			if (!open_of(c, i))
				hi = fmax(hi, c->hi[i]);
		}
		if (c->adv && !isnan(c->adv[i]) && !c->o.stacked) {
			lo = fmin(lo, c->adv[i]);
			hi = fmax(hi, c->adv[i]);
		}
	}
	*vmin = lo;
	*vmax = hi;
}

/* The range of the values drawn against the value axis. */
static void
value_range(toll_chart *c, double *vmin, double *vmax)
{
	double lo, hi;

	if (c->kind->value_range)
		c->kind->value_range(c, &lo, &hi);
	else
		toll_ch_points_range(c, &lo, &hi);
	/* Marks on the value axis are on it. */
	if (c->kind->flags & KIND_MARK_VALUE)
		for (size_t i = 0; i < c->nmarks; i++) {
			lo = fmin(lo, c->marks[i].at);
			hi = fmax(hi, c->marks[i].at);
		}
	/* Bars, counts and tolls are read from zero; a line fits its data. */
	if ((c->kind->flags & KIND_FROM_ZERO) && !c->o.log_y) {
		lo = fmin(lo, 0);
		hi = fmax(hi, 0);
	}
	if (!isfinite(lo) || !isfinite(hi)) {
		lo = 0;
		hi = 1;
	}
	/* Labels above bars need room under the axis's top. */
	if (c->o.labels && (c->kind->flags & KIND_CAT_AXIS) && hi > 0)
		hi = c->o.log_y ? hi * 2 : hi + (hi - fmin(lo, 0)) * 0.08;
	if (c->o.has_ymin)
		lo = c->o.ymin;
	if (c->o.has_ymax)
		hi = c->o.ymax;
	if (lo > hi)
		lo = hi;
	*vmin = lo;
	*vmax = hi;
}

/*
 * The value axis's ticks, about m of them, over the data or --ymin/--ymax;
 * ticks outside a range those set are dropped.  Returns 0 or -1.
 */
int
toll_ch_value_ticks(toll_chart *c, int m)
{
	double lo, hi;

	value_range(c, &lo, &hi);
	if (c->o.log_y) {
		if (lo <= 0)
			lo = hi > 0 ? hi / 10 : 1;
		if (toll_ticks_log(lo, hi, m, &c->vt) != 0)
			return -1;
		/* A histogram's counts on a log axis: from 1. */
		if (c->kind->flags & KIND_BARS)
			c->vt.lo = 1;
		if (c->o.has_ymin)
			c->vt.lo = c->o.ymin;
		if (c->o.has_ymax)
			c->vt.hi = c->o.ymax;
	} else {
		int loose = !(c->o.has_ymin && c->o.has_ymax);
		for (;;) {
			if (toll_ticks_linear(lo, hi, m, loose, &c->vt) != 0)
				return -1;
			/* Counts, and values that are all whole: no ticks between them. */
			if ((!(c->kind->flags & KIND_COUNTS) && c->frac_y) || m <= 2 || c->vt.n < 2 ||
			    c->vt.v[1] - c->vt.v[0] >= 1)
				break;
			m--;
		}
		if (c->o.has_ymin)
			c->vt.lo = c->o.ymin;
		if (c->o.has_ymax)
			c->vt.hi = c->o.ymax;
	}
	if (!(c->vt.hi > c->vt.lo))
		c->vt.hi = c->vt.lo + 1;
	/* Ticks outside a range set by --ymin or --ymax are dropped. */
	{
		size_t i, n = 0;
		double eps = (c->vt.hi - c->vt.lo) * 1e-9;
		for (i = 0; i < c->vt.n; i++) {
			if (c->vt.v[i] < c->vt.lo - eps || c->vt.v[i] > c->vt.hi + eps)
				continue;
			c->vt.v[n] = c->vt.v[i];
			memmove(c->vt.label[n], c->vt.label[i], TOLL_TICK_LABEL);
			n++;
		}
		c->vt.n = n;
	}
	return 0;
}

/* The x range of the points, or the kind's (HIST's bins). */
static void
x_range(const toll_chart *c, double *lo, double *hi)
{
	size_t i;

	*lo = INFINITY;
	*hi = -INFINITY;
	if (c->kind->x_range) {
		c->kind->x_range(c, lo, hi);
		return;
	}
	for (i = 0; i < c->n; i++) {
		*lo = c->x[i] < *lo ? c->x[i] : *lo;
		*hi = c->x[i] > *hi ? c->x[i] : *hi;
	}
}

/* Whether tick labels at these positions, centred, leave room between them. */
int
toll_ch_labels_fit(toll_chart *c, const toll_ticks *t, const double *pos, double left)
{
	double prev_right = left - 1e9;
	size_t i;

	for (i = 0; i < t->n; i++) {
		double w = toll_ch_text_width(c, t->label[i], SZ_TICK, 0);
		if (pos[i] - w / 2 < prev_right + 8)
			return 0;
		prev_right = pos[i] + w / 2;
	}
	return 1;
}

/* Labels without thousands separators: years are written 1914, not 1,914. */
static void
plain_labels(toll_ticks *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		char *p = t->label[i], *q = p;

		for (; *p != '\0'; p++)
			if (*p != ',')
				*q++ = *p;
		*q = '\0';
	}
}

/* Ticks for the x axis of LINE, STEP and HIST, as many as fit. */
int
toll_ch_x_ticks(toll_chart *c)
{
	double lo, hi, pos[TOLL_TICKS_MAX];
	int m;

	x_range(c, &lo, &hi);
	/* Marks on the x axis are on it. */
	if (!(c->kind->flags & KIND_MARK_VALUE))
		for (size_t i = 0; i < c->nmarks; i++) {
			lo = fmin(lo, c->marks[i].at);
			hi = fmax(hi, c->marks[i].at);
		}
	if (c->o.x_dates) {
		double span = hi - lo, pad = span * 0.03;
		/* Dates alone: at least half a day each side, one day for one date. */
		if (!c->o.x_times && pad < 43200)
			pad = span == 0 ? 86400 : 43200;
		else if (span == 0)
			pad = 3600;
		/* Not past the first and last instants a date can be. */
		lo = fmax(floor(lo - pad), (double)TOLL_TIME_MIN);
		hi = fmin(ceil(hi + pad), (double)TOLL_TIME_MAX);
	}
	/* --xmin and --xmax are the axis's ends, padded or not. */
	if (c->o.has_xmin)
		lo = c->o.xmin;
	if (c->o.has_xmax)
		hi = c->o.xmax;
	if (c->o.has_xmin && !c->o.has_xmax && hi <= lo)
		hi = lo + (c->o.x_dates ? 86400 : 1);
	if (c->o.has_xmax && !c->o.has_xmin && lo >= hi)
		lo = hi - (c->o.x_dates ? 86400 : 1);
	for (m = (int)((c->px1 - c->px0) / 60) + 2; m >= 1; m--) {
		size_t i;
		int rc;

		if (c->o.x_dates)
			rc = toll_ticks_date((int64_t)lo, (int64_t)hi, m, !c->o.x_times, &c->xt);
		else
			rc = toll_ticks_linear(lo, hi, m < 2 ? 2 : m, !(c->o.has_xmin || c->o.has_xmax), &c->xt);
		if (rc != 0)
			return -1;
		/* Whole numbers on x (years, counts, a histogram of counts): whole ticks. */
		if (!c->o.x_dates && !c->frac_x && m > 2 && c->xt.n >= 2 && c->xt.v[1] - c->xt.v[0] < 1)
			continue;
		if (c->o.x_years)
			plain_labels(&c->xt);
		c->xlo = c->xt.lo;
		c->xhi = c->xt.hi;
		if (!(c->xhi > c->xlo)) {
			c->xlo -= 1;
			c->xhi += 1;
		}
		for (i = 0; i < c->xt.n; i++)
			pos[i] = toll_ch_xmap(c, c->xt.v[i]);
		if (toll_ch_labels_fit(c, &c->xt, pos, c->px0) || m <= 2)
			break;
	}
	return 0;
}

/* ---- the layout ---- */

/* ---- axes, legend, titles ---- */

void
toll_ch_draw_value_axis(toll_chart *c)
{
	cairo_t *cr = c->cr;
	size_t i;
	int horiz = toll_ch_across(c);

	/* Grid lines first, under the data. */
	cairo_set_line_width(cr, 1.0 / (c->o.format == TOLL_CHART_PNG ? c->o.scale : 1));
	toll_ch_set_rgb(cr, toll_ch_grid);
	for (i = 0; i < c->vt.n; i++) {
		double p = toll_ch_snap(c, toll_ch_vmap(c, c->vt.v[i]));
		if (horiz) {
			cairo_move_to(cr, p, c->py0);
			cairo_line_to(cr, p, c->py1);
		} else {
			cairo_move_to(cr, c->px0, p);
			cairo_line_to(cr, c->px1, p);
		}
	}
	cairo_stroke(cr);
}

void
toll_ch_draw_value_labels(toll_chart *c)
{
	size_t i;

	for (i = 0; i < c->vt.n; i++) {
		double p = toll_ch_vmap(c, c->vt.v[i]);
		if (toll_ch_across(c))
			toll_ch_show_text(c, c->vt.label[i], SZ_TICK, 0, p, c->py1 + TICK_LEN + 2, 0.5, 0, toll_ch_ink_soft);
		else
			toll_ch_show_text(c, c->vt.label[i], SZ_TICK, 0, c->px0 - LABEL_GAP, p, 1, 0.5, toll_ch_ink_soft);
	}
}

void
toll_ch_draw_x_axis(toll_chart *c, struct layout *L)
{
	cairo_t *cr = c->cr;
	double lw = 1.0 / (c->o.format == TOLL_CHART_PNG ? c->o.scale : 1);
	double base = c->py1;
	size_t i;

	if ((c->kind->flags & KIND_CAT_AXIS) && !c->across && !c->o.log_y && c->vt.lo < 0 && c->vt.hi > 0)
		base = toll_ch_vmap(c, 0);
	cairo_set_line_width(cr, lw);
	toll_ch_set_rgb(cr, toll_ch_axis);
	cairo_move_to(cr, c->px0, toll_ch_snap(c, base));
	cairo_line_to(cr, c->px1, toll_ch_snap(c, base));
	cairo_stroke(cr);
	if (c->kind->x_axis != NULL) {
		c->kind->x_axis(c, L);
		return;
	}
	toll_ch_set_rgb(cr, toll_ch_axis);
	for (i = 0; i < c->xt.n; i++) {
		double x = toll_ch_snap(c, toll_ch_xmap(c, c->xt.v[i]));
		cairo_move_to(cr, x, c->py1);
		cairo_line_to(cr, x, c->py1 + TICK_LEN);
	}
	cairo_stroke(cr);
	for (i = 0; i < c->xt.n; i++)
		toll_ch_show_text(c, c->xt.label[i], SZ_TICK, 0, toll_ch_xmap(c, c->xt.v[i]), c->py1 + TICK_LEN + 2, 0.5, 0,
		          toll_ch_ink_soft);
}

/*
 * The reference lines of --mark, dashed, each with its label at the top
 * (x marks) or at the right end (marks on an upright value axis).
 */
int
toll_ch_draw_marks(toll_chart *c)
{
	cairo_t *cr = c->cr;
	size_t i;
	int on_value = (c->kind->flags & KIND_MARK_VALUE) != 0;
	int across = on_value && !toll_ch_across(c);

	for (i = 0; i < c->nmarks; i++) {
		double p = on_value ? toll_ch_vmap(c, c->marks[i].at) : toll_ch_xmap(c, c->marks[i].at);
		const char *label = c->marks[i].label;

		if (across ? p < c->py0 - 0.5 || p > c->py1 + 0.5 : p < c->px0 - 0.5 || p > c->px1 + 0.5)
			continue;
		cairo_save(cr);
		toll_ch_set_rgb(cr, toll_ch_ink_soft);
		cairo_set_line_width(cr, 1.2);
		cairo_set_dash(cr, (double[]){ 5, 3 }, 2, 0);
		if (across) {
			cairo_move_to(cr, c->px0, toll_ch_snap(c, p));
			cairo_line_to(cr, c->px1, toll_ch_snap(c, p));
		} else {
			cairo_move_to(cr, toll_ch_snap(c, p), c->py0);
			cairo_line_to(cr, toll_ch_snap(c, p), c->py1);
		}
		cairo_stroke(cr);
		cairo_restore(cr);
		if (label == NULL || *label == '\0')
			continue;
		if (across) {
			/* Above the line at its right end, else below it, else at its left end. */
			struct toll_ch_spot sp[] = {
				{ c->px1 - 2, p - 2, 1, 1, NULL, 0 }, { c->px1 - 2, p + 2, 1, 0, NULL, 0 },
				{ c->px0 + 2, p - 2, 0, 1, NULL, 0 },
			};
			if (toll_ch_place(c, TX_MARK, label, 0, sp, 3) != 0)
				return -1;
		} else {
			double w = toll_ch_text_width(c, label, SZ_LABEL, 0), lh = toll_ch_line_height(c, SZ_LABEL);
			/* Right of the line, or left of it where the plot ends; lower down where another is. */
			struct toll_ch_spot sp[] = {
				{ p + 4, c->py0 + 1, 0, 0, NULL, 0 }, { p - 4, c->py0 + 1, 1, 0, NULL, 0 },
				{ p + 4, c->py0 + 1 + lh, 0, 0, NULL, 0 }, { p - 4, c->py0 + 1 + lh, 1, 0, NULL, 0 },
				{ p + 4, c->py0 + 1 + 2 * lh, 0, 0, NULL, 0 },
			};
			size_t first = p + 4 + w <= c->px1 ? 0 : 1;
			if (toll_ch_place(c, TX_MARK, label, 0, sp + first, 5 - first) != 0)
				return -1;
		}
	}
	return 0;
}
