/*
 * chart/render.c: a chart drawn onto a surface (PNG with libpng, PDF and
 * SVG with cairo) or onto a cairo context of the caller's (a page of
 * toll-report), and its bytes handed to a write callback.
 */
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <png.h>

#include "chart/chart.h"
#include "toll/date.h"

cairo_status_t
toll_ch_sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct toll_ch_sink *s = closure;

	if (s->failed)
		return CAIRO_STATUS_WRITE_ERROR;
	if (s->hold) {
		if (s->len + len > s->cap) {
			size_t cap = s->cap ? s->cap : 65536;
			unsigned char *p;

			while (cap < s->len + len)
				cap *= 2;
			if ((p = realloc(s->held, cap)) == NULL) {
				s->failed = 2;
				return CAIRO_STATUS_NO_MEMORY;
			}
			s->held = p;
			s->cap = cap;
		}
		memcpy(s->held + s->len, data, len);
		s->len += len;
		return CAIRO_STATUS_SUCCESS;
	}
	if (s->write(s->closure, data, len) != 0) {
		s->failed = 1;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* The SVG held, with the chart's texts before its closing tag; 0 or -1. */
static int
svg_out(toll_chart *c, struct toll_ch_sink *sk)
{
	static const char end[] = "</svg>";
	size_t tlen, at = sk->len;
	char *texts = toll_ch_svg_texts(c, &tlen);
	size_t k;

	if (texts == NULL && tlen > 0)
		return -2;
	for (k = sk->len; k >= sizeof end - 1; k--)
		if (memcmp(sk->held + k - (sizeof end - 1), end, sizeof end - 1) == 0) {
			at = k - (sizeof end - 1);
			break;
		}
	if (sk->write(sk->closure, sk->held, at) != 0 ||
	    (tlen > 0 && sk->write(sk->closure, (const unsigned char *)texts, tlen) != 0) ||
	    sk->write(sk->closure, sk->held + at, sk->len - at) != 0)
		return -1;
	return 0;
}

/*
 * Writes the image as an 8-bit RGB PNG with libpng.  cairo's own writer
 * tries every row filter at zlib's default level, a third of a small
 * chart's time; a chart is mostly flat colour, and zlib's fastest level
 * without filters takes a tenth of that for files under twice the size
 * (16 KB for a bar chart of 800x500).
 */
static void
png_write_cb(png_structp png, png_bytep data, size_t len)
{
	struct toll_ch_sink *sk = png_get_io_ptr(png);

	if (sk->failed || sk->write(sk->closure, data, len) != 0) {
		sk->failed = 1;
		png_error(png, "write error");
	}
}

static void
png_flush_cb(png_structp png)
{
	(void)png;
}

static int
write_png(cairo_surface_t *sf, struct toll_ch_sink *sk, double dpi)
{
	int w = cairo_image_surface_get_width(sf), h = cairo_image_surface_get_height(sf);
	int stride = cairo_image_surface_get_stride(sf), y, x;
	unsigned char *data, *volatile row = NULL;
	png_structp png;
	png_infop info;

	cairo_surface_flush(sf);
	data = cairo_image_surface_get_data(sf);
	if ((png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL)) == NULL)
		return -1;
	if ((info = png_create_info_struct(png)) == NULL ||
	    (row = malloc((size_t)w * 3)) == NULL) {
		png_destroy_write_struct(&png, info ? &info : NULL);
		return -1;
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		free(row);
		return -1;
	}
	png_set_write_fn(png, sk, png_write_cb, png_flush_cb);
	png_set_compression_level(png, 1);
	png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
	png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
	             PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
	/* A size set in inches, centimetres or points prints at that size. */
	if (dpi > 0) {
		png_uint_32 ppm = (png_uint_32)(dpi / 0.0254 + 0.5);
		png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
	}
	png_write_info(png, info);
	for (y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
		for (x = 0; x < w; x++) {
			row[3 * x] = (unsigned char)(px[x] >> 16);
			row[3 * x + 1] = (unsigned char)(px[x] >> 8);
			row[3 * x + 2] = (unsigned char)px[x];
		}
		png_write_row(png, row);
	}
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	free(row);
	return 0;
}

