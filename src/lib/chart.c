/*
 * chart.c: report charts with cairo and pango.
 *
 * Layout, top to bottom: title, subtitle, legend (above the data, so it
 * never covers it), the plot with its axes, the x-axis label, the caption.
 * Every piece of text is measured before anything is drawn and the plot
 * area is what is left, so no label is clipped; tick labels that would
 * overlap are thinned (fewer ticks), category labels are wrapped, then
 * turned 45 degrees, then thinned.
 *
 * Units are pixels for PNG (times --scale) and points for PDF and SVG;
 * pango's resolution is set to 72 so that a font size is in those units.
 */
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gsl/gsl_histogram.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_statistics_double.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <png.h>

#include "hashtab.h"
#include "toll/chart.h"
#include "toll/date.h"
#include "toll/strmap.h"
#include "toll/ticks.h"

#if defined(__SANITIZE_ADDRESS__)
#define TOLL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TOLL_ASAN 1
#endif
#endif

#ifdef TOLL_ASAN
/*
 * Built with AddressSanitizer: LeakSanitizer reads these suppressions
 * from the program itself, so that every run of a program that draws
 * charts, not only the test suite's, is told that fontconfig keeps what
 * it read of font files for the life of the process (freeing it with
 * FcFini could race with the thread in which pango calls FcInit).  Symbols
 * LeakSanitizer looks for by name; they live here, with the module that
 * loads fontconfig, so every program and fuzz target linking it has them.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_options(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

/* ... and says nothing of them. */
const char *
__lsan_default_options(void)
{
	return "print_suppressions=0";
}
#endif

#define DEFAULT_FONT "DejaVu Sans"

/* Sizes, in units of the chart. */
#define PAD        14.0
#define SZ_TITLE   15.0
#define SZ_SUB     11.0
#define SZ_LEGEND  10.5
#define SZ_AXIS    10.5
#define SZ_TICK    10.0
#define SZ_CAPTION  9.0
#define TICK_LEN    4.0
#define LABEL_GAP   6.0
#define VALUE_INSET 6.0

typedef struct rgb { double r, g, b; } rgb;

static const rgb ink = { 0.10, 0.10, 0.10 }, ink_soft = { 0.27, 0.27, 0.27 },
	ink_faint = { 0.40, 0.40, 0.40 }, grid = { 0.88, 0.88, 0.88 }, axis = { 0.35, 0.35, 0.35 };

struct toll_chart {
	toll_chart_opts o;
	/* Points as columns: series, category and band only once used. */
	double *x, *y, *lo, *hi;
	uint32_t *ser, *cat;
	uint8_t *flag;         /* bit 0: has band, bit 1: open high */
	size_t n, cap;
	int frac_x, frac_y;    /* some x, or some value, is not a whole number */
	toll_strmap *series, *cats;

	/* Rendering. */
	cairo_t *cr;
	PangoContext *pc;
	PangoFontDescription *font;
	double px0, py0, px1, py1;     /* the plot area: left, top, right, bottom */
	toll_ticks vt, xt;             /* value axis; x axis of LINE, STEP, HIST */
	double xlo, xhi;               /* x axis range */
	int any_open, any_band;
	/* HIST */
	gsl_histogram *hist;
};

enum { F_BAND = 1, F_OPEN = 2 };

/* ---- data ---- */

toll_chart *
toll_chart_new(const toll_chart_opts *o)
{
	toll_chart *c = calloc(1, sizeof *c);

	if (c == NULL)
		return NULL;
	c->o = *o;
	if (c->o.scale <= 0)
		c->o.scale = 1;
	if ((c->series = toll_strmap_new()) == NULL || (c->cats = toll_strmap_new()) == NULL) {
		toll_chart_free(c);
		return NULL;
	}
	return c;
}

void
toll_chart_free(toll_chart *c)
{
	if (c == NULL)
		return;
	free(c->x);
	free(c->y);
	free(c->lo);
	free(c->hi);
	free(c->ser);
	free(c->cat);
	free(c->flag);
	toll_strmap_free(c->series);
	toll_strmap_free(c->cats);
	if (c->hist)
		gsl_histogram_free(c->hist);
	free(c);
}

void
toll_chart_set_opts(toll_chart *c, const toll_chart_opts *o)
{
	c->o = *o;
	if (c->o.scale <= 0)
		c->o.scale = 1;
}

static int
intern(toll_strmap *m, const char *s, size_t len, uint32_t *id)
{
	size_t v;
	int added;

	if (toll_strmap_intern(m, s, len, &v, &added) != TOLL_OK)
		return -1;
	*id = (uint32_t)v;
	return 0;
}

int
toll_chart_series(toll_chart *c, const char *s, size_t len, uint32_t *id)
{
	return intern(c->series, s, len, id);
}

int
toll_chart_category(toll_chart *c, const char *s, size_t len, uint32_t *id)
{
	return intern(c->cats, s, len, id);
}

size_t
toll_chart_points(const toll_chart *c)
{
	return c->n;
}

double
toll_chart_x(const toll_chart *c, size_t i)
{
	return c->x[i];
}

uint32_t
toll_chart_series_of(const toll_chart *c, size_t i)
{
	return c->ser ? c->ser[i] : 0;
}

const char *
toll_chart_series_label(const toll_chart *c, uint32_t id, size_t *len)
{
	toll_str k = toll_strmap_key(c->series, id);

	*len = k.len;
	return k.s;
}

size_t
toll_chart_categories(const toll_chart *c)
{
	return toll_strmap_count(c->cats);
}

const char *
toll_chart_category_label(const toll_chart *c, uint32_t id, size_t *len)
{
	toll_str k = toll_strmap_key(c->cats, id);

	*len = k.len;
	return k.s;
}

int
toll_chart_order_categories(toll_chart *c, char *const *labels, const size_t *lens, size_t n)
{
	toll_strmap *m = toll_strmap_new();
	size_t i, old = toll_strmap_count(c->cats), *map = malloc((old ? old : 1) * sizeof *map);
	int added;

	if (m == NULL || map == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		size_t id;
		if (toll_strmap_intern(m, labels[i], lens[i], &id, &added) != TOLL_OK)
			goto fail;
	}
	for (i = 0; i < old; i++) {
		toll_str k = toll_strmap_key(c->cats, i);
		if (toll_strmap_find(m, k.s, k.len, &map[i]) != 0)
			goto fail;
	}
	/* Without a category column every point is in category 0. */
	if (c->cat == NULL && old > 0 && map[0] != 0 && c->cap > 0) {
		if ((c->cat = calloc(c->cap, sizeof *c->cat)) == NULL)
			goto fail;
	}
	for (i = 0; c->cat != NULL && i < c->n; i++)
		c->cat[i] = (uint32_t)map[c->cat[i]];
	toll_strmap_free(c->cats);
	c->cats = m;
	free(map);
	return 0;
fail:
	toll_strmap_free(m);
	free(map);
	return -1;
}

/* Grows an optional column to cap elements, zero-filled from n. */
static int
column(void **col, size_t n, size_t cap, size_t sz, int needed)
{
	void *p;

	if (*col == NULL && !needed)
		return 0;
	if ((p = realloc(*col, cap * sz)) == NULL)
		return -1;
	if (*col == NULL)
		memset(p, 0, n * sz);
	*col = p;
	return 0;
}

