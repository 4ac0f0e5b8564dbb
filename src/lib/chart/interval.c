/*
 * chart/interval.c: INTERVAL, one row per point, top to bottom: a dot at
 * y, a segment from low to high, an arrow for an open high, labelled by
 * category.  Its value axis runs across.
 */
#include <math.h>

#include "chart/chart.h"

/*
 * Labels left, the value axis across the bottom, its ticks as many as fit:
 * INTERVAL's and DOT's.
 */
int
toll_ch_across_layout(toll_chart *c, struct layout *L, double left, double tick_h)
{
	const toll_chart_opts *o = &c->o;
	double W = o->width, bottom = L->bottom, w, maxw = 0;
	size_t i;
	int pass;

	/* Rows tall enough for two lines of a name get them: its end ("(civilian)") is not cut. */
	{
		size_t rows = (c->kind->flags & KIND_ROWS) ? c->n : toll_strmap_count(c->cats);
		double lh = toll_ch_line_height(c, SZ_TICK);
		double row = (bottom - tick_h - TICK_LEN - LABEL_GAP - L->top) / (double)(rows ? rows : 1);

		if (toll_ch_category_labels(c, L, W * 0.35, row >= 2.2 * lh ? 2 : 1) != 0)
			return -1;
	}
	for (i = 0; i < L->ncat; i++) {
		toll_ch_extent(L->catl[i], &w, NULL);
		maxw = fmax(maxw, w);
	}
	c->px0 = left + maxw + LABEL_GAP + 4;
	c->px1 = W - PAD;
	c->py0 = L->top;
	c->py1 = bottom - tick_h - TICK_LEN - LABEL_GAP;
	for (pass = 0; pass < 4; pass++) {
		double pos[TOLL_TICKS_MAX], over;
		size_t k;
		int m;

		for (m = (int)((c->px1 - c->px0) / 70) + 2; m >= 2; m--) {
			if (toll_ch_value_ticks(c, m) != 0)
				return -1;
			for (k = 0; k < c->vt.n; k++)
				pos[k] = toll_ch_vmap(c, c->vt.v[k]);
			if (toll_ch_labels_fit(c, &c->vt, pos, c->px0))
				break;
		}
		/* The last label may not run past the edge. */
		if (c->vt.n == 0)
			break;
		w = toll_ch_text_width(c, c->vt.label[c->vt.n - 1], SZ_TICK, 0);
		over = toll_ch_vmap(c, c->vt.v[c->vt.n - 1]) + w / 2 - (W - PAD);
		if (over <= 0.5)
			break;
		c->px1 -= over;
	}
	return 0;
}

/* The label of row k (of L->catl) left of the plot, centred on y. */
void
toll_ch_row_label(toll_chart *c, struct layout *L, size_t k, double y)
{
	PangoLayout *l = L->catl[k];
	double w, h;

	toll_ch_extent(l, &w, &h);
	toll_ch_show(c, l, c->px0 - LABEL_GAP - 4 - (double)pango_layout_get_width(l) / PANGO_SCALE,
	             y - h / 2, 0, 0, toll_ch_ink_soft);
}

/* A faint guide across the plot at y, from a row's label. */
void
toll_ch_row_guide(toll_chart *c, double y)
{
	cairo_t *cr = c->cr;

	cairo_set_source_rgb(cr, 0.94, 0.94, 0.94);
	cairo_set_line_width(cr, 1.0 / (c->o.format == TOLL_CHART_PNG ? c->o.scale : 1));
	cairo_move_to(cr, c->px0, toll_ch_snap(c, y));
	cairo_line_to(cr, c->px1, toll_ch_snap(c, y));
	cairo_stroke(cr);
}

/*
 * Point i at height y, the value across: a dot at its value, a segment
 * from low to high, an arrow for an open high; its --labels figure right
 * of it (or left of it where the plot ends).  clip_h: how far above and
 * below the plot its row may reach.
 */
