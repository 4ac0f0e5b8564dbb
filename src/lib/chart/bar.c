/*
 * chart/bar.c: BAR, categories along x; one bar per series in each, side
 * by side or stacked; whiskers from low to high.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"

/* Stacked: the range of the totals per category (positive parts up, negative down). */
static void
value_range(const toll_chart *c, double *vmin, double *vmax)
{
	double lo = INFINITY, hi = -INFINITY;
	size_t i;

	if (!c->o.stacked) {
		toll_ch_points_range(c, vmin, vmax);
		return;
	}
	{
		/* Totals per category (positive parts up, negative down). */
		size_t ncat = toll_strmap_count(c->cats), k;
		double *up = calloc(ncat ? ncat : 1, sizeof *up), *down = calloc(ncat ? ncat : 1, sizeof *down);
		double *top = calloc(ncat ? ncat : 1, sizeof *top);

		if (up && down && top) {
			for (i = 0; i < c->n; i++) {
				uint32_t k2 = cat_of(c, i);
				if (c->y[i] >= 0) {
					up[k2] += c->y[i];
					top[k2] += band_of(c, i) && !open_of(c, i) ? c->hi[i] : c->y[i];
				} else {
					down[k2] += c->y[i];
				}
			}
			for (k = 0; k < ncat; k++) {
				lo = fmin(lo, down[k]);
				hi = fmax(hi, fmax(up[k], top[k]));
			}
		}
		free(up);
		free(down);
		free(top);
	}
	*vmin = lo;
	*vmax = hi;
}

/*
 * The ends of the bars, whiskers aside: the lowest and highest value (a
 * stack's totals), 0 included; -1 when out of memory.  HIST's are its bins.
 */
int
toll_ch_bar_ends(const toll_chart *c, double *lo, double *hi)
{
	size_t ncat = toll_strmap_count(c->cats), i;
	double *up, *down;

	*lo = *hi = 0;
	if (c->hist != NULL) {
		*hi = gsl_histogram_max_val(c->hist);
		return 0;
	}
	if (!c->o.stacked) {
		for (i = 0; i < c->n; i++) {
			*lo = fmin(*lo, c->y[i]);
			*hi = fmax(*hi, c->y[i]);
		}
		return 0;
	}
	up = calloc(ncat ? ncat : 1, sizeof *up);
	down = calloc(ncat ? ncat : 1, sizeof *down);
	if (up == NULL || down == NULL) {
		free(up), free(down);
		return -1;
	}
	for (i = 0; i < c->n; i++) {
		double *sum = c->y[i] >= 0 ? up : down;
		sum[cat_of(c, i)] += c->y[i];
		*lo = fmin(*lo, down[cat_of(c, i)]);
		*hi = fmax(*hi, up[cat_of(c, i)]);
	}
	free(up), free(down);
	return 0;
}

/*
 * A bar's label in the forms that fit its width, longest first: the whole
 * notation, else the range without its best ("3,702–3,822"), else the
 * best alone; out[0] the longest that fits, out[1] the shortest.
 */
static void
shorter(toll_chart *c, const char *label, double width, char out[2][96])
{
	const char *paren = strstr(label, " (");

	snprintf(out[0], 96, "%s", label);
	snprintf(out[1], 96, "%s", label);
	if (paren == NULL)
		return;
	snprintf(out[1], 96, "%.*s", (int)(strlen(paren + 2) - 1), paren + 2);
	if (toll_ch_text_width(c, label, SZ_LABEL, 1) <= width)
		return;
	snprintf(out[0], 96, "%.*s", (int)(paren - label), label);
	if (toll_ch_text_width(c, out[0], SZ_LABEL, 1) <= width)
		return;
	snprintf(out[0], 96, "%s", out[1]);
}

/*
 * A rectangle of the bar chart in its own terms: from a to b along the
 * category axis, from value v0 to v1 on the value axis; drawn up, or
 * across when the bars lie.
 */
static void
bar_rect(toll_chart *c, double a, double b, double v0, double v1)
{
	double p = toll_ch_vmap(c, v0), q = toll_ch_vmap(c, v1);

	if (c->across)
		cairo_rectangle(c->cr, fmin(p, q), a, fabs(p - q), b - a);
	else
		cairo_rectangle(c->cr, a, fmin(p, q), b - a, fabs(p - q));
}

/*
 * Bar i (from a, w wide, v0 to v1) and its whisker as shapes the labels
 * keep clear of (toll_ch_rect_add()), in the plot: an open whisker's
 * arrow is 22 units past its high, as toll_ch_whisker() draws it.
 */
