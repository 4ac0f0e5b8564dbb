/*
 * chart/line.c: LINE, y against x (dates or numbers), one line per series
 * and a band from low to high.  The drawing serves STEP too (step.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "toll/keys.h"

/*
 * The vertices to draw for pts[0..n) (indices in x order): all of them when
 * there are few, else per device pixel column its first, lowest, highest
 * and last point, which draws the same picture.  Writes indices to out and
 * returns their count.
 */
static size_t
reduce(const toll_chart *c, const uint32_t *pts, size_t n, uint32_t *out)
{
	double s = c->o.format == TOLL_CHART_PNG ? c->o.scale : 1;
	double cols = (c->px1 - c->px0) * s;
	size_t i = 0, m = 0;

	if ((double)n <= 4 * cols) {
		memcpy(out, pts, n * sizeof *out);
		return n;
	}
	/* Device pixel columns as a linear function of x: one multiply per point. */
	double k = (c->px1 - c->px0) / (c->xhi - c->xlo) * s, b = c->px0 * s - c->xlo * k;

	while (i < n) {
		double col = floor(c->x[pts[i]] * k + b);
		size_t j = i, lo = i, hi = i;

		while (j < n && floor(c->x[pts[j]] * k + b) == col) {
			if (c->y[pts[j]] < c->y[pts[lo]])
				lo = j;
			if (c->y[pts[j]] > c->y[pts[hi]])
				hi = j;
			j++;
		}
		out[m++] = pts[i];
		if (lo < hi) {
			if (lo != i)
				out[m++] = pts[lo];
			if (hi != j - 1)
				out[m++] = pts[hi];
		} else {
			if (hi != i)
				out[m++] = pts[hi];
			if (lo != j - 1 && lo != hi)
				out[m++] = pts[lo];
		}
		if (j - 1 != i)
			out[m++] = pts[j - 1];
		i = j;
	}
	return m;
}

/* A band and a line through the vertices v[0..m) of a series (m >= 1). */
static void
run(toll_chart *c, const uint32_t *v, size_t m, int step, double xend, rgb col)
{
	cairo_t *cr = c->cr;
	size_t k, nb = 0;

	/* The band first, under the line. */
	for (k = 0; k < m; k++)
		nb += band_of(c, v[k]);
	if (nb > 0) {
		for (k = 0; k < m; k++) {
			double x = toll_ch_xmap(c, c->x[v[k]]), y = toll_ch_vmap(c, c->hi[v[k]]);
			if (k == 0)
				cairo_move_to(cr, x, y);
			else if (step)
				cairo_line_to(cr, x, toll_ch_vmap(c, c->hi[v[k - 1]])), cairo_line_to(cr, x, y);
			else
				cairo_line_to(cr, x, y);
		}
		if (step)
			cairo_line_to(cr, xend, toll_ch_vmap(c, c->hi[v[m - 1]])),
			cairo_line_to(cr, xend, toll_ch_vmap(c, c->lo[v[m - 1]]));
		for (k = m; k-- > 0;) {
			double x = toll_ch_xmap(c, c->x[v[k]]), y = toll_ch_vmap(c, c->lo[v[k]]);
			if (step && k + 1 < m)
				cairo_line_to(cr, toll_ch_xmap(c, c->x[v[k + 1]]), y);
			cairo_line_to(cr, x, y);
		}
		cairo_close_path(cr);
		cairo_set_source_rgba(cr, col.r, col.g, col.b, 0.18);
		cairo_fill(cr);
	}
	for (k = 0; k < m; k++) {
		double x = toll_ch_xmap(c, c->x[v[k]]), y = toll_ch_vmap(c, c->y[v[k]]);
		if (k == 0)
			cairo_move_to(cr, x, y);
		else if (step)
			cairo_line_to(cr, x, toll_ch_vmap(c, c->y[v[k - 1]])), cairo_line_to(cr, x, y);
		else
			cairo_line_to(cr, x, y);
	}
	if (step)
		cairo_line_to(cr, xend, toll_ch_vmap(c, c->y[v[m - 1]]));
	toll_ch_set_rgb(cr, col);
	cairo_set_line_width(cr, m > 2000 ? 1.2 : 2);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_stroke(cr);
}

struct end_label {
	double x, y;
	const char *text;
};

static int
by_y(const void *a, const void *b)
{
	const struct end_label *p = a, *q = b;
	return p->y < q->y ? -1 : p->y > q->y;
}

/*
 * Whether a line of n points has a mark at each: when they are few enough
 * to tell apart, at most one per 7 units of the chart's width (known
 * before the layout, so that the legend names the triangles only when
 * they are drawn).  A line of a thousand daily tolls is a line.
 */
int
toll_ch_marked(const toll_chart *c, size_t n)
{
	return (double)n <= c->o.width / 7;
}