int
toll_chart_add(toll_chart *c, const toll_point *p)
{
	if (c->n == c->cap || (p->series && c->ser == NULL) || (p->category && c->cat == NULL) ||
	    ((p->has_band || p->open) && c->flag == NULL)) {
		size_t cap = c->n == c->cap ? (c->cap ? c->cap * 2 : 1024) : c->cap;
		void *v;

		if (cap > SIZE_MAX / sizeof(double))
			return -1;
		if ((v = realloc(c->x, cap * sizeof *c->x)) == NULL)
			return -1;
		c->x = v;
		if ((v = realloc(c->y, cap * sizeof *c->y)) == NULL)
			return -1;
		c->y = v;
		if (column((void **)&c->ser, c->n, cap, sizeof *c->ser, p->series != 0) != 0 ||
		    column((void **)&c->cat, c->n, cap, sizeof *c->cat, p->category != 0) != 0 ||
		    column((void **)&c->flag, c->n, cap, sizeof *c->flag, p->has_band || p->open) != 0 ||
		    column((void **)&c->lo, c->n, cap, sizeof *c->lo, p->has_band || p->open) != 0 ||
		    column((void **)&c->hi, c->n, cap, sizeof *c->hi, p->has_band || p->open) != 0)
			return -1;
		c->cap = cap;
	}
	c->x[c->n] = p->x;
	c->y[c->n] = p->y;
	/* Whole numbers get no ticks between them. */
	c->frac_x |= p->x != floor(p->x);
	c->frac_y |= p->y != floor(p->y) ||
	             (p->has_band && (p->low != floor(p->low) || (!p->open && p->high != floor(p->high))));
	if (c->ser)
		c->ser[c->n] = p->series;
	if (c->cat)
		c->cat[c->n] = p->category;
	if (c->flag) {
		c->flag[c->n] = (uint8_t)((p->has_band ? F_BAND : 0) | (p->open ? F_OPEN : 0));
		c->lo[c->n] = p->has_band ? p->low : p->y;
		c->hi[c->n] = p->has_band && !p->open ? p->high : p->y;
	}
	c->n++;
	return 0;
}

static uint32_t ser_of(const toll_chart *c, size_t i) { return c->ser ? c->ser[i] : 0; }
static uint32_t cat_of(const toll_chart *c, size_t i) { return c->cat ? c->cat[i] : 0; }
static int band_of(const toll_chart *c, size_t i)
{
	return c->flag && (c->flag[i] & F_BAND) && !c->o.no_interval;
}
static int open_of(const toll_chart *c, size_t i) { return c->flag && (c->flag[i] & F_OPEN); }

static size_t
nseries(const toll_chart *c)
{
	size_t n = toll_strmap_count(c->series);
	return n ? n : 1;
}

/* ---- colours ---- */

static rgb
hex(unsigned v)
{
	rgb c = { ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0 };
	return c;
}

static rgb
colour(const toll_chart *c, size_t i)
{
	/* Okabe and Ito's colours, the darker and more distinct first. */
	static const unsigned okabe[] = {
		0x0072B2, 0xD55E00, 0x009E73, 0xE69F00, 0xCC79A7, 0x56B4E9, 0xF0E442, 0x000000
	};
	/* viridis at 0, 1/8, ..., 1 (matplotlib's table). */
	static const double vir[9][3] = {
		{ 0.2670, 0.0049, 0.3294 }, { 0.2788, 0.1755, 0.4834 }, { 0.2297, 0.3224, 0.5457 },
		{ 0.1727, 0.4488, 0.5579 }, { 0.1276, 0.5669, 0.5506 }, { 0.1579, 0.6838, 0.5017 },
		{ 0.3692, 0.7889, 0.3829 }, { 0.6785, 0.8637, 0.1895 }, { 0.9932, 0.9062, 0.1439 }
	};
	size_t n = nseries(c);
	double t;

	switch (c->o.palette) {
	case TOLL_PALETTE_VIRIDIS: {
		size_t k;
		double f;
		rgb r;

		/* The light yellow end is left out: it does not show on white. */
		t = n == 1 ? 0.35 : 0.85 * (double)i / (double)(n - 1);
		k = (size_t)(t * 8);
		if (k > 7)
			k = 7;
		f = t * 8 - (double)k;
		r.r = vir[k][0] + f * (vir[k + 1][0] - vir[k][0]);
		r.g = vir[k][1] + f * (vir[k + 1][1] - vir[k][1]);
		r.b = vir[k][2] + f * (vir[k + 1][2] - vir[k][2]);
		return r;
	}
	case TOLL_PALETTE_GREY: {
		rgb r;
		t = n == 1 ? 0.35 : 0.15 + 0.55 * (double)i / (double)(n - 1);
		r.r = r.g = r.b = t;
		return r;
	}
	default:
		return hex(okabe[i % (sizeof okabe / sizeof okabe[0])]);
	}
}

static void
set_rgb(cairo_t *cr, rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* ---- text ---- */

/*
 * What a chart draws of a text: at most TOLL_CHART_TEXT_MAX characters
 * (then "…"), line breaks, tabs and other control characters as spaces.
 * Measuring text with pango costs time and memory with its length and
 * its lines; a label is shown, not stored, so a long one is cut here (the
 * data keep it whole).  s has len bytes of valid UTF-8; buf holds
 * TOLL_CHART_TEXT_BUF bytes.
 */
static const char *
shown(const char *s, size_t len, char buf[TOLL_CHART_TEXT_BUF])
{
	size_t i = 0, o = 0, chars = 0;

	while (i < len && chars < TOLL_CHART_TEXT_MAX) {
		unsigned char b = (unsigned char)s[i];
		size_t n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;

		if (i + n > len)
			break;
		if (b < 0x20 || b == 0x7f)
			buf[o++] = ' ';
		else
			memcpy(buf + o, s + i, n), o += n;
		i += n;
		chars++;
	}
	if (i < len) {
		memcpy(buf + o, "\xe2\x80\xa6", 3);   /* … */
		o += 3;
	}
	buf[o] = '\0';
	return buf;
}

static PangoLayout *
text(toll_chart *c, const char *s, double size, int bold, double width, int lines)
{
	PangoLayout *l = pango_layout_new(c->pc);
	char buf[TOLL_CHART_TEXT_BUF];

	pango_font_description_set_absolute_size(c->font, size * PANGO_SCALE);
	pango_font_description_set_weight(c->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, c->font);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		pango_layout_set_height(l, -lines);
	}
	pango_layout_set_text(l, shown(s, strlen(s), buf), -1);
	return l;
}

static void
extent(PangoLayout *l, double *w, double *h)
{
	PangoRectangle ink_r, log_r;

	pango_layout_get_extents(l, &ink_r, &log_r);
	if (w)
		*w = (double)log_r.width / PANGO_SCALE;
	if (h)
		*h = (double)log_r.height / PANGO_SCALE;
}

/* Measures s in one line. */
static double
text_width(toll_chart *c, const char *s, double size, int bold)
{
	PangoLayout *l = text(c, s, size, bold, 0, 0);
	double w;

	extent(l, &w, NULL);
	g_object_unref(l);
	return w;
}

static double
line_height(toll_chart *c, double size)
{
	PangoLayout *l = text(c, "0", size, 0, 0, 0);
	double h;

	extent(l, NULL, &h);
	g_object_unref(l);
	return h;
}

/* Draws l with its (ax, ay) anchor (0 left/top, 0.5 centre, 1 right/bottom) at (x, y). */
static void
show(toll_chart *c, PangoLayout *l, double x, double y, double ax, double ay, rgb col)
{
	double w, h;

	extent(l, &w, &h);
	if (pango_layout_get_width(l) > 0 && pango_layout_get_alignment(l) != PANGO_ALIGN_LEFT)
		w = (double)pango_layout_get_width(l) / PANGO_SCALE;
	cairo_save(c->cr);
	set_rgb(c->cr, col);
	cairo_move_to(c->cr, x - ax * w, y - ay * h);
	pango_cairo_show_layout(c->cr, l);
	cairo_restore(c->cr);
}

static void
show_text(toll_chart *c, const char *s, double size, int bold, double x, double y, double ax,
          double ay, rgb col)
{
	PangoLayout *l = text(c, s, size, bold, 0, 0);

	show(c, l, x, y, ax, ay, col);
	g_object_unref(l);
}

/* ---- mapping ---- */

static double
vmap(const toll_chart *c, double v)
{
	double lo = c->vt.lo, hi = c->vt.hi, f;

	if (c->o.log_y) {
		v = v > 0 ? log10(v) : log10(lo) - 1;
		lo = log10(lo);
		hi = log10(hi);
	}
	f = (v - lo) / (hi - lo);
	/* The axis stops short of the plot's far edge: dots on the last tick stay whole. */
	if (c->o.kind == TOLL_CHART_INTERVAL)
		return c->px0 + f * (c->px1 - VALUE_INSET - c->px0);
	return c->py1 - f * (c->py1 - c->py0 - VALUE_INSET);
}

static double
xmap(const toll_chart *c, double x)
{
	return c->px0 + (x - c->xlo) / (c->xhi - c->xlo) * (c->px1 - c->px0);
}

/* A coordinate on the middle of a device pixel, for crisp one-pixel lines. */
static double
snap(const toll_chart *c, double v)
{
	double s = c->o.format == TOLL_CHART_PNG ? c->o.scale : 1;
	return (floor(v * s) + 0.5) / s;
}

