/*
 * chart/step.c: STEP, the revision chart: as LINE, but a value holds until
 * the next one, to the last report of the chart; each report is marked, an
 * open high with a triangle.
 */
#include "chart/chart.h"

static int
draw(toll_chart *c, struct layout *L)
{
	(void)L;
	return toll_ch_draw_lines(c, 1);
}

const struct toll_chart_kind_desc toll_ch_step = {
	.name = "step",
	.help = "as line, each value held until the next: tolls against\n"
	        "their report date; a triangle marks an open-ended figure",
	.x_default = "reported",
	.y_default = "best",
	.x_role = ROLE_AXIS,
	.y_role = ROLE_VALUE,
	.flags = KIND_X_AXIS | KIND_SERIES | KIND_ONE_PER_X | KIND_FROM_ZERO | KIND_LABELS,
	.swatch = SWATCH_LINE,
	.layout = toll_ch_vertical_layout,
	.draw = draw,
};
