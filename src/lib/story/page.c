/*
 * story/page.c: pages of a document, drawn with cairo and set with pango
 * in the fonts and settings of the charts (see page.h).
 */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "chart/chart.h"
#include "story/page.h"

#define FOOTER_H 24.0

/* A text of a page: at most this many characters (toll_ch_shown_dup()), and a table's cell at most CELL_LINES lines. */
#define TEXT_MAX 1000
#define CELL_LINES 4
#define HEADING_LINES 3

/*
 * A text set at size in width (0: one line): what is shown of s (valid
 * UTF-8, line breaks as spaces, cut at TEXT_MAX characters; raw: s as it
 * is, made here), in at most lines lines (0: any), ellipsized.
 */
static PangoLayout *
layout(struct doc *d, const char *s, double size, int bold, double width, int lines, int raw)
{
	PangoLayout *l = pango_layout_new(d->pc);
	PangoFontDescription *fd = pango_font_description_new();
	char *t = raw ? NULL : toll_ch_shown_dup(s, strlen(s), TEXT_MAX);

	pango_font_description_set_family(fd, DEFAULT_FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		/* A date, a number, a name or an address broken where it must be, never with a "-" added. */
		toll_ch_no_hyphens(l);
		if (lines > 0) {
			pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
			pango_layout_set_height(l, -lines);
		}
	}
	pango_layout_set_text(l, raw ? s : t ? t : "", -1);
	free(t);
	return l;
}

static double
height(PangoLayout *l)
{
	PangoRectangle r;

	pango_layout_get_extents(l, NULL, &r);
	return (double)r.height / PANGO_SCALE;
}

static void
show(struct doc *d, PangoLayout *l, double x, double y, rgb col)
{
	cairo_save(d->cr);
	toll_ch_set_rgb(d->cr, col);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, l);
	cairo_restore(d->cr);
}

static void
footer(struct doc *d)
{
	char right[64];
	PangoLayout *l;
	double y = d->H - d->margin + 4;
	PangoRectangle r;

	cairo_save(d->cr);
	toll_ch_set_rgb(d->cr, toll_ch_grid);
	cairo_set_line_width(d->cr, 0.6);
	cairo_move_to(d->cr, d->margin, y - 4);
	cairo_line_to(d->cr, d->W - d->margin, y - 4);
	cairo_stroke(d->cr);
	cairo_restore(d->cr);
	if (d->pages > 0)
		snprintf(right, sizeof right, "page %d of %d", d->page, d->pages);
	else
		snprintf(right, sizeof right, "page %d", d->page);
	l = layout(d, right, DOC_SMALL, 0, 0, 0, 1);
	pango_layout_get_extents(l, NULL, &r);
	show(d, l, d->W - d->margin - (double)r.width / PANGO_SCALE, y, toll_ch_ink_faint);
	g_object_unref(l);
	if (d->footer != NULL) {
		l = layout(d, d->footer, DOC_FOOTER, 0, d->W - 2 * d->margin - (double)r.width / PANGO_SCALE - 12, 0, 1);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_MIDDLE);
		pango_layout_set_height(l, -2);
		show(d, l, d->margin, y, toll_ch_ink_faint);
		g_object_unref(l);
	}
}

void
toll_doc_start(struct doc *d)
{
	d->page = 1;
	d->y = d->margin;
}

void
toll_doc_page(struct doc *d)
{
	footer(d);
	cairo_show_page(d->cr);
	d->page++;
	d->y = d->margin;
}

void
toll_doc_finish(struct doc *d)
{
	footer(d);
	cairo_show_page(d->cr);
}

/* Whether h more points here would run into the footer. */
static int
past_bottom(const struct doc *d, double h)
{
	return d->y + h > d->H - d->margin - FOOTER_H + 10;
}

void
toll_doc_need(struct doc *d, double h)
{
	if (past_bottom(d, h) && d->y > d->margin)
		toll_doc_page(d);
}

void
toll_doc_text(struct doc *d, const char *s, double size, int bold, int grey, double after)
{
	PangoLayout *l = layout(d, s, size, bold, d->W - 2 * d->margin, bold ? HEADING_LINES : 0, 0);
	double h = height(l);

	/* A heading keeps with what follows it. */
	toll_doc_need(d, bold && size < DOC_H1 ? h + 90 : h);
	show(d, l, d->margin, d->y, grey ? toll_ch_ink_soft : toll_ch_ink);
	d->y += h + after;
	g_object_unref(l);
}

/* The row r of a table laid out: its layouts in ls[], its height returned. */
static double
row_layouts(struct doc *d, size_t n, const double *widths, char *const *cells, size_t r,
            PangoLayout **ls)
{
	double w = d->W - 2 * d->margin, h = 0;
	size_t c;

	for (c = 0; c < n; c++) {
		const char *s = cells[r * n + c] ? cells[r * n + c] : "";
		ls[c] = layout(d, s, DOC_SMALL + 0.5, r == 0, widths[c] * w - 6, CELL_LINES, 0);
		h = fmax(h, height(ls[c]));
	}
	return h + 5;
}