static void
obstacles(toll_chart *c, size_t i, double a, double w, double v0, double v1)
{
	double p = toll_ch_vmap(c, v0), q = toll_ch_vmap(c, v1), cap = fmin(w * 0.35, 10) / 2, m = a + w / 2;

	if (c->across)
		toll_ch_rect_add(c, fmin(p, q), a, fmax(p, q), a + w);
	else
		toll_ch_rect_add(c, a, fmin(p, q), a + w, fmax(p, q));
	if (!band_of(c, i))
		return;
	p = toll_ch_vmap(c, c->lo[i]);
	q = toll_ch_vmap(c, c->hi[i]);
	if (c->across) {
		q = open_of(c, i) ? fmin(q + 22, c->px1 - 1) : q;
		toll_ch_rect_add(c, fmin(p, q), m - cap, fmax(p, q), m + cap);
	} else {
		q = open_of(c, i) ? fmax(q - 22, c->py0 + 1) : q;
		toll_ch_rect_add(c, m - cap, fmin(p, q), m + cap, fmax(p, q));
	}
}

/*
 * One function (125 lines): a bar chart's parts are drawn in one pass over
 * the categories and series, in the order they overlap.  Across, the
 * category axis runs down from the plot's top.
 */
static int
draw(toll_chart *c, struct layout *L)
{
	size_t ncat = toll_strmap_count(c->cats), ns = toll_ch_nseries(c), i, k;
	double c0 = c->across ? c->py0 : c->px0, c1 = c->across ? c->py1 : c->px1;
	double band = (c1 - c0) / (double)(ncat ? ncat : 1);
	(void)L;
	/* Bars stand on zero (never on a log axis: refused); stacks always add up from zero. */
	double base = fmax(c->vt.lo, fmin(0, c->vt.hi));
	double *up = NULL, *down = NULL, *tlo = NULL, *thi = NULL;
	int *topen = NULL, *tband = NULL;
	cairo_t *cr = c->cr;

	if (c->o.stacked) {
		size_t nc = ncat ? ncat : 1;
		up = calloc(nc, sizeof *up);
		down = calloc(nc, sizeof *down);
		tlo = calloc(nc, sizeof *tlo);
		thi = calloc(nc, sizeof *thi);
		topen = calloc(nc, sizeof *topen);
		tband = calloc(nc, sizeof *tband);
		if (!up || !down || !tlo || !thi || !topen || !tband) {
			free(up), free(down), free(tlo), free(thi), free(topen), free(tband);
			return -1;
		}
		/* calloc: up and down start at zero, whatever the axis shows. */
	}
	cairo_save(cr);
	if (c->across)
		cairo_rectangle(cr, c->px0, c->py0 - 1, c->px1 - c->px0 + 1, c->py1 - c->py0 + 2);
	else
		cairo_rectangle(cr, c->px0, toll_ch_clip_top(c), c->px1 - c->px0, c->py1 - toll_ch_clip_top(c));
	cairo_clip(cr);
	for (i = 0; i < c->n; i++) {
		uint32_t cat = cat_of(c, i), s = ser_of(c, i);
		double x, w, y0, y1, v = c->y[i];
		rgb col = toll_ch_colour(c, s);

		if (c->o.stacked) {
			w = band * 0.6;
			x = c0 + band * cat + band * 0.2;
			if (v >= 0) {
				y0 = up[cat];
				up[cat] += v;
				y1 = up[cat];
			} else {
				y0 = down[cat];
				down[cat] += v;
				y1 = down[cat];
			}
			tlo[cat] += band_of(c, i) ? c->lo[i] : v;
			thi[cat] += band_of(c, i) && !open_of(c, i) ? c->hi[i] : v;
			topen[cat] |= open_of(c, i);
			tband[cat] |= band_of(c, i);
		} else {
			w = band * 0.8 / (double)ns;
			x = c0 + band * cat + band * 0.1 + w * s;
			y0 = base;
			y1 = v;
		}
		{
			/* A hairline between neighbours keeps adjacent bars apart. */
			double gap = !c->o.stacked && ns > 1 ? fmin(1.0, w * 0.08) : 0;
			toll_ch_set_rgb(cr, col);
			if (supplied_of(c, i)) {
				/* A best toll supplied, no source's: hollow, its outline the series' colour. */
				double inset = fmin(1.0, (w - 2 * gap) / 4), a = toll_ch_vmap(c, y0), b = toll_ch_vmap(c, y1);

				if (c->across)
					cairo_rectangle(cr, fmin(a, b) + inset, x + gap + inset, fmax(fabs(a - b) - 2 * inset, 0),
					                w - 2 * gap - 2 * inset);
				else
					cairo_rectangle(cr, x + gap + inset, fmin(a, b) + inset, w - 2 * gap - 2 * inset,
					                fmax(fabs(a - b) - 2 * inset, 0));
				cairo_set_line_width(cr, 2 * inset);
				cairo_stroke(cr);
			} else if (approx_of(c, i)) {
				/* An approximate figure: light, its outline the series' colour. */
				bar_rect(c, x + gap + 0.6, x + w - gap - 0.6, y0, y1);
				toll_ch_set_rgb(cr, toll_ch_light(col));
				cairo_fill_preserve(cr);
				toll_ch_set_rgb(cr, col);
				cairo_set_line_width(cr, 1.2);
				cairo_stroke(cr);
			} else {
				bar_rect(c, x + gap, x + w - gap, y0, y1);
				cairo_fill(cr);
			}
		}
		if (!c->o.stacked && band_of(c, i))
			toll_ch_whisker(c, x + w / 2, c->lo[i], c->hi[i], open_of(c, i), fmin(w * 0.35, 10));
		/* The bar and its whisker are in the way of other bars' labels (a stack's sit inside it). */
		if (!c->o.stacked)
			obstacles(c, i, x, w, y0, y1);
		/* What the other side claims of this toll, set aside: a hollow diamond on the bar's axis. */
		if (!c->o.stacked && c->adv != NULL && !isnan(c->adv[i])) {
			double p = toll_ch_vmap(c, c->adv[i]);
			toll_ch_adversary_marker(cr, c->across ? p : x + w / 2, c->across ? x + w / 2 : p, toll_ch_ink);
			toll_ch_shape_add(c, c->across ? p : x + w / 2, c->across ? x + w / 2 : p, 6);
		}
	}
	if (c->o.stacked) {
		for (k = 0; k < ncat; k++)
			if (tband[k])
				toll_ch_whisker(c, c0 + band * k + band / 2, tlo[k], thi[k], topen[k],
				        fmin(band * 0.2, 10));
	}
	cairo_restore(cr);
	/* --labels: above each bar and its whisker; inside a stack's part, where it fits. */
	for (i = 0; i < c->n && c->lab != NULL; i++) {
		const char *label = toll_ch_label(c, i);
		uint32_t cat = cat_of(c, i), s = ser_of(c, i);
		char buf[2][96];
		double x, top, lh = toll_ch_line_height(c, SZ_LABEL);

		if (label == NULL)
			continue;
		if (c->o.stacked) {
			double a = 0, lw = toll_ch_text_width(c, label, SZ_LABEL, 1);
			size_t j;

			/* The part's place in its stack: the parts before it in its category. */
			for (j = 0; j < i; j++)
				if (cat_of(c, j) == cat && (c->y[j] >= 0) == (c->y[i] >= 0))
					a += c->y[j];
			x = c0 + band * cat + band / 2;
			double len = fabs(toll_ch_vmap(c, a) - toll_ch_vmap(c, a + c->y[i]));
			double mid = (toll_ch_vmap(c, a) + toll_ch_vmap(c, a + c->y[i])) / 2;
			if (c->across ? len >= lw + 4 && band * 0.6 >= lh : len >= lh && lw <= band * 0.6 - 2) {
				struct toll_ch_spot sp = { c->across ? mid : x, c->across ? x : mid, 0.5, 0.5, NULL, 1 };
				if (toll_ch_place(c, TX_LABEL, label, 1, &sp, 1) != 0)
					goto oom;
			}
			continue;
		}
		{
			double w = band * 0.8 / (double)ns;
			x = c0 + band * cat + band * 0.1 + w * s + w / 2;
			shorter(c, label, c->across ? INFINITY : w + band * 0.2 / (double)ns - 2, buf);
		}
		top = c->y[i];
		if (band_of(c, i) && !open_of(c, i))
			top = fmax(top, c->hi[i]);
		if (c->across) {
			/* Right of the bar and its whisker (left of a bar under zero), whole or shorter. */
			int neg = c->y[i] < 0;
			double v = neg ? toll_ch_vmap(c, c->y[i]) - 3 : band_of(c, i) && open_of(c, i) ?
			           fmin(toll_ch_vmap(c, c->hi[i]) + 22, c->px1 - 1) + 3 : toll_ch_vmap(c, top) + 3;
			struct toll_ch_spot sp[] = {
				{ v, x, neg ? 1 : 0, 0.5, buf[0], 0 }, { v, x, neg ? 1 : 0, 0.5, buf[1], 0 },
			};
			if (toll_ch_place(c, TX_LABEL, label, 1, sp, 2) != 0)
				goto oom;
			continue;
		}
		{
			/*
			 * Above the bar and its whisker (below a bar under zero); where that is
			 * taken, the shorter forms, then a line higher (lower).
			 */
			int neg = c->y[i] < 0;
			double y = neg ? toll_ch_vmap(c, c->y[i]) + 3 : band_of(c, i) && open_of(c, i) ?
			           fmax(toll_ch_vmap(c, c->hi[i]) - 22, c->py0 + 1) - 3 : toll_ch_vmap(c, top) - 3;
			double ay = neg ? 0 : 1, dy = neg ? lh : -lh;
			struct toll_ch_spot sp[] = {
				{ x, y, 0.5, ay, buf[0], 0 }, { x, y, 0.5, ay, buf[1], 0 },
				{ x, y + dy, 0.5, ay, buf[0], 0 }, { x, y + dy, 0.5, ay, buf[1], 0 },
				{ x, y + 2 * dy, 0.5, ay, buf[1], 0 },
			};
			if (toll_ch_place(c, TX_LABEL, label, 1, sp, sizeof sp / sizeof sp[0]) != 0)
				goto oom;
		}
	}
	free(up), free(down), free(tlo), free(thi), free(topen), free(tband);
	return 0;
oom:
	free(up), free(down), free(tlo), free(thi), free(topen), free(tband);
	return -1;
}

