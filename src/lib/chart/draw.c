/*
 * chart/draw.c: signs every kind draws: a report's marker, an arrow head,
 * a whisker from low to high, a figure written beside what it labels.
 */
#include <math.h>

#include "chart/chart.h"

void
toll_ch_marker(cairo_t *cr, double x, double y, int open, rgb col)
{
	toll_ch_marker_of(cr, x, y, open, 0, col);
}

void
toll_ch_marker_of(cairo_t *cr, double x, double y, int open, int style, rgb col)
{
	if (open) {
		cairo_move_to(cr, x, y - 5);
		cairo_line_to(cr, x + 4.5, y + 3);
		cairo_line_to(cr, x - 4.5, y + 3);
		cairo_close_path(cr);
	} else {
		cairo_new_sub_path(cr);
		cairo_arc(cr, x, y, 3.2, 0, 2 * M_PI);
	}
	if (style != MARK_FULL) {
		/* A value toll supplied, no source's: hollow; an approximate one: light. */
		if (style == MARK_APPROX)
			toll_ch_set_rgb(cr, toll_ch_light(col));
		else
			cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_fill_preserve(cr);
		toll_ch_set_rgb(cr, col);
		cairo_set_line_width(cr, 1.4);
		cairo_stroke(cr);
		return;
	}
	toll_ch_set_rgb(cr, col);
	cairo_fill_preserve(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_line_width(cr, 1);
	cairo_stroke(cr);
}

void
toll_ch_arrow_head(cairo_t *cr, double x, double y, double dx, double dy)
{
	/* A filled head pointing along (dx, dy), a unit vector. */
	double l = 7, w = 3.5;
	cairo_move_to(cr, x, y);
	cairo_line_to(cr, x - dx * l - dy * w, y - dy * l + dx * w);
	cairo_line_to(cr, x - dx * l + dy * w, y - dy * l - dx * w);
	cairo_close_path(cr);
	cairo_fill(cr);
}

/*
 * A whisker from lo to hi; an open one goes from lo past hi (the best, for
 * an open figure) by an arrow's length: "at least", not "up to the top".
 */
/* The same across, at height y: an open high an arrow 22 units long to the right. */
void
toll_ch_adversary_marker(cairo_t *cr, double x, double y, rgb col)
{
	double r = 5.5;

	cairo_save(cr);
	cairo_move_to(cr, x, y - r);
	cairo_line_to(cr, x + r, y);
	cairo_line_to(cr, x, y + r);
	cairo_line_to(cr, x - r, y);
	cairo_close_path(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_fill_preserve(cr);
	toll_ch_set_rgb(cr, col);
	cairo_set_line_width(cr, 1.6);
	cairo_stroke(cr);
	cairo_restore(cr);
}

void
toll_ch_whisker_across(toll_chart *c, double y, double lo, double hi, int open, double cap)
{
	cairo_t *cr = c->cr;
	double xlo = toll_ch_vmap(c, lo), xhi = open ? fmin(toll_ch_vmap(c, hi) + 22, c->px1 - 1) : toll_ch_vmap(c, hi);

	cairo_set_source_rgb(cr, 0.13, 0.13, 0.13);
	cairo_set_line_width(cr, 1.3);
	cairo_move_to(cr, xlo, y);
	cairo_line_to(cr, open ? xhi - 5 : xhi, y);
	cairo_move_to(cr, xlo, y - cap / 2);
	cairo_line_to(cr, xlo, y + cap / 2);
	if (!open) {
		cairo_move_to(cr, xhi, y - cap / 2);
		cairo_line_to(cr, xhi, y + cap / 2);
	}
	cairo_stroke(cr);
	if (open)
		toll_ch_arrow_head(cr, xhi, y, 1, 0);
}

void
toll_ch_whisker(toll_chart *c, double x, double lo, double hi, int open, double cap)
{
	if (toll_ch_across(c)) {
		toll_ch_whisker_across(c, x, lo, hi, open, cap);
		return;
	}
	cairo_t *cr = c->cr;
	double ylo = toll_ch_vmap(c, lo), yhi = open ? fmax(toll_ch_vmap(c, hi) - 22, c->py0 + 1) : toll_ch_vmap(c, hi);

	cairo_set_source_rgb(cr, 0.13, 0.13, 0.13);
	cairo_set_line_width(cr, 1.3);
	cairo_move_to(cr, x, ylo);
	cairo_line_to(cr, x, open ? yhi + 5 : yhi);
	cairo_move_to(cr, x - cap / 2, ylo);
	cairo_line_to(cr, x + cap / 2, ylo);
	if (!open) {
		cairo_move_to(cr, x - cap / 2, yhi);
		cairo_line_to(cr, x + cap / 2, yhi);
	}
	cairo_stroke(cr);
	if (open)
		toll_ch_arrow_head(cr, x, yhi, 0, -1);
}

int
toll_ch_value_label(toll_chart *c, const char *s, double x, double y, int right)
{
	double h = toll_ch_line_height(c, SZ_LABEL);

	if (right) {
		/* Right of the point, a line above or below it, else left of it. */
		struct toll_ch_spot sp[] = {
			{ x + 5, y, 0, 0.5, NULL, 0 }, { x + 5, y - h, 0, 0.5, NULL, 0 },
			{ x + 5, y + h, 0, 0.5, NULL, 0 }, { x - 3, y - 4, 1, 1, NULL, 0 },
			{ x - 3, y + 4, 1, 0, NULL, 0 },
		};
		return toll_ch_place(c, TX_LABEL, s, 1, sp, sizeof sp / sizeof sp[0]);
	} else {
		/* Above the point, a line higher, or below it (where the plot's top is). */
		struct toll_ch_spot sp[] = {
			{ x, y - 3, 0.5, 1, NULL, 0 }, { x, y - 3 - h, 0.5, 1, NULL, 0 }, { x, y + 3, 0.5, 0, NULL, 0 },
		};
		return toll_ch_place(c, TX_LABEL, s, 1, sp, sizeof sp / sizeof sp[0]);
	}
}