/* The labels at the lines' ends: in order down the plot, each at least a line below the one above. */
static int
labels(toll_chart *c, const uint32_t *idx, const size_t *start, size_t ns, int step, double xend)
{
	struct end_label *e = malloc(ns * sizeof *e);
	double lh = toll_ch_line_height(c, SZ_LABEL) + 1;
	size_t s, n = 0, k;

	if (e == NULL)
		return -1;
	for (s = 0; s < ns; s++) {
		uint32_t i;

		if (start[s + 1] == start[s])
			continue;
		i = idx[start[s + 1] - 1];
		if ((e[n].text = toll_ch_label(c, i)) == NULL)
			continue;
		e[n].x = step ? xend : toll_ch_xmap(c, c->x[i]);
		e[n].y = toll_ch_vmap(c, c->y[i]);
		n++;
	}
	qsort(e, n, sizeof *e, by_y);
	for (k = 1; k < n; k++)
		if (e[k].y < e[k - 1].y + lh)
			e[k].y = e[k - 1].y + lh;
	/* Pushed below the plot: back up from its bottom. */
	for (k = n; k-- > 0;) {
		double limit = k + 1 < n ? e[k + 1].y - lh : c->py1;
		if (e[k].y > limit)
			e[k].y = limit;
	}
	for (k = 0; k < n; k++)
		if (toll_ch_value_label(c, e[k].text, e[k].x, e[k].y, 1) != 0) {
			free(e);
			return -1;
		}
	free(e);
	return 0;
}

int
toll_ch_draw_lines(toll_chart *c, int step)
{
	size_t ns = toll_ch_nseries(c), s, *start = malloc((ns + 1) * sizeof *start);
	uint32_t *idx = NULL, *v = NULL;
	cairo_t *cr = c->cr;
	int pass, gaps = !step && c->o.x_bin > 0;
	double xend = toll_ch_xmap(c, c->xhi);

	if (start == NULL || (idx = toll_ch_series_order(c, start)) == NULL ||
	    (v = malloc((c->n ? c->n : 1) * sizeof *v)) == NULL) {
		free(start);
		free(idx);
		return -1;
	}
	/* A step holds its last value to the last report of the chart. */
	if (step) {
		double last = -INFINITY;
		size_t i;
		for (i = 0; i < c->n; i++)
			last = c->x[i] > last ? c->x[i] : last;
		xend = toll_ch_xmap(c, last);
	}
	cairo_save(cr);
	cairo_rectangle(cr, c->px0, toll_ch_clip_top(c), c->px1 - c->px0, c->py1 - toll_ch_clip_top(c) + 1);
	cairo_clip(cr);
	for (s = 0; s < ns; s++) {
		size_t n = start[s + 1] - start[s], m, a, b;
		rgb col = toll_ch_colour(c, s);

		if (n == 0)
			continue;
		m = reduce(c, idx + start[s], n, v);
		/* A line breaks where a bin has no point (bins are told apart only when all are drawn). */
		for (a = 0; a < m; a = b) {
			for (b = a + 1; b < m && !(gaps && m == n && toll_bin_next(c->o.x_bin, (int64_t)c->x[v[b - 1]]) <
			                                             (int64_t)c->x[v[b]]); b++)
				;
			/* A colour the palette had to give twice: dashed, as in the legend; a claim set aside dotted. */
			if (aside_of(c, v[a]))
				cairo_set_dash(cr, (double[]){ 1.5, 3 }, 2, 0);
			else if (toll_ch_repeats(c, s))
				cairo_set_dash(cr, (double[]){ 6, 3 }, 2, 0);
			run(c, v + a, b - a, step, xend, col);
			cairo_set_dash(cr, NULL, 0, 0);
			if (b - a == 1 && (a > 0 || b < m))
				toll_ch_marker(cr, toll_ch_xmap(c, c->x[v[a]]), toll_ch_vmap(c, c->y[v[a]]), 0, col);
		}
	}
	/* Reports are marked when they are few enough to tell apart; the
	 * triangles of open figures last, so another series' dot hides none. */
	for (pass = 0; pass < 2; pass++)
		for (s = 0; s < ns; s++) {
			size_t n = start[s + 1] - start[s], k;
			if (!step && !c->any_open && !c->any_approx && !c->any_adversary)
				break;
			if (!toll_ch_marked(c, n))
				continue;
			for (k = 0; k < n; k++) {
				uint32_t i = idx[start[s] + k];
				/* A claim set aside (the other side's): a hollow diamond, as in the legend. */
				if (aside_of(c, i) && pass == 1)
					toll_ch_adversary_marker(cr, toll_ch_xmap(c, c->x[i]), toll_ch_vmap(c, c->y[i]),
					                         toll_ch_colour(c, s));
				else if (aside_of(c, i))
					continue;
				else if ((step || open_of(c, i) || approx_of(c, i)) && open_of(c, i) == pass)
					toll_ch_marker_of(cr, toll_ch_xmap(c, c->x[i]), toll_ch_vmap(c, c->y[i]), open_of(c, i),
					                  supplied_of(c, i) ? MARK_HOLLOW : approx_of(c, i) ? MARK_APPROX :
					                  MARK_FULL, toll_ch_colour(c, s));
			}
		}
	cairo_restore(cr);
	/* --labels: each series' last figure, where its line ends, moved apart where they would overlap. */
	if (c->lab != NULL && labels(c, idx, start, ns, step, xend) != 0) {
		free(start);
		free(idx);
		free(v);
		return -1;
	}
	free(start);
	free(idx);
	free(v);
	return 0;
}

static int
draw(toll_chart *c, struct layout *L)
{
	(void)L;
	return toll_ch_draw_lines(c, 0);
}

const struct toll_chart_kind_desc toll_ch_line = {
	.name = "line",
	.help = "-y against -x (default: reported), dates or numbers; a line\n"
	        "per --series value and a band from low to high",
	.x_default = "reported",
	.y_default = "best",
	.x_role = ROLE_AXIS,
	.y_role = ROLE_VALUE,
	.flags = KIND_X_AXIS | KIND_SERIES | KIND_ONE_PER_X | KIND_LABELS,
	.swatch = SWATCH_LINE,
	.layout = toll_ch_vertical_layout,
	.draw = draw,
};
