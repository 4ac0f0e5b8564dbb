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
toll_ch_marker_of(cairo_t *cr, double x, double y, int open, int supplied, rgb col)
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
	if (supplied) {
		/* A value toll supplied, no source's: hollow. */
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
void
toll_ch_whisker(toll_chart *c, double x, double lo, double hi, int open, double cap)
{
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

void
toll_ch_value_label(toll_chart *c, const char *s, double x, double y, int right)
{
	double w = toll_ch_text_width(c, s, SZ_LABEL, 1), h = toll_ch_line_height(c, SZ_LABEL);

	if (right) {
		if (x + 5 + w <= c->o.width - 2)
			toll_ch_show_text(c, s, SZ_LABEL, 1, x + 5, y, 0, 0.5, toll_ch_ink);
		else
			toll_ch_show_text(c, s, SZ_LABEL, 1, x - 3, y - 4, 1, 1, toll_ch_ink);
	} else if (y - 3 - h >= c->py0 - 2) {
		toll_ch_show_text(c, s, SZ_LABEL, 1, x, y - 3, 0.5, 1, toll_ch_ink);
	} else {
		toll_ch_show_text(c, s, SZ_LABEL, 1, x, y + 3, 0.5, 0, toll_ch_ink);
	}
}