void
toll_ch_iso_date(int64_t t, char *buf, size_t sz)
{
	int64_t day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400), y;
	int64_t s = t - day * 86400;
	int m, d;

	toll_civil_from_days(day, &y, &m, &d);
	snprintf(buf, sz, "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)y, m, d, (int)(s / 3600),
	         (int)(s / 60 % 60), (int)(s % 60));
}

static cairo_surface_t *
make_surface(toll_chart *c, struct toll_ch_sink *sk)
{
	const toll_chart_opts *o = &c->o;
	cairo_surface_t *sf;

	switch (o->format) {
	case TOLL_CHART_PDF:
		sf = cairo_pdf_surface_create_for_stream(toll_ch_sink_write, sk, o->width, o->height);
		if (cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS) {
			char date[32] = "";
			/* No date unless one is given: an empty one keeps cairo from using the clock. */
			if (o->has_pdf_date)
				toll_ch_iso_date(o->pdf_date, date, sizeof date);
			cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE, date);
			cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_MOD_DATE, date);
			cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR, "toll-plot");
			if (o->title && *o->title)
				cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, o->title);
		}
		return sf;
	case TOLL_CHART_SVG:
		sf = cairo_svg_surface_create_for_stream(toll_ch_sink_write, sk, o->width, o->height);
		if (cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS)
			cairo_svg_surface_set_document_unit(sf, CAIRO_SVG_UNIT_PT);
		return sf;
	default:
		return cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(o->width * o->scale - 1e-6),
		                                  (int)ceil(o->height * o->scale - 1e-6));
	}
}

/*
 * Whether a triangle marks an open figure somewhere, and, of a line or
 * step, whether a light marker an approximate one (the legend then says
 * what they mean): a line's points are marked only when they are few
 * enough to tell apart (toll_ch_marked()).  0, or -1 out of memory.
 */
static int
open_marks(toll_chart *c)
{
	size_t i, ns = toll_strmap_count(c->series), *count = NULL;

	if (c->kind->swatch == SWATCH_LINE && (count = calloc(ns + 1, sizeof *count)) == NULL)
		return -1;
	/* An approximate figure of a line is its marker, drawn light: said in the legend when drawn. */
	for (i = 0; c->kind->swatch == SWATCH_LINE && i < c->n; i++)
		count[c->ser != NULL ? c->ser[i] : 0]++;
	for (i = 0; c->kind->swatch == SWATCH_LINE && i < c->n; i++)
		c->any_approx |= approx_of(c, i) && !aside_of(c, i) &&
		                 toll_ch_marked(c, count[c->ser != NULL ? c->ser[i] : 0]);
	if (c->o.no_interval) {
		free(count);
		return 0;
	}
	if (c->kind->swatch != SWATCH_LINE) {
		for (i = 0; i < c->n; i++)
			c->any_open |= open_of(c, i);
		return 0;
	}
	for (i = 0; i < c->n; i++)
		c->any_open |= open_of(c, i) && toll_ch_marked(c, count[c->ser != NULL ? c->ser[i] : 0]);
	free(count);
	return 0;
}

/* Bars across: the value axis's title goes under the plot, the categories' beside it. */
static void
swap_axis_titles(toll_chart *c)
{
	const char *t = c->o.xlabel;

	c->o.xlabel = c->o.ylabel;
	c->o.ylabel = t;
}

/* Whether a chart of a row per category (DOT, BAR across) has room for each row's name. */
static int
rows_fit(toll_chart *c)
{
	size_t ncat = toll_strmap_count(c->cats);

	return !toll_ch_across(c) || !(c->kind->flags & KIND_ONE_PER_CAT) || ncat == 0 ||
	       (c->py1 - c->py0) / (double)ncat >= toll_ch_line_height(c, SZ_TICK) * 1.1;
}

/* Such a chart without that room is refused, with the number that fits. */
static int
rows_refused(toll_chart *c, toll_diag *d)
{
	size_t ncat = toll_strmap_count(c->cats), fit;
	double lh = toll_ch_line_height(c, SZ_TICK) * 1.1;

	fit = c->py1 > c->py0 ? (size_t)floor((c->py1 - c->py0) / lh) : 0;
	return toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "%zu categories, and room for the names of %zu at "
	                     "this --size: --top %zu draws the largest (the rest as one), or make the "
	                     "chart taller (--size %.0fx%.0f)", ncat, fit, fit > 2 ? fit - 1 : 1, c->o.width,
	                     ceil(c->o.height + (double)ncat * lh - (c->py1 - c->py0)));
}