static void
draw_row(struct doc *d, size_t n, const double *widths, const int *right, PangoLayout **ls, double h,
         int header)
{
	double w = d->W - 2 * d->margin, x = d->margin;
	size_t c;

	for (c = 0; c < n; c++) {
		PangoRectangle r;
		double cw = widths[c] * w;

		pango_layout_get_extents(ls[c], NULL, &r);
		show(d, ls[c], right[c] ? x + cw - 6 - (double)r.width / PANGO_SCALE : x, d->y + 2,
		     header ? toll_ch_ink : toll_ch_ink_soft);
		x += cw;
	}
	cairo_save(d->cr);
	toll_ch_set_rgb(d->cr, header ? toll_ch_axis : toll_ch_grid);
	cairo_set_line_width(d->cr, header ? 0.8 : 0.5);
	cairo_move_to(d->cr, d->margin, d->y + h);
	cairo_line_to(d->cr, d->W - d->margin, d->y + h);
	cairo_stroke(d->cr);
	cairo_restore(d->cr);
	d->y += h;
}

/* The width of s on one line, as a cell sets it; words: of its widest word. */
static double
cell_width(struct doc *d, const char *s, int bold, int words)
{
	PangoLayout *l;
	PangoRectangle r;
	double w = 0;

	if (!words) {
		l = layout(d, s, DOC_SMALL + 0.5, bold, 0, 0, 0);
		pango_layout_get_extents(l, NULL, &r);
		g_object_unref(l);
		return (double)r.width / PANGO_SCALE;
	}
	while (*s != '\0') {
		size_t k = strcspn(s, " \n");
		char *word;

		if (k > 0 && (word = strndup(s, k)) != NULL) {
			w = fmax(w, cell_width(d, word, bold, 0));
			free(word);
		}
		s += k;
		s += *s != '\0';
	}
	return w;
}

/*
 * The columns' widths, as fractions of the text width: each at least as
 * wide as its widest word (a date, a number, a heading's word: never
 * broken), then, of the room left, what its widest line wants; room to
 * spare goes by the hints.  A word wider than half the page (an address)
 * wraps.
 */
static void
fit_columns(struct doc *d, size_t n, const double *hints, char *const *cells, size_t rows, double *out)
{
	double W = d->W - 2 * d->margin, lo[16], want[16], slo = 0, swant = 0, shint = 0;
	size_t r, c;

	for (c = 0; c < n; c++) {
		lo[c] = want[c] = 0;
		for (r = 0; r <= rows; r++) {
			const char *s = cells[r * n + c] ? cells[r * n + c] : "";

			lo[c] = fmax(lo[c], fmin(cell_width(d, s, r == 0, 1), W / 2));
			want[c] = fmax(want[c], cell_width(d, s, r == 0, 0));
		}
		lo[c] += 7;
		want[c] = fmax(want[c] + 7, lo[c]);
		slo += lo[c];
		swant += want[c];
		shint += hints[c];
	}
	/* Words too wide for the page together: the widest give way first, down to a cap. */
	if (slo >= W) {
		double a = 0, b = W, cap, sum;

		for (r = 0; r < 40; r++) {
			cap = (a + b) / 2;
			for (c = 0, sum = 0; c < n; c++)
				sum += fmin(lo[c], cap);
			if (sum > W)
				b = cap;
			else
				a = cap;
		}
		for (c = 0, slo = 0; c < n; c++) {
			lo[c] = fmin(lo[c], a);
			want[c] = fmax(want[c], lo[c]);
			slo += lo[c];
		}
	}
	for (c = 0; c < n; c++) {
		if (swant <= W)
			out[c] = want[c] + (W - swant) * (shint > 0 ? hints[c] / shint : 1.0 / (double)n);
		else if (slo < W && swant > slo)
			out[c] = lo[c] + (W - slo) * (want[c] - lo[c]) / (swant - slo);
		else
			out[c] = lo[c];
		out[c] /= W;
	}
}

void
toll_doc_table(struct doc *d, size_t n, const double *hints, const int *right, char *const *cells,
          size_t rows)
{
	PangoLayout *head[16], *ls[16];
	double hh, h, widths[16];
	size_t r, c;

	if (n > 16)
		n = 16;
	fit_columns(d, n, hints, cells, rows, widths);
	hh = row_layouts(d, n, widths, cells, 0, head);
	for (r = 1; r <= rows; r++) {
		h = row_layouts(d, n, widths, cells, r, ls);
		/* The header goes with the first row; after a break it comes again. */
		if (r == 1 || past_bottom(d, h)) {
			toll_doc_need(d, hh + h);
			draw_row(d, n, widths, right, head, hh, 1);
		}
		draw_row(d, n, widths, right, ls, h, 0);
		for (c = 0; c < n; c++)
			g_object_unref(ls[c]);
	}
	if (rows == 0) {
		toll_doc_need(d, hh);
		draw_row(d, n, widths, right, head, hh, 1);
	}
	for (c = 0; c < n; c++)
		g_object_unref(head[c]);
	d->y += 10;
}

int
toll_doc_chart(struct doc *d, toll_chart *c, double h, toll_diag *diag)
{
	toll_chart_opts o;
	int rc;

	toll_chart_get_opts(c, &o);
	o.width = d->W - 2 * d->margin;
	o.height = h;
	o.format = TOLL_CHART_PDF;
	toll_chart_set_opts(c, &o);
	toll_doc_need(d, h);
	cairo_save(d->cr);
	cairo_translate(d->cr, d->margin, d->y);
	rc = toll_chart_draw(c, d->cr, diag);
	cairo_restore(d->cr);
	/* A chart refused draws nothing, and takes no room. */
	if (rc == TOLL_OK)
		d->y += h + 12;
	return rc;
}
