/*
 * chart/hist.c: HIST, a histogram of x: bins of a round width on round
 * edges (Freedman-Diaconis, or --bins), counted with GSL.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_statistics_double.h>

#include "chart/chart.h"

static double
nice_up(double x)
{
	double p = pow(10, floor(log10(x))), f = x / p;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

static int
prepare(toll_chart *c)
{
	double *v = malloc((c->n ? c->n : 1) * sizeof *v), lo, hi, width;
	size_t i, nb, n;

	if (v == NULL)
		return -1;
	/* Values outside --xmin and --xmax are left out. */
	for (i = 0, n = 0; i < c->n; i++)
		if ((!c->o.has_xmin || c->x[i] >= c->o.xmin) && (!c->o.has_xmax || c->x[i] <= c->o.xmax))
			v[n++] = c->x[i];
	if (n == 0) {
		free(v);
		return 2;
	}
	gsl_sort(v, 1, n);
	lo = v[0];
	hi = v[n - 1];
	/* A range a double cannot hold bins of. */
	if (!isfinite(hi - lo)) {
		free(v);
		return 1;
	}
	if (c->o.bins > 0) {
		nb = (size_t)c->o.bins;
		if (hi == lo)
			hi = lo + 1;
		width = (hi - lo) / (double)nb;
	} else {
		double iqr = gsl_stats_quantile_from_sorted_data(v, 1, n, 0.75) -
		             gsl_stats_quantile_from_sorted_data(v, 1, n, 0.25);
		width = 2 * iqr / cbrt((double)n);
		/* No spread in the middle half: Sturges' number of bins instead. */
		if (!(width > 0))
			width = (hi - lo) / (ceil(log2((double)n)) + 1);
		if (!(width > 0))
			width = fmax(fabs(lo) * 0.1, 1);
		/* Bins of a round width on round edges, as the axis ticks are. */
		width = nice_up(width);
		/* At most 1,000 bins: counted as a double, which cannot overflow. */
		double nbd;

		lo = floor(lo / width) * width;
		nbd = floor((hi - lo) / width) + 1;
		while (nbd > 1000) {
			width = nice_up(width * 1.01);
			lo = floor(v[0] / width) * width;
			nbd = floor((hi - lo) / width) + 1;
		}
		nb = (size_t)nbd;
		hi = lo + width * (double)nb;
	}
	if ((c->hist = gsl_histogram_alloc(nb)) == NULL) {
		free(v);
		return -1;
	}
	gsl_histogram_set_ranges_uniform(c->hist, lo, hi);
	for (i = 0; i < n; i++) {
		/* The top edge is in the last bin. */
		if (gsl_histogram_increment(c->hist, v[i]) != 0)
			c->hist->bin[nb - 1] += 1;
	}
	free(v);
	return 0;
}

/* ---- output ---- */

/* From zero to the tallest bin; on a log toll_ch_axis, from the smallest bin that is not empty. */
static void
value_range(const toll_chart *c, double *lo, double *hi)
{
	size_t b;

	(void)b;
	/* Counts: on a log axis from 1, the least a bin that is not empty holds. */
	*lo = c->o.log_y ? 1 : 0;
	*hi = gsl_histogram_max_val(c->hist);
}

static void
x_range(const toll_chart *c, double *lo, double *hi)
{
	*lo = gsl_histogram_min(c->hist);
	*hi = gsl_histogram_max(c->hist);
}

static int
draw(toll_chart *c, struct layout *L)
{
	cairo_t *cr = c->cr;
	size_t i, nb = gsl_histogram_bins(c->hist);
	rgb col = toll_ch_colour(c, 0);

	(void)L;
	cairo_save(cr);
	cairo_rectangle(cr, c->px0, c->py0, c->px1 - c->px0, c->py1 - c->py0);
	cairo_clip(cr);
	for (i = 0; i < nb; i++) {
		double a, b, v = gsl_histogram_get(c->hist, i);
		double base = c->o.log_y ? 1 : 0;
		gsl_histogram_get_range(c->hist, i, &a, &b);
		if (v <= 0)
			continue;
		{
			/* A bin of one on a log axis is as high as its floor: a sliver shows it is not empty. */
			double top = fmin(toll_ch_vmap(c, v), toll_ch_vmap(c, base) - 1.5);
			cairo_rectangle(cr, toll_ch_xmap(c, a), top, toll_ch_xmap(c, b) - toll_ch_xmap(c, a),
			                toll_ch_vmap(c, base) - top);
		}
		toll_ch_set_rgb(cr, col);
		cairo_fill_preserve(cr);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_set_line_width(cr, nb > 100 ? 0.3 : 1);
		cairo_stroke(cr);
	}
	cairo_restore(cr);
	return 0;
}

/* ---- axes, legend, titles ---- */

const struct toll_chart_kind_desc toll_ch_hist = {
	.name = "hist",
	.help = "a histogram of the -x column (default: best)",
	.x_default = "best",
	.y_default = NULL,
	.x_role = ROLE_NUMBER,
	.y_role = ROLE_NONE,
	.flags = KIND_X_AXIS | KIND_BINS | KIND_FROM_ZERO | KIND_BARS | KIND_COUNTS,
	.swatch = SWATCH_BOX,
	.prepare = prepare,
	.value_range = value_range,
	.x_range = x_range,
	.layout = toll_ch_vertical_layout,
	.draw = draw,
};