/* Everything but the surface: the layout, then the data, axes, legend and texts. */
static int
draw_chart(toll_chart *c, toll_diag *d)
{
	struct layout L;
	size_t i;
	int rc = TOLL_OK;

	memset(&L, 0, sizeof L);
	toll_ch_boxes_clear(c);
	cairo_get_matrix(c->cr, &c->unbase);
	if (cairo_matrix_invert(&c->unbase) != CAIRO_STATUS_SUCCESS)
		cairo_matrix_init_identity(&c->unbase);
	c->any_approx = 0;
	if (open_marks(c) != 0)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	c->any_adversary = 0;
	for (i = 0; i < c->n; i++) {
		c->any_approx |= approx_of(c, i) && !aside_of(c, i) && c->kind->swatch != SWATCH_LINE;
		c->any_band |= band_of(c, i);
		c->any_adversary |= (c->adv != NULL && !isnan(c->adv[i]) && !c->o.stacked) || aside_of(c, i);
	}
	if (toll_ch_colours(c) != 0)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	c->across = (c->kind->flags & KIND_CAT_AXIS) && c->o.bars == TOLL_BARS_HORIZONTAL;
	if (c->across)
		swap_axis_titles(c);
	if (toll_ch_plan(c, &L) != 0)
		goto no_axis;
	/*
	 * Bars whose labels do not fit under them, each in its band: across, a label
	 * beside each; unless the rows are too many for their names: then up after all,
	 * the labels turned and thinned.
	 */
	if ((c->kind->flags & KIND_CAT_AXIS) && !c->across && c->o.bars == TOLL_BARS_AUTO &&
	    (L.rotate || L.every > 1)) {
		int pass;

		for (pass = 0; pass < 2; pass++) {
			toll_ch_layout_free(&L);
			memset(&L, 0, sizeof L);
			c->across = !c->across;
			swap_axis_titles(c);
			if (toll_ch_plan(c, &L) != 0)
				goto no_axis;
			if (rows_fit(c))
				break;
		}
	}
	if (!rows_fit(c)) {
		rc = rows_refused(c, d);
		goto done;
	}
	cairo_set_source_rgb(c->cr, 1, 1, 1);
	/* On a page, the chart's own rectangle; on its own surface, all of it. */
	if (c->on_page) {
		cairo_rectangle(c->cr, 0, 0, c->o.width, c->o.height);
		cairo_fill(c->cr);
	} else {
		cairo_paint(c->cr);
	}
	toll_ch_draw_value_axis(c);
	/* The texts the layout placed first; then the labels, each where it covers none. */
	c->role = TX_CATEGORY;
	if (c->kind->draw(c, &L) != 0)
		rc = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	if (toll_ch_draw_marks(c) != 0)
		rc = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	c->role = TX_TICK;
	toll_ch_draw_value_labels(c);
	toll_ch_draw_x_axis(c, &L);
	c->role = TX_LEGEND;
	toll_ch_draw_legend(c, &L);
	toll_ch_draw_texts(c, &L);
	if (toll_ch_place_all(c) != 0 && rc == TOLL_OK)
		rc = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	goto done;
no_axis:
	rc = toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "the values cannot be put on an axis");
done:
	toll_ch_layout_free(&L);
	if (c->across)
		swap_axis_titles(c);
	c->across = 0;
	free(c->series_colour);
	c->series_colour = NULL;
	return rc;
}