/* The top of what data may cover: the plot's, or the line of --ymax. */
static double
clip_top(const toll_chart *c)
{
	return c->o.has_ymax ? vmap(c, c->vt.hi) - 0.5 : c->py0 - 1;
}

/* ---- value ranges ---- */

/* The range of the values drawn against the value axis. */
static void
value_range(toll_chart *c, double *vmin, double *vmax)
{
	double lo = INFINITY, hi = -INFINITY;
	size_t i;

	if (c->o.kind == TOLL_CHART_HIST) {
		size_t b;

		lo = 0;
		hi = gsl_histogram_max_val(c->hist);
		/* A log axis starts below the smallest bin that is not empty, not below the tallest. */
		if (c->o.log_y) {
			lo = INFINITY;
			for (b = 0; b < gsl_histogram_bins(c->hist); b++)
				if (gsl_histogram_get(c->hist, b) > 0 && gsl_histogram_get(c->hist, b) < lo)
					lo = gsl_histogram_get(c->hist, b);
		}
	} else if (c->o.kind == TOLL_CHART_BAR && c->o.stacked) {
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
			/* On a log axis a stack starts at the floor: below the smallest part. */
			if (c->o.log_y)
				for (i = 0, lo = INFINITY; i < c->n; i++)
					if (c->y[i] > 0 && c->y[i] < lo)
						lo = c->y[i];
		}
		free(up);
		free(down);
		free(top);
	} else {
		for (i = 0; i < c->n; i++) {
			/* Plain comparisons: fmin() and fmax() are calls, per point. */
			lo = c->y[i] < lo ? c->y[i] : lo;
			hi = c->y[i] > hi ? c->y[i] : hi;
			if (band_of(c, i)) {
				lo = fmin(lo, c->lo[i]);
				if (!open_of(c, i))
					hi = fmax(hi, c->hi[i]);
			}
		}
	}
	/* Bars, counts and tolls are read from zero; a line fits its data. */
	if (c->o.kind != TOLL_CHART_LINE && !c->o.log_y) {
		lo = fmin(lo, 0);
		hi = fmax(hi, 0);
	}
	if (!isfinite(lo) || !isfinite(hi)) {
		lo = 0;
		hi = 1;
	}
	if (c->o.has_ymin)
		lo = c->o.ymin;
	if (c->o.has_ymax)
		hi = c->o.ymax;
	if (lo > hi)
		lo = hi;
	*vmin = lo;
	*vmax = hi;
}

/*
 * The value axis's ticks, about m of them, over the data or --ymin/--ymax;
 * ticks outside a range those set are dropped.  Returns 0 or -1.
 */
static int
value_ticks(toll_chart *c, int m)
{
	double lo, hi;

	value_range(c, &lo, &hi);
	if (c->o.log_y) {
		if (lo <= 0)
			lo = hi > 0 ? hi / 10 : 1;
		if (toll_ticks_log(lo, hi, m, &c->vt) != 0)
			return -1;
		/* A bar as low as the floor would have no height: the axis goes on below it. */
		if ((c->o.kind == TOLL_CHART_HIST || c->o.kind == TOLL_CHART_BAR) && !c->o.has_ymin &&
		    c->vt.lo >= lo)
			c->vt.lo = lo / 2;
		if (c->o.has_ymin)
			c->vt.lo = c->o.ymin;
		if (c->o.has_ymax)
			c->vt.hi = c->o.ymax;
	} else {
		int loose = !(c->o.has_ymin && c->o.has_ymax);
		for (;;) {
			if (toll_ticks_linear(lo, hi, m, loose, &c->vt) != 0)
				return -1;
			/* Counts, and values that are all whole: no ticks between them. */
			if ((c->o.kind != TOLL_CHART_HIST && c->frac_y) || m <= 2 || c->vt.n < 2 ||
			    c->vt.v[1] - c->vt.v[0] >= 1)
				break;
			m--;
		}
		if (c->o.has_ymin)
			c->vt.lo = c->o.ymin;
		if (c->o.has_ymax)
			c->vt.hi = c->o.ymax;
	}
	if (!(c->vt.hi > c->vt.lo))
		c->vt.hi = c->vt.lo + 1;
	/* Ticks outside a range set by --ymin or --ymax are dropped. */
	{
		size_t i, n = 0;
		double eps = (c->vt.hi - c->vt.lo) * 1e-9;
		for (i = 0; i < c->vt.n; i++) {
			if (c->vt.v[i] < c->vt.lo - eps || c->vt.v[i] > c->vt.hi + eps)
				continue;
			c->vt.v[n] = c->vt.v[i];
			memmove(c->vt.label[n], c->vt.label[i], TOLL_TICK_LABEL);
			n++;
		}
		c->vt.n = n;
	}
	return 0;
}

/* The x range of LINE and STEP (dates or numbers), and of HIST's bins. */
static void
x_range(const toll_chart *c, double *lo, double *hi)
{
	size_t i;

	*lo = INFINITY;
	*hi = -INFINITY;
	if (c->o.kind == TOLL_CHART_HIST) {
		*lo = gsl_histogram_min(c->hist);
		*hi = gsl_histogram_max(c->hist);
		return;
	}
	for (i = 0; i < c->n; i++) {
		*lo = c->x[i] < *lo ? c->x[i] : *lo;
		*hi = c->x[i] > *hi ? c->x[i] : *hi;
	}
}

/* Whether tick labels at these positions, centred, leave room between them. */
static int
labels_fit(toll_chart *c, const toll_ticks *t, const double *pos, double left)
{
	double prev_right = left - 1e9;
	size_t i;

	for (i = 0; i < t->n; i++) {
		double w = text_width(c, t->label[i], SZ_TICK, 0);
		if (pos[i] - w / 2 < prev_right + 8)
			return 0;
		prev_right = pos[i] + w / 2;
	}
	return 1;
}

/* Labels without thousands separators: years are written 1914, not 1,914. */
static void
plain_labels(toll_ticks *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		char *p = t->label[i], *q = p;

		for (; *p != '\0'; p++)
			if (*p != ',')
				*q++ = *p;
		*q = '\0';
	}
}

/* Ticks for the x axis of LINE, STEP and HIST, as many as fit. */
static int
x_ticks(toll_chart *c)
{
	double lo, hi, pos[TOLL_TICKS_MAX];
	int m;

	x_range(c, &lo, &hi);
	if (c->o.x_dates) {
		double span = hi - lo, pad = span * 0.03;
		/* Dates alone: at least half a day each side, one day for one date. */
		if (!c->o.x_times && pad < 43200)
			pad = span == 0 ? 86400 : 43200;
		else if (span == 0)
			pad = 3600;
		lo = floor(lo - pad);
		hi = ceil(hi + pad);
	}
	for (m = (int)((c->px1 - c->px0) / 60) + 2; m >= 1; m--) {
		size_t i;
		int rc;

		if (c->o.x_dates)
			rc = toll_ticks_date((int64_t)lo, (int64_t)hi, m, !c->o.x_times, &c->xt);
		else
			rc = toll_ticks_linear(lo, hi, m < 2 ? 2 : m, 1, &c->xt);
		if (rc != 0)
			return -1;
		/* Whole numbers on x (years, counts, a histogram of counts): whole ticks. */
		if (!c->o.x_dates && !c->frac_x && m > 2 && c->xt.n >= 2 && c->xt.v[1] - c->xt.v[0] < 1)
			continue;
		if (c->o.x_years)
			plain_labels(&c->xt);
		c->xlo = c->xt.lo;
		c->xhi = c->xt.hi;
		if (!(c->xhi > c->xlo)) {
			c->xlo -= 1;
			c->xhi += 1;
		}
		for (i = 0; i < c->xt.n; i++)
			pos[i] = xmap(c, c->xt.v[i]);
		if (labels_fit(c, &c->xt, pos, c->px0) || m <= 2)
			break;
	}
	return 0;
}

/* ---- the layout ---- */