/* Up, the value axis's layout; across, the rows' (as DOT's). */
static int
layout(toll_chart *c, struct layout *L, double left, double tick_h)
{
	if (c->across)
		return toll_ch_across_layout(c, L, left, tick_h);
	return toll_ch_vertical_layout(c, L, left, tick_h);
}

/* The category labels under the bars: wrapped in their band, or turned 45 degrees; across, left of them. */
static void
x_axis(toll_chart *c, struct layout *L)
{
	cairo_t *cr = c->cr;
	size_t ncat = toll_strmap_count(c->cats), i;
	double band = (c->px1 - c->px0) / (double)(ncat ? ncat : 1);

	c->role = TX_CATEGORY;
	if (c->across) {
		band = (c->py1 - c->py0) / (double)(ncat ? ncat : 1);
		for (i = 0; i < L->ncat; i++)
			toll_ch_row_label(c, L, i, c->py0 + band * ((double)i + 0.5));
		return;
	}
	for (i = 0; i < L->ncat; i += L->every) {
		double x = c->px0 + band * (i + 0.5), w, h;
		toll_ch_extent(L->catl[i], &w, &h);
		if (L->rotate) {
			cairo_save(cr);
			cairo_translate(cr, x + 3, c->py1 + TICK_LEN);
			cairo_rotate(cr, -M_PI / 4);
			toll_ch_show(c, L->catl[i], 0, 0, 1, 0, toll_ch_ink_soft);
			cairo_restore(cr);
		} else {
			double lw2 = (double)pango_layout_get_width(L->catl[i]) / PANGO_SCALE;
			toll_ch_show(c, L->catl[i], x - lw2 / 2, c->py1 + TICK_LEN + 2, 0, 0, toll_ch_ink_soft);
		}
	}
}