int
toll_ch_across_point(toll_chart *c, size_t i, double y, double clip_h)
{
	cairo_t *cr = c->cr;
	rgb col = toll_ch_colour(c, ser_of(c, i));

	cairo_save(cr);
	cairo_rectangle(cr, c->px0, c->py0 - clip_h, c->px1 - c->px0 + 1, c->py1 - c->py0 + 2 * clip_h);
	cairo_clip(cr);
	/* An open high: an arrow a little past the figure, not across the plot (which would read as a range). */
	double reach = fmin(toll_ch_vmap(c, c->y[i]) + 24, c->px1 - 1);

	if (band_of(c, i)) {
		double a = toll_ch_vmap(c, c->lo[i]), b = open_of(c, i) ? fmax(reach, a + 12) : toll_ch_vmap(c, c->hi[i]);
		toll_ch_set_rgb(cr, col);
		cairo_set_line_width(cr, 2.5);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
		cairo_move_to(cr, a, y);
		cairo_line_to(cr, open_of(c, i) ? b - 5 : b, y);
		cairo_stroke(cr);
		if (open_of(c, i))
			toll_ch_arrow_head(cr, b, y, 1, 0);
	} else if (open_of(c, i)) {
		double a = toll_ch_vmap(c, c->y[i]), b = reach;
		toll_ch_set_rgb(cr, col);
		cairo_set_line_width(cr, 1.2);
		cairo_set_dash(cr, (double[]){ 3, 3 }, 2, 0);
		cairo_move_to(cr, a, y);
		cairo_line_to(cr, b - 5, y);
		cairo_stroke(cr);
		cairo_set_dash(cr, NULL, 0, 0);
		toll_ch_arrow_head(cr, b, y, 1, 0);
	}
	/* What the other side claims of this toll, set aside: a hollow diamond, under the dot. */
	if (c->adv != NULL && !isnan(c->adv[i])) {
		toll_ch_adversary_marker(cr, toll_ch_vmap(c, c->adv[i]), y, col);
		toll_ch_shape_add(c, toll_ch_vmap(c, c->adv[i]), y, 6);
	}
	toll_ch_shape_add(c, toll_ch_vmap(c, c->y[i]), y, aside_of(c, i) ? 6 : 4.5);
	if (aside_of(c, i)) {
		/* A claim set aside (one party's about another's losses): a hollow diamond, not a dot. */
		cairo_restore(cr);
		toll_ch_adversary_marker(cr, toll_ch_vmap(c, c->y[i]), y, col);
		goto label;
	}
	cairo_new_sub_path(cr);
	cairo_arc(cr, toll_ch_vmap(c, c->y[i]), y, 4.2, 0, 2 * M_PI);
	if (supplied_of(c, i)) {
		/* A best toll supplied (a range's middle), no source's: a hollow dot. */
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_fill_preserve(cr);
		toll_ch_set_rgb(cr, col);
		cairo_set_line_width(cr, 1.6);
		cairo_stroke(cr);
	} else if (approx_of(c, i)) {
		/* An approximate figure ("about 30,000"): light, its outline the series' colour. */
		toll_ch_set_rgb(cr, toll_ch_light(col));
		cairo_fill_preserve(cr);
		toll_ch_set_rgb(cr, col);
		cairo_set_line_width(cr, 1.6);
		cairo_stroke(cr);
	} else {
		toll_ch_set_rgb(cr, col);
		cairo_fill_preserve(cr);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_set_line_width(cr, 1.2);
		cairo_stroke(cr);
	}
	cairo_restore(cr);
label:
	/* --labels: right of the interval, or left of it where the plot ends. */
	if (toll_ch_label(c, i) != NULL) {
		const char *label = toll_ch_label(c, i);
		double right = open_of(c, i) ? fmax(reach, toll_ch_vmap(c, c->lo[i]) + 12) + 4 :
		               toll_ch_vmap(c, band_of(c, i) ? c->hi[i] : c->y[i]) + 6;
		double left = toll_ch_vmap(c, band_of(c, i) ? c->lo[i] : c->y[i]) - 6;
		double dot = toll_ch_vmap(c, c->y[i]);
		/*
		 * Right of the interval, else left of it (not over the row's name), else above or
		 * below the line past the dot.
		 */
		struct toll_ch_spot sp[] = {
			{ right + 2, y, 0, 0.5, NULL, 0 }, { left - 2, y, 1, 0.5, NULL, 0 },
			{ dot + 6, y - 2, 0, 1, NULL, 0 }, { dot + 6, y + 2, 0, 0, NULL, 0 },
			{ dot - 6, y - 2, 1, 1, NULL, 0 },
		};
		return toll_ch_place(c, TX_LABEL, label, 1, sp, sizeof sp / sizeof sp[0]);
	}
	return 0;
}

/* Every how many rows of height row a label fits. */
size_t
toll_ch_rows_every(toll_chart *c, double row)
{
	size_t every = (size_t)ceil(toll_ch_line_height(c, SZ_TICK) * 1.1 / row);

	return every < 1 ? 1 : every;
}

static int
draw(toll_chart *c, struct layout *L)
{
	double row = (c->py1 - c->py0) / (double)(c->n ? c->n : 1);
	size_t every = toll_ch_rows_every(c, row), i;

	for (i = 0; i < c->n; i++) {
		double y = c->py0 + row * (i + 0.5);

		if (i % every == 0 && cat_of(c, i) < L->ncat)
			toll_ch_row_label(c, L, cat_of(c, i), y);
		toll_ch_row_guide(c, y);
		if (toll_ch_across_point(c, i, y, row) != 0)
			return -1;
	}
	return 0;
}

/* A plain axis line: the value labels are the ticks (INTERVAL's and DOT's). */
void
toll_ch_across_x_axis(toll_chart *c, struct layout *L)
{
	(void)c;
	(void)L;
}

/* "At least": an arrow to the right, as the rows show it. */
void
toll_ch_across_open_swatch(toll_chart *c, double x, double y)
{
	cairo_t *cr = c->cr;

	toll_ch_set_rgb(cr, toll_ch_ink_soft);
	cairo_set_line_width(cr, 1.5);
	cairo_move_to(cr, x + 1, y);
	cairo_line_to(cr, x + SWATCH - 6, y);
	cairo_stroke(cr);
	toll_ch_arrow_head(cr, x + SWATCH - 1, y, 1, 0);
}

const struct toll_chart_kind_desc toll_ch_interval = {
	.name = "interval",
	.help = "one row per table row: a dot at best, a segment from low to\n"
	        "high (an arrow when high is open), labelled by the -y column\n"
	        "(default: source), coloured by --series",
	.x_default = NULL,
	.y_default = "source",
	.x_role = ROLE_NONE,
	.y_role = ROLE_CATEGORY,
	.flags = KIND_VALUE_ACROSS | KIND_SERIES | KIND_FROM_ZERO | KIND_ROWS | KIND_NEEDS_FIGURE |
	         KIND_MARK_VALUE | KIND_LABELS,
	.swatch = SWATCH_DOT,
	.layout = toll_ch_across_layout,
	.draw = draw,
	.x_axis = toll_ch_across_x_axis,
	.open_swatch = toll_ch_across_open_swatch,
};