struct layout {
	double top, bottom;        /* below title, subtitle and legend; above caption and x label */
	PangoLayout *title, *sub, *caption, *xlabel, *ylabel;
	/* Category labels (BAR below the plot, INTERVAL left of it). */
	PangoLayout **catl;
	size_t ncat;
	int rotate;                /* BAR labels at 45 degrees */
	size_t every;              /* draw every n-th category label */
	double cat_h;              /* height of the BAR label area */
	/* Legend items: laid out in rows. */
	size_t nleg;
	PangoLayout **legl;
	double *legx, *legy;
	double leg_h;
};

static void
free_categories(struct layout *L)
{
	size_t i;

	for (i = 0; L->catl != NULL && i < L->ncat; i++)
		if (L->catl[i])
			g_object_unref(L->catl[i]);
	free(L->catl);
	L->catl = NULL;
	L->ncat = 0;
}

static void
layout_free(struct layout *L)
{
	size_t i;

	if (L->title)
		g_object_unref(L->title);
	if (L->sub)
		g_object_unref(L->sub);
	if (L->caption)
		g_object_unref(L->caption);
	if (L->xlabel)
		g_object_unref(L->xlabel);
	if (L->ylabel)
		g_object_unref(L->ylabel);
	free_categories(L);
	for (i = 0; i < L->nleg; i++)
		if (L->legl && L->legl[i])
			g_object_unref(L->legl[i]);
	free(L->legl);
	free(L->legx);
	free(L->legy);
}

static const char OPEN_LABEL[] = "at least (no upper bound given)";
#define SWATCH 16.0

/* Legend items in rows across the width; returns 0 or -1. */
static int
legend(toll_chart *c, struct layout *L, double x0, double width, double y0)
{
	size_t ns = toll_strmap_count(c->series), i;
	double x = x0, y = y0, lh = line_height(c, SZ_LEGEND);

	L->nleg = (ns > 1 ? ns : 0) + (c->any_open ? 1 : 0);
	L->leg_h = 0;
	if (L->nleg == 0)
		return 0;
	L->legl = calloc(L->nleg, sizeof *L->legl);
	L->legx = calloc(L->nleg, sizeof *L->legx);
	L->legy = calloc(L->nleg, sizeof *L->legy);
	if (!L->legl || !L->legx || !L->legy)
		return -1;
	for (i = 0; i < L->nleg; i++) {
		char buf[256];
		const char *s = OPEN_LABEL;
		double w;

		if (i < L->nleg - (c->any_open ? 1 : 0) && ns > 1) {
			toll_str k = toll_strmap_key(c->series, i);
			snprintf(buf, sizeof buf, "%.*s", (int)(k.len < 200 ? k.len : 200), k.s);
			s = buf;
		}
		L->legl[i] = text(c, s, SZ_LEGEND, 0, width - SWATCH - 6, 1);
		extent(L->legl[i], &w, NULL);
		w += SWATCH + 6;
		if (x > x0 && x + w > x0 + width) {
			x = x0;
			y += lh + 4;
		}
		L->legx[i] = x;
		L->legy[i] = y;
		x += w + 18;
	}
	L->leg_h = y + lh - y0;
	return 0;
}

/* Category labels of BAR and INTERVAL. */
static int
category_labels(toll_chart *c, struct layout *L, double width, int lines)
{
	size_t i;

	L->ncat = toll_strmap_count(c->cats);
	if (L->ncat == 0)
		return 0;
	if ((L->catl = calloc(L->ncat, sizeof *L->catl)) == NULL)
		return -1;
	for (i = 0; i < L->ncat; i++) {
		toll_str k = toll_strmap_key(c->cats, i);
		char *s = malloc(k.len + 1);

		if (s == NULL)
			return -1;
		memcpy(s, k.s, k.len);
		s[k.len] = '\0';
		L->catl[i] = text(c, s, SZ_TICK, 0, width, lines);
		if (c->o.kind == TOLL_CHART_INTERVAL)
			pango_layout_set_alignment(L->catl[i], PANGO_ALIGN_RIGHT);
		else if (!L->rotate)
			pango_layout_set_alignment(L->catl[i], PANGO_ALIGN_CENTER);
		free(s);
	}
	return 0;
}

/* The BAR category labels: wrapped in their band, else at 45 degrees; thinned if need be. */
static int
bar_labels(toll_chart *c, struct layout *L)
{
	size_t ncat = toll_strmap_count(c->cats), i;
	double band = (c->px1 - c->px0) / (double)(ncat ? ncat : 1), lh = line_height(c, SZ_TICK);
	double maxw = 0, maxh = 0;
	int fits = 1;

	free_categories(L);
	L->rotate = 0;
	L->every = 1;
	if (category_labels(c, L, band - 4, 3) != 0)
		return -1;
	/* Wrapped labels fit when no word had to be cut short. */
	for (i = 0; i < L->ncat; i++) {
		double w, h;
		extent(L->catl[i], &w, &h);
		maxh = fmax(maxh, h);
		if (pango_layout_is_ellipsized(L->catl[i]) || band < 36)
			fits = 0;
	}
	if (fits) {
		L->cat_h = maxh;
		return 0;
	}
	free_categories(L);
	L->rotate = 1;
	if (category_labels(c, L, 160, 1) != 0)
		return -1;
	for (i = 0; i < L->ncat; i++) {
		double w;
		extent(L->catl[i], &w, NULL);
		maxw = fmax(maxw, w);
	}
	L->cat_h = (maxw + lh) * M_SQRT1_2;
	/* Rotated labels are lh / sin 45 apart along the axis at the least. */
	L->every = (size_t)ceil(lh * 1.5 / band);
	if (L->every < 1)
		L->every = 1;
	return 0;
}

static int
plan(toll_chart *c, struct layout *L)
{
	const toll_chart_opts *o = &c->o;
	double W = o->width, H = o->height, y = PAD, bottom = H - PAD, left = PAD, h, w;
	double tick_h = line_height(c, SZ_TICK);
	int pass;

	if (o->title && *o->title) {
		L->title = text(c, o->title, SZ_TITLE, 1, W - 2 * PAD, 2);
		extent(L->title, NULL, &h);
		y += h + 2;
	}
	if (o->subtitle && *o->subtitle) {
		L->sub = text(c, o->subtitle, SZ_SUB, 0, W - 2 * PAD, 2);
		extent(L->sub, NULL, &h);
		y += h;
	}
	if (L->title || L->sub)
		y += 10;
	if (legend(c, L, PAD, W - 2 * PAD, y) != 0)
		return -1;
	if (L->nleg)
		y += L->leg_h + 10;
	L->top = y + tick_h / 2;
	if (o->caption && *o->caption) {
		L->caption = text(c, o->caption, SZ_CAPTION, 0, W - 2 * PAD, 3);
		extent(L->caption, NULL, &h);
		bottom -= h + 8;
	}
	if (o->xlabel && *o->xlabel) {
		L->xlabel = text(c, o->xlabel, SZ_AXIS, 0, W - 2 * PAD, 1);
		extent(L->xlabel, NULL, &h);
		bottom -= h + 4;
	}
	if (o->ylabel && *o->ylabel) {
		L->ylabel = text(c, o->ylabel, SZ_AXIS, 0, H * 0.8, 1);
		extent(L->ylabel, NULL, &h);
		left += h + 6;
	}
	L->bottom = bottom;

	if (o->kind == TOLL_CHART_INTERVAL) {
		double maxw = 0;
		size_t i;

		if (category_labels(c, L, W * 0.35, 1) != 0)
			return -1;
		for (i = 0; i < L->ncat; i++) {
			extent(L->catl[i], &w, NULL);
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
				if (value_ticks(c, m) != 0)
					return -1;
				for (k = 0; k < c->vt.n; k++)
					pos[k] = vmap(c, c->vt.v[k]);
				if (labels_fit(c, &c->vt, pos, c->px0))
					break;
			}
			/* The last label may not run past the edge. */
			if (c->vt.n == 0)
				break;
			w = text_width(c, c->vt.label[c->vt.n - 1], SZ_TICK, 0);
			over = vmap(c, c->vt.v[c->vt.n - 1]) + w / 2 - (W - PAD);
			if (over <= 0.5)
				break;
			c->px1 -= over;
		}
		return 0;
	}

	/* Vertical value axis: the plot's height decides the ticks, whose labels decide its left edge. */
	c->py0 = L->top;
	c->px1 = W - PAD;
	c->px0 = left + 40;
	for (pass = 0; pass < 4; pass++) {
		double lab_h = tick_h, maxw = 0, over = 0;
		size_t i;

		if (o->kind == TOLL_CHART_BAR) {
			if (bar_labels(c, L) != 0)
				return -1;
			lab_h = L->cat_h;
		}
		c->py1 = bottom - lab_h - TICK_LEN - LABEL_GAP + 2;
		if (c->py1 - c->py0 < 20)
			c->py1 = c->py0 + 20;
		/* A tick every 50 units or so, three at the least. */
		if (value_ticks(c, (int)fmax(3, (c->py1 - c->py0) / 50 + 1)) != 0)
			return -1;
		for (i = 0; i < c->vt.n; i++)
			maxw = fmax(maxw, text_width(c, c->vt.label[i], SZ_TICK, 0));
		c->px0 = left + maxw + LABEL_GAP;
		/* Labels at 45 degrees reach left of their bar: the first ones may not leave the chart. */
		if (o->kind == TOLL_CHART_BAR && L->rotate) {
			size_t ncat = L->ncat ? L->ncat : 1, k;
			double band = (c->px1 - c->px0) / (double)ncat, need = 0;
			for (k = 0; k < L->ncat; k += L->every) {
				double lw;
				extent(L->catl[k], &lw, NULL);
				need = fmax(need, (lw + tick_h) * M_SQRT1_2 - 3 - band * ((double)k + 0.5));
			}
			if (c->px0 < PAD + need)
				c->px0 = PAD + need;
		}
		if (o->kind != TOLL_CHART_BAR) {
			if (x_ticks(c) != 0)
				return -1;
			if (c->xt.n > 0) {
				w = text_width(c, c->xt.label[c->xt.n - 1], SZ_TICK, 0);
				over = xmap(c, c->xt.v[c->xt.n - 1]) + w / 2 - (W - PAD);
			}
			if (over > 0.5) {
				c->px1 = W - PAD - over;
				continue;
			}
		}
		if (pass > 0 && !(o->kind == TOLL_CHART_BAR && L->rotate && pass < 2))
			break;
	}
	return 0;
}

