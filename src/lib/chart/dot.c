/*
 * chart/dot.c: DOT, a Cleveland dot plot: one row per category, top to
 * bottom, and in it a dot per series at its value, a segment from low to
 * high, an arrow for an open high.  The value axis runs across and need
 * not start at zero, so a log axis shows values that span orders of
 * magnitude truthfully, which bars cannot: a bar is read by its length.
 */
#include <math.h>

#include "chart/chart.h"

static int
draw(toll_chart *c, struct layout *L)
{
	size_t ncat = toll_strmap_count(c->cats), ns = toll_ch_nseries(c), i, k;
	double row = (c->py1 - c->py0) / (double)(ncat ? ncat : 1);
	/* Series of one category side by side down its row, so their ranges never cover each other. */
	double step = ns > 1 ? fmin(row * 0.8 / (double)ns, 10) : 0;
	size_t every = toll_ch_rows_every(c, row);

	for (k = 0; k < ncat; k++) {
		double y = c->py0 + row * ((double)k + 0.5);

		if (k % every == 0 && k < L->ncat)
			toll_ch_row_label(c, L, k, y);
		toll_ch_row_guide(c, y);
	}
	for (i = 0; i < c->n; i++) {
		double y = c->py0 + row * ((double)cat_of(c, i) + 0.5) +
		           step * ((double)ser_of(c, i) - (double)(ns - 1) / 2);

		if (toll_ch_across_point(c, i, y, row) != 0)
			return -1;
	}
	return 0;
}

const struct toll_chart_kind_desc toll_ch_dot = {
	.name = "dot",
	.help = "a row per -x category (default: the first column): a dot at\n"
	        "the -y value, a segment from low to high; with --series, a\n"
	        "dot per series; need not start at 0 (values that span orders\n"
	        "of magnitude: --log-y)",
	.x_default = NULL,
	.y_default = "best",
	.x_role = ROLE_CATEGORY,
	.y_role = ROLE_VALUE,
	.flags = KIND_VALUE_ACROSS | KIND_SERIES | KIND_ONE_PER_CAT | KIND_MARK_VALUE | KIND_LABELS,
	.swatch = SWATCH_DOT,
	.layout = toll_ch_across_layout,
	.draw = draw,
	.x_axis = toll_ch_across_x_axis,
	.open_swatch = toll_ch_across_open_swatch,
};