/* "At least", as the whiskers show it: up. */
static void
open_swatch(toll_chart *c, double x, double y)
{
	cairo_t *cr = c->cr;

	toll_ch_set_rgb(cr, toll_ch_ink_soft);
	cairo_set_line_width(cr, 1.3);
	cairo_move_to(cr, x + SWATCH / 2, y + 6);
	cairo_line_to(cr, x + SWATCH / 2, y - 2);
	cairo_stroke(cr);
	toll_ch_arrow_head(cr, x + SWATCH / 2, y - 7, 0, -1);
}

const struct toll_chart_kind_desc toll_ch_bar = {
	.name = "bar",
	.help = "a bar per -x category (default: the first column) of the -y\n"
	        "value; with --series, bars side by side or --stacked;\n"
	        "whiskers from the low and high columns",
	.x_default = NULL,
	.y_default = "best",
	.x_role = ROLE_CATEGORY,
	.y_role = ROLE_VALUE,
	.flags = KIND_CAT_AXIS | KIND_ONE_PER_CAT | KIND_STACKS | KIND_SERIES | KIND_FROM_ZERO | KIND_BARS |
	         KIND_MARK_VALUE | KIND_LABELS,
	.swatch = SWATCH_BOX,
	.value_range = value_range,
	.layout = layout,
	.draw = draw,
	.x_axis = x_axis,
	.open_swatch = open_swatch,
};