/* ---- drawing the data ---- */

/*
 * Indices of the points of each series, in x order (stable).  qsort() has
 * no argument for the comparison: the x values are passed in sort_x (a
 * chart is drawn by one thread at a time).
 */
static const double *sort_x;
static int
by_x(const void *a, const void *b)
{
	uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
	if (sort_x[i] != sort_x[j])
		return sort_x[i] < sort_x[j] ? -1 : 1;
	return i < j ? -1 : i > j;
}

static uint32_t *
series_order(const toll_chart *c, size_t *start)
{
	size_t ns = nseries(c), i, s;
	uint32_t *idx = malloc((c->n ? c->n : 1) * sizeof *idx);

	if (idx == NULL)
		return NULL;
	memset(start, 0, (ns + 1) * sizeof *start);
	for (i = 0; i < c->n; i++)
		start[ser_of(c, i) + 1]++;
	for (s = 0; s < ns; s++)
		start[s + 1] += start[s];
	{
		size_t *fill = malloc(ns * sizeof *fill);
		if (fill == NULL) {
			free(idx);
			return NULL;
		}
		memcpy(fill, start, ns * sizeof *fill);
		for (i = 0; i < c->n; i++)
			idx[fill[ser_of(c, i)]++] = (uint32_t)i;
		free(fill);
	}
	sort_x = c->x;
	for (s = 0; s < ns; s++) {
		size_t a = start[s], b = start[s + 1], k;
		for (k = a + 1; k < b; k++)
			if (c->x[idx[k]] < c->x[idx[k - 1]])
				break;
		if (k < b)
			qsort(idx + a, b - a, sizeof *idx, by_x);
	}
	return idx;
}

int
toll_chart_same_x(const toll_chart *c, size_t *first, size_t *second)
{
	size_t ns = nseries(c), *start = malloc((ns + 1) * sizeof *start), s, k;
	uint32_t *idx;
	int found = 0;

	if (start == NULL || (idx = series_order(c, start)) == NULL) {
		free(start);
		return -1;
	}
	/* In x order, stable: the earlier of two points at one x comes first. */
	for (s = 0; s < ns && !found; s++)
		for (k = start[s] + 1; k < start[s + 1]; k++)
			if (c->x[idx[k]] == c->x[idx[k - 1]]) {
				*first = idx[k - 1];
				*second = idx[k];
				found = 1;
				break;
			}
	free(start);
	free(idx);
	return found;
}

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

static void
marker(cairo_t *cr, double x, double y, int open, rgb col)
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
	set_rgb(cr, col);
	cairo_fill_preserve(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_line_width(cr, 1);
	cairo_stroke(cr);
}

static int
draw_lines(toll_chart *c)
{
	size_t ns = nseries(c), s, *start = malloc((ns + 1) * sizeof *start);
	uint32_t *idx = NULL, *v = NULL;
	cairo_t *cr = c->cr;
	int step = c->o.kind == TOLL_CHART_STEP, pass;
	double xend = xmap(c, c->xhi);

	if (start == NULL || (idx = series_order(c, start)) == NULL ||
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
		xend = xmap(c, last);
	}
	cairo_save(cr);
	cairo_rectangle(cr, c->px0, clip_top(c), c->px1 - c->px0, c->py1 - clip_top(c) + 1);
	cairo_clip(cr);
	for (s = 0; s < ns; s++) {
		size_t n = start[s + 1] - start[s], m, k, nb = 0;
		rgb col = colour(c, s);

		if (n == 0)
			continue;
		m = reduce(c, idx + start[s], n, v);
		/* The band first, under the line. */
		for (k = 0; k < m; k++)
			nb += band_of(c, v[k]);
		if (nb > 0) {
			for (k = 0; k < m; k++) {
				double x = xmap(c, c->x[v[k]]), y = vmap(c, c->hi[v[k]]);
				if (k == 0)
					cairo_move_to(cr, x, y);
				else if (step)
					cairo_line_to(cr, x, vmap(c, c->hi[v[k - 1]])), cairo_line_to(cr, x, y);
				else
					cairo_line_to(cr, x, y);
			}
			if (step)
				cairo_line_to(cr, xend, vmap(c, c->hi[v[m - 1]])),
				cairo_line_to(cr, xend, vmap(c, c->lo[v[m - 1]]));
			for (k = m; k-- > 0;) {
				double x = xmap(c, c->x[v[k]]), y = vmap(c, c->lo[v[k]]);
				if (step && k + 1 < m)
					cairo_line_to(cr, xmap(c, c->x[v[k + 1]]), y);
				cairo_line_to(cr, x, y);
			}
			cairo_close_path(cr);
			cairo_set_source_rgba(cr, col.r, col.g, col.b, 0.18);
			cairo_fill(cr);
		}
		for (k = 0; k < m; k++) {
			double x = xmap(c, c->x[v[k]]), y = vmap(c, c->y[v[k]]);
			if (k == 0)
				cairo_move_to(cr, x, y);
			else if (step)
				cairo_line_to(cr, x, vmap(c, c->y[v[k - 1]])), cairo_line_to(cr, x, y);
			else
				cairo_line_to(cr, x, y);
		}
		if (step)
			cairo_line_to(cr, xend, vmap(c, c->y[v[m - 1]]));
		set_rgb(cr, col);
		cairo_set_line_width(cr, m > 2000 ? 1.2 : 2);
		cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
		cairo_stroke(cr);
	}
	/* Reports are marked when they are few enough to tell apart; the
	 * triangles of open figures last, so another series' dot hides none. */
	for (pass = 0; pass < 2; pass++)
		for (s = 0; s < ns; s++) {
			size_t n = start[s + 1] - start[s], k;
			if (!step && !c->any_open)
				break;
			if (n > (size_t)((c->px1 - c->px0) / 6))
				continue;
			for (k = 0; k < n; k++) {
				uint32_t i = idx[start[s] + k];
				if ((step || open_of(c, i)) && open_of(c, i) == pass)
					marker(cr, xmap(c, c->x[i]), vmap(c, c->y[i]), open_of(c, i), colour(c, s));
			}
		}
	cairo_restore(cr);
	free(start);
	free(idx);
	free(v);
	return 0;
}