/* What must be done before a chart is drawn: the kind's own (HIST's bins). */
static int
prepare(toll_chart *c, toll_diag *d)
{
	int rc;

	if (c->n == 0)
		return toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "nothing to draw");
	if (c->kind->prepare && (rc = c->kind->prepare(c)) != 0)
		return rc == 2 ? toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "no value between --xmin and --xmax") :
		       rc > 0 ? toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "the values cannot be put on an axis") :
		       toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	if ((c->kind->flags & KIND_BARS) && (c->o.has_ymin || c->o.has_ymax)) {
		/* A bar is read by its length: --ymin and --ymax may not cut one. */
		double lo, hi;

		if (toll_ch_bar_ends(c, &lo, &hi) != 0)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		if (c->o.has_ymax && hi > c->o.ymax)
			return toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "--ymax %.15g would cut the %s bar, %.15g: "
			                     "a bar is read by its length", c->o.ymax, c->o.stacked ?
			                     "tallest stacked" : "tallest", hi);
		if (c->o.has_ymin && lo < c->o.ymin)
			return toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "--ymin %.15g would cut the lowest bar, "
			                     "%.15g: a bar is read by its length", c->o.ymin, lo);
	}
	return TOLL_OK;
}

int
toll_chart_draw(toll_chart *c, cairo_t *cr, toll_diag *d)
{
	enum toll_chart_format f = c->o.format;
	int rc;

	if ((rc = prepare(c, d)) != TOLL_OK)
		return rc;
	/* Drawn as on a PDF page: in points, text as glyphs. */
	c->o.format = TOLL_CHART_PDF;
	c->on_page = 1;
	c->cr = cr;
	cairo_save(cr);
	toll_ch_setup_text(c);
	pango_cairo_update_context(cr, c->pc);
	rc = draw_chart(c, d);
	cairo_restore(cr);
	g_object_unref(c->pc);
	pango_font_description_free(c->font);
	c->pc = NULL;
	c->font = NULL;
	c->cr = NULL;
	c->on_page = 0;
	c->o.format = f;
	if (rc == TOLL_OK && cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "cairo: %s", cairo_status_to_string(cairo_status(cr)));
	return rc;
}

int
toll_chart_render(toll_chart *c, toll_chart_write_fn write, void *closure, toll_diag *d)
{
	struct toll_ch_sink sk = { write, closure, 0, 0, NULL, 0, 0 };
	cairo_surface_t *sf;
	cairo_status_t st;
	int rc;

	if ((rc = prepare(c, d)) != TOLL_OK)
		return rc;
	if (toll_strmap_count(c->series) > TOLL_CHART_MAX_COLOURS)
		return toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "%zu series, more than the %d colours a reader "
		                     "tells apart: draw fewer (filter the rows of the series column first, "
		                     "or group them coarser), or draw them as the categories of a bar or "
		                     "dot chart, where --top N keeps the largest", toll_strmap_count(c->series),
		                     TOLL_CHART_MAX_COLOURS);
	sk.hold = c->o.format == TOLL_CHART_SVG && !c->o.svg_outlines;
	sf = make_surface(c, &sk);
	c->cr = cairo_create(sf);
	toll_ch_setup_text(c);
	if (c->o.format == TOLL_CHART_PNG)
		cairo_scale(c->cr, c->o.scale, c->o.scale);
	pango_cairo_update_context(c->cr, c->pc);
	rc = draw_chart(c, d);
	st = cairo_status(c->cr);
	cairo_destroy(c->cr);
	c->cr = NULL;
	if (rc == TOLL_OK && st == CAIRO_STATUS_SUCCESS) {
		if (c->o.format == TOLL_CHART_PNG)
			st = write_png(sf, &sk, c->o.dpi) == 0 ? CAIRO_STATUS_SUCCESS :
			     sk.failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_NO_MEMORY;
		else
			cairo_surface_finish(sf);
		if (st == CAIRO_STATUS_SUCCESS)
			st = cairo_surface_status(sf);
		if (st == CAIRO_STATUS_SUCCESS && sk.hold) {
			int k = svg_out(c, &sk);
			if (k == -1)
				sk.failed = 1;
			else if (k == -2)
				st = CAIRO_STATUS_NO_MEMORY;
		}
	}
	cairo_surface_destroy(sf);
	free(sk.held);
	toll_ch_texts_free(c);
	g_object_unref(c->pc);
	pango_font_description_free(c->font);
	c->pc = NULL;
	c->font = NULL;
	if (rc != TOLL_OK)
		return rc;
	if (sk.failed == 2)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	if (sk.failed)
		return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "write error");
	if (st == CAIRO_STATUS_NO_MEMORY)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	if (st != CAIRO_STATUS_SUCCESS)
		return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "cairo: %s", cairo_status_to_string(st));
	return TOLL_OK;
}