static void
arrow_head(cairo_t *cr, double x, double y, double dx, double dy)
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
static void
whisker(toll_chart *c, double x, double lo, double hi, int open, double cap)
{
	cairo_t *cr = c->cr;
	double ylo = vmap(c, lo), yhi = open ? fmax(vmap(c, hi) - 22, c->py0 + 1) : vmap(c, hi);

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
		arrow_head(cr, x, yhi, 0, -1);
}

static int
draw_bars(toll_chart *c)
{
	size_t ncat = toll_strmap_count(c->cats), ns = nseries(c), i, k;
	double band = (c->px1 - c->px0) / (double)(ncat ? ncat : 1);
	/* Bars stand on zero, or on a log axis's floor; stacks always add up from zero. */
	double base = c->o.log_y ? c->vt.lo : fmax(c->vt.lo, fmin(0, c->vt.hi));
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
	cairo_rectangle(cr, c->px0, clip_top(c), c->px1 - c->px0, c->py1 - clip_top(c));
	cairo_clip(cr);
	for (i = 0; i < c->n; i++) {
		uint32_t cat = cat_of(c, i), s = ser_of(c, i);
		double x, w, y0, y1, v = c->y[i];
		rgb col = colour(c, s);

		if (c->o.stacked) {
			w = band * 0.6;
			x = c->px0 + band * cat + band * 0.2;
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
			x = c->px0 + band * cat + band * 0.1 + w * s;
			y0 = base;
			y1 = v;
		}
		{
			double a = vmap(c, y0), b = vmap(c, y1);
			/* A hairline between neighbours keeps adjacent bars apart. */
			double gap = !c->o.stacked && ns > 1 ? fmin(1.0, w * 0.08) : 0;
			cairo_rectangle(cr, x + gap, fmin(a, b), w - 2 * gap, fabs(a - b));
			set_rgb(cr, col);
			cairo_fill(cr);
		}
		if (!c->o.stacked && band_of(c, i))
			whisker(c, x + w / 2, c->lo[i], c->hi[i], open_of(c, i), fmin(w * 0.35, 10));
	}
	if (c->o.stacked) {
		for (k = 0; k < ncat; k++)
			if (tband[k])
				whisker(c, c->px0 + band * k + band / 2, tlo[k], thi[k], topen[k],
				        fmin(band * 0.2, 10));
	}
	cairo_restore(cr);
	free(up), free(down), free(tlo), free(thi), free(topen), free(tband);
	return 0;
}

static void
draw_intervals(toll_chart *c, struct layout *L)
{
	cairo_t *cr = c->cr;
	double row = (c->py1 - c->py0) / (double)(c->n ? c->n : 1), lh = line_height(c, SZ_TICK);
	size_t every = (size_t)ceil(lh * 1.1 / row), i;

	if (every < 1)
		every = 1;
	for (i = 0; i < c->n; i++) {
		double y = c->py0 + row * (i + 0.5);
		rgb col = colour(c, ser_of(c, i));

		if (i % every == 0 && cat_of(c, i) < L->ncat) {
			PangoLayout *l = L->catl[cat_of(c, i)];
			double w, h;
			extent(l, &w, &h);
			show(c, l, c->px0 - LABEL_GAP - 4 - (double)pango_layout_get_width(l) / PANGO_SCALE,
			     y - h / 2, 0, 0, ink_soft);
		}
		/* A faint guide from the label across the plot. */
		cairo_set_source_rgb(cr, 0.94, 0.94, 0.94);
		cairo_set_line_width(cr, 1.0 / (c->o.format == TOLL_CHART_PNG ? c->o.scale : 1));
		cairo_move_to(cr, c->px0, snap(c, y));
		cairo_line_to(cr, c->px1, snap(c, y));
		cairo_stroke(cr);
		cairo_save(cr);
		cairo_rectangle(cr, c->px0, c->py0 - row, c->px1 - c->px0 + 1, c->py1 - c->py0 + 2 * row);
		cairo_clip(cr);
		if (band_of(c, i)) {
			double a = vmap(c, c->lo[i]), b = open_of(c, i) ? c->px1 - 1 : vmap(c, c->hi[i]);
			set_rgb(cr, col);
			cairo_set_line_width(cr, 2.5);
			cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
			cairo_move_to(cr, a, y);
			cairo_line_to(cr, open_of(c, i) ? b - 5 : b, y);
			cairo_stroke(cr);
			if (open_of(c, i))
				arrow_head(cr, b, y, 1, 0);
		} else if (open_of(c, i)) {
			double a = vmap(c, c->y[i]), b = c->px1 - 1;
			set_rgb(cr, col);
			cairo_set_line_width(cr, 1.2);
			cairo_set_dash(cr, (double[]){ 3, 3 }, 2, 0);
			cairo_move_to(cr, a, y);
			cairo_line_to(cr, b - 5, y);
			cairo_stroke(cr);
			cairo_set_dash(cr, NULL, 0, 0);
			arrow_head(cr, b, y, 1, 0);
		}
		cairo_new_sub_path(cr);
		cairo_arc(cr, vmap(c, c->y[i]), y, 4.2, 0, 2 * M_PI);
		set_rgb(cr, col);
		cairo_fill_preserve(cr);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_set_line_width(cr, 1.2);
		cairo_stroke(cr);
		cairo_restore(cr);
	}
}

static void
draw_hist(toll_chart *c)
{
	cairo_t *cr = c->cr;
	size_t i, nb = gsl_histogram_bins(c->hist);
	rgb col = colour(c, 0);

	cairo_save(cr);
	cairo_rectangle(cr, c->px0, c->py0, c->px1 - c->px0, c->py1 - c->py0);
	cairo_clip(cr);
	for (i = 0; i < nb; i++) {
		double a, b, v = gsl_histogram_get(c->hist, i);
		double base = c->o.log_y ? c->vt.lo : 0;
		gsl_histogram_get_range(c->hist, i, &a, &b);
		if (v <= 0)
			continue;
		cairo_rectangle(cr, xmap(c, a), vmap(c, v), xmap(c, b) - xmap(c, a), vmap(c, base) - vmap(c, v));
		set_rgb(cr, col);
		cairo_fill_preserve(cr);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_set_line_width(cr, nb > 100 ? 0.3 : 1);
		cairo_stroke(cr);
	}
	cairo_restore(cr);
}

/* ---- axes, legend, titles ---- */

static void
draw_value_axis(toll_chart *c)
{
	cairo_t *cr = c->cr;
	size_t i;
	int horiz = c->o.kind == TOLL_CHART_INTERVAL;

	/* Grid lines first, under the data. */
	cairo_set_line_width(cr, 1.0 / (c->o.format == TOLL_CHART_PNG ? c->o.scale : 1));
	set_rgb(cr, grid);
	for (i = 0; i < c->vt.n; i++) {
		double p = snap(c, vmap(c, c->vt.v[i]));
		if (horiz) {
			cairo_move_to(cr, p, c->py0);
			cairo_line_to(cr, p, c->py1);
		} else {
			cairo_move_to(cr, c->px0, p);
			cairo_line_to(cr, c->px1, p);
		}
	}
	cairo_stroke(cr);
}

static void
draw_value_labels(toll_chart *c)
{
	size_t i;

	for (i = 0; i < c->vt.n; i++) {
		double p = vmap(c, c->vt.v[i]);
		if (c->o.kind == TOLL_CHART_INTERVAL)
			show_text(c, c->vt.label[i], SZ_TICK, 0, p, c->py1 + TICK_LEN + 2, 0.5, 0, ink_soft);
		else
			show_text(c, c->vt.label[i], SZ_TICK, 0, c->px0 - LABEL_GAP, p, 1, 0.5, ink_soft);
	}
}

static void
draw_x_axis(toll_chart *c, struct layout *L)
{
	cairo_t *cr = c->cr;
	double lw = 1.0 / (c->o.format == TOLL_CHART_PNG ? c->o.scale : 1);
	double base = c->py1;
	size_t i;

	if (c->o.kind == TOLL_CHART_BAR && !c->o.log_y && c->vt.lo < 0 && c->vt.hi > 0)
		base = vmap(c, 0);
	cairo_set_line_width(cr, lw);
	set_rgb(cr, axis);
	cairo_move_to(cr, c->px0, snap(c, base));
	cairo_line_to(cr, c->px1, snap(c, base));
	cairo_stroke(cr);
	if (c->o.kind == TOLL_CHART_BAR) {
		size_t ncat = toll_strmap_count(c->cats);
		double band = (c->px1 - c->px0) / (double)(ncat ? ncat : 1);
		for (i = 0; i < L->ncat; i += L->every) {
			double x = c->px0 + band * (i + 0.5), w, h;
			extent(L->catl[i], &w, &h);
			if (L->rotate) {
				cairo_save(cr);
				cairo_translate(cr, x + 3, c->py1 + TICK_LEN);
				cairo_rotate(cr, -M_PI / 4);
				show(c, L->catl[i], 0, 0, 1, 0, ink_soft);
				cairo_restore(cr);
			} else {
				double lw2 = (double)pango_layout_get_width(L->catl[i]) / PANGO_SCALE;
				show(c, L->catl[i], x - lw2 / 2, c->py1 + TICK_LEN + 2, 0, 0, ink_soft);
			}
		}
		return;
	}
	set_rgb(cr, axis);
	for (i = 0; i < c->xt.n; i++) {
		double x = snap(c, xmap(c, c->xt.v[i]));
		cairo_move_to(cr, x, c->py1);
		cairo_line_to(cr, x, c->py1 + TICK_LEN);
	}
	cairo_stroke(cr);
	for (i = 0; i < c->xt.n; i++)
		show_text(c, c->xt.label[i], SZ_TICK, 0, xmap(c, c->xt.v[i]), c->py1 + TICK_LEN + 2, 0.5, 0,
		          ink_soft);
}

static void
draw_legend(toll_chart *c, struct layout *L)
{
	cairo_t *cr = c->cr;
	double lh = line_height(c, SZ_LEGEND);
	size_t i;

	for (i = 0; i < L->nleg; i++) {
		double x = L->legx[i], y = L->legy[i] + lh / 2;
		int is_open = c->any_open && i == L->nleg - 1;
		rgb col = is_open ? ink_faint : colour(c, i);

		if (is_open) {
			if (c->o.kind == TOLL_CHART_INTERVAL) {
				set_rgb(cr, ink_soft);
				cairo_set_line_width(cr, 1.5);
				cairo_move_to(cr, x + 1, y);
				cairo_line_to(cr, x + SWATCH - 6, y);
				cairo_stroke(cr);
				arrow_head(cr, x + SWATCH - 1, y, 1, 0);
			} else if (c->o.kind == TOLL_CHART_BAR) {
				/* As the whiskers: up. */
				set_rgb(cr, ink_soft);
				cairo_set_line_width(cr, 1.3);
				cairo_move_to(cr, x + SWATCH / 2, y + 6);
				cairo_line_to(cr, x + SWATCH / 2, y - 2);
				cairo_stroke(cr);
				arrow_head(cr, x + SWATCH / 2, y - 7, 0, -1);
			} else {
				marker(cr, x + SWATCH / 2, y + 1, 1, col);
			}
		} else if (c->o.kind == TOLL_CHART_BAR || c->o.kind == TOLL_CHART_HIST) {
			cairo_rectangle(cr, x + 2, y - 5.5, 11, 11);
			set_rgb(cr, col);
			cairo_fill(cr);
		} else if (c->o.kind == TOLL_CHART_INTERVAL) {
			set_rgb(cr, col);
			cairo_set_line_width(cr, 2.5);
			cairo_move_to(cr, x, y);
			cairo_line_to(cr, x + SWATCH, y);
			cairo_stroke(cr);
			cairo_arc(cr, x + SWATCH / 2, y, 4, 0, 2 * M_PI);
			cairo_fill(cr);
		} else {
			set_rgb(cr, col);
			cairo_set_line_width(cr, 2.5);
			cairo_move_to(cr, x, y);
			cairo_line_to(cr, x + SWATCH, y);
			cairo_stroke(cr);
		}
		show(c, L->legl[i], x + SWATCH + 6, L->legy[i], 0, 0, ink);
	}
}

static void
draw_texts(toll_chart *c, struct layout *L)
{
	const toll_chart_opts *o = &c->o;
	double y = PAD, h;

	if (L->title) {
		show(c, L->title, PAD, y, 0, 0, ink);
		extent(L->title, NULL, &h);
		y += h + 2;
	}
	if (L->sub)
		show(c, L->sub, PAD, y, 0, 0, ink_soft);
	if (L->caption) {
		extent(L->caption, NULL, &h);
		show(c, L->caption, PAD, o->height - PAD - h, 0, 0, ink_faint);
	}
	if (L->xlabel)
		show(c, L->xlabel, (c->px0 + c->px1) / 2, L->bottom, 0.5, 0, ink_soft);
	if (L->ylabel) {
		double w;
		extent(L->ylabel, &w, &h);
		cairo_save(c->cr);
		cairo_translate(c->cr, PAD, (c->py0 + c->py1) / 2 + w / 2);
		cairo_rotate(c->cr, -M_PI / 2);
		show(c, L->ylabel, 0, 0, 0, 0, ink_soft);
		cairo_restore(c->cr);
	}
}

/* ---- histogram ---- */

static double
nice_up(double x)
{
	double p = pow(10, floor(log10(x))), f = x / p;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

static int
make_hist(toll_chart *c)
{
	double *v = malloc((c->n ? c->n : 1) * sizeof *v), lo, hi, width;
	size_t i, nb;

	if (v == NULL)
		return -1;
	memcpy(v, c->x, c->n * sizeof *v);
	gsl_sort(v, 1, c->n);
	lo = v[0];
	hi = v[c->n - 1];
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
		double iqr = gsl_stats_quantile_from_sorted_data(v, 1, c->n, 0.75) -
		             gsl_stats_quantile_from_sorted_data(v, 1, c->n, 0.25);
		width = 2 * iqr / cbrt((double)c->n);
		/* No spread in the middle half: Sturges' number of bins instead. */
		if (!(width > 0))
			width = (hi - lo) / (ceil(log2((double)c->n)) + 1);
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
	for (i = 0; i < c->n; i++) {
		/* The top edge is in the last bin. */
		if (gsl_histogram_increment(c->hist, v[i]) != 0)
			c->hist->bin[nb - 1] += 1;
	}
	free(v);
	return 0;
}

/* ---- output ---- */

struct sink {
	toll_chart_write_fn write;
	void *closure;
	int failed;
};

static cairo_status_t
sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *s = closure;

	if (s->failed || s->write(s->closure, data, len) != 0) {
		s->failed = 1;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
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
	struct sink *sk = png_get_io_ptr(png);

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
write_png(cairo_surface_t *sf, struct sink *sk)
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

static void
iso_date(int64_t t, char *buf, size_t sz)
{
	int64_t day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400), y;
	int64_t s = t - day * 86400;
	int m, d;

	toll_civil_from_days(day, &y, &m, &d);
	snprintf(buf, sz, "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)y, m, d, (int)(s / 3600),
	         (int)(s / 60 % 60), (int)(s % 60));
}

static cairo_surface_t *
make_surface(toll_chart *c, struct sink *sk)
{
	const toll_chart_opts *o = &c->o;
	cairo_surface_t *sf;

	switch (o->format) {
	case TOLL_CHART_PDF:
		sf = cairo_pdf_surface_create_for_stream(sink_write, sk, o->width, o->height);
		if (cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS) {
			char date[32] = "";
			/* No date unless one is given: an empty one keeps cairo from using the clock. */
			if (o->has_pdf_date)
				iso_date(o->pdf_date, date, sizeof date);
			cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE, date);
			cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_MOD_DATE, date);
			cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR, "toll-plot");
			if (o->title && *o->title)
				cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, o->title);
		}
		return sf;
	case TOLL_CHART_SVG:
		sf = cairo_svg_surface_create_for_stream(sink_write, sk, o->width, o->height);
		if (cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS)
			cairo_svg_surface_set_document_unit(sf, CAIRO_SVG_UNIT_PT);
		return sf;
	default:
		return cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(o->width * o->scale),
		                                  (int)ceil(o->height * o->scale));
	}
}

/* Where Debian's fonts-dejavu-core puts the default font. */
#define DEJAVU_DIR "/usr/share/fonts/truetype/dejavu"

static PangoFontMap *font_map;   /* one for the process, made when first needed */
static int font_map_system;

/*
 * The font map.  Unless system is set it knows only DejaVu Sans's two files
 * (regular and bold), when they are there: that saves reading the system's
 * whole fontconfig configuration, a third of a small chart's time, and
 * keeps the machine's font settings out of the charts.  Otherwise, or when
 * the files are not there, it has the system's fonts.
 */
static PangoFontMap *
fonts(int system)
{
	FcConfig *cfg = NULL;

	if (font_map != NULL && (font_map_system || !system))
		return font_map;
	if (font_map != NULL)
		g_object_unref(font_map);
	if (!system && (cfg = FcConfigCreate()) != NULL &&
	    (!FcConfigAppFontAddFile(cfg, (const FcChar8 *)DEJAVU_DIR "/DejaVuSans.ttf") ||
	     !FcConfigAppFontAddFile(cfg, (const FcChar8 *)DEJAVU_DIR "/DejaVuSans-Bold.ttf"))) {
		FcConfigDestroy(cfg);
		cfg = NULL;
	}
	if (cfg != NULL) {
		/*
		 * Made current before pango starts its thread that calls FcInit():
		 * with a current configuration that returns at once instead of
		 * reading the system's.
		 */
		FcConfigSetCurrent(cfg);
	} else {
		/* The system's, made current too: pango's FcInit() has nothing left to read. */
		cfg = FcInitLoadConfigAndFonts();
		FcConfigSetCurrent(cfg);
		system = 1;
	}
	font_map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map), cfg);
	FcConfigDestroy(cfg);   /* the font map holds its own reference */
	font_map_system = system;
	return font_map;
}

static const char *
family(const toll_chart *c)
{
	return c->o.font && *c->o.font ? c->o.font : DEFAULT_FONT;
}

/* Whether some text of the chart has characters DejaVu Sans does not draw. */
static int
needs_more_fonts(toll_chart *c)
{
	const char *texts[] = { c->o.title, c->o.subtitle, c->o.xlabel, c->o.ylabel, c->o.caption };
	PangoContext *pc;
	PangoLayout *l;
	GString *all = g_string_new(NULL);
	toll_strmap *maps[2] = { c->series, c->cats };
	size_t i, k;
	int missing;
	char buf[TOLL_CHART_TEXT_BUF];

	if (g_ascii_strcasecmp(family(c), DEFAULT_FONT) != 0)
		return 1;
	/* What is drawn of each text, one line each. */
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (texts[i])
			g_string_append(all, shown(texts[i], strlen(texts[i]), buf)), g_string_append_c(all, '\n');
	for (k = 0; k < 2; k++)
		for (i = 0; i < toll_strmap_count(maps[k]); i++) {
			toll_str t = toll_strmap_key(maps[k], i);
			g_string_append(all, shown(t.s, t.len, buf));
			g_string_append_c(all, '\n');
		}
	pc = pango_font_map_create_context(fonts(0));
	l = pango_layout_new(pc);
	pango_layout_set_text(l, all->str, (int)all->len);
	missing = pango_layout_get_unknown_glyphs_count(l) > 0;
	g_object_unref(l);
	g_object_unref(pc);
	g_string_free(all, TRUE);
	return missing;
}

static void
setup_text(toll_chart *c)
{
	cairo_font_options_t *fo = cairo_font_options_create();
	PangoFontMap *fm = fonts(font_map_system || needs_more_fonts(c));

	c->pc = pango_font_map_create_context(fm);
	/* The same glyphs on every machine: no hinting, grey antialiasing. */
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(c->pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(c->pc, 72);
	pango_context_set_round_glyph_positions(c->pc, FALSE);
	pango_context_set_base_dir(c->pc, PANGO_DIRECTION_LTR);
	c->font = pango_font_description_new();
	pango_font_description_set_family(c->font, family(c));
}

int
toll_chart_render(toll_chart *c, toll_chart_write_fn write, void *closure, toll_diag *d)
{
	struct sink sk = { write, closure, 0 };
	struct layout L;
	cairo_surface_t *sf;
	cairo_status_t st;
	size_t i;
	int rc = TOLL_OK;

	memset(&L, 0, sizeof L);
	if (c->n == 0)
		return toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "nothing to draw");
	for (i = 0; i < c->n; i++) {
		c->any_open |= open_of(c, i) && !c->o.no_interval;
		c->any_band |= band_of(c, i);
	}
	if (c->o.kind == TOLL_CHART_HIST && (rc = make_hist(c)) != 0)
		return rc > 0 ? toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "the values cannot be put on an axis") :
		       toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	sf = make_surface(c, &sk);
	c->cr = cairo_create(sf);
	setup_text(c);
	if (c->o.format == TOLL_CHART_PNG)
		cairo_scale(c->cr, c->o.scale, c->o.scale);
	pango_cairo_update_context(c->cr, c->pc);

	if (plan(c, &L) != 0) {
		rc = toll_diag_set(d, TOLL_EDATA, NULL, 0, 0, "the values cannot be put on an axis");
		goto done;
	}
	cairo_set_source_rgb(c->cr, 1, 1, 1);
	cairo_paint(c->cr);
	draw_value_axis(c);
	switch (c->o.kind) {
	case TOLL_CHART_BAR:
		if (draw_bars(c) != 0)
			rc = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		break;
	case TOLL_CHART_LINE:
	case TOLL_CHART_STEP:
		if (draw_lines(c) != 0)
			rc = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		break;
	case TOLL_CHART_INTERVAL:
		draw_intervals(c, &L);
		break;
	case TOLL_CHART_HIST:
		draw_hist(c);
		break;
	}
	draw_value_labels(c);
	if (c->o.kind != TOLL_CHART_INTERVAL) {
		draw_x_axis(c, &L);
	} else {
		cairo_set_line_width(c->cr, 1.0 / (c->o.format == TOLL_CHART_PNG ? c->o.scale : 1));
		set_rgb(c->cr, axis);
		cairo_move_to(c->cr, c->px0, snap(c, c->py1));
		cairo_line_to(c->cr, c->px1, snap(c, c->py1));
		cairo_stroke(c->cr);
	}
	draw_legend(c, &L);
	draw_texts(c, &L);
done:
	layout_free(&L);
	st = cairo_status(c->cr);
	cairo_destroy(c->cr);
	c->cr = NULL;
	if (rc == TOLL_OK && st == CAIRO_STATUS_SUCCESS) {
		if (c->o.format == TOLL_CHART_PNG)
			st = write_png(sf, &sk) == 0 ? CAIRO_STATUS_SUCCESS :
			     sk.failed ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_NO_MEMORY;
		else
			cairo_surface_finish(sf);
		if (st == CAIRO_STATUS_SUCCESS)
			st = cairo_surface_status(sf);
	}
	cairo_surface_destroy(sf);
	g_object_unref(c->pc);
	pango_font_description_free(c->font);
	c->pc = NULL;
	c->font = NULL;
	if (rc != TOLL_OK)
		return rc;
	if (sk.failed)
		return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "write error");
	if (st == CAIRO_STATUS_NO_MEMORY)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	if (st != CAIRO_STATUS_SUCCESS)
		return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "cairo: %s", cairo_status_to_string(st));
	return TOLL_OK;
}

void
toll_chart_shutdown(void)
{
	/*
	 * The font map holds fontconfig's patterns.  FcFini() is not called:
	 * pango's own thread may still be in FcInit(), and fontconfig's caches
	 * of font files are its own business (__lsan_default_suppressions above
	 * names them).
	 */
	if (font_map != NULL)
		g_object_unref(font_map);
	font_map = NULL;
}

void
toll_chart_font_resolved(const char *name, char *buf, size_t bufsz)
{
	int other = name && *name && g_ascii_strcasecmp(name, DEFAULT_FONT) != 0;
	PangoFontMap *fm = fonts(font_map_system || other);
	PangoContext *pc = pango_font_map_create_context(fm);
	PangoFontDescription *fd = pango_font_description_new();
	PangoFont *f;

	pango_font_description_set_family(fd, other ? name : DEFAULT_FONT);
	pango_font_description_set_absolute_size(fd, 10 * PANGO_SCALE);
	f = pango_font_map_load_font(fm, pc, fd);
	snprintf(buf, bufsz, "%s", "");
	if (f) {
		PangoFontDescription *got = pango_font_describe(f);
		const char *fam = pango_font_description_get_family(got);
		snprintf(buf, bufsz, "%s", fam ? fam : "");
		pango_font_description_free(got);
		g_object_unref(f);
	}
	pango_font_description_free(fd);
	g_object_unref(pc);
}
